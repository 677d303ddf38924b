"""Convolutional and pooling layers (Convolution1D/2D/3D, Atrous, Deconvolution2D,
Separable, UpSampling, ZeroPadding, Cropping, MaxPooling / AveragePooling): the golden
cases tests/cases/l2_*.py, run under real Keras 1.2.2 / Theano 1.0.5
(tests/oracle/regenerate.py), printed and recorded the same under legacy_keras; and
Theano's kernel flip, proven on the oracle's own weights."""
import pytest

import harness
from harness import check_case

CASES = [
    "l2_conv2d",
    "l2_pooling",
    # Convolution1D, Atrous, Convolution3D, Deconvolution2D, Separable, UpSampling
    # (Theano's repeat graph), ZeroPadding (Theano's shape arithmetic, and the symbolic
    # shape Keras 1.2.2's asymmetric 'tf' padding printed), Cropping.
    "l2_conv_other",
]


@pytest.mark.parametrize("case", CASES)
def test_case_matches_keras1(case, tmp_path):
    check_case(case, str(tmp_path))


def _python_int_sizes(value):
    """Keras 1.2.2's Flatten reported its size as a NumPy integer (``np.prod``), which the
    recorder stored as a 0-d array; legacy_keras's Flatten gives a Python int on purpose
    (see ``legacy_keras.layers.core.Flatten``)."""
    if isinstance(value, dict) and "__array__" in value and value["shape"] == [] \
            and "int" in value["dtype"]:
        return value["__array__"]
    if isinstance(value, list):
        return [_python_int_sizes(v) for v in value]
    return value


def test_convnet_with_oracle_weights_predicts_as_oracle(tmp_path):
    """l2_convnet_th_predict: a 'th' conv net (Convolution2D, MaxPooling2D, Flatten,
    Dense) and the mnist_cnn example built from np.random.seed(1337): the initial weights
    equal the oracle's exactly, the predictions (hence the kernel flip) and one SGD step
    agree; a 'tf' net too."""
    stdout, records = harness.run_case("l2_convnet_th_predict", str(tmp_path))
    expected_stdout, expected = harness.load_golden("l2_convnet_th_predict")
    expected = {k: _python_int_sizes(v) if k.endswith("output_shapes") else v
                for k, v in expected.items()}
    harness.compare_records(records, expected)
    harness.compare_stdout(stdout, expected_stdout, "exact")


def test_oracle_weights_set_with_set_weights(tmp_path):
    """The oracle's own arrays, loaded with set_weights into a freshly built net, give the
    oracle's predictions: the flip is proven, not assumed."""
    import numpy as np

    _, expected = harness.load_golden("l2_convnet_th_predict")

    def array(key):
        value = expected[key]
        return np.array(value["__array__"], dtype=value["dtype"])

    weights = [np.array(w["__array__"], dtype=w["dtype"]) for w in expected["net/initial_weights"]]
    from legacy_keras.layers import Convolution2D, Dense, Flatten, MaxPooling2D
    from legacy_keras.models import Sequential

    model = Sequential()
    model.add(Convolution2D(4, 3, 3, input_shape=(1, 6, 6), dim_ordering="th"))
    model.add(MaxPooling2D(pool_size=(2, 2), dim_ordering="th"))
    model.add(Flatten())
    model.add(Dense(3, activation="softmax"))
    model.set_weights([np.zeros_like(w) for w in weights])
    model.set_weights(weights)
    x, oracle_predictions = array("net/x"), array("net/predict")
    np.testing.assert_allclose(model.predict(x), oracle_predictions, rtol=1e-4, atol=1e-6)
    # get_weights hands the kernel back as Keras 1 stored it: the flip stays inside
    for ours, oracle in zip(model.get_weights(), weights):
        np.testing.assert_array_equal(ours, oracle)
    # The flip matters for these weights: the kernel flipped by hand (a convolution that
    # forgot Theano's flip) predicts something else
    kernel = weights[0]  # Keras 1's 'th' layout: (filters, channels, rows, columns)
    model.set_weights([kernel[:, :, ::-1, ::-1]] + weights[1:])
    assert not np.allclose(model.predict(x), oracle_predictions, rtol=1e-4, atol=1e-6)
