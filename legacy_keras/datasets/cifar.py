"""CIFAR batch files (Keras 1.2.2's ``keras.datasets.cifar``)."""
import os

import numpy as np

from legacy_keras import backend as K
from legacy_keras import profiles
from legacy_keras.datasets import _files


def load_batch(fpath, label_key="labels"):
    """``(data, labels)`` of one CIFAR batch: uint8 data (n, 3, 32, 32), labels a list."""
    batch = _files.load_pickle(fpath, encoding="bytes")
    batch = {(k.decode("utf8") if isinstance(k, bytes) else k): v for k, v in batch.items()}
    data = batch["data"]
    return data.reshape(data.shape[0], 3, 32, 32), batch[label_key]


def find_folder(dirname, origin):
    """The extracted CIFAR folder: Keras 1's ``datasets/<dirname>``, Keras 3's
    ``datasets/<dirname>-target/<dirname>``, else downloaded and untarred (Keras 1)."""
    found = _files.cached(dirname, dirname + "-target/" + dirname)
    if found:
        return found
    return _files.fetch(dirname, origin, keras3_names=(dirname + "-target",), untar=True)


def as_keras1_arrays(x_train, y_train, x_test, y_test):
    """Labels as (n, 1) columns; images channels-last when ``image_dim_ordering`` is 'tf'
    (from Keras 1.1.0; 1.0.x always returned channels first: profile switch
    ``cifar_follows_dim_ordering``)."""
    y_train = np.reshape(y_train, (len(y_train), 1))
    y_test = np.reshape(y_test, (len(y_test), 1))
    if K.image_dim_ordering() == "tf" and profiles.switch("cifar_follows_dim_ordering"):
        x_train = x_train.transpose(0, 2, 3, 1)
        x_test = x_test.transpose(0, 2, 3, 1)
    return (x_train, y_train), (x_test, y_test)


def batch_path(folder, name):
    return os.path.join(folder, name)
