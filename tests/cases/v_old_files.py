# Keras version profiles: weight files of older releases. A small seeded
# Sequential model with the layers whose stored weights changed meaning or layout between
# releases -- Convolution1D (kernel (nb_filter, input_dim, filter_length, 1) up to 1.0.8),
# BatchNormalization (running_std holds the moving std up to 1.0.5, the variance after),
# Highway (weights W, b, W_carry, b_carry up to 1.1.2) -- plus an LSTM and a Dense.
# Under each release: predictions on fixed inputs, the weights' names and shapes, and the
# files it writes: save_weights always, model.save where the release has it (1.0.7+;
# 1.0.1 has none), with their root attributes (which of them say keras_version).
#
# Files go to $LEGACY_KERAS_FIXTURES (default: the current folder), named after the
# release: old_keras_<release>_model.h5, and old_keras_<release>_weights.h5 for 1.0.1 and
# 1.0.8 (later releases' save_weights files go to the current folder: not kept). The
# oracle's copies are tests/fixtures/old_keras_* (tests/goldens/README.md);
# tests/test_legacy_files.py loads them in legacy_keras.
import json
import os

import h5py
import numpy as np

import keras
from keras.layers import BatchNormalization, Convolution1D, Dense, Highway, LSTM
from keras.models import Sequential

import golden


def out_path(name, kept=True):
    return os.path.join(os.environ.get('LEGACY_KERAS_FIXTURES', '.') if kept else '.', name)


def text(value):
    return value.decode('utf8') if isinstance(value, bytes) else str(value)


release = keras.__version__
np.random.seed(1337)
rng = np.random.RandomState(11)
model = Sequential([Convolution1D(4, 3, input_shape=(7, 2)), BatchNormalization(),
                    LSTM(3), Highway(activation='tanh'), Dense(2, activation='softmax')])
model.compile(optimizer='sgd', loss='mse')  # Keras 1.0.x predicted compiled models only
for layer in model.layers:
    values = [rng.uniform(-0.8, 0.8, size=w.shape).astype('float32')
              for w in layer.get_weights()]
    if isinstance(layer, BatchNormalization):
        values[3] = rng.uniform(0.5, 2.0, size=values[3].shape).astype('float32')
    layer.set_weights(values)
    golden.record('weights/' + layer.name, [[str(w.name), list(v.shape)]
                                            for w, v in zip(layer.weights
                                                            if hasattr(layer, 'weights')
                                                            else layer.trainable_weights
                                                            + layer.non_trainable_weights,
                                                            values)])
x = rng.uniform(-1, 1, size=(3, 7, 2)).astype('float32')
golden.record('inputs', x)
golden.record('predictions', model.predict(x), rtol=1e-5)
golden.record('to_json has keras_version', 'keras_version' in json.loads(model.to_json()))

files = [('weights', 'old_keras_%s_weights.h5' % release, model.save_weights,
          release in ('1.0.1', '1.0.8'))]
if hasattr(model, 'save'):
    files.append(('model', 'old_keras_%s_model.h5' % release, model.save, True))
golden.record('has model.save', hasattr(model, 'save'))
for kind, name, write, kept in files:
    write(out_path(name, kept), overwrite=True)
    with h5py.File(out_path(name, kept), 'r') as f:
        attributes = sorted(f.attrs.keys())
        golden.record(kind + ' file attributes', attributes)
        golden.record(kind + ' file keras_version',
                      text(f.attrs['keras_version']) if 'keras_version' in f.attrs else None)
    print(release, kind, name, attributes)
