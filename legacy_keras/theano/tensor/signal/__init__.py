"""``theano.tensor.signal``: Theano 1.0's pooling (:mod:`.pool`)."""
import legacy_keras.theano.tensor.signal.pool  # noqa: F401
from legacy_keras.theano.unsupported import unsupported_attribute


def __getattr__(name):
    return unsupported_attribute("theano.tensor.signal", name)
