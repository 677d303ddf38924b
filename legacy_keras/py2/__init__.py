"""Python 2 source, translated in memory (``legacy-keras run`` / ``migrate`` / ``check``).

Keras 1 scripts were often Python 2. ``legacy-keras run`` translates a Python 2 script
and the Python 2 modules next to it while importing them (:mod:`.importer`), with
fissix's 2to3 fixers and a few runtime helpers for what 2to3 leaves alone, notably
classic division (:mod:`.translate`, :mod:`.runtime`). Files on disk are never changed.
``legacy-keras migrate`` / ``check`` translate Python 2 input first (:func:`to_python3`).
"""
from legacy_keras.py2.translate import (TranslationError, compile_python2,  # noqa: F401
                                        is_python2, translate)
