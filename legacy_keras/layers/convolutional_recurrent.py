"""``keras.layers.convolutional_recurrent`` (Keras 1.2.2): ConvRecurrent2D, ConvLSTM2D.

An LSTM whose input and recurrent transformations are 2D convolutions, iterated by
``K.rnn`` as the other recurrent layers (a PyTensor scan symbolically; Keras 3's loop in
``predict`` / ``fit``). Keras 1.2.2 facts kept here (several differ from Keras 3's
``ConvLSTM2D``):

* Input (samples, time, channels, rows, cols) in 'th', (samples, time, rows, cols,
  channels) in 'tf'; the ordering defaults to ``K.image_dim_ordering()``.
* Twelve weights listed W_i, U_i, b_i, W_c, U_c, b_c, W_f, U_f, b_f, W_o, U_o, b_o
  (drawn i, f, c, o). W kernels are Convolution2D kernels ('th' (nb_filter, channels,
  rows, cols), 'tf' (rows, cols, channels, nb_filter)), U kernels map nb_filter to
  nb_filter; as on Theano every convolution flips its kernel.
* ``init`` and ``inner_init`` compute their fans as for 'th' kernels whatever the
  ordering (Keras 1.2.2 passed no ordering to them); ``forget_bias_init='one'``.
* The input convolutions use ``border_mode`` and ``subsample``; the recurrent ones are
  always 'same' with stride 1. The default ``inner_activation`` is Keras 1's
  ``hard_sigmoid``.
* ``W_regularizer`` / ``U_regularizer`` / ``b_regularizer`` did nothing in Keras 1.2.2
  (they went through the deprecated ``set_param`` and ``regularizers``, which only
  warn); legacy_keras does the same, warnings included.
* ``get_config()`` has no ``subsample``, dropout or regularizer entries (as in 1.2.2).
* The states of a stateful layer are (samples, out_rows, out_cols, nb_filter) whatever
  the ordering.

In Keras 3 execution without dropout, the four input convolutions of every step run as
one convolution over all time steps at once, and the four recurrent ones as one per step
(the same arithmetic, gates fused i, f, c, o).
"""
import warnings

import numpy as np

from legacy_keras import activations, initializations, regularizers
from legacy_keras import backend as K
from legacy_keras._k3 import ops
from legacy_keras.backend.dispatch import symbolic_and_numeric
from legacy_keras.engine.topology import InputSpec, Layer
from legacy_keras.layers._config import dim_ordering_of
from legacy_keras.layers.recurrent import Recurrent, lstm_output
from legacy_keras.utils.np_utils import conv_output_length

_GATES = "ifco"


