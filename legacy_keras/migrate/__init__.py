"""Migration tools: `legacy-keras check` (report Keras 1 / Theano usages) and
`legacy-keras migrate` (rewrite them for plain Keras 3).

Both run one libcst transformer (``rewriter.Keras1Rewriter``: the passes of
``migrate.passes`` over one usage record) driven by the rename table in
``legacy_keras.renames``; they need libcst only, not Keras or TensorFlow. The code a
migrated script gets (helper definitions, keras1_text / keras1_image) is copied from the
real modules of ``migrate.helpers``.
"""
import importlib

# The package's public names load their module (and libcst, 0.17 s) on first use:
# `legacy-keras run` reads its options through migrate.commands and needs no libcst.
_PUBLIC = {
    "FileReport": "checker", "check_file": "checker", "check_source": "checker",
    "migrate_source": "rewriter", "Usage": "usages",
}
__all__ = sorted(_PUBLIC)


def __getattr__(name):
    if name in _PUBLIC:
        return getattr(importlib.import_module("legacy_keras.migrate." + _PUBLIC[name]), name)
    raise AttributeError("module 'legacy_keras.migrate' has no attribute %r" % (name,))
