# Custom Keras 1 layers written with K.
#
# 1. The Keras 1.2.2 example layer "Antirectifier" (examples/antirectifier.py): x minus its
#    mean over the features, L2-normalised, then the positive and negative parts
#    concatenated (twice the features). A tiny model built from it (no Dropout, so that
#    training is deterministic) trains 2 epochs with rmsprop from fixed weights,
#    shuffle=False: history, final weights, predictions; summary(); the debugprint of the
#    custom layer's output.
# 2. Custom layers creating their weights in build() in every Keras 1 way:
#    self.init(shape, name=...) + self.trainable_weights = [...]; self.add_weight(...)
#    (with a regularizer, a constraint, trainable=False); K.variable / theano.shared +
#    self.trainable_weights; the deprecated self.regularizers idiom; self.constraints.
#    get_output_shape_for, compute_mask (with Masking), get_config; fit, predict,
#    save / load_model(custom_objects=...), model_from_config.
import json

import numpy as np
import theano
from keras import backend as K
from keras import initializations, regularizers, constraints
from keras import layers
from keras.engine.topology import Layer
from keras.layers import Dense, Activation, Masking
from keras.models import Sequential, load_model, model_from_json

import golden

np.random.seed(1337)
rng = np.random.RandomState(11)


def jsonable(config):
    return json.loads(json.dumps(config, default=lambda v: v.item()))


def fix_weights(model):
    for layer in model.layers:
        if layer.get_weights():
            layer.set_weights([rng.uniform(-0.8, 0.8, size=w.shape).astype('float32')
                               for w in layer.get_weights()])


def record_history(key, history):
    golden.record(key + '/history_keys', sorted(history.history.keys()))
    for k in sorted(history.history):
        golden.record(key + '/history/' + k, [float(v) for v in history.history[k]])
    golden.record(key + '/epoch', list(history.epoch))


class Antirectifier(layers.Layer):
    '''This is the combination of a sample-wise
    L2 normalization with the concatenation of the
    positive part of the input with the negative part
    of the input. The result is a tensor of samples that are
    twice as large as the input samples.
    '''

    def get_output_shape_for(self, input_shape):
        shape = list(input_shape)
        assert len(shape) == 2  # only valid for 2D tensors
        shape[-1] *= 2
        return tuple(shape)

    def call(self, x, mask=None):
        x -= K.mean(x, axis=1, keepdims=True)
        x = K.l2_normalize(x, axis=1)
        pos = K.relu(x)
        neg = K.relu(-x)
        return K.concatenate([pos, neg], axis=1)


# --- 1. the antirectifier model
model = Sequential()
model.add(Dense(6, input_shape=(5,)))
model.add(Antirectifier())
model.add(Dense(4))
model.add(Antirectifier())
model.add(Dense(3))
model.add(Activation('softmax'))
fix_weights(model)
model.compile(loss='categorical_crossentropy', optimizer='rmsprop', metrics=['accuracy'])
model.summary()

print('== antirectifier_1 output')
theano.printing.debugprint(model.layers[1].output)
golden.record('anti/names', [layer.name for layer in model.layers])
golden.record('anti/output_shapes', [list(layer.output_shape) for layer in model.layers])
golden.record('anti/config', jsonable(model.layers[1].get_config()))
golden.record('anti/trainable_weights', [w.name for w in model.trainable_weights])

X = rng.uniform(-1, 1, size=(10, 5)).astype('float32')
labels = rng.randint(0, 3, size=10)
Y = np.eye(3, dtype='float32')[labels]

f_anti = K.function([model.input], [model.layers[1].output])
a = f_anti([X])[0]
golden.record('anti/layer_output', a, rtol=1e-5)
golden.record('anti/layer_output_rows_unit_norm',
              bool(np.allclose((a ** 2).sum(axis=1), 1., atol=1e-5)))
golden.record('anti/predict_before', model.predict(X), rtol=1e-5)

history = model.fit(X, Y, batch_size=4, nb_epoch=2, shuffle=False, verbose=0)
record_history('anti', history)
for w in model.weights:
    golden.record('anti/final/' + w.name, K.get_value(w))
golden.record('anti/predict_after', model.predict(X))
golden.record('anti/evaluate', [float(v) for v in model.evaluate(X, Y, batch_size=5, verbose=0)])


