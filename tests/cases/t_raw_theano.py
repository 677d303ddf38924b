# Raw Theano inside Keras 1 models, as
# third-party programs wrote it, trained with fit / train_on_batch (legacy_keras runs
# those on Keras 3). A layer whose call runs theano.scan over the batch, creating a
# variable in each step (K.zeros) and filling its lower triangle with T.set_subtensor
# (np.tril_indices); a layer creating variables in call and computing with K on them;
# a scan with an accumulated state (outputs_info) in call; a variational autoencoder
# whose loss reads z_mean / z_log_var, Keras tensors of the model, next to the y_pred it
# is given; K.reshape / T.reshape results passed to a layer (Keras 1.2.2 gave K.reshape's
# result a _keras_shape; T.reshape's raised 'Not a Keras tensor').
import numpy as np
import theano
import theano.tensor as T
from keras import backend as K
from keras import objectives
from keras.engine.topology import Layer
from keras.layers import Dense, Input, Lambda, LSTM
from keras.models import Model, Sequential

import golden

n = 3
m = n * (n + 1) // 2
rng = np.random.RandomState(0)


class TrilScan(Layer):
    """vector -> lower-triangular L per sample (theano.scan), output L L^T flattened."""

    def call(self, x, mask=None):
        def step(v):
            z = K.zeros((n, n))
            L = T.set_subtensor(z[np.tril_indices(n)], v)
            return T.dot(L, L.T)
        out, _ = theano.scan(step, sequences=x)
        return K.reshape(out, (-1, n * n))

    def get_output_shape_for(self, input_shape):
        return (input_shape[0], n * n)


class TrilCall(Layer):
    """a variable created in call, filled by T.set_subtensor from the first sample."""

    def call(self, x, mask=None):
        z = K.zeros((n, n))
        L = T.set_subtensor(z[np.tril_indices(n)], x[0])
        return K.dot(x, K.ones((m, 1))) + K.sum(L)

    def get_output_shape_for(self, input_shape):
        return (input_shape[0], 1)


class ScaledByNewVariable(Layer):
    """variables born in call, used through K only."""

    def call(self, x, mask=None):
        scale = K.variable(np.linspace(0.5, 1.5, m))
        offset = K.ones((m,)) * 0.25
        return x * scale + offset

    def get_output_shape_for(self, input_shape):
        return input_shape


class CumulativeScan(Layer):
    """a scan with a carried state (outputs_info) over the feature axis."""

    def call(self, x, mask=None):
        out, _ = theano.scan(lambda v, acc: acc + v, sequences=x.T,
                             outputs_info=T.zeros_like(x[:, 0]))
        return out.T

    def get_output_shape_for(self, input_shape):
        return input_shape


inp = Input(shape=(2,))
h = Dense(m)(inp)
out1 = TrilScan()(h)
out2 = TrilCall()(h)
out3 = CumulativeScan()(ScaledByNewVariable()(h))
model = Model(inp, [out1, out2, out3])
model.set_weights([rng.uniform(-1, 1, w.shape).astype('float32') for w in model.get_weights()])
X = rng.rand(4, 2).astype('float32')
golden.record('layers/predict', model.predict(X))
model.compile('sgd', ['mse', 'mse', 'mse'])
Y = [np.zeros((4, n * n)), np.zeros((4, 1)), np.ones((4, m))]
for step in range(3):
    golden.record('layers/train%d' % step, model.train_on_batch(X, Y))
hist = model.fit(X, Y, batch_size=3, nb_epoch=2, shuffle=False, verbose=0)
golden.record('layers/history', hist.history['loss'])
golden.record('layers/weights', model.get_weights(), rtol=1e-3, atol=1e-5)
golden.record('layers/k_function', K.function([inp], [out1, out3])([X]))

# a variational autoencoder (Keras 1.2.2's example, small, deterministic sampling)
np.random.seed(7)
batch_size, original_dim, latent_dim, intermediate_dim = 4, 6, 2, 5
x = Input(batch_shape=(batch_size, original_dim))
hidden = Dense(intermediate_dim, activation='relu')(x)
z_mean = Dense(latent_dim)(hidden)
z_log_var = Dense(latent_dim)(hidden)


def sampling(args):
    z_mean, z_log_var = args
    return z_mean + K.exp(z_log_var / 2) * 0.5


z = Lambda(sampling, output_shape=(latent_dim,))([z_mean, z_log_var])
decoder_h = Dense(intermediate_dim, activation='relu')
decoder_mean = Dense(original_dim, activation='sigmoid')
x_decoded_mean = decoder_mean(decoder_h(z))


