"""``theano.ifelse``: the lazy conditional (PyTensor's ``ifelse``, printed ``if{}``)."""
from pytensor.ifelse import IfElse, ifelse  # noqa: F401

from legacy_keras.theano.unsupported import unsupported_attribute


def __getattr__(name):
    return unsupported_attribute("theano.ifelse", name)
