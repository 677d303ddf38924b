# Keras 1 masks: Masking (mask_value 0 and -1; output zeroes masked timesteps),
# layer.output_mask / input_mask / get_output_mask_at, compute_mask called directly,
# masks propagated through layers that support masking (Dropout, Activation,
# TimeDistributed, BatchNormalization, GaussianNoise), masks from Embedding(mask_zero),
# merge() of masked tensors (sum, ave, mul, concat with an unmasked input, cos/dot give
# None, callable mode with output_mask), and the error raised when a layer that does
# not support masking (Dense, Flatten, Lambda) receives a mask.
# Records numbers and mask values, and the debugprint of outputs and masks.
import json
import re

import numpy as np
import theano
from keras import backend as K
from keras.layers import (Input, Dense, Activation, Dropout, Masking, Embedding, Flatten,
                          Lambda, TimeDistributed, BatchNormalization, GaussianNoise, merge)
from keras.models import Sequential, Model

import golden

np.random.seed(1337)
rng = np.random.RandomState(404)


def show_error(label, fn):
    try:
        fn()
    except Exception as e:
        message = re.sub(r' at 0x[0-9a-fA-F]+', ' at 0x...', str(e))
        print('%s -> %s: %s' % (label, type(e).__name__, message))
        golden.record('error/' + label, [type(e).__name__, message])
    else:
        print('%s -> no error' % label)
        golden.record('error/' + label, None)


def show_mask(key, inputs, layer_or_mask, values):
    mask = layer_or_mask if not hasattr(layer_or_mask, 'output_mask') else layer_or_mask.output_mask
    print('=== mask %s' % key)
    if mask is None:
        print('None')
        golden.record('mask/' + key, None)
        return
    theano.printing.debugprint(mask)
    value = K.function(inputs, [mask])(values)[0]
    golden.record('mask/' + key, value)
    golden.record('mask_dtype/' + key, str(value.dtype))


# sequences with some all-zero (and some all -1) timesteps
x = rng.uniform(-1, 1, size=(2, 4, 3)).astype('float32')
x[0, 1] = 0.
x[1, 3] = 0.
x[1, 0] = -1.
x[0, 2, 1] = 0.   # a single zero does not mask the timestep

# --- Masking in a Sequential, then layers that pass the mask on
seq = Sequential()
seq.add(Masking(mask_value=0., input_shape=(4, 3)))
seq.add(Dropout(0.5))
seq.add(Activation('tanh'))
seq.add(TimeDistributed(Dense(2)))
seq.add(GaussianNoise(0.1))
td = seq.layers[3]
td.set_weights([rng.uniform(-1, 1, size=(3, 2)).astype('float32'),
                rng.uniform(-1, 1, size=(2,)).astype('float32')])
masking = seq.layers[0]
print('=== %s output' % masking.name)
theano.printing.debugprint(masking.output)
golden.record('masking/config', json.loads(json.dumps(masking.get_config())))
golden.record('masking/output_shape', list(masking.output_shape))
golden.record('masking/predict', Model(input=seq.input, output=masking.output).predict(x))
golden.record('masking/input_mask_is_none', masking.input_mask is None)
for layer in seq.layers:
    show_mask(layer.name, [seq.input], layer, [x])
golden.record('seq/predict', seq.predict(x))
golden.record('seq/output_mask_same_object',
              [l.output_mask is masking.output_mask for l in seq.layers])
golden.record('seq/input_mask_of_dropout_is_masking_mask',
              seq.layers[1].input_mask is masking.output_mask)
golden.record('seq/get_output_mask_at_0', seq.layers[2].get_output_mask_at(0) is masking.output_mask)

# compute_mask called directly
direct = masking.compute_mask(seq.input, None)
show_mask('masking_compute_mask_direct', [seq.input], direct, [x])
golden.record('dense_compute_mask_none', Dense(2).compute_mask(seq.input, None) is None)

