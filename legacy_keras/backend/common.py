"""Session-wide settings of the Keras 1.2.2 backend: floatx, epsilon, image ordering, uids.

Keras 1.2.2 read these from ``~/.keras/keras.json`` when ``keras.backend`` was first
imported (``floatx``, ``epsilon``, ``image_dim_ordering``, ``backend``); legacy_keras
reads the same file the same way (see :func:`load_user_config`) but never writes it.
"""
import json
import os
from collections import defaultdict

import numpy as np

from legacy_keras import profiles

_FLOATX = "float32"
_EPSILON = 1e-7
_IMAGE_DIM_ORDERING = "tf"
_LEGACY_WEIGHT_ORDERING = False
_UID_PREFIXES = defaultdict(int)


def epsilon():
    """The fuzz factor used in numeric expressions (Keras 1.2.2: 1e-07 from keras.json)."""
    return _EPSILON


def set_epsilon(e):
    global _EPSILON
    _EPSILON = e


def floatx():
    """The default float type as a string: 'float16', 'float32' or 'float64'."""
    return _FLOATX


def set_floatx(floatx):
    """Sets Keras's default float type. As in Keras 1.2.2, Theano's ``config.floatX`` does
    not follow it (nor the other way round): ``T.matrix()`` keeps Theano's floatX, which
    legacy_keras sets once, when ``keras.backend`` is imported (see
    :func:`legacy_keras.backend._initial_theano_floatx`)."""
    global _FLOATX
    value = floatx
    if value not in {"float16", "float32", "float64"}:
        raise ValueError("Unknown floatx type: " + str(value))
    _FLOATX = str(value)


def cast_to_floatx(x):
    return np.asarray(x, dtype=_FLOATX)


def image_dim_ordering():
    """'th' (channels first, Theano's) or 'tf' (channels last), Keras 1.2.2's default."""
    return _IMAGE_DIM_ORDERING


def resolve_dim_ordering(dim_ordering, invalid=None):
    """``dim_ordering`` with 'default' replaced by :func:`image_dim_ordering`, as every
    Keras 1.2.2 image layer and backend function did. ``invalid``, when given, is the
    exception raised for anything but 'th' or 'tf' (each Keras 1.2.2 caller had its own
    type and message; callers that did not check give none)."""
    if dim_ordering == "default":
        dim_ordering = image_dim_ordering()
    if invalid is not None and dim_ordering not in {"th", "tf"}:
        raise invalid
    return dim_ordering


def set_image_dim_ordering(dim_ordering):
    global _IMAGE_DIM_ORDERING
    if dim_ordering not in {"tf", "th"}:
        raise ValueError("Unknown dim_ordering:", dim_ordering)
    _IMAGE_DIM_ORDERING = str(dim_ordering)


def legacy_weight_ordering():
    return _LEGACY_WEIGHT_ORDERING


def set_legacy_weight_ordering(value):
    global _LEGACY_WEIGHT_ORDERING
    if value not in {True, False}:
        raise ValueError("Expected a boolean.")
    _LEGACY_WEIGHT_ORDERING = value


def get_uid(prefix=""):
    """A per-process counter per prefix: ``get_uid('dense')`` gives 1, 2, 3, ...

    Layer names (``dense_4``) and Sequential input names (``dense_input_2``) come from it.
    """
    _UID_PREFIXES[prefix] += 1
    return _UID_PREFIXES[prefix]


def reset_uids():
    _UID_PREFIXES.clear()


def is_keras_tensor(x):
    """Keras 1.2.2's test: the object carries a Keras shape (placeholders, layer outputs
    and, on the Theano backend, variables made by ``K.variable``)."""
    return hasattr(x, "_keras_shape")


def keras_config_path():
    base = os.path.expanduser("~")
    if not os.access(base, os.W_OK):
        base = "/tmp"
    return os.path.join(base, ".keras", "keras.json")


def load_user_config(path=None):
    """Applies ``~/.keras/keras.json`` as Keras 1.2.2 did (floatx, epsilon, ordering).

    The ``backend`` entry is accepted whatever it says ('theano' in most Keras 1 users'
    files): legacy_keras always emulates the Theano backend.
    """
    path = path or keras_config_path()
    if not os.path.exists(path):
        return
    try:
        with open(path) as f:
            config = json.load(f)
    except (OSError, ValueError):
        return
    set_floatx(config.get("floatx", floatx()))
    set_epsilon(float(config.get("epsilon", epsilon())))
    if not profiles.switch("keras_json_image_dim_ordering"):
        return  # Keras 1.0.0-1.0.3 had no global ordering to read
    ordering = config.get("image_dim_ordering")
    if ordering is None and profiles.switch("default_image_dim_ordering") == "tf":
        # A Keras 2/3 file: translate its image_data_format. (Under a 1.0.x release,
        # whose default was 'th', such a file is ignored, as that release ignored it.)
        ordering = {"channels_first": "th", "channels_last": "tf"}.get(
            config.get("image_data_format"), image_dim_ordering())
    set_image_dim_ordering(ordering or image_dim_ordering())


def apply_profile_config():
    """Sets the image ordering the active Keras release (legacy_keras.profiles) starts
    with, then reads keras.json again as that release did: 1.0.4+ read its
    ``image_dim_ordering`` (default 'th' up to 1.0.8, 'tf' from 1.1.0); 1.0.0-1.0.3 had
    no such setting (conv layers defaulted to 'th')."""
    set_image_dim_ordering(profiles.switch("default_image_dim_ordering"))
    load_user_config()
