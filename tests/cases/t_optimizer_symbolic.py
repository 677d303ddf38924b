# Optimizers used symbolically, as keras-rl's DDPG trained its actor: the
# optimizer's get_updates(actor weights, constraints, -mean(critic(actor(obs), obs)))
# gives Theano updates that a K.function applies (a built-in Adam and a custom
# Optimizer subclass creating its moments in get_updates); actor weights, the
# optimizer's state and the critic's values after 3 calls.
import numpy as np
from keras import backend as K
from keras.layers import Dense, Input, merge
from keras.models import Model, Sequential
from keras.optimizers import Adam, Optimizer

import golden

class MomentumSGD(Optimizer):
    def __init__(self, lr=0.1, momentum=0.8, **kwargs):
        super(MomentumSGD, self).__init__(**kwargs)
        self.iterations = K.variable(0.)
        self.lr = K.variable(lr)
        self.momentum = K.variable(momentum)
    def get_updates(self, params, constraints, loss):
        grads = self.get_gradients(loss, params)
        self.updates = [K.update_add(self.iterations, 1)]
        moments = [K.zeros(K.get_variable_shape(p)) for p in params]
        self.weights = [self.iterations] + moments
        for p, g, m in zip(params, grads, moments):
            v = self.momentum * m - self.lr * g
            self.updates.append(K.update(m, v))
            self.updates.append(K.update(p, p + v))
        return self.updates

rng = np.random.RandomState(2)
actor = Sequential([Dense(4, input_dim=3, activation='tanh'), Dense(2, activation='tanh')])
actor.set_weights([rng.uniform(-1, 1, w.shape).astype('float32') for w in actor.get_weights()])
a_in = Input(shape=(2,)); o_in = Input(shape=(3,))
x = merge([a_in, o_in], mode='concat')
critic = Model([a_in, o_in], Dense(1)(Dense(5, activation='relu')(x)))
critic.set_weights([rng.uniform(-1, 1, w.shape).astype('float32') for w in critic.get_weights()])
critic.compile('sgd', 'mse')
combined_inputs = [actor(o_in), o_in]
combined_output = critic(combined_inputs)
for label, opt in (('adam', Adam(lr=0.01)), ('momentum', MomentumSGD())):
    updates = opt.get_updates(actor.trainable_weights, actor.constraints, -K.mean(combined_output))
    train_fn = K.function([o_in, K.learning_phase()], [actor(o_in)], updates=updates)
    X = rng.rand(5, 3).astype('float32')
    for i in range(3):
        train_fn([X, 1])
    golden.record(label + '/actor', actor.get_weights(), rtol=1e-3, atol=1e-5)
    golden.record(label + '/state', [K.get_value(w) for w in opt.weights], rtol=1e-3,
                  atol=1e-5)
    golden.record(label + '/q', critic.predict([actor.predict(X), X]), rtol=1e-3, atol=1e-5)
    golden.record(label + '/n_updates', len(updates))
