"""``theano.function`` on PyTensor, reading and writing the Keras 3 weights.

A compiled PyTensor function reads a shared variable's storage directly, not through
``get_value()``. Before each call, every :class:`BoundSharedVariable` the function
uses is refreshed from its Keras 3 variable; after the call, those the function
updated are written back. So ``fit`` and ``theano.function`` never see stale weights.
"""
import numpy as np
import pytensor
from pytensor.compile.sharedvalue import SharedVariable  # noqa: F401  (theano.compile.SharedVariable)
from pytensor.graph.traversal import ancestors

from legacy_keras.theano.bound import BoundSharedVariable

_MODES = {None, "FAST_RUN", "FAST_COMPILE", "DebugMode"}


def _default_mode(mode):
    """PyTensor's Python linker with the FAST_RUN rewrites (FAST_COMPILE's for that mode).

    PyTensor's default linker JIT-compiles with Numba (slow first calls, and no Numba
    implementation for the Theano ops legacy_keras defines); its C linkers need a
    compiler and a BLAS. The Python linker needs neither, compiles a Keras-sized graph
    in about 0.05 s and runs each op's NumPy ``perform`` (about 1.6 ms per call for a
    small MLP with gradients, measured): fast enough for the scripts this facade runs.
    """
    from pytensor.compile.mode import Mode

    if isinstance(mode, Mode):
        return mode
    optimizer = "fast_compile" if mode == "FAST_COMPILE" else "fast_run"
    return Mode(linker="py", optimizer=optimizer)


def _bound_variables(variables):
    return [v for v in ancestors(variables) if isinstance(v, BoundSharedVariable)]


class Function(object):
    """A compiled Theano function (``theano.compile.function_module.Function``)."""

    def __init__(self, compiled, bound, updated):
        self.compiled = compiled
        self._bound = bound
        self._updated = updated

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
        for var in self._bound:
            var.refresh()
        outputs = self.compiled(*args, **kwargs)
        for var in self._updated:
            var.keras_variable.assign(var._from_legacy(np.asarray(var.container.value)))
        return outputs


def function(inputs, outputs=None, mode=None, updates=None, givens=None,
             no_default_updates=False, accept_inplace=False, name=None,
             rebuild_strict=True, allow_input_downcast=None, profile=None,
             on_unused_input=None):
    """``theano.function``: compiles with PyTensor; Keras weights stay one truth."""
    if mode not in _MODES and not isinstance(mode, pytensor.compile.mode.Mode):
        raise NotImplementedError(
            "theano.function(mode=%r) is not supported by legacy_keras (PyTensor runs on the "
            "CPU); see migration_guide.md." % (mode,))
    if profile:
        raise NotImplementedError("theano.function(profile=...) is not supported by "
                                  "legacy_keras; see migration_guide.md.")
    updates = list(updates.items()) if isinstance(updates, dict) else list(updates or [])
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
    return Function(compiled, bound, updated)


import legacy_keras.theano.compile.function_module  # noqa: E402,F401
