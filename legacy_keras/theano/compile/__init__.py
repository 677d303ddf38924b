"""``theano.function``: compiled by PyTensor, run by TensorFlow, on the Keras 3 weights.

``theano.function`` compiles the graph with PyTensor (its rewrites give the optimised
graph that ``debugprint(f)`` prints, as Theano's did) and then lowers that graph to one
``tf.function`` (:mod:`.engine`, :mod:`.lowering`): shared variables are read as their
``keras.Variable`` and ``updates`` assigned to them in place, so ``fit``, ``set_value``
and every compiled function see one variable. ``f.engine`` says which engine runs a
function: ``'tensorflow'``, or ``'pytensor'`` for graphs with ops the lowering does not
know (``f.fallback_reason`` says which; the logger ``legacy_keras.theano`` logs it at
DEBUG level), for functions given an explicit PyTensor ``Mode``, and for all functions
when ``LEGACY_KERAS_THEANO_ENGINE=pytensor`` is set.

On the PyTensor engine, a compiled function reads a shared variable's storage directly,
not through ``get_value()``: before each call every :class:`BoundSharedVariable` the
function uses is refreshed from its Keras 3 variable, and after the call those the
function updated are written back.
"""
import collections
import logging
import os

import numpy as np
import pytensor
from pytensor.compile.mode import Mode
from pytensor.compile.sharedvalue import SharedVariable  # noqa: F401  (theano.compile.SharedVariable)
from pytensor.graph.basic import Variable
from pytensor.graph.traversal import ancestors

from legacy_keras.theano.bound import BoundSharedVariable
from legacy_keras.theano.compile.engine import LoweredFunction, RuntimeFailure
from legacy_keras.theano.compile.lowering import NotLowerable

#: The environment variable that, set to ``pytensor``, keeps every function on PyTensor.
ENGINE_VARIABLE = "LEGACY_KERAS_THEANO_ENGINE"
_log = logging.getLogger("legacy_keras.theano")

_MODES = {None, "FAST_RUN", "FAST_COMPILE", "DebugMode"}


def _default_mode(mode):
    """PyTensor's Python linker with the FAST_RUN rewrites (FAST_COMPILE's for that mode).

    PyTensor's default linker JIT-compiles with Numba (slow first calls, and no Numba
    implementation for the Theano ops legacy_keras defines); its C linkers need a
    compiler and a BLAS. The Python linker needs neither, compiles a Keras-sized graph
    in about 0.05 s and runs each op's NumPy ``perform`` (about 1.6 ms per call for a
    small MLP with gradients, measured): fast enough for the scripts this facade runs.
    """
    if isinstance(mode, Mode):
        return mode
    optimizer = "fast_compile" if mode == "FAST_COMPILE" else "fast_run"
    return Mode(linker="py", optimizer=optimizer)


def _bound_variables(variables):
    return [v for v in ancestors(variables) if isinstance(v, BoundSharedVariable)]


class Function(object):
    """A compiled Theano function (``theano.compile.function_module.Function``)."""

    def __init__(self, compiled, bound, updated, lowered=None, fallback_reason=None,
                 runner=None):
        self.compiled = compiled
        self._runner = runner if runner is not None else compiled
        self._bound = bound
        self._updated = updated
        self._lowered = lowered
        #: why this function runs on PyTensor (None when it runs on TensorFlow)
        self.fallback_reason = fallback_reason

    @property
    def engine(self):
        """``'tensorflow'`` (the lowered graph) or ``'pytensor'`` (the Python linker)."""
        return "pytensor" if self._lowered is None else "tensorflow"

    @property
    def trace_count(self):
        """How many times TensorFlow traced the lowered function (0 on PyTensor)."""
        return 0 if self._lowered is None else self._lowered.trace_count

    @property
    def maker_fgraph(self):
        return self.compiled.maker.fgraph

    @property
    def maker(self):
        return self.compiled.maker

    def __getattr__(self, name):
        # name, input_storage, output_storage, trust_input, ...: PyTensor's Function
        if name == "compiled":
            raise AttributeError(name)
        return getattr(self.compiled, name)

    def __call__(self, *args, **kwargs):
        lowered = self._lowered
        if lowered is not None and not kwargs and len(args) == lowered.n_inputs:
            try:
                return lowered(args)
            except RuntimeFailure:
                pass  # PyTensor runs it again and raises its own error
        return self._call_pytensor(*args, **kwargs)

    def _call_pytensor(self, *args, **kwargs):
        for var in self._bound:
            var.refresh()
        outputs = self._runner(*args, **kwargs)
        for var in self._updated:
            var.keras_variable.assign(var._from_legacy(np.asarray(var.container.value)))
        return outputs


def function(inputs, outputs=None, mode=None, updates=None, givens=None,
             no_default_updates=False, accept_inplace=False, name=None,
             rebuild_strict=True, allow_input_downcast=None, profile=None,
             on_unused_input=None):
    """``theano.function``: compiles with PyTensor; Keras weights stay one truth."""
    if mode not in _MODES and not isinstance(mode, Mode):
        raise NotImplementedError(
            "theano.function(mode=%r) is not supported by legacy_keras (PyTensor runs on the "
            "CPU); see migration_guide.md." % (mode,))
    if profile:
        raise NotImplementedError("theano.function(profile=...) is not supported by "
                                  "legacy_keras; see migration_guide.md.")
    updates = list(updates.items()) if isinstance(updates, dict) else list(updates or [])
    key = _cache_key(inputs, outputs, mode, updates, givens, no_default_updates,
                     accept_inplace, name, rebuild_strict, allow_input_downcast,
                     on_unused_input)
    if key is not None:
        cached = _find_cached(key)
        if cached is not None:
            return cached
    result = _compile(inputs, outputs, mode, updates, givens, no_default_updates,
                      accept_inplace, name, rebuild_strict, allow_input_downcast,
                      on_unused_input)
    if key is not None:
        _remember(key, result)
    return result


