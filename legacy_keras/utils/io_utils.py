"""``keras.utils.io_utils`` (Keras 1.2.2): :class:`HDF5Matrix` (an HDF5 dataset used
like a NumPy array), ``save_array`` / ``load_array`` and the overwrite prompt."""
from collections import defaultdict

import numpy as np

try:
    import h5py
except ImportError:  # pragma: no cover - h5py is a dependency
    h5py = None


class HDF5Matrix(object):
    """A slice of an HDF5 dataset that models can read instead of a NumPy array.

    ``HDF5Matrix(datapath, dataset, start=0, end=None, normalizer=None)``: rows
    ``start:end`` of ``dataset`` in the file ``datapath``; ``normalizer`` is applied to
    every piece read. As in Keras 1.2.2 files are opened once per path (kept in
    ``HDF5Matrix.refs``), indices are relative to ``start`` and an index at or past
    ``end`` raises ``IndexError``.

    Differences: files are opened read-only (h5py 2, which Keras 1 used, opened them
    for appending); slices with omitted bounds (``x[:5]``, ``x[2:]``) and NumPy integer
    indices work (Keras 1 failed on them); ``dtype`` and ``ndim`` are available.
    """
    refs = defaultdict(int)

    def __init__(self, datapath, dataset, start=0, end=None, normalizer=None):
        if h5py is None:
            raise ImportError("The use of HDF5Matrix requires HDF5 and h5py installed.")
        if datapath not in self.refs:
            self.refs[datapath] = h5py.File(datapath, "r")
        handle = self.refs[datapath]
        if dataset not in handle:
            raise KeyError("HDF5Matrix: no dataset %r in %s" % (dataset, datapath))
        self.data = handle[dataset]
        self.start = start
        self.end = self.data.shape[0] if end is None else end
        self.normalizer = normalizer

    def __len__(self):
        return self.end - self.start

    def _absolute(self, key):
        """``key`` (relative to ``start``) as an index into the whole dataset."""
        if isinstance(key, slice):
            start = 0 if key.start is None else key.start
            stop = len(self) if key.stop is None else key.stop
            if stop + self.start > self.end:
                raise IndexError("HDF5Matrix slice %r past its end (%d rows)" % (key, len(self)))
            return slice(start + self.start, stop + self.start, key.step)
        if isinstance(key, (int, np.integer)):
            if key + self.start >= self.end:
                raise IndexError("HDF5Matrix index %d out of range (%d rows)" % (key, len(self)))
            return int(key) + self.start
        if isinstance(key, (np.ndarray, list)):
            if max(key) + self.start >= self.end:
                raise IndexError("HDF5Matrix index %d out of range (%d rows)" % (max(key), len(self)))
            return [int(i) + self.start for i in key]
        raise TypeError("HDF5Matrix indices are ints, slices, lists or arrays, not %r"
                        % type(key).__name__)

    def __getitem__(self, key):
        values = self.data[self._absolute(key)]
        if self.normalizer is not None:
            return self.normalizer(values)
        return values

    def __array__(self, dtype=None, copy=None):
        values = np.asarray(self[:])
        return values if dtype is None else values.astype(dtype)

    @property
    def shape(self):
        return (self.end - self.start,) + self.data.shape[1:]

    @property
    def dtype(self):
        return self.data.dtype

    @property
    def ndim(self):
        return len(self.shape)


def save_array(array, name):
    """Writes ``array`` as the dataset ``/data`` of a new HDF5 file ``name``.

    Keras 1.2.2 did this with PyTables (a ``CArray`` named ``data``); legacy_keras
    writes the same dataset with h5py, with PyTables' ``CLASS``/``VERSION``/``TITLE``
    attributes, so either library reads it.
    """
    array = np.asarray(array)
    with h5py.File(name, "w") as f:
        dataset = f.create_dataset("data", data=array)
        dataset.attrs["CLASS"] = np.bytes_(b"CARRAY")
        dataset.attrs["VERSION"] = np.bytes_(b"1.1")
        dataset.attrs["TITLE"] = np.bytes_(b"")


def load_array(name):
    """The ``/data`` dataset of an HDF5 file written by :func:`save_array` (or by Keras
    1.2.2's PyTables version), as a NumPy array."""
    with h5py.File(name, "r") as f:
        if "data" not in f:
            raise KeyError("load_array: %s has no 'data' dataset (not written by save_array)" % name)
        return f["data"][()]


def ask_to_proceed_with_overwrite(filepath):
    """Asks ``[WARNING] <filepath> already exists - overwrite? [y/n]``; True for 'y'."""
    overwrite = input("[WARNING] %s already exists - overwrite? [y/n]" % filepath)
    while overwrite not in ["y", "n"]:
        overwrite = input('Enter "y" (overwrite) or "n" (cancel).')
    if overwrite == "n":
        return False
    print("[TIP] Next time specify overwrite=True!")
    return True


