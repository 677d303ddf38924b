# Keras 1 BatchNormalization: mode 0 (feature-wise; batch statistics in training,
# running averages in test), mode 1 (sample-wise), mode 2 (batch statistics in both
# phases); axis=-1 on 2D and 3D inputs and axis=1 on a 4D (channels-first) input;
# epsilon, momentum, weights=, beta_init / gamma_init, gamma/beta regularizers.
# Weight names and order (gamma, beta, running_mean, running_std), trainable vs
# non-trainable, predictions in test phase (learning phase 0 and model.predict) and in
# training phase (learning phase 1: deterministic given the batch), the running-statistic
# updates (`layer.updates`: in Keras 1.2.2 on Theano running_std receives the moving
# average of the batch *variance*), get_config, the debugprint of layer.output and of
# the updates, and the errors for unsupported modes / axes.
import json
import re

import numpy as np
import theano
from keras import backend as K
from keras.layers import Input, Dense, BatchNormalization
from keras.models import Sequential, Model
from keras.regularizers import l2

import golden

np.random.seed(1337)
rng = np.random.RandomState(31337)


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


def describe(layer, key=None):
    key = key or layer.name
    print('=== %s (%s)' % (key, layer.__class__.__name__))
    theano.printing.debugprint(layer.output)
    golden.record(key + '/input_shape', plain(layer.input_shape))
    golden.record(key + '/output_shape', plain(layer.output_shape))
    golden.record(key + '/weights', [w.name for w in layer.weights])
    golden.record(key + '/trainable_weights', [w.name for w in layer.trainable_weights])
    golden.record(key + '/non_trainable_weights',
                  [w.name for w in layer.non_trainable_weights])
    golden.record(key + '/weight_shapes', [list(w.shape) for w in layer.get_weights()])
    golden.record(key + '/config', jsonable(layer.get_config()))
    golden.record(key + '/uses_learning_phase', bool(layer.uses_learning_phase))
    # Keras 1.2.2 only creates `updates` when a layer adds one (mode 0)
    golden.record(key + '/has_updates', hasattr(layer, 'updates'))
    if hasattr(layer, 'updates'):
        golden.record(key + '/n_updates', len(layer.updates))


def bn_weights(n):
    gamma = rng.uniform(0.5, 1.5, size=(n,)).astype('float32')
    beta = rng.uniform(-0.5, 0.5, size=(n,)).astype('float32')
    mean = rng.uniform(-0.5, 0.5, size=(n,)).astype('float32')
    std = rng.uniform(0.5, 2.0, size=(n,)).astype('float32')   # positive
    return [gamma, beta, mean, std]


def phases(layer, inp, x, key=None):
    key = key or layer.name
    model = Model(input=inp, output=layer.output)
    f = K.function([inp, K.learning_phase()], [layer.output])
    golden.record(key + '/test_phase', f([x, 0])[0])
    golden.record(key + '/train_phase', f([x, 1])[0])
    golden.record(key + '/predict', model.predict(x))
    return model


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


x2 = rng.uniform(-2, 3, size=(6, 3)).astype('float32')

# --- mode 0, 2D input, in a Sequential after a Dense
seq = Sequential()
seq.add(Dense(3, input_dim=4))
seq.add(BatchNormalization())
dense, bn = seq.layers
dense.set_weights([rng.uniform(-1, 1, size=(4, 3)).astype('float32'),
                   rng.uniform(-1, 1, size=(3,)).astype('float32')])
bn.set_weights(bn_weights(3))
describe(bn)
xs = rng.uniform(-2, 2, size=(5, 4)).astype('float32')
golden.record('seq/predict', seq.predict(xs))
f = K.function([seq.input, K.learning_phase()], [seq.output])
golden.record('seq/test_phase', f([xs, 0])[0])
golden.record('seq/train_phase', f([xs, 1])[0])
golden.record('seq/weight_shapes', [list(w.shape) for w in seq.get_weights()])
golden.record('seq/uses_learning_phase', bool(seq.uses_learning_phase))

# running statistics: one update step through layer.updates (momentum 0.99)
print('--- %s.updates' % bn.name)
for variable, new_value in bn.updates:
    print('update of', variable.name)
    theano.printing.debugprint(new_value)
