"""The execution context: which of the two executions a ``K`` call belongs to.

A Keras 1 layer is written once against ``K``. Called on PyTensor variables (building
``layer.output``), ``K`` builds a PyTensor graph as Theano did. Called inside a Keras 3
computation (``predict``, ``fit``: :mod:`legacy_keras.engine.executor` replays the
model), ``K`` computes with ``keras.ops`` on the Keras 3 variables.
:mod:`legacy_keras.backend.dispatch` asks :func:`in_numeric_execution` to pick the form.

The module imports nothing of legacy_keras: the Theano facade (``theano.bound``) and
the backend both read it, and it sits below both (reached as
``legacy_keras.backend._context`` too).
"""
import contextlib
import sys
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


# -- the training step's gradients --------------------------------------------------------
@contextlib.contextmanager
def recording_gradients(tape):
    """Inside a Keras 3 training step: ``K.gradients`` (and so an optimizer's
    ``get_gradients``) answers from ``tape``, the step's ``tf.GradientTape``."""
    previous = getattr(_state, "tape", None)
    _state.tape = tape
    try:
        yield
    finally:
        _state.tape = previous


def gradient_tape():
    """The active training step's ``tf.GradientTape``, or None."""
    return getattr(_state, "tape", None)


# -- variables born while a Keras 3 step is traced -------------------------------------------
class VariableBirths(object):
    """The variables that ``K.variable`` (``K.zeros``, ...) created while one compiled
    step ran, by where they were created.

    Keras 1 ran a custom optimizer's ``get_updates`` (and a layer's ``call``) once, when it
    built the training function; what they created there (moments, a previous-loss
    variable, scratch matrices) existed once. A Keras 3 step is Python that TensorFlow may
    trace more than once; at each trace the code runs again and asks for its variables
    again. A request is identified by its call site (the Python stack up to the step)
    with its shape and dtype, and by how many requests that site made before in this run:
    the same request in a later run gets the variable the first run created, so the
    optimizer's state carries on instead of starting over. (Code that creates its
    variables only once, such as the built-in optimizers' slots, simply asks no more.)
    """

    def __init__(self):
        self.born = {}
        self.seen = {}

    def start(self):
        self.seen = {}

    def request(self, shape, dtype):
        """(key, the variable created for this request by an earlier run or None)."""
        site = _call_site()
        base = (site, tuple(shape), str(dtype))
        count = self.seen.get(base, 0)
        self.seen[base] = count + 1
        key = base + (count,)
        return key, self.born.get(key)

    def add(self, key, variable):
        self.born[key] = variable


def _call_site():
    """(file, line) of every frame from the caller of ``K.variable`` up to the compiled
    step (the frames above it differ between the calls that trigger a trace)."""
    frame = sys._getframe(2)
    site = []
    while frame is not None and len(site) < 40:
        code = frame.f_code
        if code.co_name in _STEP_FUNCTIONS and code.co_filename.endswith(_EXECUTOR):
            break
        site.append((code.co_filename, frame.f_lineno))
        frame = frame.f_back
    return tuple(site)


_EXECUTOR = "executor.py"
_STEP_FUNCTIONS = ("_train_step", "_test_step", "call")


@contextlib.contextmanager
def variable_births(births):
    """Runs one compiled step: ``K.variable`` calls inside reuse ``births`` in order."""
    previous = getattr(_state, "births", None)
    _state.births = births
    births.start()
    try:
        yield
    finally:
        _state.births = previous


def current_births():
    return getattr(_state, "births", None)


# -- the values a Keras 3 step computed for the symbolic graph's Keras tensors -------------
@contextlib.contextmanager
def recording_numeric_values():
    """Inside a Keras 3 step: remembers the value computed for each Keras tensor of the
    symbolic graph (see :mod:`legacy_keras.engine.theano_bridge`)."""
    previous = getattr(_state, "numeric_values", None)
    _state.numeric_values = recorded = {}
    try:
        yield recorded
    finally:
        _state.numeric_values = previous


def note_numeric_values(symbolic, numeric):
    """Records that the Keras tensors ``symbolic`` have the values ``numeric`` here."""
    recorded = getattr(_state, "numeric_values", None)
    if recorded is not None:
        for s, n in zip(symbolic, numeric):
            recorded[id(s)] = (s, n)


def numeric_values():
    return getattr(_state, "numeric_values", None)


@contextlib.contextmanager
def symbolic_building():
    """Leaves numeric execution for a while: ``K`` builds PyTensor graphs again."""
    previous = (getattr(_state, "active", False), getattr(_state, "training", None))
    _state.active, _state.training = False, None
    try:
        yield
    finally:
        _state.active, _state.training = previous


# -- random regularizers (dropout, Gaussian noise) on or off ---------------------------------
_RANDOM_REGULARIZERS = {"enabled": True}


def random_regularizers_enabled():
    """False while random regularizers are switched off (see :func:`set_random_regularizers`)."""
    return _RANDOM_REGULARIZERS["enabled"]


def set_random_regularizers(enabled):
    """Switches every random regularizer on (the default) or off, for the whole process.

    Off, Keras 3 execution (``predict``, ``fit``, ``evaluate``) computes Keras 1's
    Dropout, SpatialDropout*, the recurrent layers' ``dropout_W`` / ``dropout_U``,
    Embedding's word dropout, GaussianNoise and GaussianDropout as the identity, and so
    do plain Keras 3 layers (Dropout, SpatialDropout*, the RNN cells' ``dropout`` /
    ``recurrent_dropout``, GaussianNoise, GaussianDropout, AlphaDropout). The symbolic
    graph is unchanged (``debugprint`` and ``theano.function`` show what Theano built).
    ``legacy-keras compare`` uses it: the two sides' random masks come from different
    generators and cannot be replayed. Keras 1 had no such switch.
    """
    _RANDOM_REGULARIZERS["enabled"] = bool(enabled)
    if not enabled:
        # lazy: heavy (imports Keras 3 / TensorFlow); needed only when switching off.
        from legacy_keras import _k3

        _k3.make_random_regularizers_follow(random_regularizers_enabled)


@contextlib.contextmanager
def random_regularizers_off():
    """``with random_regularizers_off(): ...``: :func:`set_random_regularizers` (False)
    inside the block, the previous setting after it."""
    previous = random_regularizers_enabled()
    set_random_regularizers(False)
    try:
        yield
    finally:
        set_random_regularizers(previous)

