"""A compiled PyTensor graph, lowered to one TensorFlow function.

Theano compiled each function to C; legacy_keras compiles it with PyTensor (so that
``debugprint`` shows the optimised graph Theano showed) and then *lowers* the optimised
``FunctionGraph`` (``f.maker.fgraph``) to TensorFlow, op by op, through the table in
this module. The result is one ``tf.function``:

* its arguments are the function's explicit inputs, with the dtypes and ranks of their
  Theano types and unknown dimensions left unknown (``input_signature``), so that new
  batch sizes never trace it again;
* a :class:`~legacy_keras.theano.bound.BoundSharedVariable` (a Keras 1 weight, or a
  ``theano.shared``) is read directly as its ``keras.Variable``: the same variable that
  ``fit``, ``predict`` and ``set_value`` use, without copies;
* ``updates`` are assigned in place to those variables once every output and new value is
  computed (Theano's semantics: updates see the values from before the call).

Graphs with an op this table does not know (random streams, convolutions, scan, ...)
raise :class:`NotLowerable` when lowered; :mod:`legacy_keras.theano.compile` then keeps
running that whole function on PyTensor, as before (correct, slower).
"""
import importlib

import numpy as np
from pytensor.compile import ops as compile_ops
from pytensor.compile.builders import OpFromGraph
from pytensor.graph.basic import Constant
from pytensor.raise_op import CheckAndRaise
from pytensor.scan.op import Scan
from pytensor.scalar import basic as ps
from pytensor.scalar import math as psm
from pytensor.tensor import basic as ptb
from pytensor.tensor import blas, elemwise, extra_ops, special
from pytensor.tensor import math as ptm
from pytensor.tensor import subtensor as pts
from pytensor.tensor.type import TensorType

from legacy_keras.theano.scalar_ops import ScalarSoftsign
from legacy_keras.theano.tensor.bn import AbstractBatchNormInference, AbstractBatchNormTrain
from legacy_keras.theano.tensor.nnet_conv import (AbstractConv, AbstractConvGradInputs,
                                                  AbstractConvGradWeights, theano_padding)
from legacy_keras.theano.tensor.rebroadcast import Rebroadcast
from legacy_keras.theano.tensor.signal_pool import Pool

pt_shape = importlib.import_module("pytensor.tensor.shape")  # the attribute is a function


class NotLowerable(Exception):
    """The graph holds something :func:`lower` has no TensorFlow implementation for."""


def tensorflow_module():
    """TensorFlow, the target of the lowering, whatever backend Keras 3 runs on (the one
    place besides :mod:`legacy_keras._k3` that names it). The engine (:mod:`.engine`) and
    the Keras 3 step's bridge (``engine.theano_bridge``) get it here."""
    # lazy: heavy, and not loaded by Keras 3 on another backend until a graph is lowered
    import tensorflow as tf

    return tf


# -- element-wise scalar ops --------------------------------------------------------------
def _second(tf, a, b):
    return tf.broadcast_to(b, tf.broadcast_dynamic_shape(tf.shape(a), tf.shape(b)))


def _int_div(tf, a, b):
    return tf.math.floordiv(a, b)


def _round_half_away(tf, x):
    return tf.sign(x) * tf.floor(tf.abs(x) + 0.5)


def _softplus(tf, x):
    return tf.math.softplus(x)


def _log1mexp(tf, x):
    return tf.where(x < -0.6931471805599453, tf.math.log1p(-tf.exp(x)),
                    tf.math.log(-tf.math.expm1(x)))


def _clip(tf, x, lo, hi):
    return tf.minimum(tf.maximum(x, lo), hi)


def _sign(tf, x):
    return tf.sign(x)


