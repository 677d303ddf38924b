# Keras 1 core layers with weights: Dense (2D and 3D input, no bias, regularizer and
# constraint in the config), Activation (every activation name), Highway, MaxoutDense,
# TimeDistributedDense, ActivityRegularization.
# For each layer: test-phase predictions with seeded weights, output shapes, weight
# names / shapes / order, get_config(), and the debugprint of layer.output.
import json

import numpy as np
import theano
from keras import backend as K
from keras.layers import (Input, Dense, Activation, Highway, MaxoutDense,
                          TimeDistributedDense, ActivityRegularization)
from keras.models import Sequential, Model
from keras.regularizers import l2
from keras.constraints import maxnorm

import golden

np.random.seed(1337)
rng = np.random.RandomState(1234)


def randomize(layer):
    weights = [rng.uniform(-1, 1, size=w.shape).astype('float32')
               for w in layer.get_weights()]
    layer.set_weights(weights)


def jsonable(config):
    """A config through a JSON round trip; NumPy scalars (e.g. the input_dim of a Dense
    after Flatten, an np.int64 in Keras 1) become plain numbers."""
    return json.loads(json.dumps(config, default=lambda v: v.item()))


def plain(value):
    """Shapes as plain lists of ints/None (Keras 1 returns NumPy ints from np.prod)."""
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if value is None:
        return None
    return int(value)


def describe(layer, key=None):
    key = key or layer.name
    print('=== %s (%s)' % (key, layer.__class__.__name__))
    theano.printing.debugprint(layer.output)
    golden.record(key + '/input_shape', plain(layer.input_shape))
    golden.record(key + '/output_shape', plain(layer.output_shape))
    golden.record(key + '/weights', [w.name for w in layer.weights])
    golden.record(key + '/trainable_weights', [w.name for w in layer.trainable_weights])
    golden.record(key + '/non_trainable_weights',
                  [w.name for w in layer.non_trainable_weights])
    golden.record(key + '/weight_shapes', [list(w.shape) for w in layer.get_weights()])
    golden.record(key + '/config', jsonable(layer.get_config()))


def layer_outputs(model, x, phase=0):
    f = K.function([model.input, K.learning_phase()], [l.output for l in model.layers])
    return f([x, phase])


# --- Sequential MLP: Dense(tanh) -> Dense(no bias) -> Activation(softmax)
x2 = rng.uniform(-2, 2, size=(5, 4)).astype('float32')
mlp = Sequential()
mlp.add(Dense(3, input_dim=4, activation='tanh'))
mlp.add(Dense(2, bias=False, W_regularizer=l2(0.01), W_constraint=maxnorm(2.)))
mlp.add(Activation('softmax'))
for layer in mlp.layers:
    randomize(layer)
for layer in mlp.layers:
    describe(layer)
golden.record('mlp/predict', mlp.predict(x2))
for layer, out in zip(mlp.layers, layer_outputs(mlp, x2)):
    golden.record('mlp/out/' + layer.name, out)
golden.record('mlp/weight_shapes', [list(w.shape) for w in mlp.get_weights()])
golden.record('mlp/get_output_shape_for', plain(list(mlp.layers[0].get_output_shape_for((7, 4)))))

# --- Dense on a 3D input (applied to the last axis)
x3 = rng.uniform(-2, 2, size=(2, 3, 4)).astype('float32')
seq3 = Sequential()
seq3.add(Dense(2, input_shape=(3, 4), activation='relu'))
randomize(seq3.layers[0])
describe(seq3.layers[0])
golden.record('dense3d/predict', seq3.predict(x3))

# --- every activation name on a shared input
inp = Input(shape=(4,), name='act_in')
names = ['linear', 'relu', 'tanh', 'sigmoid', 'hard_sigmoid', 'softplus',
         'softsign', 'softmax', 'elu']
acts = [Activation(n, name='act_' + n) for n in names]
outs = [a(inp) for a in acts]
act_model = Model(input=inp, output=outs)
preds = act_model.predict(x2)
for n, a, p in zip(names, acts, preds):
    describe(a)
    golden.record('activation/' + n, p)

# softmax on 3D input
inp3 = Input(shape=(3, 4), name='act3_in')
sm3 = Activation('softmax', name='softmax3d')
sm3_model = Model(input=inp3, output=sm3(inp3))
describe(sm3)
golden.record('activation/softmax3d', sm3_model.predict(x3))

# --- Highway, MaxoutDense
x3f = rng.uniform(-2, 2, size=(5, 3)).astype('float32')
hw = Sequential()
hw.add(Highway(input_dim=3, activation='relu'))
randomize(hw.layers[0])
describe(hw.layers[0])
golden.record('highway/predict', hw.predict(x3f))

hw2 = Sequential()
hw2.add(Highway(input_dim=3, bias=False))
randomize(hw2.layers[0])
describe(hw2.layers[0])
golden.record('highway_nobias/predict', hw2.predict(x3f))

mo = Sequential()
mo.add(MaxoutDense(2, nb_feature=3, input_dim=4))
randomize(mo.layers[0])
describe(mo.layers[0])
golden.record('maxout/predict', mo.predict(x2))

# --- TimeDistributedDense (deprecated in 1.2.2, still works)
xt = rng.uniform(-2, 2, size=(2, 4, 3)).astype('float32')
tdd = Sequential()
tdd.add(TimeDistributedDense(2, input_dim=3, input_length=4, activation='sigmoid'))
randomize(tdd.layers[0])
describe(tdd.layers[0])
golden.record('tdd/predict', tdd.predict(xt))

# --- ActivityRegularization: identity on the output, regularizer attached
ar = Sequential()
ar.add(ActivityRegularization(l1=0.01, l2=0.02, input_shape=(4,)))
describe(ar.layers[0])
golden.record('actreg/predict', ar.predict(x2))
golden.record('actreg/regularizer', jsonable(ar.layers[0].activity_regularizer.get_config()))
golden.record('actreg/n_regularizers', len(ar.layers[0].regularizers))

# --- regularization losses (Keras 1.2.2 collects them in `losses`)
golden.record('actreg/n_losses', len(ar.losses))
golden.record('actreg/loss_value',
              K.function([ar.input], [sum(ar.losses)])([x2])[0])
golden.record('mlp/n_losses', len(mlp.losses))
golden.record('mlp/loss_value', K.function([mlp.input], [sum(mlp.losses)])([x2])[0])
print('=== actreg loss')
theano.printing.debugprint(ar.losses[0])
print('=== dense_2 W_regularizer loss')
theano.printing.debugprint(mlp.losses[0])
