"""Stands for ``from legacy_keras import backend as K`` in the keras1_image module that
`legacy-keras migrate` writes next to a migrated script: the backend settings
legacy_keras/preprocessing/image.py reads, from Keras 3's configuration. Migrate copies
this source (after this docstring) in place of that import line.
"""


class _Keras3Settings(object):
    """The three backend settings this module reads, from Keras 3's configuration
    (image_data_format 'channels_first' / 'channels_last' is Keras 1's 'th' / 'tf')."""

    @staticmethod
    def image_dim_ordering():
        import keras  # lazy: copying this source (migrate) must not load Keras

        return "th" if keras.config.image_data_format() == "channels_first" else "tf"

    @staticmethod
    def floatx():
        import keras  # lazy: copying this source (migrate) must not load Keras

        return keras.config.floatx()

    @staticmethod
    def epsilon():
        import keras  # lazy: copying this source (migrate) must not load Keras

        return keras.config.epsilon()


K = _Keras3Settings()
