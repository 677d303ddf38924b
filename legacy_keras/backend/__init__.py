"""``keras.backend`` (``K``): Keras 1.2.2's backend API, always the Theano flavour.

Keras 1.2.2 chose its backend from ``KERAS_BACKEND`` or ``~/.keras/keras.json`` and
announced it on stderr. legacy_keras always emulates the Theano backend (``backend()``
answers ``'theano'``) while computing with Keras 3; it reads the user's keras.json for
``floatx``, ``epsilon`` and ``image_dim_ordering`` as Keras 1.2.2 did.
"""
import sys

from legacy_keras.backend.common import (  # noqa: F401
    cast_to_floatx, epsilon, floatx, get_uid, image_dim_ordering, is_keras_tensor,
    legacy_weight_ordering, load_user_config, reset_uids, set_epsilon, set_floatx,
    set_image_dim_ordering, set_legacy_weight_ordering)
from legacy_keras.backend.theano_backend import *  # noqa: F401,F403
from legacy_keras.backend.theano_backend import (  # noqa: F401
    abs, max, min, pow, round, sum)

_BACKEND = "theano"


def backend():
    """'theano': the backend Keras 1 scripts were written for and that legacy_keras emulates."""
    return _BACKEND


load_user_config()
set_floatx(floatx())
sys.stderr.write("Using Theano backend.\n")
