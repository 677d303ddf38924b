# Custom optimizers as third-party Keras 1 code wrote them. A Keras 1
# `Optimizer` subclass with its own `get_updates(params, constraints, loss)` builds its
# updates symbolically (K.update, K.update_add, K.switch, K.get_variable_shape, K.zeros,
# self.get_gradients), creates its state inside get_updates, may read the loss itself
# (Eve-style feedback), and may wrap another optimizer and add updates to its list.
# Each trains a small MLP from fixed weights with fit (shuffle=False) and train_on_batch;
# history, losses, final weights, the optimizer's weights and its counters are recorded.
import numpy as np
from keras import backend as K
from keras import optimizers
from keras.constraints import maxnorm
from keras.layers import Dense
from keras.models import Sequential
from keras.optimizers import Optimizer, SGD

import golden

rng = np.random.RandomState(17)
X = rng.rand(24, 3).astype('float32')
Y = (rng.rand(24, 1) > 0.5).astype('float32')
W0 = [rng.uniform(-0.5, 0.5, (3, 5)).astype('float32'), np.zeros(5, 'float32'),
      rng.uniform(-0.5, 0.5, (5, 1)).astype('float32'), np.zeros(1, 'float32')]


class MomentumSGD(Optimizer):
    """SGD with heavy-ball momentum and a step learning-rate schedule (K.switch on the
    iteration counter), written as Keras 1.2.2 users wrote optimizers."""

    def __init__(self, lr=0.1, momentum=0.8, drop_every=3, **kwargs):
        super(MomentumSGD, self).__init__(**kwargs)
        self.iterations = K.variable(0.)
        self.lr = K.variable(lr)
        self.momentum = K.variable(momentum)
        self.drop_every = drop_every

    def get_updates(self, params, constraints, loss):
        grads = self.get_gradients(loss, params)
        self.updates = [K.update_add(self.iterations, 1)]
        lr = K.switch(K.greater_equal(self.iterations, self.drop_every),
                      self.lr * 0.5, self.lr)
        shapes = [K.get_variable_shape(p) for p in params]
        moments = [K.zeros(shape) for shape in shapes]
        self.weights = [self.iterations] + moments
        for p, g, m in zip(params, grads, moments):
            v = self.momentum * m - lr * g
            self.updates.append(K.update(m, v))
            new_p = p + v
            if p in constraints:
                c = constraints[p]
                new_p = c(new_p)
            self.updates.append(K.update(p, new_p))
        return self.updates

    def get_config(self):
        config = {'lr': float(K.get_value(self.lr)),
                  'momentum': float(K.get_value(self.momentum)),
                  'drop_every': self.drop_every}
        base_config = super(MomentumSGD, self).get_config()
        return dict(list(base_config.items()) + list(config.items()))


