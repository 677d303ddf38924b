"""``keras.layers.core`` (Keras 1.2.2): Dense, Activation, Dropout, SpatialDropout1D/2D/3D,
Flatten, Reshape, Permute, RepeatVector, Lambda, ActivityRegularization, Masking,
Highway, MaxoutDense, TimeDistributedDense (and Merge, from the engine, as in Keras 1).

Each layer is written once against ``K`` and runs both symbolically (PyTensor graphs
printing as Theano 1.0.5's) and inside Keras 3 execution.
"""
import inspect
import types as python_types
import warnings

import numpy as np

from legacy_keras import activations, constraints, initializations, profiles, regularizers
from legacy_keras import backend as K
from legacy_keras._k3 import ops
from legacy_keras.backend.dispatch import symbolic_and_numeric
from legacy_keras.engine.topology import InputSpec, Layer, Merge  # noqa: F401
from legacy_keras.utils.generic_utils import get_from_module
from legacy_keras.utils.generic_utils import func_dump, func_load  # Keras 1.2.2 re-exports them
from legacy_keras.layers._config import config_of, dim_ordering_of, merged_config


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


@symbolic_and_numeric("x", "b", symbolic=lambda x, b: x + b, numeric=ops.add)
def plus_bias(x, b):
    """``x + b`` for a bias vector ``b`` over the last axis of ``x``. The graph is Keras
    1's ``x + b``; in Keras 3 execution the sum goes through ``keras.ops.add``, which
    TensorFlow builds as a ``BiasAdd`` that it fuses with the matrix product or
    convolution before it (the same sum, computed faster)."""


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
            output = plus_bias(output, self.b)
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


class Masking(Layer):
    """Masks timesteps whose features all equal ``mask_value``.

    Output: the input with masked timesteps set to 0; mask: ``any(x != mask_value,
    axis=-1)`` (Theano's ``Any{2}``), passed on to the following layers.
    """

    def __init__(self, mask_value=0., **kwargs):
        self.supports_masking = True
        self.mask_value = mask_value
        super(Masking, self).__init__(**kwargs)

    def compute_mask(self, x, input_mask=None):
        return K.any(K.not_equal(x, self.mask_value), axis=-1)

    def call(self, x, mask=None):
        kept = K.any(K.not_equal(x, self.mask_value), axis=-1, keepdims=True)
        return x * K.cast(kept, K.floatx())

    def get_config(self):
        return merged_config(self, Masking, {"mask_value": self.mask_value})


class Dropout(Layer):
    """Sets a fraction ``p`` of the inputs to 0 in training (and scales the rest by
    1 / (1 - p)); the identity in test.

    Keras 1 on Theano drew the mask from an MRG random stream (``mrg_uniform``) inside
    an ``ifelse`` on the learning phase; legacy_keras builds a graph that prints the
    same, and in Keras 3 execution uses ``keras.random`` (different random numbers, the
    same distribution).
    """

    def __init__(self, p, noise_shape=None, seed=None, **kwargs):
        self.p = p
        self.noise_shape = noise_shape
        self.seed = seed
        if 0. < self.p < 1.:
            self.uses_learning_phase = True
        self.supports_masking = True
        super(Dropout, self).__init__(**kwargs)

    def _get_noise_shape(self, x):
        return self.noise_shape

    def call(self, x, mask=None):
        if not 0. < self.p < 1.:
            return x
        noise_shape = self._get_noise_shape(x)

        def dropped_inputs():
            return K.dropout(x, self.p, noise_shape, seed=self.seed)

        return K.in_train_phase(dropped_inputs, lambda: x)

    def get_config(self):
        return merged_config(self, Dropout, {"p": self.p})


def _check_dim_ordering(dim_ordering):
    return dim_ordering_of(dim_ordering, AssertionError("dim_ordering must be in {tf, th}"))


class SpatialDropout1D(Dropout):
    """Dropout of whole channels of a (samples, timesteps, channels) input."""

    def __init__(self, p, **kwargs):
        super(SpatialDropout1D, self).__init__(p, **kwargs)

    def _get_noise_shape(self, x):
        shape = K.shape(x)
        return (shape[0], 1, shape[2])


