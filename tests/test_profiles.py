"""Keras version profiles (1.0.x, 1.1.x, 1.2.x). The behaviour switches are one table
(legacy_keras/profiles.py); a release is chosen by --keras-version, install(version=),
$LEGACY_KERAS_VERSION or a keras==X pin next to the script. Goldens
tests/goldens/v_*@<release>.* were printed by that release of real Keras on Theano 1.0.5
(KERAS1_VERSION=<release> ../shared/oracle/run tests/oracle/regenerate.py v_<case>)."""
import os
import subprocess
import sys

import pytest

from harness import check_case
from legacy_keras import profiles

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CHECKED = ("1.0.1", "1.0.8", "1.1.2", "1.2.2")

# (case, releases with a golden)
VERSION_CASES = [("v_conv_defaults", CHECKED), ("v_layers", CHECKED), ("v_training", CHECKED),
                 ("v_trainable", CHECKED), ("v_old_names", CHECKED),
                 ("v_conv1d", CHECKED), ("v_summary", CHECKED), ("v_highway", CHECKED),
                 ("v_activity", CHECKED), ("v_set_input", CHECKED), ("v_image", CHECKED),
                 ("v_graph", ("1.0.1", "1.0.8"))]  # Graph: Keras 1.0.0-1.1.1


@pytest.mark.parametrize("case,version", [(c, v) for c, vs in VERSION_CASES for v in vs])
def test_version_case_matches_that_keras_release(case, version, tmp_path):
    check_case(case, str(tmp_path), version=version)


# --- the table --------------------------------------------------------------------------

def test_switch_values_follow_the_release_where_they_changed():
    at = {v: profiles.Profile(v) for v in ("1.0.1", "1.0.3", "1.0.4", "1.0.8", "1.1.0",
                                            "1.1.2", "1.2.2")}
    assert at["1.0.1"].switch("default_image_dim_ordering") == "th"
    assert at["1.0.8"].switch("default_image_dim_ordering") == "th"
    assert at["1.1.0"].switch("default_image_dim_ordering") == "tf"
    assert at["1.0.3"].switch("conv_fans_receptive_field") is False
    assert at["1.0.4"].switch("conv_fans_receptive_field") is True
    assert [at[v].switch("conv_init_dim_ordering") for v in ("1.0.8", "1.1.2", "1.2.2")] \
        == ["th", "th", "layer"]
    assert at["1.1.2"].at_least("1.1.0") and not at["1.0.8"].at_least("1.1")
    with pytest.raises(KeyError, match="no Keras version switch named"):
        at["1.2.2"].switch("no_such_switch")


def test_every_switch_starts_at_the_first_release_and_names_known_releases():
    for switch in profiles.SWITCHES.values():
        assert switch.history[0][0] == profiles.RELEASES[0]
        assert all(release in profiles.RELEASES for release, _ in switch.history)
        assert switch.doc


def test_unknown_versions_are_refused_with_the_known_list():
    assert profiles.check_version("1.1") == "1.1.0"
    for bad in ("2.0.0", "1.3.0", "0.3.3", "latest"):
        with pytest.raises(ValueError, match="not one legacy_keras can reproduce"):
            profiles.check_version(bad)


# --- choosing the release ---------------------------------------------------------------

def test_select_order_explicit_then_environment_then_pin_then_default(tmp_path):
    script = tmp_path / "train.py"
    script.write_text("")
    assert profiles.select(script=str(script), environ={}) == ("1.2.2", None)
    (tmp_path / "requirements-gpu.txt").write_text(
        "numpy>=1.9\n# keras==1.2.0 (an old comment)\nTheano==0.8.2\nKeras==1.0.8\n")
    version, source = profiles.select(script=str(script), environ={})
    assert version == "1.0.8"
    assert source == "keras==1.0.8 in %s" % (tmp_path / "requirements-gpu.txt")
    env = {"LEGACY_KERAS_VERSION": "1.1.2"}
    assert profiles.select(script=str(script), environ=env) == ("1.1.2", "LEGACY_KERAS_VERSION")
    assert profiles.select("1.0.1", script=str(script), environ=env) == (
        "1.0.1", "--keras-version")


