# The Theano API that Keras-1-era code used directly (theano_api_used.json):
# theano.function (updates with a counter shared variable, givens, allow_input_downcast,
# on_unused_input, outputs as a list / a single variable / none, keyword inputs),
# theano.shared, theano.config.floatX (and K.set_floatx, which does not change it),
# theano.scan (cumulative sum, a power recurrence, a polynomial with T.arange, taps,
# several outputs, n_steps, the returned updates), theano.map / foldl, T.grad (with
# pprint of the gradient), T.nnet.*, T.arange / concatenate / repeat / set_subtensor /
# inc_subtensor / indexing, theano.printing.pprint and debugprint of small expressions
# (including a scan), theano.gradient.disconnected_grad, theano.clone(replace=),
# theano.ifelse.ifelse.
import numpy as np
import theano
import theano.tensor as T
from theano.ifelse import ifelse
from keras import backend as K

import golden

np.random.seed(0)
rng = np.random.RandomState(17)
floatX = theano.config.floatX


def fact(key, value):
    print('%s: %r' % (key, value))
    golden.record(key, value)


def err(key, fn):
    try:
        fn()
    except Exception as e:
        print('%s -> %s' % (key, type(e).__name__))
        golden.record(key, type(e).__name__)
    else:
        print('%s -> no error' % key)
        golden.record(key, None)


fact('config.floatX', theano.config.floatX)
fact('T.scalar dtype', T.scalar().dtype)
fact('T.matrix dtype', T.matrix().dtype)
fact('T.ivector dtype', T.ivector().dtype)
fact('T.fvector dtype', T.fvector().dtype)
fact('T.dscalar dtype', T.dscalar().dtype)

# --- theano.shared and a counter updated by a function
state = theano.shared(0, name='state')
fact('shared int dtype', state.dtype)
inc = T.iscalar('inc')
accumulator = theano.function([inc], state, updates=[(state, state + inc)])
golden.record('counter/returns', [int(accumulator(1)), int(accumulator(300))])
fact('counter/value', int(state.get_value()))
state.set_value(-1)
golden.record('counter/after_set_value', int(accumulator(3)))
fact('counter/final', int(state.get_value()))
decrementor = theano.function([inc], state, updates=[(state, state - inc)])
golden.record('counter/decrement', int(decrementor(2)))
fact('counter/after_decrement', int(state.get_value()))

w = theano.shared(np.zeros(3, dtype=floatX), name='w')
fact('shared float dtype', w.dtype)
fact('shared name', w.name)
fact('shared broadcastable', list(w.broadcastable))
x = T.vector('x')
step = theano.function([x], [w.sum(), w * 2], updates={w: w + x})
r1 = step(np.array([1., 2., 3.], dtype=floatX))
r2 = step(np.array([1., 1., 1.], dtype=floatX))
golden.record('shared_updates/r1', r1)
golden.record('shared_updates/r2', r2)
golden.record('shared_updates/w', w.get_value())

# --- givens
fn_of_state = state * 2 + inc
foo = T.scalar(dtype=state.dtype)
skip_shared = theano.function([inc, foo], fn_of_state, givens=[(state, foo)])
golden.record('givens/value', int(skip_shared(1, 3)))
fact('givens/state_unchanged', int(state.get_value()))
y = T.vector('y')
f_giv = theano.function([y], T.dot(x, y), givens={x: w})
golden.record('givens/shared', f_giv(np.array([1., 0., 2.], dtype=floatX)))

