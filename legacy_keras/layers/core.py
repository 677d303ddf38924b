"""``keras.layers.core`` (Keras 1.2.2): Dense, Activation, ..."""
from legacy_keras import activations, constraints, initializations, regularizers
from legacy_keras import backend as K
from legacy_keras.engine.topology import InputSpec, Layer


class Activation(Layer):
    """Applies an activation function (a name from ``keras.activations`` or a callable)."""

    def __init__(self, activation, **kwargs):
        self.supports_masking = True
        self.activation = activations.get(activation)
        super(Activation, self).__init__(**kwargs)

    def call(self, x, mask=None):
        return self.activation(x)

    def get_config(self):
        config = {"activation": self.activation.__name__}
        base_config = super(Activation, self).get_config()
        return dict(list(base_config.items()) + list(config.items()))


class Dense(Layer):
    """A fully connected layer: ``output = activation(dot(input, W) + b)``.

    # Arguments (Keras 1.2.2)
        output_dim, init='glorot_uniform', activation=None, weights=None,
        W_regularizer, b_regularizer, activity_regularizer, W_constraint,
        b_constraint, bias=True, input_dim=None; plus the base layer's input_shape,
        batch_input_shape, input_dtype, name, trainable.

    Weights ``W`` (input_dim, output_dim) and ``b`` (output_dim,), named
    ``<layer name>_W`` / ``_b``. Keras 3 spelling: ``Dense(units, kernel_initializer=,
    use_bias=, ...)`` with ``layer.kernel`` / ``layer.bias``.
    """

    def __init__(self, output_dim, init="glorot_uniform", activation=None, weights=None,
                 W_regularizer=None, b_regularizer=None, activity_regularizer=None,
                 W_constraint=None, b_constraint=None, bias=True, input_dim=None,
                 **kwargs):
        self.init = initializations.get(init)
        self.activation = activations.get(activation)
        self.output_dim = output_dim
        self.input_dim = input_dim
        self.W_regularizer = regularizers.get(W_regularizer)
        self.b_regularizer = regularizers.get(b_regularizer)
        self.activity_regularizer = regularizers.get(activity_regularizer)
        self.W_constraint = constraints.get(W_constraint)
        self.b_constraint = constraints.get(b_constraint)
        self.bias = bias
        self.initial_weights = weights
        self.input_spec = [InputSpec(ndim="2+")]
        if self.input_dim:
            kwargs["input_shape"] = (self.input_dim,)
        super(Dense, self).__init__(**kwargs)

    def build(self, input_shape):
        assert len(input_shape) >= 2
        input_dim = input_shape[-1]
        self.input_dim = input_dim
        self.input_spec = [InputSpec(dtype=K.floatx(), ndim="2+")]
        self.W = self.add_weight((input_dim, self.output_dim), initializer=self.init,
                                 name="{}_W".format(self.name),
                                 regularizer=self.W_regularizer,
                                 constraint=self.W_constraint)
        if self.bias:
            self.b = self.add_weight((self.output_dim,), initializer="zero",
                                     name="{}_b".format(self.name),
                                     regularizer=self.b_regularizer,
                                     constraint=self.b_constraint)
        else:
            self.b = None
        if self.initial_weights is not None:
            self.set_weights(self.initial_weights)
            del self.initial_weights
        self.built = True

    def call(self, x, mask=None):
        output = K.dot(x, self.W)
        if self.bias:
            output += self.b
        return self.activation(output)

    def get_output_shape_for(self, input_shape):
        assert input_shape and len(input_shape) >= 2
        assert input_shape[-1] and input_shape[-1] == self.input_dim
        output_shape = list(input_shape)
        output_shape[-1] = self.output_dim
        return tuple(output_shape)

    def get_config(self):
        def config_of(obj):
            return obj.get_config() if obj else None

        config = {"output_dim": self.output_dim,
                  "init": self.init.__name__,
                  "activation": self.activation.__name__,
                  "W_regularizer": config_of(self.W_regularizer),
                  "b_regularizer": config_of(self.b_regularizer),
                  "activity_regularizer": config_of(self.activity_regularizer),
                  "W_constraint": config_of(self.W_constraint),
                  "b_constraint": config_of(self.b_constraint),
                  "bias": self.bias,
                  "input_dim": self.input_dim}
        base_config = super(Dense, self).get_config()
        return dict(list(base_config.items()) + list(config.items()))