def test_pins_in_setup_py_and_inexact_or_keras2_pins(tmp_path):
    (tmp_path / "setup.py").write_text(
        "setup(name='agent', install_requires=['theano', 'keras==1.1.2'])\n")
    assert profiles.detect_pin(str(tmp_path))[0] == "1.1.2"
    (tmp_path / "setup.py").write_text("install_requires=['keras>=1.0', 'keras==2.0.8']\n")
    assert profiles.detect_pin(str(tmp_path)) is None


def test_install_version_sets_defaults_and_keras_version_then_uninstall_restores():
    import legacy_keras
    from legacy_keras import backend as K

    legacy_keras.install(version="1.0.1")
    try:
        import keras

        assert keras.__version__ == "1.0.1"
        assert profiles.version() == "1.0.1"
        assert K.image_dim_ordering() == "th"
    finally:
        legacy_keras.uninstall()
    assert legacy_keras.__version__ == "1.2.2"
    assert K.image_dim_ordering() == "tf"


def _run(args, cwd, env=None):
    full_env = dict(os.environ, **(env or {}))
    full_env.pop("LEGACY_KERAS_VERSION", None)
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "legacy_keras", "run"] + args, cwd=cwd,
                          env=full_env, capture_output=True, text=True)


PROBE = ("import keras\nfrom keras import backend as K\n"
         "print(keras.__version__, K.image_dim_ordering())\n")


def _notes(stderr):
    return [line for line in stderr.splitlines() if line.startswith("legacy_keras:")]


def test_cli_flag_environment_and_pin_with_one_note(tmp_path):
    home = tmp_path / "home"
    (home / ".keras").mkdir(parents=True)
    (home / ".keras" / "keras.json").write_text('{"image_dim_ordering": "tf"}')
    script = tmp_path / "probe.py"
    script.write_text(PROBE)
    env = {"HOME": str(home)}
    result = _run(["--keras-version", "1.0.1", str(script)], tmp_path, env)
    assert result.returncode == 0, result.stderr
    # 1.0.1 had no image_dim_ordering setting: keras.json's 'tf' is not read
    assert result.stdout.split() == ["1.0.1", "th"]
    assert _notes(result.stderr) == [
        "legacy_keras: reproducing Keras 1.0.1 (from --keras-version)"]
    # 1.0.8 read keras.json's ordering
    result = _run([str(script)], tmp_path, dict(env, LEGACY_KERAS_VERSION="1.0.8"))
    assert result.stdout.split() == ["1.0.8", "tf"]
    assert _notes(result.stderr) == [
        "legacy_keras: reproducing Keras 1.0.8 (from LEGACY_KERAS_VERSION)"]
    (tmp_path / "requirements.txt").write_text("keras==1.1.2\n")
    result = _run([str(script)], tmp_path, env)
    assert result.stdout.split() == ["1.1.2", "tf"]
    assert _notes(result.stderr) == ["legacy_keras: reproducing Keras 1.1.2 (from "
                                     "keras==1.1.2 in %s)" % (tmp_path / "requirements.txt")]


def test_cli_refuses_an_unknown_release_before_running(tmp_path, capsys):
    from legacy_keras import cli

    script = tmp_path / "probe.py"
    script.write_text("raise SystemExit('must not run')\n")
    assert cli.main(["run", "--keras-version", "2.0.0", str(script)]) == 2
    assert "Keras version '2.0.0' is not one legacy_keras can reproduce" in \
        capsys.readouterr().err
    assert profiles.version() == "1.2.2"


