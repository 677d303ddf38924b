"""``keras.datasets.imdb`` (Keras 1.2.2)."""
import json

import numpy as np

from legacy_keras.datasets import _files
from legacy_keras.utils.data_utils import get_file  # noqa: F401  (Keras 1.2.2 re-export)
from legacy_keras.datasets._sequences import drop_long, limit_vocabulary, offset_words

_ORIGIN = "https://s3.amazonaws.com/text-datasets/imdb_full.pkl"
_MD5 = "d091312047c43cf9e4e38fef92437263"
_KERAS3_FILE = "imdb.npz"


def _raw_data(path):
    """``(x_train, labels_train), (x_test, labels_test)`` as lists, from Keras 1's
    pickle or, when only it is cached, Keras 3's ``imdb.npz`` (the same reviews and
    word ranks)."""
    if path == "imdb_full.pkl" and not _files.cached(path) and _files.cached(_KERAS3_FILE):
        arrays = _files.load_npz(_files.cached(_KERAS3_FILE))
        return ((list(arrays["x_train"]), arrays["y_train"].tolist()),
                (list(arrays["x_test"]), arrays["y_test"].tolist()))
    path = _files.fetch(path, _ORIGIN, keras3_names=(_KERAS3_FILE,), md5_hash=_MD5)
    return _files.load_pickle(path, encoding="bytes")


def load_data(path="imdb_full.pkl", nb_words=None, skip_top=0, maxlen=None, seed=113,
              start_char=1, oov_char=2, index_from=3):
    """``(x_train, y_train), (x_test, y_test)`` of the IMDB reviews, as Keras 1.2.2.

    Training and test sets are shuffled with ``np.random.seed(seed)`` and
    ``np.random.seed(seed * 2)`` (NumPy's global generator is left seeded), words
    shifted by ``index_from`` after ``start_char``, sequences of ``maxlen`` words or
    more dropped, words outside ``[skip_top, nb_words)`` replaced by ``oov_char``.
    ``x_*`` are arrays of lists (object arrays), ``y_*`` int arrays.

    # Raises
        ValueError: ``maxlen`` so low that no sequence is kept.
    """
    (x_train, labels_train), (x_test, labels_test) = _raw_data(path)
    x_train = _files.shuffled(list(x_train), seed)
    labels_train = _files.shuffled(list(labels_train), seed)
    x_test = _files.shuffled(list(x_test), seed * 2)
    labels_test = _files.shuffled(list(labels_test), seed * 2)

    xs = offset_words(x_train + x_test, start_char, index_from)
    labels = labels_train + labels_test
    xs, labels = drop_long(xs, labels, maxlen)
    if not xs:
        raise ValueError("After filtering for sequences shorter than maxlen=" + str(maxlen) +
                         ", no sequence was kept. Increase maxlen.")
    xs = limit_vocabulary(xs, nb_words, skip_top, oov_char)

    n_train = len(x_train)
    return ((_files.keras1_array(xs[:n_train]), np.array(labels[:n_train])),
            (_files.keras1_array(xs[n_train:]), np.array(labels[n_train:])))


def get_word_index(path="imdb_word_index.pkl"):
    """``{word: rank}`` (from Keras 1's pickle, or Keras 3's ``imdb_word_index.json``)."""
    return _word_index(path, "https://s3.amazonaws.com/text-datasets/imdb_word_index.pkl",
                       "72d94b01291be4ff843198d3b0e1e4d7", "imdb_word_index.json")


def _word_index(path, origin, md5_hash, keras3_json):
    default = path == origin.rsplit("/", 1)[1]
    if default and not _files.cached(path) and _files.cached(keras3_json):
        with open(_files.cached(keras3_json)) as f:
            return json.load(f)
    path = _files.fetch(path, origin, keras3_names=(keras3_json,), md5_hash=md5_hash)
    return _files.load_pickle(path, encoding="latin1")
