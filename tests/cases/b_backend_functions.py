# A table of Keras 1.2.2 backend (K.*) functions evaluated on fixed small
# arrays, K.eval(K.fn(K.variable(a), ...)) as Keras-era code and the Keras tests did.
# Each result is recorded with its dtype and shape (rtol 1e-5). Also the session
# helpers (int_shape, ndim, dtype, count_params, floatx, epsilon, image_dim_ordering,
# get_uid / reset_uids, backend()), K.function (updates, kwargs, the Function object),
# K.rnn, K.conv2d / K.pool2d in both orderings, the NumPy-seeded random variables, and
# the debugprint of a few symbolic results built on placeholders.
import numpy as np
import theano
from keras import backend as K

import golden

np.random.seed(1234)
rng = np.random.RandomState(2016)


def f32(a):
    return np.asarray(a, dtype='float32')


def ev(key, fn, rtol=1e-5, atol=1e-6):
    """Record K.eval(fn()) (or the exception raised) under key."""
    try:
        value = K.eval(fn())
    except Exception as e:
        print('%s -> %s' % (key, type(e).__name__))
        golden.record(key, {'error': type(e).__name__})
        return None
    golden.record(key, np.asarray(value), rtol=rtol, atol=atol)
    return value


def fact(key, value):
    print('%s: %r' % (key, value))
    golden.record(key, value)


# --- fixed inputs
a_np = f32(rng.uniform(-2, 2, size=(3, 4)))
a_np[1, 2] = 0.
b_np = f32(rng.uniform(-2, 2, size=(3, 4)))
b_np[0, :2] = a_np[0, :2]  # some equal entries
pos_np = f32(rng.uniform(0.5, 2, size=(3, 4)))
c_np = f32(rng.uniform(-1, 1, size=(4, 2)))
x3_np = f32(rng.uniform(-1, 1, size=(2, 3, 4)))
y3_np = f32(rng.uniform(-1, 1, size=(2, 4, 5)))
x4th_np = f32(rng.uniform(-1, 1, size=(1, 2, 4, 4)))
x4tf_np = np.transpose(x4th_np, (0, 2, 3, 1)).copy()
k_th_np = f32(rng.uniform(-1, 1, size=(3, 2, 3, 3)))
k_tf_np = np.transpose(k_th_np, (2, 3, 1, 0)).copy()
k2_th_np = f32(rng.uniform(-1, 1, size=(3, 2, 2, 2)))
golden.record('inputs/a', a_np)
golden.record('inputs/x4th', x4th_np)

a = K.variable(a_np, name='a')
b = K.variable(b_np, name='b')
pos = K.variable(pos_np, name='pos')
c = K.variable(c_np, name='c')
x3 = K.variable(x3_np, name='x3')
y3 = K.variable(y3_np, name='y3')
x4th = K.variable(x4th_np, name='x4th')
x4tf = K.variable(x4tf_np, name='x4tf')
k_th = K.variable(k_th_np, name='k_th')
k_tf = K.variable(k_tf_np, name='k_tf')
k2_th = K.variable(k2_th_np, name='k2_th')

# --- variables and constructors
ev('variable', lambda: a)
ev('variable_float64', lambda: K.variable([[1, 2], [3, 4]], dtype='float64'))
ev('variable_int32', lambda: K.variable([1, 2, 3], dtype='int32'))
ev('zeros', lambda: K.zeros((2, 3)))
ev('ones', lambda: K.ones((2, 3)))
ev('eye', lambda: K.eye(3))
ev('ones_like', lambda: K.ones_like(a))
ev('zeros_like', lambda: K.zeros_like(a))
ev('cast_int32', lambda: K.cast(a, 'int32'))
ev('cast_float64', lambda: K.cast(a, 'float64'))
ev('arange_5', lambda: K.arange(5))
ev('arange_2_8_2', lambda: K.arange(2, 8, 2))
ev('stack', lambda: K.stack([a, b]))
golden.record('random_uniform_variable',
              K.get_value(K.random_uniform_variable((2, 3), -1, 1)))
golden.record('random_normal_variable_mean_ignored',
              K.get_value(K.random_normal_variable((2, 3), 5., 0.5)))
