"""Modules `legacy-keras migrate` writes next to a migrated script.

Keras 3 removed ``keras.preprocessing.text`` (Tokenizer, one_hot, text_to_word_sequence,
base_filter) and ``keras.preprocessing.image``'s ImageDataGenerator and its iterators.
A migrated script imports them from ``keras1_text`` / ``keras1_image`` instead: copies of
legacy_keras' own implementations of Keras 1.2.2's modules (NumPy, SciPy and Pillow
only), written into the migrated script's folder. The copy is the module's source as it
is, with its legacy_keras imports replaced by the source of real modules of
legacy_keras.migrate.helpers: the backend settings image.py reads (from Keras 3's
settings, ``keras3_settings``) and the version switches it reads (Keras 1.2.2's values,
``keras122_profile``).
"""
import importlib  # noqa: F401  (tests read importlib.import_module from here)
import os
import re
from pathlib import Path

from legacy_keras.migrate.helpers import keras122_profile, source_after_docstring

#: The version switches (legacy_keras/profiles.py) preprocessing/image.py reads, at
#: Keras 1.2.2: a migrated script runs on Keras 3 with 1.2.2's behaviour.
IMAGE_SWITCHES_AT_1_2_2 = keras122_profile.profiles.VALUES

#: Helper module -> (the legacy_keras module it copies, {line replaced: the helper module
#: (of legacy_keras.migrate.helpers) whose source replaces it}).
HELPER_MODULES = {
    "keras1_text": ("legacy_keras.preprocessing.text", {}),
    "keras1_image": ("legacy_keras.preprocessing.image", {
        "from legacy_keras import backend as K\n": "keras3_settings",
        "from legacy_keras import profiles\n": "keras122_profile"}),
}

HEADER = ('"""Written by `legacy-keras migrate`: Keras 1.2.2\'s %s, which Keras 3 removed\n'
          '(a standalone copy of %s; NumPy, SciPy and Pillow only)."""\n')


def origin_path(origin):
    """The file of legacy_keras module ``origin``, found without importing it (the
    migration tools import neither NumPy nor Keras)."""
    package = Path(__file__).resolve().parents[1]
    return package.joinpath(*origin.split(".")[1:]).with_suffix(".py")


def module_source(name):
    """The source of helper module ``name``."""
    origin, replacements = HELPER_MODULES[name]
    source = origin_path(origin).read_text(encoding="utf8")
    for line, helper in replacements.items():
        if line not in source:
            raise RuntimeError("%s changed: %r is gone; update legacy_keras.migrate."
                               "helper_modules" % (origin, line))
        source = source.replace(line, source_after_docstring(helper))
    if re.search(r"^\s*(from|import)\s+legacy_keras\b", source, re.M):
        raise RuntimeError("%s imports legacy_keras: it cannot be copied next to a migrated "
                           "script" % origin)
    keras1_module = "keras." + origin.split(".", 1)[1]
    return HEADER % (keras1_module, origin) + source


def needed_modules(migrated_source):
    """The helper modules a migrated script imports, in a stable order."""
    return [name for name in sorted(HELPER_MODULES)
            if re.search(r"^\s*(from\s+%s\s+import|import\s+%s\b)" % (name, name),
                         migrated_source, re.M)]


def write_helper_modules(migrated_source, folder):
    """Writes the helper modules the migrated script imports into ``folder``; returns
    their paths."""
    paths = []
    for name in needed_modules(migrated_source):
        path = os.path.join(folder or ".", name + ".py")
        with open(path, "w", encoding="utf8") as f:
            f.write(module_source(name))
        paths.append(path)
    return paths
