"""``keras.utils.generic_utils`` (Keras 1.2.2): lookups by name, custom objects,
function (de)serialization and the console progress bar (:class:`Progbar`)."""
import marshal
import sys
import time
import types as python_types

import numpy as np


def unpack_singleton(values):
    """The value of a one-element list, else the list (Keras 1's layers take one tensor
    or a list of them: what a node holds as lists is passed on this way)."""
    return values[0] if len(values) == 1 else values

_GLOBAL_CUSTOM_OBJECTS = {}


class CustomObjectScope(object):
    """``with CustomObjectScope({'MyLayer': MyLayer}):`` makes names resolvable."""

    def __init__(self, *args):
        self.custom_objects = args
        self.backup = None

    def __enter__(self):
        self.backup = _GLOBAL_CUSTOM_OBJECTS.copy()
        for objects in self.custom_objects:
            _GLOBAL_CUSTOM_OBJECTS.update(objects)
        return self

    def __exit__(self, *args):
        _GLOBAL_CUSTOM_OBJECTS.clear()
        _GLOBAL_CUSTOM_OBJECTS.update(self.backup)


def custom_object_scope(*args):
    return CustomObjectScope(*args)


def get_custom_objects():
    return _GLOBAL_CUSTOM_OBJECTS


def get_from_module(identifier, module_params, module_name, instantiate=False, kwargs=None):
    """A module member by name (``'glorot_uniform'``) or config dict; else ``identifier``.

    As in Keras 1.2.2, an unknown name raises ``ValueError('Invalid <module_name>: ...')``.
    """
    if isinstance(identifier, str):
        result = _GLOBAL_CUSTOM_OBJECTS.get(identifier) or module_params.get(identifier)
        if not result:
            raise ValueError("Invalid " + str(module_name) + ": " + str(identifier))
        if instantiate and not kwargs:
            return result()
        if instantiate and kwargs:
            return result(**kwargs)
        return result
    if isinstance(identifier, dict):
        name = identifier.pop("name")
        result = _GLOBAL_CUSTOM_OBJECTS.get(name) or module_params.get(name)
        if not result:
            raise ValueError("Invalid " + str(module_name) + ": " + str(name))
        return result(**identifier)
    return identifier


def make_tuple(*args):
    """``make_tuple(a, b)`` -> ``(a, b)`` (kept because Keras 1.2.2 exported it)."""
    return args


def func_dump(func):
    """``(code, defaults, closure)`` for a Python function, as Keras 1.2.2 stored a
    ``Lambda``'s function: the marshalled code object decoded as ``raw_unicode_escape``
    text, the default arguments, and the closure cells' contents (``None`` when none).

    Like Keras 1, the code is only readable by the Python version that wrote it.
    """
    code = marshal.dumps(func.__code__).decode("raw_unicode_escape")
    defaults = func.__defaults__
    closure = None
    if func.__closure__:
        closure = tuple(cell.cell_contents for cell in func.__closure__)
    return code, defaults, closure


def _make_cell(value):
    return (lambda: value).__closure__[0]


def func_load(code, defaults=None, closure=None, globs=None):
    """The function :func:`func_dump` described; ``code`` may be the whole dumped tuple.

    ``globs`` are the function's globals (Keras 1.2.2 used its own module's globals when
    none were given; so does legacy_keras, with this module's). Keras 1 handed the
    closure's *values* to ``FunctionType``, which Python 3 refuses for a non-empty
    closure; legacy_keras wraps them in cells, so closures round-trip.
    """
    if isinstance(code, (tuple, list)):
        code, defaults, closure = code
    code = marshal.loads(code.encode("raw_unicode_escape"))
    if globs is None:
        globs = globals()
    if closure is not None:
        closure = tuple(c if isinstance(c, python_types.CellType) else _make_cell(c)
                        for c in closure)
    return python_types.FunctionType(code, globs, name=code.co_name, argdefs=defaults,
                                     closure=closure)


def _as_float64(value):
    """Keras 1.2.2 ran on NumPy 1.x, where a float32 value (a 0-d array from a Theano
    function, or a scalar) times a Python int gave a float64; NumPy 2 keeps float32.
    Averages are therefore taken in float64, as Keras 1's were."""
    if isinstance(value, (float, np.floating)):
        return np.float64(value)
    if isinstance(value, np.ndarray) and value.ndim == 0 and value.dtype.kind == "f":
        return np.float64(value)
    return value


