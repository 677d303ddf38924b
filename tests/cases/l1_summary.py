# Keras 1.2.2 model.summary() layouts (stdout, exact): a Sequential MLP with Dropout and
# a frozen layer, a Sequential with Flatten / Reshape / BatchNormalization
# (non-trainable parameters), a functional model with merge (two inputs, two outputs),
# a model with a shared layer (several "Connected to" rows, output shape 'multiple'),
# a model used as a layer and a nested Sequential, the legacy Sequential of
# Merge([branch1, branch2]) (flattened layers), custom line_length / positions, and
# count_params().
import numpy as np
from keras.layers import (Input, Dense, Activation, Dropout, Flatten, Reshape, Embedding,
                          BatchNormalization, TimeDistributed, Merge, merge)
from keras.models import Sequential, Model

import golden

np.random.seed(1337)


def summarize(key, model, **kwargs):
    print('### %s' % key)
    model.summary(**kwargs)
    golden.record(key + '/count_params', int(model.count_params()))


# --- Sequential MLP
mlp = Sequential()
mlp.add(Dense(8, input_dim=4, activation='relu'))
mlp.add(Dropout(0.5))
mlp.add(Dense(8, activation='relu', trainable=False))
mlp.add(Dense(3))
mlp.add(Activation('softmax'))
summarize('mlp', mlp)

# --- shapes, BatchNormalization (non-trainable running statistics), Embedding
conv_like = Sequential()
conv_like.add(Embedding(10, 4, input_length=6))
conv_like.add(TimeDistributed(Dense(3)))
conv_like.add(BatchNormalization())
conv_like.add(Flatten())
conv_like.add(Reshape((2, 9)))
conv_like.add(Flatten())
conv_like.add(Dense(1, activation='sigmoid'))
summarize('sequential_shapes', conv_like)

# --- functional model with merge, two inputs and two outputs
a = Input(shape=(4,), name='input_a')
b = Input(shape=(3,), name='input_b')
ha = Dense(5, activation='relu')(a)
hb = Dense(5, activation='relu')(b)
m = merge([ha, hb], mode='concat')
s = merge([ha, hb], mode='sum', name='summed')
main = Dense(1, activation='sigmoid', name='main_output')(m)
aux = Dense(2, name='aux_output')(s)
functional = Model(input=[a, b], output=[main, aux])
summarize('functional_merge', functional)

# --- shared layers: the same Dense on two inputs, and a shared layer on different shapes
left = Input(shape=(6,), name='left')
right = Input(shape=(6,), name='right')
shared = Dense(4, name='shared_dense')
l_out = shared(left)
r_out = shared(right)
both = merge([l_out, r_out], mode='concat', name='both')
out = Dense(1, name='score')(both)
siamese = Model(input=[left, right], output=out)
summarize('shared_layers', siamese)

p = Input(shape=(3,), name='flat_in')
q = Input(shape=(2, 3), name='seq_in')
multi = Dense(2, name='multi_shape_dense')
p_out = multi(p)
q_out = Flatten(name='flat_q')(multi(q))
multi_model = Model(input=[p, q], output=merge([p_out, q_out], mode='concat', name='cat_pq'))
summarize('shared_multiple_shapes', multi_model)

# --- a model used as a layer, twice, and a nested Sequential
enc_in = Input(shape=(6,), name='enc_in')
encoder = Model(input=enc_in, output=Dense(3, activation='tanh', name='code')(enc_in),
                name='encoder')
x1 = Input(shape=(6,), name='x1')
x2 = Input(shape=(6,), name='x2')
c1 = encoder(x1)
c2 = encoder(x2)
dist = merge([c1, c2], mode='mul', name='product')
pair = Model(input=[x1, x2], output=Dense(1, name='pair_score')(dist))
summarize('model_as_layer', pair)
summarize('encoder_itself', encoder)

block = Sequential(name='block')
block.add(Dense(4, input_dim=3, name='block_dense'))
block.add(Activation('relu', name='block_relu'))
nested = Sequential()
nested.add(block)
nested.add(Dense(2, name='head'))
summarize('nested_sequential', nested)

# --- legacy Sequential of a Merge of Sequential branches
branch1 = Sequential()
branch1.add(Dense(4, input_dim=3))
branch2 = Sequential()
branch2.add(Dense(4, input_dim=5))
legacy = Sequential()
legacy.add(Merge([branch1, branch2], mode='concat'))
legacy.add(Dense(1))
summarize('legacy_merge', legacy)

# --- custom layout arguments
summarize('mlp_line_length_70', mlp, line_length=70)
summarize('mlp_positions', mlp, line_length=80, positions=[.4, .6, .75, 1.])
