# A Dense layer's W / b as Theano shared variables: what
# set_value accepts (and refuses) where legacy_keras must behave as Theano 1.0.5 did,
# get_value, and the variable's attributes. Cases where legacy_keras deliberately differs
# from Theano (float64 / int arrays, inexact lists, wrong shapes, borrow=True aliasing)
# are in f_shared_set_value_divergent.
import numpy as np

np.random.seed(11)

import golden
import theano
from keras.models import Sequential
from keras.layers import Dense

model = Sequential()
model.add(Dense(2, input_dim=3))
layer = model.layers[0]
W = layer.W
b = layer.b


def attempt(label, var, value, **kwargs):
    before = var.get_value()
    try:
        var.set_value(value, **kwargs)
    except Exception as e:
        print(label, '->', type(e).__name__, str(e))
        print('   unchanged:', bool(np.array_equal(var.get_value(), before)))
        return
    now = var.get_value()
    print(label, '-> ok', now.dtype, now.shape)
    golden.record('set_value/' + label, now, rtol=0, atol=0)


print('## attributes')
print('W.name', W.name)
print('b.name', b.name)
print('W.dtype', W.dtype)
print('W.broadcastable', W.broadcastable)
print('b.broadcastable', b.broadcastable)
print('W.ndim', W.ndim, 'b.ndim', b.ndim)
print('str(W.type)', str(W.type))
print('str(b.type)', str(b.type))
print('str(W)', str(W))
print('type(W).__name__', type(W).__name__)
print('isinstance(W, theano.compile.SharedVariable)', isinstance(W, theano.compile.SharedVariable))

print('## get_value')
value = W.get_value()
print('get_value', type(value).__name__, value.dtype, value.shape)
borrowed = W.get_value(borrow=True)
print('get_value(borrow=True)', type(borrowed).__name__, borrowed.dtype, borrowed.shape,
      bool(np.array_equal(borrowed, value)))
internal = W.get_value(borrow=True, return_internal_type=True)
print('get_value(borrow=True, return_internal_type=True)', type(internal).__name__, internal.dtype)
copy = W.get_value()
copy[0, 0] = 123.0
print('get_value() is a copy:', float(W.get_value()[0, 0]) != 123.0)
evaluated = W.eval()
print('W.eval()', type(evaluated).__name__, evaluated.dtype, evaluated.shape,
      bool(np.array_equal(evaluated, W.get_value())))
print('b.eval()', b.eval().tolist())

print('## set_value accepted')
attempt('float32 array', W, np.arange(6, dtype='float32').reshape(3, 2))
print('eval after set_value', W.eval().tolist())
attempt('list of lists of ints', W, [[1, 2], [3, 4], [5, 6]])
attempt('list of lists of exact floats', W, [[1.5, 2.25], [3.0, -4.0], [0.5, 6.0]])
attempt('tuple of tuples', W, ((1, 0), (0, 1), (1, 1)))
attempt('int8 array', W, np.ones((3, 2), dtype='int8'))
attempt('uint8 array', W, np.full((3, 2), 200, dtype='uint8'))
attempt('int16 array', W, np.full((3, 2), -7, dtype='int16'))
attempt('float16 array', W, np.full((3, 2), 0.5, dtype='float16'))
attempt('bool array', W, np.ones((3, 2), dtype=bool))
attempt('fortran-order float32', W, np.asfortranarray(np.arange(6, dtype='float32').reshape(3, 2)))
attempt('float32 transposed view', W, np.arange(6, dtype='float32').reshape(2, 3).T)
attempt('b float32', b, np.array([0.25, -0.5], dtype='float32'))
attempt('b list', b, [1, 2])
attempt('float32 borrow=True', W, np.full((3, 2), 3.0, dtype='float32'), borrow=True)

print('## the seed scaling idiom')
W.set_value(np.arange(1, 7, dtype='float32').reshape(3, 2) / np.float32(7))
start = W.get_value()
W.set_value(W.get_value(borrow=True) * 0.1)
print('scaled by python float:', W.get_value().dtype)
golden.record('scale/python_float', W.get_value(), rtol=0, atol=0)
W.set_value(start)
# NumPy 1 keeps float32 * np.float64 scalar in float32; NumPy 2 gives float64 (which
# legacy_keras casts back, warning once): the values agree to float32 rounding.
W.set_value(W.get_value(borrow=True) * np.float64(0.1))
print('scaled by np.float64 scalar:', W.get_value().dtype)
golden.record('scale/np_float64', W.get_value(), rtol=1e-6, atol=0)
W.set_value(start)
W.set_value(W.get_value() * np.float32(0.1))
golden.record('scale/np_float32', W.get_value(), rtol=0, atol=0)

print('## set_value refused')
attempt('scalar python float', W, 3.0)
attempt('numpy float32 scalar', W, np.float32(3.0))
attempt('1-d array for a matrix', W, np.ones(6, dtype='float32'))
attempt('3-d array for a matrix', W, np.ones((3, 2, 1), dtype='float32'))
attempt('2-d array for a vector', b, np.ones((1, 2), dtype='float32'))
attempt('string', W, 'abc')
attempt('ragged list', W, [[1, 2], [3]])

print('## predict follows set_value')
W.set_value(np.array([[1, 0], [0, 1], [1, 1]], dtype='float32'))
b.set_value(np.array([0.5, -0.5], dtype='float32'))
x = np.array([[1, 2, 3], [0.5, 0.25, -1]], dtype='float32')
pred = model.predict(x)
print('predict', pred.tolist())
golden.record('predict', pred, rtol=1e-6)
