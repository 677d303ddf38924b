"""The real Keras 3, imported once for legacy_keras' own use, and the one adapter to
the backend Keras 3 runs on.

Every module of legacy_keras reaches modern Keras through this module (``from
legacy_keras._k3 import keras, ops``), never through ``import keras``: once legacy_keras
is installed, ``import keras`` means the Keras 1 API. Computations use ``keras.ops``;
the few things Keras 3 has no public API for are the named functions below, the only
code of legacy_keras that touches TensorFlow or ``keras.src``: another Keras 3 backend
would be a new version of this section only.

    compile_step(fn)                   a step function compiled once per input signature
    trace(step, *specs)                traces a compiled step for the given input specs
    tensor_spec(shape, dtype)          an input signature entry (None: any size)
    recording_tape(watched)            records a step's operations for its gradients
    tape_gradients(tape, target, sources)  the gradients, dense (None: not connected)
    eager_scope()                      leaves the traced step: eager, once
    rnn(step, inputs, states, ...)     Keras 3's backend loop over the time axis
    make_random_regularizers_follow(enabled)  Keras 3's dropout and noise layers off
                                       while ``enabled()`` is False

Keras 3 reads ``KERAS_BACKEND`` and ``~/.keras/keras.json`` when it is imported and dies
on what a Keras 1 user still has there (``KERAS_BACKEND=theano``, ``"backend":
"theano"``: "Unable to import backend : theano"). The backend Keras 3 runs on is
chosen here, for the import only: the user's environment variable is put back as it was
and a keras.json that exists is only read (Keras 3 itself
creates one where none exists, as Keras 1.2.2 did).
"""
import contextlib
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
        import keras as keras3  # lazy: Keras 3 reads KERAS_BACKEND when imported, set above
    finally:
        if saved is None:
            os.environ.pop("KERAS_BACKEND", None)
        else:
            os.environ["KERAS_BACKEND"] = saved
    return keras3


keras = _import_keras3()
ops = keras.ops
# The backend chosen above (TensorFlow) and Keras 3's private backend module (its rnn
# loop, its dropout), imported after Keras 3 chose the backend.
import tensorflow as tf  # noqa: E402
from keras.src import backend as _keras3_backend  # noqa: E402


# -- the TensorFlow pieces ---------------------------------------------------------------
def compile_step(fn):
    """``fn`` compiled (``tf.function``), traced again only for new input signatures;
    autograph off: the steps are plain graph-building Python (Keras 1 layers and ``K``),
    not control flow to convert."""
    return tf.function(fn, reduce_retracing=True, autograph=False)


def trace(step, *specs):
    """Traces ``step`` (from :func:`compile_step`) for inputs described by ``specs``."""
    return step.get_concrete_function(*specs)


def tensor_spec(shape, dtype):
    """An input signature entry: ``shape`` with None for any size."""
    return tf.TensorSpec(shape, dtype)


@contextlib.contextmanager
def recording_tape(watched):
    """``with recording_tape(variables) as tape:`` records the operations inside the
    block on ``watched`` (Keras 3 variables, whatever their ``trainable`` flag says), for
    :func:`tape_gradients`, as often as asked."""
    with tf.GradientTape(persistent=True) as tape:
        tape.watch([v.value for v in watched])
        yield tape


def tape_gradients(tape, target, sources):
    """The gradients of ``target`` with respect to ``sources`` (a list) recorded by
    ``tape``; sparse ones (row lookups, TensorFlow's IndexedSlices) made dense, as
    Theano's gradients were; None for a source ``target`` does not depend on."""
    with tape.stop_recording():
        grads = tape.gradient(target, sources)
    return [tf.convert_to_tensor(g) if isinstance(g, tf.IndexedSlices) else g for g in grads]


def eager_scope():
    """Leaves a trace for eager execution (``tf.init_scope``): variables are created and
    their values read there, whether or not a step is being traced."""
    return tf.init_scope()


def rnn(step_function, inputs, initial_states, **kwargs):
    """Keras 3's backend loop over axis 1 (``tf.while_loop``, or unrolled); the keyword
    arguments of ``keras.src.backend.rnn``."""
    return _keras3_backend.rnn(step_function, inputs, initial_states, **kwargs)


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
