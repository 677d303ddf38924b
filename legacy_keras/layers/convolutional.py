"""``keras.layers.convolutional`` (Keras 1.2.2): Convolution1D/2D/3D, AtrousConvolution1D/2D,
SeparableConvolution2D, Deconvolution2D, UpSampling1D/2D/3D, ZeroPadding1D/2D/3D,
Cropping1D/2D/3D (and the pooling layers, re-exported as Keras 1 did).

Kernels keep Keras 1's layout: 'th' (nb_filter, stack, rows, cols), 'tf' (rows, cols,
stack, nb_filter); Convolution1D (filter_length, 1, input_dim, nb_filter). As on
Theano, every convolution is a true convolution (the kernel is flipped), in both
orderings; see :mod:`legacy_keras.backend.theano_conv_rnn`.

The ordering defaults to ``K.image_dim_ordering()`` (``~/.keras/keras.json``; 'tf' if
unset in 1.2.2). Positional arguments are Keras 1's: ``Convolution2D(32, 3, 3)`` is 32
filters of 3x3 (Keras 3's ``Conv2D(32, 3, 3)`` would be a 3x3 kernel with stride 3).
"""
import functools

from legacy_keras import activations, constraints, initializations, profiles, regularizers
from legacy_keras import backend as K
from legacy_keras.backend.dispatch import symbolic_and_numeric
from legacy_keras.engine.topology import InputSpec, Layer
from legacy_keras.layers.core import plus_bias
from legacy_keras.utils.np_utils import conv_input_length, conv_output_length  # noqa: F401  (as Keras 1.2.2)
from legacy_keras.layers._config import config_of, dim_ordering_of, merged_config
from legacy_keras.layers.pooling import (  # noqa: F401  (Keras 1 exported them here too)
    AveragePooling1D, AveragePooling2D, AveragePooling3D, MaxPooling1D, MaxPooling2D,
    MaxPooling3D)


def _dim_ordering(dim_ordering):
    return dim_ordering_of(dim_ordering, ValueError("dim_ordering must be in {tf, th}."))


class _WeightedConv(Layer):
    """What every Keras 1 convolution shares: activation, regularizers, constraints,
    bias, initial weights, and the ``W`` / ``b`` weights."""

    def _common_args(self, init, activation, weights, W_regularizer, b_regularizer,
                     activity_regularizer, W_constraint, b_constraint, bias):
        self.init = initializations.get(init)
        self.activation = activations.get(activation)
        self.W_regularizer = regularizers.get(W_regularizer)
        self.b_regularizer = regularizers.get(b_regularizer)
        self.activity_regularizer = regularizers.get(activity_regularizer)
        self.W_constraint = constraints.get(W_constraint)
        self.b_constraint = constraints.get(b_constraint)
        self.bias = bias
        self.initial_weights = weights

    def _add_kernel_and_bias(self, W_shape, init_ordering, b_shape=None):
        """``W`` of ``W_shape`` (its fans computed in ``init_ordering``; None: the
        initializer's own rule) and, with ``bias``, ``b`` of ``b_shape`` (default
        (nb_filter,)); then the initial weights."""
        self.W_shape = W_shape
        if init_ordering is not None and profiles.switch("conv_init_dim_ordering") == "th":
            init_ordering = "th"  # Keras 1.1.x: init(shape), whatever the layer's ordering
        initializer = self.init if init_ordering is None else functools.partial(
            self.init, dim_ordering=init_ordering)
        self.W = self.add_weight(W_shape, initializer=initializer,
                                 name="{}_W".format(self.name),
                                 regularizer=self.W_regularizer,
                                 constraint=self.W_constraint)
        if self.bias:
            self.b = self.add_weight(b_shape or (self.nb_filter,), initializer="zero",
                                     name="{}_b".format(self.name),
                                     regularizer=self.b_regularizer,
                                     constraint=self.b_constraint)
        else:
            self.b = None
        if self.initial_weights is not None:
            self.set_weights(self.initial_weights)
            del self.initial_weights
        self.built = True

    @symbolic_and_numeric("output")
    def _add_bias(self, output, ndim, channel_axis):
        """``output`` plus ``b`` along ``channel_axis`` (when the layer has a bias)."""

    @_add_bias.symbolic
    def _add_reshaped_bias(self, output, ndim, channel_axis):
        """Keras 1's graph: ``output + reshape(b, (1, ..., nb_filter, ..., 1))``."""
        if not self.bias:
            return output
        shape = [1] * ndim
        shape[channel_axis] = self.nb_filter
        return output + K.reshape(self.b, tuple(shape))

    @_add_bias.numeric
    def _add_numeric_bias(self, output, ndim, channel_axis):
        """Channels last, a fusable ``BiasAdd`` (:func:`plus_bias`)."""
        if self.bias and channel_axis == ndim - 1:
            return plus_bias(output, self.b)
        return self._add_reshaped_bias(output, ndim, channel_axis)

    def _common_config(self):
        return {"init": self.init.__name__,
                "activation": self.activation.__name__,
                "W_regularizer": config_of(self.W_regularizer),
                "b_regularizer": config_of(self.b_regularizer),
                "activity_regularizer": config_of(self.activity_regularizer),
                "W_constraint": config_of(self.W_constraint),
                "b_constraint": config_of(self.b_constraint),
                "bias": self.bias}


