"""What Keras 1.2.2's layers repeated in each module: the pieces of ``get_config`` and
the reading of a ``dim_ordering`` argument, once for every layer module."""
from legacy_keras.backend.common import resolve_dim_ordering


def config_of(obj):
    """``obj.get_config()`` (a regularizer, constraint ...), or None for no object."""
    return obj.get_config() if obj else None


def merged_config(layer, cls, config):
    """The base class's config of ``layer`` (the one after ``cls`` in its MRO) updated
    with ``config``, as each Keras 1 layer's ``get_config`` returned it."""
    base_config = super(cls, layer).get_config()
    return dict(list(base_config.items()) + list(config.items()))


def dim_ordering_of(dim_ordering, invalid=None):
    """A layer's ``dim_ordering`` argument: 'default' is ``K.image_dim_ordering()``;
    ``invalid``, if given, is raised for anything but 'th' / 'tf' (each Keras 1.2.2 layer
    module had its own message)."""
    return resolve_dim_ordering(dim_ordering, invalid)
