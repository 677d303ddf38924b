# Every objective of keras.objectives (Keras 1.2.2) and its aliases.
# 1. Evaluated directly, K.eval(objective(K.variable(y_true), K.variable(y_pred))), on
#    fixed arrays, including values that hit the epsilon clipping (predictions of exactly
#    0 and 1, y_true of 0 for mape, negative predictions for msle, un-normalised
#    categorical predictions) and 3-D inputs (per-sample, per-timestep results).
# 2. keras.objectives.get(name) for every name and alias (the function's __name__).
# 3. As the loss of a 1-epoch fit (shuffle=False, fixed weights): per-epoch loss and
#    evaluate() afterwards, and final weights.
import numpy as np
from keras import backend as K
from keras import objectives
from keras.models import Sequential
from keras.layers import Dense

import golden

rng = np.random.RandomState(3)

# ---- direct evaluation --------------------------------------------------------
reg_true = rng.uniform(-1, 2, size=(4, 3)).astype('float32')
reg_pred = rng.uniform(-1, 2, size=(4, 3)).astype('float32')
reg_true[0, 0] = 0.0          # mape: |y_true| clipped to epsilon
reg_pred[1, 1] = -0.5         # msle: prediction clipped to epsilon
pos_true = rng.uniform(0.1, 2, size=(4, 3)).astype('float32')
pos_pred = rng.uniform(0.1, 2, size=(4, 3)).astype('float32')
pos_pred[2, 0] = 0.0          # poisson: log(0 + epsilon)
prob_true = np.array([[1, 0, 0], [0, 1, 0], [0, 0, 1], [0, 1, 0]], dtype='float32')
prob_pred = np.array([[0.7, 0.2, 0.1], [0.1, 0.5, 0.4], [0.0, 0.0, 1.0],
                      [0.3, 0.3, 0.3]], dtype='float32')   # zeros / ones / sum != 1
soft_true = np.array([[0.2, 0.3, 0.5], [0.0, 0.0, 1.0], [0.4, 0.4, 0.2],
                      [1.0, 0.0, 0.0]], dtype='float32')
bin_true = np.array([[1, 0, 1], [0, 0, 1], [1, 1, 1], [0, 1, 0]], dtype='float32')
bin_pred = np.array([[0.9, 0.1, 0.6], [0.0, 1.0, 0.5], [1.0, 0.3, 0.99],
                     [0.2, 0.8, 0.001]], dtype='float32')
hinge_true = np.array([[1, -1, 1], [-1, -1, 1], [1, 1, -1], [-1, 1, -1]], dtype='float32')
hinge_pred = rng.uniform(-2, 2, size=(4, 3)).astype('float32')
sparse_true = np.array([[0], [2], [1], [1]], dtype='float32')
seq_true = rng.uniform(0.1, 1, size=(2, 3, 4)).astype('float32')
seq_pred = rng.uniform(0.1, 1, size=(2, 3, 4)).astype('float32')

cases = [
    ('mean_squared_error', reg_true, reg_pred),
    ('mean_absolute_error', reg_true, reg_pred),
    ('mean_absolute_percentage_error', reg_true, reg_pred),
    ('mean_squared_logarithmic_error', reg_true, reg_pred),
    ('mean_squared_logarithmic_error', pos_true, pos_pred),
    ('squared_hinge', hinge_true, hinge_pred),
    ('hinge', hinge_true, hinge_pred),
    ('binary_crossentropy', bin_true, bin_pred),
    ('categorical_crossentropy', prob_true, prob_pred),
    ('categorical_crossentropy', soft_true, prob_pred),
    ('sparse_categorical_crossentropy', sparse_true, prob_pred),
    ('kullback_leibler_divergence', soft_true, prob_pred),
    ('kullback_leibler_divergence', prob_true, prob_pred),
    ('poisson', pos_true, pos_pred),
    ('cosine_proximity', reg_true, reg_pred),
    ('mse', seq_true, seq_pred),
    ('mae', seq_true, seq_pred),
    ('mape', seq_true, seq_pred),
    ('msle', seq_true, seq_pred),
    ('kld', seq_true, seq_pred),
    ('cosine', seq_true, seq_pred),
    ('binary_crossentropy', (seq_true > 0.5).astype('float32'), seq_pred),
    ('categorical_crossentropy', seq_true, seq_pred),
    ('poisson', seq_true, seq_pred),
    ('hinge', seq_true, seq_pred),
    ('squared_hinge', seq_true, seq_pred),
]
for i, (name, y_true, y_pred) in enumerate(cases):
    fn = getattr(objectives, name)
    value = K.eval(fn(K.variable(y_true), K.variable(y_pred)))
    print('%02d %s %s -> shape %s dtype %s' % (i, name, list(y_true.shape), value.shape,
                                              value.dtype))
    golden.record('direct/%02d/%s' % (i, name), value, rtol=1e-5, atol=1e-6)

