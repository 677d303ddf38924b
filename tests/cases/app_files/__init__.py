"""Helpers of the keras.applications golden cases (tests/cases/a_*.py), not a case.

Runs unchanged under the reference (NumPy 1.23, h5py 3.8) and under legacy_keras:
NumPy, h5py and the standard library only. The weight files these cases use are made
here, from a seeded NumPy draw, in the HDF5 layout Keras 1.2.2's ``save_weights`` wrote
and under the names Keras 1.2.2's applications looked for in ``~/.keras/models``; the
cases record each file's fingerprint, so the golden proves that the file loaded under
legacy_keras is, value for value, the file Keras 1.2.2 loaded.
"""
import hashlib
import os
import sys

import h5py
import numpy as np

VLEN_BYTES = h5py.special_dtype(vlen=bytes)
BN_RANGES = ((0.9, 1.1), (-0.1, 0.1), (-0.1, 0.1), (0.8, 1.2))  # gamma beta mean std


def use_cache_home(home):
    """Makes ``home`` the folder whose ``.keras/models`` both Keras 1.2.2 (HOME) and
    legacy_keras (KERAS_HOME, then HOME) use as the cache; returns the models folder."""
    os.environ["HOME"] = home
    os.environ.pop("KERAS_HOME", None)
    models = os.path.join(home, ".keras", "models")
    if not os.path.isdir(models):
        os.makedirs(models)
    return models


class _Numpy112Indexing(np.ndarray):
    """An array indexed as NumPy < 1.15 indexed: a list of slices is a tuple."""

    def __getitem__(self, index):
        if isinstance(index, list) and all(isinstance(i, slice) for i in index):
            index = tuple(index)
        return np.ndarray.__getitem__(self, index)


def keep_2017_numpy_indexing(layer_utils):
    """Keras 1.2.2's ``convert_kernel`` indexed with a list of slices, which the NumPy
    of its day took as a tuple and NumPy 1.23 (the reference's) rejects. If the
    ``convert_kernel`` that ``layer_utils.convert_all_kernels_in_model`` calls fails so,
    it is wrapped to run on an array indexed the old way (Keras 1.2.2's code unchanged).
    Returns whether it was needed (under legacy_keras it is not)."""
    original = layer_utils.convert_kernel
    try:
        original(np.zeros((1, 1, 2, 2), dtype="float32"))
        return False
    except IndexError:
        pass

    def convert_kernel(kernel, dim_ordering=None):
        return np.asarray(original(np.asarray(kernel).view(_Numpy112Indexing), dim_ordering))

    layer_utils.convert_kernel = convert_kernel
    return True


def _fan_in(shape, ordering):
    if len(shape) == 4:
        return int(np.prod(shape)) // (shape[0] if ordering == "th" else shape[-1])
    return shape[0]


def seeded_weights(model, seed, ordering):
    """Per layer of ``model``, weights drawn from ``RandomState(seed)``: He-scaled
    normal kernels / matrices, small uniform biases, BatchNormalization statistics near
    the identity; float32."""
    rng = np.random.RandomState(seed)
    per_layer = []
    for layer in model.layers:
        values = []
        for i, value in enumerate(layer.get_weights()):
            shape = value.shape
            if layer.__class__.__name__ == "BatchNormalization":
                low, high = BN_RANGES[i]
                drawn = rng.uniform(low, high, size=shape)
            elif len(shape) >= 2:
                drawn = rng.standard_normal(shape) * np.sqrt(2.0 / _fan_in(shape, ordering))
            else:
                drawn = rng.uniform(-0.05, 0.05, size=shape)
            values.append(drawn.astype("float32"))
        per_layer.append(values)
    return per_layer


def set_seeded_weights(model, per_layer):
    for layer, values in zip(model.layers, per_layer):
        if values:
            layer.set_weights(values)


def _flipped(kernel, ordering):
    """A Theano (convolution) kernel as TensorFlow's (correlation) one: spatial axes
    reversed ('th': the last two, 'tf': the first two)."""
    return kernel[:, :, ::-1, ::-1] if ordering == "th" else kernel[::-1, ::-1, :, :]


def write_weights_file(path, model, per_layer, tf_kernels, ordering):
    """``per_layer`` written as Keras 1.2.2's ``save_weights`` wrote a model: root
    attribute ``layer_names``, a group per layer with ``weight_names`` and one dataset
    per weight. With ``tf_kernels`` the Convolution2D kernels are stored flipped, as in
    the published ``*_tf_kernels*`` files."""
    with h5py.File(path, "w") as f:
        # Keras 1.2.2 stored lists of byte strings; the reference's h5py (3.8) made
        # them variable-length strings, an empty list an empty float64 array.
        f.attrs.create("layer_names", [layer.name.encode("utf8") for layer in model.layers],
                       dtype=VLEN_BYTES)
        for layer, values in zip(model.layers, per_layer):
            group = f.create_group(layer.name)
            names = [str(w.name).encode("utf8") for w in layer.weights]
            if names:
                group.attrs.create("weight_names", names, dtype=VLEN_BYTES)
            else:
                group.attrs["weight_names"] = np.array([])
            is_conv = layer.__class__.__name__ == "Convolution2D"
            for name, value in zip(names, values):
                if tf_kernels and is_conv and name.endswith(b"_W"):
                    value = _flipped(value, ordering)
                dataset = group.create_dataset(name, value.shape, dtype=value.dtype)
                dataset[...] = value


