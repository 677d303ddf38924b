"""Keras 1.2.2's Theano backend (``K``), on PyTensor and Keras 3 at once.

Every function takes either PyTensor variables (``layer.output``, ``K.placeholder``,
weights) and then builds the graph Theano 1.0.5 built, or, inside a Keras 3
computation (:mod:`._context`), Keras 3 tensors and variables, and then computes with
``keras.ops``. Weights (:class:`BoundSharedVariable`) are unwrapped to their Keras 3
variable on the numeric side.
"""
import builtins

import numpy as np
import pytensor
import pytensor.tensor as T
from pytensor.ifelse import ifelse

from legacy_keras._k3 import keras, ops
from legacy_keras.backend import common
from legacy_keras.backend._context import (gradient_tape, in_numeric_execution, numeric_training,
                                           random_regularizers_enabled)
from legacy_keras.backend.common import epsilon, floatx, image_dim_ordering  # noqa: F401
from legacy_keras.theano import tensor as theano_tensor
from legacy_keras.theano.tensor import nnet as nnet_ops
from legacy_keras.theano.tensor.theano_graphs import __name__ as _graphs_module  # noqa: E402

theano_graphs = __import__("sys").modules[_graphs_module]
from legacy_keras.theano.bound import (BoundSharedVariable, eager_scope, is_modern_tensor,
                                       new_bound_variable)


# -- dispatch -------------------------------------------------------------------------
def _flat(values):
    for value in values:
        if isinstance(value, (list, tuple)):
            yield from _flat(value)
        else:
            yield value


def is_numeric(*values):
    """True when the call belongs to Keras 3 execution (see :mod:`._context`)."""
    return in_numeric_execution() or builtins.any(is_modern_tensor(v) for v in _flat(values))


def unwrap(x):
    """The Keras 3 variable behind a Keras 1 weight; anything else unchanged."""
    if isinstance(x, BoundSharedVariable):
        return x.keras_variable
    if isinstance(x, (list, tuple)):
        return type(x)(unwrap(v) for v in x)
    return x


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


def shape(x):
    return ops.shape(unwrap(x)) if is_numeric(x) else x.shape


def int_shape(x):
    """The Keras shape of a Keras tensor or variable; Keras 1.2.2's Theano backend raised
    ``Exception('Not a Keras tensor:', x)`` for anything else (a plain ``T.matrix``)."""
    if hasattr(x, "_keras_shape"):
        return x._keras_shape
    if is_numeric(x):
        return tuple(unwrap(x).shape)
    raise Exception("Not a Keras tensor:", x)


def ndim(x):
    return len(unwrap(x).shape) if is_numeric(x) else x.ndim


def dtype(x):
    return keras.backend.standardize_dtype(unwrap(x).dtype) if is_numeric(x) else x.dtype


def eval(x):
    """The value of ``x`` (a variable, or an expression with no inputs but weights),
    computed on the current Keras 3 values of the weights it reads."""
    if isinstance(x, BoundSharedVariable):
        return x.get_value()
    if is_numeric(x):
        return keras.ops.convert_to_numpy(unwrap(x))
    from legacy_keras.theano.compile import function as theano_function

    return theano_function([], x)()


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


def learning_phase():
    """0 = test, 1 = train. Symbolically a uint8 scalar input, as in Keras 1; inside Keras 3
    execution, the ``training`` flag of the running step; after
    :func:`set_learning_phase`, that fixed int."""
    if in_numeric_execution():
        return int(numeric_training())
    if _FIXED_LEARNING_PHASE:
        return _FIXED_LEARNING_PHASE[0]
    return _LEARNING_PHASE


def set_learning_phase(value):
    """Fixes the learning phase to 0 (test) or 1 (train) for graphs built afterwards
    (``in_train_phase`` then picks one branch, with no ``if{}``), as Keras 1.2.2 did."""
    if value not in {0, 1}:
        raise ValueError("Expected learning phase to be 0 or 1.")
    _FIXED_LEARNING_PHASE[:] = [value]


