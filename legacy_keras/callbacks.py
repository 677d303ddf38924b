"""``keras.callbacks`` (Keras 1.2.2).

Every callback of Keras 1.2.2 with its names, arguments, defaults, printed messages and
log keys. ``fit`` / ``fit_generator`` drive them exactly as Keras 1.2.2's ``_fit_loop``
did: ``[BaseLogger()] + callbacks + [model.history]`` (+ ``ProgbarLogger()`` when
``verbose``) in a :class:`CallbackList`; ``set_model``, ``set_params``,
``on_train_begin``, per epoch ``on_epoch_begin`` / per batch ``on_batch_begin`` (logs
``{'batch', 'size'}``) and ``on_batch_end`` (plus the batch's outputs) /
``on_epoch_end`` (the epoch logs, filled in place by :class:`BaseLogger` and read by
the callbacks after it), then ``on_train_end``.

Where legacy_keras differs from Keras 1.2.2 (each documented on the class):

- :class:`TensorBoard` works although the emulated backend is Theano (Keras 1.2.2
  raised ``RuntimeError`` there); it writes TensorFlow 2 event files.
- :class:`RemoteMonitor` posts with the standard library's ``urllib`` instead of
  ``requests`` (same URL, body and headers).
- A few Keras 1.2.2 crashes that were plain bugs are not reproduced (an unknown
  ``EarlyStopping`` mode raised ``AttributeError`` instead of warning).
"""
import csv
import functools
import json
import os
import time
import urllib.error
import urllib.parse
import urllib.request
import warnings
from collections import OrderedDict, deque
from collections.abc import Iterable

import numpy as np

from legacy_keras import backend as K
from legacy_keras import profiles
from legacy_keras._context import numeric_execution
from legacy_keras._k3 import keras
from legacy_keras.utils.generic_utils import Progbar, _as_float64


def _older_hook(callback, name):
    """``callback.set_model`` / ``set_params``; under Keras 1.0-1.2.0 (profile switch
    ``callback_private_setters``) ``_set_model`` / ``_set_params``, the names those
    releases called (the base class's forward to the public ones)."""
    if profiles.switch("callback_private_setters"):
        old = getattr(callback, "_" + name, None)
        if old is not None:
            return old
    return getattr(callback, name)


def _positional_by_release(switch_name):
    """Reads positional arguments in the order the active Keras release had them
    (legacy_keras.profiles switch ``switch_name``: a tuple of names, or None for
    Keras 1.2.2's own signature), e.g. ``EarlyStopping('val_loss', 3)`` meant
    patience=3 up to Keras 1.1.0 and min_delta=3 afterwards."""
    def decorate(init):
        @functools.wraps(init)
        def __init__(self, *args, **kwargs):
            names = profiles.switch(switch_name)
            if args and names is not None:
                if len(args) > len(names):
                    raise TypeError("%s() takes at most %d positional arguments in Keras %s "
                                    "(%d given)" % (type(self).__name__, len(names),
                                                    profiles.version(), len(args)))
                for name, value in zip(names, args):
                    if name in kwargs:
                        raise TypeError("%s() got multiple values for argument %r"
                                        % (type(self).__name__, name))
                    kwargs[name] = value
                args = ()
            init(self, *args, **kwargs)
        return __init__
    return decorate