def _stored_type(obj, key):
    """The attribute's HDF5 type as stored (h5py versions read strings back differently)."""
    stored = obj.attrs.get_id(key).get_type()
    if isinstance(stored, h5py.h5t.TypeStringID):
        return "vlen string" if stored.is_variable_str() else "string(%d)" % stored.get_size()
    return np.dtype(stored.dtype).str


def _attrs(obj):
    out = {}
    for key in sorted(obj.attrs):
        value = np.asarray(obj.attrs[key])
        items = [v.decode("utf8") if isinstance(v, bytes) else v for v in value.tolist()]
        out[key] = [_stored_type(obj, key), items]
    return out


def fingerprint(path):
    """The file's structure, attributes (dtype and values) and, per dataset, shape,
    dtype and the SHA-256 of its little-endian bytes."""
    entries = {}
    with h5py.File(path, "r") as f:
        entries["/"] = {"attrs": _attrs(f)}

        def visit(name, obj):
            entry = {"attrs": _attrs(obj)}
            if isinstance(obj, h5py.Dataset):
                data = np.ascontiguousarray(obj[...])
                data = data.astype(data.dtype.newbyteorder("<"))
                entry.update(shape=list(data.shape), dtype=data.dtype.str,
                             sha256=hashlib.sha256(data.tobytes()).hexdigest())
            entries[name] = entry

        f.visititems(visit)
    return entries


def sample(pred, size=512):
    """At most ``size`` values per sample (an even stride through the flattened
    output), and the per-sample sums: enough to compare large feature maps."""
    flat = np.asarray(pred, dtype="float64").reshape(len(pred), -1)
    stride = max(1, flat.shape[1] // size)
    return flat[:, ::stride].astype("float32"), flat.sum(axis=1)


def images(rng, n, rows, cols, ordering):
    shape = (n, 3, rows, cols) if ordering == "th" else (n, rows, cols, 3)
    return rng.uniform(0, 255, size=shape).astype("float32")


def check_pretrained(golden, key, K, build, ordering, x, file_name, tf_kernels, seed,
                     models_dir, convert_all_kernels_in_model, **build_args):
    """One model and ordering: built with ``weights=None`` (its summary printed) and
    seeded weights; the weight file written where Keras 1.2.2 looked for it (and
    compared with the model's own ``save_weights``, kernels converted as in a
    ``*_tf_kernels*`` file); then the model built with pretrained weights from that file,
    and its predictions.

    Under the reference only, the pretrained model's predictions are also checked
    against the seeded model's (regeneration fails otherwise); legacy_keras is then
    compared with the reference's pretrained predictions, one predict per model (each
    first predict compiles a Keras 3 function: the costly part of these tests).
    """
    K.set_image_dim_ordering(ordering)
    keep_2017_numpy_indexing(sys.modules[convert_all_kernels_in_model.__module__])
    pretrained = build_args.pop("pretrained", "imagenet")
    model = build(weights=None, **build_args)
    model.summary()
    per_layer = seeded_weights(model, seed, ordering)
    set_seeded_weights(model, per_layer)
    path = os.path.join(models_dir, file_name)
    write_weights_file(path, model, per_layer, tf_kernels, ordering)
    written = fingerprint(path)
    golden.record(key + "/file", written)
    if tf_kernels:
        convert_all_kernels_in_model(model)
    model.save_weights("saved_by_model.h5")
    if tf_kernels:
        convert_all_kernels_in_model(model)
    print(key, "save_weights file equals the written file:",
          fingerprint("saved_by_model.h5") == written)
    os.remove("saved_by_model.h5")
    loaded = build(weights=pretrained, **build_args)
    pred = loaded.predict(x)
    scale = float(np.abs(pred).max())
    if not getattr(sys.modules["keras"], "_LEGACY_KERAS", False):
        seeded = model.predict(x)
        assert np.allclose(seeded, pred, rtol=1e-4, atol=1e-5 * scale), key
    values, sums = sample(pred)
    golden.record(key + "/predict_pretrained", values, rtol=1e-3, atol=1e-4 * scale)
    golden.record(key + "/predict_pretrained_sums", sums, rtol=1e-3, atol=1e-3 * scale)
    print(key, "output shape", pred.shape)
    return loaded, pred
