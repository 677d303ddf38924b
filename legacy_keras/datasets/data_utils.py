"""``keras.datasets.data_utils`` (Keras 1.0-1.1; removed in 1.2): ``get_file`` and the
rest of :mod:`keras.utils.data_utils`, with the warning those releases gave on import."""
import warnings

from legacy_keras.utils.data_utils import *  # noqa: F401,F403
from legacy_keras.utils.data_utils import get_file  # noqa: F401

warnings.warn("data_utils has been moved to keras.utils.data_utils.")
