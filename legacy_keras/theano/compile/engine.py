"""The compiled engine behind ``theano.function``: one ``tf.function`` per function.

:class:`LoweredFunction` wraps the PyTensor function that ``theano.function`` compiled
(for ``debugprint`` and for the fallback) with a TensorFlow function lowered from its
optimised graph (:mod:`.lowering`). Calls validate their arguments exactly as PyTensor
does (``TensorType.filter`` with the function's ``strict`` / ``allow_input_downcast``),
run the TensorFlow function, and return NumPy arrays shaped as PyTensor returns them (a
list, a single array for a non-list output, ``[]`` without outputs).
"""
import numpy as np
from pytensor.tensor.type import TensorType

from legacy_keras.theano.bound import BoundSharedVariable, _identity
from legacy_keras.theano.compile.lowering import (NotLowerable, check_lowerable, evaluate,
                                                  tensorflow_module)


class RuntimeFailure(Exception):
    """The lowered function could not take these arguments or failed while running: the
    caller runs the PyTensor function instead, which raises PyTensor's own error."""


class LoweredFunction(object):
    """``compiled`` (a PyTensor ``Function``) as one TensorFlow function.

    ``trace_count`` counts how often TensorFlow traced it (once, normally: the input
    signature leaves every dimension Theano did not fix unknown).
    """

    def __init__(self, compiled):
        tf = tensorflow_module()

        maker = compiled.maker
        fgraph = maker.fgraph
        check_lowerable(fgraph)
        self._fgraph = fgraph
        self._containers = []
        self._explicit = []
        self._variables = {}
        for index, (spec, variable) in enumerate(zip(maker.inputs, fgraph.inputs)):
            if getattr(spec, "implicit", False):
                self._variables[variable] = _keras_variable_of(spec.variable)
            else:
                if not isinstance(variable.type, TensorType):
                    raise NotLowerable("input of type %s" % (variable.type,))
                self._explicit.append(variable)
                self._containers.append(compiled.input_storage[index])
        n_updates = len(fgraph.update_mapping or {})
        self._n_outputs = len(fgraph.outputs) - n_updates
        self._updates = [(out_index, self._variables[fgraph.inputs[in_index]])
                         for out_index, in_index in sorted((fgraph.update_mapping or {}).items())]
        self._out_dtypes = [v.type.dtype for v in fgraph.outputs[:self._n_outputs]]
        self._unpack_single = compiled.unpack_single
        self._return_none = compiled.return_none
        self.trace_count = 0
        signature = [tf.TensorSpec(shape=tuple(v.type.shape), dtype=v.type.dtype)
                     for v in self._explicit]
        self._function = tf.function(self._body, input_signature=signature,
                                     autograph=False)
        # lower now (unknown ops show at once); calls go to the one concrete function,
        # which skips tf.function's per-call signature matching
        self._concrete = self._function.get_concrete_function()
        self._call_concrete = _flat_caller(tf, self._concrete)
        # what a call raises for arguments TensorFlow cannot take
        self._call_errors = (tf.errors.OpError, ValueError, TypeError)

    @property
    def n_inputs(self):
        return len(self._explicit)

    def _body(self, *args):
        tf = tensorflow_module()

        self.trace_count += 1
        values = dict(zip(self._explicit, args))
        for variable, keras_variable in self._variables.items():
            values[variable] = tf.convert_to_tensor(keras_variable.value)
        results = evaluate(self._fgraph, values)
        results = [_as_tensor(tf, r, v.type.dtype)
                   for r, v in zip(results, self._fgraph.outputs)]
        outputs = results[:self._n_outputs]
        if not self._updates:
            return outputs
        # every output and new value first (Theano: updates see the old values), and
        # nothing assigned when any of them fails
        with tf.control_dependencies(results):
            for out_index, keras_variable in self._updates:
                keras_variable.value.assign(results[out_index])
        with tf.control_dependencies([keras_variable.value.read_value()
                                      for _, keras_variable in self._updates]):
            return [tf.identity(o) for o in outputs]

    def __call__(self, args):
        try:
            values = [c.type.filter(a, strict=c.strict, allow_downcast=c.allow_downcast)
                      for c, a in zip(self._containers, args)]
        except Exception as error:  # PyTensor raises its own message, with its note
            raise RuntimeFailure() from error
        try:
            results = self._call_concrete(values)
        except self._call_errors as error:
            raise RuntimeFailure() from error
        outputs = [np.array(r) for r in results]
        if self._unpack_single:
            return outputs[0]
        if self._return_none:
            return None
        return outputs


def _flat_caller(tf, concrete):
    """``call(values)`` running ``concrete`` on a list of NumPy arrays.

    A concrete function's public call re-checks its arguments against the signature,
    flattens them and consults the gradient tapes (about 80 us of a tiny function's
    220 us here). PyTensor's ``filter`` has already checked dtype and rank, exactly as
    Theano did, and nothing differentiates through a ``theano.function`` call (NumPy in,
    NumPy out), so the call goes straight to the traced graph's own entry point
    (``AtomicFunction.call_flat``, the method the public call ends in) with the inputs
    made into eager tensors directly. Both are TensorFlow internals: where this
    TensorFlow lacks them, the public call runs instead (same results, slower).
    """
    def public_call(values):
        return concrete(*values)

    try:
        from tensorflow.python.eager import context  # lazy: TensorFlow internals, see above
        from tensorflow.python.framework.ops import EagerTensor

        call_atomic = concrete._inference_function.call_flat
        eager = context.context()
    except (ImportError, AttributeError):
        return public_call
    captured = list(concrete.captured_inputs)
    dtypes = [spec.dtype.as_datatype_enum for spec in concrete.structured_input_signature[0]]

    def call(values):
        device = eager.device_name
        tensors = [EagerTensor(v, device, dtype) for v, dtype in zip(values, dtypes)]
        return call_atomic(*tensors, *captured) or []  # None for a function without outputs

    return call


def _keras_variable_of(shared):
    """The ``keras.Variable`` behind a shared variable the lowered function reads."""
    if not isinstance(shared, BoundSharedVariable):
        raise NotLowerable("shared variable %s of type %s (not bound to a keras.Variable)"
                           % (shared, type(shared).__name__))
    if shared._to_legacy is not _identity or shared._from_legacy is not _identity:
        raise NotLowerable("shared variable %s with a layout conversion" % (shared,))
    return shared.keras_variable


def _as_tensor(tf, value, dtype):
    if not tf.is_tensor(value):
        value = tf.constant(np.asarray(value, dtype=dtype))
    return value if value.dtype.name == dtype else tf.cast(value, dtype)
