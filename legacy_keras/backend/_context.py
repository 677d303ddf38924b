"""Which of the two executions a ``K`` call belongs to.

A Keras 1 layer is written once against ``K``. Called on PyTensor variables (building
``layer.output``), ``K`` builds a PyTensor graph as Theano did. Called inside a Keras 3
computation (``predict``, ``fit``: :mod:`legacy_keras.engine.executor` replays the
model), ``K`` computes with ``keras.ops`` on the Keras 3 variables.
"""
import contextlib
import threading

_state = threading.local()


def numeric_training():
    """None outside Keras 3 execution; else the Keras 3 ``training`` flag."""
    return getattr(_state, "training", None)


def in_numeric_execution():
    return getattr(_state, "active", False)


@contextlib.contextmanager
def numeric_execution(training):
    previous = (getattr(_state, "active", False), getattr(_state, "training", None))
    _state.active, _state.training = True, bool(training)
    try:
        yield
    finally:
        _state.active, _state.training = previous


@contextlib.contextmanager
def collecting_activity_losses():
    """Collects the activity-regularization penalties of the layers run numerically
    inside the block (Keras 1 added them to the model's loss)."""
    previous = getattr(_state, "activity_losses", None)
    _state.activity_losses = collected = []
    try:
        yield collected
    finally:
        _state.activity_losses = previous


def add_activity_losses(losses):
    collected = getattr(_state, "activity_losses", None)
    if collected is not None:
        collected.extend(losses)