class Convolution1D(_WeightedConv):
    """Convolution over the steps of a (samples, steps, input_dim) input.

    Keras 1.2.2 ran it as a 'tf'-ordered conv2d on (samples, steps, 1, input_dim), with
    a kernel of shape (filter_length, 1, input_dim, nb_filter).
    """

    def __init__(self, nb_filter, filter_length, init=None, activation=None,
                 weights=None, border_mode="valid", subsample_length=1, W_regularizer=None,
                 b_regularizer=None, activity_regularizer=None, W_constraint=None,
                 b_constraint=None, bias=True, input_dim=None, input_length=None, **kwargs):
        if border_mode not in {"valid", "same", "full"}:
            raise ValueError("Invalid border mode for Convolution1D:", border_mode)
        self.nb_filter = nb_filter
        self.filter_length = filter_length
        self.border_mode = border_mode
        self.subsample_length = subsample_length
        self.subsample = (subsample_length, 1)
        if init is None:  # 'glorot_uniform'; 'uniform' up to Keras 1.1.1 (profiles)
            init = profiles.switch("conv1d_default_init")
        self._common_args(init, activation, weights, W_regularizer, b_regularizer,
                          activity_regularizer, W_constraint, b_constraint, bias)
        self.input_spec = [InputSpec(ndim=3)]
        self.input_dim = input_dim
        self.input_length = input_length
        if self.input_dim:
            kwargs["input_shape"] = (self.input_length, self.input_dim)
        super(Convolution1D, self).__init__(**kwargs)

    def _old_layout(self):
        """Keras 1.0.x (profile switch ``conv1d_kernel_layout``) kept the kernel as a
        'th' conv2d kernel (nb_filter, input_dim, filter_length, 1) and convolved
        (samples, input_dim, steps, 1); 1.1.0+ as below."""
        return type(self) is Convolution1D and profiles.switch("conv1d_kernel_layout") == "th"

    def build(self, input_shape):
        input_dim = input_shape[2]
        if self._old_layout():
            self._add_kernel_and_bias((self.nb_filter, input_dim, self.filter_length, 1), "th")
            return
        self._add_kernel_and_bias((self.filter_length, 1, input_dim, self.nb_filter), "th")

    def get_output_shape_for(self, input_shape):
        length = conv_output_length(input_shape[1], self.filter_length, self.border_mode,
                                    self.subsample[0])
        return (input_shape[0], length, self.nb_filter)

    def _convolve(self, x):
        return K.conv2d(x, self.W, strides=self.subsample, border_mode=self.border_mode,
                        dim_ordering="tf")

    def call(self, x, mask=None):
        if self._old_layout():
            x = K.permute_dimensions(K.expand_dims(x, -1), (0, 2, 1, 3))
            output = K.conv2d(x, self.W, strides=self.subsample,
                              border_mode=self.border_mode, dim_ordering="th")
            output = K.squeeze(self._add_bias(output, 4, 1), 3)
            return self.activation(K.permute_dimensions(output, (0, 2, 1)))
        output = K.squeeze(self._convolve(K.expand_dims(x, 2)), 2)
        output = self._add_bias(output, 3, 2)
        return self.activation(output)

    def get_config(self):
        config = {"nb_filter": self.nb_filter, "filter_length": self.filter_length,
                  "border_mode": self.border_mode, "subsample_length": self.subsample_length,
                  "input_dim": self.input_dim, "input_length": self.input_length}
        config.update(self._common_config())
        return merged_config(self, Convolution1D, config)


