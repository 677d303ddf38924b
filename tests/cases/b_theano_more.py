# Theano names that Keras-1-era user scripts used directly (Theano-tutorial style code,
# RL code bases): theano.tensor.nnet.conv2d / conv3d / abstract_conv (AbstractConv2d,
# AbstractConv2d_gradInputs), theano.tensor.signal.pool (pool_2d, pool_3d, Pool),
# theano.sandbox.rng_mrg.MRG_RandomStreams, theano.compile.function_module.Function,
# theano.tensor.nnet.softsign (and theano.tensor.nnet.nnet.softsign),
# theano.tensor.nnet.bn (batch_normalization, batch_normalization_train / _test).
# A tiny conv + pool net in raw Theano (shared weights from a seeded RandomState),
# compiled with theano.function, trained a few SGD steps; its debugprint.
# Random numbers (MRG_RandomStreams) are recorded as shapes, dtypes, ranges and
# statistics only.
import numpy as np
import theano
import theano.tensor as T
import theano.tensor.signal.pool
from theano.tensor.nnet import conv2d
from theano.tensor.signal import pool
from theano.tensor.nnet.abstract_conv import AbstractConv2d_gradInputs
from theano.sandbox.rng_mrg import MRG_RandomStreams
from theano.compile.function_module import Function
from theano.tensor.nnet import bn

import golden

rng = np.random.RandomState(1234)
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


def shared(shape, name, scale=0.5):
    return theano.shared(rng.uniform(-scale, scale, shape).astype(floatX), name=name)


# --- a LeNet-style net, as in the Theano tutorial
x = T.tensor4('x')
y = T.ivector('y')
W1 = shared((4, 2, 3, 3), 'W1')
b1 = theano.shared(np.linspace(-0.1, 0.1, 4).astype(floatX), name='b1')
W2 = shared((3, 4, 2, 2), 'W2')
W3 = shared((12, 5), 'W3')
b3 = theano.shared(np.zeros(5, dtype=floatX), name='b3')

conv1 = conv2d(input=x, filters=W1, filter_shape=(4, 2, 3, 3), input_shape=(None, 2, 10, 10))
h1 = T.tanh(conv1 + b1.dimshuffle('x', 0, 'x', 'x'))
p1 = pool.pool_2d(input=h1, ws=(2, 2), ignore_border=True)
h2 = T.nnet.relu(conv2d(p1, W2, border_mode='half'))
p2 = theano.tensor.signal.pool.pool_2d(h2, (2, 2), ignore_border=True,
                                       mode='average_exc_pad')
out = T.nnet.softmax(T.dot(p2.flatten(2), W3) + b3)

print('== debugprint(conv1)')
theano.printing.debugprint(conv1)
print('== debugprint(p1)')
theano.printing.debugprint(p1)
print('== debugprint(out)')
theano.printing.debugprint(out)

xv = rng.uniform(-1, 1, (3, 2, 10, 10)).astype(floatX)
yv = np.array([0, 3, 1], dtype='int32')
predict = theano.function([x], out)
golden.record('net/predict', predict(xv), rtol=1e-5)
golden.record('net/conv1', theano.function([x], conv1)(xv), rtol=1e-5)
golden.record('net/p1', theano.function([x], p1)(xv), rtol=1e-5)
golden.record('net/p2', theano.function([x], p2)(xv), rtol=1e-5)
fact('net/p1 shape', theano.function([x], p1)(xv).shape)

cost = T.nnet.categorical_crossentropy(out, y).mean()
params = [W1, b1, W2, W3, b3]
grads = T.grad(cost, params)
golden.record('net/grads', theano.function([x, y], grads)(xv, yv), rtol=1e-4)
train = theano.function([x, y], cost,
                        updates=[(p, p - 0.1 * g) for p, g in zip(params, grads)])
golden.record('net/costs', [float(train(xv, yv)) for _ in range(5)], rtol=1e-4)
golden.record('net/W1 after', W1.get_value(), rtol=1e-4)

# --- theano.tensor.nnet.conv2d arguments
img = T.tensor4('img')
kern = T.tensor4('kern')
iv = rng.uniform(-1, 1, (2, 2, 7, 6)).astype(floatX)
kv = rng.uniform(-1, 1, (3, 2, 3, 2)).astype(floatX)
variants = [
    ('valid', dict()),
    ('full', dict(border_mode='full')),
    ('half', dict(border_mode='half')),
    ('pad (1, 2)', dict(border_mode=(1, 2))),
    ('pad 1', dict(border_mode=1)),
    ('subsample', dict(subsample=(2, 2))),
    ('no flip', dict(filter_flip=False)),
    ('dilation', dict(filter_dilation=(2, 2))),
    ('full subsample', dict(border_mode='full', subsample=(2, 1))),
]
for label, kwargs in variants:
    res = conv2d(img, kern, **kwargs)
    print('== conv2d %s' % label)
    theano.printing.debugprint(res)
    golden.record('conv2d/' + label, theano.function([img, kern], res)(iv, kv), rtol=1e-5)