# --- allow_input_downcast, on_unused_input, outputs forms
fx = T.fvector('fx')
f_double = theano.function([fx], fx * 2, allow_input_downcast=True)
golden.record('downcast/float64_array', f_double(np.array([1.5, 2.5])))
golden.record('downcast/list', f_double([1.5, 2.5]))
f_strict = theano.function([fx], fx * 2)
err('downcast/strict_float64_array', lambda: f_strict(np.array([1.5, 2.5])))
err('downcast/strict_list_exact', lambda: f_strict([1.5, 2.5]))
err('downcast/strict_list_inexact', lambda: f_strict([0.1, 0.2]))
golden.record('downcast/strict_float32', f_strict(np.array([1.5, 2.5], dtype='float32')))
s1 = T.scalar('s1')
s2 = T.scalar('s2')
err('unused_input/default', lambda: theano.function([s1, s2], s1 * 2))
f_ign = theano.function([s1, s2], s1 * 2, on_unused_input='ignore')
golden.record('unused_input/ignore', f_ign(1.5, 100.))
f_warn = theano.function([s1, s2], s1 * 3, on_unused_input='warn')
golden.record('unused_input/warn', f_warn(1.5, 100.))
single = theano.function([s1], s1 + 1)(2.)
fact('outputs/single_type', type(single).__name__)
fact('outputs/single_shape', list(np.shape(single)))
lst = theano.function([s1], [s1 + 1])(2.)
fact('outputs/list_type', type(lst).__name__)
fact('outputs/list_len', len(lst))
none = theano.function([s1], [], on_unused_input='ignore')(2.)
fact('outputs/none', none)
f_kw = theano.function([s1, s2], s1 - s2)
golden.record('keyword_inputs', f_kw(s2=1., s1=5.))
golden.record('scalar_dtype', str(f_kw(5., 1.).dtype))
f_name = theano.function([s1], s1 * 2, name='doubler')
fact('function/name', f_name.name)
f_mode = theano.function([s1], s1 * 2, mode='FAST_COMPILE')
golden.record('function/mode_fast_compile', f_mode(4.))
fact('function/type', type(f_name).__name__)

# --- theano.config.floatX and K.set_floatx
K.set_floatx('float64')
fact('set_floatx/K.floatx', K.floatx())
fact('set_floatx/theano.config.floatX', theano.config.floatX)
fact('set_floatx/K.variable dtype', K.variable(1.).dtype)
fact('set_floatx/T.scalar dtype', T.scalar().dtype)
K.set_floatx('float32')
theano.config.floatX = 'float64'
fact('config_floatX_set/T.matrix dtype', T.matrix().dtype)
fact('config_floatX_set/K.floatx', K.floatx())
theano.config.floatX = 'float32'
fact('config_floatX_restored/T.matrix dtype', T.matrix().dtype)

# --- scan: cumulative sum
v = T.vector('v')
result, updates = theano.scan(fn=lambda xi, acc: acc + xi, sequences=v,
                              outputs_info=T.as_tensor_variable(np.asarray(0, floatX)))
fact('scan/result_type', type(result).__name__)
fact('scan/updates_type', type(updates).__name__)
fact('scan/updates_len', len(updates))
fact('scan/result_ndim', result.ndim)
cumsum = theano.function([v], result, updates=updates)
golden.record('scan/cumsum', cumsum(np.array([1., 2., 3., 4.], dtype=floatX)))
print('== debugprint(scan cumulative sum)')
theano.printing.debugprint(result)

# power: A ** k with outputs_info, non_sequences and n_steps
k = T.iscalar('k')
A = T.vector('A')
result, updates = theano.scan(fn=lambda prior_result, A: prior_result * A,
                              outputs_info=T.ones_like(A), non_sequences=A, n_steps=k)
final_result = result[-1]
power = theano.function(inputs=[A, k], outputs=final_result, updates=updates)
golden.record('scan/power', power(np.arange(5, dtype=floatX), 3))
all_powers = theano.function(inputs=[A, k], outputs=result, updates=updates)
golden.record('scan/power_all', all_powers(np.arange(3, dtype=floatX), 4))
print('== debugprint(scan power, result[-1])')
theano.printing.debugprint(final_result)

# polynomial: sequences with T.arange (shortest sequence wins)
coefficients = T.vector('coefficients')
xs = T.scalar('xs')
components, updates = theano.scan(
    fn=lambda coefficient, pw, free_variable: coefficient * (free_variable ** pw),
    outputs_info=None, sequences=[coefficients, T.arange(1000)], non_sequences=xs)
