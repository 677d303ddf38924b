"""model.save after a few training steps (optimizer state: Adam's iterations and
moments; SGD with momentum, decay and nesterov), load_model, and one more epoch on the
saved model and on the loaded one: training resumes where it stopped.

Files go to $LEGACY_KERAS_FIXTURES (default: the current folder)."""
import numpy as np
from golden import record
from h_hdf5tree import hdf5_tree, out_path as path

from keras.layers import Dense, Input
from keras.models import Model, Sequential, load_model
from keras.optimizers import SGD, Adam


def seeded(model, rng):
    model.set_weights([rng.uniform(-1, 1, w.shape).astype("float32")
                       for w in model.get_weights()])


np.random.seed(1337)  # default initialisations drawn by fresh models
rng = np.random.RandomState(5)
x = rng.uniform(-1, 1, (20, 3)).astype("float32")
y = np.eye(2, dtype="float32")[rng.randint(0, 2, 20)]
record("inputs", [x, y])

adam_model = Sequential([Dense(4, input_dim=3, activation="tanh"),
                         Dense(2, activation="softmax")])
seeded(adam_model, rng)
adam_model.compile(optimizer=Adam(lr=0.01), loss="categorical_crossentropy",
                   metrics=["accuracy"])
adam_model.fit(x, y, batch_size=5, nb_epoch=3, shuffle=False, verbose=0)

inputs = Input(shape=(3,))
outputs = Dense(1)(Dense(4, activation="relu")(inputs))
sgd_model = Model(input=inputs, output=outputs)
seeded(sgd_model, rng)
sgd_model.compile(optimizer=SGD(lr=0.05, momentum=0.9, decay=0.01, nesterov=True),
                  loss="mse")
sgd_model.fit(x, y[:, :1], batch_size=10, nb_epoch=2, shuffle=False, verbose=0)

for label, model, target, filename in (("adam", adam_model, y, "h_optimizer_adam.h5"),
                                       ("sgd", sgd_model, y[:, :1], "h_optimizer_sgd.h5")):
    model.save(path(filename))
    record(label + " predictions", model.predict(x), rtol=1e-5)
    record(label + " optimizer weights", model.optimizer.get_weights(), rtol=1e-5)
    record("tree " + filename, hdf5_tree(path(filename)))
    loaded = load_model(path(filename))
    record(label + " loaded predictions", loaded.predict(x), rtol=1e-5)
    record(label + " loaded optimizer weights", loaded.optimizer.get_weights(), rtol=1e-5)
    print(label, "loaded optimizer:", loaded.optimizer.__class__.__name__,
          sorted(loaded.optimizer.get_config()))
    resumed = loaded.fit(x, target, batch_size=5, nb_epoch=1, shuffle=False, verbose=0)
    continued = model.fit(x, target, batch_size=5, nb_epoch=1, shuffle=False, verbose=0)
    record(label + " next epoch, loaded", resumed.history, rtol=1e-5)
    record(label + " next epoch, original", continued.history, rtol=1e-5)
    record(label + " weights after, loaded", loaded.get_weights(), rtol=1e-4)
    record(label + " weights after, original", model.get_weights(), rtol=1e-4)
