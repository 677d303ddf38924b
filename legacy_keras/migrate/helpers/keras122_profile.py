"""Stands for ``from legacy_keras import profiles`` in the keras1_image module that
`legacy-keras migrate` writes next to a migrated script: Keras 1.2.2's values of the
version switches (legacy_keras/profiles.py) that legacy_keras/preprocessing/image.py
reads, since a migrated script runs on Keras 3 with 1.2.2's behaviour. Migrate copies
this source (after this docstring) in place of that import line.
"""


class _Keras122Profile(object):
    """Keras 1.2.2's values of the version switches this module reads."""

    VALUES = {"image_generator_featurewise_default": False,
              "image_generator_statistics": "channel",
              "zca_sigma_divisor": "samples"}

    @classmethod
    def switch(cls, name):
        return cls.VALUES[name]


profiles = _Keras122Profile()
