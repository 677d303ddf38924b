"""``keras.constraints`` (Keras 1.2.2): projections applied to weights after each update."""
from legacy_keras import backend as K
from legacy_keras.utils.generic_utils import get_from_module


class Constraint(object):
    def __call__(self, p):
        return p

    def get_config(self):
        return {"name": self.__class__.__name__}


class MaxNorm(Constraint):
    """Rescales each weight vector along ``axis`` to a norm of at most ``m``."""

    def __init__(self, m=2, axis=0):
        self.m = m
        self.axis = axis

    def __call__(self, p):
        norms = K.sqrt(K.sum(K.square(p), axis=self.axis, keepdims=True))
        desired = K.clip(norms, 0, self.m)
        return p * (desired / (K.epsilon() + norms))

    def get_config(self):
        return {"name": self.__class__.__name__, "m": self.m, "axis": self.axis}


class NonNeg(Constraint):
    def __call__(self, p):
        return p * K.cast(K.greater_equal(p, 0.), K.floatx())


class UnitNorm(Constraint):
    def __init__(self, axis=0):
        self.axis = axis

    def __call__(self, p):
        return p / (K.epsilon() + K.sqrt(K.sum(K.square(p), axis=self.axis, keepdims=True)))

    def get_config(self):
        return {"name": self.__class__.__name__, "axis": self.axis}


class MinMaxNorm(Constraint):
    def __init__(self, low=0.0, high=1.0, rate=1.0, axis=0):
        self.low = low
        self.high = high
        self.rate = rate
        self.axis = axis

    def __call__(self, p):
        norms = K.sqrt(K.sum(K.square(p), axis=self.axis, keepdims=True))
        desired = self.rate * K.clip(norms, self.low, self.high) + (1 - self.rate) * norms
        return p * (desired / (K.epsilon() + norms))

    def get_config(self):
        return {"name": self.__class__.__name__, "low": self.low, "high": self.high,
                "rate": self.rate, "axis": self.axis}


maxnorm = MaxNorm
nonneg = NonNeg
unitnorm = UnitNorm
min_max_norm = MinMaxNorm


def get(identifier, kwargs=None):
    return get_from_module(identifier, globals(), "constraint", instantiate=True,
                           kwargs=kwargs)
