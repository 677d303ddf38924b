"""``keras.datasets.reuters`` (Keras 1.2.2)."""
from legacy_keras.datasets import _files
from legacy_keras.utils.data_utils import get_file  # noqa: F401  (Keras 1.2.2 re-export)
from legacy_keras.datasets._sequences import drop_long, limit_vocabulary, offset_words
from legacy_keras.datasets.imdb import _word_index

_ORIGIN = "https://s3.amazonaws.com/text-datasets/reuters.pkl"
_KERAS3_FILE = "reuters.npz"


def _raw_data(path):
    """``(xs, labels)`` as lists, from Keras 1's pickle or Keras 3's ``reuters.npz``."""
    if path == "reuters.pkl" and not _files.cached(path) and _files.cached(_KERAS3_FILE):
        arrays = _files.load_npz(_files.cached(_KERAS3_FILE))
        return [list(x) for x in arrays["x"]], arrays["y"].tolist()
    path = _files.fetch(path, _ORIGIN, keras3_names=(_KERAS3_FILE,))
    return _files.load_pickle(path, encoding="bytes")


def load_data(path="reuters.pkl", nb_words=None, skip_top=0, maxlen=None, test_split=0.2,
              seed=113, start_char=1, oov_char=2, index_from=3):
    """``(x_train, y_train), (x_test, y_test)`` of the Reuters newswires, as Keras 1.2.2:
    Python lists (not arrays), shuffled with ``np.random.seed(seed)``, the last
    ``test_split`` fraction for testing; words processed as in
    :func:`legacy_keras.datasets.imdb.load_data`."""
    xs, labels = _raw_data(path)
    xs = _files.shuffled(list(xs), seed)
    labels = _files.shuffled(list(labels), seed)
    xs = offset_words(xs, start_char, index_from)
    xs, labels = drop_long(xs, labels, maxlen)
    xs = limit_vocabulary(xs, nb_words, skip_top, oov_char)
    split = int(len(xs) * (1 - test_split))
    return (xs[:split], labels[:split]), (xs[split:], labels[split:])


def get_word_index(path="reuters_word_index.pkl"):
    """``{word: rank}`` (from Keras 1's pickle, or Keras 3's ``reuters_word_index.json``)."""
    return _word_index(path, "https://s3.amazonaws.com/text-datasets/reuters_word_index.pkl",
                       None, "reuters_word_index.json")