ru = K.eval(K.random_uniform((50, 20), low=2., high=3.))
golden.record('random_uniform/shape_dtype', [list(ru.shape), str(ru.dtype)])
golden.record('random_uniform/in_range', bool(ru.min() >= 2. and ru.max() <= 3.))
rn = K.eval(K.random_normal((100, 50), mean=1., std=2.))
golden.record('random_normal/shape_dtype', [list(rn.shape), str(rn.dtype)])
golden.record('random_normal/plausible', bool(abs(rn.mean() - 1.) < 0.1 and abs(rn.std() - 2.) < 0.1))
rb = K.eval(K.random_binomial((100, 50), p=0.3))
golden.record('random_binomial/shape_dtype', [list(rb.shape), str(rb.dtype)])
golden.record('random_binomial/plausible', bool(set(np.unique(rb)) <= {0., 1.} and abs(rb.mean() - 0.3) < 0.05))

# --- linear algebra
ev('dot', lambda: K.dot(a, c))
ev('dot_3d_2d', lambda: K.dot(x3, K.variable(f32(rng.uniform(-1, 1, size=(4, 2))))))
# K.batch_dot: see b_backend_batch_dot (Theano's BatchedDot needs a BLAS to compile)
ev('transpose', lambda: K.transpose(a))
ev('transpose_3d', lambda: K.transpose(x3))
ref = K.variable(f32(np.arange(15).reshape(5, 3)))
ev('gather', lambda: K.gather(ref, K.variable([0, 2, 4, 2], dtype='int32')))
ev('gather_list', lambda: K.gather(ref, [1, 0]))
ev('gather_2d_indices', lambda: K.gather(ref, K.variable([[0, 1], [3, 3]], dtype='int32')))

# --- reductions
for name in ['max', 'min', 'sum', 'prod', 'mean', 'std', 'var']:
    fn = getattr(K, name)
    ev('%s/all' % name, lambda: fn(a))
    ev('%s/axis0' % name, lambda: fn(a, axis=0))
    ev('%s/axis1' % name, lambda: fn(a, axis=1))
    ev('%s/axis-1_keepdims' % name, lambda: fn(a, axis=-1, keepdims=True))
    ev('%s/keepdims_all' % name, lambda: fn(a, keepdims=True))
    ev('%s/3d_axes_0_2' % name, lambda: fn(x3, axis=[0, 2]))
ev('mean/int_input', lambda: K.mean(K.variable([[1, 2], [4, 4]], dtype='int32'), axis=0))
bools = K.variable(f32([[0, 1, 0], [0, 0, 0]]))
for name in ['any', 'all']:
    fn = getattr(K, name)
    ev('%s/all' % name, lambda: fn(bools))
    ev('%s/axis0' % name, lambda: fn(bools, axis=0))
    ev('%s/axis1_keepdims' % name, lambda: fn(bools, axis=1, keepdims=True))
    ev('%s/ones' % name, lambda: fn(K.ones((2, 2))))
ev('argmax/default', lambda: K.argmax(a))
ev('argmax/axis0', lambda: K.argmax(a, axis=0))
ev('argmin/default', lambda: K.argmin(a))
ev('argmin/axis0', lambda: K.argmin(a, axis=0))

# --- element-wise
ev('square', lambda: K.square(a))
ev('abs', lambda: K.abs(a))
ev('sqrt', lambda: K.sqrt(pos))
ev('sqrt_negative_clipped', lambda: K.sqrt(a))
ev('exp', lambda: K.exp(a))
ev('log', lambda: K.log(pos))
rnd = K.variable(f32([[0.5, 1.5, 2.5, -0.5], [-1.5, 0.49, 2.51, -2.5]]))
ev('round_half_to_even', lambda: K.round(rnd))
ev('sign', lambda: K.sign(a))
ev('pow_2', lambda: K.pow(a, 2))
ev('pow_3', lambda: K.pow(a, 3))
ev('pow_half', lambda: K.pow(pos, 0.5))
ev('clip', lambda: K.clip(a, -0.5, 0.5))
ev('clip_max_lt_min', lambda: K.clip(a, 0.5, 0.2))
ev('clip_max_none', lambda: K.clip(a, -1., None))
for name in ['equal', 'not_equal', 'greater', 'greater_equal', 'lesser', 'lesser_equal']:
    fn = getattr(K, name)
    ev('%s/vars' % name, lambda: fn(a, b))
    ev('%s/scalar' % name, lambda: fn(a, 0.))
