"""Recorder used by the golden case scripts in this folder.

A case script is an ordinary Keras 1 script. Besides printing (stdout is part of the
golden), it may call ``record(key, value)`` to keep numbers, shapes, names or configs.
The same script runs twice:

* under the reference (real Keras 1.2.2 on Theano 1.0.5) through
  ``tests/oracle/regenerate.py``, which writes ``tests/goldens/<case>.json`` and
  ``tests/goldens/<case>.stdout``;
* under legacy_keras in the test suite (``tests/harness.py``, called by the
  ``tests/test_*_goldens.py`` modules and others), which compares what it prints and
  records with those files.

This module must run unchanged on both sides (NumPy 1.23 there, NumPy 2 here), so it
imports nothing but NumPy and the standard library.
"""
import json

import numpy as np

records = {}


def _to_jsonable(value):
    if hasattr(value, "shape") and hasattr(value, "dtype"):
        array = np.asarray(value)
        return {"__array__": array.tolist(), "dtype": str(array.dtype), "shape": list(array.shape)}
    if isinstance(value, dict):
        return {str(k): _to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_to_jsonable(v) for v in value]
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (np.floating,)):
        return float(value)
    if isinstance(value, bytes):
        return value.decode("utf8")
    return value


def record(key, value, rtol=1e-4, atol=1e-6):
    """Keep ``value`` under ``key`` (a unique string) for the golden comparison.

    Numbers (and arrays) are compared with ``rtol``/``atol``; strings, names, shapes and
    configs exactly.
    """
    if key in records:
        raise KeyError("golden key recorded twice: %r" % key)
    records[key] = _to_jsonable(value)
    records.setdefault("__tolerance__", {})[key] = [rtol, atol]


def stdout_policy(policy):
    """How the case's stdout is compared: 'exact' (the default), 'ignore', or
    'no_timings' (digits followed by 's' or 'us'/'ms' per step are masked)."""
    if policy not in ("exact", "ignore", "no_timings"):
        raise ValueError(policy)
    records["__stdout__"] = policy


def reset():
    records.clear()


def dumps():
    return json.dumps(records, indent=1, sort_keys=True)
