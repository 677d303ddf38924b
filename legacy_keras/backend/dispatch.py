"""One dispatch mechanism for ``K``: every backend function that computes declares a
symbolic form and a numeric form, and the dispatcher picks one per call.

Keras 1.2.2's Theano backend only built graphs. legacy_keras runs the same Keras 1
code in two executions (:mod:`._context`): building ``layer.output`` on PyTensor
variables (the *symbolic* form: the graph Theano 1.0 built, for ``debugprint`` and
``theano.function``), and replaying the model inside a Keras 3 computation
(``predict``, ``fit``; the *numeric* form: ``keras.ops`` on Keras 3 tensors and
variables). As Keras 3's ops know their symbolic and their eager form, each ``K``
function is declared once with both::

    @symbolic_and_numeric("x")           # the tensor arguments that decide
    def mean(x, axis=None, keepdims=False):
        \"\"\"Keras 1's docstring; the stub gives K's public name and signature.\"\"\"

    @mean.symbolic
    def _(x, axis=None, keepdims=False):
        return T.mean(x, axis=axis, keepdims=keepdims)

    @mean.numeric
    def _(x, axis=None, keepdims=False):     # x arrives as a Keras 3 tensor / variable
        return ops.mean(x, axis=axis, keepdims=keepdims)

How a call flows: ``K.mean(h, axis=1)`` calls the public function, which hands its
arguments to :meth:`SymbolicAndNumeric.__call__`. That takes the declared tensor
arguments and asks :func:`is_numeric`: True inside Keras 3 execution, or when one of
them is a Keras 3 tensor or variable. Numeric: the tensor arguments are unwrapped
(a Keras 1 weight, :class:`~legacy_keras.theano.bound.BoundSharedVariable`, becomes its
``keras.Variable``) and the numeric form runs. Otherwise the symbolic form runs on the
arguments as given. An op without the chosen form raises ``NotImplementedError``
naming the op and the form.

Functions that do not compute (``variable``, ``placeholder``, ``function``, the
updates) stay plain functions.
"""
import builtins
import functools
import inspect

from legacy_keras._context import in_numeric_execution
from legacy_keras.theano.bound import BoundSharedVariable, is_modern_tensor

SYMBOLIC = "symbolic"
NUMERIC = "numeric"


def _flat(values):
    for value in values:
        if isinstance(value, (list, tuple)):
            yield from _flat(value)
        else:
            yield value


def is_numeric(*values):
    """True when a call on ``values`` belongs to Keras 3 execution (see :mod:`._context`):
    inside it, or when a value (lists looked into) is a Keras 3 tensor or variable."""
    return in_numeric_execution() or builtins.any(is_modern_tensor(v) for v in _flat(values))


def unwrap(x):
    """The Keras 3 variable behind a Keras 1 weight; lists and tuples element by element;
    anything else unchanged."""
    if isinstance(x, BoundSharedVariable):
        return x.keras_variable
    if isinstance(x, (list, tuple)):
        return type(x)(unwrap(v) for v in x)
    return x


def _display_name(stub):
    """'K.mean' for a backend function, 'LSTM.call' for a layer's method."""
    qualified = stub.__qualname__.split(".<locals>.")[-1]
    return qualified if "." in qualified else "K." + qualified


class SymbolicAndNumeric(object):
    """A ``K`` operation: its name, its parameters, the positions of the arguments that
    decide the execution, and its two forms (see the module docstring). The forms are
    called with every argument positional, in the public signature's order, defaults
    filled in, so an existing function
    (``T.exp``, ``ops.exp``) serves as a form whatever its parameter names."""

    def __init__(self, stub, tensors, symbolic=None, numeric=None, context_only=False):
        self.name = _display_name(stub)
        self.parameters = list(inspect.signature(stub).parameters.values())
        names = [p.name for p in self.parameters]
        if not tensors and not context_only:
            tensors = names[:1]
        unknown = [t for t in tensors if t not in names]
        if unknown:
            raise TypeError("%s has no parameter %s" % (self.name, ", ".join(unknown)))
        self.tensor_positions = tuple(names.index(t) for t in tensors)
        self.forms = {SYMBOLIC: symbolic, NUMERIC: numeric}

    def symbolic(self, form):
        """Decorator: registers the PyTensor-graph form."""
        self.forms[SYMBOLIC] = form
        return form

    def numeric(self, form):
        """Decorator: registers the Keras 3 form."""
        self.forms[NUMERIC] = form
        return form

    def positional(self, args, kwargs):
        """The call's arguments as one positional list (keyword ones moved into place)."""
        args = list(args)
        kwargs = dict(kwargs)
        for parameter in self.parameters[len(args):]:
            if parameter.name in kwargs:
                args.append(kwargs.pop(parameter.name))
            elif parameter.default is not inspect.Parameter.empty:
                args.append(parameter.default)
            else:
                raise TypeError("%s() missing required argument '%s'"
                                % (self.name, parameter.name))
        if kwargs:
            raise TypeError("%s() got an unexpected keyword argument '%s'"
                            % (self.name, next(iter(kwargs))))
        return args

    def execution_of(self, args):
        """'numeric' or 'symbolic': the form a call with these (positional) arguments takes."""
        return NUMERIC if is_numeric(*[args[i] for i in self.tensor_positions
                                       if i < len(args)]) else SYMBOLIC

    def form(self, execution):
        form = self.forms[execution]
        if form is None:
            raise NotImplementedError("%s has no %s form (it cannot run %s)" % (
                self.name, execution, "inside Keras 3 execution" if execution == NUMERIC
                else "on PyTensor variables"))
        return form

    def __call__(self, *args, **kwargs):
        if kwargs or len(args) < len(self.parameters):
            args = self.positional(args, kwargs)
        else:
            args = list(args)
        execution = self.execution_of(args)
        if execution == NUMERIC:
            for i in self.tensor_positions:
                if i < len(args):
                    args[i] = unwrap(args[i])
        return self.form(execution)(*args)


def symbolic_and_numeric(*tensors, symbolic=None, numeric=None, context_only=False):
    """Declares a ``K`` operation from its stub (name, signature, docstring).

    ``tensors`` name the arguments that decide the execution (default: the first
    parameter; ``context_only=True``: none, only the execution context decides). The forms are given here (existing functions, ``symbolic=T.exp,
    numeric=ops.exp``) or registered afterwards with ``@op.symbolic`` / ``@op.numeric``.
    The result is a plain function with the stub's signature that dispatches; its
    ``op`` attribute is the :class:`SymbolicAndNumeric`."""

    def declare(stub):
        op = SymbolicAndNumeric(stub, tensors, symbolic, numeric, context_only)

        @functools.wraps(stub)
        def dispatched(*args, **kwargs):
            return op(*args, **kwargs)

        dispatched.op = op
        dispatched.symbolic = op.symbolic
        dispatched.numeric = op.numeric
        return dispatched

    return declare
