"""``keras.datasets.cifar10`` (Keras 1.2.2)."""
import numpy as np

from legacy_keras.utils.data_utils import get_file  # noqa: F401  (Keras 1.2.2 re-export)
from legacy_keras.datasets.cifar import as_keras1_arrays, batch_path, find_folder, load_batch

_ORIGIN = "http://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz"


def load_data():
    """``(x_train, y_train), (x_test, y_test)`` of CIFAR-10, as Keras 1.2.2 gave them:
    uint8 images (n, 3, 32, 32) under 'th', (n, 32, 32, 3) under 'tf'; ``y_train``
    uint8 (n, 1), ``y_test`` int64 (n, 1) (built from the pickled list).

    The five training batches are concatenated (Keras 1 assumed 10000 images each).
    """
    folder = find_folder("cifar-10-batches-py", _ORIGIN)
    batches = [load_batch(batch_path(folder, "data_batch_%d" % i)) for i in range(1, 6)]
    x_train = np.concatenate([data for data, _ in batches]).astype("uint8")
    y_train = np.concatenate([np.asarray(labels) for _, labels in batches]).astype("uint8")
    x_test, y_test = load_batch(batch_path(folder, "test_batch"))
    return as_keras1_arrays(x_train, y_train, x_test, y_test)
