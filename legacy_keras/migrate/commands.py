"""The `check` and `migrate` subcommands of `legacy-keras` (see legacy_keras.cli).

Exit statuses, for both: 0 when no manual work remains, 1 when some does (manual usages
or TODO(legacy-keras) comments), 2 when a script could not be read or parsed.
"""
import argparse
import difflib
import os
import sys

from legacy_keras.migrate.compare import add_compare_command
from legacy_keras.migrate.options import add_keras_version_argument, keras_version_for

CHECK_HELP = """\
Report every Keras 1 / Theano usage in the scripts: file, line, column (from 0), what
it was, its Keras 3 replacement, and whether `legacy-keras migrate` rewrites it
automatically. Exit status: 0 when nothing manual remains, 1 when manual work remains,
2 when a script could not be read or parsed."""

MIGRATE_HELP = """\
Rewrite a Keras 1 / Theano script for plain Keras 3 (no legacy_keras, no theano),
keeping comments and formatting; what cannot be rewritten gets a
`# TODO(legacy-keras): ...` comment. Writes the new script to stdout unless -o or
--in-place is given; --diff prints a unified diff instead. Exit status: 0 when nothing
manual remains, 1 when TODOs remain, 2 when the script could not be read or parsed."""


def add_migration_commands(commands):
    """Adds `check` and `migrate` to the `legacy-keras` subcommand parsers."""
    check = commands.add_parser("check", help="list the Keras 1 / Theano usages of scripts",
                                description=CHECK_HELP,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    check.add_argument("scripts", nargs="+", metavar="SCRIPT")
    check.add_argument("--json", action="store_true", help="print the report as JSON")
    add_keras_version_argument(check)
    check.set_defaults(handler=check_command)

    migrate = commands.add_parser("migrate", help="rewrite a Keras 1 script for Keras 3",
                                  description=MIGRATE_HELP,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
    migrate.add_argument("script", metavar="SCRIPT")
    target = migrate.add_mutually_exclusive_group()
    target.add_argument("-o", dest="output", metavar="OUT", help="write the result to OUT")
    target.add_argument("--in-place", action="store_true", help="overwrite SCRIPT")
    migrate.add_argument("--diff", action="store_true",
                         help="print a unified diff instead of writing")
    add_keras_version_argument(migrate)
    migrate.set_defaults(handler=migrate_command)

    add_compare_command(commands)


def check_command(args):
    # lazy: libcst (0.17 s), which `legacy-keras run` (sharing this parser) never needs
    from legacy_keras.migrate import checker, report

    reports = [checker.check_file(path, keras_version_for(args, path, "check"))
               for path in args.scripts]
    sys.stdout.write(report.json_report(reports) if args.json else report.text_report(reports))
    if any(r.error for r in reports):
        return 2
    return 1 if checker.manual_work_remains(reports) else 0


def migrate_command(args):
    # lazy: libcst (0.17 s), which `legacy-keras run` (sharing this parser) never needs
    import libcst as cst
    from legacy_keras.migrate.rewriter import migrate_source

    try:
        with open(args.script, encoding="utf8") as f:
            source = f.read()
        migrated, usages = migrate_source(source,
                                          keras_version_for(args, args.script, "migrate"))
    except OSError as error:
        sys.stderr.write("legacy-keras migrate: cannot read %r: %s\n"
                         % (args.script, error.strerror))
        return 2
    except cst.ParserSyntaxError as error:
        sys.stderr.write("legacy-keras migrate: cannot parse %r (line %d): %s\n"
                         % (args.script, error.raw_line, error.message))
        return 2
    write_migration(args, source, migrated)
    write_helpers(args, migrated)
    manual = [usage for usage in usages if not usage.automatic]
    sys.stderr.write("legacy-keras migrate: %s: %d usage(s) rewritten, %d left for you "
                     "(TODO(legacy-keras) comments)\n"
                     % (args.script, len(usages) - len(manual), len(manual)))
    return 1 if manual else 0


def write_helpers(args, migrated):
    """Writes the helper modules the migrated script imports (keras1_text.py, ...) next
    to it; without -o / --in-place, says which ones it needs."""
    from legacy_keras.migrate import helper_modules  # lazy: only when a script is migrated

    names = helper_modules.needed_modules(migrated)
    if not names:
        return
    if args.diff or not (args.in_place or args.output):
        sys.stderr.write("legacy-keras migrate: the migrated script imports %s: run with -o "
                         "or --in-place to write %s next to it\n"
                         % (", ".join(names), ", ".join(n + ".py" for n in names)))
        return
    target = args.script if args.in_place else args.output
    for path in helper_modules.write_helper_modules(migrated, os.path.dirname(target)):
        sys.stderr.write("legacy-keras migrate: wrote %s (Keras 1.2.2's implementation, "
                         "which Keras 3 removed)\n" % path)


def write_migration(args, source, migrated):
    if args.diff:
        sys.stdout.writelines(difflib.unified_diff(
            source.splitlines(True), migrated.splitlines(True),
            "a/" + args.script, "b/" + (args.output or args.script)))
    elif args.in_place or args.output:
        with open(args.script if args.in_place else args.output, "w", encoding="utf8") as f:
            f.write(migrated)
    else:
        sys.stdout.write(migrated)
