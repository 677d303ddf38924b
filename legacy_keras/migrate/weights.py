"""Keras 1 weights (as ``layer.get_weights()`` gives them) -> the Keras 3 layer's weights.

Used by ``legacy-keras compare`` to start the migrated script from the very weights the
legacy one had. The layouts are data (``legacy_keras.renames.WEIGHT_LAYOUTS``): Keras
1.2.2 on Theano convolved with flipped kernels (TensorFlow correlates), 'th' kernels
were (nb_filter, stack, rows, cols), and the recurrent layers kept one W, U, b per gate
(LSTM and ConvLSTM2D in the order i, c, f, o; GRU z, r, h) where Keras 3 stacks them
into kernel, recurrent_kernel and bias (i, f, c, o; z, r, h).
"""
import numpy as np

from legacy_keras.renames import WEIGHT_LAYOUTS

#: Kernel kind -> (the transpose of a 'th' kernel into Keras 3's layout, spatial axes).
_KERNELS = {"conv2d": ((2, 3, 1, 0), (0, 1)), "conv3d": ((2, 3, 4, 1, 0), (0, 1, 2))}


def _flip(kernel, spatial_axes):
    return kernel[tuple(slice(None, None, -1) if axis in spatial_axes else slice(None)
                        for axis in range(kernel.ndim))]


def kernel_to_keras3(kind, kernel, dim_ordering):
    """One Keras 1 convolution kernel of ``kind`` ('conv1d', 'conv2d', 'conv3d') in
    Keras 3's layout, flipped (Theano convolved)."""
    if kind == "conv1d":  # (filter_length, 1, input_dim, nb_filter) -> 3-D
        return _flip(kernel[:, 0], (0,))
    transpose, spatial_axes = _KERNELS[kind]
    if dim_ordering == "th":
        kernel = kernel.transpose(transpose)
    return _flip(kernel, spatial_axes)


def _stacked_gates(layout, weights, dim_ordering):
    """Keras 1's W, U, b per gate -> Keras 3's kernel, recurrent_kernel, bias."""
    per_gate = {gate: weights[3 * index:3 * index + 3]
                for index, gate in enumerate(layout.keras1_gates)}
    stacked = []
    for part in range(3):  # W, U, b
        arrays = [per_gate[gate][part] for gate in layout.keras3_gates]
        if layout.kernel is not None and part < 2:
            arrays = [kernel_to_keras3(layout.kernel, a, dim_ordering) for a in arrays]
        stacked.append(np.concatenate(arrays, axis=-1))
    return stacked


def to_keras3(class_name, weights, dim_ordering=None):
    """The Keras 3 weights of the layer Keras 1's ``class_name`` became."""
    weights = [np.asarray(w) for w in weights]
    layout = WEIGHT_LAYOUTS.get(class_name)
    if layout is None:
        return weights
    if layout.keras1_gates is not None:
        if len(weights) == 3:  # consume_less='gpu': already fused in Keras 3's order
            return weights
        return _stacked_gates(layout, weights, dim_ordering)
    return [kernel_to_keras3(layout.kernel, weights[0], dim_ordering)] + weights[1:]