res = T.nnet.conv2d(img, kern, image_shape=(2, 2, 7, 6), filter_shape=(3, 2, 3, 2))
print('== conv2d image_shape=')
theano.printing.debugprint(res)
golden.record('conv2d/image_shape', theano.function([img, kern], res)(iv, kv), rtol=1e-5)
# gradients of a convolution with respect to its image and kernel
res = conv2d(img, kern, filter_shape=(3, 2, 3, 2), border_mode='full', subsample=(2, 1))
gi, gk = T.grad((res ** 2).sum(), [img, kern])
golden.record('conv2d/grads', theano.function([img, kern], [gi, gk])(iv, kv), rtol=1e-4)

# the deprecated theano.tensor.nnet.conv.conv2d (Theano's ConvOp)
from theano.tensor.nnet import conv
res = conv.conv2d(img, kern, image_shape=(2, 2, 7, 6), filter_shape=(3, 2, 3, 2))
golden.record('conv.conv2d valid', theano.function([img, kern], res)(iv, kv), rtol=1e-5)
res = conv.conv2d(img, kern, border_mode='full', subsample=(2, 1))
golden.record('conv.conv2d full', theano.function([img, kern], res)(iv, kv), rtol=1e-5)

# AbstractConv2d_gradInputs: the transposed convolution
topgrad = T.tensor4('topgrad')
tv = rng.uniform(-1, 1, (2, 3, 5, 5)).astype(floatX)
op = AbstractConv2d_gradInputs(imshp=(2, 2, 7, 6), kshp=(3, 2, 3, 2))
res = op(kern, topgrad, (7, 6))
print('== AbstractConv2d_gradInputs')
theano.printing.debugprint(res)
golden.record('conv2d_gradInputs', theano.function([kern, topgrad], res)(kv, tv), rtol=1e-5)

# conv3d (channels first: batch, channels, depth, rows, cols)
vol = T.TensorType(floatX, (False,) * 5)('vol')
kern5 = T.TensorType(floatX, (False,) * 5)('kern5')
vv = rng.uniform(-1, 1, (2, 2, 5, 4, 4)).astype(floatX)
k5 = rng.uniform(-1, 1, (3, 2, 2, 3, 2)).astype(floatX)
for label, kwargs in [('valid', dict()), ('half', dict(border_mode='half')),
                      ('subsample', dict(subsample=(2, 1, 2), filter_flip=False))]:
    res = T.nnet.conv3d(vol, kern5, **kwargs)
    print('== conv3d %s' % label)
    theano.printing.debugprint(res)
    golden.record('conv3d/' + label, theano.function([vol, kern5], res)(vv, k5), rtol=1e-5)

# --- theano.tensor.signal.pool
t = T.tensor4('t')
tv = rng.uniform(-1, 1, (2, 3, 7, 5)).astype(floatX)
pools = [
    ('max ignore_border', dict(ws=(2, 2), ignore_border=True)),
    ('max border kept', dict(ws=(2, 2), ignore_border=False)),
    ('max stride', dict(ws=(3, 2), stride=(2, 1), ignore_border=True)),
    ('max pad', dict(ws=(3, 3), pad=(1, 1), ignore_border=True)),
    ('sum', dict(ws=(2, 2), ignore_border=True, mode='sum')),
    ('average_inc_pad', dict(ws=(3, 3), stride=(2, 2), pad=(1, 1), ignore_border=True,
                             mode='average_inc_pad')),
    ('average_exc_pad', dict(ws=(3, 3), stride=(2, 2), pad=(1, 1), ignore_border=True,
                             mode='average_exc_pad')),
    ('ds st', dict(ds=(2, 2), st=(1, 1), ignore_border=True)),
    ('padding', dict(ws=(2, 2), padding=(1, 1), ignore_border=True)),
    ('default ignore_border', dict(ws=(2, 2))),
]
for label, kwargs in pools:
    res = pool.pool_2d(t, **kwargs)
    print('== pool_2d %s' % label)
    theano.printing.debugprint(res)
    golden.record('pool_2d/' + label, theano.function([t], res)(tv), rtol=1e-5)
