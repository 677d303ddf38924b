# Keras 1 recurrent layers on Theano: SimpleRNN, GRU and LSTM with return_sequences
# True / False, go_backwards, unroll, consume_less 'cpu' (default) / 'mem' / 'gpu'
# (LSTM: 12 weight arrays listed i, c, f, o vs 3 fused W, U, b in i, f, c, o order;
# GRU: 9 arrays z, r, h vs 3), dropout_W / dropout_U in the test phase (no effect),
# inner_activation default hard_sigmoid vs sigmoid, activation, seeded default
# initialisation (init / inner_init / forget_bias_init; note that with cpu / mem the
# U_* matrices are drawn with `init`, not `inner_init`), W / U / b regularizers (the
# losses and their values; with cpu / mem the U_* matrices get the *W* regularizer),
# input_dim / input_length, weights=, Sequential stacks, get_config(), weight names /
# shapes / order, and equal predictions for equal (re-packed) weights across modes.
# Prints debugprint(layer.output) (scan, with Theano's "Inner graphs of the scan ops"
# section) for the default LSTM, GRU and SimpleRNN, an LSTM consume_less='gpu', a
# go_backwards LSTM with return_sequences and an unrolled LSTM (stdout, exact).
import json

import numpy as np
import theano
from keras import backend as K
from keras.layers import Input, SimpleRNN, GRU, LSTM, Dense
from keras.models import Sequential, Model
from keras.regularizers import l2, l1

import golden

np.random.seed(1337)
rng = np.random.RandomState(31337)

STEPS, FEATURES, UNITS = 3, 3, 2


def jsonable(config):
    return json.loads(json.dumps(config, default=lambda v: v.item()))


def plain(value):
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if value is None:
        return None
    return int(value)


def describe(layer, key=None, show=False):
    key = key or layer.name
    if show:
        print('=== %s (%s)' % (key, layer.__class__.__name__))
        theano.printing.debugprint(layer.output)
    golden.record(key + '/input_shape', plain(layer.input_shape))
    golden.record(key + '/output_shape', plain(layer.output_shape))
    golden.record(key + '/weights', [w.name for w in layer.weights])
    golden.record(key + '/trainable_weights', [w.name for w in layer.trainable_weights])
    golden.record(key + '/weight_shapes', [list(w.shape) for w in layer.get_weights()])
    golden.record(key + '/config', jsonable(layer.get_config()))
    golden.record(key + '/uses_learning_phase', bool(layer.uses_learning_phase))


def error(label, fn):
    try:
        fn()
    except Exception as e:
        print('%s -> %s: %s' % (label, type(e).__name__, e))
    else:
        print('%s -> no error' % label)


X = rng.uniform(-1, 1, size=(2, STEPS, FEATURES)).astype('float32')

# per-gate weights shared by every variant below (scaled so gates are not saturated)
def gate_weights():
    return (rng.uniform(-1, 1, size=(FEATURES, UNITS)).astype('float32'),
            rng.uniform(-1, 1, size=(UNITS, UNITS)).astype('float32'),
            rng.uniform(-0.5, 0.5, size=(UNITS,)).astype('float32'))


RNN = gate_weights()
GRU_GATES = dict(z=gate_weights(), r=gate_weights(), h=gate_weights())
LSTM_GATES = dict(i=gate_weights(), f=gate_weights(), c=gate_weights(), o=gate_weights())


def weights_for(cls, consume_less):
    if cls is SimpleRNN:
        return list(RNN)
    gates = GRU_GATES if cls is GRU else LSTM_GATES
    if consume_less == 'gpu':
        order = 'zrh' if cls is GRU else 'ifco'       # fused order
        return [np.concatenate([gates[g][0] for g in order], axis=1),
                np.concatenate([gates[g][1] for g in order], axis=1),
                np.concatenate([gates[g][2] for g in order])]
    order = 'zrh' if cls is GRU else 'icfo'            # Keras 1 list order
    out = []
    for g in order:
        out.extend(gates[g])
    return out


