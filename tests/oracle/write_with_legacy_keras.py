"""Writes legacy_keras' files for the h_* cases into DIR, for
``load_ours_in_keras1.py`` to read with real Keras 1.2.2.

    .venv/bin/python tests/oracle/write_with_legacy_keras.py DIR

Runs each h_* case under legacy_keras (as the test suite does) with
LEGACY_KERAS_FIXTURES=DIR, so the case's save / save_weights / to_json / to_yaml files
land in DIR; what the case recorded is checked against the oracle's golden on the way.
"""
import os
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))  # tests/, for harness

import harness  # noqa: E402

CASES = ["h_mlp", "h_functional", "h_optimizer_state", "h_lambda", "h_convnet_th",
         "h_lstm"]


def main(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    os.environ["LEGACY_KERAS_FIXTURES"] = os.path.abspath(out_dir)
    for case in CASES:
        harness.check_case(case, tempfile.mkdtemp())
        print("wrote", case)
    print("files:", " ".join(sorted(os.listdir(out_dir))))


if __name__ == "__main__":
    main(sys.argv[1])
