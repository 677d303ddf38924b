"""``keras.layers.local`` (Keras 1.2.2): LocallyConnected1D and LocallyConnected2D.

Locally connected layers work like convolutions whose weights are not shared: every
output position has its own filters. Keras 1.2.2's layouts, kept here:

* ``W`` is (output positions, kernel positions * input channels, nb_filter). The
  features of a patch are flattened in the input's own order: (filter_length,
  input_dim) for 1D, (channels, rows, cols) in 'th' and (rows, cols, channels) in 'tf'.
  Output positions run row by row.
* ``b`` is (output_length, nb_filter) in 1D and (output_row, output_col, nb_filter) in
  2D, in both orderings; in 'th' Keras 1.2.2 *reshaped* it (without transposing) to
  (1, nb_filter, output_row, output_col), and so does legacy_keras.
* The weights are not convolution kernels: nothing is flipped.
* ``init`` draws ``W`` as a 3D array (Keras 1's ``get_fans`` then uses
  ``sqrt(prod(shape))`` for both fans), from NumPy's global generator.

Symbolically (``layer.output``, debugprint) the graph is Keras 1.2.2's on Theano: one
slice per output position joined and multiplied with ``K.batch_dot`` (``BatchedDot``);
for 2D 'th' one ``K.dot`` per output position. In Keras 3 execution (predict, fit) the
patches are gathered at once and multiplied in one batched matrix product.

Keras 3 has no locally connected layers (Keras 2 had ``LocallyConnected1D/2D``; Keras 3
removed them): see migration_guide.md.
"""
import numpy as np

from legacy_keras import backend as K
from legacy_keras._k3 import ops
from legacy_keras.backend.dispatch import symbolic_and_numeric
from legacy_keras.engine.topology import InputSpec
from legacy_keras.engine.topology import Layer  # noqa: F401  (Keras 1.2.2 re-export)
from legacy_keras.layers._config import dim_ordering_of
from legacy_keras.layers.convolutional import _WeightedConv
from legacy_keras.utils.np_utils import conv_output_length


def _window_indices(output_length, filter_length, stride):
    """(output_length * filter_length,) input indices: the window of each output
    position, one after the other."""
    starts = np.arange(output_length) * stride
    return (starts[:, None] + np.arange(filter_length)[None, :]).reshape(-1).astype("int32")


def _gather_windows(x, axis, output_length, filter_length, stride):
    """``x`` with ``axis`` replaced by (output_length, filter_length): every window."""
    gathered = ops.take(x, _window_indices(output_length, filter_length, stride), axis=axis)
    shape = [-1 if d is None else d for d in ops.shape(gathered)]
    shape[axis:axis + 1] = [output_length, filter_length]
    return ops.reshape(gathered, shape)


def _locally_connected_product(patches, W):
    """(samples, positions, features) x (positions, features, nb_filter) ->
    (samples, positions, nb_filter), one matrix product per position."""
    return ops.einsum("bpf,pfn->bpn", patches, K.unwrap(W))


class _LocallyConnected(_WeightedConv):
    """Arguments and weights LocallyConnected1D and LocallyConnected2D share: those of a
    convolution (:class:`legacy_keras.layers.convolutional._WeightedConv`) plus
    ``border_mode``; the kernel's initializer uses its own fan rule."""

    def _common_args(self, init, activation, weights, border_mode, W_regularizer,
                     b_regularizer, activity_regularizer, W_constraint, b_constraint, bias):
        super(_LocallyConnected, self)._common_args(
            init, activation, weights, W_regularizer, b_regularizer, activity_regularizer,
            W_constraint, b_constraint, bias)
        self.border_mode = border_mode

    def _add_weights(self, W_shape, b_shape):
        self._add_kernel_and_bias(W_shape, None, b_shape)

    def _common_config(self):
        items = list(super(_LocallyConnected, self)._common_config().items())
        items.insert(2, ("border_mode", self.border_mode))  # Keras 1.2.2's key order
        return dict(items)


