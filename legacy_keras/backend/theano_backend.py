"""Keras 1.2.2's Theano backend (``K``), on PyTensor and Keras 3 at once.

Every computing function is declared with :func:`.dispatch.symbolic_and_numeric`: its
symbolic form takes PyTensor variables (``layer.output``, ``K.placeholder``, weights)
and builds the graph Theano 1.0.5 built; its numeric form runs inside a Keras 3
computation (:mod:`._context`) on Keras 3 tensors and variables with ``keras.ops``.
The dispatcher picks the form per call and unwraps weights
(:class:`BoundSharedVariable`) to their Keras 3 variable for the numeric one.
Convolution, pooling, padding and ``rnn`` live in :mod:`.theano_conv_rnn` (re-exported
here; that module does not import this one).
"""
import builtins

import numpy as np
import pytensor
import pytensor.tensor as T
from pytensor.gradient import DisconnectedInputError as _DisconnectedInputError
from pytensor.gradient import disconnected_grad as _disconnected_grad
from pytensor.ifelse import ifelse
from pytensor.scan.views import foldl as _theano_foldl
from pytensor.scan.views import foldr as _theano_foldr

from legacy_keras import _k3, profiles
from legacy_keras._k3 import keras, ops
from legacy_keras._context import gradient_tape, in_numeric_execution, numeric_training  # noqa: F401
from legacy_keras._context import random_regularizers_enabled as _random_regularizers_enabled
from legacy_keras.backend.common import epsilon, floatx, image_dim_ordering  # noqa: F401
from legacy_keras.backend.dispatch import is_numeric, unwrap  # noqa: F401
from legacy_keras.backend.dispatch import symbolic_and_numeric as _symbolic_and_numeric
from legacy_keras.backend.theano_conv_rnn import (  # noqa: F401
    asymmetric_spatial_2d_padding, asymmetric_temporal_padding, atrous_conv2d, conv1d,
    conv2d, conv3d, deconv2d, pool2d, pool3d, resize_images, resize_volumes, rnn,
    separable_conv2d, spatial_2d_padding, spatial_3d_padding, temporal_padding)
from legacy_keras.theano import tensor as theano_tensor
from legacy_keras.theano.bound import (BoundSharedVariable, eager_scope,  # noqa: F401
                                       is_modern_tensor, new_bound_variable)
from legacy_keras.theano.compile import function as _theano_function
from legacy_keras.theano.gradient import grad as _theano_grad
from legacy_keras.theano.printing import Print as _Print
from legacy_keras.theano.sandbox.rng_mrg import MRG_RandomStreams as _MRG_RandomStreams
from legacy_keras.theano.tensor import bn as _bn
from legacy_keras.theano.tensor import nnet as nnet_ops
from legacy_keras.theano.tensor.rebroadcast import patternbroadcast as _patternbroadcast
import legacy_keras.theano.tensor.theano_graphs as theano_graphs


# -- variables and placeholders ---------------------------------------------------------
def _keras3_name(name):
    return (name or "variable").replace("/", "_")


def variable(value, dtype=None, name=None):
    """A weight: a ``keras.Variable`` holding ``value`` cast to ``dtype`` (floatx), seen
    from Keras 1 code as a Theano shared variable named ``name``.

    Called while a Keras 3 step is traced (a custom optimizer's ``get_updates``, a layer
    creating a scratch variable in ``call``), the variable is created outside the traced
    graph, as Keras 1 created it once while building its Theano function; a later trace of
    the same step gets the same variable back (``_context.VariableBirths``)."""
    dtype = dtype or floatx()
    with eager_scope():
        value = np.asarray(unwrap(value), dtype=dtype)
    shared = new_bound_variable(value, dtype, _keras3_name(name), name)
    shared._keras_shape = value.shape
    shared._uses_learning_phase = False
    return shared


def placeholder(shape=None, ndim=None, dtype=None, sparse=False, name=None):
    """A symbolic input: a PyTensor tensor with every dimension non-broadcastable."""
    if sparse:
        raise NotImplementedError("K.placeholder(sparse=True) is not supported by legacy_keras; "
                                  "see migration_guide.md.")
    dtype = dtype or floatx()
    if shape is None and ndim is None:
        raise ValueError("Specify either a shape or ndim value.")
    if shape is not None:
        ndim = len(shape)
    else:
        shape = tuple([None] * ndim)
    x = T.TensorType(dtype, shape=(None,) * ndim)(name)
    x._keras_shape = tuple(shape)
    x._uses_learning_phase = False
    return x


@_symbolic_and_numeric(symbolic=lambda x: x.shape, numeric=ops.shape)
def shape(x):
    """The symbolic shape of ``x`` (Theano's ``x.shape``; Keras 3's ``ops.shape``)."""


@_symbolic_and_numeric()
def int_shape(x):
    """The Keras shape of a Keras tensor or variable; Keras 1.2.2's Theano backend raised
    ``Exception('Not a Keras tensor:', x)`` for anything else (a plain ``T.matrix``)."""


@int_shape.symbolic
def _(x):
    if hasattr(x, "_keras_shape"):
        return x._keras_shape
    raise Exception("Not a Keras tensor:", x)


@int_shape.numeric
def _(x):
    return x._keras_shape if hasattr(x, "_keras_shape") else tuple(x.shape)


@_symbolic_and_numeric(symbolic=lambda x: x.ndim, numeric=lambda x: len(x.shape))
def ndim(x):
    """The number of axes of ``x``."""


@_symbolic_and_numeric(symbolic=lambda x: x.dtype,
                      numeric=lambda x: keras.backend.standardize_dtype(x.dtype))
def dtype(x):
    """The dtype of ``x`` as a string ('float32')."""


def eval(x):
    """The value of ``x`` (a variable, or an expression with no inputs but weights),
    computed on the current Keras 3 values of the weights it reads."""
    if isinstance(x, BoundSharedVariable):
        return x.get_value()
    return _evaluated(x)


@_symbolic_and_numeric(numeric=keras.ops.convert_to_numpy)
def _evaluated(x):
    """The value of an expression: PyTensor compiles it; Keras 3 converts it."""


@_evaluated.symbolic
def _(x):
    return _theano_function([], x)()


def zeros(shape, dtype=None, name=None):
    return variable(np.zeros(shape), dtype or floatx(), name)


def ones(shape, dtype=None, name=None):
    return variable(np.ones(shape), dtype or floatx(), name)


def eye(size, dtype=None, name=None):
    return variable(np.eye(size), dtype or floatx(), name)