ev('maximum', lambda: K.maximum(a, b))
ev('minimum', lambda: K.minimum(a, b))
ev('maximum_scalar', lambda: K.maximum(a, 0.5))
ev('sin', lambda: K.sin(a))
ev('cos', lambda: K.cos(a))
ev('operators', lambda: (a + b) * 2. - a / pos + (-b) ** 2)

# --- normalization
bx = K.variable(f32(rng.uniform(-1, 1, size=(4, 3))))
gamma = K.variable(f32([1., 2., 0.5]))
beta = K.variable(f32([0., 0.1, -0.2]))
normed, mean, var = K.normalize_batch_in_training(bx, gamma, beta, [0])
ev('normalize_batch_in_training/normed', lambda: normed)
ev('normalize_batch_in_training/mean', lambda: mean)
ev('normalize_batch_in_training/var', lambda: var)
ev('normalize_batch_in_training_eps', lambda: K.normalize_batch_in_training(
    bx, gamma, beta, [0], epsilon=0.5)[0])
bx4 = K.variable(f32(rng.uniform(-1, 1, size=(2, 3, 2, 2))))
g4 = K.reshape(gamma, (1, 3, 1, 1))
b4 = K.reshape(beta, (1, 3, 1, 1))
n4, m4, v4 = K.normalize_batch_in_training(bx4, g4, b4, [0, 2, 3])
ev('normalize_batch_in_training_4d/normed', lambda: n4)
ev('normalize_batch_in_training_4d/mean', lambda: m4)
ev('normalize_batch_in_training_4d/var', lambda: v4)
mv = K.variable(f32([0.1, -0.2, 0.3]))
vv = K.variable(f32([1.0, 0.5, 2.0]))
# parameters broadcast to x's ndim (as the BatchNormalization layer passes them); with 1-D
# parameters Keras 1.2.2 hands Theano a range() for the axes, which only works on Python 2
mv2, vv2 = K.reshape(mv, (1, 3)), K.reshape(vv, (1, 3))
beta2, gamma2 = K.reshape(beta, (1, 3)), K.reshape(gamma, (1, 3))
ev('batch_normalization', lambda: K.batch_normalization(bx, mv2, vv2, beta2, gamma2))
ev('batch_normalization_eps', lambda: K.batch_normalization(bx, mv2, vv2, beta2, gamma2,
                                                            epsilon=0.1))
ev('batch_normalization_4d', lambda: K.batch_normalization(
    bx4, K.reshape(mv, (1, 3, 1, 1)), K.reshape(vv, (1, 3, 1, 1)), b4, g4))

# --- shapes
ev('concatenate/-1', lambda: K.concatenate([a, b]))
ev('concatenate/0', lambda: K.concatenate([a, b, pos], axis=0))
ev('reshape', lambda: K.reshape(a, (2, 6)))
ev('reshape_minus1', lambda: K.reshape(a, (-1, 2)))
ev('permute_dimensions', lambda: K.permute_dimensions(x3, (2, 0, 1)))
small = K.variable(f32(np.arange(8).reshape(1, 2, 2, 2)))
ev('resize_images/th', lambda: K.resize_images(small, 2, 3, 'th'))
ev('resize_images/tf', lambda: K.resize_images(small, 2, 3, 'tf'))
ev('repeat_elements/axis1', lambda: K.repeat_elements(a, 2, axis=1))
ev('repeat_elements/axis0', lambda: K.repeat_elements(a, 3, axis=0))
ev('repeat', lambda: K.repeat(a, 3))
ev('tile_2_1', lambda: K.tile(a, (2, 1)))
ev('tile_1_3', lambda: K.tile(a, (1, 3)))
ev('flatten', lambda: K.flatten(a))
ev('batch_flatten', lambda: K.batch_flatten(x3))
ev('batch_flatten_4d', lambda: K.batch_flatten(x4th))
ev('expand_dims/default', lambda: K.expand_dims(a))
ev('expand_dims/1', lambda: K.expand_dims(a, 1))
ev('expand_dims/0', lambda: K.expand_dims(a, 0))
ev('squeeze', lambda: K.squeeze(K.expand_dims(a, 1), 1))
ev('temporal_padding', lambda: K.temporal_padding(x3))
ev('temporal_padding_2', lambda: K.temporal_padding(x3, 2))
ev('asymmetric_temporal_padding', lambda: K.asymmetric_temporal_padding(x3, 1, 2))
ev('spatial_2d_padding/th', lambda: K.spatial_2d_padding(small, (1, 2), dim_ordering='th'))
ev('spatial_2d_padding/tf', lambda: K.spatial_2d_padding(small, (1, 2), dim_ordering='tf'))
ev('spatial_2d_padding/default', lambda: K.spatial_2d_padding(small))
ev('asymmetric_spatial_2d_padding/th', lambda: K.asymmetric_spatial_2d_padding(
    small, 0, 1, 2, 0, dim_ordering='th'))
