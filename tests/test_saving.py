"""Saving and loading: Keras 1.2.2's HDF5 weights / models and JSON / YAML configs.

* The h_* golden cases write and read their files under legacy_keras and must record
  what Keras 1.2.2 recorded: predictions, and the HDF5 tree (names, attributes, stored
  types, shapes) of every file written -- so our files have the oracle's structure.
* The files Keras 1.2.2 itself wrote (tests/fixtures/, by the same cases under the
  oracle) load in legacy_keras and predict what the oracle predicted; a saved model
  resumes training with the oracle's next-epoch loss.
* Safety: marshalled Lambda bytecode is refused unless safe_mode=False; corrupt files
  give clear errors and leave the weights unchanged.
"""
import os
import shutil

import h5py
import numpy as np
import pytest

import harness
from harness import check_case, load_golden

from h_hdf5tree import hdf5_tree  # tests/cases, put on sys.path by harness

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures")
CASES = ["h_mlp", "h_functional", "h_optimizer_state", "h_lambda", "h_convnet_th",
         "h_lstm"]


@pytest.fixture(autouse=True)
def fresh_session():
    harness.reset_keras1_session()
    yield


def fixture(name):
    return os.path.join(FIXTURES, name)


def golden(case, key):
    value = load_golden(case)[1][key]
    if isinstance(value, list):
        return [np.asarray(v["__array__"], dtype=v["dtype"]) for v in value]
    return np.asarray(value["__array__"], dtype=value["dtype"])


def assert_predicts(model, case, inputs_key, predictions_key):
    inputs = golden(case, inputs_key)
    np.testing.assert_allclose(model.predict(inputs), golden(case, predictions_key),
                               rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("case", CASES)
def test_files_written_and_read_like_keras1(case, tmp_path):
    check_case(case, str(tmp_path))


# -- the oracle's files in legacy_keras ------------------------------------------------------
def mlp():
    from legacy_keras.layers import BatchNormalization, Dense, Dropout
    from legacy_keras.models import Sequential

    return Sequential([Dense(6, input_dim=4, activation="tanh"), Dropout(0.3),
                       BatchNormalization(), Dense(3, activation="softmax")])


@pytest.mark.parametrize("filename", ["h_mlp_weights.h5", "h_mlp_model.h5",
                                      "h_mlp_keras10_weights.h5"])
def test_oracle_weights_load_into_an_equivalent_model(filename):
    model = mlp()
    model.load_weights(fixture(filename))
    assert_predicts(model, "h_mlp", "inputs", "predictions")


def test_oracle_mlp_model_json_and_yaml():
    from legacy_keras.models import load_model, model_from_json, model_from_yaml

    with pytest.warns(UserWarning, match="No training configuration"):
        model = load_model(fixture("h_mlp_model.h5"))
    assert [l.name for l in model.layers] == ["dense_1", "dropout_1", "batchnormalization_1",
                                             "dense_2"]
    assert_predicts(model, "h_mlp", "inputs", "predictions")
    for name, reader in (("h_mlp.json", model_from_json), ("h_mlp.yaml", model_from_yaml)):
        with open(fixture(name)) as f:
            model = reader(f.read())
        model.load_weights(fixture("h_mlp_weights.h5"))
        assert_predicts(model, "h_mlp", "inputs", "predictions")


def test_oracle_functional_and_legacy_merge_models():
    from legacy_keras.models import load_model, model_from_json, model_from_yaml

    model = load_model(fixture("h_functional_model.h5"))
    assert model.loss_weights == {"label": 1.0, "score": 0.5}
    assert model.metrics_names == ["loss", "label_loss", "score_loss", "label_acc"]
    inputs = golden("h_functional", "inputs")
    for got, expected in zip(model.predict(inputs), golden("h_functional", "predictions")):
        np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-6)
    for name, reader in (("h_functional.json", model_from_json),
                         ("h_functional.yaml", model_from_yaml)):
        with open(fixture(name)) as f:
            model = reader(f.read())
        model.load_weights(fixture("h_functional_weights.h5"))
        for got, expected in zip(model.predict(inputs), golden("h_functional", "predictions")):
            np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-6)
    model = load_model(fixture("h_legacy_merge_model.h5"))
    assert_predicts(model, "h_functional", "legacy merge inputs", "legacy merge predictions")
    with open(fixture("h_legacy_merge.json")) as f:
        model = model_from_json(f.read())
    model.load_weights(fixture("h_legacy_merge_weights.h5"))
    assert_predicts(model, "h_functional", "legacy merge inputs", "legacy merge predictions")


