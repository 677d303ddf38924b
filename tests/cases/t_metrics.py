# Metrics as Keras 1.2.2 resolved and computed them.
# - 'accuracy' / 'acc' -> binary_accuracy when the output has 1 unit or the loss is
#   binary_crossentropy, sparse_categorical_accuracy with sparse_categorical_crossentropy,
#   else categorical_accuracy; always named 'acc'.
# - every metric of keras.metrics by name (names in metrics_names are the function's
#   __name__: 'mse' -> 'mean_squared_error', 'fscore' -> 'fmeasure'), top-k, fbeta_score,
#   fmeasure, precision, recall, matthews_correlation (batch-wise, averaged over batches
#   weighted by batch size in evaluate), a custom metric written with K, a custom metric
#   returning a dict, duplicated metric names (deduplicated in history as acc_1, acc_2).
# Records model.metrics_names, history (2 epochs, shuffle=False) and evaluate() results,
# and the metric functions evaluated directly with K.eval.
import numpy as np
from keras import backend as K
from keras import metrics
from keras.models import Sequential
from keras.layers import Dense

import golden

rng = np.random.RandomState(5)
X = rng.uniform(-1, 1, size=(20, 4)).astype('float32')
labels = rng.randint(0, 3, size=20)
labels6 = rng.randint(0, 6, size=20)
Y_onehot = np.eye(3, dtype='float32')[labels]
Y_onehot6 = np.eye(6, dtype='float32')[labels6]
Y_sparse = labels.reshape(20, 1).astype('float32')
Y_binary = (X[:, :1] + 0.3 * X[:, 1:2] > 0).astype('float32')
Y_multilabel = (rng.uniform(size=(20, 3)) > 0.5).astype('float32')
Y_regression = rng.uniform(-1, 1, size=(20, 3)).astype('float32')


def mean_pred(y_true, y_pred):
    return K.mean(y_pred)


def false_rates(y_true, y_pred):
    false_neg = K.mean(K.maximum(y_true - K.round(y_pred), 0.))
    false_pos = K.mean(K.maximum(K.round(y_pred) - y_true, 0.))
    return {'false_neg': false_neg, 'false_pos': false_pos}


def build(units, activation, k):
    model = Sequential()
    model.add(Dense(units, input_dim=4, activation=activation))
    w = np.random.RandomState(k)
    model.set_weights([w.uniform(-1, 1, size=(4, units)).astype('float32'),
                       w.uniform(-0.2, 0.2, size=(units,)).astype('float32')])
    return model


def run(label, units, activation, loss, metric_list, y, k, optimizer='sgd'):
    model = build(units, activation, k)
    model.compile(optimizer=optimizer, loss=loss, metrics=metric_list)
    print(label, 'metrics_names', model.metrics_names)
    history = model.fit(X, y, batch_size=8, nb_epoch=2, verbose=0, shuffle=False)
    print(label, 'history keys', sorted(history.history))
    print(label, 'params metrics', history.params['metrics'])
    for key in sorted(history.history):
        golden.record('%s/history/%s' % (label, key),
                      [float(v) for v in history.history[key]], rtol=1e-4)
    result = model.evaluate(X, y, batch_size=8, verbose=0)
    golden.record('%s/evaluate' % label, [float(v) for v in result], rtol=1e-4)
    golden.record('%s/evaluate_batch_20' % label,
                  [float(v) for v in model.evaluate(X, y, batch_size=20, verbose=0)],
                  rtol=1e-4)
    golden.record('%s/test_on_batch' % label,
                  [float(v) for v in model.test_on_batch(X[:10], y[:10])], rtol=1e-4)
    return model


run('binary_accuracy', 1, 'sigmoid', 'binary_crossentropy', ['accuracy'], Y_binary, 1)
run('binary_acc', 1, 'sigmoid', 'binary_crossentropy', ['acc'], Y_binary, 1)
run('categorical_accuracy', 3, 'softmax', 'categorical_crossentropy', ['accuracy'],
    Y_onehot, 2)
run('categorical_acc', 3, 'softmax', 'categorical_crossentropy', ['acc'], Y_onehot, 2)
run('sparse_accuracy', 3, 'softmax', 'sparse_categorical_crossentropy', ['accuracy'],
    Y_sparse, 2)
