"""Keras 1.2.2's data plumbing for training: weights, batches, metric lists.

These are the helpers ``keras/engine/training.py`` had at module level, with Keras 1's
semantics (and error messages where users see them).
"""
import numpy as np

from legacy_keras import backend as K
from legacy_keras import objectives
from legacy_keras.backend._context import in_numeric_execution
from legacy_keras.engine.theano_bridge import call_objective


def standardize_sample_or_class_weights(x_weight, output_names, weight_type):
    if x_weight is None or len(x_weight) == 0:
        return [None for _ in output_names]
    if len(output_names) == 1:
        if isinstance(x_weight, list) and len(x_weight) == 1:
            return x_weight
        if isinstance(x_weight, dict) and output_names[0] in x_weight:
            return [x_weight[output_names[0]]]
        return [x_weight]
    if isinstance(x_weight, list):
        if len(x_weight) != len(output_names):
            raise ValueError("Provided `" + weight_type + "` was a list of " +
                             str(len(x_weight)) + " elements, but the model has " +
                             str(len(output_names)) + " outputs. You should provide one `" +
                             weight_type + "`array per model output.")
        return x_weight
    if isinstance(x_weight, dict):
        return [x_weight.get(name) for name in output_names]
    raise TypeError("The model has multiple outputs, so `" + weight_type + "` should be "
                    "either a list of a dict. Provided `" + weight_type + "` type not "
                    "understood: " + str(x_weight))


def check_array_lengths(inputs, targets, weights):
    lengths = {x.shape[0] for x in inputs}
    if len(lengths) != 1:
        raise ValueError("All input arrays (x) should have the same number of samples.")
    target_lengths = {y.shape[0] for y in targets}
    if len(target_lengths) != 1:
        raise ValueError("All target arrays (y) should have the same number of samples.")
    if list(lengths)[0] != list(target_lengths)[0]:
        raise ValueError("Input arrays should have the same number of samples as target "
                         "arrays. Found " + str(list(lengths)[0]) + " input samples and " +
                         str(list(target_lengths)[0]) + " target samples.")
    weight_lengths = {w.shape[0] for w in weights}
    if weight_lengths and list(weight_lengths)[0] != list(target_lengths)[0]:
        raise ValueError("Sample_weight arrays should have the same number of samples as "
                         "target arrays.")


def check_loss_and_target_compatibility(targets, losses, output_shapes):
    for y, loss, shape in zip(targets, losses, output_shapes):
        if loss is objectives.categorical_crossentropy and y.shape[-1] == 1:
            raise ValueError("You are passing a target array of shape " + str(y.shape) +
                             " while using as loss `categorical_crossentropy`. "
                             "`categorical_crossentropy` expects targets to be binary "
                             "matrices (1s and 0s) of shape (samples, classes). If your "
                             "targets are integer classes, you can convert them via:\n"
                             "```\nfrom keras.utils.np_utils import to_categorical\n"
                             "y_binary = to_categorical(y_int)\n```\n\nAlternatively, you "
                             "can use the loss function `sparse_categorical_crossentropy` "
                             "instead, which does expect integer targets.")
        if loss in (objectives.mean_squared_error, objectives.binary_crossentropy,
                    objectives.categorical_crossentropy):
            for target_dim, out_dim in zip(y.shape[1:], shape[1:]):
                if out_dim is not None and target_dim != out_dim:
                    raise ValueError("A target array with shape " + str(y.shape) +
                                     " was passed for an output of shape " + str(shape) +
                                     " while using as loss `" + loss.__name__ + "`. This "
                                     "loss expects targets to have the same shape as the "
                                     "output.")


def collect_metrics(metrics, output_names):
    if not metrics:
        return [[] for _ in output_names]
    if isinstance(metrics, list):
        return [list(metrics) for _ in output_names]
    if isinstance(metrics, dict):
        nested = []
        for name in output_names:
            output_metrics = metrics.get(name, [])
            if not isinstance(output_metrics, list):
                output_metrics = [output_metrics]
            nested.append(output_metrics)
        return nested
    raise TypeError("Type of `metrics` argument not understood. Expected a list or "
                    "dictionary, found: " + str(metrics))


def batch_shuffle(index_array, batch_size):
    """Shuffles whole batches (for HDF5 data), drawing from NumPy's global generator."""
    batch_count = int(len(index_array) / batch_size)
    last_batch = index_array[batch_count * batch_size:]
    index_array = index_array[:batch_count * batch_size]
    index_array = index_array.reshape((batch_count, batch_size))
    np.random.shuffle(index_array)
    index_array = index_array.flatten()
    return np.append(index_array, last_batch)