golden.record('seq/update_targets', [v.name for v, _ in bn.updates])
before = bn.get_weights()
step = K.function([seq.input, K.learning_phase()], [seq.output], updates=bn.updates)
step([xs, 1])
after = bn.get_weights()
golden.record('seq/after_update/running_mean', after[2])
golden.record('seq/after_update/running_std', after[3])
golden.record('seq/after_update/gamma_beta_unchanged',
              bool(np.array_equal(before[0], after[0]) and np.array_equal(before[1], after[1])))
h = dense.get_weights()
hidden = xs.dot(h[0]) + h[1]
expected_var = 0.99 * before[3] + 0.01 * hidden.var(axis=0)
expected_std = 0.99 * before[3] + 0.01 * hidden.std(axis=0)
golden.record('seq/after_update/running_std_is_variance_average',
              bool(np.allclose(after[3], expected_var, rtol=1e-4)))
golden.record('seq/after_update/running_std_is_std_average',
              bool(np.allclose(after[3], expected_std, rtol=1e-4)))
golden.record('seq/predict_after_update', seq.predict(xs))

# --- mode 0 with weights=, epsilon, momentum, regularizers, inits
w4 = bn_weights(3)
inp = Input(shape=(3,), name='x')
bn_args = BatchNormalization(epsilon=0.01, momentum=0.9, weights=w4,
                             beta_init='one', gamma_init='zero',
                             gamma_regularizer=l2(0.01), beta_regularizer=l2(0.02),
                             name='bn_args')
bn_args(inp)
describe(bn_args)
golden.record('bn_args/weights_equal_given',
              all(np.array_equal(a, b) for a, b in zip(bn_args.get_weights(), w4)))
phases(bn_args, inp, x2)
golden.record('bn_args/n_losses', len(bn_args.losses))

# default initial weights: gamma 1, beta 0, running_mean 0, running_std 1
bn_default = BatchNormalization(name='bn_default')
bn_default(inp)
golden.record('bn_default/initial_weights', bn_default.get_weights())
phases(bn_default, inp, x2)

# --- mode 0 on 3D input (axis=-1) and on 4D channels-first input (axis=1)
x3 = rng.uniform(-2, 2, size=(2, 4, 3)).astype('float32')
inp3 = Input(shape=(4, 3), name='x3')
bn3 = BatchNormalization(name='bn_3d')
bn3(inp3)
bn3.set_weights(bn_weights(3))
describe(bn3)
phases(bn3, inp3, x3)

x4 = rng.uniform(-2, 2, size=(2, 2, 3, 3)).astype('float32')
inp4 = Input(shape=(2, 3, 3), name='x4')
bn4 = BatchNormalization(axis=1, name='bn_axis1')
bn4(inp4)
bn4.set_weights(bn_weights(2))
describe(bn4)
phases(bn4, inp4, x4)

# --- mode 1: sample-wise normalisation (same in both phases)
bn_m1 = BatchNormalization(mode=1, name='bn_mode1')
bn_m1(inp)
bn_m1.set_weights(bn_weights(3))
describe(bn_m1)
phases(bn_m1, inp, x2)

# --- mode 2: batch statistics in both phases
bn_m2 = BatchNormalization(mode=2, name='bn_mode2')
bn_m2(inp)
bn_m2.set_weights(bn_weights(3))
describe(bn_m2)
phases(bn_m2, inp, x2)

bn_m2_4d = BatchNormalization(mode=2, axis=1, name='bn_mode2_axis1')
bn_m2_4d(inp4)
bn_m2_4d.set_weights(bn_weights(2))
describe(bn_m2_4d)
phases(bn_m2_4d, inp4, x4)

# --- unsupported values
try:
    BatchNormalization(mode=3, name='bn_mode3')(Input(shape=(3,), name='x_mode3'))
except Exception as e:
    # The message text depends on the Python version; the type and variable do not.
    print('bn_mode3 ->', type(e).__name__)
    golden.record('error/bn_mode3', type(e).__name__)
    golden.record('error/bn_mode3_mentions_x_normed', 'x_normed' in str(e))
else:
    print('bn_mode3 -> no error')
    golden.record('error/bn_mode3', None)
show_error('bn_mode3_constructor', lambda: BatchNormalization(mode=3))
show_error('bn_axis_out_of_range', lambda: BatchNormalization(axis=2)(Input(shape=(3,))))
show_error('bn_wrong_weight_count',
           lambda: BatchNormalization(weights=[np.ones(3), np.zeros(3)])(Input(shape=(3,))))