class CallbackList(object):
    """The callbacks of one ``fit``, called in order.

    # Arguments
        callbacks: list of :class:`Callback` instances.
        queue_length: how many recent batches the running timing statistics cover.

    Like Keras 1.2.2, ``logs=None`` (or an empty dict) reaches the callbacks as a new
    ``{}``, and it warns ``'Method on_batch_begin() is slow compared to the batch update
    (%f). Check your callbacks.'`` (likewise ``on_batch_end``) when the median time of the
    batch hooks over the last ``queue_length`` batches exceeds both 0.1 s and 95% of
    the time the batch itself took.
    """

    def __init__(self, callbacks=None, queue_length=10):
        self.callbacks = list(callbacks or [])
        self.queue_length = queue_length

    def append(self, callback):
        self.callbacks.append(callback)

    def set_params(self, params):
        for callback in self.callbacks:
            _older_hook(callback, "set_params")(params)

    def set_model(self, model):
        for callback in self.callbacks:
            _older_hook(callback, "set_model")(model)

    def on_epoch_begin(self, epoch, logs=None):
        logs = logs or {}
        for callback in self.callbacks:
            callback.on_epoch_begin(epoch, logs)
        self._delta_t_batch = 0.
        self._delta_ts_batch_begin = deque([], maxlen=self.queue_length)
        self._delta_ts_batch_end = deque([], maxlen=self.queue_length)

    def on_epoch_end(self, epoch, logs=None):
        logs = logs or {}
        for callback in self.callbacks:
            callback.on_epoch_end(epoch, logs)

    def _ensure_timers(self):
        # Keras 1.2.2 raised AttributeError for a batch hook before any on_epoch_begin;
        # legacy_keras starts the statistics then.
        if not hasattr(self, "_delta_t_batch"):
            self._delta_t_batch = 0.
            self._delta_ts_batch_begin = deque([], maxlen=self.queue_length)
            self._delta_ts_batch_end = deque([], maxlen=self.queue_length)

    def _warn_if_slow(self, hook, deltas):
        median = np.median(deltas)
        if (self._delta_t_batch > 0. and median > 0.95 * self._delta_t_batch
                and median > 0.1):
            warnings.warn("Method %s() is slow compared to the batch update (%f). "
                          "Check your callbacks." % (hook, median))

    def on_batch_begin(self, batch, logs=None):
        logs = logs or {}
        self._ensure_timers()
        started = time.time()
        for callback in self.callbacks:
            callback.on_batch_begin(batch, logs)
        self._delta_ts_batch_begin.append(time.time() - started)
        self._warn_if_slow("on_batch_begin", self._delta_ts_batch_begin)
        self._t_enter_batch = time.time()

    def on_batch_end(self, batch, logs=None):
        logs = logs or {}
        self._ensure_timers()
        if not hasattr(self, "_t_enter_batch"):
            self._t_enter_batch = time.time()
        self._delta_t_batch = time.time() - self._t_enter_batch
        started = time.time()
        for callback in self.callbacks:
            callback.on_batch_end(batch, logs)
        self._delta_ts_batch_end.append(time.time() - started)
        self._warn_if_slow("on_batch_end", self._delta_ts_batch_end)

    def on_train_begin(self, logs=None):
        logs = logs or {}
        for callback in self.callbacks:
            callback.on_train_begin(logs)

    def on_train_end(self, logs=None):
        logs = logs or {}
        for callback in self.callbacks:
            callback.on_train_end(logs)


class Callback(object):
    """Base class of the callbacks: every hook does nothing.

    # Properties
        params: dict set by ``fit``: ``batch_size``, ``nb_epoch``, ``nb_sample``,
            ``verbose``, ``do_validation``, ``metrics`` (the names of the epoch logs,
            e.g. ``['loss', 'acc', 'val_loss', 'val_acc']``).
        model: the model being trained (the ``Sequential`` for a Sequential model).

    The logs Keras 1.2.2 passed: ``on_batch_begin``: ``batch`` (index in the epoch) and
    ``size`` (samples in the batch); ``on_batch_end``: those plus the batch's loss and
    metrics (``loss``, ``acc``...); ``on_epoch_end``: the epoch averages (``loss``,
    ``acc``...) and, with validation, ``val_loss``, ``val_acc``...; the other hooks an
    empty dict.
    """

    def __init__(self):
        pass

    def set_params(self, params):
        self.params = params

    def set_model(self, model):
        self.model = model

    def _set_params(self, params):
        """Keras 1.0-1.2.0's name of :meth:`set_params` (called instead of it under those
        releases' profiles; kept always for old callbacks that call it)."""
        self.set_params(params)

    def _set_model(self, model):
        """Keras 1.0-1.2.0's name of :meth:`set_model` (called instead of it under those
        releases' profiles; kept always for old callbacks that call it)."""
        self.set_model(model)

    def on_epoch_begin(self, epoch, logs=None):
        pass

    def on_epoch_end(self, epoch, logs=None):
        pass

    def on_batch_begin(self, batch, logs=None):
        pass

    def on_batch_end(self, batch, logs=None):
        pass

    def on_train_begin(self, logs=None):
        pass

    def on_train_end(self, logs=None):
        pass


class BaseLogger(Callback):
    """Averages the batch logs over the epoch (weighted by batch ``size``) and writes
    the averages of ``params['metrics']`` into the epoch logs. Every ``fit`` adds one
    first.

    ``seen`` counts the epoch's samples and ``totals`` holds every batch log key's
    weighted sum (``batch`` and ``size`` included), as in Keras 1.2.2. Sums are taken
    in float64, as Keras 1 on NumPy 1.x did, so the epoch logs are ``numpy.float64``.
    """

    def on_epoch_begin(self, epoch, logs=None):
        self.seen = 0
        self.totals = {}

    def on_batch_end(self, batch, logs=None):
        logs = logs or {}
        size = logs.get("size", 0)
        self.seen += size
        for key, value in logs.items():
            weighted = _as_float64(value) * size
            if key in self.totals:
                self.totals[key] += weighted
            else:
                self.totals[key] = weighted

    def on_epoch_end(self, epoch, logs=None):
        if logs is None:
            return
        for key in self.params["metrics"]:
            if key in self.totals:
                # Made available to the callbacks that follow.
                logs[key] = self.totals[key] / self.seen


