# Keras 1 convolution layers other than Convolution2D, on Theano: Convolution1D (valid /
# same / full, subsample_length, even and odd filter_length, bias=False, input_dim /
# input_length), AtrousConvolution1D and AtrousConvolution2D (atrous_rate; valid / same),
# Convolution3D ('th' / 'tf', valid / same with odd and even kernels, subsample),
# Deconvolution2D ('th' / 'tf', output_shape, valid / same, subsample 1 / 2),
# SeparableConvolution2D (an error on Theano, printed), UpSampling1D/2D/3D,
# ZeroPadding1D/2D/3D (int / tuple / dict paddings), Cropping1D/2D/3D, both orderings
# where the layer takes dim_ordering (the default one comes from keras.json: 'tf').
# Records test-phase predictions (rtol 1e-4), output shapes, weight names / shapes /
# order, get_config(); prints debugprint(layer.output) for every layer (stdout, exact).
import json

import numpy as np
import theano
from keras import backend as K
from keras.layers import (Input, Convolution1D, AtrousConvolution1D, AtrousConvolution2D,
                          Convolution3D, Deconvolution2D, SeparableConvolution2D,
                          UpSampling1D, UpSampling2D, UpSampling3D, ZeroPadding1D,
                          ZeroPadding2D, ZeroPadding3D, Cropping1D, Cropping2D, Cropping3D)
from keras.models import Sequential, Model

import golden

np.random.seed(1337)
rng = np.random.RandomState(777)


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


def describe(layer, key=None):
    key = key or layer.name
    print('=== %s (%s)' % (key, layer.__class__.__name__))
    theano.printing.debugprint(layer.output)
    golden.record(key + '/input_shape', plain(layer.input_shape))
    golden.record(key + '/output_shape', plain(layer.output_shape))
    golden.record(key + '/weights', [w.name for w in layer.weights])
    golden.record(key + '/weight_shapes', [list(w.shape) for w in layer.get_weights()])
    golden.record(key + '/config', jsonable(layer.get_config()))


def error(label, fn):
    try:
        fn()
    except Exception as e:
        print('%s -> %s: %s' % (label, type(e).__name__, e))
    else:
        print('%s -> no error' % label)


def case(key, layer_cls, input_shape, *args, **kwargs):
    """Builds layer_cls(*args, **kwargs) on Input(shape=input_shape), sets seeded random
    weights, prints/records it and its prediction on a batch of 2."""
    x = rng.uniform(-1, 1, size=(2,) + tuple(input_shape)).astype('float32')
    inp = Input(shape=input_shape)
    layer = layer_cls(*args, name=key, **kwargs)
    out = layer(inp)
    if layer.weights:
        randomize(layer)
    describe(layer)
    y = Model(input=inp, output=out).predict(x)
    golden.record(key + '/predict', y)
    golden.record(key + '/predict_shape', list(y.shape))
    return layer


print('image_dim_ordering:', K.image_dim_ordering())

# --- Convolution1D: input (steps, input_dim); W is (filter_length, 1, input_dim, nb_filter)
case('c1_valid_3', Convolution1D, (6, 2), 3, 3)
case('c1_valid_2', Convolution1D, (6, 2), 2, 2)
case('c1_same_3', Convolution1D, (6, 2), 2, 3, border_mode='same')
case('c1_same_2', Convolution1D, (6, 2), 2, 2, border_mode='same')
case('c1_full_3', Convolution1D, (5, 2), 2, 3, border_mode='full')
case('c1_valid_3_s2_odd', Convolution1D, (7, 2), 2, 3, subsample_length=2)
case('c1_same_3_s2_even', Convolution1D, (6, 2), 2, 3, border_mode='same', subsample_length=2)
case('c1_same_2_s2_even', Convolution1D, (6, 2), 2, 2, border_mode='same', subsample_length=2)
case('c1_nobias_relu', Convolution1D, (5, 3), 2, 2, bias=False, activation='relu')

# impulse probe: a single 1 at step 2 of 6, kernel [1, 2, 3]
inp = Input(shape=(6, 1))
conv = Convolution1D(1, 3, bias=False, border_mode='same',
                     weights=[np.arange(1, 4, dtype='float32').reshape(3, 1, 1, 1)])
