"""A Keras 1 functional model with two inputs merged (concat) and two outputs, trained
with loss weights: Input, Dense, merge(mode='concat'), Model(input=, output=)."""
from __future__ import print_function
import numpy as np
np.random.seed(7)

from keras.layers import Input, Dense, merge
from keras.models import Model

a = Input(shape=(6,), name='left')
b = Input(shape=(4,), name='right')
x = merge([Dense(8, activation='tanh')(a), Dense(8, activation='tanh')(b)], mode='concat')
out_main = Dense(1, activation='sigmoid', name='main')(x)
out_aux = Dense(2, name='aux')(x)
model = Model(input=[a, b], output=[out_main, out_aux])
model.compile(optimizer='adam', loss=['binary_crossentropy', 'mse'], loss_weights=[1., 0.2])

xa = np.random.rand(48, 6).astype('float32')
xb = np.random.rand(48, 4).astype('float32')
y_main = (xa.sum(axis=1) > xb.sum(axis=1) + 1).astype('float32')
y_aux = np.stack([xa.mean(axis=1), xb.mean(axis=1)], axis=1)
history = model.fit([xa, xb], [y_main, y_aux], nb_epoch=3, batch_size=12, verbose=0)
print('losses:', history.history['loss'])
print(model.predict([xa[:3], xb[:3]]))