def in_train_phase(x, alt):
    """``x`` in training, ``alt`` in test. Symbolically Theano's ``ifelse`` on the learning
    phase (printed ``if{}``), as Keras 1.2.2; either may be a callable (called first).
    In Keras 3 execution only the branch of the running step is computed."""
    if in_numeric_execution():
        chosen = x if numeric_training() else alt
        return chosen() if callable(chosen) else chosen
    if _FIXED_LEARNING_PHASE:
        chosen = x if _FIXED_LEARNING_PHASE[0] == 1 else alt
        return chosen() if callable(chosen) else chosen
    if callable(x):
        x = x()
    if callable(alt):
        alt = alt()
    if x is alt:
        return x
    out = ifelse(_LEARNING_PHASE, x, alt)
    out._uses_learning_phase = True
    return out


def in_test_phase(x, alt):
    return in_train_phase(alt, x)


# -- elementwise and reductions ------------------------------------------------------------
def _dual(name, symbolic, numeric, doc=""):
    def function(x, *args, **kwargs):
        if is_numeric(x, *args):
            return numeric(unwrap(x), *unwrap(args), **kwargs)
        return symbolic(x, *args, **kwargs)

    function.__name__ = name
    function.__doc__ = doc
    return function


def cast(x, dtype):
    return ops.cast(unwrap(x), dtype) if is_numeric(x) else T.cast(x, dtype)


def dot(x, y):
    """Theano's ``T.dot``: matrix product on the last axis of x and first of y."""
    if is_numeric(x, y):
        return ops.matmul(unwrap(x), unwrap(y)) if len(unwrap(y).shape) <= 2 else \
            ops.tensordot(unwrap(x), unwrap(y), axes=[[len(unwrap(x).shape) - 1], [len(unwrap(y).shape) - 2]])
    return theano_graphs.dot(x, y)


def transpose(x):
    return ops.transpose(unwrap(x)) if is_numeric(x) else T.transpose(x)


def _reduction(name, symbolic, numeric):
    def function(x, axis=None, keepdims=False):
        if is_numeric(x):
            return numeric(unwrap(x), axis=axis, keepdims=keepdims)
        return symbolic(x, axis=axis, keepdims=keepdims)

    function.__name__ = name
    return function


max = _reduction("max", theano_graphs.theano_max, ops.max)
min = _reduction("min", T.min, ops.min)
sum = _reduction("sum", T.sum, ops.sum)
prod = _reduction("prod", T.prod, ops.prod)


def mean(x, axis=None, keepdims=False):
    if is_numeric(x):
        return ops.mean(unwrap(x), axis=axis, keepdims=keepdims)
    dtype = floatx() if "int" in x.dtype else None
    return theano_tensor.mean(x, axis=axis, keepdims=keepdims, dtype=dtype)


def std(x, axis=None, keepdims=False):
    if is_numeric(x):
        return ops.std(unwrap(x), axis=axis, keepdims=keepdims)
    return theano_tensor.std(x, axis=axis, keepdims=keepdims)


def var(x, axis=None, keepdims=False):
    if is_numeric(x):
        return ops.var(unwrap(x), axis=axis, keepdims=keepdims)
    return theano_tensor.var(x, axis=axis, keepdims=keepdims)


def argmax(x, axis=-1):
    return ops.argmax(unwrap(x), axis=axis) if is_numeric(x) else T.argmax(x, axis=axis, keepdims=False)


def argmin(x, axis=-1):
    return ops.argmin(unwrap(x), axis=axis) if is_numeric(x) else T.argmin(x, axis=axis, keepdims=False)


square = _dual("square", T.sqr, ops.square)
abs = _dual("abs", T.abs, ops.absolute)
exp = _dual("exp", T.exp, ops.exp)
log = _dual("log", T.log, ops.log)
round = _dual("round", lambda x: T.round(x, mode="half_to_even"), ops.round)
sign = _dual("sign", T.sgn, ops.sign)
sin = _dual("sin", T.sin, ops.sin)
cos = _dual("cos", T.cos, ops.cos)


def sqrt(x):
    if is_numeric(x):
        return ops.sqrt(ops.clip(unwrap(x), 0.0, np.inf))
    return T.sqrt(T.clip(x, 0.0, np.inf))


