"""``theano.tensor.signal.pool``: Theano 1.0's ``pool_2d``, ``pool_3d`` and ``Pool`` op
(computed by :mod:`legacy_keras.theano.tensor.signal_pool`)."""
import warnings

from legacy_keras.theano.tensor.signal_pool import Pool, _pool  # noqa: F401
from legacy_keras.theano.unsupported import unsupported_attribute


def _deprecated_names(ws, stride, pad, ds, st, padding, ndim):
    """Theano's handling of the old argument names ``ds``, ``st`` and ``padding``."""
    if ds is not None:
        if ws is not None:
            raise ValueError("You can't provide a tuple value to both 'ws' and 'ds'. "
                             "Please provide a value only to 'ws'.")
        warnings.warn("DEPRECATION: the 'ds' parameter is not going to exist anymore as it "
                      "is going to be replaced by the parameter 'ws'.", stacklevel=3)
        ws = ds
    elif ws is None:
        raise ValueError("You must provide a tuple value for the window size.")
    if st is not None:
        if stride is not None:
            raise ValueError("You can't provide a tuple value to both 'st and 'stride'. "
                             "Please provide a value only to 'stride'.")
        warnings.warn("DEPRECATION: the 'st' parameter is not going to exist anymore as it "
                      "is going to be replaced by the parameter 'stride'.", stacklevel=3)
        stride = st
    if padding is not None:
        if pad not in {None, (0,) * ndim}:
            raise ValueError("You can't provide a tuple value to both 'padding' and pad.  "
                             "Please provide a value only to pad.")
        warnings.warn("DEPRECATION: the 'padding' parameter is not going to exist anymore as "
                      "it is going to be replaced by the parameter 'pad'.", stacklevel=3)
        pad = padding
    return ws, stride, pad


def _default_ignore_border(ignore_border, name):
    if ignore_border is None:
        warnings.warn("%s() will have the parameter ignore_border default value changed to "
                      "True (currently False). To have consistent behavior with all Theano "
                      "version, explicitly add the parameter ignore_border=True." % name,
                      stacklevel=3)
        return False
    return ignore_border


def pool_2d(input, ws=None, ignore_border=None, stride=None, pad=(0, 0), mode="max",
            ds=None, st=None, padding=None):
    """Theano 1.0's ``pool_2d``: one ``Pool{ignore_border, mode, ndim=2}`` node pooling
    the last two axes (window ``ws``, ``stride`` (default ``ws``), ``pad`` on both sides;
    mode 'max', 'sum', 'average_inc_pad' or 'average_exc_pad'). ``ignore_border``
    defaults to False (with Theano's warning)."""
    ws, stride, pad = _deprecated_names(ws, stride, pad, ds, st, padding, 2)
    if input.ndim < 2:
        raise NotImplementedError("pool_2d requires a dimension >= 2")
    ignore_border = _default_ignore_border(ignore_border, "pool_2d")
    return _pool(input, ws, ignore_border, stride, pad, mode, 2)


def pool_3d(input, ws=None, ignore_border=None, stride=None, pad=(0, 0, 0), mode="max",
            ds=None, st=None, padding=None):
    """Theano 1.0's ``pool_3d``: one ``Pool{..., ndim=3}`` node pooling the last three
    axes (arguments as :func:`pool_2d`)."""
    ws, stride, pad = _deprecated_names(ws, stride, pad, ds, st, padding, 3)
    if input.ndim < 3:
        raise NotImplementedError("pool_3d requires a dimension >= 3")
    ignore_border = _default_ignore_border(ignore_border, "pool_3d")
    return _pool(input, ws, ignore_border, stride, pad, mode, 3)


def __getattr__(name):
    return unsupported_attribute("theano.tensor.signal.pool", name)