class ProgbarLogger(Callback):
    """Prints ``Epoch i/n`` and the :class:`~legacy_keras.utils.generic_utils.Progbar`
    (``verbose`` 1: a bar redrawn after each batch; 2: one line per epoch). ``fit``
    adds it last when ``verbose``.

    As in Keras 1.2.2, the last batch of an epoch does not redraw the bar; at the end
    of the epoch the last batch's values *and* the epoch logs (``loss``, ``val_loss``...)
    are given to the bar for that last batch, so the printed ``loss`` is a running
    average that differs from ``history.history['loss']``.
    """

    def on_train_begin(self, logs=None):
        self.verbose = self.params["verbose"]
        self.nb_epoch = self.params["nb_epoch"]

    def on_epoch_begin(self, epoch, logs=None):
        if self.verbose:
            print("Epoch %d/%d" % (epoch + 1, self.nb_epoch))
            self.progbar = Progbar(target=self.params["nb_sample"], verbose=self.verbose)
        self.seen = 0

    def on_batch_begin(self, batch, logs=None):
        if self.seen < self.params["nb_sample"]:
            self.log_values = []

    def on_batch_end(self, batch, logs=None):
        logs = logs or {}
        self.seen += logs.get("size", 0)
        for key in self.params["metrics"]:
            if key in logs:
                self.log_values.append((key, logs[key]))
        # The last batch is drawn by on_epoch_end.
        if self.verbose and self.seen < self.params["nb_sample"]:
            self.progbar.update(self.seen, self.log_values)

    def on_epoch_end(self, epoch, logs=None):
        logs = logs or {}
        for key in self.params["metrics"]:
            if key in logs:
                self.log_values.append((key, logs[key]))
        if self.verbose:
            self.progbar.update(self.seen, self.log_values, force=True)


class History(Callback):
    """Records the epoch logs: ``history.epoch`` (the epoch indices, from 0) and
    ``history.history`` (``{key: [value per epoch]}``, every key of the epoch logs).
    ``fit`` adds one (``model.history``) and returns it."""

    def on_train_begin(self, logs=None):
        self.epoch = []
        self.history = {}

    def on_epoch_end(self, epoch, logs=None):
        logs = logs or {}
        self.epoch.append(epoch)
        for key, value in logs.items():
            self.history.setdefault(key, []).append(value)


def _monitor_direction(monitor, mode, name):
    """``np.greater`` or ``np.less``: Keras 1.2.2's ``mode`` rules ('auto' maximizes
    names containing 'acc' or starting with 'fmeasure')."""
    if mode not in ("auto", "min", "max"):
        warnings.warn("%s mode %s is unknown, fallback to auto mode." % (name, mode),
                      RuntimeWarning)
        mode = "auto"
    if mode == "min":
        return np.less
    if mode == "max":
        return np.greater
    if "acc" in monitor or monitor.startswith("fmeasure"):
        return np.greater
    return np.less


class ModelCheckpoint(Callback):
    """Saves the model after every ``period`` epochs.

    # Arguments
        filepath: where to save; formatted with ``epoch`` (the 0-based epoch index, as
            Keras 1.2.2 used it) and the epoch logs, e.g.
            ``'weights.{epoch:02d}-{val_loss:.2f}.hdf5'`` -> ``weights.00-0.93.hdf5``.
        monitor: the log key compared with ``save_best_only``.
        verbose: 1 prints ``'Epoch 00003: saving model to <path>'``, or with
            ``save_best_only`` ``'Epoch 00003: val_loss improved from 0.91000 to
            0.88000, saving model to <path>'`` / ``'Epoch 00003: val_loss did not
            improve'``.
        save_best_only: save only when ``monitor`` improved on the best value seen
            (warns ``'Can save best model only with <monitor> available, skipping.'``
            when the logs lack it).
        mode: 'auto', 'min' or 'max' (auto: maximize keys containing 'acc' or starting
            with 'fmeasure', else minimize).
        save_weights_only: ``model.save_weights(filepath, overwrite=True)`` instead of
            ``model.save(filepath, overwrite=True)``.
        period: number of epochs between checkpoints.
    """

    @_positional_by_release("model_checkpoint_positional")
    def __init__(self, filepath, monitor="val_loss", verbose=0, save_best_only=False,
                 save_weights_only=False, mode="auto", period=1):
        super(ModelCheckpoint, self).__init__()
        self.monitor = monitor
        self.verbose = verbose
        self.filepath = filepath
        self.save_best_only = save_best_only
        self.save_weights_only = save_weights_only
        self.period = period
        self.epochs_since_last_save = 0
        self.monitor_op = _monitor_direction(monitor, mode, "ModelCheckpoint")
        self.best = -np.inf if self.monitor_op is np.greater else np.inf

    def _save(self, filepath):
        if self.save_weights_only:
            self.model.save_weights(filepath, overwrite=True)
        else:
            self.model.save(filepath, overwrite=True)

    def on_epoch_end(self, epoch, logs=None):
        logs = logs or {}
        self.epochs_since_last_save += 1
        if self.epochs_since_last_save < self.period:
            return
        self.epochs_since_last_save = 0
        filepath = self.filepath.format(epoch=epoch, **logs)
        if not self.save_best_only:
            if self.verbose > 0:
                print("Epoch %05d: saving model to %s" % (epoch, filepath))
            self._save(filepath)
            return
        current = logs.get(self.monitor)
        if current is None:
            warnings.warn("Can save best model only with %s available, skipping."
                          % self.monitor, RuntimeWarning)
        elif self.monitor_op(current, self.best):
            if self.verbose > 0:
                print("Epoch %05d: %s improved from %0.5f to %0.5f, saving model to %s"
                      % (epoch, self.monitor, self.best, current, filepath))
            self.best = current
            self._save(filepath)
        elif self.verbose > 0:
            print("Epoch %05d: %s did not improve" % (epoch, self.monitor))


