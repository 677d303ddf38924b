"""The Keras 1 FAQ: read an intermediate layer's output with K.function, in test mode
(learning phase 0)."""
from __future__ import print_function
import numpy as np
np.random.seed(5)

from keras.models import Sequential
from keras.layers import Dense, Dropout
from keras import backend as K

model = Sequential()
model.add(Dense(6, input_dim=4, activation='relu'))
model.add(Dropout(0.5))
model.add(Dense(3, activation='tanh'))
model.add(Dense(2))
model.compile(optimizer='sgd', loss='mse')

X = np.random.rand(10, 4).astype('float32')
get_3rd_layer_output = K.function([model.layers[0].input, K.learning_phase()],
                                  [model.layers[2].output])
layer_output = get_3rd_layer_output([X, 0])[0]
print(layer_output.shape)
print(layer_output[:2])
print(model.predict(X[:2]))