run('one_unit_mse_acc', 1, 'sigmoid', 'mse', ['acc'], Y_binary, 3)
run('multilabel_bce_acc', 3, 'sigmoid', 'binary_crossentropy', ['acc'], Y_multilabel, 4)
run('softmax_mse_acc', 3, 'softmax', 'mse', ['accuracy'], Y_onehot, 5)
run('duplicates', 3, 'softmax', 'categorical_crossentropy',
    ['acc', 'accuracy', 'categorical_accuracy'], Y_onehot, 6)
run('classification_metrics', 3, 'sigmoid', 'binary_crossentropy',
    ['binary_accuracy', 'categorical_accuracy', 'precision', 'recall', 'fbeta_score',
     'fmeasure', 'fscore', 'f1score', 'matthews_correlation'], Y_multilabel, 7)
run('top_k', 6, 'softmax', 'categorical_crossentropy',
    ['top_k_categorical_accuracy', 'categorical_accuracy'], Y_onehot6, 8)
run('sparse_metric', 3, 'softmax', 'sparse_categorical_crossentropy',
    ['sparse_categorical_accuracy', 'sparse_categorical_crossentropy'], Y_sparse, 9)
run('regression_metrics', 3, 'linear', 'mse',
    ['mse', 'mae', 'mape', 'msle', 'cosine', 'MSE', 'hinge', 'squared_hinge',
     'poisson'], Y_regression, 10)
run('probability_metrics', 3, 'softmax', 'categorical_crossentropy',
    ['categorical_crossentropy', 'binary_crossentropy', 'kullback_leibler_divergence',
     'cosine_proximity', 'mean_absolute_percentage_error'], Y_onehot, 11)
run('custom', 3, 'sigmoid', 'binary_crossentropy', [mean_pred, 'acc', false_rates],
    Y_multilabel, 12)
run('custom_fn_builtin', 3, 'sigmoid', 'binary_crossentropy',
    [metrics.binary_accuracy, metrics.fmeasure], Y_multilabel, 13)

# direct evaluation of the metric functions
y_true = K.variable(np.array([[1, 0, 1], [0, 0, 1], [1, 1, 0], [0, 1, 0]], dtype='float32'))
y_pred = K.variable(np.array([[0.9, 0.2, 0.4], [0.6, 0.1, 0.8], [0.7, 0.45, 0.3],
                              [0.2, 0.5, 0.51]], dtype='float32'))
for name in ['binary_accuracy', 'categorical_accuracy', 'mean_squared_error',
             'mean_absolute_error', 'mean_absolute_percentage_error',
             'mean_squared_logarithmic_error', 'hinge', 'squared_hinge',
             'categorical_crossentropy', 'binary_crossentropy',
             'kullback_leibler_divergence', 'poisson', 'cosine_proximity',
             'matthews_correlation', 'precision', 'recall', 'fbeta_score', 'fmeasure']:
    value = K.eval(getattr(metrics, name)(y_true, y_pred))
    golden.record('direct/%s' % name, float(value), rtol=1e-5)
value = K.eval(metrics.fbeta_score(y_true, y_pred, beta=2))
golden.record('direct/fbeta_score_beta2', float(value), rtol=1e-5)
value = K.eval(metrics.fbeta_score(y_true, y_pred, beta=0.5))
golden.record('direct/fbeta_score_beta0.5', float(value), rtol=1e-5)
sparse_true = K.variable(np.array([[0], [2], [1], [2]], dtype='float32'))
golden.record('direct/sparse_categorical_accuracy',
              float(K.eval(metrics.sparse_categorical_accuracy(sparse_true, y_pred))))
for k in (1, 2, 3):
    value = K.eval(metrics.top_k_categorical_accuracy(y_true, y_pred, k=k))
    golden.record('direct/top_k_%d' % k, float(value), rtol=1e-5)
for name in ['mse', 'mae', 'mape', 'msle', 'cosine', 'fscore', 'f1score', 'accuracy', 'acc']:
    try:
        print('metrics.get(%r).__name__ = %s' % (name, metrics.get(name).__name__))
    except Exception as e:
        print('metrics.get(%r) -> %s: %s' % (name, type(e).__name__, e))
