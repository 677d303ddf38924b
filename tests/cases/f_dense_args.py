# Dense arguments that set weights and shapes (weights=, bias=False,
# input_shape, batch_input_shape, input_dim, 3-D input), shapes of layers and models,
# get_weights / set_weights, and the errors for unknown arguments and bad weights.
import numpy as np

np.random.seed(7)

import golden
from keras.models import Sequential
from keras.layers import Dense

rng = np.random.RandomState(3)
W = rng.randn(3, 4).astype('float32')
b = rng.randn(4).astype('float32')
x = rng.rand(5, 3).astype('float32')


def shapes(label, model):
    info = {
        'model.input_shape': model.input_shape,
        'model.output_shape': model.output_shape,
        'layers': [(l.name, l.input_shape, l.output_shape) for l in model.layers],
    }
    print(label, info)
    golden.record('shapes/' + label, info)


m = Sequential()
m.add(Dense(4, input_dim=3, weights=[W, b]))
shapes('weights', m)
golden.record('weights/get_weights', m.get_weights(), rtol=0, atol=0)
golden.record('weights/predict', m.predict(x), rtol=1e-5)
print('weights given are used:', bool(np.array_equal(m.get_weights()[0], W)))

m = Sequential()
m.add(Dense(4, input_shape=(3,), weights=[W.astype('float64'), b.astype('float64')]))
print('float64 weights= dtypes', [str(w.dtype) for w in m.get_weights()])
golden.record('weights64/predict', m.predict(x), rtol=1e-5)

m = Sequential()
m.add(Dense(4, input_dim=3, bias=False, weights=[W]))
shapes('nobias', m)
print('nobias get_weights', [w.shape for w in m.get_weights()])
golden.record('nobias/predict', m.predict(x), rtol=1e-5)

m = Sequential()
m.add(Dense(4, batch_input_shape=(None, 3), activation='tanh', weights=[W, b]))
m.add(Dense(2, weights=[rng.randn(4, 2).astype('float32'), np.zeros(2, dtype='float32')]))
shapes('batch_input_shape', m)
golden.record('batch_input_shape/predict', m.predict(x), rtol=1e-5)
golden.record('batch_input_shape/get_weights', m.get_weights(), rtol=0, atol=0)

m = Sequential()
m.add(Dense(4, batch_input_shape=(5, 3), weights=[W, b]))
shapes('fixed_batch', m)
golden.record('fixed_batch/predict', m.predict(x, batch_size=5), rtol=1e-5)

m = Sequential()
m.add(Dense(4, input_shape=(2, 3), weights=[W, b]))
shapes('3d_input', m)
x3 = rng.rand(6, 2, 3).astype('float32')
pred3 = m.predict(x3)
print('3d predict shape', pred3.shape)
golden.record('3d_input/predict', pred3, rtol=1e-5)

print('## set_weights')
m = Sequential()
m.add(Dense(4, input_dim=3))
m.add(Dense(2))
before = m.get_weights()
print('get_weights shapes', [w.shape for w in before], [str(w.dtype) for w in before])
new = [rng.randn(*w.shape).astype('float32') for w in before]
m.set_weights(new)
after = m.get_weights()
print('set_weights equal:', [bool(np.array_equal(a, n)) for a, n in zip(after, new)])
golden.record('set_weights/get_weights', after, rtol=0, atol=0)
golden.record('set_weights/predict', m.predict(x), rtol=1e-5)
m.layers[1].set_weights([np.ones((4, 2)), np.zeros(2)])
print('layer set_weights float64 ->', [str(w.dtype) for w in m.layers[1].get_weights()])
golden.record('layer_set_weights/predict', m.predict(x), rtol=1e-5)


def error(label, fn):
    try:
        fn()
        print(label, 'no error')
    except Exception as e:
        print(label, type(e).__name__, str(e))


error('Dense(3, foo=1)', lambda: Dense(3, foo=1))
error('Dense(3, input_dim=2, output_shape=4)', lambda: Dense(3, input_dim=2, output_shape=4))
error("Dense(3, activation='nope')", lambda: Dense(3, activation='nope'))
error("Dense(3, init='nope')", lambda: Dense(3, init='nope'))
error('Dense(3) first without input shape', lambda: Sequential().add(Dense(3)))
error('layer.set_weights wrong length',
      lambda: m.layers[1].set_weights([np.ones((4, 2), dtype='float32')]))
error('layer.set_weights wrong shape',
      lambda: m.layers[1].set_weights([np.ones((3, 2), dtype='float32'), np.zeros(2, dtype='float32')]))
error('weights= wrong shape',
      lambda: Sequential().add(Dense(4, input_dim=3, weights=[np.ones((2, 4), dtype='float32'), b])))
print('weights unchanged after errors:',
      [bool(np.array_equal(a, c)) for a, c in zip(m.layers[1].get_weights(), [np.ones((4, 2)), np.zeros(2)])])
