# theano.printing.pprint of the expressions Keras-1-era code printed: infix
# operators (always parenthesised), unary minus, element-wise functions by name (exp,
# log, tanh, sqr, sqrt, sigmoid, softplus, clip, switch, maximum, eq, fill), |abs|, casts,
# \dot, transposes and other DimShuffles, Subtensor (constant / symbolic indices,
# slices with constant and symbolic bounds), MakeVector, join, alloc (T.zeros), sums and
# means (op name), greek leaf names, unnamed leaves and constants, shared variables,
# K-built graphs (a Dense layer's output, a loss), a gradient.
import numpy as np
import theano
import theano.tensor as T
from keras import backend as K
from keras.layers import Dense, Input

x = T.matrix('x')
y = T.vector('y')
i = T.lscalar('i')
alpha = T.scalar('alpha')
W = theano.shared(np.ones((3, 2), dtype='float32'), name='W')


def show(label, expression):
    print('== %s' % label)
    print(theano.printing.pprint(expression))


show('x - y', x - y)
show('-x', -x)
show('x / 2 // 3', (x / 2) // 3)
show('x ** 2', x ** 2)
show('exp log tanh', T.exp(T.log(T.tanh(x))))
show('sqr sqrt', T.sqr(T.sqrt(x)))
show('sigmoid softplus', T.nnet.sigmoid(T.nnet.softplus(x)))
show('abs', abs(x))
show('clip', T.clip(x, 0, 1))
show('switch', T.switch(T.gt(x, 0), x, 0))
show('maximum eq', T.maximum(x, T.eq(x, 1)))
show('cast', T.cast(x, 'int32'))
show('dot', T.dot(x, W))
show('dot vector', T.dot(x, y))
show('transpose', x.T)
show('dimshuffle', x.dimshuffle(1, 'x', 0))
show('expand', x.dimshuffle('x', 0, 1))
show('subtensor const', x[1, 2])
show('subtensor slices', x[1:, :2])
show('subtensor step', x[::2])
show('subtensor symbolic', x[i, i + 1])
show('subtensor symbolic slice', x[i:, :i])
show('stack scalars', T.stack([i, i + 1]))
show('concatenate', T.concatenate([x, x], axis=1))
show('zeros', T.zeros((i, 3)))
show('sum', x.sum())
show('sum axis', x.sum(axis=1))
show('mean', T.mean(x))
show('greek', alpha * x)
show('unnamed', T.matrix() + T.constant(np.arange(3, dtype='float32')))
show('shared', W * 2)
show('grad', T.grad(T.sum(T.tanh(x)), x))
inp = Input(shape=(3,), name='inp')
out = Dense(2, activation='relu', name='d')(inp)
show('Dense relu', out)
show('categorical_crossentropy', K.mean(K.categorical_crossentropy(out, K.placeholder(ndim=2))))
