"""Embedding, BatchNormalization, advanced activations, noise layers (Dropout,
SpatialDropout, GaussianNoise, GaussianDropout) and TimeDistributed. Each golden case
ran under real Keras 1.2.2 / Theano 1.0.5 (tests/oracle/regenerate.py); legacy_keras
must print and record the same. Then what the goldens cannot show: BatchNormalization's
running statistics and modes, noise layers active only in training."""
import pytest

from harness import check_case

CASES = [
    "l1_embedding",
    "l1_batchnorm",
    "l1_advanced_activations",
    "l1_noise_dropout",
    # TimeDistributed on a fixed batch size iterates with K.rnn: a Theano scan, printed
    # with its "Inner graphs of the scan ops" section.
    "l1_timedistributed",
]


@pytest.mark.parametrize("case", CASES)
def test_case_matches_keras1(case, tmp_path):
    check_case(case, str(tmp_path))


# -- Keras 3 execution: what the goldens cannot show (they record test-phase numbers) ----
def _bn_model():
    import numpy as np
    from legacy_keras.layers import BatchNormalization, Dense
    from legacy_keras.models import Sequential

    np.random.seed(3)
    model = Sequential()
    model.add(Dense(3, input_dim=4))
    model.add(BatchNormalization(momentum=0.9))
    model.add(Dense(1))
    model.compile("sgd", "mse")
    return model


def test_batchnorm_running_statistics_follow_training_steps():
    """train_on_batch (Keras 3, training=True) updates running_mean / running_std once per
    batch, as Keras 1's training function applied layer.updates; predict never does."""
    import numpy as np

    model = _bn_model()
    dense, bn = model.layers[0], model.layers[1]
    rng = np.random.RandomState(0)
    x = rng.uniform(-1, 1, size=(8, 4)).astype("float32")
    y = rng.uniform(-1, 1, size=(8, 1)).astype("float32")
    before = bn.get_weights()
    W, b = dense.get_weights()
    hidden = x.dot(W) + b
    model.train_on_batch(x, y)
    after = bn.get_weights()
    np.testing.assert_allclose(after[2], 0.9 * before[2] + 0.1 * hidden.mean(0),
                               rtol=1e-4, atol=1e-6)
    # running_std holds the variance (plus epsilon), as Keras 1.2.2 on Theano
    np.testing.assert_allclose(after[3], 0.9 * before[3] + 0.1 * (hidden.var(0) + 1e-3),
                               rtol=1e-4, atol=1e-6)
    model.predict(x)
    np.testing.assert_array_equal(bn.get_weights()[3], after[3])


def test_batchnorm_updates_exist_only_in_mode_0():
    from legacy_keras.layers import BatchNormalization, Input

    inp = Input(shape=(3,))
    mode0, mode2 = BatchNormalization(), BatchNormalization(mode=2)
    mode0(inp)
    mode2(inp)
    assert [v.name for v, _ in mode0.updates] == [
        mode0.name + "_running_mean", mode0.name + "_running_std"]
    assert mode0.get_updates_for(inp) == mode0.updates
    assert not hasattr(mode2, "updates")


def test_batchnorm_unsupported_mode_fails_when_called():
    from legacy_keras.layers import BatchNormalization, Input

    layer = BatchNormalization(mode=3)  # accepted, as in Keras 1.2.2
    with pytest.raises(UnboundLocalError, match="x_normed.*mode must be 0, 1 or 2"):
        layer(Input(shape=(3,)))


def test_noise_layers_are_active_only_in_training():
    import numpy as np
    from legacy_keras.layers import Dense, GaussianDropout, GaussianNoise
    from legacy_keras.models import Sequential

    np.random.seed(5)
    model = Sequential([Dense(4, input_dim=4), GaussianNoise(0.5), GaussianDropout(0.3)])
    model.compile("sgd", "mse")
    x = np.ones((64, 4), dtype="float32")
    first = model.predict(x)
    np.testing.assert_array_equal(first, model.predict(x))
    executor = model.model._executor() if hasattr(model, "model") else model._executor()
    noisy = np.asarray(executor(x, training=True))
    assert not np.allclose(noisy, first)
