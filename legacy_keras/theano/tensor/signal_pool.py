"""``theano.tensor.signal.pool``: Theano 1.0's ``Pool`` op, on PyTensor.

PyTensor has no pooling. Keras 1.2.2's Theano backend pooled with ``pool_2d`` /
``pool_3d``, whose graphs show ``Pool{ignore_border=True, mode='max', ndim=2}`` with the
window, stride and padding as int64 constant inputs. The op here prints that, pools the
last ``ndim`` axes in NumPy as Theano did (padding ``pad`` on both sides; 'max' ignores
the padding, 'average_exc_pad' averages over the real pixels only, 'average_inc_pad'
counts the zeros, 'sum' sums) and differentiates through the same computation written
with PyTensor ops.
"""
import itertools
import warnings

import numpy as np
import pytensor
import pytensor.tensor as _pt
from pytensor.gradient import disconnected_type
from pytensor.graph.basic import Apply
from pytensor.graph.op import Op

warnings.filterwarnings("ignore", message="Numba will use object mode to run Pool")

MODES = ("max", "sum", "average_inc_pad", "average_exc_pad")


def pool_output_length(size, window, stride, pad, ignore_border=True):
    if ignore_border:
        return max(0, (size + 2 * pad - window) // stride + 1)
    if stride >= window:
        return (size + 2 * pad - 1) // stride + 1
    # Theano 1.0: the last window starts inside the image
    return max(0, (size + 2 * pad - 1 - window + stride) // stride) + 1


def _window_slices(offsets, out_shape, stride):
    return tuple(slice(o, o + (n - 1) * s + 1, s) for o, n, s in zip(offsets, out_shape, stride))


def _numpy_pool(x, ws, stride, pad, mode, ignore_border):
    ndim = len(ws)
    lead = x.ndim - ndim
    spatial = x.shape[lead:]
    out_shape = [pool_output_length(n, w, s, p, ignore_border)
                 for n, w, s, p in zip(spatial, ws, stride, pad)]
    fill = -np.inf if mode == "max" else 0
    widths = [(0, 0)] * lead + [(p, p + max(0, (o - 1) * s + w - (n + 2 * p)))
                                for n, o, w, s, p in zip(spatial, out_shape, ws, stride, pad)]
    padded = np.pad(x.astype(np.float64), widths, constant_values=fill)
    if mode == "average_inc_pad":
        # the padding counts, the end of partial windows (ignore_border=False) does not
        real = np.pad(np.ones([n + 2 * p for n, p in zip(spatial, pad)]),
                      [(0, w[1] - p) for w, p in zip(widths[lead:], pad)], constant_values=0)
    else:
        real = np.pad(np.ones(spatial), widths[lead:], constant_values=0)
    result = None
    count = None
    for offsets in itertools.product(*[range(w) for w in ws]):
        index = _window_slices(offsets, out_shape, stride)
        window = padded[(Ellipsis,) + index]
        if mode == "max":
            result = window if result is None else np.maximum(result, window)
        else:
            result = window if result is None else result + window
            real_window = real[index]
            count = real_window if count is None else count + real_window
    if mode in ("average_exc_pad", "average_inc_pad"):
        result = result / count
    return result


class Pool(Op):
    """Theano 1.0's ``Pool``: inputs (x, ws, stride, pad); pools the last ``ndim`` axes."""

    __props__ = ("ignore_border", "mode", "ndim")

    def __init__(self, ignore_border=False, mode="max", ndim=2):
        if mode not in MODES:
            raise ValueError("Pool mode parameter only support 'max', 'sum', "
                             "'average_inc_pad' and 'average_exc_pad'. Got %s" % mode)
        self.ignore_border = ignore_border
        self.mode = mode
        self.ndim = ndim

    def theano_str(self):
        return "Pool{ignore_border=%s, mode=%r, ndim=%d}" % (self.ignore_border, self.mode,
                                                             self.ndim)

    def __str__(self):
        return self.theano_str()

    def make_node(self, x, ws, stride, pad):
        x = _pt.as_tensor_variable(x)
        ws, stride, pad = (_pt.as_tensor_variable(v) for v in (ws, stride, pad))
        if x.ndim < self.ndim:
            raise TypeError("Pool: the input needs at least %d dimensions" % self.ndim)
        out = _pt.TensorType(x.dtype, shape=(None,) * x.ndim)()
        return Apply(self, [x, ws, stride, pad], [out])

    @staticmethod
    def _constants(node):
        values = []
        for var in node.inputs[1:]:
            if not isinstance(var, _pt.TensorConstant):
                raise NotImplementedError("Pool with symbolic window / stride / padding is "
                                          "not supported by legacy_keras.")
            values.append(tuple(int(v) for v in var.data))
        return values

    def perform(self, node, inputs, output_storage):
        x, ws, stride, pad = inputs
        ws, stride, pad = (tuple(int(v) for v in a) for a in (ws, stride, pad))
        out = _numpy_pool(x, ws, stride, pad, self.mode, self.ignore_border)
        output_storage[0][0] = np.asarray(out, dtype=node.outputs[0].dtype)

    def connection_pattern(self, node):
        return [[True], [False], [False], [False]]

    def pullback(self, inputs, outputs, output_grads):
        x = inputs[0]
        ws, stride, pad = (tuple(int(v) for v in var.data) for var in inputs[1:])
        reference = _symbolic_pool(x, ws, stride, pad, self.mode, self.ignore_border)
        grad = pytensor.grad(None, wrt=[x], known_grads={reference: output_grads[0]})[0]
        return [grad] + [disconnected_type() for _ in inputs[1:]]


def _symbolic_pool(x, ws, stride, pad, mode, ignore_border=True):
    """The pooling as a PyTensor expression, for gradients. With ``ignore_border=False``
    the partial windows at the end are padded (with -inf for 'max', zeros otherwise)."""
    ndim = len(ws)
    lead = x.ndim - ndim
    sizes = [x.shape[lead + a] for a in range(ndim)]
    if ignore_border:
        out_shape = [(n + 2 * p - w) // s + 1 for n, w, s, p in zip(sizes, ws, stride, pad)]
        ends = [0] * ndim
    else:
        out_shape = [(n + 2 * p - 1) // s + 1 if s >= w else
                     _pt.maximum(0, (n + 2 * p - 1 - w + s) // s) + 1
                     for n, w, s, p in zip(sizes, ws, stride, pad)]
        ends = [_pt.maximum(0, (o - 1) * s + w - (n + 2 * p))
                for n, o, w, s, p in zip(sizes, out_shape, ws, stride, pad)]
    if mode == "average_exc_pad" and any(pad):
        raise ValueError("padding must be zero for average_exc_pad")  # as Theano 1.0
    padded_sizes = [n + 2 * p + e for n, p, e in zip(sizes, pad, ends)]
    lead_shape = [x.shape[i] for i in range(lead)]
    if any(pad) or not ignore_border:
        fill = -np.inf if mode == "max" else 0.
        inner = (slice(None),) * lead + tuple(slice(p, p + n) for n, p in zip(sizes, pad))
        x = _pt.set_subtensor(_pt.full(lead_shape + padded_sizes, fill, dtype=x.dtype)[inner],
                              x)
    result = None
    for offsets in itertools.product(*[range(w) for w in ws]):
        window = x[(Ellipsis,) + _window_slices(offsets, out_shape, stride)]
        if mode == "max":
            result = window if result is None else _pt.maximum(result, window)
        else:
            result = window if result is None else result + window
    if mode in ("average_inc_pad", "average_exc_pad"):
        if not any(pad) and ignore_border:
            return result / float(np.prod(ws))
        # the number of pixels each window averages: those of the padded image
        # ('average_inc_pad') or of the image itself ('average_exc_pad')
        if mode == "average_inc_pad":
            inside = tuple(slice(0, n + 2 * p) for n, p in zip(sizes, pad))
        else:
            inside = tuple(slice(p, p + n) for n, p in zip(sizes, pad))
        real = _pt.set_subtensor(_pt.zeros(padded_sizes, dtype=x.dtype)[inside], 1.)
        count = None
        for offsets in itertools.product(*[range(w) for w in ws]):
            window = real[_window_slices(offsets, out_shape, stride)]
            count = window if count is None else count + window
        result = result / count
    return result


def _int64_constant(values):
    return _pt.constant(np.asarray(values, dtype="int64"))


def _pool(x, ws, ignore_border, stride, pad, mode, ndim):
    if stride is None:
        stride = ws
    if pad is None:
        pad = (0,) * ndim
    op = Pool(ignore_border=ignore_border, mode=mode, ndim=ndim)
    return op(x, _int64_constant(ws), _int64_constant(stride), _int64_constant(pad))


def pool_2d(input, ws=None, ignore_border=None, stride=None, pad=(0, 0), mode="max", **kwargs):
    """Theano 1.0's ``pool_2d``: one ``Pool{..., ndim=2}`` node over the last two axes."""
    if ws is None:
        ws = kwargs.get("ds")
    if ignore_border is None:
        ignore_border = False
    return _pool(input, ws, ignore_border, stride, pad, mode, 2)


def pool_3d(input, ws=None, ignore_border=None, stride=None, pad=(0, 0, 0), mode="max",
            **kwargs):
    """Theano 1.0's ``pool_3d``: one ``Pool{..., ndim=3}`` node over the last three axes."""
    if ws is None:
        ws = kwargs.get("ds")
    if ignore_border is None:
        ignore_border = False
    return _pool(input, ws, ignore_border, stride, pad, mode, 3)
