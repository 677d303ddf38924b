"""``keras.layers.wrappers`` (Keras 1.2.2): layers that wrap another layer."""
from legacy_keras.engine.topology import Layer


class Wrapper(Layer):
    """Base class of TimeDistributed and Bidirectional: holds ``self.layer``."""

    def __init__(self, layer, **kwargs):
        self.layer = layer
        super(Wrapper, self).__init__(**kwargs)

    def build(self, input_shape=None):
        self.built = True

    @property
    def trainable_weights(self):
        return self.layer.trainable_weights

    @property
    def non_trainable_weights(self):
        return self.layer.non_trainable_weights

    def get_weights(self):
        return self.layer.get_weights()

    def set_weights(self, weights):
        self.layer.set_weights(weights)

    def get_config(self):
        config = {"layer": {"class_name": self.layer.__class__.__name__,
                            "config": self.layer.get_config()}}
        base_config = super(Wrapper, self).get_config()
        return dict(list(base_config.items()) + list(config.items()))
