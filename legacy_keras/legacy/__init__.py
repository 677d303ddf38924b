"""``keras.legacy`` (Keras 1.0-1.1): the ``Graph`` container (:mod:`.models`)."""
