# The console output of fit(verbose=2) in Keras 1.2.2 (stdout compared apart
# from timings): 'Train on N samples, validate on M samples' (only with validation),
# 'Epoch i/n' lines, and one '<t>s - loss: ... - acc: ... - val_loss: ... - val_acc: ...'
# line per epoch, in params['metrics'] order. The numbers come from the progress bar's
# sample-weighted sums, which end equal to the epoch's history values. verbose=2 prints
# values <= 1e-3 (including every negative value, e.g. a cosine_proximity loss) as
# '%.4e'. Also: validation_split, no validation, multi-output names, fit_generator,
# callbacks' own messages (ModelCheckpoint's in on_epoch_end, before the epoch line;
# EarlyStopping's in on_train_end), and evaluate / predict with verbose=2 (silent).
import numpy as np
from keras.callbacks import EarlyStopping, ModelCheckpoint
from keras.models import Sequential, Model
from keras.layers import Dense, Input

import golden

golden.stdout_policy('no_timings')
# The weight seeds (k) were picked so that no printed number lies within 5e-6 (relative)
# of a rounding boundary of its printed format, so that float32 differences between
# backends do not change the printed digits.

rng = np.random.RandomState(31)
X = rng.uniform(-1, 1, size=(20, 4)).astype('float32')
Y = np.eye(3, dtype='float32')[(X[:, 0] > 0).astype('int32') + (X[:, 1] > 0.3)]
Xv = rng.uniform(-1, 1, size=(6, 4)).astype('float32')
Yv = np.eye(3, dtype='float32')[(Xv[:, 0] > 0).astype('int32') + (Xv[:, 1] > 0.3)]


def build(k, units=3, activation='softmax', loss='categorical_crossentropy',
          metrics=('acc',), scale=1.0):
    model = Sequential()
    model.add(Dense(6, input_dim=4, activation='tanh'))
    model.add(Dense(units, activation=activation))
    w = np.random.RandomState(k)
    model.set_weights([w.uniform(-0.8, 0.8, size=v.shape).astype('float32') * np.float32(scale)
                       for v in model.get_weights()])
    model.compile(optimizer='sgd', loss=loss, metrics=list(metrics))
    return model


def record(label, history):
    for key in sorted(history.history):
        golden.record('%s/%s' % (label, key), [float(v) for v in history.history[key]])


print('--- validation_data')
model = build(1)
record('validation_data', model.fit(X, Y, batch_size=8, nb_epoch=3, verbose=2,
                                    shuffle=False, validation_data=(Xv, Yv)))
print('--- validation_split')
model = build(5)
record('validation_split', model.fit(X, Y, batch_size=8, nb_epoch=2, verbose=2,
                                     shuffle=False, validation_split=0.25))
print('--- no validation, no metrics')
model = build(3, metrics=())
record('plain', model.fit(X, Y, batch_size=8, nb_epoch=2, verbose=2, shuffle=False))
print('--- negative loss (cosine_proximity)')
model = build(15, activation='linear', loss='cosine_proximity', metrics=('mae',))
record('cosine', model.fit(X, Y, batch_size=8, nb_epoch=2, verbose=2, shuffle=False,
                           validation_data=(Xv, Yv)))
print('--- tiny loss')
model = build(6, units=1, activation='linear', loss='mse', metrics=(), scale=0.02)
record('tiny', model.fit(X, np.zeros((20, 1), 'float32'), batch_size=20, nb_epoch=2, verbose=2, shuffle=False))
print('--- one batch per epoch, batch larger than the data')
model = build(9)
record('one_batch', model.fit(X, Y, nb_epoch=2, verbose=2, shuffle=False,
                              validation_data=(Xv, Yv)))
print('--- callback messages')
model = build(8)
record('early', model.fit(X, Y, batch_size=8, nb_epoch=5, verbose=2, shuffle=False,
                          validation_data=(Xv, Yv),
                          callbacks=[EarlyStopping(monitor='loss', mode='max', patience=0,
                                                   verbose=1),
                                     ModelCheckpoint('w.{epoch:02d}.h5', monitor='val_acc',
                                                     save_weights_only=True, verbose=1)]))
print('--- multi-output')
inp = Input(shape=(4,), name='features')
hidden = Dense(5, activation='tanh', name='hidden')(inp)
out_a = Dense(3, activation='softmax', name='out_a')(hidden)
out_b = Dense(1, name='out_b')(hidden)
multi = Model(input=inp, output=[out_a, out_b])
w = np.random.RandomState(8)
multi.set_weights([w.uniform(-0.8, 0.8, size=v.shape).astype('float32')
                   for v in multi.get_weights()])
multi.compile(optimizer='sgd', loss=['categorical_crossentropy', 'mse'], metrics=['acc'])
record('multi', multi.fit(X, [Y, X[:, :1]], batch_size=8, nb_epoch=2, verbose=2,
                          shuffle=False, validation_data=(Xv, [Yv, Xv[:, :1]])))
print('--- fit_generator')


def generator():
    while True:
        for start in range(0, 20, 8):
            yield X[start:start + 8], Y[start:start + 8]


model = build(11)
record('generator', model.fit_generator(generator(), samples_per_epoch=20, nb_epoch=2,
                                        verbose=2, validation_data=(Xv, Yv)))
print('--- evaluate / predict with verbose=2')
result = model.evaluate(X, Y, batch_size=8, verbose=2)
golden.record('evaluate', [float(v) for v in result])
model.predict(X, batch_size=8, verbose=2)
print('--- end')