class SpatialDropout2D(Dropout):
    """Dropout of whole feature maps; ``dim_ordering`` 'th' (samples, channels, rows,
    cols) or 'tf' (samples, rows, cols, channels). As in Keras 1.2.2, ``dim_ordering``
    is not part of ``get_config()``."""

    def __init__(self, p, dim_ordering="default", **kwargs):
        self.dim_ordering = _check_dim_ordering(dim_ordering)
        super(SpatialDropout2D, self).__init__(p, **kwargs)

    def _get_noise_shape(self, x):
        shape = K.shape(x)
        if self.dim_ordering == "th":
            return (shape[0], shape[1], 1, 1)
        return (shape[0], 1, 1, shape[3])


class SpatialDropout3D(Dropout):
    """Dropout of whole 3-D feature maps (see SpatialDropout2D)."""

    def __init__(self, p, dim_ordering="default", **kwargs):
        self.dim_ordering = _check_dim_ordering(dim_ordering)
        super(SpatialDropout3D, self).__init__(p, **kwargs)

    def _get_noise_shape(self, x):
        shape = K.shape(x)
        if self.dim_ordering == "th":
            return (shape[0], shape[1], 1, 1, 1)
        return (shape[0], 1, 1, 1, shape[4])


class Reshape(Layer):
    """Reshapes to ``(batch,) + target_shape``; one entry may be -1 (inferred)."""

    def __init__(self, target_shape, **kwargs):
        super(Reshape, self).__init__(**kwargs)
        self.target_shape = tuple(target_shape)

    def _fix_unknown_dimension(self, input_shape, output_shape):
        message = "total size of new array must be unchanged"
        output_shape = list(output_shape)
        known, unknown = 1, None
        for index, dim in enumerate(output_shape):
            if dim < 0:
                if unknown is not None:
                    raise ValueError("Can only specify one unknown dimension.")
                unknown = index
            else:
                known *= dim
        original = np.prod(input_shape, dtype=int)
        if unknown is not None:
            if known == 0 or original % known != 0:
                raise ValueError(message)
            output_shape[unknown] = int(original // known)
        elif original != known:
            raise ValueError(message)
        return tuple(output_shape)

    def get_output_shape_for(self, input_shape):
        return (input_shape[0],) + self._fix_unknown_dimension(input_shape[1:],
                                                               self.target_shape)

    def call(self, x, mask=None):
        target_shape = self.target_shape
        if -1 in target_shape:
            input_shape = getattr(x, "_keras_shape", None)
            if input_shape is None and K.is_numeric(x):
                input_shape = K.int_shape(x)
            if input_shape is not None:
                target_shape = self.get_output_shape_for(input_shape)[1:]
        return K.reshape(x, (-1,) + tuple(int(d) for d in target_shape))

    def get_config(self):
        return merged_config(self, Reshape, {"target_shape": self.target_shape})


class Permute(Layer):
    """Permutes the non-batch axes: ``dims`` are 1-based (``(2, 1)`` swaps them)."""

    def __init__(self, dims, **kwargs):
        self.dims = tuple(dims)
        super(Permute, self).__init__(**kwargs)

    def get_output_shape_for(self, input_shape):
        input_shape = list(input_shape)
        output_shape = list(input_shape)
        for i, dim in enumerate(self.dims):
            output_shape[i + 1] = input_shape[dim]
        return tuple(output_shape)

    def call(self, x, mask=None):
        return K.permute_dimensions(x, (0,) + self.dims)

    def get_config(self):
        return merged_config(self, Permute, {"dims": self.dims})


class Flatten(Layer):
    """Flattens everything but the batch axis; the input shape must be fully known.

    Keras 1.2.2's flattened size was a NumPy integer (from ``np.prod``); legacy_keras
    gives a Python int, which prints the same under NumPy 2 (``(None, 18)``, not
    ``(None, np.int64(18))``) and serializes to JSON."""

    def __init__(self, **kwargs):
        self.input_spec = [InputSpec(ndim="3+")]
        super(Flatten, self).__init__(**kwargs)

    def get_output_shape_for(self, input_shape):
        if not all(input_shape[1:]):
            raise ValueError("The shape of the input to \"Flatten\" is not fully defined "
                             "(got " + str(input_shape[1:]) + ". Make sure to pass a "
                             "complete \"input_shape\" or \"batch_input_shape\" argument "
                             "to the first layer in your model.")
        return (input_shape[0], int(np.prod(input_shape[1:])))

    def call(self, x, mask=None):
        return K.batch_flatten(x)


class RepeatVector(Layer):
    """(samples, features) -> (samples, n, features)."""

    def __init__(self, n, **kwargs):
        self.n = n
        self.input_spec = [InputSpec(ndim=2)]
        super(RepeatVector, self).__init__(**kwargs)

    def get_output_shape_for(self, input_shape):
        return (input_shape[0], self.n, input_shape[1])

    def call(self, x, mask=None):
        return K.repeat(x, self.n)

    def get_config(self):
        return merged_config(self, RepeatVector, {"n": self.n})


def _takes_mask(function):
    try:
        return "mask" in inspect.getfullargspec(function).args
    except TypeError:
        return False


def _callable_entry(value):
    """(value, type) as Keras 1.2.2 put a function in a config: the marshalled code of
    a lambda (every Python function is a LambdaType, so Keras 1 always said 'lambda'),
    the name of another callable, or the raw value."""
    if isinstance(value, python_types.LambdaType):
        return func_dump(value), "lambda"
    if callable(value):
        return value.__name__, "function"
    return value, "raw"


class Lambda(Layer):
    """Wraps ``function(x, **arguments)`` as a layer.

    ``output_shape``: a tuple (without the batch axis), a function of the input shape,
    or None (then, on the Theano backend, the input shape, with a warning). A function
    taking ``mask`` receives the input mask (and, as in Keras 1, ``arguments`` keeps
    it). Keras 1 always wrote ``function_type`` 'lambda' for Python functions, since
    ``types.LambdaType`` is ``types.FunctionType``.
    """

    def __init__(self, function, output_shape=None, arguments=None, **kwargs):
        self.function = function
        self.arguments = arguments if arguments else {}
        self.supports_masking = False
        if output_shape is None or callable(output_shape):
            self._output_shape = output_shape
        elif isinstance(output_shape, (tuple, list)):
            self._output_shape = tuple(output_shape)
        else:
            raise TypeError("In Lambda, `output_shape` must be a list, a tuple, or a "
                            "function.")
        super(Lambda, self).__init__(**kwargs)

    def get_output_shape_for(self, input_shape):
        if self._output_shape is None:
            warnings.warn("`output_shape` argument not specified for layer {} and cannot "
                          "be automatically inferred with the Theano backend. Defaulting "
                          "to output shape `{}` (same as input shape). If the expected "
                          "output shape is different, specify it via the `output_shape` "
                          "argument.".format(self.name, input_shape))
            return input_shape
        if isinstance(self._output_shape, tuple):
            if isinstance(input_shape, list):
                nb_samples = input_shape[0][0]
            else:
                nb_samples = input_shape[0] if input_shape else None
            return (nb_samples,) + self._output_shape
        shape = self._output_shape(input_shape)
        if not isinstance(shape, (list, tuple)):
            raise ValueError("output_shape function must return a tuple")
        return tuple(shape)

    def call(self, x, mask=None):
        arguments = self.arguments
        if _takes_mask(self.function):
            arguments["mask"] = mask
        return self.function(x, **arguments)

    def get_config(self):
        function, function_type = _callable_entry(self.function)
        output_shape, output_shape_type = _callable_entry(self._output_shape)
        config = {"function": function,
                  "function_type": function_type,
                  "output_shape": output_shape,
                  "output_shape_type": output_shape_type,
                  "arguments": self.arguments}
        return merged_config(self, Lambda, config)

    @classmethod
    def from_config(cls, config, custom_objects=None):
        config = dict(config)
        globs = dict(globals())
        if custom_objects:
            globs.update(custom_objects)
        function_type = config.pop("function_type")
        if function_type not in ("function", "lambda"):
            raise TypeError("Unknown function type:", function_type)
        config["function"] = _load_callable(config["function"], function_type, globs)
        output_shape_type = config.pop("output_shape_type")
        config["output_shape"] = _load_callable(config["output_shape"], output_shape_type,
                                                globs)
        return cls(**config)


def _load_callable(value, kind, globs):
    if kind == "function":
        return get_from_module(value, globs, "core")
    if kind == "lambda":
        return func_load(value, globs=globs)
    return value


class ActivityRegularization(Layer):
    """The identity, adding ``l1 * sum(|output|) + l2 * sum(output**2)`` to the losses."""

    def __init__(self, l1=0., l2=0., **kwargs):
        self.supports_masking = True
        self.l1 = l1
        self.l2 = l2
        super(ActivityRegularization, self).__init__(**kwargs)
        self.activity_regularizer = regularizers.L1L2Regularizer(l1=l1, l2=l2)
        self.regularizers = [self.activity_regularizer]

    def get_config(self):
        return merged_config(self, ActivityRegularization, {"l1": self.l1, "l2": self.l2})


class _WeightedLayer(Layer):
    """Shared argument handling of MaxoutDense, Highway and TimeDistributedDense."""

    def _set_weight_arguments(self, init, weights, W_regularizer, b_regularizer,
                              activity_regularizer, W_constraint, b_constraint, bias):
        self.init = initializations.get(init)
        self.W_regularizer = regularizers.get(W_regularizer)
        self.b_regularizer = regularizers.get(b_regularizer)
        self.activity_regularizer = regularizers.get(activity_regularizer)
        self.W_constraint = constraints.get(W_constraint)
        self.b_constraint = constraints.get(b_constraint)
        self.bias = bias
        self.initial_weights = weights

    def _weight_config(self):
        return {"init": self.init.__name__,
                "W_regularizer": config_of(self.W_regularizer),
                "b_regularizer": config_of(self.b_regularizer),
                "activity_regularizer": config_of(self.activity_regularizer),
                "W_constraint": config_of(self.W_constraint),
                "b_constraint": config_of(self.b_constraint),
                "bias": self.bias}

    def _add_W(self, shape, name="W"):
        return self.add_weight(shape, initializer=self.init,
                               name="{}_{}".format(self.name, name),
                               regularizer=self.W_regularizer,
                               constraint=self.W_constraint)

    def _add_b(self, shape):
        return self.add_weight(shape, initializer="zero", name="{}_b".format(self.name),
                               regularizer=self.b_regularizer,
                               constraint=self.b_constraint)

    def _set_initial_weights(self):
        if self.initial_weights is not None:
            self.set_weights(self.initial_weights)
            del self.initial_weights
        self.built = True


class MaxoutDense(_WeightedLayer):
    """max over ``nb_feature`` linear pieces: ``max_k(dot(x, W[k]) + b[k])``.

    Weights ``W`` (nb_feature, input_dim, output_dim), ``b`` (nb_feature, output_dim).
    """

    def __init__(self, output_dim, nb_feature=4, init="glorot_uniform", weights=None,
                 W_regularizer=None, b_regularizer=None, activity_regularizer=None,
                 W_constraint=None, b_constraint=None, bias=True, input_dim=None,
                 **kwargs):
        self.output_dim = output_dim
        self.nb_feature = nb_feature
        self._set_weight_arguments(init, weights, W_regularizer, b_regularizer,
                                   activity_regularizer, W_constraint, b_constraint, bias)
        self.input_spec = [InputSpec(ndim=2)]
        self.input_dim = input_dim
        if self.input_dim:
            kwargs["input_shape"] = (self.input_dim,)
        super(MaxoutDense, self).__init__(**kwargs)

    def build(self, input_shape):
        input_dim = input_shape[1]
        self.input_spec = [InputSpec(dtype=K.floatx(), shape=(None, input_dim))]
        self.W = self._add_W((self.nb_feature, input_dim, self.output_dim))
        self.b = self._add_b((self.nb_feature, self.output_dim)) if self.bias else None
        self._set_initial_weights()

    def get_output_shape_for(self, input_shape):
        assert input_shape and len(input_shape) == 2
        return (input_shape[0], self.output_dim)

    def call(self, x, mask=None):
        output = K.dot(x, self.W)
        if self.bias:
            output += self.b
        return K.max(output, axis=1)

    def get_config(self):
        config = self._weight_config()
        config.update({"output_dim": self.output_dim, "nb_feature": self.nb_feature,
                       "input_dim": self.input_dim})
        return merged_config(self, MaxoutDense, config)


class Highway(_WeightedLayer):
    """``t * activation(dot(x, W) + b) + (1 - t) * x`` with the transform gate
    ``t = sigmoid(dot(x, W_carry) + b_carry)``; weights W, W_carry, b, b_carry."""

    def __init__(self, init="glorot_uniform", activation=None, weights=None,
                 W_regularizer=None, b_regularizer=None, activity_regularizer=None,
                 W_constraint=None, b_constraint=None, bias=True, input_dim=None,
                 **kwargs):
        # Keras 1.0-1.1 (profile switch highway_transform_bias): b_carry starts at
        # transform_bias (default -2); 1.2 starts it at 1 and deprecated the argument.
        self.transform_bias = None
        if profiles.switch("highway_transform_bias"):
            self.transform_bias = kwargs.pop("transform_bias", -2)
        elif "transform_bias" in kwargs:
            kwargs.pop("transform_bias")
            warnings.warn("`transform_bias` argument is deprecated and will be removed "
                          "after 5/2017.")
        self.activation = activations.get(activation)
        self._set_weight_arguments(init, weights, W_regularizer, b_regularizer,
                                   activity_regularizer, W_constraint, b_constraint, bias)
        self.input_spec = [InputSpec(ndim=2)]
        self.input_dim = input_dim
        if self.input_dim:
            kwargs["input_shape"] = (self.input_dim,)
        super(Highway, self).__init__(**kwargs)

    def build(self, input_shape):
        input_dim = input_shape[1]
        self.input_spec = [InputSpec(dtype=K.floatx(), shape=(None, input_dim))]
        self.W = self._add_W((input_dim, input_dim))
        self.W_carry = self.add_weight((input_dim, input_dim), initializer=self.init,
                                       name="{}_W_carry".format(self.name))
        if self.bias:
            self.b = self._add_b((input_dim,))
            self.b_carry = self.add_weight((input_dim,), initializer=self._b_carry_init,
                                           name="{}_b_carry".format(self.name))
        else:
            self.b_carry = None
        if self.transform_bias is not None and self.bias:
            # Keras 1.0-1.1 listed the weights W, b, W_carry, b_carry
            self.trainable_weights = [self.W, self.b, self.W_carry, self.b_carry]
        self._set_initial_weights()

    def _b_carry_init(self, shape, name=None):
        if self.transform_bias is None:
            return initializations.one(shape, name=name)
        return K.variable(np.ones(shape) * self.transform_bias, name=name)

    def call(self, x, mask=None):
        y = K.dot(x, self.W_carry)
        if self.bias:
            y += self.b_carry
        transform_weight = activations.sigmoid(y)
        y = K.dot(x, self.W)
        if self.bias:
            y += self.b
        act = self.activation(y)
        act *= transform_weight
        return act + (1 - transform_weight) * x

    def get_config(self):
        config = self._weight_config()
        config.update({"activation": self.activation.__name__, "input_dim": self.input_dim})
        if self.transform_bias is not None:
            config["transform_bias"] = self.transform_bias
        return merged_config(self, Highway, config)


class TimeDistributedDense(_WeightedLayer):
    """Dense applied to every timestep of a (samples, timesteps, input_dim) input
    (deprecated in Keras 1.2.2 in favour of Dense / TimeDistributed(Dense))."""

    def __init__(self, output_dim, init="glorot_uniform", activation=None, weights=None,
                 W_regularizer=None, b_regularizer=None, activity_regularizer=None,
                 W_constraint=None, b_constraint=None, bias=True, input_dim=None,
                 input_length=None, **kwargs):
        warnings.warn("`TimeDistributedDense` is deprecated, And will be removed on May "
                      "1st, 2017. Please use a `Dense` layer instead.")
        self.output_dim = output_dim
        self.activation = activations.get(activation)
        self._set_weight_arguments(init, weights, W_regularizer, b_regularizer,
                                   activity_regularizer, W_constraint, b_constraint, bias)
        self.input_spec = [InputSpec(ndim=3)]
        self.supports_masking = True
        self.input_dim = input_dim
        self.input_length = input_length
        if self.input_dim:
            kwargs["input_shape"] = (self.input_length, self.input_dim)
        super(TimeDistributedDense, self).__init__(**kwargs)

    def build(self, input_shape):
        self.input_spec = [InputSpec(dtype=K.floatx(), shape=(None,) + tuple(input_shape[1:]))]
        self.W = self._add_W((input_shape[2], self.output_dim))
        self.b = self._add_b((self.output_dim,)) if self.bias else None
        self._set_initial_weights()

    def get_output_shape_for(self, input_shape):
        return (input_shape[0], input_shape[1], self.output_dim)

    def call(self, x, mask=None):
        input_shape = self.input_spec[0].shape
        input_length = input_shape[1] or K.int_shape(x)[1]
        if not input_length:
            raise ValueError("Layer " + self.name + " requires to know the length of its "
                             "input, but it could not be inferred automatically. Specify "
                             "it manually by passing an input_shape argument to the first "
                             "layer in your model.")
        x = K.reshape(x, (-1, input_shape[-1]))
        y = K.dot(x, self.W)
        if self.bias:
            y += self.b
        y = K.reshape(y, (-1, input_length, self.output_dim))
        return self.activation(y)

    def get_config(self):
        config = self._weight_config()
        config.update({"output_dim": self.output_dim,
                       "activation": self.activation.__name__,
                       "input_dim": self.input_dim, "input_length": self.input_length})
        return merged_config(self, TimeDistributedDense, config)
