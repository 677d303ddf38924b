"""Regenerates the golden files from the reference: real Keras 1.2.2 on Theano 1.0.5.

Run it from the repository root with the reference environment's Python:

    ../shared/oracle/run tests/oracle/regenerate.py            # every case
    ../shared/oracle/run tests/oracle/regenerate.py seed_vfnet  # some cases

Version cases (``tests/cases/v_*.py``, the Keras version profiles) run
under the release of the reference that runs this script (``KERAS1_VERSION=1.0.1
../shared/oracle/run tests/oracle/regenerate.py v_conv_defaults``), and their goldens
carry that release in their name: ``tests/goldens/v_conv_defaults@1.0.1.json``.

Each ``tests/cases/<case>.py`` runs in its own fresh process (fresh Keras naming
counters, fresh Theano state), in an empty temporary folder, as ``__main__``. Its stdout
goes to ``tests/goldens/<case>.stdout`` and what it recorded with ``golden.record`` to
``tests/goldens/<case>.json``. The test suite never runs this: it only reads the files.
"""
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(os.path.dirname(HERE), "cases")
GOLDENS = os.path.join(os.path.dirname(HERE), "goldens")

RUNNER = r'''
import runpy, sys
sys.path.insert(0, {cases!r})
import golden
sys.argv = [{script!r}]
runpy.run_path({script!r}, run_name="__main__")
sys.stdout.flush()
with open({out_json!r}, "w") as f:
    f.write(golden.dumps())
'''


def case_names(argv):
    if argv:
        return argv
    return sorted(n[:-3] for n in os.listdir(CASES) if n.endswith(".py") and n != "golden.py")


def keras_release():
    """The Keras release of the reference running this script ('1.2.2', '1.0.1' ...)."""
    from importlib.metadata import version

    return version("keras")


def golden_name(name):
    """``v_*`` cases are per release: ``v_case@1.0.1``; the others are 1.2.2's."""
    if name.startswith("v_"):
        return "%s@%s" % (name, keras_release())
    return name


def regenerate(name):
    script = os.path.join(CASES, name + ".py")
    out_name = golden_name(name)
    out_json = os.path.join(GOLDENS, out_name + ".json")
    with tempfile.TemporaryDirectory() as workdir:
        code = RUNNER.format(cases=CASES, script=script, out_json=out_json)
        result = subprocess.run([sys.executable, "-c", code], cwd=workdir,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if result.returncode != 0:
        sys.stderr.write(result.stderr.decode())
        raise SystemExit("case %s failed under the reference" % name)
    with open(os.path.join(GOLDENS, out_name + ".stdout"), "wb") as f:
        f.write(result.stdout)
    print("regenerated", out_name)


if __name__ == "__main__":
    os.makedirs(GOLDENS, exist_ok=True)
    for case in case_names(sys.argv[1:]):
        regenerate(case)
