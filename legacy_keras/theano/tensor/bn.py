"""``theano.tensor.nnet.bn``: Theano 1.0's batch normalization, on PyTensor.

PyTensor has no batch-normalization ops. Keras 1.2.2's Theano backend built
``BatchNormalization`` from ``batch_normalization_train`` / ``batch_normalization_test``,
whose graphs show two ops, ``AbstractBatchNormTrain{axes=(0,)}`` (three outputs: the
normalized input, the batch mean and the inverse standard deviation) and
``AbstractBatchNormInference{axes=(0,)}``. The ops here carry those names and
inputs, compute with NumPy (as Theano's Python implementation did) and differentiate
through the equivalent PyTensor expression, so ``debugprint`` shows what Theano showed
and ``T.grad`` / ``theano.function`` work.

Not supported (Theano had them; Keras 1 never used them): the ``running_mean`` /
``running_var`` arguments of ``batch_normalization_train`` (Keras 1 updates its running
statistics itself, through ``layer.updates``).
"""
import warnings

import numpy as np
import pytensor
import pytensor.tensor as _pt
from pytensor.gradient import DisconnectedType, disconnected_type
from pytensor.graph.basic import Apply
from pytensor.graph.op import Op

# These ops compute in Python (as Theano's own Python implementations did); PyTensor's
# Numba backend runs them in object mode, which is expected here.
warnings.filterwarnings("ignore", message="Numba will use object mode to run AbstractBatchNorm")


def _prepare_axes(axes, ndim):
    """(normalized axes, the other axes), as Theano's _prepare_batch_normalization_axes."""
    if axes == "per-activation":
        axes = (0,)
    elif axes == "spatial":
        axes = (0,) + tuple(range(2, ndim))
    elif isinstance(axes, (tuple, list, np.ndarray)):
        axes = tuple(int(a) for a in axes)
    else:
        raise ValueError("invalid axes: %s" % str(axes))
    axes = tuple(sorted(axes))
    if len(axes) == 0:
        raise ValueError("there should be at least one normalization axis")
    if min(axes) < 0 or max(axes) >= ndim:
        raise ValueError("axes should be less than ndim (<%d), but %s given"
                         % (ndim, str(axes)))
    non_bc_axes = tuple(i for i in range(ndim) if i not in axes)
    return axes, non_bc_axes


def _checked_epsilon(epsilon):
    epsilon = np.asarray(epsilon, dtype=pytensor.config.floatX)
    if epsilon < 1e-5:
        raise ValueError("epsilon must be at least 1e-5, got %s" % str(epsilon))
    return epsilon


def _as_param(param, ndim, axes, non_bc_axes):
    """A parameter broadcast like the input: DimShuffle when it lacks the normalized
    axes (``InplaceDimShuffle{x,0}``), else marked broadcastable on them."""
    param = _pt.as_tensor_variable(param)
    if param.ndim == ndim:
        return _pt.specify_broadcastable(param, *axes) if not all(
            param.type.broadcastable[a] for a in axes) else param
    if param.ndim != len(non_bc_axes):
        raise ValueError("gamma and beta dimensionality must match the number of "
                         "non-normalized axes, or have the same number of dimensions as "
                         "the inputs; got %d instead of %d" % (param.ndim, len(non_bc_axes)))
    pattern = ["x"] * ndim
    for i, axis in enumerate(non_bc_axes):
        pattern[axis] = i
    return param.dimshuffle(pattern)


def _reference_train(x, scale, bias, epsilon, axes):
    """The training computation as PyTensor expressions (for gradients)."""
    mean = x.mean(axes, keepdims=True)
    var = x.var(axes, keepdims=True)
    invstd = _pt.reciprocal(_pt.sqrt(var + epsilon))
    out = (x - mean) * (scale * invstd) + bias
    return out, mean, invstd


def _reference_inference(x, scale, bias, mean, var, epsilon):
    return (x - mean) * (scale / _pt.sqrt(var + epsilon)) + bias


def _pullback(inputs, differentiable, outputs, output_grads):
    """Gradients of ``outputs`` (given ``output_grads``) wrt ``inputs``; the inputs not
    in ``differentiable`` (epsilon, the running-average factor) are disconnected."""
    known = {out: grad for out, grad in zip(outputs, output_grads)
             if not isinstance(grad.type, DisconnectedType)}
    if not known:
        return [disconnected_type() for _ in inputs]
    grads = pytensor.grad(None, wrt=list(differentiable), known_grads=known,
                          disconnected_inputs="ignore", return_disconnected="zero")
    grads = list(grads)
    return grads + [disconnected_type() for _ in inputs[len(differentiable):]]


