"""``keras.layers.normalization`` (Keras 1.2.2): BatchNormalization.

How the running statistics are updated
--------------------------------------
Keras 1 kept them as non-trainable weights (``running_mean``, ``running_std``) and
listed their new values in ``layer.updates`` (pairs ``(variable, new_value)``, built in
mode 0 each time the layer is called on a tensor); Keras 1's training function applied
them after each batch. legacy_keras does the same for the symbolic (PyTensor) graph, so
``K.function(..., updates=layer.updates)`` updates them as in Keras 1.

In Keras 3 execution (``fit``, ``train_on_batch`` through the executor's replay) the
layer's ``call`` itself assigns the new values to the Keras 3 variables behind the two
weights whenever it runs with ``training=True`` (mode 0 only), exactly as Keras 3's own
BatchNormalization does. So a training step updates them once per batch, with no
help from the caller; prediction (``training=False``) never changes them.
"""
from legacy_keras import backend as K
from legacy_keras import initializations, profiles, regularizers
from legacy_keras.backend._context import in_numeric_execution, numeric_training
from legacy_keras.engine.topology import InputSpec, Layer
from legacy_keras.layers._config import config_of


def _object_list_uid(objects):
    objects = objects if isinstance(objects, list) else [objects]
    return ", ".join(str(abs(id(x))) for x in objects)