class EarlyStopping(Callback):
    """Stops training when ``monitor`` stopped improving.

    # Arguments
        monitor: the epoch log key watched.
        min_delta: an improvement must exceed this (absolute) amount.
        patience: epochs without improvement tolerated; training stops at the end of
            the epoch after ``patience`` such epochs (``model.stop_training = True``).
        verbose: 1 prints ``'Epoch 00004: early stopping'`` when training ends (only
            when the stop happened after epoch 0, as in Keras 1.2.2).
        mode: 'auto', 'min' or 'max', as for :class:`ModelCheckpoint`.

    As in Keras 1.2.2, a missing ``monitor`` warns ``'Early stopping requires <monitor>
    available!'`` and then fails (``TypeError``); ``wait`` and ``best`` restart at each
    ``on_train_begin``, ``stopped_epoch`` does not. An unknown ``mode`` warns and
    falls back to 'auto' (Keras 1.2.2 raised ``AttributeError`` while warning).
    """

    @_positional_by_release("early_stopping_positional")
    def __init__(self, monitor="val_loss", min_delta=0, patience=0, verbose=0,
                 mode="auto"):
        super(EarlyStopping, self).__init__()
        self.monitor = monitor
        self.patience = patience
        self.verbose = verbose
        self.min_delta = min_delta
        self.wait = 0
        self.stopped_epoch = 0
        self.monitor_op = _monitor_direction(monitor, mode, "EarlyStopping")
        if self.monitor_op is np.greater:
            self.min_delta *= 1
        else:
            self.min_delta *= -1

    def on_train_begin(self, logs=None):
        self.wait = 0
        self.best = np.inf if self.monitor_op is np.less else -np.inf

    def on_epoch_end(self, epoch, logs=None):
        current = logs.get(self.monitor)
        if current is None:
            warnings.warn("Early stopping requires %s available!" % self.monitor,
                          RuntimeWarning)
        if self.monitor_op(current - self.min_delta, self.best):
            self.best = current
            self.wait = 0
        else:
            if self.wait >= self.patience:
                self.stopped_epoch = epoch
                self.model.stop_training = True
            self.wait += 1

    def on_train_end(self, logs=None):
        if self.stopped_epoch > 0 and self.verbose > 0:
            print("Epoch %05d: early stopping" % self.stopped_epoch)


def _jsonable(value):
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, np.generic):
        return value.item()
    return value


class RemoteMonitor(Callback):
    """Posts the epoch logs to a server at the end of every epoch.

    # Arguments
        root: the server's root URL.
        path: the path, relative to ``root``, events are posted to.
        field: the form field holding the JSON-encoded event.
        headers: HTTP headers; default ``{'Accept': 'application/json',
            'Content-Type': 'application/json'}``.

    Each epoch sends an HTTP POST to ``root + path`` whose body is the form encoding of
    ``{field: json.dumps({'epoch': epoch, **logs})}`` with ``headers``, which is what
    Keras 1.2.2's ``requests.post(url, {field: ...}, headers=headers)`` sent.
    legacy_keras uses the standard library (``urllib``), so ``requests`` is not needed;
    NumPy values are converted to Python numbers for JSON, and a request gives up after
    ``timeout`` seconds (10; Keras 1 waited forever). An unreachable server warns
    ``'Warning: could not reach RemoteMonitor root server at <root>'`` and training goes
    on; an HTTP error status is ignored, as Keras 1 ignored it.
    """

    timeout = 10

    def __init__(self, root="http://localhost:9000", path="/publish/epoch/end/",
                 field="data", headers=None):
        super(RemoteMonitor, self).__init__()
        if headers is None:
            headers = {"Accept": "application/json", "Content-Type": "application/json"}
        self.root = root
        self.path = path
        self.field = field
        self.headers = headers

    def on_epoch_end(self, epoch, logs=None):
        logs = logs or {}
        send = {"epoch": epoch}
        for key, value in logs.items():
            send[key] = value
        body = urllib.parse.urlencode(
            {self.field: json.dumps(send, default=_jsonable)}).encode("utf-8")
        request = urllib.request.Request(self.root + self.path, data=body,
                                         headers=dict(self.headers), method="POST")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                response.read()
        except urllib.error.HTTPError:
            pass  # the server answered; Keras 1 (requests) did not check the status
        except (urllib.error.URLError, OSError, ValueError):
            warnings.warn("Warning: could not reach RemoteMonitor root server at "
                          + str(self.root))
        except Exception:  # http.client errors (bad status line, ...): never stop training
            warnings.warn("Warning: could not reach RemoteMonitor root server at "
                          + str(self.root))


