# Keras 1 core shape layers: Flatten, Reshape (with -1), Permute, RepeatVector, and
# Lambda (plain function, lambda, output_shape as tuple / function / absent, arguments,
# a function taking `mask`, a list input). Test-phase numbers, output shapes,
# get_output_shape_for, get_config (Lambda: the non-marshalled entries only), the
# debugprint of each layer's output, and the errors Keras 1 raised for bad arguments.
import json
import re

import numpy as np
import theano
from keras import backend as K
from keras.layers import Input, Flatten, Reshape, Permute, RepeatVector, Lambda, Dense
from keras.models import Sequential, Model

import golden

np.random.seed(1337)
rng = np.random.RandomState(4321)


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
    golden.record(key + '/weight_shapes', [list(w.shape) for w in layer.get_weights()])


def config_of(layer, drop=()):
    config = layer.get_config()
    for k in drop:
        config.pop(k)
    return jsonable(config)


def show_error(label, fn):
    try:
        fn()
    except Exception as e:
        message = re.sub(r' at 0x[0-9a-fA-F]+', ' at 0x...', str(e))  # no addresses
        print('%s -> %s: %s' % (label, type(e).__name__, message))
        golden.record('error/' + label, [type(e).__name__, message])
    else:
        print('%s -> no error' % label)
        golden.record('error/' + label, None)


x = rng.uniform(-2, 2, size=(2, 3, 4)).astype('float32')

# --- Sequential chain: Flatten -> Reshape -> Permute -> Reshape(-1) on (3, 4) input
seq = Sequential()
seq.add(Flatten(input_shape=(3, 4)))
seq.add(Reshape((2, 6)))
seq.add(Permute((2, 1)))
seq.add(Reshape((-1, 2, 2)))
for layer in seq.layers:
    describe(layer)
    golden.record(layer.name + '/config', config_of(layer))
outs = K.function([seq.input, K.learning_phase()], [l.output for l in seq.layers])([x, 0])
for layer, out in zip(seq.layers, outs):
    golden.record('seq/out/' + layer.name, out)
golden.record('seq/predict', seq.predict(x))
golden.record('reshape/get_output_shape_for', plain(seq.layers[3].get_output_shape_for((None, 6, 2))))
golden.record('permute/get_output_shape_for', plain(seq.layers[2].get_output_shape_for((5, 2, 6))))
golden.record('flatten/get_output_shape_for', plain(seq.layers[0].get_output_shape_for((5, 3, 4))))

# --- Permute on a 3D tail, RepeatVector
inp = Input(shape=(2, 3, 4), name='cube')
perm = Permute((3, 1, 2))
p_out = perm(inp)
xc = rng.uniform(-1, 1, size=(2, 2, 3, 4)).astype('float32')
describe(perm)
golden.record(perm.name + '/config', config_of(perm))
golden.record('permute3/predict', Model(input=inp, output=p_out).predict(xc))

vec = Input(shape=(3,), name='vec')
rep = RepeatVector(4)
r_out = rep(vec)
xv = rng.uniform(-1, 1, size=(2, 3)).astype('float32')
describe(rep)
golden.record(rep.name + '/config', config_of(rep))
golden.record('repeat/predict', Model(input=vec, output=r_out).predict(xv))


# --- Lambda
def square_plus(t, offset=0.):
    return K.square(t) + offset


def square_shape(input_shape):
    return input_shape


def antirectifier(t):
    t = t - K.mean(t, axis=1, keepdims=True)
    t = K.l2_normalize(t, axis=1)
    pos = K.relu(t)
    neg = K.relu(-t)
    return K.concatenate([pos, neg], axis=1)


def antirectifier_output_shape(input_shape):
    shape = list(input_shape)
    shape[-1] *= 2
    return tuple(shape)


lam1 = Lambda(lambda t: t * 2.)                                  # no output_shape
lam2 = Lambda(square_plus, output_shape=(3,), arguments={'offset': 1.5})
lam3 = Lambda(antirectifier, output_shape=antirectifier_output_shape)
lam4 = Lambda(lambda t: K.sum(t, axis=-1, keepdims=True), output_shape=lambda s: (s[0], 1))
lam5 = Lambda(lambda ts: ts[0] - ts[1], output_shape=(3,))     # list input
lam6 = Lambda(square_plus, output_shape=square_shape, name='named_lambda')
vec2 = Input(shape=(3,), name='vec2')
outs = [lam1(vec), lam2(vec), lam3(vec), lam4(vec), lam5([vec, vec2]), lam6(vec)]
lam_model = Model(input=[vec, vec2], output=outs)
xv2 = rng.uniform(-1, 1, size=(2, 3)).astype('float32')
preds = lam_model.predict([xv, xv2])
for lam, pred in zip([lam1, lam2, lam3, lam4, lam5, lam6], preds):
    describe(lam)
    golden.record(lam.name + '/predict', pred)
    config = lam.get_config()
    golden.record(lam.name + '/config_keys', sorted(config.keys()))
    golden.record(lam.name + '/config_types', [config['function_type'],
                                               config['output_shape_type']])
    keep = {k: v for k, v in config.items()
            if not (k == 'function' and config['function_type'] == 'lambda')
            and not (k == 'output_shape' and config['output_shape_type'] == 'lambda')}
    golden.record(lam.name + '/config', jsonable(keep))
golden.record('lambda/get_output_shape_for/tuple', plain(lam2.get_output_shape_for((7, 3))))
golden.record('lambda/get_output_shape_for/function', plain(lam3.get_output_shape_for((7, 3))))
golden.record('lambda/get_output_shape_for/none', plain(lam1.get_output_shape_for((7, 3))))
golden.record('lambda/get_output_shape_for/list', plain(lam5.get_output_shape_for([(7, 3), (7, 3)])))
golden.record('lambda/supports_masking', lam1.supports_masking)


# Lambda whose function takes the mask
def masked_fn(t, mask=None):
    return t * 3.


lam7 = Lambda(masked_fn, output_shape=(3,))
out7 = lam7(vec)
describe(lam7)
golden.record(lam7.name + '/predict', Model(input=vec, output=out7).predict(xv))
golden.record(lam7.name + '/arguments_after_call', sorted(lam7.arguments.keys()))

# Lambda inside a Sequential, after a Dense
s2 = Sequential()
s2.add(Dense(3, input_dim=3))
s2.add(Lambda(lambda t: K.exp(t), output_shape=(3,)))
s2.layers[0].set_weights([rng.uniform(-1, 1, size=(3, 3)).astype('float32'),
                          rng.uniform(-1, 1, size=(3,)).astype('float32')])
describe(s2.layers[1])
golden.record('lambda_seq/predict', s2.predict(xv))

# --- errors
show_error('reshape_bad_size', lambda: Sequential([Reshape((5,), input_shape=(2, 3))]))
show_error('reshape_two_unknown', lambda: Sequential([Reshape((-1, -1), input_shape=(2, 3))]))
show_error('reshape_unknown_not_divisible',
           lambda: Sequential([Reshape((-1, 4), input_shape=(2, 3))]))
show_error('flatten_undefined', lambda: Flatten()(Input(shape=(None, 3))))
show_error('flatten_2d', lambda: Flatten()(Input(shape=(3,))))
show_error('repeat_3d', lambda: RepeatVector(2)(Input(shape=(2, 3))))
show_error('lambda_bad_output_shape', lambda: Lambda(lambda t: t, output_shape=3))
show_error('lambda_output_shape_fn_returns_int',
           lambda: Lambda(lambda t: t, output_shape=lambda s: 3)(Input(shape=(3,))))
