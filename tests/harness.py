"""Runs a golden case (tests/cases/<case>.py) under legacy_keras and compares it with
what real Keras 1.2.2 on Theano 1.0.5 printed and recorded (tests/goldens/, written by
tests/oracle/regenerate.py).

Cases run in this process with legacy_keras installed, in an empty folder, after the
Keras 1 session state (naming counters, floatx, image ordering) is reset, as a fresh
Keras 1 process would have it.
"""
import contextlib
import difflib
import io
import json
import os
import re
import runpy
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "cases")
GOLDENS = os.path.join(HERE, "goldens")
if CASES not in sys.path:
    sys.path.insert(0, CASES)

import golden  # noqa: E402


def reset_keras1_session(version=None):
    """A fresh Keras 1 process of ``version`` (default 1.2.2) with the keras.json that
    release wrote on first import (the reference's): its default image ordering."""
    from legacy_keras import profiles
    from legacy_keras.backend import common

    profiles.activate_if_new(version or profiles.DEFAULT_VERSION)
    common.reset_uids()
    common.set_floatx("float32")
    common.set_epsilon(1e-7)
    common.set_image_dim_ordering(profiles.switch("default_image_dim_ordering"))


def run_case(name, workdir, version=None):
    """(stdout, records) of running ``tests/cases/<name>.py`` under legacy_keras, as
    Keras ``version`` (a legacy_keras.profiles release; default 1.2.2)."""
    import legacy_keras

    reset_keras1_session(version)
    golden.reset()
    out = io.StringIO()
    old_cwd, old_argv = os.getcwd(), sys.argv
    legacy_keras.install(version=version)
    try:
        os.chdir(workdir)
        script = os.path.join(CASES, name + ".py")
        sys.argv = [script]
        with contextlib.redirect_stdout(out):
            runpy.run_path(script, run_name="__main__")
    finally:
        os.chdir(old_cwd)
        sys.argv = old_argv
        legacy_keras.uninstall()
    return out.getvalue(), json.loads(golden.dumps())


def load_golden(name):
    # newline="": keep the progress bar's carriage returns as they were written
    with open(os.path.join(GOLDENS, name + ".stdout"), encoding="utf8", newline="") as f:
        stdout = f.read()
    with open(os.path.join(GOLDENS, name + ".json"), encoding="utf8") as f:
        records = json.load(f)
    return stdout, records


_TIMINGS = re.compile(r"\d+(\.\d+)?(s|ms|us)\b")


def compare_stdout(actual, expected, policy):
    if policy == "ignore":
        return
    if policy == "no_timings":
        actual, expected = _TIMINGS.sub("<t>", actual), _TIMINGS.sub("<t>", expected)
    if actual != expected:
        diff = difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                    "keras1 (golden)", "legacy_keras", n=2)
        raise AssertionError("stdout differs from the golden:\n" + "".join(diff)[:6000])


def _is_array(value):
    return isinstance(value, dict) and "__array__" in value


def compare_value(key, actual, expected, rtol, atol):
    """Arrays and numbers within tolerance; everything else exactly."""
    if _is_array(expected):
        assert _is_array(actual), "%s: expected an array, got %r" % (key, actual)
        assert actual["shape"] == expected["shape"], "%s: shape %s != %s" % (
            key, actual["shape"], expected["shape"])
        assert actual["dtype"] == expected["dtype"], "%s: dtype %s != %s" % (
            key, actual["dtype"], expected["dtype"])
        np.testing.assert_allclose(np.array(actual["__array__"], dtype=float),
                                   np.array(expected["__array__"], dtype=float),
                                   rtol=rtol, atol=atol, err_msg=key)
    elif isinstance(expected, float) and isinstance(actual, (int, float)):
        np.testing.assert_allclose(actual, expected, rtol=rtol, atol=atol, err_msg=key)
    elif isinstance(expected, list):
        assert isinstance(actual, list) and len(actual) == len(expected), (
            "%s: %r != %r" % (key, actual, expected))
        for i, (a, e) in enumerate(zip(actual, expected)):
            compare_value("%s[%d]" % (key, i), a, e, rtol, atol)
    elif isinstance(expected, dict):
        assert isinstance(actual, dict) and sorted(actual) == sorted(expected), (
            "%s: keys %r != %r" % (key, sorted(actual) if isinstance(actual, dict) else actual,
                                   sorted(expected)))
        for k in expected:
            compare_value("%s.%s" % (key, k), actual[k], expected[k], rtol, atol)
    else:
        assert actual == expected, "%s: %r != %r" % (key, actual, expected)


def compare_records(actual, expected):
    tolerances = expected.get("__tolerance__", {})
    keys = [k for k in expected if not k.startswith("__")]
    actual_keys = sorted(k for k in actual if not k.startswith("__"))
    assert actual_keys == sorted(keys), "recorded keys differ: missing %s, extra %s" % (
        sorted(set(keys) - set(actual_keys)), sorted(set(actual_keys) - set(keys)))
    for key in keys:
        rtol, atol = tolerances.get(key, (1e-4, 1e-6))
        compare_value(key, actual[key], expected[key], rtol, atol)


def apply_deliberate_differences(expected_stdout, differences):
    """Replaces golden lines where legacy_keras differs from Keras 1 on purpose (each
    listed in migration_guide.md). Each golden line must be present exactly once."""
    lines = expected_stdout.split("\n")
    for golden_line, our_line in differences:
        assert lines.count(golden_line) == 1, "not in the golden once: %r" % golden_line
        lines[lines.index(golden_line)] = our_line
    return "\n".join(lines)


def check_case(name, workdir, deliberate_differences=(), version=None):
    """Runs case ``name`` and compares it with its golden; with ``version``, under that
    Keras release's profile against ``tests/goldens/<name>@<version>.*``."""
    stdout, records = run_case(name, workdir, version)
    expected_stdout, expected_records = load_golden(
        name if version is None else "%s@%s" % (name, version))
    expected_stdout = apply_deliberate_differences(expected_stdout, deliberate_differences)
    compare_records(records, expected_records)
    compare_stdout(stdout, expected_stdout, expected_records.get("__stdout__", "exact"))
