"""``keras.applications.music_tagger_crnn`` (Keras 1.2.2): MusicTaggerCRNN, a
convolutional-recurrent tagger of 96 x 1366 mel-spectrograms (50 tags), optionally with
its Million Song Dataset weights (``music_tagger_crnn_weights_tf_kernels_<ordering>
_dim_ordering.h5`` in the Keras cache). Reference: Choi et al., Convolutional Recurrent
Neural Networks for Music Classification, https://arxiv.org/abs/1609.04243
"""
from legacy_keras import backend as K
from legacy_keras.applications import _weights
from legacy_keras.applications.audio_conv_utils import (  # noqa: F401
    decode_predictions, preprocess_input)
from legacy_keras.engine.topology import Input, get_source_inputs  # noqa: F401
from legacy_keras.engine.training import Model
from legacy_keras.layers.advanced_activations import ELU
from legacy_keras.layers.convolutional import Convolution2D, MaxPooling2D, ZeroPadding2D
from legacy_keras.layers.core import Dense, Dropout, Permute, Reshape  # noqa: F401
from legacy_keras.layers.normalization import BatchNormalization
from legacy_keras.layers.recurrent import GRU
from legacy_keras.utils.data_utils import get_file
from legacy_keras.utils.layer_utils import convert_all_kernels_in_model

_FILE = "music_tagger_crnn_weights_tf_kernels_%s_dim_ordering.h5"
TH_WEIGHTS_PATH = _weights.GITHUB_RELEASES + "v0.3/" + _FILE % "th"
TF_WEIGHTS_PATH = _weights.GITHUB_RELEASES + "v0.3/" + _FILE % "tf"

#: (name, filters, pooling) of the four convolution blocks.
_BLOCKS = (("1", 64, 2), ("2", 128, 3), ("3", 128, 4), ("4", 128, 4))


def _conv_blocks(x, channel_axis):
    for suffix, filters, pool in _BLOCKS:
        x = Convolution2D(filters, 3, 3, border_mode="same", name="conv" + suffix)(x)
        x = BatchNormalization(axis=channel_axis, mode=0, name="bn" + suffix)(x)
        x = ELU()(x)
        x = MaxPooling2D(pool_size=(pool, pool), strides=(pool, pool), name="pool" + suffix)(x)
    return x


def MusicTaggerCRNN(weights="msd", input_tensor=None, include_top=True, classes=50):
    """The MusicTaggerCRNN model (Keras 1.2.2), for ``K.image_dim_ordering()``: input
    ``(1, 96, 1366)`` 'th' / ``(96, 1366, 1)`` 'tf'; 32 features, or with the top
    ``classes`` sigmoid outputs.

    # Arguments
        weights: None (random initialization) or 'msd' (Million Song Dataset).
        input_tensor: a Keras tensor to use as the input.
        include_top: with the Dense ``output`` layer.
        classes: with the top and no weights, the number of tags.

    The 'msd' file is loaded by layer name; its kernels are TensorFlow's for both
    orderings, so (legacy_keras being the Theano backend) they are flipped after
    loading, as Keras 1.2.2 did on Theano.
    """
    _weights.check_weights_argument(weights, include_top, classes, pretrained="msd",
                                    nb_classes=50,
                                    description="pre-training on Million Song Dataset")
    th = K.image_dim_ordering() == "th"
    input_shape = (1, 96, 1366) if th else (96, 1366, 1)
    melgram_input = _weights.model_input(input_tensor, input_shape)
    channel_axis, time_axis = (1, 3) if th else (3, 2)
    x = ZeroPadding2D(padding=(0, 37))(melgram_input)
    x = BatchNormalization(axis=time_axis, name="bn_0_freq")(x)
    x = _conv_blocks(x, channel_axis)
    if th:
        x = Permute((3, 1, 2))(x)
    x = Reshape((15, 128))(x)
    x = GRU(32, return_sequences=True, name="gru1")(x)
    x = GRU(32, return_sequences=False, name="gru2")(x)
    if include_top:
        x = Dense(classes, activation="sigmoid", name="output")(x)
    model = Model(_weights.model_inputs(input_tensor, melgram_input), x,
                  name="music_tagger_crnn")
    if weights is None:
        return model
    fname = _FILE % K.image_dim_ordering()
    path = get_file(fname, TF_WEIGHTS_PATH if not th else TH_WEIGHTS_PATH,
                    cache_subdir="models")
    model.load_weights(path, by_name=True)
    if K.backend() == "theano":
        convert_all_kernels_in_model(model)
    return model
