"""The ``legacy-keras`` command.

``legacy-keras run SCRIPT [ARGS...]`` / ``legacy-keras run -m MODULE [ARGS...]`` runs an
unmodified Keras 1 script with the Keras 1.2.2 and Theano APIs installed: as
``__main__``, with its own ``sys.argv`` and ``sys.path[0]``, its exit status, and
tracebacks that point at the script's own lines. Python 2 scripts (and the Python 2
modules next to them) are translated in memory (legacy_keras.py2; ``--py2`` forces it).

``legacy-keras check SCRIPT...`` reports the Keras 1 / Theano usages of scripts and
``legacy-keras migrate SCRIPT [-o OUT | --in-place] [--diff]`` rewrites a script for
plain Keras 3 (see legacy_keras/migrate).
"""
import argparse
import importlib.util
import os
import runpy
import sys
import traceback

import legacy_keras
from legacy_keras import profiles
from legacy_keras.migrate.commands import add_migration_commands
from legacy_keras.py2 import importer


def _run(args):
    if args.debugprint_style:
        os.environ["LEGACY_KERAS_DEBUGPRINT_STYLE"] = args.debugprint_style
    _choose_keras_version(args)
    legacy_keras.install()

    if args.module:
        sys.argv = [args.target] + args.args
        sys.path.insert(0, os.getcwd())
        with importer.local_python2_imports(os.getcwd(), force=args.py2):
            spec = importlib.util.find_spec(args.target)
            if spec is not None and isinstance(spec.loader, importer.Python2Loader):
                sys.argv[0] = spec.origin
                importer.exec_as_main(spec.loader.get_code(args.target), spec.origin,
                                      spec)
            else:
                runpy.run_module(args.target, run_name="__main__", alter_sys=True)
    else:
        script = args.target
        if not os.path.exists(script):
            sys.stderr.write("legacy-keras run: can't open file %r: no such file\n" % script)
            return 2
        sys.argv = [script] + args.args
        sys.path.insert(0, os.path.dirname(os.path.abspath(script)))
        importer.run_path(script, force=args.py2)
    return 0


def _choose_keras_version(args):
    """Activates the Keras 1 release to reproduce (legacy_keras.profiles): --keras-version,
    $LEGACY_KERAS_VERSION, or a keras==X pin next to the script (the current folder for
    -m); one line on stderr says where a non-default release came from."""
    script = os.path.join(os.getcwd(), "-") if args.module else args.target
    try:
        version, source = profiles.select(args.keras_version, script=script)
    except ValueError as error:
        sys.stderr.write("legacy-keras run: %s\n" % error)
        raise SystemExit(2)
    profiles.note(version, source)
    profiles.activate_if_new(version, source)


def _parser():
    parser = argparse.ArgumentParser(
        prog="legacy-keras",
        description="Run Keras 1.x / Theano scripts on Keras 3, and migrate them.")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="run a Keras 1 script unchanged")
    run.add_argument("-m", dest="module", action="store_true",
                     help="run a module (like python -m)")
    run.add_argument("--debugprint-style", choices=("theano", "pytensor", "both"),
                     help="how theano.printing.debugprint prints graphs: Theano 1.0's text "
                     "(the default), PyTensor's, or both (for teaching)")
    run.add_argument("--py2", action="store_true",
                     help="translate the script and the modules next to it from Python 2 "
                     "(in memory) even when they compile as Python 3; Python 2 source is "
                     "otherwise detected by itself")
    run.add_argument("--keras-version", metavar="X.Y.Z",
                     help="the Keras 1 release whose behaviour to reproduce (1.0.0 ... "
                     "1.2.2; default: $LEGACY_KERAS_VERSION, a keras==X pin in a "
                     "requirements*.txt / setup.py next to the script, else 1.2.2)")
    run.add_argument("target", help="the script (or module with -m)")
    run.add_argument("args", nargs=argparse.REMAINDER, help="the script's own arguments")
    run.set_defaults(handler=_run)
    add_migration_commands(commands)
    return parser


def main(argv=None):
    args = _parser().parse_args(argv)
    try:
        return args.handler(args)
    except SystemExit as exit_request:
        return exit_request.code
    except BaseException:
        _print_user_traceback()
        return 1


def _print_user_traceback():
    """The traceback as Python prints it for a script, without our runner's frames."""
    kind, error, tb = sys.exc_info()
    while tb is not None and _is_runner_frame(tb.tb_frame.f_code.co_filename):
        tb = tb.tb_next
    link = tb
    while link is not None and link.tb_next is not None:
        if _is_loader_frame(link.tb_next.tb_frame.f_code.co_filename):
            link.tb_next = link.tb_next.tb_next
        else:
            link = link.tb_next
    traceback.print_exception(kind, error, tb)


def _is_loader_frame(filename):
    """The Python 2 loader's frames, and the import machinery's around them (which
    Python hides for its own loaders), inside the script's traceback."""
    return filename == importer.__file__ or filename.startswith("<frozen importlib.")


def _is_runner_frame(filename):
    return filename in (__file__, importer.__file__) or filename.endswith(
        ("runpy.py", "<frozen runpy>"))


if __name__ == "__main__":
    sys.exit(main())
