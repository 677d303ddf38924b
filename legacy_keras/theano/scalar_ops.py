"""Scalar ops Theano 1.0 had and PyTensor dropped, as PyTensor elementwise ops.

Each prints under its Theano name (see :mod:`.opnames`) and has a gradient, so graphs
using it work with ``T.grad`` and ``theano.function``.
"""
from pytensor.scalar.basic import UnaryScalarOp, upgrade_to_float
from pytensor.tensor.elemwise import Elemwise


class ScalarSoftsign(UnaryScalarOp):
    """x / (1 + |x|): Theano's ``theano.sandbox.softsign.softsign``."""

    nfunc_spec = None

    @staticmethod
    def st_impl(x):
        return x / (1.0 + abs(x))

    def impl(self, x):
        return ScalarSoftsign.st_impl(x)

    def L_op(self, inputs, outputs, output_gradients):
        (x,) = inputs
        (gz,) = output_gradients
        if "float" in x.type.dtype:
            d = 1.0 + abs(x)
            return [gz / (d * d)]
        return [x.zeros_like()]

    def c_code(self, node, name, inputs, outputs, sub):
        (x,) = inputs
        (z,) = outputs
        return "%(z)s = %(x)s / (1.0 + fabs(%(x)s));" % locals()


scalar_softsign = ScalarSoftsign(upgrade_to_float, name="softsign")
softsign = Elemwise(scalar_softsign, name="softsign")
