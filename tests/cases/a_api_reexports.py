# Names Keras 1.2.2 re-exported (or spelled) outside their home module, used
# from where scripts imported them: each must be the working object and do what Keras
# 1.2.2 did. EigenvalueRegularizer in a model's loss, standardize_* helpers, the conv
# length helpers, time_distributed_dense, func_dump / func_load, optimizer_from_config,
# get_custom_objects, layer classes from keras.utils.layer_utils, get_source_inputs,
# and the keyword spellings set_floatx(floatx=...), pattern_broadcast(x, broatcastable=).
import numpy as np

import golden

from keras import backend as K
from keras.backend import theano_backend
from keras.engine import Merge, get_source_inputs, merge
from keras.engine.topology import func_dump, func_load
from keras.engine.training import (Progbar, standardize_class_weights,
                                   standardize_input_data, standardize_sample_weights)
from keras.layers import (conv_input_length, conv_output_length, get_from_module,
                          time_distributed_dense)
from keras.models import optimizer_from_config, Sequential
from keras.optimizers import get_custom_objects
from keras.regularizers import EigenvalueRegularizer
from keras.utils import layer_utils
from keras.utils.data_utils import Progbar as DataProgbar
from keras.utils.test_utils import Input, Model

rng = np.random.RandomState(15)

# EigenvalueRegularizer: its value on a fixed matrix, then inside a Dense's loss.
W = rng.uniform(-1, 1, size=(4, 3)).astype('float32')
reg = EigenvalueRegularizer(0.5)
golden.record('eigen_value', K.eval(reg(K.variable(W))))
golden.record('eigen_config', reg.get_config())
try:
    reg(K.variable(np.ones((2, 2, 2), dtype='float32')))
except ValueError as error:
    print('eigen rank 3 ->', error)

model = Sequential()
model.add(layer_utils.Dense(3, input_dim=4, W_regularizer=EigenvalueRegularizer(0.25)))
model.layers[0].set_weights([W, np.array([0.1, -0.2, 0.3], dtype='float32')])
model.compile(loss='mse', optimizer='sgd')
x = rng.uniform(-1, 1, size=(5, 4)).astype('float32')
y = rng.uniform(-1, 1, size=(5, 3)).astype('float32')
golden.record('eigen_model_loss', model.evaluate(x, y, verbose=0))
golden.record('eigen_model_train', model.train_on_batch(x, y))
golden.record('eigen_model_W', model.layers[0].get_weights()[0])

# standardize_* from keras.engine.training
print('class weights dict ->', standardize_class_weights({0: 1., 1: 2.}, ['out']))
print('class weights per output ->',
      standardize_class_weights({'a': {0: 3.}}, ['a', 'b']))
print('sample weights none ->', standardize_sample_weights(None, ['a', 'b']))
sw = standardize_sample_weights([np.ones(2), np.zeros(2)], ['a', 'b'])
print('sample weights list ->', [w.tolist() for w in sw])
try:
    standardize_sample_weights([np.ones(2)], ['a', 'b'])
except ValueError as error:
    print('sample weights wrong length ->', error)
arrays = standardize_input_data(np.zeros((3, 2)), ['in'], [(5, 2)], check_batch_axis=False)
print('check_batch_axis=False ->', [a.shape for a in arrays])
try:
    standardize_input_data(np.zeros((3, 2)), ['in'], [(5, 2)], check_batch_axis=True)
except ValueError as error:
    print('check_batch_axis=True ->', error)

# convolution length helpers from keras.layers
for mode in ('valid', 'same', 'full'):
    print(mode, 'out', conv_output_length(11, 3, mode, 2),
          'in', conv_input_length(5, 3, mode, 2))
print('out None ->', conv_output_length(None, 3, 'valid', 1))