def case(key, cls, show=False, steps=STEPS, x=None, **kwargs):
    inp = Input(shape=(steps, FEATURES))
    layer = cls(UNITS, name=key, **kwargs)
    out = layer(inp)
    layer.set_weights(weights_for(cls, kwargs.get('consume_less', 'cpu')))
    describe(layer, show=show)
    model = Model(input=inp, output=out)
    y = model.predict(X if x is None else x)
    golden.record(key + '/predict', y)
    return layer, y


results = {}
for cls in (SimpleRNN, GRU, LSTM):
    name = cls.__name__.lower()
    for mode in ('cpu', 'mem', 'gpu'):
        for seq in (False, True):
            key = '%s_%s_%s' % (name, mode, 'seq' if seq else 'last')
            show = (mode == 'cpu' and not seq) or (cls is LSTM and mode == 'gpu' and not seq)
            _, y = case(key, cls, show=show, consume_less=mode, return_sequences=seq)
            results[key] = y
    # all modes give the same numbers for the same (re-packed) weights
    for seq in ('last', 'seq'):
        golden.record('%s/modes_agree_%s' % (name, seq), [
            bool(np.allclose(results['%s_cpu_%s' % (name, seq)],
                             results['%s_%s_%s' % (name, m, seq)], atol=1e-5))
            for m in ('mem', 'gpu')])
    # go_backwards, unroll, dropout (test phase), other activations
    _, yb = case(name + '_backwards', cls, show=(cls is LSTM), go_backwards=True,
                 return_sequences=True)
    _, yb_last = case(name + '_backwards_last', cls, go_backwards=True)
    rev = results['%s_cpu_seq' % name]
    Xr = X[:, ::-1]
    _, y_rev_input = case(name + '_reversed_input', cls, return_sequences=True, x=Xr)
    golden.record(name + '/backwards_equals_reversed_input',
                  bool(np.allclose(yb, y_rev_input, atol=1e-5)))
    _, yu = case(name + '_unroll', cls, show=(cls is LSTM), unroll=True,
                 return_sequences=True)
    golden.record(name + '/unroll_equals_scan', bool(np.allclose(yu, rev, atol=1e-5)))
    case(name + '_unroll_backwards_gpu', cls, unroll=True, go_backwards=True,
         consume_less='gpu')
    _, yd = case(name + '_dropout', cls, dropout_W=0.3, dropout_U=0.4)
    golden.record(name + '/dropout_test_phase_unchanged',
                  bool(np.allclose(yd, results['%s_cpu_last' % name], atol=1e-6)))
    case(name + '_dropout_gpu', cls, dropout_W=0.3, dropout_U=0.4, consume_less='gpu')
    case(name + '_dropout_mem', cls, dropout_W=0.3, dropout_U=0.4, consume_less='mem')
    case(name + '_relu', cls, activation='relu')
    if cls is not SimpleRNN:
        case(name + '_sigmoid_inner', cls, inner_activation='sigmoid')
        case(name + '_sigmoid_inner_gpu', cls, inner_activation='sigmoid',
             consume_less='gpu')

# hard_sigmoid is Keras 1's clip(0.2 x + 0.5, 0, 1)
hs_x = np.array([[-3., -2.5, -1., 0., 1., 2.5, 3.]], 'float32')
hs_in = K.placeholder(ndim=2)
golden.record('hard_sigmoid_values',
              K.function([hs_in], [K.hard_sigmoid(hs_in)])([hs_x])[0])

# --- seeded default initialisation, every mode: exact values (glorot_uniform / orthogonal
# / forget bias 'one'); records which draws come from which initialiser
for cls in (SimpleRNN, GRU, LSTM):
    for mode in ('cpu', 'mem', 'gpu'):
        np.random.seed(5)
        key = 'seeded_%s_%s' % (cls.__name__.lower(), mode)
        layer = cls(UNITS, consume_less=mode, name=key)
        layer(Input(shape=(STEPS, FEATURES)))
        golden.record(key + '/values', layer.get_weights(), rtol=0, atol=0)
        golden.record(key + '/names', [w.name for w in layer.weights])