class BatchNormalization(Layer):
    """Normalizes the previous layer's activations at each batch (Ioffe and Szegedy, 2014).

    # Arguments (Keras 1.2.2)
        epsilon: small float added to the variance (Theano required >= 1e-5).
        mode: 0: feature-wise, batch statistics in training and running averages in
              test; 1: sample-wise (2D input); 2: feature-wise with batch statistics in
              both phases. Any other value is accepted by the constructor and fails when
              the layer is called (``UnboundLocalError``, as in Keras 1.2.2).
        axis: the features axis (mode 0 and 2); ``1`` for 'th' images.
        momentum: of the running averages.
        weights: ``[gamma, beta, running_mean, running_std]``.
        beta_init, gamma_init: initializations ('zero', 'one').
        gamma_regularizer, beta_regularizer.

    Weights, in this order: ``gamma``, ``beta`` (trainable), ``running_mean``,
    ``running_std`` (not trainable). Despite its name, ``running_std`` holds the running
    average of the batch *variance* (plus epsilon) in Keras 1.2.2 on Theano, and it is
    used as a variance in test mode; legacy_keras keeps that. Keras 3:
    ``BatchNormalization(axis=, momentum=, epsilon=)`` with ``moving_variance``.
    """

    def __init__(self, epsilon=None, mode=0, axis=-1, momentum=None, weights=None,
                 beta_init="zero", gamma_init="one", gamma_regularizer=None,
                 beta_regularizer=None, **kwargs):
        self.supports_masking = True
        self.beta_init = initializations.get(beta_init)
        self.gamma_init = initializations.get(gamma_init)
        # Keras 1.2.2: epsilon=1e-3, momentum=0.99; earlier releases had other defaults
        # (legacy_keras.profiles: epsilon 1e-6 up to 1.0.7, 1e-5 in 1.0.8-1.1.2;
        # momentum 0.9 up to 1.0.6)
        self.epsilon = profiles.switch("batchnorm_epsilon") if epsilon is None else epsilon
        self.mode = mode
        self.axis = axis
        self.momentum = profiles.switch("batchnorm_momentum") if momentum is None \
            else momentum
        self.gamma_regularizer = regularizers.get(gamma_regularizer)
        self.beta_regularizer = regularizers.get(beta_regularizer)
        self.initial_weights = weights
        if self.mode == 0:
            self.uses_learning_phase = True
        super(BatchNormalization, self).__init__(**kwargs)

    def build(self, input_shape):
        self.input_spec = [InputSpec(shape=input_shape)]
        shape = (input_shape[self.axis],)
        self.gamma = self.add_weight(shape, initializer=self.gamma_init,
                                     regularizer=self.gamma_regularizer,
                                     name="{}_gamma".format(self.name))
        self.beta = self.add_weight(shape, initializer=self.beta_init,
                                    regularizer=self.beta_regularizer,
                                    name="{}_beta".format(self.name))
        self.running_mean = self.add_weight(shape, initializer="zero",
                                            name="{}_running_mean".format(self.name),
                                            trainable=False)
        self.running_std = self.add_weight(shape, initializer="one",
                                           name="{}_running_std".format(self.name),
                                           trainable=False)
        if self.initial_weights is not None:
            self.set_weights(self.initial_weights)
            del self.initial_weights
        self.built = True

    # -- updates (Keras 1.2.2's Layer.add_update / get_updates_for) -----------------------
    def add_update(self, updates, inputs=None):
        """Adds ``(variable, new_value)`` pairs to ``self.updates`` (created on first
        use, as in Keras 1.2.2), remembered per input for ``get_updates_for``."""
        if updates is None:
            return
        if not hasattr(self, "updates"):
            self.updates = []
        self.updates += updates
        if not hasattr(self, "_per_input_updates"):
            self._per_input_updates = {}
        key = _object_list_uid(inputs) if inputs is not None else None
        self._per_input_updates.setdefault(key, [])
        self._per_input_updates[key] += updates

    def get_updates_for(self, inputs):
        if not hasattr(self, "_per_input_updates"):
            return []
        key = _object_list_uid(inputs) if inputs is not None else None
        return self._per_input_updates.get(key, [])

    # -- computation ---------------------------------------------------------------------
    def _reduction(self, x):
        input_shape = K.int_shape(x)
        reduction_axes = list(range(len(input_shape)))
        del reduction_axes[self.axis]
        broadcast_shape = [1] * len(input_shape)
        broadcast_shape[self.axis] = input_shape[self.axis]
        return reduction_axes, broadcast_shape

    def _running_normalized(self, x, broadcast_shape):
        """x normalized with the running statistics, all reshaped to broadcast.

        Keras 1.2.2 meant to skip the reshape when normalizing the last axis, but its
        test (a list compared with a ``range``) is always false on Python 3, so it
        always reshaped; so does legacy_keras (the graph shows the ``Reshape`` nodes).
        """
        mean, var, beta, gamma = (K.reshape(p, broadcast_shape) for p in (
            self.running_mean, self.running_std, self.beta, self.gamma))
        return K.batch_normalization(x, mean, var, beta, gamma, epsilon=self.epsilon)

    def _update_running_statistics(self, x, mean, var):
        """Symbolically: adds the two moving-average updates to ``self.updates``. In
        Keras 3 execution with ``training=True``: assigns them to the Keras 3 variables
        at once (see the module docstring); with ``training=False``: nothing."""
        if not in_numeric_execution():
            self.add_update([
                K.moving_average_update(self.running_mean, mean, self.momentum),
                K.moving_average_update(self.running_std, var, self.momentum)], x)
            return
        if not numeric_training():
            return
        for weight, batch_value in ((self.running_mean, mean), (self.running_std, var)):
            variable = K.unwrap(weight)
            variable.assign(variable * self.momentum + batch_value * (1. - self.momentum))

    def _feature_wise(self, x):
        if profiles.switch("batchnorm_running_std") == "std":
            return self._feature_wise_std(x)
        reduction_axes, broadcast_shape = self._reduction(x)
        x_normed, mean, var = K.normalize_batch_in_training(
            x, self.gamma, self.beta, reduction_axes, epsilon=self.epsilon)
        if self.mode != 0:
            return x_normed
        self._update_running_statistics(x, mean, var)
        if in_numeric_execution():
            # only the branch of the running step is computed
            if numeric_training():
                return x_normed
            return self._running_normalized(x, broadcast_shape)
        x_normed_running = self._running_normalized(x, broadcast_shape)
        return K.in_train_phase(x_normed, x_normed_running)

    def _feature_wise_std(self, x):
        """Mode 0 as Keras 1.0.0-1.0.5 computed it: the batch std is sqrt(var +
        epsilon), x is normalized by (std + epsilon), and ``running_std`` holds the
        moving average of that *std* (not of the variance, as from 1.0.6 on)."""
        reduction_axes, broadcast_shape = self._reduction(x)
        mean = K.mean(x, axis=reduction_axes)
        std = K.sqrt(K.mean(K.square(x - K.reshape(mean, broadcast_shape)) + self.epsilon,
                            axis=reduction_axes))
        x_normed = (x - K.reshape(mean, broadcast_shape)) / (
            K.reshape(std, broadcast_shape) + self.epsilon)
        if self.mode == 0:
            self._update_running_statistics(x, mean, std)
        running_normed = (x - K.reshape(self.running_mean, broadcast_shape)) / (
            K.reshape(self.running_std, broadcast_shape) + self.epsilon)
        if in_numeric_execution():
            x_normed = x_normed if (self.mode != 0 or numeric_training()) else running_normed
        elif self.mode == 0:
            x_normed = K.in_train_phase(x_normed, running_normed)
        return K.reshape(self.gamma, broadcast_shape) * x_normed + K.reshape(
            self.beta, broadcast_shape)

    def _sample_wise(self, x):
        m = K.mean(x, axis=-1, keepdims=True)
        if profiles.switch("batchnorm_mode1_std") == "std":  # Keras 1.0.0-1.0.4
            x_normed = (x - m) / (K.std(x, axis=-1, keepdims=True) + self.epsilon)
            return self.gamma * x_normed + self.beta
        std = K.sqrt(K.var(x, axis=-1, keepdims=True) + self.epsilon)
        x_normed = (x - m) / (std + self.epsilon)
        return self.gamma * x_normed + self.beta

    def call(self, x, mask=None):
        if self.mode in (0, 2):
            return self._feature_wise(x)
        if self.mode == 1:
            return self._sample_wise(x)
        # Keras 1.2.2 fell through to `return x_normed` with nothing assigned.
        raise UnboundLocalError(
            "local variable 'x_normed' referenced before assignment: BatchNormalization "
            "mode must be 0, 1 or 2 (got %r)" % (self.mode,))

    def get_config(self):
        config = {"epsilon": self.epsilon,
                  "mode": self.mode,
                  "axis": self.axis,
                  "gamma_regularizer": config_of(self.gamma_regularizer),
                  "beta_regularizer": config_of(self.beta_regularizer),
                  "momentum": self.momentum}
        base_config = super(BatchNormalization, self).get_config()
        return dict(list(base_config.items()) + list(config.items()))
