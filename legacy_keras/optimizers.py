"""``keras.optimizers`` (Keras 1.2.2): Keras 1's update rules and defaults, exactly.

Keras 3's optimizers are not Keras 1's: Adam's epsilon is 1e-7 there (1e-8 here),
decay was ``lr / (1 + decay * iterations)`` here, ``clipnorm`` clipped by the global
norm of all gradients here (per variable in Keras 3), Nadam had its momentum schedule.
So these classes are Keras 1's, written with ``K``: ``updates_from_gradients`` builds the
list of ``(variable, new_value)`` pairs that Keras 1's ``get_updates`` built, and runs in
both executions — inside legacy_keras' compiled Keras 3 training step (numbers), or on
PyTensor graphs (``get_updates`` with ``K.gradients``, for ``K.function``).

A user's own ``Optimizer`` subclass (its own ``get_updates(params, constraints, loss)``
or ``get_gradients``, a wrapper adding updates to another optimizer's) trains the way
Keras 1 trained it: legacy_keras' training step calls ``get_updates`` itself, with
``K.gradients`` answering from the step's gradient tape, and the variables it creates
are created once (see :mod:`legacy_keras.engine.executor`).

Hyperparameters that Keras 1 kept in variables (``lr``, ``decay``, ``momentum``,
``beta_1``...) are ``K.variable``s, so ``K.set_value(model.optimizer.lr, 0.01)`` takes
effect at the next batch, as it did.
"""
from legacy_keras import backend as K
from legacy_keras import profiles
from legacy_keras.utils.generic_utils import get_from_module
from legacy_keras.utils.generic_utils import get_custom_objects  # noqa: F401  (Keras 1.2.2 re-export)


def clip_norm(g, c, n):
    """``g`` rescaled to norm ``c`` where the global norm ``n`` exceeds it."""
    if c > 0:
        g = K.switch(n >= c, g * c / n, g)
    return g


def _refuse_keyword(name):
    """Keras 1.2.2 raised TypeError; 1.0.3-1.1.2 a plain Exception (profile switch)."""
    error = TypeError if profiles.switch("optimizer_kwargs_checked") == "TypeError" \
        else Exception
    raise error("Unexpected keyword argument passed to optimizer: " + str(name))


class Optimizer(object):
    """Base class: gradient clipping (``clipnorm``, ``clipvalue``), weights, config."""

    def __init__(self, **kwargs):
        allowed_kwargs = {"clipnorm", "clipvalue"}
        for k in kwargs:
            # Keras 1.0.0-1.0.2 kept any keyword argument silently (profile switch)
            if k not in allowed_kwargs and profiles.switch("optimizer_kwargs_checked"):
                _refuse_keyword(k)
        self.__dict__.update(kwargs)
        self.updates = []
        self.weights = []
        self._slots_for = None

    @staticmethod
    def _release_epsilon(epsilon):
        """RMSprop / Adagrad / Adadelta's default epsilon: 1e-8, but 1e-6 up to Keras
        1.0.2 (legacy_keras.profiles)."""
        return profiles.switch("adaptive_epsilon") if epsilon is None else epsilon

    @staticmethod
    def _release_decay(decay):
        """Keras 1.0.x had learning-rate decay in SGD only: the other optimizers ignored
        ``decay=`` up to 1.0.2 (any keyword was accepted) and refused it in 1.0.3-1.0.8."""
        if not decay or profiles.switch("optimizer_lr_decay") == "all":
            return decay
        if profiles.switch("optimizer_kwargs_checked"):
            _refuse_keyword("decay")
        return 0.

    @staticmethod
    def _adaptive_step(p, lr, g, new_a, epsilon):
        """RMSprop / Adagrad's step: lr * g / (sqrt(acc) + epsilon); up to Keras 1.0.2
        lr * g / sqrt(acc + epsilon)."""
        if profiles.switch("adaptive_epsilon_inside_sqrt"):
            return p - lr * g / K.sqrt(new_a + epsilon)
        return p - lr * g / (K.sqrt(new_a) + epsilon)

    # -- Keras 1's API ------------------------------------------------------------------
    def get_gradients(self, loss, params):
        return self.clip_gradients(K.gradients(loss, params))

    def get_updates(self, params, constraints, loss):
        return self.updates_from_gradients(params, self.get_gradients(loss, params),
                                           constraints)

    def get_weights(self):
        return K.batch_get_value(self.weights)

    def set_weights(self, weights):
        """Sets the optimizer's state (after it has been built by a training step)."""
        params = self.weights
        if len(params) != len(weights):
            raise ValueError("Length of the specified weight list (%d) does not match the "
                             "number of weights of the optimizer (%d)"
                             % (len(weights), len(params)))
        pairs = []
        for p, w in zip(params, weights):
            if K.get_value(p).shape != w.shape:
                raise ValueError("Optimizer weight shape " + str(K.get_value(p).shape) +
                                 " not compatible with provided weight shape " + str(w.shape))
            pairs.append((p, w))
        K.batch_set_value(pairs)

    def get_config(self):
        config = {}
        if hasattr(self, "clipnorm"):
            config["clipnorm"] = self.clipnorm
        if hasattr(self, "clipvalue"):
            config["clipvalue"] = self.clipvalue
        return config

    @classmethod
    def from_config(cls, config):
        return cls(**config)

    def _config_with(self, *names):
        """The base config plus the named hyperparameters; those Keras 1 kept in float32
        variables read back as Python floats of the float32 value (0.01 -> 0.00999...)."""
        config = Optimizer.get_config(self)
        for name in names:
            value = getattr(self, name)
            config[name] = float(K.get_value(value)) if hasattr(value, "get_value") else value
        return config

    # -- shared by both executions -----------------------------------------------------------
    def clip_gradients(self, grads):
        if getattr(self, "clipnorm", 0) > 0:
            norm = K.sqrt(sum([K.sum(K.square(g)) for g in grads]))
            grads = [clip_norm(g, self.clipnorm, norm) for g in grads]
        if getattr(self, "clipvalue", 0) > 0:
            grads = [K.clip(g, -self.clipvalue, self.clipvalue) for g in grads]
        return grads

    def build(self, params):
        """Creates the optimizer's state for ``params`` once (Keras 1 created it in
        ``get_updates``; legacy_keras creates it before the training step is compiled)."""
        key = tuple(id(p) for p in params)
        if self._slots_for != key:
            shapes = [K.get_variable_shape(p) for p in params]
            self.create_slots(shapes)
            self._slots_for = key

    def create_slots(self, shapes):
        pass

    def updates_from_gradients(self, params, grads, constraints):
        """Keras 1's updates for ``params`` given their (already clipped) gradients."""
        self.build(params)
        self.updates = self.step(params, grads, constraints)
        return self.updates

    def step(self, params, grads, constraints):
        raise NotImplementedError

    @staticmethod
    def constrained(p, new_p, constraints):
        return constraints[p](new_p) if p in constraints else new_p

    def decayed_lr(self):
        """``lr / (1 + decay * iterations)`` when ``decay`` was given, else ``lr``."""
        lr = self.lr
        if self.initial_decay > 0:
            lr = lr * (1. / (1. + self.decay * self.iterations))
        return lr


