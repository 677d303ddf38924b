"""Issue 3 (part B) goldens: Embedding, BatchNormalization, advanced activations, noise
layers and TimeDistributed. Each case ran under real Keras 1.2.2 / Theano 1.0.5
(tests/oracle/regenerate.py); legacy_keras must print and record the same, except for
the deliberate differences listed here."""
import pytest

import harness
from harness import check_case

CASES = [
    "l1_embedding",
    "l1_batchnorm",
    "l1_advanced_activations",
    "l1_noise_dropout",
]


@pytest.mark.parametrize("case", CASES)
def test_case_matches_keras1(case, tmp_path):
    check_case(case, str(tmp_path))


# TimeDistributed on a fixed batch size: Keras 1.2.2 iterated over time with K.rnn, a
# Theano scan ("for{cpu,scan_fn}" and its inner graph). legacy_keras uses the reshape
# implementation there too (the same numbers, recorded and compared as usual), so the
# graph of that one layer is the reshape graph Keras 1 showed for a free batch size.
TD_FIXED_BATCH_HEADER = "=== td_fixed_batch (TimeDistributed)\n"
TD_FIXED_BATCH_GRAPH = """\
Reshape{3} [id A] ''   
 |Elemwise{add,no_inplace} [id B] ''   
 | |dot [id C] ''   
 | | |Reshape{2} [id D] ''   
 | | | |fixed_batch_in [id E]
 | | | |TensorConstant{[-1  4]} [id F]
 | | |dense_3_W [id G]
 | |InplaceDimShuffle{x,0} [id H] ''   
 |   |dense_3_b [id I]
 |TensorConstant{[-1  3  2]} [id J]
"""


def replace_block(text, header, new_body):
    """``text`` with the lines after ``header`` up to the next '=== ' line replaced."""
    start = text.index(header) + len(header)
    end = text.index("\n=== ", start) + 1
    return text[:start] + new_body + text[end:]


def test_timedistributed_matches_keras1(tmp_path):
    stdout, records = harness.run_case("l1_timedistributed", str(tmp_path))
    expected_stdout, expected_records = harness.load_golden("l1_timedistributed")
    assert "for{cpu,scan_fn}" in expected_stdout
    expected_stdout = replace_block(expected_stdout, TD_FIXED_BATCH_HEADER,
                                    TD_FIXED_BATCH_GRAPH)
    harness.compare_records(records, expected_records)
    harness.compare_stdout(stdout, expected_stdout, "exact")
