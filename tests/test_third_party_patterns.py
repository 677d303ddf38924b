"""Issue 17 (and the runtime classes of issue 13): patterns that published third-party
Keras 1 programs used. Each case ran under real Keras 1.2.2 / Theano 1.0.5
(tests/oracle/regenerate.py wrote tests/goldens/<case>.*); legacy_keras must print and
record the same."""
import pytest

from harness import check_case

CASES = [
    "t_custom_optimizer",  # Optimizer subclasses with their own get_updates, wrappers
    "t_optimizer_symbolic",  # get_updates as Theano updates of a K.function (keras-rl DDPG)
    "t_input_forms",  # every data form standardize_input_data accepted, and its errors
    "t_gan_loop",  # frozen discriminator, alternating train_on_batch, save/load weights
    "t_raw_theano",  # theano.scan / set_subtensor / K.zeros in call, a VAE loss, K.reshape
    "t_gradients_twice",  # a loss differentiating the model (double backprop), grad of grad
    "t_rl_dqn",  # keras-rl's DQN: T.switch Huber loss in a Lambda, masked trainable model
]


@pytest.mark.parametrize("case", CASES)
def test_third_party_pattern_matches_keras1(case, tmp_path):
    check_case(case, str(tmp_path))


def _same_batch_forever(x, y):
    while True:
        yield x, y


def _fails_after(x, y, good):
    for _ in range(good):
        yield x, y
    raise RuntimeError("generator failed")


def test_generators_with_pickle_safe_workers_finish_and_report_errors():
    """Issue 13: fit / evaluate / predict_generator(pickle_safe=True, nb_worker=4) hung
    until killed. legacy_keras' workers are threads (see GeneratorEnqueuer): they finish,
    train exactly as one worker does on the same batches, and a generator's exception
    reaches the caller."""
    import time

    import numpy as np

    import legacy_keras as keras
    from legacy_keras.layers import Dense
    from legacy_keras.models import Sequential

    rng = np.random.RandomState(0)
    x = rng.rand(8, 2).astype("float32")
    y = rng.rand(8, 1).astype("float32")
    init = [rng.rand(2, 1).astype("float32"), np.zeros(1, "float32")]
    weights = []
    start = time.time()
    for pickle_safe, workers in ((False, 1), (True, 4)):
        model = Sequential([Dense(1, input_dim=2)])
        model.set_weights(init)
        model.compile(loss="mse", optimizer=keras.optimizers.SGD(lr=0.1))
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
    import numpy as np

    import legacy_keras.backend as K
    from legacy_keras.layers import Dense
    from legacy_keras.models import Sequential
    from legacy_keras.optimizers import SGD, Optimizer

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


def test_raw_theano_without_a_tensorflow_lowering_fails_loudly():
    """Where a layer's raw Theano has no TensorFlow lowering (here a theano.scan with two
    taps), predict fails loudly, naming the layer, the feature and the guide, never with
    a silently different computation."""
    import numpy as np
    import pytest as _pytest

    import legacy_keras
    from legacy_keras.engine.topology import Layer
    from legacy_keras.layers import Dense
    from legacy_keras.models import Sequential
    from legacy_keras import theano

    class TwoTaps(Layer):
        def call(self, x, mask=None):
            out, _ = theano.scan(lambda a, b: a + b, n_steps=3,
                                 outputs_info=dict(initial=x[:2], taps=[-2, -1]))
            return out[-1] + 0 * x[:1]

    model = Sequential([Dense(3, input_dim=2), TwoTaps()])
    symbolic = legacy_keras.backend.function([model.input], [model.output])
    x = np.ones((2, 2), "float32")
    assert symbolic([x])[0].shape == (1, 3)  # the Theano graph itself is fine
    with _pytest.raises(Exception) as raised:
        model.predict(x)
    message = str(raised.value)
    assert "twotaps_1" in message and "several taps" in message
    assert "not supported by legacy_keras" in message and "migration_guide.md" in message
