# The options of fit / evaluate / predict in Keras 1.2.2, from fixed weights:
# class_weight (one-hot and single-unit targets), sample_weight (with zeros: Keras 1
# divides by the fraction of non-zero weights), validation_split (the last samples, taken
# before any shuffling), validation_data (2- and 3-tuples), a multi-input / multi-output
# functional model with loss dicts, loss_weights, per-output metrics and dict inputs /
# outputs, train_on_batch / test_on_batch / predict_on_batch (and their return types),
# evaluate, predict, predict_classes, predict_proba, fit_generator / evaluate_generator /
# predict_generator with a deterministic generator, initial_epoch, shuffle='batch' and
# shuffle=True after np.random.seed, and the types of the history values.
import numpy as np
from keras import backend as K
from keras.models import Sequential, Model
from keras.layers import Dense, Input

import golden

np.random.seed(1234)
rng = np.random.RandomState(11)
X = rng.uniform(-1, 1, size=(20, 4)).astype('float32')
labels = rng.randint(0, 3, size=20)
Y = np.eye(3, dtype='float32')[labels]
Y_binary = (X[:, :1] - 0.2 * X[:, 2:3] > 0).astype('float32')
Xv = rng.uniform(-1, 1, size=(6, 4)).astype('float32')
Yv = np.eye(3, dtype='float32')[rng.randint(0, 3, size=6)]


def build(units=3, activation='softmax', k=1):
    model = Sequential()
    model.add(Dense(5, input_dim=4, activation='tanh'))
    model.add(Dense(units, activation=activation))
    w = np.random.RandomState(k)
    model.set_weights([w.uniform(-0.8, 0.8, size=v.shape).astype('float32')
                       for v in model.get_weights()])
    return model


def record_history(label, history, rtol=1e-4):
    print(label, 'epoch', history.epoch, 'keys', sorted(history.history))
    for key in sorted(history.history):
        golden.record('%s/history/%s' % (label, key),
                      [float(v) for v in history.history[key]], rtol=rtol)


def compiled(units=3, activation='softmax', k=1, loss='categorical_crossentropy'):
    model = build(units, activation, k)
    model.compile(optimizer='sgd', loss=loss, metrics=['accuracy'])
    return model


# ---- class_weight / sample_weight --------------------------------------------------
model = compiled(k=1)
history = model.fit(X, Y, batch_size=8, nb_epoch=3, verbose=0, shuffle=False,
                    class_weight={0: 1., 1: 3., 2: 0.5})
record_history('class_weight', history)
golden.record('class_weight/weights', model.get_weights(), rtol=1e-3)

model = compiled(units=1, activation='sigmoid', k=2, loss='binary_crossentropy')
history = model.fit(X, Y_binary, batch_size=8, nb_epoch=3, verbose=0, shuffle=False,
                    class_weight={0: 2., 1: 0.25})
record_history('class_weight_binary', history)
golden.record('class_weight_binary/weights', model.get_weights(), rtol=1e-3)

sample_weight = np.linspace(0.1, 2.0, 20).astype('float32')
sample_weight[[1, 4, 9, 10, 17]] = 0.
model = compiled(k=3)
history = model.fit(X, Y, batch_size=8, nb_epoch=3, verbose=0, shuffle=False,
                    sample_weight=sample_weight)
record_history('sample_weight', history)
golden.record('sample_weight/weights', model.get_weights(), rtol=1e-3)
golden.record('sample_weight/evaluate',
              [float(v) for v in model.evaluate(X, Y, batch_size=8, verbose=0,
                                                 sample_weight=sample_weight)])
golden.record('sample_weight/evaluate_unweighted',
              [float(v) for v in model.evaluate(X, Y, batch_size=8, verbose=0)])

# ---- validation ----------------------------------------------------------------------
model = compiled(k=4)
history = model.fit(X, Y, batch_size=8, nb_epoch=3, verbose=0, shuffle=False,
                    validation_split=0.25)
record_history('validation_split', history)
print('validation_split params', sorted(history.params.items()))
golden.record('validation_split/weights', model.get_weights(), rtol=1e-3)
# the held-out part is the last 25%: the same numbers as evaluating on it
golden.record('validation_split/evaluate_last5',
              [float(v) for v in model.evaluate(X[15:], Y[15:], verbose=0)])

model = compiled(k=4)
history = model.fit(X, Y, batch_size=8, nb_epoch=2, verbose=0, shuffle=False,
                    validation_split=0.33)
record_history('validation_split_033', history)
print('validation_split 0.33 nb_sample', history.params['nb_sample'])

model = compiled(k=5)
history = model.fit(X, Y, batch_size=8, nb_epoch=3, verbose=0, shuffle=False,
                    validation_data=(Xv, Yv))
record_history('validation_data', history)
print('validation_data params', sorted(history.params.items()))

model = compiled(k=5)
history = model.fit(X, Y, batch_size=8, nb_epoch=3, verbose=0, shuffle=False,
                    validation_data=(Xv, Yv, np.array([1, 0, 2, 1, 1, 0.5], 'float32')))
