"""legacy_keras: the Keras 1.2.2 API (on the Theano backend) running on Keras 3.

``import legacy_keras as keras`` works directly; ``legacy_keras.install()`` (or
``legacy-keras run script.py``) makes ``import keras`` and ``import theano`` in an
unmodified Keras 1 script resolve here. See README.md and migration_guide.md.

``import legacy_keras`` is silent and cheap: it imports neither TensorFlow nor PyTensor
and reads no keras.json. Each subpackage (``legacy_keras.layers``, ``.models``,
``.backend`` ...) is imported the first time it is named (``keras.layers.Dense``,
``from legacy_keras import backend``); the backend announces itself ("Using Theano
backend.") when it is first imported. Under activation, ``import keras`` imports what
Keras 1.2.2's ``keras/__init__.py`` imported (:func:`import_keras1_package`), so the
announcement comes at ``import keras``, as it did in Keras 1.2.2.
"""
import importlib

from legacy_keras import profiles
from legacy_keras._activation import install, is_installed, uninstall  # noqa: F401

_LEGACY_KERAS = True

#: The subpackages and modules reachable as attributes of the package.
SUBMODULES = (
    "activations", "applications", "backend", "callbacks", "constraints", "datasets",
    "engine", "initializations", "layers", "legacy", "metrics", "models", "objectives",
    "optimizers", "preprocessing", "profiles", "regularizers", "theano", "utils", "wrappers")
#: What Keras 1.2.2's ``keras/__init__.py`` imported, in its order.
KERAS1_PACKAGE_IMPORTS = (
    "backend", "datasets", "engine", "layers", "preprocessing", "utils", "wrappers",
    "callbacks", "constraints", "initializations", "metrics", "models", "objectives",
    "optimizers", "regularizers")


def import_keras1_package():
    """Imports the modules Keras 1.2.2's ``import keras`` imported (the backend first,
    which prints "Using Theano backend."). Called when ``import keras`` resolves here."""
    for name in KERAS1_PACKAGE_IMPORTS:
        importlib.import_module(__name__ + "." + name)


def __getattr__(name):
    if name == "__version__":
        return profiles.version()  # the active Keras 1 release (1.2.2 unless chosen)
    if name in SUBMODULES:
        return importlib.import_module(__name__ + "." + name)
    raise AttributeError("module %r has no attribute %r" % (__name__, name))


def __dir__():
    return sorted(set(globals()) | set(SUBMODULES) | {"__version__"})