class AtrousConvolution1D(Convolution1D):
    """Convolution1D with holes: the kernel taps are ``atrous_rate`` steps apart."""

    def __init__(self, nb_filter, filter_length, init="glorot_uniform", activation=None,
                 weights=None, border_mode="valid", subsample_length=1, atrous_rate=1,
                 W_regularizer=None, b_regularizer=None, activity_regularizer=None,
                 W_constraint=None, b_constraint=None, bias=True, **kwargs):
        if border_mode not in {"valid", "same", "full"}:
            raise ValueError("Invalid border mode for AtrousConv1D:", border_mode)
        self.atrous_rate = int(atrous_rate)
        super(AtrousConvolution1D, self).__init__(
            nb_filter, filter_length, init=init, activation=activation, weights=weights,
            border_mode=border_mode, subsample_length=subsample_length,
            W_regularizer=W_regularizer, b_regularizer=b_regularizer,
            activity_regularizer=activity_regularizer, W_constraint=W_constraint,
            b_constraint=b_constraint, bias=bias, **kwargs)

    def get_output_shape_for(self, input_shape):
        length = conv_output_length(input_shape[1], self.filter_length, self.border_mode,
                                    self.subsample[0], dilation=self.atrous_rate)
        return (input_shape[0], length, self.nb_filter)

    def _convolve(self, x):
        return K.conv2d(x, self.W, strides=self.subsample, border_mode=self.border_mode,
                        dim_ordering="tf", filter_dilation=(self.atrous_rate, self.atrous_rate))

    def get_config(self):
        config = {"atrous_rate": self.atrous_rate}
        return merged_config(self, AtrousConvolution1D, config)


