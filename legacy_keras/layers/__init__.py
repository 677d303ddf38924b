"""``keras.layers`` (Keras 1.2.2): the layer modules and the engine's Input, Layer."""
from legacy_keras.engine.topology import Input, InputLayer, InputSpec, Layer  # noqa: F401
from legacy_keras.layers.core import Activation, Dense  # noqa: F401