np.random.seed(5)
layer = LSTM(UNITS, init='uniform', inner_init='identity', forget_bias_init='zero',
             name='seeded_lstm_inits_cpu')
layer(Input(shape=(STEPS, FEATURES)))
describe(layer)
golden.record('seeded_lstm_inits_cpu/values', layer.get_weights(), rtol=0, atol=0)
error('LSTM gpu inner_init=identity (U is not square)', lambda: LSTM(
    UNITS, inner_init='identity', consume_less='gpu')(Input(shape=(STEPS, FEATURES))))
np.random.seed(5)
layer = LSTM(UNITS, init='uniform', inner_init='normal', forget_bias_init='zero',
             consume_less='gpu', name='seeded_lstm_inits_gpu')
layer(Input(shape=(STEPS, FEATURES)))
describe(layer)
golden.record('seeded_lstm_inits_gpu/values', layer.get_weights(), rtol=0, atol=0)
np.random.seed(5)
layer = GRU(UNITS, init='normal', inner_init='zero', name='seeded_gru_inits_gpu',
            consume_less='gpu')
layer(Input(shape=(STEPS, FEATURES)))
golden.record('seeded_gru_inits_gpu/values', layer.get_weights(), rtol=0, atol=0)

# --- regularizers: number of losses and their value for the set weights
for cls in (SimpleRNN, GRU, LSTM):
    for mode in ('cpu', 'gpu'):
        key = 'reg_%s_%s' % (cls.__name__.lower(), mode)
        inp = Input(shape=(STEPS, FEATURES))
        layer = cls(UNITS, consume_less=mode, W_regularizer=l2(0.01), U_regularizer=l1(0.1),
                    b_regularizer=l2(1.0), name=key)
        layer(inp)
        layer.set_weights(weights_for(cls, mode))
        describe(layer)
        golden.record(key + '/losses_count', len(layer.losses))
        golden.record(key + '/losses_value', K.eval(sum(layer.losses)))
        golden.record(key + '/losses_values', [K.eval(l) for l in layer.losses])

# --- weights= at construction, input_dim / input_length, a Sequential stack
model = Sequential()
model.add(LSTM(UNITS, input_dim=FEATURES, input_length=STEPS, return_sequences=True,
               weights=weights_for(LSTM, 'cpu')))
model.add(GRU(3, weights=[rng.uniform(-1, 1, size=s).astype('float32') for s in
                          [(UNITS, 3), (3, 3), (3,)] * 3]))
model.add(Dense(1))
model.layers[2].set_weights([rng.uniform(-1, 1, size=(3, 1)).astype('float32'),
                             np.zeros(1, 'float32')])
for layer in model.layers:
    describe(layer, 'seq/' + layer.name)
golden.record('seq/predict', model.predict(X))
golden.record('seq/weight_names', [w.name for w in model.weights])

# variable-length input (input_length=None): same numbers on 3 and 4 steps
model = Sequential()
model.add(SimpleRNN(UNITS, input_dim=FEATURES, weights=list(RNN)))
describe(model.layers[0], 'rnn_variable_length')
golden.record('rnn_variable_length/predict3', model.predict(X))
golden.record('rnn_variable_length/predict4', model.predict(
    rng.uniform(-1, 1, size=(2, 4, FEATURES)).astype('float32')))

# --- errors
error('unroll without input_length', lambda: LSTM(2, unroll=True)(Input(shape=(None, 3))))


def bad_consume_less():
    inp = Input(shape=(3, 3))
    LSTM(2, consume_less='bad')(inp)


error('LSTM consume_less=bad', bad_consume_less)
error('wrong number of weights', lambda: LSTM(2, weights=[np.zeros((3, 8), 'float32')])(
    Input(shape=(3, 3))))
error('LSTM on 2-D input', lambda: LSTM(2)(Input(shape=(3,))))
error('reset_states on non-stateful', lambda: model.layers[0].reset_states())
