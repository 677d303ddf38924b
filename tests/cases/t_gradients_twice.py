# A gradient of a gradient through a model. A custom loss that differentiates
# the model's output with respect to its input (double backpropagation: the gradient
# penalty of input-gradient regularisation and of WGAN-GP critics), trained with
# train_on_batch / fit, so the training step differentiates a gradient; and, symbolically,
# the gradient of an input-gradient norm with respect to weights through a model called
# on a new tensor, evaluated by K.function, plus Theano's DisconnectedInputError for a
# weight the second derivative does not reach (the last bias).
import numpy as np
from keras import backend as K
from keras.layers import Dense, Input
from keras.models import Model

import golden

rng = np.random.RandomState(3)
inp = Input(shape=(3,))
h = Dense(4, activation='tanh')(inp)
out = Dense(1)(h)
model = Model(inp, out)
model.set_weights([rng.uniform(-1, 1, w.shape).astype('float32') for w in model.get_weights()])


def double_backprop(y_true, y_pred):
    g = K.gradients(K.sum(y_pred), inp)
    return K.mean(K.square(y_pred - y_true), axis=-1) + 0.1 * K.sum(K.square(g), axis=-1)


def gradient_norm(y_true, y_pred):
    return K.mean(K.sqrt(K.sum(K.square(K.gradients(K.sum(y_pred), inp)), axis=-1)))


model.compile('sgd', double_backprop, metrics=[gradient_norm])
X = rng.rand(6, 3).astype('float32')
Y = rng.rand(6, 1).astype('float32')
golden.record('train0', model.train_on_batch(X, Y))
golden.record('train1', model.train_on_batch(X, Y))
hist = model.fit(X, Y, batch_size=4, nb_epoch=2, shuffle=False, verbose=0)
golden.record('history', [hist.history['loss'], hist.history['gradient_norm']])
golden.record('evaluate', model.evaluate(X, Y, verbose=0))
golden.record('weights', model.get_weights(), rtol=1e-3, atol=1e-5)

# symbolically, through the model called on a new tensor
x2 = Input(shape=(3,))
y2 = model(x2)
g = K.gradients(K.sum(y2), x2)
first = model.layers[1].trainable_weights
gg = K.gradients(K.sum(K.square(g)), first)
golden.record('symbolic/gg', K.function([x2], gg)([X]))
golden.record('symbolic/g', K.function([x2], [g])([X])[0])
try:
    K.gradients(K.sum(K.square(g)), model.trainable_weights)
except Exception as e:
    print('last bias -> %s' % type(e).__name__)
