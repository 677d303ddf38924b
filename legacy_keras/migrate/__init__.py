"""Migration tools: `legacy-keras check` (report Keras 1 / Theano usages) and
`legacy-keras migrate` (rewrite them for plain Keras 3).

Both run one libcst transformer (``rewriter.Keras1Rewriter``: the passes of
``migrate.passes`` over one usage record) driven by the rename table in
``legacy_keras.renames``; they need libcst only, not Keras or TensorFlow. The code a
migrated script gets (helper definitions, keras1_text / keras1_image) is copied from the
real modules of ``migrate.helpers``.
"""
from legacy_keras.migrate.checker import FileReport, check_file, check_source  # noqa: F401
from legacy_keras.migrate.rewriter import migrate_source  # noqa: F401
from legacy_keras.migrate.usages import Usage  # noqa: F401
