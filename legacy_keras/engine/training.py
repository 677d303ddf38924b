"""Keras 1.2.2's ``Model``: compile, fit, evaluate, predict and their batch and generator
forms, with Keras 1's semantics, run by Keras 3.

The Python loop is Keras 1's (``_fit_loop``): the epoch shuffle drawn from NumPy's
global generator, ``validation_split`` taking the last samples before shuffling,
callbacks with Keras 1's hooks and logs, ``History`` with ``acc`` / ``val_acc``. Each
batch runs one compiled Keras 3 (TensorFlow) step (:class:`executor.StepFunctions`)
that computes Keras 1's loss and applies Keras 1's optimizer updates.
"""
import queue
import threading
import warnings

import numpy as np

from legacy_keras import backend as K
from legacy_keras import callbacks as cbks
from legacy_keras import metrics as metrics_module
from legacy_keras import objectives, optimizers
from legacy_keras import profiles
from legacy_keras.backend._context import in_numeric_execution, numeric_training
from legacy_keras.engine.executor import ReplayModel, StepFunctions
from legacy_keras.engine.topology import Container
from legacy_keras.engine.training_utils import (
    batch_shuffle, check_array_lengths, check_loss_and_target_compatibility, collect_metrics,
    make_batches, objective_value, slice_X, standardize_sample_or_class_weights,
    standardize_weights, weighted_objective)
from legacy_keras.utils.generic_utils import Progbar  # Keras 1.2.2 re-exports it


def standardize_class_weights(class_weight, output_names):
    """Keras 1.2.2: ``class_weight`` (None, a dict, or a list / dict of dicts per
    output) as one entry per output."""
    return standardize_sample_or_class_weights(class_weight, output_names, "class_weight")


def standardize_sample_weights(sample_weight, output_names):
    """Keras 1.2.2: ``sample_weight`` as one array (or None) per output."""
    return standardize_sample_or_class_weights(sample_weight, output_names, "sample_weight")


def standardize_input_data(data, names, shapes=None, check_batch_axis=True,
                           exception_prefix="", dtypes=None, check_batch_dim=None):
    """Arrays as a list in ``names`` order, with Keras 1.2.2's errors when the count or a
    shape does not match the model.

    Keras 1.2.2 accepted a dict keyed by input / output name, a list with one array per
    name, a single array for a single name, and, for a single name, a list of anything
    but arrays (plain numbers ``[1] * B + [0] * B``, nested lists), turned into one array.
    Every 1-D array became a column ``(n, 1)`` before the shapes were checked. Each array
    is then cast to ``dtypes[i]`` (the placeholder's dtype: Theano functions were compiled
    with ``allow_input_downcast=True``) or, without ``dtypes``, float arrays to floatx.
    legacy_keras also takes a tuple as a list and a list entry that is not an array (Keras
    1 failed on them with an AttributeError). ``check_batch_dim`` is Keras 1.1's name of
    ``check_batch_axis``."""
    if check_batch_dim is not None:
        check_batch_axis = check_batch_dim
    arrays = _as_array_list(data, names, exception_prefix)
    result = []
    for i, (name, array) in enumerate(zip(names, arrays)):
        array = np.asarray(array)
        if array.ndim == 1:
            array = np.expand_dims(array, 1)
        shape = shapes[i] if shapes else None
        if shape is not None:
            _check_shape(array, name, shape, check_batch_axis, exception_prefix)
        if dtypes is not None and array.dtype.kind in "biuf":
            array = array.astype(dtypes[i], copy=False)
        elif np.issubdtype(array.dtype, np.floating):
            array = array.astype(K.floatx(), copy=False)
        result.append(array)
    return result


def _as_array_list(data, names, exception_prefix):
    """``data`` (a dict, a list, a single array) as one entry per name (Keras 1.2.2)."""
    if isinstance(data, dict):
        arrays = []
        for name in names:
            if name not in data:
                raise ValueError("No data provided for \"" + name + "\". Need data for "
                                 "each key in: " + str(names))
            arrays.append(data[name])
        return arrays
    if isinstance(data, (list, tuple)):
        if len(data) == len(names):
            return list(data)
        if len(data) > 0 and hasattr(data[0], "shape"):
            raise ValueError("Error when checking " + exception_prefix + ": the list of Numpy "
                             "arrays that you are passing to your model is not the size the "
                             "model expected. Expected to see " + str(len(names)) +
                             " arrays but instead got the following list of " +
                             str(len(data)) + " arrays: " + str(data)[:200] + "...")
        if len(names) == 1:
            return [np.asarray(data)]
        raise ValueError("Error when checking " + exception_prefix + ": you are passing a "
                         "list as input to your model, but the model expects a list of " +
                         str(len(names)) + " Numpy arrays instead. The list you passed was: "
                         + str(data)[:200])
    if not hasattr(data, "shape"):
        raise TypeError("Error when checking " + exception_prefix + ": data should be a Numpy "
                        "array, or list/dict of Numpy arrays. Found: " + str(data)[:200] +
                        "...")
    if len(names) != 1:
        raise ValueError("The model expects " + str(len(names)) + " input arrays, but only "
                         "received one array. Found: array with shape " + str(np.shape(data)))
    return [data]


