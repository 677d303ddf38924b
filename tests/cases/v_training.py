# Keras version profiles: training behaviour that changed between releases,
# run under each reference (1.0.1, 1.0.8, 1.1.2, 1.2.2).
# - RMSprop / Adagrad / Adadelta with their default epsilon (1e-6 up to 1.0.2) and step
#   formula (epsilon under the square root up to 1.0.2): weights after 3 batches.
# - decay= given to RMSprop (ignored up to 1.0.2, refused 1.0.3-1.0.8, applied from 1.1.0).
# - metrics=['accuracy'] with binary_crossentropy on a 2-unit output and with
#   sparse_categorical_crossentropy: which accuracy each release computed.
# - a W_regularizer's penalty in train_on_batch and in evaluate (training phase only up
#   to 1.1.2).
import numpy as np
from keras.layers import Dense
from keras.models import Sequential
from keras.optimizers import Adadelta, Adagrad, RMSprop
from keras.regularizers import l2

import golden

rng = np.random.RandomState(11)
x = rng.uniform(-1, 1, size=(8, 3)).astype('float32')
y = rng.uniform(0, 1, size=(8, 2)).astype('float32')
W0 = rng.uniform(-0.5, 0.5, size=(3, 2)).astype('float32')
b0 = rng.uniform(-0.5, 0.5, size=(2,)).astype('float32')


def dense_model(**kwargs):
    model = Sequential([Dense(2, input_dim=3, **kwargs)])
    model.layers[0].set_weights([W0, b0])
    return model


for name, make in (('rmsprop', lambda: RMSprop()), ('adagrad', lambda: Adagrad()),
                   ('adadelta', lambda: Adadelta())):
    model = dense_model()
    model.compile(optimizer=make(), loss='mse')
    for step in range(3):
        model.train_on_batch(x, y)
    golden.record('%s/weights' % name, model.layers[0].get_weights(), rtol=1e-5)
    print(name, 'trained')

try:
    model = dense_model()
    model.compile(optimizer=RMSprop(lr=0.1, decay=0.5), loss='mse')
    for step in range(3):
        model.train_on_batch(x, y)
    golden.record('rmsprop_decay/weights', model.layers[0].get_weights(), rtol=1e-5)
    print('RMSprop(decay=0.5) accepted')
except Exception as e:
    print('RMSprop(decay=0.5) -> %s: %s' % (type(e).__name__, e))

labels = np.array([[1, 0], [0, 1], [1, 0], [1, 0], [0, 1], [0, 1], [1, 0], [0, 1]],
                  dtype='float32')
model = dense_model(activation='sigmoid')
model.compile(optimizer='sgd', loss='binary_crossentropy', metrics=['accuracy'])
golden.record('bce_accuracy', model.evaluate(x, labels, batch_size=8, verbose=0))
model = dense_model(activation='softmax')
model.compile(optimizer='sgd', loss='sparse_categorical_crossentropy',
              metrics=['accuracy'])
sparse = np.array([[0], [1], [1], [0], [1], [0], [0], [1]], dtype='float32')
golden.record('sparse_accuracy', model.evaluate(x, sparse, batch_size=8, verbose=0))

model = dense_model(W_regularizer=l2(0.5))
model.compile(optimizer='sgd', loss='mse')
golden.record('regularized/evaluate', model.evaluate(x, y, batch_size=8, verbose=0))
golden.record('regularized/test_on_batch', model.test_on_batch(x, y))
golden.record('regularized/train_on_batch', model.train_on_batch(x, y))