_SCALAR = {
    ps.Add: lambda tf, *xs: _fold(tf.add, xs),
    ps.Mul: lambda tf, *xs: _fold(tf.multiply, xs),
    ps.Sub: lambda tf, a, b: a - b,
    ps.TrueDiv: lambda tf, a, b: tf.math.truediv(a, b),
    ps.IntDiv: _int_div,
    ps.Mod: lambda tf, a, b: tf.math.floormod(a, b),
    ps.Pow: lambda tf, a, b: tf.pow(a, b),
    ps.Neg: lambda tf, x: -x,
    ps.Abs: lambda tf, x: tf.abs(x),
    ps.Sign: _sign,
    ps.Exp: lambda tf, x: tf.exp(x),
    ps.Exp2: lambda tf, x: tf.pow(tf.constant(2, x.dtype), x),
    ps.Expm1: lambda tf, x: tf.math.expm1(x),
    ps.Log: lambda tf, x: tf.math.log(x),
    ps.Log2: lambda tf, x: tf.math.log(x) / tf.math.log(tf.constant(2, x.dtype)),
    ps.Log10: lambda tf, x: tf.math.log(x) / tf.math.log(tf.constant(10, x.dtype)),
    ps.Log1p: lambda tf, x: tf.math.log1p(x),
    ps.Sqr: lambda tf, x: tf.square(x),
    ps.Sqrt: lambda tf, x: tf.sqrt(x),
    ps.Reciprocal: lambda tf, x: tf.math.reciprocal(x),
    ps.Sin: lambda tf, x: tf.sin(x),
    ps.Cos: lambda tf, x: tf.cos(x),
    ps.Tan: lambda tf, x: tf.tan(x),
    ps.ArcSin: lambda tf, x: tf.asin(x),
    ps.ArcCos: lambda tf, x: tf.acos(x),
    ps.ArcTan: lambda tf, x: tf.atan(x),
    ps.ArcTan2: lambda tf, a, b: tf.atan2(a, b),
    ps.Sinh: lambda tf, x: tf.sinh(x),
    ps.Cosh: lambda tf, x: tf.cosh(x),
    ps.Tanh: lambda tf, x: tf.tanh(x),
    ps.ArcSinh: lambda tf, x: tf.asinh(x),
    ps.ArcCosh: lambda tf, x: tf.acosh(x),
    ps.ArcTanh: lambda tf, x: tf.atanh(x),
    ps.Maximum: lambda tf, a, b: tf.maximum(a, b),
    ps.Minimum: lambda tf, a, b: tf.minimum(a, b),
    ps.Clip: _clip,
    ps.Second: _second,
    ps.Identity: lambda tf, x: tf.identity(x),
    ps.Cast: lambda tf, x: x,  # the cast to the output dtype follows every op
    ps.Floor: lambda tf, x: tf.floor(x),
    ps.Ceil: lambda tf, x: tf.math.ceil(x),
    ps.Trunc: lambda tf, x: tf.sign(x) * tf.floor(tf.abs(x)),
    ps.RoundHalfToEven: lambda tf, x: tf.round(x),
    ps.RoundHalfAwayFromZero: _round_half_away,
    ps.LT: lambda tf, a, b: a < b,
    ps.GT: lambda tf, a, b: a > b,
    ps.LE: lambda tf, a, b: a <= b,
    ps.GE: lambda tf, a, b: a >= b,
    ps.EQ: lambda tf, a, b: tf.equal(a, b),
    ps.NEQ: lambda tf, a, b: tf.not_equal(a, b),
    ps.IsNan: lambda tf, x: tf.math.is_nan(x),
    ps.IsInf: lambda tf, x: tf.math.is_inf(x),
    ps.Switch: lambda tf, c, a, b: _switch(tf, c, a, b),
    ps.AND: lambda tf, a, b: _bitwise(tf, "and", a, b),
    ps.OR: lambda tf, a, b: _bitwise(tf, "or", a, b),
    ps.XOR: lambda tf, a, b: _bitwise(tf, "xor", a, b),
    ps.Invert: lambda tf, x: _bitwise(tf, "invert", x),
    psm.Sigmoid: lambda tf, x: tf.sigmoid(x),
    psm.Softplus: _softplus,
    psm.Log1mexp: _log1mexp,
    psm.Erf: lambda tf, x: tf.math.erf(x),
    psm.Erfc: lambda tf, x: tf.math.erfc(x),
    psm.Erfinv: lambda tf, x: tf.math.erfinv(x),
    psm.GammaLn: lambda tf, x: tf.math.lgamma(x),
    psm.Psi: lambda tf, x: tf.math.digamma(x),
}


def _fold(binary, xs):
    result = xs[0]
    for x in xs[1:]:
        result = binary(result, x)
    return result


def _switch(tf, condition, a, b):
    shape = tf.broadcast_dynamic_shape(
        tf.shape(condition), tf.broadcast_dynamic_shape(tf.shape(a), tf.shape(b)))
    return tf.where(tf.broadcast_to(tf.cast(condition, tf.bool), shape),
                    tf.broadcast_to(a, shape), tf.broadcast_to(b, shape))


def _bitwise(tf, kind, *xs):
    if xs[0].dtype == tf.bool:
        ops = {"and": tf.logical_and, "or": tf.logical_or, "xor": tf.math.logical_xor,
               "invert": tf.logical_not}
    else:
        ops = {"and": tf.bitwise.bitwise_and, "or": tf.bitwise.bitwise_or,
               "xor": tf.bitwise.bitwise_xor, "invert": tf.bitwise.invert}
    return ops[kind](*xs)


def _scalar_impl(scalar_op):
    for klass in type(scalar_op).__mro__:
        if klass in _SCALAR:
            return _SCALAR[klass]
    if isinstance(scalar_op, ScalarSoftsign):  # legacy_keras' own scalar op
        return lambda tf, x: x / (1.0 + tf.abs(x))
    raise NotLowerable("scalar op %s" % (scalar_op,))


_BOOLEAN_OPS = (ps.LogicalComparison, ps.FixedLogicalComparison, ps.AND, ps.OR, ps.XOR,
                ps.Invert, ps.Identity)