@pytest.mark.parametrize("label", ["adam", "sgd"])
def test_oracle_model_resumes_training_where_it_stopped(label):
    from legacy_keras.models import load_model

    case = "h_optimizer_state"
    x, y = golden(case, "inputs")
    target = y if label == "adam" else y[:, :1]
    model = load_model(fixture("h_optimizer_%s.h5" % label))
    np.testing.assert_allclose(model.predict(x), golden(case, label + " predictions"),
                               rtol=1e-5, atol=1e-6)
    for got, expected in zip(model.optimizer.get_weights(),
                             golden(case, label + " optimizer weights")):
        np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-7)
    history = model.fit(x, target, batch_size=5, nb_epoch=1, shuffle=False, verbose=0).history
    expected = load_golden(case)[1][label + " next epoch, loaded"]
    for key in expected:
        values = [v["__array__"] if isinstance(v, dict) else v for v in expected[key]]
        np.testing.assert_allclose(history[key], values, rtol=1e-5)


# Theano-trained conv net ('th', flipped kernels) and recurrent model (LSTM -> GRU)
def convnet_th():
    from legacy_keras.layers import Convolution2D, Dense, Flatten, MaxPooling2D
    from legacy_keras.models import Sequential

    return Sequential([
        Convolution2D(4, 3, 3, border_mode="same", activation="relu", input_shape=(1, 8, 8),
                      dim_ordering="th"),
        Convolution2D(3, 2, 3, border_mode="valid", activation="tanh", dim_ordering="th"),
        MaxPooling2D(pool_size=(2, 2), dim_ordering="th"),
        Flatten(),
        Dense(3, activation="softmax")])


def lstm_gru():
    from legacy_keras.layers import GRU, LSTM, Dense, Embedding
    from legacy_keras.models import Sequential

    return Sequential([Embedding(12, 4, input_length=6, mask_zero=True),
                       LSTM(5, return_sequences=True), GRU(3),
                       Dense(2, activation="softmax")])


TRAINED = {"h_convnet_th": convnet_th, "h_lstm": lstm_gru}


@pytest.mark.parametrize("case", sorted(TRAINED))
def test_oracle_trained_files_load_and_predict(case):
    """Weights trained by Theano load in Keras 1's layout (a 'th' kernel as Theano kept
    it, flipped for TensorFlow's correlation inside; the LSTM's 12 and the GRU's 9 gate
    arrays) and predict what the oracle predicted."""
    from legacy_keras.models import load_model, model_from_json

    for filename in (case + "_weights.h5", case + "_model.h5"):
        harness.reset_keras1_session()
        model = TRAINED[case]()
        model.load_weights(fixture(filename))
        assert_predicts(model, case, "inputs", "predictions")
    # get_weights gives back exactly the arrays of the file (Keras 1's layout)
    with h5py.File(fixture(case + "_weights.h5"), "r") as f:
        saved = [f[layer.name][w.name][()] for layer in model.layers for w in layer.weights]
    assert len(saved) == len(model.get_weights()) == (6 if case == "h_convnet_th" else 24)
    for got, expected in zip(model.get_weights(), saved):
        np.testing.assert_array_equal(got, expected)
    harness.reset_keras1_session()
    with open(fixture(case + ".json")) as f:
        model = model_from_json(f.read())
    model.load_weights(fixture(case + "_weights.h5"))
    assert_predicts(model, case, "inputs", "predictions")
    if case == "h_convnet_th":
        assert [getattr(l, "dim_ordering", None) for l in model.layers] == [
            "th", "th", "th", None, None]
    harness.reset_keras1_session()
    model = load_model(fixture(case + "_model.h5"))
    assert_predicts(model, case, "inputs", "predictions")
    for got, expected in zip(model.optimizer.get_weights(), golden(case, "optimizer weights")):
        np.testing.assert_allclose(got, expected, rtol=1e-6, atol=1e-9)


# Resumed training: one more epoch (3 batches of 8) on the loaded model, Adam state (conv
# net) and RMSprop state (LSTM -> GRU) restored. Both give the oracle's loss and then its
# predictions to ~5e-8 (float32 rounding: TensorFlow's kernels sum in another order than
# Theano's). rtol 1e-5 leaves a 100x margin for other CPUs / TensorFlow builds; it is
# still tight enough to catch a wrong restored state or a wrong gradient (the Embedding's
# gradient squared slice by slice instead of densified first moved this loss by 1e-5 and
# the predictions by 3e-4).
@pytest.mark.parametrize("case", sorted(TRAINED))
def test_oracle_trained_model_resumes_training(case):
    from legacy_keras.models import load_model

    x, y = golden(case, "train")
    model = load_model(fixture(case + "_model.h5"))
    history = model.fit(x, y, batch_size=8, nb_epoch=1, shuffle=False, verbose=0).history
    expected = load_golden(case)[1]["next epoch, loaded"]
    assert sorted(history) == sorted(expected) == ["acc", "loss"]
    np.testing.assert_allclose(history["loss"], [v["__array__"] for v in expected["loss"]],
                               rtol=1e-5)
    assert history["acc"] == [v["__array__"] for v in expected["acc"]]
    np.testing.assert_allclose(model.predict(golden(case, "inputs")),
                               golden(case, "predictions after the next epoch"),
                               rtol=1e-5, atol=1e-6)


