"""``theano.tensor.nnet``: the activations Keras-era code used, built as Theano built them.

PyTensor removed ``nnet``. Each function here builds the graph Theano 1.0.5 built (so
debugprint shows the same ops) with PyTensor's elementwise ops. The convolutions
(``conv2d``, ``conv3d``) are Theano's abstract convolution ops
(:mod:`legacy_keras.theano.tensor.nnet_conv`), ``batch_normalization`` Theano's
(:mod:`.bn`). Submodules as Theano's: ``nnet.nnet``, ``nnet.abstract_conv``,
``nnet.conv``, ``nnet.bn``.
"""
import numpy as np
import pytensor.tensor as _pt
from pytensor.gradient import grad_undefined as _grad_undefined
from pytensor.graph.basic import Apply as _Apply
from pytensor.graph.op import Op as _Op
from pytensor.tensor import special as _special

from legacy_keras.theano.scalar_ops import softsign as _softsign_op
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
    """One-hot (or soft) targets: ``-sum(true * log(coding), axis=-1)``; an integer vector
    of class indices: Theano's ``CrossentropyCategorical1Hot`` op."""
    true_dist = _pt.as_tensor_variable(true_dist)
    if true_dist.ndim == coding_dist.ndim:
        return -_pt.sum(true_dist * _pt.log(coding_dist), axis=coding_dist.ndim - 1)
    if true_dist.ndim == 1 and "int" in true_dist.dtype:
        return crossentropy_categorical_1hot(coding_dist, true_dist)
    raise TypeError("theano.tensor.nnet.categorical_crossentropy: true_dist must be a matrix "
                    "like coding_dist or an integer vector of class indices.")


class CrossentropyCategorical1Hot(_Op):
    """``-log(coding[i, true[i]])`` per row (Theano's op of the same name)."""

    __props__ = ()

    def make_node(self, coding_dist, true_one_of_n):
        coding_dist = _pt.as_tensor_variable(coding_dist)
        true_one_of_n = _pt.as_tensor_variable(true_one_of_n)
        if coding_dist.ndim != 2 or true_one_of_n.ndim != 1:
            raise TypeError("CrossentropyCategorical1Hot needs a matrix and an integer vector")
        out = _pt.TensorType(coding_dist.dtype, shape=(None,))()
        return _Apply(self, [coding_dist, true_one_of_n], [out])

    def perform(self, node, inputs, output_storage):
        coding, labels = inputs
        rows = np.arange(labels.shape[0])
        output_storage[0][0] = np.asarray(-np.log(coding[rows, labels]), dtype=coding.dtype)

    def grad(self, inputs, output_gradients):
        coding, labels = inputs
        (g_out,) = output_gradients
        rows = _pt.arange(labels.shape[0])
        picked = coding[rows, labels]
        g_coding = _pt.set_subtensor(_pt.zeros_like(coding)[rows, labels], -g_out / picked)
        return [g_coding, _grad_undefined(self, 1, labels)]

    def theano_str(self):
        return "CrossentropyCategorical1Hot"


crossentropy_categorical_1hot = CrossentropyCategorical1Hot()


def _ultra_fast_sigmoid_value(x):
    """Theano's piecewise approximation of tanh(x / 2), mapped to (0, 1)."""
    half = 0.5 * x
    magnitude = np.abs(half)
    z = np.where(magnitude < 1.7, 1.5 * magnitude / (1 + magnitude),
                 np.where(magnitude < 3, 0.935409070603099 + 0.0458812946797165 *
                          (magnitude - 1.7), 0.99505475368673))
    return 0.5 * (np.sign(half) * z + 1.0)


def ultra_fast_sigmoid(x):
    """Theano's fast sigmoid approximation (speed, not precision): the same piecewise
    formula, built from PyTensor's elementwise ops."""
    half = 0.5 * x
    magnitude = abs(half)
    z = _pt.switch(magnitude < 1.7, 1.5 * magnitude / (1 + magnitude),
                   _pt.switch(magnitude < 3,
                              0.935409070603099 + 0.0458812946797165 * (magnitude - 1.7),
                              0.99505475368673))
    return _pt.cast(0.5 * (_pt.switch(half >= 0, z, -z) + 1.0), x.dtype)


def __getattr__(name):
    return unsupported_attribute("theano.tensor.nnet", name)


def softsign(x):
    """Theano's ``softsign`` (``theano.tensor.nnet.nnet.softsign``, formerly
    ``theano.sandbox.softsign``): x / (1 + |x|), a single elementwise op."""
    return _softsign_op(x)


from legacy_keras.theano.tensor.nnet_conv import conv2d, conv3d  # noqa: E402,F401
import legacy_keras.theano.tensor.nnet.nnet  # noqa: E402,F401  (submodules, as Theano's)
import legacy_keras.theano.tensor.nnet.abstract_conv  # noqa: E402,F401
import legacy_keras.theano.tensor.nnet.conv  # noqa: E402,F401
import legacy_keras.theano.tensor.nnet.bn  # noqa: E402,F401
from legacy_keras.theano.tensor.nnet.bn import batch_normalization  # noqa: E402,F401
