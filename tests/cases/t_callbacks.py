# Keras 1.2.2 callbacks.
# - A Callback subclass that prints every hook call in order with the sorted keys of its
#   logs (ints such as 'batch' and 'size' printed, float values recorded with rtol 1e-4
#   instead of printed, so printing never depends on the 4th decimal), for a 2-epoch fit
#   with validation data; its params, its model, and the types of the log values (batch
#   logs hold 0-d float32 ndarrays, epoch logs float64). A second callback adds a key to
#   the epoch logs (History records it); model.stop_training set in a batch stops after
#   that epoch.
# - EarlyStopping (patience, min_delta, mode, verbose message), ModelCheckpoint (filepath
#   template 'weights.{epoch:02d}-{val_loss:.2f}.hdf5', save_best_only, save_weights_only,
#   mode, period, verbose messages): the sorted names of the files written, and a
#   weights file loaded back; CSVLogger (header printed, values recorded; separator,
#   append); LearningRateScheduler and ReduceLROnPlateau (lr per epoch, the 'lr' key it
#   adds to the logs, its verbose message); LambdaCallback; a user History and BaseLogger.
import csv
import os

import numpy as np
from keras import backend as K
from keras.callbacks import (Callback, EarlyStopping, ModelCheckpoint, CSVLogger,
                             LearningRateScheduler, ReduceLROnPlateau, LambdaCallback,
                             History, BaseLogger)
from keras.models import Sequential
from keras.layers import Dense
from keras.optimizers import SGD

import golden

rng = np.random.RandomState(21)
X = rng.uniform(-1, 1, size=(20, 4)).astype('float32')
Y = np.eye(3, dtype='float32')[(X[:, 0] > 0).astype('int32') + (X[:, 1] > 0.3)]
Xv = rng.uniform(-1, 1, size=(6, 4)).astype('float32')
Yv = np.eye(3, dtype='float32')[(Xv[:, 0] > 0).astype('int32') + (Xv[:, 1] > 0.3)]


def build(k, lr=0.1):
    model = Sequential()
    model.add(Dense(6, input_dim=4, activation='tanh'))
    model.add(Dense(3, activation='softmax'))
    w = np.random.RandomState(k)
    model.set_weights([w.uniform(-0.8, 0.8, size=v.shape).astype('float32')
                       for v in model.get_weights()])
    model.compile(optimizer=SGD(lr=lr), loss='categorical_crossentropy', metrics=['acc'])
    return model


class HookPrinter(Callback):
    def __init__(self, label):
        super(HookPrinter, self).__init__()
        self.label = label
        self.calls = 0

    def show(self, hook, index, logs):
        shown = []
        for key in sorted(logs):
            value = logs[key]
            if isinstance(value, int):
                shown.append('%s=%d' % (key, value))
            else:
                shown.append(key)
                golden.record('%s/%03d/%s/%s' % (self.label, self.calls, hook, key),
                              float(value))
                golden.record('%s/%03d/%s/%s/type' % (self.label, self.calls, hook, key),
                              type(value).__name__)
        print('%s %s(%s) logs: %s' % (self.label, hook, '' if index is None else index,
                                      ', '.join(shown)))
        self.calls += 1

    def on_train_begin(self, logs=None):
        print(self.label, 'params:', sorted(self.params.items()))
        print(self.label, 'self.model is model:', self.model is model,
              'logs is None:', logs is None)
        self.show('on_train_begin', None, logs)

    def on_train_end(self, logs=None):
        self.show('on_train_end', None, logs)

    def on_epoch_begin(self, epoch, logs=None):
        self.show('on_epoch_begin', epoch, logs)

    def on_epoch_end(self, epoch, logs=None):
        self.show('on_epoch_end', epoch, logs)

    def on_batch_begin(self, batch, logs=None):
        self.show('on_batch_begin', batch, logs)

    def on_batch_end(self, batch, logs=None):
        self.show('on_batch_end', batch, logs)


class AddKey(Callback):
    def on_epoch_end(self, epoch, logs=None):
        logs['custom'] = 10.0 * epoch


print('=== hooks')
model = build(1)
history = model.fit(X, Y, batch_size=8, nb_epoch=2, verbose=0, shuffle=False,
                    validation_data=(Xv, Yv), callbacks=[HookPrinter('hooks'), AddKey()])
print('history keys', sorted(history.history), 'epoch', history.epoch)
print('history params', sorted(history.params.items()))
golden.record('hooks/history/custom', history.history['custom'])

print('=== hooks, validation_split, no metrics, fit_generator')
model = Sequential()
model.add(Dense(3, input_dim=4, activation='softmax'))
model.set_weights([np.random.RandomState(2).uniform(-1, 1, size=(4, 3)).astype('float32'),
                   np.zeros(3, 'float32')])
model.compile(optimizer='sgd', loss='categorical_crossentropy')
model.fit(X, Y, batch_size=10, nb_epoch=1, verbose=0, shuffle=False, validation_split=0.5,
          callbacks=[HookPrinter('split')])