def _apply_scalar(tf, scalar_op, inputs, in_dtypes, out_dtypes):
    """One scalar op applied element-wise, with Theano's dtype rules made explicit (TF
    does not upcast): inputs go to their common dtype (the output's for arithmetic),
    the result to the output dtype."""
    if isinstance(scalar_op, ps.Composite):
        return _apply_composite(tf, scalar_op, inputs)
    impl = _scalar_impl(scalar_op)
    out = out_dtypes[0]
    if isinstance(scalar_op, ps.Switch):
        common = ps.upcast(*in_dtypes[1:])
        args = [inputs[0]] + [_cast(tf, x, common) for x in inputs[1:]]
    elif isinstance(scalar_op, ps.Cast):
        args = list(inputs)
    elif isinstance(scalar_op, ps.Second):
        args = [inputs[0], _cast(tf, inputs[1], out)]
    elif out == "bool" or isinstance(scalar_op, (ps.IntDiv, ps.Mod)):
        common = ps.upcast(*in_dtypes)
        if common == "bool" and not isinstance(scalar_op, _BOOLEAN_OPS):
            common = "int8"  # TensorFlow has no arithmetic (max, add, ...) on booleans
        args = [_cast(tf, x, common) for x in inputs]
    else:
        args = [_cast(tf, x, out) for x in inputs]
    result = impl(tf, *args)
    return [_cast(tf, result, out)]


def _apply_composite(tf, composite, inputs):
    inner = composite.fgraph
    values = dict(zip(inner.inputs, inputs))
    for node in inner.toposort():
        args = [_inner_value(tf, values, v) for v in node.inputs]
        outs = _apply_scalar(tf, node.op, args, [v.type.dtype for v in node.inputs],
                             [v.type.dtype for v in node.outputs])
        values.update(zip(node.outputs, outs))
    return [_cast(tf, _inner_value(tf, values, v), v.type.dtype) for v in inner.outputs]


def _inner_value(tf, values, variable):
    if variable in values:
        return values[variable]
    if isinstance(variable, Constant):
        return tf.constant(np.asarray(variable.data, dtype=variable.type.dtype))
    raise NotLowerable("free variable %s in a Composite" % (variable,))


def _cast(tf, x, dtype):
    return x if x.dtype.name == dtype else tf.cast(x, dtype)


# -- tensor ops ---------------------------------------------------------------------------
def _elemwise(tf, node, inputs):
    return _apply_scalar(tf, node.op.scalar_op, inputs,
                         [v.type.dtype for v in node.inputs],
                         [v.type.dtype for v in node.outputs])


def _dimshuffle(tf, node, inputs):
    (x,) = inputs
    op = node.op
    if op.drop:
        x = tf.squeeze(x, axis=list(op.drop))
        kept = [i for i in range(op.input_ndim) if i not in op.drop]
        order = [kept.index(i) for i in op.shuffle]
    else:
        order = list(op.shuffle)
    if order != sorted(order):
        x = tf.transpose(x, order)
    for position, entry in enumerate(op.new_order):
        if entry == "x":
            x = tf.expand_dims(x, position)
    return [x]


_REDUCERS = {
    ps.Add: "reduce_sum", ps.Mul: "reduce_prod", ps.Maximum: "reduce_max",
    ps.Minimum: "reduce_min", ps.AND: "reduce_all", ps.OR: "reduce_any",
}


def _careduce(tf, node, inputs):
    (x,) = inputs
    op = node.op
    name = next((_REDUCERS[k] for k in type(op.scalar_op).__mro__ if k in _REDUCERS), None)
    if name is None:
        raise NotLowerable("reduction by %s" % (op.scalar_op,))
    out = node.outputs[0].type.dtype
    acc = getattr(op, "acc_dtype", None) or out
    if name in ("reduce_all", "reduce_any"):
        x = tf.cast(x, tf.bool)
    elif x.dtype == tf.bool:
        x = tf.cast(x, "int8" if acc == "bool" else acc)
    elif x.dtype.name != acc and name in ("reduce_sum", "reduce_prod"):
        x = tf.cast(x, acc)
    axis = None if op.axis is None else list(op.axis)
    if axis == []:
        return [_cast(tf, x, out)]
    return [_cast(tf, getattr(tf, name)(x, axis=axis), out)]


def _argmax(tf, node, inputs):
    (x,) = inputs
    axis = node.op.axis
    if axis is None:
        x, axis = tf.reshape(x, [-1]), (0,)
    if len(axis) != 1:
        raise NotLowerable("Argmax over several axes")
    return [tf.argmax(x, axis=axis[0], output_type=tf.int64)]


def _dot(tf, node, inputs):
    x, y = inputs
    out = node.outputs[0].type.dtype
    x, y = _cast(tf, x, out), _cast(tf, y, out)
    nx, ny = node.inputs[0].type.ndim, node.inputs[1].type.ndim
    if nx == 2 and ny == 2:
        return [tf.matmul(x, y)]
    if nx == 2 and ny == 1:
        return [tf.linalg.matvec(x, y)]
    return [tf.tensordot(x, y, axes=[[nx - 1], [max(ny - 2, 0)]])]


