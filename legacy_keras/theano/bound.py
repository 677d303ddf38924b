"""Theano shared variables whose value lives in a modern ``keras.Variable``.

Keras 1 exposed every weight (``layer.W``, ``layer.b``, ...) as a Theano shared
variable. legacy_keras keeps one truth per weight, a Keras 3 variable that ``fit`` and
``predict`` use, and hands out a :class:`BoundSharedVariable`: a real PyTensor
``TensorSharedVariable`` (so it stands in PyTensor graphs, ``debugprint`` and
``theano.function``) whose ``get_value`` / ``set_value`` read and write the Keras 3
variable.

Where the Keras 1 layout of a weight differs from the one the Keras 3 variable keeps
(Theano's flipped convolution kernels, for instance), ``to_legacy`` / ``from_legacy``
convert at this boundary and only here.

Deliberate differences from Theano (listed in migration_guide.md):

* ``get_value(borrow=True)`` returns a copy: a modern variable cannot safely hand out its
  buffer, so writing into the returned array never changes the weight.
* ``set_value`` of a float64 array on a float32 variable casts (and warns once) where
  Theano raised: NumPy 2 now produces float64 where NumPy 1 gave float32.
* ``set_value`` of a wrong shape raises ``ValueError`` at once (Theano accepted it and
  failed later, far away), and leaves the value unchanged.
"""
import copy
import warnings

import numpy as np
from pytensor.tensor.sharedvar import TensorSharedVariable
from pytensor.tensor.type import TensorType

from legacy_keras import _k3
from legacy_keras._k3 import keras
from legacy_keras._context import current_births, in_numeric_execution

def _identity(value):
    return value


def eager_scope():
    """Leaves a Keras 3 trace for eager execution (:func:`legacy_keras._k3.eager_scope`):
    variables are created and their values read there, whether or not a Keras 3 step is
    being traced (Keras 1 code creates and reads variables while it builds its graph)."""
    return _k3.eager_scope()


def is_modern_tensor(value):
    """True for values Keras 3 computes with (TensorFlow tensors, Keras variables)."""
    return isinstance(value, keras.Variable) or keras.ops.is_tensor(value) or isinstance(
        value, keras.KerasTensor)


