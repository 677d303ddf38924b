"""keras.datasets (mnist, cifar10, cifar100, imdb, reuters) and the download behind them
(keras.utils.data_utils.get_file), where the goldens (test_utils_goldens.py) cannot
reach: Keras 3's cached files and layouts next to Keras 1's, downloads (file:// only:
tests never use the network), clear errors offline, pickles that cannot run code."""
import gzip
import os
import pickle
import tarfile
import urllib.error
import zipfile
from urllib.request import urlretrieve as urllib_retrieve

import numpy as np
import pytest

from legacy_keras.datasets import cifar10, cifar100, imdb, mnist, reuters
from legacy_keras.utils import data_utils


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
def test_cifar10_both_orderings(home, set_image_dim_ordering, keras3_layout):
    folder = home / ("cifar-10-batches-py-target/cifar-10-batches-py" if keras3_layout
                     else "cifar-10-batches-py")
    folder.mkdir(parents=True)
    rng = np.random.RandomState(1)
    batches = [_write_cifar_batch(folder / ("data_batch_%d" % i), 2, rng) for i in range(1, 6)]
    test = _write_cifar_batch(folder / "test_batch", 3, rng)
    set_image_dim_ordering("th")
    (x_train, y_train), (x_test, y_test) = cifar10.load_data()
    assert x_train.shape == (10, 3, 32, 32) and x_train.dtype == np.uint8
    assert y_train.shape == (10, 1) and y_train.dtype == np.uint8
    assert y_test.shape == (3, 1) and y_test.dtype == np.int64
    np.testing.assert_array_equal(x_train[2].ravel(), batches[1][b"data"][0])
    np.testing.assert_array_equal(y_test[:, 0], test[b"labels"])
    set_image_dim_ordering("tf")
    (x_tf, _), (x_test_tf, _) = cifar10.load_data()
    assert x_tf.shape == (10, 32, 32, 3)
    np.testing.assert_array_equal(x_tf, x_train.transpose(0, 2, 3, 1))


def test_cifar100_from_keras3_layout(home, set_image_dim_ordering):
    folder = home / "cifar-100-python-target" / "cifar-100-python"
    folder.mkdir(parents=True)
    rng = np.random.RandomState(2)
    keys = (b"fine_labels", b"coarse_labels")
    train = _write_cifar_batch(folder / "train", 3, rng, keys)
    _write_cifar_batch(folder / "test", 2, rng, keys)
    set_image_dim_ordering("th")
    (x_train, y_train), _ = cifar100.load_data("coarse")
    assert x_train.shape == (3, 3, 32, 32)
    np.testing.assert_array_equal(y_train[:, 0], train[b"coarse_labels"])
    with pytest.raises(ValueError, match="label_mode"):
        cifar100.load_data("medium")


def test_cifar10_under_keras_1_0_is_channels_first_whatever_the_ordering(
        home, set_image_dim_ordering):
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
        set_image_dim_ordering("tf")
        (x_train, _), _ = cifar10.load_data()
        assert x_train.shape == (5, 3, 32, 32)
    finally:
        profiles.activate(profiles.DEFAULT_VERSION)
    set_image_dim_ordering("tf")
    (x_train, _), _ = cifar10.load_data()
    assert x_train.shape == (5, 32, 32, 3)


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