def generator():
    while True:
        for start in range(0, 20, 10):
            yield X[start:start + 10], Y[start:start + 10]


model.fit_generator(generator(), samples_per_epoch=20, nb_epoch=1, verbose=0,
                    callbacks=[HookPrinter('generator')], validation_data=(Xv, Yv))


class StopInBatch(Callback):
    def on_batch_end(self, batch, logs=None):
        if batch == 1:
            self.model.stop_training = True


print('=== stop_training')
model = build(2)
history = model.fit(X, Y, batch_size=8, nb_epoch=5, verbose=0, shuffle=False,
                    callbacks=[StopInBatch(), LambdaCallback(
                        on_batch_end=lambda batch, logs: print('batch', batch, 'done'))])
print('stopped: epochs run', history.epoch)

print('=== EarlyStopping')
for label, kwargs in [('loss_max_patience1', dict(monitor='loss', mode='max', patience=1,
                                                  verbose=1)),
                      ('val_loss_min_delta', dict(monitor='val_loss', min_delta=10.,
                                                  verbose=1)),
                      ('val_acc_auto', dict(monitor='val_acc', patience=2, verbose=1)),
                      ('loss_min', dict(monitor='loss', mode='min', patience=0)),
                      ('missing_monitor', dict(monitor='val_fmeasure', patience=0))]:
    model = build(3)
    try:
        history = model.fit(X, Y, batch_size=8, nb_epoch=8, verbose=0, shuffle=False,
                            validation_data=(Xv, Yv), callbacks=[EarlyStopping(**kwargs)])
        print('EarlyStopping', label, 'epochs', history.epoch)
    except Exception as e:
        print('EarlyStopping', label, '->', type(e).__name__)

print('=== ModelCheckpoint')
epoch_weights = {}


def keep_weights(epoch, logs):
    epoch_weights[epoch] = model.get_weights()


checkpoints = [
    ('template', dict(filepath='weights.{epoch:02d}-{val_loss:.2f}.hdf5')),
    ('best_only', dict(filepath='best.{epoch:02d}.hdf5', save_best_only=True, verbose=1)),
    ('best_acc_max', dict(filepath='acc.{epoch:02d}-{val_acc:.3f}.hdf5', monitor='val_acc',
                          mode='max', save_best_only=True, save_weights_only=True,
                          verbose=1)),
    ('best_loss_auto', dict(filepath='loss.{epoch}.h5', monitor='loss',
                            save_best_only=True, save_weights_only=True)),
    ('weights_only', dict(filepath='w_{epoch:03d}_{loss:.3f}.h5', save_weights_only=True,
                          verbose=1)),
    ('period', dict(filepath='period-{epoch}.h5', save_weights_only=True, period=2)),
    ('fixed_name', dict(filepath='model.hdf5', save_weights_only=True)),
]
for label, kwargs in checkpoints:
    folder = 'ckpt_' + label
    os.mkdir(folder)
    kwargs = dict(kwargs)
    kwargs['filepath'] = os.path.join(folder, kwargs['filepath'])
    model = build(4, lr=0.5)
    epoch_weights.clear()
    history = model.fit(X, Y, batch_size=8, nb_epoch=5, verbose=0, shuffle=False,
                        validation_data=(Xv, Yv),
                        callbacks=[ModelCheckpoint(**kwargs),
                                   LambdaCallback(on_epoch_end=keep_weights)])
    print('ModelCheckpoint', label, 'files:', sorted(os.listdir(folder)))
    if label == 'template':
        for key in ('val_loss', 'loss', 'val_acc'):
            golden.record('checkpoint/history/%s' % key,
                          [float(v) for v in history.history[key]])

# a weights file written at epoch 1 holds the weights at the end of epoch 1
model = build(5)
model.load_weights('ckpt_period/period-1.h5')
golden.record('checkpoint/period-1', model.get_weights(), rtol=1e-4)
golden.record('checkpoint/epoch1_weights', epoch_weights[1], rtol=1e-4)
print('period-1.h5 holds the epoch-1 weights:',
      all(np.allclose(a, b) for a, b in zip(model.get_weights(), epoch_weights[1])))
model.load_weights('ckpt_fixed_name/model.hdf5')
print('model.hdf5 holds the last weights:',
      all(np.allclose(a, b) for a, b in zip(model.get_weights(), epoch_weights[4])))
import h5py
with h5py.File('ckpt_fixed_name/model.hdf5', 'r') as f:
    print('weights file groups:', sorted(f.keys()), 'attrs:', sorted(f.attrs.keys()))
with h5py.File(os.path.join('ckpt_template', sorted(os.listdir('ckpt_template'))[0]), 'r') as f:
    print('full model file groups:', sorted(f.keys()), 'attrs:', sorted(f.attrs.keys()))

print('=== CSVLogger')


