"""``keras.layers.recurrent`` (Keras 1.2.2): Recurrent, SimpleRNN, GRU, LSTM.

Written Keras 1 style against ``K``: ``step`` is iterated by ``K.rnn`` (a PyTensor scan
symbolically; Keras 3's loop in ``predict`` / ``fit``).

Keras 1.2.2 facts kept here (each differs from Keras 3):

* ``consume_less='cpu'`` (the default) and ``'mem'`` keep one weight per gate:
  LSTM 12 arrays listed i, c, f, o (``W_i, U_i, b_i, W_c, ...``) although the fused
  ``W`` / ``U`` / ``b`` concatenate them i, f, c, o; GRU 9 arrays z, r, h. With these
  modes the ``U_*`` matrices are drawn with ``init`` (not ``inner_init``) and take the
  ``W_regularizer``. ``'gpu'`` keeps 3 fused arrays.
* The default ``inner_activation`` is Keras 1's ``hard_sigmoid``, clip(0.2x + 0.5, 0, 1).
* GRU is the ``reset_after=False`` formulation: ``hh = tanh(x_h + (r * h) . U_h)``.
* ``stateful=True`` carries the last states from one batch (and one ``predict``
  call) to the next until ``reset_states()``.
* Masked steps keep the previous output and states.
"""
import numpy as np

from legacy_keras import activations, initializations, profiles, regularizers
from legacy_keras import backend as K
from legacy_keras._k3 import ops
from legacy_keras.backend.dispatch import symbolic_and_numeric
from legacy_keras.engine.topology import InputSpec, Layer
from legacy_keras.layers._config import config_of


def _tile_columns(x, n):
    """(samples, 1) -> (samples, n)."""
    if hasattr(K, "tile"):
        return K.tile(x, [1, n])
    return K.concatenate([x] * n, axis=1)


def time_distributed_dense(x, w, b=None, dropout=None, input_dim=None, output_dim=None,
                           timesteps=None):
    """``dot(x, w) + b`` for every step of a (samples, timesteps, input_dim) tensor, with
    the same dropout mask on every step (in training)."""
    if not input_dim:
        input_dim = K.shape(x)[2]
    if not timesteps:
        timesteps = K.shape(x)[1]
    if not output_dim:
        output_dim = K.shape(w)[1]
    if dropout is not None and 0. < dropout < 1.:
        ones = K.ones_like(K.reshape(x[:, 0, :], (-1, input_dim)))
        dropout_matrix = K.dropout(ones, dropout)
        expanded_dropout_matrix = K.repeat(dropout_matrix, timesteps)
        x = K.in_train_phase(x * expanded_dropout_matrix, x)
    x = K.reshape(x, (-1, input_dim))
    x = K.dot(x, w)
    if b is not None:
        x = x + b
    return K.reshape(x, (-1, timesteps, output_dim))


def _dropout_masks(x, level, width, count):
    """``count`` dropout masks of shape (samples, width) in training (ones in test), or
    ``count`` scalar ones when there is no dropout (Keras 1's constants)."""
    if 0 < level < 1:
        ones = K.ones_like(K.reshape(x[:, 0, 0], (-1, 1)))
        ones = _tile_columns(ones, int(width))
        masks = [K.in_train_phase(K.dropout(ones, level), ones) for _ in range(count)]
    else:
        masks = [K.cast_to_floatx(1.) for _ in range(count)]
    return masks


@symbolic_and_numeric("x", symbolic=lambda weight, x: weight,
                      numeric=lambda weight, x: K.unwrap(weight))
def _sliceable(weight, x):
    """``weight`` ready to slice in a step on ``x``: the shared variable in the graph,
    its Keras 3 variable in Keras 3 execution."""


def lstm_output(layer, z, c_tm1):
    """One LSTM step from the gates' pre-activations ``z`` = (i, f, c, o): returns
    ``(h, [h, c])`` with ``c = f * c_tm1 + i * activation(z_c)`` and ``h = o *
    activation(c)``, the gates through ``layer.inner_activation`` (Keras 1.2.2's LSTM and
    ConvLSTM2D, in the graph and in every Keras 3 path)."""
    z_i, z_f, z_c, z_o = z
    i = layer.inner_activation(z_i)
    f = layer.inner_activation(z_f)
    c = f * c_tm1 + i * layer.activation(z_c)
    o = layer.inner_activation(z_o)
    h = o * layer.activation(c)
    return h, [h, c]


