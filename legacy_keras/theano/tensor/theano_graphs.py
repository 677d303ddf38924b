"""Theano 1.0.5 constructions that PyTensor builds differently: ``dot`` / ``tensordot``
on more than two dimensions, ``batched_tensordot``, ``repeat``, ``max``.

Each follows the steps Theano 1.0.5 took (``theano/tensor/basic.py::_tensordot_as_dot``,
``extra_ops.repeat``), with PyTensor ops, so that ``debugprint`` shows Theano's graph
(``Reshape{2}``, ``MakeVector``, ``Subtensor{int64:int64:}``, ``BatchedDot``, ...).
The numbers are those of any other construction.
"""
import numpy as np
import pytensor.scalar as ps
import pytensor.tensor as _pt
from pytensor.tensor.basic import MakeVector
from pytensor.tensor.blas import BatchedDot
from pytensor.tensor.elemwise import DimShuffle, Elemwise

from legacy_keras.theano.tensor.rebroadcast import patternbroadcast


def _dimshuffle(x, pattern):
    """A DimShuffle node even for the identity pattern (Theano always made one; PyTensor's
    ``dimshuffle`` returns ``x`` itself)."""
    return DimShuffle(input_ndim=x.ndim, new_order=tuple(pattern))(x)


def _shape_vector(entries):
    """Theano's ``as_tensor_variable(list)`` of int64 scalars and Python ints: one
    ``MakeVector{dtype='int64'}``, each Python int an int8 constant cast to int64."""
    values = [_pt.cast(_pt.constant(e, dtype="int8"), "int64") if isinstance(e, int) else e
              for e in entries]
    return MakeVector("int64")(*values)


def _times(a, b):
    """``a *= b`` on a Theano shape entry, where ``a`` may still be the Python int 1
    (Theano then built ``mul(TensorConstant{1}, b)``)."""
    if isinstance(a, int):
        return _pt.mul(_pt.constant(a, dtype="int8"), b)
    return _pt.mul(a, b)


def _tensordot_integer_axes(a, b, axes, dot, batched):
    for operand_name, operand in (("a", a), ("b", b)):
        if axes > operand.ndim:
            raise ValueError("axes can not be larger than the dimension of %s (%s.ndim=%i, "
                             "axes=%i)" % (operand_name, operand_name, operand.ndim, axes))
        if batched and axes == operand.ndim:
            raise ValueError("axes to sum over must not include the batch axis of %s "
                             "(%s.ndim=%i, axes=%i)" % (operand_name, operand_name,
                                                         operand.ndim, axes))
    batch_axes = 1 if batched else 0
    outshape = _pt.concatenate([a.shape[0:a.ndim - axes], b.shape[batch_axes + axes:b.ndim]])
    outndim = (a.ndim - axes) + (b.ndim - batch_axes - axes)
    a_shape, b_shape = [1, 1], [1, 1]
    for i in range(axes):
        a_shape[1] = _times(a_shape[1], a.shape[-(i + 1)])
        b_shape[0] = _times(b_shape[0], b.shape[batch_axes + i])
    for i in range(a.ndim - axes - batch_axes):
        a_shape[0] = _times(a_shape[0], a.shape[batch_axes + i])
    for i in range(b.ndim - axes - batch_axes):
        b_shape[1] = _times(b_shape[1], b.shape[-(i + 1)])
    if batched:
        a_shape.insert(0, a.shape[0])
        b_shape.insert(0, b.shape[0])
    out = dot(_pt.reshape(a, _shape_vector(a_shape), ndim=len(a_shape)),
              _pt.reshape(b, _shape_vector(b_shape), ndim=len(b_shape)))
    out = _pt.reshape(out, outshape, ndim=outndim)
    # Theano restored the broadcastable pattern the reshapes lost (``Rebroadcast{1}``
    # after a dot of a (1, n, k) tensor, as in Keras 1's LocallyConnected2D 'th').
    outbcast = a.type.broadcastable[:a.ndim - axes] + b.type.broadcastable[batch_axes + axes:]
    return patternbroadcast(out, outbcast)


def tensordot_as_dot(a, b, axes, dot, batched):
    """Theano's ``_tensordot_as_dot``: transpose the summed axes to the end of ``a`` and
    the start of ``b``, reshape both to matrices (batches of matrices when
    ``batched``), ``dot`` them, and reshape the result."""
    a, b = _pt.as_tensor_variable(a), _pt.as_tensor_variable(b)
    if np.isscalar(axes):
        return _tensordot_integer_axes(a, b, int(axes), dot, batched)
    if len(axes) != 2:
        raise ValueError("Axes should be an integer or a list/tuple of len 2 (%s was "
                         "provided)" % str(axes))
    axes = [list(ax) if isinstance(ax, (list, tuple)) else [ax] for ax in axes]
    if len(axes[0]) != len(axes[1]):
        raise ValueError("Axes elements must have the same length.")
    batch_axes = [0] if batched else []
    for i, operand in enumerate((a, b)):
        if batched and 0 in axes[i]:
            raise ValueError("axes to sum over must not contain the batch axis "
                             "(axes[%i]=%s)" % (i, axes[i]))
    other_axes = [[x for x in range(operand.ndim) if x not in axes[i] and x not in batch_axes]
                  for i, operand in enumerate((a, b))]
    a_shuffled = _dimshuffle(a, batch_axes + other_axes[0] + axes[0])
    b_shuffled = _dimshuffle(b, batch_axes + axes[1] + other_axes[1])
    return _tensordot_integer_axes(a_shuffled, b_shuffled, len(axes[0]), dot, batched)


