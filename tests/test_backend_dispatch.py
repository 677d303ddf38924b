"""``K``'s one dispatch mechanism (legacy_keras.backend.dispatch) and its execution
context (legacy_keras.backend._context), with the random regularizers switch that
``legacy-keras compare`` uses."""
import numpy as np
import pytest

from legacy_keras import backend as K
from legacy_keras._k3 import keras, ops
from legacy_keras.backend import dispatch
from legacy_keras.backend._context import (numeric_execution, random_regularizers_enabled,
                                           random_regularizers_off, set_random_regularizers)
from legacy_keras.backend.dispatch import symbolic_and_numeric
from legacy_keras.layers import Dropout, Embedding, GaussianDropout, GaussianNoise
from legacy_keras.theano import printing
from legacy_keras.theano import tensor as T

ONES = np.ones((8, 64), dtype="float32")


def _training_call(layer, x):
    with numeric_execution(training=True):
        return np.asarray(layer.call(ops.convert_to_tensor(x)))


@pytest.mark.parametrize("layer", [Dropout(0.5), GaussianNoise(1.0), GaussianDropout(0.5)],
                         ids=["Dropout", "GaussianNoise", "GaussianDropout"])
def test_switched_off_keras1_random_regularizers_are_the_identity_in_keras3_training(layer):
    assert not np.allclose(_training_call(layer, ONES), ONES)
    with random_regularizers_off():
        np.testing.assert_array_equal(_training_call(layer, ONES), ONES)
    assert random_regularizers_enabled()
    assert not np.allclose(_training_call(layer, ONES), ONES)


def test_switched_off_embedding_word_dropout_keeps_every_row():
    layer = Embedding(50, 16, input_length=4, dropout=0.5)
    layer.build((None, 4))
    words = np.tile(np.arange(40, dtype="int32").reshape(10, 4), (1, 1))
    weights = K.get_value(layer.W)
    with random_regularizers_off():
        np.testing.assert_allclose(_training_call(layer, words), weights[words], rtol=1e-6)
    assert not np.allclose(_training_call(layer, words), weights[words])


def test_switched_off_k_dropout_is_the_identity_in_keras3_execution_only():
    with random_regularizers_off():
        with numeric_execution(training=True):
            np.testing.assert_array_equal(np.asarray(K.dropout(ops.ones((8, 64)), 0.5)), ONES)
        x = T.matrix("x")
        graph = printing.debugprint(K.dropout(x, 0.5), file="str")
    assert "mrg_uniform" in graph  # the symbolic graph is still the one Theano built


@pytest.mark.parametrize("make", [lambda: keras.layers.Dropout(0.5),
                                  lambda: keras.layers.SpatialDropout1D(0.5),
                                  lambda: keras.layers.GaussianNoise(1.0),
                                  lambda: keras.layers.GaussianDropout(0.5),
                                  lambda: keras.layers.AlphaDropout(0.5)],
                         ids=["Dropout", "SpatialDropout1D", "GaussianNoise",
                              "GaussianDropout", "AlphaDropout"])
def test_switched_off_keras3_layers_random_regularizers_are_the_identity(make):
    x = np.ones((4, 8, 16), dtype="float32")
    layer = make()
    with random_regularizers_off():
        np.testing.assert_array_equal(np.asarray(layer(x, training=True)), x)
    assert not np.allclose(np.asarray(layer(x, training=True)), x)


def test_switched_off_keras3_recurrent_dropout_is_the_identity():
    x = np.random.RandomState(0).rand(2, 5, 3).astype("float32")
    layer = keras.layers.LSTM(4, dropout=0.9, recurrent_dropout=0.9, seed=1)
    expected = np.asarray(layer(x, training=False))
    with random_regularizers_off():
        np.testing.assert_allclose(np.asarray(layer(x, training=True)), expected, rtol=1e-6)
    assert not np.allclose(np.asarray(layer(x, training=True)), expected)


def test_set_random_regularizers_switches_for_the_process():
    set_random_regularizers(False)
    try:
        assert not random_regularizers_enabled()
    finally:
        set_random_regularizers(True)
    assert random_regularizers_enabled()


# -- the dispatcher ----------------------------------------------------------------------------
def _recording_op():
    calls = []

    @symbolic_and_numeric("x", "y")
    def combine(x, y, scale=2.0):
        """A test op."""

    @combine.symbolic
    def _(x, y, scale=2.0):
        calls.append(("symbolic", x, y, scale))
        return "graph"

    @combine.numeric
    def _(x, y, scale=2.0):
        calls.append(("numeric", x, y, scale))
        return "value"

    return combine, calls


def test_pytensor_arguments_take_the_symbolic_form():
    combine, calls = _recording_op()
    x, y = T.matrix("x"), T.matrix("y")
    assert combine(x, y) == "graph"
    assert calls == [("symbolic", x, y, 2.0)]