# --- 2. custom layers creating weights in every Keras 1 way
class InitDense(Layer):
    """self.init(shape, name=...) and K.zeros, then self.trainable_weights = [...]."""

    def __init__(self, output_dim, init='glorot_uniform', **kwargs):
        self.output_dim = output_dim
        self.init = initializations.get(init)
        if 'input_dim' in kwargs:
            kwargs['input_shape'] = (kwargs.pop('input_dim'),)
        super(InitDense, self).__init__(**kwargs)

    def build(self, input_shape):
        input_dim = input_shape[1]
        self.W = self.init((input_dim, self.output_dim), name='{}_W'.format(self.name))
        self.b = K.zeros((self.output_dim,), name='{}_b'.format(self.name))
        self.trainable_weights = [self.W, self.b]

    def call(self, x, mask=None):
        return K.dot(x, self.W) + self.b

    def get_output_shape_for(self, input_shape):
        return (input_shape[0], self.output_dim)

    def get_config(self):
        config = {'output_dim': self.output_dim, 'init': self.init.__name__}
        base_config = super(InitDense, self).get_config()
        return dict(list(base_config.items()) + list(config.items()))


class ScaleShift(Layer):
    """self.add_weight with a regularizer and a constraint; a non-trainable weight."""

    def __init__(self, **kwargs):
        super(ScaleShift, self).__init__(**kwargs)

    def build(self, input_shape):
        dim = input_shape[-1]
        self.scale = self.add_weight((dim,), initializer='one',
                                     name='{}_scale'.format(self.name),
                                     regularizer=regularizers.l2(0.01),
                                     constraint=constraints.nonneg())
        self.shift = self.add_weight((dim,), initializer='zero',
                                     name='{}_shift'.format(self.name),
                                     trainable=False)
        self.built = True

    def call(self, x, mask=None):
        return x * self.scale + self.shift


class VariableDense(Layer):
    """K.variable and theano.shared weights; the deprecated self.regularizers idiom;
    a constraint given through self.constraints."""

    def __init__(self, output_dim, **kwargs):
        self.output_dim = output_dim
        super(VariableDense, self).__init__(**kwargs)

    def build(self, input_shape):
        input_dim = input_shape[1]
        initial_weight_value = np.random.random((input_dim, self.output_dim)) - 0.5
        self.W = K.variable(initial_weight_value, name='{}_W'.format(self.name))
        self.c = theano.shared(np.zeros((self.output_dim,), dtype=theano.config.floatX),
                               name='{}_c'.format(self.name))
        self.trainable_weights = [self.W, self.c]
        self.regularizers = []  # Keras 1.0 idiom: ignored (with a warning) in 1.2.2
        self.constraints = {self.c: constraints.maxnorm(0.05, axis=0)}

    def call(self, x, mask=None):
        return K.dot(x, self.W) + self.c

    def get_output_shape_for(self, input_shape):
        return (input_shape[0], self.output_dim)

    def get_config(self):
        config = {'output_dim': self.output_dim}
        base_config = super(VariableDense, self).get_config()
        return dict(list(base_config.items()) + list(config.items()))


custom = Sequential()
custom.add(InitDense(4, input_dim=3))
custom.add(ScaleShift())
custom.add(Activation('tanh'))
custom.add(VariableDense(2))
custom.add(Activation('sigmoid'))

golden.record('custom/names', [layer.name for layer in custom.layers])
golden.record('custom/weights', [w.name for w in custom.weights])
golden.record('custom/trainable_weights', [w.name for w in custom.trainable_weights])
golden.record('custom/non_trainable_weights', [w.name for w in custom.non_trainable_weights])
golden.record('custom/weight_shapes', [list(w.shape) for w in custom.get_weights()])
golden.record('custom/weight_dtypes', [str(w.dtype) for w in custom.get_weights()])
golden.record('custom/output_shapes', [list(layer.output_shape) for layer in custom.layers])
golden.record('custom/count_params', int(custom.count_params()))
for layer in custom.layers[:2] + custom.layers[3:4]:
    golden.record('custom/config/' + layer.name, jsonable(layer.get_config()))
print('== custom model output')
theano.printing.debugprint(custom.output)
custom.summary()

