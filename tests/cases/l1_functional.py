# Keras 1 functional API: Input (shape, batch_shape, name, dtype, tensor=), default
# input names, Model(input=, output=, name=), multi-input / multi-output models
# (input_names, output_names, inputs, outputs, input_shape, output_shape, predict lists),
# shared layers (inbound_nodes, get_output_at / get_input_at / get_*_shape_at, the error
# for layer.output on a shared layer), a model called as a layer (nested model nodes and
# shared weights), a Sequential used in the functional API and nested in another
# Sequential, get_layer(name=) / get_layer(index=) (and their errors), layer.input /
# layer.output of Input layers, and Model.get_config().
import json
import re

import numpy as np
import theano
from keras import backend as K
from keras.layers import Input, Dense, Activation, merge
from keras.models import Sequential, Model

import golden

np.random.seed(1337)
rng = np.random.RandomState(8)


def jsonable(config):
    """A config through a JSON round trip; NumPy scalars become plain numbers."""
    return json.loads(json.dumps(config, default=lambda v: v.item()))


def plain(value):
    """Shapes as plain lists of ints/None."""
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if value is None:
        return None
    return int(value)


def randomize(layer):
    layer.set_weights([rng.uniform(-1, 1, size=w.shape).astype('float32')
                       for w in layer.get_weights()])


def show_error(label, fn):
    try:
        result = fn()
    except Exception as e:
        message = re.sub(r' at 0x[0-9a-fA-F]+', ' at 0x...', str(e))
        print('%s -> %s: %s' % (label, type(e).__name__, message))
        golden.record('error/' + label, [type(e).__name__, message])
    else:
        print('%s -> no error, returned %s' % (label, type(result).__name__))
        golden.record('error/' + label, None)


# --- Input variants
i1 = Input(shape=(3,))
i2 = Input(shape=(3,))
i3 = Input(batch_shape=(None, 2), name='batch_shaped')
i4 = Input(batch_shape=(5, 2), name='fixed_batch')
i5 = Input(shape=(4,), dtype='int32', name='int_input')
i6 = Input(tensor=K.placeholder(shape=(None, 3), name='my_placeholder'), name='from_tensor')
for t in [i1, i2, i3, i4, i5, i6]:
    layer = t._keras_history[0]
    key = 'input/' + layer.name
    golden.record(key + '/tensor_name', t.name)
    golden.record(key + '/dtype', str(t.dtype))
    golden.record(key + '/ndim', t.ndim)
    golden.record(key + '/keras_shape', plain(t._keras_shape))
    golden.record(key + '/layer_class', layer.__class__.__name__)
    golden.record(key + '/layer_input_is_output', layer.input is layer.output)
    golden.record(key + '/layer_output_shape', plain(layer.output_shape))
    golden.record(key + '/config', jsonable(layer.get_config()))
    golden.record(key + '/n_inbound_nodes', len(layer.inbound_nodes))
    print('=== %s' % key)
    theano.printing.debugprint(t)

# --- multi-input / multi-output model
a = Input(shape=(3,), name='a')
b = Input(shape=(2,), name='b')
ha = Dense(4, activation='relu', name='ha')(a)
hb = Dense(4, activation='tanh', name='hb')(b)
joined = merge([ha, hb], mode='concat', name='joined')
out_main = Dense(1, activation='sigmoid', name='main_output')(joined)
out_aux = Dense(2, activation='softmax', name='aux_output')(ha)
model = Model(input=[a, b], output=[out_main, out_aux], name='two_heads')
for layer in model.layers:
    if layer.weights:
        randomize(layer)
xa = rng.uniform(-1, 1, size=(3, 3)).astype('float32')
xb = rng.uniform(-1, 1, size=(3, 2)).astype('float32')
preds = model.predict([xa, xb])
golden.record('two_heads/predict_main', preds[0])
golden.record('two_heads/predict_aux', preds[1])
golden.record('two_heads/name', model.name)
golden.record('two_heads/input_names', model.input_names)
golden.record('two_heads/output_names', model.output_names)
golden.record('two_heads/inputs', [t.name for t in model.inputs])
golden.record('two_heads/outputs_keras_shapes', [plain(t._keras_shape) for t in model.outputs])
golden.record('two_heads/input_shape', plain(model.input_shape))
golden.record('two_heads/output_shape', plain(model.output_shape))
golden.record('two_heads/layer_names', [l.name for l in model.layers])
golden.record('two_heads/layer_classes', [l.__class__.__name__ for l in model.layers])
golden.record('two_heads/weight_names', [w.name for w in model.weights])
golden.record('two_heads/trainable_weight_names', [w.name for w in model.trainable_weights])
golden.record('two_heads/weight_shapes', [list(w.shape) for w in model.get_weights()])
golden.record('two_heads/config', jsonable(model.get_config()))
golden.record('two_heads/uses_learning_phase', bool(model.uses_learning_phase))
golden.record('two_heads/get_layer_name', model.get_layer(name='joined').name)
golden.record('two_heads/get_layer_index', [model.get_layer(index=i).name
                                            for i in range(len(model.layers))])
