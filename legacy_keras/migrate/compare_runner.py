"""Runs one side of ``legacy-keras compare`` and records what the script produced.

    python -m legacy_keras.migrate.compare_runner legacy SCRIPT RECORD.json STATE.npz [py2]
    python -m legacy_keras.migrate.compare_runner native SCRIPT RECORD.json STATE.npz

(each followed by ``with-dropout`` to keep the random regularizers on; ``py2`` runs the
legacy script as Python 2 even when it compiles as Python 3, as ``legacy-keras run
--py2``, a script that does not compile as Python 3 being run as Python 2 anyway;
``keras-version=X`` reproduces Keras 1 release X on the legacy side).

The legacy side runs the Keras 1 script under legacy_keras and writes each layer's
initial weights (Keras 1 layout) as the layer gets them (in build order), the values the
script itself drew from ``np.random``, and NumPy's global generator state at each
``fit``. The native side runs the migrated script on plain Keras 3; it loads those
weights into the k-th layer built (converted to Keras 3 layouts), replays the draws and
states, and shuffles each epoch as Keras 1 did (an in-place ``np.random.shuffle`` of the
sample indices), so both sides see the same batches. Each side records predictions,
evaluations, histories, the numbers the script prints, and the final weights of every
model it used or holds in a global variable, to RECORD.json.

Dropout masks come from different generators in Keras 1 (Theano's MRG streams, or
keras.random in legacy_keras) and Keras 3, and Keras 1's recurrent dropout drew one mask
per gate where Keras 3 draws one: they cannot be replayed. Unless ``with-dropout`` is
passed, both sides therefore train with every random regularizer switched off (the
record says so, and ``legacy-keras compare`` prints it under the table):
Dropout, SpatialDropout, the recurrent layers' dropout_W / dropout_U (Keras 3: dropout /
recurrent_dropout), Embedding's word dropout (Keras 1 drew it with K.random_binomial, not
K.dropout), GaussianNoise and GaussianDropout.
"""
import builtins
import inspect
import io
import re
import json
import os
import types
import sys

import numpy as np
import numpy.random as random_module

from legacy_keras._context import set_random_regularizers
from legacy_keras.migrate.weights import to_keras3
from legacy_keras.py2 import importer
from legacy_keras.renames import HISTORY_KEY_NAMES


_RANDOM_FUNCTIONS = ("rand", "randn", "random", "random_sample", "ranf", "sample", "uniform",
                     "normal", "randint", "random_integers", "choice", "permutation",
                     "shuffle", "binomial", "poisson", "beta", "exponential", "standard_normal")


def _script_random_draws(script, mode, draws):
    """Records (legacy side) or replays (native side) the values the script itself drew
    from ``np.random``. Keras 1 drew initial weights from NumPy's global generator and
    Keras 3 does not, so the same seeded script would otherwise generate other data."""
    script = os.path.abspath(script)

    def wrap(name):
        original = getattr(random_module, name)

        def drawn(*args, **kwargs):
            if sys._getframe(1).f_code.co_filename != script:
                return original(*args, **kwargs)
            if mode == "record":
                result = original(*args, **kwargs)
                draws.append(np.array(args[0] if name == "shuffle" else result, copy=True))
                return result
            value = draws.pop(0)
            if name == "shuffle":
                args[0][...] = value
                return None
            return value

        setattr(random_module, name, drawn)

    for name in _RANDOM_FUNCTIONS:
        if hasattr(random_module, name):
            wrap(name)


def _count_creations(layer_class):
    """Numbers each layer as it is created: both sides then pair layers in creation
    order, which the migration preserves (Keras 1 and Keras 3 order ``model.layers``
    differently for functional models)."""
    original = layer_class.__init__
    counter = [0]

    def __init__(self, *args, **kwargs):
        if not hasattr(self, "_compare_order"):
            counter[0] += 1
            self._compare_order = counter[0]
        original(self, *args, **kwargs)

    layer_class.__init__ = __init__


def layers_with_weights(model):
    layers = [layer for layer in model.layers if layer.weights]
    return sorted(layers, key=lambda layer: getattr(layer, "_compare_order", 0))


class Recorder(object):
    def __init__(self):
        self.events = []
        self.models = []
        self.notes = []

    def record(self, kind, model_index, value, **extra):
        self.events.append(dict(extra, kind=kind, model=model_index, value=_jsonable(value)))


