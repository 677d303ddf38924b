"""Issue 4 goldens: Keras 1 convolutional and pooling layers (tests/cases/l2_*.py), run
under real Keras 1.2.2 / Theano 1.0.5 (tests/oracle/regenerate.py); legacy_keras must
print and record the same."""
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

# Lines where legacy_keras prints something else on purpose: (what Keras 1 printed, what
# legacy_keras prints), each with the reason.
DELIBERATE = {}


@pytest.mark.parametrize("case", CASES)
def test_case_matches_keras1(case, tmp_path):
    check_case(case, str(tmp_path), DELIBERATE.get(case, ()))


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
    from legacy_keras import backend as K
    from legacy_keras.layers import Convolution2D, Dense, Flatten, MaxPooling2D
    from legacy_keras.models import Sequential

    model = Sequential()
    model.add(Convolution2D(4, 3, 3, input_shape=(1, 6, 6), dim_ordering="th"))
    model.add(MaxPooling2D(pool_size=(2, 2), dim_ordering="th"))
    model.add(Flatten())
    model.add(Dense(3, activation="softmax"))
    model.set_weights([np.zeros_like(w) for w in weights])
    model.set_weights(weights)
    np.testing.assert_allclose(model.predict(array("net/x")), array("net/predict"), rtol=1e-4,
                               atol=1e-6)
    assert K.image_dim_ordering() in ("th", "tf")
