"""The Theano 1.0 API that Keras-1-era code uses, on PyTensor.

``import theano`` resolves here once legacy_keras is installed. Graphs are PyTensor
graphs; weights of Keras layers are :class:`~legacy_keras.theano.bound.BoundSharedVariable`
objects whose value lives in Keras 3 variables. Names Theano had and this facade does
not support raise ``NotImplementedError`` naming the feature.
"""
import importlib as _importlib

import numpy as _np
import pytensor as _pytensor
from pytensor.graph.replace import clone_replace as _clone_replace

from legacy_keras.theano.bound import bind_new_shared as _bind_new_shared
# theano.config, theano.function, theano.printing, theano.tensor: the public names
from legacy_keras.theano.config import config  # noqa: F401
from legacy_keras.theano.compile import Function, function  # noqa: F401
from legacy_keras.theano import printing  # noqa: F401
from legacy_keras.theano import tensor  # noqa: F401
from legacy_keras.theano.unsupported import unsupported_attribute

__version__ = "1.0.5"

from legacy_keras.theano import gradient  # noqa: E402
from legacy_keras.theano import ifelse  # noqa: E402,F401
from pytensor.scan.views import foldl, foldr, map, reduce  # noqa: E402,F401
from legacy_keras.theano.scan_module import (  # noqa: E402
    theano_built_scan as _theano_built_scan)
from legacy_keras.theano.updates import OrderedUpdates  # noqa: E402  (theano.OrderedUpdates)

grad = gradient.grad


def scan(fn, sequences=None, outputs_info=None, non_sequences=None, n_steps=None,
         truncate_gradient=-1, go_backwards=False, mode=None, name=None, profile=False,
         allow_gc=None, strict=False, return_list=False):
    """``theano.scan``: PyTensor's scan (same arguments, same (outputs, updates) result:
    an ``OrderedUpdates`` of the random-stream / shared-variable updates to pass on to
    ``theano.function``), with the outer graph Theano 1.0.5 built around the loop (see
    :mod:`legacy_keras.theano.scan_module`)."""
    if profile:
        raise NotImplementedError("theano.scan(profile=...) is not supported by legacy_keras; "
                                  "see migration_guide.md.")
    outputs, updates = _pytensor.scan(
        fn, sequences=sequences, outputs_info=outputs_info, non_sequences=non_sequences,
        n_steps=n_steps, truncate_gradient=truncate_gradient, go_backwards=go_backwards,
        mode=mode, name=name, allow_gc=allow_gc, strict=strict, return_list=return_list,
        return_updates=True)
    single = not isinstance(outputs, (list, tuple))
    results, updates = _theano_built_scan([outputs] if single else list(outputs),
                                         OrderedUpdates(updates), sequences, outputs_info)
    if single:
        return results[0], updates
    return (list(results) if isinstance(outputs, list) else tuple(results)), updates


def shared(value, name=None, strict=False, allow_downcast=None, borrow=False, **kwargs):
    """``theano.shared``: for a NumPy array or number, a :class:`BoundSharedVariable`
    backed by a new ``keras.Variable`` (broadcastable all False, as Theano's).

    Keras 1 custom layers created weights with plain ``theano.shared``; binding them at
    creation lets ``fit`` / ``predict`` (Keras 3) train and read them like any other weight,
    and lets ``theano.function`` updates reach them. Other values (random states, Python
    objects) get PyTensor's own shared variable. ``borrow=True`` cannot alias the array
    (see migration_guide.md).
    """
    if not kwargs and isinstance(value, (_np.ndarray, _np.number, int, float, bool)) and \
            _np.asarray(value).dtype.kind in "biuf":
        return _bind_new_shared(_np.array(value), name)
    return _pytensor.shared(value, name=name, strict=strict, allow_downcast=allow_downcast,
                            borrow=borrow, **kwargs)


def clone(output, replace=None, strict=True, share_inputs=True):
    """``theano.clone`` (PyTensor's ``clone_replace``)."""
    return _clone_replace(output, replace=replace, rebuild_strict=strict,
                         copy_inputs_over=share_inputs)


def __getattr__(name):
    # Submodules Theano's ``import theano`` made reachable as attributes.
    if name == "sandbox":
        return _importlib.import_module("legacy_keras.theano.sandbox")
    return unsupported_attribute("theano", name)
