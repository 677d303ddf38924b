"""Keras 1 weights (as ``layer.get_weights()`` gives them) -> the Keras 3 layer's weights.

Used by ``legacy-keras compare`` to start the migrated script from the very weights the
legacy one had. The layouts are Keras 1.2.2 on Theano's: convolution kernels flipped
(Theano convolved; TensorFlow correlates), 'th' kernels (nb_filter, stack, rows, cols),
recurrent weights split per gate in the order i, c, f, o (LSTM) / z, r, h (GRU).
"""
import numpy as np


def _flip(kernel, spatial_axes):
    return kernel[tuple(slice(None, None, -1) if axis in spatial_axes else slice(None)
                        for axis in range(kernel.ndim))]


def _conv2d(weights, dim_ordering):
    kernel = weights[0]
    if dim_ordering == "th":
        kernel = kernel.transpose(2, 3, 1, 0)
    return [_flip(kernel, (0, 1))] + list(weights[1:])


def _conv1d(weights, dim_ordering):
    kernel = weights[0][:, 0]  # (filter_length, 1, input_dim, nb_filter) -> 3-D
    return [_flip(kernel, (0,))] + list(weights[1:])


def _conv3d(weights, dim_ordering):
    kernel = weights[0]
    if dim_ordering == "th":
        kernel = kernel.transpose(2, 3, 4, 1, 0)
    return [_flip(kernel, (0, 1, 2))] + list(weights[1:])


def _lstm(weights, dim_ordering):
    if len(weights) == 3:  # consume_less='gpu': already fused in Keras 3's i, f, c, o order
        return list(weights)
    w_i, u_i, b_i, w_c, u_c, b_c, w_f, u_f, b_f, w_o, u_o, b_o = weights
    return [np.concatenate([w_i, w_f, w_c, w_o], axis=-1),
            np.concatenate([u_i, u_f, u_c, u_o], axis=-1),
            np.concatenate([b_i, b_f, b_c, b_o], axis=-1)]


def _gru(weights, dim_ordering):
    if len(weights) == 3:
        return list(weights)
    w_z, u_z, b_z, w_r, u_r, b_r, w_h, u_h, b_h = weights
    return [np.concatenate([w_z, w_r, w_h], axis=-1),
            np.concatenate([u_z, u_r, u_h], axis=-1),
            np.concatenate([b_z, b_r, b_h], axis=-1)]


def _identity(weights, dim_ordering):
    return list(weights)


CONVERTERS = {
    "Convolution2D": _conv2d,
    "AtrousConvolution2D": _conv2d,
    "Convolution1D": _conv1d,
    "AtrousConvolution1D": _conv1d,
    "Convolution3D": _conv3d,
    "LSTM": _lstm,
    "GRU": _gru,
}


def to_keras3(class_name, weights, dim_ordering=None):
    """The Keras 3 weights of the layer Keras 1's ``class_name`` became."""
    return CONVERTERS.get(class_name, _identity)([np.asarray(w) for w in weights],
                                                 dim_ordering)
