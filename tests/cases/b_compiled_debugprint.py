# debugprint of *compiled* functions (Theano 1.0's optimized-graph format:
# Dot22 / Elemwise{Composite{...}} / destroy maps such as [(0, 0)] / toposort indices).
# The seed's vfnet predict function built as theano.function([vfnet.input],
# vfnet.output) and as K.function([vfnet.input], [vfnet.output]) (whose Theano function
# is its .function attribute), plus a few small compiled functions from the same era:
# a policy net with softmax, a shared-variable update, a flat setter, a gradient, and
# Keras' own predict function after model.predict.
import numpy as np
np.random.seed(1337)  # the recorded predictions depend on the initial weights
import theano
import theano.tensor as T
from keras import backend as K
from keras.models import Sequential
from keras.layers import Dense

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
    layer.W.set_value(layer.W.get_value(borrow=True)*wt_scale)

print('== theano.function([vfnet.input], vfnet.output)')
predict = theano.function([vfnet.input], vfnet.output)
theano.printing.debugprint(predict)

print('== K.function([vfnet.input], [vfnet.output]).function')
kf = K.function([vfnet.input], [vfnet.output])
golden.record('K.function/has_function', hasattr(kf, 'function'))
golden.record('K.function/function_type', type(kf.function).__name__)
theano.printing.debugprint(kf.function)

x = np.linspace(-1, 1, 10).reshape(2, 5).astype('float32')
golden.record('predict', predict(x), rtol=1e-5)
golden.record('K.function_predict', kf([x])[0], rtol=1e-5)

print('== the same with print_type=True')
theano.printing.debugprint(predict, print_type=True)

print('== theano.function([policy.input], policy.output)')
theano.printing.debugprint(theano.function([policy.input], policy.output))

# a small softmax policy
pnet = Sequential()
pnet.add(Dense(3, input_shape=(2,), activation='tanh'))
pnet.add(Dense(2, activation='softmax'))
print('== theano.function([pnet.input], pnet.output)')
theano.printing.debugprint(theano.function([pnet.input], pnet.output,
                                           allow_input_downcast=True))

# shared-variable update
counter = theano.shared(np.float32(0.), name='counter')
inc = T.scalar('inc')
f_inc = theano.function([inc], counter, updates=[(counter, counter + inc)])
print('== counter update')
theano.printing.debugprint(f_inc)

# a flat setter (modular_rl SetFromFlat) for pnet's weights
theta = T.vector('theta')
start = 0
updates = []
for v in pnet.trainable_weights:
    shape = v.get_value().shape
    size = int(np.prod(shape))
    updates.append((v, T.reshape(theta[start:start + size], shape)))
    start += size
f_set = theano.function([theta], [], updates=updates)
print('== flat setter')
theano.printing.debugprint(f_set)

# gradient of a mean-squared error with respect to the weights of a one-layer net
lin = Sequential()
lin.add(Dense(2, input_shape=(3,)))
yt = T.matrix('yt')
loss = T.mean(T.sqr(lin.output - yt))
grads = T.grad(loss, lin.trainable_weights)
f_grad = theano.function([lin.input, yt], grads)
print('== gradient function')
theano.printing.debugprint(f_grad)

# Keras' own predict function (a K.function), after predict, for a functional Model on
# the vfnet graph
from keras.models import Model
m = Model(input=vfnet.input, output=vfnet.output)
golden.record('model_predict', m.predict(x), rtol=1e-5)
print('== Model(vfnet.input, vfnet.output).predict_function.function')
theano.printing.debugprint(m.predict_function.function)
golden.record('predict_function/type', type(m.predict_function).__name__)
