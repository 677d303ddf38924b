"""Helpers for the h_* cases (imported, not a case itself: run alone it does nothing).

Runs unchanged under the oracle (h5py 3.8, whose string attributes the oracle's
sitecustomize hands back as bytes) and under legacy_keras (h5py 3.14)."""
import json
import os

import h5py
import numpy as np


def out_path(name):
    """Where a case writes its files: $LEGACY_KERAS_FIXTURES (when regenerating the
    fixtures), else the current folder."""
    return os.path.join(os.environ.get("LEGACY_KERAS_FIXTURES", "."), name)


def text(value):
    if isinstance(value, (bytes, np.bytes_)):
        return value.decode("utf8")
    if isinstance(value, np.ndarray) and value.dtype.kind in "SOU":
        return [text(v) for v in value.tolist()]
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, np.generic):
        return value.item()
    return value


def dtype_name(dtype):
    """The stored HDF5 type (not what h5py hands back when reading)."""
    string = h5py.check_string_dtype(dtype)
    if string is not None:
        return "string(%s, %s)" % (string.encoding, string.length)
    return str(dtype)


def attributes(node):
    result = {}
    for key in sorted(node.attrs.keys()):
        stored = node.attrs.get_id(key)
        value = text(node.attrs[key])
        if key in ("model_config", "training_config"):
            value = json.loads(value)
        result[key] = [dtype_name(stored.dtype), list(stored.shape), value]
    return result


def hdf5_tree(filename):
    """Every group / dataset (name order) with its kind, dtype, shape and attributes
    (stored type, shape, value; JSON attributes parsed)."""
    entries = []

    def visit(name, node):
        kind = (["dataset", str(node.dtype), list(node.shape)]
                if isinstance(node, h5py.Dataset) else ["group"])
        entries.append([name, kind, attributes(node)])

    with h5py.File(filename, "r") as f:
        entries.append(["/", ["group"], attributes(f)])
        f.visititems(visit)
    return entries
