"""The NumPy of 2016 that Keras 1 scripts were written against, under activation only.

Keras 1 programs used NumPy 1.11-1.13 spellings everywhere: ``np.float``, ``np.int``,
``np.bool``, ``np.object``, ``np.asscalar``, ``np.product``, ``np.NaN``... NumPy 1.24
and 2.0 removed them, so an unchanged script dies with ``AttributeError``. While
legacy_keras is installed (``legacy-keras run``, :func:`legacy_keras.install`):

* each removed name answers again with what it meant then, and the first use of each
  name emits one ``DeprecationWarning`` naming the modern spelling (see
  :data:`REMOVED_NAMES`);
* ``np.array`` / ``np.asarray`` of sequences of different lengths or shapes (a ragged
  list, e.g. episodes of different lengths) give a 1-D object array, as NumPy < 1.24
  did (it warned ``VisibleDeprecationWarning``), where NumPy 1.24+ raises
  ``ValueError``; one warning per process.

Nothing changes for code that never activates legacy_keras, and :func:`uninstall`
puts NumPy back exactly as it was.
"""
import builtins
import warnings

import numpy as np


def _asscalar(array):
    """``np.asscalar(a)``: ``a.item()`` (removed in NumPy 1.23)."""
    return array.item()


def _msort(array):
    """``np.msort(a)``: ``np.sort(a, axis=0)`` (removed in NumPy 2.0)."""
    return np.sort(array, axis=0)


# name -> (what it meant in NumPy 1.x, the modern spelling to tell the user). ``np.bool``
# and ``np.long`` are absent: NumPy 2 defines them again (as np.bool_ and the C long),
# which old code uses as dtypes to the same effect.
REMOVED_NAMES = {
    # the builtin aliases (removed in 1.24)
    "float": (builtins.float, "float (or np.float64)"),
    "int": (builtins.int, "int (or np.int64 / np.int32)"),
    "object": (builtins.object, "object"),
    "str": (builtins.str, "str (or np.str_)"),
    "complex": (builtins.complex, "complex (or np.complex128)"),
    "unicode": (builtins.str, "str"),
    # scalar type aliases (removed in 2.0)
    "float_": (np.float64, "np.float64"),
    "complex_": (np.complex128, "np.complex128"),
    "string_": (np.bytes_, "np.bytes_"),
    "unicode_": (np.str_, "np.str_"),
    "longfloat": (np.longdouble, "np.longdouble"),
    "singlecomplex": (np.complex64, "np.complex64"),
    "cfloat": (np.complex128, "np.complex128"),
    "longcomplex": (np.clongdouble, "np.clongdouble"),
    "clongfloat": (np.clongdouble, "np.clongdouble"),
    "int0": (np.intp, "np.intp"),
    "uint0": (np.uintp, "np.uintp"),
    "bool8": (np.bool_, "np.bool_"),
    "object0": (np.object_, "np.object_"),
    "str0": (np.str_, "np.str_"),
    "bytes0": (np.bytes_, "np.bytes_"),
    "void0": (np.void, "np.void"),
    # constants (removed in 2.0)
    "Inf": (np.inf, "np.inf"),
    "Infinity": (np.inf, "np.inf"),
    "infty": (np.inf, "np.inf"),
    "NaN": (np.nan, "np.nan"),
    "PINF": (np.inf, "np.inf"),
    "NINF": (-np.inf, "-np.inf"),
    "PZERO": (0.0, "0.0"),
    "NZERO": (-0.0, "-0.0"),
    # functions
    "asscalar": (_asscalar, "a.item()"),
    "rank": (np.ndim, "np.ndim"),
    "product": (np.prod, "np.prod"),
    "cumproduct": (np.cumprod, "np.cumprod"),
    "alltrue": (np.all, "np.all"),
    "sometrue": (np.any, "np.any"),
    "round_": (np.round, "np.round"),
    "msort": (_msort, "np.sort(a, axis=0)"),
    "trapz": (getattr(np, "trapezoid", None), "np.trapezoid"),
    "in1d": (np.isin, "np.isin"),
    "asfarray": (lambda a, dtype=np.float64: np.asarray(a, dtype=dtype),
                 "np.asarray(a, dtype=float)"),
    "mat": (np.asmatrix, "np.asmatrix"),
}

_state = {"installed": False, "getattr": None, "array": None, "asarray": None}
_warned = set()


def _warn_once(key, message):
    if key in _warned:
        return
    _warned.add(key)
    warnings.warn(message, DeprecationWarning, stacklevel=3)


def _legacy_getattr(name):
    """NumPy's module ``__getattr__``, answering the names 2016 code used."""
    entry = REMOVED_NAMES.get(name)
    if entry is not None and entry[0] is not None:
        value, modern = entry
        _warn_once(name, "np.%s was removed from NumPy; legacy_keras provides it for this "
                         "Keras 1 script. Its modern spelling is %s (see migration_guide.md)."
                   % (name, modern))
        return value
    return _state["getattr"](name)


def _is_ragged_error(error):
    return "inhomogeneous" in str(error)


def _ragged_tolerant(original):
    def array(obj, *args, **kwargs):
        try:
            return original(obj, *args, **kwargs)
        except ValueError as error:
            if args or kwargs.get("dtype") is not None or not _is_ragged_error(error):
                raise
            try:
                result = original(obj, *args, dtype=object, **kwargs)
            except ValueError:
                raise error from None
            _warn_once("ragged", "np.%s of sequences of different lengths or shapes made an "
                                 "object array in NumPy < 1.24 and raises today; legacy_keras "
                                 "makes the object array for this Keras 1 script. Pass "
                                 "dtype=object to do so explicitly (see migration_guide.md)."
                       % original.__name__)
            return result

    array.__name__ = array.__qualname__ = original.__name__
    array.__module__ = "numpy"  # pickled by reference as numpy.array, as the original
    array.__doc__ = original.__doc__
    array.__wrapped__ = original
    return array


def install():
    """Gives NumPy its 2016 names and ragged-array behaviour (idempotent)."""
    if _state["installed"]:
        return
    _state.update(installed=True, getattr=np.__getattr__, array=np.array,
                  asarray=np.asarray)
    np.__getattr__ = _legacy_getattr
    np.array = _ragged_tolerant(_state["array"])
    np.asarray = _ragged_tolerant(_state["asarray"])


def uninstall():
    """Puts NumPy back as it was before :func:`install`."""
    if not _state["installed"]:
        return
    np.__getattr__ = _state["getattr"]
    np.array = _state["array"]
    np.asarray = _state["asarray"]
    _state.update(installed=False, getattr=None, array=None, asarray=None)