class Recurrent(Layer):
    """Abstract base of the recurrent layers.

    # Arguments (Keras 1.2.2)
        weights, return_sequences=False, go_backwards=False, stateful=False,
        unroll=False, consume_less='cpu' ('mem', 'gpu'), input_dim, input_length.
    """

    def __init__(self, weights=None, return_sequences=False, go_backwards=False,
                 stateful=False, unroll=False, consume_less="cpu", input_dim=None,
                 input_length=None, **kwargs):
        self.return_sequences = return_sequences
        self.initial_weights = weights
        self.go_backwards = go_backwards
        self.stateful = stateful
        self.unroll = unroll
        self.consume_less = consume_less
        self.supports_masking = True
        self.input_spec = [InputSpec(ndim=3)]
        self.input_dim = input_dim
        self.input_length = input_length
        if self.input_dim:
            kwargs["input_shape"] = (self.input_length, self.input_dim)
        super(Recurrent, self).__init__(**kwargs)

    def get_output_shape_for(self, input_shape):
        if self.return_sequences:
            return (input_shape[0], input_shape[1], self.output_dim)
        return (input_shape[0], self.output_dim)

    def compute_mask(self, input, mask):
        return mask if self.return_sequences else None

    def step(self, x, states):
        raise NotImplementedError

    def get_constants(self, x):
        return []

    @symbolic_and_numeric("x")
    def get_initial_states(self, x):
        """Zeros of shape (samples, output_dim), one per state, built from ``x`` as
        Keras 1.2.2 did (so the batch size may be symbolic); in Keras 3 execution
        directly."""

    @get_initial_states.numeric
    def _numeric_initial_states(self, x):
        zeros = ops.zeros((ops.shape(x)[0], self.output_dim), dtype=x.dtype)
        return [zeros for _ in range(len(self.states))]

    @get_initial_states.symbolic
    def _symbolic_initial_states(self, x):
        initial_state = K.zeros_like(x)
        initial_state = K.sum(initial_state, axis=(1, 2))
        initial_state = K.expand_dims(initial_state)
        initial_state = _tile_columns(initial_state, self.output_dim)
        return [initial_state for _ in range(len(self.states))]

    def preprocess_input(self, x):
        return x

    def _check_unroll(self, input_shape):
        if self.unroll and input_shape[1] is None:
            raise ValueError(
                "Cannot unroll a RNN if the time dimension is undefined. \n- If using a "
                "Sequential model, specify the time dimension by passing an `input_shape` "
                "or `batch_input_shape` argument to your first layer. If your first layer "
                "is an Embedding, you can also use the `input_length` argument.\n- If using "
                "the functional API, specify the time dimension by passing a `shape` or "
                "`batch_shape` argument to your Input layer.")

    def call(self, x, mask=None):
        input_shape = K.int_shape(x)
        self._check_unroll(input_shape)
        initial_states = list(self.states) if self.stateful else self.get_initial_states(x)
        constants = self.get_constants(x)
        preprocessed_input = self.preprocess_input(x)
        last_output, outputs, states = K.rnn(self.step, preprocessed_input, initial_states,
                                             go_backwards=self.go_backwards, mask=mask,
                                             constants=constants, unroll=self.unroll,
                                             input_length=input_shape[1],
                                             all_outputs=self.return_sequences)
        if self.stateful:
            self._carry_states(states, x)
        return outputs if self.return_sequences else last_output

    @symbolic_and_numeric(context_only=True)
    def _carry_states(self, states, x):
        """Symbolically Keras 1's state updates (``layer.updates``); in Keras 3
        execution (predict, fit) the new states are assigned at once, so the next batch
        or the next ``predict`` call starts from them."""

    @_carry_states.numeric
    def _assign_states(self, states, x):
        for state, value in zip(self.states, states):
            K.unwrap(state).assign(value)

    @_carry_states.symbolic
    def _add_state_updates(self, states, x):
        self.add_update([(self.states[i], states[i]) for i in range(len(states))], x)

    def _reset_state_values(self, count):
        if not self.stateful:
            raise AssertionError("Layer must be stateful.")
        input_shape = self.input_spec[0].shape
        if not input_shape[0]:
            raise ValueError(
                "If a RNN is stateful, a complete input_shape must be provided (including "
                "batch size).")
        shape = (input_shape[0], self.output_dim)
        if hasattr(self, "states") and self.states and self.states[0] is not None:
            for state in self.states:
                K.set_value(state, np.zeros(shape))
        else:
            self.states = [K.zeros(shape) for _ in range(count)]

    def get_config(self):
        config = {"return_sequences": self.return_sequences,
                  "go_backwards": self.go_backwards,
                  "stateful": self.stateful,
                  "unroll": self.unroll,
                  "consume_less": self.consume_less}
        if self.stateful and self.input_spec[0].shape:
            config["batch_input_shape"] = self.input_spec[0].shape
        else:
            config["input_dim"] = self.input_dim
            config["input_length"] = self.input_length
        base_config = super(Recurrent, self).get_config()
        return dict(list(base_config.items()) + list(config.items()))


