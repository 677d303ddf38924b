"""The real Keras 3, imported once for legacy_keras' own use.

Every module of legacy_keras reaches modern Keras through this module (``from
legacy_keras._k3 import keras``), never through ``import keras``: once legacy_keras is
installed, ``import keras`` means the Keras 1 API.

Keras 3 reads ``KERAS_BACKEND`` and ``~/.keras/keras.json`` when it is imported and dies
on what a Keras 1 user still has there (``KERAS_BACKEND=theano``, ``"backend":
"theano"``: "Unable to import backend : theano"). The backend Keras 3 runs on is
chosen here, for the import only: the user's environment variable is put back as it was
and a keras.json that exists is only read (Keras 3 itself
creates one where none exists, as Keras 1.2.2 did).
"""
import functools
import os
import sys

_KERAS3_BACKENDS = ("tensorflow", "jax", "torch", "numpy")
#: What the user's environment said before legacy_keras imported Keras 3.
USER_KERAS_BACKEND = os.environ.get("KERAS_BACKEND")


def _import_keras3():
    if "keras" in sys.modules and getattr(sys.modules["keras"], "_LEGACY_KERAS", False):
        raise ImportError("legacy_keras._k3 imported after the Keras 1 shim was installed; "
                          "import legacy_keras before calling install()")
    saved = os.environ.get("KERAS_BACKEND")
    if saved not in _KERAS3_BACKENDS:
        # 'theano' (or nothing, with a Keras 1 keras.json saying theano): run on TensorFlow.
        os.environ["KERAS_BACKEND"] = "tensorflow"
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    try:
        import keras as keras3
    finally:
        if saved is None:
            os.environ.pop("KERAS_BACKEND", None)
        else:
            os.environ["KERAS_BACKEND"] = saved
    return keras3


keras = _import_keras3()
ops = keras.ops
from keras.src import backend as _keras3_backend  # noqa: E402  (after the backend is chosen)


# -- random regularizers of plain Keras 3 layers ----------------------------------------------
_FOLLOWING = []


def make_random_regularizers_follow(enabled):
    """Makes plain Keras 3's random regularizers the identity while ``enabled()`` is False
    (see :func:`legacy_keras.backend._context.set_random_regularizers`): the dropout
    every Keras 3 layer draws (Dropout, SpatialDropout*, the RNN cells' dropout and
    recurrent_dropout, Attention) and GaussianNoise, GaussianDropout, AlphaDropout.
    Installed once; Keras 3 has no public switch, so this is the one place that wraps
    its backend's ``random.dropout``."""
    if _FOLLOWING:
        return
    _FOLLOWING.append(enabled)
    random_dropout = _keras3_backend.random.dropout

    def dropout(inputs, rate, noise_shape=None, seed=None):
        if not enabled():
            return inputs
        return random_dropout(inputs, rate, noise_shape=noise_shape, seed=seed)

    _keras3_backend.random.dropout = dropout
    for cls in (keras.layers.GaussianNoise, keras.layers.GaussianDropout,
                keras.layers.AlphaDropout):
        _identity_while_off(cls, enabled)


def _identity_while_off(cls, enabled):
    call = cls.call

    @functools.wraps(call)  # Keras 3 reads call's signature to pass `training`
    def call_following_the_switch(self, inputs, *args, **kwargs):
        if not enabled():
            return inputs
        return call(self, inputs, *args, **kwargs)

    cls.call = call_following_the_switch
