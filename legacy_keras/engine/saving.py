"""Keras 1.2.2's files: HDF5 weights and whole models, JSON / YAML architectures.

What Keras 1.2.2 wrote, and what these functions write and read:

* ``save_weights(path)``: root attribute ``layer_names`` (the names of the model's
  layers, ``flattened_layers`` for a Sequential, as a fixed-length byte-string array);
  one group per layer, named after it, with the attribute ``weight_names`` (the names of
  its weights, an empty float64 array for a layer without weights) and one dataset per
  weight, named after the weight (``dense_1_W``; ``param_<i>`` for an unnamed one), in
  the weight's dtype and in Keras 1's layout (what ``layer.get_weights()`` returns: the
  layers' own conversions apply). No ``keras_version`` or ``backend`` attribute: a
  Keras 1.2.2 weights file does not say which backend wrote it (Theano is assumed).
* ``save(path)``: root attributes ``keras_version`` (``b'1.2.2'``), ``model_config``
  (JSON of ``{'class_name', 'config'}``) and, for a compiled model, ``training_config``
  (JSON of the optimizer's config, ``loss``, ``metrics``, ``sample_weight_mode``,
  ``loss_weights``); the weights as above in the group ``model_weights``; the
  optimizer's state in the group ``optimizer_weights`` (``weight_names`` ``param_0``...,
  in the order of ``optimizer.weights``).
* the Keras 1.0 weights layout is read too: root attribute ``nb_layers``, groups
  ``layer_<k>`` (one per layer, with or without weights) with attribute ``nb_params``
  and datasets ``param_<p>``.

Where legacy_keras differs on purpose (see migration_guide.md, "Old files"):

* Loading checks everything first (layer count, weight count, every shape) and then
  assigns all weights at once: a bad file raises a ``ValueError`` that names the layer
  and leaves the model as it was (Keras 1.2.2 on Theano accepted a wrong shape silently
  and could leave a model half loaded). An unreadable file (missing, truncated, not
  HDF5) raises an ``IOError`` that says so.
* Keras 1 stored ``Lambda`` functions (and callable ``merge`` modes) as marshalled
  bytecode of the Python that wrote them; loading them runs code from the file. Loading
  refuses that unless ``safe_mode=False`` is passed (the name Keras 3's ``load_model``
  uses), or the function is supplied through ``custom_objects`` under the layer's name.
* YAML is read with a safe loader that knows the few Python tags Keras 1's ``yaml.dump``
  wrote (tuples, Python 2 unicode / str), never arbitrary Python objects.
"""
import copy
import json
import marshal
import os
import sys
import warnings

import h5py
import numpy as np
import yaml

from legacy_keras import backend as K
from legacy_keras import optimizers, profiles
from legacy_keras.engine import legacy_layouts
from legacy_keras.engine.registry import layer_from_config

HDF5_SIGNATURE = b"\x89HDF\r\n\x1a\n"
# config keys that may hold a marshalled function, with the key that says so
_FUNCTION_KEYS = (("function", "function_type"), ("mode", "mode_type"),
                  ("output_shape", "output_shape_type"), ("output_mask", "output_mask_type"))
_GUIDE = "see migration_guide.md, \"Old files\""


class UnsafeLoadingError(ValueError):
    """A file holds marshalled Python bytecode that legacy_keras will not run unless
    asked to (``safe_mode=False``)."""


# ---------------------------------------------------------------------------------------------
# small helpers
# ---------------------------------------------------------------------------------------------
def _text(value):
    """An HDF5 string attribute as ``str`` (h5py 3 gives bytes for fixed-length strings,
    str for variable-length ones; h5py 2 gave bytes)."""
    if isinstance(value, (bytes, np.bytes_)):
        return bytes(value).decode("utf8")
    return str(value)


def _texts(values):
    return [_text(v) for v in np.asarray(values).ravel()] if np.size(values) else []


