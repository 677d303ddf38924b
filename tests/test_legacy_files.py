"""Saving and loading across releases: weight files written by older Keras 1 releases,
loaded with the release taken from the file where it says
(legacy_keras/engine/legacy_layouts.py).

The files in tests/fixtures/old_keras_<release>_*.h5 were written by real Keras 1.0.1,
1.0.8, 1.1.2 and 1.2.2 on Theano 1.0.5, and tests/goldens/v_old_files@<release>.json
holds what each predicted (case tests/cases/v_old_files.py; tests/goldens/README.md):
a Sequential Convolution1D / BatchNormalization / LSTM / Highway / Dense whose stored
weights differ in layout or meaning between those releases. ``model.save`` files (1.0.7+)
carry ``keras_version``; ``save_weights`` files of every release carry none.
"""
import contextlib
import json
import os
import shutil
import subprocess
import sys

import h5py
import numpy as np
import pytest

import harness
from harness import check_case, load_golden

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
FIXTURES = os.path.join(HERE, "fixtures")


def fixture(release, kind):
    return os.path.join(FIXTURES, "old_keras_%s_%s.h5" % (release, kind))


def golden(release, key):
    value = load_golden("v_old_files@%s" % release)[1][key]
    return np.asarray(value["__array__"], dtype=value["dtype"])


def assert_predicts_like(model, release):
    np.testing.assert_allclose(model.predict(golden(release, "inputs")),
                               golden(release, "predictions"), rtol=1e-5, atol=1e-6)


@contextlib.contextmanager
def keras_release(version=None, environment=None):
    """legacy_keras installed as Keras ``version`` (install(version=)), or as
    ``$LEGACY_KERAS_VERSION`` says when ``environment`` is given."""
    import legacy_keras

    harness.reset_keras1_session()
    saved = os.environ.get("LEGACY_KERAS_VERSION")
    if environment:
        os.environ["LEGACY_KERAS_VERSION"] = environment
    try:
        legacy_keras.install(version=version)
        harness.reset_keras1_session(version or environment)
        yield
    finally:
        legacy_keras.uninstall()
        if saved is None:
            os.environ.pop("LEGACY_KERAS_VERSION", None)
        else:
            os.environ["LEGACY_KERAS_VERSION"] = saved
        harness.reset_keras1_session()


@pytest.fixture(autouse=True)
def fresh_session():
    harness.reset_keras1_session()
    yield
    harness.reset_keras1_session()


def build(**batchnorm):
    """The case's model, built under the running release (its layouts and defaults:
    ``epsilon=`` for BatchNormalization as the file's release had it)."""
    from legacy_keras.layers import BatchNormalization, Convolution1D, Dense, Highway, LSTM
    from legacy_keras.models import Sequential

    return Sequential([Convolution1D(4, 3, input_shape=(7, 2)), BatchNormalization(**batchnorm),
                       LSTM(3), Highway(activation="tanh"), Dense(2, activation="softmax")])


def stored_weights(path):
    """{layer name: [arrays as stored]} of a file (model_weights of a model file)."""
    with h5py.File(path, "r") as f:
        group = f["model_weights"] if "model_weights" in f else f
        return {name.decode() if isinstance(name, bytes) else name:
                [np.asarray(group[name][w][()]) for w in group[name].attrs["weight_names"]]
                for name in group.attrs["layer_names"]}


def values(model):
    return [np.array(v) for v in model.get_weights()]


# --- which releases say their version, and where (the oracle's files) -----------------------

def test_only_model_save_files_of_1_0_7_and_later_say_their_release():
    for release in ("1.0.8", "1.1.2", "1.2.2"):
        records = load_golden("v_old_files@%s" % release)[1]
        assert records["model file keras_version"] == release
        assert records["weights file keras_version"] is None
        with h5py.File(fixture(release, "model"), "r") as f:
            assert f.attrs["keras_version"] in (release, release.encode())
    old = load_golden("v_old_files@1.0.1")[1]
    assert old["has model.save"] is False and old["weights file keras_version"] is None
    for release in ("1.0.1", "1.0.8"):
        with h5py.File(fixture(release, "weights"), "r") as f:
            assert list(f.attrs.keys()) == ["layer_names"]


# --- files that say their release: loaded under the default release (1.2.2) ----------------

@pytest.mark.parametrize("release", ["1.0.8", "1.1.2", "1.2.2"])
def test_model_files_load_under_the_default_release_from_their_own_layouts(release):
    from legacy_keras import profiles
    from legacy_keras.models import load_model

    assert profiles.version() == "1.2.2"
    model = load_model(fixture(release, "model"))
    assert_predicts_like(model, release)
    kernel = model.layers[0].get_weights()[0]
    assert kernel.shape == (3, 1, 2, 4)  # 1.2.2's layout, whatever the file's
    if release == "1.0.8":  # stored (nb_filter, input_dim, filter_length, 1)
        stored = stored_weights(fixture(release, "model"))["convolution1d_1"][0]
        np.testing.assert_array_equal(kernel, np.transpose(stored, (2, 3, 1, 0)))