class ConvRecurrent2D(Layer):
    """Abstract base of the convolutional recurrent layers (Keras 1.2.2).

    # Arguments
        weights, nb_row, nb_col, nb_filter, return_sequences=False, go_backwards=False,
        stateful=False, dim_ordering.
    """

    def __init__(self, weights=None, nb_row=None, nb_col=None, nb_filter=None,
                 return_sequences=False, go_backwards=False, stateful=False,
                 dim_ordering=None, **kwargs):
        self.return_sequences = return_sequences
        self.go_backwards = go_backwards
        self.stateful = stateful
        self.initial_weights = weights
        self.nb_row = nb_row
        self.nb_col = nb_col
        self.nb_filter = nb_filter
        self.dim_ordering = dim_ordering
        self.input_spec = [InputSpec(ndim=5)]
        super(ConvRecurrent2D, self).__init__(**kwargs)

    def compute_mask(self, input, mask):
        return mask if self.return_sequences else None

    def get_output_shape_for(self, input_shape):
        if self.dim_ordering == "th":
            rows, cols = input_shape[3], input_shape[4]
        elif self.dim_ordering == "tf":
            rows, cols = input_shape[2], input_shape[3]
        else:
            raise ValueError("Invalid dim_ordering:", self.dim_ordering)
        rows = conv_output_length(rows, self.nb_row, self.border_mode, self.subsample[0])
        cols = conv_output_length(cols, self.nb_col, self.border_mode, self.subsample[1])
        if self.dim_ordering == "th":
            step_shape = (self.nb_filter, rows, cols)
        else:
            step_shape = (rows, cols, self.nb_filter)
        if self.return_sequences:
            return (input_shape[0], input_shape[1]) + step_shape
        return (input_shape[0],) + step_shape

    def step(self, x, states):
        raise NotImplementedError

    def get_constants(self, X, train=False):  # Keras 1.2.2's parameter names
        return None

    def _numeric_state_zeros(self, x):
        """Zeros of one step's output shape (Keras 1 built them by convolving the summed
        input with a zero kernel; the result is the same); ``x`` a Keras 3 tensor."""
        step_shape = self.get_output_shape_for(self.input_spec[0].shape)[-3:]
        return ops.zeros((ops.shape(x)[0],) + tuple(step_shape), dtype=x.dtype)

    @symbolic_and_numeric("X")
    def get_initial_states(self, X):  # Keras 1.2.2's parameter name
        """Two zero states of one step's output shape."""

    @get_initial_states.numeric
    def _numeric_initial_states(self, X):
        return [self._numeric_state_zeros(X) for _ in range(2)]

    @get_initial_states.symbolic
    def _symbolic_initial_states(self, X):
        initial_state = K.sum(K.zeros_like(X), axis=1)
        initial_state = self.conv_step(initial_state, K.zeros(self.W_shape),
                                       border_mode=self.border_mode)
        return [initial_state for _ in range(2)]

    def preprocess_input(self, x):
        return x

    def _run(self, step, inputs, initial_states, mask, constants):
        return K.rnn(step, inputs, initial_states, go_backwards=self.go_backwards, mask=mask,
                     constants=constants, unroll=False,
                     input_length=self.input_spec[0].shape[1])

    def call(self, x, mask=None):
        assert K.ndim(x) == 5
        initial_states = list(self.states) if self.stateful else self.get_initial_states(x)
        constants = self.get_constants(x)
        preprocessed_input = self.preprocess_input(x)
        last_output, outputs, states = self._run(self.step, preprocessed_input,
                                                 initial_states, mask, constants)
        if self.stateful:
            self._carry_states(states, x)
        return outputs if self.return_sequences else last_output

    # Symbolically Keras 1's state updates; in Keras 3 execution the new states are
    # assigned at once (the next batch or ``predict`` call starts from them).
    _carry_states = Recurrent._carry_states

    def get_config(self):
        config = {"return_sequences": self.return_sequences,
                  "go_backwards": self.go_backwards,
                  "stateful": self.stateful}
        if self.stateful:
            config["batch_input_shape"] = self.input_spec[0].shape
        base_config = super(ConvRecurrent2D, self).get_config()
        return dict(list(base_config.items()) + list(config.items()))