class AbstractBatchNormTrain(Op):
    """Batch normalization with the batch's statistics: outputs (normalized input, mean,
    inverse standard deviation); mean and invstd have the parameters' layout."""

    __props__ = ("axes",)

    def __init__(self, axes=(0,)):
        self.axes = tuple(int(a) for a in axes)

    def theano_str(self):
        return "AbstractBatchNormTrain{axes=%s}" % (self.axes,)

    def make_node(self, x, scale, bias, epsilon=1e-4, running_average_factor=0.1):
        x, scale, bias = (_pt.as_tensor_variable(v) for v in (x, scale, bias))
        epsilon = _pt.as_tensor_variable(epsilon)
        running_average_factor = _pt.as_tensor_variable(running_average_factor)
        if not (x.ndim == scale.ndim == bias.ndim):
            raise ValueError("x, scale and bias must have the same number of dimensions")
        inputs = [x, scale, bias, epsilon, running_average_factor]
        return Apply(self, inputs, [x.type(), scale.type(), scale.type()])

    def infer_shape(self, fgraph, node, shapes):
        return [shapes[0], shapes[1], shapes[1]]

    def connection_pattern(self, node):
        # x reaches every output; scale and bias only the normalized one; epsilon and the
        # running-average factor are constants (Theano did not differentiate them).
        return [[True, True, True], [True, False, False], [True, False, False],
                [False, False, False], [False, False, False]]

    def perform(self, node, inputs, output_storage):
        x, scale, bias, epsilon = inputs[:4]
        mean = x.mean(self.axes, keepdims=True)
        var = x.var(self.axes, keepdims=True)
        invstd = 1.0 / np.sqrt(var + epsilon)
        out = (x - mean) * (scale * invstd) + bias
        dtype = node.outputs[0].dtype
        output_storage[0][0] = np.asarray(out, dtype=dtype)
        output_storage[1][0] = np.asarray(mean, dtype=node.outputs[1].dtype)
        output_storage[2][0] = np.asarray(invstd, dtype=node.outputs[2].dtype)

    def pullback(self, inputs, outputs, output_grads):
        x, scale, bias, epsilon = inputs[:4]
        reference = _reference_train(x, scale, bias, epsilon, self.axes)
        return _pullback(inputs, inputs[:3], reference, output_grads)


class AbstractBatchNormInference(Op):
    """Batch normalization with given statistics:
    ``(x - mean) * scale / sqrt(var + epsilon) + bias``."""

    __props__ = ("axes",)

    def __init__(self, axes=(0,)):
        self.axes = tuple(int(a) for a in axes)

    def theano_str(self):
        return "AbstractBatchNormInference{axes=%s}" % (self.axes,)

    def make_node(self, x, scale, bias, estimated_mean, estimated_variance, epsilon=1e-4):
        values = [_pt.as_tensor_variable(v) for v in
                  (x, scale, bias, estimated_mean, estimated_variance)]
        if len({v.ndim for v in values}) != 1:
            raise ValueError("all inputs of AbstractBatchNormInference must have the same "
                             "number of dimensions")
        return Apply(self, values + [_pt.as_tensor_variable(epsilon)], [values[0].type()])

    def infer_shape(self, fgraph, node, shapes):
        return [shapes[0]]

    def connection_pattern(self, node):
        return [[True]] * 5 + [[False]]

    def perform(self, node, inputs, output_storage):
        x, scale, bias, mean, var, epsilon = inputs
        out = (x - mean) * (scale / np.sqrt(var + epsilon)) + bias
        output_storage[0][0] = np.asarray(out, dtype=node.outputs[0].dtype)

    def pullback(self, inputs, outputs, output_grads):
        reference = [_reference_inference(*inputs)]
        return _pullback(inputs, inputs[:5], reference, output_grads)


def batch_normalization_train(inputs, gamma, beta, axes="per-activation", epsilon=1e-4,
                              running_average_factor=0.1, running_mean=None,
                              running_var=None):
    """(normalized inputs, mean, invstd) with the batch's statistics over ``axes``.

    As in Theano 1.0.5, parameters given without the normalized axes are broadcast with
    a DimShuffle, and mean / invstd come back in the parameters' layout.
    """
    if running_mean is not None or running_var is not None:
        raise NotImplementedError(
            "batch_normalization_train(running_mean=, running_var=) is not supported by "
            "legacy_keras; update the running statistics yourself (see migration_guide.md).")
    inputs = _pt.as_tensor_variable(inputs)
    ndim = inputs.ndim
    axes, non_bc_axes = _prepare_axes(axes, ndim)
    params_ndim = ndim if _pt.as_tensor_variable(gamma).ndim == ndim else len(non_bc_axes)
    epsilon = _checked_epsilon(epsilon)
    gamma = _as_param(gamma, ndim, axes, non_bc_axes)
    beta = _as_param(beta, ndim, axes, non_bc_axes)
    out, mean, invstd = AbstractBatchNormTrain(axes=axes)(
        inputs, gamma, beta, epsilon, running_average_factor)
    if params_ndim != ndim:
        mean = mean.dimshuffle(non_bc_axes)
        invstd = invstd.dimshuffle(non_bc_axes)
    return out, mean, invstd


def batch_normalization_test(inputs, gamma, beta, mean, var, axes="per-activation",
                             epsilon=1e-4):
    """Inputs normalized with the given ``mean`` and ``var``."""
    inputs = _pt.as_tensor_variable(inputs)
    ndim = inputs.ndim
    axes, non_bc_axes = _prepare_axes(axes, ndim)
    epsilon = _checked_epsilon(epsilon)
    params = [_as_param(p, ndim, axes, non_bc_axes) for p in (gamma, beta, mean, var)]
    return AbstractBatchNormInference(axes=axes)(inputs, *params, epsilon)
