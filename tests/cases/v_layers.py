# Keras version profiles: layer defaults that changed between releases,
# run under each reference (1.0.1, 1.0.8, 1.1.2, 1.2.2).
# - BatchNormalization: default epsilon / momentum (config), mode 0 in the training
#   phase with one running-statistics update through layer.updates (running_std holds
#   the moving average of the batch *std* up to 1.0.7, of the *variance* from 1.0.8),
#   the test phase with the updated statistics; mode 1; epsilon below 1e-5 (computed
#   directly up to 1.1.2, refused by Theano's batch_normalization_train from 1.2.0).
# - LSTM / GRU (default consume_less): seeded initial weights (exact) -- the per-gate U
#   matrices are orthogonal (inner_init) up to 1.1.2, glorot (init) in 1.2.x; recorded
#   as |w| since the SVD behind 'orthogonal' may flip column signs with another LAPACK
#   -- and predictions with given weights (1.0.1 returns float64).
import numpy as np
from keras import backend as K
from keras.layers import BatchNormalization, Dense, GRU, Input, LSTM
from keras.models import Sequential

import golden

rng = np.random.RandomState(7)
x = rng.uniform(-2, 3, size=(6, 4)).astype('float32')

model = Sequential()
model.add(BatchNormalization(input_shape=(4,)))
bn = model.layers[0]
config = bn.get_config()
golden.record('bn/epsilon', config['epsilon'], rtol=0, atol=0)
golden.record('bn/momentum', config['momentum'], rtol=0, atol=0)
bn.set_weights([rng.uniform(0.5, 1.5, size=4).astype('float32'),
                rng.uniform(-1, 1, size=4).astype('float32'),
                rng.uniform(-1, 1, size=4).astype('float32'),
                rng.uniform(0.5, 2, size=4).astype('float32')])
inp = model.layers[0].input
out = model.layers[0].output
train = K.function([inp, K.learning_phase()], [out], updates=bn.updates)
test = K.function([inp, K.learning_phase()], [out])
golden.record('bn/test_before', test([x, 0])[0])
golden.record('bn/train', train([x, 1])[0])
golden.record('bn/running_mean', K.get_value(bn.running_mean))
golden.record('bn/running_std', K.get_value(bn.running_std))
golden.record('bn/test_after', test([x, 0])[0])
print('bn weights:', [w.shape for w in bn.get_weights()])

# epsilon 1e-6 on a batch of variance ~1e-6, momentum 0 (running_std = the batch value):
# 1.0.6-1.1.2 computed the statistics directly (running_std is the batch variance),
# 1.2.x used Theano's batch_normalization_train, which refuses epsilon < 1e-5.
try:
    small = Sequential([BatchNormalization(epsilon=1e-6, momentum=0., input_shape=(4,))])
    sb = small.layers[0]
    f = K.function([sb.input, K.learning_phase()], [sb.output], updates=sb.updates)
    golden.record('bn_small_epsilon/train', f([x * 1e-3, 1])[0])
    golden.record('bn_small_epsilon/running_std', K.get_value(sb.running_std), rtol=1e-3,
                  atol=0)
except ValueError as error:
    golden.record('bn_small_epsilon/error', str(error))

bn1 = Sequential([BatchNormalization(mode=1, input_shape=(4,))])
bn1.layers[0].set_weights([rng.uniform(0.5, 1.5, size=4).astype('float32'),
                           rng.uniform(-1, 1, size=4).astype('float32'),
                           np.zeros(4, 'float32'), np.ones(4, 'float32')])
f1 = K.function([bn1.layers[0].input, K.learning_phase()], [bn1.layers[0].output])
golden.record('bn_mode1/output', f1([x, 0])[0])

np.random.seed(1337)
seq = rng.uniform(-1, 1, size=(3, 5, 4)).astype('float32')
for cls in (LSTM, GRU):
    net = Sequential([cls(6, input_shape=(5, 4)), Dense(2)])
    net.compile(optimizer='sgd', loss='mse')  # Keras 1.0.x predicted compiled models only
    layer = net.layers[0]
    key = cls.__name__
    golden.record(key + '/weight_shapes', [list(w.shape) for w in layer.get_weights()])
    # |w|: the SVD behind 'orthogonal' may flip a column's sign with another LAPACK
    golden.record(key + '/abs_weights', [np.abs(w) for w in layer.get_weights()],
                  rtol=1e-5, atol=1e-6)
    layer.set_weights([rng.uniform(-0.5, 0.5, size=w.shape).astype('float32')
                       for w in layer.get_weights()])
    golden.record(key + '/predict', net.predict(seq))
    print(key, 'weights:', len(layer.get_weights()))
