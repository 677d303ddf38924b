"""``keras.layers.pooling`` (Keras 1.2.2): MaxPooling1D/2D/3D, AveragePooling1D/2D/3D,
GlobalMaxPooling1D/2D/3D, GlobalAveragePooling1D/2D/3D.

Pooling is Theano's ``pool_2d`` / ``pool_3d`` with ``ignore_border=True``. 'same'
padded ``pool_size - 1`` (``pool_size - 2`` for odd sizes above 2) on both sides and
cropped the end, which is not TensorFlow's 'same'; average pooling excluded the padding
from the mean (``average_exc_pad``). See :mod:`legacy_keras.backend.theano_conv_rnn`.
"""
from legacy_keras import backend as K
from legacy_keras.engine.topology import InputSpec, Layer
from legacy_keras.utils.np_utils import conv_output_length
from legacy_keras.layers._config import dim_ordering_of, merged_config


def _dim_ordering(dim_ordering):
    return dim_ordering_of(dim_ordering, ValueError("`dim_ordering` must be in {tf, th}."))


class _Pooling1D(Layer):
    """Pools (samples, steps, features) over the steps (a 'tf' pool2d on
    (samples, steps, 1, features), as in Keras 1.2.2)."""

    _mode = "max"

    def __init__(self, pool_length=2, stride=None, border_mode="valid", **kwargs):
        super(_Pooling1D, self).__init__(**kwargs)
        if stride is None:
            stride = pool_length
        self.pool_length = pool_length
        self.stride = stride
        self.st = (self.stride, 1)
        self.pool_size = (pool_length, 1)
        if border_mode not in {"valid", "same"}:
            raise ValueError("`border_mode` must be in {valid, same}.")
        self.border_mode = border_mode
        self.input_spec = [InputSpec(ndim=3)]

    def get_output_shape_for(self, input_shape):
        length = conv_output_length(input_shape[1], self.pool_length, self.border_mode,
                                    self.stride)
        return (input_shape[0], length, input_shape[2])

    def call(self, x, mask=None):
        x = K.expand_dims(x, 2)
        output = K.pool2d(x, pool_size=self.pool_size, strides=self.st,
                          border_mode=self.border_mode, dim_ordering="tf",
                          pool_mode=self._mode)
        return K.squeeze(output, 2)

    def get_config(self):
        config = {"stride": self.stride, "pool_length": self.pool_length,
                  "border_mode": self.border_mode}
        return merged_config(self, _Pooling1D, config)


class MaxPooling1D(_Pooling1D):
    """Max over windows of ``pool_length`` steps."""
    _mode = "max"


class AveragePooling1D(_Pooling1D):
    """Mean over windows of ``pool_length`` steps (padding excluded)."""
    _mode = "avg"


class _PoolingND(Layer):
    _ndim = 2
    _mode = "max"

    def __init__(self, pool_size, strides=None, border_mode="valid", dim_ordering="default",
                 **kwargs):
        super(_PoolingND, self).__init__(**kwargs)
        self.pool_size = tuple(pool_size)
        if strides is None:
            strides = self.pool_size
        self.strides = tuple(strides)
        if border_mode not in {"valid", "same"}:
            raise ValueError("`border_mode` must be in {valid, same}.")
        self.border_mode = border_mode
        self.dim_ordering = _dim_ordering(dim_ordering)
        self.input_spec = [InputSpec(ndim=self._ndim + 2)]

    def _spatial_axes(self):
        first = 2 if self.dim_ordering == "th" else 1
        return list(range(first, first + self._ndim))

    def get_output_shape_for(self, input_shape):
        shape = list(input_shape)
        for axis, size, stride in zip(self._spatial_axes(), self.pool_size, self.strides):
            shape[axis] = conv_output_length(shape[axis], size, self.border_mode, stride)
        return tuple(shape)

    def call(self, x, mask=None):
        pool = K.pool2d if self._ndim == 2 else K.pool3d
        return pool(x, pool_size=self.pool_size, strides=self.strides,
                    border_mode=self.border_mode, dim_ordering=self.dim_ordering,
                    pool_mode=self._mode)

    def get_config(self):
        config = {"pool_size": self.pool_size, "border_mode": self.border_mode,
                  "strides": self.strides, "dim_ordering": self.dim_ordering}
        return merged_config(self, _PoolingND, config)