idx = K.variable([[0, 2], [1, 3]], dtype='int32')
ev('one_hot', lambda: K.one_hot(idx, 4))
ev('one_hot_1d', lambda: K.one_hot(K.variable([1, 0, 2], dtype='int32'), 3))
ev('reverse/0', lambda: K.reverse(a, 0))
ev('reverse/1', lambda: K.reverse(a, 1))
ev('reverse/0_2', lambda: K.reverse(x3, [0, 2]))

# --- control flow
ev('switch/elementwise', lambda: K.switch(K.greater(a, 0.), a, b))
ev('switch/scalar_true', lambda: K.switch(K.variable(1.), a, b))
ev('switch/scalar_false', lambda: K.switch(K.variable(0.), a, b))
ev('switch/callables', lambda: K.switch(K.variable(1.), lambda: a * 2, lambda: b))
f_phase = K.function([K.learning_phase()], [K.in_train_phase(a, b)])
golden.record('in_train_phase/0', f_phase([0])[0])
golden.record('in_train_phase/1', f_phase([1])[0])
f_phase_c = K.function([K.learning_phase()], [K.in_train_phase(lambda: a * 2., lambda: b)])
golden.record('in_train_phase/callables_1', f_phase_c([1])[0])
f_test = K.function([K.learning_phase()], [K.in_test_phase(a, b)])
golden.record('in_test_phase/0', f_test([0])[0])
golden.record('in_test_phase/1', f_test([1])[0])
itp = K.in_train_phase(a, b)
golden.record('in_train_phase/uses_learning_phase', bool(getattr(itp, '_uses_learning_phase', False)))

# --- activations and losses
ev('relu', lambda: K.relu(a))
ev('relu_alpha', lambda: K.relu(a, alpha=0.1))
ev('relu_max_value', lambda: K.relu(a, max_value=1.))
ev('relu_alpha_max_value', lambda: K.relu(a, 0.2, 1.5))
ev('elu', lambda: K.elu(a))
ev('elu_alpha', lambda: K.elu(a, 0.5))
ev('softmax', lambda: K.softmax(a))
ev('softplus', lambda: K.softplus(a))
ev('softsign', lambda: K.softsign(a))
ev('sigmoid', lambda: K.sigmoid(a))
ev('hard_sigmoid', lambda: K.hard_sigmoid(a))
ev('tanh', lambda: K.tanh(a))
probs_np = f32([[0.2, 0.5, 0.3, 0.0], [0.1, 0.1, 0.7, 0.1], [0.25, 0.25, 0.25, 0.25]])
probs = K.variable(probs_np)
unnorm = K.variable(probs_np * 3.)
onehot = K.variable(f32(np.eye(4)[[3, 2, 0]]))
ev('categorical_crossentropy', lambda: K.categorical_crossentropy(probs, onehot))
ev('categorical_crossentropy_unnormalised', lambda: K.categorical_crossentropy(unnorm, onehot))
ev('categorical_crossentropy_logits', lambda: K.categorical_crossentropy(a, onehot,
                                                                         from_logits=True))
sparse_t = K.variable(f32([[3], [2], [0]]))
ev('sparse_categorical_crossentropy', lambda: K.sparse_categorical_crossentropy(probs, sparse_t))
ev('sparse_categorical_crossentropy_logits', lambda: K.sparse_categorical_crossentropy(
    a, sparse_t, from_logits=True))
