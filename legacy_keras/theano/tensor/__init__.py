"""``theano.tensor`` (``T``): PyTensor's tensor module under Theano 1.0's names."""
from pytensor.tensor import *  # noqa: F401,F403
import importlib as _importlib

import pytensor.tensor as _pt

from legacy_keras.theano.tensor import nnet  # noqa: F401
from legacy_keras.theano.tensor.basic import mean, std, var  # noqa: F401
from legacy_keras.theano.unsupported import unsupported_attribute

abs_ = _pt.abs
inv = _pt.reciprocal
sgn = _pt.sign
from legacy_keras.theano.gradient import grad  # noqa: E402,F401
from legacy_keras.theano.tensor import theano_graphs  # noqa: E402
from legacy_keras.theano.tensor.rebroadcast import (  # noqa: E402
    patternbroadcast as _patternbroadcast)
TensorType = _pt.TensorType


def patternbroadcast(x, broadcastable):
    """Theano's ``patternbroadcast``: a ``Rebroadcast`` node over the axes whose pattern
    changes (none when nothing changes)."""
    return _patternbroadcast(x, broadcastable)


def unbroadcast(x, *axes):
    """Theano's ``unbroadcast``: ``Rebroadcast`` marking ``axes`` not broadcastable, built
    only when one of them was broadcastable."""
    x = _pt.as_tensor_variable(x)
    pattern = [b and i not in axes for i, b in enumerate(x.type.broadcastable)]
    return patternbroadcast(x, pattern)


def repeat(x, repeats, axis=None):
    """Theano's ``repeat``: for a Python int ``repeats`` along an axis, Theano's graph
    (an ``Alloc`` with a new axis, reshaped); otherwise PyTensor's."""
    if isinstance(repeats, int) and axis is not None:
        x = _pt.as_tensor_variable(x)
        return theano_graphs.repeat(x, repeats, axis % x.ndim)
    return _pt.repeat(x, repeats, axis=axis)


def __getattr__(name):
    # ``theano.tensor.signal`` after ``import theano`` (Theano's nnet imported it).
    if name == "signal":
        return _importlib.import_module("legacy_keras.theano.tensor.signal")
    return unsupported_attribute("theano.tensor", name)