def test_seed_snippet_under_keras_1_0_1_prints_the_seed_text(tmp_path):
    """The seed snippet was written for Keras 1.0.1 (tests/data/seed_vfnet.expected.txt:
    what real Keras printed; the reference prints the same bytes under 1.0.1)."""
    seed = os.path.join(ROOT, "examples", "seed_vfnet.py")
    result = _run(["--keras-version", "1.0.1", seed], tmp_path)
    assert result.returncode == 0, result.stderr
    with open(os.path.join(HERE, "data", "seed_vfnet.expected.txt")) as f:
        assert result.stdout == f.read()
    assert _notes(result.stderr) == [
        "legacy_keras: reproducing Keras 1.0.1 (from --keras-version)"]
    assert (tmp_path / "model.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_every_switch_is_in_the_migration_guide_table():
    with open(os.path.join(ROOT, "migration_guide.md"), encoding="utf8") as f:
        guide = f.read()
    section = guide[guide.index("## 11. Keras versions"):]
    for name in profiles.SWITCHES:
        assert "`%s`" % name in section, name


def test_plot_labels_per_release():
    """Real Keras 1.0.1 and 1.0.8 label plot nodes 'dense_4 (Dense)', 1.1.2 and 1.2.2
    'dense_4: Dense' (../shared/oracle/README.md, 'The seed under 1.0.1'; the
    reference needs graphviz to make plot goldens, so this is checked on the label)."""
    from legacy_keras.layers import Dense
    from legacy_keras.models import Sequential
    from legacy_keras.utils.visualize_util import model_to_dot

    model = Sequential([Dense(2, input_dim=3, name="dense_4")])
    assert 'label="dense_4: Dense"' in model_to_dot(model).to_string()
    profiles.activate("1.0.1")
    try:
        assert 'label="dense_4 (Dense)"' in model_to_dot(model).to_string()
    finally:
        profiles.activate(profiles.DEFAULT_VERSION)


def _fit_once_with_validation_split(version, capsys):
    """One full-batch SGD step of a fixed Dense under ``version``, validation_split=0.5;
    the kernel after the step and fit's 'Train on' line."""
    import numpy as np
    from legacy_keras.layers import Dense
    from legacy_keras.models import Sequential

    x = np.arange(24, dtype="float32").reshape(8, 3) / 10.
    y = np.linspace(-1, 1, 8).astype("float32").reshape(8, 1)
    profiles.activate(version)
    try:
        model = Sequential([Dense(1, input_dim=3)])
        model.set_weights([np.full((3, 1), .1, "float32"), np.zeros(1, "float32")])
        model.compile(optimizer="sgd", loss="mse")
        capsys.readouterr()
        history = model.fit(x, y, batch_size=8, nb_epoch=1, shuffle=False,
                            validation_split=.5, verbose=2)
        printed = capsys.readouterr().out
    finally:
        profiles.activate(profiles.DEFAULT_VERSION)
    return model.get_weights()[0], history.history, printed


def test_validation_split_of_keras_1_0_0_trains_on_the_validation_samples_too(capsys):
    """Keras 1.0.0's fit built its training inputs before splitting off the validation
    samples (its engine/training.py; 1.0.1 moved that after the split), so it trained on
    all 8 samples and validated on the last 4. The reference environment builds 1.0.1,
    1.0.8, 1.1.2 and 1.2.2 only, so this is checked against the step computed by hand:
    the kernel after one SGD step on all samples (1.0.0) or on the first 4 (1.0.1+)."""
    import numpy as np

    x = np.arange(24, dtype="float32").reshape(8, 3) / 10.
    y = np.linspace(-1, 1, 8).astype("float32").reshape(8, 1)

    def sgd_step(xs, ys):  # mse gradient of x . 0.1, lr 0.01
        error = xs.dot(np.full((3, 1), .1)) - ys
        return np.full((3, 1), .1) - 0.01 * 2 * xs.T.dot(error) / len(xs)

    kernel, history, printed = _fit_once_with_validation_split("1.0.0", capsys)
    np.testing.assert_allclose(kernel, sgd_step(x, y), rtol=1e-5)
    assert "Train on 8 samples, validate on 4 samples" in printed
    assert "val_loss" in history
    kernel, history, printed = _fit_once_with_validation_split("1.0.1", capsys)
    np.testing.assert_allclose(kernel, sgd_step(x[:4], y[:4]), rtol=1e-5)
    assert "Train on 4 samples, validate on 4 samples" in printed
    assert not np.allclose(sgd_step(x, y), sgd_step(x[:4], y[:4]))


def test_migrate_image_helper_module_reads_keras_1_2_2_switch_values():
    """The keras1_image helper `legacy-keras migrate` writes cannot import legacy_keras:
    its copy of the version switches preprocessing/image.py reads must be 1.2.2's."""
    import re

    from legacy_keras.migrate import helper_modules

    source = open(helper_modules.importlib.import_module(
        "legacy_keras.preprocessing.image").__file__, encoding="utf8").read()
    read = set(re.findall(r"profiles\.switch\(\"(\w+)\"\)", source))
    assert read == set(helper_modules.IMAGE_SWITCHES_AT_1_2_2)
    at_1_2_2 = profiles.Profile("1.2.2")
    for name, value in helper_modules.IMAGE_SWITCHES_AT_1_2_2.items():
        assert at_1_2_2.switch(name) == value, name
