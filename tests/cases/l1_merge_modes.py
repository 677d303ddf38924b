# Keras 1 merging: the merge() function and the Merge layer in every mode (sum, mul,
# concat with concat_axis, ave, cos, dot with dot_axes, max, a callable mode with
# output_shape as tuple / function and with arguments), the legacy
# Sequential-of-Merge([model1, model2]) style, merge() on plain (non-Keras) tensors,
# and the errors Keras 1 raised (unknown mode, shape mismatches, reuse).
# Records test-phase numbers, output shapes, get_output_shape_for, get_config and the
# debugprint of each merge output.
import json
import re

import numpy as np
import theano
from keras import backend as K
from keras.layers import Input, Dense, Merge, merge
from keras.models import Sequential, Model

import golden

np.random.seed(1337)
rng = np.random.RandomState(2016)


def jsonable(config):
    """A config through a JSON round trip; NumPy scalars (e.g. the input_dim of a Dense
    after Flatten, an np.int64 in Keras 1) become plain numbers."""
    return json.loads(json.dumps(config, default=lambda v: v.item()))


def plain(value):
    """Shapes as plain lists of ints/None."""
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if value is None:
        return None
    return int(value)


def describe(layer, key=None, drop=()):
    key = key or layer.name
    print('=== %s (%s)' % (key, layer.__class__.__name__))
    theano.printing.debugprint(layer.output)
    golden.record(key + '/input_shape', plain(layer.input_shape))
    golden.record(key + '/output_shape', plain(layer.output_shape))
    golden.record(key + '/weights', [w.name for w in layer.weights])
    config = layer.get_config()
    for k in drop:
        config.pop(k)
    golden.record(key + '/config', jsonable(config))


def show_error(label, fn):
    try:
        fn()
    except Exception as e:
        message = re.sub(r' at 0x[0-9a-fA-F]+', ' at 0x...', str(e))  # no addresses
        print('%s -> %s: %s' % (label, type(e).__name__, message))
        golden.record('error/' + label, [type(e).__name__, message])
    else:
        print('%s -> no error' % label)
        golden.record('error/' + label, None)


a = Input(shape=(3,), name='a')
b = Input(shape=(3,), name='b')
c = Input(shape=(3,), name='c')
xa = rng.uniform(-1, 1, size=(4, 3)).astype('float32')
xb = rng.uniform(-1, 1, size=(4, 3)).astype('float32')
xc = rng.uniform(-1, 1, size=(4, 3)).astype('float32')

outs = [
    merge([a, b], mode='sum'),
    merge([a, b, c], mode='sum', name='sum3'),
    merge([a, b], mode='mul'),
    merge([a, b, c], mode='mul', name='mul3'),
    merge([a, b], mode='ave'),
    merge([a, b, c], mode='ave', name='ave3'),
    merge([a, b], mode='max'),
    merge([a, b, c], mode='max', name='max3'),
    merge([a, b], mode='concat'),
    merge([a, b, c], mode='concat', concat_axis=1, name='concat3'),
    merge([a, b], mode='cos'),
    merge([a, b], mode='dot'),
    merge([a, b], mode='dot', dot_axes=1, name='dot_axes1'),
    merge([a, b], mode='dot', dot_axes=[1, 1], name='dot_axes_list'),
]
model = Model(input=[a, b, c], output=outs)
preds = model.predict([xa, xb, xc])
for out, pred in zip(outs, preds):
    layer = out._keras_history[0]
    describe(layer)
    golden.record(layer.name + '/predict', pred)
golden.record('model/output_names', model.output_names)

# --- 3D inputs: concat on the time axis and on the feature axis, dot with axes pairs
s1 = Input(shape=(2, 3), name='s1')
s2 = Input(shape=(4, 3), name='s2')
s3 = Input(shape=(2, 3), name='s3')
x1 = rng.uniform(-1, 1, size=(2, 2, 3)).astype('float32')
x2 = rng.uniform(-1, 1, size=(2, 4, 3)).astype('float32')
x3 = rng.uniform(-1, 1, size=(2, 2, 3)).astype('float32')
outs3 = [
    merge([s1, s2], mode='concat', concat_axis=1, name='concat_time'),
    merge([s1, s3], mode='concat', concat_axis=-1, name='concat_feat'),
    merge([s1, s3], mode='concat', concat_axis=2, name='concat_axis2'),
    merge([s1, s2], mode='dot', dot_axes=[2, 2], name='dot_22'),
    merge([s1, s3], mode='dot', dot_axes=[1, 1], name='dot_11'),
    merge([s1, s3], mode='mul', name='mul3d'),
    merge([s1, s3], mode='cos', dot_axes=[2, 2], name='cos_22'),
]
model3 = Model(input=[s1, s2, s3], output=outs3)
preds3 = model3.predict([x1, x2, x3])
for out, pred in zip(outs3, preds3):
    layer = out._keras_history[0]
    describe(layer)
    golden.record(layer.name + '/predict', pred)


# --- callable modes
def diff_mode(tensors):
    return tensors[0] - tensors[1]


def scaled_sum(tensors, scale=1.):
    return (tensors[0] + tensors[1]) * scale