# --- Masking with another mask_value, BatchNormalization keeps the mask
inp = Input(shape=(4, 3), name='seq_in')
m1 = Masking(mask_value=-1., name='mask_minus_one')
bn = BatchNormalization(mode=2, name='bn_masked')
out = bn(m1(inp))
golden.record('mask_minus_one/predict', Model(input=inp, output=m1.output).predict(x))
golden.record('mask_minus_one/config', json.loads(json.dumps(m1.get_config())))
show_mask('mask_minus_one', [inp], m1, [x])
show_mask('bn_masked', [inp], bn, [x])

# --- Embedding masks through merge
t1 = Input(shape=(4,), dtype='int32', name='t1')
t2 = Input(shape=(4,), dtype='int32', name='t2')
e1 = Embedding(5, 3, mask_zero=True, name='e1')(t1)
e2 = Embedding(5, 3, mask_zero=True, name='e2')(t2)
e3 = Embedding(5, 3, name='e3_unmasked')(t2)
idx1 = np.array([[1, 2, 0, 4], [3, 0, 0, 1]], dtype='int32')
idx2 = np.array([[0, 2, 1, 4], [3, 3, 0, 0]], dtype='int32')
merged = {
    'sum': merge([e1, e2], mode='sum', name='m_sum'),
    'ave': merge([e1, e2], mode='ave', name='m_ave'),
    'mul': merge([e1, e2], mode='mul', name='m_mul'),
    'concat_feat': merge([e1, e2], mode='concat', concat_axis=-1, name='m_concat_feat'),
    'sum_one_unmasked': merge([e1, e3], mode='sum', name='m_sum_one_unmasked'),
    'callable': merge([e1, e2], mode=lambda ts: ts[0] - ts[1], output_shape=(4, 3),
                      output_mask=lambda ms: ms[0], name='m_callable'),
    'callable_fixed_mask': merge([e1, e2], mode=lambda ts: ts[0] + ts[1],
                                 output_shape=(4, 3), output_mask=None,
                                 name='m_callable_no_mask'),
}
for key in ['sum', 'ave', 'mul', 'concat_feat', 'sum_one_unmasked',
            'callable', 'callable_fixed_mask']:
    layer = merged[key]._keras_history[0]
    show_mask('merge_' + key, [t1, t2], layer, [idx1, idx2])
# concat along time of a masked and an unmasked input: Keras 1.2.2 builds the graph,
# but joins a (samples, time, 1) mask with a (samples, time, features) ones tensor, so
# evaluating the mask fails in Theano (a NumPy concatenate error: only its type is kept,
# the wording changed between NumPy versions)
m_concat_time = merge([e1, e3], mode='concat', concat_axis=1, name='m_concat_time')
print('=== mask merge_concat_time (graph only)')
theano.printing.debugprint(m_concat_time._keras_history[0].output_mask)
try:
    K.function([t1, t2], [m_concat_time._keras_history[0].output_mask])([idx1, idx2])
except Exception as e:
    print('merge_concat_time_mixed_masks -> %s' % type(e).__name__)
    golden.record('error/merge_concat_time_mixed_masks', type(e).__name__)
else:
    print('merge_concat_time_mixed_masks -> no error')
    golden.record('error/merge_concat_time_mixed_masks', None)
golden.record('merge_concat_time/predict',
              Model(input=[t1, t2], output=m_concat_time).predict([idx1, idx2]).shape)
show_error('merge_max_masked', lambda: merge([e1, e2], mode='max', name='m_max'))
m_cos = merge([e1, e2], mode='cos', dot_axes=[2, 2], name='m_cos')
show_mask('merge_cos', [t1, t2], m_cos._keras_history[0], [idx1, idx2])

# --- layers that do not support masking
show_error('dense_after_masking',
           lambda: Dense(2)(Masking(input_shape=(4, 3))(Input(shape=(4, 3), name='i1'))))
show_error('flatten_after_embedding_mask',
           lambda: Flatten()(Embedding(5, 3, mask_zero=True, input_length=4)(
               Input(shape=(4,), dtype='int32', name='i2'))))
show_error('lambda_after_masking',
           lambda: Lambda(lambda t: t * 2)(Masking()(Input(shape=(4, 3), name='i3'))))
show_error('sequential_dense_after_masking',
           lambda: Sequential([Masking(input_shape=(4, 3)), Dense(2)]))
