"""``keras.layers`` (Keras 1.2.2): the layer modules and the engine's Input, Layer, Merge."""
from legacy_keras.engine.topology import (  # noqa: F401
    Input, InputLayer, InputSpec, Layer, Merge, merge)
from legacy_keras.layers.core import (  # noqa: F401
    Activation, ActivityRegularization, Dense, Dropout, Flatten, Highway, Lambda, Masking,
    MaxoutDense, Permute, RepeatVector, Reshape, SpatialDropout1D, SpatialDropout2D,
    SpatialDropout3D, TimeDistributedDense)
from legacy_keras.layers.advanced_activations import (  # noqa: F401
    ELU, LeakyReLU, ParametricSoftplus, PReLU, SReLU, ThresholdedReLU)
from legacy_keras.layers.embeddings import Embedding  # noqa: F401
from legacy_keras.layers.noise import GaussianDropout, GaussianNoise  # noqa: F401
from legacy_keras.layers.normalization import BatchNormalization  # noqa: F401
from legacy_keras.layers.wrappers import Bidirectional, TimeDistributed, Wrapper  # noqa: F401
from legacy_keras.layers.convolutional import (  # noqa: F401
    AtrousConv1D, AtrousConv2D, AtrousConvolution1D, AtrousConvolution2D, Conv1D, Conv2D,
    Conv3D, Convolution1D, Convolution2D, Convolution3D, Cropping1D, Cropping2D, Cropping3D,
    Deconv2D, Deconvolution2D, SeparableConv2D, SeparableConvolution2D, UpSampling1D,
    UpSampling2D, UpSampling3D, ZeroPadding1D, ZeroPadding2D, ZeroPadding3D)
from legacy_keras.layers.pooling import (  # noqa: F401
    AveragePooling1D, AveragePooling2D, AveragePooling3D, GlobalAveragePooling1D,
    GlobalAveragePooling2D, GlobalAveragePooling3D, GlobalMaxPooling1D, GlobalMaxPooling2D,
    GlobalMaxPooling3D, MaxPooling1D, MaxPooling2D, MaxPooling3D)
from legacy_keras.layers.recurrent import GRU, LSTM, Recurrent, SimpleRNN  # noqa: F401
from legacy_keras.layers.local import LocallyConnected1D, LocallyConnected2D  # noqa: F401
from legacy_keras.layers.convolutional_recurrent import ConvLSTM2D, ConvRecurrent2D  # noqa: F401,E501
# Helpers Keras 1.2.2's `from .core import *` etc. re-exported here too.
from legacy_keras.layers.recurrent import time_distributed_dense  # noqa: F401
from legacy_keras.utils.generic_utils import func_dump, func_load, get_from_module  # noqa: F401
from legacy_keras.utils.np_utils import conv_input_length, conv_output_length  # noqa: F401

from legacy_keras.engine import registry as _registry

_registry.register_namespace(globals())  # what layer_from_config finds by class name