#: A number in printed text (not the digits of a name such as float64).
NUMBER = re.compile(r"(?<![\w.])[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|[-+]?\b(?:nan|inf)\b")


def _record_prints(script, recorder):
    """Records the numbers in each line the script itself prints (``print`` called from
    the script's code, not from Keras)."""
    original = builtins.print

    def print_(*args, **kwargs):
        if sys._getframe(1).f_code.co_filename == script and kwargs.get("file") is None:
            text = io.StringIO()
            original(*args, **dict(kwargs, file=text))
            text = text.getvalue().strip()
            recorder.record("printed", 0, [float(n) for n in NUMBER.findall(text)],
                            text=text[:40])
        return original(*args, **kwargs)

    builtins.print = print_


def _record_layer_weights(layer_class, skip, on_built):
    """Calls ``on_built(layer)`` when a layer first has weights after a top-level call
    (layers called inside another layer's call, like an LSTM's cell, belong to it)."""
    original = layer_class.__call__
    depth = [0]

    def __call__(self, *args, **kwargs):
        if isinstance(self, skip):
            return original(self, *args, **kwargs)
        depth[0] += 1
        try:
            result = original(self, *args, **kwargs)
        finally:
            depth[0] -= 1
        if not depth[0] and self.weights and not getattr(self, "_compare_built", False):
            self._compare_built = True
            on_built(self)
        return result

    layer_class.__call__ = __call__


def _global_models(namespace, model_classes):
    return [value for value in namespace.values() if isinstance(value, model_classes)]


def _jsonable(value):
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if hasattr(value, "tolist"):
        return np.asarray(value, dtype="float64").tolist()
    if isinstance(value, (int, float)):
        return float(value)
    return value


def _history(history):
    """A history in Keras 3's key names (both sides' records compare key by key)."""
    return {HISTORY_KEY_NAMES.get(k, k): [float(x) for x in v] for k, v in history.items()}


# -- the legacy side -------------------------------------------------------------------------
def run_legacy(script, record_path, state_path, with_dropout=False, python2=False,
               keras_version=None):
    # lazy: each side loads only its own Keras (the native side runs plain Keras 3,
    # without legacy_keras' engine or PyTensor)
    import legacy_keras
    from legacy_keras.engine.training import Model
    from legacy_keras.models import Sequential

    recorder, states = Recorder(), {}
    built = []

    def index_of(model):
        if model not in recorder.models:
            recorder.models.append(model)
        return recorder.models.index(model)

    def on_built(layer):
        weights = layer.get_weights()
        states["layer_%d" % len(built)] = np.array(json.dumps(
            [layer.__class__.__name__, getattr(layer, "dim_ordering", None), len(weights)]))
        for k, w in enumerate(weights):
            states["w_%d_%d" % (len(built), k)] = w
        built.append(layer)

    def wrap(cls, name, after):
        original = getattr(cls, name)

        def method(self, *args, **kwargs):
            if getattr(_depth, "value", 0):
                return original(self, *args, **kwargs)
            i = index_of(self)
            if name in ("fit", "fit_generator"):
                _save_numpy_state(states, "fit_state_%d_%d" % (i, len(recorder.events)))
            _depth.value = 1
            try:
                result = original(self, *args, **kwargs)
            finally:
                _depth.value = 0
            after(recorder, i, result)
            return result

        setattr(cls, name, method)

    _patch_common(wrap, [Sequential, Model])
    for cls in (Sequential, Model):  # its migration calls Keras 3's fit
        if "fit_generator" in cls.__dict__:
            wrap(cls, "fit_generator", _after_fit)
    from legacy_keras.engine.topology import Container, Layer  # lazy: the legacy side's

    _count_creations(Layer)
    _record_layer_weights(Layer, Container, on_built)
    if not with_dropout:
        _random_regularizers_off(recorder)
    draws = []
    _script_random_draws(script, "record", draws)
    _record_prints(os.path.abspath(script), recorder)
    legacy_keras.install(version=keras_version)
    namespace = _run(script, python2)
    for model in _global_models(namespace, (Sequential, Model)):
        index_of(model)
    for k, value in enumerate(draws):
        states["draw_%d" % k] = value
    _finish(recorder, record_path, final=lambda m: [w for layer in layers_with_weights(m)
                                                    for w in _keras3_weights_of_legacy(layer)])
    np.savez(state_path, **states)


