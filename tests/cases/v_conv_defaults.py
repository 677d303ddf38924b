# Keras version profiles: what a conv net gets when the script gives no
# dim_ordering, and how conv kernels are initialised, per Keras release. Run under
# each reference (1.0.1, 1.0.8, 1.1.2, 1.2.2) with that release's fresh keras.json:
# the default ordering ('th' up to 1.0.8: input_shape=(1, 8, 8) is one channel of 8x8;
# 'tf' from 1.1.0: input_shape=(3, 8, 8) is then 3 rows of 8 columns of 8 channels),
# the kernel shape, and
# the seeded initial kernels (exact): glorot_uniform / he_normal / lecun_uniform fans
# (1.0.1: fan_out = nb_filter; 1.1.x: the fans of a 'tf' kernel computed as 'th').
# Records output shapes, weight shapes, initial kernels and test-phase predictions.
import numpy as np
from keras import backend as K
from keras.layers import Convolution2D, Dense, Flatten, MaxPooling2D
from keras.models import Sequential

import golden

np.random.seed(1337)
x = np.random.RandomState(3).uniform(-1, 1, size=(2, 3, 8, 8)).astype('float32')


def plain(shape):
    return [None if v is None else int(v) for v in shape]


# default ordering: the classic first layer, input_shape=(channels, rows, cols)
model = Sequential()
model.add(Convolution2D(4, 3, 3, input_shape=(3, 8, 8), activation='relu'))
model.add(MaxPooling2D(pool_size=(1, 2)))
model.add(Flatten())
model.add(Dense(3))
print('default ordering output shapes:')
for layer in model.layers:
    print(' ', layer.name, plain(layer.output_shape))
    golden.record('default/%s/output_shape' % layer.name, plain(layer.output_shape))
golden.record('default/kernel_shape', list(model.layers[0].get_weights()[0].shape))
golden.record('default/kernel', model.layers[0].get_weights()[0], rtol=1e-6, atol=1e-7)
model.compile(optimizer='sgd', loss='mse')  # Keras 1.0.x predicted only compiled models
golden.record('default/predict', model.predict(x))

# explicit orderings, each initializer: only the kernels' scale differs (fans)
for ordering in ('th', 'tf'):
    shape = (3, 6, 5) if ordering == 'th' else (6, 5, 3)
    for init in ('glorot_uniform', 'he_normal', 'lecun_uniform', 'glorot_normal',
                 'he_uniform'):
        layer = Convolution2D(8, 3, 2, init=init, dim_ordering=ordering,
                              input_shape=shape)
        net = Sequential([layer])
        kernel = layer.get_weights()[0]
        key = '%s/%s' % (ordering, init)
        golden.record(key + '/kernel_shape', list(kernel.shape))
        golden.record(key + '/kernel', kernel, rtol=1e-6, atol=1e-7)
        golden.record(key + '/output_shape', plain(net.output_shape))
        print(key, list(kernel.shape), plain(net.output_shape))