bin_t = K.variable(f32([[0, 1, 1, 0], [1, 1, 0, 0], [0, 0, 0, 1]]))
ev('binary_crossentropy', lambda: K.binary_crossentropy(probs, bin_t))
ev('binary_crossentropy_logits', lambda: K.binary_crossentropy(a, bin_t, from_logits=True))
ev('l2_normalize/1', lambda: K.l2_normalize(a, axis=1))
ev('l2_normalize/0', lambda: K.l2_normalize(a, axis=0))
ev('l2_normalize/-1', lambda: K.l2_normalize(x3, axis=-1))
ev('in_top_k/2', lambda: K.in_top_k(a, K.variable([2, 3, 1], dtype='int32'), 2))
ev('in_top_k/1', lambda: K.in_top_k(a, K.variable([2, 3, 1], dtype='int32'), 1))
ev('dropout_level0', lambda: K.dropout(a, 0.))

# the Theano backend binds the clipping epsilon at import: set_epsilon does not change it
K.set_epsilon(0.1)
fact('epsilon_after_set', K.epsilon())
ev('categorical_crossentropy_after_set_epsilon', lambda: K.categorical_crossentropy(probs, onehot))
K.set_epsilon(1e-7)

# --- convolutions and pooling
ev('conv2d/th_valid', lambda: K.conv2d(x4th, k_th, dim_ordering='th'))
ev('conv2d/th_same', lambda: K.conv2d(x4th, k_th, border_mode='same', dim_ordering='th'))
ev('conv2d/th_strides', lambda: K.conv2d(x4th, k_th, strides=(2, 2), border_mode='same',
                                         dim_ordering='th'))
ev('conv2d/th_even_same', lambda: K.conv2d(x4th, k2_th, border_mode='same', dim_ordering='th'))
ev('conv2d/th_full', lambda: K.conv2d(x4th, k2_th, border_mode='full', dim_ordering='th'))
ev('conv2d/tf_valid', lambda: K.conv2d(x4tf, k_tf, dim_ordering='tf'))
ev('conv2d/tf_same', lambda: K.conv2d(x4tf, k_tf, border_mode='same', dim_ordering='tf'))
ev('conv2d/default_ordering', lambda: K.conv2d(x4tf, k_tf))
ev('conv2d/th_shapes_given', lambda: K.conv2d(x4th, k_th, dim_ordering='th',
                                              image_shape=(1, 2, 4, 4),
                                              filter_shape=(3, 2, 3, 3)))
golden.record('conv2d/th_tf_agree', bool(np.allclose(
    K.eval(K.conv2d(x4th, k_th, border_mode='same', dim_ordering='th')),
    np.transpose(K.eval(K.conv2d(x4tf, k_tf, border_mode='same', dim_ordering='tf')),
                 (0, 3, 1, 2)), atol=1e-6)))
x5_np = f32(rng.uniform(-1, 1, size=(1, 2, 5, 5)))
x5 = K.variable(x5_np)
x5tf = K.variable(np.transpose(x5_np, (0, 2, 3, 1)).copy())
ev('pool2d/th_max_valid', lambda: K.pool2d(x5, (2, 2), strides=(2, 2), dim_ordering='th'))
ev('pool2d/th_avg_valid', lambda: K.pool2d(x5, (2, 2), strides=(2, 2), dim_ordering='th',
                                           pool_mode='avg'))
ev('pool2d/th_max_same', lambda: K.pool2d(x5, (2, 2), strides=(2, 2), border_mode='same',
                                          dim_ordering='th'))
ev('pool2d/th_avg_same', lambda: K.pool2d(x5, (2, 2), strides=(2, 2), border_mode='same',
                                          dim_ordering='th', pool_mode='avg'))
ev('pool2d/th_max_3_same_s1', lambda: K.pool2d(x5, (3, 3), strides=(1, 1), border_mode='same',
                                               dim_ordering='th'))
ev('pool2d/th_max_strides1', lambda: K.pool2d(x5, (2, 2), dim_ordering='th'))
ev('pool2d/tf_max_valid', lambda: K.pool2d(x5tf, (2, 2), strides=(2, 2), dim_ordering='tf'))
ev('pool2d/tf_avg_same', lambda: K.pool2d(x5tf, (2, 2), strides=(2, 2), border_mode='same',
                                          dim_ordering='tf', pool_mode='avg'))

