"""The example programs: each Keras 1 script in examples/ runs under legacy_keras, migrates
to a script that runs on plain Keras 3 with no legacy_keras / theano import, computes
the same (``legacy-keras compare``), and ``legacy-keras check`` lists its Keras 1 usages
exactly as the committed report in tests/expected_reports/ (regenerate with
``python tools/update_expected_reports.py`` after a deliberate change, and review the
diff) and finds nothing left after migration."""
import os
import re
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools"))

import update_expected_reports  # noqa: E402

EXAMPLES = update_expected_reports.EXAMPLES
#: TODOs that stay after migration, listed on purpose: Keras 3 has no symbolic graph, so
#: the seed's debugprint calls are kept as comments.
EXPECTED_TODOS = {"seed_vfnet.py": ["theano.printing.debugprint"] * 2}
@pytest.mark.parametrize("example", EXAMPLES)
def test_check_report_is_the_expected_one(example):
    expected_path = update_expected_reports.expected_path(example)
    with open(expected_path, encoding="utf8") as f:
        expected = f.read()
    assert update_expected_reports.report_of(example) == expected, (
        "run `python tools/update_expected_reports.py` and review the diff")


@pytest.mark.parametrize("example", EXAMPLES)
def test_check_finds_nothing_left_after_migration(example):
    from legacy_keras.migrate.checker import check_source
    from legacy_keras.migrate.rewriter import migrate_source

    with open(os.path.join(ROOT, "examples", example), encoding="utf8") as f:
        migrated, _ = migrate_source(f.read())
    manual = [usage for usage in check_source(migrated) if not usage.automatic]
    assert [usage.kind for usage in manual] == ["todo"] * len(manual), manual
    assert sorted(u.keras1.split(" ->")[0] for u in manual) == EXPECTED_TODOS.get(example, [])
    imports = re.findall(r"^\s*(?:import|from)\s+(\w+)", migrated, re.M)
    assert "legacy_keras" not in imports and "theano" not in imports


def _compare(example, tmp_path, path):
    """``legacy-keras compare`` of an example, with ``path`` as ``$PATH``: both runs plot
    (the seed calls Keras 1's plot, its migration Keras 3's plot_model)."""
    env = dict(os.environ, PATH=path)
    result = subprocess.run([sys.executable, "-m", "legacy_keras", "compare",
                             os.path.join(ROOT, "examples", example), "--keep", str(tmp_path)],
                            capture_output=True, text=True, cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    assert ", 0 differ" in result.stdout
    migrated = (tmp_path / ("migrated_" + example)).read_text()
    imports = re.findall(r"^\s*(?:import|from)\s+(\w+)", migrated, re.M)
    assert "legacy_keras" not in imports and "theano" not in imports


@pytest.mark.parametrize("example", EXAMPLES)
def test_migrated_example_computes_what_the_keras1_script_did(example, tmp_path,
                                                              path_without_graphviz):
    """On a machine without graphviz (Keras 3's plot_model probes ``dot -Tps``)."""
    _compare(example, tmp_path, path_without_graphviz)


def test_compare_with_graphviz_installed(tmp_path, path_with_graphviz):
    path, calls = path_with_graphviz
    _compare("seed_vfnet.py", tmp_path, path)
    assert "-Tps" in calls.read_text()  # Keras 3's probe reached the installed dot
    assert (tmp_path / "native" / "model.png").exists()


def test_the_guide_worked_examples_are_current():
    """migration_guide.md's worked examples are what tools/update_guide_examples.py
    generates (its compare tables are kept as they are: rerun the tool with --compare)."""
    import update_guide_examples as guide

    with open(guide.GUIDE, encoding="utf8") as f:
        text = f.read()
    assert guide.render(text, guide.current_tables(text)) == text, (
        "run `python tools/update_guide_examples.py` and review the diff")