probe = np.zeros((1, 6, 1), 'float32')
probe[0, 2, 0] = 1.
golden.record('c1_impulse_same_3', Model(input=inp, output=conv(inp)).predict(probe)[0, :, 0])
print('c1_impulse_same_3', Model(input=inp, output=conv(inp)).predict(probe)[0, :, 0])

# Sequential with input_dim / input_length
seq = Sequential()
seq.add(Convolution1D(4, 3, input_dim=2, input_length=6, border_mode='same',
                      activation='tanh'))
seq.add(Convolution1D(2, 2, subsample_length=2))
for layer in seq.layers:
    randomize(layer)
for layer in seq.layers:
    describe(layer, 'c1_seq/' + layer.name)
golden.record('c1_seq/predict',
              seq.predict(rng.uniform(-1, 1, size=(2, 6, 2)).astype('float32')))
# variable length (input_length=None)
seq_var = Sequential()
seq_var.add(Convolution1D(2, 2, input_dim=3))
randomize(seq_var.layers[0])
describe(seq_var.layers[0], 'c1_variable_length')
golden.record('c1_variable_length/predict',
              seq_var.predict(rng.uniform(-1, 1, size=(2, 5, 3)).astype('float32')))

# --- AtrousConvolution1D / AtrousConvolution2D
case('a1_rate2_valid', AtrousConvolution1D, (7, 2), 2, 3, atrous_rate=2)
case('a1_rate2_same', AtrousConvolution1D, (7, 2), 2, 3, atrous_rate=2, border_mode='same')
case('a1_rate1', AtrousConvolution1D, (5, 2), 2, 2)
for ordering, shape in (('th', (2, 7, 7)), ('tf', (7, 7, 2))):
    case('a2_%s_rate2_valid' % ordering, AtrousConvolution2D, shape, 2, 3, 3,
         atrous_rate=(2, 2), dim_ordering=ordering)
    case('a2_%s_rate21_same' % ordering, AtrousConvolution2D, shape, 2, 3, 3,
         atrous_rate=(2, 1), border_mode='same', dim_ordering=ordering)
    case('a2_%s_rate2_s2' % ordering, AtrousConvolution2D, shape, 1, 2, 2,
         atrous_rate=(2, 2), subsample=(2, 2), dim_ordering=ordering)

# --- Convolution3D
for ordering, shape in (('th', (2, 4, 4, 3)), ('tf', (4, 4, 3, 2))):
    p = 'c3_%s_' % ordering
    case(p + 'valid_222', Convolution3D, shape, 2, 2, 2, 2, dim_ordering=ordering)
    case(p + 'same_333', Convolution3D, shape, 2, 3, 3, 3, border_mode='same',
         dim_ordering=ordering)
    case(p + 'same_232', Convolution3D, shape, 2, 2, 3, 2, border_mode='same',
         dim_ordering=ordering)
    case(p + 'valid_s2', Convolution3D, shape, 1, 2, 2, 1, subsample=(2, 2, 2),
         dim_ordering=ordering, activation='relu')
    case(p + 'same_s2', Convolution3D, shape, 1, 3, 3, 3, subsample=(2, 2, 2),
         border_mode='same', dim_ordering=ordering, bias=False)
case('c3_default', Convolution3D, (4, 4, 3, 2), 2, 2, 2, 2)

# --- Deconvolution2D (output_shape includes the batch axis)
for ordering in ('th', 'tf'):
    def shp(c, r, w):
        return (c, r, w) if ordering == 'th' else (r, w, c)

    def oshape(c, r, w):
        return (None,) + shp(c, r, w)

    p = 'd2_%s_' % ordering
    case(p + 'valid_s1', Deconvolution2D, shp(2, 4, 4), 3, 3, 3, oshape(3, 6, 6),
         dim_ordering=ordering)
    case(p + 'valid_s2', Deconvolution2D, shp(2, 3, 3), 2, 3, 3, oshape(2, 7, 7),
         subsample=(2, 2), dim_ordering=ordering)
    case(p + 'valid_s2_2x2', Deconvolution2D, shp(2, 3, 3), 2, 2, 2, oshape(2, 6, 6),
         subsample=(2, 2), dim_ordering=ordering)
    case(p + 'same_s1', Deconvolution2D, shp(2, 4, 4), 2, 3, 3, oshape(2, 4, 4),
         border_mode='same', dim_ordering=ordering)
    case(p + 'same_s2', Deconvolution2D, shp(2, 3, 3), 2, 3, 3, oshape(2, 5, 5),
         border_mode='same', subsample=(2, 2), dim_ordering=ordering, activation='tanh')
    case(p + 'nobias_batch2', Deconvolution2D, shp(1, 3, 3), 2, 2, 2, (2,) + shp(2, 4, 4),
         bias=False, dim_ordering=ordering)

