"""Issue 17 (and the runtime classes of issue 13): patterns that published third-party
Keras 1 programs used. Each case ran under real Keras 1.2.2 / Theano 1.0.5
(tests/oracle/regenerate.py wrote tests/goldens/<case>.*); legacy_keras must print and
record the same."""
import pytest

from harness import check_case

CASES = [
    "t_custom_optimizer",  # Optimizer subclasses with their own get_updates, wrappers
    "t_input_forms",  # every data form standardize_input_data accepted, and its errors
    "t_gan_loop",  # frozen discriminator, alternating train_on_batch, save/load weights
]


@pytest.mark.parametrize("case", CASES)
def test_third_party_pattern_matches_keras1(case, tmp_path):
    check_case(case, str(tmp_path))
