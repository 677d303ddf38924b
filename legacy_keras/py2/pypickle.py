"""``pickle`` as translated Python 2 code used it (``import cPickle`` / ``import pickle``).

Python 2 pickled to files opened in text mode (``cPickle.dump(obj, open(path, 'w'))``),
which Python 3 refuses (``write() argument must be str, not bytes``). Here ``dump`` and
``load`` use the binary buffer under a text-mode file, and ``load`` / ``loads`` read
Python 2 pickles (``encoding='latin1'``, so NumPy arrays pickled by Python 2 load).
Everything else is Python 3's ``pickle``.
"""
import io
import pickle as _pickle
from pickle import *  # noqa: F401,F403
from pickle import HIGHEST_PROTOCOL, PickleError, PicklingError, UnpicklingError  # noqa: F401


def _binary(f):
    return f.buffer if isinstance(f, io.TextIOBase) and hasattr(f, "buffer") else f


def dump(obj, file, protocol=None, *args, **kwargs):
    target = _binary(file)
    if target is not file:
        file.flush()
    _pickle.dump(obj, target, protocol, *args, **kwargs)
    if target is not file:
        target.flush()


def load(file, **kwargs):
    kwargs.setdefault("encoding", "latin1")
    return _pickle.load(_binary(file), **kwargs)


def loads(data, **kwargs):
    kwargs.setdefault("encoding", "latin1")
    if isinstance(data, str):
        data = data.encode("latin1")
    return _pickle.loads(data, **kwargs)
