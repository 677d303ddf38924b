"""Activation and ``legacy-keras run``: ``legacy_keras.install()`` / ``uninstall()`` swap
the ``keras`` and ``theano`` modules a script imports; ``legacy-keras run`` runs scripts
and modules as Python would (argv, exit codes, tracebacks), the seed snippet prints
Keras 1's output byte for byte, and its plot() renders with or without graphviz.

Most run real subprocesses: each imports TensorFlow (a few seconds)."""
import json
import os
import shutil
import subprocess
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SEED = os.path.join(ROOT, "examples", "seed_vfnet.py")
EXPECTED = os.path.join(HERE, "data", "seed_vfnet.expected.txt")  # copied from the seed
LEGACY_KERAS = [sys.executable, "-m", "legacy_keras"]


def run(args, cwd, env=None, **kwargs):
    full_env = dict(os.environ, **(env or {}))
    return subprocess.run(args, cwd=cwd, env=full_env, capture_output=True, **kwargs)


def console_script():
    script = os.path.join(os.path.dirname(sys.executable), "legacy-keras")
    return script if os.path.exists(script) else shutil.which("legacy-keras")


def test_seed_snippet_prints_keras1_output_byte_for_byte(tmp_path):
    result = run([console_script(), "run", SEED], cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    with open(EXPECTED, "rb") as f:
        assert result.stdout == f.read()
    with open(tmp_path / "model.png", "rb") as f:
        assert f.read(8) == b"\x89PNG\r\n\x1a\n"


def test_python_dash_m_run_and_script_argv_exit_code_traceback(tmp_path):
    script = tmp_path / "script.py"
    script.write_text(
        "import sys\n"
        "import keras, theano\n"
        "from keras import backend as K\n"
        "print(sys.argv, keras.__version__, K.backend(), theano.__version__)\n"
        "print(sys.path[0] == %r)\n"
        "if len(sys.argv) > 2:\n"
        "    raise RuntimeError('boom from the user script')\n"
        "sys.exit(int(sys.argv[1]))\n" % str(tmp_path))
    result = run(LEGACY_KERAS + ["run", str(script), "7"], cwd=tmp_path)
    assert result.returncode == 7
    assert result.stdout.decode().splitlines() == [
        "[%r, '7'] 1.2.2 theano 1.0.5" % str(script), "True"]
    result = run(LEGACY_KERAS + ["run", str(script), "0", "crash"], cwd=tmp_path)
    assert result.returncode == 1
    stderr = result.stderr.decode()
    assert 'script.py", line 7, in <module>' in stderr
    assert "RuntimeError: boom from the user script" in stderr
    assert "runpy" not in stderr and "legacy_keras/cli.py" not in stderr


def test_run_dash_m_module(tmp_path):
    (tmp_path / "oldmodule.py").write_text(
        "import sys\nfrom keras.layers.core import Dense\n"
        "print(__name__, sys.argv, Dense.__module__)\n")
    result = run(LEGACY_KERAS + ["run", "-m", "oldmodule", "a", "b"], cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    # As with `python -m`, sys.argv[0] is the module's file.
    assert result.stdout.decode().split() == [
        "__main__", "[%r," % str(tmp_path / "oldmodule.py"), "'a',", "'b']",
        "legacy_keras.layers.core"]


def test_keras1_environment_does_not_break_keras3(tmp_path):
    home = tmp_path / "home"
    (home / ".keras").mkdir(parents=True)
    config = {"backend": "theano", "image_dim_ordering": "th", "floatx": "float32",
              "epsilon": 1e-07}
    (home / ".keras" / "keras.json").write_text(json.dumps(config))
    script = tmp_path / "script.py"
    script.write_text("from keras import backend as K\n"
                      "print(K.backend(), K.image_dim_ordering(), K.floatx(), K.epsilon())\n")
    result = run(LEGACY_KERAS + ["run", str(script)], cwd=tmp_path,
                 env={"HOME": str(home), "KERAS_BACKEND": "theano"})
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode().split() == ["theano", "th", "float32", "1e-07"]
    assert "Using Theano backend." in result.stderr.decode()
    assert json.loads((home / ".keras" / "keras.json").read_text()) == config


def test_without_activation_the_seed_fails_as_it_would_without_the_shim(tmp_path):
    result = run([sys.executable, SEED], cwd=tmp_path)
    assert result.returncode != 0
    stderr = result.stderr.decode()
    assert "legacy_keras" not in stderr
    assert "init" in stderr or "W" in stderr  # Keras 3 rejects Keras 1's arguments


def _plot_seed_to_svg(tmp_path, path):
    script = tmp_path / "script.py"
    script.write_text(open(SEED).read().replace("to_file='model.png'", "to_file='model.svg'"))
    result = run(LEGACY_KERAS + ["run", str(script)], cwd=tmp_path, env={"PATH": path})
    assert result.returncode == 0, result.stderr.decode()
    svg = (tmp_path / "model.svg").read_text()
    for label in ["dense_input_2: InputLayer", "dense_4: Dense", "dense_5: Dense",
                  "dense_6: Dense"]:
        assert label in svg
    assert svg.count("class=\"node\"") == 4


def test_plot_renders_without_graphviz_dot(tmp_path, path_without_graphviz):
    """No graphviz on PATH: plot() renders the seed's four nodes with graphviz-pure."""
    _plot_seed_to_svg(tmp_path, path_without_graphviz)


def test_plot_uses_graphviz_dot_when_installed(tmp_path, path_with_graphviz):
    path, calls = path_with_graphviz
    _plot_seed_to_svg(tmp_path, path)
    assert "-Tsvg" in calls.read_text()


def test_install_and_uninstall_swap_the_keras_module():
    import legacy_keras
    from legacy_keras._k3 import keras as keras3

    legacy_keras.install()
    try:
        import keras
        import keras.layers.core
        import theano.tensor as T

        assert keras is legacy_keras
        assert keras.layers.core.Dense is legacy_keras.layers.core.Dense
        assert T.nnet.softmax is legacy_keras.theano.tensor.nnet.softmax
        with pytest.raises(ModuleNotFoundError, match="not supported by legacy_keras"):
            import theano.sandbox.cuda  # noqa: F401
    finally:
        legacy_keras.uninstall()
    import keras

    assert keras is keras3


def test_aliased_modules_keep_their_own_spec():
    """Importing keras.x under activation must not stamp the alias spec (no origin) on
    legacy_keras.x: migrate reads its helper modules' files through it."""
    import importlib.util

    import legacy_keras

    legacy_keras.install()
    try:
        import keras.preprocessing.text as text  # noqa: F401
    finally:
        legacy_keras.uninstall()
    spec = importlib.util.find_spec("legacy_keras.preprocessing.text")
    assert spec.name == "legacy_keras.preprocessing.text"
    assert spec.origin.endswith(os.path.join("preprocessing", "text.py"))


def test_keras_namespace_after_install():
    """``keras.datasets``, ``keras.preprocessing``, ``keras.wrappers`` and ``keras.utils``
    are legacy_keras's own modules under activation."""
    import legacy_keras
    from legacy_keras.datasets import imdb
    from legacy_keras.preprocessing import image
    from legacy_keras.wrappers.scikit_learn import KerasClassifier

    legacy_keras.install()
    try:
        import keras.datasets.imdb as k_imdb
        import keras.preprocessing.image as k_image
        import keras.wrappers.scikit_learn as k_sklearn
        from keras.utils.np_utils import to_categorical

        assert k_image is image and k_imdb is imdb
        assert k_sklearn.KerasClassifier is KerasClassifier
        assert to_categorical([1]).tolist() == [[0., 1.]]
    finally:
        legacy_keras.uninstall()
