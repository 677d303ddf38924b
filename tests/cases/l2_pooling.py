# Keras 1 pooling layers on Theano: MaxPooling1D/2D/3D and AveragePooling1D/2D/3D
# (pool_size / pool_length, strides / stride (default = pool size), border_mode valid and
# same, even and odd pool sizes on even and odd inputs; Keras 1's Theano 'same' pads
# pool_size-1 (even) or pool_size-2 (odd) on *both* sides and keeps the first
# ceil(n/stride) outputs, which is not TensorFlow's 'same'), GlobalMax/Average
# Pooling1D/2D/3D, 'th' and 'tf' ordering and the keras.json default ('tf').
# Inputs are +arange (window positions readable from max outputs), -arange (shows that
# max pooling ignores the padding) and seeded random numbers.
# Records predictions, output shapes, get_config(); prints debugprint(layer.output)
# for every layer (stdout, exact).
import json

import numpy as np
import theano
from keras import backend as K
from keras.layers import (Input, MaxPooling1D, AveragePooling1D, MaxPooling2D,
                          AveragePooling2D, MaxPooling3D, AveragePooling3D,
                          GlobalMaxPooling1D, GlobalAveragePooling1D, GlobalMaxPooling2D,
                          GlobalAveragePooling2D, GlobalMaxPooling3D, GlobalAveragePooling3D,
                          Convolution2D, Flatten)
from keras.models import Sequential, Model

import golden

np.random.seed(1337)
rng = np.random.RandomState(99)


def jsonable(config):
    return json.loads(json.dumps(config, default=lambda v: v.item()))


def plain(value):
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
    golden.record(key + '/config', jsonable(layer.get_config()))


def error(label, fn):
    try:
        fn()
    except Exception as e:
        print('%s -> %s: %s' % (label, type(e).__name__, e))
    else:
        print('%s -> no error' % label)


def case(key, layer_cls, input_shape, show=False, **kwargs):
    inp = Input(shape=input_shape)
    layer = layer_cls(name=key, **kwargs)
    out = layer(inp)
    describe(layer)
    model = Model(input=inp, output=out)
    n = int(np.prod(input_shape))
    up = (np.arange(n, dtype='float32') + 1).reshape((1,) + tuple(input_shape))
    down = -up
    rand = rng.uniform(-1, 1, size=(2,) + tuple(input_shape)).astype('float32')
    ys = [model.predict(v) for v in (up, down, rand)]
    golden.record(key + '/predict_up', ys[0])
    golden.record(key + '/predict_down', ys[1])
    golden.record(key + '/predict_random', ys[2])
    golden.record(key + '/predict_shape', list(ys[2].shape))
    if show:
        print('%s on arange(1..%d):' % (key, n))
        print(ys[0])
        print('%s on -arange:' % key)
        print(ys[1])
    return layer


print('image_dim_ordering:', K.image_dim_ordering())

# --- 1D (input (steps, features)); pool_length / stride
for cls, p in ((MaxPooling1D, 'mp1'), (AveragePooling1D, 'ap1')):
    case(p + '_default', cls, (5, 2))
    case(p + '_valid_2_s1', cls, (5, 2), pool_length=2, stride=1)
    case(p + '_valid_3_s2', cls, (6, 1), pool_length=3, stride=2)
    case(p + '_same_2', cls, (5, 1), show=True, pool_length=2, border_mode='same')
    case(p + '_same_2_even', cls, (6, 1), show=True, pool_length=2, border_mode='same')
    case(p + '_same_2_s1', cls, (5, 1), show=True, pool_length=2, stride=1, border_mode='same')
    case(p + '_same_3_s1', cls, (5, 1), show=True, pool_length=3, stride=1, border_mode='same')
    case(p + '_same_3_s2_even', cls, (6, 1), show=True, pool_length=3, stride=2,
         border_mode='same')
    case(p + '_same_4_s2', cls, (7, 1), show=True, pool_length=4, stride=2,
         border_mode='same')

