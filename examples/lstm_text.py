"""A Keras 1 text model in the style of examples/imdb_lstm.py, on synthetic token
sequences: pad_sequences, Embedding, LSTM, Dense sigmoid."""
from __future__ import print_function
import numpy as np
np.random.seed(1337)

from keras.preprocessing import sequence
from keras.models import Sequential
from keras.layers import Dense, Embedding, Activation
from keras.layers import LSTM

max_features = 30
maxlen = 8
X = [list(np.random.randint(1, max_features, size=np.random.randint(3, 12))) for _ in range(48)]
y = np.array([int(sum(s) % 2) for s in X], dtype='float32')
X = sequence.pad_sequences(X, maxlen=maxlen)

model = Sequential()
model.add(Embedding(max_features, 8, dropout=0.2))
model.add(LSTM(6, dropout_W=0.2, dropout_U=0.2))
model.add(Dense(1))
model.add(Activation('sigmoid'))
model.compile(loss='binary_crossentropy', optimizer='adam', metrics=['accuracy'])
model.fit(X, y, batch_size=16, nb_epoch=2, validation_data=(X[:16], y[:16]), verbose=0)
score, acc = model.evaluate(X, y, batch_size=16, verbose=0)
print('Test score:', score)
print('Test accuracy:', acc)