class SGD(Optimizer):
    """Stochastic gradient descent with momentum, decay and Nesterov momentum."""

    def __init__(self, lr=0.01, momentum=0., decay=0., nesterov=False, **kwargs):
        super(SGD, self).__init__(**kwargs)
        self.iterations = K.variable(0.)
        self.lr = K.variable(lr)
        self.momentum = K.variable(momentum)
        self.decay = K.variable(decay)
        self.initial_decay = decay
        self.nesterov = nesterov

    def create_slots(self, shapes):
        self.moments = [K.zeros(shape) for shape in shapes]
        self.weights = [self.iterations] + self.moments

    def step(self, params, grads, constraints):
        updates = []
        lr = self.decayed_lr()
        if self.initial_decay > 0:
            updates.append(K.update_add(self.iterations, 1))
        for p, g, m in zip(params, grads, self.moments):
            v = self.momentum * m - lr * g
            updates.append(K.update(m, v))
            new_p = p + self.momentum * v - lr * g if self.nesterov else p + v
            updates.append(K.update(p, self.constrained(p, new_p, constraints)))
        return updates

    def get_config(self):
        return self._config_with("lr", "momentum", "decay", "nesterov")


class RMSprop(Optimizer):
    def __init__(self, lr=0.001, rho=0.9, epsilon=None, decay=0., **kwargs):
        super(RMSprop, self).__init__(**kwargs)
        decay = self._release_decay(decay)
        self.lr = K.variable(lr)
        self.rho = K.variable(rho)
        self.epsilon = self._release_epsilon(epsilon)
        self.decay = K.variable(decay)
        self.initial_decay = decay
        self.iterations = K.variable(0.)

    def create_slots(self, shapes):
        self.accumulators = [K.zeros(shape) for shape in shapes]
        self.weights = self.accumulators

    def step(self, params, grads, constraints):
        updates = []
        lr = self.decayed_lr()
        if self.initial_decay > 0:
            updates.append(K.update_add(self.iterations, 1))
        for p, g, a in zip(params, grads, self.accumulators):
            new_a = self.rho * a + (1. - self.rho) * K.square(g)
            updates.append(K.update(a, new_a))
            new_p = self._adaptive_step(p, lr, g, new_a, self.epsilon)
            updates.append(K.update(p, self.constrained(p, new_p, constraints)))
        return updates

    def get_config(self):
        return self._config_with("lr", "rho", "decay", "epsilon")