class LearningRateScheduler(Callback):
    """Sets ``model.optimizer.lr`` to ``schedule(epoch)`` (epoch from 0) at the start of
    every epoch.

    As in Keras 1.2.2, the schedule must return a ``float`` (Python, ``np.float32`` or
    ``np.float64``), else ``ValueError('The output of the "schedule" function should be
    float.')``; an optimizer without ``lr`` raises ``ValueError('Optimizer must have a
    "lr" attribute.')``.
    """

    def __init__(self, schedule):
        super(LearningRateScheduler, self).__init__()
        self.schedule = schedule

    def on_epoch_begin(self, epoch, logs=None):
        if not hasattr(self.model.optimizer, "lr"):
            raise ValueError('Optimizer must have a "lr" attribute.')
        lr = self.schedule(epoch)
        if not isinstance(lr, (float, np.float32, np.float64)):
            raise ValueError('The output of the "schedule" function should be float.')
        K.set_value(self.model.optimizer.lr, lr)


def _summary_metadata(plugin_name, data_class):
    # lazy: TensorFlow's protos, only for TensorBoard (Keras 3 may run on another backend)
    from tensorflow.core.framework import summary_pb2

    metadata = summary_pb2.SummaryMetadata()
    metadata.plugin_data.plugin_name = plugin_name
    metadata.data_class = data_class
    return metadata


def _write_scalar(tf, name, value, step):
    """What ``tf.summary.scalar`` writes (TensorBoard's 'scalars' plugin), written with
    TensorFlow's core ``tf.summary.write``: ``tf.summary.scalar`` and friends need the
    separate ``tensorboard`` package, which legacy_keras does not require."""
    # lazy: TensorFlow's protos, only for TensorBoard (Keras 3 may run on another backend)
    from tensorflow.core.framework import summary_pb2

    tf.summary.write(name, tf.constant(value, dtype=tf.float32), step=step,
                     metadata=_summary_metadata("scalars", summary_pb2.DATA_CLASS_SCALAR))


def _histogram_buckets(values, bucket_count=30):
    """``[[left, right, count], ...]``: TensorBoard's histogram (v2) layout, float64."""
    data = np.asarray(values, dtype="float64").ravel()
    if data.size == 0:
        return np.zeros((0, 3))
    low, high = data.min(), data.max()
    if low == high:
        buckets = np.zeros((bucket_count, 3))
        buckets[:, 0] = buckets[:, 1] = low
        buckets[-1, 2] = data.size
        return buckets
    edges = np.linspace(low, high, bucket_count + 1)
    counts, _ = np.histogram(data, bins=edges)
    return np.stack([edges[:-1], edges[1:], counts.astype("float64")], axis=1)


def _write_histogram(tf, name, values, step):
    """What ``tf.summary.histogram`` writes (TensorBoard's 'histograms' plugin)."""
    # lazy: TensorFlow's protos, only for TensorBoard (Keras 3 may run on another backend)
    from tensorflow.core.framework import summary_pb2

    tf.summary.write(name, tf.constant(_histogram_buckets(values), dtype=tf.float64),
                     step=step,
                     metadata=_summary_metadata("histograms", summary_pb2.DATA_CLASS_TENSOR))


def _write_image(tf, name, image, step):
    """What ``tf.summary.image`` writes for one uint8 ``[height, width, 1]`` image:
    the strings ``[width, height, png]`` (TensorBoard's 'images' plugin)."""
    # lazy: TensorFlow's protos, only for TensorBoard (Keras 3 may run on another backend)
    from tensorflow.core.framework import summary_pb2

    height, width = image.shape[:2]
    tensor = tf.stack([tf.constant(str(width)), tf.constant(str(height)),
                       tf.image.encode_png(tf.constant(image))])
    tf.summary.write(name, tensor, step=step,
                     metadata=_summary_metadata("images",
                                                summary_pb2.DATA_CLASS_BLOB_SEQUENCE))


