"""``K`` functions for convolutional, pooling and recurrent layers (Keras 1.2.2's Theano
backend): conv1d/2d/3d, deconv2d, pool2d/3d, paddings, resizes and ``rnn``.

Re-exported by :mod:`.theano_backend`; this module imports only the dispatcher and
the Theano facade, never :mod:`.theano_backend`. As everywhere in ``K``, each function
is declared with :func:`.dispatch.symbolic_and_numeric`: its symbolic form builds
Theano's graph on PyTensor variables, its numeric form computes with ``keras.ops``
inside Keras 3 execution.

Convolution kernels are always in Keras 1 layout, in the Keras 3 variables too:
'th' (nb_filter, stack, rows, cols), 'tf' (rows, cols, stack, nb_filter). Theano
convolved (flipped the kernel); TensorFlow correlates. The numeric path flips and
transposes the kernel inside the compiled step (two cheap ops on a small tensor), so
optimizer slots, constraints with an ``axis``, saved files and ``K.variable`` kernels
given to ``K.conv2d`` all see Keras 1's layout.

Theano's padding differs from TensorFlow's 'same': ``border_mode='same'`` was
Theano's 'half' (``k // 2`` zeros on *both* sides; Keras 1 cropped the end for even
kernels), and pooling 'same' padded ``pool_size - 1`` (or ``- 2`` for odd sizes > 2)
on both sides then cropped. The numeric path pads explicitly and runs 'valid'.
"""
import numpy as np
import pytensor
import pytensor.tensor as T
from pytensor.tensor.elemwise import DimShuffle

from legacy_keras import _k3
from legacy_keras._k3 import ops
from legacy_keras.backend.common import resolve_dim_ordering
from legacy_keras.backend.dispatch import symbolic_and_numeric, unwrap
import legacy_keras.theano.tensor.nnet_conv as nnet_conv
from legacy_keras.theano.opnames import variable_repr
from legacy_keras.theano.scan_module import theano_built_scan
import legacy_keras.theano.tensor.signal_pool as signal_pool
import legacy_keras.theano.tensor.theano_graphs as theano_graphs



def _ordering(dim_ordering):
    return resolve_dim_ordering(dim_ordering, ValueError("Unknown dim_ordering ", dim_ordering))


def _theano_border_mode(border_mode):
    modes = {"same": "half", "valid": "valid", "full": "full"}
    if border_mode not in modes:
        raise ValueError("Border mode not supported:", str(border_mode))
    return modes[border_mode]


def _int_or_none(value):
    try:
        return int(value)
    except TypeError:
        return None


def _channels_first_shape(shape, dim_ordering, kernel=False):
    """An image / filter shape in Theano's channels-first order (or None)."""
    if shape is None:
        return None
    shape = tuple(shape)
    if dim_ordering == "tf" and shape:
        n = len(shape)
        if kernel:
            shape = (shape[n - 1], shape[n - 2]) + shape[:n - 2]
        else:
            shape = (shape[0], shape[n - 1]) + shape[1:n - 1]
    return tuple(_int_or_none(v) for v in shape)


@symbolic_and_numeric(symbolic=lambda kernel: tuple(kernel.eval().shape),
                      numeric=lambda kernel: tuple(kernel.shape))
def _static_shape(kernel):
    """A kernel's shape as ints: its Keras shape, or the shape of its value."""


@_static_shape.symbolic
def _(kernel):
    if hasattr(kernel, "_keras_shape"):
        return tuple(kernel._keras_shape)
    return tuple(kernel.eval().shape)


# -- convolution ------------------------------------------------------------------------
@symbolic_and_numeric("x", "kernel")
def _convolution(x, kernel, strides, border_mode, dim_ordering, image_shape, filter_shape,
                 filter_dilation, convdim):
    """Theano's convolution; ``dim_ordering`` resolved, ``strides`` and
    ``filter_dilation`` tuples."""


