# Keras 1 naming counters (one counter per prefix, per process),
# explicit names, models' names, input names, weight names, and Dense/Activation/
# Sequential get_config() with many arguments (made plain through a JSON round-trip).
import json

import numpy as np

np.random.seed(5)

import golden
from keras.models import Sequential
from keras.layers import Dense, Activation
from keras.regularizers import l2, l1
from keras.constraints import maxnorm, nonneg


def plain(config):
    return json.loads(json.dumps(config))


def describe(label, model):
    print('--', label, '--')
    print('model.name', model.name)
    print('model.input.name', model.input.name)
    for layer in model.layers:
        print(' ', layer.name, type(layer).__name__,
              [w.name for w in layer.trainable_weights],
              [w.name for w in layer.non_trainable_weights])


m1 = Sequential()
m1.add(Dense(3, input_dim=2))
m1.add(Dense(2))
describe('m1', m1)

m2 = Sequential()
m2.add(Dense(3, input_dim=2, name='first'))
m2.add(Activation('relu'))
m2.add(Dense(2, name='second'))
m2.add(Activation('softmax', name='probs'))
describe('m2 (explicit names)', m2)

m3 = Sequential(name='my_model')
m3.add(Activation('tanh', input_shape=(4,)))
m3.add(Dense(1))
describe('m3 (Activation first, named model)', m3)

m4 = Sequential()
m4.add(Dense(5, batch_input_shape=(None, 3)))
m4.add(Activation('linear'))
m4.add(Dense(5, trainable=False))
describe('m4 (batch_input_shape, trainable=False)', m4)

# A layer created but never added still takes a number.
unused = Dense(7)
print('unused layer name', unused.name)
m5 = Sequential([Dense(2, input_dim=2), Dense(2)])
describe('m5 (Sequential(list))', m5)
print('m5 layers[0].name', m5.layers[0].name)

for m in (m1, m2, m3, m4, m5):
    golden.record('names/%s' % m.name, {
        'input': m.input.name,
        'layers': [l.name for l in m.layers],
        'weights': [[w.name for w in l.weights] for l in m.layers],
    })

m6 = Sequential()
m6.add(Dense(4, input_dim=3, init='he_normal', activation='relu',
             W_regularizer=l2(0.01), b_regularizer=l1(0.5),
             activity_regularizer=l2(0.001), W_constraint=nonneg(),
             b_constraint=maxnorm(2), name='big'))
m6.add(Dense(2, bias=False, trainable=False, init='zero'))
describe('m6', m6)
big, nobias = m6.layers
print('nobias.b', nobias.b)
print('len(nobias.weights)', len(nobias.weights))

standalone = Dense(3, init='uniform', activation='sigmoid', bias=False,
                   batch_input_shape=(8, 6), input_dim=6, trainable=False,
                   W_regularizer=l2(0.01), b_constraint=maxnorm(2))
print('standalone (not built) name', standalone.name)

configs = {
    'big': big.get_config(),
    'nobias': nobias.get_config(),
    'standalone': standalone.get_config(),
    'dense_defaults': m1.layers[0].get_config(),
    'dense_second': m1.layers[1].get_config(),
    'activation': m2.layers[1].get_config(),
    'activation_first': m3.layers[0].get_config(),
    'm2': m2.get_config(),
    'm4': m4.get_config(),
}
for key in sorted(configs):
    config = plain(configs[key])
    golden.record('config/%s' % key, config)
    if isinstance(config, dict):
        print(key, sorted(config))
    else:
        print(key, [c['class_name'] for c in config])