def _dot22scalar(tf, node, inputs):
    x, y, a = inputs
    return [tf.matmul(x, y) * _cast(tf, a, node.outputs[0].type.dtype)]


def _gemm(tf, node, inputs):
    z, a, x, y, b = inputs
    return [b * z + a * tf.matmul(x, y)]


def _gemv(tf, node, inputs):
    y, alpha, A, x, beta = inputs
    return [beta * y + alpha * tf.linalg.matvec(A, x)]


def _ger(tf, node, inputs):
    A, alpha, x, y = inputs
    return [A + alpha * tf.tensordot(x, y, axes=0)]


def _batched_dot(tf, node, inputs):
    x, y = inputs
    return [tf.matmul(x, y)]


def _softmax_axes(node):
    axis = node.op.axis
    if axis is None:
        return None
    return [axis] if isinstance(axis, int) else list(axis)


def _softmax(tf, node, inputs):
    (x,) = inputs
    axes = _softmax_axes(node)
    shifted = x - tf.stop_gradient(tf.reduce_max(x, axis=axes, keepdims=True))
    e = tf.exp(shifted)
    return [e / tf.reduce_sum(e, axis=axes, keepdims=True)]


def _log_softmax(tf, node, inputs):
    (x,) = inputs
    axes = _softmax_axes(node)
    shifted = x - tf.reduce_max(x, axis=axes, keepdims=True)
    return [shifted - tf.math.log(tf.reduce_sum(tf.exp(shifted), axis=axes, keepdims=True))]


def _xlogy(tf, node, inputs):
    out = node.outputs[0].type.dtype
    x, y = (_cast(tf, v, out) for v in inputs)
    return [tf.math.xlogy(x, y)]


def _xlog1py(tf, node, inputs):
    out = node.outputs[0].type.dtype
    x, y = (_cast(tf, v, out) for v in inputs)
    return [tf.math.xlog1py(x, y)]


def _inner_graph(tf, node, inputs):
    """An ``OpFromGraph`` (PyTensor's symbolic ops): its inner graph, lowered."""
    inner = node.op.fgraph
    return evaluate(inner, dict(zip(inner.inputs, inputs)))


def _shape(tf, node, inputs):
    return [tf.shape(inputs[0], out_type=tf.int64)]


def _shape_i(tf, node, inputs):
    return [tf.shape(inputs[0], out_type=tf.int64)[node.op.i]]


def _identity_first(tf, node, inputs):
    return [inputs[0]]


def _reshape(tf, node, inputs):
    x, shape = inputs
    return [tf.reshape(x, tf.cast(shape, tf.int64))]


def _alloc(tf, node, inputs):
    value, *shape = inputs
    out = node.outputs[0].type.dtype
    return [tf.broadcast_to(_cast(tf, value, out), _shape_vector(tf, shape))]


def _alloc_empty(tf, node, inputs):
    return [tf.zeros(_shape_vector(tf, inputs), dtype=node.outputs[0].type.dtype)]


def _shape_vector(tf, entries):
    return tf.stack([tf.cast(e, tf.int64) for e in entries]) if entries else \
        tf.zeros([0], tf.int64)


def _make_vector(tf, node, inputs):
    out = node.outputs[0].type.dtype
    if not inputs:
        return [tf.zeros([0], dtype=out)]
    return [tf.stack([_cast(tf, x, out) for x in inputs])]


def _join(tf, node, inputs):
    axis, *tensors = inputs
    out = node.outputs[0].type.dtype
    return [tf.concat([_cast(tf, t, out) for t in tensors], axis=_static_int(node.inputs[0],
                                                                                axis))]


def _static_int(variable, value):
    if isinstance(variable, Constant):
        return int(variable.data)
    return value


def _split(tf, node, inputs):
    x, axis, splits = inputs
    return list(tf.split(x, tf.cast(splits, tf.int64), num=node.op.len_splits,
                         axis=_static_int(node.inputs[1], axis)))


def _scalar_from_tensor(tf, node, inputs):
    return [inputs[0]]


def _arange(tf, node, inputs):
    start, stop, step = inputs
    out = node.outputs[0].type.dtype
    return [tf.range(_cast(tf, start, out), _cast(tf, stop, out), _cast(tf, step, out))]


def _eye(tf, node, inputs):
    n, m, k = inputs
    n, m, k = (tf.cast(v, tf.int64) for v in (n, m, k))
    rows = tf.range(n)[:, None]
    cols = tf.range(m)[None, :]
    return [tf.cast(tf.equal(cols - rows, k), node.outputs[0].type.dtype)]


def _check_and_raise(tf, node, inputs):
    x, *conditions = inputs
    checks = [tf.debugging.Assert(tf.reduce_all(tf.cast(c, tf.bool)), [str(node.op.msg)])
              for c in conditions]
    with tf.control_dependencies(checks):
        return [tf.identity(x)]