class BoundSharedVariable(TensorSharedVariable):
    """A Theano-style shared variable bound to a ``keras.Variable`` (one truth)."""

    def __init__(self, keras_variable, name=None, to_legacy=None, from_legacy=None):
        self.keras_variable = keras_variable
        self._to_legacy = to_legacy or _identity
        self._from_legacy = from_legacy or _identity
        value = self._read()
        ttype = TensorType(dtype=str(value.dtype), shape=(None,) * value.ndim)
        super().__init__(type=ttype, value=value, strict=False, name=name)

    # -- the one truth -------------------------------------------------------------
    def _read(self):
        with eager_scope():
            value = np.asarray(self.keras_variable.numpy())
        return np.array(self._to_legacy(value))

    def refresh(self):
        """Copies the Keras 3 value into PyTensor's storage (before a compiled call)."""
        self.container.value = self._read()

    def get_value(self, borrow=False, return_internal_type=False):
        """The current value in Keras 1 layout; always a fresh copy (even with borrow)."""
        return self._read()

    def set_value(self, new_value, borrow=False):
        """Assigns ``new_value`` at once, eagerly; it is not part of any graph."""
        value = self._checked(new_value)
        self.keras_variable.assign(self._from_legacy(value))
        self.container.value = np.array(value)

    def _checked(self, new_value):
        """``new_value`` as an array of this variable's dtype and shape, or an error.

        Follows Theano 1.0.5's rules (arrays whose dtype upcasts safely, lists whose values
        the dtype holds exactly, the same number of dimensions), with two deliberate
        differences: a float64 value for a float32 variable is cast with a warning, and a
        value of another shape is refused at once.
        """
        current = self._read()
        target = current.dtype
        try:
            value = np.asarray(new_value)
            if value.dtype.kind in "USO":
                value = np.asarray(new_value, dtype=target)
        except ValueError as error:  # strings, ragged lists: Theano's message and container
            raise ValueError(str(error), 'Container name "%s"' % self.name) from None
        if value.ndim != current.ndim:
            raise TypeError("Wrong number of dimensions: expected %d, got %d with shape %s."
                            % (current.ndim, value.ndim, value.shape),
                            'Container name "%s"' % self.name)
        if value.shape != current.shape:
            raise ValueError(
                "set_value on %s: the new value has shape %s but the variable has shape %s; "
                "legacy_keras refuses to change a weight's shape (Theano accepted it and failed "
                "later). Nothing was changed." % (self.name, value.shape, current.shape))
        if value.dtype == target:
            return value
        if np.can_cast(value.dtype, target, casting="safe"):
            return value.astype(target)
        if not isinstance(new_value, np.ndarray) and value.dtype.kind in "iubf":
            exact = value.astype(target)
            if np.array_equal(exact, value):
                return exact  # a list of values the dtype holds exactly, as Theano accepted
        if value.dtype.kind == "f" and target.kind == "f":
            self._warn_downcast(value.dtype, target)
            return value.astype(target)
        raise TypeError("set_value on %s: cannot store a value of dtype %s in a %s variable "
                        "without risking loss of precision (Theano refused it too). Nothing "
                        "was changed." % (self.name, value.dtype, target))

    def _warn_downcast(self, source, target):
        if getattr(self, "_warned_downcast", False):
            return
        self._warned_downcast = True
        warnings.warn(
            "set_value on %s: casting a %s value to the variable's %s. Theano refused this "
            "downcast; legacy_keras casts because NumPy 2 promotes float32 * float64 scalars "
            "to float64 where NumPy 1 kept float32 (see migration_guide.md)."
            % (self.name, source, target), stacklevel=4)

    def clone(self, **kwargs):
        """A copy for PyTensor's graph rewrites and ``theano.clone``: the same storage
        (container) and the same Keras 3 variable, so a function compiled from a cloned
        graph still reads and writes this weight. PyTensor's ``SharedVariable.clone``
        calls the constructor with ``type=`` / ``container=``, which a bound variable's
        constructor does not take; only ``name`` is honoured, as in PyTensor."""
        twin = BoundSharedVariable.__new__(type(self))
        twin.__dict__.update(copy.copy(self.__dict__))
        TensorSharedVariable.__init__(twin, name=kwargs.get("name", self.name),
                                      type=self.type, value=None, strict=None,
                                      container=self.container)
        twin.tag = copy.copy(self.tag)
        return twin

    def eval(self, inputs_to_values=None, **kwargs):
        self.refresh()
        return super().eval(inputs_to_values, **kwargs)

    # -- arithmetic inside Keras 3 execution -----------------------------------------
    # In a Keras 3 computation (fit, predict) a Keras 1 layer's ``call`` adds its
    # ``self.b`` to a TensorFlow tensor; the operation then runs on the Keras variable.
    def _binary(name, modern_op):
        pytensor_op = getattr(TensorSharedVariable, name)

        def method(self, other):
            if is_modern_tensor(other) or in_numeric_execution():
                if isinstance(other, BoundSharedVariable):
                    other = other.keras_variable
                return modern_op(self.keras_variable, other)
            return pytensor_op(self, other)

        method.__name__ = name
        return method

    __add__ = _binary("__add__", lambda a, b: a + b)
    __radd__ = _binary("__radd__", lambda a, b: b + a)
    __sub__ = _binary("__sub__", lambda a, b: a - b)
    __rsub__ = _binary("__rsub__", lambda a, b: b - a)
    __mul__ = _binary("__mul__", lambda a, b: a * b)
    __rmul__ = _binary("__rmul__", lambda a, b: b * a)
    __truediv__ = _binary("__truediv__", lambda a, b: a / b)
    __rtruediv__ = _binary("__rtruediv__", lambda a, b: b / a)
    __pow__ = _binary("__pow__", lambda a, b: a ** b)
    __lt__ = _binary("__lt__", lambda a, b: a < b)
    __le__ = _binary("__le__", lambda a, b: a <= b)
    __gt__ = _binary("__gt__", lambda a, b: a > b)
    __ge__ = _binary("__ge__", lambda a, b: a >= b)
    __rpow__ = _binary("__rpow__", lambda a, b: b ** a)
    del _binary

    def __neg__(self):
        if in_numeric_execution():
            return -self.keras_variable
        return TensorSharedVariable.__neg__(self)

    # Identity semantics (PyTensor variables hash by identity too).
    __hash__ = TensorSharedVariable.__hash__


def bind_new_shared(value, name=None):
    """``theano.shared(value)`` for an array: a new ``keras.Variable`` holding ``value``
    (same dtype), seen as a Theano shared variable named ``name``."""
    if value.dtype == np.bool_:
        value = value.astype(np.int8)  # Theano stored booleans as int8 too
    return new_bound_variable(value, str(value.dtype), (name or "shared").replace("/", "_"),
                              name)


def new_bound_variable(value, dtype, keras_name, name):
    """A new ``keras.Variable`` holding ``value`` as a :class:`BoundSharedVariable`.

    Keras 1 code creates variables while it builds graphs, also inside a layer's
    ``call``, a ``theano.scan`` step or an optimizer's ``get_updates``, which legacy_keras
    runs while TensorFlow traces a Keras 3 step. The variable is then created outside
    the trace (``tf.init_scope``), and a later trace of the same step asking for it
    again (same call site, shape and dtype) gets the same variable back
    (``_context.VariableBirths``), as Keras 1 created it once."""
    with eager_scope():
        value = np.asarray(value, dtype=dtype)
        births = current_births()
        if births is not None:
            birth, reused = births.request(value.shape, dtype)
            if reused is not None:
                return reused
        shared = BoundSharedVariable(keras.Variable(value, dtype=dtype, name=keras_name),
                                     name=name)
    if births is not None:
        births.add(birth, shared)
    return shared

