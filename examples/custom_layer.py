"""A custom Keras 1 layer (Keras 1's examples/antirectifier.py): subtract the mean,
L2-normalise, and concatenate the positive and negative parts."""
from __future__ import print_function
import numpy as np
np.random.seed(3)

from keras.models import Sequential
from keras.layers import Dense, Layer
from keras import backend as K


class Antirectifier(Layer):
    def get_output_shape_for(self, input_shape):
        shape = list(input_shape)
        shape[-1] *= 2
        return tuple(shape)

    def call(self, x, mask=None):
        x -= K.mean(x, axis=1, keepdims=True)
        x = K.l2_normalize(x, axis=1)
        pos = K.relu(x)
        neg = K.relu(-x)
        return K.concatenate([pos, neg], axis=1)


model = Sequential()
model.add(Dense(8, input_shape=(5,)))
model.add(Antirectifier())
model.add(Dense(2, activation='softmax'))
model.compile(loss='categorical_crossentropy', optimizer='rmsprop', metrics=['accuracy'])
X = np.random.rand(40, 5).astype('float32')
Y = np.eye(2)[(X[:, 0] > 0.5).astype(int)].astype('float32')
model.fit(X, Y, batch_size=10, nb_epoch=2, verbose=0)
print(model.predict(X[:4]))
