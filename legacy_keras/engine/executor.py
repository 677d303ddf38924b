"""Runs a Keras 1 model numerically: a Keras 3 model that replays the Keras 1 graph.

:class:`ReplayModel` is a subclassed ``keras.Model`` whose ``call`` walks the Keras 1
container's nodes (``Container.run_graph``) with ``K`` in numeric mode, so every Keras 1
layer's own ``call`` computes with ``keras.ops`` on the same ``keras.Variable`` objects
that ``layer.W`` is bound to. Keras 3 then compiles that ``call`` (``tf.function``)
for ``predict`` and ``fit``: no Python runs per sample or per batch after tracing.
:class:`StepFunctions` compiles ``fit``'s and ``evaluate``'s steps itself, through the
adapter :mod:`legacy_keras._k3` (``compile_step``, ``recording_tape``, ``trace``,
``tensor_spec``), which is all this module knows of the backend under Keras 3.
"""
import numpy as np

from legacy_keras import _k3
from legacy_keras import backend as K
from legacy_keras._context import (
    VariableBirths, collecting_activity_losses, numeric_execution, recording_gradients,
    recording_numeric_values, variable_births)
from legacy_keras._k3 import keras, ops
from legacy_keras.engine import theano_bridge
from legacy_keras.optimizers import Optimizer
from legacy_keras.theano.bound import BoundSharedVariable, is_modern_tensor


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


def _is_numeric_value(value):
    """True for what a Keras 3 step can assign: tensors, variables, NumPy values, numbers."""
    return is_modern_tensor(value) or isinstance(value, (np.ndarray, np.generic, int, float))


def _builds_own_state(optimizer):
    """True for an optimizer whose updates come from legacy_keras' ``get_updates`` (its
    state can be created before the step is traced); a user's own ``get_updates`` creates
    its state itself, inside the step, as it did in Keras 1."""
    return type(optimizer).get_updates is Optimizer.get_updates


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
        self._births = VariableBirths()

    def call(self, inputs, training=False):
        inputs = [inputs] if self._single_input else list(inputs)
        with numeric_execution(training), variable_births(self._births), \
                recording_numeric_values():
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
        self.model = model
        self.params = model._collected_trainable_weights
        if _builds_own_state(model.optimizer):
            model.optimizer.build(self.params)
        self._train_births = VariableBirths()
        self._test_births = VariableBirths()
        self._train = _k3.compile_step(self._train_step)
        self._test = _k3.compile_step(self._test_step)

    def _forward(self, inputs, targets, sample_weights, training):
        model = self.model
        with numeric_execution(training), collecting_activity_losses() as activity_losses, \
                recording_numeric_values():
            outputs, masks = model.run_graph(list(inputs), [None] * len(inputs))
            return outputs, model._loss_and_metrics(outputs, masks, list(targets),
                                                    list(sample_weights), activity_losses)

    def _train_step(self, inputs, targets, sample_weights):
        """One Keras 1 training step: ``optimizer.get_updates(params, constraints, loss)``
        runs here, numerically, as Keras 1 ran it once to build its training function;
        ``K.gradients`` (``self.get_gradients``) answers with the tape's gradients, so
        the built-in optimizers and a user's own ``get_updates`` (or ``get_gradients``),
        wrappers of other optimizers included, train the same way."""
        model = self.model
        with variable_births(self._train_births):
            # the weights collected at compile train, whatever Keras 3's flags say now
            # (a GAN flips `trainable` between compiles)
            with _k3.recording_tape([p.keras_variable for p in self.params]) as tape:
                _, (total_loss, metric_values) = self._forward(inputs, targets,
                                                               sample_weights, True)
                with numeric_execution(True), recording_gradients(tape):
                    updates = model.optimizer.get_updates(self.params, model.constraints,
                                                          total_loss)
            self._apply(updates)
        return [total_loss] + metric_values

    @staticmethod
    def _apply(updates):
        """Applies ``(variable, new value)`` pairs as a Theano function applied its
        updates: every new value is computed from the values before the step. A new
        value built as a Theano expression before the step (keras-rl's soft target-model
        updates, added to the optimizer's list by a wrapper) is evaluated by TensorFlow
        on the weights (:mod:`.theano_bridge`)."""

        targets, values = [], []
        for var, value in list(updates):
            target = var.keras_variable if isinstance(var, BoundSharedVariable) else var
            if isinstance(value, BoundSharedVariable):
                value = value.keras_variable
            elif theano_bridge.is_symbolic(value):
                value = theano_bridge.evaluate_update(var, value)
            if not _is_numeric_value(value):
                raise NotImplementedError(
                    "The update of %s is %r; legacy_keras trains with Keras 3 and can only "
                    "apply updates to tensors, variables or numbers in fit / "
                    "train_on_batch. See migration_guide.md."
                    % (getattr(var, "name", var), value))
            targets.append(target)
            values.append(ops.convert_to_tensor(value, dtype=target.dtype))
        for target, value in zip(targets, values):
            target.assign(value)

    def _test_step(self, inputs, targets, sample_weights):
        with variable_births(self._test_births):
            _, (total_loss, metric_values) = self._forward(inputs, targets, sample_weights,
                                                           False)
        return [total_loss] + metric_values

    @staticmethod
    def _numpy(outputs):
        """0-d float32 arrays, as a compiled Theano function returned its scalars."""
        return [np.asarray(o.numpy()) for o in outputs]

    def build_optimizer_state(self):
        """Creates the optimizer's state, as Keras 1's ``_make_train_function`` did (before
        ``load_model`` sets it). A user's own ``get_updates`` creates it while the step is
        traced, so the step is traced here for any batch size."""
        model = self.model
        if _builds_own_state(model.optimizer):
            model.optimizer.build(self.params)
            return
        inputs = [_k3.tensor_spec((None,) + tuple(x._keras_shape[1:]), str(x.dtype))
                  for x in model.inputs]
        targets = [_k3.tensor_spec((None,) * len(y._keras_shape), K.floatx())
                   for y in model.outputs]
        weights = [_k3.tensor_spec((None, None) if mode == "temporal" else (None,), K.floatx())
                   for mode in model.sample_weight_modes]
        _k3.trace(self._train, inputs, targets, weights)

    def compile_for(self, inputs, targets, sample_weights, training=True):
        """Traces the step for any batch size before the loop starts, as Keras 1 compiled
        its Theano function before the first epoch (so epoch timings don't include it)."""
        def specs(arrays):
            return [_k3.tensor_spec((None,) + tuple(a.shape[1:]), a.dtype) for a in arrays]

        step = self._train if training else self._test
        _k3.trace(step, specs(inputs), specs(targets), specs(sample_weights))

    def train(self, inputs, targets, sample_weights):
        return self._numpy(self._train(list(inputs), list(targets), list(sample_weights)))

    def test(self, inputs, targets, sample_weights):
        return self._numpy(self._test(list(inputs), list(targets), list(sample_weights)))
