"""``keras.datasets.cifar100`` (Keras 1.2.2)."""
from legacy_keras.utils.data_utils import get_file  # noqa: F401  (Keras 1.2.2 re-export)
from legacy_keras.datasets.cifar import as_keras1_arrays, batch_path, find_folder, load_batch

_ORIGIN = "http://www.cs.toronto.edu/~kriz/cifar-100-python.tar.gz"


def load_data(label_mode="fine"):
    """``(x_train, y_train), (x_test, y_test)`` of CIFAR-100 with 'fine' or 'coarse'
    labels (int64 (n, 1)); images channels-first under 'th', channels-last under 'tf'."""
    if label_mode not in ["fine", "coarse"]:
        raise ValueError('label_mode must be one of "fine" "coarse".')
    folder = find_folder("cifar-100-python", _ORIGIN)
    x_train, y_train = load_batch(batch_path(folder, "train"), label_key=label_mode + "_labels")
    x_test, y_test = load_batch(batch_path(folder, "test"), label_key=label_mode + "_labels")
    return as_keras1_arrays(x_train, y_train, x_test, y_test)
