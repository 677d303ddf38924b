"""``theano.sandbox.rng_mrg``: Theano 1.0's ``MRG_RandomStreams``, on PyTensor.

Keras 1.2.2's Theano backend drew every random tensor (``K.dropout``,
``K.random_binomial``, ``K.random_normal``, ``K.random_uniform``) from
``MRG_RandomStreams(seed)``. Those graphs show an ``mrg_uniform`` op over an unnamed
``int32`` state matrix, ``UndefinedGrad`` around the distribution's parameters, and
for normal samples the Box-Muller transform; the streams here build the same graphs,
so ``debugprint(layer.output)`` of a Dropout or GaussianNoise layer shows what it
showed on Theano.

Deliberate difference: ``mrg_uniform`` draws from NumPy's PCG64 generator seeded by
the stream state, not Theano's MRG31k3p recurrence. The distribution is the same
(uniform on (0, 1)), and every call of a compiled function advances the state, as in
Theano; the exact random numbers differ.
"""
import warnings

import numpy as np
import pytensor
import pytensor.tensor as _pt
from pytensor.gradient import grad_undefined, undefined_grad
from pytensor.graph.basic import Apply, Variable
from pytensor.graph.op import Op
from pytensor.tensor.basic import get_underlying_scalar_constant_value
from pytensor.tensor.exceptions import NotScalarConstantError

from legacy_keras.theano import opnames

# These ops compute in Python (as Theano's own Python implementations did); PyTensor's
# Numba backend runs them in object mode, which is expected here.
warnings.filterwarnings("ignore", message="Numba will use object mode to run mrg_uniform")

M1 = 2147483647
M2 = 2147462579


def guess_n_streams(size):
    """Theano's guess: one stream per 6 samples for a known size, else 60 * 256."""
    if isinstance(size, (tuple, list)) and all(isinstance(i, (int, np.integer)) for i in size):
        total = int(np.prod(size)) if size else 1
        return total // 6 if total > 6 else total
    return 60 * 256


def _constant_entry(vector, i):
    """The value of ``vector[i]`` when it is a constant, else None."""
    try:
        return int(get_underlying_scalar_constant_value(vector[i]))
    except NotScalarConstantError:
        return None


class mrg_uniform(Op):  # noqa: N801  (Theano's class name, printed in graphs)
    """Samples uniform on (0, 1) of shape ``size``; outputs (new state, sample)."""

    __props__ = ("output_type",)

    def __init__(self, output_type):
        self.output_type = output_type

    def theano_str(self):
        return "mrg_uniform{%s,no_inplace}" % opnames.type_str(self.output_type)

    @classmethod
    def new(cls, rstate, ndim, dtype, size):
        v_size = _pt.as_tensor_variable(size)
        if ndim is None:
            ndim = _pt.get_vector_length(v_size)
        return cls(_pt.TensorType(dtype, shape=(None,) * ndim))(rstate, v_size)

    def make_node(self, rstate, size):
        rstate = _pt.as_tensor_variable(rstate)
        size = _pt.as_tensor_variable(size)
        # Theano 1.0.5 made the sample broadcastable where the size is a constant 1.
        shape = tuple(1 if _constant_entry(size, i) == 1 else None
                      for i in range(self.output_type.ndim))
        sample_type = _pt.TensorType(self.output_type.dtype, shape=shape)
        return Apply(self, [rstate, size], [rstate.type(), sample_type()])

    def perform(self, node, inputs, output_storage):
        rstate, size = inputs
        generator = np.random.default_rng(np.asarray(rstate, dtype=np.int64).ravel() % M1)
        sample = generator.random(tuple(int(s) for s in size), dtype=np.float64)
        # (0, 1) excluded at both ends, as MRG31k3p's samples
        sample = np.clip(sample, np.finfo(np.float32).tiny, 1.0 - np.finfo(np.float32).epsneg)
        new_state = generator.integers(1, M2, size=np.shape(rstate), dtype=np.int64)
        output_storage[0][0] = new_state.astype(rstate.dtype)
        output_storage[1][0] = sample.astype(self.output_type.dtype)

    def infer_shape(self, fgraph, node, shapes):
        size = node.inputs[1]
        return [shapes[0], tuple(size[i] for i in range(node.outputs[1].ndim))]

    def pullback(self, inputs, outputs, output_grads):
        return [grad_undefined(self, k, inp, "No gradient defined through random "
                               "sampling op") for k, inp in enumerate(inputs)]


def _check_size(size):
    """``size`` as a one-dimensional integer tensor (Theano's _check_size)."""
    if isinstance(size, Variable):
        if size.ndim == 1:
            return size
        if size.ndim == 0:
            return _pt.stack([size])
        raise ValueError("Theano variable must have 1 dimension to be a valid size.", size)
    if isinstance(size, (int, np.integer)):
        return _pt.constant([size])
    if not isinstance(size, (tuple, list)):
        raise ValueError("Size must be a int, tuple, list or Theano variable.", size)
    if not size:
        return _pt.constant(np.zeros(0, dtype="int64"))
    return _pt.as_tensor_variable(tuple(size))


