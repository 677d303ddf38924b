"""``keras.datasets.mnist`` (Keras 1.2.2)."""
from legacy_keras.datasets import _files
from legacy_keras.utils.data_utils import get_file  # noqa: F401  (Keras 1.2.2 re-export)

_ORIGIN = "https://s3.amazonaws.com/img-datasets/mnist.pkl.gz"
_KERAS3_FILE = "mnist.npz"


def load_data(path="mnist.pkl.gz"):
    """``(x_train, y_train), (x_test, y_test)``: uint8 images (n, 28, 28), uint8 labels.

    Reads Keras 1's ``mnist.pkl.gz`` from the cache, else Keras 3's ``mnist.npz`` (the
    same arrays), else downloads Keras 1's file.
    """
    if path == "mnist.pkl.gz" and not _files.cached(path) and _files.cached(_KERAS3_FILE):
        arrays = _files.load_npz(_files.cached(_KERAS3_FILE))
        return (arrays["x_train"], arrays["y_train"]), (arrays["x_test"], arrays["y_test"])
    path = _files.fetch(path, _ORIGIN, keras3_names=(_KERAS3_FILE,))
    return _files.load_pickle(path, encoding="bytes")