def random_uniform_variable(shape, low, high, dtype=None, name=None):
    """Draws from NumPy's global generator, as Keras 1.2.2 did (float64, then cast)."""
    return variable(np.random.uniform(low=low, high=high, size=shape), dtype=dtype, name=name)


def random_normal_variable(shape, mean, scale, dtype=None, name=None):
    """Keras 1.2.2 ignored ``mean`` here (it drew with loc=0.0); so does legacy_keras."""
    return variable(np.random.normal(loc=0.0, scale=scale, size=shape), dtype=dtype, name=name)


def count_params(x):
    """The number of scalars in ``x``: an ``np.int64``, as Keras 1.2.2's ``np.prod``."""
    return np.prod(get_value(x).shape, dtype=np.int64)


def get_value(x):
    if isinstance(x, BoundSharedVariable):
        return x.get_value()
    if isinstance(x, keras.Variable):
        return np.array(x.numpy())
    if hasattr(x, "get_value"):
        return x.get_value()
    raise TypeError("get_value() can only be called on a variable. If you have an "
                    "expression instead, use eval().")


def batch_get_value(xs):
    return [get_value(x) for x in xs]


def set_value(x, value):
    """Assigns at once (eagerly). Keras 1 cast ``value`` to the variable's dtype."""
    if isinstance(x, BoundSharedVariable):
        x.set_value(np.asarray(value, dtype=x.dtype))
    elif isinstance(x, keras.Variable):
        x.assign(np.asarray(value, dtype=x.dtype))
    else:
        x.set_value(np.asarray(value, dtype=x.dtype))


def batch_set_value(tuples):
    for x, value in tuples:
        set_value(x, value)


# -- learning phase ---------------------------------------------------------------------
_LEARNING_PHASE = T.scalar(dtype="uint8", name="keras_learning_phase")
_FIXED_LEARNING_PHASE = []


@_symbolic_and_numeric(context_only=True, numeric=lambda: int(numeric_training()))
def learning_phase():
    """0 = test, 1 = train. Symbolically a uint8 scalar input, as in Keras 1; inside Keras 3
    execution, the ``training`` flag of the running step; after
    :func:`set_learning_phase`, that fixed int."""


@learning_phase.symbolic
def _():
    if _FIXED_LEARNING_PHASE:
        return _FIXED_LEARNING_PHASE[0]
    return _LEARNING_PHASE


def set_learning_phase(value):
    """Fixes the learning phase to 0 (test) or 1 (train) for graphs built afterwards
    (``in_train_phase`` then picks one branch, with no ``if{}``), as Keras 1.2.2 did."""
    if value not in {0, 1}:
        raise ValueError("Expected learning phase to be 0 or 1.")
    _FIXED_LEARNING_PHASE[:] = [value]


def _called(branch):
    return branch() if callable(branch) else branch


@_symbolic_and_numeric(context_only=True)
def in_train_phase(x, alt):
    """``x`` in training, ``alt`` in test. Symbolically Theano's ``ifelse`` on the learning
    phase (printed ``if{}``), as Keras 1.2.2; either may be a callable (called first).
    In Keras 3 execution only the branch of the running step is computed."""


@in_train_phase.numeric
def _(x, alt):
    return _called(x if numeric_training() else alt)


@in_train_phase.symbolic
def _(x, alt):
    if _FIXED_LEARNING_PHASE:
        return _called(x if _FIXED_LEARNING_PHASE[0] == 1 else alt)
    x, alt = _called(x), _called(alt)
    if x is alt:
        return x
    out = ifelse(_LEARNING_PHASE, x, alt)
    out._uses_learning_phase = True
    return out


def in_test_phase(x, alt):
    return in_train_phase(alt, x)


# -- elementwise and reductions ------------------------------------------------------------
@_symbolic_and_numeric(symbolic=T.cast, numeric=ops.cast)
def cast(x, dtype):
    """``x`` converted to ``dtype``."""


@_symbolic_and_numeric("x", "y", symbolic=theano_graphs.dot)
def dot(x, y):
    """Theano's ``T.dot``: matrix product on the last axis of x and first of y."""


@dot.numeric
def _(x, y):
    if len(y.shape) <= 2:
        return ops.matmul(x, y)
    return ops.tensordot(x, y, axes=[[len(x.shape) - 1], [len(y.shape) - 2]])


@_symbolic_and_numeric(symbolic=T.transpose, numeric=ops.transpose)
def transpose(x):
    """``x`` with its axes reversed."""


def _keywords(reduction):
    """``reduction(x, axis=..., keepdims=...)`` called with Keras 1's positional order."""
    def form(x, axis=None, keepdims=False):
        return reduction(x, axis=axis, keepdims=keepdims)

    return form


@_symbolic_and_numeric(symbolic=_keywords(theano_graphs.theano_max), numeric=_keywords(ops.max))
def max(x, axis=None, keepdims=False):
    """Maximum over ``axis`` (Theano's ``MaxAndArgmax``)."""


@_symbolic_and_numeric(symbolic=_keywords(T.min), numeric=_keywords(ops.min))
def min(x, axis=None, keepdims=False):
    """Minimum over ``axis``."""


@_symbolic_and_numeric(symbolic=_keywords(T.sum), numeric=_keywords(ops.sum))
def sum(x, axis=None, keepdims=False):
    """Sum over ``axis``."""


@_symbolic_and_numeric(symbolic=_keywords(T.prod), numeric=_keywords(ops.prod))
def prod(x, axis=None, keepdims=False):
    """Product over ``axis``."""


@_symbolic_and_numeric(numeric=_keywords(ops.mean))
def mean(x, axis=None, keepdims=False):
    """Mean over ``axis``; of an integer tensor, in floatx (Keras 1.2.2)."""


@mean.symbolic
def _(x, axis=None, keepdims=False):
    dtype = floatx() if "int" in x.dtype else None
    return theano_tensor.mean(x, axis=axis, keepdims=keepdims, dtype=dtype)


@_symbolic_and_numeric(symbolic=_keywords(theano_tensor.std), numeric=_keywords(ops.std))
def std(x, axis=None, keepdims=False):
    """Standard deviation over ``axis``."""


@_symbolic_and_numeric(symbolic=_keywords(theano_tensor.var), numeric=_keywords(ops.var))
def var(x, axis=None, keepdims=False):
    """Variance over ``axis``."""


