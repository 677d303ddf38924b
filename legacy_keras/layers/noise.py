"""``keras.layers.noise`` (Keras 1.2.2): GaussianNoise, GaussianDropout.

Both are active only in training (``K.in_train_phase``) and the identity in test. The
symbolic graph draws from Theano's MRG random streams (``mrg_uniform`` and the
Box-Muller transform, as Keras 1.2.2 showed); Keras 3 execution draws from
``keras.random`` (same distribution, other numbers).
"""
import numpy as np

from legacy_keras import backend as K
from legacy_keras.backend._context import random_regularizers_enabled
from legacy_keras.engine.topology import Layer
from legacy_keras.layers._config import merged_config


class GaussianNoise(Layer):
    """Adds zero-centered Gaussian noise of standard deviation ``sigma`` in training.

    Keras 3: ``GaussianNoise(stddev)``.
    """

    def __init__(self, sigma, **kwargs):
        self.supports_masking = True
        self.sigma = sigma
        self.uses_learning_phase = True
        super(GaussianNoise, self).__init__(**kwargs)

    def call(self, x, mask=None):
        if K.is_numeric(x) and not random_regularizers_enabled():
            return x
        noise_x = x + K.random_normal(shape=K.shape(x), mean=0., std=self.sigma)
        return K.in_train_phase(noise_x, x)

    def get_config(self):
        return merged_config(self, GaussianNoise, {"sigma": self.sigma})


class GaussianDropout(Layer):
    """Multiplies by 1-centered Gaussian noise of standard deviation
    ``sqrt(p / (1 - p))`` in training; the identity when ``p`` is 0 (or >= 1).

    Keras 3: ``GaussianDropout(rate)``.
    """

    def __init__(self, p, **kwargs):
        self.supports_masking = True
        self.p = p
        if 0 < p < 1:
            self.uses_learning_phase = True
        super(GaussianDropout, self).__init__(**kwargs)

    def call(self, x, mask=None):
        if not 0 < self.p < 1 or (K.is_numeric(x) and not random_regularizers_enabled()):
            return x
        std = np.sqrt(self.p / (1.0 - self.p))
        noise_x = x * K.random_normal(shape=K.shape(x), mean=1.0, std=std)
        return K.in_train_phase(noise_x, x)

    def get_config(self):
        return merged_config(self, GaussianDropout, {"p": self.p})
