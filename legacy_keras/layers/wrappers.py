"""``keras.layers.wrappers`` (Keras 1.2.2): layers that wrap another layer.

TimeDistributed is here. Bidirectional wraps a recurrent layer and comes with the
recurrent layers (not in legacy_keras yet).
"""
import copy

from legacy_keras import backend as K
from legacy_keras.engine.registry import layer_from_config
from legacy_keras.engine.topology import InputSpec, Layer


class Wrapper(Layer):
    """Base class of TimeDistributed and Bidirectional: holds ``self.layer`` and shows
    its weights, updates, losses and constraints as the wrapper's own."""

    def __init__(self, layer, **kwargs):
        self.layer = layer
        self.uses_learning_phase = layer.uses_learning_phase
        super(Wrapper, self).__init__(**kwargs)

    def build(self, input_shape=None):
        # Keras 1.2.2 shared these objects with the wrapped layer.
        self.updates = getattr(self.layer, "updates", [])
        self.losses = getattr(self.layer, "losses", [])
        self.constraints = getattr(self.layer, "constraints", {})
        self.built = True

    @property
    def trainable_weights(self):
        return self.layer.trainable_weights if self.trainable else []

    @trainable_weights.setter
    def trainable_weights(self, weights):
        self.layer.trainable_weights = weights

    @property
    def non_trainable_weights(self):
        if self.trainable:
            return self.layer.non_trainable_weights
        return self.layer.trainable_weights + self.layer.non_trainable_weights

    @non_trainable_weights.setter
    def non_trainable_weights(self, weights):
        self.layer.non_trainable_weights = weights

    def get_weights(self):
        return self.layer.get_weights()

    def set_weights(self, weights):
        self.layer.set_weights(weights)

    def get_config(self):
        config = {"layer": {"class_name": self.layer.__class__.__name__,
                            "config": self.layer.get_config()}}
        base_config = super(Wrapper, self).get_config()
        return dict(list(base_config.items()) + list(config.items()))

    @classmethod
    def from_config(cls, config):
        config = dict(config)
        layer = layer_from_config(config.pop("layer"))
        return cls(layer, **config)


class TimeDistributed(Wrapper):
    """Applies ``layer`` to every temporal slice of a 3D+ input (axis 1 is time):
    ``TimeDistributed(Dense(8), input_shape=(10, 16))`` gives (None, 10, 8).

    The wrapped layer is built on ``(batch,) + input_shape[2:]``; its weights are the
    wrapper's. As in Keras 1.2.2: without a fixed batch size the input is reshaped to
    (batch * timesteps, ...), the layer applied, and the result reshaped back; with a
    fixed batch size (``batch_input_shape``) the layer is applied step by step with
    ``K.rnn`` (a Theano ``scan``, ``for{cpu,scan_fn}`` in the graph).
    """

    def __init__(self, layer, **kwargs):
        self.supports_masking = True
        super(TimeDistributed, self).__init__(layer, **kwargs)

    def build(self, input_shape):
        assert len(input_shape) >= 3
        self.input_spec = [InputSpec(shape=input_shape)]
        child_input_shape = (input_shape[0],) + tuple(input_shape[2:])
        if not self.layer.built:
            self.layer.build(child_input_shape)
            self.layer.built = True
        super(TimeDistributed, self).build()

    def get_output_shape_for(self, input_shape):
        child_input_shape = (input_shape[0],) + tuple(input_shape[2:])
        child_output_shape = self.layer.get_output_shape_for(child_input_shape)
        timesteps = input_shape[1]
        return (child_output_shape[0], timesteps) + tuple(child_output_shape[1:])

    def call(self, inputs, mask=None):
        if self.input_spec[0].shape[0]:  # a fixed batch size, known when built
            y = self._call_step_by_step(inputs)
        else:
            y = self._call_reshaped(inputs)
        regularizer = getattr(self.layer, "activity_regularizer", None)
        if regularizer is not None and not K.is_numeric(y):
            self.add_loss(regularizer(y), inputs)
        return y

    def _call_step_by_step(self, inputs):
        def step(x, _):
            return self.layer.call(x), []

        _, outputs, _ = K.rnn(step, inputs, initial_states=[],
                              input_length=K.int_shape(inputs)[1], unroll=False)
        return outputs

    def _call_reshaped(self, inputs):
        input_shape = K.int_shape(inputs)
        input_length = input_shape[1]
        if not input_length:
            input_length = K.shape(inputs)[1]
        # (nb_samples * timesteps, ...)
        y = self.layer.call(K.reshape(inputs, (-1,) + tuple(input_shape[2:])))
        output_shape = self.get_output_shape_for(input_shape)
        # (nb_samples, timesteps, ...)
        return K.reshape(y, (-1, input_length) + tuple(output_shape[2:]))