def _cumop(tf, node, inputs):
    (x,) = inputs
    axis = node.op.axis
    if axis is None:
        x, axis = tf.reshape(x, [-1]), 0
    if node.op.mode == "add":
        return [tf.cumsum(x, axis=axis)]
    return [tf.math.cumprod(x, axis=axis)]


def _repeat(tf, node, inputs):
    x, repeats = inputs
    axis = node.op.axis
    if axis is None:
        x, axis = tf.reshape(x, [-1]), 0
    return [tf.repeat(x, repeats, axis=axis)]


def _ifelse(tf, node, inputs):
    """Theano's lazy ``ifelse``: the branch the condition picks (both are in the graph;
    TensorFlow runs only the ops each branch needs that the other does not share)."""
    condition, *branches = inputs
    n = node.op.n_outs
    taken, other = branches[:n], branches[n:]
    outs = node.outputs
    condition = tf.not_equal(condition, tf.zeros_like(condition))
    chosen = tf.cond(condition, lambda: [tf.identity(t) for t in taken],
                     lambda: [tf.identity(o) for o in other])
    return [_cast(tf, c, v.type.dtype) for c, v in zip(chosen, outs)]


def _scan(tf, node, inputs):
    """Theano's ``Scan`` in a lowered function: :func:`lower_scan` with the step's inner
    graph lowered by :func:`evaluate`."""
    inner = node.op.fgraph
    return lower_scan(tf, node, inputs, lambda values: evaluate(inner, values))


def lower_scan(tf, node, inputs, evaluate_step):
    """Theano's ``Scan`` as a ``tf.while_loop``: sequences read at step ``i``, each
    recurrent state kept as a window of its last ``-min(taps)`` values, outputs collected
    in ``TensorArray``s, and the outer buffers rebuilt as Scan returns them (the last
    ``len(buffer)`` values in time order, zeros past the end). While-loops and
    ``mit_mot`` states (the gradients of a scan) are not lowered.

    ``evaluate_step(values)``: the inner graph's outputs (TensorFlow tensors) given
    ``values``, a dict from each inner input to its tensor at this step. Both users of
    this lowering pass theirs: ``theano.function`` (:func:`evaluate` on the optimised
    inner graph) and the Keras 3 step's bridge (:mod:`legacy_keras.engine.theano_bridge`,
    which reads weights from their ``keras.Variable``).
    """
    op = node.op
    info = op.info
    if info.as_while or info.n_mit_mot:
        raise NotLowerable("Scan with %s" % ("a while condition" if info.as_while
                                            else "mit_mot states (a scan's gradient)"))
    taps = [list(t) for t in info.mit_sot_in_slices + info.sit_sot_in_slices]
    n_tap, n_nit, n_untraced = len(taps), info.n_nit_sot, info.n_untraced_sit_sot
    position = 1
    seqs = inputs[position:position + info.n_seqs]
    position += info.n_seqs
    buffers = inputs[position:position + n_tap]
    position += n_tap
    untraced = inputs[position:position + n_untraced]
    position += n_untraced
    sizes = inputs[position:position + n_nit]
    non_seqs = inputs[position + n_nit:]
    n_steps = tf.cast(inputs[0], tf.int32)
    lengths = [-min(t) for t in taps]
    windows = [buffer[:length] for buffer, length in zip(buffers, lengths)]
    inner = op.fgraph
    recorded = inner.outputs[:n_tap + n_nit]
    arrays = [tf.TensorArray(v.type.dtype, size=n_steps) for v in recorded]

    def body(i, windows, states, arrays):
        values = {}
        slots = iter(inner.inputs)
        for seq in seqs:
            values[next(slots)] = seq[i]
        for window, tap, length in zip(windows, taps, lengths):
            for t in tap:
                values[next(slots)] = window[length + t]
        for state in states:
            values[next(slots)] = state
        for value in non_seqs:
            values[next(slots)] = value
        outs = [_as_type(tf, o, v.type.dtype)
                for o, v in zip(evaluate_step(values), inner.outputs)]
        windows = [tf.concat([w[1:], o[None]], 0) for w, o in zip(windows, outs[:n_tap])]
        arrays = [a.write(i, o) for a, o in zip(arrays, outs[:n_tap + n_nit])]
        return i + 1, windows, list(outs[n_tap + n_nit:]), arrays

    def unknown(x):
        return tf.TensorShape([None] * x.shape.rank)

    _, _, states, arrays = tf.while_loop(
        lambda i, *_: i < n_steps, body, (tf.constant(0), windows, list(untraced), arrays),
        shape_invariants=(tf.TensorShape([]), [unknown(w) for w in windows],
                          [unknown(u) for u in untraced],
                          [tf.TensorShape(None)] * len(arrays)))
    results = []
    for buffer, window, array in zip(buffers, windows, arrays[:n_tap]):
        full = tf.concat([window, array.stack()], 0)
        results.append(_last_rows(tf, full, tf.shape(buffer)[0]))
    for size, array in zip(sizes, arrays[n_tap:]):
        results.append(_last_rows(tf, array.stack(), tf.cast(size, tf.int32)))
    return results + list(states)


