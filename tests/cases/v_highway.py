# Keras version profiles: Highway per release. Up to 1.1.2 b_carry started at
# transform_bias (default -2; also given explicitly) and get_weights() listed W, b,
# W_carry, b_carry; from 1.2.0 b_carry starts at 1 and the order is W, W_carry, b,
# b_carry. Seeded initial weights (exact), predictions, and set_weights in the release's
# order. Run under 1.0.1, 1.0.8, 1.1.2, 1.2.2.
import numpy as np
from keras.layers import Highway
from keras.models import Sequential

import golden

np.random.seed(1337)
rng = np.random.RandomState(2)
x = rng.uniform(-1, 1, size=(3, 4)).astype('float32')
for key, kwargs in (('default', {}), ('relu', {'activation': 'relu'})):
    model = Sequential([Highway(input_dim=4, **kwargs)])
    model.compile(optimizer='sgd', loss='mse')  # Keras 1.0.x predicted compiled models only
    layer = model.layers[0]
    golden.record(key + '/initial', layer.get_weights(), rtol=1e-6, atol=1e-7)
    golden.record(key + '/predict_initial', model.predict(x))
    layer.set_weights([rng.uniform(-1, 1, size=w.shape).astype('float32')
                       for w in layer.get_weights()])
    golden.record(key + '/predict_given', model.predict(x))
    print(key, [list(w.shape) for w in layer.get_weights()])
