"""The guide's rename tables are generated from legacy_keras/renames.py."""
import os

from legacy_keras import renames

GUIDE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                     "migration_guide.md")


def test_guide_tables_match_the_rename_table():
    with open(GUIDE, encoding="utf8") as f:
        text = f.read()
    start = text.index(renames.GUIDE_BEGIN) + len(renames.GUIDE_BEGIN)
    end = text.index(renames.GUIDE_END)
    assert text[start:end] == "\n" + renames.markdown_tables(), (
        "migration_guide.md is stale: run `python -m legacy_keras.renames`")


def test_every_dense_rename_is_a_dense_argument():
    import inspect

    from legacy_keras.layers import Dense

    parameters = inspect.signature(Dense.__init__).parameters
    for rename in renames.LAYERS["Dense"][1]:
        assert rename.keras1 in parameters
