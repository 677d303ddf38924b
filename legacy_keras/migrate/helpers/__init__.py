"""Real modules whose source `legacy-keras migrate` copies into or next to a migrated
script (plain Keras 3 code, importable without legacy_keras being activated):

- ``keras1_definitions``: the definitions inserted into a migrated script
  (``legacy_keras.renames.HELPERS`` reads them from its source);
- ``keras3_settings`` / ``keras122_profile``: what stands for legacy_keras' backend and
  version profiles in the ``keras1_image`` module written next to a migrated script
  (see legacy_keras.migrate.helper_modules).
"""
import ast
from pathlib import Path

FOLDER = Path(__file__).resolve().parent


def source_after_docstring(name):
    """The source of helper module ``name`` without its module docstring."""
    lines = (FOLDER / (name + ".py")).read_text(encoding="utf8").splitlines(True)
    first = ast.parse("".join(lines)).body[0]
    return "".join(lines[first.end_lineno:]).lstrip("\n")
