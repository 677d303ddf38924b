"""``keras.engine`` (Keras 1.2.2): the layer graph and the Model."""
from legacy_keras.engine.topology import Input, InputLayer, InputSpec, Layer, Container  # noqa: F401
from legacy_keras.engine.topology import Merge, get_source_inputs, merge  # noqa: F401
from legacy_keras.engine.training import Model  # noqa: F401
