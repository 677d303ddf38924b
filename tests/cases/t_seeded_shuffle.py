# With np.random.seed(1337) a script draws its data, then builds an MLP (no
# dropout, default init) whose initial weights come from NumPy's global generator, and
# fits 3 epochs with shuffle=True, batch_size=8 on 40 samples: Keras 1 shuffles with
# np.random.shuffle(index_array) on the global generator at the start of every epoch.
# Records the data, the initial weights (exact), the history (rtol 1e-4), the final
# weights (rtol 1e-3), and the next draws from np.random after fit (how many draws fit
# made). A second fit continues from the generator's state; a third with
# validation_split shows the split is taken before the shuffle.
import numpy as np

np.random.seed(1337)

from keras.models import Sequential
from keras.layers import Dense

import golden

X = np.random.rand(40, 4).astype('float32')
labels = (X[:, 0] + X[:, 1] > X[:, 2] + 0.5).astype('int32') + (X[:, 3] > 0.7)
Y = np.eye(3, dtype='float32')[labels]
golden.record('data/X', X, rtol=0, atol=0)
golden.record('data/labels', labels.tolist())

model = Sequential()
model.add(Dense(16, input_dim=4, activation='relu'))
model.add(Dense(8, activation='tanh'))
model.add(Dense(3, activation='softmax'))
golden.record('initial_weights', model.get_weights(), rtol=0, atol=0)
model.compile(optimizer='sgd', loss='categorical_crossentropy', metrics=['accuracy'])
history = model.fit(X, Y, batch_size=8, nb_epoch=3, verbose=0, shuffle=True)
print('epoch', history.epoch, 'keys', sorted(history.history))
for key in sorted(history.history):
    golden.record('fit1/history/%s' % key, [float(v) for v in history.history[key]])
golden.record('fit1/final_weights', model.get_weights(), rtol=1e-3)
state = np.random.get_state()
golden.record('fit1/next_random', np.random.rand(3))
np.random.set_state(state)

history = model.fit(X, Y, batch_size=8, nb_epoch=3, verbose=0)  # shuffle=True by default
for key in sorted(history.history):
    golden.record('fit2/history/%s' % key, [float(v) for v in history.history[key]])
golden.record('fit2/final_weights', model.get_weights(), rtol=1e-3)

history = model.fit(X, Y, batch_size=8, nb_epoch=3, verbose=0, validation_split=0.2)
print('epoch', history.epoch, 'keys', sorted(history.history))
for key in sorted(history.history):
    golden.record('fit3/history/%s' % key, [float(v) for v in history.history[key]])
golden.record('fit3/final_weights', model.get_weights(), rtol=1e-3)
golden.record('fit3/next_random', np.random.rand(3))

# what np.random.shuffle does to an index array after the same seed (for reference)
np.random.seed(1337)
index_array = np.arange(40)
np.random.shuffle(index_array)
print('np.random.shuffle(arange(40)) after seed 1337:', index_array.tolist())