class MaxPooling2D(_PoolingND):
    """Max over ``pool_size`` windows of rows and columns (``strides`` default to
    ``pool_size``)."""
    _ndim, _mode = 2, "max"

    def __init__(self, pool_size=(2, 2), strides=None, border_mode="valid",
                 dim_ordering="default", **kwargs):
        super(MaxPooling2D, self).__init__(pool_size, strides, border_mode, dim_ordering,
                                           **kwargs)


class AveragePooling2D(_PoolingND):
    """Mean over ``pool_size`` windows (padding excluded from the mean)."""
    _ndim, _mode = 2, "avg"

    def __init__(self, pool_size=(2, 2), strides=None, border_mode="valid",
                 dim_ordering="default", **kwargs):
        super(AveragePooling2D, self).__init__(pool_size, strides, border_mode, dim_ordering,
                                               **kwargs)


class MaxPooling3D(_PoolingND):
    """Max over ``pool_size`` windows of the three spatial axes."""
    _ndim, _mode = 3, "max"

    def __init__(self, pool_size=(2, 2, 2), strides=None, border_mode="valid",
                 dim_ordering="default", **kwargs):
        super(MaxPooling3D, self).__init__(pool_size, strides, border_mode, dim_ordering,
                                           **kwargs)


class AveragePooling3D(_PoolingND):
    """Mean over ``pool_size`` windows of the three spatial axes."""
    _ndim, _mode = 3, "avg"

    def __init__(self, pool_size=(2, 2, 2), strides=None, border_mode="valid",
                 dim_ordering="default", **kwargs):
        super(AveragePooling3D, self).__init__(pool_size, strides, border_mode, dim_ordering,
                                               **kwargs)


class _GlobalPooling1D(Layer):
    def __init__(self, **kwargs):
        super(_GlobalPooling1D, self).__init__(**kwargs)
        self.input_spec = [InputSpec(ndim=3)]

    def get_output_shape_for(self, input_shape):
        return (input_shape[0], input_shape[2])


class GlobalAveragePooling1D(_GlobalPooling1D):
    """Mean over the steps: (samples, steps, features) -> (samples, features)."""

    def call(self, x, mask=None):
        return K.mean(x, axis=1)


class GlobalMaxPooling1D(_GlobalPooling1D):
    """Max over the steps: (samples, steps, features) -> (samples, features)."""

    def call(self, x, mask=None):
        return K.max(x, axis=1)


class _GlobalPooling2D(Layer):
    def __init__(self, dim_ordering="default", **kwargs):
        super(_GlobalPooling2D, self).__init__(**kwargs)
        self.dim_ordering = _dim_ordering(dim_ordering)
        self.input_spec = [InputSpec(ndim=4)]

    def get_output_shape_for(self, input_shape):
        if self.dim_ordering == "tf":
            return (input_shape[0], input_shape[3])
        return (input_shape[0], input_shape[1])

    def _axes(self):
        return [1, 2] if self.dim_ordering == "tf" else [2, 3]

    def get_config(self):
        return merged_config(self, _GlobalPooling2D, {"dim_ordering": self.dim_ordering})


class GlobalAveragePooling2D(_GlobalPooling2D):
    """Mean over rows and columns: one value per channel."""

    def call(self, x, mask=None):
        return K.mean(x, axis=self._axes())


class GlobalMaxPooling2D(_GlobalPooling2D):
    """Max over rows and columns: one value per channel."""

    def call(self, x, mask=None):
        return K.max(x, axis=self._axes())


class _GlobalPooling3D(_GlobalPooling2D):
    """Global pooling over (conv_dim1, conv_dim2, conv_dim3): one value per channel of a
    5-D input ('th': (samples, channels, d1, d2, d3); 'tf': channels last)."""

    def __init__(self, dim_ordering="default", **kwargs):
        super(_GlobalPooling3D, self).__init__(dim_ordering, **kwargs)
        self.input_spec = [InputSpec(ndim=5)]

    def get_output_shape_for(self, input_shape):
        if self.dim_ordering == "tf":
            return (input_shape[0], input_shape[4])
        return (input_shape[0], input_shape[1])

    def _axes(self):
        return [1, 2, 3] if self.dim_ordering == "tf" else [2, 3, 4]


class GlobalAveragePooling3D(_GlobalPooling3D):
    """Mean over the three spatial axes: one value per channel."""

    def call(self, x, mask=None):
        return K.mean(x, axis=self._axes())


class GlobalMaxPooling3D(_GlobalPooling3D):
    """Max over the three spatial axes: one value per channel."""

    def call(self, x, mask=None):
        return K.max(x, axis=self._axes())