@pytest.mark.parametrize("how", ["load_weights", "by_name", "hdf5_group"])
def test_model_file_weights_into_a_model_built_here(how):
    model = build(epsilon=1e-5)  # 1.0.8's default
    path = fixture("1.0.8", "model")
    if how == "hdf5_group":  # Keras 1's Container.load_weights_from_hdf5_group
        with h5py.File(path, "r") as f:
            model.load_weights_from_hdf5_group(f["model_weights"])
    else:
        model.load_weights(path, by_name=(how == "by_name"))
    assert_predicts_like(model, "1.0.8")


def test_the_files_release_decides_not_the_running_one():
    """Under Keras 1.0.1 (BatchNormalization's running_std a std, Highway W, b, W_carry,
    b_carry) the 1.0.8 file (a variance) and the 1.2.2 file (a variance, tf kernel,
    Highway W, W_carry, b, b_carry) still predict what 1.0.8 / 1.2.2 predicted: their
    keras_version was read. Read as 1.0.1 files, the running_std would be taken for a
    std."""
    from legacy_keras.models import load_model

    with keras_release("1.0.1"):
        for release in ("1.0.8", "1.2.2"):
            model = load_model(fixture(release, "model"))
            assert model.layers[0].get_weights()[0].shape == (4, 2, 3, 1)
            assert_predicts_like(model, release)
        model = build(epsilon=1e-5)  # 1.0.8's default
        stored = stored_weights(fixture("1.0.8", "model"))
        model.set_weights([w for layer in model.layers for w in stored.get(layer.name, [])])
        got = model.predict(golden("1.0.8", "inputs"))
        assert not np.allclose(got, golden("1.0.8", "predictions"), rtol=1e-3, atol=1e-4)


# --- files without a version: the chosen release's layouts ---------------------------------

@pytest.mark.parametrize("release,how", [("1.0.8", "install"), ("1.0.8", "environment"),
                                         ("1.0.1", "install")])
def test_save_weights_files_load_under_the_release_chosen(release, how):
    from legacy_keras import profiles

    chosen = {"install": {"version": release}, "environment": {"environment": release}}[how]
    with keras_release(**chosen):
        assert profiles.version() == release
        model = build()
        model.load_weights(fixture(release, "weights"))
        assert_predicts_like(model, release)


