"""legacy_keras: the Keras 1.2.2 API (on the Theano backend) running on Keras 3.

``import legacy_keras as keras`` works directly; ``legacy_keras.install()`` (or
``legacy-keras run script.py``) makes ``import keras`` and ``import theano`` in an
unmodified Keras 1 script resolve here. See README.md and migration_guide.md.
"""
from legacy_keras import _k3  # noqa: F401  (real Keras 3 before anything else)
from legacy_keras import backend  # noqa: F401
from legacy_keras import activations, constraints, initializations, regularizers  # noqa: F401
from legacy_keras import engine, layers, models, utils  # noqa: F401
from legacy_keras import callbacks, datasets, preprocessing, wrappers  # noqa: F401  (as Keras 1.2.2)
from legacy_keras._activation import install, is_installed, uninstall  # noqa: F401

__version__ = "1.2.2"
_LEGACY_KERAS = True