def _weight_layers(model):
    """The layers whose weights a file holds: a Sequential's ``flattened_layers`` (its
    Merge branches' layers included), a Model's ``layers``."""
    layers = getattr(model, "flattened_layers", None)
    return layers if layers is not None else model.layers


def _weight_file_names(weights):
    return [(str(w.name) if getattr(w, "name", None) else "param_" + str(i)).encode("utf8")
            for i, w in enumerate(weights)]


def _ask_to_proceed_with_overwrite(filepath):
    """Keras 1's prompt (``utils.io_utils.ask_to_proceed_with_overwrite``)."""
    answer = input("[WARNING] %s already exists - overwrite? [y/n]" % filepath)
    while answer not in ("y", "n"):
        answer = input("Enter \"y\" (overwrite) or \"n\" (cancel).")
    if answer == "n":
        return False
    print("[TIP] Next time specify overwrite=True!")
    return True


def _may_write(filepath, overwrite):
    return overwrite or not os.path.isfile(filepath) or _ask_to_proceed_with_overwrite(filepath)


def open_hdf5(filepath, what="weights"):
    """Opens ``filepath`` for reading, or raises an ``IOError`` that says why it cannot
    be read (missing, not HDF5 -- e.g. a JSON architecture --, truncated or corrupt)."""
    if not os.path.exists(filepath):
        raise IOError("Cannot load %s from %r: no such file." % (what, str(filepath)))
    if not h5py.is_hdf5(filepath):
        with open(filepath, "rb") as f:
            start = f.read(64).lstrip()
        hint = ""
        if start[:1] in (b"{", b"[") or start.startswith(b"class_name") or b":" in start[:40]:
            hint = (" It looks like a text file: an architecture saved with to_json() / "
                    "to_yaml() is read with keras.models.model_from_json() / "
                    "model_from_yaml().")
        raise IOError("Cannot load %s from %r: it is not an HDF5 file (Keras 1 weights and "
                      "models are HDF5 files, which start with the HDF5 signature).%s"
                      % (what, str(filepath), hint))
    try:
        return h5py.File(filepath, mode="r")
    except OSError as error:
        raise IOError("Cannot load %s from %r: the HDF5 file is truncated or corrupt (%s)."
                      % (what, str(filepath), error)) from error


def _read_dataset(group, name, layer_name, filepath):
    try:
        return np.asarray(group[name][()])
    except (KeyError, OSError, ValueError, RuntimeError) as error:
        raise IOError("Cannot read weight %r of layer %r from %r: the file is truncated or "
                      "corrupt (%s)." % (name, layer_name, filepath, error)) from error


def _group(parent, name, filepath, listed_in):
    try:
        return parent[name]
    except (KeyError, OSError, ValueError, RuntimeError) as error:
        raise ValueError("The weight file %r lists layer %r in its %s but has no group for "
                         "it: the file is incomplete or corrupt (%s)."
                         % (filepath, name, listed_in, error)) from error


def _attr(node, name, filepath, owner):
    try:
        return node.attrs[name]
    except (KeyError, OSError, ValueError, RuntimeError) as error:
        raise ValueError("The weight file %r has no readable %r attribute for %s: it is not "
                         "a Keras 1 weight file, or it is corrupt (%s)."
                         % (filepath, name, owner, error)) from error


# ---------------------------------------------------------------------------------------------
# writing
# ---------------------------------------------------------------------------------------------
def _write_weights(group, names, values):
    for name, value in zip(names, values):
        dataset = group.create_dataset(name, value.shape, dtype=value.dtype)
        if value.shape:
            dataset[:] = value
        else:
            dataset[()] = value


