"""``legacy-keras compare SCRIPT``: the Keras 1 script under legacy_keras against its
migration on plain Keras 3, run in separate processes from the same initial weights and
the same NumPy generator state, with a side-by-side table of what each produced.

Exit status: 0 when every compared value agrees within the tolerance, 1 otherwise, 2 when
a side could not run.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

import numpy as np

from legacy_keras.migrate.options import add_keras_version_argument, keras_version_for

COMPARE_HELP = __doc__


def add_compare_command(commands):
    compare = commands.add_parser("compare", help="run a Keras 1 script and its Keras 3 "
                                  "migration and compare their outputs",
                                  description=COMPARE_HELP,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
    compare.add_argument("script", metavar="SCRIPT")
    compare.add_argument("--rtol", type=float, default=1e-4)
    compare.add_argument("--atol", type=float, default=1e-5)
    compare.add_argument("--with-dropout", action="store_true",
                         help="train with dropout on both sides (their masks differ, so "
                         "the numbers will)")
    compare.add_argument("--py2", action="store_true",
                         help="run the script as Python 2 (translated in memory) even when "
                         "it compiles as Python 3; Python 2 source is otherwise detected by "
                         "itself, as by `legacy-keras run`")
    add_keras_version_argument(compare)
    compare.add_argument("--keep", metavar="DIR", help="keep the migrated script and the "
                         "records of both runs in DIR")
    compare.set_defaults(handler=compare_command)


def _run_side(side, script, workdir, record, state, options):
    """Runs one side (compare_runner) with its options (with-dropout, py2,
    keras-version=X)."""
    command = [sys.executable, "-m", "legacy_keras.migrate.compare_runner", side,
               os.path.abspath(script), record, state] + options
    return subprocess.run(command, cwd=workdir, capture_output=True, text=True,
                          env=_environment(workdir))


#: The ``dot`` of both runs where graphviz is missing. Keras 3's ``plot_model`` first
#: probes graphviz with pydot's default format, PostScript (``dot -Tps``), which
#: graphviz-pure cannot write: the probe is answered in SVG (pydot only checks that
#: ``dot`` ran). Every other format goes to graphviz-pure unchanged.
_DOT_SHIM = """#!/bin/sh
for arg do
  shift
  case "$arg" in -Tps) arg=-Tsvg ;; esac
  set -- "$@" "$arg"
done
exec "%s" "$@"
"""


def _environment(workdir):
    """The environment of both runs: where graphviz's ``dot`` is missing, a ``dot`` that
    runs the ``graphviz-pure`` renderer (same command line), so Keras 3's plot_model
    works in the migrated script as legacy_keras' plot does in the legacy one."""
    env = dict(os.environ)
    pure = os.path.join(os.path.dirname(sys.executable), "graphviz-pure")
    if shutil.which("dot") is None and os.path.exists(pure):
        bin_dir = os.path.join(workdir, "bin")
        os.makedirs(bin_dir, exist_ok=True)
        shim = os.path.join(bin_dir, "dot")
        with open(shim, "w") as f:
            f.write(_DOT_SHIM % pure)
        os.chmod(shim, 0o755)
        env["PATH"] = bin_dir + os.pathsep + env.get("PATH", "")
    return env


def run_both(script, workdir, with_dropout=False, python2=False, keras_version=None):
    """(legacy events, native events, notes) of the two runs in ``workdir``. The migration
    of a Python 2 script is Python 3 (legacy_keras.migrate); ``python2`` forces the legacy
    run to read the script as Python 2. ``keras_version``: the Keras 1 release the legacy
    side reproduces and the migration is written for (default 1.2.2)."""
    # lazy: libcst (0.17 s), which `legacy-keras run` (sharing the parser) never needs
    from legacy_keras.migrate import helper_modules
    from legacy_keras.migrate.rewriter import migrate_source

    with open(script, encoding="utf8") as f:
        migrated, _ = migrate_source(f.read(), keras_version)
    migrated_path = os.path.join(workdir, "migrated_" + os.path.basename(script))
    with open(migrated_path, "w", encoding="utf8") as f:
        f.write(migrated)
    helper_modules.write_helper_modules(migrated, workdir)
    state = os.path.join(workdir, "state.npz")
    records = {}
    notes = []
    for side, path in (("legacy", script), ("native", migrated_path)):
        side_dir = os.path.join(workdir, side)
        os.makedirs(side_dir, exist_ok=True)
        record = os.path.join(workdir, side + ".json")
        options = ["with-dropout"] if with_dropout else []
        if side == "legacy":
            options += (["py2"] if python2 else []) + (
                ["keras-version=" + keras_version] if keras_version else [])
        result = _run_side(side, path, side_dir, record, state, options)
        with open(os.path.join(workdir, side + ".out"), "w") as f:
            f.write(result.stdout + result.stderr)
        if result.returncode != 0:
            raise RuntimeError("the %s run of %s failed:\n%s" % (side, path,
                                                                  result.stderr[-3000:]))
        with open(record) as f:
            document = json.load(f)
        records[side] = document["events"]
        notes += [n for n in document.get("notes", []) if n not in notes]
    return records["legacy"], records["native"], notes