class TensorBoard(Callback):
    """Writes TensorBoard event files to ``log_dir``.

    # Arguments
        log_dir: the directory of the event files (created if needed).
        histogram_freq: every ``histogram_freq`` epochs (when ``epoch % histogram_freq
            == 0``) write histograms of every layer's weights (tag: the weight's name,
            e.g. ``dense_1_W``) and of every layer's output on the validation inputs
            (tag ``<layer name>_out``). 0: none. As in Keras 1.2.2, only when ``fit``
            has validation data (``model.validation_data``).
        write_graph: write the model's graph (see below).
        write_images: with histograms, also write each weight as an image.

    Keras 1.2.2 refused this callback on the Theano backend (``RuntimeError:
    TensorBoard callback only works with the TensorFlow backend.``) and, on TensorFlow,
    wrote TensorFlow 1 summaries of its session graph. legacy_keras always supports it
    and writes TensorFlow 2 event files (``events.out.tfevents.*``) that TensorBoard
    reads, with TensorFlow's core summary ops (the ``tensorboard`` package is not
    needed):

    - every epoch, each epoch log except ``batch`` and ``size`` as a scalar at step
      ``epoch`` (values that are not numbers are skipped);
    - histograms as above, at step ``epoch`` (30 buckets, as ``tf.summary.histogram``),
      from ``layer.get_weights()`` and, for the outputs, a ``K.function`` of the model's
      inputs evaluated in the test phase on the validation inputs (when the outputs
      cannot be computed a warning says so and only the weights are written);
    - ``write_images``: each weight squeezed to at most 2 dimensions (the longer side
      horizontal) as a PNG image, scaled to 0..255 as TensorFlow 1's image summary did
      (weights with more dimensions are skipped);
    - ``write_graph``: the TensorFlow graph that Keras 3 runs for the model's forward
      pass (traced with ``tf.function``), not the Theano graph. When it cannot be
      traced (or Keras 3 does not run on TensorFlow) a warning says so and training
      goes on.
    """

    def __init__(self, log_dir="./logs", histogram_freq=0, write_graph=True,
                 write_images=False):
        super(TensorBoard, self).__init__()
        self.log_dir = log_dir
        self.histogram_freq = histogram_freq
        self.merged = None
        self.write_graph = write_graph
        self.write_images = write_images
        self.writer = None
        self._output_function = None

    def set_model(self, model):
        import tensorflow as tf  # lazy: TensorFlow, only for TensorBoard (see above)

        self.model = model
        self._output_function = None
        if self.writer is not None:
            self.writer.close()
        self.writer = tf.summary.create_file_writer(self.log_dir)
        if self.write_graph:
            self._write_graph(tf)

    # -- graph ------------------------------------------------------------------------
    def _write_graph(self, tf):
        try:
            graph = self._trace_graph(tf)
        except Exception as error:  # a model Keras 3 cannot trace: no graph, no crash
            warnings.warn("TensorBoard: could not write the graph of the model (%s: %s); "
                          "write_graph is ignored." % (type(error).__name__, error))
            return
        with self.writer.as_default():
            tf.summary.graph(graph)
        self.writer.flush()

    def _trace_graph(self, tf):
        if keras.backend.backend() != "tensorflow":
            raise RuntimeError("Keras 3 runs on %s, not TensorFlow"
                               % keras.backend.backend())
        model = self.model
        specs = []
        for tensor, shape in zip(model.inputs, model.internal_input_shapes):
            dtype = getattr(tensor, "dtype", None) or K.floatx()
            specs.append(tf.TensorSpec(shape=tuple(shape), dtype=str(dtype)))

        def forward(*arrays):
            with numeric_execution(False):
                outputs, _ = model.run_graph(list(arrays), [None] * len(arrays))
            return outputs

        return tf.function(forward).get_concrete_function(*specs).graph

    # -- histograms and images ----------------------------------------------------------
    def _layer_outputs(self):
        """``[(layer name, output array)]`` on the validation inputs (test phase)."""
        model = self.model
        layers = []
        for layer in model.layers:
            try:
                layers.append((layer.name, layer.output))
            except Exception:  # shared layers had no single .output in Keras 1 either
                continue
        if not layers:
            return []
        nb_inputs = len(model.inputs)
        uses_phase = bool(getattr(model, "uses_learning_phase", False))
        if self._output_function is None:
            tensors = list(model.inputs) + ([K.learning_phase()] if uses_phase else [])
            self._output_function = K.function(tensors, [out for _, out in layers])
        data = list(model.validation_data[:nb_inputs]) + ([0] if uses_phase else [])
        values = self._output_function(data)
        return [(name, value) for (name, _), value in zip(layers, values)]

    @staticmethod
    def _as_image(weight):
        """Keras 1.2.2's weight image (``[height, width, 1]``), scaled to uint8 as
        TensorFlow 1's image summary did: non-negative images so that the largest value
        is 255, others so that 0 is 128 and the largest magnitude reaches 0 or 255."""
        image = np.squeeze(np.asarray(weight, dtype="float64"))
        if image.ndim > 2:
            return None
        if image.ndim == 2 and image.shape[0] > image.shape[1]:
            image = image.T
        image = image.reshape((1,) * (2 - image.ndim) + image.shape)
        low, high = image.min(), image.max()
        if low >= 0:
            image = image * (255. / high if high > 0 else 0.)
        else:
            largest = max(-low, high)
            image = image * (127. / largest) + 128.
        image = np.clip(np.round(image), 0, 255).astype("uint8")
        return image[:, :, np.newaxis]

    def _write_histograms(self, tf, epoch):
        for layer in self.model.layers:
            weights = getattr(layer, "weights", [])
            for variable, value in zip(weights, layer.get_weights()):
                name = getattr(variable, "name", None) or layer.name
                _write_histogram(tf, name, value, epoch)
                if self.write_images:
                    image = self._as_image(value)
                    if image is not None:
                        _write_image(tf, name, image, epoch)
        try:
            outputs = self._layer_outputs()
        except Exception as error:
            warnings.warn("TensorBoard: could not compute the layer outputs for their "
                          "histograms (%s: %s)." % (type(error).__name__, error))
            outputs = []
        for name, value in outputs:
            _write_histogram(tf, "%s_out" % name, value, epoch)

    def on_epoch_end(self, epoch, logs=None):
        import tensorflow as tf  # lazy: TensorFlow, only for TensorBoard (see above)

        logs = logs or {}
        validation_data = getattr(self.model, "validation_data", None)
        with self.writer.as_default():
            if (validation_data and self.histogram_freq
                    and epoch % self.histogram_freq == 0):
                self._write_histograms(tf, epoch)
            for name, value in logs.items():
                if name in ("batch", "size"):
                    continue
                try:
                    number = float(value)
                except (TypeError, ValueError):
                    continue
                _write_scalar(tf, name, number, epoch)
        self.writer.flush()

    def on_train_end(self, _=None):  # Keras 1.2.2 named the unused logs argument `_`
        if self.writer is not None:
            self.writer.close()


