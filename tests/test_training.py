"""Training (Model / Sequential fit, evaluate, predict, *_on_batch, the generator methods,
optimizers) where no golden is needed: the generator methods agree with their array
counterparts, also with pickle_safe workers; optimizer hyperparameters are live
variables and a custom optimizer's state survives retracing; bad input is refused;
dropout draws nothing from NumPy; int inputs are cast as Theano did. The recorded runs
of real Keras 1.2.2 are in test_training_goldens.py."""
import time

import numpy as np
import pytest

from legacy_keras import backend as K
from legacy_keras.layers import Dense
from legacy_keras.models import Sequential
from legacy_keras.optimizers import SGD, Optimizer

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


def _same_batch_forever(x, y):
    while True:
        yield x, y


def _fails_after(x, y, good):
    for _ in range(good):
        yield x, y
    raise RuntimeError("generator failed")


def test_generators_with_pickle_safe_workers_finish_and_report_errors():
    """fit / evaluate / predict_generator(pickle_safe=True, nb_worker=4), as third-party
    programs called them, once hung until killed. legacy_keras' workers are threads (see
    GeneratorEnqueuer): they finish, train exactly as one worker does on the same
    batches, and a generator's exception reaches the caller."""
    rng = np.random.RandomState(0)
    x = rng.rand(8, 2).astype("float32")
    y = rng.rand(8, 1).astype("float32")
    init = [rng.rand(2, 1).astype("float32"), np.zeros(1, "float32")]
    weights = []
    start = time.time()
    for pickle_safe, workers in ((False, 1), (True, 4)):
        model = Sequential([Dense(1, input_dim=2)])
        model.set_weights(init)
        model.compile(loss="mse", optimizer=SGD(lr=0.1))
        model.fit_generator(_same_batch_forever(x, y), samples_per_epoch=32, nb_epoch=2,
                            verbose=0, nb_worker=workers, pickle_safe=pickle_safe)
        weights.append(model.get_weights())
        loss = model.evaluate_generator(_same_batch_forever(x, y), val_samples=16,
                                        nb_worker=workers, pickle_safe=pickle_safe)
        assert np.isclose(loss, model.evaluate(x, y, verbose=0), rtol=1e-5)
        predictions = model.predict_generator(_same_batch_forever(x, y), val_samples=16,
                                              nb_worker=workers, pickle_safe=pickle_safe)
        assert predictions.shape == (16, 1)
        try:
            model.fit_generator(_fails_after(x, y, 2), samples_per_epoch=64, nb_epoch=1,
                                verbose=0, nb_worker=workers, pickle_safe=pickle_safe)
        except RuntimeError as error:
            assert "generator failed" in str(error)
        else:
            raise AssertionError("the generator's exception did not reach fit_generator")
    assert time.time() - start < 120
    for a, b in zip(*weights):
        np.testing.assert_allclose(a, b, rtol=1e-6)


def test_custom_optimizer_state_survives_retracing():
    """A custom get_updates creates its moments while the training step is traced;
    TensorFlow traces the step again for a new batch size. The moments must be the same
    variables at every trace (engine/executor.py, VariableBirths), so that a heavy-ball
    SGD written by hand trains exactly as the built-in SGD(momentum=) does."""
    class HandMomentum(Optimizer):
        def __init__(self, lr, momentum, **kwargs):
            super(HandMomentum, self).__init__(**kwargs)
            self.lr, self.momentum = K.variable(lr), K.variable(momentum)

        def get_updates(self, params, constraints, loss):
            grads = self.get_gradients(loss, params)
            moments = [K.zeros(K.get_variable_shape(p)) for p in params]
            self.weights = moments
            self.updates = []
            for p, g, m in zip(params, grads, moments):
                v = self.momentum * m - self.lr * g
                self.updates += [K.update(m, v), K.update(p, p + v)]
            return self.updates

    rng = np.random.RandomState(4)
    x = rng.rand(13, 3).astype("float32")
    y = rng.rand(13, 2).astype("float32")
    init = [rng.rand(3, 2).astype("float32"), np.zeros(2, "float32")]
    results = []
    for optimizer in (HandMomentum(0.1, 0.9), SGD(lr=0.1, momentum=0.9)):
        model = Sequential([Dense(2, input_dim=3)])
        model.set_weights(init)
        model.compile(optimizer=optimizer, loss="mse")
        for batch in (slice(0, 8), slice(8, 13), slice(0, 8), slice(0, 3)):
            model.train_on_batch(x[batch], y[batch])
        model.fit(x, y, batch_size=5, nb_epoch=2, shuffle=False, verbose=0)
        results.append((model.get_weights(), K.batch_get_value(optimizer.weights[-2:])))
        if isinstance(optimizer, HandMomentum):
            steps = model.model._steps() if getattr(model, "model", None) else model._steps()
            assert len(steps._train._list_all_concrete_functions()) >= 2
            assert len(optimizer.weights) == 2
    (hand_w, hand_m), (sgd_w, sgd_m) = results
    for a, b in zip(hand_w + hand_m, sgd_w + sgd_m):
        np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-7)


def test_predict_refuses_wrong_input_shape():
    model = mlp()
    with pytest.raises(ValueError, match=r"expected dense_input_\d+ to have shape \(None, 3\)"):
        model.predict(X[:, :2])