def _check_shape(array, name, shape, check_batch_axis, exception_prefix):
    if array.ndim != len(shape):
        raise ValueError("Error when checking " + exception_prefix + ": expected " + name +
                         " to have " + str(len(shape)) + " dimensions, but got array with "
                         "shape " + str(array.shape))
    for axis, (expected, actual) in enumerate(zip(shape, array.shape)):
        if not axis and not check_batch_axis:
            continue
        if expected and expected != actual:
            raise ValueError("Error when checking " + exception_prefix + ": expected " +
                             name + " to have shape " + str(shape) + " but got array with "
                             "shape " + str(array.shape))


def _output_list(values, names, what):
    """A dict/list/single value per output, as the list Keras 1 made of it."""
    if isinstance(values, dict):
        for name in values:
            if name not in names:
                raise ValueError("Unknown entry in " + what + " dictionary: \"" + name +
                                 "\". Only expected the following keys: " + str(names))
        return values, [values.get(name) for name in names]
    if isinstance(values, list):
        if len(values) != len(names):
            raise ValueError("When passing a list as " + what + ", it should have one entry "
                             "per model outputs. The model has " + str(len(names)) +
                             " outputs, but you passed " + what + "=" + str(values))
        return values, list(values)
    return values, [values] * len(names)


class GeneratorEnqueuer(object):
    """Pulls batches from a generator in ``nb_worker`` background threads into a queue of
    at most ``max_q_size`` items, as Keras 1.2.2 did.

    Keras 1 ran ``pickle_safe=True`` workers as processes, each iterating its own copy of
    the generator (a batch reached the model up to ``nb_worker`` times) after reseeding
    NumPy's global generator; legacy_keras always uses threads sharing the generator
    (each batch once, NumPy's generator untouched; a generator need not be picklable).
    See migration_guide.md, section 3.
    """

    def __init__(self, generator, pickle_safe=False):
        self._generator = generator
        self._pickle_safe = pickle_safe
        self._threads = []
        self._stop_event = None
        self.queue = None

    def start(self, nb_worker=1, max_q_size=10, wait_time=0.05):
        self.queue = queue.Queue(maxsize=max_q_size)
        self._stop_event = threading.Event()
        lock = threading.Lock()

        def task():
            while not self._stop_event.is_set():
                try:
                    with lock:
                        item = next(self._generator)
                except StopIteration:
                    self.queue.put(("stop", None))
                    return
                except Exception as error:  # handed to the consumer, raised there
                    self.queue.put(("error", error))
                    return
                while not self._stop_event.is_set():
                    try:
                        self.queue.put(("item", item), timeout=wait_time)
                        break
                    except queue.Full:
                        continue

        for _ in range(nb_worker):
            thread = threading.Thread(target=task, daemon=True)
            self._threads.append(thread)
            thread.start()

    def get(self):
        kind, value = self.queue.get()
        if kind == "error":
            raise value
        if kind == "stop":
            raise StopIteration("the generator stopped before the model had enough samples")
        return value

    def is_running(self):
        """Whether the workers were started and not stopped (Keras 1.2.2)."""
        return self._stop_event is not None and not self._stop_event.is_set()

    def stop(self, timeout=None):
        if self._stop_event is not None:
            self._stop_event.set()
        for thread in self._threads:
            thread.join(timeout)
        self._threads = []


def _unpack_generator_output(output):
    if not hasattr(output, "__len__"):
        raise ValueError("output of generator should be a tuple (x, y, sample_weight) or "
                         "(x, y). Found: " + str(output))
    if len(output) == 2:
        return output[0], output[1], None
    if len(output) == 3:
        return output
    raise ValueError("output of generator should be a tuple (x, y, sample_weight) or (x, y). "
                     "Found: " + str(output))


def _batch_length(x):
    if isinstance(x, list):
        return len(x[0])
    if isinstance(x, dict):
        return len(list(x.values())[0])
    return len(x)


