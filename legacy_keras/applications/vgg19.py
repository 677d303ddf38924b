"""``keras.applications.vgg19`` (Keras 1.2.2): VGG19, optionally with its ImageNet
weights (``vgg19_weights_<ordering>_dim_ordering_<ordering>_kernels[_notop].h5`` in the
Keras cache). Reference: Simonyan & Zisserman, Very Deep Convolutional Networks for
Large-Scale Image Recognition, https://arxiv.org/abs/1409.1556
"""
# The names Keras 1.2.2's module imported (scripts imported them from here too).
from legacy_keras.applications._vgg import build_vgg
from legacy_keras.applications._weights import GITHUB_RELEASES as _RELEASES
from legacy_keras.applications._weights import weight_file_names as _file_names
from legacy_keras.applications.imagenet_utils import (  # noqa: F401
    _obtain_input_shape, decode_predictions, preprocess_input)
from legacy_keras.engine.topology import Input, get_source_inputs  # noqa: F401
from legacy_keras.engine.training import Model  # noqa: F401
from legacy_keras.layers import Convolution2D, Dense, Flatten, MaxPooling2D  # noqa: F401
from legacy_keras.utils.data_utils import get_file  # noqa: F401
from legacy_keras.utils.layer_utils import convert_all_kernels_in_model  # noqa: F401

_FILES = _file_names("vgg19")
TH_WEIGHTS_PATH = _RELEASES + "v0.1/" + _FILES["th", True]
TF_WEIGHTS_PATH = _RELEASES + "v0.1/" + _FILES["tf", True]
TH_WEIGHTS_PATH_NO_TOP = _RELEASES + "v0.1/" + _FILES["th", False]
TF_WEIGHTS_PATH_NO_TOP = _RELEASES + "v0.1/" + _FILES["tf", False]


def VGG19(include_top=True, weights="imagenet", input_tensor=None, input_shape=None,
          classes=1000):
    """The VGG19 model (Keras 1.2.2), for ``K.image_dim_ordering()``.

    # Arguments
        include_top: with the three fully-connected layers (the input must then be
            224x224: ``(3, 224, 224)`` 'th', ``(224, 224, 3)`` 'tf').
        weights: None (random initialization) or 'imagenet'.
        input_tensor: a Keras tensor to use as the image input.
        input_shape: without the top, the input shape (3 channels, at least 48x48).
        classes: with the top and no weights, the number of classes.
    """
    return build_vgg("vgg19", include_top, weights, input_tensor, input_shape, classes)