def _flatten(value):
    if isinstance(value, dict):
        return np.concatenate([_flatten(value[k]) for k in sorted(value)]) if value else \
            np.zeros(0)
    if isinstance(value, list) and value and isinstance(value[0], (list, dict)):
        return np.concatenate([_flatten(v) for v in value])
    return np.ravel(np.asarray(value, dtype="float64"))


def compare_events(legacy, native, rtol, atol):
    """Rows (what, legacy summary, native summary, max abs diff, ok)."""
    rows = []
    for position in range(max(len(legacy), len(native))):
        if position >= len(legacy) or position >= len(native):
            extra = (legacy + native)[position] if position < len(legacy + native) else {}
            rows.append(("%s (model %s)" % (extra.get("kind"), extra.get("model")),
                         "present" if position < len(legacy) else "missing",
                         "present" if position < len(native) else "missing", None, False))
            continue
        a, b = legacy[position], native[position]
        label = "%s (model %d)" % (a["kind"], a["model"])
        if a["kind"] == "printed":
            label = "print %r" % a.get("text", "")[:24]
        if a["kind"] != b["kind"]:
            rows.append((label, a["kind"], b["kind"], None, False))
            continue
        if a["kind"] == "history" and sorted(a["value"]) != sorted(b["value"]):
            rows.append((label, ",".join(sorted(a["value"])), ",".join(sorted(b["value"])),
                         None, False))
            continue
        x, y = _flatten(a["value"]), _flatten(b["value"])
        if x.shape != y.shape:
            rows.append((label, str(x.shape), str(y.shape), None, False))
            continue
        diff = float(np.max(np.abs(x - y))) if x.size else 0.0
        ok = bool(np.allclose(x, y, rtol=rtol, atol=atol))
        rows.append((label, "%d values, mean %.6g" % (x.size, x.mean() if x.size else 0),
                     "%d values, mean %.6g" % (y.size, y.mean() if y.size else 0), diff, ok))
    return rows


def format_table(rows):
    header = ("output", "legacy_keras (Keras 1)", "Keras 3 (migrated)", "max |diff|", "")
    lines = [header] + [(r[0], r[1], r[2], "-" if r[3] is None else "%.3g" % r[3],
                         "ok" if r[4] else "DIFFERS") for r in rows]
    widths = [max(len(str(line[i])) for line in lines) for i in range(5)]
    return "\n".join("  ".join(str(v).ljust(w) for v, w in zip(line, widths)).rstrip()
                     for line in lines) + "\n"


def compare_command(args):
    workdir = args.keep or tempfile.mkdtemp(prefix="legacy-keras-compare-")
    os.makedirs(workdir, exist_ok=True)
    try:
        version = keras_version_for(args, args.script, "compare")
        legacy, native, notes = run_both(args.script, workdir, args.with_dropout, args.py2,
                                         version)
    except RuntimeError as error:
        sys.stderr.write("legacy-keras compare: %s\n" % error)
        return 2
    rows = compare_events(legacy, native, args.rtol, args.atol)
    sys.stdout.write(format_table(rows))
    failed = [r for r in rows if not r[4]]
    sys.stdout.write("%d outputs compared, %d differ (rtol=%g, atol=%g)\n"
                     % (len(rows), len(failed), args.rtol, args.atol))
    for note in notes:
        sys.stdout.write("note: %s\n" % note)
    return 1 if failed or not rows else 0
