"""Locally connected and convolutional recurrent layers: Keras 1 LocallyConnected1D /
LocallyConnected2D (l2_local) and ConvLSTM2D (l2_convlstm), run under real Keras 1.2.2 /
Theano 1.0.5.

Both must print and record exactly what Keras 1.2.2 did:

- l2_local: ``debugprint(layer.output)`` of every layer (``BatchedDot`` for 1D and 2D
  'tf', the per-position ``dot`` loop with Theano's ``Rebroadcast{1}`` for 2D 'th'), the
  bias probes, the errors; weight names / shapes / values, configs, predictions.
- l2_convlstm: the debugprint of the 'tf' and 'th' layers (a Theano ``scan``:
  ``for{cpu,scan_fn}`` and "Inner graphs of the scan ops"), the stateful run and the
  errors; predictions (rtol 1e-4), shapes, weight names / order / seeded values,
  configs, the stateful layer's states.
"""
import pytest

from harness import check_case

CASES = ["l2_local", "l2_convlstm"]


@pytest.mark.parametrize("case", CASES)
def test_case_matches_keras1(case, tmp_path):
    check_case(case, str(tmp_path), ())
