"""``keras.preprocessing`` (Keras 1.2.2): ``sequence``, ``text`` and ``image``."""
