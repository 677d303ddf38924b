"""``keras.callbacks`` and the ``Progbar`` they print with (keras.utils.generic_utils),
driven by a fake model and fake logs.

The expected console output, file names, file contents and values below were produced
by running the same driver (``fit`` below, Keras 1.2.2's ``_fit_loop`` by hand) with
the real Keras 1.2.2 callbacks on Theano (``../shared/oracle/run``), with ``time.time``
replaced by a fake clock.
"""
import http.server
import io
import json
import os
import socket
import sys
import threading
import time
import urllib.parse
import warnings

import numpy as np
import pytest

from legacy_keras import backend as K
from legacy_keras import callbacks as cbks
from legacy_keras.callbacks import (BaseLogger, Callback, CallbackList, CSVLogger,
                                    EarlyStopping, History, LambdaCallback,
                                    LearningRateScheduler, ModelCheckpoint, ProgbarLogger,
                                    ReduceLROnPlateau, RemoteMonitor, TensorBoard)
from legacy_keras.utils.generic_utils import Progbar


def bs(n):
    return "\b" * n


@pytest.fixture
def clock(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(time, "time", lambda: now[0])
    return now


class Captured(object):
    def __init__(self, capsys):
        self.capsys = capsys
        self.text = ""

    def getvalue(self):
        self.text += self.capsys.readouterr().out
        return self.text

    def reset(self):
        self.getvalue()
        self.text = ""


@pytest.fixture
def stdout(capsys):
    """What was printed to sys.stdout (pytest replaces it after the callbacks were
    imported: they must look it up when they print)."""
    return Captured(capsys)


def f32(value):
    """What a Theano function returned for a batch: a 0-d float32 array."""
    return np.asarray(value, dtype="float32")


# -- Progbar -------------------------------------------------------------------------------
STEPS = [(0.01, 8, [("loss", f32(0.7)), ("acc", f32(0.5))], False),
         (0.02, 16, [("loss", f32(0.6)), ("acc", f32(0.625))], False),  # within 0.05 s
         (0.1, 24, [("loss", f32(0.5)), ("acc", f32(0.75))], False),
         (3.7, 30, [("loss", f32(0.4)), ("acc", f32(1.0)), ("val_loss", np.float64(0.3))],
          True)]


def drive(clock, verbose, target, steps):
    bar = Progbar(target, verbose=verbose)
    for elapsed, current, values, force in steps:
        clock[0] += elapsed
        bar.update(current, values, force=force)
    return bar


def test_progbar_verbose1_redraws_in_place(clock, stdout):
    drive(clock, 1, 30, STEPS)
    assert stdout.getvalue() == (
        "\r 8/30 [=======>......................] - ETA: 0s - loss: 0.7000 - acc: 0.5000"
        + bs(77) +
        "\r24/30 [=======================>......] - ETA: 0s - loss: 0.6000 - acc: 0.6250"
        + bs(77) +
        "\r30/30 [==============================] - 3s - loss: 0.5600 - acc: 0.7000"
        " - val_loss: 0.3000\n")


def test_progbar_verbose2_prints_one_line_at_the_end(clock, stdout):
    drive(clock, 2, 30, STEPS)
    assert stdout.getvalue() == "3s - loss: 0.5600 - acc: 0.7000 - val_loss: 0.3000\n"


def test_progbar_writes_to_the_current_sys_stdout(clock, monkeypatch):
    bar = Progbar(2, verbose=2)
    buffer = io.StringIO()
    monkeypatch.setattr(sys, "stdout", buffer)
    clock[0] += 1.5
    bar.update(2, [("loss", 0.25)])
    assert buffer.getvalue() == "1s - loss: 0.2500\n"


def test_progbar_verbose0_prints_nothing(clock, stdout):
    drive(clock, 0, 30, STEPS)
    assert stdout.getvalue() == ""


NEGATIVE = [(0.5, 64, [("loss", f32(-0.5)), ("mae", f32(0.0004))], False),
            (12.3, 100, [("loss", f32(-0.25)), ("mae", f32(0.00012))], True)]


def test_progbar_small_and_negative_values(clock, stdout):
    # verbose=1 tests abs(avg) > 1e-3; verbose=2 tests avg > 1e-3, so negatives get %.4e.
    drive(clock, 1, 100, NEGATIVE)
    assert stdout.getvalue() == (
        "\r 64/100 [==================>...........] - ETA: 0s - loss: -0.5000"
        " - mae: 4.0000e-04" + bs(84) +
        "\r100/100 [==============================] - 12s - loss: -0.4100"
        " - mae: 2.9920e-04    \n")
    stdout.reset()
    drive(clock, 2, 100, NEGATIVE)
    assert stdout.getvalue() == "12s - loss: -4.1000e-01 - mae: 2.9920e-04\n"


def test_progbar_counter_width_and_padding(clock, stdout):
    drive(clock, 1, 1000, [(0.5, 500, [("loss", f32(12345.678))], False),
                           (0.5, 999, [], False),
                           (0.5, 1000, [("loss", f32(1e-5))], False)])
    assert stdout.getvalue() == (
        "\r 500/1000 [==============>...............] - ETA: 0s - loss: 12345.6777" + bs(71)
        + "\r 999/1000 [============================>.] - ETA: 0s - loss: 12345.6777"
        + bs(71)
        + "\r1000/1000 [==============================] - 1s - loss: 12321.0357     \n")


def test_progbar_add_and_eta(clock, stdout):
    bar = Progbar(10)
    clock[0] += 1.0
    bar.add(3, [("a_long_name", f32(0.5)), ("b", f32(2))])
    clock[0] += 0.5
    bar.add(4)
    clock[0] += 0.5
    bar.add(3)
    assert stdout.getvalue() == (
        "\r 3/10 [========>.....................] - ETA: 2s - a_long_name: 0.5000"
        " - b: 2.0000" + bs(82) +
        "\r 7/10 [====================>.........] - ETA: 0s - a_long_name: 0.5000"
        " - b: 2.0000" + bs(82) +
        "\r10/10 [==============================] - 2s - a_long_name: 0.5000 - b: 2.0000"
        "     \n")
    assert bar.seen_so_far == 10


def test_progbar_averages_in_float64():
    bar = Progbar(3, verbose=0)
    bar.update(1, [("loss", f32(0.1))])
    bar.update(3, [("loss", np.float32(0.2))])
    total, count = bar.sum_values["loss"]
    assert type(total) is np.float64 and count == 3
    assert total == np.float64(np.float32(0.1)) + 2 * np.float64(np.float32(0.2))


# -- a fit loop as Keras 1.2.2's _fit_loop, on a fake model ----------------------------------
class FakeOptimizer(object):
    def __init__(self, lr):
        self.lr = K.variable(lr)


class FakeModel(object):
    def __init__(self):
        self.saved = []
        self.optimizer = FakeOptimizer(0.1)
        self.stop_training = False

    def save(self, filepath, overwrite=True):
        self.saved.append(("model", filepath, overwrite))

    def save_weights(self, filepath, overwrite=True):
        self.saved.append(("weights", filepath, overwrite))


LOSSES = [0.9, 0.8, 0.85, 0.95, 0.7, 0.99, 0.99, 0.99]


def fit(user_callbacks, nb_epoch=4, verbose=0, nb_sample=20, batch_size=8,
        validation=True, losses=None, clock=None):
    """Keras 1.2.2's ``_fit_loop``: the batch logs hold 0-d float32 arrays, the
    validation values float64 scalars. With ``losses``, epoch e's batch losses are
    ``losses[e] + 0.01 * batch``; otherwise drawn from RandomState(3)."""
    model = FakeModel()
    history = History()
    callbacks = [BaseLogger()] + user_callbacks + [history]
    if verbose:
        callbacks.append(ProgbarLogger())
    callbacks = CallbackList(callbacks)
    callbacks.set_model(model)
    metrics = ["loss", "acc"] + (["val_loss", "val_acc"] if validation else [])
    callbacks.set_params({"batch_size": batch_size, "nb_epoch": nb_epoch,
                          "nb_sample": nb_sample, "verbose": verbose,
                          "do_validation": validation, "metrics": metrics})
    callbacks.on_train_begin()
    model.stop_training = False
    rng = np.random.RandomState(3)
    for epoch in range(nb_epoch):
        callbacks.on_epoch_begin(epoch)
        epoch_logs = {}
        starts = list(range(0, nb_sample, batch_size))
        for index, start in enumerate(starts):
            size = min(nb_sample, start + batch_size) - start
            logs = {"batch": index, "size": size}
            callbacks.on_batch_begin(index, logs)
            if clock is not None:
                clock[0] += 0.3
            loss = losses[epoch] if losses else rng.uniform(0, 1)
            logs["loss"] = f32(loss + 0.01 * index)
            logs["acc"] = f32(rng.uniform(0, 1))
            callbacks.on_batch_end(index, logs)
            if index == len(starts) - 1 and validation:
                epoch_logs["val_loss"] = np.float64(loss * 1.1 + 0.003)
                epoch_logs["val_acc"] = np.float64(0.5 + 0.1 * epoch)
        callbacks.on_epoch_end(epoch, epoch_logs)
        if model.stop_training:
            break
    callbacks.on_train_end()
    return model, history


class Recorder(Callback):
    def __init__(self):
        super(Recorder, self).__init__()
        self.calls = []

    def _record(self, hook, *args):
        self.calls.append((hook,) + tuple(args[:-1]) + (dict(args[-1]),))

    def on_train_begin(self, logs=None):
        self._record("train_begin", logs)

    def on_train_end(self, logs=None):
        self._record("train_end", logs)

    def on_epoch_begin(self, epoch, logs=None):
        self._record("epoch_begin", epoch, logs)

    def on_epoch_end(self, epoch, logs=None):
        self._record("epoch_end", epoch, logs)

    def on_batch_begin(self, batch, logs=None):
        self._record("batch_begin", batch, logs)

    def on_batch_end(self, batch, logs=None):
        self._record("batch_end", batch, logs)


def test_fit_loop_calls_every_hook_in_order_with_its_logs():
    recorder = Recorder()
    model, history = fit([recorder], nb_epoch=2, nb_sample=10, batch_size=6)
    assert recorder.model is model
    assert recorder.params == {"batch_size": 6, "nb_epoch": 2, "nb_sample": 10,
                               "verbose": 0, "do_validation": True,
                               "metrics": ["loss", "acc", "val_loss", "val_acc"]}
    hooks = [(c[0],) + tuple(sorted(c[-1])) for c in recorder.calls]
    epoch = [("epoch_begin",),
             ("batch_begin", "batch", "size"), ("batch_end", "acc", "batch", "loss", "size"),
             ("batch_begin", "batch", "size"), ("batch_end", "acc", "batch", "loss", "size"),
             ("epoch_end", "acc", "loss", "val_acc", "val_loss")]
    assert hooks == [("train_begin",)] + epoch + epoch + [("train_end",)]
    assert [c[1] for c in recorder.calls[1:-1]] == [0, 0, 0, 1, 1, 0] + [1, 0, 0, 1, 1, 1]
    assert recorder.calls[2][-1] == {"batch": 0, "size": 6}
    assert recorder.calls[4][-1]["size"] == 4


def test_callback_list_passes_a_dict_for_none():
    seen = []
    callbacks = CallbackList([LambdaCallback(on_train_begin=lambda logs: seen.append(logs),
                                             on_epoch_end=lambda e, logs: seen.append(logs))])
    callbacks.append(LambdaCallback(on_train_end=lambda logs: seen.append(logs)))
    callbacks.on_train_begin()
    callbacks.on_epoch_begin(0)
    callbacks.on_epoch_end(0, None)
    callbacks.on_train_end(None)
    assert seen == [{}, {}, {}]


def test_callback_list_warns_about_slow_batch_hooks(clock):
    class Slow(Callback):
        def on_batch_end(self, batch, logs=None):
            clock[0] += 0.5

    callbacks = CallbackList([Slow()])
    callbacks.on_epoch_begin(0)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for batch in range(3):
            callbacks.on_batch_begin(batch, {})
            clock[0] += 0.2  # the batch itself
            callbacks.on_batch_end(batch, {})
    messages = [str(w.message) for w in caught]
    assert messages == ["Method on_batch_end() is slow compared to the batch update "
                        "(0.500000). Check your callbacks."] * 3


def test_base_logger_averages_by_batch_size():
    base = BaseLogger()
    base.set_params({"metrics": ["loss", "acc", "val_loss"]})
    base.on_epoch_begin(0)
    base.on_batch_end(0, {"batch": 0, "size": 8, "loss": f32(0.5), "acc": f32(0.25)})
    base.on_batch_end(1, {"batch": 1, "size": 2, "loss": f32(1.0), "acc": f32(1.0)})
    logs = {"val_loss": 7.0}
    base.on_epoch_end(0, logs)
    assert base.seen == 10
    assert sorted(base.totals) == ["acc", "batch", "loss", "size"]
    assert base.totals["size"] == 68 and base.totals["batch"] == 2
    assert logs == {"val_loss": 7.0, "loss": 0.6, "acc": 0.4}
    assert type(logs["loss"]) is np.float64 and type(logs["acc"]) is np.float64


def history_values(history):
    return {key: [float(v) for v in values] for key, values in history.history.items()}


def test_history_records_every_epoch_log():
    class AddKey(Callback):
        def on_epoch_end(self, epoch, logs=None):
            logs["custom"] = 10.0 * epoch

    model, history = fit([AddKey()], nb_epoch=3, losses=LOSSES)
    assert history.epoch == [0, 1, 2]
    assert sorted(history.history) == ["acc", "custom", "loss", "val_acc", "val_loss"]
    assert history.history["custom"] == [0.0, 10.0, 20.0]
    # epoch loss: (8 * (l + 0) + 8 * (l + .01) + 4 * (l + .02)) / 20 in float32 -> float64
    expected = [(8 * float(f32(l)) + 8 * float(f32(l + .01)) + 4 * float(f32(l + .02))) / 20
                for l in LOSSES[:3]]
    np.testing.assert_allclose(history_values(history)["loss"], expected, rtol=1e-12)
    assert repr(float(history.history["loss"][0])) == "0.9080000042915344"
    assert all(type(v) is np.float64 for v in history.history["loss"])


# -- ProgbarLogger through the loop ---------------------------------------------------------
def test_progbar_logger_verbose2(stdout):
    fit([], verbose=2)
    assert stdout.getvalue() == (
        "Epoch 1/4\n0s - loss: 0.5233 - acc: 0.6668 - val_loss: 0.9852 - val_acc: 0.5000\n"
        "Epoch 2/4\n0s - loss: 0.0848 - acc: 0.3506 - val_loss: 0.0359 - val_acc: 0.6000\n"
        "Epoch 3/4\n0s - loss: 0.5430 - acc: 0.4595 - val_loss: 0.0294 - val_acc: 0.7000\n"
        "Epoch 4/4\n0s - loss: 0.3132 - acc: 0.4747 - val_loss: 0.4875 - val_acc: 0.8000\n")


def test_progbar_logger_verbose2_without_validation(stdout):
    fit([], verbose=2, validation=False, nb_sample=16)
    assert stdout.getvalue() == (
        "Epoch 1/4\n0s - loss: 0.4259 - acc: 0.6095\nEpoch 2/4\n0s - loss: 0.5143 - acc: "
        "0.5518\nEpoch 3/4\n0s - loss: 0.0457 - acc: 0.4488\nEpoch 4/4\n0s - loss: 0.6677 - "
        "acc: 0.4347\n")


def test_progbar_logger_verbose1_last_epoch(stdout, clock):
    fit([], verbose=1, clock=clock)
    last_epoch = stdout.getvalue().split("Epoch 4/4\n")[1]
    assert last_epoch == (
        "\r 8/20 [===========>..................] - ETA: 0s - loss: 0.2593 - acc: 0.4151"
        + bs(77) +
        "\r16/20 [=======================>......] - ETA: 0s - loss: 0.2764 - acc: 0.5541"
        + bs(77) +
        "\r20/20 [==============================] - 0s - loss: 0.3132 - acc: 0.4747"
        " - val_loss: 0.4875 - val_acc: 0.8000\n")


# -- ModelCheckpoint ----------------------------------------------------------------------
def test_model_checkpoint_filepath_template(stdout):
    model, _ = fit([ModelCheckpoint("w.{epoch:02d}-{val_loss:.2f}.hdf5", verbose=1)])
    assert model.saved == [("model", "w.00-0.99.hdf5", True), ("model", "w.01-0.04.hdf5", True),
                           ("model", "w.02-0.03.hdf5", True), ("model", "w.03-0.49.hdf5", True)]
    assert stdout.getvalue() == (
        "Epoch 00000: saving model to w.00-0.99.hdf5\nEpoch 00001: saving model to "
        "w.01-0.04.hdf5\nEpoch 00002: saving model to w.02-0.03.hdf5\nEpoch 00003: saving "
        "model to w.03-0.49.hdf5\n")


def test_model_checkpoint_save_best_only(stdout):
    model, _ = fit([ModelCheckpoint("b.{epoch:02d}.h5", save_best_only=True, verbose=1)],
                   nb_epoch=8, losses=LOSSES)
    assert model.saved == [("model", "b.00.h5", True), ("model", "b.01.h5", True),
                           ("model", "b.04.h5", True)]
    assert stdout.getvalue() == (
        "Epoch 00000: val_loss improved from inf to 0.99300, saving model to b.00.h5\n"
        "Epoch 00001: val_loss improved from 0.99300 to 0.88300, saving model to b.01.h5\n"
        "Epoch 00002: val_loss did not improve\n"
        "Epoch 00003: val_loss did not improve\n"
        "Epoch 00004: val_loss improved from 0.88300 to 0.77300, saving model to b.04.h5\n"
        "Epoch 00005: val_loss did not improve\n"
        "Epoch 00006: val_loss did not improve\n"
        "Epoch 00007: val_loss did not improve\n")


def test_model_checkpoint_acc_is_maximized_weights_only(stdout):
    model, _ = fit([ModelCheckpoint("a.{epoch}-{val_acc:.3f}.h5", monitor="val_acc",
                                    save_best_only=True, save_weights_only=True, verbose=1)],
                   losses=LOSSES)
    assert [s[:2] for s in model.saved] == [("weights", "a.%d-0.%d00.h5" % (e, 5 + e))
                                            for e in range(4)]
    assert stdout.getvalue().splitlines()[0] == (
        "Epoch 00000: val_acc improved from -inf to 0.50000, saving model to a.0-0.500.h5")


def test_model_checkpoint_period_and_missing_monitor(stdout):
    model, _ = fit([ModelCheckpoint("p{epoch}.h5", period=3, save_weights_only=True,
                                    verbose=1)], nb_epoch=7)
    assert [s[1] for s in model.saved] == ["p2.h5", "p5.h5"]
    assert stdout.getvalue() == ("Epoch 00002: saving model to p2.h5\n"
                                 "Epoch 00005: saving model to p5.h5\n")
    with pytest.warns(RuntimeWarning, match="Can save best model only with nope available, "
                                            "skipping."):
        model, _ = fit([ModelCheckpoint("m.h5", monitor="nope", save_best_only=True)],
                       nb_epoch=2)
    assert model.saved == []


def test_model_checkpoint_unknown_mode_warns():
    with pytest.warns(RuntimeWarning, match="ModelCheckpoint mode up is unknown, fallback "
                                            "to auto mode."):
        checkpoint = ModelCheckpoint("m.h5", mode="up", monitor="val_acc")
    assert checkpoint.monitor_op is np.greater and checkpoint.best == -np.inf


# -- EarlyStopping -------------------------------------------------------------------------
@pytest.mark.parametrize("kwargs, epochs, message", [
    (dict(monitor="val_loss", patience=1, verbose=1), [0, 1, 2, 3],
     "Epoch 00003: early stopping\n"),
    (dict(monitor="val_loss", min_delta=0.05, verbose=1), [0, 1, 2],
     "Epoch 00002: early stopping\n"),
    (dict(monitor="loss", mode="max", verbose=1), [0, 1], "Epoch 00001: early stopping\n"),
    (dict(monitor="val_acc", patience=2, verbose=1), list(range(8)), ""),
    (dict(monitor="val_loss", patience=1), [0, 1, 2, 3], ""),
])
def test_early_stopping_stops_at_keras1s_epoch_with_its_message(stdout, kwargs, epochs, message):
    model, history = fit([EarlyStopping(**kwargs)], nb_epoch=8, losses=LOSSES)
    assert history.epoch == epochs
    assert model.stop_training == (len(epochs) < 8)
    assert stdout.getvalue() == message


def test_early_stopping_without_the_monitored_value_fails_as_keras1():
    with pytest.warns(RuntimeWarning, match="Early stopping requires val_x available!"):
        with pytest.raises(TypeError):
            fit([EarlyStopping(monitor="val_x")])


def test_early_stopping_restarts_at_train_begin():
    stopper = EarlyStopping(monitor="loss", patience=0)
    fit([stopper], nb_epoch=8, losses=LOSSES)
    assert stopper.stopped_epoch == 2
    stopper.set_model(FakeModel())
    stopper.on_train_begin()
    assert stopper.wait == 0 and stopper.best == np.inf


# -- learning rate ---------------------------------------------------------------------------
def test_reduce_lr_on_plateau_halves_the_rate_down_to_min_lr(stdout):
    model, history = fit([ReduceLROnPlateau(monitor="val_loss", factor=0.5, patience=1,
                                            verbose=1, min_lr=0.02)],
                         nb_epoch=8, losses=LOSSES)
    assert stdout.getvalue() == (
        "\nEpoch 00003: reducing learning rate to 0.05000000074505806.\n"
        "\nEpoch 00006: reducing learning rate to 0.02500000037252903.\n"
        "\nEpoch 00007: reducing learning rate to 0.02.\n")
    # the rate before each epoch's reduction, recorded in the logs as a 0-d float32 array
    assert [repr(float(v)) for v in history.history["lr"]] == (
        ["0.10000000149011612"] * 4 + ["0.05000000074505806"] * 3 + ["0.02500000037252903"])
    assert all(isinstance(v, np.ndarray) and v.dtype == np.float32 and v.ndim == 0
               for v in history.history["lr"])
    assert repr(float(K.get_value(model.optimizer.lr))) == "0.019999999552965164"


def test_reduce_lr_on_plateau_cooldown(stdout):
    model, history = fit([ReduceLROnPlateau(monitor="val_acc", factor=0.2, patience=0,
                                            cooldown=1, verbose=1, epsilon=0.5)],
                         nb_epoch=6, losses=LOSSES)
    assert stdout.getvalue().split("\n\n")[0] == (
        "\nEpoch 00001: reducing learning rate to 0.020000000298023225.")
    assert [repr(float(v)) for v in history.history["lr"]] == [
        "0.10000000149011612", "0.10000000149011612", "0.019999999552965164",
        "0.003999999724328518", "0.0007999999215826392", "0.0001599999814061448"]
    assert repr(float(K.get_value(model.optimizer.lr))) == "3.199999628122896e-05"


def test_reduce_lr_on_plateau_arguments():
    with pytest.raises(ValueError, match="ReduceLROnPlateau does not support a factor "
                                         ">= 1.0."):
        ReduceLROnPlateau(factor=1.0)
    with pytest.warns(RuntimeWarning, match="Learning Rate Plateau Reducing requires zzz "
                                            "available!"):
        _, history = fit([ReduceLROnPlateau(monitor="zzz")], nb_epoch=2)
    assert len(history.history["lr"]) == 2


def test_learning_rate_scheduler_sets_the_rate_each_epoch():
    seen = []
    scheduler = LearningRateScheduler(lambda epoch: 0.5 / (epoch + 1))
    model = FakeModel()
    scheduler.set_model(model)
    for epoch in range(3):
        scheduler.on_epoch_begin(epoch)
        seen.append(float(K.get_value(model.optimizer.lr)))
    np.testing.assert_allclose(seen, [0.5, 0.25, 0.5 / 3], rtol=1e-7)
    with pytest.raises(ValueError, match='The output of the "schedule" function should be '
                                         'float.'):
        fit([LearningRateScheduler(lambda epoch: 1)], nb_epoch=3)
    model.optimizer = object()
    with pytest.raises(ValueError, match='Optimizer must have a "lr" attribute.'):
        scheduler.on_epoch_begin(0)


# -- CSVLogger -------------------------------------------------------------------------------
def read(path):
    with open(path, newline="") as f:
        return f.read()


ROWS = ("0{s}0.6668487906455993{s}0.5232704401016235{s}0.5{s}0.9852416497824202\r\n"
        "1{s}0.3505877315998077{s}0.08479625061154365{s}0.6{s}0.035863831966423655\r\n")


def test_csv_logger_writes_one_row_per_epoch_and_overwrites(tmp_path):
    path = str(tmp_path / "training.log")
    fit([CSVLogger(path)], nb_epoch=2)
    fit([CSVLogger(path)], nb_epoch=2)  # overwritten
    assert read(path) == "epoch,acc,loss,val_acc,val_loss\r\n" + ROWS.format(s=",")


def test_csv_logger_append_and_separator(tmp_path):
    path = str(tmp_path / "log.csv")
    logger = CSVLogger(path, separator=";", append=True)
    fit([logger], nb_epoch=2)
    fit([logger], nb_epoch=2)
    fit([CSVLogger(path, separator=";", append=True)], nb_epoch=2)
    assert read(path) == ("epoch;acc;loss;val_acc;val_loss\r\n"
                          + ROWS.format(s=";") * 3)
    assert logger.writer is None and logger.csv_file.closed


def test_csv_logger_value_formats(tmp_path):
    path = str(tmp_path / "odd.csv")
    logger = CSVLogger(path)
    logger.on_train_begin()
    logger.on_epoch_end(0, {"a": np.float32(0.1), "b": np.float64(1 / 3), "c": [1, 2.5],
                            "d": np.array([0.5, 1.0], "float32"), "e": "xy", "f": 3,
                            "g": np.array(0.2, "float32")})
    logger.on_train_end()
    assert read(path) == ('epoch,a,b,c,d,e,f,g\r\n0,0.1,0.3333333333333333,"""[1, 2.5]""",'
                          '"""[0.5, 1.0]""","""[x, y]""",3,0.2\r\n')


# -- LambdaCallback ----------------------------------------------------------------------------
def test_lambda_callback_calls_the_given_hooks_only(stdout):
    fit([LambdaCallback(on_epoch_end=lambda e, logs: print("end", e, sorted(logs)),
                        on_train_begin=lambda logs: print("begin", logs), extra=5)],
        nb_epoch=2)
    assert stdout.getvalue() == ("begin {}\nend 0 ['acc', 'loss', 'val_acc', 'val_loss']\n"
                                 "end 1 ['acc', 'loss', 'val_acc', 'val_loss']\n")
    callback = LambdaCallback(extra=5)
    assert callback.extra == 5
    assert callback.on_batch_end(0, {}) is None and callback.on_train_end({}) is None


# -- RemoteMonitor -----------------------------------------------------------------------------
def test_remote_monitor_posts_form_encoded_json():
    received = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            received.append((self.path, dict(self.headers), body))
            self.send_response(404 if len(received) > 1 else 200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        root = "http://127.0.0.1:%d" % server.server_address[1]
        monitor = RemoteMonitor(root=root)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            monitor.on_epoch_end(0, {"loss": np.float64(0.5), "acc": np.float32(0.25)})
            monitor.on_epoch_end(1, {"loss": 0.25})  # a 404 answer is ignored
        RemoteMonitor(root=root, path="/x", field="payload",
                      headers={"X-Test": "1"}).on_epoch_end(2, {})
    finally:
        server.shutdown()
        server.server_close()
    path, headers, body = received[0]
    assert path == "/publish/epoch/end/"
    assert headers["Accept"] == "application/json"
    assert headers["Content-Type"] == "application/json"
    form = urllib.parse.parse_qs(body.decode())
    assert list(form) == ["data"]
    assert json.loads(form["data"][0]) == {"epoch": 0, "loss": 0.5, "acc": 0.25}
    assert body.decode().startswith("data=%7B%22epoch%22%3A+0%2C+%22loss%22%3A+0.5")
    path, headers, body = received[2]
    assert path == "/x" and headers["X-Test"] == "1"
    assert json.loads(urllib.parse.parse_qs(body.decode())["payload"][0]) == {"epoch": 2}


def test_remote_monitor_unreachable_server_warns():
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()  # nothing listens there now
    root = "http://127.0.0.1:%d" % port
    with pytest.warns(UserWarning, match="Warning: could not reach RemoteMonitor root "
                                         "server at " + root):
        RemoteMonitor(root=root).on_epoch_end(0, {"loss": 0.5})


# -- TensorBoard -------------------------------------------------------------------------------
def read_events(log_dir):
    import tensorflow as tf

    events = []
    for name in sorted(os.listdir(log_dir)):
        assert name.startswith("events.out.tfevents.")
        events.extend(tf.compat.v1.train.summary_iterator(os.path.join(log_dir, name)))
    return events


def summaries(events):
    """``{(step, tag, plugin): value}``."""
    import tensorflow as tf

    found = {}
    for event in events:
        for value in event.summary.value:
            found[(event.step, value.tag, value.metadata.plugin_data.plugin_name)] = (
                tf.make_ndarray(value.tensor))
    return found


def small_model():
    from legacy_keras.layers.core import Dense
    from legacy_keras.models import Sequential

    model = Sequential()
    model.add(Dense(3, input_dim=4, activation="tanh"))
    model.add(Dense(2))
    return model


def test_tensorboard_writes_epoch_scalars(tmp_path):
    log_dir = str(tmp_path / "logs")
    board = TensorBoard(log_dir=log_dir, write_graph=False)
    board.set_model(FakeModel())
    board.on_train_begin({})
    board.on_epoch_end(0, {"loss": np.float64(0.5), "val_loss": f32(0.25), "batch": 3,
                           "size": 8, "note": "text"})
    board.on_epoch_end(1, {"loss": 0.125})
    board.on_train_end({})
    found = summaries(read_events(log_dir))
    assert sorted(found) == [(0, "loss", "scalars"), (0, "val_loss", "scalars"),
                             (1, "loss", "scalars")]
    assert float(found[(0, "loss", "scalars")]) == 0.5
    assert float(found[(0, "val_loss", "scalars")]) == 0.25
    assert float(found[(1, "loss", "scalars")]) == 0.125


def test_tensorboard_histograms_images_and_graph(tmp_path):
    log_dir = str(tmp_path / "tb")
    model = small_model()
    x = np.random.RandomState(0).uniform(-1, 1, size=(5, 4)).astype("float32")
    model.validation_data = [x, np.zeros((5, 2), "float32"), np.ones(5, "float32")]
    board = TensorBoard(log_dir=log_dir, histogram_freq=2, write_images=True)
    board.set_model(model)
    for epoch in range(3):
        board.on_epoch_end(epoch, {"loss": 1.0 / (epoch + 1)})
    board.on_train_end()
    events = read_events(log_dir)
    assert any(event.graph_def for event in events)
    found = summaries(events)
    names = ["dense_1_W", "dense_1_b", "dense_2_W", "dense_2_b"]
    for step in (0, 2):
        for name in names:
            assert found[(step, name, "histograms")].shape == (30, 3)
            assert found[(step, name, "images")].shape == (3,)
        for name in ("dense_1_out", "dense_2_out"):
            assert found[(step, name, "histograms")].shape == (30, 3)
    assert not [key for key in found if key[0] == 1 and key[2] != "scalars"]
    weights = model.layers[0].get_weights()[0]
    buckets = found[(0, "dense_1_W", "histograms")]
    assert buckets[:, 2].sum() == weights.size
    assert buckets[0, 0] == pytest.approx(weights.min())
    assert buckets[-1, 1] == pytest.approx(weights.max())
    outputs = found[(0, "dense_2_out", "histograms")]
    prediction = model.predict(x)
    assert outputs[:, 2].sum() == prediction.size
    assert outputs[0, 0] == pytest.approx(prediction.min(), rel=1e-5)
    width, height = found[(0, "dense_1_W", "images")][:2]
    assert (int(width), int(height)) == (4, 3)  # (4, 3) kernel: the longer side horizontal


def test_tensorboard_histograms_need_validation_data(tmp_path):
    log_dir = str(tmp_path / "tb")
    model = small_model()
    model.validation_data = None
    board = TensorBoard(log_dir=log_dir, histogram_freq=1, write_graph=False)
    board.set_model(model)
    board.on_epoch_end(0, {"loss": 1.0})
    board.on_train_end()
    assert sorted(summaries(read_events(log_dir))) == [(0, "loss", "scalars")]


def test_tensorboard_graph_failure_only_warns(tmp_path):
    with pytest.warns(UserWarning, match="TensorBoard: could not write the graph"):
        TensorBoard(log_dir=str(tmp_path)).set_model(FakeModel())


def test_tensorboard_image_scaling():
    image = TensorBoard._as_image(np.array([[-1.0, 0.0, 0.5]]))
    assert image.shape == (1, 3, 1) and image[0, :, 0].tolist() == [1, 128, 192]
    image = TensorBoard._as_image(np.array([0.0, 2.0]))
    assert image[0, :, 0].tolist() == [0, 255]
    assert TensorBoard._as_image(np.zeros((2, 2, 2))) is None


def test_module_exports_keras1_names():
    for name in ("Callback", "CallbackList", "BaseLogger", "ProgbarLogger", "History",
                 "ModelCheckpoint", "EarlyStopping", "RemoteMonitor",
                 "LearningRateScheduler", "TensorBoard", "ReduceLROnPlateau", "CSVLogger",
                 "LambdaCallback"):
        assert isinstance(getattr(cbks, name), type)
