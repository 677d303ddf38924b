"""Keras 1 files of models with Python functions in their configs: Lambda layers (a
lambda with a tuple output_shape, a lambda with a lambda output_shape) and a callable
merge mode, stored by Keras 1 as marshalled bytecode. The case loads them back
supplying each function through custom_objects keyed by the layer's name (ignored by
Keras 1, which loads the bytecode; used by legacy_keras, which refuses bytecode unless
safe_mode=False).

Files go to $LEGACY_KERAS_FIXTURES (default: the current folder)."""
import numpy as np
from golden import record
from h_hdf5tree import hdf5_tree, out_path as path

from keras import backend as K
from keras.layers import Dense, Input, Lambda, merge
from keras.models import Model, Sequential, load_model, model_from_json, model_from_yaml


def scale_shift(x):
    return x * 2. + 1.


def halve_square(x):
    return K.square(x) * 0.5


def difference(xs):
    return xs[0] - xs[1]


def first_shape(shapes):
    return shapes[0]


def same_shape(shape):
    return shape


np.random.seed(1337)  # default initialisations drawn by fresh models
rng = np.random.RandomState(3)
seq = Sequential([Dense(4, input_dim=3), Lambda(lambda x: x * 2. + 1., output_shape=(4,)),
                  Lambda(lambda x: K.square(x) * 0.5, output_shape=lambda s: s),
                  Dense(2)])
seq.set_weights([rng.uniform(-1, 1, w.shape).astype("float32") for w in seq.get_weights()])
x = rng.uniform(-1, 1, (4, 3)).astype("float32")
record("sequential predictions", seq.predict(x), rtol=1e-5)

a = Input(shape=(3,))
b = Input(shape=(3,))
h = merge([Dense(3, name="left")(a), Dense(3, name="right")(b)],
          mode=lambda xs: xs[0] - xs[1], output_shape=lambda shapes: shapes[0],
          name="difference")
functional = Model(input=[a, b], output=Dense(1, name="out")(h))
functional.set_weights([rng.uniform(-1, 1, w.shape).astype("float32")
                        for w in functional.get_weights()])
xb = rng.uniform(-1, 1, (4, 3)).astype("float32")
record("inputs", [x, xb])
record("functional predictions", functional.predict([x, xb]), rtol=1e-5)

seq.save(path("h_lambda_sequential.h5"))
functional.save(path("h_lambda_functional.h5"))
with open(path("h_lambda_sequential.json"), "w") as f:
    f.write(seq.to_json())
with open(path("h_lambda_sequential.yaml"), "w") as f:
    f.write(seq.to_yaml())
with open(path("h_lambda_functional.json"), "w") as f:
    f.write(functional.to_json())
record("tree h_lambda_functional.h5 (configs)",
       [entry for entry in hdf5_tree(path("h_lambda_functional.h5")) if entry[0] != "/"])
print("Lambda config keys:", sorted(seq.layers[1].get_config()),
      seq.layers[1].get_config()["function_type"],
      seq.layers[1].get_config()["output_shape_type"],
      seq.layers[2].get_config()["output_shape_type"])

supplied = {"lambda_1": scale_shift,
            "lambda_2": {"function": halve_square, "output_shape": same_shape}}
loaded = load_model(path("h_lambda_sequential.h5"), custom_objects=supplied)
record("sequential load_model", loaded.predict(x), rtol=1e-5)
with open(path("h_lambda_sequential.json")) as f:
    from_json = model_from_json(f.read(), custom_objects=supplied)
from_json.set_weights(seq.get_weights())
record("sequential model_from_json", from_json.predict(x), rtol=1e-5)
with open(path("h_lambda_sequential.yaml")) as f:
    from_yaml = model_from_yaml(f.read(), custom_objects=supplied)
from_yaml.set_weights(seq.get_weights())
record("sequential model_from_yaml", from_yaml.predict(x), rtol=1e-5)
loaded = load_model(path("h_lambda_functional.h5"),
                    custom_objects={"difference": {"mode": difference,
                                                   "output_shape": first_shape}})
record("functional load_model", loaded.predict([x, xb]), rtol=1e-5)