def show_csv(label, filename):
    with open(filename, newline='') as f:   # keep the line endings as written
        text = f.read()
    print(label, 'lines:', len(text.splitlines()), 'ends with newline:', text.endswith('\n'),
          'CRLF:', '\r\n' in text)
    rows = list(csv.reader(text.splitlines(), delimiter=';' if ';' in text else ','))
    for i, row in enumerate(rows):
        if row and row[0] == 'epoch':
            print(label, 'header:', row)
        else:
            print(label, 'row: epoch', row[0], 'fields', len(row))
            golden.record('csv/%s/row%d' % (label, i), [float(v) for v in row[1:]])


model = build(6)
model.fit(X, Y, batch_size=8, nb_epoch=3, verbose=0, shuffle=False,
          validation_data=(Xv, Yv), callbacks=[CSVLogger('training.log')])
show_csv('plain', 'training.log')
model.fit(X, Y, batch_size=8, nb_epoch=2, verbose=0, shuffle=False,
          callbacks=[CSVLogger('training.log', append=True)])
show_csv('append', 'training.log')
model.fit(X, Y, batch_size=8, nb_epoch=2, verbose=0, shuffle=False,
          callbacks=[CSVLogger('semicolon.csv', separator=';', append=True)])
show_csv('separator', 'semicolon.csv')

print('=== LearningRateScheduler')
lrs = []
model = build(7)
history = model.fit(X, Y, batch_size=8, nb_epoch=4, verbose=0, shuffle=False,
                    callbacks=[LearningRateScheduler(lambda epoch: 0.5 / (epoch + 1)),
                               LambdaCallback(on_epoch_end=lambda epoch, logs: lrs.append(
                                   float(K.get_value(model.optimizer.lr))))])
golden.record('scheduler/lr', lrs)
golden.record('scheduler/loss', [float(v) for v in history.history['loss']])
golden.record('scheduler/weights', model.get_weights(), rtol=1e-3)
print('lr after training', K.get_value(model.optimizer.lr))
try:
    model.fit(X, Y, batch_size=8, nb_epoch=1, verbose=0,
              callbacks=[LearningRateScheduler(lambda epoch: 1)])
except Exception as e:
    print('schedule returning an int ->', type(e).__name__, e)

print('=== ReduceLROnPlateau')
lrs = []
model = build(8)
history = model.fit(X, Y, batch_size=8, nb_epoch=6, verbose=0, shuffle=False,
                    validation_data=(Xv, Yv),
                    callbacks=[ReduceLROnPlateau(monitor='loss', mode='max', factor=0.5,
                                                 patience=1, verbose=1, min_lr=0.02),
                               LambdaCallback(on_epoch_end=lambda epoch, logs: lrs.append(
                                   float(K.get_value(model.optimizer.lr)))),
                               CSVLogger('plateau.csv')])
print('history keys', sorted(history.history))
print('history lr types', [type(v).__name__ for v in history.history['lr']])
golden.record('plateau/lr_logs', [float(v) for v in history.history['lr']])
golden.record('plateau/lr_after_epoch', lrs)
golden.record('plateau/loss', [float(v) for v in history.history['loss']])
show_csv('plateau', 'plateau.csv')
model = build(8)
history = model.fit(X, Y, batch_size=8, nb_epoch=5, verbose=0, shuffle=False,
                    validation_data=(Xv, Yv),
                    callbacks=[ReduceLROnPlateau(monitor='val_acc', factor=0.2, patience=0,
                                                 cooldown=1, verbose=1, epsilon=0.5)])
golden.record('plateau_cooldown/lr_logs', [float(v) for v in history.history['lr']])

print('=== LambdaCallback')
model = build(9)
model.fit(X, Y, batch_size=10, nb_epoch=2, verbose=0, shuffle=False,
          callbacks=[LambdaCallback(
              on_train_begin=lambda logs: print('lambda train_begin', sorted(logs)),
              on_epoch_begin=lambda epoch, logs: print('lambda epoch_begin', epoch, sorted(logs)),
              on_batch_begin=lambda batch, logs: print('lambda batch_begin', batch, sorted(logs)),
              on_batch_end=lambda batch, logs: print('lambda batch_end', batch, sorted(logs)),
              on_epoch_end=lambda epoch, logs: print('lambda epoch_end', epoch, sorted(logs)),
              on_train_end=lambda logs: print('lambda train_end', sorted(logs)))])

print('=== user History and BaseLogger')
model = build(10)
mine = History()
base = BaseLogger()
returned = model.fit(X, Y, batch_size=8, nb_epoch=2, verbose=0, shuffle=False,
                     callbacks=[base, mine])
print('returned is mine:', returned is mine, 'model.history is returned:',
      model.history is returned if hasattr(model, 'history') else 'no attribute')
print('mine keys', sorted(mine.history), mine.epoch)
golden.record('user_history/loss', [float(v) for v in mine.history['loss']])
golden.record('user_history/returned_loss', [float(v) for v in returned.history['loss']])
print('BaseLogger seen', base.seen, 'totals keys', sorted(base.totals))
