"""``keras.regularizers`` (Keras 1.2.2): weight and activity penalties written with ``K``."""
import warnings

from legacy_keras import backend as K
from legacy_keras import profiles
from legacy_keras.utils.generic_utils import get_from_module


class Regularizer(object):
    def __call__(self, x):
        return 0

    def get_config(self):
        return {"name": self.__class__.__name__}

    def set_param(self, _):
        warnings.warn("The `set_param` method on regularizers is deprecated. It no longer "
                      "does anything, and it will be removed after 06/2017.")

    def set_layer(self, _):
        warnings.warn("The `set_layer` method on regularizers is deprecated. It no longer "
                      "does anything, and it will be removed after 06/2017.")


class EigenvalueRegularizer(Regularizer):
    """Keras 1.2.2's penalty ``k * sqrt(lambda_max(W^T W))`` for a rank-2 weight: the
    dominant eigenvalue of ``W^T W`` estimated with 9 steps of the power method from a
    vector of ones (so the estimate is Keras 1's, not the exact eigenvalue)."""

    _POWER_STEPS = 9

    def __init__(self, k):
        self.k = k

    def __call__(self, x):
        if K.ndim(x) != 2:
            raise ValueError("EigenvalueRegularizer is only available for tensors of rank 2.")
        covariance = K.dot(K.transpose(x), x)
        vector = K.dot(covariance, K.ones([K.int_shape(x)[1], 1]))
        for _ in range(self._POWER_STEPS - 1):
            vector = K.dot(covariance, vector)
        image = K.dot(covariance, vector)
        eigenvalue = (K.dot(K.transpose(image), vector) /
                      K.dot(K.transpose(vector), vector))
        return K.sum((eigenvalue ** 0.5) * self.k)


class L1L2Regularizer(Regularizer):
    """sum(l1 * |x|) + sum(l2 * x**2)."""

    def __init__(self, l1=0., l2=0.):
        self.l1 = K.cast_to_floatx(l1)
        self.l2 = K.cast_to_floatx(l2)

    def __call__(self, x):
        regularization = 0
        if self.l1:
            regularization += K.sum(self.l1 * K.abs(x))
        if self.l2:
            regularization += K.sum(self.l2 * K.square(x))
        return regularization

    def get_config(self):
        return {"name": self.__class__.__name__, "l1": float(self.l1), "l2": float(self.l2)}


WeightRegularizer = L1L2Regularizer
ActivityRegularizer = L1L2Regularizer


def activity_penalty(regularizer, output):
    """A layer's activity regularization for one output. Keras 1.0.0-1.0.5 (profile
    switch ``activity_regularizer_batch_mean``) took l1 / l2 of the batch *mean*,
    sum(l1 * mean(|x|, axis=0)): the 1.2.2 penalty divided by the batch size."""
    penalty = regularizer(output)
    if profiles.switch("activity_regularizer_batch_mean") and isinstance(
            regularizer, L1L2Regularizer):
        penalty = penalty / K.cast(K.shape(output)[0], K.floatx())
    return penalty


def l1(l=0.01):
    return L1L2Regularizer(l1=l)


def l2(l=0.01):
    return L1L2Regularizer(l2=l)


def l1l2(l1=0.01, l2=0.01):
    return L1L2Regularizer(l1=l1, l2=l2)


activity_l1 = l1
activity_l2 = l2
activity_l1l2 = l1l2


def get(identifier, kwargs=None):
    return get_from_module(identifier, globals(), "regularizer", instantiate=True,
                           kwargs=kwargs)