DROPOUT_NOTE = ("dropout off: both sides trained without Dropout, recurrent dropout "
                "(dropout_W/dropout_U), Embedding(dropout=) or Gaussian noise, because "
                "Keras 1's and Keras 3's random masks come from different generators; "
                "--with-dropout keeps them on (the numbers then differ)")


def _random_regularizers_off(recorder):
    """Both sides: every random regularizer is the identity in Keras 3 execution
    (legacy_keras' Keras 1 layers and plain Keras 3's alike), through the execution
    context's supported switch; the symbolic graphs (debugprint, K.function) keep them."""
    set_random_regularizers(False)
    recorder.notes.append(DROPOUT_NOTE)


def _keras3_weights_of_legacy(layer):
    return to_keras3(layer.__class__.__name__, layer.get_weights(),
                     getattr(layer, "dim_ordering", None))


class _Depth(object):
    value = 0


_depth = _Depth()


def _after_fit(recorder, i, result):
    recorder.record("history", i, _history(result.history))


def _patch_common(wrap, classes, own_methods_only=True):
    def after_predict(recorder, i, result):
        recorder.record("predict", i, result)

    def after_evaluate(recorder, i, result):
        recorder.record("evaluate", i, result)

    for cls in classes:
        for name, after in (("predict", after_predict), ("evaluate", after_evaluate),
                            ("fit", _after_fit)):
            if name in cls.__dict__ or not own_methods_only:
                wrap(cls, name, after)
        if "compile" in cls.__dict__ or not own_methods_only:
            wrap(cls, "compile", lambda recorder, i, result: None)


def _run(script, python2=False):
    """Runs the script as __main__, as ``legacy-keras run`` does: a Python 2 script (one
    that does not compile as Python 3, or any with ``python2``) and the Python 2 modules
    next to it translated in memory (legacy_keras.py2). Returns its global namespace ({}
    if it exited)."""
    sys.argv = [script]
    sys.path.insert(0, os.path.dirname(os.path.abspath(script)))  # as `python script`
    try:
        return importer.run_path(script, force=python2)
    except SystemExit as stop:
        if stop.code not in (None, 0):
            raise
    return {}


def _finish(recorder, record_path, final):
    for i, model in enumerate(recorder.models):
        recorder.record("final_weights", i, final(model))
    with open(record_path, "w") as f:
        json.dump({"events": recorder.events, "notes": recorder.notes}, f)


# -- the native side -------------------------------------------------------------------------
def run_native(script, record_path, state_path, with_dropout=False):
    # lazy: each side loads only its own Keras (this one: plain Keras 3, no shim)
    import keras
    from legacy_keras._k3 import eager_scope

    states = dict(np.load(state_path, allow_pickle=False))
    recorder = Recorder()
    built = []

    def index_of(model):
        if model not in recorder.models:
            recorder.models.append(model)
        return recorder.models.index(model)

    def on_built(layer):
        with eager_scope():  # a model built inside fit's traced step: assign eagerly
            _load_initial_weights(layer, len(built), states, to_keras3)
        built.append(layer)

    def wrap(cls, name, after):
        original = getattr(cls, name)

        def method(self, *args, **kwargs):
            if _depth.value:
                return original(self, *args, **kwargs)
            i = index_of(self)
            _depth.value = 1
            try:
                if name == "fit":
                    result = _fit_as_keras1(original, self, i, len(recorder.events), states,
                                            args, kwargs)
                else:
                    result = original(self, *args, **kwargs)
            finally:
                _depth.value = 0
            after(recorder, i, result)
            return result

        setattr(cls, name, method)

    _patch_common(wrap, [keras.Model], own_methods_only=False)
    _count_creations(keras.layers.Layer)
    _record_layer_weights(keras.layers.Layer, keras.Model, on_built)
    if not with_dropout:
        _random_regularizers_off(recorder)
    draws = [states["draw_%d" % k] for k in range(len([n for n in states
                                                        if n.startswith("draw_")]))]
    _script_random_draws(script, "replay", draws)
    _record_prints(os.path.abspath(script), recorder)
    namespace = _run(script)
    for model in _global_models(namespace, keras.Model):
        index_of(model)
    _finish(recorder, record_path, final=lambda m: [w for layer in layers_with_weights(m)
                                                    for w in layer.get_weights()])