class Bidirectional(Wrapper):
    """Runs a recurrent layer forwards and a copy of it backwards and merges the two.

    As in Keras 1.2.2: the forward layer is a shallow copy of ``layer`` named
    ``forward_<name>``, the backward one is rebuilt from its config with ``go_backwards``
    flipped and named ``backward_<name>``; their outputs are merged by ``merge_mode``
    ('concat', 'sum', 'mul', 'ave', or None for a list of both), the backward sequence
    reversed back in time when ``return_sequences``; ``get_weights()`` lists the forward
    weights, then the backward ones.
    """

    MERGE_MODES = ("sum", "mul", "ave", "concat", None)

    def __init__(self, layer, merge_mode="concat", weights=None, **kwargs):
        if merge_mode not in self.MERGE_MODES:
            raise ValueError("Invalid merge mode. Merge mode should be one of "
                             "{\"sum\", \"mul\", \"ave\", \"concat\", None}")
        self.forward_layer = copy.copy(layer)
        config = layer.get_config()
        config["go_backwards"] = not config["go_backwards"]
        self.backward_layer = layer.__class__.from_config(config)
        self.forward_layer.name = "forward_" + self.forward_layer.name
        self.backward_layer.name = "backward_" + self.backward_layer.name
        self.merge_mode = merge_mode
        if weights:
            half = len(weights) // 2
            self.forward_layer.initial_weights = weights[:half]
            self.backward_layer.initial_weights = weights[half:]
        self.stateful = layer.stateful
        self.return_sequences = layer.return_sequences
        self.supports_masking = True
        super(Bidirectional, self).__init__(layer, **kwargs)

    def build(self, input_shape):
        self.forward_layer.build(input_shape)
        self.backward_layer.build(input_shape)
        self.built = True

    @property
    def trainable_weights(self):
        return self.forward_layer.trainable_weights + self.backward_layer.trainable_weights

    @property
    def non_trainable_weights(self):
        return (self.forward_layer.non_trainable_weights +
                self.backward_layer.non_trainable_weights)

    @property
    def updates(self):
        return (getattr(self.forward_layer, "updates", []) +
                getattr(self.backward_layer, "updates", []))

    @updates.setter
    def updates(self, value):
        pass

    @property
    def losses(self):
        return self.forward_layer.losses + self.backward_layer.losses

    @losses.setter
    def losses(self, value):
        pass

    @property
    def constraints(self):
        constraints = dict(self.forward_layer.constraints)
        constraints.update(self.backward_layer.constraints)
        return constraints

    @constraints.setter
    def constraints(self, value):
        pass

    def get_weights(self):
        return self.forward_layer.get_weights() + self.backward_layer.get_weights()

    def set_weights(self, weights):
        half = len(weights) // 2
        self.forward_layer.set_weights(weights[:half])
        self.backward_layer.set_weights(weights[half:])

    def get_output_shape_for(self, input_shape):
        shape = self.forward_layer.get_output_shape_for(input_shape)
        if self.merge_mode == "concat":
            shape = list(shape)
            shape[-1] *= 2
            return tuple(shape)
        if self.merge_mode is None:
            return [shape, shape]
        return shape

    def call(self, inputs, mask=None):
        y = self.forward_layer.call(inputs, mask)
        y_rev = self.backward_layer.call(inputs, mask)
        if self.return_sequences:
            y_rev = K.reverse(y_rev, 1)
        if self.merge_mode == "concat":
            return K.concatenate([y, y_rev])
        if self.merge_mode == "sum":
            return y + y_rev
        if self.merge_mode == "ave":
            return (y + y_rev) / 2
        if self.merge_mode == "mul":
            return y * y_rev
        return [y, y_rev]

    def compute_mask(self, input, mask):
        if not self.return_sequences:
            return None
        return [mask, mask] if not self.merge_mode else mask

    def reset_states(self):
        self.forward_layer.reset_states()
        self.backward_layer.reset_states()

    def get_config(self):
        config = {"merge_mode": self.merge_mode}
        base_config = super(Bidirectional, self).get_config()
        return dict(list(base_config.items()) + list(config.items()))
