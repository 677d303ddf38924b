"""``theano.gradient``: ``grad``, ``disconnected_grad``, ``zero_grad`` and the errors
Theano raised (``DisconnectedInputError``), on PyTensor."""
import pytensor.gradient as _gradient
from pytensor.gradient import (  # noqa: F401
    DisconnectedInputError, DisconnectedType, NullTypeGradError, disconnected_grad, grad,
    grad_clip, jacobian, hessian, zero_grad)

from legacy_keras.theano.unsupported import unsupported_attribute

consider_constant = getattr(_gradient, "consider_constant", disconnected_grad)


def __getattr__(name):
    return unsupported_attribute("theano.gradient", name)
