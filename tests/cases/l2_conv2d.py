# Keras 1 Convolution2D on Theano: 'th' and 'tf' ordering (explicit and the keras.json
# default, which is 'tf' in the oracle), border_mode valid / same / full with odd (3x3),
# even (2x2) and mixed (3x2) kernels, subsample 1 and 2 on odd (5x5) and even (6x6)
# inputs, bias=False, activation, positional `Convolution2D(nb_filter, nb_row, nb_col)`,
# `weights=` at construction, regularizers / constraints in the config, default
# (seeded) initialisation, and an impulse probe that shows the kernel flip (Theano's
# conv2d is a true convolution in both orderings) and where 'same' pads.
# Records test-phase predictions (rtol 1e-4), output shapes, weight names / shapes /
# order, get_config(); prints debugprint(layer.output) for every layer (stdout, exact).
import json

import numpy as np
import theano
from keras import backend as K
from keras.layers import Input, Convolution2D, Flatten, Dense
from keras.models import Sequential, Model
from keras.regularizers import l2, l1
from keras.constraints import maxnorm, nonneg

import golden

np.random.seed(1337)
rng = np.random.RandomState(4242)


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
    golden.record(key + '/trainable_weights', [w.name for w in layer.trainable_weights])
    golden.record(key + '/weight_shapes', [list(w.shape) for w in layer.get_weights()])
    golden.record(key + '/config', jsonable(layer.get_config()))


def error(label, fn):
    try:
        fn()
    except Exception as e:
        print('%s -> %s: %s' % (label, type(e).__name__, e))
    else:
        print('%s -> no error' % label)


def image(ordering, size, channels=2, batch=2):
    if ordering == 'th':
        shape = (batch, channels, size, size)
    else:
        shape = (batch, size, size, channels)
    return rng.uniform(-1, 1, size=shape).astype('float32')


def conv_case(key, ordering, size, *args, **kwargs):
    x = image(ordering, size)
    if ordering == 'th':
        inp = Input(shape=(2, size, size))
    else:
        inp = Input(shape=(size, size, 2))
    if ordering != 'default':
        kwargs['dim_ordering'] = ordering
    layer = Convolution2D(*args, name=key, **kwargs)
    out = layer(inp)
    randomize(layer)
    describe(layer)
    model = Model(input=inp, output=out)
    y = model.predict(x)
    golden.record(key + '/predict', y)
    golden.record(key + '/predict_shape', list(y.shape))
    return layer


# --- positional Convolution2D(nb_filter, nb_row, nb_col): a 3x3 kernel (not stride 3)
print('image_dim_ordering:', K.image_dim_ordering())
conv_case('default_3x3', 'default', 5, 3, 3, 3)

for ordering in ('th', 'tf'):
    p = ordering + '_'
    conv_case(p + 'valid_3x3', ordering, 5, 3, 3, 3)
    conv_case(p + 'valid_2x2', ordering, 5, 2, 2, 2)
    conv_case(p + 'same_3x3', ordering, 5, 2, 3, 3, border_mode='same')
    conv_case(p + 'same_2x2', ordering, 5, 2, 2, 2, border_mode='same')
    conv_case(p + 'same_3x2', ordering, 5, 2, 3, 2, border_mode='same')
    conv_case(p + 'full_3x3', ordering, 5, 2, 3, 3, border_mode='full')
    conv_case(p + 'valid_3x3_s2_odd', ordering, 5, 2, 3, 3, subsample=(2, 2))
    conv_case(p + 'valid_3x3_s2_even', ordering, 6, 2, 3, 3, subsample=(2, 2))
    conv_case(p + 'valid_2x2_s2_odd', ordering, 5, 2, 2, 2, subsample=(2, 2))
    conv_case(p + 'same_3x3_s2_odd', ordering, 5, 2, 3, 3, border_mode='same',
              subsample=(2, 2))
    conv_case(p + 'same_3x3_s2_even', ordering, 6, 2, 3, 3, border_mode='same',
              subsample=(2, 2))
    conv_case(p + 'same_2x2_s2_odd', ordering, 5, 2, 2, 2, border_mode='same',
              subsample=(2, 2))
    conv_case(p + 'same_2x2_s2_even', ordering, 6, 2, 2, 2, border_mode='same',
              subsample=(2, 2))
    conv_case(p + 'same_3x3_s21', ordering, 5, 2, 3, 3, border_mode='same',
              subsample=(2, 1))
    conv_case(p + 'nobias_relu', ordering, 5, 3, 3, 3, bias=False, activation='relu')
    conv_case(p + 'tanh_same_2x2', ordering, 6, 1, 2, 2, activation='tanh',
              border_mode='same')