class Adagrad(Optimizer):
    def __init__(self, lr=0.01, epsilon=None, decay=0., **kwargs):
        super(Adagrad, self).__init__(**kwargs)
        decay = self._release_decay(decay)
        self.lr = K.variable(lr)
        self.epsilon = self._release_epsilon(epsilon)
        self.decay = K.variable(decay)
        self.initial_decay = decay
        self.iterations = K.variable(0.)

    def create_slots(self, shapes):
        self.accumulators = [K.zeros(shape) for shape in shapes]
        self.weights = self.accumulators

    def step(self, params, grads, constraints):
        updates = []
        lr = self.decayed_lr()
        if self.initial_decay > 0:
            updates.append(K.update_add(self.iterations, 1))
        for p, g, a in zip(params, grads, self.accumulators):
            new_a = a + K.square(g)
            updates.append(K.update(a, new_a))
            new_p = self._adaptive_step(p, lr, g, new_a, self.epsilon)
            updates.append(K.update(p, self.constrained(p, new_p, constraints)))
        return updates

    def get_config(self):
        return self._config_with("lr", "decay", "epsilon")


class Adadelta(Optimizer):
    def __init__(self, lr=1.0, rho=0.95, epsilon=None, decay=0., **kwargs):
        super(Adadelta, self).__init__(**kwargs)
        decay = self._release_decay(decay)
        self.lr = K.variable(lr)
        self.rho = rho
        self.epsilon = self._release_epsilon(epsilon)
        self.decay = K.variable(decay)
        self.initial_decay = decay
        self.iterations = K.variable(0.)

    def create_slots(self, shapes):
        self.accumulators = [K.zeros(shape) for shape in shapes]
        self.delta_accumulators = [K.zeros(shape) for shape in shapes]
        self.weights = self.accumulators + self.delta_accumulators

    def step(self, params, grads, constraints):
        updates = []
        lr = self.decayed_lr()
        if self.initial_decay > 0:
            updates.append(K.update_add(self.iterations, 1))
        for p, g, a, d_a in zip(params, grads, self.accumulators, self.delta_accumulators):
            new_a = self.rho * a + (1. - self.rho) * K.square(g)
            updates.append(K.update(a, new_a))
            # the new accumulator with the *old* delta accumulator, as in Keras 1
            update = g * K.sqrt(d_a + self.epsilon) / K.sqrt(new_a + self.epsilon)
            new_p = p - lr * update
            updates.append(K.update(p, self.constrained(p, new_p, constraints)))
            updates.append(K.update(d_a, self.rho * d_a + (1 - self.rho) * K.square(update)))
        return updates

    def get_config(self):
        return self._config_with("lr", "rho", "decay", "epsilon")


class Adam(Optimizer):
    """Adam with Keras 1's epsilon 1e-8 (Keras 3 uses 1e-7)."""

    def __init__(self, lr=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-8, decay=0., **kwargs):
        super(Adam, self).__init__(**kwargs)
        decay = self._release_decay(decay)
        self.iterations = K.variable(0)
        self.lr = K.variable(lr)
        self.beta_1 = K.variable(beta_1)
        self.beta_2 = K.variable(beta_2)
        self.epsilon = epsilon
        self.decay = K.variable(decay)
        self.initial_decay = decay

    def create_slots(self, shapes):
        self.ms = [K.zeros(shape) for shape in shapes]
        self.vs = [K.zeros(shape) for shape in shapes]
        self.weights = [self.iterations] + self.ms + self.vs

    def step(self, params, grads, constraints):
        updates = [K.update_add(self.iterations, 1)]
        lr = self.decayed_lr()
        t = self.iterations + 1
        lr_t = lr * (K.sqrt(1. - K.pow(self.beta_2, t)) / (1. - K.pow(self.beta_1, t)))
        for p, g, m, v in zip(params, grads, self.ms, self.vs):
            m_t = (self.beta_1 * m) + (1. - self.beta_1) * g
            v_t = (self.beta_2 * v) + (1. - self.beta_2) * K.square(g)
            p_t = p - lr_t * m_t / (K.sqrt(v_t) + self.epsilon)
            updates.append(K.update(m, m_t))
            updates.append(K.update(v, v_t))
            updates.append(K.update(p, self.constrained(p, p_t, constraints)))
        return updates

    def get_config(self):
        return self._config_with("lr", "beta_1", "beta_2", "decay", "epsilon")