class Convolution2D(_WeightedConv):
    """2D convolution: ``Convolution2D(nb_filter, nb_row, nb_col, ...)``.

    # Arguments (Keras 1.2.2)
        nb_filter, nb_row, nb_col, init='glorot_uniform', activation=None, weights=None,
        border_mode='valid' ('same', 'full'), subsample=(1, 1),
        dim_ordering='default', W_regularizer, b_regularizer, activity_regularizer,
        W_constraint, b_constraint, bias=True.

    Weights ``W`` ('th': (nb_filter, stack, nb_row, nb_col); 'tf': (nb_row, nb_col,
    stack, nb_filter)) and ``b`` (nb_filter,). Keras 3 spelling:
    ``Conv2D(filters, (rows, cols), strides=, padding=, data_format=)`` — whose kernels
    are not flipped: a Theano-trained kernel needs ``[::-1, ::-1]`` on its spatial axes.
    """

    def __init__(self, nb_filter, nb_row, nb_col, init="glorot_uniform", activation=None,
                 weights=None, border_mode="valid", subsample=(1, 1),
                 dim_ordering="default", W_regularizer=None, b_regularizer=None,
                 activity_regularizer=None, W_constraint=None, b_constraint=None,
                 bias=True, **kwargs):
        dim_ordering = dim_ordering_of(dim_ordering)
        if border_mode not in {"valid", "same", "full"}:
            raise ValueError("Invalid border mode for Convolution2D:", border_mode)
        self.nb_filter = nb_filter
        self.nb_row = nb_row
        self.nb_col = nb_col
        self.border_mode = border_mode
        self.subsample = tuple(subsample)
        if dim_ordering not in {"tf", "th"}:
            raise ValueError("dim_ordering must be in {tf, th}.")
        self.dim_ordering = dim_ordering
        self._common_args(init, activation, weights, W_regularizer, b_regularizer,
                          activity_regularizer, W_constraint, b_constraint, bias)
        self.input_spec = [InputSpec(ndim=4)]
        super(Convolution2D, self).__init__(**kwargs)

    def build(self, input_shape):
        if self.dim_ordering == "th":
            shape = (self.nb_filter, input_shape[1], self.nb_row, self.nb_col)
        else:
            shape = (self.nb_row, self.nb_col, input_shape[3], self.nb_filter)
        self._add_kernel_and_bias(shape, self.dim_ordering)

    def _dilation(self):
        return (1, 1)

    def get_output_shape_for(self, input_shape):
        if self.dim_ordering == "th":
            rows, cols = input_shape[2], input_shape[3]
        else:
            rows, cols = input_shape[1], input_shape[2]
        dilation = self._dilation()
        rows = conv_output_length(rows, self.nb_row, self.border_mode, self.subsample[0],
                                  dilation=dilation[0])
        cols = conv_output_length(cols, self.nb_col, self.border_mode, self.subsample[1],
                                  dilation=dilation[1])
        if self.dim_ordering == "th":
            return (input_shape[0], self.nb_filter, rows, cols)
        return (input_shape[0], rows, cols, self.nb_filter)

    def _convolve(self, x):
        return K.conv2d(x, self.W, strides=self.subsample, border_mode=self.border_mode,
                        dim_ordering=self.dim_ordering, filter_shape=self.W_shape)

    def call(self, x, mask=None):
        output = self._convolve(x)
        output = self._add_bias(output, 4, 1 if self.dim_ordering == "th" else 3)
        return self.activation(output)

    def get_config(self):
        config = {"nb_filter": self.nb_filter, "nb_row": self.nb_row, "nb_col": self.nb_col,
                  "border_mode": self.border_mode, "subsample": self.subsample,
                  "dim_ordering": self.dim_ordering}
        config.update(self._common_config())
        return merged_config(self, Convolution2D, config)


class AtrousConvolution2D(Convolution2D):
    """Convolution2D with holes (``atrous_rate``, Theano's ``filter_dilation``)."""

    def __init__(self, nb_filter, nb_row, nb_col, init="glorot_uniform", activation=None,
                 weights=None, border_mode="valid", subsample=(1, 1), atrous_rate=(1, 1),
                 dim_ordering="default", W_regularizer=None, b_regularizer=None,
                 activity_regularizer=None, W_constraint=None, b_constraint=None,
                 bias=True, **kwargs):
        if border_mode not in {"valid", "same", "full"}:
            raise ValueError("Invalid border mode for AtrousConv2D:", border_mode)
        self.atrous_rate = tuple(atrous_rate)
        super(AtrousConvolution2D, self).__init__(
            nb_filter, nb_row, nb_col, init=init, activation=activation, weights=weights,
            border_mode=border_mode, subsample=subsample, dim_ordering=dim_ordering,
            W_regularizer=W_regularizer, b_regularizer=b_regularizer,
            activity_regularizer=activity_regularizer, W_constraint=W_constraint,
            b_constraint=b_constraint, bias=bias, **kwargs)

    def _dilation(self):
        return self.atrous_rate

    def _convolve(self, x):
        return K.conv2d(x, self.W, strides=self.subsample, border_mode=self.border_mode,
                        dim_ordering=self.dim_ordering, filter_shape=self.W_shape,
                        filter_dilation=self.atrous_rate)

    def get_config(self):
        return merged_config(self, AtrousConvolution2D, {"atrous_rate": self.atrous_rate})


class SeparableConvolution2D(Layer):
    """Keras 1.2.2 allowed this layer only with TensorFlow: on Theano its constructor
    raised. legacy_keras emulates the Theano backend, so it raises the same way."""

    def __init__(self, nb_filter, nb_row, nb_col, init="glorot_uniform", activation=None,
                 weights=None, border_mode="valid", subsample=(1, 1), depth_multiplier=1,
                 dim_ordering="default", depthwise_regularizer=None,
                 pointwise_regularizer=None, b_regularizer=None, activity_regularizer=None,
                 depthwise_constraint=None, pointwise_constraint=None, b_constraint=None,
                 bias=True, **kwargs):
        # Keras 1.2.2's signature, then its Theano-backend error.
        raise RuntimeError("SeparableConv2D is only available with TensorFlow for the time "
                           "being.")