res = pool.pool_2d(t, ws=(2, 2), ignore_border=True, mode='average_inc_pad')
golden.record('pool_2d/grad', theano.function([t], T.grad((res ** 2).sum(), t))(tv),
              rtol=1e-5)
res = pool.pool_2d(t, ws=(3, 2), stride=(2, 1), ignore_border=True)
golden.record('pool_2d/max grad', theano.function([t], T.grad((res ** 2).sum(), t))(tv),
              rtol=1e-5)
pools_more = [
    ('max overlap border kept', dict(ws=(3, 3), stride=(2, 1), ignore_border=False)),
    ('inc_pad border kept', dict(ws=(2, 3), ignore_border=False, mode='average_inc_pad')),
    ('exc_pad border kept', dict(ws=(3, 2), stride=(2, 2), ignore_border=False,
                                 mode='average_exc_pad')),
]
for label, kwargs in pools_more:
    res = pool.pool_2d(t, **kwargs)
    golden.record('pool_2d/' + label, theano.function([t], res)(tv), rtol=1e-5)
    golden.record('pool_2d/' + label + ' grad',
                  theano.function([t], T.grad((res ** 2).sum(), t))(tv), rtol=1e-5)
res = pool.pool_2d(t, ws=(3, 3), pad=(1, 1), ignore_border=True, mode='average_exc_pad')
err('pool_2d exc_pad pad grad',
    lambda: theano.function([t], T.grad((res ** 2).sum(), t))(tv))
err('pool_2d no ws', lambda: pool.pool_2d(t, ignore_border=True))
err('pool_2d ws and ds', lambda: pool.pool_2d(t, ws=(2, 2), ds=(2, 2), ignore_border=True))
err('Pool bad mode', lambda: pool.Pool(mode='median'))
op = pool.Pool(ignore_border=True, mode='max', ndim=2)
fact('Pool str', str(op))
res = op(t, (2, 2), (2, 2), (0, 0))
golden.record('Pool op', theano.function([t], res)(tv), rtol=1e-5)
res = pool.pool_3d(vol, ws=(2, 2, 2), ignore_border=True)
print('== pool_3d')
theano.printing.debugprint(res)
golden.record('pool_3d', theano.function([vol], res)(vv), rtol=1e-5)
res = pool.pool_3d(vol, ws=(2, 3, 2), ignore_border=False, mode='average_inc_pad')
golden.record('pool_3d average', theano.function([vol], res)(vv), rtol=1e-5)

# --- MRG_RandomStreams
srng = MRG_RandomStreams(seed=234)
u = srng.uniform((2000,))
u2 = srng.uniform(size=(40, 50), low=-3, high=2)
nrm = srng.normal((2000,), avg=1.0, std=2.0)
nrm_odd = srng.normal(size=(3, 5))
bino = srng.binomial(size=(2000,), p=0.3)
bino_f = srng.binomial(size=(10, 20), p=0.8, dtype=floatX)
for key, v in [('uniform', u), ('uniform low high', u2), ('normal', nrm),
               ('normal odd', nrm_odd), ('binomial', bino), ('binomial floatX', bino_f)]:
    fact('mrg/%s dtype' % key, v.dtype)
    fact('mrg/%s ndim' % key, v.ndim)
fact('mrg/updates len', len(srng.updates()))
fact('mrg/updates item len', [len(item) for item in srng.updates()])
fact('mrg/state dtype', srng.updates()[0][0].dtype)
fact('mrg/state is shared', isinstance(srng.updates()[0][0], theano.compile.SharedVariable))
fact('mrg/default_update set', all(item[0].default_update is item[1]
                                   for item in srng.updates()))
