# RMSprop: lr, rho, epsilon, decay, clipnorm, clipvalue
# Keras 1.2.2's RMSprop trained from fixed initial weights (drawn from
# np.random.RandomState(k), set with set_weights), shuffle=False, 3 epochs of 3 batches,
# with its defaults and with non-default arguments. Per run: history.history per epoch
# (rtol 1e-4), final weights (rtol 1e-3), the optimizer's state (optimizer.get_weights(),
# in Keras 1's order, rtol 1e-3), its iterations counter, get_config() (printed: Keras 1
# stores lr and friends in float32 shared variables, so 0.01 reads back as
# 0.009999999776482582), history.params, history.epoch and the sorted history keys.
import numpy as np
from keras import backend as K
from keras.models import Sequential
from keras.layers import Dense
from keras.optimizers import RMSprop

import golden

data = np.random.RandomState(0)
X = data.uniform(-1, 1, size=(24, 3)).astype('float32')
Y = np.stack([np.sin(X.sum(axis=1)), X[:, 0] * X[:, 1]], axis=1).astype('float32')


def build(k):
    model = Sequential()
    model.add(Dense(5, input_dim=3, activation='tanh'))
    model.add(Dense(2))
    rng = np.random.RandomState(k)
    model.set_weights([rng.uniform(-0.5, 0.5, size=w.shape).astype('float32')
                       for w in model.get_weights()])
    return model


def run(label, optimizer, k=1):
    model = build(k)
    model.compile(optimizer=optimizer, loss='mse', metrics=['mae'])
    history = model.fit(X, Y, batch_size=8, nb_epoch=3, verbose=0, shuffle=False)
    print(label, type(model.optimizer).__name__, 'history keys', sorted(history.history))
    print(label, 'epoch', history.epoch)
    print(label, 'config', sorted(model.optimizer.get_config().items()))
    for key in sorted(history.history):
        golden.record('%s/history/%s' % (label, key),
                      [float(v) for v in history.history[key]], rtol=1e-4)
    golden.record('%s/params' % label, history.params)
    golden.record('%s/final_weights' % label, model.get_weights(), rtol=1e-3)
    state = model.optimizer.get_weights()
    print(label, 'optimizer weights', [list(w.shape) for w in state])
    golden.record('%s/optimizer_weights' % label, state, rtol=1e-3, atol=1e-7)
    if hasattr(model.optimizer, 'iterations'):
        print(label, 'iterations', float(K.get_value(model.optimizer.iterations)))
    return model

run('default', RMSprop(), k=1)
run('lr_rho', RMSprop(lr=0.01, rho=0.5), k=2)
run('epsilon', RMSprop(lr=0.01, epsilon=0.1), k=3)
run('decay', RMSprop(lr=0.01, decay=0.2), k=4)
run('clipnorm', RMSprop(lr=0.01, clipnorm=0.05), k=5)
run('clipvalue', RMSprop(lr=0.01, clipvalue=0.01), k=6)