class Adamax(Optimizer):
    def __init__(self, lr=0.002, beta_1=0.9, beta_2=0.999, epsilon=1e-8, decay=0., **kwargs):
        super(Adamax, self).__init__(**kwargs)
        decay = self._release_decay(decay)
        self.iterations = K.variable(0.)
        self.lr = K.variable(lr)
        self.beta_1 = K.variable(beta_1)
        self.beta_2 = K.variable(beta_2)
        self.epsilon = epsilon
        self.decay = K.variable(decay)
        self.initial_decay = decay

    def create_slots(self, shapes):
        self.ms = [K.zeros(shape) for shape in shapes]
        self.us = [K.zeros(shape) for shape in shapes]
        self.weights = [self.iterations] + self.ms + self.us

    def step(self, params, grads, constraints):
        updates = [K.update_add(self.iterations, 1)]
        lr = self.decayed_lr()
        t = self.iterations + 1
        lr_t = lr / (1. - K.pow(self.beta_1, t))
        for p, g, m, u in zip(params, grads, self.ms, self.us):
            m_t = (self.beta_1 * m) + (1. - self.beta_1) * g
            u_t = K.maximum(self.beta_2 * u, K.abs(g))
            p_t = p - lr_t * m_t / (u_t + self.epsilon)
            updates.append(K.update(m, m_t))
            updates.append(K.update(u, u_t))
            updates.append(K.update(p, self.constrained(p, p_t, constraints)))
        return updates

    def get_config(self):
        return self._config_with("lr", "beta_1", "beta_2", "decay", "epsilon")


class Nadam(Optimizer):
    """Adam with Nesterov momentum and Keras 1's warming momentum schedule."""

    def __init__(self, lr=0.002, beta_1=0.9, beta_2=0.999, epsilon=1e-8, schedule_decay=0.004,
                 **kwargs):
        super(Nadam, self).__init__(**kwargs)
        self.iterations = K.variable(0.)
        self.m_schedule = K.variable(1.)
        self.lr = K.variable(lr)
        self.beta_1 = K.variable(beta_1)
        self.beta_2 = K.variable(beta_2)
        self.epsilon = epsilon
        self.schedule_decay = schedule_decay

    def create_slots(self, shapes):
        self.ms = [K.zeros(shape) for shape in shapes]
        self.vs = [K.zeros(shape) for shape in shapes]
        self.weights = [self.iterations] + self.ms + self.vs

    def step(self, params, grads, constraints):
        updates = [K.update_add(self.iterations, 1)]
        t = self.iterations + 1
        momentum_cache_t = self.beta_1 * (1. - 0.5 * (K.pow(0.96, t * self.schedule_decay)))
        momentum_cache_t_1 = self.beta_1 * (1. - 0.5 * (K.pow(0.96, (t + 1) *
                                                               self.schedule_decay)))
        m_schedule_new = self.m_schedule * momentum_cache_t
        m_schedule_next = self.m_schedule * momentum_cache_t * momentum_cache_t_1
        updates.append((self.m_schedule, m_schedule_new))
        for p, g, m, v in zip(params, grads, self.ms, self.vs):
            g_prime = g / (1. - m_schedule_new)
            m_t = self.beta_1 * m + (1. - self.beta_1) * g
            m_t_prime = m_t / (1. - m_schedule_next)
            v_t = self.beta_2 * v + (1. - self.beta_2) * K.square(g)
            v_t_prime = v_t / (1. - K.pow(self.beta_2, t))
            m_t_bar = (1. - momentum_cache_t) * g_prime + momentum_cache_t_1 * m_t_prime
            updates.append(K.update(m, m_t))
            updates.append(K.update(v, v_t))
            p_t = p - self.lr * m_t_bar / (K.sqrt(v_t_prime) + self.epsilon)
            updates.append(K.update(p, self.constrained(p, p_t, constraints)))
        return updates

    def get_config(self):
        return self._config_with("lr", "beta_1", "beta_2", "epsilon", "schedule_decay")


class TFOptimizer(Optimizer):
    def __init__(self, optimizer):
        raise NotImplementedError(
            "keras.optimizers.TFOptimizer (wrapping a TensorFlow 1 optimizer) is not supported "
            "by legacy_keras; use a Keras 1 optimizer (see migration_guide.md).")


sgd = SGD
rmsprop = RMSprop
adagrad = Adagrad
adadelta = Adadelta
adam = Adam
adamax = Adamax
nadam = Nadam


def optimizer_from_config(config, custom_objects=None):
    all_classes = {"sgd": SGD, "rmsprop": RMSprop, "adagrad": Adagrad, "adadelta": Adadelta,
                   "adam": Adam, "adamax": Adamax, "nadam": Nadam}
    class_name = config["class_name"]
    if custom_objects and class_name in custom_objects:
        cls = custom_objects[class_name]
    elif class_name.lower() in all_classes:
        cls = all_classes[class_name.lower()]
    else:
        raise ValueError("Invalid optimizer: " + class_name)
    return cls.from_config(config["config"])


def get(identifier, kwargs=None):
    if isinstance(identifier, Optimizer):
        return identifier
    return get_from_module(identifier, globals(), "optimizer", instantiate=True, kwargs=kwargs)
