# Keras 1 recurrent layers with masks and with state carried between batches, on Theano.
# Masking: Embedding(mask_zero=True) into LSTM / GRU / SimpleRNN (return_sequences True
# and False, go_backwards, unroll, consume_less='gpu'), sequences padded with zeros at
# the front and at the back, and an all-zero sequence; a masked step repeats the previous
# output and keeps the states; Masking(0.) on float input; the output mask of a
# return_sequences layer; debugprint of a masked LSTM (scan over input and mask).
# Stateful: LSTM / GRU / SimpleRNN with batch_input_shape fed two consecutive batches
# through predict (states carried, as one long sequence), the states after each batch
# (K.get_value(layer.states[i])), layer.reset_states() and model.reset_states(), a
# predict over two batches at once (sample i of batch 2 continues sample i of batch 1),
# functional Input(batch_shape=), the stateful config, and errors.
import json

import numpy as np
import theano
from keras import backend as K
from keras.layers import Input, Embedding, Masking, SimpleRNN, GRU, LSTM, Dense
from keras.models import Sequential, Model

import golden

np.random.seed(1337)
rng = np.random.RandomState(4711)

UNITS, FEATURES = 2, 3


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


# ---------------------------------------------------------------- masking
EMB = rng.uniform(-1, 1, size=(6, FEATURES)).astype('float32')
SEQS = np.array([[1, 2, 3, 4],
                 [0, 0, 2, 3],      # pre-padded
                 [2, 3, 0, 0],      # post-padded
                 [0, 0, 0, 0],      # fully masked
                 [5, 0, 1, 0]],     # holes
                'int32')
SHORT = np.array([[2, 3]], 'int32')

weights_cache = {}


def masked_model(cls, key, show=False, **kwargs):
    model = Sequential()
    model.add(Embedding(6, FEATURES, mask_zero=True, input_length=4, weights=[EMB]))
    model.add(cls(UNITS, name=key, **kwargs))
    layer = model.layers[1]
    cache_key = (cls, kwargs.get('consume_less', 'cpu'))
    if cache_key not in weights_cache:
        weights_cache[cache_key] = random_weights(layer)
    layer.set_weights(weights_cache[cache_key])
    if show:
        print('=== %s (%s)' % (key, cls.__name__))
        theano.printing.debugprint(layer.output)
    y = model.predict(SEQS)
    golden.record(key + '/predict', y)
    golden.record(key + '/output_shape', plain(layer.output_shape))
    golden.record(key + '/input_mask_is_none', layer.input_mask is None)
    golden.record(key + '/output_mask_is_none', layer.output_mask is None)
    return model, layer, y


for cls in (SimpleRNN, GRU, LSTM):
    name = 'masked_' + cls.__name__.lower()
    _, _, y_last = masked_model(cls, name + '_last', show=(cls is LSTM))
    model, layer, y_seq = masked_model(cls, name + '_seq', return_sequences=True)
    # masked steps repeat the previous output; the last output of a post-padded
    # sequence is its last unmasked output
    golden.record(name + '/post_padded_last_equals_step1',
                  bool(np.allclose(y_last[2], y_seq[2, 1], atol=1e-6)))
    golden.record(name + '/fully_masked_is_zero', bool(np.allclose(y_seq[3], 0.)))
    # the pre-padded sequence gives the same last output as the unpadded short one
    short = Sequential()
    short.add(Embedding(6, FEATURES, input_length=2, weights=[EMB]))
    short.add(cls(UNITS, weights=weights_cache[(cls, 'cpu')]))
    golden.record(name + '/pre_padded_equals_short',
                  bool(np.allclose(short.predict(SHORT)[0], y_last[1], atol=1e-5)))
    # output mask of the return_sequences layer
    f = K.function([model.input], [layer.output_mask])
    golden.record(name + '_seq/output_mask', f([SEQS])[0].astype('int32'))
    masked_model(cls, name + '_backwards', go_backwards=True, return_sequences=True)
    masked_model(cls, name + '_unroll', unroll=True, return_sequences=True)
    masked_model(cls, name + '_unroll_last', unroll=True)
    if cls is not SimpleRNN:
        masked_model(cls, name + '_gpu', consume_less='gpu', return_sequences=True)

# Masking layer on float inputs, into an LSTM (and a TimeDistributed-free Dense after)
xf = rng.uniform(-1, 1, size=(3, 4, FEATURES)).astype('float32')
xf[1, :2] = 0.
xf[2, 3] = 0.
xf[2, 1, 0] = 0.                   # a single zero feature does not mask the step
model = Sequential()
model.add(Masking(mask_value=0., input_shape=(4, FEATURES)))
model.add(LSTM(UNITS, return_sequences=True, weights=weights_cache[(LSTM, 'cpu')]))
model.add(LSTM(UNITS, weights=[rng.uniform(-1, 1, size=s).astype('float32') for s in
                               [(UNITS, UNITS), (UNITS, UNITS), (UNITS,)] * 4]))