golden.record('two_heads/get_layer_unknown_is_none', model.get_layer(name='nope') is None)
golden.record('two_heads/get_output_shape_for',
              plain(model.get_output_shape_for([(7, 3), (7, 2)])))
print('=== two_heads.outputs[0]')
theano.printing.debugprint(model.outputs[0])
print('=== two_heads.outputs[1]')
theano.printing.debugprint(model.outputs[1])
show_error('get_layer_bad_index', lambda: model.get_layer(index=99))
show_error('get_layer_nothing', lambda: model.get_layer())

# single input / output: model.input and model.output are tensors, not lists
single = Model(input=a, output=out_aux)
golden.record('single/input_is_tensor', not isinstance(single.input, list))
golden.record('single/input_name', single.input.name)
golden.record('single/layer_names', [l.name for l in single.layers])
golden.record('single/predict', single.predict(xa))
golden.record('single/name', single.name)

# --- shared layer applied to two inputs
s1 = Input(shape=(3,), name='s1')
s2 = Input(shape=(3,), name='s2')
shared = Dense(2, name='shared_dense')
o1 = shared(s1)
o2 = shared(s2)
randomize(shared)
diff = merge([o1, o2], mode='sum', name='shared_sum')
shared_model = Model(input=[s1, s2], output=[o1, o2, diff])
x1 = rng.uniform(-1, 1, size=(2, 3)).astype('float32')
x2 = rng.uniform(-1, 1, size=(2, 3)).astype('float32')
p = shared_model.predict([x1, x2])
golden.record('shared/predict_o1', p[0])
golden.record('shared/predict_o2', p[1])
golden.record('shared/predict_sum', p[2])
golden.record('shared/n_inbound_nodes', len(shared.inbound_nodes))
golden.record('shared/n_outbound_nodes', len(shared.outbound_nodes))
golden.record('shared/output_at_0_is_o1', shared.get_output_at(0) is o1)
golden.record('shared/output_at_1_is_o2', shared.get_output_at(1) is o2)
golden.record('shared/input_at', [shared.get_input_at(0).name, shared.get_input_at(1).name])
golden.record('shared/input_shape_at', [plain(shared.get_input_shape_at(0)),
                                        plain(shared.get_input_shape_at(1))])
golden.record('shared/output_shape_at', [plain(shared.get_output_shape_at(0)),
                                         plain(shared.get_output_shape_at(1))])
golden.record('shared/input_shape', plain(shared.input_shape))
golden.record('shared/output_shape', plain(shared.output_shape))
golden.record('shared/keras_history', [[o._keras_history[0].name, o._keras_history[1],
                                        o._keras_history[2]] for o in (o1, o2)])
golden.record('shared/layer_names', [l.name for l in shared_model.layers])
golden.record('shared/weight_names', [w.name for w in shared_model.weights])
golden.record('shared/inbound_node_layers',
              [[l.name for l in node.inbound_layers] for node in shared.inbound_nodes])
print('=== shared_dense.get_output_at(0)')
theano.printing.debugprint(shared.get_output_at(0))
print('=== shared_dense.get_output_at(1)')
theano.printing.debugprint(shared.get_output_at(1))
show_error('shared_output', lambda: shared.output)
show_error('shared_input', lambda: shared.input)
show_error('shared_get_output_at_2', lambda: shared.get_output_at(2))

# --- a model called as a layer
inner_in = Input(shape=(3,), name='inner_in')
inner_hidden = Dense(3, activation='relu', name='inner_hidden')(inner_in)
inner_out = Dense(2, name='inner_out')(inner_hidden)
inner = Model(input=inner_in, output=inner_out, name='inner_model')
for layer in inner.layers:
    if layer.weights:
        randomize(layer)
