import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import pytest


@pytest.fixture(autouse=True)
def fresh_keras1_session():
    """Each test starts with Keras 1's per-process naming counters at zero, and leaves
    the session settings (floatx, epsilon, image ordering) as it found them: a golden case
    sets the reference's keras.json values, some tests set their own."""
    from legacy_keras.backend import common

    common.reset_uids()
    settings = common.floatx(), common.epsilon(), common.image_dim_ordering()
    yield
    floatx, epsilon, image_dim_ordering = settings
    common.set_floatx(floatx)
    common.set_epsilon(epsilon)
    common.set_image_dim_ordering(image_dim_ordering)


@pytest.fixture
def set_image_dim_ordering():
    """K.set_image_dim_ordering for one test (fresh_keras1_session restores the ordering
    in force before)."""
    from legacy_keras.backend import common

    return common.set_image_dim_ordering


@pytest.fixture
def path_without_graphviz():
    """``$PATH`` without any folder that holds graphviz's ``dot``: a user's bare machine
    (the venv's ``graphviz-pure`` stays reachable next to Python)."""
    import sys

    folders = [os.path.dirname(sys.executable)] + os.environ.get("PATH", "").split(os.pathsep)
    kept = [d for d in folders if d and not os.path.exists(os.path.join(d, "dot"))]
    return os.pathsep.join(dict.fromkeys(kept))


@pytest.fixture
def path_with_graphviz(tmp_path, path_without_graphviz):
    """(``$PATH``, call log) for a machine with graphviz: ``dot`` on the PATH is a stand-in
    with graphviz's command line, rendered by graphviz-pure, that logs each call (it
    answers pydot's PostScript probe in SVG, which is all the probe checks)."""
    import sys

    bindir = tmp_path / "graphviz-bin"
    bindir.mkdir()
    log = bindir / "calls.log"
    pure = os.path.join(os.path.dirname(sys.executable), "graphviz-pure")
    dot = bindir / "dot"
    dot.write_text('#!/bin/sh\necho "$@" >> "%s"\nfor arg do\n  shift\n'
                   '  case "$arg" in -Tps) arg=-Tsvg ;; esac\n  set -- "$@" "$arg"\n'
                   'done\nexec "%s" "$@"\n' % (log, pure))
    dot.chmod(0o755)
    return str(bindir) + os.pathsep + path_without_graphviz, log
