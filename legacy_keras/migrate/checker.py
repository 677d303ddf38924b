"""`legacy-keras check`: every Keras 1 / Theano usage in a script, per line.

The checker runs the rewriter on the script and keeps what it recorded (the rewritten
text is thrown away), plus the ``# TODO(legacy-keras)`` comments a previous migration
left that nothing has resolved. An entry is *automatic* when `legacy-keras migrate`
rewrites it by itself and *manual* otherwise; manual work remains while any entry is
manual.
"""
from collections import namedtuple

import libcst as cst

from legacy_keras.migrate.rewriter import migrate_source

#: One file's result: its path, its usages (sorted by position), and an error message
#: when it could not be read or parsed (then usages is empty).
FileReport = namedtuple("FileReport", "path usages error")


def check_source(source, keras_version=None):
    """The usages in Keras 1 source text, sorted by line and column (``keras_version``:
    the Keras 1 release it was written for, as in migrate_source)."""
    _, usages = migrate_source(source, keras_version)
    return sorted(usages, key=lambda usage: (usage.line, usage.column))


def check_file(path, keras_version=None):
    """A FileReport for one script."""
    try:
        with open(path, encoding="utf8") as f:
            source = f.read()
    except OSError as error:
        return FileReport(path, [], "cannot read: %s" % error.strerror)
    try:
        return FileReport(path, check_source(source, keras_version), None)
    except cst.ParserSyntaxError as error:
        return FileReport(path, [], "cannot parse (line %d): %s; neither Python 3 nor "
                                    "Python 2 that fissix can translate"
                          % (error.raw_line, error.message))


def manual_work_remains(reports):
    return any(not usage.automatic for report in reports for usage in report.usages)
