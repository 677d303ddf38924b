"""A Keras 1 conv net on Theano's 'th' (channels-first) ordering, in the style of
examples/mnist_cnn.py, on small synthetic images."""
from __future__ import print_function
import numpy as np
np.random.seed(1337)

from keras.models import Sequential
from keras.layers import Dense, Dropout, Activation, Flatten
from keras.layers import Convolution2D, MaxPooling2D
from keras.utils import np_utils

nb_classes = 2
img_rows, img_cols = 8, 8
X_train = np.random.rand(32, 1, img_rows, img_cols).astype('float32')
y_train = (X_train[:, 0, :4].mean(axis=(1, 2)) > X_train[:, 0, 4:].mean(axis=(1, 2))).astype(int)
Y_train = np_utils.to_categorical(y_train, nb_classes)

model = Sequential()
model.add(Convolution2D(4, 3, 3, border_mode='valid', dim_ordering='th',
                        input_shape=(1, img_rows, img_cols)))
model.add(Activation('relu'))
model.add(MaxPooling2D(pool_size=(2, 2), dim_ordering='th'))
model.add(Dropout(0.25))
model.add(Flatten())
model.add(Dense(nb_classes))
model.add(Activation('softmax'))
model.compile(loss='categorical_crossentropy', optimizer='adadelta', metrics=['accuracy'])
model.fit(X_train, Y_train, batch_size=8, nb_epoch=2, verbose=1)
print(model.predict(X_train[:3]))
