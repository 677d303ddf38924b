# K.batch_dot (Theano's batched_tensordot / BatchedDot), kept apart from
# b_backend_functions because BatchedDot's C code does not link without a BLAS in the
# reference environment: this case is regenerated with THEANO_FLAGS cxx= (Theano's
# Python implementations), see tests/goldens/README.md. Errors are not caught, so a
# regeneration with the wrong flags fails instead of recording them.
import numpy as np
import theano
from keras import backend as K

import golden

rng = np.random.RandomState(2016)


def f32(a):
    return np.asarray(a, dtype='float32')


a_np = f32(rng.uniform(-2, 2, size=(3, 4)))
b_np = f32(rng.uniform(-2, 2, size=(3, 4)))
x3_np = f32(rng.uniform(-1, 1, size=(2, 3, 4)))
y3_np = f32(rng.uniform(-1, 1, size=(2, 4, 5)))
a, b = K.variable(a_np), K.variable(b_np)
x3, y3 = K.variable(x3_np), K.variable(y3_np)

CASES = [
    ('axes1', lambda: K.batch_dot(a, b, axes=1),
     (a_np * b_np).sum(axis=1, keepdims=True)),
    ('default', lambda: K.batch_dot(x3, y3),
     np.einsum('bij,bjk->bik', x3_np, y3_np)),
    ('axes_1_2', lambda: K.batch_dot(K.variable(f32(np.arange(6).reshape(2, 3))),
                                     K.variable(f32(np.arange(30).reshape(2, 5, 3))),
                                     axes=(1, 2)),
     np.einsum('bi,bki->bk', np.arange(6).reshape(2, 3), np.arange(30).reshape(2, 5, 3))),
    ('3d_axes_2_2', lambda: K.batch_dot(x3, K.variable(f32(np.ones((2, 5, 4)))), axes=[2, 2]),
     np.einsum('bij,bkj->bik', x3_np, np.ones((2, 5, 4)))),
    ('3d_axes_1_1', lambda: K.batch_dot(x3, K.variable(f32(np.ones((2, 3, 2)))), axes=[1, 1]),
     np.einsum('bji,bjk->bik', x3_np, np.ones((2, 3, 2)))),
    ('int_axes', lambda: K.batch_dot(x3, x3, axes=2),
     np.einsum('bij,bkj->bik', x3_np, x3_np)),
]
for label, fn, expected in CASES:
    value = K.eval(fn())
    golden.record('batch_dot/' + label, value, rtol=1e-5)
    golden.record('batch_dot/' + label + '/matches_numpy',
                  bool(np.allclose(value, expected, atol=1e-5)))

x = K.placeholder(ndim=2, name='x')
y = K.placeholder(ndim=2, name='y')
x3p = K.placeholder(ndim=3, name='x3')
y3p = K.placeholder(ndim=3, name='y3')
print('== K.batch_dot(x, y, axes=1)')
theano.printing.debugprint(K.batch_dot(x, y, axes=1))
print('== K.batch_dot(x3, y3)')
theano.printing.debugprint(K.batch_dot(x3p, y3p))
print('== K.batch_dot(x3, y3, axes=[2, 2])')
theano.printing.debugprint(K.batch_dot(x3p, y3p, axes=[2, 2]))