def make_batches(size, batch_size):
    nb_batch = int(np.ceil(size / float(batch_size)))
    return [(i * batch_size, min(size, (i + 1) * batch_size)) for i in range(nb_batch)]


def slice_X(X, start=None, stop=None):
    """Rows ``start:stop`` (or the rows listed in ``start``) of each array."""
    if isinstance(X, list):
        if hasattr(start, "__len__"):
            if hasattr(start, "shape"):
                start = start.tolist()
            return [x[start] for x in X]
        return [x[start:stop] for x in X]
    if hasattr(start, "__len__"):
        if hasattr(start, "shape"):
            start = start.tolist()
        return X[start]
    return X[start:stop]


def objective_value(fn, y_true, y_pred):
    """``fn(y_true, y_pred)``; in a Keras 3 step, also for losses and metrics that read
    Keras tensors of the symbolic model (:func:`theano_bridge.call_objective`)."""
    if not in_numeric_execution():
        return fn(y_true, y_pred)
    return call_objective(fn, y_true, y_pred)


def weighted_objective(fn):
    """Keras 1's loss reduction: per-sample scores, masked, averaged over the axes the
    sample weights don't cover, weighted, divided by the fraction of non-zero weights."""

    def weighted(y_true, y_pred, weights, mask=None):
        score_array = objective_value(fn, y_true, y_pred)
        if mask is not None:
            mask = K.cast(mask, K.floatx())
            score_array = score_array * mask
            score_array = score_array / K.mean(mask)
        if weights is not None:
            ndim = K.ndim(score_array)
            weight_ndim = K.ndim(weights)
            if ndim > weight_ndim:
                score_array = K.mean(score_array, axis=list(range(weight_ndim, ndim)))
            score_array = score_array * weights
            score_array = score_array / K.mean(K.cast(K.not_equal(weights, 0), K.floatx()))
        return K.mean(score_array)

    weighted.__name__ = getattr(fn, "__name__", "weighted")
    return weighted


def standardize_weights(y, sample_weight=None, class_weight=None, sample_weight_mode=None):
    """The per-sample (or per-timestep) weights Keras 1 fed for ``y``."""
    if sample_weight_mode is not None:
        if sample_weight_mode != "temporal":
            raise ValueError("\"sample_weight_mode should be None or \"temporal\". Found: " +
                             str(sample_weight_mode))
        if len(y.shape) < 3:
            raise ValueError("Found a sample_weight array for an input with shape " +
                             str(y.shape) + ". Timestep-wise sample weighting (use of "
                             "sample_weight_mode=\"temporal\") is restricted to outputs "
                             "that are at least 3D, i.e. that have a time dimension.")
        if sample_weight is not None and len(sample_weight.shape) != 2:
            raise ValueError("Found a sample_weight array with shape " +
                             str(sample_weight.shape) + ". In order to use timestep-wise "
                             "sample weighting, you should pass a 2D sample_weight array.")
    elif sample_weight is not None and len(sample_weight.shape) != 1:
        raise ValueError("Found a sample_weight array with shape " + str(sample_weight.shape) +
                         ". In order to use timestep-wise sample weights, you should specify "
                         "sample_weight_mode=\"temporal\" in compile(). If you just mean to "
                         "use sample-wise weights, make sure your sample_weight array is 1D.")
    if sample_weight is not None:
        sample_weight = np.asarray(sample_weight)
        if len(sample_weight.shape) > len(y.shape):
            raise ValueError("Found a sample_weight with shape" + str(sample_weight.shape) +
                             ".Expected sample_weight with rank less than or equal to " +
                             str(len(y.shape)))
        if y.shape[:sample_weight.ndim] != sample_weight.shape:
            raise ValueError("Found a sample_weight array with shape " +
                             str(sample_weight.shape) + " for an input with shape " +
                             str(y.shape) + ". sample_weight cannot be broadcast.")
        return sample_weight.astype(K.floatx())
    if isinstance(class_weight, dict):
        if len(y.shape) > 2:
            raise ValueError("class_weight not supported for 3+ dimensional targets.")
        if y.shape[1] > 1:
            y_classes = y.argmax(axis=1)
        elif y.shape[1] == 1:
            y_classes = np.reshape(y, y.shape[0])
        else:
            y_classes = y
        weights = np.asarray([class_weight[cls] for cls in y_classes])
        return weights.astype(K.floatx())
    if sample_weight_mode is None:
        return np.ones((y.shape[0],), dtype=K.floatx())
    return np.ones((y.shape[0], y.shape[1]), dtype=K.floatx())
