"""Recurrent layers: Keras 1's SimpleRNN, GRU, LSTM (masks, stateful; Bidirectional
around them), run under real Keras 1.2.2 / Theano 1.0.5
(tests/oracle/regenerate.py). Every recorded number, shape, weight name / order and
config must match, and the printed ``debugprint(layer.output)`` exactly: Theano's
``scan`` (``for{cpu,scan_fn}.N``, the state buffers with ``Rebroadcast{0}``, and the
"Inner graphs of the scan ops" section with `` >`` lines, ``-> [id X]`` links to the
outer inputs and ``<weight>_copy`` stand-ins).
"""
import pytest

from harness import check_case

CASES = ["l2_recurrent", "l2_recurrent_masking_stateful", "l2_bidirectional"]


@pytest.mark.parametrize("case", CASES)
def test_case_matches_keras1(case, tmp_path):
    check_case(case, str(tmp_path))
