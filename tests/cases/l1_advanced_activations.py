# Keras 1 advanced activations: LeakyReLU (alpha), PReLU (seeded alphas, weights=,
# shared_axes), ELU (alpha), ParametricSoftplus (alpha_init / beta_init, seeded weights,
# shared_axes), ThresholdedReLU (theta), SReLU (seeded t_left / a_left / t_right /
# a_right, shared_axes). Records test-phase numbers on inputs with both signs, output
# shapes, weight names / shapes / order, get_config and the debugprint of layer.output.
import json
import re

import numpy as np
import theano
from keras import backend as K
from keras.layers import Input, Dense
from keras.layers.advanced_activations import (LeakyReLU, PReLU, ELU, ParametricSoftplus,
                                               ThresholdedReLU, SReLU)
from keras.models import Sequential, Model

import golden

np.random.seed(1337)
rng = np.random.RandomState(2017)


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
    golden.record(key + '/weight_shapes', [list(w.shape) for w in layer.get_weights()])
    golden.record(key + '/config', jsonable(layer.get_config()))


def randomize(layer, low=-1., high=1.):
    layer.set_weights([rng.uniform(low, high, size=w.shape).astype('float32')
                       for w in layer.get_weights()])


def run(layer, inp, x, key=None):
    key = key or layer.name
    out = layer.output
    model = Model(input=inp, output=out)
    golden.record(key + '/predict', model.predict(x))
    golden.record(key + '/test_phase',
                  K.function([inp, K.learning_phase()], [out])([x, 0])[0])


x2 = np.array([[-3., -1., -0.5, 0.], [0.25, 0.5, 1., 2.5], [-2., 1.5, -0.1, 3.]],
              dtype='float32')
inp = Input(shape=(4,), name='x')
x3 = rng.uniform(-2, 2, size=(2, 3, 4)).astype('float32')
inp3 = Input(shape=(3, 4), name='x3')

# --- LeakyReLU
for alpha, name in [(0.3, None), (0.01, 'leaky_small')]:
    layer = LeakyReLU(alpha=alpha, name=name) if name else LeakyReLU()
    layer(inp)
    describe(layer)
    run(layer, inp, x2)

# --- PReLU: default init 'zero', seeded alphas, weights=, shared_axes
prelu = PReLU()
prelu(inp)
golden.record('prelu/initial_alphas', prelu.get_weights()[0])
randomize(prelu, 0., 0.5)
describe(prelu)
run(prelu, inp, x2)

given = [rng.uniform(0., 0.5, size=(4,)).astype('float32')]
prelu_w = PReLU(weights=given, name='prelu_weights')
prelu_w(inp)
describe(prelu_w)
golden.record('prelu_weights/weights_equal_given',
              bool(np.array_equal(prelu_w.get_weights()[0], given[0])))
run(prelu_w, inp, x2)

prelu_shared = PReLU(shared_axes=[1], name='prelu_shared')
prelu_shared(inp3)
randomize(prelu_shared, 0., 0.5)
describe(prelu_shared)
run(prelu_shared, inp3, x3)

prelu_3d = PReLU(name='prelu_3d')
prelu_3d(inp3)
randomize(prelu_3d, 0., 0.5)
describe(prelu_3d)
run(prelu_3d, inp3, x3)

# PReLU after a Dense in a Sequential
seq = Sequential()
seq.add(Dense(3, input_dim=4))
seq.add(PReLU())
randomize(seq.layers[0])
randomize(seq.layers[1], 0., 0.5)
describe(seq.layers[1])
golden.record('seq_prelu/predict', seq.predict(x2))
golden.record('seq_prelu/weight_names', [w.name for l in seq.layers for w in l.weights])

# --- ELU
for alpha, name in [(1.0, None), (0.5, 'elu_half')]:
    layer = ELU(alpha=alpha, name=name) if name else ELU()
    layer(inp)
    describe(layer)
    run(layer, inp, x2)

# --- ParametricSoftplus
psp = ParametricSoftplus()
psp(inp)
golden.record('psp/initial_weights', psp.get_weights())
describe(psp)
run(psp, inp, x2, 'psp_default')
psp2 = ParametricSoftplus(alpha_init=0.5, beta_init=2., name='psp_random')
psp2(inp)
randomize(psp2, 0.2, 2.)
describe(psp2)
run(psp2, inp, x2)
psp_shared = ParametricSoftplus(shared_axes=[1], name='psp_shared')
psp_shared(inp3)
randomize(psp_shared, 0.2, 2.)
describe(psp_shared)
run(psp_shared, inp3, x3)

# --- ThresholdedReLU
for theta, name in [(1.0, None), (0.3, 'thresholded_low')]:
    layer = ThresholdedReLU(theta=theta, name=name) if name else ThresholdedReLU()
    layer(inp)
    describe(layer)
    run(layer, inp, x2)

# --- SReLU
srelu = SReLU()
srelu(inp)
w = srelu.get_weights()
golden.record('srelu/initial_t_left', w[0])
golden.record('srelu/initial_a_right', w[3])
srelu.set_weights([rng.uniform(-1.5, -0.5, size=(4,)).astype('float32'),   # t_left
                   rng.uniform(0., 0.5, size=(4,)).astype('float32'),      # a_left
                   rng.uniform(0.5, 2., size=(4,)).astype('float32'),      # t_right
                   rng.uniform(0.5, 2., size=(4,)).astype('float32')])     # a_right
describe(srelu)
run(srelu, inp, x2)
srelu_shared = SReLU(shared_axes=[1], name='srelu_shared')
srelu_shared(inp3)
srelu_shared.set_weights([rng.uniform(-1.5, -0.5, size=(1, 4)).astype('float32'),
                          rng.uniform(0., 0.5, size=(1, 4)).astype('float32'),
                          rng.uniform(0.5, 2., size=(1, 4)).astype('float32'),
                          rng.uniform(0.5, 2., size=(1, 4)).astype('float32')])
describe(srelu_shared)
run(srelu_shared, inp3, x3)
