"""Theano 1.0's ``Rebroadcast`` op, which PyTensor dropped.

``T.patternbroadcast(x, pattern)`` marked dimensions of ``x`` broadcastable (length 1)
with a ``Rebroadcast`` node, printed ``Rebroadcast{1}`` (one digit per axis up to the
last changed one: 1 = made broadcastable, 0 = made not broadcastable, ``?`` = left
alone); when nothing changed, no node was built. Keras 1 layers with ``shared_axes``
(PReLU, ParametricSoftplus, SReLU) show it in their graphs.

PyTensor expresses "this dimension has length 1" with static shapes; this op sets them
(and checks the value at run time) under Theano's name.
"""
import warnings

import numpy as np
import pytensor.tensor as _pt
from pytensor.graph.basic import Apply
from pytensor.graph.op import Op

# These ops compute in Python (as Theano's own Python implementations did); PyTensor's
# Numba backend runs them in object mode, which is expected here.
warnings.filterwarnings("ignore", message="Numba will use object mode to run Rebroadcast")


class Rebroadcast(Op):
    """Changes the broadcastable pattern of its input on the given axes."""

    __props__ = ("axis",)
    view_map = {0: [0]}

    def __init__(self, *axis):
        # ``axis`` is a tuple of (axis, broadcastable) pairs, sorted by axis.
        self.axis = tuple(sorted((int(i), bool(b)) for i, b in axis))

    def theano_str(self):
        if not self.axis:
            return "Rebroadcast{}"
        pattern = ["?"] * (1 + max(i for i, _ in self.axis))
        for i, broadcastable in self.axis:
            pattern[i] = str(int(broadcastable))
        return "Rebroadcast{%s}" % ",".join(pattern)

    def make_node(self, x):
        x = _pt.as_tensor_variable(x)
        shape = list(x.type.shape)
        for i, broadcastable in self.axis:
            if i >= x.ndim:
                raise ValueError("Trying to rebroadcast non-existent dimension %d" % i)
            shape[i] = 1 if broadcastable else None
        return Apply(self, [x], [_pt.TensorType(x.type.dtype, shape=tuple(shape))()])

    def perform(self, node, inputs, output_storage):
        (x,) = inputs
        for i, broadcastable in self.axis:
            if broadcastable and x.shape[i] != 1:
                raise ValueError("Dimension %s in Rebroadcast's input was supposed to be "
                                 "1 (got %s instead)" % (i, x.shape[i]))
        output_storage[0][0] = np.asarray(x)

    def infer_shape(self, fgraph, node, shapes):
        shape = list(shapes[0])
        for i, broadcastable in self.axis:
            if broadcastable:
                shape[i] = _pt.constant(1, dtype="int64")
        return [tuple(shape)]

    def pullback(self, inputs, outputs, output_grads):
        (x,) = inputs
        (gz,) = output_grads
        # The gradient has the input's pattern back.
        back = Rebroadcast(*[(i, x.type.broadcastable[i]) for i, _ in self.axis])
        return [back(gz) if back.axis and _changes(back, gz) else gz]


def _changes(op, x):
    return any(x.type.broadcastable[i] != b for i, b in op.axis)


def patternbroadcast(x, broadcastable):
    """``x`` with the broadcastable pattern ``broadcastable``: a ``Rebroadcast`` node
    over the axes that change (none when nothing changes), as in Theano 1.0.5."""
    x = _pt.as_tensor_variable(x)
    changes = [(i, bool(b)) for i, b in enumerate(broadcastable)
               if bool(b) != x.type.broadcastable[i]]
    if not changes:
        return x
    return Rebroadcast(*changes)(x)
