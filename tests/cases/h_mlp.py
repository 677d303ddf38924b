"""Keras 1 files of a Sequential MLP (Dense, Dropout, BatchNormalization): save_weights,
save (not compiled), to_json, to_yaml and a Keras 1.0-layout weights file (nb_layers /
layer_k / param_p, written with h5py as Keras 1.0 did); each file read back.

Files go to $LEGACY_KERAS_FIXTURES (default: the current folder); the oracle's copies
are tests/fixtures/h_mlp_* (see tests/goldens/README.md)."""
import warnings

import h5py
import numpy as np
from golden import record
from h_hdf5tree import hdf5_tree, out_path as path

from keras.layers import BatchNormalization, Dense, Dropout
from keras.models import Sequential, load_model, model_from_json, model_from_yaml


def build():
    return Sequential([Dense(6, input_dim=4, activation="tanh"), Dropout(0.3),
                       BatchNormalization(), Dense(3, activation="softmax")])


np.random.seed(1337)  # default initialisations drawn by fresh models
rng = np.random.RandomState(7)
model = build()
weights = [rng.uniform(-1, 1, w.shape).astype("float32") for w in model.get_weights()]
weights[5] = rng.uniform(0.5, 2, weights[5].shape).astype("float32")  # running_std > 0
model.set_weights(weights)
x = rng.uniform(-1, 1, (5, 4)).astype("float32")
record("inputs", x)
expected = model.predict(x)
record("predictions", expected, rtol=1e-5)

model.save_weights(path("h_mlp_weights.h5"))
model.save(path("h_mlp_model.h5"))
with open(path("h_mlp.json"), "w") as f:
    f.write(model.to_json())
with open(path("h_mlp.yaml"), "w") as f:
    f.write(model.to_yaml())
# Keras 1.0's save_weights: one group per layer (weights or not), params by position
with h5py.File(path("h_mlp_keras10_weights.h5"), "w") as f:
    f.attrs["nb_layers"] = len(model.layers)
    for k, layer in enumerate(model.layers):
        g = f.create_group("layer_{}".format(k))
        values = layer.get_weights()
        g.attrs["nb_params"] = len(values)
        for n, value in enumerate(values):
            g.create_dataset("param_{}".format(n), value.shape, dtype=value.dtype)[:] = value

print("to_json:")
print(model.to_json())
print("to_yaml:")
print(model.to_yaml())
for name in ("h_mlp_weights.h5", "h_mlp_model.h5", "h_mlp_keras10_weights.h5"):
    record("tree " + name, hdf5_tree(path(name)))

other = build()
other.load_weights(path("h_mlp_weights.h5"))
record("load_weights", other.predict(x), rtol=1e-5)
other = build()
other.load_weights(path("h_mlp_keras10_weights.h5"))
record("load_weights keras 1.0 layout", other.predict(x), rtol=1e-5)
other = build()
other.load_weights(path("h_mlp_model.h5"))
record("load_weights from a model file", other.predict(x), rtol=1e-5)
other = build()
other.load_weights(path("h_mlp_weights.h5"), by_name=True)
record("load_weights by_name, other names", other.predict(x), rtol=1e-5)
other = build()
other.layers[0].name, other.layers[3].name = model.layers[0].name, model.layers[3].name
other.layers[2].name = model.layers[2].name
other.load_weights(path("h_mlp_weights.h5"), by_name=True)
record("load_weights by_name, same names", other.predict(x), rtol=1e-5)

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    loaded = load_model(path("h_mlp_model.h5"))
print("load_model warnings:", [str(w.message) for w in caught if "training configuration" in str(w.message)])
print("loaded:", loaded.__class__.__name__, [l.name for l in loaded.layers],
      hasattr(loaded, "optimizer"))
record("load_model", loaded.predict(x), rtol=1e-5)
with open(path("h_mlp.json")) as f:
    from_json = model_from_json(f.read())
from_json.set_weights(model.get_weights())
record("model_from_json", from_json.predict(x), rtol=1e-5)
print("json round trip:", from_json.to_json() == model.to_json())
with open(path("h_mlp.yaml")) as f:
    from_yaml = model_from_yaml(f.read())
from_yaml.load_weights(path("h_mlp_weights.h5"))
record("model_from_yaml", from_yaml.predict(x), rtol=1e-5)
print("yaml layer names:", [l.name for l in from_yaml.layers])