class EveLike(Optimizer):
    """An Adam variant with loss feedback (the Eve paper's pattern): it reads the loss
    value, keeps the previous loss in a variable, and K.switch-es on the iteration."""

    def __init__(self, lr=0.01, beta_1=0.9, beta_2=0.999, beta_3=0.999, small_k=0.1,
                 big_K=10., epsilon=1e-8, **kwargs):
        super(EveLike, self).__init__(**kwargs)
        self.__dict__.update(locals())
        self.iterations = K.variable(0)
        self.lr = K.variable(lr)
        self.beta_1 = K.variable(beta_1)
        self.beta_2 = K.variable(beta_2)
        self.beta_3 = K.variable(beta_3)

    def get_updates(self, params, constraints, loss):
        grads = self.get_gradients(loss, params)
        self.updates = [K.update_add(self.iterations, 1)]
        t = self.iterations + 1
        lr_t = self.lr * (K.sqrt(1. - K.pow(self.beta_2, t)) / (1. - K.pow(self.beta_1, t)))
        loss_prev = K.variable(0)
        d = K.variable(1)
        self.updates.append(K.update(loss_prev, loss))
        up = K.greater(loss, loss_prev)
        delta_low = K.switch(up, self.small_k + 1, 1. / (self.big_K + 1))
        delta_high = K.switch(up, self.big_K + 1, 1. / (self.small_k + 1))
        c = K.minimum(K.maximum(delta_low, loss / (loss_prev + self.epsilon)), delta_high)
        loss_hat = K.switch(K.greater(t, 1), c * loss_prev, loss)
        r = K.abs(loss_hat - loss_prev) / (K.minimum(loss_hat, loss_prev) + self.epsilon)
        d_t = K.switch(K.greater(t, 1), self.beta_3 * d + (1. - self.beta_3) * r, 1.)
        self.updates.append(K.update(d, d_t))
        shapes = [K.get_variable_shape(p) for p in params]
        ms = [K.zeros(shape) for shape in shapes]
        vs = [K.zeros(shape) for shape in shapes]
        self.weights = [self.iterations, d] + ms + vs
        for p, g, m, v in zip(params, grads, ms, vs):
            m_t = (self.beta_1 * m) + (1. - self.beta_1) * g
            v_t = (self.beta_2 * v) + (1. - self.beta_2) * K.square(g)
            p_t = p - lr_t * m_t / (d_t * K.sqrt(v_t) + self.epsilon)
            self.updates.append(K.update(m, m_t))
            self.updates.append(K.update(v, v_t))
            self.updates.append(K.update(p, p_t))
        return self.updates


class MultiplierSGD(SGD):
    """Per-weight learning-rate multipliers looked up by the weight's name (p.name)."""

    def __init__(self, multipliers, **kwargs):
        super(MultiplierSGD, self).__init__(**kwargs)
        self.multipliers = multipliers

    def get_updates(self, params, constraints, loss):
        grads = self.get_gradients(loss, params)
        self.updates = []
        for p, g in zip(params, grads):
            factor = self.multipliers.get(p.name, 1.)
            self.updates.append(K.update(p, p - self.lr * factor * g))
        return self.updates


class CountingWrapper(Optimizer):
    """Wraps another optimizer: its updates plus a counter and a running mean of the
    loss (an extra update list appended to the wrapped optimizer's)."""

    def __init__(self, optimizer, **kwargs):
        super(CountingWrapper, self).__init__(**kwargs)
        self.optimizer = optimizers.get(optimizer)
        self.count = K.variable(0.)
        self.loss_sum = K.variable(0.)

    def get_updates(self, params, constraints, loss):
        updates = self.optimizer.get_updates(params, constraints, loss)
        updates = updates + [K.update_add(self.count, 1.), K.update_add(self.loss_sum, loss)]
        self.weights = self.optimizer.weights + [self.count, self.loss_sum]
        return updates


class HalfGradients(SGD):
    """Overrides get_gradients only (a gradient transformation), SGD's updates."""

    def get_gradients(self, loss, params):
        grads = super(HalfGradients, self).get_gradients(loss, params)
        return [g * 0.5 for g in grads]


def make_model(constrained=False):
    kwargs = {'W_constraint': maxnorm(0.6)} if constrained else {}
    model = Sequential([Dense(5, input_dim=3, activation='tanh', **kwargs),
                        Dense(1, activation='sigmoid')])
    model.set_weights(W0)
    return model


def run(label, optimizer, constrained=False, nb_epoch=3, clip=False):
    model = make_model(constrained)
    model.compile(optimizer=optimizer, loss='binary_crossentropy', metrics=['acc'])
    hist = model.fit(X, Y, batch_size=8, nb_epoch=nb_epoch, shuffle=False, verbose=0)
    golden.record(label + '/loss', hist.history['loss'])
    golden.record(label + '/acc', hist.history['acc'])
    golden.record(label + '/batch', model.train_on_batch(X[:8], Y[:8]))
    golden.record(label + '/weights', model.get_weights(), rtol=1e-3, atol=1e-5)
    golden.record(label + '/opt_weights', [K.get_value(w) for w in optimizer.weights],
                  rtol=1e-3, atol=1e-5)
    golden.record(label + '/evaluate', model.evaluate(X, Y, verbose=0))
    return model