fact('mrg/u.rstate', u.owner is not None)
draw = theano.function([], [u, u2, nrm, nrm_odd, bino, bino_f])
first = draw()
second = draw()
fact('mrg/shapes', [a.shape for a in first])
fact('mrg/dtypes', [str(a.dtype) for a in first])
fact('mrg/calls differ', [bool(np.any(a != b)) for a, b in zip(first, second)])
uv, u2v, nv, nov, bv, bfv = first
fact('mrg/uniform in (0, 1)', bool(uv.min() > 0 and uv.max() < 1))
fact('mrg/uniform mean ~ 0.5', bool(abs(uv.mean() - 0.5) < 0.05))
fact('mrg/uniform low high in range', bool(u2v.min() >= -3 and u2v.max() <= 2))
fact('mrg/uniform low high mean ~ -0.5', bool(abs(u2v.mean() + 0.5) < 0.2))
fact('mrg/normal mean ~ 1', bool(abs(nv.mean() - 1.0) < 0.2))
fact('mrg/normal std ~ 2', bool(abs(nv.std() - 2.0) < 0.2))
fact('mrg/binomial values', sorted(set(bv.tolist())))
fact('mrg/binomial mean ~ 0.3', bool(abs(bv.mean() - 0.3) < 0.05))
fact('mrg/binomial floatX values', sorted(set(bfv.ravel().tolist())))
frozen = theano.function([], u, no_default_updates=True)
fact('mrg/no_default_updates repeats', bool(np.all(frozen() == frozen())))
print('== debugprint(srng.uniform((3,)))')
theano.printing.debugprint(MRG_RandomStreams(seed=5).uniform((3,)))
err('mrg binomial n=2', lambda: srng.binomial(size=(3,), n=2))
err('mrg seed 0', lambda: MRG_RandomStreams(seed=0))
# a symbolic size and dropout as Keras 1 wrote it
h = T.matrix('h')
keep = srng.binomial(h.shape, p=0.75, dtype=floatX)
dropped = theano.function([h], h * keep / 0.75)(np.ones((50, 40), dtype=floatX))
fact('mrg/dropout values', sorted(set(np.round(dropped.ravel(), 4).tolist())))
fact('mrg/dropout shape', dropped.shape)
srng.seed(99)
after_seed = draw()
fact('mrg/seed() changes the draw', bool(np.any(after_seed[0] != second[0])))

# --- theano.compile.function_module.Function
fact('isinstance Function', isinstance(predict, Function))
fact('isinstance theano.compile.function_module.Function',
     isinstance(draw, theano.compile.function_module.Function))

# --- softsign
v = T.vector('v')
ss = T.nnet.softsign(v)
print('== debugprint(T.nnet.softsign(v))')
theano.printing.debugprint(ss)
vv1 = np.array([-3.0, -0.5, 0.0, 0.25, 10.0], dtype=floatX)
golden.record('softsign', theano.function([v], ss)(vv1), rtol=1e-6)
fact('nnet.nnet.softsign is nnet.softsign',
     theano.tensor.nnet.nnet.softsign is T.nnet.softsign)
golden.record('softsign grad', theano.function([v], T.grad(ss.sum(), v))(vv1), rtol=1e-6)

# --- batch normalization
m = T.matrix('m')
g = T.vector('g')
be = T.vector('be')
mu = T.vector('mu')
sd = T.vector('sd')
mv = rng.uniform(-2, 2, (4, 3)).astype(floatX)
gv = np.array([1.0, 0.5, 2.0], dtype=floatX)
bev = np.array([0.0, 0.1, -0.2], dtype=floatX)
muv = mv.mean(axis=0)
sdv = mv.std(axis=0) + np.float32(0.1)
for mode in ['low_mem', 'high_mem']:
    res = bn.batch_normalization(m, g, be, mu, sd, mode=mode)
    print('== batch_normalization mode=%s' % mode)
    theano.printing.debugprint(res)
    golden.record('bn/' + mode, theano.function([m, g, be, mu, sd], res)(mv, gv, bev, muv,
                                                                          sdv), rtol=1e-5)
res = T.nnet.batch_normalization(m, g.dimshuffle('x', 0), be.dimshuffle('x', 0),
                                 mu.dimshuffle('x', 0), sd.dimshuffle('x', 0))
cost_bn = (res ** 2).sum()
golden.record('bn/grads', theano.function([m, g, be, mu, sd], T.grad(cost_bn, [m, g, sd]))(
    mv, gv, bev, muv, sdv), rtol=1e-4)
err('bn bad mode', lambda: bn.batch_normalization(m, g, be, mu, sd, mode='other'))
out_tr, mean_tr, invstd_tr = bn.batch_normalization_train(m, g.dimshuffle('x', 0),
                                                          be.dimshuffle('x', 0))
golden.record('bn/train', theano.function([m, g, be], [out_tr, mean_tr, invstd_tr])(
    mv, gv, bev), rtol=1e-5)
out_te = bn.batch_normalization_test(m, g.dimshuffle('x', 0), be.dimshuffle('x', 0),
                                     mu.dimshuffle('x', 0), sd.dimshuffle('x', 0))
golden.record('bn/test', theano.function([m, g, be, mu, sd], out_te)(mv, gv, bev, muv, sdv),
              rtol=1e-5)
