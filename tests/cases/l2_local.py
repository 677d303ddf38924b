# Keras 1 LocallyConnected1D / LocallyConnected2D on Theano (unshared weights):
# 1D with subsample_length 1 / 2, bias=False, activation, input_dim / input_length;
# 2D in 'th' (a per-position K.dot loop on Theano) and 'tf' (K.batch_dot) ordering and
# the keras.json default, subsample 1 / 2, non-square kernels; W is
# (output positions, kernel positions * input channels, nb_filter) with the features of
# a patch flattened channel-first in 'th' and channel-last in 'tf'; b is
# (output_length, nb_filter) / (output_row, output_col, nb_filter), and in 'th' it is
# *reshaped* (not transposed) to (1, nb_filter, output_row, output_col).
# Seeded default initialisation, weight names / shapes, get_config(), errors.
# Prints debugprint(layer.output) for each layer (stdout, exact).
# Uses K.batch_dot (Theano BatchedDot): regenerate with cxx= (pure-Python ops).
import json

import numpy as np
import theano
from keras import backend as K
from keras.layers import Input, LocallyConnected1D, LocallyConnected2D, Flatten, Dense
from keras.models import Sequential, Model

import golden

np.random.seed(1337)
rng = np.random.RandomState(2024)


def jsonable(config):
    return json.loads(json.dumps(config, default=lambda v: v.item()))


def plain(value):
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if value is None:
        return None
    return int(value)


def randomize(layer):
    weights = [rng.uniform(-1, 1, size=w.shape).astype('float32')
               for w in layer.get_weights()]
    layer.set_weights(weights)
    return weights


def describe(layer, key=None):
    key = key or layer.name
    print('=== %s (%s)' % (key, layer.__class__.__name__))
    theano.printing.debugprint(layer.output)
    golden.record(key + '/input_shape', plain(layer.input_shape))
    golden.record(key + '/output_shape', plain(layer.output_shape))
    golden.record(key + '/weights', [w.name for w in layer.weights])
    golden.record(key + '/weight_shapes', [list(w.shape) for w in layer.get_weights()])
    try:
        config = jsonable(layer.get_config())
    except Exception as e:
        config = 'get_config() -> %s: %s' % (type(e).__name__, e)
        print(config)
    golden.record(key + '/config', config)


def error(label, fn):
    try:
        fn()
    except Exception as e:
        print('%s -> %s: %s' % (label, type(e).__name__, e))
    else:
        print('%s -> no error' % label)


def case(key, layer_cls, input_shape, *args, **kwargs):
    x = rng.uniform(-1, 1, size=(2,) + tuple(input_shape)).astype('float32')
    inp = Input(shape=input_shape)
    layer = layer_cls(*args, name=key, **kwargs)
    out = layer(inp)
    weights = randomize(layer)
    describe(layer)
    y = Model(input=inp, output=out).predict(x)
    golden.record(key + '/predict', y)
    golden.record(key + '/predict_shape', list(y.shape))
    return layer, x, weights, y


print('image_dim_ordering:', K.image_dim_ordering())

# --- 1D
case('lc1_k2', LocallyConnected1D, (4, 2), 3, 2)
case('lc1_k2_s2', LocallyConnected1D, (5, 2), 2, 2, subsample_length=2)
case('lc1_nobias_tanh', LocallyConnected1D, (3, 3), 2, 2, bias=False, activation='tanh')

seq = Sequential()
seq.add(LocallyConnected1D(2, 2, input_dim=3, input_length=4))
seq.add(Flatten())
seq.add(Dense(1))
for layer in seq.layers:
    if layer.weights:
        randomize(layer)
describe(seq.layers[0], 'lc1_seq')
golden.record('lc1_seq/predict', seq.predict(rng.uniform(-1, 1, size=(2, 4, 3))
                                             .astype('float32')))

# --- 2D
for ordering, shape in (('th', (2, 3, 3)), ('tf', (3, 3, 2))):
    case('lc2_%s_k2' % ordering, LocallyConnected2D, shape, 2, 2, 2, dim_ordering=ordering)
    case('lc2_%s_k21' % ordering, LocallyConnected2D, shape, 1, 2, 1, dim_ordering=ordering,
         activation='relu')
for ordering, shape in (('th', (1, 4, 4)), ('tf', (4, 4, 1))):
    case('lc2_%s_s2' % ordering, LocallyConnected2D, shape, 2, 2, 2, subsample=(2, 2),
         dim_ordering=ordering)
    case('lc2_%s_nobias' % ordering, LocallyConnected2D, shape, 1, 3, 3, bias=False,
         dim_ordering=ordering)
case('lc2_default', LocallyConnected2D, (3, 3, 2), 2, 2, 2)

# the bias layout in 'th': one filter, bias arange -> where each value lands
inp = Input(shape=(1, 3, 3))
layer = LocallyConnected2D(2, 2, 2, dim_ordering='th', name='lc2_th_bias_probe')
out = layer(inp)
layer.set_weights([np.zeros((4, 4, 2), 'float32'),
                   np.arange(8, dtype='float32').reshape(2, 2, 2)])
y = Model(input=inp, output=out).predict(np.zeros((1, 1, 3, 3), 'float32'))
golden.record('lc2_th_bias_probe/predict', y)
print('lc2_th_bias_probe: bias arange(8).reshape(2, 2, 2) ->')
print(y)
inp = Input(shape=(3, 3, 1))
layer = LocallyConnected2D(2, 2, 2, dim_ordering='tf', name='lc2_tf_bias_probe')
out = layer(inp)
layer.set_weights([np.zeros((4, 4, 2), 'float32'),
                   np.arange(8, dtype='float32').reshape(2, 2, 2)])
y = Model(input=inp, output=out).predict(np.zeros((1, 3, 3, 1), 'float32'))
golden.record('lc2_tf_bias_probe/predict', y)
print('lc2_tf_bias_probe: bias arange(8).reshape(2, 2, 2) ->')
print(y)

# --- seeded default initialisation
np.random.seed(11)
inp1 = Input(shape=(4, 2))
l1 = LocallyConnected1D(2, 2, name='seeded_lc1')
l1(inp1)
inp2 = Input(shape=(2, 3, 3))
l2 = LocallyConnected2D(2, 2, 2, dim_ordering='th', name='seeded_lc2')
l2(inp2)
golden.record('seeded_lc1/weights', l1.get_weights(), rtol=0, atol=0)
golden.record('seeded_lc2/weights', l2.get_weights(), rtol=0, atol=0)

# --- errors
error('LocallyConnected1D border_mode=same',
      lambda: LocallyConnected1D(2, 2, border_mode='same'))
error('LocallyConnected2D border_mode=same',
      lambda: LocallyConnected2D(2, 2, 2, border_mode='same'))
error('LocallyConnected2D dim_ordering=xy',
      lambda: LocallyConnected2D(2, 2, 2, dim_ordering='xy'))
error('LocallyConnected1D variable length',
      lambda: LocallyConnected1D(2, 2)(Input(shape=(None, 2))))