class MRG_RandomStreams(object):  # noqa: N801
    """Random streams whose samples are graph nodes (``rng.uniform(size)``, ...).

    Each sample owns a shared state matrix updated by every call of a compiled
    function (its ``default_update``), as in Theano.
    """

    def __init__(self, seed=12345):
        self.state_updates = []
        self.default_instance_seed = seed
        self.set_rstate(seed)

    def set_rstate(self, seed):
        """Seeds the generator of new stream states (1 integer or 6 integers, as Theano)."""
        if isinstance(seed, (int, np.integer)):
            if seed == 0:
                raise ValueError("seed should not be 0", seed)
            if seed >= M2:
                raise ValueError("seed should be less than %i" % M2, seed)
            seed = [int(seed)]
        elif len(seed) == 6:
            seed = [int(s) for s in seed]
        else:
            raise TypeError("seed should be 1 integer or 6 integers")
        self._generator = np.random.default_rng(seed)

    def updates(self):
        """The (state, new state, size, nstreams) of every sample drawn so far."""
        return list(self.state_updates)

    def seed(self, seed=None):
        """Re-initializes every random stream from ``seed`` (default: the constructor's)."""
        if seed is None:
            seed = self.default_instance_seed
        self.set_rstate(seed)
        for old_r, _, size, nstreams in self.state_updates:
            shape = old_r.get_value(borrow=True).shape
            values = self._generator.integers(1, M2, size=shape, dtype=np.int64)
            old_r.set_value(values.astype(old_r.dtype), borrow=True)

    def _unsupported(self, name):
        raise NotImplementedError(
            "MRG_RandomStreams.%s is not supported by legacy_keras (the Theano facade on "
            "PyTensor); see migration_guide.md ('What cannot be migrated automatically')."
            % name)

    def multinomial(self, *args, **kwargs):
        self._unsupported("multinomial")

    def choice(self, *args, **kwargs):
        self._unsupported("choice")

    def multinomial_wo_replacement(self, *args, **kwargs):
        self._unsupported("multinomial_wo_replacement")

    def truncated_normal(self, *args, **kwargs):
        self._unsupported("truncated_normal")

    def _new_state(self, size, nstreams):
        nstreams = nstreams or guess_n_streams(size)
        values = self._generator.integers(1, M2, size=(nstreams, 6), dtype=np.int64)
        return pytensor.shared(values.astype("int32"))

    def uniform(self, size, low=0.0, high=1.0, ndim=None, dtype=None, nstreams=None,
                **kwargs):
        if kwargs:
            raise TypeError("uniform() got unexpected keyword arguments %s"
                            % str(kwargs.keys()))
        low = _pt.as_tensor_variable(low)
        high = _pt.as_tensor_variable(high)
        if dtype is None:
            dtype = pytensor.scalar.upcast(pytensor.config.floatX, low.dtype, high.dtype)
        low = undefined_grad(_pt.cast(low, dtype))
        high = undefined_grad(_pt.cast(high, dtype))
        if isinstance(size, tuple):
            if any(isinstance(i, (int, np.integer)) and i <= 0 for i in size):
                raise ValueError("The specified size contains a dimension with value <= 0",
                                 size)
        elif not (isinstance(size, Variable) and size.ndim == 1):
            raise TypeError("size must be a tuple of int or a Theano Variable with 1 "
                            "dimension, got " + str(size) + " of type " + str(type(size)))
        rstate = self._new_state(size, nstreams)
        new_rstate, u = mrg_uniform.new(rstate, ndim, dtype, size)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            rstate.default_update = new_rstate
        rstate.tag.is_rng = True
        u.rstate = rstate
        u.update = (rstate, new_rstate)
        self.state_updates.append((rstate, new_rstate, size, nstreams))
        return u * (high - low) + low

    def binomial(self, size=None, n=1, p=0.5, ndim=None, dtype="int64", nstreams=None):
        if n != 1:
            raise NotImplementedError("MRG_RandomStreams.binomial with n > 1")
        p = undefined_grad(_pt.as_tensor_variable(p))
        x = self.uniform(size=size, ndim=ndim, nstreams=nstreams)
        return _pt.cast(x < p, dtype)

    def normal(self, size, avg=0.0, std=1.0, ndim=None, dtype=None, nstreams=None):
        """Box-Muller on an even number of uniform samples, as Theano 1.0.5."""
        size = _check_size(size)
        avg = undefined_grad(_pt.as_tensor_variable(avg))
        std = undefined_grad(_pt.as_tensor_variable(std))
        if dtype is None:
            dtype = pytensor.scalar.upcast(pytensor.config.floatX, avg.dtype, std.dtype)
        avg = _pt.cast(avg, dtype)
        std = _pt.cast(std, dtype)
        n_odd_samples = _pt.prod(size, dtype="int64")
        n_even_samples = n_odd_samples + n_odd_samples % 2
        uniform = self.uniform((n_even_samples,), low=0., high=1., ndim=1, dtype=dtype,
                               nstreams=nstreams)
        u1 = uniform[:n_even_samples // 2]
        u2 = uniform[n_even_samples // 2:]
        r = _pt.sqrt(-2.0 * _pt.log(u1))
        theta = np.array(2.0 * np.pi, dtype=dtype) * u2
        z0 = r * _pt.cos(theta)
        z1 = r * _pt.sin(theta)
        samples = _pt.join(0, z0, z1)[:n_odd_samples]
        samples = _pt.reshape(samples, size, ndim=ndim)
        samples = samples * std
        samples = samples + avg
        return samples