def save_weights_to_hdf5_group(model, f):
    """Writes every layer's weights into the HDF5 group ``f`` (Keras 1.2.2's layout)."""
    layers = _weight_layers(model)
    f.attrs["layer_names"] = [layer.name.encode("utf8") for layer in layers]
    for layer in layers:
        group = f.create_group(layer.name)
        weights = layer.weights
        values = [np.asarray(v) for v in K.batch_get_value(weights)]
        names = _weight_file_names(weights)
        group.attrs["weight_names"] = names
        _write_weights(group, names, values)


def save_weights(model, filepath, overwrite=True):
    """``model.save_weights(filepath, overwrite=True)``: asks before replacing a file
    when ``overwrite`` is False, as Keras 1 did."""
    if not _may_write(filepath, overwrite):
        return
    with h5py.File(filepath, "w") as f:
        save_weights_to_hdf5_group(model, f)
        f.flush()


def _json_default_for_model_file(obj):
    """What Keras 1.2.2's ``save_model`` put in JSON for non-JSON values: configs of
    objects that have one, NumPy scalars as Python numbers, functions and types by
    name."""
    if hasattr(obj, "get_config"):
        return {"class_name": obj.__class__.__name__, "config": obj.get_config()}
    if type(obj).__module__ == np.__name__:
        return obj.item()
    if callable(obj) or isinstance(obj, type):
        return obj.__name__
    raise TypeError("Not JSON Serializable:", obj)


def _json_default_for_config(obj):
    """``to_json``'s converter (Keras 1.2.2): NumPy scalars and types only."""
    if type(obj).__module__ == np.__name__:
        return obj.item()
    if isinstance(obj, type):
        return obj.__name__
    raise TypeError("Not JSON Serializable:", obj)


def _training_config(model):
    optimizer = model.optimizer
    return {"optimizer_config": {"class_name": optimizer.__class__.__name__,
                                 "config": optimizer.get_config()},
            "loss": model.loss,
            "metrics": model.metrics,
            "sample_weight_mode": model.sample_weight_mode,
            "loss_weights": model.loss_weights}


def save_model(model, filepath, overwrite=True):
    """``model.save(filepath)``: architecture, weights, training configuration and the
    optimizer's state in one HDF5 file (Keras 1.2.2's layout)."""
    if not _may_write(filepath, overwrite):
        return
    with h5py.File(filepath, "w") as f:
        f.attrs["keras_version"] = profiles.version().encode("utf8")
        f.attrs["model_config"] = json.dumps(
            {"class_name": model.__class__.__name__, "config": model.get_config()},
            default=_json_default_for_model_file).encode("utf8")
        save_weights_to_hdf5_group(model, f.create_group("model_weights"))
        if hasattr(model, "optimizer"):
            f.attrs["training_config"] = json.dumps(
                _training_config(model), default=_json_default_for_model_file).encode("utf8")
            weights = model.optimizer.weights
            if weights:
                group = f.create_group("optimizer_weights")
                names = _weight_file_names(weights)
                group.attrs["weight_names"] = names
                _write_weights(group, names,
                               [np.asarray(v) for v in K.batch_get_value(weights)])
        f.flush()


def updated_config(model):
    return {"class_name": model.__class__.__name__, "config": model.get_config(),
            "keras_version": profiles.version()}


def to_json(model, **kwargs):
    return json.dumps(updated_config(model), default=_json_default_for_config, **kwargs)


def to_yaml(model, **kwargs):
    return yaml.dump(updated_config(model), **kwargs)


# ---------------------------------------------------------------------------------------------
# reading weights
# ---------------------------------------------------------------------------------------------
def _saved_layers(f, filepath):
    """``[(layer name, [(weight name, array), ...]), ...]`` of a Keras 1.1+ file, all
    read into memory (so a corrupt dataset fails before anything is assigned)."""
    saved = []
    for name in _texts(_attr(f, "layer_names", filepath, "the file")):
        group = _group(f, name, filepath, "layer_names")
        weight_names = _texts(_attr(group, "weight_names", filepath, "layer %r" % name))
        saved.append((name, [(w, _read_dataset(group, w, name, filepath))
                             for w in weight_names]))
    return saved


