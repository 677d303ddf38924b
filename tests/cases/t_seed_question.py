# The seed's question as training. The seed's vfnet (after the policy network,
# as in seed_vfnet.py) is built under np.random.seed(1337); its W are scaled once with
# set_value; compiled with SGD(lr=0.1) and mse; fit one epoch with batch_size = all
# samples and shuffle=False. The weights after fit are exactly one SGD step from the
# scaled values: the scaling is never re-applied. Records the weights before scaling
# (exact), after scaling (exact), after fit (rtol 1e-4), the loss, and the one-step
# weights computed by hand from Theano's gradients.
import numpy as np

np.random.seed(1337)

from keras import backend as K
from keras.models import Sequential
from keras.layers import Dense
from keras.optimizers import SGD

import golden

hid_sizes = [64, 64]
cfg = {"activation": "tanh"}
wt_scale = 0.1


class Box(object):
    shape = (4,)


ob_space = Box()

policy = Sequential()
policy.add(Dense(32, input_shape=(5,), activation="tanh"))
policy.add(Dense(32))
policy.add(Dense(2))

vfnet = Sequential()
for (i, layeroutsize) in enumerate(hid_sizes):
    inshp = dict(input_shape=(ob_space.shape[0]+1,)) if i==0 else {} # add one extra feature for timestep
    vfnet.add(Dense(layeroutsize, activation=cfg["activation"], init="glorot_uniform",**inshp))
vfnet.add(Dense(1))

for layer in vfnet.layers:
    golden.record('before_scaling/%s/W' % layer.name, layer.W.get_value(), rtol=0, atol=0)
    golden.record('before_scaling/%s/b' % layer.name, layer.b.get_value(), rtol=0, atol=0)

for layer in vfnet.layers:
    layer.W.set_value(layer.W.get_value(borrow=True)*wt_scale)

scaled = vfnet.get_weights()
for layer in vfnet.layers:
    golden.record('after_scaling/%s/W' % layer.name, layer.W.get_value(), rtol=0, atol=0)

data = np.random.RandomState(0)
obs = data.uniform(-1, 1, size=(30, 5)).astype('float32')
returns = (obs[:, :1] * 2 + obs[:, 4:] - 0.5).astype('float32')

vfnet.compile(optimizer=SGD(lr=0.1), loss='mse')
before_loss = vfnet.evaluate(obs, returns, batch_size=30, verbose=0)
golden.record('loss_before', float(before_loss))

# the gradient of the loss at the scaled weights, by Theano (for the hand-made step)
target = K.placeholder(ndim=2)
loss = K.mean(K.square(vfnet.output - target))
grad_fn = K.function([vfnet.input, target], K.gradients(loss, vfnet.trainable_weights))
grad_values = grad_fn([obs, returns])

history = vfnet.fit(obs, returns, batch_size=len(obs), nb_epoch=1, shuffle=False, verbose=0)
print('history', sorted(history.history), history.epoch)
golden.record('history/loss', [float(v) for v in history.history['loss']])
golden.record('loss_after', float(vfnet.evaluate(obs, returns, batch_size=30, verbose=0)))

for layer in vfnet.layers:
    golden.record('after_fit/%s/W' % layer.name, layer.W.get_value(), rtol=1e-4, atol=1e-7)
    golden.record('after_fit/%s/b' % layer.name, layer.b.get_value(), rtol=1e-4, atol=1e-7)

after = vfnet.get_weights()
by_hand = [w - np.float32(0.1) * g for w, g in zip(scaled, grad_values)]
print('trainable weights', [w.name for w in vfnet.trainable_weights])
print('one SGD step from the scaled weights:',
      all(np.allclose(a, h, rtol=1e-5, atol=1e-7) for a, h in zip(after, by_hand)))
print('scaling not re-applied:',
      all(not np.allclose(a, w * wt_scale, rtol=1e-3) for a, w in zip(after[::2], scaled[::2])))
