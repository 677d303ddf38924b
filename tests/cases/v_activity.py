# Keras version profiles: activity regularization per release. Up to 1.0.5
# the penalty was l1 / l2 of the batch mean (sum(l * mean(|x|, axis=0))), from 1.0.6 of
# the whole batch. train_on_batch / evaluate losses of a Dense with
# activity_regularizer=activity_l1 and activity_l2 (in the training phase only up to
# 1.1.2), and the weights after two batches. Run under 1.0.1, 1.0.8, 1.1.2, 1.2.2.
import numpy as np
from keras.layers import Dense
from keras.models import Sequential
from keras.regularizers import activity_l1, activity_l2

import golden

rng = np.random.RandomState(4)
x = rng.uniform(-1, 1, size=(8, 3)).astype('float32')
y = rng.uniform(-1, 1, size=(8, 2)).astype('float32')
W = rng.uniform(-1, 1, size=(3, 2)).astype('float32')
b = rng.uniform(-1, 1, size=(2,)).astype('float32')
for key, reg in (('l1', activity_l1(0.3)), ('l2', activity_l2(0.2))):
    model = Sequential([Dense(2, input_dim=3, activity_regularizer=reg)])
    model.layers[0].set_weights([W, b])
    model.compile(optimizer='sgd', loss='mse')
    golden.record(key + '/train_on_batch', [model.train_on_batch(x, y) for _ in range(2)])
    golden.record(key + '/evaluate', model.evaluate(x, y, batch_size=8, verbose=0))
    golden.record(key + '/weights', model.layers[0].get_weights(), rtol=1e-5)
    print(key, 'done')
