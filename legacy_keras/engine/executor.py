"""Runs a Keras 1 model numerically: a Keras 3 model that replays the Keras 1 graph.

:class:`ReplayModel` is a subclassed ``keras.Model`` whose ``call`` walks the Keras 1
container's nodes (``Container.run_graph``) with ``K`` in numeric mode, so every Keras 1
layer's own ``call`` computes with ``keras.ops`` on the same ``keras.Variable`` objects
that ``layer.W`` is bound to. Keras 3 then compiles that ``call`` (``tf.function``)
for ``predict`` and ``fit``: no Python runs per sample or per batch after tracing.
"""
from legacy_keras._k3 import keras
from legacy_keras.backend._context import numeric_execution
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
