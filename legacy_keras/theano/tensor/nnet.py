"""``theano.tensor.nnet``: the activations Keras-era code used, built as Theano built them.

PyTensor removed ``nnet``. Each function here builds the graph Theano 1.0.5 built (so
debugprint shows the same ops) with PyTensor's elementwise ops.
"""
import pytensor.tensor as _pt
from pytensor.tensor import special as _special

from legacy_keras.theano.unsupported import unsupported_attribute

sigmoid = _pt.sigmoid
softplus = _pt.softplus


def softmax(x):
    """Row-wise softmax of a matrix (Theano's ``Softmax`` op)."""
    return _special.softmax(x, axis=-1)


def relu(x, alpha=0):
    """Theano 1.0: ``0.5 * (x + abs(x))`` for alpha 0, else the leaky form."""
    if alpha == 0:
        return 0.5 * (x + abs(x))
    # Theano made alpha a tensor first, so the graph shows 0.5 * (1 + alpha).
    alpha = _pt.as_tensor_variable(alpha)
    f1 = 0.5 * (1 + alpha)
    f2 = 0.5 * (1 - alpha)
    return f1 * x + f2 * abs(x)


def elu(x, alpha=1):
    return _pt.switch(x > 0, x, alpha * _pt.expm1(x))


def hard_sigmoid(x):
    """Theano 1.0's piecewise-linear sigmoid: clip(0.2 * x + 0.5, 0, 1)."""
    x = (x * 0.2) + 0.5
    return _pt.clip(x, 0, 1)


def binary_crossentropy(output, target):
    return -(target * _pt.log(output) + (1.0 - target) * _pt.log(1.0 - output))


def categorical_crossentropy(coding_dist, true_dist):
    if true_dist.ndim == coding_dist.ndim:
        return -_pt.sum(true_dist * _pt.log(coding_dist), axis=coding_dist.ndim - 1)
    raise NotImplementedError(
        "theano.tensor.nnet.categorical_crossentropy with integer targets is not supported "
        "by legacy_keras; one-hot encode the targets (see migration_guide.md).")


def __getattr__(name):
    return unsupported_attribute("theano.tensor.nnet", name)


def softsign(x):
    """Theano's sandbox ``softsign``: x / (1 + |x|), a single elementwise op."""
    from legacy_keras.theano.scalar_ops import softsign as softsign_op

    return softsign_op(x)
