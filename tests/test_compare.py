"""Issue 8: `legacy-keras compare` runs a Keras 1 example under legacy_keras and its
migration on plain Keras 3, from the same weights and NumPy draws, and finds them equal."""
# The end-to-end compare runs, one per example script, are in tests/test_examples.py.


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
