"""``keras.applications.xception`` (Keras 1.2.2): Xception.

Keras 1.2.2 built Xception from SeparableConvolution2D layers, which only its
TensorFlow backend had: on Theano, ``Xception(...)`` raised ``RuntimeError`` after
checking its arguments. legacy_keras is Keras 1.2.2 on the Theano backend and does
the same (see migration_guide.md: ``keras.applications.Xception`` in Keras 3 is the
modern model, with its own weight files).
"""
from legacy_keras import backend as K
from legacy_keras.applications import _weights
from legacy_keras.applications.imagenet_utils import (  # noqa: F401
    _obtain_input_shape, decode_predictions)
from legacy_keras.engine.topology import Input, get_source_inputs, merge  # noqa: F401
from legacy_keras.engine.training import Model  # noqa: F401
from legacy_keras.layers import (  # noqa: F401
    Activation, BatchNormalization, Conv2D, Dense, GlobalAveragePooling2D, MaxPooling2D,
    SeparableConv2D)
from legacy_keras.utils.data_utils import get_file  # noqa: F401

TF_WEIGHTS_PATH = (_weights.GITHUB_RELEASES +
                   "v0.4/xception_weights_tf_dim_ordering_tf_kernels.h5")
TF_WEIGHTS_PATH_NO_TOP = (_weights.GITHUB_RELEASES +
                          "v0.4/xception_weights_tf_dim_ordering_tf_kernels_notop.h5")


def Xception(include_top=True, weights="imagenet", input_tensor=None, input_shape=None,
             classes=1000):
    """Keras 1.2.2's Xception: TensorFlow backend only, so on the Theano backend that
    legacy_keras emulates it raises ``RuntimeError`` (after the ``weights`` /
    ``classes`` checks), as Keras 1.2.2 on Theano did."""
    _weights.check_weights_argument(weights, include_top, classes)
    if K.backend() != "tensorflow":
        raise RuntimeError("The Xception model is only available with the TensorFlow "
                           "backend.")
    raise AssertionError("unreachable: legacy_keras is the Theano backend")


def preprocess_input(x):
    """Pixels in [0, 255] to [-1, 1], in place (as Inception v3's)."""
    x /= 255.
    x -= 0.5
    x *= 2.
    return x