# --- rnn with a simple step function
W_np = f32(rng.uniform(-1, 1, size=(4, 5)))
U_np = f32(rng.uniform(-1, 1, size=(5, 5)))
W = K.variable(W_np)
U = K.variable(U_np)


def step(x, states):
    h = K.tanh(K.dot(x, W) + K.dot(states[0], U))
    return h, [h]


def numpy_rnn(xs, backwards=False, mask=None):
    h = np.zeros((xs.shape[0], 5), dtype='float32')
    outs = []
    times = range(xs.shape[1])
    if backwards:
        times = reversed(times)
    for t in times:
        new = np.tanh(np.dot(xs[:, t], W_np) + np.dot(h, U_np))
        if mask is not None:
            m = mask[:, t][:, None]
            new = np.where(m, new, h)
        h = new
        outs.append(h)
    return h, np.stack(outs, axis=1)


for label, kwargs in [('plain', {}), ('go_backwards', {'go_backwards': True}),
                      ('unroll', {'unroll': True, 'input_length': 3})]:
    last, outputs, states = K.rnn(step, x3, [K.zeros((2, 5))], **kwargs)
    golden.record('rnn/%s/n_states' % label, len(states))
    ev('rnn/%s/last_output' % label, lambda: last)
    ev('rnn/%s/outputs' % label, lambda: outputs)
    ev('rnn/%s/state' % label, lambda: states[0])
    h_np, outs_np = numpy_rnn(x3_np, backwards=kwargs.get('go_backwards', False))
    golden.record('rnn/%s/matches_numpy' % label,
                  bool(np.allclose(K.eval(outputs), outs_np, atol=1e-5) and
                       np.allclose(K.eval(last), h_np, atol=1e-5)))
mask_np = np.array([[1, 1, 0], [1, 0, 1]], dtype='float32')
last, outputs, states = K.rnn(step, x3, [K.zeros((2, 5))], mask=K.variable(mask_np))
ev('rnn/mask/last_output', lambda: last)
ev('rnn/mask/outputs', lambda: outputs)
ev('rnn/mask/state', lambda: states[0])


def step_const(x, states):
    h = K.tanh(K.dot(x, W) + K.dot(states[0], U)) * states[1]
    return h, [h]


last, outputs, states = K.rnn(step_const, x3, [K.zeros((2, 5))],
                              constants=[K.variable(f32([0.5, 1., 1., 2., 1.]))])
golden.record('rnn/constants/n_states', len(states))
ev('rnn/constants/outputs', lambda: outputs)
ev('map_fn', lambda: K.map_fn(lambda row: K.sum(row) * 2., a))
ev('foldl', lambda: K.foldl(lambda acc, row: acc * 0.5 + row, a))
ev('foldr', lambda: K.foldr(lambda acc, row: acc * 0.5 + row, a))
ev('foldl_initializer', lambda: K.foldl(lambda acc, row: acc + K.sum(row),
                                        a, initializer=K.variable(np.float32(1.))))

# --- value manipulation, updates, gradients
v = K.variable(f32([[1., 2.], [3., 4.]]), name='v')
golden.record('get_value', K.get_value(v))
K.set_value(v, [[5, 6], [7, 8]])
golden.record('set_value', K.get_value(v))
w2 = K.variable(f32([1., 2., 3.]), name='w2')
golden.record('batch_get_value', K.batch_get_value([v, w2]))
K.batch_set_value([(v, np.zeros((2, 2))), (w2, [9, 8, 7])])
golden.record('batch_set_value', K.batch_get_value([v, w2]))
golden.record('get_variable_shape', list(K.get_variable_shape(w2)))
try:
    K.get_value(v * 2)
except Exception as e:
    fact('get_value_expression_error', [type(e).__name__, str(e)])
counter = K.variable(0., name='counter')
acc = K.variable(f32([0., 0.]), name='acc')
inp = K.placeholder(shape=(2,), name='inp')
f_upd = K.function([inp], [counter * 10., K.sum(inp)],
                   updates=[K.update_add(counter, 1.), K.update(acc, acc + inp),
                            K.update_sub(counter, 100.)])  # duplicate: first update wins