class _GatedRecurrent(Recurrent):
    """Shared argument handling of SimpleRNN, GRU and LSTM."""

    def _recurrent_args(self, output_dim, init, inner_init, activation, W_regularizer,
                        U_regularizer, b_regularizer, dropout_W, dropout_U):
        self.output_dim = output_dim
        self.init = initializations.get(init)
        self.inner_init = initializations.get(inner_init)
        self.activation = activations.get(activation)
        self.W_regularizer = regularizers.get(W_regularizer)
        self.U_regularizer = regularizers.get(U_regularizer)
        self.b_regularizer = regularizers.get(b_regularizer)
        self.dropout_W = dropout_W
        self.dropout_U = dropout_U
        if self.dropout_W or self.dropout_U:
            self.uses_learning_phase = True

    def _gate_weights(self, gates):
        """One (W, U, b) per gate (consume_less cpu / mem), in ``gates`` order; U drawn
        with ``init`` and regularized by ``W_regularizer``, as Keras 1.2.2 did (up to
        1.1.2, profile switch ``recurrent_gate_u``: ``inner_init`` and
        ``U_regularizer``)."""
        u_init, u_regularizer = self.init, self.W_regularizer
        if profiles.switch("recurrent_gate_u") == "inner_init":
            u_init, u_regularizer = self.inner_init, self.U_regularizer
        for gate, bias_init in gates:
            setattr(self, "W_" + gate, self.add_weight(
                (self.input_dim, self.output_dim), initializer=self.init,
                name="{}_W_{}".format(self.name, gate), regularizer=self.W_regularizer))
            setattr(self, "U_" + gate, self.add_weight(
                (self.output_dim, self.output_dim), initializer=u_init,
                name="{}_U_{}".format(self.name, gate), regularizer=u_regularizer))
            setattr(self, "b_" + gate, self.add_weight(
                (self.output_dim,), initializer=bias_init,
                name="{}_b_{}".format(self.name, gate), regularizer=self.b_regularizer))

    def _fused_weights(self, n_gates, bias_initializer="zero"):
        self.W = self.add_weight((self.input_dim, n_gates * self.output_dim),
                                 initializer=self.init, name="{}_W".format(self.name),
                                 regularizer=self.W_regularizer)
        self.U = self.add_weight((self.output_dim, n_gates * self.output_dim),
                                 initializer=self.inner_init, name="{}_U".format(self.name),
                                 regularizer=self.U_regularizer)
        self.b = self.add_weight((n_gates * self.output_dim,), initializer=bias_initializer,
                                 name="{}_b".format(self.name),
                                 regularizer=self.b_regularizer)

    def _finish_build(self):
        if self.initial_weights is not None:
            self.set_weights(self.initial_weights)
            del self.initial_weights
        self.built = True

    def _start_build(self, input_shape, n_states):
        self.input_spec = [InputSpec(shape=input_shape)]
        self.input_dim = input_shape[2]
        if self.stateful:
            self.reset_states()
        else:
            self.states = [None] * n_states

    def _recurrent_config(self):
        return {"output_dim": self.output_dim,
                "init": self.init.__name__,
                "inner_init": self.inner_init.__name__,
                "activation": self.activation.__name__,
                "W_regularizer": config_of(self.W_regularizer),
                "U_regularizer": config_of(self.U_regularizer),
                "b_regularizer": config_of(self.b_regularizer),
                "dropout_W": self.dropout_W,
                "dropout_U": self.dropout_U}

    def _split(self, x, n, open_end=True):
        """``n`` column blocks of width output_dim; as Keras 1 wrote the slices, the last
        one open-ended (``x[:, 3 * d:]``) unless ``open_end=False``."""
        d = self.output_dim
        blocks = [x[:, :d]] + [x[:, i * d:(i + 1) * d] for i in range(1, n - 1)]
        return blocks + [x[:, (n - 1) * d:] if open_end else x[:, (n - 1) * d:n * d]]


