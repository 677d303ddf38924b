"""``keras.applications.inception_v3`` (Keras 1.2.2): Inception v3, optionally with its
ImageNet weights (``inception_v3_weights_<ordering>_dim_ordering_<ordering>_kernels
[_notop].h5``). Its input is 299x299 scaled to [-1, 1] (this module's
``preprocess_input``). Reference: Szegedy et al., Rethinking the Inception Architecture
for Computer Vision, http://arxiv.org/abs/1512.00567
"""
from legacy_keras import backend as K
from legacy_keras.applications import _weights
from legacy_keras.applications.imagenet_utils import (  # noqa: F401
    _obtain_input_shape, decode_predictions)
from legacy_keras.engine.topology import Input, get_source_inputs, merge  # noqa: F401
from legacy_keras.engine.training import Model
from legacy_keras.layers import (  # noqa: F401
    AveragePooling2D, BatchNormalization, Convolution2D, Dense, Flatten, MaxPooling2D)
from legacy_keras.utils.data_utils import get_file  # noqa: F401
from legacy_keras.utils.layer_utils import convert_all_kernels_in_model  # noqa: F401

_FILES = _weights.weight_file_names("inception_v3")
TH_WEIGHTS_PATH = _weights.GITHUB_RELEASES + "v0.2/" + _FILES["th", True]
TF_WEIGHTS_PATH = _weights.GITHUB_RELEASES + "v0.2/" + _FILES["tf", True]
TH_WEIGHTS_PATH_NO_TOP = _weights.GITHUB_RELEASES + "v0.2/" + _FILES["th", False]
TF_WEIGHTS_PATH_NO_TOP = _weights.GITHUB_RELEASES + "v0.2/" + _FILES["tf", False]
_MD5 = {("th", True): "b3baf3070cc4bf476d43a2ea61b0ca5f",
        ("th", False): "79aaa90ab4372b4593ba3df64e142f05",
        ("tf", True): "fe114b3ff2ea4bf891e9353d1bbfb32f",
        ("tf", False): "2f3609166de1d967d1a481094754f691"}


def conv2d_bn(x, nb_filter, nb_row, nb_col, border_mode="same", subsample=(1, 1),
              name=None):
    """A ReLU convolution followed by BatchNormalization (``<name>_conv`` /
    ``<name>_bn`` when ``name`` is given, else automatic names)."""
    conv_name = None if name is None else name + "_conv"
    bn_name = None if name is None else name + "_bn"
    x = Convolution2D(nb_filter, nb_row, nb_col, subsample=subsample, activation="relu",
                      border_mode=border_mode, name=conv_name)(x)
    return BatchNormalization(axis=_weights.channel_axis(), name=bn_name)(x)


def _concat(branches, name=None):
    return merge(branches, mode="concat", concat_axis=_weights.channel_axis(), name=name)


def _pool_branch(x, nb_filter):
    x = AveragePooling2D((3, 3), strides=(1, 1), border_mode="same")(x)
    return conv2d_bn(x, nb_filter, 1, 1)


def _block_35(x, index):
    """mixed0..2: 1x1 | 1x1 -> 5x5 | 1x1 -> 3x3 -> 3x3 | avg pool -> 1x1."""
    branch1x1 = conv2d_bn(x, 64, 1, 1)
    branch5x5 = conv2d_bn(conv2d_bn(x, 48, 1, 1), 64, 5, 5)
    branch3x3dbl = conv2d_bn(x, 64, 1, 1)
    branch3x3dbl = conv2d_bn(conv2d_bn(branch3x3dbl, 96, 3, 3), 96, 3, 3)
    branch_pool = _pool_branch(x, 32)
    return _concat([branch1x1, branch5x5, branch3x3dbl, branch_pool], "mixed%d" % index)


def _reduction_a(x):
    """mixed3: strided 3x3 | 1x1 -> 3x3 -> strided 3x3 | max pool."""
    branch3x3 = conv2d_bn(x, 384, 3, 3, subsample=(2, 2), border_mode="valid")
    branch3x3dbl = conv2d_bn(conv2d_bn(x, 64, 1, 1), 96, 3, 3)
    branch3x3dbl = conv2d_bn(branch3x3dbl, 96, 3, 3, subsample=(2, 2), border_mode="valid")
    branch_pool = MaxPooling2D((3, 3), strides=(2, 2))(x)
    return _concat([branch3x3, branch3x3dbl, branch_pool], "mixed3")


def _block_17(x, width, index):
    """mixed4..7: 1x1 | 1x1 -> 1x7 -> 7x1 | 1x1 -> (7x1 -> 1x7) x2 | avg pool -> 1x1;
    ``width`` filters inside the 7x7 factorisations, 192 at their ends."""
    branch1x1 = conv2d_bn(x, 192, 1, 1)
    branch7x7 = conv2d_bn(x, width, 1, 1)
    branch7x7 = conv2d_bn(branch7x7, width, 1, 7)
    branch7x7 = conv2d_bn(branch7x7, 192, 7, 1)
    branch7x7dbl = conv2d_bn(x, width, 1, 1)
    branch7x7dbl = conv2d_bn(branch7x7dbl, width, 7, 1)
    branch7x7dbl = conv2d_bn(branch7x7dbl, width, 1, 7)
    branch7x7dbl = conv2d_bn(branch7x7dbl, width, 7, 1)
    branch7x7dbl = conv2d_bn(branch7x7dbl, 192, 1, 7)
    branch_pool = _pool_branch(x, 192)
    return _concat([branch1x1, branch7x7, branch7x7dbl, branch_pool], "mixed%d" % index)


