"""The seed snippet and what it touches, against real Keras 1.2.2 / Theano 1.0.5: the
seed program itself, debugprint of layer outputs (options, leaves), seeded weights,
layer naming, Dense's arguments and their errors, shared variables' set_value, plot()'s
dot source, predicting intermediate activations. Each golden case ran under the
reference (tests/oracle/regenerate.py); legacy_keras must print and record the same."""
import pytest

from harness import check_case

CASES = [
    "seed_vfnet",
    "f_debugprint_activations",
    "f_debugprint_options",
    "f_debugprint_leaves",
    "f_seed_weights",
    "f_layer_names",
    "f_dense_args",
    "f_shared_set_value",
    "f_plot_dot",
    "f_predict_activations",
]


# Lines where legacy_keras prints something else on purpose (migration_guide.md,
# "Deliberate differences"): (what Keras 1 printed, what legacy_keras prints).
DELIBERATE = {
    "f_dense_args": [
        ("Dense(3, foo=1) TypeError ('Keyword argument not understood:', 'foo')",
         "Dense(3, foo=1) TypeError Keyword argument not understood: 'foo' for Dense. "
         "See migration_guide.md for the Keras 1 arguments."),
        ("Dense(3, input_dim=2, output_shape=4) TypeError ('Keyword argument not "
         "understood:', 'output_shape')",
         "Dense(3, input_dim=2, output_shape=4) TypeError Keyword argument not understood: "
         "'output_shape' for Dense. See migration_guide.md for the Keras 1 arguments."),
    ],
    # PyTensor's own type and class: W is a PyTensor TensorSharedVariable subclass bound
    # to a keras.Variable; changing PyTensor's TensorType would break its graph checks.
    "f_shared_set_value": [
        ("str(W.type) TensorType(float32, matrix)", "str(W.type) Matrix(float32, shape=(?, ?))"),
        ("str(b.type) TensorType(float32, vector)", "str(b.type) Vector(float32, shape=(?,))"),
        ("type(W).__name__ TensorSharedVariable", "type(W).__name__ BoundSharedVariable"),
    ],
}


@pytest.mark.parametrize("case", CASES)
def test_case_matches_keras1(case, tmp_path):
    check_case(case, str(tmp_path), DELIBERATE.get(case, ()))