class SimpleRNN(_GatedRecurrent):
    """Fully connected RNN: ``h = activation(x . W + b + h_prev . U)``.

    Weights ``W`` (input_dim, output_dim), ``U`` (output_dim, output_dim), ``b``.
    """

    def __init__(self, output_dim, init="glorot_uniform", inner_init="orthogonal",
                 activation="tanh", W_regularizer=None, U_regularizer=None,
                 b_regularizer=None, dropout_W=0., dropout_U=0., **kwargs):
        self._recurrent_args(output_dim, init, inner_init, activation, W_regularizer,
                             U_regularizer, b_regularizer, dropout_W, dropout_U)
        super(SimpleRNN, self).__init__(**kwargs)

    def build(self, input_shape):
        self._start_build(input_shape, 1)
        self.W = self.add_weight((self.input_dim, self.output_dim), initializer=self.init,
                                 name="{}_W".format(self.name), regularizer=self.W_regularizer)
        self.U = self.add_weight((self.output_dim, self.output_dim),
                                 initializer=self.inner_init, name="{}_U".format(self.name),
                                 regularizer=self.U_regularizer)
        self.b = self.add_weight((self.output_dim,), initializer="zero",
                                 name="{}_b".format(self.name), regularizer=self.b_regularizer)
        self._finish_build()

    def reset_states(self):
        self._reset_state_values(1)

    def preprocess_input(self, x):
        if self.consume_less == "cpu":
            input_shape = K.int_shape(x)
            return time_distributed_dense(x, self.W, self.b, self.dropout_W, input_shape[2],
                                          self.output_dim, input_shape[1])
        return x

    def step(self, x, states):
        prev_output, B_U, B_W = states[0], states[1], states[2]
        if self.consume_less == "cpu":
            h = x
        else:
            h = K.dot(x * B_W, self.W) + self.b
        output = self.activation(h + K.dot(prev_output * B_U, self.U))
        return output, [output]

    def get_constants(self, x):
        B_U = _dropout_masks(x, self.dropout_U, self.output_dim, 1)[0]
        width = K.int_shape(x)[-1]
        level = self.dropout_W if self.consume_less == "cpu" else 0
        B_W = _dropout_masks(x, level, width, 1)[0]
        return [B_U, B_W]

    def get_config(self):
        config = self._recurrent_config()
        base_config = super(SimpleRNN, self).get_config()
        return dict(list(base_config.items()) + list(config.items()))