class Deconvolution2D(Convolution2D):
    """Transposed convolution (Keras 1.2.2): ``Deconvolution2D(nb_filter, nb_row, nb_col,
    output_shape, ...)``; ``output_shape`` includes the batch size. The kernel has the
    Convolution2D layout ('th': (nb_filter, stack, rows, cols)) as in Keras 1.2.2, whose
    backend swapped the first two axes for Theano's AbstractConv2d_gradInputs.
    """

    def __init__(self, nb_filter, nb_row, nb_col, output_shape, init="glorot_uniform",
                 activation=None, weights=None, border_mode="valid", subsample=(1, 1),
                 dim_ordering="default", W_regularizer=None, b_regularizer=None,
                 activity_regularizer=None, W_constraint=None, b_constraint=None,
                 bias=True, **kwargs):
        if border_mode not in {"valid", "same", "full"}:
            raise ValueError("Invalid border mode for Deconvolution2D:", border_mode)
        self.output_shape_ = output_shape
        super(Deconvolution2D, self).__init__(
            nb_filter, nb_row, nb_col, init=init, activation=activation, weights=weights,
            border_mode=border_mode, subsample=subsample, dim_ordering=dim_ordering,
            W_regularizer=W_regularizer, b_regularizer=b_regularizer,
            activity_regularizer=activity_regularizer, W_constraint=W_constraint,
            b_constraint=b_constraint, bias=bias, **kwargs)

    def get_output_shape_for(self, input_shape):
        if self.dim_ordering == "th":
            rows, cols = self.output_shape_[2], self.output_shape_[3]
            return (input_shape[0], self.nb_filter, rows, cols)
        rows, cols = self.output_shape_[1], self.output_shape_[2]
        return (input_shape[0], rows, cols, self.nb_filter)

    def _convolve(self, x):
        return K.deconv2d(x, self.W, self.output_shape_, strides=self.subsample,
                          border_mode=self.border_mode, dim_ordering=self.dim_ordering,
                          filter_shape=self.W_shape)

    def get_config(self):
        config = {"output_shape": self.output_shape_}
        return merged_config(self, Deconvolution2D, config)


class Convolution3D(_WeightedConv):
    """3D convolution: ``Convolution3D(nb_filter, kernel_dim1, kernel_dim2, kernel_dim3)``;
    'th' kernels (nb_filter, stack, d1, d2, d3), 'tf' (d1, d2, d3, stack, nb_filter)."""

    def __init__(self, nb_filter, kernel_dim1, kernel_dim2, kernel_dim3,
                 init="glorot_uniform", activation=None, weights=None, border_mode="valid",
                 subsample=(1, 1, 1), dim_ordering="default", W_regularizer=None,
                 b_regularizer=None, activity_regularizer=None, W_constraint=None,
                 b_constraint=None, bias=True, **kwargs):
        dim_ordering = dim_ordering_of(dim_ordering)
        if border_mode not in {"valid", "same", "full"}:
            raise ValueError("Invalid border mode for Convolution3D:", border_mode)
        self.nb_filter = nb_filter
        self.kernel_dim1, self.kernel_dim2, self.kernel_dim3 = (kernel_dim1, kernel_dim2,
                                                                kernel_dim3)
        self.border_mode = border_mode
        self.subsample = tuple(subsample)
        if dim_ordering not in {"tf", "th"}:
            raise ValueError("dim_ordering must be in {tf, th}.")
        self.dim_ordering = dim_ordering
        self._common_args(init, activation, weights, W_regularizer, b_regularizer,
                          activity_regularizer, W_constraint, b_constraint, bias)
        self.input_spec = [InputSpec(ndim=5)]
        super(Convolution3D, self).__init__(**kwargs)

    def _kernel(self):
        return (self.kernel_dim1, self.kernel_dim2, self.kernel_dim3)

    def build(self, input_shape):
        assert len(input_shape) == 5
        self.input_spec = [InputSpec(shape=input_shape)]
        if self.dim_ordering == "th":
            shape = (self.nb_filter, input_shape[1]) + self._kernel()
        else:
            shape = self._kernel() + (input_shape[4], self.nb_filter)
        self._add_kernel_and_bias(shape, self.dim_ordering)

    def get_output_shape_for(self, input_shape):
        spatial = input_shape[2:5] if self.dim_ordering == "th" else input_shape[1:4]
        lengths = tuple(conv_output_length(n, k, self.border_mode, s)
                        for n, k, s in zip(spatial, self._kernel(), self.subsample))
        if self.dim_ordering == "th":
            return (input_shape[0], self.nb_filter) + lengths
        return (input_shape[0],) + lengths + (self.nb_filter,)

    def call(self, x, mask=None):
        output = K.conv3d(x, self.W, strides=self.subsample, border_mode=self.border_mode,
                          dim_ordering=self.dim_ordering, filter_shape=self.W_shape)
        output = self._add_bias(output, 5, 1 if self.dim_ordering == "th" else 4)
        return self.activation(output)

    def get_config(self):
        config = {"nb_filter": self.nb_filter, "kernel_dim1": self.kernel_dim1,
                  "kernel_dim2": self.kernel_dim2, "kernel_dim3": self.kernel_dim3,
                  "dim_ordering": self.dim_ordering, "border_mode": self.border_mode,
                  "subsample": self.subsample}
        config.update(self._common_config())
        return merged_config(self, Convolution3D, config)


