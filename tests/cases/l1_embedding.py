# Keras 1 Embedding: input_dim, output_dim, input_length (given and absent), weights=,
# init, W_regularizer / W_constraint in the config, mask_zero (compute_mask and
# layer.output_mask), dropout (whole rows of W dropped in training, identity in test),
# float indices cast to int32, Embedding -> Flatten -> Dense.
# Records test-phase numbers, output shapes, weight names/shapes, get_config, the
# debugprint of layer.output (and of the mask), and the errors Keras 1 raised.
import json
import re

import numpy as np
import theano
from keras import backend as K
from keras.layers import Input, Embedding, Flatten, Dense
from keras.models import Sequential, Model
from keras.regularizers import l2
from keras.constraints import unitnorm

import golden

np.random.seed(1337)
rng = np.random.RandomState(7)


def jsonable(config):
    """A config through a JSON round trip; NumPy scalars (e.g. the input_dim of a Dense
    after Flatten, an np.int64 in Keras 1) become plain numbers."""
    return json.loads(json.dumps(config, default=lambda v: v.item()))


def plain(value):
    """Shapes as plain lists of ints/None."""
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
    golden.record(key + '/weight_shapes', [list(w.shape) for w in layer.get_weights()])
    golden.record(key + '/config', jsonable(layer.get_config()))
    golden.record(key + '/uses_learning_phase', bool(layer.uses_learning_phase))


def show_error(label, fn):
    try:
        fn()
    except Exception as e:
        message = re.sub(r' at 0x[0-9a-fA-F]+', ' at 0x...', str(e))
        print('%s -> %s: %s' % (label, type(e).__name__, message))
        golden.record('error/' + label, [type(e).__name__, message])
    else:
        print('%s -> no error' % label)
        golden.record('error/' + label, None)


idx = np.array([[1, 2, 0, 4], [3, 3, 1, 0], [0, 0, 0, 2]], dtype='int32')
W = rng.uniform(-1, 1, size=(5, 3)).astype('float32')

# --- plain Embedding with input_length, weights set after construction
seq = Sequential()
seq.add(Embedding(5, 3, input_length=4))
emb = seq.layers[0]
emb.set_weights([W])
describe(emb)
golden.record('emb/predict', seq.predict(idx))
golden.record('emb/predict_float_indices', seq.predict(idx.astype('float32')))
golden.record('emb/input_dtype', str(seq.input.dtype))
golden.record('emb/input_name', seq.input.name)
golden.record('emb/output_mask_is_none', emb.output_mask is None)
golden.record('emb/compute_mask_none', emb.compute_mask(seq.input, None) is None)
golden.record('emb/get_output_shape_for', plain(emb.get_output_shape_for((2, 4))))

# --- weights= argument, no input_length (variable-length sequences), regularizer, constraint
seq2 = Sequential()
seq2.add(Embedding(5, 3, weights=[W], W_regularizer=l2(0.1), W_constraint=unitnorm(),
                   init='normal', input_shape=(None,)))
emb2 = seq2.layers[0]
describe(emb2)
golden.record('emb2/predict', seq2.predict(idx))
golden.record('emb2/predict_len2', seq2.predict(idx[:, :2]))
golden.record('emb2/weights_equal_given', bool(np.array_equal(emb2.get_weights()[0], W)))
golden.record('emb2/n_losses', len(seq2.losses))
golden.record('emb2/loss', K.function([seq2.input], [sum(seq2.losses)])([idx])[0])
golden.record('emb2/get_output_shape_for', plain(emb2.get_output_shape_for((2, 7))))

# --- mask_zero: compute_mask and output_mask
inp = Input(shape=(4,), dtype='int32', name='tokens')
emb3 = Embedding(5, 3, mask_zero=True, name='masked_embedding')
out3 = emb3(inp)
emb3.set_weights([W])
describe(emb3)
print('--- masked_embedding.output_mask')
theano.printing.debugprint(emb3.output_mask)
mask_fn = K.function([inp], [emb3.output_mask])
golden.record('masked_embedding/mask', mask_fn([idx])[0])
golden.record('masked_embedding/mask_dtype', str(mask_fn([idx])[0].dtype))
golden.record('masked_embedding/predict', Model(input=inp, output=out3).predict(idx))
golden.record('masked_embedding/get_output_mask_at_0', emb3.get_output_mask_at(0) is emb3.output_mask)
golden.record('masked_embedding/supports_masking', bool(emb3.supports_masking))

# --- dropout: rows of W dropped (and kept ones scaled) in training, identity in test
inp4 = Input(shape=(4,), dtype='int32', name='tokens_dropout')
emb4 = Embedding(5, 3, dropout=0.5, name='dropout_embedding')
out4 = emb4(inp4)
emb4.set_weights([W])
describe(emb4)
f4 = K.function([inp4, K.learning_phase()], [out4])
test = f4([idx, 0])[0]
golden.record('dropout_embedding/test_phase', test)
golden.record('dropout_embedding/predict', Model(input=inp4, output=out4).predict(idx))
row_ok = True
any_dropped = False
for trial in range(5):
    train = f4([idx, 1])[0]
    # every looked-up vector is either all zero or the row scaled by 1/(1-p), and the
    # same index gets the same treatment everywhere in the batch
    status = {}
    for i in range(idx.shape[0]):
        for j in range(idx.shape[1]):
            v = train[i, j]
            if np.all(v == 0):
                s = 'dropped'
                any_dropped = True
            elif np.allclose(v, W[idx[i, j]] * 2., rtol=1e-5):
                s = 'kept'
            else:
                s = 'bad'
                row_ok = False
            if status.setdefault(idx[i, j], s) != s:
                row_ok = False
golden.record('dropout_embedding/rows_dropped_or_scaled', bool(row_ok))
golden.record('dropout_embedding/some_row_dropped_in_5_trials', bool(any_dropped))

# --- Embedding -> Flatten -> Dense
seq5 = Sequential()
seq5.add(Embedding(5, 2, input_length=4))
seq5.add(Flatten())
seq5.add(Dense(1, activation='sigmoid'))
for layer in seq5.layers:
    if layer.weights:
        layer.set_weights([rng.uniform(-1, 1, size=w.shape).astype('float32')
                           for w in layer.get_weights()])
describe(seq5.layers[1])
describe(seq5.layers[2])
golden.record('emb_flatten_dense/predict', seq5.predict(idx))
golden.record('emb_flatten_dense/weight_names', [w.name for l in seq5.layers for w in l.weights])

# --- errors
show_error('flatten_without_input_length',
           lambda: Sequential([Embedding(5, 2), Flatten()]))
show_error('wrong_weight_shape', lambda: Sequential([Embedding(5, 3, input_length=2,
                                                               weights=[np.zeros((4, 3))])]))