polynomial = components.sum()
calc = theano.function(inputs=[coefficients, xs], outputs=polynomial)
golden.record('scan/polynomial', calc(np.array([1, 0, 2], dtype=floatX), 3.))
golden.record('scan/polynomial_dtype', str(calc(np.array([1, 0, 2], dtype=floatX), 3.).dtype))

# taps: fibonacci-like recurrence
x0 = T.vector('x0')
fib, updates = theano.scan(fn=lambda xm2, xm1: xm2 + xm1,
                           outputs_info=[dict(initial=x0, taps=[-2, -1])], n_steps=6)
golden.record('scan/taps', theano.function([x0], fib)(np.array([1., 1.], dtype=floatX)))

# two outputs: a list comes back
seq = T.vector('seq')
(s_sum, s_prod), updates = theano.scan(
    fn=lambda xi, a, b: [a + xi, b * xi], sequences=seq,
    outputs_info=[T.as_tensor_variable(np.asarray(0, floatX)),
                  T.as_tensor_variable(np.asarray(1, floatX))])
two = theano.function([seq], [s_sum, s_prod])(np.array([1., 2., 3.], dtype=floatX))
golden.record('scan/two_outputs', two)
res, _ = theano.scan(fn=lambda xi: [xi * 2, xi + 1], sequences=seq)
fact('scan/two_outputs_no_state_type', type(res).__name__)

# go_backwards, a matrix sequence (rows), and a gradient through scan
M = T.matrix('M')
rows, _ = theano.scan(fn=lambda row, acc: acc * 0.5 + row, sequences=M,
                      outputs_info=T.zeros_like(M[0]), go_backwards=True)
Mv = np.arange(6, dtype=floatX).reshape(3, 2)
golden.record('scan/go_backwards_rows', theano.function([M], rows)(Mv))
g_scan = T.grad(rows[-1].sum(), M)
golden.record('scan/grad', theano.function([M], g_scan)(Mv))
mapped, _ = theano.map(lambda row: row.sum() * 2, sequences=M)
golden.record('map', theano.function([M], mapped)(Mv))
folded, _ = theano.foldl(lambda row, acc: acc + row, sequences=M, outputs_info=T.zeros_like(M[0]))
golden.record('foldl', theano.function([M], folded)(Mv))

# --- T.grad and pprint
xd = T.dscalar('x')
yd = xd ** 2
gy = T.grad(yd, xd)
print('== pprint(gy)')
print(theano.printing.pprint(gy))
fgy = theano.function([xd], gy)
golden.record('grad/x2_at_4', fgy(4))
golden.record('grad/x2_at_94.2', fgy(94.2))
print('== pprint(fgy.maker.fgraph.outputs[0])')
print(theano.printing.pprint(fgy.maker.fgraph.outputs[0]))
xm = T.dmatrix('x')
s = T.sum(1 / (1 + T.exp(-xm)))
gs = T.grad(s, xm)
dlogistic = theano.function([xm], gs)
golden.record('grad/logistic', dlogistic([[0, 1], [-1, -2]]))
W = theano.shared(np.asarray(rng.uniform(-1, 1, (3, 2)), dtype=floatX), name='W')
bb = theano.shared(np.zeros(2, dtype=floatX), name='bb')
xin = T.matrix('xin')
cost = T.mean(T.sqr(T.tanh(T.dot(xin, W) + bb)))
gW, gb = T.grad(cost, [W, bb])
golden.record('grad/wrt_shared', theano.function([xin], [gW, gb])(np.ones((2, 3), dtype=floatX)))
err('grad/non_scalar_cost', lambda: T.grad(xm * 2, xm))
err('grad/disconnected', lambda: T.grad(T.sum(xm), xd))
golden.record('grad/disconnected_ignore',
              theano.function([xm, xd], T.grad(T.sum(xm), xd, disconnected_inputs='ignore'),
                              on_unused_input='ignore')([[1.]], 2.))

# disconnected_grad
xa = T.vector('xa')
expr = T.sum(xa ** 2 + theano.gradient.disconnected_grad(xa ** 2) * xa)
golden.record('disconnected_grad', theano.function([xa], T.grad(expr, xa))(
    np.array([1., 2.], dtype=floatX)))