def test_a_keras3_tensor_among_the_declared_arguments_takes_the_numeric_form():
    combine, calls = _recording_op()
    y = ops.ones((2,))
    assert combine(T.matrix("x"), y=y, scale=3.0) == "value"
    assert calls[0][0] == "numeric" and calls[0][3] == 3.0


def test_inside_numeric_execution_the_numeric_form_gets_weights_unwrapped():
    combine, calls = _recording_op()
    weight = K.variable(np.ones((2, 2)), name="w")
    with numeric_execution(training=False):
        assert combine(weight, 1.0) == "value"
    assert calls == [("numeric", weight.keras_variable, 1.0, 2.0)]


def test_arguments_not_declared_as_tensors_do_not_decide():
    combine, calls = _recording_op()
    assert combine(T.matrix("x"), T.matrix("y"), ops.ones(())) == "graph"


def test_an_op_missing_the_chosen_form_fails_naming_it():
    @symbolic_and_numeric(symbolic=lambda x: x)
    def only_symbolic(x):
        """No numeric form."""

    with pytest.raises(NotImplementedError, match="K.only_symbolic has no numeric form"):
        only_symbolic(ops.ones((2,)))
    x = T.vector("x")
    assert only_symbolic(x) is x


def test_declared_ops_keep_their_public_signature_and_docstring():
    import inspect

    assert str(inspect.signature(K.batch_dot)) == "(x, y, axes=None)"
    assert str(inspect.signature(K.sum)) == "(x, axis=None, keepdims=False)"
    assert "Theano's ``batched_tensordot``" in K.batch_dot.__doc__
    assert K.batch_dot.op.name == "K.batch_dot"


def test_an_undeclared_tensor_parameter_is_refused_at_declaration():
    with pytest.raises(TypeError, match="K.bad has no parameter z"):
        @symbolic_and_numeric("z")
        def bad(x):
            """Declares a parameter it does not have."""


def test_context_only_ops_follow_the_execution_not_the_arguments():
    assert K.learning_phase() is not None and not isinstance(K.learning_phase(), int)
    with numeric_execution(training=True):
        assert K.learning_phase() == 1
        assert K.in_train_phase(lambda: "train", "test") == "train"
    with numeric_execution(training=False):
        assert K.in_train_phase("train", lambda: "test") == "test"


def test_is_numeric_looks_into_lists():
    assert dispatch.is_numeric([T.matrix(), [ops.ones(())]])
    assert not dispatch.is_numeric([T.matrix(), 1.0])


# -- layers' numeric forms (declared with the same mechanism) -----------------------------------
def _predict_and_graph(layer, x):
    from legacy_keras.models import Sequential

    model = Sequential()
    model.add(layer)
    graph = K.function([model.input, K.learning_phase()], [model.output])
    return model.predict(x), graph([x, 0])[0]


@pytest.mark.parametrize("consume_less", ["cpu", "mem", "gpu"])
def test_lstm_numeric_form_computes_what_the_graph_computes(consume_less):
    from legacy_keras.layers import LSTM

    x = np.random.RandomState(1).rand(3, 6, 4).astype("float32")
    predicted, graph = _predict_and_graph(
        LSTM(5, input_shape=(6, 4), consume_less=consume_less, return_sequences=True), x)
    np.testing.assert_allclose(predicted, graph, rtol=1e-5, atol=1e-6)


def test_lstm_takes_the_fused_numeric_form_only_without_dropout(monkeypatch):
    from legacy_keras.layers import LSTM

    fused = []
    original = LSTM._fused_call
    monkeypatch.setattr(LSTM, "_fused_call",
                        lambda self, x, mask: fused.append(self.name) or original(self, x, mask))
    x = np.random.RandomState(2).rand(2, 3, 4).astype("float32")
    plain = LSTM(2, input_shape=(3, 4))
    dropped = LSTM(2, input_shape=(3, 4), dropout_U=0.5)
    _predict_and_graph(plain, x)
    _predict_and_graph(dropped, x)
    assert fused == [plain.name]


def test_convlstm_numeric_form_computes_what_the_graph_computes():
    from legacy_keras.layers import ConvLSTM2D

    x = np.random.RandomState(3).rand(2, 3, 5, 5, 2).astype("float32")
    predicted, graph = _predict_and_graph(
        ConvLSTM2D(3, 3, 3, input_shape=(3, 5, 5, 2), dim_ordering="tf", border_mode="same",
                   return_sequences=True), x)
    np.testing.assert_allclose(predicted, graph, rtol=1e-5, atol=1e-5)


def test_a_layer_method_without_the_chosen_form_names_the_layer_method():
    class Probe(object):
        @symbolic_and_numeric("x", symbolic=lambda self, x: x)
        def call(self, x, mask=None):
            """Symbolic only."""

    with pytest.raises(NotImplementedError, match="Probe.call has no numeric form"):
        Probe().call(ops.ones((1,)))
