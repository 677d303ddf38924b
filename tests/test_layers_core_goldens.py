"""Issue 3 (part A) goldens: Keras 1 core layers, Merge / merge(), the functional API,
masks, summary() and configs (Dropout / SpatialDropout: l1_noise_dropout, in
test_layers_more_goldens.py). Each case ran under real Keras 1.2.2 / Theano 1.0.5
(tests/oracle/regenerate.py); legacy_keras must print and record the same."""
import pytest

from harness import check_case

CASES = [
    "l1_core_dense",
    "l1_core_shapes",
    "l1_merge_modes",
    "l1_functional",
    "l1_masking",
    "l1_summary",
    "l1_config_roundtrip",
]


# Lines where legacy_keras prints something else on purpose: (what Keras 1 printed, what
# legacy_keras prints), each with the reason.
DELIBERATE = {}


@pytest.mark.parametrize("case", CASES)
def test_case_matches_keras1(case, tmp_path):
    check_case(case, str(tmp_path), DELIBERATE.get(case, ()))
