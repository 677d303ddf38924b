"""A Keras 1 MLP classifier in the style of Keras 1's examples/mnist_mlp.py, on small
synthetic data (no download): Dense + Dropout + Activation, RMSprop, accuracy."""
from __future__ import print_function
import numpy as np
np.random.seed(1337)  # for reproducibility

from keras.models import Sequential
from keras.layers.core import Dense, Dropout, Activation
from keras.optimizers import RMSprop
from keras.utils import np_utils

nb_classes = 3
X_train = np.random.rand(120, 20).astype('float32')
y_train = (X_train[:, :3].argmax(axis=1)).astype('int32')
Y_train = np_utils.to_categorical(y_train, nb_classes)

model = Sequential()
model.add(Dense(32, input_shape=(20,)))
model.add(Activation('relu'))
model.add(Dropout(0.2))
model.add(Dense(nb_classes))
model.add(Activation('softmax'))
model.summary()

model.compile(loss='categorical_crossentropy', optimizer=RMSprop(), metrics=['accuracy'])
history = model.fit(X_train, Y_train, batch_size=16, nb_epoch=3, verbose=2)
score = model.evaluate(X_train, Y_train, verbose=0)
print('Train score:', score[0])
print('Train accuracy:', score[1])
print('History acc:', history.history['acc'])