def _last_rows(tf, full, store):
    """Scan's output buffer of ``store`` rows: the last rows of ``full`` in time order,
    zero rows after them when the buffer is longer."""
    pad = tf.maximum(store - tf.shape(full)[0], 0)
    zeros = tf.zeros(tf.concat([[pad], tf.shape(full)[1:]], 0), full.dtype)
    combined = tf.concat([full, zeros], 0)
    return combined[tf.shape(combined)[0] - store:]


def _as_type(tf, value, dtype):
    if not tf.is_tensor(value):
        value = tf.constant(np.asarray(value, dtype=dtype))
    return _cast(tf, value, dtype)


# -- legacy_keras' Theano ops: convolution, pooling, batch normalization -------------------
def _conv(tf, node, inputs):
    """Theano's ``AbstractConv2d`` / ``3d`` (channels first, a true convolution when
    ``filter_flip``) as TensorFlow's channels-last cross-correlation."""
    op = node.op
    image, kernel = inputs
    out = node.outputs[0].type.dtype
    image, kernel = _cast(tf, image, out), _cast(tf, kernel, out)
    n = op.convdim
    if any(s > 1 for s in op.subsample) and any(d > 1 for d in op.filter_dilation):
        raise NotLowerable("convolution with both strides and dilation")
    if op.filter_flip:
        kernel = tf.reverse(kernel, axis=list(range(2, 2 + n)))
    kshape = [int(k) for k in node.inputs[1].type.shape[2:]] if None not in \
        node.inputs[1].type.shape[2:] else None
    if isinstance(op.border_mode, str) and op.border_mode != "valid" and kshape is None:
        if op.kshp is None or None in tuple(op.kshp)[2:]:
            raise NotLowerable("'%s' convolution without a static kernel shape"
                               % op.border_mode)
        kshape = [int(k) for k in tuple(op.kshp)[2:]]
    pads = theano_padding(op.border_mode, kshape or [1] * n, op.filter_dilation)
    channels_last = [0] + list(range(2, 2 + n)) + [1]
    x = tf.transpose(image, channels_last)
    if any(pads):
        x = tf.pad(x, [[0, 0]] + [[p, p] for p in pads] + [[0, 0]])
    w = tf.transpose(kernel, list(range(2, 2 + n)) + [1, 0])
    y = tf.nn.convolution(x, w, strides=list(op.subsample), padding="VALID",
                          dilations=list(op.filter_dilation))
    return [tf.transpose(y, [0, n + 1] + list(range(1, n + 1)))]


def _pool(tf, node, inputs):
    """legacy_keras' Theano ``Pool`` (max, sum, average with or without the padding)
    with Theano's ``ignore_border=True`` windows, through TensorFlow's pooling."""
    op = node.op
    if not op.ignore_border:
        raise NotLowerable("Pool with ignore_border=False")
    values = []
    for variable in node.inputs[1:]:
        if not isinstance(variable, Constant):
            raise NotLowerable("Pool with a symbolic window")
        values.append([int(v) for v in variable.data])
    ws, stride, pad = values
    x = inputs[0]
    n = op.ndim
    shape = tf.shape(x)
    lead = shape[:-n]
    x = tf.reshape(x, tf.concat([[-1], shape[-n:], [1]], 0))
    if any(pad):
        fill = float("-inf") if op.mode == "max" else 0.0
        x = tf.pad(x, [[0, 0]] + [[p, p] for p in pad] + [[0, 0]], constant_values=fill)
    dtype = x.dtype
    if op.mode == "max":
        y = tf.nn.pool(x, ws, "MAX", strides=stride, padding="VALID")
    else:
        x64 = tf.cast(x, tf.float64)
        y = tf.nn.pool(x64, ws, "AVG", strides=stride, padding="VALID") * float(np.prod(ws))
        if op.mode == "average_inc_pad":
            y = y / float(np.prod(ws))
        elif op.mode == "average_exc_pad":
            ones = tf.pad(tf.ones(tf.concat([[1], shape[-n:], [1]], 0), tf.float64),
                          [[0, 0]] + [[p, p] for p in pad] + [[0, 0]])
            count = tf.nn.pool(ones, ws, "AVG", strides=stride, padding="VALID") * \
                float(np.prod(ws))
            y = y / count
        elif op.mode != "sum":
            raise NotLowerable("Pool mode %r" % (op.mode,))
        y = tf.cast(y, dtype)
    out_shape = tf.shape(y)[1:1 + n]
    return [_cast(tf, tf.reshape(y, tf.concat([lead, out_shape], 0)),
                  node.outputs[0].type.dtype)]


