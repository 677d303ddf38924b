"""``keras.backend`` (``K``): Keras 1.2.2's backend API, always the Theano flavour.

Keras 1.2.2 chose its backend from ``KERAS_BACKEND`` or ``~/.keras/keras.json`` and
announced it on stderr. legacy_keras always emulates the Theano backend (``backend()``
answers ``'theano'``) while computing with Keras 3; it reads the user's keras.json for
``floatx``, ``epsilon`` and ``image_dim_ordering`` as Keras 1.2.2 did.
"""
import os
import sys

import pytensor

from legacy_keras.backend import _context, theano_backend  # noqa: F401

from legacy_keras.backend.common import (  # noqa: F401
    cast_to_floatx, epsilon, floatx, get_uid, image_dim_ordering, is_keras_tensor,
    legacy_weight_ordering, load_user_config, reset_uids, set_epsilon, set_floatx,
    set_image_dim_ordering, set_legacy_weight_ordering)
from legacy_keras.backend.theano_backend import *  # noqa: F401,F403
from legacy_keras.backend.theano_backend import (  # noqa: F401
    abs, max, min, pow, round, sum)

_BACKEND = "theano"


def clear_session():
    """Resets the layer-name counters (``dense_1`` again). Keras 1.2.2 had this, like
    ``K.reset_uids``, only in its TensorFlow backend; legacy_keras provides both as
    extensions so scripts written for either backend run. Existing models keep working."""
    reset_uids()


def backend():
    """'theano': the backend Keras 1 scripts were written for and that legacy_keras emulates."""
    return _BACKEND


def _initial_theano_floatx():
    """Theano's floatX for the session: ``floatX=`` from ``THEANO_FLAGS`` if given, else
    Keras's floatx (Keras 1 users ran Theano with ``floatX=float32``, the value their
    keras.json had). Afterwards the two are independent, as in Keras 1.2.2."""
    flags = dict(item.split("=", 1) for item in os.environ.get("THEANO_FLAGS", "").split(",")
                 if "=" in item)
    chosen = flags.get("floatX", floatx())
    if chosen in ("float16", "float32", "float64"):
        pytensor.config.floatX = chosen


load_user_config()
theano_backend.CLIP_EPSILON = epsilon()  # bound once, as Keras 1.2.2 did
_initial_theano_floatx()
sys.stderr.write("Using Theano backend.\n")
