# Gradients of a unit's / filter's mean activation with respect to the input
# (the Keras 1 conv_filter_visualization / deep-dream pattern):
#
#     loss = K.mean(layer_output[:, filter_index, :, :])
#     grads = K.gradients(loss, input_img)[0]
#     grads /= (K.sqrt(K.mean(K.square(grads))) + 1e-5)
#     iterate = K.function([input_img], [loss, grads])
#     for i in range(n): loss_value, grads_value = iterate([input_img_data])
#                        input_img_data += grads_value * step
#
# In Theano, K.gradients(loss, x) with a single (non-list) variable returns a tensor, not
# a list, so the example's ``[0]`` takes the first *sample* of the gradient (shape
# without the batch axis, broadcast back when added to a batch of one). With a list it
# returns a list. Both are recorded. Dense model first, then a tiny Convolution2D with
# 'th' ordering.
import numpy as np
import theano
from keras import backend as K
from keras.models import Sequential
from keras.layers import Dense, Convolution2D, Flatten

import golden

np.random.seed(1337)
rng = np.random.RandomState(3)


def fix_weights(model):
    for layer in model.layers:
        if layer.get_weights():
            layer.set_weights([rng.uniform(-1, 1, size=w.shape).astype('float32')
                               for w in layer.get_weights()])


def normalize(x):
    # utility function to normalize a tensor by its L2 norm
    return x / (K.sqrt(K.mean(K.square(x))) + 1e-5)


# --- Dense model
model = Sequential()
model.add(Dense(6, input_dim=4, activation='tanh'))
model.add(Dense(3, activation='sigmoid'))
fix_weights(model)

input_img = model.input
unit = 2
loss = K.mean(model.layers[0].output[:, unit])

g_single = K.gradients(loss, input_img)
g_list = K.gradients(loss, [input_img])
golden.record('dense/grads_single/is_list', isinstance(g_single, list))
golden.record('dense/grads_single/type', type(g_single).__name__)
golden.record('dense/grads_single/ndim', g_single.ndim)
golden.record('dense/grads_single/dtype', g_single.dtype)
golden.record('dense/grads_list/is_list', isinstance(g_list, list))
golden.record('dense/grads_list/len', len(g_list))
golden.record('dense/grads_list/0/ndim', g_list[0].ndim)
golden.record('dense/grads_single_0/ndim', g_single[0].ndim)
golden.record('dense/loss/ndim', loss.ndim)
golden.record('dense/loss/dtype', loss.dtype)

grads = normalize(g_single)
iterate = K.function([input_img], [loss, grads])

x = rng.uniform(-1, 1, size=(3, 4))  # float64, as in the examples
x0 = x.copy()
step = 0.5
losses = []
for i in range(5):
    loss_value, grads_value = iterate([x])
    losses.append(loss_value)
    if i == 0:
        golden.record('dense/first_grads', grads_value)
        golden.record('dense/first_grads_dtype', str(grads_value.dtype))
        golden.record('dense/loss_value_type', type(loss_value).__name__)
        golden.record('dense/loss_value_shape', list(np.shape(loss_value)))
        golden.record('dense/loss_value_dtype', str(np.asarray(loss_value).dtype))
    x += grads_value * step
    print('Current loss value:', '%.4f' % loss_value)
golden.record('dense/losses', np.array(losses))
golden.record('dense/final_input', x)
golden.record('dense/final_input_dtype', str(x.dtype))
golden.record('dense/loss_increased', bool(losses[-1] > losses[0]))

# the numpy check of the first gradient (d mean(tanh(xW+b)[:, unit]) / dx)
W, b = model.layers[0].get_weights()
h = np.tanh(np.dot(x0, W) + b)
num = (1 - h[:, unit] ** 2)[:, None] * W[:, unit][None, :] / x0.shape[0]
iterate_raw = K.function([input_img], [g_single])
golden.record('dense/raw_grads', iterate_raw([x0])[0])
golden.record('dense/raw_grads_match_numpy',
              bool(np.allclose(iterate_raw([x0])[0], num, atol=1e-6)))

# the example's "[0]": the first sample's gradient
iterate_first = K.function([input_img], [K.gradients(loss, input_img)[0]])
first = iterate_first([x0])[0]
golden.record('dense/grads_index0/shape', list(first.shape))
golden.record('dense/grads_index0', first)

# gradients with respect to the weights: a list, one entry per weight
output_loss = K.mean(K.square(model.output))
wgrads = K.gradients(output_loss, model.trainable_weights)
golden.record('dense/weight_grads/is_list', isinstance(wgrads, list))
golden.record('dense/weight_grads/len', len(wgrads))
f_w = K.function([model.input], wgrads)
wg = f_w([x0])
for w, g in zip(model.trainable_weights, wg):
    golden.record('dense/weight_grads/' + w.name, g)
    golden.record('dense/weight_grads/' + w.name + '/shape', list(g.shape))

# a gradient with respect to a variable the loss does not depend on
other = K.placeholder(ndim=2, name='other')
try:
    K.gradients(loss, other)
except Exception as e:
    print('disconnected ->', type(e).__name__)
    golden.record('error/disconnected', type(e).__name__)
else:
    golden.record('error/disconnected', None)

# deep-dream style: grads scaled by their mean absolute value, gradient ascent on x
dream = model.input
dloss = K.sum(K.square(model.layers[1].output)) - 0.1 * K.sum(K.square(dream))
dgrads = K.gradients(dloss, dream)
dgrads /= K.maximum(K.mean(K.abs(dgrads)), 1e-7)
f_dream = K.function([dream], [dloss, dgrads])
xd = x0.copy()
dlosses = []
for i in range(5):
    lv, gv = f_dream([xd])
    dlosses.append(lv)
    xd += 0.05 * gv
golden.record('dream/losses', np.array(dlosses))
golden.record('dream/final_input', xd)

# --- Convolution2D filter visualization, 'th' ordering, 1 channel 4x4 image
conv = Sequential()
conv.add(Convolution2D(2, 3, 3, border_mode='same', activation='relu',
                       dim_ordering='th', input_shape=(1, 4, 4)))
conv.add(Convolution2D(3, 2, 2, dim_ordering='th'))
fix_weights(conv)
golden.record('conv/weight_shapes', [list(w.shape) for w in conv.get_weights()])

input_img = conv.input
layer_output = conv.layers[1].output
filter_index = 1
loss = K.mean(layer_output[:, filter_index, :, :])
grads = K.gradients(loss, input_img)[0]
golden.record('conv/grads0/ndim', grads.ndim)
grads = normalize(grads)
iterate = K.function([input_img], [loss, grads])

input_img_data = rng.random_sample((1, 1, 4, 4)) * 20 + 128.
input_img_data = (input_img_data - 128.) / 20.
step = 1.
closses = []
for i in range(5):
    loss_value, grads_value = iterate([input_img_data])
    if i == 0:
        golden.record('conv/first_grads_shape', list(grads_value.shape))
        golden.record('conv/first_grads', grads_value)
    closses.append(loss_value)
    input_img_data += grads_value * step
    # (not printed: 12.73815536 lies within float32 noise of a 4-digit rounding boundary)
golden.record('conv/losses', np.array(closses))
golden.record('conv/final_input', input_img_data)
golden.record('conv/final_input_shape', list(input_img_data.shape))

# the same with a list, gradient of the whole batch
g_all = K.gradients(K.mean(conv.layers[0].output[:, 0, :, :]), [conv.input])[0]
f_all = K.function([conv.input], [g_all])
golden.record('conv/layer0_grads', f_all([input_img_data])[0])