def dot(l, r):
    """Theano's ``T.dot``: the ``dot`` op on vectors and matrices, ``tensordot`` over the
    last axis of ``l`` and the second-to-last of ``r`` above two dimensions."""
    l, r = _pt.as_tensor_variable(l), _pt.as_tensor_variable(r)
    if l.ndim == 0 or r.ndim == 0:
        return l * r
    if l.ndim > 2 or r.ndim > 2:
        return tensordot_as_dot(l, r, [[l.ndim - 1], [max(0, r.ndim - 2)]], _pt.dot, False)
    return _pt.dot(l, r)


def batched_dot(a, b):
    """Theano's ``batched_dot``: ``BatchedDot`` for 2-3 dimensions."""
    a, b = _pt.as_tensor_variable(a), _pt.as_tensor_variable(b)
    if a.ndim == 0 or b.ndim == 0:
        raise TypeError("a and b must have at least one (batch) axis")
    if a.ndim == 1:
        return a.dimshuffle(*([0] + ["x"] * (b.ndim - 1))) * b
    if b.ndim == 1:
        return a * b.dimshuffle(*([0] + ["x"] * (a.ndim - 1)))
    if a.ndim > 3 or b.ndim > 3:
        return batched_tensordot(a, b, [[a.ndim - 1], [max(1, b.ndim - 2)]])
    return BatchedDot()(a, b)


def batched_tensordot(x, y, axes=2):
    return tensordot_as_dot(x, y, axes, dot=batched_dot, batched=True)


def repeat(x, repeats, axis):
    """Theano's ``extra_ops.repeat`` for a scalar ``repeats``: an ``Alloc`` of ``x`` with
    a new axis after ``axis``, reshaped (one ``Shape`` node per dimension)."""
    shape = [x.shape[i] for i in range(x.ndim)]
    alloc_shape = list(shape)
    alloc_shape.insert(axis + 1, repeats)
    shape[axis] = shape[axis] * repeats
    pattern = list(range(x.ndim))
    pattern.insert(axis + 1, "x")
    return _pt.reshape(_pt.alloc(x.dimshuffle(*pattern), *alloc_shape), shape)


def theano_max(x, axis=None, keepdims=False):
    """Theano's ``T.max``: output 0 of ``MaxAndArgmax`` (named ``'max'``); keepdims adds a
    DimShuffle."""
    out = _pt.max(x, axis=axis)
    out.name = "max"
    if keepdims:
        axes = _normalized_axes(axis, x.ndim)
        pattern = []
        kept = 0
        for i in range(x.ndim):
            if i in axes:
                pattern.append("x")
            else:
                pattern.append(kept)
                kept += 1
        out = out.dimshuffle(pattern)
    return out


def _normalized_axes(axis, ndim):
    if axis is None:
        return list(range(ndim))
    axes = axis if isinstance(axis, (list, tuple)) else [axis]
    return [a % ndim for a in axes]


def shape_tuple(entries):
    """A shape given as a tuple of Python ints and int64 scalars, as Theano made it a
    vector: all ints give a constant (``TensorConstant{[200   1]}``), otherwise a
    ``MakeVector`` with the ints cast to int64."""
    if builtin_all(isinstance(e, (int, np.integer)) for e in entries):
        return _pt.as_tensor_variable(np.asarray(entries, dtype="int64"))
    return _shape_vector([int(e) if isinstance(e, (int, np.integer)) else e for e in entries])


builtin_all = all


def to_one_hot(y, nb_class, dtype="float32"):
    """Theano's ``extra_ops.to_one_hot``: zeros (``y.shape[0]``, nb_class) with ones set
    at ``[arange(y.shape[0]), y]`` (an ``AdvancedIncSubtensor`` on an ``Alloc``; each
    ``y.shape`` a ``Shape`` node of its own)."""
    zeros = _pt.zeros((y.shape[0], nb_class), dtype=dtype)
    return _pt.set_subtensor(zeros[_pt.arange(y.shape[0]), y], 1)


def _bn_composite_op(dtype):
    """Theano's ``BNComposite`` scalar op (with its gradient) for ``dtype``."""
    class BNComposite(ps.Composite):
        def pullback(self, inputs, outputs, output_grads):
            x, mean, std, gamma, beta = inputs
            (top,) = output_grads
            top_gamma = top * gamma
            x_mean = x - mean
            dx = top_gamma / std
            return [dx, -dx, -(top_gamma * x_mean) / (std * std), top * x_mean / std, top]

    scalars = [ps.get_scalar_type(dtype)() for _ in range(5)]
    i0, i1, i2, i3, i4 = scalars
    return BNComposite(scalars, [((i0 - i1) / i2) * i3 + i4])


def bn_composite(x, mean, std, gamma, beta):
    """Theano 1.0's ``BNComposite``: one element-wise node computing
    ``(x - mean) / std * gamma + beta``, printed
    ``Elemwise{Composite{((((i0 - i1) / i2) * i3) + i4)}}``."""
    x = _pt.as_tensor_variable(x)
    inputs = [x] + [_pt.cast(v, x.dtype) if _pt.as_tensor_variable(v).dtype != x.dtype else v
                    for v in (mean, std, gamma, beta)]
    out = Elemwise(_bn_composite_op(x.dtype))(*inputs)
    out.owner.tag.theano_str = "Elemwise{Composite{((((i0 - i1) / i2) * i3) + i4)}}"
    return out
