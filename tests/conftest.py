import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import pytest


@pytest.fixture(autouse=True)
def fresh_keras1_session():
    """Each test starts with Keras 1's per-process naming counters at zero."""
    from legacy_keras.backend import common

    common.reset_uids()
    yield