m = run('momentum', MomentumSGD())
run('momentum_constrained', MomentumSGD(lr=0.5), constrained=True)
run('momentum_clipnorm', MomentumSGD(lr=0.5, clipnorm=0.1))
print('momentum config', sorted(MomentumSGD(clipvalue=0.5).get_config().items()))
eve = EveLike()
run('eve', eve, nb_epoch=4)
golden.record('eve/iterations', K.get_value(eve.iterations))
run('multiplier', MultiplierSGD({'dense_9_W': 0.1, 'dense_10_b': 10.}, lr=0.2))
wrapped = CountingWrapper(SGD(lr=0.1, momentum=0.5))
run('wrapper', wrapped)
golden.record('wrapper/count', K.get_value(wrapped.count))
golden.record('wrapper/loss_sum', K.get_value(wrapped.loss_sum))
adam_wrapped = CountingWrapper('adam')
run('wrapper_adam', adam_wrapped)
golden.record('wrapper_adam/count', K.get_value(adam_wrapped.count))
run('half_gradients', HalfGradients(lr=0.3))

# a second compile of the same model with a new custom optimizer continues from the
# trained weights; the optimizer's state is created anew
m.compile(optimizer=MomentumSGD(lr=0.05), loss='mse')
golden.record('recompiled/loss', m.train_on_batch(X, Y))
golden.record('recompiled/weights', m.get_weights(), rtol=1e-3, atol=1e-5)

# a custom optimizer of Keras 1.0 style: __dict__.update(locals()) and a get_updates
# that builds its state anew at every compile
print('names', [w.name for w in m.trainable_weights])


# keras-rl's AdditionalUpdatesOptimizer: a wrapper appending updates built *before*
# compile as Theano expressions (soft target-model updates, tau = 0.1) to an Adam's
class AdditionalUpdatesOptimizer(Optimizer):
    def __init__(self, optimizer, additional_updates):
        super(AdditionalUpdatesOptimizer, self).__init__()
        self.optimizer = optimizer
        self.additional_updates = additional_updates

    def get_updates(self, params, constraints, loss):
        updates = self.optimizer.get_updates(params, constraints, loss)
        updates += self.additional_updates
        self.updates = updates
        return self.updates

    def get_config(self):
        return self.optimizer.get_config()


def soft_target_updates(target, source, tau):
    return [(tw, tau * sw + (1. - tau) * tw)
            for tw, sw in zip(target.trainable_weights, source.trainable_weights)]


online = make_model()
target = make_model()
target.set_weights([w * 0.5 for w in W0])
target.compile(optimizer='sgd', loss='mse')
online.compile(optimizer=AdditionalUpdatesOptimizer(
    optimizers.Adam(lr=0.01), soft_target_updates(target, online, 0.1)), loss='mse')
golden.record('rl/losses', [online.train_on_batch(X, Y) for _ in range(3)])
golden.record('rl/target_weights', target.get_weights(), rtol=1e-3, atol=1e-5)
golden.record('rl/target_predict', target.predict(X), rtol=1e-3, atol=1e-5)

# save / load_model with a custom optimizer: its state (created in get_updates) is
# restored, and training resumes from it
from keras.models import load_model

saved = make_model()
saved.compile(optimizer=MomentumSGD(lr=0.2), loss='mse')
saved.fit(X, Y, batch_size=8, nb_epoch=1, shuffle=False, verbose=0)
saved.save('custom_optimizer.h5')
loaded = load_model('custom_optimizer.h5', custom_objects={'MomentumSGD': MomentumSGD})
golden.record('loaded/opt_weights', [K.get_value(w) for w in loaded.optimizer.weights],
              rtol=1e-3, atol=1e-5)
golden.record('loaded/config', sorted(loaded.optimizer.get_config().items()))
golden.record('loaded/next', [loaded.train_on_batch(X, Y), saved.train_on_batch(X, Y)])