def _bn_train(tf, node, inputs):
    x, scale, bias, epsilon = inputs[:4]
    axes = list(node.op.axes)
    mean = tf.reduce_mean(x, axis=axes, keepdims=True)
    var = tf.reduce_mean(tf.square(x - mean), axis=axes, keepdims=True)
    invstd = 1.0 / tf.sqrt(var + _cast(tf, epsilon, var.dtype.name))
    out = (x - mean) * (scale * invstd) + bias
    return [_cast(tf, v, o.type.dtype) for v, o in zip((out, mean, invstd), node.outputs)]


def _bn_inference(tf, node, inputs):
    x, scale, bias, mean, var, epsilon = inputs
    out = (x - mean) * (scale / tf.sqrt(var + _cast(tf, epsilon, var.dtype.name))) + bias
    return [_cast(tf, out, node.outputs[0].type.dtype)]


def _legacy_op_impl(op):
    """The lowering of one of legacy_keras' own Theano ops, or None. (The convolution's
    gradient ops, used only without a static kernel shape, are not lowered.)"""
    if isinstance(op, AbstractConv):
        gradient = isinstance(op, (AbstractConvGradInputs, AbstractConvGradWeights))
        return None if gradient else _conv
    table = {Pool: _pool, AbstractBatchNormTrain: _bn_train,
             AbstractBatchNormInference: _bn_inference}
    return next((impl for klass, impl in table.items() if isinstance(op, klass)), None)


def _make_slice(tf, node, inputs):
    return [slice(*inputs)]


# -- indexing -----------------------------------------------------------------------------
def _basic_indices(tf, idx_list, values):
    """Theano's ``idx_list`` (slices and ints whose entries are types) with the values."""
    values = list(values)

    def take(entry):
        if entry is None:
            return None
        return tf.cast(values.pop(0), tf.int64)

    result = []
    for entry in idx_list:
        if isinstance(entry, slice):
            result.append(slice(take(entry.start), take(entry.stop), take(entry.step)))
        else:
            result.append(take(entry))
    return tuple(result)


def _subtensor(tf, node, inputs):
    x, *values = inputs
    return [x[_basic_indices(tf, node.op.idx_list, values)]]


def _position_grid(tf, x):
    return tf.reshape(tf.range(tf.size(x, out_type=tf.int64)), tf.shape(x, out_type=tf.int64))


def _scatter(tf, x, positions, y, set_instead_of_inc):
    flat = tf.reshape(x, [-1])
    y = tf.broadcast_to(_cast(tf, y, x.dtype.name), tf.shape(positions))
    where = tf.reshape(positions, [-1, 1])
    values = tf.reshape(y, [-1])
    if set_instead_of_inc:
        flat = tf.tensor_scatter_nd_update(flat, where, values)
    else:
        flat = tf.tensor_scatter_nd_add(flat, where, values)
    return tf.reshape(flat, tf.shape(x))


def _inc_subtensor(tf, node, inputs):
    x, y, *values = inputs
    positions = _position_grid(tf, x)[_basic_indices(tf, node.op.idx_list, values)]
    return [_scatter(tf, x, positions, y, node.op.set_instead_of_inc)]


def _normalised(tf, index, size):
    index = tf.cast(index, tf.int64)
    return tf.where(index < 0, index + size, index)


def _advanced_take(tf, x, node_indices, indices):
    """NumPy advanced indexing for the shapes legacy code uses: one integer array on any
    axis (the others whole), or integer arrays on the leading axes (``p[arange(n), a]``)."""
    kinds = []
    for variable, value in zip(node_indices, indices):
        if isinstance(value, slice):
            whole = value.start is None and value.stop is None and value.step is None
            kinds.append("all" if whole else "slice")
        elif getattr(variable.type, "dtype", "").startswith(("int", "uint")) and \
                variable.type.ndim >= 0:
            kinds.append("array")
        else:
            kinds.append("other")
    if "other" in kinds or "slice" in kinds:
        raise NotLowerable("advanced indexing pattern %s" % kinds)
    arrays = [i for i, k in enumerate(kinds) if k == "array"]
    shape = tf.shape(x, out_type=tf.int64)
    if len(arrays) == 1:
        axis = arrays[0]
        return tf.gather(x, _normalised(tf, indices[axis], shape[axis]), axis=axis)
    if arrays != list(range(len(arrays))):
        raise NotLowerable("advanced indices not on the leading axes")
    if any(node_indices[i].type.ndim == 0 for i in arrays):
        raise NotLowerable("scalar among advanced indices")
    parts = [_normalised(tf, indices[i], shape[i]) for i in arrays]
    common = parts[0]
    for part in parts[1:]:
        common = common + tf.zeros_like(part)
    parts = [tf.broadcast_to(p, tf.shape(common)) for p in parts]
    return tf.gather_nd(x, tf.stack(parts, axis=-1))


def _advanced_subtensor1(tf, node, inputs):
    x, index = inputs
    return [tf.gather(x, _normalised(tf, index, tf.shape(x, out_type=tf.int64)[0]))]


def _advanced_inc_subtensor1(tf, node, inputs):
    x, y, index = inputs
    grid = _position_grid(tf, x)
    positions = tf.gather(grid, _normalised(tf, index, tf.shape(x, out_type=tf.int64)[0]))
    return [_scatter(tf, x, positions, y, node.op.set_instead_of_inc)]


