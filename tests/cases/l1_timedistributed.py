# Keras 1 TimeDistributed wrapper around Dense: as a first layer (input_shape=),
# functional on a fixed-length and a variable-length (None) time axis (reshape-based
# implementation), on a fixed batch size (batch_shape=: the K.rnn / scan-based
# implementation), TimeDistributed(Dense) followed by another TimeDistributed layer and
# by Flatten; compared with TimeDistributedDense on the same weights.
# Records test-phase numbers, output shapes, weight names (the inner layer's names),
# get_config (with the nested layer config), and the debugprint of layer.output.
import json

import numpy as np
import theano
from keras import backend as K
from keras.layers import Input, Dense, Flatten, TimeDistributed, TimeDistributedDense
from keras.models import Sequential, Model

import golden

np.random.seed(1337)
rng = np.random.RandomState(55)


def jsonable(config):
    """A config through a JSON round trip; NumPy scalars become plain numbers."""
    return json.loads(json.dumps(config, default=lambda v: v.item()))


def plain(value):
    """Shapes as plain lists of ints/None."""
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if value is None:
        return None
    return int(value)


def describe(layer, key=None, output=None):
    key = key or layer.name
    print('=== %s (%s)' % (key, layer.__class__.__name__))
    theano.printing.debugprint(layer.output if output is None else output)
    golden.record(key + '/input_shape', plain(layer.input_shape))
    golden.record(key + '/output_shape', plain(layer.output_shape))
    golden.record(key + '/weights', [w.name for w in layer.weights])
    golden.record(key + '/trainable_weights', [w.name for w in layer.trainable_weights])
    golden.record(key + '/weight_shapes', [list(w.shape) for w in layer.get_weights()])
    golden.record(key + '/config', jsonable(layer.get_config()))


W = rng.uniform(-1, 1, size=(4, 2)).astype('float32')
b = rng.uniform(-1, 1, size=(2,)).astype('float32')
x = rng.uniform(-1, 1, size=(2, 3, 4)).astype('float32')

# --- first layer of a Sequential
seq = Sequential()
seq.add(TimeDistributed(Dense(2, activation='tanh'), input_shape=(3, 4)))
td = seq.layers[0]
td.set_weights([W, b])
describe(td)
golden.record('seq/predict', seq.predict(x))
golden.record('seq/inner_layer_name', td.layer.name)
golden.record('seq/inner_layer_built', bool(td.layer.built))
golden.record('seq/get_output_shape_for', plain(td.get_output_shape_for((5, 7, 4))))
golden.record('seq/model_weights', [w.name for w in seq.weights] if hasattr(seq, 'weights') else None)

# --- functional, variable-length time axis
inp = Input(shape=(None, 4), name='seq_in')
td2 = TimeDistributed(Dense(2), name='td_variable')
out2 = td2(inp)
td2.set_weights([W, b])
describe(td2)
m2 = Model(input=inp, output=out2)
golden.record('td_variable/predict', m2.predict(x))
golden.record('td_variable/predict_len5',
              m2.predict(rng.uniform(-1, 1, size=(2, 5, 4)).astype('float32')))

# --- fixed batch size: K.rnn (scan) implementation
inp_fixed = Input(batch_shape=(2, 3, 4), name='fixed_batch_in')
td3 = TimeDistributed(Dense(2), name='td_fixed_batch')
out3 = td3(inp_fixed)
td3.set_weights([W, b])
describe(td3)
golden.record('td_fixed_batch/predict', Model(input=inp_fixed, output=out3).predict(x))

# --- stacked: TimeDistributed(Dense) -> TimeDistributed(Dense) -> Flatten -> Dense
seq4 = Sequential()
seq4.add(TimeDistributed(Dense(3), input_shape=(3, 4)))
seq4.add(TimeDistributed(Dense(2, activation='relu')))
seq4.add(Flatten())
seq4.add(Dense(1))
for layer in seq4.layers:
    if layer.weights:
        layer.set_weights([rng.uniform(-1, 1, size=w.shape).astype('float32')
                           for w in layer.get_weights()])
for layer in seq4.layers:
    describe(layer)
golden.record('stacked/predict', seq4.predict(x))
golden.record('stacked/weight_shapes', [list(w.shape) for w in seq4.get_weights()])

# --- TimeDistributedDense with the same weights gives the same numbers
seq5 = Sequential()
seq5.add(TimeDistributedDense(2, input_shape=(3, 4), activation='tanh'))
seq5.layers[0].set_weights([W, b])
golden.record('tdd_same_as_td', bool(np.allclose(seq5.predict(x), seq.predict(x), atol=1e-6)))
