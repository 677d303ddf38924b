"""``theano.tensor`` (``T``): PyTensor's tensor module under Theano 1.0's names."""
from pytensor.tensor import *  # noqa: F401,F403
import pytensor.tensor as _pt

from legacy_keras.theano.tensor import nnet  # noqa: F401
from legacy_keras.theano.tensor.basic import mean, std, var  # noqa: F401
from legacy_keras.theano.unsupported import unsupported_attribute

abs_ = _pt.abs
inv = _pt.reciprocal
sgn = _pt.sign
grad = _pt.grad if hasattr(_pt, "grad") else __import__("pytensor").grad
TensorType = _pt.TensorType


def patternbroadcast(x, broadcastable):
    """Theano's patternbroadcast: PyTensor can only mark dims broadcastable (static 1)."""
    axes = [i for i, b in enumerate(broadcastable) if b]
    return _pt.specify_broadcastable(x, *axes) if axes else x


def unbroadcast(x, *axes):
    """A no-op on PyTensor's static shapes: dims are only broadcastable when known to be 1."""
    return x


def __getattr__(name):
    return unsupported_attribute("theano.tensor", name)
