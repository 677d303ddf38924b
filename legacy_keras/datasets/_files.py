"""Finding and reading dataset files for ``keras.datasets``.

Keras 1's files are Python pickles and Keras 3's ``imdb.npz`` / ``reuters.npz`` hold
pickled object arrays. Unpickling can run arbitrary code, so both are read with a
restricted unpickler that only rebuilds NumPy arrays, lists, tuples, dicts, numbers
and strings; anything else in the file is refused with an error.
"""
import gzip
import importlib
import io
import os
import pickle
import zipfile

import numpy as np

from legacy_keras.utils import data_utils

_ALLOWED_GLOBALS = {
    ("numpy.core.multiarray", "_reconstruct"), ("numpy._core.multiarray", "_reconstruct"),
    ("numpy.core.multiarray", "scalar"), ("numpy._core.multiarray", "scalar"),
    ("numpy", "ndarray"), ("numpy", "dtype"),
    ("_codecs", "encode"),  # how Python 3 writes bytes in protocol-2 pickles
}


class _ArraysOnlyUnpickler(pickle.Unpickler):
    def find_class(self, module, name):
        if (module, name) not in _ALLOWED_GLOBALS:
            raise pickle.UnpicklingError(
                "refusing to load %s.%s from a dataset file: legacy_keras only reads NumPy "
                "arrays and plain Python data from dataset pickles" % (module, name))
        if module == "_codecs":
            return getattr(importlib.import_module(module), name)
        if module.startswith("numpy.core."):
            module = "numpy._core." + module[len("numpy.core."):]
        try:
            return getattr(importlib.import_module(module), name)
        except ImportError:  # NumPy 1.x has no numpy._core
            return getattr(importlib.import_module(module.replace("numpy._core", "numpy.core")), name)


def load_pickle(path, encoding="bytes"):
    """Contents of a (possibly gzipped) pickle, read with the restricted unpickler.

    ``encoding`` is how Python 2 ``str`` objects are decoded (Keras 1.2.2 used
    ``'bytes'`` for data and ``'latin1'`` for word indices).
    """
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        return _ArraysOnlyUnpickler(f, encoding=encoding).load()


def _read_npy(stream):
    version = np.lib.format.read_magic(stream)
    if version == (1, 0):
        shape, fortran_order, dtype = np.lib.format.read_array_header_1_0(stream)
    else:
        shape, fortran_order, dtype = np.lib.format.read_array_header_2_0(stream)
    if dtype.hasobject:
        return _ArraysOnlyUnpickler(stream, encoding="latin1").load()
    data = np.frombuffer(stream.read(), dtype=dtype, count=int(np.prod(shape)))
    order = "F" if fortran_order else "C"
    return data.reshape(shape, order=order).copy()


def load_npz(path):
    """``{name: array}`` of an ``.npz`` file; object arrays through the restricted
    unpickler (Keras 3 does the same for its ragged datasets)."""
    arrays = {}
    with zipfile.ZipFile(path) as archive:
        for member in archive.namelist():
            if member.endswith(".npy"):
                arrays[member[:-4]] = _read_npy(io.BytesIO(archive.read(member)))
    return arrays


def cached(*names):
    """The first of ``names`` (paths relative to the dataset cache) that exists."""
    folder = data_utils.cache_folder("datasets")
    for name in names:
        path = os.path.join(folder, *name.split("/"))
        if os.path.exists(path):
            return path
    return None


def fetch(fname, origin, keras3_names=(), **kwargs):
    """``get_file(fname, origin, ...)``, naming the Keras 3 alternatives if it fails."""
    try:
        return data_utils.get_file(fname, origin=origin, **kwargs)
    except data_utils.DownloadError as error:
        if not keras3_names:
            raise
        raise data_utils.DownloadError(
            "%s Keras 3's %s in the same folder would be read as well."
            % (error, " or ".join(repr(n) for n in keras3_names))) from error


def keras1_array(rows):
    """``np.array(rows)`` as NumPy 1 built it in Keras 1.2.2: a 2-D array when all
    rows have one length, else a 1-D object array of lists (NumPy 2 refuses the
    latter)."""
    if len(set(len(row) for row in rows)) <= 1:
        return np.array(rows)
    array = np.empty(len(rows), dtype=object)
    for i, row in enumerate(rows):
        array[i] = row
    return array


def shuffled(sequence, seed):
    """``sequence`` in the order ``np.random.seed(seed); np.random.shuffle(sequence)``
    left it in Keras 1.2.2 (the global generator is left seeded the same way)."""
    np.random.seed(seed)
    order = np.arange(len(sequence))
    np.random.shuffle(order)
    return [sequence[i] for i in order]
