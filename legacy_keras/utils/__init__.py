"""``keras.utils`` (Keras 1.2.2)."""
from legacy_keras.utils import generic_utils  # noqa: F401
from legacy_keras.utils import data_utils, io_utils, np_utils  # noqa: F401