# -- upsampling, padding, cropping ------------------------------------------------------------
def _spatial_axes(dim_ordering, n):
    return list(range(2, 2 + n)) if dim_ordering == "th" else list(range(1, 1 + n))


def _times(value, factor):
    return value * factor if value is not None else None


class UpSampling1D(Layer):
    """Repeats each step ``length`` times."""

    def __init__(self, length=2, **kwargs):
        self.length = length
        self.input_spec = [InputSpec(ndim=3)]
        super(UpSampling1D, self).__init__(**kwargs)

    def get_output_shape_for(self, input_shape):
        return (input_shape[0], _times(input_shape[1], self.length), input_shape[2])

    def call(self, x, mask=None):
        return _repeat_elements(x, self.length, 1)

    def get_config(self):
        return merged_config(self, UpSampling1D, {"length": self.length})


def _repeat_elements(x, rep, axis):
    return K.repeat_elements(x, rep, axis)


class _UpSamplingND(Layer):
    _ndim = 2

    def __init__(self, size, dim_ordering="default", **kwargs):
        dim_ordering = _dim_ordering(dim_ordering)
        self.size = tuple(size)
        self.dim_ordering = dim_ordering
        self.input_spec = [InputSpec(ndim=self._ndim + 2)]
        super(_UpSamplingND, self).__init__(**kwargs)

    def get_output_shape_for(self, input_shape):
        shape = list(input_shape)
        for axis, factor in zip(_spatial_axes(self.dim_ordering, self._ndim), self.size):
            shape[axis] = _times(shape[axis], factor)
        return tuple(shape)

    def call(self, x, mask=None):
        if self._ndim == 2:
            return K.resize_images(x, self.size[0], self.size[1], self.dim_ordering)
        return K.resize_volumes(x, self.size[0], self.size[1], self.size[2],
                                self.dim_ordering)

    def get_config(self):
        return merged_config(self, _UpSamplingND, {"size": self.size})


class UpSampling2D(_UpSamplingND):
    """Repeats rows and columns by ``size`` = (rows, cols)."""
    _ndim = 2

    def __init__(self, size=(2, 2), dim_ordering="default", **kwargs):
        super(UpSampling2D, self).__init__(size, dim_ordering, **kwargs)


class UpSampling3D(_UpSamplingND):
    """Repeats the three spatial axes by ``size``."""
    _ndim = 3

    def __init__(self, size=(2, 2, 2), dim_ordering="default", **kwargs):
        super(UpSampling3D, self).__init__(size, dim_ordering, **kwargs)


