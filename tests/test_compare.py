"""`legacy-keras compare` runs a Keras 1 example under legacy_keras and its
migration on plain Keras 3, from the same weights and NumPy draws, and finds them equal."""
# The end-to-end compare runs, one per example script, are in tests/test_examples.py.
import numpy as np


def test_compare_reports_a_difference(tmp_path):
    """A migration that changes the numbers is caught: exit status 1 and a DIFFERS row."""
    from legacy_keras.migrate.compare import compare_events, format_table

    legacy = [{"kind": "predict", "model": 0, "value": [[0.5, 0.25]]}]
    native = [{"kind": "predict", "model": 0, "value": [[0.5, 0.26]]}]
    rows = compare_events(legacy, native, rtol=1e-4, atol=1e-5)
    assert [row[4] for row in rows] == [False]
    assert "DIFFERS" in format_table(rows)
    rows = compare_events(legacy, legacy, rtol=1e-4, atol=1e-5)
    assert [row[4] for row in rows] == [True]


def _compare(script_text, tmp_path):
    """Runs ``legacy-keras compare`` on a script (it must compare equal); returns its
    output, the legacy side's events and the migrated script."""
    import json
    import subprocess
    import sys

    script = tmp_path / "script.py"
    script.write_text(script_text)
    keep = tmp_path / "compare"
    result = subprocess.run([sys.executable, "-m", "legacy_keras", "compare", str(script),
                             "--keep", str(keep)], capture_output=True, text=True,
                            cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    assert ", 0 differ" in result.stdout
    with open(keep / "legacy.json") as f:
        return result.stdout, json.load(f)["events"], (keep / "migrated_script.py").read_text()


NADAM_SCRIPT = '''\
import numpy as np
np.random.seed(3)
from keras.models import Sequential
from keras.layers import Dense
from keras.optimizers import Nadam

X = np.random.uniform(-1, 1, (64, 6)).astype('float32')
y = (X.sum(axis=1, keepdims=True) > 0).astype('float32')
model = Sequential()
model.add(Dense(8, input_dim=6, activation='tanh'))
model.add(Dense(1, activation='sigmoid'))
model.compile(loss='binary_crossentropy', optimizer=Nadam(lr=0.01, schedule_decay=0.01))
model.fit(X, y, batch_size=16, nb_epoch=5, verbose=0)
other = Sequential([Dense(1, input_dim=6, activation='sigmoid')])
other.compile(loss='binary_crossentropy', optimizer='nadam')
other.fit(X, y, batch_size=16, nb_epoch=5, verbose=0)
print(model.predict(X[:4]), other.predict(X[:4]))
'''


def test_nadam_migrates_to_keras1_nadam_and_trains_alike(tmp_path):
    """Keras 1.2.2's Nadam (momentum schedule 0.96 ** (t * schedule_decay)) is not Keras
    3's (0.96 ** t): migrate writes Keras1Nadam, schedule_decay kept, 'nadam' too."""
    _, _, migrated = _compare(NADAM_SCRIPT, tmp_path)
    assert "optimizer=Keras1Nadam(learning_rate=0.01, schedule_decay=0.01)" in migrated
    assert "optimizer=Keras1Nadam()" in migrated
    assert "class Keras1Nadam(keras.optimizers.Optimizer):" in migrated


EMBEDDING_SCRIPT = '''\
import numpy as np
np.random.seed(2)
from keras.models import Sequential
from keras.layers import Dense, Embedding, Flatten

X = np.array([[1, 1, 2, 3], [2, 2, 2, 4]])
y = np.array([1., 0.])
model = Sequential()
model.add(Embedding(6, 3, input_length=4))
model.add(Flatten())
model.add(Dense(1, activation='sigmoid'))
model.compile(loss='binary_crossentropy', optimizer='adam')
before = model.layers[0].get_weights()[0]
model.train_on_batch(X, y)
step = model.layers[0].get_weights()[0] - before
print(np.abs(step[1:5]).ravel() / 0.001)
'''


def test_embedding_gradients_reach_the_optimizer_dense(tmp_path):
    """On Theano a repeated word's gradient rows were summed before the optimizer saw
    them, so Adam's first step is +-lr for every looked-up row (Keras 1.2.2 printed
    0.99999.. here). TensorFlow hands over one slice per lookup and Keras 3's Adam squares
    each (a step up to sqrt(3) lr): legacy_keras densifies, and migrate's Keras1Embedding
    makes the lookup's gradient dense."""
    _, events, migrated = _compare(EMBEDDING_SCRIPT, tmp_path)
    printed = [e["value"] for e in events if e["kind"] == "printed"][0]
    assert len(printed) == 12 and np.allclose(printed, 1.0, atol=1e-3), printed
    assert "model.add(Keras1Embedding(6, 3, input_shape=(4,)))" in migrated


def _keras1_and_keras3_convlstm2d(dim_ordering):
    """(Keras 1's output, Keras 3's output) of a ConvLSTM2D given Keras 1's weights
    converted by legacy_keras.migrate.weights (random weights, not the initial ones; an
    odd kernel, as even ones pad the recurrent "same" convolution differently)."""
    import keras

    from legacy_keras.layers import ConvLSTM2D
    from legacy_keras.migrate.weights import to_keras3
    from legacy_keras.models import Sequential

    rng = np.random.RandomState(4)
    shape = (3, 2, 6, 5) if dim_ordering == "th" else (3, 6, 5, 2)  # time, frame
    x = rng.uniform(-1, 1, (2,) + shape).astype("float32")
    keras1 = Sequential([ConvLSTM2D(4, 3, 3, input_shape=shape, dim_ordering=dim_ordering,
                                    inner_activation="sigmoid", return_sequences=True)])
    layer = keras1.layers[0]
    layer.set_weights([rng.normal(0, 0.3, w.shape) for w in layer.get_weights()])
    expected = keras1.predict(x)
    keras3 = keras.layers.ConvLSTM2D(4, (3, 3), recurrent_activation="sigmoid",
                                     return_sequences=True)
    channels_last = x.transpose(0, 1, 3, 4, 2) if dim_ordering == "th" else x
    keras3.build(channels_last.shape)
    keras3.set_weights(to_keras3("ConvLSTM2D", layer.get_weights(), dim_ordering))
    got = keras.ops.convert_to_numpy(keras3(channels_last))
    return expected, got.transpose(0, 1, 4, 2, 3) if dim_ordering == "th" else got


def test_convlstm2d_weights_convert_to_keras3():
    """Keras 1's twelve per-gate ConvLSTM2D arrays (W_i, U_i, b_i, W_c, ...; flipped,
    'th' kernels transposed) become Keras 3's kernel, recurrent_kernel and bias with the
    gates stacked i, f, c, o: both layers then compute the same sequence."""
    for dim_ordering in ("th", "tf"):
        expected, got = _keras1_and_keras3_convlstm2d(dim_ordering)
        assert expected.shape == got.shape
        assert np.allclose(expected, got, atol=1e-5), dim_ordering


PYTHON2_SCRIPT = '''\
import numpy as np
np.random.seed(5)
from keras.models import Sequential
from keras.layers import Dense

X = np.random.uniform(-1, 1, (32, 4)).astype('float32')
y = (X.sum(axis=1) > 0).astype('float32')
model = Sequential()
model.add(Dense(3, input_dim=4, activation='tanh'))
model.add(Dense(1, activation='sigmoid'))
model.compile(loss='binary_crossentropy', optimizer='sgd')
history = model.fit(X, y, batch_size=8, nb_epoch=2, verbose=0)
for epoch in xrange(2):
    print "epoch", epoch, history.history['loss'][epoch]
print model.predict(X[:2])
'''


def test_a_python2_script_compares_equal(tmp_path):
    """`legacy-keras compare` of a Python 2 script (print statements, xrange): the legacy
    side runs it translated in memory, as `legacy-keras run` does; its migration is
    Python 3."""
    output, events, migrated = _compare(PYTHON2_SCRIPT, tmp_path)
    printed = [e for e in events if e["kind"] == "printed"]
    assert [e["text"][:7] for e in printed[:2]] == ["epoch 0", "epoch 1"]
    assert 'print("epoch", epoch, history.history[\'loss\'][epoch])' in migrated
    assert "for epoch in range(2):" in migrated


DROPOUT_SCRIPT = '''\
import numpy as np
np.random.seed(6)
from keras.models import Sequential
from keras.layers import Dense, Dropout, GaussianNoise, LSTM

X = np.random.uniform(-1, 1, (16, 3, 4)).astype('float32')
y = np.random.uniform(0, 1, (16, 1)).astype('float32')
model = Sequential()
model.add(LSTM(5, input_shape=(3, 4), dropout_W=0.3, dropout_U=0.3))
model.add(Dropout(0.5))
model.add(GaussianNoise(0.5))
model.add(Dense(1))
model.compile(loss='mse', optimizer='sgd')
model.fit(X, y, batch_size=4, nb_epoch=2, verbose=0)
print(model.predict(X[:2]))
'''


def test_random_regularizers_are_off_on_both_sides(tmp_path):
    """Dropout, recurrent dropout and Gaussian noise draw from different generators in
    the two runs: compare switches them off on both (the execution context's switch)
    and says so; the training then agrees."""
    output, _, _ = _compare(DROPOUT_SCRIPT, tmp_path)
    assert "note: dropout off" in output