@_convolution.numeric
def _(x, kernel, strides, border_mode, dim_ordering, image_shape, filter_shape, dilation,
      convdim):
    """Theano's convolution with keras.ops: flip + 'valid' correlation on padded input."""
    convdim = len(kernel.shape) - 2
    if dim_ordering == "th":
        x = ops.transpose(x, [0] + list(range(2, convdim + 2)) + [1])
        kernel = ops.transpose(kernel, list(range(2, convdim + 2)) + [1, 0])
    kernel = ops.flip(kernel, axis=tuple(range(convdim)))
    spatial = tuple(int(k) for k in kernel.shape[:convdim])
    pads = nnet_conv.theano_padding(_theano_border_mode(border_mode), spatial, dilation)
    in_shape = ops.shape(x)
    if any(pads):
        x = ops.pad(x, [[0, 0]] + [[p, p] for p in pads] + [[0, 0]])
    dilated = max(dilation) > 1
    # TensorFlow refuses strides with dilation: a stride-1 dilated convolution, then every
    # stride-th output (the same windows Theano's strided dilated convolution took).
    out = ops.conv(x, kernel, strides=1 if dilated else tuple(strides), padding="valid",
                   data_format="channels_last",
                   dilation_rate=tuple(dilation) if dilated else 1)
    if dilated and max(strides) > 1:
        out = out[(slice(None),) + tuple(slice(None, None, s) for s in strides)]
    if border_mode == "same" and any(k % 2 == 0 for k in spatial):
        index = [slice(None)]
        for axis, k in enumerate(spatial):
            if k % 2 == 0:
                index.append(slice(None, (in_shape[1 + axis] + strides[axis] - 1) // strides[axis]))
            else:
                index.append(slice(None))
        out = out[tuple(index)]
    if dim_ordering == "th":
        out = _channels_last_to_first(out, convdim)
    return out


def _channels_last_to_first(out, convdim):
    """(batch, spatial..., channels) -> (batch, channels, spatial...).

    With one channel this is a reshape, and written as one: TensorFlow 2.21's graph
    rewrites (seen on CPU) return a padded, strided Conv3D's one-channel output
    *untransposed* when a Transpose follows it inside tf.function (eager is right)."""
    spatial = tuple(out.shape[1:-1])
    if out.shape[-1] == 1 and all(isinstance(n, int) for n in spatial):
        return ops.reshape(out, (-1, 1) + spatial)
    return ops.transpose(out, [0, convdim + 1] + list(range(1, convdim + 1)))


def _symbolic_crop_same(conv_out, x, kernel_shape, strides):
    """Keras 1 cropped the end of a 'half' convolution / pooling with an even window:
    ``out[..., :(x.shape[i] + stride - 1) // stride]``."""
    ndim = 2 + len(kernel_shape)
    for axis, k in enumerate(kernel_shape):
        if k % 2 == 0:
            index = [slice(None)] * ndim
            index[2 + axis] = slice(None, (x.shape[2 + axis] + strides[axis] - 1) // strides[axis])
            conv_out = conv_out[tuple(index)]
    return conv_out


def _to_channels_first(x, ndim):
    return x.dimshuffle([0, ndim - 1] + list(range(1, ndim - 1)))


def _to_channels_last(x, ndim):
    return x.dimshuffle([0] + list(range(2, ndim)) + [1])


def _conv(x, kernel, strides, border_mode, dim_ordering, image_shape, filter_shape,
          filter_dilation, convdim):
    return _convolution(x, kernel, tuple(strides), border_mode, _ordering(dim_ordering),
                        image_shape, filter_shape, tuple(filter_dilation), convdim)


@_convolution.symbolic
def _(x, kernel, strides, border_mode, dim_ordering, image_shape, filter_shape,
      filter_dilation, convdim):
    ndim = convdim + 2
    kernel_shape = _channels_first_shape(_static_shape(kernel), dim_ordering, kernel=True)
    if dim_ordering == "tf":
        x = _to_channels_first(x, ndim)
        kernel = kernel.dimshuffle([ndim - 1, ndim - 2] + list(range(convdim)))
    th_border_mode = _theano_border_mode(border_mode)
    image_shape = _channels_first_shape(image_shape, dim_ordering)
    filter_shape = _channels_first_shape(filter_shape, dim_ordering, kernel=True)
    op = nnet_conv.AbstractConv(convdim, imshp=image_shape, kshp=filter_shape,
                                border_mode=th_border_mode, subsample=strides,
                                filter_dilation=filter_dilation)
    conv_out = op(x, kernel)
    if border_mode == "same":
        conv_out = _symbolic_crop_same(conv_out, x, kernel_shape[2:], strides)
    if dim_ordering == "tf":
        conv_out = _to_channels_last(conv_out, ndim)
    return conv_out


def conv1d(x, kernel, stride=1, border_mode="valid", image_shape=None, filter_shape=None):
    """Keras 1.2.2's Theano backend had no conv1d (Convolution1D used conv2d)."""
    raise NotImplementedError


def conv2d(x, kernel, strides=(1, 1), border_mode="valid", dim_ordering="default",
           image_shape=None, filter_shape=None, filter_dilation=(1, 1)):
    """2D convolution as Theano computed it: a true convolution (flipped kernel).

    Symbolically one ``AbstractConv2d`` node ('same' is Theano's 'half', cropped at the
    end for even kernels; 'tf' ordering dimshuffles the input, kernel and output).
    """
    return _conv(x, kernel, strides, border_mode, dim_ordering, image_shape, filter_shape,
                 filter_dilation, 2)


def conv3d(x, kernel, strides=(1, 1, 1), border_mode="valid", dim_ordering="default",
           volume_shape=None, filter_shape=None, filter_dilation=(1, 1, 1)):
    """3D convolution as Theano computed it (``AbstractConv3d``, flipped kernel)."""
    return _conv(x, kernel, strides, border_mode, dim_ordering, volume_shape, filter_shape,
                 filter_dilation, 3)


def atrous_conv2d(x, kernel, rate=1, border_mode="valid", dim_ordering="default",
                  image_shape=None, filter_shape=None):
    raise NotImplementedError


def separable_conv2d(x, depthwise_kernel, pointwise_kernel, strides=(1, 1),
                     border_mode="valid", dim_ordering="default"):
    """Keras 1.2.2's Theano backend raised here; so does legacy_keras."""
    raise NotImplementedError


@symbolic_and_numeric("x", "kernel")
def _transposed_convolution(x, kernel, output_shape, strides, border_mode, dim_ordering,
                            filter_shape):
    """deconv2d with ``dim_ordering`` resolved."""


@_transposed_convolution.symbolic
def _(x, kernel, output_shape, strides, border_mode, dim_ordering, filter_shape):
    """Keras 1.2.2's graph: ``AbstractConv2d_gradInputs(kernel.dimshuffle(1, 0, 2, 3), x,
    output_shape[2:])`` (channels first), cropped like a 'same' conv2d for even kernels."""
    if dim_ordering == "tf":
        output_shape = (output_shape[0], output_shape[3], output_shape[1], output_shape[2])
        x = _to_channels_first(x, 4)
        kernel = kernel.dimshuffle(3, 2, 0, 1)
    kernel = kernel.dimshuffle(1, 0, 2, 3)
    kernel_shape = _channels_first_shape(_static_shape(kernel), "th", kernel=True)
    filter_shape = _channels_first_shape(filter_shape, dim_ordering, kernel=True)
    if filter_shape:
        filter_shape = tuple(filter_shape[i] for i in (1, 0, 2, 3))
    op = nnet_conv.AbstractConvGradInputs(2, imshp=output_shape, kshp=filter_shape,
                                          border_mode=_theano_border_mode(border_mode),
                                          subsample=tuple(strides))
    spatial = T.constant(np.asarray(output_shape[2:], dtype="int64"))
    conv_out = op(kernel, x, spatial)
    if border_mode == "same":
        conv_out = _symbolic_crop_same(conv_out, x, kernel_shape[2:], strides)
    if dim_ordering == "tf":
        conv_out = _to_channels_last(conv_out, 4)
    return conv_out


def deconv2d(x, kernel, output_shape, strides=(1, 1), border_mode="valid",
             dim_ordering="default", image_shape=None, filter_shape=None):
    """Transposed 2D convolution (Theano's gradient of conv2d w.r.t. its input), with
    Keras 1's Convolution2D kernel layout ('th': (nb_filter, stack, rows, cols), nb_filter
    being the *output* channels). Computed as a 'full'-style correlation on the stride-dilated
    input, then cropped to ``output_shape``."""
    return _transposed_convolution(x, kernel, output_shape, strides, border_mode,
                                   _ordering(dim_ordering), filter_shape)


@_transposed_convolution.numeric
def _(x, kernel, output_shape, strides, border_mode, dim_ordering, filter_shape):
    if dim_ordering == "th":
        x = ops.transpose(x, (0, 2, 3, 1))
        kernel = ops.transpose(kernel, (2, 3, 1, 0))  # (rows, cols, stack, nb_filter)
    # gradient of a flipped convolution = correlation of the dilated input with the
    # kernel itself, from the stack (input) channels to the nb_filter ones.
    rows, cols = int(kernel.shape[0]), int(kernel.shape[1])
    out_rows, out_cols = output_shape[2:] if dim_ordering == "th" else output_shape[1:3]
    batch = ops.shape(x)[0]
    height, width = ops.shape(x)[1], ops.shape(x)[2]
    sr, sc = strides
    if sr > 1 or sc > 1:
        channels = int(x.shape[-1])
        x = ops.reshape(x, (batch, height, 1, width, 1, channels))
        x = ops.pad(x, [[0, 0], [0, 0], [0, sr - 1], [0, 0], [0, sc - 1], [0, 0]])
        x = ops.reshape(x, (batch, height * sr, width * sc, channels))
        x = x[:, :(height - 1) * sr + 1, :(width - 1) * sc + 1, :]
    pad_r = rows - 1 if border_mode == "valid" else rows - 1 - rows // 2
    pad_c = cols - 1 if border_mode == "valid" else cols - 1 - cols // 2
    tail_r = max(0, out_rows + rows - 1 - 2 * pad_r - ((int(x.shape[1]) if x.shape[1] else 0)))
    tail_c = max(0, out_cols + cols - 1 - 2 * pad_c - ((int(x.shape[2]) if x.shape[2] else 0)))
    x = ops.pad(x, [[0, 0], [pad_r, pad_r + tail_r], [pad_c, pad_c + tail_c], [0, 0]])
    out = ops.conv(x, kernel, strides=1, padding="valid", data_format="channels_last")
    out = out[:, :out_rows, :out_cols, :]
    if dim_ordering == "th":
        out = ops.transpose(out, (0, 3, 1, 2))
    return out


# -- pooling ----------------------------------------------------------------------------
def _pool_padding(pool_size, border_mode):
    """Keras 1.2.2's Theano padding for 'same': ``p - 2`` for odd pool sizes above 2
    (pool2d) and ``p - 1`` otherwise; its pool3d used ``p - 2`` for every odd size, so a
    pool size of 1 got a padding of -1 (see :func:`_theano_windows`)."""
    if border_mode == "same":
        if len(pool_size) == 3:
            return tuple(p - 2 if p % 2 == 1 else p - 1 for p in pool_size)
        return tuple(p - 2 if p > 2 and p % 2 == 1 else p - 1 for p in pool_size)
    if border_mode == "valid":
        return (0,) * len(pool_size)
    raise ValueError("Invalid border mode:", border_mode)


def _theano_windows(size, pool, stride, pad):
    """The [start, end) input ranges of Theano 1.0.5's C ``Pool`` (ignore_border=True)
    along one axis: windows over the padded axis, cut back to the real input; with a
    negative padding the padded size shrinks and a window may end up empty."""
    padded = size + 2 * pad
    count = 0 if padded - pool < 0 else (padded - pool) // stride + 1
    windows = []
    for index in range(count):
        start, end = index * stride, index * stride + pool
        start, end = max(start, pad) - pad, min(end, padded - pad) - pad
        windows.append((start, min(end, padded)))
    return windows


def _numeric_pool_windows(x, pool_size, strides, padding, pool_mode):
    """Pooling window by window, axis by axis (channels last), as Theano's C code did:
    'avg' sums the real inputs of a window and divides by their count; an empty window
    (a negative padding) gives, in 'max', the input at the window's start on every axis
    and, in 'avg', 0 / 0."""
    value = x
    first = x
    empty = None
    count = None
    fill = float("-inf") if pool_mode == "max" else 0.0
    for axis, (pool, stride, pad) in enumerate(zip(pool_size, strides, padding), start=1):
        size = x.shape[axis]
        if size is None:
            raise ValueError("Pooling with a negative padding needs static input sizes.")
        windows = _theano_windows(size, pool, stride, pad)
        starts = np.array([s for s, _ in windows], dtype="int32")
        lengths = np.array([max(e - s, 0) for s, e in windows], dtype="int32")
        offsets = np.arange(pool, dtype="int32")
        index = np.clip(starts[:, None] + offsets[None, :], 0, size - 1)
        valid = offsets[None, :] < lengths[:, None]
        gathered = ops.take(value, index.reshape(-1), axis=axis)
        new_shape = list(ops.shape(gathered))
        new_shape[axis:axis + 1] = [len(windows), pool]
        gathered = ops.reshape(gathered, [-1 if d is None else d for d in new_shape])
        mask_shape = [1] * len(new_shape)
        mask_shape[axis], mask_shape[axis + 1] = len(windows), pool
        gathered = ops.where(ops.reshape(ops.convert_to_tensor(valid), mask_shape), gathered,
                             ops.cast(fill, gathered.dtype))
        value = ops.max(gathered, axis=axis + 1) if pool_mode == "max" else \
            ops.sum(gathered, axis=axis + 1)
        first = ops.take(first, np.clip(starts, 0, size - 1), axis=axis)
        axis_shape = [1] * len(new_shape[:-1])
        axis_shape[axis] = len(windows)
        axis_empty = np.reshape(lengths == 0, axis_shape)
        axis_count = np.reshape(lengths, axis_shape)
        empty = axis_empty if empty is None else np.logical_or(empty, axis_empty)
        count = axis_count if count is None else count * axis_count
    if pool_mode == "max":
        return ops.where(ops.convert_to_tensor(empty), first, value)
    # In float64: TensorFlow's graph optimiser turns a float32 division by a constant
    # into an inexact multiplication (1 / 1 gave 0.99999994); a float64 quotient rounded
    # to float32 is the correctly rounded float32 quotient Theano computed.
    quotient = ops.cast(value, "float64") / ops.convert_to_tensor(count.astype("float64"))
    return ops.cast(quotient, value.dtype)


@symbolic_and_numeric()
def _pooled(x, pool_size, strides, padding, border_mode, dim_ordering, pool_mode, ndim):
    """Theano's ``pool_2d`` / ``pool_3d`` once the arguments are checked and resolved."""


@_pooled.numeric
def _(x, pool_size, strides, padding, border_mode, dim_ordering, pool_mode, pool_ndim):
    ndim = len(pool_size) + 2
    if dim_ordering == "th":
        x = ops.transpose(x, [0] + list(range(2, ndim)) + [1])
    in_shape = ops.shape(x)
    widths = [[0, 0]] + [[p, p] for p in padding] + [[0, 0]]
    if min(padding) < 0 or (pool_mode != "max" and any(padding)):
        out = _numeric_pool_windows(x, pool_size, strides, padding, pool_mode)
    elif pool_mode == "max":
        if any(padding):
            x = ops.pad(x, widths, constant_values=float("-inf"))
        out = ops.max_pool(x, pool_size, strides, padding="valid", data_format="channels_last")
    else:
        out = ops.average_pool(x, pool_size, strides, padding="valid",
                               data_format="channels_last")
    if border_mode == "same":
        index = [slice(None)] + [slice(None, (in_shape[1 + a] + s - 1) // s)
                                 for a, s in enumerate(strides)]
        out = out[tuple(index)]
    if dim_ordering == "th":
        out = ops.transpose(out, [0, ndim - 1] + list(range(1, ndim - 1)))
    return out


def _pool(x, pool_size, strides, border_mode, dim_ordering, pool_mode, ndim):
    dim_ordering = _ordering(dim_ordering)
    pool_size, strides = tuple(pool_size), tuple(strides)
    assert all(p >= 1 for p in pool_size)
    padding = _pool_padding(pool_size, border_mode)
    if pool_mode not in ("max", "avg"):
        raise ValueError("Invalid pooling mode:", pool_mode)
    return _pooled(x, pool_size, strides, padding, border_mode, dim_ordering, pool_mode, ndim)


@_pooled.symbolic
def _(x, pool_size, strides, padding, border_mode, dim_ordering, pool_mode, ndim):
    if dim_ordering == "tf":
        x = _to_channels_first(x, ndim + 2)
    mode = "max" if pool_mode == "max" else "average_exc_pad"
    pool = signal_pool.pool_2d if ndim == 2 else signal_pool.pool_3d
    out = pool(x, ws=pool_size, stride=strides, ignore_border=True, pad=padding, mode=mode)
    if border_mode == "same":
        index = [slice(None), slice(None)] + [
            slice(None, (x.shape[2 + a] + s - 1) // s) for a, s in enumerate(strides)]
        out = out[tuple(index)]
    if dim_ordering == "tf":
        out = _to_channels_last(out, ndim + 2)
    return out


def pool2d(x, pool_size, strides=(1, 1), border_mode="valid", dim_ordering="default",
           pool_mode="max"):
    """Theano's ``pool_2d`` (``ignore_border=True``; 'avg' excludes the padding)."""
    return _pool(x, pool_size, strides, border_mode, dim_ordering, pool_mode, 2)


def pool3d(x, pool_size, strides=(1, 1, 1), border_mode="valid", dim_ordering="default",
           pool_mode="max"):
    """Theano's ``pool_3d`` (``ignore_border=True``; 'avg' excludes the padding)."""
    return _pool(x, pool_size, strides, border_mode, dim_ordering, pool_mode, 3)


# -- padding and resizing ---------------------------------------------------------------
@symbolic_and_numeric()
def _pad(x, pads, slice_with_new_shape=False):
    """Zeros around ``x``. ``pads`` has one entry per axis: None (not padded), an int
    ``p`` (``p`` zeros on both sides) or a pair (before, after).

    Symbolically Keras 1.2.2's ``T.set_subtensor(T.zeros(output_shape)[inner], x)`` with
    its shape arithmetic: ``shape[i] + 2 * p`` for symmetric padding, ``shape[i] + before
    + after`` for asymmetric, every padded axis sliced ``before:shape[i] + before`` (the
    temporal paddings took that ``shape[i]`` from a new ``x.shape``)."""


@_pad.numeric
def _(x, pads, slice_with_new_shape=False):
    return ops.pad(x, [[0, 0] if p is None else _pad_pair(p) for p in pads])


@_pad.symbolic
def _(x, pads, slice_with_new_shape=False):
    input_shape = x.shape
    slice_shape = x.shape if slice_with_new_shape else input_shape
    output_shape, indices = [], []
    for i, pad in enumerate(pads):
        if pad is None:
            output_shape.append(input_shape[i])
            indices.append(slice(None))
        elif isinstance(pad, (int, np.integer)):
            output_shape.append(input_shape[i] + 2 * pad)
            indices.append(slice(pad, slice_shape[i] + pad))
        else:
            output_shape.append(input_shape[i] + pad[0] + pad[1])
            indices.append(slice(pad[0], slice_shape[i] + pad[0]))
    output = T.zeros(tuple(output_shape))
    return T.set_subtensor(output[tuple(indices)], x)


def _pad_pair(pad):
    return [pad, pad] if isinstance(pad, (int, np.integer)) else list(pad)


def _print_theano_shape(shape):
    """Keras 1.2.2's asymmetric 'tf' padding printed its symbolic output shape (a
    leftover ``print(output_shape)``): a tuple of Theano variables such as
    ``(Subtensor{int64}.0, Elemwise{add,no_inplace}.0, ...)``. legacy_keras prints the
    same line, so a script's output stays what it was."""
    print("(%s)" % ", ".join(variable_repr(v) for v in shape))


def temporal_padding(x, padding=1):
    """Zeros before and after the time axis of a 3D tensor."""
    return _pad(x, [None, padding, None], slice_with_new_shape=True)


def asymmetric_temporal_padding(x, left_pad=1, right_pad=1):
    return _pad(x, [None, (left_pad, right_pad), None], slice_with_new_shape=True)


def _spatial_pads(dim_ordering, pads):
    if _ordering(dim_ordering) == "th":
        return [None, None] + list(pads)
    return [None] + list(pads) + [None]


def spatial_2d_padding(x, padding=(1, 1), dim_ordering="default"):
    return _pad(x, _spatial_pads(dim_ordering, padding))


def _asymmetric_2d_pads(dim_ordering, top_pad, bottom_pad, left_pad, right_pad):
    return _spatial_pads(dim_ordering, [(top_pad, bottom_pad), (left_pad, right_pad)])


@symbolic_and_numeric()
def asymmetric_spatial_2d_padding(x, top_pad=1, bottom_pad=1, left_pad=1, right_pad=1,
                                  dim_ordering="default"):
    """Zeros around the rows and columns, each side its own width. Symbolically, with
    'tf' ordering, Keras 1.2.2's leftover print of the output shape
    (:func:`_print_theano_shape`)."""


@asymmetric_spatial_2d_padding.numeric
def _(x, top_pad, bottom_pad, left_pad, right_pad, dim_ordering):
    return _pad(x, _asymmetric_2d_pads(dim_ordering, top_pad, bottom_pad, left_pad, right_pad))


@asymmetric_spatial_2d_padding.symbolic
def _(x, top_pad, bottom_pad, left_pad, right_pad, dim_ordering):
    output = _pad(x, _asymmetric_2d_pads(dim_ordering, top_pad, bottom_pad, left_pad,
                                         right_pad))
    if _ordering(dim_ordering) == "tf":
        _print_theano_shape(output.owner.inputs[0].owner.inputs[1:])
    return output


def spatial_3d_padding(x, padding=(1, 1, 1), dim_ordering="default"):
    return _pad(x, _spatial_pads(dim_ordering, padding))


@symbolic_and_numeric(symbolic=theano_graphs.repeat,
                      numeric=lambda x, rep, axis: ops.repeat(x, rep, axis=axis))
def _repeat_axis(x, rep, axis):
    """Each entry of ``x`` ``rep`` times along ``axis``."""


def resize_images(X, height_factor, width_factor, dim_ordering):
    """Repeats rows and columns (nearest-neighbour upsampling)."""
    if dim_ordering not in ("th", "tf"):
        raise ValueError("Invalid dim_ordering:", dim_ordering)
    first = 2 if dim_ordering == "th" else 1
    output = _repeat_axis(X, height_factor, first)
    return _repeat_axis(output, width_factor, first + 1)


def resize_volumes(X, depth_factor, height_factor, width_factor, dim_ordering):
    if dim_ordering not in ("th", "tf"):
        raise ValueError("Invalid dim_ordering:", dim_ordering)
    first = 2 if dim_ordering == "th" else 1
    output = _repeat_axis(X, depth_factor, first)
    output = _repeat_axis(output, height_factor, first + 1)
    return _repeat_axis(output, width_factor, first + 2)


# -- recurrence ---------------------------------------------------------------------------
def _numeric_rnn(step_function, inputs, initial_states, go_backwards, mask, constants,
                 unroll, input_length, all_outputs=True):
    if mask is not None:
        mask = ops.cast(unwrap(mask), "bool")
        if len(mask.shape) == len(inputs.shape):
            mask = mask[..., 0]

    def step(x, states):
        output, new_states = step_function(x, list(states))
        return output, list(new_states)

    last_output, outputs, states = _k3.rnn(
        step, inputs, initial_states, go_backwards=go_backwards, mask=mask,
        constants=list(constants or []), unroll=unroll, input_length=input_length,
        zero_output_for_mask=False, return_all_outputs=all_outputs)
    return last_output, outputs, list(states)


def _symbolic_rnn(step_function, inputs, initial_states, go_backwards, mask, constants,
                  unroll, input_length):
    """Keras 1.2.2's Theano ``rnn``: the graph Theano printed (a ``scan``, or the
    unrolled steps), outputs squeezed (an identity ``DimShuffle``) then transposed."""
    ndim = inputs.ndim
    axes = [1, 0] + list(range(2, ndim))
    inputs = inputs.dimshuffle(axes)
    constants = list(constants or [])
    if mask is not None:
        if mask.ndim == ndim - 1:
            mask = mask.dimshuffle(list(range(mask.ndim)) + ["x"])
        mask = mask.dimshuffle(axes)
    if unroll:
        if input_length is None:
            raise ValueError("When specifying `unroll=True`, an `input_length` must be "
                             "provided to `rnn`.")
        outputs, states_seq = _unrolled_steps(step_function, inputs, initial_states,
                                              go_backwards, mask, constants, input_length)
    else:
        outputs, states_seq = _scanned_steps(step_function, inputs, initial_states,
                                             go_backwards, mask, constants)
    outputs = _theano_squeeze(outputs)
    last_output = outputs[-1]
    outputs = outputs.dimshuffle([1, 0] + list(range(2, outputs.ndim)))
    states = [_theano_squeeze(s[-1]) for s in states_seq]
    return last_output, outputs, states


def _theano_squeeze(x):
    """``T.squeeze``: Theano 1.0 always built a DimShuffle keeping the axes that are not
    broadcastable; recurrent outputs never have broadcastable axes in Theano (they come
    from shared weights), so here every axis is kept (PyTensor's static shapes could
    otherwise mark an axis of length 1 broadcastable and drop it)."""
    return DimShuffle(input_ndim=x.ndim, new_order=tuple(range(x.ndim)))(x)


def _unrolled_steps(step_function, inputs, initial_states, go_backwards, mask, constants,
                    input_length):
    indices = list(range(input_length))
    if go_backwards:
        indices = indices[::-1]
    states = list(initial_states)
    outputs, all_states = [], []
    for i in indices:
        output, new_states = step_function(inputs[i], states + constants)
        if mask is not None:
            prev = outputs[-1] if outputs else T.zeros_like(output)
            output = T.switch(mask[i], output, prev)
            new_states = [T.switch(mask[i], n, s) for s, n in zip(states, new_states)]
        states = list(new_states)
        outputs.append(output)
        all_states.append(states)
    states_seq = [T.stack([s[i] for s in all_states]) for i in range(len(states))]
    return T.stack(outputs), states_seq


def _scanned_steps(step_function, inputs, initial_states, go_backwards, mask, constants):
    """The Theano ``scan`` of Keras 1.2.2's rnn. Theano's scan turned each constant into
    one tensor (a list of dropout masks into one stacked tensor, a list of 1.0s into a
    constant vector), so the step function indexes them (``B_U[0]`` is a Subtensor)."""
    n_states = len(initial_states)
    scan_constants = [T.as_tensor_variable(c) for c in constants]

    def _step(*args):
        if mask is not None:
            x_t, m_t, output_tm1 = args[0], args[1], args[2]
            rest = list(args[3:])
        else:
            x_t, rest = args[0], list(args[1:])
        states, consts = rest[:n_states], rest[n_states:]
        output, new_states = step_function(x_t, states + consts)
        if mask is not None:
            output = T.switch(m_t, output, output_tm1)
            new_states = [T.switch(m_t, n, s) for s, n in zip(states, new_states)]
        return [output] + list(new_states)

    if mask is not None:
        initial_output = step_function(inputs[0], list(initial_states) + constants)[0] * 0
        sequences = [inputs, mask]
        outputs_info = [initial_output] + list(initial_states)
    else:
        sequences = [inputs]
        outputs_info = [None] + list(initial_states)
    results = pytensor.scan(_step, sequences=sequences, outputs_info=outputs_info,
                            non_sequences=scan_constants, go_backwards=go_backwards,
                            return_updates=False)
    if not isinstance(results, (list, tuple)):
        return theano_built_scan([results])[0][0], []
    results = theano_built_scan(list(results))[0]
    return results[0], results[1:]


@symbolic_and_numeric("inputs", "initial_states")
def rnn(step_function, inputs, initial_states, go_backwards=False, mask=None,
        constants=None, unroll=False, input_length=None, all_outputs=True):
    """Iterates ``step_function`` over the time axis (axis 1) of ``inputs``.

    Returns (last_output, outputs (samples, time, ...), new_states). With a mask
    (samples, time), masked steps keep the previous output and states, as in Keras 1.2.2.
    Symbolically a PyTensor ``scan`` (Theano printed ``for{cpu,scan_fn}``); in Keras 3
    execution Keras 3's own loop (``tf.while_loop``, or unrolled).

    ``all_outputs=False`` (a legacy_keras addition, for layers that only use
    ``last_output``) lets Keras 3 execution skip keeping every step's output; ``outputs``
    then holds the last step only. The symbolic graph is Keras 1's either way.
    """


def _check_rnn_call(ndim, unroll, input_length):
    if ndim < 3:
        raise AssertionError("Input should be at least 3D.")
    if unroll and input_length is None:
        raise ValueError("When specifying `unroll=True`, an `input_length` must be provided "
                         "to `rnn`.")


@rnn.numeric
def _(step_function, inputs, initial_states, go_backwards, mask, constants, unroll,
      input_length, all_outputs):
    _check_rnn_call(len(inputs.shape), unroll, input_length)
    return _numeric_rnn(step_function, inputs, initial_states, go_backwards, mask,
                        constants, unroll, input_length, all_outputs)


@rnn.symbolic
def _(step_function, inputs, initial_states, go_backwards, mask, constants, unroll,
      input_length, all_outputs):
    _check_rnn_call(inputs.ndim, unroll, input_length)
    return _symbolic_rnn(step_function, inputs, initial_states, go_backwards, mask,
                         constants, unroll, input_length)
