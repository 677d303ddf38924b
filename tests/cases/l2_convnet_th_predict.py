# A small Theano-era conv net: the script sets K.set_image_dim_ordering('th') at the top
# (as Theano users' keras.json did) and relies on the default ordering everywhere.
# Built under np.random.seed(1337) with default initialisation: records every initial
# weight exactly (so a test can also load them with set_weights, as if they came from
# the oracle), the predictions (rtol 1e-4), model.summary(), and one SGD
# train_on_batch step (loss and updated weights: gradients through the flipped
# convolution and the pooling). A second net (the mnist_cnn.py example, scaled down:
# Convolution2D -> relu -> Convolution2D -> relu -> MaxPooling2D -> Dropout -> Flatten ->
# Dense -> relu -> Dropout -> Dense -> softmax) and a 'tf' net built in the same script
# with explicit dim_ordering='tf', seeded the same way.
import numpy as np
from keras import backend as K

K.set_image_dim_ordering('th')

from keras.models import Sequential
from keras.layers import (Convolution2D, MaxPooling2D, Flatten, Dense, Activation,
                          Dropout)
from keras.optimizers import SGD

import golden

print('image_dim_ordering:', K.image_dim_ordering())

np.random.seed(1337)
model = Sequential()
model.add(Convolution2D(4, 3, 3, input_shape=(1, 6, 6)))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Flatten())
model.add(Dense(3, activation='softmax'))
model.summary()

for layer in model.layers:
    golden.record('net/%s/dim_ordering' % layer.name,
                  getattr(layer, 'dim_ordering', None))
golden.record('net/weight_names', [w.name for w in model.weights])
golden.record('net/initial_weights', model.get_weights(), rtol=0, atol=0)
golden.record('net/output_shapes', [list(l.output_shape) for l in model.layers])

data = np.random.RandomState(0)
x = data.uniform(0, 1, size=(3, 1, 6, 6)).astype('float32')
golden.record('net/x', x, rtol=0, atol=0)
golden.record('net/predict', model.predict(x))
golden.record('net/conv_output', K.function([model.input], [model.layers[0].output])([x])[0])

model.compile(loss='categorical_crossentropy', optimizer=SGD(lr=0.5))
y = np.eye(3, dtype='float32')
golden.record('net/train_loss', model.train_on_batch(x, y))
golden.record('net/weights_after_step', model.get_weights())
golden.record('net/predict_after_step', model.predict(x))

# --- the mnist_cnn example, scaled down (8x8 images, 3 filters, 2x2 kernels)
np.random.seed(1337)
nb_filters, kernel_size, pool_size, nb_classes = 3, (2, 2), (2, 2), 3
cnn = Sequential()
cnn.add(Convolution2D(nb_filters, kernel_size[0], kernel_size[1], border_mode='valid',
                      input_shape=(1, 8, 8)))
cnn.add(Activation('relu'))
cnn.add(Convolution2D(nb_filters, kernel_size[0], kernel_size[1]))
cnn.add(Activation('relu'))
cnn.add(MaxPooling2D(pool_size=pool_size))
cnn.add(Dropout(0.25))
cnn.add(Flatten())
cnn.add(Dense(8))
cnn.add(Activation('relu'))
cnn.add(Dropout(0.5))
cnn.add(Dense(nb_classes))
cnn.add(Activation('softmax'))
cnn.summary()
golden.record('cnn/initial_weights', cnn.get_weights(), rtol=0, atol=0)
x8 = data.uniform(0, 1, size=(2, 1, 8, 8)).astype('float32')
golden.record('cnn/x', x8, rtol=0, atol=0)
golden.record('cnn/predict', cnn.predict(x8))
golden.record('cnn/output_shapes', [list(l.output_shape) for l in cnn.layers])

# --- a 'tf' net in the same script (explicit dim_ordering), same seed
np.random.seed(1337)
tfnet = Sequential()
tfnet.add(Convolution2D(4, 3, 3, input_shape=(6, 6, 1), dim_ordering='tf'))
tfnet.add(MaxPooling2D(pool_size=(2, 2), dim_ordering='tf'))
tfnet.add(Flatten())
tfnet.add(Dense(3, activation='softmax'))
tfnet.summary()
golden.record('tfnet/initial_weights', tfnet.get_weights(), rtol=0, atol=0)
x_tf = x.transpose(0, 2, 3, 1)
golden.record('tfnet/predict', tfnet.predict(x_tf))
# the 'th' kernel transposed to 'tf' (no extra flip: both orderings convolve) gives the
# 'th' conv output transposed
th_W, th_b = model.layers[0].get_weights()
tf_conv = Sequential()
tf_conv.add(Convolution2D(4, 3, 3, input_shape=(6, 6, 1), dim_ordering='tf',
                          weights=[th_W.transpose(2, 3, 1, 0), th_b]))
th_out = K.function([model.input], [model.layers[0].output])([x])[0]
golden.record('th_kernel_transposed_to_tf_agrees',
              bool(np.allclose(tf_conv.predict(x_tf), th_out.transpose(0, 2, 3, 1),
                               atol=1e-5)))
