"""What translated Python 2 code finds among its builtins.

Each translated module gets its own ``__builtins__`` dict: Python 3's builtins, plus the
division helpers the translation calls and the Python 2 builtins that 2to3 has no fixer
for (``round`` returning a float, ``file``, ``cmp``, ``reduce``, ``intern``, ``coerce``,
``buffer``, ``reload``). Python 3 modules never see any of it.
"""
import builtins
import decimal
import functools
import importlib
import math
import operator
import sys

import numpy


def _is_integral(value):
    """Python 2 floor-divided these with ``/``: Python ints and bools, NumPy integer
    scalars and arrays (NumPy's ``divide`` was floor division for integers under Python
    2), and symbolic tensors of an integer dtype (Theano's default ``int_division='int'``).
    """
    if isinstance(value, int):
        return True
    if isinstance(value, numpy.generic):
        return isinstance(value, numpy.integer)
    if isinstance(value, numpy.ndarray):
        return value.dtype.kind in "iu"
    dtype = getattr(value, "dtype", None)
    if dtype is None:
        return False
    try:
        return numpy.dtype(dtype).kind in "iu"
    except TypeError:
        return bool(getattr(dtype, "is_integer", False))


def classic_div(a, b):
    """Python 2's ``a / b``: floor division when both operands are integers, else ``/``."""
    if type(a) is float or type(b) is float:  # the common case, decided at once
        return a / b
    if _is_integral(a) and _is_integral(b):
        return a // b
    return a / b


def classic_idiv(a, b):
    """Python 2's ``a /= b`` (in place for arrays, as ``/=`` was)."""
    if _is_integral(a) and _is_integral(b):
        return operator.ifloordiv(a, b)
    return operator.itruediv(a, b)


def py2_round(number, ndigits=0):
    """Python 2's ``round``: always a float, halves rounded away from zero."""
    value = float(number)
    if math.isinf(value) or math.isnan(value):
        return value
    quantum = decimal.Decimal(1).scaleb(-int(ndigits))
    with decimal.localcontext() as context:
        context.prec = 400
        rounded = decimal.Decimal(value).quantize(quantum, rounding=decimal.ROUND_HALF_UP)
    return float(rounded)


def py2_cmp(a, b):
    """Python 2's ``cmp``."""
    return (a > b) - (a < b)


def py2_file(name, mode="r", buffering=-1):
    """Python 2's ``file(...)``: ``open``."""
    return open(name, mode, buffering)


def py2_coerce(a, b):
    """Python 2's ``coerce`` for numbers."""
    if isinstance(a, float) or isinstance(b, float):
        return float(a), float(b)
    if isinstance(a, complex) or isinstance(b, complex):
        return complex(a), complex(b)
    return a, b


EXTRA_BUILTINS = {
    "__legacy_div__": classic_div,
    "__legacy_idiv__": classic_idiv,
    "round": py2_round,
    "file": py2_file,
    "cmp": py2_cmp,
    "reduce": functools.reduce,
    "intern": sys.intern,
    "coerce": py2_coerce,
    "buffer": memoryview,
    "reload": importlib.reload,
}


def python2_builtins():
    """A fresh builtins dict for one translated module."""
    namespace = dict(vars(builtins))
    namespace.update(EXTRA_BUILTINS)
    return namespace