# ---- names and aliases ------------------------------------------------------------
names = ['mean_squared_error', 'mean_absolute_error', 'mean_absolute_percentage_error',
         'mean_squared_logarithmic_error', 'squared_hinge', 'hinge',
         'binary_crossentropy', 'categorical_crossentropy',
         'sparse_categorical_crossentropy', 'kullback_leibler_divergence', 'poisson',
         'cosine_proximity', 'mse', 'MSE', 'mae', 'MAE', 'mape', 'MAPE', 'msle', 'MSLE',
         'kld', 'KLD', 'cosine']
for name in names:
    print('objectives.get(%r).__name__ = %s' % (name, objectives.get(name).__name__))
try:
    objectives.get('no_such_loss')
except Exception as e:
    print('objectives.get(no_such_loss) ->', type(e).__name__, e)

# ---- as the loss of a fit ----------------------------------------------------------
X = rng.uniform(-1, 1, size=(16, 4)).astype('float32')
labels = np.arange(16) % 3
onehot = np.eye(3, dtype='float32')[labels]
targets = {
    'regression': rng.uniform(-1, 1, size=(16, 3)).astype('float32'),
    'positive': rng.uniform(0.1, 1.5, size=(16, 3)).astype('float32'),
    'binary': (rng.uniform(size=(16, 3)) > 0.5).astype('float32'),
    'signs': np.where(rng.uniform(size=(16, 3)) > 0.5, 1., -1.).astype('float32'),
    'onehot': onehot,
    'sparse': labels.reshape(16, 1).astype('float32'),
}
fits = [
    ('mse', 'linear', 'regression'),
    ('mae', 'linear', 'regression'),
    ('mape', 'linear', 'positive'),
    ('msle', 'softplus', 'positive'),
    ('squared_hinge', 'tanh', 'signs'),
    ('hinge', 'tanh', 'signs'),
    ('binary_crossentropy', 'sigmoid', 'binary'),
    ('categorical_crossentropy', 'softmax', 'onehot'),
    ('sparse_categorical_crossentropy', 'softmax', 'sparse'),
    ('kullback_leibler_divergence', 'softmax', 'onehot'),
    ('poisson', 'softplus', 'positive'),
    ('cosine_proximity', 'linear', 'regression'),
    ('mean_squared_error', 'linear', 'regression'),
    ('kld', 'softmax', 'onehot'),
    ('cosine', 'linear', 'regression'),
    (objectives.mean_squared_logarithmic_error, 'softplus', 'positive'),
]
for i, (loss, activation, target) in enumerate(fits):
    label = loss if isinstance(loss, str) else 'function:' + loss.__name__
    model = Sequential()
    model.add(Dense(3, input_dim=4, activation=activation))
    w = np.random.RandomState(100 + i)
    model.set_weights([w.uniform(-0.5, 0.5, size=(4, 3)).astype('float32'),
                       w.uniform(-0.1, 0.1, size=(3,)).astype('float32')])
    model.compile(optimizer='sgd', loss=loss)
    y = targets[target]
    before = model.evaluate(X, y, batch_size=16, verbose=0)
    history = model.fit(X, y, batch_size=4, nb_epoch=1, verbose=0, shuffle=False)
    after = model.evaluate(X, y, batch_size=16, verbose=0)
    print('fit %02d %s: history keys %s' % (i, label, sorted(history.history)))
    golden.record('fit/%02d/%s/evaluate_before' % (i, label), float(before))
    golden.record('fit/%02d/%s/history_loss' % (i, label),
                  [float(v) for v in history.history['loss']])
    golden.record('fit/%02d/%s/evaluate_after' % (i, label), float(after))
    golden.record('fit/%02d/%s/weights' % (i, label), model.get_weights(), rtol=1e-3)