# --- 2D
for cls, p in ((MaxPooling2D, 'mp2'), (AveragePooling2D, 'ap2')):
    case(p + '_default', cls, (4, 4, 2))
    for ordering, shape5, shape4 in (('th', (1, 5, 5), (1, 4, 4)),
                                     ('tf', (5, 5, 1), (4, 4, 1))):
        q = '%s_%s' % (p, ordering)
        case(q + '_valid_2', cls, shape5, dim_ordering=ordering)
        case(q + '_valid_3_s2', cls, shape5, pool_size=(3, 3), strides=(2, 2),
             dim_ordering=ordering)
        case(q + '_valid_32_s1', cls, shape4, pool_size=(3, 2), strides=(1, 1),
             dim_ordering=ordering)
        case(q + '_same_2_odd', cls, shape5, show=(ordering == 'th'), border_mode='same',
             dim_ordering=ordering)
        case(q + '_same_2_even', cls, shape4, show=(ordering == 'th'), border_mode='same',
             dim_ordering=ordering)
        case(q + '_same_2_s1', cls, shape4, show=(ordering == 'th'), pool_size=(2, 2),
             strides=(1, 1), border_mode='same', dim_ordering=ordering)
        case(q + '_same_3_s1', cls, shape4, show=(ordering == 'th'), pool_size=(3, 3),
             strides=(1, 1), border_mode='same', dim_ordering=ordering)
        case(q + '_same_3_s2_even', cls, shape4, show=(ordering == 'th'), pool_size=(3, 3),
             strides=(2, 2), border_mode='same', dim_ordering=ordering)
        case(q + '_same_3_s2_odd', cls, shape5, show=(ordering == 'th'), pool_size=(3, 3),
             strides=(2, 2), border_mode='same', dim_ordering=ordering)
        case(q + '_same_32_s21', cls, shape5, pool_size=(3, 2), strides=(2, 1),
             border_mode='same', dim_ordering=ordering)
    # two channels, two samples: channels pooled independently
    case(p + '_th_2ch', cls, (2, 4, 4), dim_ordering='th')
    case(p + '_tf_2ch', cls, (4, 4, 2), dim_ordering='tf')

# --- 3D
for cls, p in ((MaxPooling3D, 'mp3'), (AveragePooling3D, 'ap3')):
    for ordering, shape in (('th', (1, 4, 4, 3)), ('tf', (4, 4, 3, 1))):
        q = '%s_%s' % (p, ordering)
        case(q + '_valid_2', cls, shape, dim_ordering=ordering)
        case(q + '_valid_212_s1', cls, shape, pool_size=(2, 1, 2), strides=(1, 1, 1),
             dim_ordering=ordering)
        case(q + '_same_2', cls, shape, border_mode='same', dim_ordering=ordering)
        case(q + '_same_3_s1', cls, shape, pool_size=(3, 3, 3), strides=(1, 1, 1),
             border_mode='same', dim_ordering=ordering)
    case(p + '_default', cls, (4, 4, 3, 1))

# --- global pooling
for cls, p in ((GlobalMaxPooling1D, 'gmp1'), (GlobalAveragePooling1D, 'gap1')):
    case(p, cls, (4, 3))
for cls, p in ((GlobalMaxPooling2D, 'gmp2'), (GlobalAveragePooling2D, 'gap2')):
    case(p + '_th', cls, (2, 3, 4), dim_ordering='th')
    case(p + '_tf', cls, (3, 4, 2), dim_ordering='tf')
    case(p + '_default', cls, (3, 4, 2))
for cls, p in ((GlobalMaxPooling3D, 'gmp3'), (GlobalAveragePooling3D, 'gap3')):
    case(p + '_th', cls, (2, 2, 3, 2), dim_ordering='th')
    case(p + '_tf', cls, (2, 3, 2, 2), dim_ordering='tf')

# --- a Sequential conv -> pool stack, 'th'
model = Sequential()
model.add(Convolution2D(2, 3, 3, input_shape=(1, 6, 6), dim_ordering='th',
                        border_mode='same'))
model.add(MaxPooling2D(pool_size=(2, 2), dim_ordering='th'))
model.add(AveragePooling2D(pool_size=(2, 2), border_mode='same', dim_ordering='th'))
model.add(Flatten())
model.layers[0].set_weights([rng.uniform(-1, 1, size=(2, 1, 3, 3)).astype('float32'),
                             np.array([0.1, -0.1], 'float32')])
for layer in model.layers[1:3]:
    describe(layer, 'seq/' + layer.name)
golden.record('seq/predict', model.predict(rng.uniform(-1, 1, size=(2, 1, 6, 6))
                                           .astype('float32')))

# --- errors
error('MaxPooling2D border_mode=full', lambda: MaxPooling2D(border_mode='full'))
error('MaxPooling1D border_mode=full', lambda: MaxPooling1D(border_mode='full'))
error('AveragePooling2D dim_ordering=xy', lambda: AveragePooling2D(dim_ordering='xy'))


def pool3d_same_pool1():
    # pool_size 1 on an axis gives Theano a padding of -1 there (Keras 1.2.2's pool3d)
    inp = Input(shape=(1, 4, 4, 3))
    out = MaxPooling3D(pool_size=(2, 2, 1), border_mode='same', dim_ordering='th')(inp)
    x = (np.arange(48, dtype='float32') + 1).reshape(1, 1, 4, 4, 3)
    y = Model(input=inp, output=out).predict(x)
    golden.record('mp3_same_pool1/predict', y)
    print('MaxPooling3D same pool_size (2, 2, 1) -> shape', y.shape)
    print(y)


error('MaxPooling3D same pool_size 1', pool3d_same_pool1)
