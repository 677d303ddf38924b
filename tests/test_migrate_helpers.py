"""The code `legacy-keras migrate` copies into or next to a migrated script lives in
real modules (legacy_keras/migrate/helpers/): what is copied is their source."""
import inspect
import subprocess
import sys
import textwrap

from legacy_keras import renames
from legacy_keras.migrate import helper_modules
from legacy_keras.migrate.helpers import FOLDER, source_after_docstring


def test_each_inserted_definition_is_the_helper_modules_source():
    """renames.HELPERS[name] (what migrate inserts) is the source of ``name`` in
    keras1_definitions.py, its leading ``#:`` comment included."""
    from legacy_keras.migrate.helpers import keras1_definitions

    module_source = (FOLDER / "keras1_definitions.py").read_text(encoding="utf8")
    assert set(renames.HELPERS) == {name for name in vars(keras1_definitions)
                                    if not name.startswith("_") and name != "keras"}
    for name, text in renames.HELPERS.items():
        assert text.startswith("\n\n") and text[2:] in module_source, name
        value = getattr(keras1_definitions, name)
        if inspect.isclass(value) or inspect.isfunction(value):
            assert text == "\n\n" + inspect.getsource(value), name


def test_a_migrated_script_gets_the_definition_as_written():
    from legacy_keras.migrate import migrate_source

    code, _ = migrate_source("from keras.optimizers import Nadam\nopt = Nadam(lr=0.01)\n")
    nadam = renames.HELPERS["Keras1Nadam"].strip("\n")
    assert nadam in code and nadam.startswith("class Keras1Nadam(keras.optimizers.Optimizer):")


def test_the_image_helper_module_copies_the_settings_modules_source(tmp_path):
    (path,) = helper_modules.write_helper_modules("from keras1_image import X\n",
                                                  str(tmp_path))
    written = open(path, encoding="utf8").read()
    for name in ("keras3_settings", "keras122_profile"):
        assert source_after_docstring(name) in written, name
    origin = helper_modules.origin_path("legacy_keras.preprocessing.image")
    original = origin.read_text(encoding="utf8")
    for line in helper_modules.HELPER_MODULES["keras1_image"][1]:
        original = original.replace(line, "")
    kept = [line for line in original.splitlines() if line.strip()]
    assert all(line in written for line in kept)


def test_helper_modules_are_plain_keras3_code():
    """They import and run with Keras 3 alone: legacy_keras not activated, ``keras``
    being the real Keras 3."""
    program = textwrap.dedent("""\
        import numpy as np
        import keras
        from legacy_keras.migrate.helpers import keras1_definitions as d
        from legacy_keras.migrate.helpers import keras3_settings, keras122_profile
        import legacy_keras
        assert not legacy_keras.is_installed()
        assert d.keras is keras and "legacy_keras" not in keras.__file__
        out = keras.ops.convert_to_numpy(d.keras1_hard_sigmoid(np.array([-5., 0., 1.])))
        assert np.allclose(out, [0., 0.5, 0.7]), out
        assert d.make_batches(5, 2) == [(0, 2), (2, 4), (4, 5)]
        d.Keras1Nadam(learning_rate=0.01)
        assert keras3_settings.K.image_dim_ordering() in ("th", "tf")
        assert keras122_profile.profiles.switch("zca_sigma_divisor") == "samples"
        print("ok")
        """)
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.strip().endswith("ok"), result.stderr[-2000:]
