"""``theano.printing.pprint``: Theano 1.0.5's one-line rendering of a graph.

Theano's pretty printer wrote every binary operation in parentheses
(``(a + (b * TensorConstant{2}))``; its precedence handling was switched off), element-wise
functions by name (``exp(a)``, ``fill(x, y)`` for ``second``, ``|x|`` for ``abs_``,
``float32(x)`` for casts), ``\\dot`` between the operands of a matrix product, ``x.T``
for a transpose, ``x[1:, int64]`` for a Subtensor, ``[a, b]`` for a MakeVector, and any
other node as ``<Theano's op name>(<inputs>)`` (``Sum{acc_dtype=float64}(x)``). Leaves
print as Theano's ``str``: their name (``alpha`` ... ``epsilon`` as ``\\alpha`` ...),
``TensorConstant{2}``, or ``<TensorType(float32, matrix)>``.

PyTensor's ``pprint`` prints other names and bare constants; its text stays available
as ``theano.printing.pprint(var, style='pytensor')``.
"""
from pytensor.graph.basic import Variable
from pytensor.tensor.basic import Alloc, Join, MakeVector
from pytensor.tensor.elemwise import DimShuffle, Elemwise
from pytensor.tensor.subtensor import Subtensor

from legacy_keras.theano import opnames

__all__ = ["theano_pprint"]

# Elemwise scalar names Theano printed as infix operators.
OPERATORS = {"add": "+", "mul": "*", "sub": "-", "neg": "-", "true_div": "/",
             "int_div": "//", "pow": "**"}

# Element-wise functions Theano printed under another name than their scalar op's.
FUNCTION_NAMES = {"second": "fill"}

GREEK = {name: "\\" + name for name in ("alpha", "beta", "gamma", "delta", "epsilon")}


def theano_pprint(var):
    """Theano 1.0.5's ``pprint(var)`` text for a PyTensor variable."""
    if not isinstance(var, Variable):
        raise TypeError("pprint expects a symbolic variable, got %r" % (var,))
    return _Printer().process(var)


class _Printer(object):
    def __init__(self):
        self.memo = {}

    def process(self, var):
        if var not in self.memo:
            self.memo[var] = self._text(var)
        return self.memo[var]

    def _text(self, var):
        node = var.owner
        if node is None:
            return self._leaf(var)
        op_text, inputs = opnames.view(var)
        if op_text == "dot" and len(inputs) == 2:
            return "(%s \\dot %s)" % tuple(self.process(i) for i in inputs)
        op = node.op
        if isinstance(op, Elemwise):
            return self._elemwise(op, inputs)
        if isinstance(op, DimShuffle):
            return self._dimshuffle(list(op.new_order), inputs[0])
        if isinstance(op, Subtensor):
            return self._subtensor(node)
        if isinstance(op, MakeVector):
            return "[%s]" % ", ".join(self.process(i) for i in inputs)
        if isinstance(op, Join):
            return self._call("join", inputs)
        if isinstance(op, Alloc):
            return self._call("alloc", inputs)
        return self._call(op_text, inputs)

    def _leaf(self, var):
        if var.name in GREEK:
            return GREEK[var.name]
        return opnames.variable_str(var)

    def _call(self, name, inputs):
        return "%s(%s)" % (name, ", ".join(self.process(i) for i in inputs))

    def _elemwise(self, op, inputs):
        name = opnames.scalar_name(op.scalar_op)
        if name in OPERATORS:
            symbol = OPERATORS[name]
            texts = [self.process(i) for i in inputs]
            if len(texts) == 1:
                return "(%s%s)" % (symbol, texts[0])
            return "(%s)" % (" %s " % symbol).join(texts)
        if name == "abs_":
            return "|%s|" % self.process(inputs[0])
        if name.startswith("Cast{"):
            return self._call(name[len("Cast{"):-1], inputs)
        if "{" in name:
            return self._call(opnames.elemwise_str(op), inputs)
        return self._call(FUNCTION_NAMES.get(name, name), inputs)

    def _dimshuffle(self, new_order, operand):
        while new_order and new_order[0] == "x":
            new_order = new_order[1:]
        if new_order == list(range(operand.type.ndim)):
            return self.process(operand)
        if new_order == list(reversed(range(operand.type.ndim))):
            return "%s.T" % self.process(operand)
        return "DimShuffle{%s}(%s)" % (", ".join(map(str, new_order)),
                                       self.process(operand))

    def _subtensor(self, node):
        """Theano's SubtensorPrinter, habits included: an index takes the *last*
        remaining index input (``x[1, 2]`` prints ``x[Constant{2}, Constant{1}]``) and a
        slice bound prints as its type (``x[1:]`` prints ``x[int64:]``). In PyTensor's
        ``idx_list`` an int is the position of the index among the node's inputs."""
        index_inputs = list(node.inputs[1:])
        remaining = list(index_inputs)
        parts = []
        for entry in node.op.idx_list:
            if isinstance(entry, slice):
                start, stop, step = (
                    "" if bound is None else _bound_type(bound, index_inputs)
                    for bound in (entry.start, entry.stop, entry.step))
                parts.append("%s:%s%s" % (start, stop, ":" + step if step else ""))
            else:
                parts.append(self.process(remaining.pop()))
        return "%s[%s]" % (self.process(node.inputs[0]), ", ".join(parts))


def _bound_type(bound, index_inputs):
    if isinstance(bound, int):
        return str(index_inputs[bound].type.dtype)
    return str(getattr(bound, "dtype", bound))
