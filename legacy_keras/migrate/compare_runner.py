"""Runs one side of ``legacy-keras compare`` and records what the script produced.

    python -m legacy_keras.migrate.compare_runner legacy SCRIPT RECORD.json STATE.npz
    python -m legacy_keras.migrate.compare_runner native SCRIPT RECORD.json STATE.npz

The legacy side runs the Keras 1 script under legacy_keras and writes, for each model
in the order models are first compiled or used, its initial weights (Keras 1 layout) and
NumPy's global generator state at each ``fit``. The native side runs the migrated
script on plain Keras 3; at the same moments it loads those weights (converted to Keras
3 layouts) and NumPy states, and it shuffles each epoch as Keras 1 did (an in-place
``np.random.shuffle`` of the sample indices), so both sides see the same batches. Each
side records predictions, evaluations, histories and final weights to RECORD.json.
"""
import json
import runpy
import sys

import numpy as np


_RANDOM_FUNCTIONS = ("rand", "randn", "random", "random_sample", "ranf", "sample", "uniform",
                     "normal", "randint", "random_integers", "choice", "permutation",
                     "shuffle", "binomial", "poisson", "beta", "exponential", "standard_normal")


def _script_random_draws(script, mode, draws):
    """Records (legacy side) or replays (native side) the values the script itself drew
    from ``np.random``. Keras 1 drew initial weights from NumPy's global generator and
    Keras 3 does not, so the same seeded script would otherwise generate other data."""
    import numpy.random as random_module

    script = __import__("os").path.abspath(script)

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

    def record(self, kind, model_index, value):
        self.events.append({"kind": kind, "model": model_index, "value": _jsonable(value)})


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


HISTORY_KEYS = {"acc": "accuracy", "val_acc": "val_accuracy"}


def _history(history):
    return {HISTORY_KEYS.get(k, k): [float(x) for x in v] for k, v in history.items()}


# -- the legacy side -------------------------------------------------------------------------
def run_legacy(script, record_path, state_path):
    import legacy_keras
    from legacy_keras.engine.training import Model
    from legacy_keras.models import Sequential

    recorder, states = Recorder(), {}

    def index_of(model):
        if model not in recorder.models:
            recorder.models.append(model)
            i = len(recorder.models) - 1
            layers = layers_with_weights(model)
            states["weights_%d" % i] = np.array(
                [json.dumps([layer.__class__.__name__, getattr(layer, "dim_ordering", None),
                             len(layer.get_weights())]) for layer in layers])
            for j, layer in enumerate(layers):
                for k, w in enumerate(layer.get_weights()):
                    states["w_%d_%d_%d" % (i, j, k)] = w
        return recorder.models.index(model)

    def wrap(cls, name, after):
        original = getattr(cls, name)

        def method(self, *args, **kwargs):
            if getattr(_depth, "value", 0):
                return original(self, *args, **kwargs)
            i = index_of(self)
            if name == "fit":
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
    from legacy_keras.engine.topology import Layer

    _count_creations(Layer)
    draws = []
    _script_random_draws(script, "record", draws)
    legacy_keras.install()
    _run(script)
    for k, value in enumerate(draws):
        states["draw_%d" % k] = value
    _finish(recorder, record_path, final=lambda m: [w for layer in layers_with_weights(m)
                                                    for w in _keras3_weights_of_legacy(layer)])
    np.savez(state_path, **states)


def _keras3_weights_of_legacy(layer):
    from legacy_keras.migrate.weights import to_keras3

    return to_keras3(layer.__class__.__name__, layer.get_weights(),
                     getattr(layer, "dim_ordering", None))


class _Depth(object):
    value = 0


_depth = _Depth()


def _patch_common(wrap, classes, own_methods_only=True):
    def after_predict(recorder, i, result):
        recorder.record("predict", i, result)

    def after_evaluate(recorder, i, result):
        recorder.record("evaluate", i, result)

    def after_fit(recorder, i, result):
        recorder.record("history", i, _history(result.history))

    for cls in classes:
        for name, after in (("predict", after_predict), ("evaluate", after_evaluate),
                            ("fit", after_fit)):
            if name in cls.__dict__ or not own_methods_only:
                wrap(cls, name, after)
        if "compile" in cls.__dict__ or not own_methods_only:
            wrap(cls, "compile", lambda recorder, i, result: None)


def _run(script):
    sys.argv = [script]
    try:
        runpy.run_path(script, run_name="__main__")
    except SystemExit as stop:
        if stop.code not in (None, 0):
            raise


def _finish(recorder, record_path, final):
    for i, model in enumerate(recorder.models):
        recorder.record("final_weights", i, final(model))
    with open(record_path, "w") as f:
        json.dump({"events": recorder.events}, f)


# -- the native side -------------------------------------------------------------------------
def run_native(script, record_path, state_path):
    import keras

    from legacy_keras.migrate.weights import to_keras3

    states = dict(np.load(state_path, allow_pickle=False))
    recorder = Recorder()

    def index_of(model):
        if model not in recorder.models:
            recorder.models.append(model)
            _load_initial_weights(model, len(recorder.models) - 1, states, to_keras3)
        return recorder.models.index(model)

    def wrap(cls, name, after):
        original = getattr(cls, name)

        def method(self, *args, **kwargs):
            if _depth.value:
                return original(self, *args, **kwargs)
            i = index_of(self) if self.built else None
            _depth.value = 1
            try:
                if name == "fit":
                    result = _fit_as_keras1(original, self, i, len(recorder.events), states,
                                            args, kwargs)
                else:
                    result = original(self, *args, **kwargs)
            finally:
                _depth.value = 0
            if i is None:
                i = index_of(self)
            after(recorder, i, result)
            return result

        setattr(cls, name, method)

    _patch_common(wrap, [keras.Model], own_methods_only=False)
    _count_creations(keras.layers.Layer)
    draws = [states["draw_%d" % k] for k in range(len([n for n in states
                                                        if n.startswith("draw_")]))]
    _script_random_draws(script, "replay", draws)
    _run(script)
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


def _load_initial_weights(model, i, states, to_keras3):
    key = "weights_%d" % i
    if key not in states:
        return
    legacy_layers = [json.loads(s) for s in states[key]]
    native_layers = layers_with_weights(model)
    if len(legacy_layers) != len(native_layers):
        raise RuntimeError("model %d: the legacy script has %d layers with weights, the "
                           "migrated one %d" % (i, len(legacy_layers), len(native_layers)))
    for j, ((class_name, dim_ordering, count), layer) in enumerate(zip(legacy_layers,
                                                                     native_layers)):
        weights = [states["w_%d_%d_%d" % (i, j, k)] for k in range(count)]
        layer.set_weights(to_keras3(class_name, weights, dim_ordering))


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
    names = ["x", "y", "batch_size", "epochs", "verbose", "callbacks", "validation_split",
             "validation_data", "shuffle"]
    options = dict(zip(names, args))
    options.update(kwargs)
    _load_numpy_state(states, "fit_state_%d_%d" % (i, position))
    shuffle = options.pop("shuffle", True)
    epochs = options.pop("epochs", 1)
    x, y = options.pop("x"), options.pop("y", None)
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
    side, script, record_path, state_path = (argv or sys.argv[1:])[:4]
    if side == "legacy":
        run_legacy(script, record_path, state_path)
    else:
        run_native(script, record_path, state_path)


if __name__ == "__main__":
    main()
