# Keras 1 ConvLSTM2D on Theano (tiny): 'tf' input (samples, time, rows, cols, channels)
# and 'th' input (samples, time, channels, rows, cols), border_mode valid / same (the
# recurrent U convolutions are always 'same'), return_sequences True / False,
# go_backwards, dropout_W / dropout_U in the test phase, inner_activation sigmoid,
# the keras.json default ordering ('tf'), seeded default initialisation, a stateful
# layer over two batches. Weights are W_i, U_i, b_i, W_c, U_c, b_c, W_f, U_f, b_f, W_o,
# U_o, b_o with conv kernel layouts ('th' (nb_filter, in, rows, cols); 'tf'
# (rows, cols, in, nb_filter); U maps nb_filter -> nb_filter).
# Records predictions (rtol 1e-4), output shapes, weight names / shapes / order,
# get_config(); prints debugprint(layer.output) of two layers (stdout, exact).
import json

import numpy as np
import theano
from keras import backend as K
from keras.layers import Input, ConvLSTM2D
from keras.models import Sequential, Model

import golden

np.random.seed(1337)
rng = np.random.RandomState(8080)


def jsonable(config):
    return json.loads(json.dumps(config, default=lambda v: v.item()))


def plain(value):
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if value is None:
        return None
    return int(value)


def error(label, fn):
    try:
        fn()
    except Exception as e:
        print('%s -> %s: %s' % (label, type(e).__name__, e))
    else:
        print('%s -> no error' % label)


def randomize(layer):
    # small weights keep the gates away from hard_sigmoid's flat parts
    layer.set_weights([rng.uniform(-0.6, 0.6, size=w.shape).astype('float32')
                       for w in layer.get_weights()])


def describe(layer, key, show=False):
    if show:
        print('=== %s (%s)' % (key, layer.__class__.__name__))
        theano.printing.debugprint(layer.output)
    golden.record(key + '/input_shape', plain(layer.input_shape))
    golden.record(key + '/output_shape', plain(layer.output_shape))
    golden.record(key + '/weights', [w.name for w in layer.weights])
    golden.record(key + '/trainable_weights', [w.name for w in layer.trainable_weights])
    golden.record(key + '/weight_shapes', [list(w.shape) for w in layer.get_weights()])
    golden.record(key + '/config', jsonable(layer.get_config()))


def shape_for(ordering, time=2, rows=4, cols=4, channels=1):
    if ordering == 'th':
        return (time, channels, rows, cols)
    return (time, rows, cols, channels)


def case(key, ordering, show=False, input_shape=None, **kwargs):
    input_shape = input_shape or shape_for(ordering)
    if ordering != 'default':
        kwargs['dim_ordering'] = ordering
    x = rng.uniform(-1, 1, size=(2,) + input_shape).astype('float32')
    inp = Input(shape=input_shape)
    layer = ConvLSTM2D(name=key, **kwargs)
    out = layer(inp)
    randomize(layer)
    describe(layer, key, show=show)
    y = Model(input=inp, output=out).predict(x)
    golden.record(key + '/predict', y)
    golden.record(key + '/predict_shape', list(y.shape))
    return layer, y


print('image_dim_ordering:', K.image_dim_ordering())
for ordering in ('tf', 'th'):
    p = 'convlstm_%s_' % ordering
    case(p + 'same', ordering, show=True, nb_filter=2, nb_row=3, nb_col=3,
         border_mode='same')
    case(p + 'valid_seq', ordering, nb_filter=2, nb_row=3, nb_col=3,
         return_sequences=True)
    case(p + 'valid_2x2_backwards', ordering, nb_filter=1, nb_row=2, nb_col=2,
         go_backwards=True, return_sequences=True)
    case(p + 'same_dropout', ordering, nb_filter=2, nb_row=3, nb_col=3, border_mode='same',
         dropout_W=0.5, dropout_U=0.5)
    case(p + 'sigmoid_2ch', ordering, input_shape=shape_for(ordering, channels=2),
         nb_filter=2, nb_row=3, nb_col=3, border_mode='same', inner_activation='sigmoid',
         return_sequences=True)
case('convlstm_default', 'default', nb_filter=2, nb_row=3, nb_col=3)

# seeded default initialisation (glorot_uniform W, orthogonal U, forget bias one)
for ordering in ('tf', 'th'):
    np.random.seed(3)
    layer = ConvLSTM2D(2, 3, 3, dim_ordering=ordering, name='seeded_' + ordering)
    layer(Input(shape=shape_for(ordering)))
    golden.record('seeded_%s/values' % ordering, layer.get_weights(), rtol=0, atol=0)


# stateful over two batches
def stateful():
    model = Sequential()
    model.add(ConvLSTM2D(1, 3, 3, border_mode='same', stateful=True, dim_ordering='tf',
                         batch_input_shape=(2,) + shape_for('tf'), name='convlstm_stateful'))
    layer = model.layers[0]
    randomize(layer)
    x1 = rng.uniform(-1, 1, size=(2,) + shape_for('tf')).astype('float32')
    x2 = rng.uniform(-1, 1, size=(2,) + shape_for('tf')).astype('float32')
    golden.record('convlstm_stateful/predict1', model.predict(x1, batch_size=2))
    golden.record('convlstm_stateful/predict2', model.predict(x2, batch_size=2))
    golden.record('convlstm_stateful/states', [K.get_value(s) for s in layer.states])
    model.reset_states()
    golden.record('convlstm_stateful/predict2_after_reset', model.predict(x2, batch_size=2))


error('stateful ConvLSTM2D', stateful)
error('ConvLSTM2D dim_ordering=xy', lambda: ConvLSTM2D(2, 3, 3, dim_ordering='xy'))
