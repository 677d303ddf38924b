# Keras version profiles: Convolution1D per release. Up to 1.0.8 its kernel
# was a 'th' conv2d kernel (nb_filter, input_dim, filter_length, 1) and its default init
# 'uniform' (glorot_uniform from 1.1.2; kernel (filter_length, 1, input_dim, nb_filter)
# from 1.1.0). Run under 1.0.1, 1.0.8, 1.1.2, 1.2.2: seeded default kernels (exact),
# glorot kernels, predictions with the seeded and with given weights (valid / same,
# subsample_length 2), get_weights shapes.
import numpy as np
from keras.layers import Convolution1D, Flatten, Dense
from keras.models import Sequential

import golden

np.random.seed(1337)
rng = np.random.RandomState(9)
x = rng.uniform(-1, 1, size=(2, 7, 3)).astype('float32')

for key, kwargs in (('default', {}), ('glorot', {'init': 'glorot_uniform'}),
                    ('same_sub2', {'border_mode': 'same', 'subsample_length': 2})):
    model = Sequential([Convolution1D(4, 3, input_shape=(7, 3), **kwargs)])
    model.compile(optimizer='sgd', loss='mse')  # Keras 1.0.x predicted compiled models only
    layer = model.layers[0]
    weights = layer.get_weights()
    golden.record(key + '/shapes', [list(w.shape) for w in weights])
    golden.record(key + '/initial', weights, rtol=1e-6, atol=1e-7)
    golden.record(key + '/predict_initial', model.predict(x))
    layer.set_weights([rng.uniform(-1, 1, size=w.shape).astype('float32') for w in weights])
    golden.record(key + '/predict_given', model.predict(x))
    print(key, [list(w.shape) for w in weights], model.output_shape)
