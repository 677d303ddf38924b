"""The execution context of ``K`` (legacy_keras.backend._context): the random
regularizers switch that ``legacy-keras compare`` uses."""
import numpy as np
import pytest

from legacy_keras import backend as K
from legacy_keras._k3 import keras, ops
from legacy_keras.backend._context import (numeric_execution, random_regularizers_enabled,
                                           random_regularizers_off, set_random_regularizers)
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