r1 = f_upd([f32([1., 2.])])
r2 = f_upd([f32([3., 4.])])
golden.record('function_updates/returns', [r1, r2])
golden.record('function_updates/counter', K.get_value(counter))
golden.record('function_updates/acc', K.get_value(acc))
mav = K.variable(f32([1., 1.]))
K.function([], [], updates=[K.moving_average_update(mav, K.variable(f32([3., 5.])), 0.9)])([])
golden.record('moving_average_update', K.get_value(mav))
fact('Function/type', type(f_upd).__name__)
fact('Function/has_function', hasattr(f_upd, 'function'))
fact('Function/function_type', type(f_upd.function).__name__)
fact('Function/call_returns', type(r1).__name__)
try:
    K.function([inp], [K.sum(inp)], foo=1)
except Exception as e:
    fact('function_bad_kwarg', [type(e).__name__, str(e)])
f_named = K.function([inp], [K.sum(inp)], name='my_function')
fact('function_name_kwarg', f_named.function.name)
gx = K.variable(f32([1., -2., 3.]))
ev('gradients_variable', lambda: K.gradients(K.sum(K.square(gx)), [gx])[0])
ev('stop_gradient', lambda: K.gradients(K.sum(K.square(gx) + K.stop_gradient(gx) * gx), gx))
ev('print_tensor', lambda: K.print_tensor(K.variable(f32([1., 2.])), message='x is'))

# --- shapes and session
fact('int_shape/variable', K.int_shape(a))
fact('int_shape/placeholder', K.int_shape(K.placeholder(shape=(None, 3, 4))))
fact('int_shape/placeholder_ndim', K.int_shape(K.placeholder(ndim=3)))
try:
    K.int_shape(a + 1)
except Exception as e:
    fact('int_shape/expression_error', [type(e).__name__, str(e.args[0])])
fact('ndim/variable', K.ndim(a))
fact('ndim/placeholder', K.ndim(K.placeholder(ndim=3)))
fact('dtype/variable', K.dtype(a))
fact('dtype/placeholder_int', K.dtype(K.placeholder(shape=(2,), dtype='int32')))
fact('dtype/expression', K.dtype(K.cast(a, 'int64')))
cp = K.count_params(a)
fact('count_params', int(cp))
fact('count_params/type', type(cp).__name__)
fact('shape_eval', [int(s) for s in K.shape(a).eval()])
fact('placeholder/name', K.placeholder(ndim=2, name='xx').name)
fact('placeholder/broadcastable', list(K.placeholder(shape=(1, 3)).broadcastable))
fact('variable/name', a.name)
fact('variable/unnamed', K.variable(1.).name)
fact('floatx', K.floatx())
fact('epsilon', K.epsilon())
fact('image_dim_ordering', K.image_dim_ordering())
K.set_image_dim_ordering('th')
fact('image_dim_ordering_after_set', K.image_dim_ordering())
ev('spatial_2d_padding/default_th', lambda: K.spatial_2d_padding(small))
K.set_image_dim_ordering('tf')
fact('get_uid/first', K.get_uid('foo'))
fact('get_uid/second', K.get_uid('foo'))
fact('get_uid/other', K.get_uid('bar'))
fact('get_uid/default_prefix', K.get_uid())
# Keras 1.2.2's Theano backend has no K.reset_uids / K.clear_session (TensorFlow only);
# reset_uids lives in keras.backend.common
from keras.backend.common import reset_uids
reset_uids()
fact('get_uid/after_reset', K.get_uid('foo'))
fact('backend', K.backend())
fact('learning_phase/name', K.learning_phase().name)
fact('cast_to_floatx', str(K.cast_to_floatx(np.arange(3)).dtype))
fact('is_keras_tensor', [K.is_keras_tensor(K.variable(1.)), K.is_keras_tensor(a + 1)])

