# Keras 1 stochastic layers: Dropout (p, p=0, noise_shape), SpatialDropout1D/2D/3D
# (th and tf orderings), GaussianNoise, GaussianDropout.
# Test phase (learning phase 0, and model.predict) is the identity: recorded exactly.
# Training phase (learning phase 1) is random: only deterministic facts are recorded
# (the output differs from test phase, kept entries are scaled by 1/(1-p), the zero
# fraction is plausible, spatial variants drop whole feature maps).
# Also output shapes, configs, uses_learning_phase and the debugprint of layer.output.
import json

import numpy as np
import theano
from keras import backend as K
from keras.layers import (Input, Dense, Dropout, SpatialDropout1D, SpatialDropout2D,
                          SpatialDropout3D, GaussianNoise, GaussianDropout)
from keras.models import Sequential, Model

import golden

np.random.seed(1337)
rng = np.random.RandomState(99)


def jsonable(config):
    """A config through a JSON round trip; NumPy scalars (e.g. the input_dim of a Dense
    after Flatten, an np.int64 in Keras 1) become plain numbers."""
    return json.loads(json.dumps(config, default=lambda v: v.item()))


def plain(value):
    """Shapes as plain lists of ints/None (Keras 1 returns NumPy ints from np.prod)."""
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
    golden.record(key + '/uses_learning_phase', bool(layer.uses_learning_phase))
    golden.record(key + '/supports_masking', bool(layer.supports_masking))


def run_phases(layer, x, key=None):
    key = key or layer.name
    model = Model(input=layer.input, output=layer.output)
    f = K.function([model.input, K.learning_phase()], [model.output])
    test = f([x, 0])[0]
    train = f([x, 1])[0]
    golden.record(key + '/test_is_identity', bool(np.array_equal(test, x)))
    golden.record(key + '/predict_is_identity', bool(np.array_equal(model.predict(x), x)))
    golden.record(key + '/train_differs', bool(not np.allclose(train, test)))
    golden.record(key + '/train_shape', list(train.shape))
    return test, train


def dropout_checks(key, x, train, p, map_axes=None):
    kept = train != 0
    ratio_ok = bool(np.allclose(train[kept], x[kept] / (1. - p), rtol=1e-5))
    frac = 1. - kept.mean()
    golden.record(key + '/kept_scaled_by_1_over_1_minus_p', ratio_ok)
    golden.record(key + '/zero_fraction_plausible', bool(abs(frac - p) < 0.2))
    if map_axes is not None:
        # every feature map is either entirely dropped or entirely kept
        dropped_all = np.all(~kept, axis=map_axes)
        kept_all = np.all(kept, axis=map_axes)
        golden.record(key + '/whole_maps', bool(np.all(dropped_all | kept_all)))


# inputs with no zeros; sizes keep the zero-fraction checks far from chance failures
# (at least 200 independently dropped units or maps per check)
x2 = rng.uniform(0.5, 1.5, size=(200, 10)).astype('float32')

# --- Dropout
d = Dropout(0.5)
inp = Input(shape=(10,), name='x2')
d(inp)
describe(d)
test, train = run_phases(d, x2)
dropout_checks(d.name, x2, train, 0.5)

d0 = Dropout(0.)
d0(inp)
describe(d0)
run_phases(d0, x2)

d_ns = Dropout(0.4, noise_shape=(200, 1))  # same mask for every feature of a sample
d_ns(inp)
describe(d_ns, 'dropout_noise_shape')
test, train = run_phases(d_ns, x2, 'dropout_noise_shape')
dropout_checks('dropout_noise_shape', x2, train, 0.4, map_axes=(1,))

# Dropout inside a Sequential between two Dense layers
seq = Sequential()
seq.add(Dense(3, input_dim=4))
seq.add(Dropout(0.25))
seq.add(Dense(2))
for layer in seq.layers:
    if layer.get_weights():
        layer.set_weights([rng.uniform(-1, 1, size=w.shape).astype('float32')
                           for w in layer.get_weights()])
describe(seq.layers[1])
xs = rng.uniform(-1, 1, size=(3, 4)).astype('float32')
golden.record('seq/predict', seq.predict(xs))
f_seq = K.function([seq.input, K.learning_phase()], [seq.output])
golden.record('seq/test_phase', f_seq([xs, 0])[0])
golden.record('seq/train_differs', bool(not np.allclose(f_seq([xs, 1])[0], f_seq([xs, 0])[0])))
golden.record('seq/uses_learning_phase', bool(seq.uses_learning_phase))

