"""``keras.applications.resnet50`` (Keras 1.2.2): ResNet50, optionally with its ImageNet
weights (``resnet50_weights_<ordering>_dim_ordering_<ordering>_kernels[_notop].h5``).
Reference: He et al., Deep Residual Learning for Image Recognition,
https://arxiv.org/abs/1512.03385
"""
from legacy_keras import backend as K
from legacy_keras.applications import _weights
from legacy_keras.applications.imagenet_utils import (  # noqa: F401
    _obtain_input_shape, decode_predictions, preprocess_input)
from legacy_keras.engine.topology import Input, get_source_inputs, merge  # noqa: F401
from legacy_keras.engine.training import Model
from legacy_keras.layers import (  # noqa: F401
    Activation, AveragePooling2D, BatchNormalization, Convolution2D, Dense, Flatten,
    MaxPooling2D, ZeroPadding2D)
from legacy_keras.utils.data_utils import get_file  # noqa: F401
from legacy_keras.utils.layer_utils import convert_all_kernels_in_model  # noqa: F401

_FILES = _weights.weight_file_names("resnet50")
TH_WEIGHTS_PATH = _weights.GITHUB_RELEASES + "v0.2/" + _FILES["th", True]
TF_WEIGHTS_PATH = _weights.GITHUB_RELEASES + "v0.2/" + _FILES["tf", True]
TH_WEIGHTS_PATH_NO_TOP = _weights.GITHUB_RELEASES + "v0.2/" + _FILES["th", False]
TF_WEIGHTS_PATH_NO_TOP = _weights.GITHUB_RELEASES + "v0.2/" + _FILES["tf", False]
#: The published files' MD5 sums, checked by get_file as in Keras 1.2.2.
_MD5 = {("th", True): "1c1f8f5b0c8ee28fe9d950625a230e1c",
        ("th", False): "f64f049c92468c9affcd44b0976cdafe",
        ("tf", True): "a7b3fe01876f51b976af0dea6bc144eb",
        ("tf", False): "a268eb855778b3df3c7506639542a6af"}


def _main_path(input_tensor, kernel_size, filters, stage, block, strides):
    """1x1 (strided) -> kernel_size 'same' -> 1x1 convolutions, each with its
    BatchNormalization, ReLU between them."""
    conv_name, bn_name = "res%d%s_branch" % (stage, block), "bn%d%s_branch" % (stage, block)
    bn_axis = _weights.channel_axis()
    nb_filter1, nb_filter2, nb_filter3 = filters
    x = Convolution2D(nb_filter1, 1, 1, subsample=strides, name=conv_name + "2a")(input_tensor)
    x = BatchNormalization(axis=bn_axis, name=bn_name + "2a")(x)
    x = Activation("relu")(x)
    x = Convolution2D(nb_filter2, kernel_size, kernel_size, border_mode="same",
                      name=conv_name + "2b")(x)
    x = BatchNormalization(axis=bn_axis, name=bn_name + "2b")(x)
    x = Activation("relu")(x)
    x = Convolution2D(nb_filter3, 1, 1, name=conv_name + "2c")(x)
    return BatchNormalization(axis=bn_axis, name=bn_name + "2c")(x)


def identity_block(input_tensor, kernel_size, filters, stage, block):
    """The residual block whose shortcut is the input itself (Keras 1.2.2's
    ``identity_block``: layers ``res<stage><block>_branch2a..2c`` and ``bn...``)."""
    x = _main_path(input_tensor, kernel_size, filters, stage, block, (1, 1))
    # Keras 1.2.2 built the main path's first convolution without ``subsample``; the
    # default (1, 1) gives the same layer and config.
    x = merge([x, input_tensor], mode="sum")
    return Activation("relu")(x)


def conv_block(input_tensor, kernel_size, filters, stage, block, strides=(2, 2)):
    """The residual block with a strided 1x1 convolution (and its BatchNormalization) on
    the shortcut, ``res<stage><block>_branch1`` / ``bn<stage><block>_branch1``."""
    x = _main_path(input_tensor, kernel_size, filters, stage, block, strides)
    shortcut = Convolution2D(filters[2], 1, 1, subsample=strides,
                             name="res%d%s_branch1" % (stage, block))(input_tensor)
    shortcut = BatchNormalization(axis=_weights.channel_axis(),
                                  name="bn%d%s_branch1" % (stage, block))(shortcut)
    x = merge([x, shortcut], mode="sum")
    return Activation("relu")(x)


#: (stage, filters, identity blocks after the conv block)
_STAGES = ((2, (64, 64, 256), "bc"), (3, (128, 128, 512), "bcd"),
           (4, (256, 256, 1024), "bcdef"), (5, (512, 512, 2048), "bc"))


def ResNet50(include_top=True, weights="imagenet", input_tensor=None, input_shape=None,
             classes=1000):
    """The ResNet50 model (Keras 1.2.2), for ``K.image_dim_ordering()``.

    # Arguments
        include_top: with the final Flatten + Dense ``fc1000`` (the input must then be
            224x224).
        weights: None (random initialization) or 'imagenet'.
        input_tensor: a Keras tensor to use as the image input.
        input_shape: without the top, the input shape (3 channels, at least 197x197).
        classes: with the top and no weights, the number of classes.
    """
    _weights.check_weights_argument(weights, include_top, classes)
    input_shape = _obtain_input_shape(input_shape, default_size=224, min_size=197,
                                      dim_ordering=K.image_dim_ordering(),
                                      include_top=include_top)
    img_input = _weights.model_input(input_tensor, input_shape)
    x = ZeroPadding2D((3, 3))(img_input)
    x = Convolution2D(64, 7, 7, subsample=(2, 2), name="conv1")(x)
    x = BatchNormalization(axis=_weights.channel_axis(), name="bn_conv1")(x)
    x = Activation("relu")(x)
    x = MaxPooling2D((3, 3), strides=(2, 2))(x)
    for stage, filters, identity_blocks in _STAGES:
        strides = (1, 1) if stage == 2 else (2, 2)
        x = conv_block(x, 3, filters, stage=stage, block="a", strides=strides)
        for block in identity_blocks:
            x = identity_block(x, 3, filters, stage=stage, block=block)
    x = AveragePooling2D((7, 7), name="avg_pool")(x)
    if include_top:
        x = Flatten()(x)
        x = Dense(classes, activation="softmax", name="fc1000")(x)
    model = Model(_weights.model_inputs(input_tensor, img_input), x, name="resnet50")
    if weights == "imagenet":
        _weights.load_imagenet_weights(model, "resnet50", "v0.2", include_top, _MD5)
    return model
