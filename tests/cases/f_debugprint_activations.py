# How theano.printing.debugprint shows the output of a Dense layer
# for every Keras 1 activation, given as Dense(activation=...) and as a separate
# Activation layer. Stdout is compared exactly (including the three trailing spaces
# after '' on every non-leaf line).
import numpy as np
import theano
from keras.models import Sequential
from keras.layers import Dense, Activation

np.random.seed(1)

ACTIVATIONS = ['linear', 'tanh', 'sigmoid', 'hard_sigmoid', 'relu', 'softmax',
               'softplus', 'softsign', 'elu']

print('## Dense(2, input_dim=3, activation=...)')
for act in ACTIVATIONS:
    model = Sequential()
    model.add(Dense(2, input_dim=3, activation=act))
    layer = model.layers[0]
    print('--', act, layer.name, '--')
    theano.printing.debugprint(layer.output)

print('## Dense(2, input_dim=3) followed by Activation(...)')
for act in ACTIVATIONS:
    model = Sequential()
    model.add(Dense(2, input_dim=3))
    model.add(Activation(act))
    layer = model.layers[1]
    print('--', act, layer.name, '--')
    theano.printing.debugprint(layer.output)

print('## Activation layer input, and the model output')
model = Sequential()
model.add(Dense(4, input_dim=3, activation='relu'))
model.add(Dense(2))
model.add(Activation('softmax'))
for layer in model.layers:
    print('--', layer.name, 'input --')
    theano.printing.debugprint(layer.input)
print('-- model.output --')
theano.printing.debugprint(model.output)

print('## Activation as the first layer (input_shape)')
model = Sequential()
model.add(Activation('tanh', input_shape=(3,)))
model.add(Dense(2, activation='sigmoid'))
for layer in model.layers:
    print('--', layer.name, '--')
    theano.printing.debugprint(layer.output)