def _checked_pairs(layer, values, saved_name, index, filepath, saved_weight_names=None,
                   release=None):
    """``[(weight, value)]`` for ``layer`` after checking count and shapes; ``values``
    converted from the layouts of ``release``, the file's (see engine/legacy_layouts.py)."""
    values = legacy_layouts.to_running_layout(layer, values, release)
    weights = layer.weights
    if len(values) != len(weights):
        raise ValueError("Layer #%d (named \"%s\" in the current model) was found to "
                         "correspond to layer %s in the save file %r. However the new layer "
                         "%s expects %d weights, but the saved weights have %d elements. "
                         "Nothing was loaded." % (index, layer.name, saved_name, filepath,
                                                  layer.name, len(weights), len(values)))
    pairs = []
    for i, (weight, value) in enumerate(zip(weights, values)):
        expected = tuple(K.get_value(weight).shape)
        if tuple(value.shape) != expected:
            saved_weight = saved_weight_names[i] if saved_weight_names else "param_%d" % i
            raise ValueError("Layer #%d (named \"%s\" in the current model) was found to "
                             "correspond to layer %s in the save file %r, but its weight %s "
                             "has shape %s in the model and the saved weight %s has shape "
                             "%s. Nothing was loaded." % (
                                 index, layer.name, saved_name, filepath, weight.name,
                                 expected, saved_weight, tuple(value.shape)))
        pairs.append((weight, value.astype(K.get_value(weight).dtype, copy=False)))
    return pairs


def _legacy_pairs(model, f, filepath):
    """The Keras 1.0 layout (``nb_layers``, ``layer_<k>``, ``param_<p>``): one group per
    layer of the model, weights or not."""
    layers = _weight_layers(model)
    nb_layers = int(np.asarray(_attr(f, "nb_layers", filepath, "the file")))
    if nb_layers != len(layers):
        raise ValueError("You are trying to load a weight file containing %d layers into a "
                         "model with %d layers (%r, Keras 1.0 layout). Nothing was loaded."
                         % (nb_layers, len(layers), filepath))
    pairs = []
    for k, layer in enumerate(layers):
        group = _group(f, "layer_%d" % k, filepath, "nb_layers")
        nb_params = int(np.asarray(_attr(group, "nb_params", filepath, "layer_%d" % k)))
        values = [_read_dataset(group, "param_%d" % p, "layer_%d" % k, filepath)
                  for p in range(nb_params)]
        pairs += _checked_pairs(layer, values, "layer_%d" % k, k, filepath)
    return pairs


def _topological_pairs(model, f, filepath):
    release = legacy_layouts.file_release(f, filepath)
    layers = [layer for layer in _weight_layers(model) if layer.weights]
    saved = [(name, weights) for name, weights in _saved_layers(f, filepath) if weights]
    if len(saved) != len(layers):
        raise ValueError("You are trying to load a weight file containing %d layers into a "
                         "model with %d layers (layers with weights: in the file %s, in the "
                         "model %s). Nothing was loaded." % (
                             len(saved), len(layers), [n for n, _ in saved],
                             [layer.name for layer in layers]))
    pairs = []
    for k, (layer, (name, weights)) in enumerate(zip(layers, saved)):
        pairs += _checked_pairs(layer, [v for _, v in weights], name, k, filepath,
                                [w for w, _ in weights], release)
    return pairs


def _by_name_pairs(model, f, filepath):
    if "nb_layers" in f.attrs:
        raise ValueError("The weight file you are trying to load is in a legacy format that "
                         "does not support name-based weight loading.")
    release = legacy_layouts.file_release(f, filepath)
    index = {}
    for layer in _weight_layers(model):
        if layer.name:
            index.setdefault(layer.name, []).append(layer)
    pairs = []
    for k, (name, weights) in enumerate(_saved_layers(f, filepath)):
        for layer in index.get(name, []):
            pairs += _checked_pairs(layer, [v for _, v in weights], name, k, filepath,
                                    [w for w, _ in weights], release)
    return pairs


