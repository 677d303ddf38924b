"""Keras 1 callbacks: ModelCheckpoint (save_best_only), EarlyStopping, CSVLogger, then
reload the best weights into a fresh model and predict."""
from __future__ import print_function
import numpy as np
np.random.seed(11)

from keras.models import Sequential
from keras.layers import Dense
from keras.callbacks import ModelCheckpoint, EarlyStopping, CSVLogger


def build():
    model = Sequential()
    model.add(Dense(8, input_dim=3, activation='tanh'))
    model.add(Dense(1))
    model.compile(optimizer='sgd', loss='mse')
    return model


X = np.random.rand(60, 3).astype('float32')
y = (X ** 2).sum(axis=1, keepdims=True).astype('float32')
model = build()
callbacks = [ModelCheckpoint('best.h5', monitor='val_loss', save_best_only=True),
             EarlyStopping(monitor='val_loss', patience=2),
             CSVLogger('training.log')]
history = model.fit(X, y, batch_size=10, nb_epoch=4, validation_split=0.25,
                    callbacks=callbacks, verbose=0)
print('val_loss:', history.history['val_loss'])
fresh = build()
fresh.load_weights('best.h5')
print(fresh.predict(X[:3]))
