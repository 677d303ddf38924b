# Every form of data Keras 1.2.2's standardize_input_data accepted, through
# fit / train_on_batch / test_on_batch / evaluate / predict: a list of plain numbers as
# the target of a single-output model (`[1] * B + [0] * B`, the GAN idiom), nested lists
# as inputs, 1-D arrays (made columns), a list holding one array, dicts keyed by input /
# output name, lists of arrays for a multi-input model; and the errors for forms it
# refused (message text printed).
import numpy as np
from keras.layers import Dense, Input, merge
from keras.models import Sequential, Model

import golden

rng = np.random.RandomState(5)
W = [rng.uniform(-0.5, 0.5, (2, 3)).astype('float32'), np.zeros(3, 'float32'),
     rng.uniform(-0.5, 0.5, (3, 1)).astype('float32'), np.zeros(1, 'float32')]
X = rng.rand(6, 2).astype('float32')
B = 3


def seq():
    model = Sequential([Dense(3, input_dim=2, activation='tanh'),
                        Dense(1, activation='sigmoid')])
    model.set_weights(W)
    model.compile(optimizer='sgd', loss='binary_crossentropy', metrics=['acc'])
    return model


def attempt(label, fn):
    try:
        result = fn()
        print(label, '-> ok')
        return result
    except Exception as e:
        print(label, '-> %s: %s' % (type(e).__name__, e))


m = seq()
golden.record('numbers/train', m.train_on_batch(X, [1] * B + [0] * B))
golden.record('numbers/test', m.test_on_batch(X, [1] * B + [0] * B))
golden.record('numbers/evaluate', m.evaluate(X, [1, 0, 1, 0, 1, 0], verbose=0))
golden.record('bools/train', m.train_on_batch(X, [True] * B + [False] * B))
golden.record('nested_lists/train', m.train_on_batch(X.tolist(), [[1]] * B + [[0]] * B))
golden.record('nested_lists/predict', m.predict(X.tolist()))
golden.record('list_of_one_array/train', m.train_on_batch([X], [np.ones(6)]))
golden.record('1d_target/train', m.train_on_batch(X, np.array([0, 1, 0, 1, 0, 1])))
golden.record('int_target/train', m.train_on_batch(X, np.ones((6, 1), dtype='int64')))
golden.record('float64_input/train', m.train_on_batch(X.astype('float64'), np.zeros(6)))
hist = m.fit(X.tolist(), [1, 0, 0, 1, 1, 0], batch_size=4, nb_epoch=2, shuffle=False,
             verbose=0)
golden.record('fit_lists/history', hist.history['loss'])
golden.record('weights', m.get_weights(), rtol=1e-3)
golden.record('predict_on_batch_list', m.predict_on_batch(X[:2].tolist()))

# a 1-D input for a model with one input unit
one = Sequential([Dense(1, input_dim=1)])
one.set_weights([np.array([[2.]], 'float32'), np.array([0.5], 'float32')])
one.compile(optimizer='sgd', loss='mse')
golden.record('1d_input/predict', one.predict(np.arange(4.)))
golden.record('1d_input/list_predict', one.predict([0., 1., 2., 3.]))
golden.record('1d_input/train', one.train_on_batch([0., 1., 2.], [1., 2., 3.]))

# a functional model with two inputs and two outputs
a = Input(shape=(2,), name='a')
b = Input(shape=(3,), name='b')
h = merge([Dense(2, name='ha')(a), Dense(2, name='hb')(b)], mode='concat')
o1 = Dense(1, activation='sigmoid', name='o1')(h)
o2 = Dense(2, name='o2')(h)
fm = Model([a, b], [o1, o2])
fm.set_weights([rng.uniform(-0.5, 0.5, w.shape).astype('float32') for w in fm.get_weights()])
fm.compile(optimizer='sgd', loss=['binary_crossentropy', 'mse'])
XB = rng.rand(6, 3).astype('float32')
Y2 = rng.rand(6, 2).astype('float32')
golden.record('functional/lists', fm.train_on_batch([X, XB], [np.ones(6), Y2]))
golden.record('functional/dicts', fm.train_on_batch({'a': X, 'b': XB},
                                                    {'o1': np.array([1, 0, 1, 0, 1, 0]), 'o2': Y2}))
golden.record('functional/dict_extra', fm.test_on_batch({'a': X, 'b': XB, 'c': X},
                                                        {'o1': np.zeros((6, 1)), 'o2': Y2}))
golden.record('functional/predict_dict', fm.predict({'a': X, 'b': XB}))
golden.record('functional/nested_list_inputs', fm.predict([X, XB.astype('float64')]))

# forms Keras 1.2.2 refused
attempt('numbers for two inputs', lambda: fm.predict([1, 2, 3]))
attempt('numbers for two outputs', lambda: fm.train_on_batch([X, XB], [1, 0, 1, 0, 1, 0]))
attempt('three arrays for two inputs', lambda: fm.predict([X, XB, X]))
attempt('one array for two inputs', lambda: fm.predict(X))
attempt('dict missing an input', lambda: fm.predict({'a': X}))
attempt('scalar input', lambda: m.predict(3))
attempt('string input', lambda: m.predict('abc'))
attempt('1-D array for a 3-D input', lambda: Sequential(
    [Dense(1, input_shape=(2, 2))]).predict(np.zeros(4)))
attempt('wrong number of features', lambda: m.train_on_batch(X[:, :1], [1] * 6))
attempt('wrong target width', lambda: m.train_on_batch(X, np.zeros((6, 2))))
attempt('empty list target', lambda: m.train_on_batch(X, []))
attempt('two arrays for one output', lambda: m.train_on_batch(X, [np.ones(6), np.ones(6)]))