def pow(x, a):
    return ops.power(unwrap(x), a) if is_numeric(x) else T.pow(x, a)


def clip(x, min_value, max_value):
    """Keras 1 allowed ``None`` for either bound (no bound on that side)."""
    if max_value is not None and min_value is not None and max_value < min_value:
        max_value = min_value
    min_value = -np.inf if min_value is None else min_value
    max_value = np.inf if max_value is None else max_value
    if is_numeric(x):
        return ops.clip(unwrap(x), min_value, max_value)
    return T.clip(x, min_value, max_value)


def _binary(name, symbolic, numeric):
    def function(x, y):
        if is_numeric(x, y):
            return numeric(unwrap(x), unwrap(y))
        return symbolic(x, y)

    function.__name__ = name
    return function


equal = _binary("equal", T.eq, ops.equal)
not_equal = _binary("not_equal", T.neq, ops.not_equal)
greater = _binary("greater", T.gt, ops.greater)
greater_equal = _binary("greater_equal", T.ge, ops.greater_equal)
lesser = _binary("lesser", T.lt, ops.less)
lesser_equal = _binary("lesser_equal", T.le, ops.less_equal)
maximum = _binary("maximum", T.maximum, ops.maximum)
minimum = _binary("minimum", T.minimum, ops.minimum)


def switch(condition, then_expression, else_expression):
    """Elementwise choice; either branch may be a callable returning a tensor (Keras 1)."""
    if callable(then_expression):
        then_expression = then_expression()
    if callable(else_expression):
        else_expression = else_expression()
    if is_numeric(condition, then_expression, else_expression):
        return ops.where(unwrap(condition), unwrap(then_expression), unwrap(else_expression))
    return T.switch(condition, then_expression, else_expression)


# -- shapes -------------------------------------------------------------------------------
def concatenate(tensors, axis=-1):
    if is_numeric(*tensors):
        return ops.concatenate(unwrap(list(tensors)), axis=axis)
    return T.concatenate(list(tensors), axis=axis)


def reshape(x, shape):
    """``T.reshape``. Keras 1.2.2 gave the result a ``_keras_shape`` equal to ``shape``
    itself (``-1`` included) when every entry was an int or None, so that a layer could
    be called on it directly (no Keras history: the layer's ``call`` ran on it)."""
    if is_numeric(x):
        return ops.reshape(unwrap(x), shape)
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


def permute_dimensions(x, pattern):
    return ops.transpose(unwrap(x), pattern) if is_numeric(x) else x.dimshuffle(pattern)


def expand_dims(x, dim=-1):
    if is_numeric(x):
        return ops.expand_dims(unwrap(x), dim)
    pattern = [i for i in range(x.type.ndim)]
    if dim < 0:
        dim = x.type.ndim + 1 + dim
    pattern.insert(dim, "x")
    return x.dimshuffle(pattern)


def squeeze(x, axis):
    """Keras 1.2.2 squeezed by reshaping to the shape without ``axis`` (a ``Reshape``
    of a ``MakeVector`` of ``x.shape[i]`` in the graph)."""
    if is_numeric(x):
        return ops.squeeze(unwrap(x), axis)
    whole = x.shape
    shape = [whole[i] for i in range(x.ndim)]
    shape.pop(axis)
    return T.reshape(x, tuple(shape))


def flatten(x):
    return ops.reshape(unwrap(x), (-1,)) if is_numeric(x) else T.flatten(x)


