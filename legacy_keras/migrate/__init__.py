"""Migration tools: `legacy-keras check` (report Keras 1 / Theano usages) and
`legacy-keras migrate` (rewrite them for plain Keras 3).

Both run one libcst transformer (``rewriter.Keras1Rewriter``) driven by the rename table
in ``legacy_keras.renames``; they need libcst only, not Keras or TensorFlow.
"""
from legacy_keras.migrate.checker import FileReport, check_file, check_source  # noqa: F401
from legacy_keras.migrate.rewriter import migrate_source  # noqa: F401
from legacy_keras.migrate.usages import Usage  # noqa: F401
