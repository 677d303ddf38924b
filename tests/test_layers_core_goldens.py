"""Core layers (Dense, Activation, Reshape, Flatten, Permute, RepeatVector, Lambda, ...),
Merge / merge(), the functional API, masks, summary() and configs: each golden case ran
under real Keras 1.2.2 / Theano 1.0.5 (tests/oracle/regenerate.py); legacy_keras must
print and record the same. (Dropout / SpatialDropout: l1_noise_dropout, in
test_layers_more_goldens.py.)"""
import pytest

from harness import check_case
from legacy_keras.layers import Dense

CASES = [
    "l1_core_dense",
    "l1_core_shapes",
    "l1_merge_modes",
    "l1_functional",
    "l1_masking",
    "l1_summary",
    "l1_config_roundtrip",
]


@pytest.mark.parametrize("case", CASES)
def test_case_matches_keras1(case, tmp_path):
    check_case(case, str(tmp_path))


def test_unknown_dense_argument_names_the_keras1_spelling():
    with pytest.raises(TypeError, match="kernel_initializer.*Keras 1.2.2's Dense calls it `init`"):
        Dense(3, kernel_initializer="zeros")
    with pytest.raises(TypeError, match="'foo' for Dense"):
        Dense(3, foo=1)
