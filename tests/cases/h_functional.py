"""Keras 1 files of a functional model with merge (two inputs: Dense and Embedding ->
Flatten, merged by concat; two outputs), compiled with per-output losses, loss_weights
and metrics but not trained (so no optimizer state); and of a legacy
Sequential([Merge([branch1, branch2]), Dense]) (weights of its flattened layers).

Files go to $LEGACY_KERAS_FIXTURES (default: the current folder)."""
import numpy as np
from golden import record
from h_hdf5tree import hdf5_tree, out_path as path

from keras.layers import Dense, Embedding, Flatten, Input, Merge, merge
from keras.models import Model, Sequential, load_model, model_from_json, model_from_yaml


def build_functional():
    a = Input(shape=(3,), name="features")
    b = Input(shape=(4,), dtype="int32", name="tokens")
    ha = Dense(5, activation="relu")(a)
    hb = Flatten()(Embedding(10, 2, input_length=4)(b))
    h = merge([ha, hb], mode="concat")
    out1 = Dense(2, activation="softmax", name="label")(h)
    out2 = Dense(1, name="score")(h)
    return Model(input=[a, b], output=[out1, out2])


def build_legacy_merge():
    left = Sequential([Dense(3, input_dim=2, activation="tanh")])
    right = Sequential([Dense(4, input_dim=3)])
    return Sequential([Merge([left, right], mode="concat"), Dense(2, activation="softmax")])


def seeded(model, rng):
    model.set_weights([rng.uniform(-1, 1, w.shape).astype("float32")
                       for w in model.get_weights()])


np.random.seed(1337)  # default initialisations drawn by fresh models
rng = np.random.RandomState(11)
model = build_functional()
seeded(model, rng)
model.compile(optimizer="rmsprop", loss={"label": "categorical_crossentropy", "score": "mse"},
              loss_weights={"label": 1., "score": 0.5}, metrics={"label": "accuracy"})
xa = rng.uniform(-1, 1, (4, 3)).astype("float32")
xb = rng.randint(0, 10, (4, 4)).astype("int32")
record("inputs", [xa, xb])
expected = model.predict([xa, xb])
record("predictions", expected, rtol=1e-5)
model.save_weights(path("h_functional_weights.h5"))
model.save(path("h_functional_model.h5"))
with open(path("h_functional.json"), "w") as f:
    f.write(model.to_json())
with open(path("h_functional.yaml"), "w") as f:
    f.write(model.to_yaml())
print("to_json:")
print(model.to_json())
# (not printed: Keras 1's YAML holds an np.int64 input_dim, from Flatten's np.prod;
# legacy_keras' shapes are Python ints -- see migration_guide.md)
for name in ("h_functional_weights.h5", "h_functional_model.h5"):
    record("tree " + name, hdf5_tree(path(name)))

other = build_functional()
other.load_weights(path("h_functional_weights.h5"))
record("load_weights", other.predict([xa, xb]), rtol=1e-5)
loaded = load_model(path("h_functional_model.h5"))
print("loaded:", loaded.__class__.__name__, [l.name for l in loaded.layers],
      loaded.input_names, loaded.output_names, loaded.metrics_names, loaded.loss_weights)
record("load_model", loaded.predict([xa, xb]), rtol=1e-5)
record("load_model optimizer config", loaded.optimizer.get_config(), rtol=1e-6)
with open(path("h_functional.json")) as f:
    from_json = model_from_json(f.read())
from_json.load_weights(path("h_functional_weights.h5"))
record("model_from_json", from_json.predict([xa, xb]), rtol=1e-5)
with open(path("h_functional.yaml")) as f:
    from_yaml = model_from_yaml(f.read())
from_yaml.load_weights(path("h_functional_model.h5"))
record("model_from_yaml", from_yaml.predict([xa, xb]), rtol=1e-5)

legacy = build_legacy_merge()
seeded(legacy, rng)
x1 = rng.uniform(-1, 1, (3, 2)).astype("float32")
x2 = rng.uniform(-1, 1, (3, 3)).astype("float32")
record("legacy merge inputs", [x1, x2])
record("legacy merge predictions", legacy.predict([x1, x2]), rtol=1e-5)
legacy.save_weights(path("h_legacy_merge_weights.h5"))
legacy.save(path("h_legacy_merge_model.h5"))
with open(path("h_legacy_merge.json"), "w") as f:
    f.write(legacy.to_json())
print("legacy merge to_json:")
print(legacy.to_json())
for name in ("h_legacy_merge_weights.h5", "h_legacy_merge_model.h5"):
    record("tree " + name, hdf5_tree(path(name)))
other = build_legacy_merge()
other.load_weights(path("h_legacy_merge_weights.h5"))
record("legacy merge load_weights", other.predict([x1, x2]), rtol=1e-5)
loaded = load_model(path("h_legacy_merge_model.h5"))
record("legacy merge load_model", loaded.predict([x1, x2]), rtol=1e-5)
with open(path("h_legacy_merge.json")) as f:
    from_json = model_from_json(f.read())
from_json.load_weights(path("h_legacy_merge_weights.h5"))
record("legacy merge model_from_json", from_json.predict([x1, x2]), rtol=1e-5)
