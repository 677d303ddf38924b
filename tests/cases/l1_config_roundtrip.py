# Keras 1 get_config() / from_config() for every layer of the "layers I" issue: each
# layer is built on a small input, its config is passed through JSON, re-created with
# <class>.from_config(config) and with layer_from_config({'class_name', 'config'}),
# and the re-created layer's config (after building it on the same input) is recorded
# and compared with the original. Also Sequential / Model from_config round trips
# (layer names, classes, weight shapes, and predictions after copying the weights).
import json

import numpy as np
from keras import backend as K
from keras.layers import (Input, Dense, Activation, Dropout, SpatialDropout1D,
                          SpatialDropout2D, SpatialDropout3D, Flatten, Reshape, Permute,
                          RepeatVector, Lambda, ActivityRegularization, Masking, Highway,
                          MaxoutDense, TimeDistributedDense, Embedding, BatchNormalization,
                          GaussianNoise, GaussianDropout, TimeDistributed, Merge, merge)
from keras.layers.advanced_activations import (LeakyReLU, PReLU, ELU, ParametricSoftplus,
                                               ThresholdedReLU, SReLU)
from keras.models import Sequential, Model
from keras.regularizers import l1l2, activity_l2
from keras.constraints import maxnorm, nonneg
from keras.utils.layer_utils import layer_from_config

import golden

np.random.seed(1337)
rng = np.random.RandomState(11)


def jsonable(config):
    """A config through a JSON round trip; NumPy scalars become plain numbers."""
    return json.loads(json.dumps(config, default=lambda v: v.item()))


cases = [
    (Dense(3, activation='relu', W_regularizer=l1l2(0.01, 0.02), b_constraint=nonneg(),
           activity_regularizer=activity_l2(0.1), name='c_dense'), (None, 4)),
    (Dense(2, bias=False, init='he_normal', W_constraint=maxnorm(3, axis=1),
           name='c_dense_nobias'), (None, 4)),
    (Activation('hard_sigmoid', name='c_activation'), (None, 4)),
    (Dropout(0.3, name='c_dropout'), (None, 4)),
    (SpatialDropout1D(0.2, name='c_sd1'), (None, 3, 4)),
    (SpatialDropout2D(0.2, dim_ordering='th', name='c_sd2'), (None, 2, 3, 3)),
    (SpatialDropout3D(0.2, dim_ordering='tf', name='c_sd3'), (None, 2, 2, 2, 3)),
    (Flatten(name='c_flatten'), (None, 3, 4)),
    (Reshape((2, -1), name='c_reshape'), (None, 3, 4)),
    (Permute((2, 1), name='c_permute'), (None, 3, 4)),
    (RepeatVector(3, name='c_repeat'), (None, 4)),
    (ActivityRegularization(l1=0.1, l2=0.2, name='c_actreg'), (None, 4)),
    (Masking(mask_value=0.5, name='c_masking'), (None, 3, 4)),
    (Highway(activation='tanh', name='c_highway'), (None, 4)),
    (MaxoutDense(3, nb_feature=2, name='c_maxout'), (None, 4)),
    (TimeDistributedDense(2, name='c_tdd'), (None, 3, 4)),
    (Embedding(6, 3, mask_zero=True, input_length=4, dropout=0.1, name='c_embedding'), None),
    (BatchNormalization(epsilon=1e-4, mode=0, axis=-1, momentum=0.9,
                        gamma_regularizer=l1l2(l2=0.01), name='c_bn'), (None, 4)),
    (BatchNormalization(mode=2, axis=1, name='c_bn_mode2'), (None, 2, 3, 3)),
    (GaussianNoise(0.2, name='c_gnoise'), (None, 4)),
    (GaussianDropout(0.4, name='c_gdropout'), (None, 4)),
    (LeakyReLU(alpha=0.2, name='c_leaky'), (None, 4)),
    (PReLU(init='one', shared_axes=[1], name='c_prelu'), (None, 3, 4)),
    (ELU(alpha=0.7, name='c_elu'), (None, 4)),
    (ParametricSoftplus(alpha_init=0.3, beta_init=4., name='c_psp'), (None, 4)),
    (ThresholdedReLU(theta=0.4, name='c_threshold'), (None, 4)),
    (SReLU(t_left_init='one', a_right_init='zero', name='c_srelu'), (None, 4)),
    (TimeDistributed(Dense(2, activation='tanh'), name='c_td'), (None, 3, 4)),
]