class GeneratorTraining(object):
    """Keras 1.2.2's generator methods of Model (fit/evaluate/predict_generator)."""

    def fit_generator(self, generator, samples_per_epoch, nb_epoch, verbose=1, callbacks=None,
                       validation_data=None, nb_val_samples=None, class_weight=None,
                       max_q_size=10, nb_worker=1, pickle_safe=False, initial_epoch=0):
        """Keras 1.2.2's fit_generator: an epoch ends once ``samples_per_epoch`` samples
        were seen; validation runs after the epoch's last batch."""
        do_validation = bool(validation_data)
        val_gen = hasattr(validation_data, "__next__") or hasattr(validation_data, "next")
        if val_gen and not nb_val_samples:
            raise ValueError("When using a generator for validation data, you must specify a "
                             "value for \"nb_val_samples\".")
        out_labels = list(self.metrics_names)
        callback_metrics = out_labels + ["val_" + n for n in out_labels]
        self.history = cbks.History()
        callback_list = [cbks.BaseLogger()] + (callbacks or []) + [self.history]
        if verbose:
            callback_list += [cbks.ProgbarLogger()]
        callback_list = cbks.CallbackList(callback_list)
        callback_model = getattr(self, "callback_model", None) or self
        callback_list.set_model(callback_model)
        callback_list.set_params({"nb_epoch": nb_epoch, "nb_sample": samples_per_epoch,
                                  "verbose": verbose, "do_validation": do_validation,
                                  "metrics": callback_metrics})
        callback_list.on_train_begin()
        if do_validation and not val_gen:
            if len(validation_data) == 2:
                val_x, val_y = validation_data
                val_sample_weight = None
            elif len(validation_data) == 3:
                val_x, val_y, val_sample_weight = validation_data
            else:
                raise ValueError("validation_data should be a tuple (val_x, val_y, "
                                 "val_sample_weight) or (val_x, val_y). Found: " +
                                 str(validation_data))
            val_ins = self._standardize_user_data(val_x, val_y, val_sample_weight)
            self.validation_data = list(val_ins[0]) + list(val_ins[1]) + list(val_ins[2])
        else:
            self.validation_data = None
        enqueuer = GeneratorEnqueuer(generator, pickle_safe=pickle_safe)
        enqueuer.start(max_q_size=max_q_size, nb_worker=nb_worker)
        callback_model.stop_training = False
        epoch = initial_epoch
        try:
            while epoch < nb_epoch:
                callback_list.on_epoch_begin(epoch)
                samples_seen = 0
                batch_index = 0
                epoch_logs = {}
                while samples_seen < samples_per_epoch:
                    x, y, sample_weight = _unpack_generator_output(enqueuer.get())
                    batch_size = _batch_length(x)
                    batch_logs = {"batch": batch_index, "size": batch_size}
                    callback_list.on_batch_begin(batch_index, batch_logs)
                    outs = self.train_on_batch(x, y, sample_weight=sample_weight,
                                               class_weight=class_weight)
                    outs = outs if isinstance(outs, list) else [outs]
                    for label, value in zip(out_labels, outs):
                        batch_logs[label] = value
                    callback_list.on_batch_end(batch_index, batch_logs)
                    epoch_logs = {}
                    batch_index += 1
                    samples_seen += batch_size
                    if samples_seen >= samples_per_epoch and do_validation:
                        if val_gen:
                            val_outs = self.evaluate_generator(validation_data, nb_val_samples,
                                                               max_q_size=max_q_size,
                                                               nb_worker=nb_worker,
                                                               pickle_safe=pickle_safe)
                        else:
                            val_outs = self.evaluate(val_x, val_y, batch_size=batch_size,
                                                     sample_weight=val_sample_weight, verbose=0)
                        val_outs = val_outs if isinstance(val_outs, list) else [val_outs]
                        for label, value in zip(out_labels, val_outs):
                            epoch_logs["val_" + label] = value
                if samples_seen > samples_per_epoch:
                    warnings.warn("Epoch comprised more than `samples_per_epoch` samples, which "
                                  "might affect learning results. Set `samples_per_epoch` "
                                  "correctly to avoid this warning.")
                callback_list.on_epoch_end(epoch, epoch_logs)
                epoch += 1
                if callback_model.stop_training:
                    break
        finally:
            enqueuer.stop()
        callback_list.on_train_end()
        return self.history


    def evaluate_generator(self, generator, val_samples, max_q_size=10, nb_worker=1,
                            pickle_safe=False):
        """The loss (and metrics) over ``val_samples`` samples, batch averages weighted by
        batch size."""
        enqueuer = GeneratorEnqueuer(generator, pickle_safe=pickle_safe)
        enqueuer.start(max_q_size=max_q_size, nb_worker=nb_worker)
        all_outs, weights, processed = [], [], 0
        try:
            while processed < val_samples:
                x, y, sample_weight = _unpack_generator_output(enqueuer.get())
                outs = self.test_on_batch(x, y, sample_weight=sample_weight)
                all_outs.append(outs)
                weights.append(_batch_length(x))
                processed += weights[-1]
        finally:
            enqueuer.stop()
        if not isinstance(all_outs[0], list):
            return np.average(np.asarray(all_outs), weights=weights)
        return [np.average([out[i] for out in all_outs], weights=weights)
                for i in range(len(all_outs[0]))]


    def predict_generator(self, generator, val_samples, max_q_size=10, nb_worker=1,
                           pickle_safe=False):
        """Predictions for ``val_samples`` samples drawn from ``generator`` (x, or tuples
        whose first item is x)."""
        enqueuer = GeneratorEnqueuer(generator, pickle_safe=pickle_safe)
        enqueuer.start(max_q_size=max_q_size, nb_worker=nb_worker)
        all_outs, processed = [], 0
        try:
            while processed < val_samples:
                output = enqueuer.get()
                x = output[0] if isinstance(output, tuple) and len(output) in (2, 3) else output
                outs = self.predict_on_batch(x)
                outs = outs if isinstance(outs, list) else [outs]
                nb_samples = _batch_length(x)
                if not all_outs:
                    all_outs = [np.zeros((val_samples,) + out.shape[1:], dtype=K.floatx())
                                for out in outs]
                for i, out in enumerate(outs):
                    all_outs[i][processed:processed + nb_samples] = out
                processed += nb_samples
        finally:
            enqueuer.stop()
        return all_outs[0] if len(all_outs) == 1 else all_outs


