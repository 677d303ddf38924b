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
from legacy_keras.layers.wrappers import TimeDistributed, Wrapper  # noqa: F401