class ConvLSTM2D(ConvRecurrent2D):
    """Convolutional LSTM (Keras 1.2.2):

        i = inner_activation(x * W_i + b_i + h * U_i)
        f = inner_activation(x * W_f + b_f + h * U_f)
        c' = f c + i activation(x * W_c + b_c + h * U_c)
        o = inner_activation(x * W_o + b_o + h * U_o)
        h' = o activation(c')

    (``*`` a Theano convolution). ``ConvLSTM2D(nb_filter, nb_row, nb_col,
    init='glorot_uniform', inner_init='orthogonal', forget_bias_init='one',
    activation='tanh', inner_activation='hard_sigmoid', dim_ordering='default',
    border_mode='valid', subsample=(1, 1), W_regularizer=None, U_regularizer=None,
    b_regularizer=None, dropout_W=0., dropout_U=0., return_sequences=False,
    go_backwards=False, stateful=False)``.
    """

    def __init__(self, nb_filter, nb_row, nb_col, init="glorot_uniform",
                 inner_init="orthogonal", forget_bias_init="one", activation="tanh",
                 inner_activation="hard_sigmoid", dim_ordering="default",
                 border_mode="valid", subsample=(1, 1), W_regularizer=None,
                 U_regularizer=None, b_regularizer=None, dropout_W=0., dropout_U=0.,
                 **kwargs):
        dim_ordering = dim_ordering_of(
            dim_ordering, ValueError("dim_ordering must be in {tf,th}", dim_ordering))
        self.nb_filter = nb_filter
        self.nb_row = nb_row
        self.nb_col = nb_col
        self.init = initializations.get(init)
        self.inner_init = initializations.get(inner_init)
        self.forget_bias_init = initializations.get(forget_bias_init)
        self.activation = activations.get(activation)
        self.inner_activation = activations.get(inner_activation)
        self.border_mode = border_mode
        self.subsample = subsample
        if dim_ordering == "th":
            warnings.warn("Be carefull if used with convolution3D layers:\nth in convolution "
                          "3D corresponds to (samples, channels, conv_dim1, conv_dim2,"
                          "conv_dim3)\nwhile for this network it corresponds to: (samples, "
                          "time, channels, rows, cols)")
        self.dim_ordering = dim_ordering
        kwargs.update(nb_filter=nb_filter, nb_row=nb_row, nb_col=nb_col,
                      dim_ordering=dim_ordering)
        self.W_regularizer = regularizers.get(W_regularizer)
        self.U_regularizer = regularizers.get(U_regularizer)
        self.b_regularizer = regularizers.get(b_regularizer)
        self.dropout_W, self.dropout_U = dropout_W, dropout_U
        if self.dropout_W or self.dropout_U:
            self.uses_learning_phase = True
        super(ConvLSTM2D, self).__init__(**kwargs)

    def _kernel_shapes(self, stack_size):
        """(W shape, U shape) in the layer's ordering."""
        if self.dim_ordering == "th":
            return ((self.nb_filter, stack_size, self.nb_row, self.nb_col),
                    (self.nb_filter, self.nb_filter, self.nb_row, self.nb_col))
        return ((self.nb_row, self.nb_col, stack_size, self.nb_filter),
                (self.nb_row, self.nb_col, self.nb_filter, self.nb_filter))

    def _gate_weights(self, gate, bias_init):
        """W, U, b of one gate, drawn in this order from NumPy's global generator."""
        name = self.name
        setattr(self, "W_" + gate, self.init(self.W_shape, name="{}_W_{}".format(name, gate)))
        setattr(self, "U_" + gate,
                self.inner_init(self.W_shape1, name="{}_U_{}".format(name, gate)))
        setattr(self, "b_" + gate, bias_init((self.nb_filter,), name="{}_b_{}".format(name, gate)))

    def _deprecated_regularizers(self):
        """Keras 1.2.2's regularizer wiring, which only warned (see the module doc)."""
        self.regularizers = []
        for regularizer, param in ((self.W_regularizer, self.W), (self.U_regularizer, self.U),
                                   (self.b_regularizer, self.b)):
            if regularizer:
                regularizer.set_param(param)
                self.regularizers.append(regularizer)

    def build(self, input_shape):
        self.input_spec = [InputSpec(shape=input_shape)]
        if self.dim_ordering not in ("th", "tf"):
            raise ValueError("Invalid dim_ordering:", self.dim_ordering)
        stack_size = input_shape[2] if self.dim_ordering == "th" else input_shape[4]
        self.W_shape, self.W_shape1 = self._kernel_shapes(stack_size)
        if self.stateful:
            self.reset_states()
        else:
            self.states = [None, None, None, None]
        zeros = initializations.get("zero")
        for gate, bias_init in (("i", zeros), ("f", self.forget_bias_init), ("c", zeros),
                                ("o", zeros)):
            self._gate_weights(gate, bias_init)
        self.trainable_weights = [self.W_i, self.U_i, self.b_i,
                                  self.W_c, self.U_c, self.b_c,
                                  self.W_f, self.U_f, self.b_f,
                                  self.W_o, self.U_o, self.b_o]
        self.W = K.concatenate([self.W_i, self.W_f, self.W_c, self.W_o])
        self.U = K.concatenate([self.U_i, self.U_f, self.U_c, self.U_o])
        self.b = K.concatenate([self.b_i, self.b_f, self.b_c, self.b_o])
        self._deprecated_regularizers()
        if self.initial_weights is not None:
            self.set_weights(self.initial_weights)
            del self.initial_weights
        self.built = True

    def _state_shape(self):
        input_shape = self.input_spec[0].shape
        output_shape = self.get_output_shape_for(input_shape)
        out_row, out_col, out_filter = output_shape[-3:]
        return (input_shape[0], out_row, out_col, out_filter)

    def reset_states(self):
        assert self.stateful, "Layer must be stateful."
        if not self.input_spec[0].shape[0]:
            raise ValueError("If a RNN is stateful, a complete input_shape must be provided "
                             "(including batch size).")
        shape = self._state_shape()
        if hasattr(self, "states") and self.states and self.states[0] is not None:
            for state in self.states[:2]:
                K.set_value(state, np.zeros(shape))
        else:
            self.states = [K.zeros(shape), K.zeros(shape)]

    def _image_shape(self):
        input_shape = self.input_spec[0].shape
        return (input_shape[0], input_shape[2], input_shape[3], input_shape[4])

    def conv_step(self, x, W, b=None, border_mode="valid"):
        """An input convolution (``subsample``, ``border_mode``) plus the bias."""
        conv_out = K.conv2d(x, W, strides=self.subsample, border_mode=border_mode,
                            dim_ordering=self.dim_ordering, image_shape=self._image_shape(),
                            filter_shape=self.W_shape)
        if b is not None:
            if self.dim_ordering == "th":
                conv_out = conv_out + K.reshape(b, (1, self.nb_filter, 1, 1))
            else:
                conv_out = conv_out + K.reshape(b, (1, 1, 1, self.nb_filter))
        return conv_out

    def conv_step_hidden(self, x, W, border_mode="valid"):
        """A recurrent convolution (stride 1) on the previous output."""
        input_shape = self.input_spec[0].shape
        out_row, out_col, out_filter = self.get_output_shape_for(input_shape)[-3:]
        return K.conv2d(x, W, strides=(1, 1), border_mode=border_mode,
                        dim_ordering=self.dim_ordering,
                        image_shape=(input_shape[0], out_row, out_col, out_filter),
                        filter_shape=self.W_shape1)

    def step(self, x, states):
        assert len(states) == 4
        h_tm1, c_tm1, B_U, B_W = states[0], states[1], states[2], states[3]
        x_i = self.conv_step(x * B_W[0], self.W_i, self.b_i, border_mode=self.border_mode)
        x_f = self.conv_step(x * B_W[1], self.W_f, self.b_f, border_mode=self.border_mode)
        x_c = self.conv_step(x * B_W[2], self.W_c, self.b_c, border_mode=self.border_mode)
        x_o = self.conv_step(x * B_W[3], self.W_o, self.b_o, border_mode=self.border_mode)
        h_i = self.conv_step_hidden(h_tm1 * B_U[0], self.U_i, border_mode="same")
        h_f = self.conv_step_hidden(h_tm1 * B_U[1], self.U_f, border_mode="same")
        h_c = self.conv_step_hidden(h_tm1 * B_U[2], self.U_c, border_mode="same")
        h_o = self.conv_step_hidden(h_tm1 * B_U[3], self.U_o, border_mode="same")
        return lstm_output(self, [x_i + h_i, x_f + h_f, x_c + h_c, x_o + h_o], c_tm1)

    def _ones_like_step(self, x):
        """Ones of one input step's shape (Keras 1: ``sum(zeros_like(x), axis=1) + 1``)."""
        return K.sum(K.zeros_like(x), axis=1) + 1

    @symbolic_and_numeric("x", numeric=lambda self, x: self._numeric_state_zeros(x) + 1)
    def _ones_like_output(self, x):
        """Ones of one step's output shape."""

    @_ones_like_output.symbolic
    def _symbolic_ones_like_output(self, x):
        ones = K.sum(K.zeros_like(x), axis=1)
        ones = self.conv_step(ones, K.zeros(self.W_shape), border_mode=self.border_mode)
        return ones + 1

    def get_constants(self, x):
        constants = []
        if 0 < self.dropout_U < 1:
            ones = self._ones_like_output(x)
            constants.append([K.in_train_phase(K.dropout(ones, self.dropout_U), ones)
                              for _ in range(4)])
        else:
            constants.append([K.cast_to_floatx(1.) for _ in range(4)])
        if 0 < self.dropout_W < 1:
            ones = self._ones_like_step(x)
            constants.append([K.in_train_phase(K.dropout(ones, self.dropout_W), ones)
                              for _ in range(4)])
        else:
            constants.append([K.cast_to_floatx(1.) for _ in range(4)])
        return constants

    # -- Keras 3 execution without dropout: fused gates ------------------------------------
    def _channel_axis(self):
        return 1 if self.dim_ordering == "th" else 3

    def _fused_kernels(self):
        """W, U and b of the four gates concatenated on the output channels (i, f, c, o)."""
        axis = 0 if self.dim_ordering == "th" else 3
        W = ops.concatenate([K.unwrap(getattr(self, "W_" + g)) for g in _GATES], axis=axis)
        U = ops.concatenate([K.unwrap(getattr(self, "U_" + g)) for g in _GATES], axis=axis)
        b = ops.concatenate([K.unwrap(getattr(self, "b_" + g)) for g in _GATES], axis=0)
        return W, U, b

    def _project_inputs(self, x, W, b):
        """The input convolutions of every step at once: (samples, time, out..., 4 gates)."""
        shape = ops.shape(x)
        frames = ops.reshape(x, (-1,) + tuple(shape[2:]))
        projected = K.conv2d(frames, W, strides=self.subsample, border_mode=self.border_mode,
                             dim_ordering=self.dim_ordering)
        bias_shape = [1, 1, 1, 1]
        bias_shape[self._channel_axis()] = 4 * self.nb_filter
        projected = projected + ops.reshape(b, bias_shape)
        return ops.reshape(projected, (shape[0], shape[1]) + tuple(ops.shape(projected)[1:]))

    def _fused_step(self, U):
        axis = self._channel_axis()

        def step(z_x, states):
            z = z_x + K.conv2d(states[0], U, strides=(1, 1), border_mode="same",
                               dim_ordering=self.dim_ordering)
            return lstm_output(self, ops.split(z, 4, axis=axis), states[1])

        return step

    @symbolic_and_numeric("x")
    def call(self, x, mask=None):
        """Keras 1's recurrence (:meth:`step`); in Keras 3 execution without dropout
        the four gates fused (:meth:`_fused_call`)."""

    @call.symbolic
    def _recurrent_call(self, x, mask=None):
        return super(ConvLSTM2D, self).call(x, mask)

    @call.numeric
    def _numeric_call(self, x, mask=None):
        if (0 < self.dropout_W < 1) or (0 < self.dropout_U < 1):
            return super(ConvLSTM2D, self).call(x, mask)
        return self._fused_call(x, mask)

    def _fused_call(self, x, mask):
        """The gates' input convolutions of every step at once, then one recurrent
        convolution per step for the four gates (:func:`lstm_output`)."""
        assert K.ndim(x) == 5
        W, U, b = self._fused_kernels()
        initial_states = list(self.states) if self.stateful else self.get_initial_states(x)
        last_output, outputs, states = self._run(self._fused_step(U),
                                                 self._project_inputs(x, W, b),
                                                 initial_states, mask, None)
        if self.stateful:
            self._carry_states(states, x)
        return outputs if self.return_sequences else last_output

    def get_config(self):
        config = {"nb_filter": self.nb_filter,
                  "nb_row": self.nb_row,
                  "nb_col": self.nb_col,
                  "init": self.init.__name__,
                  "inner_init": self.inner_init.__name__,
                  "forget_bias_init": self.forget_bias_init.__name__,
                  "activation": self.activation.__name__,
                  "dim_ordering": self.dim_ordering,
                  "border_mode": self.border_mode,
                  "inner_activation": self.inner_activation.__name__}
        base_config = super(ConvLSTM2D, self).get_config()
        return dict(list(base_config.items()) + list(config.items()))
