"""``keras.layers`` (Keras 1.2.2): the layer modules and the engine's Input, Layer, Merge."""
from legacy_keras.engine.topology import (  # noqa: F401
    Input, InputLayer, InputSpec, Layer, Merge, merge)
from legacy_keras.layers.core import (  # noqa: F401
    Activation, ActivityRegularization, Dense, Dropout, Flatten, Highway, Lambda, Masking,
    MaxoutDense, Permute, RepeatVector, Reshape, SpatialDropout1D, SpatialDropout2D,
    SpatialDropout3D, TimeDistributedDense)
