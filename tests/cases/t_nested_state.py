# State changes of layers inside nested models during training. A model used as a
# layer (a Sequential branch of a legacy Merge, a functional Model called on a tensor,
# a Sequential inside a Sequential) whose BatchNormalization (mode 0) updates its running
# statistics, and a stateful LSTM inside a nested Sequential carrying its states: after
# train_on_batch steps, the running statistics, the states and the test-phase predictions
# are recorded (Keras 1.2.2 applied each update once per step), with the number of
# symbolic updates each model collects (a model adopts those of the models it calls).
# SGD throughout: adaptive optimizers (RMSprop, Adam) turn the near-zero gradients of a
# Dense feeding BatchNormalization (its output is invariant to their scale) into
# lr-sized steps whose direction is float rounding noise.
import numpy as np
from keras.models import Sequential, Model
from keras.layers import Dense, Activation, Merge, BatchNormalization, Input, LSTM

import golden

np.random.seed(11)
xl = np.random.rand(10, 3).astype('float32')
xr = np.random.rand(10, 3).astype('float32')
yl = np.eye(2)[np.random.randint(0, 2, 10)]


def count_updates(model):
    """len(model.updates); a Sequential used only as a layer had no built model in Keras
    1.2.2, so asking for its updates raised."""
    try:
        return len(model.updates)
    except Exception as e:
        return '%s: %s' % (type(e).__name__, e)


def record_bn(key, layer):
    golden.record(key + '/running_mean', layer.running_mean.get_value())
    golden.record(key + '/running_std', layer.running_std.get_value())


# a legacy Merge of two Sequentials, BN in the left branch
left = Sequential([Dense(3, input_dim=3), BatchNormalization(), Activation('relu')])
right = Sequential([Dense(4, input_dim=3)])
merged = Sequential([Merge([left, right], mode='concat'), Dense(2, activation='softmax')])
merged.compile(optimizer='sgd', loss='categorical_crossentropy')
for step in range(2):
    golden.record('merge/loss%d' % step, merged.train_on_batch([xl, xr], yl))
record_bn('merge/bn', left.layers[1])
golden.record('merge/test_loss', merged.test_on_batch([xl, xr], yl))
golden.record('merge/predict', merged.predict([xl, xr]))
golden.record('merge/updates', [count_updates(merged), count_updates(left)])

# a functional Model with BN, called as a layer inside another Model
inner_in = Input(shape=(3,))
inner = Model(inner_in, BatchNormalization()(Dense(4)(inner_in)))
outer_in = Input(shape=(3,))
outer = Model(outer_in, Dense(2, activation='softmax')(inner(outer_in)))
outer.compile(optimizer='sgd', loss='categorical_crossentropy')
for step in range(2):
    golden.record('functional/loss%d' % step, outer.train_on_batch(xl, yl))
record_bn('functional/bn', inner.layers[2])
golden.record('functional/predict', outer.predict(xl))
golden.record('functional/updates', [count_updates(outer), count_updates(inner)])

# a Sequential inside a Sequential, BN inside
nested = Sequential([Dense(3, input_dim=3), BatchNormalization()])
stack = Sequential([nested, Dense(2, activation='softmax')])
stack.compile(optimizer='sgd', loss='categorical_crossentropy')
golden.record('sequential/loss', stack.train_on_batch(xl, yl))
record_bn('sequential/bn', nested.layers[1])
golden.record('sequential/predict', stack.predict(xl))
golden.record('sequential/updates', count_updates(stack))
print('nested Sequential updates -> %s' % (count_updates(nested),))

# a stateful LSTM inside a nested Sequential
xs = np.random.rand(4, 3, 2).astype('float32')
ys = np.random.rand(4, 1).astype('float32')
rnn = Sequential([LSTM(3, batch_input_shape=(2, 3, 2), stateful=True)])
model = Sequential([rnn, Dense(1)])
model.compile(optimizer='sgd', loss='mse')
golden.record('stateful/loss', model.train_on_batch(xs[:2], ys[:2]))
golden.record('stateful/states', [s.get_value() for s in rnn.layers[0].states])
golden.record('stateful/predict', model.predict(xs, batch_size=2))
golden.record('stateful/updates', count_updates(model))
print('nested stateful Sequential updates -> %s' % (count_updates(rnn),))
print('done')