@_symbolic_and_numeric(symbolic=lambda x, axis=-1: T.argmax(x, axis=axis, keepdims=False),
                      numeric=lambda x, axis=-1: ops.argmax(x, axis=axis))
def argmax(x, axis=-1):
    """Index of the maximum along ``axis``."""


@_symbolic_and_numeric(symbolic=lambda x, axis=-1: T.argmin(x, axis=axis, keepdims=False),
                      numeric=lambda x, axis=-1: ops.argmin(x, axis=axis))
def argmin(x, axis=-1):
    """Index of the minimum along ``axis``."""


@_symbolic_and_numeric(symbolic=T.sqr, numeric=ops.square)
def square(x):
    """Elementwise ``x ** 2``."""


@_symbolic_and_numeric(symbolic=T.abs, numeric=ops.absolute)
def abs(x):
    """Elementwise absolute value."""


@_symbolic_and_numeric(symbolic=T.exp, numeric=ops.exp)
def exp(x):
    """Elementwise exponential."""


@_symbolic_and_numeric(symbolic=T.log, numeric=ops.log)
def log(x):
    """Elementwise natural logarithm."""


@_symbolic_and_numeric(symbolic=lambda x: T.round(x, mode="half_to_even"), numeric=ops.round)
def round(x):
    """Elementwise rounding, halves to even (Theano's ``half_to_even``)."""


@_symbolic_and_numeric(symbolic=T.sgn, numeric=ops.sign)
def sign(x):
    """Elementwise sign."""


@_symbolic_and_numeric(symbolic=T.sin, numeric=ops.sin)
def sin(x):
    """Elementwise sine."""


@_symbolic_and_numeric(symbolic=T.cos, numeric=ops.cos)
def cos(x):
    """Elementwise cosine."""


@_symbolic_and_numeric(symbolic=lambda x: T.sqrt(T.clip(x, 0.0, np.inf)),
                      numeric=lambda x: ops.sqrt(ops.clip(x, 0.0, np.inf)))
def sqrt(x):
    """Elementwise square root of ``x`` clipped at 0 (Keras 1.2.2)."""


@_symbolic_and_numeric(symbolic=T.pow, numeric=ops.power)
def pow(x, a):
    """Elementwise ``x ** a``."""


def _clip_bounds(min_value, max_value):
    """Keras 1's bounds: ``None`` is no bound on that side; max below min becomes min."""
    if max_value is not None and min_value is not None and max_value < min_value:
        max_value = min_value
    min_value = -np.inf if min_value is None else min_value
    max_value = np.inf if max_value is None else max_value
    return min_value, max_value


@_symbolic_and_numeric(symbolic=lambda x, lo, hi: T.clip(x, *_clip_bounds(lo, hi)),
                      numeric=lambda x, lo, hi: ops.clip(x, *_clip_bounds(lo, hi)))
def clip(x, min_value, max_value):
    """Elementwise clipping; Keras 1 allowed ``None`` for either bound (no bound on that
    side)."""


@_symbolic_and_numeric("x", "y", symbolic=T.eq, numeric=ops.equal)
def equal(x, y):
    """Elementwise ``x == y``."""


@_symbolic_and_numeric("x", "y", symbolic=T.neq, numeric=ops.not_equal)
def not_equal(x, y):
    """Elementwise ``x != y``."""


@_symbolic_and_numeric("x", "y", symbolic=T.gt, numeric=ops.greater)
def greater(x, y):
    """Elementwise ``x > y``."""


@_symbolic_and_numeric("x", "y", symbolic=T.ge, numeric=ops.greater_equal)
def greater_equal(x, y):
    """Elementwise ``x >= y``."""


@_symbolic_and_numeric("x", "y", symbolic=T.lt, numeric=ops.less)
def lesser(x, y):
    """Elementwise ``x < y``."""


@_symbolic_and_numeric("x", "y", symbolic=T.le, numeric=ops.less_equal)
def lesser_equal(x, y):
    """Elementwise ``x <= y``."""


@_symbolic_and_numeric("x", "y", symbolic=T.maximum, numeric=ops.maximum)
def maximum(x, y):
    """Elementwise maximum."""


@_symbolic_and_numeric("x", "y", symbolic=T.minimum, numeric=ops.minimum)
def minimum(x, y):
    """Elementwise minimum."""


def switch(condition, then_expression, else_expression):
    """Elementwise choice; either branch may be a callable returning a tensor (Keras 1)."""
    return _elementwise_choice(condition, _called(then_expression), _called(else_expression))


@_symbolic_and_numeric("condition", "then_expression", "else_expression",
                      symbolic=T.switch, numeric=ops.where)
def _elementwise_choice(condition, then_expression, else_expression):
    """``switch`` once its branches are tensors."""


# -- shapes -------------------------------------------------------------------------------
@_symbolic_and_numeric("tensors")
def concatenate(tensors, axis=-1):
    """The tensors joined along ``axis``."""


@concatenate.symbolic
def _(tensors, axis=-1):
    return T.concatenate(list(tensors), axis=axis)


@concatenate.numeric
def _(tensors, axis=-1):
    return ops.concatenate(list(tensors), axis=axis)


@_symbolic_and_numeric(numeric=ops.reshape)
def reshape(x, shape):
    """``T.reshape``. Keras 1.2.2 gave the result a ``_keras_shape`` equal to ``shape``
    itself (``-1`` included) when every entry was an int or None, so that a layer could
    be called on it directly (no Keras history: the layer's ``call`` ran on it)."""


@reshape.symbolic
def _(x, shape):
    y = T.reshape(x, shape)
    if _is_explicit_shape(shape):
        y._keras_shape = shape
        y._uses_learning_phase = getattr(x, "_uses_learning_phase", False)
    return y


def _is_explicit_shape(shape):
    """Keras 1.2.2's test: an iterable whose entries are ints or None."""
    if hasattr(shape, "__iter__"):
        return builtins.all(v is None or isinstance(v, int) for v in shape)
    return False


@_symbolic_and_numeric(symbolic=lambda x, pattern: x.dimshuffle(pattern), numeric=ops.transpose)
def permute_dimensions(x, pattern):
    """``x`` with its axes in the order ``pattern`` (Theano's ``dimshuffle``)."""


@_symbolic_and_numeric(numeric=ops.expand_dims)
def expand_dims(x, dim=-1):
    """``x`` with a new axis of length 1 at ``dim``."""


@expand_dims.symbolic
def _(x, dim=-1):
    pattern = [i for i in range(x.type.ndim)]
    if dim < 0:
        dim = x.type.ndim + 1 + dim
    pattern.insert(dim, "x")
    return x.dimshuffle(pattern)


