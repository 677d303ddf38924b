"""``keras.utils.np_utils`` (Keras 1.2.2): NumPy helpers for labels, probabilities,
convolution kernels and convolution output sizes."""
import numpy as np

from legacy_keras import backend as K


def to_categorical(y, nb_classes=None):
    """Class vector (integers from 0 to ``nb_classes - 1``) -> binary class matrix.

    As in Keras 1.2.2: ``y`` is flattened, ``nb_classes`` defaults to ``max(y) + 1`` and
    the result is float64 of shape ``(len(y), nb_classes)``.
    """
    y = np.array(y, dtype="int").ravel()
    if not nb_classes:
        nb_classes = np.max(y) + 1
    n = y.shape[0]
    categorical = np.zeros((n, nb_classes))
    categorical[np.arange(n), y] = 1
    return categorical


def normalize(a, axis=-1, order=2):
    """``a`` divided by its ``order``-norm along ``axis`` (zero norms left at 1)."""
    norms = np.atleast_1d(np.linalg.norm(a, order, axis))
    norms[norms == 0] = 1
    return a / np.expand_dims(norms, axis)


def binary_logloss(p, y):
    """Mean binary log loss of probabilities ``p`` for labels ``y`` (clipped at 1e-15)."""
    epsilon = 1e-15
    p = np.minimum(1 - epsilon, np.maximum(epsilon, p))
    total = sum(y * np.log(p) + np.subtract(1, y) * np.log(np.subtract(1, p)))
    return total * (-1.0 / len(y))


def multiclass_logloss(p, y):
    """Keras 1.2.2's multiclass log loss: labels ``y`` are 1-based (``p[i][y[i] - 1]``)."""
    picked = [p[i][y[i] - 1] for i in range(len(y))]
    return -(1. / len(y)) * np.sum(np.log(picked))


def accuracy(p, y):
    """Fraction of positions where ``p`` and ``y`` are equal."""
    return np.mean([a == b for a, b in zip(p, y)])


def probas_to_classes(y_pred):
    """Class indices: argmax for several columns, ``p > 0.5`` for one."""
    if len(y_pred.shape) > 1 and y_pred.shape[1] > 1:
        return categorical_probas_to_classes(y_pred)
    return np.array([1 if p > 0.5 else 0 for p in y_pred])


def categorical_probas_to_classes(p):
    return np.argmax(p, axis=1)


def _kernel_flip_slices(ndim, dim_ordering):
    """Index that reverses every spatial axis of a kernel and keeps the depth axes."""
    flip = [slice(None, None, -1)] * ndim
    keep = [slice(None, None)] * 2
    if dim_ordering == "th":  # (out_depth, input_depth, ...spatial)
        flip[:2] = keep
    elif dim_ordering == "tf":  # (...spatial, input_depth, out_depth)
        flip[-2:] = keep
    else:
        raise ValueError("Invalid dim_ordering:", dim_ordering)
    return tuple(flip)


def convert_kernel(kernel, dim_ordering=None):
    """A 4D/5D kernel with its spatial axes reversed: Theano <-> TensorFlow kernels.

    Its own inverse. ``dim_ordering`` defaults to ``K.image_dim_ordering()``. Keras 1.2.2
    indexed with a list of slices, which NumPy >= 1.23 refuses (IndexError); this is
    the same flip with a tuple index, so it works on today's NumPy.
    """
    if dim_ordering is None:
        dim_ordering = K.image_dim_ordering()
    kernel = np.asarray(kernel)
    if not 4 <= kernel.ndim <= 5:
        raise ValueError("Invalid kernel shape:", kernel.shape)
    return np.copy(kernel[_kernel_flip_slices(kernel.ndim, dim_ordering)])


def conv_output_length(input_length, filter_size, border_mode, stride, dilation=1):
    """Output length of a convolution ('same', 'valid' or 'full'); ``None`` stays None."""
    if input_length is None:
        return None
    assert border_mode in {"same", "valid", "full"}
    dilated_filter_size = filter_size + (filter_size - 1) * (dilation - 1)
    if border_mode == "same":
        output_length = input_length
    elif border_mode == "valid":
        output_length = input_length - dilated_filter_size + 1
    else:
        output_length = input_length + dilated_filter_size - 1
    return (output_length + stride - 1) // stride


def conv_input_length(output_length, filter_size, border_mode, stride):
    """Input length of a convolution given its output length (inverse of the above)."""
    if output_length is None:
        return None
    assert border_mode in {"same", "valid", "full"}
    if border_mode == "same":
        pad = filter_size // 2
    elif border_mode == "valid":
        pad = 0
    else:
        pad = filter_size - 1
    return (output_length - 1) * stride - 2 * pad + filter_size