#: Compiled functions by graph: ``theano.function`` called again on the very same
#: variables (a script that builds its functions inside its training loop) gets the
#: function compiled the first time instead of compiling and tracing it again.
_CACHE = collections.OrderedDict()
_CACHE_SIZE = 64


def _cache_key(inputs, outputs, mode, updates, givens, *flags):
    """(hashable key, the objects it names) or None when the arguments are not plain."""
    objects = []

    def ident(value):
        if value is None or isinstance(value, (bool, int, float, str)):
            return ("v", value)
        if isinstance(value, (list, tuple)):
            return (type(value).__name__,) + tuple(ident(v) for v in value)
        if isinstance(value, dict):
            return ("dict",) + tuple(ident(pair) for pair in value.items())
        if isinstance(value, Variable) or type(value).__name__ in ("In", "Param"):
            objects.append(value)
            return ("id", id(value))
        raise TypeError(type(value))

    try:
        key = (ident(inputs), ident(outputs), ident(mode), ident(updates), ident(givens),
               ident(list(flags)), os.environ.get(ENGINE_VARIABLE, ""))
    except TypeError:
        return None
    return key, objects


def _find_cached(key):
    entry = _CACHE.get(key[0])
    if entry is None:
        return None
    objects, function = entry
    if len(objects) != len(key[1]) or any(a is not b for a, b in zip(objects, key[1])):
        return None
    _CACHE.move_to_end(key[0])
    return function


def _remember(key, function):
    _CACHE[key[0]] = (key[1], function)
    while len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)


def _compile(inputs, outputs, mode, updates, givens, no_default_updates, accept_inplace,
             name, rebuild_strict, allow_input_downcast, on_unused_input):
    compiled = pytensor.function(
        inputs, outputs, mode=_default_mode(mode), updates=updates, givens=givens,
        no_default_updates=no_default_updates, accept_inplace=accept_inplace, name=name,
        rebuild_strict=rebuild_strict, allow_input_downcast=allow_input_downcast,
        on_unused_input=on_unused_input)
    watched = []
    if outputs is not None:
        watched.extend(outputs if isinstance(outputs, (list, tuple)) else [outputs])
    watched.extend(new for _, new in updates)
    watched.extend(var for var, _ in updates)
    bound = _bound_variables(watched)
    updated = [var for var, _ in updates if isinstance(var, BoundSharedVariable)]
    lowered, reason = _lower(compiled, mode)
    runner = compiled
    if lowered is None and not isinstance(mode, Mode) and \
            os.environ.get(ENGINE_VARIABLE, "").lower() != "pytensor":
        runner = _unfused(inputs, outputs, mode, updates, givens, no_default_updates,
                          accept_inplace, name, rebuild_strict, allow_input_downcast,
                          on_unused_input) or compiled
    return Function(compiled, bound, updated, lowered, reason, runner)


def _unfused(inputs, outputs, mode, updates, givens, no_default_updates, accept_inplace,
             name, rebuild_strict, allow_input_downcast, on_unused_input):
    """The same function compiled without PyTensor's element-wise fusion, to *run* a
    function the lowering could not take (``f.maker.fgraph``, which ``debugprint``
    prints, stays the fused graph). The Python linker computes a fused
    ``Elemwise{Composite{...}}`` element by element in Python; unfused, each element-wise
    op is one NumPy ufunc call (a TRPO Fisher-vector product on 2000 timesteps: 9 s
    fused, 1.3 s unfused). None when that compilation fails."""
    try:
        return pytensor.function(
            inputs, outputs, mode=_default_mode(mode).excluding("fusion"), updates=updates,
            givens=givens, no_default_updates=no_default_updates,
            accept_inplace=accept_inplace, name=name, rebuild_strict=rebuild_strict,
            allow_input_downcast=allow_input_downcast, on_unused_input=on_unused_input)
    except Exception as error:  # noqa: BLE001  the fused function runs instead
        _log.debug("theano.function: no unfused PyTensor function (%s)", error)
        return None


def _lower(compiled, mode):
    """(the TensorFlow function, None), or (None, why the function stays on PyTensor)."""
    if isinstance(mode, Mode):
        return None, "an explicit PyTensor Mode was given"
    if os.environ.get(ENGINE_VARIABLE, "").lower() == "pytensor":
        return None, "%s=pytensor" % ENGINE_VARIABLE
    try:
        return LoweredFunction(compiled), None
    except NotLowerable as error:
        reason = str(error)
    except Exception as error:  # noqa: BLE001  a gap in the lowering: stay correct
        reason = "lowering failed: %s: %s" % (type(error).__name__, error)
    _log.debug("theano.function runs on PyTensor's Python linker: %s", reason)
    return None, reason


import legacy_keras.theano.compile.function_module  # noqa: E402,F401