def test_our_files_have_the_oracle_structure(tmp_path):
    """A model loaded from the oracle's files and saved again gives the same HDF5 trees
    (names, attributes and their stored types, dtypes, shapes, values). The
    ``model_config`` value is left out here: a Dense with ``input_dim`` in its config
    gains ``batch_input_shape`` when re-created (in Keras 1 too); the h_* golden cases
    compare it for models built in code."""
    from legacy_keras.models import load_model

    for name in ("h_optimizer_adam.h5", "h_optimizer_sgd.h5", "h_functional_model.h5",
                 "h_legacy_merge_model.h5", "h_convnet_th_model.h5", "h_lstm_model.h5"):
        harness.reset_keras1_session()
        model = load_model(fixture(name))
        ours = str(tmp_path / name)
        model.save(ours)
        assert_same_tree(hdf5_tree(ours), hdf5_tree(fixture(name)))
        ours_weights = str(tmp_path / ("weights_" + name))
        model.save_weights(ours_weights)
        expected = str(tmp_path / ("expected_" + name))
        with h5py.File(fixture(name), "r") as f, h5py.File(expected, "w") as g:
            for key in f["model_weights"]:
                f.copy(f["model_weights"][key], g, key)
            for key, value in f["model_weights"].attrs.items():
                g.attrs[key] = value
        assert_same_tree(hdf5_tree(ours_weights), hdf5_tree(expected))


def assert_same_tree(ours, theirs):
    for tree in (ours, theirs):
        if "model_config" in tree[0][2]:
            tree[0][2]["model_config"][2] = "(compared by the golden cases)"
    assert [e[0] for e in ours] == [e[0] for e in theirs]
    for mine, expected in zip(ours, theirs):
        harness.compare_value(mine[0], mine, expected, 1e-6, 1e-7)


# -- safety: marshalled functions -----------------------------------------------------------
def test_lambda_file_is_refused_by_default_with_the_promised_message():
    from legacy_keras.engine.saving import UnsafeLoadingError
    from legacy_keras.models import load_model, model_from_json, model_from_yaml

    with pytest.raises(UnsafeLoadingError) as error:
        load_model(fixture("h_lambda_sequential.h5"))
    message = str(error.value)
    for expected in ("h_lambda_sequential.h5", "Lambda layer named 'lambda_1'",
                     "marshalled Python bytecode", "does not run code from files",
                     "safe_mode=False", "custom_objects={'lambda_1': my_function}"):
        assert expected in message, (expected, message)
    with pytest.raises(UnsafeLoadingError, match="Merge layer named 'difference'"):
        load_model(fixture("h_lambda_functional.h5"))
    with open(fixture("h_lambda_sequential.json")) as f:
        with pytest.raises(UnsafeLoadingError, match="JSON configuration"):
            model_from_json(f.read())
    with open(fixture("h_lambda_sequential.yaml")) as f:
        with pytest.raises(UnsafeLoadingError, match="YAML configuration"):
            model_from_yaml(f.read())
    # only the second Lambda supplied: the first is still refused
    with pytest.raises(UnsafeLoadingError, match="'lambda_1'"):
        load_model(fixture("h_lambda_sequential.h5"),
                   custom_objects={"lambda_2": {"function": abs, "output_shape": abs}})


def test_lambda_file_loads_with_safe_mode_false():
    from legacy_keras.models import load_model, model_from_json, model_from_yaml

    model = load_model(fixture("h_lambda_sequential.h5"), safe_mode=False)
    x, xb = golden("h_lambda", "inputs")
    np.testing.assert_allclose(model.predict(x), golden("h_lambda", "sequential predictions"),
                               rtol=1e-5, atol=1e-6)
    for name, reader in (("h_lambda_sequential.json", model_from_json),
                         ("h_lambda_sequential.yaml", model_from_yaml)):
        with open(fixture(name)) as f:
            other = reader(f.read(), safe_mode=False)
        other.set_weights(model.get_weights())
        np.testing.assert_allclose(other.predict(x),
                                   golden("h_lambda", "sequential predictions"), rtol=1e-5)
    model = load_model(fixture("h_lambda_functional.h5"), safe_mode=False)
    np.testing.assert_allclose(model.predict([x, xb]),
                               golden("h_lambda", "functional predictions"), rtol=1e-5)


def test_bytecode_of_another_python_is_explained():
    import json

    from legacy_keras.models import model_from_json

    with open(fixture("h_lambda_sequential.json")) as f:
        config = json.load(f)
    lambda_config = config["config"][1]["config"]
    lambda_config["function"][0] = "\x00garbage written by some other Python"
    with pytest.raises(ValueError, match=r"cannot load .*another|readable only by that version"):
        model_from_json(json.dumps(config), safe_mode=False)


