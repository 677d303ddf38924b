"""Modules `legacy-keras migrate` writes next to a migrated script.

Keras 3 removed ``keras.preprocessing.text`` (Tokenizer, one_hot, text_to_word_sequence,
base_filter) and ``keras.preprocessing.image``'s ImageDataGenerator and its iterators.
A migrated script imports them from ``keras1_text`` / ``keras1_image`` instead: copies of
legacy_keras' own implementations of Keras 1.2.2's modules (NumPy, SciPy and Pillow
only), written into the migrated script's folder. The copy is the module's source as it
is, with its legacy_keras imports replaced by standalone blocks: the backend settings
image.py reads (from Keras 3's settings) and the version switches it reads (Keras
1.2.2's values).
"""
import importlib.util
import os
import re

#: The version switches (legacy_keras/profiles.py) preprocessing/image.py reads, at
#: Keras 1.2.2: a migrated script runs on Keras 3 with 1.2.2's behaviour.
IMAGE_SWITCHES_AT_1_2_2 = {"image_generator_featurewise_default": False,
                           "image_generator_statistics": "channel",
                           "zca_sigma_divisor": "samples"}

#: Helper module -> (the legacy_keras module it copies, {line replaced: replacement}).
HELPER_MODULES = {
    "keras1_text": ("legacy_keras.preprocessing.text", {}),
    "keras1_image": ("legacy_keras.preprocessing.image", {
        "from legacy_keras import backend as K\n": '''\
class _Keras3Settings(object):
    """The three backend settings this module reads, from Keras 3's configuration
    (image_data_format 'channels_first' / 'channels_last' is Keras 1's 'th' / 'tf')."""

    @staticmethod
    def image_dim_ordering():
        import keras

        return "th" if keras.config.image_data_format() == "channels_first" else "tf"

    @staticmethod
    def floatx():
        import keras

        return keras.config.floatx()

    @staticmethod
    def epsilon():
        import keras

        return keras.config.epsilon()


K = _Keras3Settings()
''',
        "from legacy_keras import profiles\n": '''\
class _Keras122Profile(object):
    """Keras 1.2.2's values of the version switches this module reads."""

    VALUES = %r

    @classmethod
    def switch(cls, name):
        return cls.VALUES[name]


profiles = _Keras122Profile()
''' % (IMAGE_SWITCHES_AT_1_2_2,)}),
}

HEADER = ('"""Written by `legacy-keras migrate`: Keras 1.2.2\'s %s, which Keras 3 removed\n'
          '(a standalone copy of %s; NumPy, SciPy and Pillow only)."""\n')


def module_source(name):
    """The source of helper module ``name``."""
    origin, replacements = HELPER_MODULES[name]
    with open(importlib.import_module(origin).__file__, encoding="utf8") as f:
        source = f.read()
    for line, replacement in replacements.items():
        if line not in source:
            raise RuntimeError("%s changed: %r is gone; update legacy_keras.migrate."
                               "helper_modules" % (origin, line))
        source = source.replace(line, replacement)
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