record_history('validation_data_weighted', history)

# ---- train / test / predict on batch, evaluate, predict* -----------------------------
model = compiled(k=6)
out = model.train_on_batch(X[:8], Y[:8])
print('train_on_batch ->', type(out).__name__, len(out), [type(v).__name__ for v in out],
      [np.shape(v) for v in out])
golden.record('on_batch/train', [float(v) for v in out])
golden.record('on_batch/train2', [float(v) for v in model.train_on_batch(X[8:], Y[8:])])
out = model.test_on_batch(X, Y)
print('test_on_batch ->', type(out).__name__, [type(v).__name__ for v in out])
golden.record('on_batch/test', [float(v) for v in out])
out = model.predict_on_batch(X[:5])
print('predict_on_batch ->', type(out).__name__, out.shape, out.dtype)
golden.record('on_batch/predict', out)
out = model.evaluate(X, Y, batch_size=6, verbose=0)
print('evaluate ->', type(out).__name__, [type(v).__name__ for v in out])
golden.record('evaluate/batch6', [float(v) for v in out])
out = model.predict(X, batch_size=6)
print('predict ->', type(out).__name__, out.shape, out.dtype)
golden.record('predict', out)
classes = model.predict_classes(X, batch_size=6, verbose=0)
print('predict_classes ->', type(classes).__name__, classes.shape, classes.dtype, classes.tolist())
proba = model.predict_proba(X, batch_size=6, verbose=0)
print('predict_proba ->', proba.shape, proba.dtype)
golden.record('predict_proba', proba)

plain = Sequential()
plain.add(Dense(2, input_dim=4))
plain.set_weights([np.random.RandomState(7).uniform(-1, 1, size=(4, 2)).astype('float32'),
                   np.zeros(2, 'float32')])
plain.compile(optimizer='sgd', loss='mse')
out = plain.train_on_batch(X[:4], Y[:4, :2])
print('train_on_batch, no metrics ->', type(out).__name__, np.shape(out))
golden.record('on_batch/no_metrics/train', float(out))
out = plain.test_on_batch(X[:4], Y[:4, :2])
print('test_on_batch, no metrics ->', type(out).__name__, np.shape(out))
golden.record('on_batch/no_metrics/test', float(out))
out = plain.evaluate(X, Y[:, :2], verbose=0)
print('evaluate, no metrics ->', type(out).__name__)
golden.record('evaluate/no_metrics', float(out))

model = compiled(units=1, activation='sigmoid', k=7, loss='binary_crossentropy')
model.layers[-1].b.set_value(model.layers[-1].b.get_value() + np.float32(0.5))
classes = model.predict_classes(X, verbose=0)
print('predict_classes (1 unit) ->', classes.shape, classes.dtype, classes.ravel().tolist())
golden.record('predict_proba_1unit', model.predict_proba(X, verbose=0))

# ---- multi-input / multi-output -------------------------------------------------------
in_a = Input(shape=(4,), name='in_a')
in_b = Input(shape=(2,), name='in_b')
hidden_a = Dense(5, activation='tanh', name='hidden_a')(in_a)
hidden_b = Dense(3, activation='tanh', name='hidden_b')(in_b)
from keras.layers import merge
joined = merge([hidden_a, hidden_b], mode='concat')
out_a = Dense(3, activation='softmax', name='out_a')(joined)
out_b = Dense(1, name='out_b')(joined)
multi = Model(input=[in_a, in_b], output=[out_a, out_b])
w = np.random.RandomState(8)
multi.set_weights([w.uniform(-0.8, 0.8, size=v.shape).astype('float32')
                   for v in multi.get_weights()])
initial = multi.get_weights()
XB = rng.uniform(-1, 1, size=(20, 2)).astype('float32')
YB = (X[:, :1] * XB[:, :1] + 0.5).astype('float32')
XBv = rng.uniform(-1, 1, size=(6, 2)).astype('float32')
YBv = (Xv[:, :1] * XBv[:, :1] + 0.5).astype('float32')
multi.compile(optimizer='sgd',
              loss={'out_a': 'categorical_crossentropy', 'out_b': 'mse'},
              loss_weights={'out_a': 1., 'out_b': 0.5},
              metrics={'out_a': 'accuracy', 'out_b': ['mae']})
print('multi metrics_names', multi.metrics_names)
history = multi.fit({'in_a': X, 'in_b': XB}, {'out_a': Y, 'out_b': YB}, batch_size=8,
                    nb_epoch=3, verbose=0, shuffle=False,
                    validation_data=([Xv, XBv], [Yv, YBv]))