class Progbar(object):
    """Keras 1.2.2's console progress bar.

    # Arguments
        target: total number of steps (samples) expected.
        width: width of the bar, in characters.
        verbose: 1 draws the bar (redrawn in place), 2 prints one line when ``current``
            reaches ``target``, 0 prints nothing.
        interval: minimum number of seconds between two redraws with ``verbose=1``
            (a forced update always redraws).

    With ``verbose=1`` each redraw writes ``'\\b'`` times the previous width, then
    ``'\\r'``, then ``' 20/100 [=====>....] - ETA: 3s - loss: 0.6931'`` padded with spaces
    to the previous width; when ``current >= target`` it shows the elapsed seconds
    instead of the ETA and ends the line. Values are the sample-weighted averages of
    what ``update`` received: ``'%.4f'`` when ``abs(avg) > 1e-3``, else ``'%.4e'``. With
    ``verbose=2`` the final line is ``'3s - loss: 0.6931'``, and there the test is
    ``avg > 1e-3`` (no ``abs``), so every negative value prints as ``'%.4e'`` -- as in
    Keras 1.2.2. Seconds are truncated (``'%d'``). Output goes to ``sys.stdout`` as it
    is when ``update`` runs (so redirecting it works). Averages are computed in float64
    whatever NumPy version runs them (see :func:`_as_float64`).
    """

    def __init__(self, target, width=30, verbose=1, interval=0.05):
        self.width = width
        self.target = target
        self.sum_values = {}
        self.unique_values = []
        self.start = time.time()
        self.last_update = 0
        self.interval = interval
        self.total_width = 0
        self.seen_so_far = 0
        self.verbose = verbose

    def update(self, current, values=None, force=False):
        """Moves the bar to ``current`` steps.

        # Arguments
            current: index of the current step (number of samples seen so far).
            values: list of ``(name, value_for_last_step)`` tuples; each value counts
                for the ``current - previous current`` steps since the last update.
            force: redraw even if less than ``interval`` seconds passed.
        """
        steps = current - self.seen_so_far
        for name, value in values or []:
            value = _as_float64(value)
            if name in self.sum_values:
                self.sum_values[name][0] += value * steps
                self.sum_values[name][1] += steps
            else:
                self.sum_values[name] = [value * steps, steps]
                self.unique_values.append(name)
        self.seen_so_far = current

        now = time.time()
        if self.verbose == 1:
            if not force and (now - self.last_update) < self.interval:
                return
            self._draw(current, now)
        elif self.verbose == 2 and current >= self.target:
            line = "%ds" % (now - self.start)
            for name in self.unique_values:
                average = self._average(name)
                line += " - %s:" % name
                line += (" %.4f" if average > 1e-3 else " %.4e") % average
            sys.stdout.write(line + "\n")
        self.last_update = now

    def _average(self, name):
        total, count = self.sum_values[name]
        return total / max(1, count)

    def _draw(self, current, now):
        out = sys.stdout
        previous_width = self.total_width
        out.write("\b" * previous_width)
        out.write("\r")

        digits = int(np.floor(np.log10(self.target))) + 1
        bar = ("%*d/%*d [" % (digits, current, digits, self.target))
        filled = int(self.width * (float(current) / self.target))
        if filled > 0:
            bar += "=" * (filled - 1) + (">" if current < self.target else "=")
        bar += "." * (self.width - filled) + "]"
        out.write(bar)
        self.total_width = len(bar)

        per_step = (now - self.start) / current if current else 0
        if current < self.target:
            info = " - ETA: %ds" % (per_step * (self.target - current))
        else:
            info = " - %ds" % (now - self.start)
        for name in self.unique_values:
            info += " - %s:" % name
            entry = self.sum_values[name]
            if isinstance(entry, list):
                average = self._average(name)
                info += (" %.4f" if abs(average) > 1e-3 else " %.4e") % average
            else:
                info += " %s" % entry
        self.total_width += len(info)
        if previous_width > self.total_width:
            info += " " * (previous_width - self.total_width)
        out.write(info)
        out.flush()
        if current >= self.target:
            out.write("\n")

    def add(self, n, values=None):
        """``update(seen_so_far + n, values)``."""
        self.update(self.seen_so_far + n, values)