for layer, shape in cases:
    if shape is None:
        tensor = Input(shape=(4,), dtype='int32')
    else:
        tensor = Input(batch_shape=shape)
    layer(tensor)
    key = layer.name
    config = jsonable(layer.get_config())
    golden.record(key + '/class', layer.__class__.__name__)
    golden.record(key + '/config', config)
    # re-create from the config (a fresh copy each time: some from_config pop keys)
    clone = layer.__class__.from_config(json.loads(json.dumps(config)))
    clone2 = layer_from_config({'class_name': layer.__class__.__name__,
                                'config': json.loads(json.dumps(config))})
    if shape is None:
        clone_in = Input(shape=(4,), dtype='int32')
    else:
        clone_in = Input(batch_shape=shape)
    clone(clone_in)
    clone_config = jsonable(clone.get_config())
    golden.record(key + '/clone_config', clone_config)
    golden.record(key + '/clone_config_equal', clone_config == config)
    golden.record(key + '/layer_from_config_class', clone2.__class__.__name__)
    golden.record(key + '/clone_weight_names', [w.name for w in clone.weights])
    golden.record(key + '/clone_weight_shapes', [list(w.shape) for w in clone.get_weights()])
    if hasattr(layer, 'dim_ordering'):
        # dim_ordering is not in the Keras 1.2.2 config: the clone takes the default
        golden.record(key + '/dim_ordering', [layer.dim_ordering, clone.dim_ordering])
    print('%-12s %-22s config keys: %s' % (key, layer.__class__.__name__,
                                            ', '.join(sorted(config))))

# Lambda: only its non-code entries survive JSON; from_config re-creates the function
lam = Lambda(lambda t: t * 3., output_shape=(4,), name='c_lambda')
lam(Input(shape=(4,)))
lconfig = lam.get_config()
lclone = Lambda.from_config(dict(lconfig))
lin = Input(shape=(4,))
lout = lclone(lin)
xl = rng.uniform(-1, 1, size=(2, 4)).astype('float32')
golden.record('c_lambda/clone_predict', Model(input=lin, output=lout).predict(xl))
golden.record('c_lambda/clone_name', lclone.name)

# Merge layer config (raw mode) and from_config
ma = Input(shape=(3,))
mb = Input(shape=(3,))
mo = merge([ma, mb], mode='concat', concat_axis=-1, name='c_merge')
mlayer = mo._keras_history[0]
mconfig = jsonable(mlayer.get_config())
golden.record('c_merge/config', mconfig)
mclone = Merge.from_config(json.loads(json.dumps(mconfig)))
golden.record('c_merge/clone_config', jsonable(mclone.get_config()))
golden.record('c_merge/clone_built', bool(mclone.built))

# --- Sequential round trip
seq = Sequential()
seq.add(Dense(4, input_dim=3, activation='relu'))
seq.add(BatchNormalization())
seq.add(Dropout(0.2))
seq.add(Dense(2, activation='softmax'))
for layer in seq.layers:
    if layer.weights:
        ws = [rng.uniform(0.5, 1.5, size=w.shape).astype('float32') for w in layer.get_weights()]
        layer.set_weights(ws)
sconfig = jsonable(seq.get_config())
golden.record('sequential/config', sconfig)
seq2 = Sequential.from_config(json.loads(json.dumps(sconfig)))
golden.record('sequential/clone_layer_names', [l.name for l in seq2.layers])
golden.record('sequential/clone_layer_classes', [l.__class__.__name__ for l in seq2.layers])
golden.record('sequential/clone_weight_shapes', [list(w.shape) for w in seq2.get_weights()])
seq2.set_weights(seq.get_weights())
xs = rng.uniform(-1, 1, size=(3, 3)).astype('float32')
golden.record('sequential/predict', seq.predict(xs))
golden.record('sequential/clone_predict', seq2.predict(xs))
golden.record('sequential/clone_config_equal', jsonable(seq2.get_config()) == sconfig)

# --- functional Model round trip (multi-input, shared layer, merge)
a = Input(shape=(3,), name='a')
b = Input(shape=(3,), name='b')
shared = Dense(2, name='shared')
out = merge([shared(a), shared(b)], mode='sum', name='sum_ab')
out = Activation('tanh', name='tanh_out')(out)
model = Model(input=[a, b], output=out, name='roundtrip')
shared.set_weights([rng.uniform(-1, 1, size=(3, 2)).astype('float32'),
                    rng.uniform(-1, 1, size=(2,)).astype('float32')])
mconfig = jsonable(model.get_config())
golden.record('model/config', mconfig)
model2 = Model.from_config(json.loads(json.dumps(mconfig)))
golden.record('model/clone_name', model2.name)
golden.record('model/clone_layer_names', [l.name for l in model2.layers])
golden.record('model/clone_input_names', model2.input_names)
golden.record('model/clone_output_names', model2.output_names)
golden.record('model/clone_shared_nodes', len(model2.get_layer('shared').inbound_nodes))
model2.set_weights(model.get_weights())
xa = rng.uniform(-1, 1, size=(2, 3)).astype('float32')
xb = rng.uniform(-1, 1, size=(2, 3)).astype('float32')
golden.record('model/predict', model.predict([xa, xb]))
golden.record('model/clone_predict', model2.predict([xa, xb]))
golden.record('model/clone_config_equal', jsonable(model2.get_config()) == mconfig)
