# A custom loss and custom metrics written with K (the Keras 1 docs patterns):
#
#     def mean_pred(y_true, y_pred):
#         return K.mean(y_pred)
#     def false_rates(y_true, y_pred):          # a metric returning a dict
#         return {'false_neg': ..., 'false_pos': ...}
#     model.compile(optimizer='rmsprop', loss=my_loss, metrics=['accuracy', mean_pred])
#
# Fit 2 epochs from fixed weights (shuffle=False, with validation data): history,
# metrics_names, evaluate, train_on_batch / test_on_batch values, final weights. The
# loss graph itself is checked with K.function on the same y_true / y_pred. One fit runs
# with verbose=2, whose epoch lines are compared with the timings masked.
import numpy as np
from keras import backend as K
from keras.layers import Dense, Input
from keras.models import Sequential, Model
from keras.optimizers import SGD

import golden

golden.stdout_policy('no_timings')
np.random.seed(1337)
rng = np.random.RandomState(5)


def fix_weights(model):
    for layer in model.layers:
        if layer.get_weights():
            layer.set_weights([rng.uniform(-1, 1, size=w.shape).astype('float32')
                               for w in layer.get_weights()])


def record_history(key, history):
    golden.record(key + '/history_keys', sorted(history.history.keys()))
    for k in sorted(history.history):
        golden.record(key + '/history/' + k, [float(v) for v in history.history[k]])


def weighted_bce(y_true, y_pred):
    # positives count twice; Keras 1 argument order: binary_crossentropy(output, target)
    return K.mean(K.binary_crossentropy(y_pred, y_true) * (1. + y_true), axis=-1)


def mean_pred(y_true, y_pred):
    return K.mean(y_pred)


def false_rates(y_true, y_pred):
    false_neg = K.mean(K.cast(K.greater(y_true, 0.5), K.floatx()) *
                       K.cast(K.lesser(y_pred, 0.5), K.floatx()))
    false_pos = K.mean(K.cast(K.lesser(y_true, 0.5), K.floatx()) *
                       K.cast(K.greater_equal(y_pred, 0.5), K.floatx()))
    return {'false_neg': false_neg, 'false_pos': false_pos}


# --- the loss function on its own, symbolic
yt = K.placeholder(ndim=2, name='y_true')
yp = K.placeholder(ndim=2, name='y_pred')
f_loss = K.function([yt, yp], [weighted_bce(yt, yp), mean_pred(yt, yp)])
t = np.array([[1.], [0.], [1.], [0.]], dtype='float32')
p = np.array([[0.9], [0.2], [0.3], [0.6]], dtype='float32')
lv, mv = f_loss([t, p])
golden.record('symbolic/loss', lv, rtol=1e-5)
golden.record('symbolic/loss_shape', list(lv.shape))
golden.record('symbolic/mean_pred', mv, rtol=1e-5)
golden.record('symbolic/false_rates',
              [float(v) for v in K.function([yt, yp], list(false_rates(yt, yp).values()))([t, p])])

# --- Sequential, binary classification
model = Sequential()
model.add(Dense(5, input_dim=3, activation='tanh'))
model.add(Dense(1, activation='sigmoid'))
fix_weights(model)
model.compile(optimizer='rmsprop', loss=weighted_bce,
              metrics=['accuracy', mean_pred, false_rates])
golden.record('seq/metrics_names', model.metrics_names)

X = rng.uniform(-1, 1, size=(12, 3)).astype('float32')
y = (X.sum(axis=1, keepdims=True) > 0).astype('float32')
Xv = rng.uniform(-1, 1, size=(4, 3)).astype('float32')
yv = (Xv.sum(axis=1, keepdims=True) > 0).astype('float32')

golden.record('seq/evaluate_before', [float(v) for v in model.evaluate(X, y, batch_size=12,
                                                                       verbose=0)])
history = model.fit(X, y, batch_size=5, nb_epoch=2, shuffle=False, verbose=2,
                    validation_data=(Xv, yv))
record_history('seq', history)
for w in model.weights:
    golden.record('seq/final/' + w.name, K.get_value(w))
golden.record('seq/evaluate_after', [float(v) for v in model.evaluate(X, y, batch_size=4,
                                                                      verbose=0)])
golden.record('seq/train_on_batch', [float(v) for v in model.train_on_batch(X[:6], y[:6])])
golden.record('seq/test_on_batch', [float(v) for v in model.test_on_batch(X[6:], y[6:])])
golden.record('seq/predict', model.predict(X))


# --- functional Model, a loss made by a closure, a per-output metric dict, SGD momentum
def make_loss(alpha):
    def smooth_l1(y_true, y_pred):
        d = K.abs(y_true - y_pred)
        return K.mean(K.switch(K.lesser(d, alpha), 0.5 * K.square(d) / alpha, d - 0.5 * alpha),
                      axis=-1)
    return smooth_l1


def max_abs_error(y_true, y_pred):
    return K.max(K.abs(y_true - y_pred))


inp = Input(shape=(4,), name='features')
hidden = Dense(3, activation='relu', name='hidden')(inp)
out = Dense(2, name='out')(hidden)
fmodel = Model(input=inp, output=out)
fix_weights(fmodel)
fmodel.compile(optimizer=SGD(lr=0.1, momentum=0.9), loss=make_loss(0.5),
               metrics={'out': [max_abs_error, 'mse']})
golden.record('func/metrics_names', fmodel.metrics_names)

Xf = rng.uniform(-1, 1, size=(9, 4)).astype('float32')
Yf = np.stack([Xf[:, 0] - Xf[:, 1], 2 * Xf[:, 2]], axis=1).astype('float32')
history = fmodel.fit(Xf, Yf, batch_size=4, nb_epoch=2, shuffle=False, verbose=0)
record_history('func', history)
for w in fmodel.weights:
    golden.record('func/final/' + w.name, K.get_value(w))
golden.record('func/evaluate', [float(v) for v in fmodel.evaluate(Xf, Yf, verbose=0)])
golden.record('func/predict', fmodel.predict(Xf))

# a custom loss given per output name, with sample weights
fmodel2 = Model(input=inp, output=out)
fmodel2.compile(optimizer='sgd', loss={'out': make_loss(1.0)})
sw = np.linspace(0.5, 1.5, 9).astype('float32')
golden.record('func2/train_on_batch', float(fmodel2.train_on_batch(Xf, Yf, sample_weight=sw)))
golden.record('func2/test_on_batch', float(fmodel2.test_on_batch(Xf, Yf)))