def _advanced_subtensor(tf, node, inputs):
    x, *indices = inputs
    return [_advanced_take(tf, x, node.inputs[1:], indices)]


def _advanced_inc_subtensor(tf, node, inputs):
    x, y, *indices = inputs
    positions = _advanced_take(tf, _position_grid(tf, x), node.inputs[2:], indices)
    return [_scatter(tf, x, positions, y, node.op.set_instead_of_inc)]


_OPS = {
    elemwise.Elemwise: _elemwise,
    elemwise.DimShuffle: _dimshuffle,
    elemwise.CAReduce: _careduce,
    ptm.Argmax: _argmax,
    ptm.Dot: _dot,
    blas.Dot22: _dot,
    blas.Dot22Scalar: _dot22scalar,
    blas.Gemm: _gemm,
    blas.Gemv: _gemv,
    blas.Ger: _ger,
    blas.BatchedDot: _batched_dot,
    special.Softmax: _softmax,
    special.LogSoftmax: _log_softmax,
    special.XLogY: _xlogy,
    special.XLog1PY: _xlog1py,
    pt_shape.Shape: _shape,
    pt_shape.Shape_i: _shape_i,
    pt_shape.SpecifyShape: _identity_first,
    pt_shape.Reshape: _reshape,
    ptb.Alloc: _alloc,
    ptb.AllocEmpty: _alloc_empty,
    ptb.MakeVector: _make_vector,
    ptb.Join: _join,
    ptb.Split: _split,
    ptb.ScalarFromTensor: _scalar_from_tensor,
    ptb.TensorFromScalar: _scalar_from_tensor,
    ptb.ARange: _arange,
    ptb.Eye: _eye,
    compile_ops.DeepCopyOp: _identity_first,
    compile_ops.ViewOp: _identity_first,
    CheckAndRaise: _check_and_raise,
    extra_ops.CumOp: _cumop,
    extra_ops.Repeat: _repeat,
    extra_ops.CpuContiguous: _identity_first,
    pts.Subtensor: _subtensor,
    pts.IncSubtensor: _inc_subtensor,
    pts.AdvancedSubtensor1: _advanced_subtensor1,
    pts.AdvancedIncSubtensor1: _advanced_inc_subtensor1,
    pts.AdvancedSubtensor: _advanced_subtensor,
    pts.AdvancedIncSubtensor: _advanced_inc_subtensor,
}


def _op_impl(op):
    for klass in type(op).__mro__:
        if klass in _OPS:
            return _OPS[klass]
    if isinstance(op, Rebroadcast):
        return _identity_first
    impl = _legacy_op_impl(op)
    if impl is not None:
        return impl
    if type(op).__name__ == "MakeSlice":
        return _make_slice
    if isinstance(op, Scan):
        return _scan
    if type(op).__name__ == "IfElse":
        return _ifelse
    if isinstance(op, OpFromGraph):
        return _inner_graph
    raise NotLowerable("op %s (%s)" % (op, type(op).__name__))


def check_lowerable(fgraph):
    """Raises :class:`NotLowerable` when some node of ``fgraph`` has no lowering."""
    for node in fgraph.apply_nodes:
        _op_impl(node.op)
        if isinstance(node.op, (OpFromGraph, Scan)):
            check_lowerable(node.op.fgraph)
        if isinstance(node.op, elemwise.Elemwise):
            _check_scalar(node.op.scalar_op)
    for variable in fgraph.variables:
        if variable.owner is None and not isinstance(variable, Constant) and \
                not isinstance(variable.type, TensorType):
            raise NotLowerable("input of type %s" % (variable.type,))


def _check_scalar(scalar_op):
    if isinstance(scalar_op, ps.Composite):
        for node in scalar_op.fgraph.apply_nodes:
            _check_scalar(node.op)
    else:
        _scalar_impl(scalar_op)


def constant_value(tf, constant):
    data = constant.data
    if data is None or isinstance(data, slice):
        return data
    return tf.constant(np.asarray(data, dtype=constant.type.dtype))


def evaluate(fgraph, values):
    """The outputs of ``fgraph`` in TensorFlow, given ``values`` (a dict from each input
    variable to its tensor). Runs at trace time, inside the ``tf.function``."""
    tf = tensorflow_module()
    values = dict(values)
    for node in fgraph.toposort():
        args = []
        for variable in node.inputs:
            if variable not in values:
                if not isinstance(variable, Constant):
                    raise NotLowerable("unbound variable %s" % (variable,))
                values[variable] = constant_value(tf, variable)
            args.append(values[variable])
        outputs = _op_impl(node.op)(tf, node, args)
        values.update(zip(node.outputs, outputs))
    result = []
    for variable in fgraph.outputs:
        if variable not in values:
            values[variable] = constant_value(tf, variable)
        result.append(values[variable])
    return result