def weight_pairs_from_hdf5_group(model, f, by_name=False, filepath="<HDF5 group>"):
    """Every ``(weight, value)`` to assign, all checked; nothing assigned yet."""
    if by_name:
        return _by_name_pairs(model, f, filepath)
    if "nb_layers" in f.attrs:
        return _legacy_pairs(model, f, filepath)
    return _topological_pairs(model, f, filepath)


def load_weights_from_hdf5_group(model, f, by_name=False, filepath="<HDF5 group>"):
    K.batch_set_value(weight_pairs_from_hdf5_group(model, f, by_name, filepath))


def load_weights(model, filepath, by_name=False):
    """``model.load_weights(filepath, by_name=False)``: by position among the layers
    that have weights, or by layer name; also from a whole-model file (its
    ``model_weights`` group) and from Keras 1.0's layout."""
    with open_hdf5(filepath) as f:
        group = f
        if "layer_names" not in f.attrs and "nb_layers" not in f.attrs and "model_weights" in f:
            group = f["model_weights"]
        pairs = weight_pairs_from_hdf5_group(model, group, by_name, str(filepath))
    K.batch_set_value(pairs)


# ---------------------------------------------------------------------------------------------
# configs and marshalled functions
# ---------------------------------------------------------------------------------------------
def _layer_entries(config):
    """Every ``{'class_name', 'config'}`` dict inside ``config`` (nested models, Merge
    branches and wrapped layers included)."""
    if isinstance(config, dict):
        if "class_name" in config and isinstance(config.get("config"), dict):
            yield config
        for value in config.values():
            yield from _layer_entries(value)
    elif isinstance(config, list):
        for value in config:
            yield from _layer_entries(value)


def _supplied_function(custom_objects, layer_name, key):
    supplied = (custom_objects or {}).get(layer_name)
    if isinstance(supplied, dict):
        return supplied.get(key)
    if callable(supplied) and key in ("function", "mode"):
        return supplied
    return None


def _unsafe_error(class_name, layer_name, key, source):
    what = {"function": "function", "mode": "merge mode", "output_shape": "output_shape "
            "function", "output_mask": "output_mask function"}[key]
    example = ("{%r: my_function}" % layer_name if key in ("function", "mode")
               else "{%r: {%r: my_function, %r: my_%s_function}}"
               % (layer_name, "function" if class_name == "Lambda" else "mode", key, key))
    return UnsafeLoadingError(
        "%s contains a %s layer named %r whose %s is stored as marshalled Python bytecode "
        "(Keras 1 saved Python functions that way). Loading it would run code from the "
        "file, and legacy_keras does not run code from files unless you pass "
        "safe_mode=False (as Keras 3's load_model does) -- do that only for a file you "
        "trust. Or supply the function yourself, keyed by the layer's name: "
        "custom_objects=%s (%s)." % (source, class_name, layer_name, what, example, _GUIDE))


def _check_bytecode_loadable(entry, class_name, layer_name, key, source):
    code = entry[0] if isinstance(entry, (list, tuple)) else entry
    try:
        loaded = marshal.loads(code.encode("raw_unicode_escape"))
    except Exception as error:  # marshal raises ValueError, EOFError, TypeError...
        loaded = error
    if not hasattr(loaded, "co_code"):
        raise ValueError(
            "%s contains a %s layer named %r whose %s is marshalled Python bytecode that "
            "this Python (%d.%d) cannot load (%s): Keras 1 stored functions as the bytecode "
            "of the Python version that saved the file, readable only by that version. "
            "Supply the function through custom_objects={%r: my_function} (%s)."
            % (source, class_name, layer_name, key, sys.version_info[0], sys.version_info[1],
               loaded if isinstance(loaded, Exception) else "not a code object",
               layer_name, _GUIDE))


