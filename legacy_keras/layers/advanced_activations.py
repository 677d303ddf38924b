"""``keras.layers.advanced_activations`` (Keras 1.2.2): LeakyReLU, PReLU, ELU,
ParametricSoftplus, ThresholdedReLU, SReLU.

The layers with parameters (PReLU, ParametricSoftplus, SReLU) keep one value per input
unit (``input_shape[1:]``), or share them along ``shared_axes`` (axes of the full input,
so 1 is the first axis after the batch); on Theano the shared axes were marked
broadcastable with ``K.pattern_broadcast``, which graphs show as ``Rebroadcast{1}``.
"""
import numpy as np

from legacy_keras import backend as K
from legacy_keras.backend.dispatch import symbolic_and_numeric
from legacy_keras import initializations
from legacy_keras.engine.topology import Layer
from legacy_keras.layers._config import merged_config


def _shared_axes_list(shared_axes):
    if not isinstance(shared_axes, (list, tuple)):
        return [shared_axes]
    return list(shared_axes)


def _param_shape(input_shape, shared_axes):
    """(shape of the parameters, their broadcastable pattern) for ``input_shape``."""
    param_shape = list(input_shape[1:])
    param_broadcast = [False] * len(param_shape)
    if shared_axes[0] is not None:
        for i in shared_axes:
            param_shape[i - 1] = 1
            param_broadcast[i - 1] = True
    return param_shape, param_broadcast


class LeakyReLU(Layer):
    """``f(x) = alpha * x`` for ``x < 0``, ``x`` otherwise (Keras 3: ``LeakyReLU(
    negative_slope=)``, default 0.3 in both)."""

    def __init__(self, alpha=0.3, **kwargs):
        self.supports_masking = True
        self.alpha = alpha
        super(LeakyReLU, self).__init__(**kwargs)

    def call(self, x, mask=None):
        return K.relu(x, alpha=self.alpha)

    def get_config(self):
        return merged_config(self, LeakyReLU, {"alpha": self.alpha})


class PReLU(Layer):
    """``f(x) = alphas * x`` for ``x < 0``, ``x`` otherwise, with learned ``alphas``
    (``<layer>_alphas``, one per input unit unless ``shared_axes``; init 'zero').

    Computed as Keras 1 did on Theano: ``relu(x) + alphas * (x - |x|) * 0.5``.
    """

    def __init__(self, init="zero", weights=None, shared_axes=None, **kwargs):
        self.supports_masking = True
        self.init = initializations.get(init)
        self.initial_weights = weights
        self.shared_axes = _shared_axes_list(shared_axes)
        super(PReLU, self).__init__(**kwargs)

    def build(self, input_shape):
        param_shape, self.param_broadcast = _param_shape(input_shape, self.shared_axes)
        self.alphas = self.init(param_shape, name="{}_alphas".format(self.name))
        self.trainable_weights = [self.alphas]
        if self.initial_weights is not None:
            self.set_weights(self.initial_weights)
            del self.initial_weights

    def call(self, x, mask=None):
        pos = K.relu(x)
        alphas = K.pattern_broadcast(self.alphas, self.param_broadcast)
        neg = alphas * (x - K.abs(x)) * 0.5
        return pos + neg

    def get_config(self):
        return merged_config(self, PReLU, {"init": self.init.__name__})


class ELU(Layer):
    """``f(x) = alpha * (exp(x) - 1)`` for ``x < 0``, ``x`` otherwise."""

    def __init__(self, alpha=1.0, **kwargs):
        self.supports_masking = True
        self.alpha = K.cast_to_floatx(alpha)
        super(ELU, self).__init__(**kwargs)

    def call(self, x, mask=None):
        return K.elu(x, self.alpha)

    def get_config(self):
        return merged_config(self, ELU, {"alpha": float(self.alpha)})