# --- SpatialDropout1D: (samples, timesteps, channels), drops whole channels
x3 = rng.uniform(0.5, 1.5, size=(60, 5, 6)).astype('float32')
sd1 = SpatialDropout1D(0.5)
sd1(Input(shape=(5, 6), name='x3'))
describe(sd1)
test, train = run_phases(sd1, x3)
dropout_checks(sd1.name, x3, train, 0.5, map_axes=(1,))

# --- SpatialDropout2D, th and tf
x4 = rng.uniform(0.5, 1.5, size=(100, 3, 4, 4)).astype('float32')
sd2th = SpatialDropout2D(0.5, dim_ordering='th')
sd2th(Input(shape=(3, 4, 4), name='x4'))
describe(sd2th)
test, train = run_phases(sd2th, x4)
dropout_checks(sd2th.name, x4, train, 0.5, map_axes=(2, 3))

sd2tf = SpatialDropout2D(0.5, dim_ordering='tf')
sd2tf(Input(shape=(3, 4, 4), name='x4tf'))
describe(sd2tf)
test, train = run_phases(sd2tf, x4)
dropout_checks(sd2tf.name, x4, train, 0.5, map_axes=(1, 2))

sd2def = SpatialDropout2D(0.3)
golden.record('spatialdropout2d_default/dim_ordering', sd2def.dim_ordering)

# --- SpatialDropout3D, th and tf
x5 = rng.uniform(0.5, 1.5, size=(100, 3, 2, 2, 4)).astype('float32')
sd3th = SpatialDropout3D(0.5, dim_ordering='th')
sd3th(Input(shape=(3, 2, 2, 4), name='x5'))
describe(sd3th)
test, train = run_phases(sd3th, x5)
dropout_checks(sd3th.name, x5, train, 0.5, map_axes=(2, 3, 4))

sd3tf = SpatialDropout3D(0.5, dim_ordering='tf')
sd3tf(Input(shape=(3, 2, 2, 4), name='x5tf'))
describe(sd3tf)
test, train = run_phases(sd3tf, x5)
dropout_checks(sd3tf.name, x5, train, 0.5, map_axes=(1, 2, 3))

# --- GaussianNoise: x + N(0, sigma) in training
xg = rng.uniform(-1, 1, size=(200, 10)).astype('float32')
gn = GaussianNoise(0.5)
gn(Input(shape=(10,), name='xg'))
describe(gn)
test, train = run_phases(gn, xg)
noise = train - xg
golden.record('gaussiannoise/noise_mean_plausible', bool(abs(noise.mean()) < 0.05))
golden.record('gaussiannoise/noise_std_plausible', bool(abs(noise.std() - 0.5) < 0.05))

# --- GaussianDropout: x * N(1, sqrt(p/(1-p))) in training
gd = GaussianDropout(0.2)
gd(Input(shape=(10,), name='xgd'))
describe(gd)
xpos = rng.uniform(0.5, 1.5, size=(200, 10)).astype('float32')
test, train = run_phases(gd, xpos)
factor = train / xpos
golden.record('gaussiandropout/factor_mean_plausible', bool(abs(factor.mean() - 1.) < 0.05))
golden.record('gaussiandropout/factor_std_plausible',
              bool(abs(factor.std() - np.sqrt(0.2 / 0.8)) < 0.05))

gd0 = GaussianDropout(0.)
gd0(Input(shape=(10,), name='xgd0'))
describe(gd0)
run_phases(gd0, xpos)

# --- errors
for label, fn in [
        ('spatialdropout2d_bad_ordering', lambda: SpatialDropout2D(0.5, dim_ordering='xy')),
        ('spatialdropout3d_bad_ordering', lambda: SpatialDropout3D(0.5, dim_ordering='xy')),
        ('dropout_level_1', lambda: K.dropout(K.variable(np.ones((2, 2))), 1.)),
]:
    try:
        fn()
    except Exception as e:
        print('%s -> %s: %s' % (label, type(e).__name__, e))
        golden.record('error/' + label, [type(e).__name__, str(e)])
    else:
        print('%s -> no error' % label)
        golden.record('error/' + label, None)
