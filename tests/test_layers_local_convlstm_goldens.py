"""Issue 4 goldens: Keras 1 LocallyConnected1D / LocallyConnected2D (l2_local) and
ConvLSTM2D (l2_convlstm), run under real Keras 1.2.2 / Theano 1.0.5.

l2_local: stdout (``debugprint(layer.output)`` of every layer: ``BatchedDot`` for 1D and
2D 'tf', the per-position ``dot`` loop for 2D 'th', the bias probes, the errors) and
every record must match exactly.
"""
import harness
from harness import check_case


def test_local_matches_keras1(tmp_path):
    check_case("l2_local", str(tmp_path), ())