fix_weights(custom)
# a negative scale entry: the nonneg constraint clips it at the first update
scale = K.get_value(custom.layers[1].scale)
scale[0] = -0.5
K.set_value(custom.layers[1].scale, scale)
K.set_value(custom.layers[1].shift, np.array([0.1, -0.1, 0.2, 0.], dtype='float32'))

Xc = rng.uniform(-1, 1, size=(8, 3)).astype('float32')
Yc = rng.uniform(0, 1, size=(8, 2)).astype('float32')
golden.record('custom/predict_before', custom.predict(Xc), rtol=1e-5)
custom.compile(loss='mse', optimizer='sgd')
golden.record('custom/n_losses', len(custom.losses))
history = custom.fit(Xc, Yc, batch_size=3, nb_epoch=2, shuffle=False, verbose=0)
record_history('custom', history)
for w in custom.weights:
    golden.record('custom/final/' + w.name, K.get_value(w))
golden.record('custom/scale_nonneg', bool(np.all(K.get_value(custom.layers[1].scale) >= 0)))
golden.record('custom/shift_unchanged',
              bool(np.array_equal(K.get_value(custom.layers[1].shift),
                                  np.array([0.1, -0.1, 0.2, 0.], dtype='float32'))))
golden.record('custom/c_norm_le_0.05',
              bool(np.sqrt((K.get_value(custom.layers[3].c) ** 2).sum()) <= 0.05 + 1e-6))
pred_after = custom.predict(Xc)
golden.record('custom/predict_after', pred_after)

# save / load_model with custom_objects, and model_from_json
objects = {'InitDense': InitDense, 'ScaleShift': ScaleShift, 'VariableDense': VariableDense}
custom.save('custom.h5')
loaded = load_model('custom.h5', custom_objects=objects)
golden.record('custom/loaded_predict_equal', bool(np.allclose(loaded.predict(Xc), pred_after,
                                                              atol=1e-6)))
golden.record('custom/loaded_names', [layer.name for layer in loaded.layers])
golden.record('custom/loaded_weights', [w.name for w in loaded.weights])
rebuilt = model_from_json(custom.to_json(), custom_objects=objects)
rebuilt.set_weights(custom.get_weights())
golden.record('custom/rebuilt_predict_equal', bool(np.allclose(rebuilt.predict(Xc), pred_after,
                                                               atol=1e-6)))
golden.record('custom/rebuilt_names', [layer.name for layer in rebuilt.layers])


# --- masks: a custom layer that passes the mask on, one that consumes it
class TimesTwo(Layer):
    def __init__(self, **kwargs):
        self.supports_masking = True
        super(TimesTwo, self).__init__(**kwargs)

    def call(self, x, mask=None):
        return 2 * x

    def compute_mask(self, x, mask=None):
        return mask


class MaskedMean(Layer):
    def __init__(self, **kwargs):
        self.supports_masking = True
        super(MaskedMean, self).__init__(**kwargs)

    def call(self, x, mask=None):
        if mask is None:
            return K.mean(x, axis=1)
        mask = K.cast(mask, K.floatx())
        return K.sum(x * K.expand_dims(mask), axis=1) / K.sum(mask, axis=1, keepdims=True)

    def get_output_shape_for(self, input_shape):
        return (input_shape[0], input_shape[2])

    def compute_mask(self, x, mask=None):
        return None


masked = Sequential()
masked.add(Masking(mask_value=0., input_shape=(4, 2)))
masked.add(TimesTwo())
masked.add(MaskedMean())
Xm = rng.uniform(1, 2, size=(3, 4, 2)).astype('float32')
Xm[0, 2:] = 0.
Xm[2, 1] = 0.
pm = masked.predict(Xm)
golden.record('mask/predict', pm, rtol=1e-5)
expected = np.array([2 * Xm[i][np.any(Xm[i] != 0, axis=-1)].mean(axis=0) for i in range(3)])
golden.record('mask/predict_matches_numpy', bool(np.allclose(pm, expected, atol=1e-5)))
golden.record('mask/output_masks', [layer.output_mask is None for layer in masked.layers])
golden.record('mask/output_shapes', [list(layer.output_shape) for layer in masked.layers])
print('== TimesTwo output_mask')
theano.printing.debugprint(masked.layers[1].output_mask)
print('== MaskedMean output')
theano.printing.debugprint(masked.layers[2].output)
