# The console output of fit(verbose=1) in Keras 1.2.2: the Progbar, which
# writes '\b' * (previous width) and '\r' before redrawing, pads with spaces when the
# new text is shorter, and ends the epoch with '\n'. stdout is compared as the raw bytes
# Keras 1 wrote, apart from timings ('ETA: 0s', '0s').
# Keras 1 skips a redraw that comes less than 0.05 s after the previous one (except the
# first one of a bar and the forced last one), so only runs whose output does not depend
# on timing are used: at most 2 batches per epoch in fit (the first batch's redraw and
# the forced end-of-epoch redraw), and a single batch for evaluate / predict /
# predict_classes / predict_proba with verbose=1 (their default, except predict).
import numpy as np
from keras.models import Sequential
from keras.layers import Dense

import golden

golden.stdout_policy('no_timings')
# The weight seeds (k) were picked so that no printed number lies within 5e-6 (relative)
# of a rounding boundary of its printed format.

rng = np.random.RandomState(41)
X = rng.uniform(-1, 1, size=(20, 4)).astype('float32')
Y = np.eye(3, dtype='float32')[(X[:, 0] > 0).astype('int32') + (X[:, 1] > 0.3)]
Xv = rng.uniform(-1, 1, size=(6, 4)).astype('float32')
Yv = np.eye(3, dtype='float32')[(Xv[:, 0] > 0).astype('int32') + (Xv[:, 1] > 0.3)]


def build(k, units=3, activation='softmax', loss='categorical_crossentropy',
          metrics=('acc',)):
    model = Sequential()
    model.add(Dense(6, input_dim=4, activation='tanh'))
    model.add(Dense(units, activation=activation))
    w = np.random.RandomState(k)
    model.set_weights([w.uniform(-0.8, 0.8, size=v.shape).astype('float32')
                       for v in model.get_weights()])
    model.compile(optimizer='sgd', loss=loss, metrics=list(metrics))
    return model


def record(label, history):
    for key in sorted(history.history):
        golden.record('%s/%s' % (label, key), [float(v) for v in history.history[key]])


print('--- 2 batches per epoch, validation_data')
model = build(1)
record('validation_data', model.fit(X, Y, batch_size=10, nb_epoch=3, verbose=1,
                                    shuffle=False, validation_data=(Xv, Yv)))
print('--- 2 uneven batches, validation_split')
model = build(3)
record('validation_split', model.fit(X, Y, batch_size=12, nb_epoch=2, shuffle=False,
                                     validation_split=0.2))
print('--- one batch, no metrics')
model = build(3, metrics=())
record('one_batch', model.fit(X, Y, nb_epoch=2, shuffle=False))
print('--- negative loss (cosine_proximity), 2 batches')
model = build(4, activation='linear', loss='cosine_proximity', metrics=('mae',))
record('cosine', model.fit(X, Y, batch_size=16, nb_epoch=2, shuffle=False))
print('--- 100 samples, 2 batches (3-digit counter)')
X100 = np.tile(X, (5, 1))
Y100 = np.tile(Y, (5, 1))
model = build(6)
record('hundred', model.fit(X100, Y100, batch_size=64, nb_epoch=1, shuffle=False))
print('--- fit_generator, 2 batches per epoch')


def generator():
    while True:
        for start in range(0, 20, 10):
            yield X[start:start + 10], Y[start:start + 10]


model = build(6)
record('generator', model.fit_generator(generator(), samples_per_epoch=20, nb_epoch=2,
                                        validation_data=(Xv, Yv)))
print('--- evaluate (default verbose=1, one batch)')
result = model.evaluate(X, Y)
golden.record('evaluate', [float(v) for v in result])
print('--- predict(verbose=1), one batch')
model.predict(X, verbose=1)
print('--- predict_classes (default verbose=1)')
classes = model.predict_classes(X)
print(classes.tolist())
print('--- predict_proba (default verbose=1)')
proba = model.predict_proba(Xv)
golden.record('proba', proba)
print('--- end')
