# The Keras 1 FAQ "How can I obtain the output of an intermediate layer?"
#
#     get_3rd_layer_output = K.function([model.layers[0].input, K.learning_phase()],
#                                       [model.layers[3].output])
#     layer_output = get_3rd_layer_output([X, 0])[0]   # test mode
#     layer_output = get_3rd_layer_output([X, 1])[0]   # train mode
#
# With a Dropout in the model: learning phase 0 is deterministic (recorded, and equal to
# a truncated model's predict); learning phase 1 is random, so only deterministic facts
# are recorded. Without Dropout, K.function([model.input], [model.layers[1].output]) needs
# no learning phase. Also the debugprint of the layer outputs involved, the Function
# object's call convention (a list of inputs, a list of outputs back), and
# K.learning_phase() itself.
import numpy as np
import theano
from keras import backend as K
from keras.models import Sequential
from keras.layers import Dense, Dropout, Activation

import golden

np.random.seed(1337)
rng = np.random.RandomState(7)


def fix_weights(model):
    for layer in model.layers:
        if layer.get_weights():
            layer.set_weights([rng.uniform(-1, 1, size=w.shape).astype('float32')
                               for w in layer.get_weights()])


# --- the FAQ model: Dense, Dropout(0.5), Dense, Dense, Activation
model = Sequential()
model.add(Dense(8, input_dim=5, activation='relu'))
model.add(Dropout(0.5))
model.add(Dense(6, activation='tanh'))
model.add(Dense(4))
model.add(Activation('softmax'))
fix_weights(model)

print('learning_phase:', K.learning_phase())
print('learning_phase type:', type(K.learning_phase()).__name__)
golden.record('learning_phase/name', K.learning_phase().name)
golden.record('learning_phase/dtype', K.learning_phase().dtype)
golden.record('learning_phase/ndim', K.learning_phase().ndim)

print('== model.layers[0].input')
theano.printing.debugprint(model.layers[0].input)
print('== model.layers[3].output')
theano.printing.debugprint(model.layers[3].output)
golden.record('layers3/uses_learning_phase', bool(model.uses_learning_phase))
golden.record('layers/names', [layer.name for layer in model.layers])

get_3rd_layer_output = K.function([model.layers[0].input, K.learning_phase()],
                                  [model.layers[3].output])
print('Function class:', type(get_3rd_layer_output).__name__)

X = rng.uniform(-1, 1, size=(6, 5)).astype('float32')

out = get_3rd_layer_output([X, 0])
golden.record('phase0/is_list', isinstance(out, list))
golden.record('phase0/len', len(out))
layer_output = out[0]
golden.record('phase0/output', layer_output, rtol=1e-5)
golden.record('phase0/dtype', str(layer_output.dtype))
golden.record('phase0/repeatable', bool(np.array_equal(layer_output,
                                                       get_3rd_layer_output([X, 0])[0])))

# test mode equals the same computation done by hand with the weights
W0, b0 = model.layers[0].get_weights()
W2, b2 = model.layers[2].get_weights()
W3, b3 = model.layers[3].get_weights()
by_hand = np.dot(np.tanh(np.dot(np.maximum(np.dot(X, W0) + b0, 0), W2) + b2), W3) + b3
golden.record('phase0/matches_numpy', bool(np.allclose(layer_output, by_hand, atol=1e-5)))

# a tuple of inputs works too, learning phase given as a Python bool / numpy int
golden.record('phase0/tuple_inputs', get_3rd_layer_output((X, 0))[0], rtol=1e-5)
golden.record('phase0/np_int_phase', get_3rd_layer_output([X, np.int32(0)])[0], rtol=1e-5)

out1 = get_3rd_layer_output([X, 1])[0]
golden.record('phase1/shape', list(out1.shape))
golden.record('phase1/dtype', str(out1.dtype))
golden.record('phase1/differs_from_phase0', bool(not np.allclose(out1, layer_output)))

# the model output (softmax) with both phases
get_output = K.function([model.layers[0].input, K.learning_phase()], [model.layers[-1].output])
p0 = get_output([X, 0])[0]
golden.record('model_output/phase0', p0, rtol=1e-5)
golden.record('model_output/predict_equal', bool(np.allclose(model.predict(X), p0, atol=1e-6)))
p1 = get_output([X, 1])[0]
golden.record('model_output/phase1_rows_sum_to_1', bool(np.allclose(p1.sum(axis=1), 1., atol=1e-5)))

# several outputs at once
get_many = K.function([model.layers[0].input, K.learning_phase()],
                      [model.layers[0].output, model.layers[2].output, model.output])
many = get_many([X, 0])
golden.record('many/len', len(many))
for i, value in enumerate(many):
    golden.record('many/%d' % i, value, rtol=1e-5)

# --- a Dropout-only model: in train mode about half of the entries are exactly zero,
# kept entries doubled
only = Sequential()
only.add(Dropout(0.5, input_shape=(50,)))
print('== dropout-only model output')
theano.printing.debugprint(only.layers[0].output)
f_only = K.function([only.layers[0].input, K.learning_phase()], [only.layers[0].output])
ones = np.ones((40, 50), dtype='float32')
train = f_only([ones, 1])[0]
test = f_only([ones, 0])[0]
zero_fraction = float((train == 0).mean())
golden.record('dropout_only/test_is_identity', bool(np.array_equal(test, ones)))
golden.record('dropout_only/zero_fraction_about_half', bool(abs(zero_fraction - 0.5) < 0.1))
golden.record('dropout_only/kept_are_doubled',
              bool(np.allclose(train[train != 0], 2.)))
golden.record('dropout_only/only_0_or_2', bool(np.all((train == 0) | (train == 2))))

# --- no Dropout: no learning phase needed
plain = Sequential()
plain.add(Dense(4, input_dim=3))
plain.add(Activation('relu'))
plain.add(Dense(2, activation='sigmoid'))
fix_weights(plain)
golden.record('plain/uses_learning_phase', bool(plain.uses_learning_phase))
print('== plain.layers[1].output')
theano.printing.debugprint(plain.layers[1].output)
get_1st = K.function([plain.input], [plain.layers[1].output])
Xp = rng.uniform(-1, 1, size=(5, 3)).astype('float32')
golden.record('plain/layer1_output', get_1st([Xp])[0], rtol=1e-5)
# learning phase given though unused: K.function ignores unused inputs
get_1st_lp = K.function([plain.input, K.learning_phase()], [plain.layers[1].output])
golden.record('plain/layer1_output_unused_phase', get_1st_lp([Xp, 1])[0], rtol=1e-5)
# float64 input is accepted (allow_input_downcast=True)
golden.record('plain/float64_input', get_1st([Xp.astype('float64')])[0], rtol=1e-5)
golden.record('plain/output', K.function([plain.input], [plain.output])([Xp])[0], rtol=1e-5)

# --- errors: calling with a bare array instead of a list
try:
    get_1st(Xp)
except Exception as e:
    print('bare array ->', type(e).__name__)
    golden.record('error/bare_array', type(e).__name__)