record_history('multi_dict', history)
print('multi params', sorted(history.params.items()))
golden.record('multi_dict/weights', multi.get_weights(), rtol=1e-3)
out = multi.evaluate([X, XB], [Y, YB], batch_size=8, verbose=0)
golden.record('multi_dict/evaluate', [float(v) for v in out])
out = multi.predict({'in_a': Xv, 'in_b': XBv})
print('multi predict ->', type(out).__name__, [o.shape for o in out])
golden.record('multi_dict/predict', out)
out = multi.train_on_batch([X[:8], XB[:8]], [Y[:8], YB[:8]])
golden.record('multi_dict/train_on_batch', [float(v) for v in out])
out = multi.test_on_batch({'in_a': X, 'in_b': XB}, {'out_a': Y, 'out_b': YB})
golden.record('multi_dict/test_on_batch', [float(v) for v in out])
out = multi.predict_on_batch([X[:3], XB[:3]])
golden.record('multi_dict/predict_on_batch', out)

multi.set_weights(initial)
multi.compile(optimizer='sgd', loss=['categorical_crossentropy', 'mse'],
              loss_weights=[0.2, 2.], metrics=['acc'])
print('multi list metrics_names', multi.metrics_names)
history = multi.fit([X, XB], [Y, YB], batch_size=8, nb_epoch=2, verbose=0,
                    shuffle=False, validation_split=0.2,
                    sample_weight=[sample_weight, np.ones(20, 'float32')])
record_history('multi_list', history)
golden.record('multi_list/weights', multi.get_weights(), rtol=1e-3)

multi.set_weights(initial)
multi.compile(optimizer='sgd', loss='mse')
print('multi single loss metrics_names', multi.metrics_names)
history = multi.fit([X, XB], [Y, YB], batch_size=10, nb_epoch=2, verbose=0, shuffle=False)
record_history('multi_one_loss', history)

# ---- generators ------------------------------------------------------------------------
def batches(x, y, size, weights=None):
    i = 0
    while True:
        start = (i * size) % len(x)
        stop = start + size
        i += 1
        if weights is None:
            yield x[start:stop], y[start:stop]
        else:
            yield x[start:stop], y[start:stop], weights[start:stop]


model = compiled(k=9)
history = model.fit_generator(batches(X, Y, 5), samples_per_epoch=20, nb_epoch=3, verbose=0,
                              validation_data=(Xv, Yv))
record_history('fit_generator', history)
print('fit_generator params', sorted(history.params.items()))
golden.record('fit_generator/weights', model.get_weights(), rtol=1e-3)
out = model.evaluate_generator(batches(X, Y, 5), val_samples=20)
print('evaluate_generator ->', type(out).__name__, [type(v).__name__ for v in out])
golden.record('evaluate_generator', [float(v) for v in out])
golden.record('evaluate_generator/evaluate', [float(v) for v in model.evaluate(X, Y, batch_size=5, verbose=0)])
out = model.predict_generator((x for x, y in batches(X, Y, 5)), val_samples=20)
print('predict_generator ->', type(out).__name__, out.shape, out.dtype)
golden.record('predict_generator', out)

model = compiled(k=10)
history = model.fit_generator(batches(X, Y, 4, sample_weight), samples_per_epoch=20, nb_epoch=2,
                              verbose=0, validation_data=batches(Xv, Yv, 3),
                              nb_val_samples=6)
record_history('fit_generator_weighted', history)
golden.record('fit_generator_weighted/weights', model.get_weights(), rtol=1e-3)

model = compiled(k=11)
history = model.fit_generator(batches(X, Y, 5), samples_per_epoch=20, nb_epoch=4,
                              verbose=0, initial_epoch=2, class_weight={0: 1., 1: 2., 2: 1.})
record_history('fit_generator_initial_epoch', history)

# ---- initial_epoch, shuffle ------------------------------------------------------------
model = compiled(k=12)
history = model.fit(X, Y, batch_size=8, nb_epoch=4, verbose=0, shuffle=False, initial_epoch=2)
record_history('initial_epoch', history)
print('initial_epoch params', sorted(history.params.items()))
golden.record('initial_epoch/weights', model.get_weights(), rtol=1e-3)

np.random.seed(42)
model = compiled(k=13)
history = model.fit(X, Y, batch_size=6, nb_epoch=3, verbose=0, shuffle='batch')
record_history('shuffle_batch', history)
golden.record('shuffle_batch/weights', model.get_weights(), rtol=1e-3)
golden.record('shuffle_batch/next_random', int(np.random.randint(1000000)))

np.random.seed(43)
model = compiled(k=14)
history = model.fit(X, Y, batch_size=6, nb_epoch=3, verbose=0, shuffle=True,
                    validation_split=0.2)
record_history('shuffle_true_split', history)
golden.record('shuffle_true_split/weights', model.get_weights(), rtol=1e-3)
golden.record('shuffle_true_split/next_random', int(np.random.randint(1000000)))

# ---- types of what fit returns -------------------------------------------------------
model = compiled(k=15)
history = model.fit(X, Y, batch_size=8, nb_epoch=1, verbose=0, validation_data=(Xv, Yv))
print('History class', type(history).__name__, 'model is history.model:',
      history.model is model)
for key in sorted(history.history):
    value = history.history[key][0]
    print('history[%r][0] type %s' % (key, type(value).__name__))
