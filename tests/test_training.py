"""Issue 5 behaviours that need no golden: the generator methods agree with their array
counterparts, optimizer hyperparameters are live variables, bad input is refused."""
import numpy as np
import pytest

from legacy_keras import backend as K
from legacy_keras.layers import Dense
from legacy_keras.models import Sequential
from legacy_keras.optimizers import SGD

rng = np.random.RandomState(0)
X = rng.rand(40, 3).astype("float32")
Y = rng.rand(40, 2).astype("float32")


def mlp(seed=3):
    np.random.seed(seed)
    model = Sequential()
    model.add(Dense(4, input_dim=3, activation="tanh"))
    model.add(Dense(2))
    model.compile(optimizer=SGD(lr=0.1), loss="mse", metrics=["mae"])
    return model


def batches(batch_size=8):
    while True:
        for start in range(0, len(X), batch_size):
            yield X[start:start + batch_size], Y[start:start + batch_size]


def test_fit_generator_trains_like_fit_on_the_same_batches():
    a, b = mlp(), mlp()
    history_a = a.fit(X, Y, batch_size=8, nb_epoch=2, shuffle=False, verbose=0)
    history_b = b.fit_generator(batches(), samples_per_epoch=40, nb_epoch=2, verbose=0)
    for wa, wb in zip(a.get_weights(), b.get_weights()):
        np.testing.assert_allclose(wa, wb, rtol=1e-6)
    np.testing.assert_allclose(history_a.history["loss"], history_b.history["loss"], rtol=1e-6)
    assert history_b.params["nb_sample"] == 40


def test_evaluate_and_predict_generators_agree_with_arrays():
    model = mlp()
    np.testing.assert_allclose(model.evaluate_generator(batches(), 40),
                               model.evaluate(X, Y, batch_size=8, verbose=0), rtol=1e-6)
    np.testing.assert_allclose(model.predict_generator((x for x, _ in batches()), 40),
                               model.predict(X), rtol=1e-6)


def test_learning_rate_is_a_live_variable():
    model = mlp()
    before = model.get_weights()
    K.set_value(model.optimizer.lr, 0.0)
    model.train_on_batch(X[:8], Y[:8])
    for old, new in zip(before, model.get_weights()):
        np.testing.assert_array_equal(old, new)
    assert float(K.get_value(model.optimizer.lr)) == 0.0


def test_train_and_test_on_batch_return_loss_and_metrics():
    model = mlp()
    assert model.metrics_names == ["loss", "mean_absolute_error"]
    loss, mae = model.test_on_batch(X[:8], Y[:8])
    expected = model.predict(X[:8])
    np.testing.assert_allclose(loss, np.mean((expected - Y[:8]) ** 2), rtol=1e-5)
    np.testing.assert_allclose(mae, np.mean(np.abs(expected - Y[:8])), rtol=1e-5)
    assert len(model.train_on_batch(X[:8], Y[:8])) == 2


def test_bad_training_input_is_refused():
    model = mlp()
    with pytest.raises(ValueError, match="expected dense_input_1 to have shape"):
        model.fit(X[:, :2], Y, verbose=0)
    with pytest.raises(ValueError, match="Invalid objective: nope"):
        model.compile(optimizer="sgd", loss="nope")
    with pytest.raises(ValueError, match="same number of samples"):
        mlp().fit(X, Y[:10], verbose=0)
    with pytest.raises(RuntimeError, match="compile"):
        fresh = Sequential()
        fresh.add(Dense(2, input_dim=3))
        fresh.fit(X, Y, verbose=0)


def test_training_with_dropout_draws_nothing_from_numpy():
    """Keras 1 drew dropout seeds from NumPy when the graph was built, never while
    training: a seeded script's later draws (epoch shuffles) must see the same state."""
    from legacy_keras.layers import Dropout

    np.random.seed(11)
    model = Sequential()
    model.add(Dense(4, input_dim=3, activation="tanh"))
    model.add(Dropout(0.5))
    model.add(Dense(2))
    model.compile(optimizer="sgd", loss="mse")
    state = np.random.get_state()[1].copy()
    model.fit(X, Y, batch_size=8, nb_epoch=2, shuffle=False, verbose=0)
    model.predict(X)
    np.testing.assert_array_equal(np.random.get_state()[1], state)


def test_integer_targets_and_inputs_are_cast_as_theano_did():
    """Theano functions took int arrays for float32 placeholders (allow_input_downcast)."""
    model = mlp()
    model.compile(optimizer="sgd", loss="binary_crossentropy")
    labels = (rng.rand(40, 2) > 0.5).astype("int64")
    model.fit(X, labels, batch_size=8, nb_epoch=1, verbose=0)
    assert model.predict((X * 10).astype("int64")).dtype == np.float32
