"""``keras.wrappers`` (Keras 1.2.2): the scikit-learn wrappers."""