class LocallyConnected1D(_LocallyConnected):
    """Locally connected layer for 1D inputs: Convolution1D with unshared weights.

    ``LocallyConnected1D(nb_filter, filter_length, init='glorot_uniform',
    activation=None, weights=None, border_mode='valid', subsample_length=1,
    W_regularizer=None, b_regularizer=None, activity_regularizer=None,
    W_constraint=None, b_constraint=None, bias=True, input_dim=None,
    input_length=None)``. Only ``border_mode='valid'``; the input length must be known.

    # Input shape
        3D tensor (samples, steps, input_dim).
    # Output shape
        3D tensor (samples, new_steps, nb_filter).
    # Weights
        ``W`` (new_steps, filter_length * input_dim, nb_filter), ``b`` (new_steps,
        nb_filter).
    """

    def __init__(self, nb_filter, filter_length, init="glorot_uniform", activation=None,
                 weights=None, border_mode="valid", subsample_length=1, W_regularizer=None,
                 b_regularizer=None, activity_regularizer=None, W_constraint=None,
                 b_constraint=None, bias=True, input_dim=None, input_length=None, **kwargs):
        if border_mode != "valid":
            raise ValueError("Invalid border mode for LocallyConnected1D "
                             '(only "valid" is supported):', border_mode)
        self.nb_filter = nb_filter
        self.filter_length = filter_length
        self.subsample_length = subsample_length
        self._common_args(init, activation, weights, border_mode, W_regularizer,
                          b_regularizer, activity_regularizer, W_constraint, b_constraint,
                          bias)
        self.input_spec = [InputSpec(ndim=3)]
        self.input_dim = input_dim
        self.input_length = input_length
        if self.input_dim:
            kwargs["input_shape"] = (self.input_length, self.input_dim)
        super(LocallyConnected1D, self).__init__(**kwargs)

    def build(self, input_shape):
        input_dim = input_shape[2]
        _, output_length, nb_filter = self.get_output_shape_for(input_shape)
        self._add_weights((output_length, self.filter_length * input_dim, nb_filter),
                          (output_length, self.nb_filter))

    def get_output_shape_for(self, input_shape):
        length = conv_output_length(input_shape[1], self.filter_length, self.border_mode,
                                    self.subsample_length)
        return (input_shape[0], length, self.nb_filter)

    @symbolic_and_numeric("x")
    def _output(self, x):
        """(samples, positions, nb_filter), before the bias."""

    @_output.numeric
    def _numeric_output(self, x):
        output_length, feature_dim, _ = self.W_shape
        patches = _gather_windows(x, 1, output_length, self.filter_length,
                                  self.subsample_length)
        patches = K.reshape(patches, (-1, output_length, feature_dim))
        return _locally_connected_product(patches, self.W)

    @_output.symbolic
    def _symbolic_output(self, x):
        """Keras 1.2.2's graph: the windows joined on a new first axis, ``batch_dot``
        with ``W``, then (samples, positions, nb_filter)."""
        stride = self.subsample_length
        output_length, feature_dim, _ = self.W_shape
        xs = [K.reshape(x[:, i * stride:i * stride + self.filter_length, :],
                        (1, -1, feature_dim)) for i in range(output_length)]
        output = K.batch_dot(K.concatenate(xs, axis=0), self.W)
        return K.permute_dimensions(output, (1, 0, 2))

    def call(self, x, mask=None):
        output_length, _, nb_filter = self.W_shape
        output = self._output(x)
        if self.bias:
            output += K.reshape(self.b, (1, output_length, nb_filter))
        return self.activation(output)

    def get_config(self):
        config = {"nb_filter": self.nb_filter,
                  "filter_length": self.filter_length,
                  "subsample_length": self.subsample_length,
                  "input_dim": self.input_dim,
                  "input_length": self.input_length}
        config.update(self._common_config())
        base_config = super(LocallyConnected1D, self).get_config()
        return dict(list(base_config.items()) + list(config.items()))