# --- debugprint of symbolic results on placeholders
x = K.placeholder(ndim=2, name='x')
t = K.placeholder(ndim=2, name='t')
x4 = K.placeholder(ndim=4, name='x4')
kernel = K.variable(k_th_np, name='kernel')
kernel_tf = K.variable(k_tf_np, name='kernel_tf')
SYMBOLIC = [
    ('l2_normalize(x, axis=1)', lambda: K.l2_normalize(x, axis=1)),
    ('categorical_crossentropy(x, t)', lambda: K.categorical_crossentropy(x, t)),
    ('categorical_crossentropy(x, t, from_logits=True)',
     lambda: K.categorical_crossentropy(x, t, from_logits=True)),
    ('binary_crossentropy(x, t)', lambda: K.binary_crossentropy(x, t)),
    ('sparse_categorical_crossentropy(x, t)', lambda: K.sparse_categorical_crossentropy(x, t)),
    ('batch_flatten(x)', lambda: K.batch_flatten(x)),
    ('batch_flatten(x4)', lambda: K.batch_flatten(x4)),
    ('flatten(x)', lambda: K.flatten(x)),
    ('conv2d(x4, kernel, th, valid)', lambda: K.conv2d(x4, kernel, dim_ordering='th')),
    ('conv2d(x4, kernel_tf, tf, same)', lambda: K.conv2d(x4, kernel_tf, border_mode='same',
                                                        dim_ordering='tf')),
    ('pool2d(x4, (2, 2), th, max)', lambda: K.pool2d(x4, (2, 2), strides=(2, 2),
                                                     dim_ordering='th')),
    ('pool2d(x4, (2, 2), tf, avg, same)', lambda: K.pool2d(x4, (2, 2), strides=(2, 2),
                                                           border_mode='same',
                                                           dim_ordering='tf',
                                                           pool_mode='avg')),
    ('in_train_phase(x, t)', lambda: K.in_train_phase(x, t)),
    ('switch(greater(x, 0), x, t)', lambda: K.switch(K.greater(x, 0.), x, t)),
    ('sqrt(x)', lambda: K.sqrt(x)),
    ('mean(x, axis=1)', lambda: K.mean(x, axis=1)),
    ('std(x)', lambda: K.std(x)),
    ('relu(x, alpha=0.1, max_value=6.)', lambda: K.relu(x, alpha=0.1, max_value=6.)),
    ('hard_sigmoid(x)', lambda: K.hard_sigmoid(x)),
    ('softsign(x)', lambda: K.softsign(x)),
    ('elu(x)', lambda: K.elu(x)),
    ('clip(x, 0., 1.)', lambda: K.clip(x, 0., 1.)),
    ('round(x)', lambda: K.round(x)),
    ('dot(x, t)', lambda: K.dot(x, t)),
    ('batch_dot(x, t, axes=1)', lambda: K.batch_dot(x, t, axes=1)),
    ('concatenate([x, t])', lambda: K.concatenate([x, t])),
    ('reshape(x, (-1, 2))', lambda: K.reshape(x, (-1, 2))),
    ('permute_dimensions(x4, (0, 2, 3, 1))', lambda: K.permute_dimensions(x4, (0, 2, 3, 1))),
    ('expand_dims(x)', lambda: K.expand_dims(x)),
    ('squeeze(expand_dims(x, 1), 1)', lambda: K.squeeze(K.expand_dims(x, 1), 1)),
    ('repeat(x, 3)', lambda: K.repeat(x, 3)),
    ('one_hot(cast(x, int32), 3)', lambda: K.one_hot(K.cast(x, 'int32'), 3)),
    ('reverse(x, 1)', lambda: K.reverse(x, 1)),
    ('temporal_padding(expand_dims(x), 1)', lambda: K.temporal_padding(K.expand_dims(x), 1)),
    ('spatial_2d_padding(x4, th)', lambda: K.spatial_2d_padding(x4, dim_ordering='th')),
    ('gather(x, [0, 2])', lambda: K.gather(x, [0, 2])),
    ('argmax(x)', lambda: K.argmax(x)),
    ('equal(x, t)', lambda: K.equal(x, t)),
    ('pow(x, 2)', lambda: K.pow(x, 2)),
    ('square(x) / abs(x)', lambda: K.square(x) / K.abs(x)),
]
for label, fn in SYMBOLIC:
    print('== K.%s' % label)
    try:
        theano.printing.debugprint(fn())
    except Exception as e:
        print('error:', type(e).__name__)