outer_in = Input(shape=(3,), name='outer_in')
called = inner(outer_in)
outer_out = Activation('softmax', name='outer_softmax')(called)
outer = Model(input=outer_in, output=outer_out, name='outer_model')
golden.record('nested_model/predict', outer.predict(x1))
golden.record('nested_model/inner_predict', inner.predict(x1))
golden.record('nested_model/outer_layer_names', [l.name for l in outer.layers])
golden.record('nested_model/outer_layer_classes', [l.__class__.__name__ for l in outer.layers])
golden.record('nested_model/outer_weight_names', [w.name for w in outer.weights])
golden.record('nested_model/inner_n_inbound_nodes', len(inner.inbound_nodes))
golden.record('nested_model/called_keras_shape', plain(called._keras_shape))
golden.record('nested_model/called_history', [called._keras_history[0].name,
                                              called._keras_history[1],
                                              called._keras_history[2]])
golden.record('nested_model/get_layer', outer.get_layer('inner_model').name)
golden.record('nested_model/config', jsonable(outer.get_config()))
print('=== outer_model.output')
theano.printing.debugprint(outer.output)
# the same model called twice: two nodes, shared weights
again = inner(Input(shape=(3,), name='again_in'))
golden.record('nested_model/inner_n_inbound_nodes_after_second_call', len(inner.inbound_nodes))
print('=== inner_model second call')
theano.printing.debugprint(again)

# --- Sequential used in the functional API, and nested in another Sequential
seq = Sequential(name='seq_block')
seq.add(Dense(3, input_dim=2, name='seq_dense'))
seq.add(Activation('relu', name='seq_relu'))
randomize(seq.layers[0])
f_in = Input(shape=(2,), name='f_in')
f_out = seq(f_in)
f_model = Model(input=f_in, output=f_out)
xs = rng.uniform(-1, 1, size=(2, 2)).astype('float32')
golden.record('seq_functional/predict', f_model.predict(xs))
golden.record('seq_functional/layer_names', [l.name for l in f_model.layers])
print('=== Sequential called on f_in')
theano.printing.debugprint(f_out)

# a Sequential that is already connected cannot be added to another Sequential
show_error('add_connected_sequential', lambda: Sequential().add(seq))

block = Sequential(name='seq_block2')
block.add(Dense(3, input_dim=2, name='block_dense'))
block.add(Activation('relu', name='block_relu'))
randomize(block.layers[0])
outer_seq = Sequential()
outer_seq.add(block)
outer_seq.add(Dense(1, name='after_seq'))
randomize(outer_seq.layers[-1])
golden.record('nested_seq/predict', outer_seq.predict(xs))
golden.record('nested_seq/layer_names', [l.name for l in outer_seq.layers])
golden.record('nested_seq/layer_classes', [l.__class__.__name__ for l in outer_seq.layers])
golden.record('nested_seq/weight_names', [w.name for w in outer_seq.weights])
golden.record('nested_seq/weight_shapes', [list(w.shape) for w in outer_seq.get_weights()])
golden.record('nested_seq/input_name', outer_seq.input.name)
golden.record('nested_seq/output_shape', plain(outer_seq.output_shape))
golden.record('nested_seq/config', jsonable(outer_seq.get_config()))
# Sequential.get_layer looks in the flattened internal Model (input layer first)
golden.record('nested_seq/get_layer_block_is_none', outer_seq.get_layer(name='seq_block2') is None)
golden.record('nested_seq/get_layer_inner_dense', outer_seq.get_layer(name='block_dense').name)
indexed = []
for i in range(10):
    try:
        indexed.append(outer_seq.get_layer(index=i).name)
    except ValueError as e:
        golden.record('nested_seq/get_layer_index_error', str(e))
        break
golden.record('nested_seq/get_layer_by_index', indexed)
print('=== nested Sequential output')
theano.printing.debugprint(outer_seq.output)

# --- errors building models
show_error('input_without_shape', lambda: Input())
show_error('model_disconnected', lambda: Model(input=s1, output=o2))
show_error('model_output_not_keras_tensor', lambda: Model(input=a, output=K.placeholder((None, 2))))
show_error('dense_on_wrong_shape', lambda: shared(Input(shape=(5,))))
