"""Theano 1.0 tensor functions whose graphs PyTensor builds differently.

Each builds, with PyTensor ops, the graph Theano 1.0.5 built, so ``debugprint`` shows
what it showed; the numbers are the same either way.
"""
import numpy as np
import pytensor.tensor as _pt


def mean(input, axis=None, dtype=None, op=False, keepdims=False, acc_dtype=None):
    """Theano's mean: the sum, then one division per reduced axis by that axis' length
    (the shape cast to float32 for float32 sums), the result named ``'mean'``."""
    if op:
        raise NotImplementedError("theano.tensor.mean(op=True) is not supported by "
                                  "legacy_keras; see migration_guide.md.")
    input = _pt.as_tensor_variable(input)
    total = _pt.sum(input, axis=axis, dtype=dtype, keepdims=keepdims, acc_dtype=acc_dtype)
    lengths = _pt.cast(input.shape, "float32" if total.dtype in ("float16", "float32",
                                                                 "complex64") else "float64")
    if axis is None:
        axes = list(range(input.ndim))
    elif isinstance(axis, (list, tuple)):
        axes = list(axis)
    else:
        axes = [axis]
    for i in axes:
        total = _pt.true_div(total, lengths[i])
    total.name = "mean"
    return total


def var(input, axis=None, ddof=0, keepdims=False, corrected=False):
    """Theano's var: the mean of the squared deviations from the (kept-dims) mean, built
    from :func:`mean` with the axes as given (``-1`` stays ``-1``), named ``'var'``."""
    if ddof != 0 or corrected:
        raise NotImplementedError("theano.tensor.var(ddof=, corrected=) is not supported by "
                                  "legacy_keras; see migration_guide.md.")
    input = _pt.as_tensor_variable(input)
    if axis is None:
        axis = list(range(input.ndim))
    elif isinstance(axis, (int, np.integer)):
        axis = [int(axis)]
    else:
        axis = [int(a) for a in axis]
    centered = input - mean(input, axis, keepdims=True)
    two = _pt.constant(2, dtype=centered.dtype)
    v = mean(centered ** two, axis, keepdims=keepdims)
    v.name = "var"
    return v


def std(input, axis=None, ddof=0, keepdims=False, corrected=False):
    """Theano's std: ``sqrt(var(...))``, named ``'std'``."""
    result = _pt.sqrt(var(input, axis=axis, ddof=ddof, keepdims=keepdims,
                          corrected=corrected))
    result.name = "std"
    return result