class ReduceLROnPlateau(Callback):
    """Multiplies the learning rate by ``factor`` when ``monitor`` stopped improving.

    # Arguments
        monitor: the epoch log key watched.
        factor: ``new_lr = lr * factor`` (``ValueError('ReduceLROnPlateau does not
            support a factor >= 1.0.')`` otherwise).
        patience: epochs without improvement before reducing.
        verbose: 1 prints ``'\\nEpoch 00005: reducing learning rate to 0.01.'`` (the new
            rate with ``%s``: a Python float computed from the float32 variable).
        mode: 'auto', 'min' or 'max' (auto maximizes keys containing 'acc').
        epsilon: an improvement must exceed this amount.
        cooldown: epochs to wait after a reduction before counting again.
        min_lr: the rate is never set below this.

    As in Keras 1.2.2, every ``on_epoch_end`` writes the current rate into the epoch
    logs as ``'lr'`` (``K.get_value(model.optimizer.lr)``: a 0-d float32 array), so
    ``History`` and the callbacks after this one see it; a missing ``monitor`` warns
    ``'Learning Rate Plateau Reducing requires <monitor> available!'``.
    """

    def __init__(self, monitor="val_loss", factor=0.1, patience=10, verbose=0,
                 mode="auto", epsilon=1e-4, cooldown=0, min_lr=0):
        super(ReduceLROnPlateau, self).__init__()
        self.monitor = monitor
        if factor >= 1.0:
            raise ValueError("ReduceLROnPlateau does not support a factor >= 1.0.")
        self.factor = factor
        self.min_lr = min_lr
        self.epsilon = epsilon
        self.patience = patience
        self.verbose = verbose
        self.cooldown = cooldown
        self.cooldown_counter = 0
        self.wait = 0
        self.best = 0
        self.mode = mode
        self.monitor_op = None
        self._reset()

    def _reset(self):
        """Restarts the wait and cooldown counters and the best value."""
        if self.mode not in ("auto", "min", "max"):
            warnings.warn("Learning Rate Plateau Reducing mode %s is unknown, "
                          "fallback to auto mode." % self.mode, RuntimeWarning)
            self.mode = "auto"
        if self.mode == "min" or (self.mode == "auto" and "acc" not in self.monitor):
            self.monitor_op = lambda a, b: np.less(a, b - self.epsilon)
            self.best = np.inf
        else:
            self.monitor_op = lambda a, b: np.greater(a, b + self.epsilon)
            self.best = -np.inf
        self.cooldown_counter = 0
        self.wait = 0
        self.lr_epsilon = self.min_lr * 1e-4

    def on_train_begin(self, logs=None):
        self._reset()

    def in_cooldown(self):
        return self.cooldown_counter > 0

    def on_epoch_end(self, epoch, logs=None):
        logs = logs or {}
        logs["lr"] = K.get_value(self.model.optimizer.lr)
        current = logs.get(self.monitor)
        if current is None:
            warnings.warn("Learning Rate Plateau Reducing requires %s available!"
                          % self.monitor, RuntimeWarning)
            return
        if self.in_cooldown():
            self.cooldown_counter -= 1
            self.wait = 0
        if self.monitor_op(current, self.best):
            self.best = current
            self.wait = 0
        elif not self.in_cooldown():
            if self.wait >= self.patience:
                old_lr = float(K.get_value(self.model.optimizer.lr))
                if old_lr > self.min_lr + self.lr_epsilon:
                    new_lr = max(old_lr * self.factor, self.min_lr)
                    K.set_value(self.model.optimizer.lr, new_lr)
                    if self.verbose > 0:
                        print("\nEpoch %05d: reducing learning rate to %s." % (epoch, new_lr))
                    self.cooldown_counter = self.cooldown
                    self.wait = 0
            self.wait += 1