def outer_shape(shapes):
    return (shapes[0][0], shapes[0][1] + shapes[1][1])


m_lambda = merge([a, b], mode=lambda ts: ts[0] * 2. + ts[1], output_shape=(3,),
                 name='lambda_mode')
m_func = merge([a, b], mode=diff_mode, output_shape=lambda shapes: shapes[0],
               name='function_mode')
m_args = merge([a, b], mode=scaled_sum, output_shape=(3,), arguments={'scale': 0.5},
               name='arguments_mode')
m_cat = merge([a, b], mode=lambda ts: K.concatenate(ts, axis=-1),
              output_shape=outer_shape, name='callable_concat')
model_c = Model(input=[a, b], output=[m_lambda, m_func, m_args, m_cat])
preds_c = model_c.predict([xa, xb])
for out, pred in zip([m_lambda, m_func, m_args, m_cat], preds_c):
    layer = out._keras_history[0]
    describe(layer, drop=('mode', 'output_shape'))
    config = layer.get_config()
    golden.record(layer.name + '/config_types',
                  [config['mode_type'], config['output_shape_type'], config['output_mask_type']])
    golden.record(layer.name + '/predict', pred)
golden.record('function_mode/get_output_shape_for',
              plain(m_func._keras_history[0].get_output_shape_for([(5, 3), (5, 3)])))
golden.record('lambda_mode/get_output_shape_for',
              plain(m_lambda._keras_history[0].get_output_shape_for([(5, 3), (5, 3)])))

# --- Merge layer (legacy style): Sequential branches merged in a Sequential
left = Sequential()
left.add(Dense(3, input_dim=2))
right = Sequential()
right.add(Dense(3, input_dim=4))
for branch in (left, right):
    layer = branch.layers[0]
    layer.set_weights([rng.uniform(-1, 1, size=w.shape).astype('float32')
                       for w in layer.get_weights()])
xl = rng.uniform(-1, 1, size=(3, 2)).astype('float32')
xr = rng.uniform(-1, 1, size=(3, 4)).astype('float32')
for mode in ['sum', 'concat', 'mul', 'ave', 'max', 'cos', 'dot']:
    merged = Sequential()
    merged.add(Merge([left, right], mode=mode))
    layer = merged.layers[0]
    describe(layer, 'seq_merge_' + mode)
    golden.record('seq_merge_%s/predict' % mode, merged.predict([xl, xr]))
    golden.record('seq_merge_%s/n_inputs' % mode, len(merged.inputs))
    golden.record('seq_merge_%s/input_names' % mode, [t.name for t in merged.inputs])

merged = Sequential()
merged.add(Merge([left, right], mode='concat', concat_axis=1))
merged.add(Dense(2))
merged.layers[1].set_weights([rng.uniform(-1, 1, size=w.shape).astype('float32')
                              for w in merged.layers[1].get_weights()])
describe(merged.layers[1], 'seq_merge_then_dense')
golden.record('seq_merge_then_dense/predict', merged.predict([xl, xr]))
golden.record('seq_merge_then_dense/layer_names', [l.name for l in merged.layers])
golden.record('seq_merge_then_dense/weight_shapes', [list(w.shape) for w in merged.get_weights()])

# Merge layer applied to a list of Keras tensors (functional use of the class)
mlayer = Merge(mode='concat', name='merge_layer_call')
m_out = mlayer([a, b])
describe(mlayer)
golden.record('merge_layer_call/predict', Model(input=[a, b], output=m_out).predict([xa, xb]))

# merge() on plain (non-Keras) tensors computes directly
va = K.variable(xa)
vb = K.variable(xb)
raw = merge([va, vb], mode='mul')
print('=== merge of plain tensors')
theano.printing.debugprint(raw)
golden.record('plain_tensors/value', K.eval(raw))
golden.record('plain_tensors/has_keras_history', hasattr(raw, '_keras_history'))

# --- errors
show_error('merge_unknown_mode', lambda: merge([a, b], mode='foo'))
show_error('Merge_unknown_mode_constructor', lambda: Merge(mode='foo'))
show_error('Merge_unknown_mode_call', lambda: Merge(mode='foo')([a, b]))
show_error('Merge_unknown_mode_layers', lambda: Merge([left, right], mode='foo'))
show_error('merge_sum_shape_mismatch', lambda: merge([a, s1], mode='sum'))
show_error('merge_concat_mismatch', lambda: merge([s1, s2], mode='concat', concat_axis=-1))
show_error('merge_cos_three', lambda: merge([a, b, c], mode='cos'))
show_error('merge_dot_incompatible', lambda: merge([s1, s2], mode='dot', dot_axes=[1, 1]))
show_error('merge_dot_bad_axes', lambda: merge([a, b], mode='dot', dot_axes=[1, 1, 1]))
show_error('merge_dot_axes_type', lambda: merge([a, b], mode='dot', dot_axes='x'))
show_error('merge_single', lambda: merge([a], mode='sum'))
show_error('Merge_single_tensor', lambda: Merge(mode='sum')(a))
show_error('merge_callable_no_shape', lambda: merge([a, b], mode=lambda ts: ts[0]))
show_error('Merge_reuse', lambda: mlayer([b, c]))
