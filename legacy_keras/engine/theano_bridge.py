"""Theano graphs inside a Keras 3 step: what Keras 1 code builds with raw Theano, run
numerically.

A Keras 1 layer's ``call`` (and a loss function) is written once against ``K`` and runs
in both executions (see :mod:`legacy_keras.backend._context`). Third-party code often
went further and used Theano itself: ``theano.scan`` over the batch, ``T.set_subtensor``
into a matrix made with ``K.zeros`` in ``call``, or a variational autoencoder's loss
that reads ``z_mean`` / ``z_log_var``, Keras tensors of the symbolic model, next to the
``y_pred`` it is given. Those lines cannot compute on TensorFlow tensors.

But the symbolic graph they build is exactly what Keras 1 ran: the layer's output
tensor was built when the layer was called on Keras tensors, and a loss can be built on
the model's symbolic outputs. When the numeric call fails, this module takes that
PyTensor graph and evaluates it with TensorFlow, op by op (the lowering of
``theano.function``, :mod:`legacy_keras.theano.compile.lowering`, plus ``scan``), with
the graph's Keras tensors bound to the values the step has just computed for them,
weights read from their ``keras.Variable`` (so gradients reach them) and the learning
phase fixed to the step's. A graph holding an op that has no TensorFlow lowering re-raises
the numeric call's own error.
"""
import numpy as np
from pytensor.graph.basic import Constant, Variable
from pytensor.graph.traversal import ancestors, io_toposort
from pytensor.scan.op import Scan

from legacy_keras import backend as K
from legacy_keras.backend._context import numeric_training, numeric_values, symbolic_building
from legacy_keras.backend.common import floatx
from legacy_keras.backend.theano_backend import _LEARNING_PHASE
from legacy_keras.theano.bound import BoundSharedVariable, is_modern_tensor
from legacy_keras.theano.compile.lowering import (NotLowerable, _op_impl, constant_value,
                                                  lower_scan, tensorflow_module)
from legacy_keras.utils.generic_utils import unpack_singleton


class Unbound(Exception):
    """The graph reads a symbolic input this step has no value for."""


def evaluate(outputs, bindings, training=None):
    """TensorFlow values of the PyTensor ``outputs`` given ``bindings`` (a dict from
    PyTensor variables to tensors). Weights are read from their Keras 3 variables,
    constants become constants, ``K.learning_phase()`` is the running step's phase."""
    tf = tensorflow_module()

    blockers = list(bindings)
    values = dict(bindings)
    for variable in ancestors(outputs, blockers=blockers):
        if variable in values or variable.owner is not None:
            continue
        if isinstance(variable, Constant):
            continue
        if isinstance(variable, BoundSharedVariable):
            values[variable] = tf.convert_to_tensor(variable.keras_variable.value)
        elif variable is _LEARNING_PHASE:
            phase = numeric_training() if training is None else training
            values[variable] = tf.constant(np.uint8(bool(phase)))
        else:
            raise Unbound("the graph reads %s, which this Keras 3 step has no value for"
                          % (variable,))
    inputs = [v for v in values if isinstance(v, Variable)]
    for node in io_toposort(inputs, outputs):
        args = [values[v] if v in values else _constant(tf, v) for v in node.inputs]
        results = _lower_node(tf, node, args)
        values.update(zip(node.outputs, results))
    return [values[v] if v in values else _constant(tf, v) for v in outputs]


def _constant(tf, variable):
    if not isinstance(variable, Constant):
        raise Unbound("the graph reads %s, which this Keras 3 step has no value for"
                      % (variable,))
    return constant_value(tf, variable)


def _lower_node(tf, node, args):
    if isinstance(node.op, Scan):
        _check_scan_in_a_step(node.op)
        inner_outputs = list(node.op.inner_outputs)
        return lower_scan(tf, node, args, lambda values: evaluate(inner_outputs, values))
    return _op_impl(node.op)(tf, node, args)


def _check_scan_in_a_step(op):
    """What ``theano.function``'s scan lowering handles but a Keras 3 step cannot: there
    TensorFlow differentiates the loop (a ``truncate_gradient`` would be ignored) and
    nothing applies a scan's own updates (shared variables, random streams)."""
    if getattr(op, "truncate_gradient", -1) != -1:
        raise NotLowerable("theano.scan with truncate_gradient")
    if op.info.n_untraced_sit_sot:
        raise NotLowerable("theano.scan with shared-variable or random-stream updates")