class CSVLogger(Callback):
    """Writes one CSV row per epoch: ``epoch`` then the epoch logs, keys sorted.

    # Arguments
        filename: the CSV file.
        separator: the field delimiter.
        append: add to an existing file (its header is written only if the file is
            empty or new) instead of overwriting it.

    The layout is Keras 1.2.2's: Python's ``csv`` 'excel' dialect (rows end with
    ``\\r\\n``; fields quoted only when needed), the header ``epoch,<sorted keys of the
    first epoch's logs>``, floats written as Python writes them (``0.6931471824645996``;
    float32 values with NumPy's shortest form, ``0.1``), 1-D sequences as ``"[a, b]"``
    (with its literal quotes, then quoted by ``csv``). Keys that appear after the first
    epoch are ignored. The file is opened at ``on_train_begin`` and closed at
    ``on_train_end``.
    """

    def __init__(self, filename, separator=",", append=False):
        self.sep = separator
        self.filename = filename
        self.append = append
        self.writer = None
        self.keys = None
        self.append_header = True
        super(CSVLogger, self).__init__()

    def on_train_begin(self, logs=None):
        if self.append:
            if os.path.exists(self.filename):
                with open(self.filename) as f:
                    self.append_header = not bool(len(f.readline()))
            self.csv_file = open(self.filename, "a")
        else:
            self.csv_file = open(self.filename, "w")

    @staticmethod
    def _field(value):
        zero_dim = isinstance(value, np.ndarray) and value.ndim == 0
        if isinstance(value, Iterable) and not zero_dim:
            return '"[%s]"' % ", ".join(map(str, value))
        if isinstance(value, float) and type(value) is not float:
            # np.float64: written as the float it is on every Python and NumPy version
            return float(value)
        return value

    def on_epoch_end(self, epoch, logs=None):
        logs = logs or {}
        if not self.writer:
            self.keys = sorted(logs.keys())

            class CustomDialect(csv.excel):
                delimiter = self.sep

            self.writer = csv.DictWriter(self.csv_file, fieldnames=["epoch"] + self.keys,
                                         dialect=CustomDialect)
            if self.append_header:
                self.writer.writeheader()
        row = OrderedDict({"epoch": epoch})
        row.update((key, self._field(logs[key])) for key in self.keys)
        self.writer.writerow(row)
        self.csv_file.flush()

    def on_train_end(self, logs=None):
        self.csv_file.close()
        self.writer = None


class LambdaCallback(Callback):
    """A callback made of the functions given (the others do nothing).

    # Arguments
        on_epoch_begin, on_epoch_end: called with ``(epoch, logs)``.
        on_batch_begin, on_batch_end: called with ``(batch, logs)``.
        on_train_begin, on_train_end: called with ``(logs)``.
        **kwargs: set as attributes of the callback.

    The functions are called with positional arguments, as in Keras 1.2.2.
    """

    def __init__(self, on_epoch_begin=None, on_epoch_end=None, on_batch_begin=None,
                 on_batch_end=None, on_train_begin=None, on_train_end=None, **kwargs):
        super(LambdaCallback, self).__init__()
        self.__dict__.update(kwargs)
        def nothing_epoch(epoch, logs):
            return None

        def nothing_batch(batch, logs):
            return None

        def nothing_train(logs):
            return None

        self.on_epoch_begin = on_epoch_begin if on_epoch_begin is not None else nothing_epoch
        self.on_epoch_end = on_epoch_end if on_epoch_end is not None else nothing_epoch
        self.on_batch_begin = on_batch_begin if on_batch_begin is not None else nothing_batch
        self.on_batch_end = on_batch_end if on_batch_end is not None else nothing_batch
        self.on_train_begin = on_train_begin if on_train_begin is not None else nothing_train
        self.on_train_end = on_train_end if on_train_end is not None else nothing_train
