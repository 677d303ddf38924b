"""What the Keras 1.2.2 applications shared: the ``weights`` argument checks, the input
tensor, and loading the published weight files with Keras 1.2.2's kernel rules.

The files were published per ordering: ``*_th_dim_ordering_th_kernels*.h5`` holds
Theano-convention kernels (used for convolution, i.e. flipped) in the 'th' layout, and
``*_tf_dim_ordering_tf_kernels*.h5`` TensorFlow-convention kernels (used for
correlation) in the 'tf' layout. Keras 1.2.2 picked the file of the current ordering
and, when the file's kernel convention was not the backend's, flipped every kernel with
``convert_all_kernels_in_model``. legacy_keras is the Theano backend (``K.backend()``
is 'theano'), so a 'th' model loads its file as it is and a 'tf' model flips the
TensorFlow kernels it loads: the same numbers Keras 1.2.2 computed on Theano.
"""
import warnings

from legacy_keras import backend as K
from legacy_keras.engine.topology import Input, get_source_inputs
from legacy_keras.utils.data_utils import get_file
from legacy_keras.utils.layer_utils import convert_all_kernels_in_model

GITHUB_RELEASES = "https://github.com/fchollet/deep-learning-models/releases/download/"


def check_weights_argument(weights, include_top, classes, pretrained="imagenet",
                           nb_classes=1000, description="pre-training on ImageNet"):
    """Keras 1.2.2's two ``ValueError``s for ``weights`` and ``classes``."""
    if weights not in {pretrained, None}:
        raise ValueError("The `weights` argument should be either `None` (random "
                         "initialization) or `%s` (%s)." % (pretrained, description))
    if weights == pretrained and include_top and classes != nb_classes:
        raise ValueError("If using `weights` as %s with `include_top` as true, `classes` "
                         "should be %d" % (pretrained, nb_classes))


def model_input(input_tensor, input_shape):
    """The model's input: a new ``Input``, ``input_tensor`` itself if it is a Keras
    tensor, else an ``Input`` wrapping it (as Keras 1.2.2)."""
    if input_tensor is None:
        return Input(shape=input_shape)
    if not K.is_keras_tensor(input_tensor):
        return Input(tensor=input_tensor, shape=input_shape)
    return input_tensor


def model_inputs(input_tensor, img_input):
    """The inputs the Model is built from: ``input_tensor``'s source inputs, so that the
    model includes what led to it."""
    if input_tensor is not None:
        return get_source_inputs(input_tensor)
    return img_input


def weight_file_names(prefix):
    """{(ordering, include_top): file name} of an ImageNet model's four files."""
    names = {}
    for ordering in ("th", "tf"):
        for include_top, suffix in ((True, ""), (False, "_notop")):
            names[ordering, include_top] = "%s_weights_%s_dim_ordering_%s_kernels%s.h5" % (
                prefix, ordering, ordering, suffix)
    return names


def load_imagenet_weights(model, prefix, release, include_top, md5_hashes=None):
    """Loads ``<prefix>_weights_<ordering>_dim_ordering_<ordering>_kernels[_notop].h5``
    from the cache (``get_file(..., cache_subdir='models')``, downloaded from the
    ``release`` of fchollet/deep-learning-models when absent), by layer order, then
    converts the kernels where the file's convention is not the backend's."""
    ordering = K.image_dim_ordering()
    fname = weight_file_names(prefix)[ordering, include_top]
    md5_hash = (md5_hashes or {}).get((ordering, include_top))
    path = get_file(fname, GITHUB_RELEASES + release + "/" + fname, cache_subdir="models",
                    md5_hash=md5_hash)
    model.load_weights(path)
    if ordering == "th" and K.backend() == "tensorflow":
        warnings.warn("You are using the TensorFlow backend, yet you are using the Theano "
                      "image dimension ordering convention (`image_dim_ordering=\"th\"`). "
                      "For best performance, set `image_dim_ordering=\"tf\"` in your Keras "
                      "config at ~/.keras/keras.json.")
        convert_all_kernels_in_model(model)
    elif ordering == "tf" and K.backend() == "theano":
        convert_all_kernels_in_model(model)
    return model


def channel_axis():
    """The channels axis of a 4-D image tensor in the current ordering."""
    return 1 if K.image_dim_ordering() == "th" else 3
