"""The backend (``keras.backend`` as K) and the Theano facade beyond the goldens
(test_backend_goldens.py): K.function per learning phase, updates reaching the Keras 3
weights that fit / predict use, custom layers with theano.shared weights, cloned bound
variables, floatX independence, unsupported Theano names, theano.printing's debugprint
and pprint styles."""
import numpy as np
import pytest

import legacy_keras
from legacy_keras import backend as K
from legacy_keras import theano
from legacy_keras.engine.topology import Layer
from legacy_keras.layers import Dense, Dropout
from legacy_keras.models import Sequential
from legacy_keras.theano import tensor as T
from legacy_keras.theano.bound import BoundSharedVariable

X = np.random.RandomState(0).rand(16, 4).astype("float32")


def mlp():
    model = Sequential()
    model.add(Dense(8, input_dim=4, activation="tanh"))
    model.add(Dropout(0.5))
    model.add(Dense(2))
    return model


def test_k_function_learning_phase_switches_dropout():
    model = mlp()
    f = K.function([model.layers[0].input, K.learning_phase()], [model.layers[1].output])
    test_phase = f([X, 0])[0]
    np.testing.assert_allclose(test_phase, f([X, 0])[0])
    train_phase = f([X, 1])[0]
    assert not np.allclose(train_phase, test_phase)
    kept = train_phase != 0
    np.testing.assert_allclose(train_phase[kept], 2 * test_phase[kept], rtol=1e-5)
    np.testing.assert_allclose(model.predict(X), K.function(
        [model.input, K.learning_phase()], [model.output])([X, 0])[0], rtol=1e-5, atol=1e-6)


def test_k_function_bare_array_is_refused():
    model = mlp()
    f = K.function([model.input, K.learning_phase()], [model.output])
    with pytest.raises(AssertionError):
        f(X)


def test_updates_are_written_back_and_seen_by_predict_and_fit():
    model = Sequential([Dense(1, input_dim=4)])
    W = model.layers[0].W
    zero = K.function([], [], updates=[(W, W * 0.0)])
    zero([])
    np.testing.assert_array_equal(W.keras_variable.numpy(), 0)
    np.testing.assert_allclose(model.predict(X)[:, 0], np.full(16, 0.0), atol=1e-7)
    model.compile(loss="mse", optimizer="sgd")
    model.fit(X, np.ones((16, 1), "float32"), nb_epoch=1, verbose=0)
    reader = theano.function([], W.sum())
    assert float(reader()) != 0.0
    np.testing.assert_allclose(float(reader()), W.get_value().sum(), rtol=1e-6)


def test_duplicate_updates_first_wins_and_bad_kwargs_are_refused():
    v = K.variable(np.zeros(2))
    K.function([], [], updates=[(v, v + 1.0), (v, v + 10.0)])([])
    np.testing.assert_array_equal(K.get_value(v), [1.0, 1.0])
    with pytest.raises(ValueError, match="Invalid argument"):
        K.function([], [], foo=1)


class ScaledShift(Layer):
    """A Keras 1 custom layer whose weights are plain ``theano.shared`` variables."""

    def build(self, input_shape):
        dim = input_shape[1]
        self.scale = theano.shared(np.ones(dim, dtype="float32"), name="scale")
        self.shift = theano.shared(np.zeros(dim, dtype="float32"), name="shift")
        self.trainable_weights = [self.scale, self.shift]

    def call(self, x, mask=None):
        return x * self.scale + self.shift


def test_custom_layer_with_theano_shared_weights_trains():
    model = Sequential([ScaledShift(input_shape=(4,))])
    layer = model.layers[0]
    assert isinstance(layer.scale, BoundSharedVariable)
    model.compile(loss="mse", optimizer="sgd")
    target = X * 2.0 + 1.0
    model.fit(X, target, nb_epoch=3, verbose=0)
    assert not np.allclose(layer.scale.get_value(), 1.0)
    np.testing.assert_allclose(model.predict(X), X * layer.scale.get_value() +
                               layer.shift.get_value(), rtol=1e-5)


def test_clone_of_a_bound_variable_shares_its_weight():
    model = Sequential([Dense(2, input_dim=4)])
    W = model.layers[0].W
    twin = W.clone()
    assert isinstance(twin, BoundSharedVariable)
    assert twin.container is W.container and twin.keras_variable is W.keras_variable
    x = T.matrix("x")
    f = theano.function([x], theano.clone(T.dot(x, W), replace={}))
    W.set_value(np.ones((4, 2), "float32"))
    np.testing.assert_allclose(f(X), X.sum(axis=1, keepdims=True).repeat(2, 1), rtol=1e-5)


def test_set_floatx_leaves_theano_floatx_alone():
    before = theano.config.floatX
    K.set_floatx("float64")
    try:
        assert theano.config.floatX == before
        assert K.variable(1.0).dtype == "float64"
    finally:
        K.set_floatx("float32")


@pytest.mark.parametrize("module, name", [(theano, "sparse_grad"), (T, "not_a_theano_name"),
                                          (T.nnet, "conv3d2d")])
def test_unsupported_names_point_to_the_guide(module, name):
    with pytest.raises(NotImplementedError, match="migration_guide.md"):
        getattr(module, name)


def test_ctc_is_reported_unsupported():
    with pytest.raises(NotImplementedError, match="migration_guide.md"):
        K.ctc_batch_cost(None, None, None, None)


def test_backend_says_theano_version_1_2_2_and_small_helpers_match_keras1():
    assert K.backend() == "theano"
    assert isinstance(K.count_params(K.zeros((2, 3))), np.int64)
    assert K.int_shape(K.placeholder(shape=(None, 3))) == (None, 3)
    with pytest.raises(Exception, match="Not a Keras tensor"):
        K.int_shape(T.matrix())
    np.testing.assert_array_equal(K.eval(K.reverse(K.variable([1., 2., 3.]), 0)), [3, 2, 1])
    np.testing.assert_array_equal(K.eval(K.one_hot(K.variable([0, 2], dtype="int32"), 3)),
                                  [[1, 0, 0], [0, 0, 1]])
    assert legacy_keras.__version__ == "1.2.2"


def test_debugprint_pytensor_style_for_teaching():
    model = mlp()
    text = theano.printing.debugprint(model.layers[0].output, file="str", style="pytensor")
    assert "Tanh" in text and "dense_1_W" in text and "ExpandDims" in text


def test_pprint_theano_and_pytensor_styles():
    model = mlp()
    output = model.layers[0].output
    theano_text = theano.printing.pprint(output)
    assert theano_text.startswith("tanh(((dense_input_") and "\\dot dense_1_W" in theano_text
    pytensor_text = theano.printing.pprint(output, style="pytensor")
    assert pytensor_text != theano_text and "dense_1_W" in pytensor_text
    with pytest.raises(ValueError, match="style must be"):
        theano.printing.pprint(output, style="theano 1.0")
