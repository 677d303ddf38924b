"""Runs a Keras 1 model numerically: a Keras 3 model that replays the Keras 1 graph.

:class:`ReplayModel` is a subclassed ``keras.Model`` whose ``call`` walks the Keras 1
container's nodes (``Container.run_graph``) with ``K`` in numeric mode, so every Keras 1
layer's own ``call`` computes with ``keras.ops`` on the same ``keras.Variable`` objects
that ``layer.W`` is bound to. Keras 3 then compiles that ``call`` (``tf.function``)
for ``predict`` and ``fit``: no Python runs per sample or per batch after tracing.
"""
import numpy as np

from legacy_keras._k3 import keras
from legacy_keras.backend._context import collecting_activity_losses, numeric_execution
from legacy_keras.theano.bound import BoundSharedVariable


def _modern_variables(weights):
    variables = []
    for weight in weights:
        if not isinstance(weight, BoundSharedVariable):
            raise NotImplementedError(
                "Weight %r is a plain Theano shared variable; legacy_keras can only train and "
                "predict with weights created by K.variable / Layer.add_weight. See "
                "migration_guide.md ('Custom layers')." % (getattr(weight, "name", weight),))
        variables.append(weight.keras_variable)
    return variables


class ReplayModel(keras.Model):
    """A Keras 3 model computing what a Keras 1 container computes."""

    def __init__(self, container):
        super().__init__(name=container.name.replace("/", "_"))
        self._legacy_container = container
        self._single_input = len(container.inputs) == 1
        self._single_output = len(container.outputs) == 1
        layers = container.layers
        trainable = [w for layer in layers for w in layer.trainable_weights]
        frozen = [w for layer in layers for w in layer.non_trainable_weights]
        for variable in _modern_variables(trainable):
            variable.trainable = True
        for variable in _modern_variables(frozen):
            variable.trainable = False
        self._legacy_variables = _modern_variables(trainable + frozen)

    def call(self, inputs, training=False):
        inputs = [inputs] if self._single_input else list(inputs)
        with numeric_execution(training):
            outputs, _ = self._legacy_container.run_graph(inputs, [None] * len(inputs))
        return outputs[0] if self._single_output else outputs


class StepFunctions(object):
    """The compiled Keras 3 (TensorFlow) steps behind ``fit``, ``evaluate``,
    ``train_on_batch`` and ``test_on_batch`` of a compiled Keras 1 model.

    ``train(inputs, targets, sample_weights)`` runs one Keras 1 training step: the
    forward pass (training phase), the Keras 1 loss (weighted objectives, loss weights,
    regularization), the gradients, and the Keras 1 optimizer's updates (with weight
    constraints and layer updates such as BatchNormalization's running statistics),
    all applied at once as Theano applied a function's updates. It returns
    ``[total_loss] + metrics`` as NumPy values, in ``model.metrics_names`` order.
    """

    def __init__(self, model):
        import tensorflow as tf

        self.model = model
        self.params = model._collected_trainable_weights
        model.optimizer.build(self.params)
        # autograph off: the steps are plain graph-building Python (Keras 1 layers and K),
        # not control flow for TensorFlow to convert.
        self._train = tf.function(self._train_step, reduce_retracing=True, autograph=False)
        self._test = tf.function(self._test_step, reduce_retracing=True, autograph=False)

    def _forward(self, inputs, targets, sample_weights, training):
        model = self.model
        with numeric_execution(training), collecting_activity_losses() as activity_losses:
            outputs, masks = model.run_graph(list(inputs), [None] * len(inputs))
            return outputs, model._loss_and_metrics(outputs, masks, list(targets),
                                                    list(sample_weights), activity_losses)

    def _train_step(self, inputs, targets, sample_weights):
        import tensorflow as tf

        model = self.model
        variables = [p.keras_variable for p in self.params]
        with tf.GradientTape() as tape:
            _, (total_loss, metric_values) = self._forward(inputs, targets, sample_weights,
                                                           True)
        grads = tape.gradient(total_loss, variables)
        # Theano's gradient of a row lookup (an Embedding) was a dense matrix, a repeated
        # row's contributions summed; TensorFlow's is IndexedSlices, one slice per lookup,
        # and Keras 3's ops square those slices one by one (Adam, RMSprop, Adagrad, clipnorm
        # would see sum(g_i**2), not (sum g_i)**2): densify first, as Theano had it.
        grads = [tf.convert_to_tensor(g) if isinstance(g, tf.IndexedSlices) else g
                 for g in grads]
        with numeric_execution(True):
            grads = model.optimizer.clip_gradients(grads)
            updates = model.optimizer.updates_from_gradients(self.params, grads,
                                                             model.constraints)
            for var, value in list(updates):
                target = var.keras_variable if isinstance(var, BoundSharedVariable) else var
                target.assign(value)
        return [total_loss] + metric_values

    def _test_step(self, inputs, targets, sample_weights):
        _, (total_loss, metric_values) = self._forward(inputs, targets, sample_weights, False)
        return [total_loss] + metric_values

    @staticmethod
    def _numpy(outputs):
        """0-d float32 arrays, as a compiled Theano function returned its scalars."""
        return [np.asarray(o.numpy()) for o in outputs]

    def compile_for(self, inputs, targets, sample_weights, training=True):
        """Traces the step for any batch size before the loop starts, as Keras 1 compiled
        its Theano function before the first epoch (so epoch timings don't include it)."""
        import tensorflow as tf

        def specs(arrays):
            return [tf.TensorSpec((None,) + tuple(a.shape[1:]), a.dtype) for a in arrays]

        step = self._train if training else self._test
        step.get_concrete_function(specs(inputs), specs(targets), specs(sample_weights))

    def train(self, inputs, targets, sample_weights):
        return self._numpy(self._train(list(inputs), list(targets), list(sample_weights)))

    def test(self, inputs, targets, sample_weights):
        return self._numpy(self._test(list(inputs), list(targets), list(sample_weights)))