class ZeroPadding1D(Layer):
    """Zeros before and after the steps: ``padding`` an int, a pair (left, right) or a
    dict with 'left_pad' / 'right_pad'."""

    def __init__(self, padding=1, **kwargs):
        super(ZeroPadding1D, self).__init__(**kwargs)
        self.padding = padding
        if isinstance(padding, int):
            self.left_pad = self.right_pad = padding
        elif isinstance(padding, dict):
            if set(padding.keys()) <= {"left_pad", "right_pad"}:
                self.left_pad = padding.get("left_pad", 0)
                self.right_pad = padding.get("right_pad", 0)
            else:
                raise ValueError("Unexpected key found in `padding` dictionary. Keys have "
                                 "to be in {\"left_pad\", \"right_pad\"}. Found: " +
                                 str(padding.keys()))
        else:
            padding = tuple(padding)
            if len(padding) != 2:
                raise ValueError("`padding` should be int, or dict with keys {\"left_pad\", "
                                 "\"right_pad\"}, or tuple of length 2. Found: " + str(padding))
            self.left_pad, self.right_pad = padding
        self.input_spec = [InputSpec(ndim=3)]

    def get_output_shape_for(self, input_shape):
        length = input_shape[1] + self.left_pad + self.right_pad if input_shape[1] is not None \
            else None
        return (input_shape[0], length, input_shape[2])

    def call(self, x, mask=None):
        return K.asymmetric_temporal_padding(x, left_pad=self.left_pad,
                                             right_pad=self.right_pad)

    def get_config(self):
        return merged_config(self, ZeroPadding1D, {"padding": self.padding})


class ZeroPadding2D(Layer):
    """Zeros around rows and columns: ``padding`` (rows, cols), (top, bottom, left,
    right), or a dict with 'top_pad' / 'bottom_pad' / 'left_pad' / 'right_pad'."""

    def __init__(self, padding=(1, 1), dim_ordering="default", **kwargs):
        super(ZeroPadding2D, self).__init__(**kwargs)
        self.dim_ordering = _dim_ordering(dim_ordering)
        self.padding = padding
        keys = ("top_pad", "bottom_pad", "left_pad", "right_pad")
        if isinstance(padding, dict):
            if not set(padding.keys()) <= set(keys):
                raise ValueError("Unexpected key found in `padding` dictionary. Keys have to "
                                 "be in {\"top_pad\", \"bottom_pad\", \"left_pad\", "
                                 "\"right_pad\"}.Found: " + str(padding.keys()))
            pads = tuple(padding.get(k, 0) for k in keys)
        else:
            padding = tuple(padding)
            if len(padding) == 2:
                pads = (padding[0], padding[0], padding[1], padding[1])
            elif len(padding) == 4:
                pads = padding
            else:
                raise TypeError("`padding` should be tuple of int of length 2 or 4, or dict. "
                                "Found: " + str(padding))
        self.top_pad, self.bottom_pad, self.left_pad, self.right_pad = pads
        self.input_spec = [InputSpec(ndim=4)]

    def get_output_shape_for(self, input_shape):
        shape = list(input_shape)
        rows, cols = _spatial_axes(self.dim_ordering, 2)
        if shape[rows] is not None:
            shape[rows] += self.top_pad + self.bottom_pad
        if shape[cols] is not None:
            shape[cols] += self.left_pad + self.right_pad
        return tuple(shape)

    def call(self, x, mask=None):
        return K.asymmetric_spatial_2d_padding(x, top_pad=self.top_pad,
                                               bottom_pad=self.bottom_pad,
                                               left_pad=self.left_pad,
                                               right_pad=self.right_pad,
                                               dim_ordering=self.dim_ordering)

    def get_config(self):
        return merged_config(self, ZeroPadding2D, {"padding": self.padding})