def resolve_marshalled_functions(config, custom_objects=None, safe_mode=True,
                                 source="The model configuration"):
    """``(config, layer names supplied)``: ``config`` with every marshalled function (``*_type == 'lambda'``) replaced by
    the one ``custom_objects`` supplies under the layer's name; otherwise refused when
    ``safe_mode`` (the default), or checked to be loadable by this Python."""
    config = copy.deepcopy(config)
    supplied_for = set()
    for entry in _layer_entries(config):
        layer_config = entry["config"]
        class_name = entry["class_name"]
        layer_name = layer_config.get("name") or class_name
        for key, type_key in _FUNCTION_KEYS:
            if layer_config.get(type_key) != "lambda":
                continue
            supplied = _supplied_function(custom_objects, layer_name, key)
            if supplied is not None:
                layer_config[key] = supplied
                supplied_for.add(layer_name)
                # Lambda.from_config takes a callable as a 'function'; Merge as 'raw'
                layer_config[type_key] = "function" if class_name == "Lambda" else "raw"
            elif safe_mode:
                raise _unsafe_error(class_name, layer_name, key, source)
            else:
                _check_bytecode_loadable(layer_config[key], class_name, layer_name, key,
                                         source)
    return config, supplied_for


def model_from_config(config, custom_objects=None, safe_mode=True,
                      source="The model configuration"):
    if isinstance(config, list):
        raise TypeError("`model_fom_config` expects a dictionary, not a list. Maybe you meant "
                        "to use `Sequential.from_config(config)`?")
    config, supplied_for = resolve_marshalled_functions(config, custom_objects, safe_mode,
                                                        source)
    # functions supplied per layer name are not class / function names for Keras 1's lookups
    objects = {k: v for k, v in (custom_objects or {}).items() if k not in supplied_for}
    return layer_from_config(config, custom_objects=objects)


def _yaml_loader():
    """A safe YAML loader that also reads the Python tags Keras 1's ``yaml.dump`` wrote
    (tuples; Python 2's unicode and str)."""
    class Keras1ConfigLoader(yaml.SafeLoader):
        pass

    def construct_tuple(loader, node):
        return tuple(loader.construct_sequence(node))

    def construct_text(loader, node):
        return loader.construct_scalar(node)

    def construct_numpy_dtype(loader, node):
        spec = loader.construct_mapping(node, deep=True)
        dtype = np.dtype(str(spec["args"][0]))
        byte_order = (spec.get("state") or (None, None))[1]
        return dtype.newbyteorder(byte_order) if byte_order in ("<", ">") else dtype

    def construct_numpy_scalar(loader, node):
        dtype, data = loader.construct_sequence(node, deep=True)
        return np.frombuffer(data, dtype=np.dtype(dtype))[0].item()

    Keras1ConfigLoader.add_constructor("tag:yaml.org,2002:python/tuple", construct_tuple)
    for tag in ("python/unicode", "python/str"):
        Keras1ConfigLoader.add_constructor("tag:yaml.org,2002:" + tag, construct_text)
    # NumPy scalars (e.g. an input_dim computed by np.prod), as PyYAML dumped them
    apply = "tag:yaml.org,2002:python/object/apply:"
    Keras1ConfigLoader.add_constructor(apply + "numpy.dtype", construct_numpy_dtype)
    for module in ("numpy.core.multiarray", "numpy._core.multiarray"):
        Keras1ConfigLoader.add_constructor(apply + module + ".scalar", construct_numpy_scalar)
    return Keras1ConfigLoader