def test_yaml_with_arbitrary_python_objects_is_refused():
    from legacy_keras.engine.saving import UnsafeLoadingError
    from legacy_keras.models import model_from_yaml

    with pytest.raises(UnsafeLoadingError, match="arbitrary Python objects"):
        model_from_yaml("class_name: !!python/object/apply:os.system ['echo hi']\n")


# -- corrupt files ----------------------------------------------------------------------------
def loaded_mlp():
    model = mlp()
    model.load_weights(fixture("h_mlp_weights.h5"))
    return model, model.get_weights()


def assert_unchanged(model, before):
    for got, expected in zip(model.get_weights(), before):
        np.testing.assert_array_equal(got, expected)


def copy_fixture(tmp_path, name="h_mlp_weights.h5"):
    target = str(tmp_path / name)
    shutil.copy(fixture(name), target)
    return target


def test_truncated_file_is_refused_and_changes_nothing(tmp_path):
    model, before = loaded_mlp()
    path = copy_fixture(tmp_path)
    with open(path, "r+b") as f:
        f.truncate(os.path.getsize(path) // 2)
    with pytest.raises(IOError, match="truncated or corrupt"):
        model.load_weights(path)
    assert_unchanged(model, before)
    from legacy_keras.models import load_model

    with pytest.raises(IOError, match="truncated or corrupt"):
        load_model(path)


def test_text_json_or_missing_file_is_refused_and_changes_nothing(tmp_path):
    model, before = loaded_mlp()
    path = str(tmp_path / "weights.h5")
    with open(path, "w") as f:
        f.write("these are not weights\n")
    with pytest.raises(IOError, match="not an HDF5 file"):
        model.load_weights(path)
    assert_unchanged(model, before)
    with pytest.raises(IOError, match="model_from_json"):
        model.load_weights(fixture("h_mlp.json"))
    with pytest.raises(IOError, match="no such file"):
        model.load_weights(str(tmp_path / "missing.h5"))


def test_file_missing_a_layer_is_refused_and_changes_nothing(tmp_path):
    model, before = loaded_mlp()
    path = copy_fixture(tmp_path)
    with h5py.File(path, "r+") as f:
        del f["dense_2"]
    with pytest.raises(ValueError, match="lists layer 'dense_2'.*no group"):
        model.load_weights(path)
    assert_unchanged(model, before)
    with h5py.File(path, "r+") as f:
        f.attrs["layer_names"] = [b"dense_1", b"dropout_1", b"batchnormalization_1"]
    with pytest.raises(ValueError, match=r"containing 2 layers into a model with 3 layers.*"
                                         r"'dense_2'"):
        model.load_weights(path)
    assert_unchanged(model, before)


def test_weight_of_the_wrong_shape_is_refused_naming_the_layer(tmp_path):
    model, before = loaded_mlp()
    path = copy_fixture(tmp_path)
    with h5py.File(path, "r+") as f:
        del f["dense_2/dense_2_W"]
        f["dense_2"].create_dataset("dense_2_W", data=np.zeros((5, 3), "float32"))
    with pytest.raises(ValueError, match=r"named \"dense_2\".*dense_2_W has shape \(6, 3\) "
                                         r"in the model.*\(5, 3\)"):
        model.load_weights(path)
    assert_unchanged(model, before)
    with pytest.raises(ValueError, match="dense_2"):
        model.load_weights(path, by_name=True)
    assert_unchanged(model, before)


def test_weight_count_mismatch_is_refused_naming_the_layer(tmp_path):
    model, before = loaded_mlp()
    path = copy_fixture(tmp_path)
    with h5py.File(path, "r+") as f:
        f["dense_2"].attrs["weight_names"] = [b"dense_2_W"]
    with pytest.raises(ValueError, match=r"named \"dense_2\".*expects 2 weights, but the "
                                         r"saved weights have 1"):
        model.load_weights(path)
    assert_unchanged(model, before)


def test_fixed_length_string_attributes_as_h5py2_wrote_them(tmp_path):
    """Files of Keras 1's day (h5py 2) stored names as fixed-length byte strings."""
    path = copy_fixture(tmp_path)
    with h5py.File(path, "r+") as f:
        f.attrs["layer_names"] = np.array([n.encode() for n in f.attrs["layer_names"]])
        for name in f:
            names = f[name].attrs["weight_names"]
            if len(names):
                f[name].attrs["weight_names"] = np.array([n.encode() for n in names])
    with h5py.File(path, "r") as f:
        assert f.attrs.get_id("layer_names").dtype.kind == "S"
    model = mlp()
    model.load_weights(path)
    assert_predicts(model, "h_mlp", "inputs", "predictions")