def _block_17_last(x):
    """mixed7: as the others, but Keras 1.2.2 gave its second factorisation 160 filters
    at the 1x1 and 192 in the 7x1 / 1x7 convolutions."""
    branch1x1 = conv2d_bn(x, 192, 1, 1)
    branch7x7 = conv2d_bn(x, 192, 1, 1)
    branch7x7 = conv2d_bn(branch7x7, 192, 1, 7)
    branch7x7 = conv2d_bn(branch7x7, 192, 7, 1)
    branch7x7dbl = conv2d_bn(x, 160, 1, 1)
    for nb_row, nb_col in ((7, 1), (1, 7), (7, 1), (1, 7)):
        branch7x7dbl = conv2d_bn(branch7x7dbl, 192, nb_row, nb_col)
    branch_pool = _pool_branch(x, 192)
    return _concat([branch1x1, branch7x7, branch7x7dbl, branch_pool], "mixed7")


def _reduction_b(x):
    """mixed8: 1x1 -> strided 3x3 | 1x1 -> 1x7 -> 7x1 -> strided 3x3 | avg pool."""
    branch3x3 = conv2d_bn(conv2d_bn(x, 192, 1, 1), 320, 3, 3, subsample=(2, 2),
                          border_mode="valid")
    branch7x7x3 = conv2d_bn(x, 192, 1, 1)
    branch7x7x3 = conv2d_bn(branch7x7x3, 192, 1, 7)
    branch7x7x3 = conv2d_bn(branch7x7x3, 192, 7, 1)
    branch7x7x3 = conv2d_bn(branch7x7x3, 192, 3, 3, subsample=(2, 2), border_mode="valid")
    branch_pool = AveragePooling2D((3, 3), strides=(2, 2))(x)
    return _concat([branch3x3, branch7x7x3, branch_pool], "mixed8")


def _block_8(x, i):
    """mixed9, mixed10: 1x1 | 1x1 -> (1x3, 3x1) | 1x1 -> 3x3 -> (1x3, 3x1) | avg pool."""
    branch1x1 = conv2d_bn(x, 320, 1, 1)
    branch3x3 = conv2d_bn(x, 384, 1, 1)
    branch3x3 = _concat([conv2d_bn(branch3x3, 384, 1, 3), conv2d_bn(branch3x3, 384, 3, 1)],
                        "mixed9_%d" % i)
    branch3x3dbl = conv2d_bn(conv2d_bn(x, 448, 1, 1), 384, 3, 3)
    branch3x3dbl = _concat([conv2d_bn(branch3x3dbl, 384, 1, 3),
                            conv2d_bn(branch3x3dbl, 384, 3, 1)])
    branch_pool = _pool_branch(x, 192)
    return _concat([branch1x1, branch3x3, branch3x3dbl, branch_pool], "mixed%d" % (9 + i))


def InceptionV3(include_top=True, weights="imagenet", input_tensor=None, input_shape=None,
                classes=1000):
    """The Inception v3 model (Keras 1.2.2), for ``K.image_dim_ordering()``.

    # Arguments
        include_top: with the final 8x8 average pooling, Flatten and Dense
            ``predictions`` (the input must then be 299x299).
        weights: None (random initialization) or 'imagenet'.
        input_tensor: a Keras tensor to use as the image input.
        input_shape: without the top, the input shape (3 channels, at least 139x139).
        classes: with the top and no weights, the number of classes.
    """
    _weights.check_weights_argument(weights, include_top, classes)
    input_shape = _obtain_input_shape(input_shape, default_size=299, min_size=139,
                                      dim_ordering=K.image_dim_ordering(),
                                      include_top=include_top)
    img_input = _weights.model_input(input_tensor, input_shape)
    x = conv2d_bn(img_input, 32, 3, 3, subsample=(2, 2), border_mode="valid")
    x = conv2d_bn(x, 32, 3, 3, border_mode="valid")
    x = conv2d_bn(x, 64, 3, 3)
    x = MaxPooling2D((3, 3), strides=(2, 2))(x)
    x = conv2d_bn(x, 80, 1, 1, border_mode="valid")
    x = conv2d_bn(x, 192, 3, 3, border_mode="valid")
    x = MaxPooling2D((3, 3), strides=(2, 2))(x)
    for index in range(3):
        x = _block_35(x, index)
    x = _reduction_a(x)
    x = _block_17(x, 128, 4)
    for index in (5, 6):
        x = _block_17(x, 160, index)
    x = _block_17_last(x)
    x = _reduction_b(x)
    for i in range(2):
        x = _block_8(x, i)
    if include_top:
        x = AveragePooling2D((8, 8), strides=(8, 8), name="avg_pool")(x)
        x = Flatten(name="flatten")(x)
        x = Dense(classes, activation="softmax", name="predictions")(x)
    model = Model(_weights.model_inputs(input_tensor, img_input), x, name="inception_v3")
    if weights == "imagenet":
        _weights.load_imagenet_weights(model, "inception_v3", "v0.2", include_top, _MD5)
    return model


def preprocess_input(x):
    """Pixels in [0, 255] to [-1, 1], in place (Keras 1.2.2: ``x /= 255.`` etc.)."""
    x /= 255.
    x -= 0.5
    x *= 2.
    return x