class GRU(_GatedRecurrent):
    """Gated Recurrent Unit (Keras 1.2.2; Keras 3's ``GRU(reset_after=False)``):

        z = inner_activation(x . W_z + b_z + h . U_z)
        r = inner_activation(x . W_r + b_r + h . U_r)
        hh = activation(x . W_h + b_h + (r * h) . U_h)
        h' = z * h + (1 - z) * hh
    """

    def __init__(self, output_dim, init="glorot_uniform", inner_init="orthogonal",
                 activation="tanh", inner_activation="hard_sigmoid", W_regularizer=None,
                 U_regularizer=None, b_regularizer=None, dropout_W=0., dropout_U=0.,
                 **kwargs):
        self._recurrent_args(output_dim, init, inner_init, activation, W_regularizer,
                             U_regularizer, b_regularizer, dropout_W, dropout_U)
        self.inner_activation = activations.get(inner_activation)
        super(GRU, self).__init__(**kwargs)

    def build(self, input_shape):
        self._start_build(input_shape, 1)
        if self.consume_less == "gpu":
            self._fused_weights(3)
        else:
            self._gate_weights([("z", "zero"), ("r", "zero"), ("h", "zero")])
            self.W = K.concatenate([self.W_z, self.W_r, self.W_h])
            self.U = K.concatenate([self.U_z, self.U_r, self.U_h])
            self.b = K.concatenate([self.b_z, self.b_r, self.b_h])
        self._finish_build()

    def reset_states(self):
        self._reset_state_values(1)

    def preprocess_input(self, x):
        if self.consume_less == "cpu":
            input_shape = K.int_shape(x)
            parts = [time_distributed_dense(x, getattr(self, "W_" + g), getattr(self, "b_" + g),
                                            self.dropout_W, input_shape[2], self.output_dim,
                                            input_shape[1]) for g in "zrh"]
            return K.concatenate(parts, axis=2)
        return x

    def step(self, x, states):
        h_tm1, B_U, B_W = states[0], states[1], states[2]
        d = self.output_dim
        if self.consume_less == "gpu":
            matrix_x = K.dot(x * B_W[0], self.W) + self.b
            U = _sliceable(self.U, x)
            matrix_inner = K.dot(h_tm1 * B_U[0], U[:, :2 * d])
            x_z, x_r, x_h = self._split(matrix_x, 3)
            inner_z, inner_r = self._split(matrix_inner, 2, open_end=False)
            z = self.inner_activation(x_z + inner_z)
            r = self.inner_activation(x_r + inner_r)
            hh = self.activation(x_h + K.dot(r * h_tm1 * B_U[0], U[:, 2 * d:]))
        else:
            if self.consume_less == "cpu":
                x_z, x_r, x_h = self._split(x, 3)
            elif self.consume_less == "mem":
                x_z = K.dot(x * B_W[0], self.W_z) + self.b_z
                x_r = K.dot(x * B_W[1], self.W_r) + self.b_r
                x_h = K.dot(x * B_W[2], self.W_h) + self.b_h
            else:
                raise ValueError("Unknown `consume_less` mode.")
            z = self.inner_activation(x_z + K.dot(h_tm1 * B_U[0], self.U_z))
            r = self.inner_activation(x_r + K.dot(h_tm1 * B_U[1], self.U_r))
            hh = self.activation(x_h + K.dot(r * h_tm1 * B_U[2], self.U_h))
        h = z * h_tm1 + (1 - z) * hh
        return h, [h]

    def get_constants(self, x):
        return [_dropout_masks(x, self.dropout_U, self.output_dim, 3),
                _dropout_masks(x, self.dropout_W, K.int_shape(x)[-1], 3)]

    def get_config(self):
        config = self._recurrent_config()
        config["inner_activation"] = self.inner_activation.__name__
        base_config = super(GRU, self).get_config()
        return dict(list(base_config.items()) + list(config.items()))


