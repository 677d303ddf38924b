# Keras version profiles: Layer.set_input(input_tensor, shape), which Keras
# 1.0.0-1.1.1 had (removed in 1.1.2). Run under 1.0.1, 1.0.8, 1.1.2, 1.2.2.
# - a fresh Dense set on a placeholder: built from `shape`, its input / output / shapes,
#   a K.function of its output with given weights;
# - the same layer set on a second tensor (its first node replaced, no warning; the
#   layer is built again: new seeded glorot weights, still two weights);
# - a layer of a Sequential model (warns: not an Input layer; outbound layers);
# - no shape: the Theano backend cannot infer it (Exception); a shared layer (Exception);
# - a whole Sequential model set on a new tensor (its weights kept).
# Under 1.1.2 / 1.2.2 hasattr(layer, 'set_input') is False.
import warnings

import numpy as np
from keras import backend as K
from keras.layers import Dense, Dropout, Input
from keras.models import Sequential

import golden

rng = np.random.RandomState(3)
x = rng.uniform(-1, 1, size=(5, 4)).astype('float32')
W = rng.uniform(-1, 1, size=(4, 3)).astype('float32')
b = rng.uniform(-1, 1, size=3).astype('float32')

dense = Dense(3, activation='tanh')
golden.record('has_set_input', hasattr(dense, 'set_input'))
print('has set_input:', hasattr(dense, 'set_input'))

if hasattr(dense, 'set_input'):
    tensor = K.placeholder(ndim=2)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        dense.set_input(tensor, (None, 4))
    golden.record('fresh/warnings', len(caught))
    golden.record('fresh/input_is_tensor', dense.input is tensor)
    golden.record('fresh/input_shape', list(dense.input_shape))
    golden.record('fresh/output_shape', list(dense.output_shape))
    golden.record('fresh/inbound_nodes', len(dense.inbound_nodes))
    golden.record('fresh/weight_shapes', [list(w.shape) for w in dense.get_weights()])
    dense.set_weights([W, b])
    f = K.function([tensor], [dense.output])
    golden.record('fresh/output', f([x])[0])

    second = K.placeholder(ndim=2)
    np.random.seed(5)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        dense.set_input(second, (None, 4))
    golden.record('again/warnings', len(caught))
    golden.record('again/inbound_nodes', len(dense.inbound_nodes))
    golden.record('again/weight_count', len(dense.trainable_weights))
    golden.record('again/rebuilt_weights', dense.get_weights()[0])  # seeded glorot
    dense.set_weights([W, b])
    golden.record('again/output', K.function([second], [dense.output])([2 * x])[0])

    model = Sequential([Dense(3, input_dim=4), Dropout(0.5), Dense(2)])
    first = model.layers[0]
    first.set_weights([W, b])
    third = K.placeholder(ndim=2)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        first.set_input(third, (None, 4))
    first.set_weights([W, b])
    messages = [str(w.message) for w in caught]
    golden.record('model_layer/warnings', len(messages))
    golden.record('model_layer/not_input', any('not an Input layer' in m for m in messages))
    golden.record('model_layer/outbound', any('1 outbound layers' in m for m in messages))
    golden.record('model_layer/output',
                  K.function([third], [first.output])([x])[0])
    print('model layer warnings:', len(messages))

    try:
        Dense(2).set_input(K.placeholder(ndim=2))
        golden.record('no_shape', 'no error')
    except Exception as e:
        golden.record('no_shape', type(e).__name__)
        golden.record('no_shape/message', 'needs to know the shape' in str(e))

    shared = Dense(2)
    a, c = Input(shape=(4,)), Input(shape=(4,))
    shared(a)
    shared(c)
    try:
        shared.set_input(K.placeholder(ndim=2), (None, 4))
        golden.record('shared', 'no error')
    except Exception as e:
        golden.record('shared', type(e).__name__)
        golden.record('shared/message', 'more than one inbound connection' in str(e))

    # a whole Sequential model set on a new tensor (the error message's model.set_input)
    whole = Sequential([Dense(3, input_dim=4, activation='tanh'), Dense(2)])
    whole.set_weights([rng.uniform(-1, 1, w.shape).astype('float32')
                       for w in whole.get_weights()])
    fourth = K.placeholder(ndim=2)
    whole.set_input(fourth, (None, 4))
    golden.record('model/inbound_nodes', len(whole.inbound_nodes))
    golden.record('model/weight_count', len(whole.get_weights()))
    golden.record('model/output', K.function([fourth], [whole.output])([x])[0])
