"""The house's rules (ARCHITECTURE.md): no import cycle among engine, layers, utils and
models, every lazy import justified (tools/check_imports.py), and a light
``import legacy_keras``."""
import io
import os
import subprocess
import sys
import textwrap

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "tools"))

import check_imports  # noqa: E402


def _tree(tmp_path, files):
    for name, source in files.items():
        path = tmp_path / "legacy_keras" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(source))
    return str(tmp_path)


def _report(root, **kwargs):
    out = io.StringIO()
    status = check_imports.report(root, out=out, **kwargs)
    return status, out.getvalue()


def test_legacy_keras_has_no_import_cycle_among_engine_layers_utils_models():
    status, text = _report(ROOT)
    assert status == 0, text
    assert "Package cycles" in text and "Imports inside functions" in text


def test_every_lazy_import_of_legacy_keras_says_why():
    """An import inside a function breaks a real cycle or defers a heavy / optional
    dependency, and its '# lazy: <reason>' comment says which."""
    status, text = _report(ROOT, require_comment=True)
    assert status == 0, "\n".join(line for line in text.splitlines() if "NO COMMENT" in line)
    assert "every lazy import commented" in text


def test_the_tool_refuses_a_cycle_through_a_package_initialiser(tmp_path):
    root = _tree(tmp_path, {
        "__init__.py": "",
        "engine/__init__.py": "",
        "engine/topology.py": "from legacy_keras.layers.core import Dense\n",
        "layers/__init__.py": "from legacy_keras.layers import core\n",
        "layers/core.py": "from legacy_keras import backend\n",
        "backend.py": "from legacy_keras.engine import topology\n",
    })
    status, text = _report(root)
    assert status == 1
    assert "backend <-> engine <-> layers" in text
    assert "FAIL: cycles touching engine" in text


def test_a_cycle_outside_the_guarded_packages_is_reported_not_refused(tmp_path):
    root = _tree(tmp_path, {
        "__init__.py": "",
        "backend.py": "from legacy_keras import theano\n",
        "theano.py": "import legacy_keras.backend\n",
    })
    status, text = _report(root)
    assert status == 0
    assert "backend <-> theano" in text


def test_the_keras1_utils_facades_sit_above_the_models(tmp_path):
    """utils.layer_utils may import the models while the engine imports utils.io_utils."""
    root = _tree(tmp_path, {
        "__init__.py": "",
        "utils/__init__.py": "",
        "utils/io_utils.py": "",
        "utils/layer_utils.py": "from legacy_keras import models\n",
        "models.py": "from legacy_keras.utils import io_utils\n",
    })
    assert _report(root)[0] == 0
    root = _tree(tmp_path, {"utils/io_utils.py": "from legacy_keras import models\n"})
    status, text = _report(root)
    assert status == 1 and "models <-> utils" in text


def test_lazy_imports_are_listed_with_their_justification(tmp_path):
    root = _tree(tmp_path, {
        "__init__.py": "",
        "a.py": """\
            import json


            def f():
                import copy
                # lazy: heavy, optional
                import PIL
                from legacy_keras import b  # lazy: cycle a<->b
                return copy, PIL, b, json
            """,
        "b.py": "from legacy_keras import a\n",
    })
    status, text = _report(root)
    assert status == 0
    assert "Imports inside functions: 3 in 1 files (1 without '# lazy:' comment; " \
           "1 would close a cycle" in text
    assert "a.py:5  [external] import copy  -- NO COMMENT" in text
    assert "a.py:7  [external] import PIL  -- lazy: heavy, optional" in text
    assert "a.py:8  [cycle] from legacy_keras import b  -- lazy: cycle a<->b" in text
    status, text = _report(root, require_comment=True)
    assert status == 1 and "FAIL: 1 lazy imports without" in text
    assert _report(root, require_comment=True, prefixes=("legacy_keras/c",))[0] == 0


def test_the_command_line_prints_the_graph_and_exits_zero():
    result = subprocess.run([sys.executable, os.path.join(ROOT, "tools", "check_imports.py")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "engine" in result.stdout and "OK: no cycle" in result.stdout


def _fresh_python(code):
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, env=dict(os.environ, PYTHONWARNINGS="default"))


def test_import_legacy_keras_is_silent_and_loads_neither_tensorflow_nor_pytensor():
    result = _fresh_python(
        "import sys, time\n"
        "start = time.perf_counter()\n"
        "import legacy_keras\n"
        "took = time.perf_counter() - start\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & "
        "{'tensorflow', 'pytensor', 'keras', 'scipy', 'h5py', 'yaml', 'PIL', 'libcst'})\n"
        "sys.stderr.write('%r %f' % (heavy, took))\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    heavy, took = result.stderr.rsplit(" ", 1)
    assert heavy == "[]"
    assert float(took) < 1.0


def test_subpackages_load_on_first_use_and_import_keras_announces_the_backend():
    """Without activation, ``legacy_keras.layers`` loads when first named. Under
    activation, ``import keras`` imports what Keras 1.2.2's keras/__init__.py imported
    (backend, layers, models ...): "Using Theano backend." comes at ``import keras``,
    not at ``install()``."""
    result = _fresh_python(
        "import sys\n"
        "import legacy_keras\n"
        "print('models' in dir(legacy_keras), 'legacy_keras.layers' in sys.modules)\n"
        "legacy_keras.install()\n"
        "sys.stderr.write('installed\\n')\n"
        "import keras\n"
        "print(sorted(m for m in legacy_keras.KERAS1_PACKAGE_IMPORTS\n"
        "             if 'legacy_keras.' + m not in sys.modules))\n"
        "from legacy_keras import backend as K\n"
        "print(keras is legacy_keras, keras.__version__, K.backend(), keras.backend is K)\n"
        "print(keras.layers.Dense.__module__)\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "True False", "[]", "True 1.2.2 theano True", "legacy_keras.layers.core"]
    lines = [line for line in result.stderr.splitlines()
             if line in ("installed", "Using Theano backend.")]
    assert lines == ["installed", "Using Theano backend."]
