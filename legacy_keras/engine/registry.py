"""Layer classes by name, for deserialisation: ``layer_from_config``.

Keras 1.2.2's ``keras.utils.layer_utils.layer_from_config`` looked a config's
``class_name`` up in the custom objects, then among the names that module had imported
(``from ..layers import *``, ``Model``, ``Sequential``; ``Container`` meaning
``Model``). Here the packages that define those classes register them when they are
imported: ``legacy_keras.layers`` its namespace (aliases such as ``Conv2D`` included),
``legacy_keras.models`` ``Sequential`` and ``Model``. The engine (``Container.from_config``),
the models and the wrappers deserialise through this table without importing the layers.
"""
import inspect
import types

from legacy_keras.utils.generic_utils import get_custom_objects, get_from_module

_CLASSES = {}


def register(name, cls):
    """``class_name`` ``name`` deserialises to ``cls``."""
    _CLASSES[name] = cls


def register_namespace(namespace):
    """Registers the public names of a package's namespace (as Keras 1.2.2's
    ``from ..layers import *`` saw them), submodules left out."""
    for name, value in namespace.items():
        if not name.startswith("_") and not isinstance(value, types.ModuleType):
            register(name, value)


def _import_builtin_classes():
    # lazy: cycle engine -> layers / models (they import the engine); importing them
    # registers their classes, once, when a config is first read
    import legacy_keras.layers  # noqa: F401
    import legacy_keras.models  # noqa: F401


def layer_class(class_name):
    """The class a config's ``class_name`` names: a custom object first, then a
    registered class; ``ValueError('Invalid layer: ...')`` as in Keras 1.2.2."""
    _import_builtin_classes()
    return get_from_module(class_name, _CLASSES, "layer", instantiate=False)


def layer_from_config(config, custom_objects=None):
    """A layer (or Sequential / Model) from ``{'class_name': ..., 'config': ...}``;
    ``custom_objects`` are added to the global custom objects, as in Keras 1.2.2."""
    if custom_objects:
        get_custom_objects().update(custom_objects)
    cls = layer_class(config["class_name"])
    if "custom_objects" in inspect.getfullargspec(cls.from_config).args:
        return cls.from_config(config["config"], custom_objects=custom_objects)
    return cls.from_config(config["config"])
