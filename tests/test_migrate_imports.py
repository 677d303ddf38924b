"""The migration tools need libcst only: `import legacy_keras.migrate`, `legacy-keras
check` and `legacy-keras migrate` load neither TensorFlow nor Keras nor PyTensor (issue
16). Each check runs in a fresh interpreter."""
import subprocess
import sys
import textwrap

HEAVY = ("tensorflow", "keras", "pytensor", "theano")

SCRIPT = """\
from keras.models import Sequential
from keras.layers import Dense, Convolution2D
from keras import backend as K
model = Sequential()
model.add(Convolution2D(8, 3, 3, border_mode='same', input_shape=(1, 8, 8)))
model.add(Dense(3, init='normal'))
model.compile('adam', 'mse', metrics=['acc'])
model.fit(x, y, nb_epoch=3)
print(K.image_dim_ordering() == 'th')
"""


def _heavy_modules_after(program):
    """The heavy top-level modules loaded by ``program`` (Python source that may set
    ``status``), and the status."""
    checked = program + textwrap.dedent("""
        import sys as _sys
        _loaded = sorted({name.split(".")[0] for name in _sys.modules} & set(%r))
        print("HEAVY:" + ",".join(_loaded))
        _sys.exit(globals().get("status", 0))
        """ % (HEAVY,))
    result = subprocess.run([sys.executable, "-c", checked], capture_output=True, text=True)
    line = [line for line in result.stdout.splitlines() if line.startswith("HEAVY:")]
    assert line, result.stdout + result.stderr[-2000:]
    return [name for name in line[0][len("HEAVY:"):].split(",") if name], result


def test_importing_the_migration_package_loads_no_deep_learning_framework():
    heavy, _ = _heavy_modules_after("import legacy_keras.migrate\n")
    assert heavy == []


def test_check_and_migrate_commands_load_no_deep_learning_framework(tmp_path):
    script = tmp_path / "script.py"
    script.write_text(SCRIPT)
    for command in (["check", str(script)],
                    ["migrate", str(script), "-o", str(tmp_path / "out.py")]):
        heavy, result = _heavy_modules_after(
            "from legacy_keras.cli import main\nstatus = main(%r)\n" % (command,))
        assert heavy == [], command
        assert result.returncode == 0, result.stdout + result.stderr[-2000:]
    assert "automatic: argument: Convolution2D(nb_row, nb_col)" in _heavy_modules_after(
        "from legacy_keras.cli import main\nstatus = main(%r)\n" % (["check", str(script)],)
    )[1].stdout
    assert "Conv2D(8, (3, 3), padding='same'" in (tmp_path / "out.py").read_text()