# time_distributed_dense from keras.layers
xt = K.variable(rng.uniform(-1, 1, size=(2, 3, 4)).astype('float32'))
wt = K.variable(rng.uniform(-1, 1, size=(4, 5)).astype('float32'))
bt = K.variable(rng.uniform(-1, 1, size=(5,)).astype('float32'))
golden.record('tdd', K.eval(time_distributed_dense(xt, wt, bt, input_dim=4,
                                                   output_dim=5, timesteps=3)))

# func_dump / func_load from keras.engine.topology
def scale(v, factor=3):
    return v * factor + 1


code, defaults, closure = func_dump(scale)
print('func_dump defaults ->', defaults, 'closure ->', closure)
print('func_load ->', func_load(code, defaults, closure)(2))

# optimizer_from_config from keras.models, get_custom_objects from keras.optimizers
opt = optimizer_from_config({'class_name': 'SGD', 'config': {'lr': 0.5, 'momentum': 0.9}})
golden.record('opt_config', {k: float(v) if isinstance(v, (float, np.floating)) else v
                             for k, v in opt.get_config().items()})
print('optimizer_from_config ->', type(opt).__name__)
print('get_custom_objects ->', get_custom_objects())
print('get_from_module ->', get_from_module('Dense', vars(layer_utils), 'layer').__name__)

# keras.utils.layer_utils layer classes, Input / Model from keras.utils.test_utils,
# merge / Merge / get_source_inputs from keras.engine
a = Input(shape=(3,), name='a')
b = Input(shape=(3,), name='b')
s = merge([layer_utils.Dense(2, name='da')(a), layer_utils.Dense(2, name='db')(b)],
          mode='sum', name='s')
m2 = Model([a, b], s)
print('get_source_inputs ->', [t.name for t in get_source_inputs(s)])
print('Merge class ->', Merge.__name__, type(m2.get_layer('s')).__name__)
cfg = {'class_name': 'Dense', 'config': m2.get_layer('da').get_config()}
print('layer_from_config ->', type(layer_utils.layer_from_config(cfg)).__name__)
print('Progbar re-exported ->', Progbar is DataProgbar)

# keyword spellings of Keras 1.2.2
print('theano_backend.image_dim_ordering ->', theano_backend.image_dim_ordering())
K.set_floatx(floatx='float64')
print('set_floatx(floatx=) ->', K.floatx())
K.set_floatx('float32')
pb = K.pattern_broadcast(K.variable(np.ones((1, 3), dtype='float32')),
                         broatcastable=(True, False))
print('pattern_broadcast(broatcastable=) ->', pb.broadcastable)
try:
    layer_utils.SeparableConvolution2D(8, 3, 3)
except RuntimeError as error:
    print('SeparableConvolution2D ->', error)

# Container.run_internal_graph on new tensors, Node.get_config,
# GeneratorEnqueuer.is_running
from keras.engine.training import GeneratorEnqueuer

for name in ('da', 'db'):
    m2.get_layer(name).set_weights([rng.uniform(-1, 1, size=(3, 2)).astype('float32'),
                                    rng.uniform(-1, 1, size=(2,)).astype('float32')])
c = Input(shape=(3,), name='c')
d = Input(shape=(3,), name='d')
outputs, masks, shapes = m2.run_internal_graph([c, d])
print('run_internal_graph ->', type(outputs).__name__ == 'list', masks, shapes)
f = K.function([c, d], [outputs])
xa = rng.uniform(-1, 1, size=(2, 3)).astype('float32')
xb = rng.uniform(-1, 1, size=(2, 3)).astype('float32')
golden.record('run_internal_graph', f([xa, xb])[0])
golden.record('run_internal_graph_predict', m2.predict([xa, xb]))
outputs, masks, shapes = m2.run_internal_graph([K.placeholder(shape=(None, 3)),
                                                K.placeholder(shape=(None, 3))])
print('run_internal_graph on placeholders ->', masks, shapes)
print('node config ->', sorted(m2.get_layer('s').inbound_nodes[0].get_config().items()))
print('enqueuer running ->', GeneratorEnqueuer(iter([1, 2])).is_running())
