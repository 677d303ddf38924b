"""Issue 8: `legacy-keras compare` runs a Keras 1 example under legacy_keras and its
migration on plain Keras 3, from the same weights and NumPy draws, and finds them equal."""
import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def compare(example, tmp_path):
    return subprocess.run([sys.executable, "-m", "legacy_keras", "compare",
                           os.path.join(ROOT, "examples", example), "--keep", str(tmp_path)],
                          capture_output=True, text=True, cwd=tmp_path)


@pytest.mark.parametrize("example", ["functional_merge.py"])
def test_migrated_example_matches_the_keras1_run(example, tmp_path):
    result = compare(example, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    assert ", 0 differ" in result.stdout
    migrated = (tmp_path / ("migrated_" + example)).read_text()
    assert "legacy_keras" not in migrated and "theano" not in migrated


def test_compare_reports_a_difference(tmp_path):
    """A migration that changes the numbers is caught: exit status 1 and a DIFFERS row."""
    from legacy_keras.migrate.compare import compare_events, format_table

    legacy = [{"kind": "predict", "model": 0, "value": [[0.5, 0.25]]}]
    native = [{"kind": "predict", "model": 0, "value": [[0.5, 0.26]]}]
    rows = compare_events(legacy, native, rtol=1e-4, atol=1e-5)
    assert [row[4] for row in rows] == [False]
    assert "DIFFERS" in format_table(rows)
    rows = compare_events(legacy, legacy, rtol=1e-4, atol=1e-5)
    assert [row[4] for row in rows] == [True]