class Model(GeneratorTraining, Container):
    """``Model(input=..., output=...)``: a graph of layers that trains and predicts."""

    # -- execution by Keras 3 ---------------------------------------------------------------
    def _executor(self):
        executor = getattr(self, "_replay_model", None)
        if executor is None:
            executor = self._replay_model = ReplayModel(self)
        return executor

    @property
    def predict_function(self):
        """Keras 1's ``K.function`` from the inputs (and learning phase) to the outputs, on
        the PyTensor graph. legacy_keras' own ``predict`` runs on Keras 3; this is for
        scripts that called ``model.predict_function`` themselves."""
        if getattr(self, "_predict_function", None) is None:
            inputs = list(self.inputs)
            if self.uses_learning_phase:
                inputs.append(K.learning_phase())
            self._predict_function = K.function(inputs, self.outputs)
        return self._predict_function

    def _steps(self):
        if not hasattr(self, "optimizer"):
            raise RuntimeError("You must compile your model before using it.")
        if getattr(self, "_step_functions", None) is None:
            if getattr(self, "_collected_trainable_weights", None) is None:
                self._collect_trainable_weights()
            self._step_functions = StepFunctions(self)
        return self._step_functions

    # -- compile -----------------------------------------------------------------------------
    def compile(self, optimizer, loss, metrics=None, loss_weights=None,
                sample_weight_mode=None, **kwargs):
        """Configures training: Keras 1's optimizer, loss(es), metrics, loss weights."""
        self.optimizer = optimizers.get(optimizer)
        self.sample_weight_mode = sample_weight_mode
        self.loss = loss
        self.loss_weights = loss_weights
        if loss_weights is None:
            self._loss_weights_list = [1.] * len(self.outputs)
        elif isinstance(loss_weights, dict):
            _output_list(loss_weights, self.output_names, "loss_weights")
            self._loss_weights_list = [loss_weights.get(n, 1.) for n in self.output_names]
        elif isinstance(loss_weights, list):
            _output_list(loss_weights, self.output_names, "loss_weights")
            self._loss_weights_list = list(loss_weights)
        else:
            raise TypeError("Could not interpret loss_weights argument: " + str(loss_weights) +
                            " - expected a list of dicts.")
        if isinstance(loss, dict):
            for name in self.output_names:
                if name not in loss:
                    raise ValueError("Output \"" + name + "\" missing from loss dictionary.")
        _, losses = _output_list(loss, self.output_names, "loss")
        self.loss_functions = [objectives.get(l) for l in losses]
        self._weighted_losses = [weighted_objective(fn) for fn in self.loss_functions]
        _, modes = _output_list(sample_weight_mode, self.output_names, "sample_weight_mode")
        self.sample_weight_modes = ["temporal" if m == "temporal" else None for m in modes]
        self.metrics = metrics
        self._metric_functions = self._resolve_metrics(metrics)
        self.metrics_names = ["loss"]
        if len(self.outputs) > 1 and profiles.switch("per_output_losses"):
            self.metrics_names += [name + "_loss" for name in self.output_names]
        self.metrics_names += [name for _, name, _, _ in self._metric_functions]
        if kwargs:
            raise TypeError("compile() got unexpected keyword arguments " + str(sorted(kwargs)) +
                            " (Theano function arguments are not supported by legacy_keras; "
                            "see migration_guide.md)")
        self._collected_trainable_weights = None
        if profiles.switch("trainable_read_at") == "compile":
            self._collect_trainable_weights()
        self._step_functions = None

    def _collect_trainable_weights(self):
        """The weights training updates, read from the layers' ``trainable`` flags: at
        compile() from Keras 1.1.0, when the step functions are first built (the first
        fit / train_on_batch / evaluate) up to 1.0.8 (profile switch
        ``trainable_read_at``)."""
        own_flag = self.trainable
        if profiles.switch("trainable_read_at") != "compile":
            # Keras 1.0.x trained a Sequential through an inner Model: the model's own
            # `trainable` did not freeze its own training, only its use inside another.
            self.trainable = True
        try:
            weights = list(self.trainable_weights)
        finally:
            self.trainable = own_flag
        weights.sort(key=lambda w: w.name or "")
        self._collected_trainable_weights = weights

    def _resolve_metrics(self, metrics):
        """(output index, display name, function, dict key or None) for each metric value,
        'acc' resolved as Keras 1 did: binary for one-unit outputs or binary crossentropy,
        sparse for sparse categorical crossentropy, otherwise categorical. A metric may
        return a dict of named values (each becomes a metric)."""
        resolved = []
        for i, output_metrics in enumerate(collect_metrics(metrics, self.output_names)):
            prefix = self.output_layers[i].name + "_" if len(self.output_names) > 1 else ""
            for metric in output_metrics:
                if metric in ("accuracy", "acc"):
                    resolved.append((i, prefix + "acc", self._accuracy_function(i), None))
                    continue
                fn = metrics_module.get(metric)
                keys = self._metric_dict_keys(i, fn)
                if keys is None:
                    resolved.append((i, prefix + fn.__name__, fn, None))
                else:
                    resolved.extend((i, prefix + key, fn, key) for key in keys)
        return resolved

    def _accuracy_function(self, i):
        """'accuracy' by the output shape and loss, as the active Keras release resolved
        it (profile switch ``accuracy_resolution``: 1.0.0-1.0.1 by the shape alone,
        1.0.2-1.0.5 not yet binary for binary_crossentropy)."""
        loss_fn = self.loss_functions[i]
        resolution = profiles.switch("accuracy_resolution")
        if self.internal_output_shapes[i][-1] == 1 or (
                resolution == "shape_loss" and loss_fn is objectives.binary_crossentropy):
            return metrics_module.binary_accuracy
        if resolution != "shape" and loss_fn is objectives.sparse_categorical_crossentropy:
            return metrics_module.sparse_categorical_accuracy
        return metrics_module.categorical_accuracy

    def _metric_dict_keys(self, i, fn):
        """The keys of a dict-returning metric, found by calling it on the symbolic output
        (as Keras 1's compile did); None for an ordinary metric."""
        target = K.placeholder(ndim=len(self.internal_output_shapes[i]),
                               dtype=self.outputs[i].dtype)
        try:
            result = fn(target, self.outputs[i])
        except Exception:  # a metric that only runs numerically: an ordinary metric
            return None
        return list(result) if isinstance(result, dict) else None

    def _regularization_losses(self):
        losses = []
        for layer in self.layers:
            for regularizer, weight in getattr(layer, "_weight_regularizers", []):
                losses.append(regularizer(weight))
        return losses

    def _loss_and_metrics(self, outputs, masks, targets, sample_weights, activity_losses=()):
        """Keras 1's total loss and metric values for one batch: the weighted output
        losses, plus weight and activity regularization, then the metrics."""
        total_loss = None
        output_losses = []
        for i, (y_true, y_pred) in enumerate(zip(targets, outputs)):
            output_loss = self._weighted_losses[i](y_true, y_pred, sample_weights[i], masks[i])
            output_losses.append(output_loss)
            term = self._loss_weights_list[i] * output_loss
            total_loss = term if total_loss is None else total_loss + term
        unregularized = total_loss
        for regularization in self._regularization_losses() + list(activity_losses):
            total_loss = total_loss + regularization
        if total_loss is not unregularized and not profiles.switch("regularizers_in_test_loss"):
            total_loss = _in_training_phase_only(total_loss, unregularized)
        values = output_losses if len(outputs) > 1 and profiles.switch(
            "per_output_losses") else []  # Keras 1.0.0-1.0.2: the total loss only
        computed = {}
        for i, _, fn, key in self._metric_functions:
            if (i, fn) not in computed:
                computed[(i, fn)] = objective_value(fn, targets[i], outputs[i])
            value = computed[(i, fn)] if key is None else computed[(i, fn)][key]
            values.append(K.cast(value, K.floatx()))
        return total_loss, values

    # -- data --------------------------------------------------------------------------------
    def _standardize_user_data(self, x, y, sample_weight=None, class_weight=None,
                               check_batch_dim=True, batch_size=None):
        if not hasattr(self, "optimizer"):
            raise RuntimeError("You must compile a model before training/testing. Use "
                               "`model.compile(optimizer, loss)`.")
        output_shapes = []
        for shape, loss_fn in zip(self.internal_output_shapes, self.loss_functions):
            if loss_fn is objectives.sparse_categorical_crossentropy:
                output_shapes.append(shape[:-1] + (1,))
            else:
                output_shapes.append(shape)
        x = standardize_input_data(x, self.input_names, self.internal_input_shapes,
                                   check_batch_dim=False, exception_prefix="model input",
                                   dtypes=[str(t.dtype) for t in self.inputs])
        y = standardize_input_data(y, self.output_names, output_shapes,
                                   check_batch_dim=False, exception_prefix="model target",
                                   dtypes=[K.floatx()] * len(self.output_names))
        sample_weights = standardize_sample_or_class_weights(sample_weight, self.output_names,
                                                             "sample_weight")
        class_weights = standardize_sample_or_class_weights(class_weight, self.output_names,
                                                            "class_weight")
        sample_weights = [standardize_weights(ref, sw, cw, mode) for ref, sw, cw, mode in
                          zip(y, sample_weights, class_weights, self.sample_weight_modes)]
        check_array_lengths(x, y, sample_weights)
        check_loss_and_target_compatibility(y, self.loss_functions, self.internal_output_shapes)
        if self.stateful_batch_size() and batch_size:
            if x[0].shape[0] % batch_size != 0:
                raise ValueError("In a stateful network, you should only pass inputs with a "
                                 "number of samples that can be divided by the batch size. "
                                 "Found: " + str(x[0].shape[0]) + " samples")
        return x, y, sample_weights

    def stateful_batch_size(self):
        return any(getattr(layer, "stateful", False) for layer in self.layers)

    # -- the loops ----------------------------------------------------------------------------
    def fit(self, x, y, batch_size=32, nb_epoch=10, verbose=1, callbacks=None,
            validation_split=0., validation_data=None, shuffle=True, class_weight=None,
            sample_weight=None, initial_epoch=0):
        """Trains for ``nb_epoch`` epochs; returns a Keras 1 ``History``."""
        x, y, sample_weights = self._standardize_user_data(
            x, y, sample_weight=sample_weight, class_weight=class_weight,
            check_batch_dim=False, batch_size=batch_size)
        val_ins = None
        if validation_data:
            if len(validation_data) == 2:
                val_x, val_y = validation_data
                val_sample_weight = None
            elif len(validation_data) == 3:
                val_x, val_y, val_sample_weight = validation_data
            else:
                raise ValueError("When passing validation_data, it must contain 2 (x_val, "
                                 "y_val) or 3 (x_val, y_val, val_sample_weights) items, "
                                 "however it contains %d items" % len(validation_data))
            val_ins = self._standardize_user_data(val_x, val_y,
                                                  sample_weight=val_sample_weight,
                                                  check_batch_dim=False,
                                                  batch_size=batch_size)
        elif validation_split and 0. < validation_split < 1.:
            (x, y, sample_weights), val_ins = self._split_validation(
                x, y, sample_weights, validation_split)
        out_labels = self._deduplicated(self.metrics_names)
        callback_metrics = list(out_labels)
        if val_ins is not None:
            callback_metrics += ["val_" + n for n in out_labels]
        return self._fit_loop((x, y, sample_weights), out_labels, batch_size, nb_epoch,
                              verbose, callbacks, val_ins, shuffle, callback_metrics,
                              initial_epoch)

    @staticmethod
    def _split_validation(x, y, sample_weights, validation_split):
        """(training arrays, validation arrays) of ``fit(validation_split=)``: the last
        samples validate. Up to Keras 1.0.0 (switch ``validation_split_held_out``) the
        training arrays stayed whole: the validation samples were trained on too."""
        split_at = int(len(x[0]) * (1. - validation_split))
        val_ins = (slice_X(x, split_at), slice_X(y, split_at),
                   slice_X(sample_weights, split_at))
        if not profiles.switch("validation_split_held_out"):
            return (x, y, sample_weights), val_ins
        return (slice_X(x, 0, split_at), slice_X(y, 0, split_at),
                slice_X(sample_weights, 0, split_at)), val_ins

    @staticmethod
    def _deduplicated(labels):
        """Keras 1 renamed repeated labels for fit's logs: acc, acc -> acc_1, acc_2."""
        result = []
        for i, label in enumerate(labels):
            if labels.count(label) > 1:
                label = label + "_" + str(labels[:i].count(label) + 1)
            result.append(label)
        return result

    def _fit_loop(self, ins, out_labels, batch_size, nb_epoch, verbose, callbacks, val_ins,
                  shuffle, callback_metrics, initial_epoch):
        steps = self._steps()
        x, y, sample_weights = ins
        do_validation = val_ins is not None
        if do_validation and verbose:
            print("Train on %d samples, validate on %d samples" % (x[0].shape[0],
                                                                    val_ins[0][0].shape[0]))
        nb_train_sample = x[0].shape[0]
        index_array = np.arange(nb_train_sample)
        steps.compile_for(x, y, sample_weights)
        if do_validation:
            steps.compile_for(*val_ins, training=False)
        self.history = cbks.History()
        callback_list = [cbks.BaseLogger()] + (callbacks or []) + [self.history]
        if verbose:
            callback_list += [cbks.ProgbarLogger()]
        callback_list = cbks.CallbackList(callback_list)
        callback_model = getattr(self, "callback_model", None) or self
        callback_list.set_model(callback_model)
        callback_list.set_params({"batch_size": batch_size, "nb_epoch": nb_epoch,
                                  "nb_sample": nb_train_sample, "verbose": verbose,
                                  "do_validation": do_validation,
                                  "metrics": callback_metrics or []})
        callback_list.on_train_begin()
        callback_model.stop_training = False
        self.validation_data = callback_model.validation_data = self._validation_list(val_ins)
        for epoch in range(initial_epoch, nb_epoch):
            callback_list.on_epoch_begin(epoch)
            if shuffle == "batch":
                index_array = batch_shuffle(index_array, batch_size)
            elif shuffle:
                np.random.shuffle(index_array)
            batches = make_batches(nb_train_sample, batch_size)
            epoch_logs = {}
            for batch_index, (batch_start, batch_end) in enumerate(batches):
                batch_ids = index_array[batch_start:batch_end]
                batch_logs = {"batch": batch_index, "size": len(batch_ids)}
                callback_list.on_batch_begin(batch_index, batch_logs)
                outs = steps.train(slice_X(x, batch_ids), slice_X(y, batch_ids),
                                   slice_X(sample_weights, batch_ids))
                for label, value in zip(out_labels, outs):
                    batch_logs[label] = value
                callback_list.on_batch_end(batch_index, batch_logs)
                if batch_index == len(batches) - 1 and do_validation:
                    val_outs = self._test_loop(val_ins, batch_size=batch_size, verbose=0)
                    if not isinstance(val_outs, list):
                        val_outs = [val_outs]
                    for label, value in zip(out_labels, val_outs):
                        epoch_logs["val_" + label] = value
            callback_list.on_epoch_end(epoch, epoch_logs)
            if callback_model.stop_training:
                break
        callback_list.on_train_end()
        return self.history

    def _validation_list(self, val_ins):
        """What Keras 1 exposed to callbacks as ``model.validation_data``: inputs, targets,
        sample weights (and the test learning phase, 0., when the model uses one)."""
        if val_ins is None:
            return None
        data = list(val_ins[0]) + list(val_ins[1]) + list(val_ins[2])
        return data + [0.] if self.uses_learning_phase else data

    def _test_loop(self, ins, batch_size=32, verbose=0):
        steps = self._steps()
        x, y, sample_weights = ins
        nb_sample = x[0].shape[0]
        totals = None
        progbar = None
        if verbose == 1:
            progbar = Progbar(target=nb_sample)
        for batch_start, batch_end in make_batches(nb_sample, batch_size):
            outs = steps.test(slice_X(x, batch_start, batch_end),
                              slice_X(y, batch_start, batch_end),
                              slice_X(sample_weights, batch_start, batch_end))
            size = batch_end - batch_start
            totals = [o * size for o in outs] if totals is None else [
                t + o * size for t, o in zip(totals, outs)]
            if progbar is not None:
                progbar.update(batch_end)
        results = [np.float64(t) / nb_sample for t in totals]
        return results[0] if len(results) == 1 else results

    def evaluate(self, x, y, batch_size=32, verbose=1, sample_weight=None):
        """The loss (and metrics) on ``x``, ``y``, averaged over samples as Keras 1 did."""
        ins = self._standardize_user_data(x, y, sample_weight=sample_weight,
                                          check_batch_dim=False, batch_size=batch_size)
        return self._test_loop(ins, batch_size=batch_size, verbose=verbose)

    def _standardized(self, x):
        arrays = standardize_input_data(x, self.input_names, self.internal_input_shapes,
                                        check_batch_dim=False, exception_prefix="",
                                        dtypes=[str(t.dtype) for t in self.inputs])
        return arrays[0] if len(arrays) == 1 else arrays

    def predict(self, x, batch_size=32, verbose=0):
        """Predictions for ``x``, computed by Keras 3 in batches of ``batch_size``."""
        arrays = self._standardized(x)
        self._check_stateful_sample_count(arrays, batch_size)
        if verbose == 1:  # Keras 1 drew the bar for verbose == 1 only
            outs = self._predict_loop_with_progbar(arrays, batch_size)
        else:
            outs = self._executor().predict(arrays, batch_size=batch_size, verbose=0)
        return _as_release_predicts(outs)

    def _check_stateful_sample_count(self, arrays, batch_size):
        """Keras 1.2.2's predict refused, in a stateful model, more samples than one
        batch when they do not fill whole batches."""
        count = (arrays[0] if isinstance(arrays, list) else arrays).shape[0]
        if self.stateful and count > batch_size and count % batch_size != 0:
            raise ValueError("In a stateful network, you should only pass inputs with a "
                             "number of samples that can be divided by the batch size. "
                             "Found: %s samples. Batch size: %s." % (count, batch_size))

    def _predict_loop_with_progbar(self, arrays, batch_size):
        arrays = arrays if isinstance(arrays, list) else [arrays]
        nb_sample = arrays[0].shape[0]
        progbar = Progbar(target=nb_sample)
        pieces = []
        for batch_start, batch_end in make_batches(nb_sample, batch_size):
            batch = slice_X(arrays, batch_start, batch_end)
            out = self._executor().predict_on_batch(batch[0] if len(batch) == 1 else batch)
            pieces.append(out if isinstance(out, list) else [out])
            progbar.update(batch_end)
        outs = [np.concatenate(parts) for parts in zip(*pieces)]
        return outs[0] if len(outs) == 1 else outs

    def predict_on_batch(self, x):
        return self._executor().predict_on_batch(self._standardized(x))

    def train_on_batch(self, x, y, sample_weight=None, class_weight=None):
        x, y, sample_weights = self._standardize_user_data(
            x, y, sample_weight=sample_weight, class_weight=class_weight,
            check_batch_dim=True)
        outs = self._steps().train(x, y, sample_weights)
        return outs[0] if len(outs) == 1 else outs

    def test_on_batch(self, x, y, sample_weight=None):
        x, y, sample_weights = self._standardize_user_data(x, y, sample_weight=sample_weight,
                                                           check_batch_dim=True)
        outs = self._steps().test(x, y, sample_weights)
        return outs[0] if len(outs) == 1 else outs


def _in_training_phase_only(regularized, unregularized):
    """Up to Keras 1.1.2 each regularizer added its penalty through K.in_train_phase:
    evaluate(), test_on_batch() and the validation loss left it out."""
    if in_numeric_execution():
        return regularized if numeric_training() else unregularized
    return K.in_train_phase(regularized, unregularized)


def _as_release_predicts(outs):
    """Keras 1.0.0-1.0.1 collected predictions in ``np.zeros(shape)``: float64 arrays
    (profile switch ``predict_dtype``); later releases in floatx."""
    if profiles.switch("predict_dtype") != "float64":
        return outs
    if isinstance(outs, list):
        return [np.asarray(out, dtype="float64") for out in outs]
    return np.asarray(outs, dtype="float64")