@_symbolic_and_numeric(numeric=ops.squeeze)
def squeeze(x, axis):
    """Keras 1.2.2 squeezed by reshaping to the shape without ``axis`` (a ``Reshape``
    of a ``MakeVector`` of ``x.shape[i]`` in the graph)."""


@squeeze.symbolic
def _(x, axis):
    whole = x.shape
    shape = [whole[i] for i in range(x.ndim)]
    shape.pop(axis)
    return T.reshape(x, tuple(shape))


@_symbolic_and_numeric(symbolic=T.flatten, numeric=lambda x: ops.reshape(x, (-1,)))
def flatten(x):
    """``x`` as one axis."""


@_symbolic_and_numeric(
    symbolic=lambda x: T.reshape(x, (x.shape[0], T.prod(x.shape) // x.shape[0])),
    numeric=lambda x: ops.reshape(x, (ops.shape(x)[0], -1)))
def batch_flatten(x):
    """``x`` as (samples, everything else)."""


# -- activations (Theano 1.0's graphs; Keras 1's numbers) ------------------------------------
@_symbolic_and_numeric()
def relu(x, alpha=0.0, max_value=None):
    """max(x, 0), ``alpha * x`` below 0 (leaky), capped at ``max_value``."""


@relu.symbolic
def _(x, alpha=0.0, max_value=None):
    out = nnet_ops.relu(x, alpha)
    return out if max_value is None else T.minimum(out, max_value)


@relu.numeric
def _(x, alpha=0.0, max_value=None):
    alpha, max_value = unwrap(alpha), unwrap(max_value)
    if isinstance(alpha, (int, float)) and alpha == 0:
        out = ops.relu(x)
    else:
        out = ops.where(x > 0, x, alpha * x)
    return out if max_value is None else ops.minimum(out, max_value)


@_symbolic_and_numeric(symbolic=nnet_ops.elu,
                      numeric=lambda x, alpha=1.0: ops.where(x > 0, x, alpha * ops.expm1(x)))
def elu(x, alpha=1.0):
    """x above 0, ``alpha * (exp(x) - 1)`` below."""


@_symbolic_and_numeric(symbolic=nnet_ops.softmax, numeric=lambda x: ops.softmax(x, axis=-1))
def softmax(x):
    """Softmax over the last axis."""


@_symbolic_and_numeric(symbolic=nnet_ops.softplus, numeric=ops.softplus)
def softplus(x):
    """log(1 + exp(x))."""


@_symbolic_and_numeric(symbolic=nnet_ops.softsign, numeric=ops.softsign)
def softsign(x):
    """x / (1 + |x|)."""


@_symbolic_and_numeric(symbolic=nnet_ops.sigmoid, numeric=ops.sigmoid)
def sigmoid(x):
    """1 / (1 + exp(-x))."""


@_symbolic_and_numeric(symbolic=nnet_ops.hard_sigmoid,
                      numeric=lambda x: ops.clip(x * 0.2 + 0.5, 0.0, 1.0))
def hard_sigmoid(x):
    """Keras 1 / Theano: clip(0.2 * x + 0.5, 0, 1). Not Keras 3's hard_sigmoid (slope 1/6)."""


@_symbolic_and_numeric(symbolic=T.tanh, numeric=ops.tanh)
def tanh(x):
    """Elementwise hyperbolic tangent."""


# -- functions and gradients -------------------------------------------------------------
class Function(object):
    """``K.function``: a compiled Theano (PyTensor) function over the model's weights.

    Before each call the weights it reads are refreshed from their Keras 3 variables and
    after it the updated ones are written back (see :mod:`legacy_keras.theano.compile`),
    so ``fit``, ``predict`` and ``K.function`` share one set of weights. As in Keras
    1.2.2, when ``updates`` names a variable twice the first update wins, inputs are
    downcast and unused inputs (a learning phase the graph does not use) are ignored.
    """

    def __init__(self, inputs, outputs, updates=(), **kwargs):
        unique = {}
        for variable, new_value in updates:
            if variable not in unique:
                unique[variable] = new_value
        self.function = _theano_function(inputs, outputs, updates=list(unique.items()),
                                        allow_input_downcast=True, on_unused_input="ignore",
                                        **kwargs)

    def __call__(self, inputs):
        # Keras 1.2.2: ``assert type(inputs) in {list, tuple}`` (a bare array fails)
        if type(inputs) not in {list, tuple}:
            raise AssertionError("K.function: `inputs` must be a list or tuple of arrays, "
                                 "not %s." % type(inputs).__name__)
        return self.function(*inputs)


_THEANO_FUNCTION_ARGS = ("inputs", "outputs", "mode", "updates", "givens",
                         "no_default_updates", "accept_inplace", "name", "rebuild_strict",
                         "allow_input_downcast", "profile", "on_unused_input")


def function(inputs, outputs, updates=[], **kwargs):
    """A callable ``f([input arrays]) -> [output arrays]`` compiled from the graph of
    ``outputs``; ``updates`` are ``(variable, new value)`` pairs applied at each call.
    Include ``K.learning_phase()`` in ``inputs`` for graphs whose layers behave per phase
    (Dropout): feed 0 for test, 1 for train. Keyword arguments go to ``theano.function``.
    """
    for key in kwargs:
        if key not in _THEANO_FUNCTION_ARGS:
            raise ValueError('Invalid argument "%s" passed to K.function' % key)
    return Function(inputs, outputs, updates=updates, **kwargs)


@_symbolic_and_numeric("loss", symbolic=_theano_grad)
def gradients(loss, variables):
    """``T.grad(loss, variables)``: a single (non-list) variable gives a single gradient
    (so the classic ``K.gradients(loss, x)[0]`` takes its first *sample*); a variable the
    loss does not depend on raises Theano's ``DisconnectedInputError``. Inside a Keras 3
    training step, the step's gradient tape answers (an optimizer's ``get_gradients``)."""


@gradients.numeric
def _(loss, variables):
    """The step's tape differentiates ``loss`` with respect to the weights' Keras 3
    variables; sparse gradients (row lookups) become dense matrices, as Theano's
    gradients were. Outside a training step there is no tape: Theano's ``grad``."""
    tape = gradient_tape()
    if tape is None:
        return _theano_grad(loss, variables)
    single = not isinstance(variables, (list, tuple))
    wanted = [variables] if single else list(variables)
    grads = _k3.tape_gradients(tape, loss, [unwrap(v) for v in wanted])
    for v, g in zip(wanted, grads):
        if g is None:
            raise _DisconnectedInputError(
                "grad method was asked to compute the gradient with respect to a variable "
                "that is not part of the computational graph of the cost, or is used only "
                "by a non-differentiable operator: %s" % (getattr(v, "name", v),))
    return grads[0] if single else grads


@_symbolic_and_numeric(symbolic=_disconnected_grad, numeric=ops.stop_gradient)
def stop_gradient(variables):
    """``variables`` with a zero gradient (Theano's ``disconnected_grad``); in Keras 3
    execution ``keras.ops.stop_gradient``."""


@_symbolic_and_numeric(symbolic=lambda x, message="": _Print(message)(x),
                      numeric=lambda x, message="": x)
def print_tensor(x, message=""):
    """``x``, printing ``message`` and its value whenever it is evaluated (Theano's
    ``Print`` op: ``<message> __str__ = [1. 2.]``); in Keras 3 execution ``x``."""


# -- loops over the first axis (theano.map / foldl / foldr) ------------------------------
@_symbolic_and_numeric("elems")
def map_fn(fn, elems, name=None):
    """``[fn(e) for e in elems]`` stacked (``theano.map``)."""


@map_fn.symbolic
def _(fn, elems, name=None):
    return pytensor.scan(fn, sequences=elems, name=name, return_updates=True)[0]


@map_fn.numeric
def _(fn, elems, name=None):
    return ops.map(fn, elems)


def _fold_start(elems, initializer, first):
    """(elements, initial value): the first (or last) element when there is no
    initializer."""
    if initializer is not None:
        return elems, initializer
    return (elems[1:], elems[0]) if first else (elems[:-1], elems[-1])


def _numeric_fold(fn, elems, acc, order):
    for i in order(range(int(ops.shape(elems)[0]))):
        acc = fn(acc, elems[i])
    return acc


@_symbolic_and_numeric("elems", "initializer")
def foldl(fn, elems, initializer=None, name=None):
    """``fn(...fn(fn(initializer, e0), e1)..., en)``; ``initializer`` defaults to ``elems[0]``."""


@foldl.symbolic
def _(fn, elems, initializer=None, name=None):
    elems, initializer = _fold_start(elems, initializer, first=True)
    return _theano_foldl(lambda x, acc: fn(acc, x), elems, initializer, name=name,
                        return_updates=True)[0]


@foldl.numeric
def _(fn, elems, initializer=None, name=None):
    elems, initializer = _fold_start(elems, initializer, first=True)
    return _numeric_fold(fn, elems, initializer, iter)


@_symbolic_and_numeric("elems", "initializer")
def foldr(fn, elems, initializer=None, name=None):
    """Like :func:`foldl` from the last element; ``initializer`` defaults to ``elems[-1]``."""


@foldr.symbolic
def _(fn, elems, initializer=None, name=None):
    elems, initializer = _fold_start(elems, initializer, first=False)
    return _theano_foldr(lambda x, acc: fn(acc, x), elems, initializer, name=name,
                        return_updates=True)[0]


@foldr.numeric
def _(fn, elems, initializer=None, name=None):
    elems, initializer = _fold_start(elems, initializer, first=False)
    return _numeric_fold(fn, elems, initializer, reversed)


# -- more tensor manipulation ------------------------------------------------------------
@_symbolic_and_numeric("start", "stop", "step")
def arange(start, stop=None, step=1, dtype="int32"):
    """Theano's arange (one argument is the stop); int32 by default, like TensorFlow's."""


@arange.symbolic
def _(start, stop=None, step=1, dtype="int32"):
    return T.arange(start, stop=stop, step=step, dtype=dtype)


@arange.numeric
def _(start, stop=None, step=1, dtype="int32"):
    return ops.arange(start, stop, step, dtype=dtype)


@_symbolic_and_numeric(numeric=ops.tile)
def tile(x, n):
    """``x`` repeated ``n[i]`` times along axis i (``n`` an int or a list)."""


@tile.symbolic
def _(x, reps):
    """Theano 1.0.5's ``T.tile`` graph: ``Alloc(x, *reps, *x.shape)``, a DimShuffle
    interleaving repeat and original axes, then a Reshape to ``shape * reps`` (PyTensor's
    tile builds a different graph for the same numbers)."""
    reps = [reps] if isinstance(reps, int) else list(reps)
    ndim = builtins.max(len(reps), x.ndim)
    reps = [1] * (ndim - len(reps)) + reps
    shape = [1] * (ndim - x.ndim) + [x.shape[i] for i in range(x.ndim)]
    tiled = T.alloc(x, *(reps + shape))
    interleaved = [axis for pair in zip(range(ndim), range(ndim, 2 * ndim)) for axis in pair]
    tiled = tiled.dimshuffle(interleaved)
    return T.reshape(tiled, [size * reps[i] for i, size in enumerate(shape)])


@_symbolic_and_numeric(symbolic=lambda x: T.stack(list(x)),
                      numeric=lambda x: ops.stack(list(x), axis=0))
def stack(x):
    """Stacks a list of tensors along a new first axis."""


def pack(x):
    """Keras 1.0-1.1's name of :func:`stack` (Keras 1.2 renamed it; kept for old
    scripts)."""
    return stack(x)


@_symbolic_and_numeric(symbolic=lambda x, rep, axis: theano_graphs.repeat(x, rep, axis % x.ndim),
                      numeric=lambda x, rep, axis: ops.repeat(x, rep, axis=axis))
def repeat_elements(x, rep, axis):
    """Repeats each element ``rep`` times along ``axis`` ((s1, s2) -> (s1, s2 * rep))."""


@_symbolic_and_numeric("indices")
def one_hot(indices, nb_classes):
    """(d1, ..., dn) integer indices -> (d1, ..., dn, nb_classes) one-hot floats."""


@one_hot.symbolic
def _(indices, nb_classes):
    input_shape = tuple(indices.shape[i] for i in range(indices.ndim))
    one_hot_flat = theano_graphs.to_one_hot(T.flatten(indices), nb_classes, dtype=floatx())
    return T.reshape(one_hot_flat, input_shape + (nb_classes,))


@one_hot.numeric
def _(indices, nb_classes):
    return ops.one_hot(ops.cast(indices, "int32"), nb_classes, dtype=floatx())


def _axes_list(axes):
    return [axes] if isinstance(axes, int) else axes


@_symbolic_and_numeric(numeric=lambda x, axes: ops.flip(x, axis=tuple(_axes_list(axes))))
def reverse(x, axes):
    """``x`` reversed along ``axes`` (an int or a list)."""


@reverse.symbolic
def _(x, axes):
    axes = _axes_list(axes)
    slices = tuple(slice(None, None, -1) if i in axes else slice(None) for i in range(x.ndim))
    return x[slices]


# -- small helpers Keras 1.2.2's Theano backend exported ----------------------------------
py_all = builtins.all


def is_explicit_shape(shape):
    """True for an iterable shape whose entries are ints or None."""
    if hasattr(shape, "__iter__"):
        return builtins.all(d is None or isinstance(d, int) for d in shape)
    return False


def is_sparse(tensor):
    """Always False: legacy_keras has no sparse tensors (see migration_guide.md)."""
    return False


def to_dense(tensor):
    return tensor


def _ctc_unsupported(*args, **kwargs):
    raise NotImplementedError(
        "K.ctc_batch_cost and Keras 1's other Theano CTC helpers are not supported by "
        "legacy_keras; use keras.ops.ctc_loss in Keras 3 (see migration_guide.md).")


# Keras 1.2.2's signatures (so that keyword calls reach the error above).
def ctc_batch_cost(y_true, y_pred, input_length, label_length):
    _ctc_unsupported()


def ctc_cost(predict, Y):
    _ctc_unsupported()


def ctc_create_skip_idxs(Y):
    _ctc_unsupported()


def ctc_interleave_blanks(Y):
    _ctc_unsupported()


def ctc_path_probs(predict, Y, alpha=1e-4):
    _ctc_unsupported()


def ctc_update_log_p(skip_idxs, zeros, active, log_p_curr, log_p_prev):
    _ctc_unsupported()


# -- losses (written with the functions above, so they run in both executions) ----------
#: The crossentropies' clipping bound. Keras 1.2.2's Theano backend bound epsilon when it
#: was imported (after reading keras.json), so a later K.set_epsilon did not change it;
#: ``legacy_keras.backend`` sets this once, the same way.
CLIP_EPSILON = epsilon()


def categorical_crossentropy(output, target, from_logits=False):
    """Keras 1.2.2: rescale ``output`` to sum to 1 (or softmax logits), clip to
    [epsilon, 1 - epsilon], then -sum(target * log(output)) over the last axis."""
    if from_logits:
        output = softmax(output)
    else:
        output = output / sum(output, axis=-1, keepdims=True)
    output = clip(output, CLIP_EPSILON, 1.0 - CLIP_EPSILON)
    return -sum(target * log(output), axis=-1)


@_symbolic_and_numeric("output", "target")
def sparse_categorical_crossentropy(output, target, from_logits=False):
    """Integer targets (any shape whose size is the batch's) against ``output``."""


@sparse_categorical_crossentropy.symbolic
def _(output, target, from_logits=False):
    labels = T.cast(T.flatten(target), "int32")
    one_hot_target = theano_graphs.to_one_hot(labels, output.shape[-1], dtype=floatx())
    one_hot_target = T.reshape(one_hot_target, output.shape)
    return categorical_crossentropy(output, one_hot_target, from_logits)


@sparse_categorical_crossentropy.numeric
def _(output, target, from_logits=False):
    labels = ops.cast(ops.reshape(target, (-1,)), "int32")
    one_hot_target = ops.reshape(ops.one_hot(labels, ops.shape(output)[-1], dtype=output.dtype),
                                 ops.shape(output))
    return categorical_crossentropy(output, one_hot_target, from_logits)


def binary_crossentropy(output, target, from_logits=False):
    if from_logits:
        output = sigmoid(output)
    output = clip(output, CLIP_EPSILON, 1.0 - CLIP_EPSILON)
    return -(target * log(output) + (1.0 - target) * log(1.0 - output))


@_symbolic_and_numeric(
    symbolic=lambda x, axis: x / T.sqrt(T.sum(T.sqr(x), axis=axis, keepdims=True)),
    numeric=lambda x, axis: x / sqrt(sum(square(x), axis=axis, keepdims=True)))
def l2_normalize(x, axis):
    """x / sqrt(sum(x**2, axis)); symbolically Theano's plain ``sqrt`` (no clip)."""


@_symbolic_and_numeric("predictions", "targets")
def in_top_k(predictions, targets, k):
    """1.0 where ``targets`` is among the ``k`` largest predictions of its row."""


@in_top_k.symbolic
def _(predictions, targets, k):
    top = T.argsort(predictions)[:, -k:]
    return T.any(T.eq(top, targets.dimshuffle(0, "x")), axis=-1)


@in_top_k.numeric
def _(predictions, targets, k):
    top = ops.top_k(predictions, k)[1]
    found = ops.any(ops.equal(top, ops.expand_dims(ops.cast(targets, top.dtype), -1)), axis=-1)
    return ops.cast(found, floatx())


# -- updates ------------------------------------------------------------------------------
def update(x, new_x):
    return (x, new_x)


def update_add(x, increment):
    return (x, x + increment)


def update_sub(x, decrement):
    return (x, x - decrement)


def moving_average_update(variable, value, momentum):
    return (variable, variable * momentum + value * (1. - momentum))


def get_variable_shape(x):
    """The shape of a variable (read from the variable itself: this works while a Keras 3
    step is traced, where its value cannot be read)."""
    if isinstance(x, BoundSharedVariable):
        return tuple(int(d) for d in x.keras_variable.shape)
    if isinstance(x, keras.Variable):
        return tuple(int(d) for d in x.shape)
    return tuple(get_value(x).shape)


# -- indexing --------------------------------------------------------------------------------
@_symbolic_and_numeric("reference", "indices",
                      numeric=lambda reference, indices: ops.take(
                          reference, ops.cast(indices, "int32"), axis=0))
def gather(reference, indices):
    """``reference[indices]`` along the first axis (Embedding's lookup).

    Symbolically Theano's ``take``: ``AdvancedSubtensor1`` on the flattened indices,
    reshaped to ``indices.shape + reference.shape[1:]``.
    """


@gather.symbolic
def _(reference, indices):
    indices = T.as_tensor_variable(indices)
    if indices.ndim == 1:
        return reference[indices]
    shape = T.concatenate([indices.shape, reference.shape[1:]])
    return T.reshape(reference[T.flatten(indices)], shape,
                     ndim=indices.ndim + reference.ndim - 1)


@_symbolic_and_numeric(symbolic=_patternbroadcast, numeric=lambda x, broatcastable: x)
def pattern_broadcast(x, broatcastable):
    """Theano's ``patternbroadcast`` (a ``Rebroadcast`` node where the pattern changes);
    in Keras 3 execution the value itself (its length-1 axes broadcast anyway). The
    second parameter keeps Keras 1.2.2's spelling, ``broatcastable``."""


# -- random tensors ---------------------------------------------------------------------------
# Keras 1.2.2 drew from a new Theano _MRG_RandomStreams per call, seeded from NumPy's
# global generator when no seed was given: building a noise layer advanced np.random.
# legacy_keras does the same when it builds the symbolic graph. In Keras 3 execution the
# samples come from keras.random (same distributions, other numbers), and np.random is
# left alone: Keras 1 compiled its graph once, while Keras 3 may trace `call` again.
# The shape decides the execution (a Keras 3 shape, or inside Keras 3 execution).
def _mrg_streams(seed):
    if seed is None:
        seed = np.random.randint(1, 10e6)
    return _MRG_RandomStreams(seed=seed)


@_symbolic_and_numeric("shape")
def random_normal(shape, mean=0.0, std=1.0, dtype=None, seed=None):
    """Samples of N(mean, std**2)."""


@random_normal.symbolic
def _(shape, mean=0.0, std=1.0, dtype=None, seed=None):
    return _mrg_streams(seed).normal(size=shape, avg=mean, std=std, dtype=dtype or floatx())


@random_normal.numeric
def _(shape, mean=0.0, std=1.0, dtype=None, seed=None):
    return keras.random.normal(tuple(shape), mean=mean, stddev=std, dtype=dtype or floatx())


@_symbolic_and_numeric("shape")
def random_uniform(shape, low=0.0, high=1.0, dtype=None, seed=None):
    """Samples of U(low, high)."""


@random_uniform.symbolic
def _(shape, low=0.0, high=1.0, dtype=None, seed=None):
    return _mrg_streams(seed).uniform(shape, low=low, high=high, dtype=dtype or floatx())


@random_uniform.numeric
def _(shape, low=0.0, high=1.0, dtype=None, seed=None):
    return keras.random.uniform(tuple(shape), minval=low, maxval=high, dtype=dtype or floatx())


@_symbolic_and_numeric("shape")
def random_binomial(shape, p=0.0, dtype=None, seed=None):
    """1 with probability ``p``, else 0."""


@random_binomial.symbolic
def _(shape, p=0.0, dtype=None, seed=None):
    return _mrg_streams(seed).binomial(shape, p=p, dtype=dtype or floatx())


@random_binomial.numeric
def _(shape, p=0.0, dtype=None, seed=None):
    return ops.cast(keras.random.uniform(tuple(shape)) < p, dtype or floatx())


# -- batch normalization ------------------------------------------------------------------------
def _broadcast_param(param, target_ndim, reduction_axes):
    """A per-feature parameter reshaped to broadcast against the input."""
    if len(param.shape) == target_ndim:
        return param
    shape = [1 if i in reduction_axes else -1 for i in range(target_ndim)]
    return ops.reshape(param, shape)


@_symbolic_and_numeric("x", "gamma", "beta")
def normalize_batch_in_training(x, gamma, beta, reduction_axes, epsilon=1e-3):
    """(normalized x, batch mean, batch variance) over ``reduction_axes``.

    Keras 1.2.2 on Theano 1.0 used ``T.nnet.bn.batch_normalization_train`` and returned
    ``1 / invstd ** 2``, i.e. the variance plus ``epsilon``, as its third value; so does
    legacy_keras (BatchNormalization's ``running_std`` averages it).
    """


@normalize_batch_in_training.symbolic
def _(x, gamma, beta, reduction_axes, epsilon=1e-3):
    if not profiles.switch("batchnorm_theano_ops"):
        return _direct_normalize_batch(x, gamma, beta, list(reduction_axes), epsilon)
    normed, mean, stdinv = _bn.batch_normalization_train(x, gamma, beta, list(reduction_axes),
                                                     epsilon)
    return normed, mean, T.reciprocal(stdinv ** 2)


def _direct_normalize_batch(x, gamma, beta, reduction_axes, epsilon):
    """Keras 1.0.6-1.1.2: the batch mean and variance computed directly, every statistic
    reshaped to broadcast against x, normalized by :func:`batch_normalization`."""
    mean, var = x.mean(reduction_axes), x.var(reduction_axes)
    target_shape = T.stack([1 if axis in reduction_axes else x.shape[axis]
                            for axis in range(x.ndim)])
    normed = batch_normalization(x, *(T.reshape(v, target_shape)
                                      for v in (mean, var, beta, gamma)), epsilon=epsilon)
    return normed, mean, var


@normalize_batch_in_training.numeric
def _(x, gamma, beta, reduction_axes, epsilon=1e-3):
    reduction_axes = list(reduction_axes)
    mean = ops.mean(x, axis=reduction_axes, keepdims=True)
    variance = ops.var(x, axis=reduction_axes, keepdims=True)
    invstd = 1.0 / ops.sqrt(variance + epsilon)
    ndim = len(x.shape)
    normed = ((x - mean) * (_broadcast_param(gamma, ndim, reduction_axes) * invstd) +
              _broadcast_param(beta, ndim, reduction_axes))
    mean = ops.squeeze(mean, axis=reduction_axes)
    if not profiles.switch("batchnorm_theano_ops"):  # Keras 1.0.6-1.1.2: the variance
        return normed, mean, ops.squeeze(variance, axis=reduction_axes)
    invstd = ops.squeeze(invstd, axis=reduction_axes)
    return normed, mean, 1.0 / (invstd ** 2)


@_symbolic_and_numeric("x", "mean", "var", "beta", "gamma")
def batch_normalization(x, mean, var, beta, gamma, epsilon=1e-3):
    """``(x - mean) * gamma / sqrt(var + epsilon) + beta`` (Theano's
    ``batch_normalization_test``; one-dimensional statistics normalize the last axis)."""


@batch_normalization.symbolic
def _(x, mean, var, beta, gamma, epsilon=1e-3):
    if not profiles.switch("batchnorm_theano_ops"):  # Keras 1.0.6-1.1.2, any epsilon
        return nnet_ops.bn.batch_normalization(x, gamma, beta, mean, T.sqrt(var + epsilon),
                                               mode="high_mem")
    if mean.ndim == 1:
        reduction_axes = list(range(x.ndim - 1))
    else:
        reduction_axes = [i for i in range(x.ndim) if mean.broadcastable[i]]
    return _bn.batch_normalization_test(x, gamma, beta, mean, var, reduction_axes, epsilon)


@batch_normalization.numeric
def _(x, mean, var, beta, gamma, epsilon=1e-3):
    return (x - mean) * (gamma / ops.sqrt(var + epsilon)) + beta


# -- layers I: masks, repeats, batched products, dropout ------------------------------------
@_symbolic_and_numeric(symbolic=_keywords(T.any), numeric=_keywords(ops.any))
def any(x, axis=None, keepdims=False):
    """Bitwise reduction (logical OR); Theano's ``Any{axis}``."""


@_symbolic_and_numeric(symbolic=_keywords(T.all), numeric=_keywords(ops.all))
def all(x, axis=None, keepdims=False):
    """Bitwise reduction (logical AND); Theano's ``All{axis}``."""


@_symbolic_and_numeric(symbolic=lambda x, dtype=None, name=None: T.ones_like(x, dtype=dtype),
                      numeric=lambda x, dtype=None, name=None: ops.ones_like(x, dtype=dtype))
def ones_like(x, dtype=None, name=None):
    """Ones of the shape of ``x``."""


@_symbolic_and_numeric(symbolic=lambda x, dtype=None, name=None: T.zeros_like(x, dtype=dtype),
                      numeric=lambda x, dtype=None, name=None: ops.zeros_like(x, dtype=dtype))
def zeros_like(x, dtype=None, name=None):
    """Zeros of the shape of ``x``."""


@_symbolic_and_numeric(numeric=lambda x, n: ops.repeat(ops.expand_dims(x, 1), n, axis=1))
def repeat(x, n):
    """(samples, dim) -> (samples, n, dim)."""


@repeat.symbolic
def _(x, n):
    assert x.ndim == 2
    return theano_graphs.repeat(x.dimshuffle((0, "x", 1)), n, axis=1)


def _axes_pair(axes):
    return (axes, axes) if isinstance(axes, int) else axes


@_symbolic_and_numeric("x", "y")
def batch_dot(x, y, axes=None):
    """Keras 1's batch_dot (Theano's ``batched_tensordot``): a dot product per sample over
    ``axes`` (an int or a pair); a 1-D result gets a second axis of length 1."""


@batch_dot.symbolic
def _(x, y, axes=None):
    axes = _axes_pair(axes)
    if axes is None:
        axes = [x.ndim - 1, y.ndim - 2]
    out = theano_graphs.batched_tensordot(x, y, axes=axes)
    if out.ndim == 1:
        out = expand_dims(out, 1)
    return out


@batch_dot.numeric
def _(x, y, axes=None):
    """Sums over ``axes``, keeps the batch axis, the other axes of x, then those of y."""
    axes = _axes_pair(axes)
    if axes is None:
        axes = [len(x.shape) - 1, len(y.shape) - 2]
    axes = [a % len(t.shape) for a, t in zip(axes, (x, y))]
    x_ndim, y_ndim = len(x.shape), len(y.shape)
    x_other = [i for i in range(1, x_ndim) if i != axes[0]]
    y_other = [i for i in range(1, y_ndim) if i != axes[1]]
    x = ops.transpose(x, [0] + x_other + [axes[0]])
    y = ops.transpose(y, [0, axes[1]] + y_other)
    x_shape, y_shape = ops.shape(x), ops.shape(y)
    x3 = ops.reshape(x, (x_shape[0], -1, x_shape[-1]))
    y3 = ops.reshape(y, (y_shape[0], y_shape[1], -1))
    out = ops.matmul(x3, y3)
    out_shape = [x_shape[0]] + [x_shape[1 + i] for i in range(len(x_other))] + \
        [y_shape[2 + i] for i in range(len(y_other))]
    out = ops.reshape(out, out_shape)
    if len(out_shape) == 1:
        out = ops.expand_dims(out, 1)
    return out


_DROPOUT_SEEDS = []


def _seed_generator():
    """The Keras 3 seed stream for numeric dropout. Its seed is the number NumPy's global
    generator would give next (so a seeded script is reproducible), read without
    advancing it: Keras 1 drew nothing from NumPy while training, and the epoch shuffles
    must see the same generator state as they did."""
    if not _DROPOUT_SEEDS:
        state = np.random.get_state()
        seed = np.random.randint(1, 10e6)
        np.random.set_state(state)
        _DROPOUT_SEEDS.append(keras.random.SeedGenerator(seed))
    return _DROPOUT_SEEDS[0]


def _retain_probability(level, noise_shape):
    """(1 - level, noise_shape as a tuple); Keras 1's check of ``level``."""
    if level < 0. or level >= 1:
        raise ValueError("Dropout level must be in interval [0, 1[.")
    if isinstance(noise_shape, list):
        noise_shape = tuple(noise_shape)
    return 1. - level, noise_shape


@_symbolic_and_numeric()
def dropout(x, level, noise_shape=None, seed=None):
    """Zeroes entries with probability ``level`` and scales the rest by 1 / (1 - level).

    Symbolically Theano's graph: an MRG stream's ``binomial`` (``mrg_uniform``), seeded
    by ``np.random.randint`` when ``seed`` is None (which, as in Keras 1.2.2, advances
    NumPy's global generator). In Keras 3 execution, ``keras.random`` draws the mask: the
    same distribution, other random numbers; there, while random regularizers are
    switched off (:func:`legacy_keras.backend._context.set_random_regularizers`), the
    identity.
    """


@dropout.symbolic
def _(x, level, noise_shape=None, seed=None):
    retain_prob, noise_shape = _retain_probability(level, noise_shape)
    size = x.shape if noise_shape is None else theano_graphs.shape_tuple(noise_shape)
    random_tensor = _mrg_streams(seed).binomial(size, p=retain_prob, dtype=x.dtype)
    x = x * random_tensor
    return x / retain_prob


@dropout.numeric
def _(x, level, noise_shape=None, seed=None):
    retain_prob, noise_shape = _retain_probability(level, noise_shape)
    if not _random_regularizers_enabled():
        return x
    shape = ops.shape(x) if noise_shape is None else noise_shape
    shape = ops.stack([ops.cast(s, "int32") for s in shape])
    kept = keras.random.uniform(shape, seed=_seed_generator()) < retain_prob
    return x * ops.cast(kept, x.dtype) / retain_prob
