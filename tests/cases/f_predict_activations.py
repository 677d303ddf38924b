# Predictions of small Dense nets for every Keras 1 activation,
# with seeded weights, on fixed inputs that cover negative, small and large values
# (hard_sigmoid's clipping, relu's kink, softplus/elu on both sides).
import numpy as np

np.random.seed(21)

import golden
from keras.models import Sequential
from keras.layers import Dense, Activation

ACTIVATIONS = ['linear', 'tanh', 'sigmoid', 'hard_sigmoid', 'relu', 'softmax',
               'softplus', 'softsign', 'elu']

rng = np.random.RandomState(4)
W1 = (rng.randn(3, 4) * 2).astype('float32')
b1 = rng.randn(4).astype('float32')
W2 = rng.randn(4, 2).astype('float32')
b2 = rng.randn(2).astype('float32')
x = (rng.rand(6, 3) * 8 - 4).astype('float32')
x[0] = [0, 0, 0]
x[1] = [10, -10, 5]
golden.record('x', x, rtol=0, atol=0)

for act in ACTIVATIONS:
    model = Sequential()
    model.add(Dense(4, input_dim=3, activation=act, weights=[W1, b1]))
    pred = model.predict(x)
    print(act, pred.shape, pred.dtype)
    golden.record('dense/' + act, pred, rtol=1e-5)

    model = Sequential()
    model.add(Dense(4, input_dim=3, weights=[W1, b1]))
    model.add(Activation(act))
    golden.record('activation_layer/' + act, model.predict(x), rtol=1e-5)

    model = Sequential()
    model.add(Dense(4, input_dim=3, activation=act, weights=[W1, b1]))
    model.add(Dense(2, activation='softmax', weights=[W2, b2]))
    golden.record('two_layer/%s_softmax' % act, model.predict(x), rtol=1e-5)

# seeded default initialisation (glorot_uniform, zero bias) rather than given weights
for act in ACTIVATIONS:
    model = Sequential()
    model.add(Dense(4, input_dim=3, activation=act))
    model.add(Dense(2, activation=act))
    golden.record('seeded/' + act, model.predict(x), rtol=1e-5)
    golden.record('seeded_weights/' + act, model.get_weights(), rtol=0, atol=0)

model = Sequential()
model.add(Dense(4, input_dim=3, activation='relu', weights=[W1, b1]))
print('predict batch_size=2 equals default:',
      bool(np.allclose(model.predict(x, batch_size=2), model.predict(x))))
print('predict_on_batch shape', model.predict_on_batch(x).shape)
golden.record('relu/predict_on_batch', model.predict_on_batch(x), rtol=1e-5)