def _save_numpy_state(states, key):
    name, keys, pos, has_gauss, cached = np.random.get_state()
    states[key] = np.array(keys)
    states[key + "_extra"] = np.array([pos, has_gauss, cached], dtype="float64")


def _load_numpy_state(states, key):
    """NumPy's global generator as the legacy script had it at the same moment (Keras 3
    initializers drew nothing from NumPy, Keras 1's did)."""
    if key in states:
        pos, has_gauss, cached = states[key + "_extra"]
        np.random.set_state(("MT19937", states[key], int(pos), int(has_gauss), cached))


def _load_initial_weights(layer, j, states, to_keras3):
    """Gives the j-th Keras 3 layer built the initial weights of the j-th Keras 1 layer
    built (converted to Keras 3's layout)."""
    key = "layer_%d" % j
    if key not in states:
        raise RuntimeError("the migrated script builds more layers with weights (%s is the "
                           "%d-th) than the legacy one" % (layer.name, j + 1))
    class_name, dim_ordering, count = json.loads(str(states[key]))
    weights = to_keras3(class_name, [states["w_%d_%d" % (j, k)] for k in range(count)],
                        dim_ordering)
    expected = [tuple(v.shape) for v in layer.weights]
    if [tuple(w.shape) for w in weights] != expected:
        raise RuntimeError("layer %d: Keras 1's %s has weights of shapes %s, Keras 3's %s "
                           "(%s) %s" % (j + 1, class_name, [w.shape for w in weights],
                                        layer.__class__.__name__, layer.name, expected))
    for variable, value in zip(layer.weights, weights):
        variable.assign(value)


def _take(data, index):
    """Rows ``index`` of an array, or of each array of a list or dict."""
    if isinstance(data, dict):
        return {k: np.asarray(v)[index] for k, v in data.items()}
    if isinstance(data, (list, tuple)):
        return [np.asarray(v)[index] for v in data]
    return None if data is None else np.asarray(data)[index]


def _length(data):
    if isinstance(data, dict):
        return len(next(iter(data.values())))
    return len(data[0]) if isinstance(data, (list, tuple)) else len(data)


def _fit_as_keras1(original, model, i, position, states, args, kwargs):
    """Keras 3's fit, one epoch at a time over the batches Keras 1 would have drawn."""
    names = list(inspect.signature(original).parameters)[1:]  # Keras 3's fit, after self
    options = dict(zip(names, args))
    options.update(kwargs)
    _load_numpy_state(states, "fit_state_%d_%d" % (i, position))
    shuffle = options.pop("shuffle", True)
    epochs = options.pop("epochs", 1)
    x, y = options.pop("x"), options.pop("y", None)
    if isinstance(x, types.GeneratorType):  # fit_generator's migration: Keras 1 drew in order
        return original(model, x, epochs=epochs, **options)
    split = options.pop("validation_split", 0.0)
    if split and options.get("validation_data") is None:
        at = int(_length(x) * (1. - split))
        options["validation_data"] = (_take(x, slice(at, None)), _take(y, slice(at, None)))
        x, y = _take(x, slice(0, at)), _take(y, slice(0, at))
    index = np.arange(_length(x))
    merged = {}
    for epoch in range(epochs):
        if shuffle:
            np.random.shuffle(index)
        history = original(model, _take(x, index), _take(y, index), epochs=epoch + 1,
                           initial_epoch=epoch, shuffle=False, **options)
        for k, v in history.history.items():
            merged.setdefault(k, []).extend(v)
    history.history = merged
    return history


def main(argv=None):
    argv = argv or sys.argv[1:]
    side, script, record_path, state_path = argv[:4]
    with_dropout = "with-dropout" in argv[4:]
    if side == "legacy":
        versions = [a.split("=", 1)[1] for a in argv[4:] if a.startswith("keras-version=")]
        run_legacy(script, record_path, state_path, with_dropout, python2="py2" in argv[4:],
                   keras_version=versions[0] if versions else None)
    else:
        run_native(script, record_path, state_path, with_dropout)


if __name__ == "__main__":
    main()