class LocallyConnected2D(_LocallyConnected):
    """Locally connected layer for 2D inputs: Convolution2D with unshared weights.

    ``LocallyConnected2D(nb_filter, nb_row, nb_col, init='glorot_uniform',
    activation=None, weights=None, border_mode='valid', subsample=(1, 1),
    dim_ordering='default', W_regularizer=None, b_regularizer=None,
    activity_regularizer=None, W_constraint=None, b_constraint=None, bias=True)``.
    Only ``border_mode='valid'``; the input shape must be fully known.

    # Input shape
        4D tensor (samples, channels, rows, cols) in 'th', (samples, rows, cols,
        channels) in 'tf'.
    # Output shape
        4D tensor (samples, nb_filter, new_rows, new_cols) in 'th', (samples, new_rows,
        new_cols, nb_filter) in 'tf'.
    # Weights
        ``W`` (new_rows * new_cols, nb_row * nb_col * channels, nb_filter), ``b``
        (new_rows, new_cols, nb_filter) in both orderings.
    """

    def __init__(self, nb_filter, nb_row, nb_col, init="glorot_uniform", activation=None,
                 weights=None, border_mode="valid", subsample=(1, 1),
                 dim_ordering="default", W_regularizer=None, b_regularizer=None,
                 activity_regularizer=None, W_constraint=None, b_constraint=None,
                 bias=True, **kwargs):
        dim_ordering = dim_ordering_of(dim_ordering)
        if border_mode != "valid":
            raise ValueError("Invalid border mode for LocallyConnected2D "
                             '(only "valid" is supported):', border_mode)
        self.nb_filter = nb_filter
        self.nb_row = nb_row
        self.nb_col = nb_col
        self.subsample = tuple(subsample)
        self._common_args(init, activation, weights, border_mode, W_regularizer,
                          b_regularizer, activity_regularizer, W_constraint, b_constraint,
                          bias)
        if dim_ordering not in {"tf", "th"}:
            raise ValueError("`dim_ordering` must be in {tf, th}.")
        self.dim_ordering = dim_ordering
        self.input_spec = [InputSpec(ndim=4)]
        super(LocallyConnected2D, self).__init__(**kwargs)

    def build(self, input_shape):
        output_shape = self.get_output_shape_for(input_shape)
        if self.dim_ordering == "th":
            _, nb_filter, output_row, output_col = output_shape
            input_filter = input_shape[1]
        else:
            _, output_row, output_col, nb_filter = output_shape
            input_filter = input_shape[3]
        self.output_row = output_row
        self.output_col = output_col
        self._add_weights((output_row * output_col, self.nb_row * self.nb_col * input_filter,
                           nb_filter),
                          (output_row, output_col, nb_filter))

    def get_output_shape_for(self, input_shape):
        if self.dim_ordering == "th":
            rows, cols = input_shape[2], input_shape[3]
        else:
            rows, cols = input_shape[1], input_shape[2]
        rows = conv_output_length(rows, self.nb_row, self.border_mode, self.subsample[0])
        cols = conv_output_length(cols, self.nb_col, self.border_mode, self.subsample[1])
        if self.dim_ordering == "th":
            return (input_shape[0], self.nb_filter, rows, cols)
        return (input_shape[0], rows, cols, self.nb_filter)

    def _windows(self):
        """The (row slice, col slice) of each output position, row by row."""
        stride_row, stride_col = self.subsample
        return [(slice(i * stride_row, i * stride_row + self.nb_row),
                 slice(j * stride_col, j * stride_col + self.nb_col))
                for i in range(self.output_row) for j in range(self.output_col)]

    @symbolic_and_numeric("x")
    def _output(self, x):
        """(samples, nb_filter, rows, cols) ('th') or (samples, rows, cols, nb_filter),
        before the bias."""

    @_output.numeric
    def _numeric_output(self, x):
        positions, feature_dim, nb_filter = self.W_shape
        row_axis = 2 if self.dim_ordering == "th" else 1
        patches = _gather_windows(x, row_axis, self.output_row, self.nb_row,
                                  self.subsample[0])
        patches = _gather_windows(patches, row_axis + 2, self.output_col, self.nb_col,
                                  self.subsample[1])
        if self.dim_ordering == "th":
            # (samples, channels, out_row, nb_row, out_col, nb_col)
            patches = ops.transpose(patches, (0, 2, 4, 1, 3, 5))
        else:
            # (samples, out_row, nb_row, out_col, nb_col, channels)
            patches = ops.transpose(patches, (0, 1, 3, 2, 4, 5))
        patches = ops.reshape(patches, (-1, positions, feature_dim))
        output = _locally_connected_product(patches, self.W)
        output = ops.reshape(output, (-1, self.output_row, self.output_col, nb_filter))
        if self.dim_ordering == "th":
            return K.permute_dimensions(output, (0, 3, 1, 2))
        return output

    def _symbolic_output_th(self, x):
        """Keras 1.2.2 on Theano: one ``K.dot`` per output position, joined."""
        _, feature_dim, _ = self.W_shape
        output = []
        for position, (rows, cols) in enumerate(self._windows()):
            x_flatten = K.reshape(x[:, :, rows, cols], (1, -1, feature_dim))
            output.append(K.dot(x_flatten, self.W[position, :, :]))
        return K.concatenate(output, axis=0)

    def _symbolic_output_tf(self, x):
        _, feature_dim, _ = self.W_shape
        xs = [K.reshape(x[:, rows, cols, :], (1, -1, feature_dim))
              for rows, cols in self._windows()]
        return K.batch_dot(K.concatenate(xs, axis=0), self.W)

    @_output.symbolic
    def _symbolic_output(self, x):
        _, _, nb_filter = self.W_shape
        if self.dim_ordering == "th":
            output = self._symbolic_output_th(x)
        else:
            output = self._symbolic_output_tf(x)
        output = K.reshape(output, (self.output_row, self.output_col, -1, nb_filter))
        if self.dim_ordering == "th":
            return K.permute_dimensions(output, (2, 3, 0, 1))
        return K.permute_dimensions(output, (2, 0, 1, 3))

    def call(self, x, mask=None):
        _, _, nb_filter = self.W_shape
        output = self._output(x)
        if self.bias:
            if self.dim_ordering == "th":
                bias_shape = (1, nb_filter, self.output_row, self.output_col)
            else:
                bias_shape = (1, self.output_row, self.output_col, nb_filter)
            output += K.reshape(self.b, bias_shape)
        return self.activation(output)

    def get_config(self):
        config = {"nb_filter": self.nb_filter,
                  "nb_row": self.nb_row,
                  "nb_col": self.nb_col,
                  "subsample": self.subsample,
                  "dim_ordering": self.dim_ordering}
        config.update(self._common_config())
        base_config = super(LocallyConnected2D, self).get_config()
        return dict(list(base_config.items()) + list(config.items()))
