# What theano.printing.debugprint prints for unnamed leaves,
# constants and the usual tensor operations a Keras 1 / Theano script writes by hand,
# including a graph with more than 26 nodes (ids past 'Z').
import numpy as np
import theano
import theano.tensor as T
from keras import backend as K


def show(label, var, **kwargs):
    print('==', label, '==')
    theano.printing.debugprint(var, **kwargs)


x = K.placeholder(ndim=2)
show('K.placeholder(ndim=2)', x)
show('K.placeholder(ndim=2), print_type=True', x, print_type=True)
show("K.placeholder(shape=(None, 3), name='inp')", K.placeholder(shape=(None, 3), name='inp'))
show('K.placeholder(ndim=3)', K.placeholder(ndim=3))
show('K.placeholder(ndim=1)', K.placeholder(ndim=1))
m = T.matrix()
show('T.matrix()', m)
show("T.matrix('m')", T.matrix('m'))
v = T.vector('v')
show("T.vector('v')", v)
show("T.vector('v'), print_type=True", v, print_type=True)
show('T.scalar()', T.scalar())
show("T.iscalar('i'), print_type=True", T.iscalar('i'), print_type=True)
show('T.tensor3()', T.tensor3())
show('T.row()', T.row(), print_type=True)
show('T.col()', T.col(), print_type=True)
show("T.dmatrix('d'), print_type=True", T.dmatrix('d'), print_type=True)
show("T.lvector(), print_type=True", T.lvector(), print_type=True)

show('x * 0.5', x * 0.5)
show('x * 0.5, print_type=True', x * 0.5, print_type=True)
show('x + 1', x + 1)
show('x - 2.5', x - 2.5)
show('x / 3', x / 3)
show('2 * x', 2 * x)
show('-x', -x)
show('x ** 2', x ** 2)
show('x * x', x * x)
show('x + m', x + m)
show('x + v', x + v)
show('v + 1', v + 1)
show('T.dot(x, m)', T.dot(x, m))
show('T.dot(x, v)', T.dot(x, v))
show('K.dot(x, m)', K.dot(x, m))
show('x.sum(axis=1)', x.sum(axis=1))
show('x.sum()', x.sum())
show('x[:, 1]', x[:, 1])
show('x[0]', x[0])
show('x[1:3]', x[1:3])
show('x[:, :2], print_type=True', x[:, :2], print_type=True)
show('T.exp(x)', T.exp(x))
show('T.log(x)', T.log(x))
show('T.sqrt(x)', T.sqrt(x))
show('T.maximum(x, 0)', T.maximum(x, 0))
show('T.tanh(x)', T.tanh(x))
show('T.nnet.sigmoid(x)', T.nnet.sigmoid(x))
show('T.nnet.softmax(x)', T.nnet.softmax(x))
show('x.T', x.T)
show('x.reshape((-1,))', x.reshape((-1,)))
show('x.reshape((2, -1)), print_type=True', x.reshape((2, -1)), print_type=True)
show('x.dimshuffle(0, "x", 1)', x.dimshuffle(0, 'x', 1))
show('T.concatenate([x, m])', T.concatenate([x, m]))
show('T.concatenate([x, m], axis=1)', T.concatenate([x, m], axis=1))
show('K.concatenate([x, m])', K.concatenate([x, m]))
show('K.mean(x, axis=-1)', K.mean(x, axis=-1))
show('K.mean(x)', K.mean(x))
show('K.square(x)', K.square(x))
show('K.sum(x)', K.sum(x))
show('K.sum(x, axis=0)', K.sum(x, axis=0))
show('K.sum(x, axis=1, keepdims=True)', K.sum(x, axis=1, keepdims=True))
show('K.abs(x)', K.abs(x))
show('K.exp(x)', K.exp(x))
show('K.transpose(x)', K.transpose(x))

print('## constants')
show('x + np.ones(3, float32)', x + np.ones(3, dtype='float32'))
show('x + np.arange(3).astype(float32)', x + np.arange(3).astype('float32'))
show('x * np.float32(2.0)', x * np.float32(2.0))
show('T.constant(3.0)', T.constant(3.0))
show("T.constant(3.0), print_type=True", T.constant(3.0), print_type=True)
show("T.constant(2)", T.constant(2), print_type=True)
show("T.constant(np.zeros((2, 2)))", T.constant(np.zeros((2, 2))))
show("T.constant(1.5, name='c')", T.constant(1.5, name='c'))
show('x + T.constant(1.5, name="c")', x + T.constant(1.5, name='c'))

print('## shared variables')
show('K.variable(np.zeros((2, 3))) unnamed', K.variable(np.zeros((2, 3))))
show("K.variable(np.zeros((2, 3)), name='w'), print_type=True",
     K.variable(np.zeros((2, 3)), name='w'), print_type=True)
show("theano.shared(np.zeros(3, dtype='float32'))", theano.shared(np.zeros(3, dtype='float32')),
     print_type=True)
w = K.variable(np.zeros((3, 4)), name='w')
bias = K.variable(np.zeros(4), name='bias')
show('T.dot(x, w) + bias', T.dot(x, w) + bias)

print('## shared subexpressions')
y = T.exp(x)
show('y + y', y + y)
show('(x + 1) * (x + 1)', (x + 1) * (x + 1))
show('list [y, y * 2]', [y, y * 2])

print('## more than 26 nodes')
z = x
for i in range(12):
    z = T.tanh(z * 0.5 + i)
show('12 x tanh(z * 0.5 + i)', z)
show('depth=6', z, depth=6)
show("ids='int'", z, ids='int')
chain = v
for i in range(30):
    chain = T.exp(chain)
show('30 x T.exp', chain)

print('## non-symbolic objects')
theano.printing.debugprint(np.arange(3))
theano.printing.debugprint(7)
theano.printing.debugprint(2.5)
try:
    theano.printing.debugprint('abc')
except Exception as e:
    print(type(e).__name__, e.args[0])
try:
    theano.printing.debugprint(x, depth='1')
except Exception as e:
    print(type(e).__name__, e)