def batch_flatten(x):
    if is_numeric(x):
        return ops.reshape(unwrap(x), (ops.shape(unwrap(x))[0], -1))
    return T.reshape(x, (x.shape[0], T.prod(x.shape) // x.shape[0]))


# -- activations (Theano 1.0's graphs; Keras 1's numbers) ------------------------------------
def relu(x, alpha=0.0, max_value=None):
    if is_numeric(x):
        x = unwrap(x)
        alpha, max_value = unwrap(alpha), unwrap(max_value)
        if isinstance(alpha, (int, float)) and alpha == 0:
            out = ops.relu(x)
        else:
            out = ops.where(x > 0, x, alpha * x)
        return out if max_value is None else ops.minimum(out, max_value)
    out = nnet_ops.relu(x, alpha)
    return out if max_value is None else T.minimum(out, max_value)


def elu(x, alpha=1.0):
    if is_numeric(x):
        x = unwrap(x)
        return ops.where(x > 0, x, alpha * ops.expm1(x))
    return nnet_ops.elu(x, alpha)


def softmax(x):
    return ops.softmax(unwrap(x), axis=-1) if is_numeric(x) else nnet_ops.softmax(x)


def softplus(x):
    return ops.softplus(unwrap(x)) if is_numeric(x) else nnet_ops.softplus(x)


def softsign(x):
    return ops.softsign(unwrap(x)) if is_numeric(x) else nnet_ops.softsign(x)


def sigmoid(x):
    return ops.sigmoid(unwrap(x)) if is_numeric(x) else nnet_ops.sigmoid(x)


def hard_sigmoid(x):
    """Keras 1 / Theano: clip(0.2 * x + 0.5, 0, 1). Not Keras 3's hard_sigmoid (slope 1/6)."""
    if is_numeric(x):
        return ops.clip(unwrap(x) * 0.2 + 0.5, 0.0, 1.0)
    return nnet_ops.hard_sigmoid(x)


def tanh(x):
    return ops.tanh(unwrap(x)) if is_numeric(x) else T.tanh(x)


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
        from legacy_keras import theano

        unique = {}
        for variable, new_value in updates:
            if variable not in unique:
                unique[variable] = new_value
        self.function = theano.function(inputs, outputs, updates=list(unique.items()),
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


def gradients(loss, variables):
    """``T.grad(loss, variables)``: a single (non-list) variable gives a single gradient
    (so the classic ``K.gradients(loss, x)[0]`` takes its first *sample*); a variable the
    loss does not depend on raises Theano's ``DisconnectedInputError``."""
    tape = gradient_tape()
    if tape is not None and is_numeric(loss):
        return _step_gradients(tape, loss, variables)
    from legacy_keras.theano.gradient import grad

    return grad(loss, variables)


def _step_gradients(tape, loss, variables):
    """``K.gradients`` inside a Keras 3 training step (an optimizer's ``get_gradients``):
    the step's tape differentiates ``loss`` with respect to the weights' Keras 3
    variables. TensorFlow's IndexedSlices (row lookups) become dense matrices, as Theano's
    gradients were; a weight the loss does not depend on raises as in Theano."""
    import tensorflow as tf
    from pytensor.gradient import DisconnectedInputError

    single = not isinstance(variables, (list, tuple))
    wanted = [variables] if single else list(variables)
    with tape.stop_recording():
        grads = tape.gradient(unwrap(loss), [unwrap(v) for v in wanted])
    result = []
    for v, g in zip(wanted, grads):
        if g is None:
            raise DisconnectedInputError(
                "grad method was asked to compute the gradient with respect to a variable "
                "that is not part of the computational graph of the cost, or is used only "
                "by a non-differentiable operator: %s" % (getattr(v, "name", v),))
        result.append(tf.convert_to_tensor(g) if isinstance(g, tf.IndexedSlices) else g)
    return result[0] if single else result


def stop_gradient(variables):
    """``variables`` with a zero gradient (Theano's ``disconnected_grad``); in Keras 3
    execution ``keras.ops.stop_gradient``."""
    if is_numeric(variables):
        return ops.stop_gradient(unwrap(variables))
    from pytensor.gradient import disconnected_grad

    return disconnected_grad(variables)


def print_tensor(x, message=""):
    """``x``, printing ``message`` and its value whenever it is evaluated (Theano's
    ``Print`` op: ``<message> __str__ = [1. 2.]``)."""
    if is_numeric(x):
        return x
    from legacy_keras.theano.printing import Print

    return Print(message)(x)


# -- loops over the first axis (theano.map / foldl / foldr) ------------------------------
def map_fn(fn, elems, name=None):
    """``[fn(e) for e in elems]`` stacked (``theano.map``)."""
    if is_numeric(elems):
        return ops.map(fn, unwrap(elems))
    return pytensor.scan(fn, sequences=elems, name=name, return_updates=True)[0]


def foldl(fn, elems, initializer=None, name=None):
    """``fn(...fn(fn(initializer, e0), e1)..., en)``; ``initializer`` defaults to ``elems[0]``."""
    if initializer is None:
        initializer = elems[0]
        elems = elems[1:]
    if is_numeric(elems, initializer):
        acc = unwrap(initializer)
        for i in range(int(ops.shape(unwrap(elems))[0])):
            acc = fn(acc, unwrap(elems)[i])
        return acc
    from pytensor.scan.views import foldl as theano_foldl

    return theano_foldl(lambda x, acc: fn(acc, x), elems, initializer, name=name,
                        return_updates=True)[0]


def foldr(fn, elems, initializer=None, name=None):
    """Like :func:`foldl` from the last element; ``initializer`` defaults to ``elems[-1]``."""
    if initializer is None:
        initializer = elems[-1]
        elems = elems[:-1]
    if is_numeric(elems, initializer):
        acc = unwrap(initializer)
        for i in reversed(range(int(ops.shape(unwrap(elems))[0]))):
            acc = fn(acc, unwrap(elems)[i])
        return acc
    from pytensor.scan.views import foldr as theano_foldr

    return theano_foldr(lambda x, acc: fn(acc, x), elems, initializer, name=name,
                        return_updates=True)[0]


# -- more tensor manipulation ------------------------------------------------------------
def arange(start, stop=None, step=1, dtype="int32"):
    """Theano's arange (one argument is the stop); int32 by default, like TensorFlow's."""
    if is_numeric(start, stop, step):
        return ops.arange(unwrap(start), unwrap(stop), unwrap(step), dtype=dtype)
    return T.arange(start, stop=stop, step=step, dtype=dtype)


def tile(x, n):
    """``x`` repeated ``n[i]`` times along axis i (``n`` an int or a list)."""
    return ops.tile(unwrap(x), n) if is_numeric(x) else _theano_tile(x, n)


def _theano_tile(x, reps):
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


def stack(x):
    """Stacks a list of tensors along a new first axis."""
    if is_numeric(*x):
        return ops.stack(unwrap(list(x)), axis=0)
    return T.stack(list(x))


def pack(x):
    """Keras 1.0-1.1's name of :func:`stack` (Keras 1.2 renamed it; kept for old
    scripts)."""
    return stack(x)


def repeat_elements(x, rep, axis):
    """Repeats each element ``rep`` times along ``axis`` ((s1, s2) -> (s1, s2 * rep))."""
    if is_numeric(x):
        return ops.repeat(unwrap(x), rep, axis=axis)
    return theano_graphs.repeat(x, rep, axis % x.ndim)


def one_hot(indices, nb_classes):
    """(d1, ..., dn) integer indices -> (d1, ..., dn, nb_classes) one-hot floats."""
    if is_numeric(indices):
        return ops.one_hot(ops.cast(unwrap(indices), "int32"), nb_classes, dtype=floatx())
    input_shape = tuple(indices.shape[i] for i in range(indices.ndim))
    one_hot_flat = theano_graphs.to_one_hot(T.flatten(indices), nb_classes, dtype=floatx())
    return T.reshape(one_hot_flat, input_shape + (nb_classes,))


def reverse(x, axes):
    """``x`` reversed along ``axes`` (an int or a list)."""
    if isinstance(axes, int):
        axes = [axes]
    if is_numeric(x):
        return ops.flip(unwrap(x), axis=tuple(axes))
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


def sparse_categorical_crossentropy(output, target, from_logits=False):
    """Integer targets (any shape whose size is the batch's) against ``output``."""
    if is_numeric(output, target):
        output_ = unwrap(output)
        labels = ops.cast(ops.reshape(unwrap(target), (-1,)), "int32")
        one_hot_target = ops.reshape(ops.one_hot(labels, ops.shape(output_)[-1],
                                                 dtype=output_.dtype), ops.shape(output_))
        return categorical_crossentropy(output_, one_hot_target, from_logits)
    labels = T.cast(T.flatten(target), "int32")
    one_hot_target = theano_graphs.to_one_hot(labels, output.shape[-1], dtype=floatx())
    one_hot_target = T.reshape(one_hot_target, output.shape)
    return categorical_crossentropy(output, one_hot_target, from_logits)


def binary_crossentropy(output, target, from_logits=False):
    if from_logits:
        output = sigmoid(output)
    output = clip(output, CLIP_EPSILON, 1.0 - CLIP_EPSILON)
    return -(target * log(output) + (1.0 - target) * log(1.0 - output))


def l2_normalize(x, axis):
    """x / sqrt(sum(x**2, axis)); symbolically Theano's plain ``sqrt`` (no clip)."""
    if is_numeric(x):
        norm = sqrt(sum(square(x), axis=axis, keepdims=True))
    else:
        norm = T.sqrt(T.sum(T.sqr(x), axis=axis, keepdims=True))
    return x / norm


def in_top_k(predictions, targets, k):
    """1.0 where ``targets`` is among the ``k`` largest predictions of its row."""
    if is_numeric(predictions, targets):
        top = ops.top_k(unwrap(predictions), k)[1]
        found = ops.any(ops.equal(top, ops.expand_dims(ops.cast(unwrap(targets), top.dtype), -1)),
                        axis=-1)
        return ops.cast(found, floatx())
    top = T.argsort(predictions)[:, -k:]
    return T.any(T.eq(top, targets.dimshuffle(0, "x")), axis=-1)


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
def gather(reference, indices):
    """``reference[indices]`` along the first axis (Embedding's lookup).

    Symbolically Theano's ``take``: ``AdvancedSubtensor1`` on the flattened indices,
    reshaped to ``indices.shape + reference.shape[1:]``.
    """
    if is_numeric(reference, indices):
        return ops.take(unwrap(reference), ops.cast(unwrap(indices), "int32"), axis=0)
    indices = T.as_tensor_variable(indices)
    if indices.ndim == 1:
        return reference[indices]
    shape = T.concatenate([indices.shape, reference.shape[1:]])
    return T.reshape(reference[T.flatten(indices)], shape,
                     ndim=indices.ndim + reference.ndim - 1)


def pattern_broadcast(x, broatcastable):
    """Theano's ``patternbroadcast`` (a ``Rebroadcast`` node where the pattern changes);
    in Keras 3 execution the value itself (its length-1 axes broadcast anyway). The
    second parameter keeps Keras 1.2.2's spelling, ``broatcastable``."""
    if is_numeric(x):
        return unwrap(x)
    from legacy_keras.theano.tensor.rebroadcast import patternbroadcast

    return patternbroadcast(x, broatcastable)


# -- random tensors ---------------------------------------------------------------------------
# Keras 1.2.2 drew from a new Theano MRG_RandomStreams per call, seeded from NumPy's
# global generator when no seed was given: building a noise layer advanced np.random.
# legacy_keras does the same when it builds the symbolic graph. In Keras 3 execution the
# samples come from keras.random (same distributions, other numbers), and np.random is
# left alone: Keras 1 compiled its graph once, while Keras 3 may trace `call` again.
def _mrg_streams(seed):
    from legacy_keras.theano.sandbox.rng_mrg import MRG_RandomStreams

    if seed is None:
        seed = np.random.randint(1, 10e6)
    return MRG_RandomStreams(seed=seed)


def _numeric_shape(shape):
    """The shape for keras.random, or None when the call builds a PyTensor graph."""
    if isinstance(shape, pytensor.graph.basic.Variable) and not in_numeric_execution():
        return None
    values = list(shape) if isinstance(shape, (list, tuple)) else None
    if values is None:
        return tuple(unwrap(shape)) if is_numeric(shape) else None
    if in_numeric_execution() or builtins.any(is_modern_tensor(v) for v in values):
        return tuple(unwrap(values))
    return None


def random_normal(shape, mean=0.0, std=1.0, dtype=None, seed=None):
    dtype = dtype or floatx()
    numeric = _numeric_shape(shape)
    if numeric is not None:
        return keras.random.normal(numeric, mean=mean, stddev=std, dtype=dtype)
    return _mrg_streams(seed).normal(size=shape, avg=mean, std=std, dtype=dtype)


def random_uniform(shape, low=0.0, high=1.0, dtype=None, seed=None):
    dtype = dtype or floatx()
    numeric = _numeric_shape(shape)
    if numeric is not None:
        return keras.random.uniform(numeric, minval=low, maxval=high, dtype=dtype)
    return _mrg_streams(seed).uniform(shape, low=low, high=high, dtype=dtype)


def random_binomial(shape, p=0.0, dtype=None, seed=None):
    dtype = dtype or floatx()
    numeric = _numeric_shape(shape)
    if numeric is not None:
        return ops.cast(keras.random.uniform(numeric) < p, dtype)
    return _mrg_streams(seed).binomial(shape, p=p, dtype=dtype)


# -- batch normalization ------------------------------------------------------------------------
def _broadcast_param(param, target_ndim, reduction_axes):
    """A per-feature parameter reshaped to broadcast against the input."""
    if len(param.shape) == target_ndim:
        return param
    shape = [1 if i in reduction_axes else -1 for i in range(target_ndim)]
    return ops.reshape(param, shape)


def normalize_batch_in_training(x, gamma, beta, reduction_axes, epsilon=1e-3):
    """(normalized x, batch mean, batch variance) over ``reduction_axes``.

    Keras 1.2.2 on Theano 1.0 used ``T.nnet.bn.batch_normalization_train`` and returned
    ``1 / invstd ** 2``, i.e. the variance plus ``epsilon``, as its third value; so does
    legacy_keras (BatchNormalization's ``running_std`` averages it).
    """
    reduction_axes = list(reduction_axes)
    if is_numeric(x, gamma, beta):
        x, gamma, beta = unwrap(x), unwrap(gamma), unwrap(beta)
        mean = ops.mean(x, axis=reduction_axes, keepdims=True)
        variance = ops.var(x, axis=reduction_axes, keepdims=True)
        invstd = 1.0 / ops.sqrt(variance + epsilon)
        ndim = len(x.shape)
        normed = ((x - mean) * (_broadcast_param(gamma, ndim, reduction_axes) * invstd) +
                  _broadcast_param(beta, ndim, reduction_axes))
        mean = ops.squeeze(mean, axis=reduction_axes)
        invstd = ops.squeeze(invstd, axis=reduction_axes)
        return normed, mean, 1.0 / (invstd ** 2)
    from legacy_keras.theano.tensor.bn import batch_normalization_train

    normed, mean, stdinv = batch_normalization_train(x, gamma, beta, reduction_axes,
                                                        epsilon)
    return normed, mean, T.reciprocal(stdinv ** 2)


def batch_normalization(x, mean, var, beta, gamma, epsilon=1e-3):
    """``(x - mean) * gamma / sqrt(var + epsilon) + beta`` (Theano's
    ``batch_normalization_test``; one-dimensional statistics normalize the last axis)."""
    if is_numeric(x, mean, var, beta, gamma):
        x, mean, var, beta, gamma = unwrap([x, mean, var, beta, gamma])
        return (x - mean) * (gamma / ops.sqrt(var + epsilon)) + beta
    from legacy_keras.theano.tensor.bn import batch_normalization_test

    if mean.ndim == 1:
        reduction_axes = list(range(x.ndim - 1))
    else:
        reduction_axes = [i for i in range(x.ndim) if mean.broadcastable[i]]
    return batch_normalization_test(x, gamma, beta, mean, var, reduction_axes, epsilon)


# -- layers I: masks, repeats, batched products, dropout ------------------------------------
def any(x, axis=None, keepdims=False):
    """Bitwise reduction (logical OR); Theano's ``Any{axis}``."""
    if is_numeric(x):
        return ops.any(unwrap(x), axis=axis, keepdims=keepdims)
    return T.any(x, axis=axis, keepdims=keepdims)


def all(x, axis=None, keepdims=False):
    """Bitwise reduction (logical AND); Theano's ``All{axis}``."""
    if is_numeric(x):
        return ops.all(unwrap(x), axis=axis, keepdims=keepdims)
    return T.all(x, axis=axis, keepdims=keepdims)


def ones_like(x, dtype=None, name=None):
    if is_numeric(x):
        return ops.ones_like(unwrap(x), dtype=dtype)
    return T.ones_like(x, dtype=dtype)


def zeros_like(x, dtype=None, name=None):
    if is_numeric(x):
        return ops.zeros_like(unwrap(x), dtype=dtype)
    return T.zeros_like(x, dtype=dtype)


def repeat(x, n):
    """(samples, dim) -> (samples, n, dim)."""
    if is_numeric(x):
        return ops.repeat(ops.expand_dims(unwrap(x), 1), n, axis=1)
    assert x.ndim == 2
    return theano_graphs.repeat(x.dimshuffle((0, "x", 1)), n, axis=1)


def _numeric_batch_dot(x, y, axes):
    """Keras 1's batch_dot in Keras 3 ops: sum over ``axes``, keep the batch axis, the
    other axes of x, then those of y."""
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


def batch_dot(x, y, axes=None):
    """Keras 1's batch_dot (Theano's ``batched_tensordot``): a dot product per sample over
    ``axes`` (an int or a pair); a 1-D result gets a second axis of length 1."""
    if isinstance(axes, int):
        axes = (axes, axes)
    if is_numeric(x, y):
        x, y = unwrap(x), unwrap(y)
        if axes is None:
            axes = [len(x.shape) - 1, len(y.shape) - 2]
        return _numeric_batch_dot(x, y, [a % len(t.shape) for a, t in zip(axes, (x, y))])
    if axes is None:
        axes = [x.ndim - 1, y.ndim - 2]
    out = theano_graphs.batched_tensordot(x, y, axes=axes)
    if out.ndim == 1:
        out = expand_dims(out, 1)
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


def dropout(x, level, noise_shape=None, seed=None):
    """Zeroes entries with probability ``level`` and scales the rest by 1 / (1 - level).

    Symbolically Theano's graph: an MRG stream's ``binomial`` (``mrg_uniform``), seeded
    by ``np.random.randint`` when ``seed`` is None (which, as in Keras 1.2.2, advances
    NumPy's global generator). In Keras 3 execution, ``keras.random`` draws the mask: the
    same distribution, other random numbers.
    """
    if level < 0. or level >= 1:
        raise ValueError("Dropout level must be in interval [0, 1[.")
    if isinstance(noise_shape, list):
        noise_shape = tuple(noise_shape)
    retain_prob = 1. - level
    if is_numeric(x):
        x = unwrap(x)
        if not random_regularizers_enabled():
            return x
        shape = ops.shape(x) if noise_shape is None else noise_shape
        shape = ops.stack([ops.cast(s, "int32") for s in shape])
        kept = keras.random.uniform(shape, seed=_seed_generator()) < retain_prob
        return x * ops.cast(kept, x.dtype) / retain_prob
    from legacy_keras.theano.sandbox.rng_mrg import MRG_RandomStreams

    if seed is None:
        seed = np.random.randint(1, 10e6)
    rng = MRG_RandomStreams(seed=seed)
    size = x.shape if noise_shape is None else theano_graphs.shape_tuple(noise_shape)
    random_tensor = rng.binomial(size, p=retain_prob, dtype=x.dtype)
    x = x * random_tensor
    return x / retain_prob



# -- convolution, pooling, padding, resizing, rnn (issue 4; in their own module) -------------
from legacy_keras.backend.theano_conv_rnn import (  # noqa: E402,F401
    asymmetric_spatial_2d_padding, asymmetric_temporal_padding, atrous_conv2d, conv1d,
    conv2d, conv3d, deconv2d, pool2d, pool3d, resize_images, resize_volumes, rnn,
    separable_conv2d, spatial_2d_padding, spatial_3d_padding, temporal_padding)
