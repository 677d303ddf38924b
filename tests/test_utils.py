"""Unit tests for issue 7 part B: keras.utils, keras.preprocessing, keras.datasets and
keras.wrappers.scikit_learn where the goldens (tests/test_utils_goldens.py) cannot
reach: Keras 3's cached files, downloads (file:// only: tests never use the network),
convert_kernel, the scikit-learn wrappers, layer_test."""
import gzip
import os
import pickle
import tarfile
import urllib.error
import zipfile

import numpy as np
import pytest

import legacy_keras
from legacy_keras import backend as K
from legacy_keras.backend import common
from legacy_keras.datasets import cifar10, cifar100, imdb, mnist, reuters
from legacy_keras.layers import Dense
from legacy_keras.models import Sequential
from legacy_keras.preprocessing import image, text
from legacy_keras.utils import data_utils, io_utils, layer_utils, np_utils, test_utils
from legacy_keras.wrappers.scikit_learn import KerasClassifier, KerasRegressor


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A fresh HOME with an empty dataset cache; downloads fail as on an offline
    machine (no test may reach the network)."""
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("KERAS_HOME", raising=False)

    def offline(url, filename, *args, **kwargs):
        if url.startswith("file://"):
            return urllib_retrieve(url, filename)
        raise urllib.error.URLError("[Errno -3] Temporary failure in name resolution")

    monkeypatch.setattr(data_utils, "urlretrieve", offline)
    datasets = tmp_path / ".keras" / "datasets"
    datasets.mkdir(parents=True)
    return datasets


from urllib.request import urlretrieve as urllib_retrieve  # noqa: E402


@pytest.fixture
def ordering():
    old = common.image_dim_ordering()
    yield common.set_image_dim_ordering
    common.set_image_dim_ordering(old)


def write_npz_with_objects(path, **arrays):
    np.savez(path, **arrays)


def object_array(rows):
    array = np.empty(len(rows), dtype=object)
    for i, row in enumerate(rows):
        array[i] = list(row)
    return array


# -- get_file ---------------------------------------------------------------------------
def test_get_file_downloads_file_origin_once(home, tmp_path, capsys):
    source = tmp_path / "source.bin"
    source.write_bytes(b"payload")
    path = data_utils.get_file("data.bin", origin=source.as_uri())
    assert path == str(home / "data.bin")
    assert open(path, "rb").read() == b"payload"
    assert "Downloading data from " + source.as_uri() in capsys.readouterr().out
    source.write_bytes(b"changed")
    assert open(data_utils.get_file("data.bin", origin=source.as_uri()), "rb").read() == b"payload"
    assert capsys.readouterr().out == ""


def test_get_file_md5_mismatch_downloads_again(home, tmp_path, capsys):
    import hashlib

    source = tmp_path / "source.bin"
    source.write_bytes(b"right")
    (home / "data.bin").write_bytes(b"stale")
    md5 = hashlib.md5(b"right").hexdigest()
    path = data_utils.get_file("data.bin", origin=source.as_uri(), md5_hash=md5)
    assert open(path, "rb").read() == b"right"
    assert "incomplete or outdated" in capsys.readouterr().out
    assert data_utils.validate_file(path, md5)
    sha = hashlib.sha256(b"right").hexdigest()
    assert data_utils.get_file("data.bin", origin="https://unused", file_hash=sha) == path


def test_get_file_offline_error_names_the_file_and_leaves_nothing(home):
    with pytest.raises(data_utils.DownloadError) as info:
        data_utils.get_file("mnist.pkl.gz", origin="https://example.invalid/mnist.pkl.gz")
    message = str(info.value)
    assert "URL fetch failure on https://example.invalid/mnist.pkl.gz" in message
    assert "offline" in message and str(home / "mnist.pkl.gz") in message
    assert isinstance(info.value, Exception)
    assert not (home / "mnist.pkl.gz").exists()
    assert os.listdir(home) == []


def test_failed_redownload_keeps_the_cached_file(home):
    (home / "old.bin").write_bytes(b"old")
    with pytest.raises(data_utils.DownloadError):
        data_utils.get_file("old.bin", origin="https://example.invalid/old.bin", md5_hash="0" * 32)
    assert (home / "old.bin").read_bytes() == b"old"


def test_get_file_missing_file_origin(home, tmp_path):
    with pytest.raises(data_utils.DownloadError):
        data_utils.get_file("x.bin", origin=(tmp_path / "nope.bin").as_uri())
    assert not (home / "x.bin").exists()


def test_get_file_untar_and_extract(home, tmp_path):
    folder = tmp_path / "pack"
    folder.mkdir()
    (folder / "inside.txt").write_text("hi")
    archive = tmp_path / "pack.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(folder, arcname="pack")
    path = data_utils.get_file("pack", origin=archive.as_uri(), untar=True)
    assert path == str(home / "pack")
    assert (home / "pack" / "inside.txt").read_text() == "hi"
    assert (home / "pack.tar.gz").exists()
    zipped = tmp_path / "z.zip"
    with zipfile.ZipFile(zipped, "w") as z:
        z.writestr("zdir/a.txt", "zip")
    path = data_utils.get_file("z.zip", origin=zipped.as_uri(), extract=True)
    assert path == str(home / "z.zip")
    assert (home / "zdir" / "a.txt").read_text() == "zip"


def test_get_file_honours_keras_home(home, tmp_path, monkeypatch):
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "k3home"))
    source = tmp_path / "s.txt"
    source.write_text("k")
    path = data_utils.get_file("s.txt", origin=source.as_uri(), cache_subdir="models")
    assert path == str(tmp_path / "k3home" / "models" / "s.txt")


# -- datasets ---------------------------------------------------------------------------
def test_mnist_from_keras3_npz_and_from_keras1_pickle(home):
    rng = np.random.RandomState(0)
    arrays = dict(x_train=rng.randint(0, 255, (4, 28, 28)).astype("uint8"),
                  y_train=np.arange(4, dtype="uint8"),
                  x_test=rng.randint(0, 255, (2, 28, 28)).astype("uint8"),
                  y_test=np.array([1, 2], dtype="uint8"))
    np.savez(home / "mnist.npz", **arrays)
    (x_train, y_train), (x_test, y_test) = mnist.load_data()
    np.testing.assert_array_equal(x_train, arrays["x_train"])
    np.testing.assert_array_equal(y_test, arrays["y_test"])
    assert x_train.dtype == np.uint8 and y_train.dtype == np.uint8
    with gzip.open(home / "mnist.pkl.gz", "wb") as f:
        pickle.dump(((arrays["x_train"][:1], arrays["y_train"][:1]),
                     (arrays["x_test"], arrays["y_test"])), f, protocol=2)
    (x_train, _), _ = mnist.load_data()  # Keras 1's own file first
    assert x_train.shape == (1, 28, 28)


def test_missing_dataset_without_network_is_a_clear_error(home):
    with pytest.raises(data_utils.DownloadError) as info:
        mnist.load_data()
    assert "mnist.pkl.gz" in str(info.value) and "'mnist.npz'" in str(info.value)
    with pytest.raises(data_utils.DownloadError) as info:
        imdb.load_data()
    assert "imdb_full.pkl" in str(info.value) and "'imdb.npz'" in str(info.value)
    with pytest.raises(data_utils.DownloadError):
        cifar10.load_data()


def _write_cifar_batch(path, n, rng, label_keys=(b"labels",)):
    batch = {b"data": rng.randint(0, 256, (n, 3072)).astype("uint8")}
    for key in label_keys:
        batch[key] = list(rng.randint(0, 10, n))
    with open(path, "wb") as f:
        pickle.dump(batch, f, protocol=2)
    return batch


@pytest.mark.parametrize("keras3_layout", [False, True])
def test_cifar10_both_orderings(home, ordering, keras3_layout):
    folder = home / ("cifar-10-batches-py-target/cifar-10-batches-py" if keras3_layout
                     else "cifar-10-batches-py")
    folder.mkdir(parents=True)
    rng = np.random.RandomState(1)
    batches = [_write_cifar_batch(folder / ("data_batch_%d" % i), 2, rng) for i in range(1, 6)]
    test = _write_cifar_batch(folder / "test_batch", 3, rng)
    ordering("th")
    (x_train, y_train), (x_test, y_test) = cifar10.load_data()
    assert x_train.shape == (10, 3, 32, 32) and x_train.dtype == np.uint8
    assert y_train.shape == (10, 1) and y_train.dtype == np.uint8
    assert y_test.shape == (3, 1) and y_test.dtype == np.int64
    np.testing.assert_array_equal(x_train[2].ravel(), batches[1][b"data"][0])
    np.testing.assert_array_equal(y_test[:, 0], test[b"labels"])
    ordering("tf")
    (x_tf, _), (x_test_tf, _) = cifar10.load_data()
    assert x_tf.shape == (10, 32, 32, 3)
    np.testing.assert_array_equal(x_tf, x_train.transpose(0, 2, 3, 1))


def test_cifar100_from_keras3_layout(home, ordering):
    folder = home / "cifar-100-python-target" / "cifar-100-python"
    folder.mkdir(parents=True)
    rng = np.random.RandomState(2)
    keys = (b"fine_labels", b"coarse_labels")
    train = _write_cifar_batch(folder / "train", 3, rng, keys)
    _write_cifar_batch(folder / "test", 2, rng, keys)
    ordering("th")
    (x_train, y_train), _ = cifar100.load_data("coarse")
    assert x_train.shape == (3, 3, 32, 32)
    np.testing.assert_array_equal(y_train[:, 0], train[b"coarse_labels"])
    with pytest.raises(ValueError, match="label_mode"):
        cifar100.load_data("medium")


def test_imdb_from_keras3_npz_equals_keras1_pickle(home, monkeypatch):
    monkeypatch.setattr(data_utils, "validate_file", lambda fpath, md5_hash: True)
    train = [[1, 5, 2], [7, 3, 3, 9, 4], [2]]
    test = [[6, 6, 8, 1], [4, 10]]
    kwargs = dict(nb_words=8, skip_top=2, maxlen=5, seed=5)
    with open(home / "imdb_full.pkl", "wb") as f:
        pickle.dump(((train, [1, 0, 1]), (test, [0, 1])), f, protocol=2)
    expected = imdb.load_data(**kwargs)
    os.remove(home / "imdb_full.pkl")
    np.savez(home / "imdb.npz", x_train=object_array(train), y_train=np.array([1, 0, 1]),
             x_test=object_array(test), y_test=np.array([0, 1]))
    actual = imdb.load_data(**kwargs)
    for a, e in zip(actual[0] + actual[1], expected[0] + expected[1]):
        assert a.dtype == e.dtype and a.shape == e.shape
        assert [list(v) if isinstance(v, list) else v for v in a.tolist()] == e.tolist()


def test_reuters_from_keras3_npz(home):
    wires = [[1, 2, 3], [4, 4], [5, 1, 6, 2], [7], [3, 8, 9]]
    np.savez(home / "reuters.npz", x=object_array(wires), y=np.array([0, 1, 2, 1, 0]))
    (x_train, y_train), (x_test, y_test) = reuters.load_data(test_split=0.4)
    assert isinstance(x_train, list) and isinstance(y_train, list)
    assert len(x_train) == 3 and len(x_test) == 2
    assert all(x[0] == 1 for x in x_train + x_test)
    assert sorted(y_train + y_test) == [0, 0, 1, 1, 2]
    assert all(isinstance(y, int) for y in y_train)


def test_word_index_from_keras3_json(home):
    (home / "imdb_word_index.json").write_text('{"the": 1, "film": 2}')
    assert imdb.get_word_index() == {"the": 1, "film": 2}


def test_dataset_pickles_cannot_run_code(home, tmp_path):
    class Evil(object):
        def __reduce__(self):
            return (os.system, ("echo pwned > %s" % (tmp_path / "pwned"),))

    with open(home / "reuters.pkl", "wb") as f:
        pickle.dump(([[1, 2]], [Evil()]), f, protocol=2)
    with pytest.raises(pickle.UnpicklingError, match="refusing to load"):
        reuters.load_data()
    assert not (tmp_path / "pwned").exists()


# -- np_utils, io_utils, layer_utils ------------------------------------------------------
def test_convert_kernel_flips_spatial_axes_only():
    kernel = np.arange(2 * 3 * 2 * 4, dtype="float32").reshape(2, 3, 2, 4)
    th = np_utils.convert_kernel(kernel, "th")
    np.testing.assert_array_equal(th, kernel[:, :, ::-1, ::-1])
    tf = np_utils.convert_kernel(kernel, "tf")
    np.testing.assert_array_equal(tf, kernel[::-1, ::-1, :, :])
    np.testing.assert_array_equal(np_utils.convert_kernel(th, "th"), kernel)
    kernel5 = np.arange(2 * 2 * 2 * 3 * 2).reshape(2, 2, 2, 3, 2)
    np.testing.assert_array_equal(np_utils.convert_kernel(kernel5, "th"),
                                  kernel5[:, :, ::-1, ::-1, ::-1])
    with pytest.raises(ValueError, match="Invalid kernel shape"):
        np_utils.convert_kernel(np.zeros((2, 2)), "th")
    with pytest.raises(ValueError, match="Invalid dim_ordering"):
        np_utils.convert_kernel(kernel, "xy")


def test_convert_kernel_default_ordering(ordering):
    kernel = np.arange(16.).reshape(1, 1, 4, 4)
    ordering("th")
    np.testing.assert_array_equal(np_utils.convert_kernel(kernel), kernel[:, :, ::-1, ::-1])


def test_convert_all_kernels_uses_each_layers_layout():
    class Convolution2D(object):
        def __init__(self, kernel, dim_ordering):
            self.W = K.variable(kernel)
            self.dim_ordering = dim_ordering

    class Convolution1D(object):
        def __init__(self, kernel):
            self.W = K.variable(kernel)

    class Model(object):
        pass

    rng = np.random.RandomState(0)
    k_th, k_tf, k_1d = rng.rand(2, 3, 2, 2), rng.rand(2, 2, 3, 2), rng.rand(3, 1, 2, 4)
    model = Model()
    dense = Dense(2, input_dim=2)
    model.layers = [Convolution2D(k_th, "th"), Convolution2D(k_tf, "tf"), Convolution1D(k_1d),
                    dense]
    layer_utils.convert_all_kernels_in_model(model)
    np.testing.assert_allclose(K.get_value(model.layers[0].W), k_th[:, :, ::-1, ::-1], rtol=1e-6)
    np.testing.assert_allclose(K.get_value(model.layers[1].W), k_tf[::-1, ::-1], rtol=1e-6)
    np.testing.assert_allclose(K.get_value(model.layers[2].W), k_1d[::-1, ::-1], rtol=1e-6)


def test_save_and_load_array(tmp_path):
    array = np.arange(12, dtype="int16").reshape(3, 4)
    io_utils.save_array(array, str(tmp_path / "a.h5"))
    loaded = io_utils.load_array(str(tmp_path / "a.h5"))
    assert loaded.dtype == np.int16
    np.testing.assert_array_equal(loaded, array)


@pytest.fixture
def private_hdf5_refs():
    """HDF5Matrix keeps its open files in a class-wide dict (as Keras 1 did): give this
    test its own, so other tests (and golden cases) see only theirs."""
    saved = dict(io_utils.HDF5Matrix.refs)
    io_utils.HDF5Matrix.refs.clear()
    yield
    for handle in io_utils.HDF5Matrix.refs.values():
        handle.close()
    io_utils.HDF5Matrix.refs.clear()
    io_utils.HDF5Matrix.refs.update(saved)


def test_hdf5matrix_open_slices_and_numpy_ints(tmp_path, private_hdf5_refs):
    import h5py

    path = str(tmp_path / "m.h5")
    with h5py.File(path, "w") as f:
        f.create_dataset("x", data=np.arange(20.).reshape(10, 2))
    x = io_utils.HDF5Matrix(path, "x", start=2, end=6)
    np.testing.assert_array_equal(x[:2], [[4., 5.], [6., 7.]])
    np.testing.assert_array_equal(x[2:], [[8., 9.], [10., 11.]])
    np.testing.assert_array_equal(x[np.int64(1)], [6., 7.])
    assert x.ndim == 2 and x.dtype == np.float64
    np.testing.assert_array_equal(np.asarray(x), np.arange(4., 12.).reshape(4, 2))
    with pytest.raises(KeyError, match="no dataset 'y'"):
        io_utils.HDF5Matrix(path, "y")
    with pytest.raises(TypeError, match="HDF5Matrix indices"):
        x["a"]


# -- test_utils ---------------------------------------------------------------------------
def test_layer_test_on_dense():
    np.random.seed(0)
    output = test_utils.layer_test(Dense, kwargs={"output_dim": 3}, input_shape=(2, 4))
    assert output.shape == (2, 3)
    kwargs = {"output_dim": 2}
    test_utils.layer_test(Dense, kwargs=kwargs, input_shape=(3, 5), fixed_batch_size=True)
    assert kwargs == {"output_dim": 2}
    from legacy_keras.layers import Activation

    data = np.array([[-1., 2.], [3., -4.]], dtype="float32")
    test_utils.layer_test(Activation, kwargs={"activation": "relu"}, input_data=data,
                          expected_output=np.maximum(data, 0))
    with pytest.raises(AssertionError):
        test_utils.layer_test(Activation, kwargs={"activation": "relu"}, input_data=data,
                              expected_output=data)


def test_keras_test_wraps():
    @test_utils.keras_test
    def add(a, b=1):
        """doc"""
        return a + b

    assert add(2, b=3) == 5 and add.__name__ == "add" and add.__doc__ == "doc"


def test_get_test_data_shapes():
    np.random.seed(1)
    (x, y), (xt, yt) = test_utils.get_test_data(nb_train=5, nb_test=2, input_shape=(3,))
    assert x.shape == (5, 3) and y.shape == (5,) and xt.shape == (2, 3) and yt.shape == (2,)


# -- preprocessing ------------------------------------------------------------------------
def test_one_hot_is_consistent_within_a_process():
    first = text.one_hot("the cat and the hat", 20)
    assert first == text.one_hot("The cat, and the hat!", 20)
    assert first[0] == first[3] and all(1 <= i < 20 for i in first)
    assert text.base_filter() == '!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n'


def test_load_img_resizes_with_nearest_neighbour(tmp_path):
    pixels = np.zeros((2, 2, 3), dtype="uint8")
    pixels[0, 0] = 255
    image.array_to_img(pixels.astype("float32"), dim_ordering="tf", scale=False).save(
        str(tmp_path / "p.png"))
    img = image.load_img(str(tmp_path / "p.png"), target_size=(4, 6))
    assert img.size == (6, 4)
    values = set(np.asarray(img).ravel().tolist())
    assert values == {0, 255}


def test_flow_accepts_a_list_of_images():
    images = [np.zeros((2, 2, 1)), np.ones((2, 2, 1))]
    batch = image.ImageDataGenerator(dim_ordering="tf").flow(images, batch_size=2,
                                                             shuffle=False).next()
    assert batch.shape == (2, 2, 2, 1)


def test_keras_namespace_after_install():
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


# -- scikit-learn wrappers ----------------------------------------------------------------
def _classifier(nb_hidden=4, optimizer="sgd"):
    model = Sequential()
    model.add(Dense(nb_hidden, input_dim=3, activation="relu"))
    model.add(Dense(2, activation="softmax"))
    model.compile(optimizer, "categorical_crossentropy", metrics=["accuracy"])
    return model


def _regressor(nb_hidden=4):
    model = Sequential()
    model.add(Dense(nb_hidden, input_dim=3, activation="relu"))
    model.add(Dense(1))
    model.compile("sgd", "mse")
    return model


def _data():
    rng = np.random.RandomState(0)
    x = rng.rand(12, 3).astype("float32")
    return x, (x.sum(axis=1) > 1.5).astype("int64")


def test_sklearn_wrappers_do_not_import_sklearn():
    import ast

    import legacy_keras.wrappers.scikit_learn as module

    tree = ast.parse(open(module.__file__).read())
    imported = [alias.name for node in ast.walk(tree)
                if isinstance(node, (ast.Import, ast.ImportFrom))
                for alias in node.names] + [node.module for node in ast.walk(tree)
                                            if isinstance(node, ast.ImportFrom) and node.module]
    assert not [name for name in imported if "sklearn" in name]


def test_keras_classifier(capsys):
    np.random.seed(3)
    x, y = _data()
    clf = KerasClassifier(build_fn=_classifier, nb_hidden=5, nb_epoch=2, batch_size=4,
                          verbose=0)
    params = clf.get_params()
    assert params["nb_hidden"] == 5 and params["build_fn"] is _classifier
    history = clf.fit(x, y)
    assert len(history.history["loss"]) == 2
    assert clf.model.layers[0].output_dim == 5
    preds = clf.predict(x)
    assert preds.shape == (12,) and set(preds.tolist()) <= {0, 1}
    proba = clf.predict_proba(x)
    assert proba.shape == (12, 2)
    np.testing.assert_allclose(proba.sum(axis=1), 1., rtol=1e-5)
    score = clf.score(x, y)
    assert 0. <= score <= 1.
    assert clf.set_params(nb_epoch=1) is clf and clf.sk_params["nb_epoch"] == 1
    with pytest.raises(ValueError, match="nb_hiddden is not a legal parameter"):
        KerasClassifier(build_fn=_classifier, nb_hiddden=3)
    with pytest.raises(ValueError, match="not a legal parameter"):
        clf.set_params(bogus=1)


def test_keras_classifier_binary_proba_and_score_needs_accuracy():
    def build():
        model = Sequential([Dense(1, input_dim=3, activation="sigmoid")])
        model.compile("sgd", "binary_crossentropy")
        return model

    x, y = _data()
    y = y.astype("float32")
    clf = KerasClassifier(build_fn=build, nb_epoch=1, verbose=0)
    clf.fit(x, y)
    proba = clf.predict_proba(x, verbose=0)
    assert proba.shape == (12, 2)
    np.testing.assert_allclose(proba[:, 0], 1 - proba[:, 1], rtol=1e-6)
    with pytest.raises(ValueError, match="not configured to compute accuracy"):
        clf.score(x, y, verbose=0)


def test_keras_regressor_and_callable_build_fn():
    class Builder(object):
        def __call__(self, nb_hidden=2):
            return _regressor(nb_hidden)

    x, y = _data()
    reg = KerasRegressor(build_fn=Builder(), nb_hidden=3, nb_epoch=1, verbose=0)
    reg.fit(x, y.astype("float32"))
    assert reg.model.layers[0].output_dim == 3
    assert reg.predict(x).shape == (12,)
    assert isinstance(float(reg.score(x, y.astype("float32"), verbose=0)), float)


def test_subclass_without_build_fn():
    class MyClassifier(KerasClassifier):
        def __call__(self, nb_hidden=2):
            return _classifier(nb_hidden)

    x, y = _data()
    clf = MyClassifier(nb_hidden=6, nb_epoch=1, verbose=0)
    clf.fit(x, y)
    assert clf.model.layers[0].output_dim == 6


def test_cifar10_under_keras_1_0_is_channels_first_whatever_the_ordering(home, ordering):
    """Keras 1.0.x's cifar10.load_data never transposed (its source; transposing to 'tf'
    came in 1.1.0): legacy_keras.profiles switch cifar_follows_dim_ordering."""
    from legacy_keras import profiles

    folder = home / "cifar-10-batches-py"
    folder.mkdir(parents=True)
    rng = np.random.RandomState(3)
    for i in range(1, 6):
        _write_cifar_batch(folder / ("data_batch_%d" % i), 1, rng)
    _write_cifar_batch(folder / "test_batch", 1, rng)
    profiles.activate("1.0.8")
    try:
        ordering("tf")
        (x_train, _), _ = cifar10.load_data()
        assert x_train.shape == (5, 3, 32, 32)
    finally:
        profiles.activate(profiles.DEFAULT_VERSION)
    ordering("tf")
    (x_train, _), _ = cifar10.load_data()
    assert x_train.shape == (5, 32, 32, 3)