class ZeroPadding3D(Layer):
    """Zeros around the three spatial axes (``padding`` one int per axis)."""

    def __init__(self, padding=(1, 1, 1), dim_ordering="default", **kwargs):
        super(ZeroPadding3D, self).__init__(**kwargs)
        self.dim_ordering = _dim_ordering(dim_ordering)
        self.padding = tuple(padding)
        self.input_spec = [InputSpec(ndim=5)]

    def get_output_shape_for(self, input_shape):
        shape = list(input_shape)
        for axis, pad in zip(_spatial_axes(self.dim_ordering, 3), self.padding):
            if shape[axis] is not None:
                shape[axis] += 2 * pad
        return tuple(shape)

    def call(self, x, mask=None):
        return K.spatial_3d_padding(x, padding=self.padding, dim_ordering=self.dim_ordering)

    def get_config(self):
        return merged_config(self, ZeroPadding3D, {"padding": self.padding})


class Cropping1D(Layer):
    """Removes ``cropping`` = (start, end) steps."""

    def __init__(self, cropping=(1, 1), **kwargs):
        super(Cropping1D, self).__init__(**kwargs)
        self.cropping = tuple(cropping)
        if len(self.cropping) != 2:
            raise ValueError("`cropping` must be a tuple length of 2.")
        self.input_spec = [InputSpec(ndim=3)]

    def build(self, input_shape):
        self.input_spec = [InputSpec(shape=input_shape)]
        self.built = True

    def get_output_shape_for(self, input_shape):
        length = input_shape[1] - self.cropping[0] - self.cropping[1] \
            if input_shape[1] is not None else None
        return (input_shape[0], length, input_shape[2])

    def call(self, x, mask=None):
        start, end = self.cropping
        if end == 0:
            return x[:, start:, :]
        return x[:, start:-end, :]

    def get_config(self):
        return merged_config(self, Cropping1D, {"cropping": self.cropping})


class _CroppingND(Layer):
    _ndim = 2

    def __init__(self, cropping, dim_ordering="default", **kwargs):
        super(_CroppingND, self).__init__(**kwargs)
        cropping = tuple(cropping)
        if len(cropping) != self._ndim:
            raise ValueError("`cropping` must be a tuple length of %d." % self._ndim)
        for index, pair in enumerate(cropping):
            # len() of an int raises Keras 1.2.2's TypeError for a flat tuple
            if len(pair) != 2:
                raise ValueError("`cropping[%d]` must be a tuple length of 2." % index)
        self.cropping = tuple(tuple(c) for c in cropping)
        self.dim_ordering = _dim_ordering(dim_ordering)
        self.input_spec = [InputSpec(ndim=self._ndim + 2)]

    def build(self, input_shape):
        self.input_spec = [InputSpec(shape=input_shape)]
        self.built = True

    def get_output_shape_for(self, input_shape):
        shape = list(input_shape)
        for axis, (start, end) in zip(_spatial_axes(self.dim_ordering, self._ndim),
                                      self.cropping):
            if shape[axis] is not None:
                shape[axis] -= start + end
        return tuple(shape)

    def call(self, x, mask=None):
        index = [slice(None)] * (self._ndim + 2)
        for axis, (start, end) in zip(_spatial_axes(self.dim_ordering, self._ndim),
                                      self.cropping):
            index[axis] = slice(start, -end if end else None)
        return x[tuple(index)]

    def get_config(self):
        return merged_config(self, _CroppingND, {"cropping": self.cropping})


class Cropping2D(_CroppingND):
    """Removes ((top, bottom), (left, right)) rows and columns."""
    _ndim = 2

    def __init__(self, cropping=((0, 0), (0, 0)), dim_ordering="default", **kwargs):
        super(Cropping2D, self).__init__(cropping, dim_ordering, **kwargs)


class Cropping3D(_CroppingND):
    """Removes ((start, end),) * 3 along the spatial axes."""
    _ndim = 3

    def __init__(self, cropping=((1, 1), (1, 1), (1, 1)), dim_ordering="default", **kwargs):
        super(Cropping3D, self).__init__(cropping, dim_ordering, **kwargs)


# Keras 1 aliases
Conv1D = Convolution1D
Conv2D = Convolution2D
Conv3D = Convolution3D
AtrousConv1D = AtrousConvolution1D
AtrousConv2D = AtrousConvolution2D
SeparableConv2D = SeparableConvolution2D
Deconv2D = Deconvolution2D
