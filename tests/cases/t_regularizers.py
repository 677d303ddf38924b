# Training with weight regularizers (W/b), activity regularizers (a Dense's
# activity_regularizer and the ActivityRegularization layer) and weight constraints
# (maxnorm, nonneg), from fixed weights, shuffle=False: per-epoch loss (which includes
# the penalties, as Keras 1's total loss did), evaluate(), and the final weights.
import numpy as np
from keras.models import Sequential
from keras.layers import Dense, ActivityRegularization
from keras.regularizers import l1, l2, activity_l2
from keras.constraints import maxnorm, nonneg

import golden

data = np.random.RandomState(7)
X = data.uniform(-1, 1, size=(24, 4)).astype('float32')
Y = data.uniform(-1, 1, size=(24, 2)).astype('float32')

model = Sequential()
model.add(Dense(5, input_dim=4, activation='tanh', W_regularizer=l2(0.05), b_regularizer=l1(0.02),
                activity_regularizer=activity_l2(0.03), W_constraint=maxnorm(0.8)))
model.add(ActivityRegularization(l1=0.01, l2=0.02))
model.add(Dense(2, W_constraint=nonneg()))
rng = np.random.RandomState(3)
model.set_weights([rng.uniform(-0.5, 0.5, size=w.shape).astype('float32')
                   for w in model.get_weights()])
model.compile(optimizer='sgd', loss='mse')
golden.record('evaluate_before', float(model.evaluate(X, Y, batch_size=8, verbose=0)))
history = model.fit(X, Y, batch_size=8, nb_epoch=3, verbose=0, shuffle=False)
golden.record('history_loss', [float(v) for v in history.history['loss']])
golden.record('evaluate_after', float(model.evaluate(X, Y, batch_size=8, verbose=0)))
golden.record('final_weights', model.get_weights(), rtol=1e-3)
print('losses per layer', [len(layer.losses) for layer in model.layers])
