"""``theano.gradient``: ``grad``, ``disconnected_grad``, ``zero_grad`` and the errors
Theano raised (``DisconnectedInputError``), on PyTensor.

``grad`` builds the graph Theano built and marks the element-wise nodes that Theano
created without a name, so that debugprint shows them as Theano did: the gradient of an
element-wise op is its scalar gradient lifted node by node (``Elemwise{mul}``,
``Elemwise{sqr}``, ...), and the gradient of a sum is ``Elemwise{second}``, where the
same operations written by the user print ``Elemwise{mul,no_inplace}``.
"""
import contextlib

import pytensor.gradient as _gradient
from pytensor.gradient import (  # noqa: F401
    DisconnectedInputError, DisconnectedType, NullTypeGradError, disconnected_grad,
    grad_clip, jacobian, hessian, zero_grad)
from pytensor.tensor.elemwise import Elemwise
from pytensor.tensor.math import Sum

from legacy_keras.theano.opnames import scalar_name
from legacy_keras.theano.unsupported import unsupported_attribute


def grad(cost, wrt, *args, **kwargs):
    """``theano.grad`` / ``T.grad`` (PyTensor's ``grad``, same arguments)."""
    with _unnamed_gradient_nodes():
        return _gradient.grad(cost, wrt, *args, **kwargs)


@contextlib.contextmanager
def _unnamed_gradient_nodes():
    """While a gradient is built, tags the element-wise nodes made by
    ``Elemwise._bgrad`` and ``Sum.pullback`` with Theano's unnamed text."""
    original_bgrad, original_sum_pullback = Elemwise._bgrad, Sum.pullback

    def bgrad(self, inputs, outputs, ograds):
        results = original_bgrad(self, inputs, outputs, ograds)
        _tag_new_elemwise(results, set(inputs) | set(outputs) | set(ograds))
        return results

    def sum_pullback(self, inputs, outputs, output_grads):
        results = original_sum_pullback(self, inputs, outputs, output_grads)
        _tag_new_elemwise(results, set(inputs) | set(outputs) | set(output_grads))
        return results

    Elemwise._bgrad, Sum.pullback = bgrad, sum_pullback
    try:
        yield
    finally:
        Elemwise._bgrad, Sum.pullback = original_bgrad, original_sum_pullback


def _tag_new_elemwise(results, known):
    pending = [r for r in results if r is not None]
    seen = set()
    while pending:
        var = pending.pop()
        node = getattr(var, "owner", None)
        if var in known or node is None or node in seen or not isinstance(node.op, Elemwise):
            continue
        seen.add(node)
        node.tag.theano_str = "Elemwise{%s}" % scalar_name(node.op.scalar_op)
        pending.extend(node.inputs)

consider_constant = getattr(_gradient, "consider_constant", disconnected_grad)


def __getattr__(name):
    return unsupported_attribute("theano.gradient", name)
