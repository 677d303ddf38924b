"""``keras.initializations`` (Keras 1.2.2): weight initializers drawing from NumPy.

Keras 1.2.2 drew every random initial weight from NumPy's global generator
(``np.random.uniform`` / ``np.random.normal`` in float64, then cast to floatx), in the
order layers were built. legacy_keras makes the same calls in the same order, so a
script that starts with ``np.random.seed(1337)`` gets the weights it got on Theano.
"""
import numpy as np

from legacy_keras import backend as K
from legacy_keras import profiles
from legacy_keras.utils.generic_utils import get_from_module


def get_fans(shape, dim_ordering="th"):
    """(fan_in, fan_out) as Keras 1.2.2 computed them ('th' or 'tf' conv kernels).

    Keras 1.0.0-1.0.3 (profile switch ``conv_fans_receptive_field``) took a conv
    kernel's fan_in as stack * rows * cols and its fan_out as nb_filter alone."""
    if len(shape) == 2:
        return shape[0], shape[1]
    if len(shape) in (4, 5) and not profiles.switch("conv_fans_receptive_field"):
        if dim_ordering == "th":
            return np.prod(shape[1:]), shape[0]
        if dim_ordering == "tf":
            return np.prod(shape[:-1]), shape[-1]
        raise ValueError("Invalid dim_ordering: " + dim_ordering)
    if len(shape) in (4, 5):
        if dim_ordering == "th":
            receptive_field = np.prod(shape[2:])
            return shape[1] * receptive_field, shape[0] * receptive_field
        if dim_ordering == "tf":
            receptive_field = np.prod(shape[:2])
            return shape[-2] * receptive_field, shape[-1] * receptive_field
        raise ValueError("Invalid dim_ordering: " + dim_ordering)
    fan = np.sqrt(np.prod(shape))
    return fan, fan


def uniform(shape, scale=0.05, name=None, dim_ordering="th"):
    return K.random_uniform_variable(shape, -scale, scale, name=name)


def normal(shape, scale=0.05, name=None, dim_ordering="th"):
    return K.random_normal_variable(shape, 0.0, scale, name=name)


def lecun_uniform(shape, name=None, dim_ordering="th"):
    fan_in, _ = get_fans(shape, dim_ordering=dim_ordering)
    return uniform(shape, np.sqrt(3. / fan_in), name=name)


def glorot_normal(shape, name=None, dim_ordering="th"):
    fan_in, fan_out = get_fans(shape, dim_ordering=dim_ordering)
    return normal(shape, np.sqrt(2. / (fan_in + fan_out)), name=name)


def glorot_uniform(shape, name=None, dim_ordering="th"):
    fan_in, fan_out = get_fans(shape, dim_ordering=dim_ordering)
    return uniform(shape, np.sqrt(6. / (fan_in + fan_out)), name=name)


def he_normal(shape, name=None, dim_ordering="th"):
    fan_in, _ = get_fans(shape, dim_ordering=dim_ordering)
    return normal(shape, np.sqrt(2. / fan_in), name=name)


def he_uniform(shape, name=None, dim_ordering="th"):
    fan_in, _ = get_fans(shape, dim_ordering=dim_ordering)
    return uniform(shape, np.sqrt(6. / fan_in), name=name)


def orthogonal(shape, scale=1.1, name=None, dim_ordering="th"):
    flat_shape = (shape[0], np.prod(shape[1:]))
    a = np.random.normal(0.0, 1.0, flat_shape)
    u, _, v = np.linalg.svd(a, full_matrices=False)
    q = u if u.shape == flat_shape else v
    q = q.reshape(shape)
    return K.variable(scale * q[:shape[0], :shape[1]], name=name)


def identity(shape, scale=1, name=None, dim_ordering="th"):
    if len(shape) != 2 or shape[0] != shape[1]:
        raise ValueError("Identity matrix initialization can only be used for 2D square "
                         "matrices.")
    return K.variable(scale * np.identity(shape[0]), name=name)


def zero(shape, name=None, dim_ordering="th"):
    return K.zeros(shape, name=name)


def one(shape, name=None, dim_ordering="th"):
    return K.ones(shape, name=name)


def get(identifier, **kwargs):
    return get_from_module(identifier, globals(), "initialization", kwargs=kwargs)
