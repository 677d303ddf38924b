"""The Theano 1.0 API that Keras-1-era code uses, on PyTensor.

``import theano`` resolves here once legacy_keras is installed. Graphs are PyTensor
graphs; weights of Keras layers are :class:`~legacy_keras.theano.bound.BoundSharedVariable`
objects whose value lives in Keras 3 variables. Names Theano had and this facade does
not support raise ``NotImplementedError`` naming the feature.
"""
import pytensor as _pytensor

from legacy_keras.theano.config import config
from legacy_keras.theano.compile import Function, function
from legacy_keras.theano import printing
from legacy_keras.theano import tensor
from legacy_keras.theano.unsupported import unsupported_attribute

__version__ = "1.0.5"

gradient = _pytensor.gradient
scan = _pytensor.scan
grad = _pytensor.grad


def shared(value, name=None, strict=False, allow_downcast=None, borrow=False, **kwargs):
    """``theano.shared``: a PyTensor shared variable (Theano's broadcastable=all False)."""
    return _pytensor.shared(value, name=name, strict=strict, allow_downcast=allow_downcast,
                            borrow=borrow, **kwargs)


def clone(output, replace=None, strict=True, share_inputs=True):
    """``theano.clone`` (PyTensor's ``clone_replace``)."""
    from pytensor.graph.replace import clone_replace

    return clone_replace(output, replace=replace, strict=strict, share_inputs=share_inputs)


def __getattr__(name):
    return unsupported_attribute("theano", name)