# clone with replace
xc = T.scalar('xc')
yc = T.scalar('yc')
zc = xc * 2 + 1
zc2 = theano.clone(zc, replace={xc: yc ** 2})
golden.record('clone/replace', theano.function([yc], zc2)(3.))
golden.record('clone/original', theano.function([xc], zc)(3.))
print('== pprint(zc2)')
print(theano.printing.pprint(zc2))

# --- T.nnet
P = np.array([[1., 2., 3.], [1., 1., -1.]], dtype=floatX)
mx = T.matrix('mx')
for name in ['sigmoid', 'softmax', 'relu', 'softplus', 'hard_sigmoid', 'elu', 'ultra_fast_sigmoid']:
    fn = getattr(T.nnet, name)
    golden.record('nnet/%s' % name, theano.function([mx], fn(mx))(P), rtol=1e-5)
golden.record('nnet/relu_alpha', theano.function([mx], T.nnet.relu(mx, 0.1))(P - 2))
golden.record('nnet/softsign', theano.function([mx], T.nnet.softsign(mx))(P))
probs = np.array([[0.2, 0.7, 0.1], [0.3, 0.3, 0.4]], dtype=floatX)
onehot = np.array([[0., 1., 0.], [0., 0., 1.]], dtype=floatX)
tm = T.matrix('tm')
golden.record('nnet/categorical_crossentropy_onehot',
              theano.function([mx, tm], T.nnet.categorical_crossentropy(mx, tm))(probs, onehot))
iv = T.ivector('iv')
golden.record('nnet/categorical_crossentropy_int',
              theano.function([mx, iv], T.nnet.categorical_crossentropy(mx, iv))(
                  probs, np.array([1, 2], dtype='int32')))
golden.record('nnet/binary_crossentropy',
              theano.function([mx, tm], T.nnet.binary_crossentropy(mx, tm))(probs, onehot))
print('== debugprint(T.nnet.categorical_crossentropy(mx, iv))')
theano.printing.debugprint(T.nnet.categorical_crossentropy(mx, iv))
print('== debugprint(T.nnet.binary_crossentropy(mx, tm))')
theano.printing.debugprint(T.nnet.binary_crossentropy(mx, tm))

# --- tensor building blocks
Xv = np.arange(12, dtype=floatX).reshape(3, 4)
X = T.matrix('X')
n = T.iscalar('n')
golden.record('T.arange', theano.function([n], T.arange(n))(4))
golden.record('T.arange_dtype', str(theano.function([n], T.arange(n))(4).dtype))
golden.record('T.arange_start_stop_step', theano.function([n], T.arange(1, n, 2))(8))
golden.record('T.concatenate_0', theano.function([X], T.concatenate([X, X * 2]))(Xv))
golden.record('T.concatenate_1', theano.function([X], T.concatenate([X, X * 2], axis=1))(Xv))
golden.record('T.repeat', theano.function([X], T.repeat(X, 2, axis=0))(Xv))
golden.record('T.repeat_flat', theano.function([X], T.repeat(X, 2))(Xv))
golden.record('T.set_subtensor', theano.function([X], T.set_subtensor(X[1:, :2], 0.))(Xv))
golden.record('T.inc_subtensor', theano.function([X], T.inc_subtensor(X[0], 10.))(Xv))
golden.record('T.set_subtensor_advanced',
              theano.function([X, iv], T.set_subtensor(X[T.arange(iv.shape[0]), iv], -1.))(
                  Xv, np.array([3, 0, 1], dtype='int32')))
golden.record('index/slice', theano.function([X], X[1:, ::2])(Xv))
golden.record('index/neg', theano.function([X], X[-1])(Xv))
golden.record('index/list', theano.function([X], X[[0, 2]])(Xv))
golden.record('index/ivector', theano.function([X, iv], X[iv])(Xv, np.array([2, 2, 0], dtype='int32')))
golden.record('index/pairs', theano.function([X, iv], X[T.arange(iv.shape[0]), iv])(
    Xv, np.array([3, 0, 1], dtype='int32')))
