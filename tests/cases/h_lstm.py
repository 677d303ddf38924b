"""Keras 1 files of a Theano-trained recurrent model: Embedding(mask_zero=True) ->
LSTM(return_sequences=True) -> GRU -> Dense(softmax), default initialisation under
np.random.seed(1337) (LSTM: 12 weights in gate order i, c, f, o; GRU: 9, z, r, h),
trained 2 epochs with RMSprop on seeded, zero-padded sequences. save_weights, save
(with RMSprop's state), to_json; load_weights into a fresh model, model_from_json +
load_weights, load_model: predictions on fixed inputs; and the loss of one more epoch on
the loaded model (training resumes).

Files go to $LEGACY_KERAS_FIXTURES (default: the current folder)."""
import numpy as np
from golden import record
from h_hdf5tree import hdf5_tree, out_path as path

from keras.layers import GRU, LSTM, Dense, Embedding
from keras.models import Sequential, load_model, model_from_json
from keras.optimizers import RMSprop


def build():
    return Sequential([
        Embedding(12, 4, input_length=6, mask_zero=True),
        LSTM(5, return_sequences=True),
        GRU(3),
        Dense(2, activation="softmax")])


def sequences(rng, n):
    x = rng.randint(1, 12, (n, 6))
    for row, length in zip(x, rng.randint(2, 7, n)):
        row[:6 - length] = 0  # pre-padded, as pad_sequences does by default
    return x.astype("int32")


np.random.seed(1337)  # default initialisations drawn by fresh models
model = build()
print("params:", model.count_params())
print("weight names:", [w.name for w in model.weights])
rng = np.random.RandomState(4)
x = sequences(rng, 24)
y = np.eye(2, dtype="float32")[rng.randint(0, 2, 24)]
x_test = sequences(rng, 4)
record("train", [x, y])
record("inputs", x_test)
record("initial weights", model.get_weights(), rtol=0, atol=0)

model.compile(optimizer=RMSprop(lr=0.01), loss="categorical_crossentropy",
              metrics=["accuracy"])
history = model.fit(x, y, batch_size=8, nb_epoch=2, shuffle=False, verbose=0)
record("training history", history.history)
record("trained weights", model.get_weights())
# rtol 1e-5 where the oracle's files are loaded (tests/test_saving.py); this case also
# runs under legacy_keras, whose own 2 epochs of float32 training differ at ~1e-6
record("predictions", model.predict(x_test))

model.save_weights(path("h_lstm_weights.h5"))
model.save(path("h_lstm_model.h5"))
with open(path("h_lstm.json"), "w") as f:
    f.write(model.to_json())
for name in ("h_lstm_weights.h5", "h_lstm_model.h5"):
    record("tree " + name, hdf5_tree(path(name)))
record("optimizer weights", model.optimizer.get_weights())

other = build()
other.load_weights(path("h_lstm_weights.h5"))
record("load_weights", other.predict(x_test))
with open(path("h_lstm.json")) as f:
    from_json = model_from_json(f.read())
from_json.load_weights(path("h_lstm_weights.h5"))
record("model_from_json", from_json.predict(x_test))

loaded = load_model(path("h_lstm_model.h5"))
record("load_model", loaded.predict(x_test))
record("loaded optimizer weights", loaded.optimizer.get_weights())
resumed = loaded.fit(x, y, batch_size=8, nb_epoch=1, shuffle=False, verbose=0)
record("next epoch, loaded", resumed.history)
record("predictions after the next epoch", loaded.predict(x_test))