class ParametricSoftplus(Layer):
    """``f(x) = alphas * log(1 + exp(betas * x))`` with learned ``alphas`` and ``betas``
    (initial values ``alpha_init``, ``beta_init``). Not in Keras 3 (write it as a custom
    layer)."""

    def __init__(self, alpha_init=0.2, beta_init=5.0, weights=None, shared_axes=None,
                 **kwargs):
        self.supports_masking = True
        self.alpha_init = K.cast_to_floatx(alpha_init)
        self.beta_init = K.cast_to_floatx(beta_init)
        self.initial_weights = weights
        self.shared_axes = _shared_axes_list(shared_axes)
        super(ParametricSoftplus, self).__init__(**kwargs)

    def build(self, input_shape):
        param_shape, self.param_broadcast = _param_shape(input_shape, self.shared_axes)
        self.alphas = K.variable(self.alpha_init * np.ones(param_shape),
                                 name="{}_alphas".format(self.name))
        self.betas = K.variable(self.beta_init * np.ones(param_shape),
                                name="{}_betas".format(self.name))
        self.trainable_weights = [self.alphas, self.betas]
        if self.initial_weights is not None:
            self.set_weights(self.initial_weights)
            del self.initial_weights

    def call(self, x, mask=None):
        betas = K.pattern_broadcast(self.betas, self.param_broadcast)
        alphas = K.pattern_broadcast(self.alphas, self.param_broadcast)
        return K.softplus(betas * x) * alphas

    def get_config(self):
        return merged_config(self, ParametricSoftplus, {"alpha_init": float(self.alpha_init),
                                                  "beta_init": float(self.beta_init)})


class ThresholdedReLU(Layer):
    """``f(x) = x`` for ``x > theta``, 0 otherwise."""

    def __init__(self, theta=1.0, **kwargs):
        self.supports_masking = True
        self.theta = K.cast_to_floatx(theta)
        super(ThresholdedReLU, self).__init__(**kwargs)

    def call(self, x, mask=None):
        return x * K.cast(K.greater(x, self.theta), K.floatx())

    def get_config(self):
        return merged_config(self, ThresholdedReLU, {"theta": float(self.theta)})


class SReLU(Layer):
    """S-shaped ReLU: ``t_right + a_right * (x - t_right)`` for ``x >= t_right``, ``x``
    between the thresholds, ``t_left + a_left * (x - t_left)`` for ``x <= t_left``.

    Four learned parameters per unit, in this order: ``t_left``, ``a_left``,
    ``t_right``, ``a_right``; the right threshold actually used is
    ``t_left + |t_right|``. Not in Keras 3.
    """

    def __init__(self, t_left_init="zero", a_left_init="glorot_uniform",
                 t_right_init="glorot_uniform", a_right_init="one", shared_axes=None,
                 **kwargs):
        self.supports_masking = True
        self.t_left_init = t_left_init
        self.a_left_init = a_left_init
        self.t_right_init = t_right_init
        self.a_right_init = a_right_init
        self.shared_axes = _shared_axes_list(shared_axes)
        super(SReLU, self).__init__(**kwargs)

    def build(self, input_shape):
        param_shape, self.param_broadcast = _param_shape(input_shape, self.shared_axes)
        for attribute in ("t_left", "a_left", "t_right", "a_right"):
            init = initializations.get(getattr(self, attribute + "_init"))
            setattr(self, attribute, init(param_shape,
                                          name="{}_{}".format(self.name, attribute)))
        # Keras 1 built this graph once, here; it is rebuilt from the current weights
        # in Keras 3 execution (see _t_right_actual).
        self.t_right_actual = self.t_left + K.abs(self.t_right)
        self.trainable_weights = [self.t_left, self.a_left, self.t_right, self.a_right]

    @symbolic_and_numeric("x", symbolic=lambda self, x: self.t_right_actual,
                          numeric=lambda self, x: K.unwrap(self.t_left) + K.abs(self.t_right))
    def _t_right_actual(self, x):
        """``t_left + abs(t_right)``: the graph built once in ``build``, or computed
        from the current weights in Keras 3 execution."""

    def call(self, x, mask=None):
        t_left = K.pattern_broadcast(self.t_left, self.param_broadcast)
        a_left = K.pattern_broadcast(self.a_left, self.param_broadcast)
        a_right = K.pattern_broadcast(self.a_right, self.param_broadcast)
        t_right_actual = K.pattern_broadcast(self._t_right_actual(x), self.param_broadcast)
        y_left_and_center = t_left + K.relu(x - t_left, a_left, t_right_actual - t_left)
        y_right = K.relu(x - t_right_actual) * a_right
        return y_left_and_center + y_right

    def get_config(self):
        return merged_config(self, SReLU, {"t_left_init": self.t_left_init,
                                     "a_left_init": self.a_left_init,
                                     "t_right_init": self.t_right_init,
                                     "a_right_init": self.a_right_init})