golden.record('index/column', theano.function([X], X[:, 1])(Xv))
golden.record('index/newaxis_dimshuffle', theano.function([X], X.dimshuffle(1, 'x', 0))(Xv))
golden.record('T.sum_axis1', theano.function([X], X.sum(axis=1))(Xv))
golden.record('T.mean_keepdims', theano.function([X], T.mean(X, axis=0, keepdims=True))(Xv))
golden.record('T.max_argmax', theano.function([X], [T.max(X, axis=1), T.argmax(X, axis=1)])(Xv))
golden.record('T.switch', theano.function([X], T.switch(T.gt(X, 5), X, -X))(Xv))
golden.record('T.eq_cast', theano.function([X], T.cast(T.eq(X % 3, 0), 'int32'))(Xv))
golden.record('T.reshape_flatten', theano.function([X], [T.reshape(X, (2, 6)), T.flatten(X),
                                                         X.flatten(2)])(Xv))
golden.record('T.zeros_ones_like', theano.function([X], [T.zeros_like(X), T.ones_like(X)])(Xv))
golden.record('T.alloc', theano.function([n], T.alloc(np.float32(1.5), n, 2))(3))
golden.record('T.stack', theano.function([X], T.stack([X[0], X[1]]))(Xv))
golden.record('T.tile', theano.function([X], T.tile(X[:2, :2], (2, 3)))(Xv))
golden.record('T.clip_maximum_minimum',
              theano.function([X], [T.clip(X, 2, 8), T.maximum(X, 5), T.minimum(X, 5)])(Xv))
golden.record('T.math', theano.function([X], [T.sqr(X), T.sqrt(X), T.exp(X / 10),
                                              T.log(X + 1), T.tanh(X / 10), T.sgn(X - 5),
                                              T.abs_(X - 5), T.prod(X + 1, axis=0),
                                              T.std(X), T.var(X, axis=1)])(Xv), rtol=1e-5)
golden.record('T.dot_vector', theano.function([X, y], T.dot(X, y))(Xv, np.ones(4, dtype=floatX)))
golden.record('T.outer', theano.function([x, y], T.outer(x, y))(
    np.arange(3, dtype=floatX), np.arange(2, dtype=floatX)))
golden.record('to_one_hot', theano.function([iv], T.extra_ops.to_one_hot(iv, 4))(
    np.array([0, 3, 1], dtype='int32')))
golden.record('to_one_hot_dtype', str(theano.function([iv], T.extra_ops.to_one_hot(iv, 4))(
    np.array([0, 3, 1], dtype='int32')).dtype))
golden.record('ifelse', [float(theano.function([s1, s2], ifelse(T.lt(s1, s2), s1, s2))(a_, b_))
                         for a_, b_ in [(1., 2.), (3., 2.)]])
golden.record('index/bool_mask', theano.function([X], X[X > 5])(Xv))  # Theano >= 0.10

# --- pprint and debugprint of small expressions
a_ = T.scalar('a')
b_ = T.scalar('b')
print('== pprint(a + b * 2)')
print(theano.printing.pprint(a_ + b_ * 2))
print('== pprint(T.exp(a) / (1 + T.exp(a)))')
print(theano.printing.pprint(T.exp(a_) / (1 + T.exp(a_))))
print('== pprint(T.dot(X, y).sum())')
print(theano.printing.pprint(T.dot(X, y).sum()))
print('== debugprint(T.set_subtensor(X[1:, :2], 0.))')
theano.printing.debugprint(T.set_subtensor(X[1:, :2], 0.))
print('== debugprint(X[T.arange(iv.shape[0]), iv])')
theano.printing.debugprint(X[T.arange(iv.shape[0]), iv])
print('== debugprint(T.repeat(X, 2, axis=0))')
theano.printing.debugprint(T.repeat(X, 2, axis=0))
print('== debugprint(ifelse(T.lt(a, b), a, b))')
theano.printing.debugprint(ifelse(T.lt(a_, b_), a_, b_))
print('== debugprint(T.grad(T.sum(T.tanh(X)), X))')
theano.printing.debugprint(T.grad(T.sum(T.tanh(X)), X))
