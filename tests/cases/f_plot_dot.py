# keras.utils.visualize_util.model_to_dot / plot on the seed's
# vfnet. Keras 1.2.2 uses str(id(layer)) as the dot node ids, which change from run to
# run; to make the golden deterministic, this script replaces each node id with the name
# of its layer before printing. Nodes are declared in layer order (the input layer, whose
# name is model.input.name, then model.layers), so the k-th distinct id declared is the
# k-th of those names.
import re

import numpy as np

np.random.seed(1337)

from keras.models import Sequential
from keras.layers import Dense, Activation
from keras.utils.visualize_util import model_to_dot, plot

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


def deterministic(source, model):
    names = [model.input.name] + [layer.name for layer in model.layers]
    declared = re.findall(r'^(\d+) \[', source, flags=re.M)
    mapping = dict(zip(declared, names))
    return re.sub(r'\b\d{6,}\b', lambda m: mapping.get(m.group(0), m.group(0)), source)


def show(label, model, dot):
    print('==', label, '==')
    print(type(dot).__name__)
    print(deterministic(dot.to_string(), model), end='')


show('model_to_dot(vfnet)', vfnet, model_to_dot(vfnet))
show('model_to_dot(vfnet, show_shapes=True)', vfnet, model_to_dot(vfnet, show_shapes=True))
show('model_to_dot(vfnet, show_layer_names=False)', vfnet, model_to_dot(vfnet, show_layer_names=False))
show('model_to_dot(vfnet, show_shapes=True, show_layer_names=False)', vfnet,
     model_to_dot(vfnet, show_shapes=True, show_layer_names=False))
show('model_to_dot(policy, show_shapes=True)', policy, model_to_dot(policy, show_shapes=True))

other = Sequential()
other.add(Dense(8, batch_input_shape=(16, 3, 4), activation='relu'))
other.add(Activation('softmax'))
show('3-d input with Activation, show_shapes=True', other, model_to_dot(other, show_shapes=True))

plot(vfnet, to_file='model.png')
with open('model.png', 'rb') as f:
    print('model.png starts with', f.read(8))
plot(vfnet, to_file='model_shapes.png', show_shapes=True)
with open('model_shapes.png', 'rb') as f:
    print('model_shapes.png starts with', f.read(8))
