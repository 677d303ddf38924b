# With np.random.seed(1337) before building, the seed snippet's
# models get exactly the weights they got on Theano (initializers draw from NumPy's
# global generator in Keras 1.2.2's order, float64 then cast to float32). Records every
# weight before and after the snippet's scaling loop, weight names and order, and the
# predictions on a fixed input.
import numpy as np

np.random.seed(1337)

import golden
from keras.models import Sequential
from keras.layers import Dense

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

for model_name, model in (('policy', policy), ('vfnet', vfnet)):
    for layer in model.layers:
        W = layer.W.get_value()
        b = layer.b.get_value()
        print(model_name, layer.name, layer.W.name, W.dtype, W.shape, layer.b.name, b.dtype, b.shape)
        golden.record('initial/%s/%s/W' % (model_name, layer.name), W, rtol=0, atol=0)
        golden.record('initial/%s/%s/b' % (model_name, layer.name), b, rtol=0, atol=0)
    golden.record('%s/weight_names' % model_name,
                  [[w.name for w in layer.trainable_weights] for layer in model.layers])
    golden.record('%s/get_weights/shapes' % model_name,
                  [list(w.shape) for w in model.get_weights()])
    golden.record('%s/get_weights/dtypes' % model_name,
                  [str(w.dtype) for w in model.get_weights()])

initial = [layer.W.get_value() for layer in vfnet.layers]

for layer in vfnet.layers:
    layer.W.set_value(layer.W.get_value(borrow=True)*wt_scale)

for layer, before in zip(vfnet.layers, initial):
    after = layer.W.get_value()
    print(layer.name, 'scaled once:', bool(np.array_equal(after, before * wt_scale)), after.dtype)
    golden.record('scaled/vfnet/%s/W' % layer.name, after, rtol=0, atol=0)
    golden.record('scaled/vfnet/%s/b' % layer.name, layer.b.get_value(), rtol=0, atol=0)

x = np.random.RandomState(0).rand(7, 5).astype('float32')
pred = vfnet.predict(x)
print('predict shape', pred.shape, pred.dtype)
# the outputs are small (about 3e-4): keep the absolute tolerance well below them
golden.record('vfnet/predict', pred, rtol=1e-5, atol=1e-9)
pred_again = vfnet.predict(x)
print('predict twice equal:', bool(np.array_equal(pred, pred_again)))
for layer in vfnet.layers:
    # reading the weights again, after predicting, does not scale them again
    golden.record('after_predict/vfnet/%s/W' % layer.name, layer.W.get_value(), rtol=0, atol=0)
golden.record('policy/predict', policy.predict(x), rtol=1e-5)
golden.record('vfnet/get_weights/after', vfnet.get_weights(), rtol=0, atol=0)