def vae_loss(x, x_decoded_mean):
    xent_loss = original_dim * objectives.binary_crossentropy(x, x_decoded_mean)
    kl_loss = - 0.5 * K.sum(1 + z_log_var - K.square(z_mean) - K.exp(z_log_var), axis=-1)
    return xent_loss + kl_loss


def kl_metric(y_true, y_pred):
    return K.mean(- 0.5 * K.sum(1 + z_log_var - K.square(z_mean) - K.exp(z_log_var),
                                axis=-1))


vae = Model(x, x_decoded_mean)
vae.compile(optimizer='rmsprop', loss=vae_loss, metrics=[kl_metric])
XV = np.random.rand(8, original_dim).astype('float32')
hist = vae.fit(XV, XV, shuffle=False, nb_epoch=3, batch_size=batch_size, verbose=0)
golden.record('vae/loss', hist.history['loss'])
golden.record('vae/kl', hist.history['kl_metric'])
golden.record('vae/evaluate', vae.evaluate(XV, XV, batch_size=batch_size, verbose=0))
golden.record('vae/train_on_batch', vae.train_on_batch(XV[:4], XV[:4]))
encoder = Model(x, z_mean)
golden.record('vae/encoded', encoder.predict(XV, batch_size=batch_size))

# K.reshape / T.reshape results passed to a layer
r_in = Input(shape=(6,))
r_h = Dense(6)(r_in)
lstm = LSTM(2)
lstm_out = lstm(K.reshape(r_h, (-1, 3, 2)))
print('K.reshape -> LSTM: keras_history %s' % hasattr(lstm_out, '_keras_history'))
print('K.reshape keras_shape', K.reshape(r_h, (-1, 3, 2))._keras_shape)
print('K.reshape symbolic shape has keras_shape',
      hasattr(K.reshape(r_h, (r_h.shape[0], 3, 2)), '_keras_shape'))
lstm_f = K.function([r_in], [lstm_out])
golden.record('reshape/lstm_output_shape', lstm_f([rng.rand(5, 6).astype('float32')])[0].shape)
try:
    LSTM(2)(T.reshape(r_h, (r_h.shape[0], 3, 2)))
except Exception as e:
    print('T.reshape -> LSTM: %s: %s' % (type(e).__name__, e))

# Lambda layers written with raw Theano (tensor methods, T.max, T.nnet.softmax times an
# int64 T.arange: float64 in Theano)
l_in = Input(shape=(4,))
l_h = Dense(6)(l_in)
l_max = Lambda(lambda x: T.max(x.dimshuffle(0, 'x', 1), axis=2), output_shape=(1,))(l_h)
l_soft = Lambda(lambda x: T.nnet.softmax(x) * T.arange(x.shape[1]), output_shape=(6,))(l_h)
lm = Model(l_in, [l_max, l_soft])
lm.set_weights([rng.uniform(-1, 1, w.shape).astype('float32') for w in lm.get_weights()])
lm.compile('adam', 'mse')
XL = rng.rand(5, 4).astype('float32')
golden.record('lambda/predict', lm.predict(XL))
# (values only: Theano's losses were float64 here, legacy_keras' are float32, see
# migration_guide.md)
golden.record('lambda/train', [[float(v) for v in lm.train_on_batch(
    XL, [np.zeros((5, 1)), np.zeros((5, 6))])] for _ in range(2)])
golden.record('lambda/weights', lm.get_weights(), rtol=1e-3, atol=1e-5)

# theano.shared and T.constant created in call, on a Sequential; batch sizes 4, 3, 4
# (the step is traced again for the new size)


class AddShared(Layer):
    def call(self, x, mask=None):
        c = theano.shared(np.arange(3, dtype='float32'))
        k = T.constant(np.ones(3, dtype='float32') * 0.5)
        return x + c * k


sm = Sequential([Dense(3, input_dim=2), AddShared()])
sm.set_weights([rng.rand(2, 3).astype('float32'), np.zeros(3, 'float32')])
sm.compile('sgd', 'mse')
XS = rng.rand(4, 2).astype('float32')
golden.record('shared_in_call/predict', sm.predict(XS))
golden.record('shared_in_call/train', [sm.train_on_batch(XS, np.zeros((4, 3))),
                                       sm.train_on_batch(XS[:3], np.zeros((3, 3))),
                                       sm.train_on_batch(XS, np.zeros((4, 3)))])