model.add(Dense(1, weights=[np.ones((UNITS, 1), 'float32'), np.zeros(1, 'float32')]))
golden.record('masking_layer/predict', model.predict(xf))
golden.record('masking_layer/layer1', K.function([model.input], [model.layers[1].output])(
    [xf])[0])

# ---------------------------------------------------------------- stateful
X1 = rng.uniform(-1, 1, size=(2, 3, FEATURES)).astype('float32')
X2 = rng.uniform(-1, 1, size=(2, 3, FEATURES)).astype('float32')
X12 = np.concatenate([X1, X2], axis=1)


def states_of(layer):
    return [K.get_value(s) for s in layer.states]


for cls in (LSTM, GRU, SimpleRNN):
    name = 'stateful_' + cls.__name__.lower()
    model = Sequential()
    model.add(cls(UNITS, batch_input_shape=(2, 3, FEATURES), stateful=True, name=name))
    layer = model.layers[0]
    W = random_weights(layer)
    layer.set_weights(W)
    golden.record(name + '/config', jsonable(layer.get_config()))
    golden.record(name + '/weights', [w.name for w in layer.weights])
    golden.record(name + '/state_names', [s.name for s in layer.states])
    golden.record(name + '/state_shapes', [list(K.get_value(s).shape) for s in layer.states])
    golden.record(name + '/states_initial', states_of(layer))
    y1 = model.predict(X1, batch_size=2)
    golden.record(name + '/predict1', y1)
    golden.record(name + '/states_after1', states_of(layer))
    y2 = model.predict(X2, batch_size=2)
    golden.record(name + '/predict2', y2)
    golden.record(name + '/states_after2', states_of(layer))
    # the same as one stateless pass over the 6-step concatenation
    ref = Sequential()
    ref.add(cls(UNITS, input_shape=(6, FEATURES), weights=W, return_sequences=True))
    y12 = ref.predict(X12)
    golden.record(name + '/carried_equals_long_sequence',
                  [bool(np.allclose(y1, y12[:, 2], atol=1e-5)),
                   bool(np.allclose(y2, y12[:, 5], atol=1e-5))])
    # states[0] is the last output
    golden.record(name + '/state0_is_output', bool(np.allclose(states_of(layer)[0], y2,
                                                               atol=1e-6)))
    layer.reset_states()
    golden.record(name + '/states_after_reset', states_of(layer))
    y2_fresh = model.predict(X2, batch_size=2)
    golden.record(name + '/predict2_after_reset', y2_fresh)
    model.reset_states()
    golden.record(name + '/states_after_model_reset', states_of(layer))
    # four samples with batch_size 2: sample i of the 2nd batch continues sample i of
    # the 1st batch
    y4 = model.predict(np.concatenate([X1, X2], axis=0), batch_size=2)
    golden.record(name + '/predict_two_batches', y4)
    golden.record(name + '/states_after_two_batches', states_of(layer))
    model.reset_states()
    # predict_on_batch and the learning-phase-free K.function path
    golden.record(name + '/predict_on_batch', model.predict_on_batch(X1))
    golden.record(name + '/predict_on_batch_again', model.predict_on_batch(X1))
    model.reset_states()

# stateful LSTM with return_sequences, functional Input(batch_shape=), followed by Dense
inp = Input(batch_shape=(2, 3, FEATURES))
lstm = LSTM(UNITS, stateful=True, return_sequences=True, name='stateful_fn_lstm')
dense = Dense(1, name='stateful_fn_dense')
out = dense(lstm(inp))
model = Model(input=inp, output=out)
lstm.set_weights(random_weights(lstm))
dense.set_weights(random_weights(dense))
golden.record('stateful_fn/predict1', model.predict(X1, batch_size=2))
golden.record('stateful_fn/predict2', model.predict(X2, batch_size=2))
golden.record('stateful_fn/states', states_of(lstm))
model.reset_states()
golden.record('stateful_fn/states_after_reset', states_of(lstm))
golden.record('stateful_fn/config', jsonable(lstm.get_config()))

# stateful with consume_less='gpu'
model = Sequential()
model.add(LSTM(UNITS, batch_input_shape=(2, 3, FEATURES), stateful=True,
               consume_less='gpu', name='stateful_lstm_gpu'))
model.layers[0].set_weights(random_weights(model.layers[0]))
golden.record('stateful_lstm_gpu/predict1', model.predict(X1, batch_size=2))
golden.record('stateful_lstm_gpu/predict2', model.predict(X2, batch_size=2))
golden.record('stateful_lstm_gpu/states', states_of(model.layers[0]))

# errors
error('stateful without batch size', lambda: Sequential().add(
    LSTM(UNITS, input_shape=(3, FEATURES), stateful=True)))
error('stateful predict, 3 samples for batch 2', lambda: model.predict(
    np.zeros((3, 3, FEATURES), 'float32'), batch_size=2))
error('reset_states on non-stateful', lambda: LSTM(UNITS).reset_states())
