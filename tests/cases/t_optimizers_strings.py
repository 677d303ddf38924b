# Optimizers given by name ('sgd', 'rmsprop', 'adagrad', 'adadelta', 'adam',
# 'adamax', 'nadam', and the class names) get Keras 1's defaults; optimizer.lr is a
# shared variable read with K.get_value (a 0-d float32 ndarray) and changed with
# K.set_value, and a change made after the training function was compiled takes effect
# in the next epoch (lr is not baked into the compiled step). Also: optimizer classes'
# get_config() defaults, keras.optimizers.get, optimizer weights ordered by the sorted
# names of the trainable weights (dense_10_W sorts before dense_9_W).
import numpy as np
from keras import backend as K
from keras import optimizers
from keras.models import Sequential
from keras.layers import Dense

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


# string names: two epochs each from the same weights
def train_named(name):
    model = build(1)
    model.compile(optimizer=name, loss='mse')
    print(name, '->', type(model.optimizer).__name__,
          sorted(model.optimizer.get_config().items()))
    history = model.fit(X, Y, batch_size=8, nb_epoch=2, verbose=0, shuffle=False)
    golden.record('string/%s/loss' % name, [float(v) for v in history.history['loss']])
    golden.record('string/%s/final_weights' % name, model.get_weights(), rtol=1e-3)


for name in ['sgd', 'rmsprop', 'adagrad', 'adadelta']:
    train_named(name)

# optimizer weight order follows the sorted trainable weight names
model = Sequential()
model.add(Dense(4, input_dim=3, activation='tanh'))
model.add(Dense(5, activation='tanh'))
model.add(Dense(2))
# (4 models of 2 Dense layers were built before: this one has dense_9 .. dense_11)
print('layers:', [layer.name for layer in model.layers])
rng = np.random.RandomState(9)
model.set_weights([rng.uniform(-0.5, 0.5, size=w.shape).astype('float32')
                   for w in model.get_weights()])
model.compile(optimizer=optimizers.Adam(lr=0.01), loss='mse')
history = model.fit(X, Y, batch_size=8, nb_epoch=3, verbose=0, shuffle=False)
print('optimizer weight shapes:', [list(w.shape) for w in model.optimizer.get_weights()])
golden.record('order/history', [float(v) for v in history.history['loss']])
golden.record('order/optimizer_weights', model.optimizer.get_weights(), rtol=1e-3, atol=1e-7)
golden.record('order/final_weights', model.get_weights(), rtol=1e-3)

for name in ['adam', 'adamax', 'nadam', 'SGD', 'Adam']:
    train_named(name)

# keras.optimizers.get
for name in ['sgd', 'adam', 'rmsprop']:
    opt = optimizers.get(name)
    print('optimizers.get(%r)' % name, type(opt).__name__)
opt = optimizers.SGD(lr=0.3)
print('optimizers.get(instance) is instance:', optimizers.get(opt) is opt)

# lr get / set
model = build(2)
model.compile(optimizer=optimizers.SGD(lr=0.01), loss='mse')
lr = K.get_value(model.optimizer.lr)
print('get_value(lr):', lr, type(lr).__name__, lr.dtype, lr.shape)
golden.record('lr/initial', float(lr))
h1 = model.fit(X, Y, batch_size=8, nb_epoch=1, verbose=0, shuffle=False)
w1 = model.get_weights()
K.set_value(model.optimizer.lr, 0.5)
lr = K.get_value(model.optimizer.lr)
print('after set_value(lr, 0.5):', lr, type(lr).__name__, lr.dtype)
golden.record('lr/after_set', float(lr))
print('config after set_value:', sorted(model.optimizer.get_config().items()))
h2 = model.fit(X, Y, batch_size=8, nb_epoch=2, verbose=0, shuffle=False)
golden.record('lr/history_before', [float(v) for v in h1.history['loss']])
golden.record('lr/history_after', [float(v) for v in h2.history['loss']])
golden.record('lr/weights_after_epoch1', w1, rtol=1e-3)
golden.record('lr/final_weights', model.get_weights(), rtol=1e-3)
model.optimizer.lr.set_value(np.float32(0.25))
print('lr.set_value:', K.get_value(model.optimizer.lr))

# set_value on an Adam's lr and beta_1 between fits
model = build(3)
model.compile(optimizer='adam', loss='mse')
model.fit(X, Y, batch_size=8, nb_epoch=1, verbose=0, shuffle=False)
K.set_value(model.optimizer.lr, 0.05)
K.set_value(model.optimizer.beta_1, 0.5)
history = model.fit(X, Y, batch_size=8, nb_epoch=2, verbose=0, shuffle=False)
print('adam iterations after 3 epochs:', K.get_value(model.optimizer.iterations))
golden.record('adam_set/history', [float(v) for v in history.history['loss']])
golden.record('adam_set/final_weights', model.get_weights(), rtol=1e-3)

# defaults of every optimizer class
for cls in [optimizers.SGD, optimizers.RMSprop, optimizers.Adagrad, optimizers.Adadelta,
            optimizers.Adam, optimizers.Adamax, optimizers.Nadam]:
    print(cls.__name__, 'defaults', sorted(cls().get_config().items()))