class LSTM(_GatedRecurrent):
    """Long Short-Term Memory (Keras 1.2.2):

        i = inner_activation(x . W_i + b_i + h . U_i)
        f = inner_activation(x . W_f + b_f + h . U_f)
        c' = f * c + i * activation(x . W_c + b_c + h . U_c)
        o = inner_activation(x . W_o + b_o + h . U_o)
        h' = o * activation(c')

    ``forget_bias_init='one'``. Weights (consume_less cpu / mem): 12 arrays in the
    order W_i, U_i, b_i, W_c, U_c, b_c, W_f, U_f, b_f, W_o, U_o, b_o; 'gpu': W, U, b
    with the gates fused i, f, c, o.
    """

    def __init__(self, output_dim, init="glorot_uniform", inner_init="orthogonal",
                 forget_bias_init="one", activation="tanh", inner_activation="hard_sigmoid",
                 W_regularizer=None, U_regularizer=None, b_regularizer=None, dropout_W=0.,
                 dropout_U=0., **kwargs):
        self._recurrent_args(output_dim, init, inner_init, activation, W_regularizer,
                             U_regularizer, b_regularizer, dropout_W, dropout_U)
        self.forget_bias_init = initializations.get(forget_bias_init)
        self.inner_activation = activations.get(inner_activation)
        super(LSTM, self).__init__(**kwargs)

    def build(self, input_shape):
        self._start_build(input_shape, 2)
        if self.consume_less == "gpu":
            d = self.output_dim

            def fused_bias(shape, name=None):
                forget = K.get_value(self.forget_bias_init((d,)))
                return K.variable(np.hstack((np.zeros(d), forget, np.zeros(d), np.zeros(d))),
                                  name=name)

            self._fused_weights(4, fused_bias)
        else:
            self._gate_weights([("i", "zero"), ("f", self.forget_bias_init), ("c", "zero"),
                                ("o", "zero")])
            self.trainable_weights = [self.W_i, self.U_i, self.b_i,
                                      self.W_c, self.U_c, self.b_c,
                                      self.W_f, self.U_f, self.b_f,
                                      self.W_o, self.U_o, self.b_o]
            self.W = K.concatenate([self.W_i, self.W_f, self.W_c, self.W_o])
            self.U = K.concatenate([self.U_i, self.U_f, self.U_c, self.U_o])
            self.b = K.concatenate([self.b_i, self.b_f, self.b_c, self.b_o])
        self._finish_build()

    def reset_states(self):
        self._reset_state_values(2)

    @symbolic_and_numeric("x")
    def call(self, x, mask=None):
        """Keras 1's recurrence (:meth:`Recurrent.call` with :meth:`step`). In Keras 3
        execution without dropout, consume_less 'cpu' / 'mem' run fused
        (:meth:`_fused_call`)."""

    @call.symbolic
    def _recurrent_call(self, x, mask=None):
        return super(LSTM, self).call(x, mask)

    @call.numeric
    def _numeric_call(self, x, mask=None):
        fused = (self.consume_less in ("cpu", "mem") and not (0 < self.dropout_W < 1) and
                 not (0 < self.dropout_U < 1))
        return self._fused_call(x, mask) if fused else super(LSTM, self).call(x, mask)

    def _fused_call(self, x, mask):
        """The per-gate weights of consume_less 'cpu' / 'mem' fused as 'gpu' keeps them
        (gates i, f, c, o): the same arithmetic (:func:`lstm_output`) with one matrix
        product per step instead of four (the speed of Keras 3's LSTM)."""
        gates = "ifco"
        W = ops.concatenate([K.unwrap(getattr(self, "W_" + g)) for g in gates], axis=1)
        U = ops.concatenate([K.unwrap(getattr(self, "U_" + g)) for g in gates], axis=1)
        b = ops.concatenate([K.unwrap(getattr(self, "b_" + g)) for g in gates], axis=0)
        self._check_unroll(K.int_shape(x))
        initial_states = list(self.states) if self.stateful else self.get_initial_states(x)

        def step(x_t, states):
            # The input's product is taken step by step, as Keras 3's LSTM does: on the
            # CPU that beats one product over all steps followed by a 4x larger loop input.
            z = ops.add(ops.matmul(x_t, W) + ops.matmul(states[0], U), b)  # a fusable BiasAdd
            return lstm_output(self, ops.split(z, 4, axis=-1), states[1])

        last_output, outputs, states = K.rnn(step, x, initial_states,
                                             go_backwards=self.go_backwards, mask=mask,
                                             unroll=self.unroll,
                                             input_length=K.int_shape(x)[1],
                                             all_outputs=self.return_sequences)
        if self.stateful:
            self._carry_states(states, x)
        return outputs if self.return_sequences else last_output

    def preprocess_input(self, x):
        if self.consume_less == "cpu":
            dropout = self.dropout_W if 0 < self.dropout_W < 1 else 0
            input_shape = K.int_shape(x)
            parts = [time_distributed_dense(x, getattr(self, "W_" + g), getattr(self, "b_" + g),
                                            dropout, input_shape[2], self.output_dim,
                                            input_shape[1]) for g in "ifco"]
            return K.concatenate(parts, axis=2)
        return x

    def step(self, x, states):
        h_tm1, c_tm1, B_U, B_W = states[0], states[1], states[2], states[3]
        if self.consume_less == "gpu":
            z = K.dot(x * B_W[0], self.W) + K.dot(h_tm1 * B_U[0], self.U) + self.b
            return lstm_output(self, self._split(z, 4), c_tm1)
        if self.consume_less == "cpu":
            x_i, x_f, x_c, x_o = self._split(x, 4)
        elif self.consume_less == "mem":
            x_i = K.dot(x * B_W[0], self.W_i) + self.b_i
            x_f = K.dot(x * B_W[1], self.W_f) + self.b_f
            x_c = K.dot(x * B_W[2], self.W_c) + self.b_c
            x_o = K.dot(x * B_W[3], self.W_o) + self.b_o
        else:
            raise ValueError("Unknown `consume_less` mode.")
        return lstm_output(self, [x_i + K.dot(h_tm1 * B_U[0], self.U_i),
                                  x_f + K.dot(h_tm1 * B_U[1], self.U_f),
                                  x_c + K.dot(h_tm1 * B_U[2], self.U_c),
                                  x_o + K.dot(h_tm1 * B_U[3], self.U_o)], c_tm1)

    def get_constants(self, x):
        return [_dropout_masks(x, self.dropout_U, self.output_dim, 4),
                _dropout_masks(x, self.dropout_W, K.int_shape(x)[-1], 4)]

    def get_config(self):
        config = self._recurrent_config()
        config["forget_bias_init"] = self.forget_bias_init.__name__
        config["inner_activation"] = self.inner_activation.__name__
        base_config = super(LSTM, self).get_config()
        return dict(list(base_config.items()) + list(config.items()))
