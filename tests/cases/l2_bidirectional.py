# Keras 1 keras.layers.wrappers.Bidirectional on Theano: Bidirectional(LSTM(...)) for each
# merge_mode ('concat' (default), 'sum', 'mul', 'ave', None -> two outputs), with
# return_sequences True / False; the forward part equals a plain LSTM on the first half of
# get_weights(), the backward part a go_backwards LSTM on the second half (time-reversed
# back when return_sequences); names 'forward_<name>' / 'backward_<name>' and their
# weight names; weights= at construction; GRU (consume_less='gpu') and SimpleRNN inside;
# the Keras 1 docstring's stacked Sequential; masks (Embedding mask_zero) through
# Bidirectional; TimeDistributed(Dense) after an LSTM with return_sequences (plain and
# masked). Records predictions (rtol 1e-4), output shapes, weight names / shapes / order,
# get_config(); prints debugprint(layer.output) of one Bidirectional and one
# TimeDistributed (stdout, exact).
import json

import numpy as np
import theano
from keras import backend as K
from keras.layers import (Input, LSTM, GRU, SimpleRNN, Dense, Embedding, TimeDistributed,
                          Bidirectional)
from keras.models import Sequential, Model

import golden

np.random.seed(1337)
rng = np.random.RandomState(6060)

STEPS, FEATURES, UNITS = 3, 3, 2


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


def random_weights(layer):
    return [rng.uniform(-1, 1, size=w.shape).astype('float32') for w in layer.get_weights()]


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


X = rng.uniform(-1, 1, size=(2, STEPS, FEATURES)).astype('float32')
LSTM_W = None

for seq in (True, False):
    for mode in ('concat', 'sum', 'mul', 'ave', None):
        key = 'bidi_%s_%s' % (mode, 'seq' if seq else 'last')
        inp = Input(shape=(STEPS, FEATURES))
        bidi = Bidirectional(LSTM(UNITS, return_sequences=seq), merge_mode=mode, name=key)
        if mode is None and not seq:
            # Keras 1.2.2: compute_mask returns a single None for two outputs
            error(key + ' called on a tensor', lambda: bidi(inp))
            continue
        out = bidi(inp)
        if LSTM_W is None:
            LSTM_W = random_weights(bidi)
        bidi.set_weights(LSTM_W)
        describe(bidi, key, show=(mode == 'concat' and seq))
        golden.record(key + '/forward_name', bidi.forward_layer.name)
        golden.record(key + '/backward_name', bidi.backward_layer.name)
        golden.record(key + '/inner_layer_name', bidi.layer.name)
        golden.record(key + '/backward_go_backwards', bidi.backward_layer.go_backwards)
        model = Model(input=inp, output=out)
        y = model.predict(X)
        golden.record(key + '/predict', y)
        golden.record(key + '/model_output_shape', plain(model.output_shape))

# forward = plain LSTM on the first 12 arrays; backward = go_backwards LSTM on the rest
fwd = Sequential()
fwd.add(LSTM(UNITS, input_shape=(STEPS, FEATURES), return_sequences=True,
             weights=LSTM_W[:12]))
bwd = Sequential()
bwd.add(LSTM(UNITS, input_shape=(STEPS, FEATURES), return_sequences=True,
             go_backwards=True, weights=LSTM_W[12:]))
yf, yb = fwd.predict(X), bwd.predict(X)
golden.record('parts/forward', yf)
golden.record('parts/backward_raw', yb)
inp = Input(shape=(STEPS, FEATURES))
concat = Model(input=inp, output=Bidirectional(LSTM(UNITS, return_sequences=True),
                                               weights=LSTM_W)(inp)).predict(X)
golden.record('parts/concat_is_forward_then_reversed_backward',
              bool(np.allclose(concat, np.concatenate([yf, yb[:, ::-1]], axis=-1),
                               atol=1e-5)))

# other recurrent layers inside
for cls, kwargs in ((GRU, dict(consume_less='gpu')), (SimpleRNN, {})):
    key = 'bidi_' + cls.__name__.lower()
    inp = Input(shape=(STEPS, FEATURES))
    bidi = Bidirectional(cls(UNITS, **kwargs), merge_mode='sum', name=key)
    out = bidi(inp)
    bidi.set_weights(random_weights(bidi))
    describe(bidi, key)
    golden.record(key + '/predict', Model(input=inp, output=out).predict(X))

# the Keras 1 docstring example, scaled down
model = Sequential()
model.add(Bidirectional(LSTM(UNITS, return_sequences=True), input_shape=(STEPS, FEATURES)))
model.add(Bidirectional(LSTM(UNITS)))
model.add(Dense(1))
for layer in model.layers:
    layer.set_weights(random_weights(layer))
for layer in model.layers:
    describe(layer, 'stack/' + layer.name)
golden.record('stack/predict', model.predict(X))
golden.record('stack/weight_names', [w.name for w in model.weights])
golden.record('stack/layer_names', [l.name for l in model.layers])

# masks through Bidirectional
SEQS = np.array([[1, 2, 3], [0, 2, 3], [2, 3, 0]], 'int32')
EMB = rng.uniform(-1, 1, size=(4, FEATURES)).astype('float32')
model = Sequential()
model.add(Embedding(4, FEATURES, mask_zero=True, input_length=STEPS, weights=[EMB]))
model.add(Bidirectional(LSTM(UNITS, return_sequences=True), merge_mode='concat',
                        weights=LSTM_W))
model.add(TimeDistributed(Dense(1)))
model.layers[2].set_weights(random_weights(model.layers[2]))
golden.record('masked_bidi/predict', model.predict(SEQS))
golden.record('masked_bidi/bidi_output', K.function([model.input], [model.layers[1].output])(
    [SEQS])[0])
golden.record('masked_bidi/output_mask', K.function(
    [model.input], [model.layers[1].output_mask])([SEQS])[0].astype('int32'))
model = Sequential()
model.add(Embedding(4, FEATURES, mask_zero=True, input_length=STEPS, weights=[EMB]))
model.add(Bidirectional(LSTM(UNITS), merge_mode='ave', weights=LSTM_W))
golden.record('masked_bidi_last/predict', model.predict(SEQS))

# TimeDistributed(Dense) after an LSTM with return_sequences
model = Sequential()
model.add(LSTM(UNITS, input_shape=(STEPS, FEATURES), return_sequences=True,
               weights=LSTM_W[:12]))
model.add(TimeDistributed(Dense(3, activation='softmax')))
model.layers[1].set_weights(random_weights(model.layers[1]))
describe(model.layers[1], 'lstm_td/' + model.layers[1].name, show=True)
golden.record('lstm_td/predict', model.predict(X))
golden.record('lstm_td/weight_names', [w.name for w in model.weights])
# masked variant
model = Sequential()
model.add(Embedding(4, FEATURES, mask_zero=True, input_length=STEPS, weights=[EMB]))
model.add(LSTM(UNITS, return_sequences=True, weights=LSTM_W[:12]))
model.add(TimeDistributed(Dense(1, weights=[np.ones((UNITS, 1), 'float32'),
                                            np.zeros(1, 'float32')])))
golden.record('masked_lstm_td/predict', model.predict(SEQS))

# errors
error('merge_mode=max', lambda: Bidirectional(LSTM(UNITS), merge_mode='max'))
error('Bidirectional(Dense)', lambda: Bidirectional(Dense(2)))
