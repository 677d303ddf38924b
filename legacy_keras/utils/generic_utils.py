"""``keras.utils.generic_utils`` (Keras 1.2.2): lookups by name, custom objects."""
_GLOBAL_CUSTOM_OBJECTS = {}


class CustomObjectScope(object):
    """``with CustomObjectScope({'MyLayer': MyLayer}):`` makes names resolvable."""

    def __init__(self, *args):
        self.custom_objects = args
        self.backup = None

    def __enter__(self):
        self.backup = _GLOBAL_CUSTOM_OBJECTS.copy()
        for objects in self.custom_objects:
            _GLOBAL_CUSTOM_OBJECTS.update(objects)
        return self

    def __exit__(self, *args):
        _GLOBAL_CUSTOM_OBJECTS.clear()
        _GLOBAL_CUSTOM_OBJECTS.update(self.backup)


def custom_object_scope(*args):
    return CustomObjectScope(*args)


def get_custom_objects():
    return _GLOBAL_CUSTOM_OBJECTS


def get_from_module(identifier, module_params, module_name, instantiate=False, kwargs=None):
    """A module member by name (``'glorot_uniform'``) or config dict; else ``identifier``.

    As in Keras 1.2.2, an unknown name raises ``ValueError('Invalid <module_name>: ...')``.
    """
    if isinstance(identifier, str):
        result = _GLOBAL_CUSTOM_OBJECTS.get(identifier) or module_params.get(identifier)
        if not result:
            raise ValueError("Invalid " + str(module_name) + ": " + str(identifier))
        if instantiate and not kwargs:
            return result()
        if instantiate and kwargs:
            return result(**kwargs)
        return result
    if isinstance(identifier, dict):
        name = identifier.pop("name")
        result = _GLOBAL_CUSTOM_OBJECTS.get(name) or module_params.get(name)
        if not result:
            raise ValueError("Invalid " + str(module_name) + ": " + str(name))
        return result(**identifier)
    return identifier