def _symbolic_twin(value):
    """The Keras tensor whose value in this step is ``value`` (None if unknown)."""
    known = numeric_values()
    if known is None:
        return None
    for symbolic, numeric in known.values():
        if numeric is value:
            return symbolic
    return None


def _bindings():
    return {symbolic: numeric for symbolic, numeric in (numeric_values() or {}).values()
            if isinstance(symbolic, Variable)}


def _fallback_errors():
    return (NotLowerable, Unbound)


def call_layer(layer, node, inputs, masks):
    """``layer.call`` on Keras 3 tensors; where the layer's Python cannot compute on them
    (raw Theano in ``call``), the node's own symbolic output graph, evaluated on them."""
    try:
        return layer.call(unpack_singleton(inputs), mask=unpack_singleton(masks))
    except Exception as error:
        symbolic_in = list(node.input_tensors)
        symbolic_out = list(node.output_tensors)
        if not symbolic_out or not all(_is_symbolic(v) for v in symbolic_in + symbolic_out):
            raise
        bindings = _bindings()
        bindings.update(zip(symbolic_in, inputs))
        try:
            outputs = [_in_floatx(y) for y in evaluate(symbolic_out, bindings)]
        except Exception as fallback:
            raise _unsupported("layer %s (%s)" % (layer.name, type(layer).__name__),
                               error, fallback) from error
        return outputs if len(outputs) > 1 else outputs[0]


def _in_floatx(value):
    """Theano upcast float32 with int64 to float64 (``softmax(x) * T.arange(n)``); the
    Keras 3 step computes its losses in floatx, so a float64 layer output is cast there
    (a deliberate difference in precision only)."""
    tf = tensorflow_module()

    if value.dtype == tf.float64 and floatx() != "float64":
        return tf.cast(value, floatx())
    return value


def call_objective(fn, y_true, y_pred):
    """A loss or metric ``fn(y_true, y_pred)`` in a Keras 3 step. Where ``fn`` mixes the
    tensors it is given with Keras tensors of the symbolic model (a VAE's KL term on
    ``z_mean``), it is built symbolically on the model's output and a target placeholder,
    as Keras 1 built it, and evaluated with this step's values."""
    try:
        result = fn(y_true, y_pred)
        if not _is_symbolic(result):
            return result
        error = None
    except Exception as raised:
        error = raised
    symbolic_pred = _symbolic_twin(y_pred)
    if symbolic_pred is None:
        if error is None:
            return result
        raise error
    training = numeric_training()
    try:
        with symbolic_building():
            target = K.placeholder(ndim=len(y_true.shape), dtype=K.floatx(), name="y_true")
            symbolic = fn(target, symbolic_pred)
        bindings = _bindings()
        bindings[target] = y_true
        return evaluate([symbolic], bindings, training)[0]
    except Exception as fallback:
        if error is None:
            raise
        raise _unsupported("loss or metric %s" % getattr(fn, "__name__", fn), error,
                           fallback) from error


def _unsupported(what, error, fallback):
    """The error for Theano code that neither runs on Keras 3's tensors nor lowers."""
    return NotImplementedError(
        "The %s uses Theano operations that cannot compute on Keras 3 tensors (%s: %s), "
        "and legacy_keras cannot evaluate its Theano graph with TensorFlow either (%s: %s). "
        "This is not supported by legacy_keras; see migration_guide.md ('Custom layers')."
        % (what, type(error).__name__, error, type(fallback).__name__, fallback))


def evaluate_update(variable, value):
    """The new value of ``variable`` in a training step, from the Theano expression
    ``value`` built outside the step (its leaves are weights and constants)."""
    try:
        return evaluate([value], {})[0]
    except _fallback_errors() as error:
        raise NotImplementedError(
            "The update of %s is a Theano expression (%s) that legacy_keras cannot evaluate "
            "in a Keras 3 training step: %s. Apply it with K.function / theano.function "
            "instead (see migration_guide.md)." % (getattr(variable, "name", variable),
                                                   value, error)) from None


def is_symbolic(value):
    """A PyTensor variable (a Theano expression), not a Keras 3 value."""
    return _is_symbolic(value)


def _is_symbolic(value):
    return isinstance(value, Variable) and not is_modern_tensor(value)