# --- SeparableConvolution2D is TensorFlow-only in Keras 1.2.2
error('SeparableConvolution2D(2, 3, 3)', lambda: SeparableConvolution2D(2, 3, 3))
error('SeparableConvolution2D th', lambda: SeparableConvolution2D(
    2, 3, 3, dim_ordering='th', depth_multiplier=2))

# --- UpSampling
case('up1_default', UpSampling1D, (3, 2))
case('up1_len3', UpSampling1D, (3, 2), length=3)
for ordering, shape in (('th', (2, 2, 3)), ('tf', (2, 3, 2))):
    case('up2_%s' % ordering, UpSampling2D, shape, size=(2, 3), dim_ordering=ordering)
for ordering, shape in (('th', (2, 2, 2, 2)), ('tf', (2, 2, 2, 2))):
    case('up3_%s' % ordering, UpSampling3D, shape, size=(2, 1, 3), dim_ordering=ordering)
case('up2_default', UpSampling2D, (2, 3, 2))

# --- ZeroPadding
case('zp1_int', ZeroPadding1D, (3, 2), padding=2)
case('zp1_tuple', ZeroPadding1D, (3, 2), padding=(1, 2))
case('zp1_dict', ZeroPadding1D, (3, 2), padding={'left_pad': 0, 'right_pad': 1})
for ordering, shape in (('th', (2, 2, 3)), ('tf', (2, 3, 2))):
    case('zp2_%s_pair' % ordering, ZeroPadding2D, shape, padding=(1, 2),
         dim_ordering=ordering)
    case('zp2_%s_four' % ordering, ZeroPadding2D, shape, padding=(1, 0, 0, 2),
         dim_ordering=ordering)
    case('zp2_%s_dict' % ordering, ZeroPadding2D, shape,
         padding={'top_pad': 2, 'right_pad': 1}, dim_ordering=ordering)
for ordering, shape in (('th', (1, 2, 2, 1)), ('tf', (2, 2, 1, 1))):
    case('zp3_%s' % ordering, ZeroPadding3D, shape, padding=(1, 0, 2), dim_ordering=ordering)
case('zp2_default', ZeroPadding2D, (2, 3, 2))

# --- Cropping
case('cr1', Cropping1D, (5, 2), cropping=(1, 2))
case('cr1_right0', Cropping1D, (5, 2), cropping=(2, 0))
for ordering, shape in (('th', (2, 5, 4)), ('tf', (5, 4, 2))):
    case('cr2_%s' % ordering, Cropping2D, shape, cropping=((1, 2), (0, 1)),
         dim_ordering=ordering)
    case('cr2_%s_zero' % ordering, Cropping2D, shape, cropping=((0, 0), (2, 0)),
         dim_ordering=ordering)
for ordering, shape in (('th', (1, 4, 3, 3)), ('tf', (4, 3, 3, 1))):
    case('cr3_%s' % ordering, Cropping3D, shape, cropping=((1, 0), (0, 1), (1, 1)),
         dim_ordering=ordering)
case('cr3_default', Cropping3D, (4, 3, 3, 1))

# --- errors
error('Convolution1D border_mode=bad', lambda: Convolution1D(2, 3, border_mode='bad'))
error('ZeroPadding2D 3-tuple', lambda: ZeroPadding2D(padding=(1, 2, 3)))
error('ZeroPadding1D bad key', lambda: ZeroPadding1D(padding={'top_pad': 1}))
error('Cropping1D 3-tuple', lambda: Cropping1D(cropping=(1, 2, 3)))
error('Cropping2D flat', lambda: Cropping2D(cropping=(1, 2)))
error('UpSampling2D dim_ordering', lambda: UpSampling2D(dim_ordering='xy'))
