"""``layer.W`` behaves like a Theano shared variable bound to one Keras 3 variable;
the seed's question answered (set_value is applied once, eagerly); bad input is refused
and changes nothing. Deliberate differences from Theano (migration_guide.md) are pinned
here: tests/goldens/f_shared_set_value_divergent.stdout shows what Theano did instead."""
import warnings

import numpy as np
import pytest

from legacy_keras.layers import Dense
from legacy_keras.models import Sequential


def vfnet(seed=1337):
    np.random.seed(seed)
    model = Sequential()
    model.add(Dense(64, activation="tanh", init="glorot_uniform", input_shape=(5,)))
    model.add(Dense(64, activation="tanh", init="glorot_uniform"))
    model.add(Dense(1))
    return model


@pytest.fixture
def x():
    return np.random.RandomState(0).rand(7, 5).astype("float32")


def test_seed_question_scaling_happens_once(x):
    wt_scale = 0.1
    model = vfnet()
    before = [layer.W.get_value() for layer in model.layers]
    for layer in model.layers:
        layer.W.set_value(layer.W.get_value(borrow=True) * wt_scale)
    after = [layer.W.get_value() for layer in model.layers]
    for old, new in zip(before, after):
        np.testing.assert_array_equal(new, old * np.float32(wt_scale))
    first = model.predict(x)
    for _ in range(3):
        np.testing.assert_array_equal(model.predict(x), first)
    for layer, new in zip(model.layers, after):
        np.testing.assert_array_equal(layer.W.get_value(), new)
        np.testing.assert_array_equal(layer.W.keras_variable.numpy(), new)
    direct = vfnet(seed=5)
    direct.set_weights(model.get_weights())
    np.testing.assert_allclose(direct.predict(x), first, rtol=1e-6)


def test_one_truth_between_keras3_variable_and_shared_variable():
    layer = vfnet().layers[0]
    layer.W.keras_variable.assign(np.ones((5, 64), "float32"))
    np.testing.assert_array_equal(layer.W.get_value(), np.ones((5, 64)))
    np.testing.assert_array_equal(layer.W.eval(), np.ones((5, 64)))
    assert layer.W.name == "dense_1_W" and layer.b.name == "dense_1_b"
    assert layer.W.dtype == "float32" and layer.W.ndim == 2
    assert layer.W.broadcastable == (False, False)


def test_borrow_true_returns_a_copy():
    layer = vfnet().layers[0]
    value = layer.W.get_value(borrow=True)
    value[:] = 0
    assert np.abs(layer.W.get_value()).sum() > 0


def test_float64_is_cast_with_one_warning():
    layer = vfnet().layers[0]
    value = layer.W.get_value() * np.float64(0.1)
    assert value.dtype == np.float64
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        layer.W.set_value(value)
        layer.W.set_value(value)
    assert len([w for w in caught if "casting a float64" in str(w.message)]) == 1
    np.testing.assert_array_equal(layer.W.get_value(), value.astype("float32"))


@pytest.mark.parametrize("bad, error, message", [
    (np.zeros((4, 64), "float32"), ValueError, r"dense_\d+_W.*shape \(4, 64\).*\(5, 64\)"),
    (np.zeros((64,), "float32"), TypeError, "Wrong number of dimensions: expected 2, got 1"),
    ("abc", ValueError, "could not convert string to float"),
    ([[1, 2], [3]], ValueError, "inhomogeneous"),
    (np.zeros((5, 64), "complex64"), TypeError, "cannot store a value of dtype complex64"),
    (np.zeros((5, 64), "int64"), TypeError, "cannot store a value of dtype int64"),
])
def test_bad_set_value_is_refused_and_changes_nothing(bad, error, message):
    layer = vfnet().layers[0]
    before = layer.W.get_value()
    with pytest.raises(error, match=message):
        layer.W.set_value(bad)
    np.testing.assert_array_equal(layer.W.get_value(), before)
    np.testing.assert_array_equal(layer.W.keras_variable.numpy(), before)


def test_bad_set_weights_changes_nothing():
    model = vfnet()
    before = model.get_weights()
    wrong = [w.copy() for w in before]
    wrong[-1] = np.zeros((3,), "float32")
    with pytest.raises(ValueError, match="not compatible with provided weight shape"):
        model.set_weights(wrong)
    with pytest.raises(ValueError, match="expecting 6 weights"):
        model.set_weights(before[:-1])
    for old, new in zip(before, model.get_weights()):
        np.testing.assert_array_equal(old, new)