# --- impulse probe: one input channel, a single 1 in the middle / at a corner, kernel
# arange(1..k*k) -> the output shows the kernel (flipped or not) and the padding offsets
def impulse(ordering, size, pos, nb_row, nb_col, border_mode, subsample):
    img = np.zeros((size, size), 'float32')
    img[pos] = 1.
    kern = np.arange(1, nb_row * nb_col + 1, dtype='float32').reshape(nb_row, nb_col)
    if ordering == 'th':
        x = img[None, None]
        W = kern[None, None]
        inp = Input(shape=(1, size, size))
    else:
        x = img[None, :, :, None]
        W = kern[:, :, None, None]
        inp = Input(shape=(size, size, 1))
    layer = Convolution2D(1, nb_row, nb_col, border_mode=border_mode, subsample=subsample,
                          dim_ordering=ordering, bias=False, weights=[W])
    y = Model(input=inp, output=layer(inp)).predict(x)
    y = y[0, 0] if ordering == 'th' else y[0, :, :, 0]
    return y


probes = [(5, (2, 2), k, mode, (1, 1)) for k in ((3, 3), (2, 2), (3, 2))
          for mode in ('valid', 'same', 'full')]
probes += [(6, pos, k, 'same', (2, 2)) for pos in ((0, 0), (5, 5)) for k in ((3, 3), (2, 2))]
probes += [(5, (0, 0), k, 'same', (2, 2)) for k in ((3, 3), (2, 2))]
for ordering in ('th', 'tf'):
    for size, pos, (r, c), mode, s in probes:
        key = 'impulse/%s/%d_at_%d%d/%dx%d/%s/s%d' % (
            ordering, size, pos[0], pos[1], r, c, mode, s[0])
        y = impulse(ordering, size, pos, r, c, mode, s)
        golden.record(key, y)
        print(key)
        print(y)

# --- Sequential with input_shape=, Convolution2D(32, 3, 3) positional, both orderings
for ordering, shape in (('th', (3, 5, 5)), ('tf', (5, 5, 3))):
    model = Sequential()
    model.add(Convolution2D(32, 3, 3, input_shape=shape, dim_ordering=ordering))
    model.add(Convolution2D(4, 2, 2, border_mode='same', dim_ordering=ordering,
                            activation='sigmoid'))
    model.add(Flatten())
    model.add(Dense(2, activation='softmax'))
    for layer in model.layers:
        if layer.weights:
            randomize(layer)
    for layer in model.layers:
        describe(layer, 'seq_%s/%s' % (ordering, layer.name))
    x = rng.uniform(-1, 1, size=(2,) + shape).astype('float32')
    golden.record('seq_%s/predict' % ordering, model.predict(x))
    golden.record('seq_%s/weight_names' % ordering, [w.name for w in model.weights])
    golden.record('seq_%s/weight_shapes' % ordering,
                  [list(w.shape) for w in model.get_weights()])

# --- weights=, regularizers / constraints / init in the config
W = rng.uniform(-1, 1, size=(2, 2, 3, 3)).astype('float32')
b = np.array([0.5, -0.25], 'float32')
inp = Input(shape=(2, 5, 5))
layer = Convolution2D(2, 3, 3, dim_ordering='th', weights=[W, b], init='he_normal',
                      W_regularizer=l2(0.01), b_regularizer=l1(0.1),
                      activity_regularizer=l2(0.001), W_constraint=maxnorm(2.),
                      b_constraint=nonneg(), name='conv_args')
out = layer(inp)
describe(layer)
golden.record('conv_args/W_equal', bool(np.array_equal(layer.get_weights()[0], W)))
golden.record('conv_args/predict', Model(input=inp, output=out).predict(image('th', 5)))
golden.record('conv_args/losses_count', len(layer.losses))
x = image('th', 5)
f = K.function([inp], [sum(layer.losses)])
golden.record('conv_args/losses_value', f([x])[0])

# --- seeded default initialisation (glorot_uniform with Keras 1's conv fan-in/out)
np.random.seed(7)
for ordering, shape in (('th', (2, 5, 5)), ('tf', (5, 5, 2))):
    inp = Input(shape=shape)
    layer = Convolution2D(3, 3, 2, dim_ordering=ordering, name='seeded_' + ordering)
    layer(inp)
    golden.record('seeded_%s/W' % ordering, layer.get_weights()[0], rtol=0, atol=0)
    golden.record('seeded_%s/b' % ordering, layer.get_weights()[1], rtol=0, atol=0)
    golden.record('seeded_%s/W_get_value_shape' % ordering,
                  list(K.get_value(layer.W).shape))

# --- errors
error('border_mode=bad', lambda: Convolution2D(2, 3, 3, border_mode='bad'))
error('dim_ordering=xy', lambda: Convolution2D(2, 3, 3, dim_ordering='xy'))
error('wrong weight shape', lambda: Convolution2D(
    2, 3, 3, dim_ordering='th', weights=[np.zeros((3, 3, 2, 2), 'float32'),
                                         np.zeros(2, 'float32')])(Input(shape=(2, 5, 5))))
error('3-D input', lambda: Convolution2D(2, 3, 3)(Input(shape=(5, 5))))
