# Theano 1.0.5's set_value / get_value where legacy_keras
# DELIBERATELY differs (listed in migration_guide.md):
# * a float64 (or int32/int64) array for a float32 variable: Theano raises TypeError;
#   legacy_keras casts and warns once (NumPy 2 promotion gives float64 where NumPy 1 gave
#   float32, so scripts that worked must keep working);
# * a Python list whose values float32 cannot hold exactly: Theano raises TypeError;
# * an array of the wrong shape: Theano accepts it silently (the layer is then broken);
#   legacy_keras raises ValueError naming the variable and both shapes;
# * borrow=True: Theano aliases the caller's array / its internal storage; legacy_keras
#   copies.
# This golden documents the reference behaviour; tests compare legacy_keras against the
# documented differences, not against this file verbatim.
import numpy as np

np.random.seed(12)

from keras.models import Sequential
from keras.layers import Dense

model = Sequential()
model.add(Dense(2, input_dim=3))
W = model.layers[0].W


def attempt(label, value, **kwargs):
    try:
        W.set_value(value, **kwargs)
    except Exception as e:
        print(label, '->', type(e).__name__, str(e))
        return
    now = W.get_value()
    print(label, '-> ok', now.dtype, now.shape, now.tolist())


W.set_value(np.zeros((3, 2), dtype='float32'))
attempt('float64 array of ones', np.ones((3, 2)))
attempt('float64 array of 0.1', np.full((3, 2), 0.1))
attempt('int64 array', np.ones((3, 2), dtype='int64'))
attempt('int32 array', np.ones((3, 2), dtype='int32'))
attempt('list of inexact floats', [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]])
attempt('wrong shape (4, 5)', np.ones((4, 5), dtype='float32'))
print('W.get_value().shape after wrong shape:', W.get_value().shape)
try:
    model.predict(np.ones((2, 3), dtype='float32'))
    print('predict after wrong shape: ok')
except Exception as e:
    print('predict after wrong shape:', type(e).__name__)

W.set_value(np.zeros((3, 2), dtype='float32'))
mine = np.arange(6, dtype='float32').reshape(3, 2)
W.set_value(mine, borrow=True)
mine[0, 0] = 100.0
print('set_value(borrow=True) aliases the caller array:', float(W.get_value()[0, 0]) == 100.0)
inner = W.get_value(borrow=True)
inner[0, 1] = 55.0
print('get_value(borrow=True) returns the internal array:', float(W.get_value()[0, 1]) == 55.0)
mine = np.arange(6, dtype='float32').reshape(3, 2)
W.set_value(mine)
mine[0, 0] = 100.0
print('set_value() copies:', float(W.get_value()[0, 0]) == 0.0)