def test_save_weights_file_loads_under_keras_version_flag(tmp_path):
    script = tmp_path / "predict_old.py"
    script.write_text(
        "import json, sys\nimport numpy as np\nimport keras\n"
        "from keras.layers import BatchNormalization, Convolution1D, Dense, Highway, LSTM\n"
        "from keras.models import Sequential\n"
        "model = Sequential([Convolution1D(4, 3, input_shape=(7, 2)), BatchNormalization(),\n"
        "                    LSTM(3), Highway(activation='tanh'),\n"
        "                    Dense(2, activation='softmax')])\n"
        "model.load_weights(sys.argv[1])\n"
        "x = np.asarray(json.loads(sys.argv[2]), dtype='float32')\n"
        "print(keras.__version__, json.dumps(model.predict(x).tolist()))\n")
    env = dict(os.environ, PYTHONPATH=ROOT)
    env.pop("LEGACY_KERAS_VERSION", None)
    result = subprocess.run(
        [sys.executable, "-m", "legacy_keras", "run", "--keras-version", "1.0.8", str(script),
         fixture("1.0.8", "weights"), json.dumps(golden("1.0.8", "inputs").tolist())],
        cwd=str(tmp_path), env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    version, predictions = result.stdout.strip().splitlines()[-1].split(" ", 1)
    assert version == "1.0.8"
    np.testing.assert_allclose(np.asarray(json.loads(predictions)),
                               golden("1.0.8", "predictions"), rtol=1e-5, atol=1e-6)


def test_versionless_1_0_x_conv1d_kernel_is_recognized_by_its_shape_as_keras_1_2_did():
    """Keras 1.1.0-1.2.2 transposed a Convolution1D kernel of the 1.0.x shape (the file
    says no release); the 1.0.8 file's Highway, in 1.0.8's order, does not fit 1.2.2's
    and is refused, nothing loaded."""
    from legacy_keras.layers import Convolution1D
    from legacy_keras.models import Sequential

    stored = stored_weights(fixture("1.0.8", "weights"))["convolution1d_1"]
    conv = Sequential([Convolution1D(4, 3, input_shape=(7, 2), name="convolution1d_1")])
    conv.load_weights(fixture("1.0.8", "weights"), by_name=True)
    np.testing.assert_array_equal(conv.get_weights()[0], np.transpose(stored[0], (2, 3, 1, 0)))
    model = build()
    before = values(model)
    with pytest.raises(ValueError, match="highway_1.*Nothing was loaded"):
        model.load_weights(fixture("1.0.8", "weights"))
    for old, new in zip(before, values(model)):
        np.testing.assert_array_equal(old, new)


# --- legacy_keras' own files, written under an older release --------------------------------

def test_a_file_saved_here_under_1_0_1_says_so_and_loads_under_1_2_2(tmp_path):
    """Under Keras 1.0.1 the 1.0.1 weights (running_std a std) predict 1.0.1's numbers;
    model.save writes keras_version '1.0.1'; under 1.2.2 load_model converts the std to
    a variance, the kernel to 'tf', Highway's order, and predicts the same. (epsilon
    1e-5 for the round trip: 1.2.2's BatchNormalization, on Theano 1.0's
    batch_normalization_train, refuses 1.0.1's default 1e-6, as Keras 1.2.2 did.)"""
    from legacy_keras.models import load_model

    path = str(tmp_path / "saved_under_1.0.1.h5")
    x = golden("1.0.1", "inputs")
    with keras_release("1.0.1"):
        model = build()
        model.compile(optimizer="sgd", loss="mse")
        model.load_weights(fixture("1.0.1", "weights"))
        assert_predicts_like(model, "1.0.1")
        model = build(epsilon=1e-5)
        model.compile(optimizer="sgd", loss="mse")
        model.load_weights(fixture("1.0.1", "weights"))
        expected = model.predict(x)
        batchnorm_name = model.layers[1].name
        model.save(path)
    with h5py.File(path, "r") as f:
        assert f.attrs["keras_version"] in ("1.0.1", b"1.0.1")
    model = load_model(path)
    np.testing.assert_allclose(model.predict(x), expected, rtol=1e-5, atol=1e-6)
    std = stored_weights(path)[batchnorm_name][3]
    np.testing.assert_allclose(model.layers[1].get_weights()[3],
                               (std + 1e-5) ** 2 - 1e-5, rtol=1e-6)


# --- a version that names no Keras 1 release ------------------------------------------------

@pytest.mark.parametrize("claimed", [b"banana", b"2.0.8", "1.3.0"])
def test_unknown_keras_version_is_refused_by_name_and_changes_nothing(claimed, tmp_path):
    from legacy_keras.models import load_model

    path = str(tmp_path / "claims.h5")
    shutil.copy(fixture("1.0.8", "model"), path)
    with h5py.File(path, "r+") as f:
        f.attrs["keras_version"] = claimed
    text = claimed.decode() if isinstance(claimed, bytes) else claimed
    message = "written by Keras '%s'.*Nothing was loaded" % text.replace(".", r"\.")
    with pytest.raises(ValueError, match=message):
        load_model(path)
    model = build()
    before = values(model)
    for by_name in (False, True):
        with pytest.raises(ValueError, match=message):
            model.load_weights(path, by_name=by_name)
    for old, new in zip(before, values(model)):
        np.testing.assert_array_equal(old, new)


# --- the conversions themselves --------------------------------------------------------------

def test_running_std_conversion_keeps_the_normalization_and_inverts():
    from legacy_keras.engine import legacy_layouts
    from legacy_keras.layers import BatchNormalization

    layer = BatchNormalization(epsilon=1e-3)
    std = np.array([0.5, 1.0, 2.0, 1e-4], dtype="float32")
    stored = [np.ones(4), np.zeros(4), np.zeros(4), std]
    variance = legacy_layouts._convert_batchnorm(layer, stored, "std", "variance")[3]
    np.testing.assert_allclose(np.sqrt(variance + 1e-3), std + 1e-3, rtol=1e-5)
    assert variance.dtype == np.float32
    back = legacy_layouts._convert_batchnorm(layer, stored[:3] + [variance], "variance",
                                             "std")[3]
    np.testing.assert_allclose(back, std, rtol=1e-5, atol=1e-7)
    assert legacy_layouts._convert_batchnorm(layer, stored, "variance", "variance") is stored


def test_conversions_follow_the_profile_table():
    from legacy_keras import profiles
    from legacy_keras.engine import legacy_layouts

    assert {name for name, _, _ in legacy_layouts.CONVERSIONS} == {
        "Convolution1D", "BatchNormalization", "Highway"}
    for _, switch, _ in legacy_layouts.CONVERSIONS:
        assert switch in profiles.SWITCHES
    kernel = np.arange(24.).reshape(4, 2, 3, 1)  # 'th' (nb_filter, input_dim, length, 1)
    tf = legacy_layouts._transposed_kernel(kernel, "th", "tf")
    assert tf.shape == (3, 1, 2, 4) and tf[2, 0, 1, 3] == kernel[3, 1, 2, 0]
    np.testing.assert_array_equal(legacy_layouts._transposed_kernel(tf, "tf", "th"), kernel)
    order = ["W", "b", "W_carry", "b_carry"]
    assert legacy_layouts._convert_highway(None, order, True, False) == [
        "W", "W_carry", "b", "b_carry"]
    assert legacy_layouts._convert_highway(None, order, None, False) == order


# --- the case under legacy_keras: the same files and numbers as those releases -------------

@pytest.mark.parametrize("release", ["1.0.8", "1.1.2", "1.2.2"])
def test_case_writes_the_files_of_that_release(release, tmp_path):
    """(1.0.1 had no model.save and its to_json no keras_version; legacy_keras has both
    under every release.)"""
    check_case("v_old_files", str(tmp_path), version=release)
