"""Keras 1 files of a Theano-trained 'th' conv net: K.set_image_dim_ordering('th') at
the top (as Theano users' keras.json said), default initialisation under
np.random.seed(1337), Convolution2D (border_mode 'same', 3x3) -> Convolution2D
('valid', non-square 2x3 kernel) -> MaxPooling2D -> Flatten -> Dense(softmax), trained
2 epochs with Adam on seeded data (so the kernels are Theano's flipped kernels as
Theano trained them). save_weights, save (with Adam's state), to_json; load_weights
into a fresh model, model_from_json + load_weights, load_model: predictions on fixed
inputs; and the loss of one more epoch on the loaded model (training resumes).

Files go to $LEGACY_KERAS_FIXTURES (default: the current folder)."""
import numpy as np
from golden import record
from h_hdf5tree import hdf5_tree, out_path as path

from keras import backend as K

K.set_image_dim_ordering("th")

from keras.layers import Convolution2D, Dense, Flatten, MaxPooling2D  # noqa: E402
from keras.models import Sequential, load_model, model_from_json  # noqa: E402
from keras.optimizers import Adam  # noqa: E402


def build():
    return Sequential([
        Convolution2D(4, 3, 3, border_mode="same", activation="relu", input_shape=(1, 8, 8)),
        Convolution2D(3, 2, 3, border_mode="valid", activation="tanh"),
        MaxPooling2D(pool_size=(2, 2)),
        Flatten(),
        Dense(3, activation="softmax")])


print("image_dim_ordering:", K.image_dim_ordering())
np.random.seed(1337)  # default initialisations drawn by fresh models
model = build()
print("params:", model.count_params())
rng = np.random.RandomState(3)
x = rng.uniform(0, 1, (24, 1, 8, 8)).astype("float32")
y = np.eye(3, dtype="float32")[rng.randint(0, 3, 24)]
x_test = rng.uniform(0, 1, (4, 1, 8, 8)).astype("float32")
record("train", [x, y])
record("inputs", x_test)
record("initial weights", model.get_weights(), rtol=0, atol=0)

model.compile(optimizer=Adam(lr=0.01), loss="categorical_crossentropy",
              metrics=["accuracy"])
history = model.fit(x, y, batch_size=8, nb_epoch=2, shuffle=False, verbose=0)
record("training history", history.history)
record("trained weights", model.get_weights())
# rtol 1e-5 where the oracle's files are loaded (tests/test_saving.py); this case also
# runs under legacy_keras, whose own 2 epochs of float32 training differ at ~1e-6
record("predictions", model.predict(x_test))

model.save_weights(path("h_convnet_th_weights.h5"))
model.save(path("h_convnet_th_model.h5"))
with open(path("h_convnet_th.json"), "w") as f:
    f.write(model.to_json())
for name in ("h_convnet_th_weights.h5", "h_convnet_th_model.h5"):
    record("tree " + name, hdf5_tree(path(name)))
record("optimizer weights", model.optimizer.get_weights())

other = build()
other.load_weights(path("h_convnet_th_weights.h5"))
record("load_weights", other.predict(x_test))
with open(path("h_convnet_th.json")) as f:
    from_json = model_from_json(f.read())
from_json.load_weights(path("h_convnet_th_weights.h5"))
record("model_from_json", from_json.predict(x_test))
print("json layers:", [(l.name, getattr(l, "dim_ordering", None)) for l in from_json.layers])

loaded = load_model(path("h_convnet_th_model.h5"))
record("load_model", loaded.predict(x_test))
record("loaded optimizer weights", loaded.optimizer.get_weights())
resumed = loaded.fit(x, y, batch_size=8, nb_epoch=1, shuffle=False, verbose=0)
record("next epoch, loaded", resumed.history)
record("predictions after the next epoch", loaded.predict(x_test))