def model_from_yaml(yaml_string, custom_objects=None, safe_mode=True):
    try:
        config = yaml.load(yaml_string, Loader=_yaml_loader())
    except yaml.constructor.ConstructorError as error:
        raise UnsafeLoadingError(
            "The YAML configuration holds a Python object that a Keras 1 model configuration "
            "does not contain, and legacy_keras does not construct arbitrary Python objects "
            "from files (%s; %s)." % (error.problem, _GUIDE)) from error
    return model_from_config(config, custom_objects, safe_mode, "The YAML configuration")


def model_from_json(json_string, custom_objects=None, safe_mode=True):
    return model_from_config(json.loads(json_string), custom_objects, safe_mode,
                             "The JSON configuration")


# ---------------------------------------------------------------------------------------------
# whole models
# ---------------------------------------------------------------------------------------------
def _deserialize(obj, custom_objects):
    """Names in a training config (losses, metrics) replaced by ``custom_objects``."""
    def resolve(value):
        try:
            return custom_objects.get(value, value)
        except TypeError:  # unhashable
            return value

    if isinstance(obj, list):
        return [resolve(v) for v in obj]
    if isinstance(obj, dict):
        return {k: resolve(v) for k, v in obj.items()}
    return resolve(obj)


def _trained_model(model):
    """The model that owns the training step (a Sequential's inner model)."""
    inner = getattr(model, "model", None)
    return inner if inner is not None and hasattr(inner, "optimizer") else model


def _restore_optimizer_state(model, group, filepath):
    """Creates the optimizer's state (Keras 1 built its training function for that)
    and sets it from the ``optimizer_weights`` group."""
    trained = _trained_model(model)
    trained._steps().build_optimizer_state()
    names = _texts(_attr(group, "weight_names", filepath, "the optimizer"))
    values = [_read_dataset(group, n, "optimizer_weights", filepath) for n in names]
    weights = trained.optimizer.weights
    if len(values) != len(weights):
        raise ValueError("The optimizer state in %r has %d weights, but the model's %s "
                         "optimizer has %d." % (filepath, len(values),
                                                trained.optimizer.__class__.__name__,
                                                len(weights)))
    trained.optimizer.set_weights(
        [v.astype(K.get_value(w).dtype, copy=False) for w, v in zip(weights, values)])


def load_model(filepath, custom_objects=None, safe_mode=True):
    """``keras.models.load_model(filepath, custom_objects=None, safe_mode=True)``: the
    model of a ``model.save`` file, with its weights, compiled with its training
    configuration and with the optimizer's state restored (training resumes where it
    stopped). ``safe_mode``: see :func:`resolve_marshalled_functions`."""
    custom_objects = custom_objects or {}
    with open_hdf5(filepath, what="a model") as f:
        model_config = f.attrs.get("model_config")
        if model_config is None:
            raise ValueError("No model found in config file %r (a file written by "
                             "save_weights holds weights only: build the model, then call "
                             "model.load_weights)." % str(filepath))
        config = json.loads(_text(model_config))
        model = model_from_config(config, custom_objects, safe_mode,
                                  "The model file %r" % str(filepath))
        if "model_weights" not in f:
            raise ValueError("The model file %r has no model_weights group: it is incomplete "
                             "or corrupt." % str(filepath))
        load_weights_from_hdf5_group(model, f["model_weights"], filepath=str(filepath))
        training_config = f.attrs.get("training_config")
        if training_config is None:
            warnings.warn("No training configuration found in save file: the model was "
                          "*not* compiled. Compile it manually.")
            return model
        training_config = json.loads(_text(training_config))
        optimizer = optimizers.optimizer_from_config(training_config["optimizer_config"],
                                                     custom_objects=custom_objects)
        model.compile(optimizer=optimizer,
                      loss=_deserialize(training_config["loss"], custom_objects),
                      metrics=_deserialize(training_config["metrics"], custom_objects),
                      loss_weights=training_config["loss_weights"],
                      sample_weight_mode=training_config["sample_weight_mode"])
        if "optimizer_weights" in f:
            _restore_optimizer_state(model, f["optimizer_weights"], str(filepath))
    return model
