"""How Theano 1.0.5 named what PyTensor builds: ops, constants, unnamed variables, types.

PyTensor kept Theano's graph structure but renamed much of it when printing
(``Tanh`` for ``Elemwise{tanh,no_inplace}``, ``ExpandDims{axis=0}`` for
``InplaceDimShuffle{x,0}``, ``Matrix(float32, shape=(?, ?))`` for
``TensorType(float32, matrix)``). Each rule here restores one Theano spelling; every
rule is covered by a golden produced by real Theano 1.0.5 (tests/goldens/).

A node may also carry ``node.tag.theano_str``: the exact Theano text for an op that
legacy_keras builds from several PyTensor ops or from an op of its own.
"""
from pytensor.graph.basic import Constant
from pytensor.scalar.basic import ScalarType
from pytensor.tensor.elemwise import CAReduce, DimShuffle, Elemwise
from pytensor.tensor.math import Dot
from pytensor.tensor.special import Softmax
from pytensor.scan.op import Scan
from pytensor.tensor.subtensor import AdvancedIncSubtensor, IncSubtensor, Subtensor
from pytensor.tensor.variable import TensorConstant

# Theano named an Elemwise after the tensor-level function that made it
# (``Elemwise{abs_,no_inplace}``); that is PyTensor's scalar op name lowercased, except:
SCALAR_NAMES = {
    "abs": "abs_",
    "truediv": "true_div",
    "intdiv": "int_div",
    "reciprocal": "inv",
    "roundhalftoeven": "round_half_to_even",
}

# Elemwise ops that Theano created with a name of their own (printed bare).
NAMED_ELEMWISE = {
    "sigmoid": "sigmoid",
    "softplus": "softplus",
    "softsign": "softsign",
}

# Op classes printed with a fixed Theano name.
FIXED_NAMES = {
    Dot: "dot",
    Softmax: "Softmax",
}


def scalar_name(scalar_op):
    name = str(scalar_op)
    if "{" not in name:
        name = name.lower()
    return SCALAR_NAMES.get(name, name)


def elemwise_str(op):
    name = scalar_name(op.scalar_op)
    if name in NAMED_ELEMWISE:
        return NAMED_ELEMWISE[name]
    if "{" in name:
        # Theano named parametrized elementwise ops after their scalar op alone
        # (``Elemwise{Cast{float32}}``).
        return "Elemwise{%s}" % name
    if op.inplace_pattern:
        return "Elemwise{%s}%s" % (name, str(sorted(op.inplace_pattern.items())))
    return "Elemwise{%s,no_inplace}" % name


def dimshuffle_str(op):
    # Theano 1.0's DimShuffle was created inplace by default in user graphs.
    return "InplaceDimShuffle{%s}" % ",".join(str(i) for i in op.new_order)


def careduce_str(op):
    """``Sum{axis=[1], acc_dtype=float64}`` / ``Sum{acc_dtype=float64}`` (all axes);
    Theano's Prod printed all its properties: ``Prod{axis=None, dtype='int64',
    acc_dtype='int64'}``."""
    if type(op).__name__ == "Prod":
        axis = None if op.axis is None else tuple(op.axis)
        return "Prod{axis=%r, dtype=%r, acc_dtype=%r}" % (axis, str(op.dtype),
                                                          str(op.acc_dtype))
    params = []
    if op.axis is not None:
        params.append("axis=%s" % list(op.axis))
    acc_dtype = getattr(op, "acc_dtype", None)
    if acc_dtype is not None:
        params.append("acc_dtype=%s" % acc_dtype)
    return "%s{%s}" % (type(op).__name__, ", ".join(params))


def reduction_str(op):
    """Theano's names of other reductions: ``MaxAndArgmax{axis=(2,)}.0`` (T.max took
    output 0 of MaxAndArgmax), ``Any{2}`` / ``All{0}``, and
    ``Prod{axis=None, dtype='int64', acc_dtype='int64'}``."""
    name = type(op).__name__
    axis = None if op.axis is None else tuple(op.axis)
    if name == "Max":
        return "MaxAndArgmax{axis=%s}.0" % (axis,)
    if name in ("Any", "All"):
        return "%s{%s}" % (name, ", ".join(str(a) for a in axis) if axis is not None else "")
    return "Prod{axis=%s, dtype=%r, acc_dtype=%r}" % (
        None if axis is None else list(axis), str(op.dtype), str(op.acc_dtype))


def variable_repr(var):
    """Theano's ``str(variable)``: its name, ``<op>.<output index>`` for an unnamed
    result (``Any{2}.0``), or its leaf text."""
    if var.name is not None:
        return var.name
    if var.owner is not None:
        text = op_str(var.owner)
        if text.endswith(".0") and isinstance(var.owner.op, CAReduce):
            text = text[:-2]
        return "%s.%d" % (text, var.owner.outputs.index(var))
    return variable_str(var)


def subtensor_str(node):
    """``Subtensor{::, int64}``: each index is the dtype of its input, a slice is
    start:stop:step with empty parts for None."""
    return "Subtensor{%s}" % _index_list_str(node.op.idx_list, node.inputs[1:])


def inc_subtensor_str(node):
    """Theano's ``IncSubtensor{Set;:int64:}`` (``T.set_subtensor``) and
    ``IncSubtensor{Inc;...}`` (``T.inc_subtensor``), ``Inplace`` first when inplace;
    PyTensor prints ``SetSubtensor{:stop}``."""
    mode = ("Inplace" if node.op.inplace else "") + (
        "Set" if node.op.set_instead_of_inc else "Inc")
    return "IncSubtensor{%s;%s}" % (mode, _index_list_str(node.op.idx_list, node.inputs[2:]))


def advanced_inc_subtensor_str(node):
    """Theano's ``AdvancedIncSubtensor1{no_inplace,set}`` for ``x[int_vector]`` and
    ``AdvancedIncSubtensor{inplace=False,  set_instead_of_inc=True}`` (two spaces, as
    Theano wrote it) for other advanced indices; PyTensor prints
    ``AdvancedSetSubtensor``."""
    op = node.op
    indices = node.inputs[2:]
    if len(indices) == 1 and indices[0].ndim == 1 and "int" in str(indices[0].dtype):
        return "AdvancedIncSubtensor1{%s,%s}" % (
            "inplace" if op.inplace else "no_inplace",
            "set" if op.set_instead_of_inc else "inc")
    return "AdvancedIncSubtensor{inplace=%s,  set_instead_of_inc=%s}" % (
        op.inplace, op.set_instead_of_inc)


def scan_str(op):
    """Theano's ``Scan.__str__`` for a scan in a user graph: ``for{cpu,scan_fn}``
    (``do_while`` when the step function returns a stopping condition). Only Theano's
    optimizer made scans inplace, and compiled graphs print PyTensor's text anyway."""
    loop = "do_while" if op.info.as_while else "for"
    return "%s{cpu,%s}" % (loop, op.name)


def _index_list_str(idx_list, scalar_inputs):
    """The index part of a (Inc)Subtensor's name, from its ``idx_list`` and the scalar
    inputs that hold its non-constant indices."""

    def entry(item):
        if item is None:
            return ""
        if isinstance(item, int):
            return str(scalar_inputs[item].type.dtype)
        return str(getattr(item, "dtype", item))

    parts = []
    for item in idx_list:
        if isinstance(item, slice):
            parts.append(":".join(entry(p) for p in (item.start, item.stop, item.step)))
        else:
            parts.append(entry(item))
    return ", ".join(parts)


def _is_advanced_subtensor1(node):
    """``x[int_vector]``: PyTensor's AdvancedSubtensor, Theano's AdvancedSubtensor1."""
    return (type(node.op).__name__ == "AdvancedSubtensor" and len(node.inputs) == 2 and
            tuple(getattr(node.op, "idx_list", ())) == (0,) and node.inputs[1].ndim == 1 and
            "int" in str(node.inputs[1].dtype))


def op_str(node):
    """Theano 1.0's ``str(node.op)`` for a PyTensor Apply node."""
    override = getattr(node.tag, "theano_str", None)
    if override is not None:
        return override
    op = node.op
    if isinstance(op, Elemwise):
        return elemwise_str(op)
    if isinstance(op, DimShuffle):
        return dimshuffle_str(op)
    if isinstance(op, CAReduce) and type(op).__name__ in ("Max", "Any", "All", "Prod"):
        return reduction_str(op)
    if isinstance(op, CAReduce) and type(op).__name__ in ("Sum", "Prod"):
        return careduce_str(op)
    if isinstance(op, Subtensor):
        return subtensor_str(node)
    if isinstance(op, IncSubtensor):
        return inc_subtensor_str(node)
    if isinstance(op, AdvancedIncSubtensor):
        return advanced_inc_subtensor_str(node)
    if type(op).__name__ == "Argmax":
        # Theano's argmax was output 1 of MaxAndArgmax.
        axis = None if op.axis is None else tuple(op.axis)
        return "MaxAndArgmax{axis=%s}.1" % (axis,)
    if isinstance(op, Scan):
        return scan_str(op)
    if _is_advanced_subtensor1(node):
        return "AdvancedSubtensor1"
    if type(op).__name__ == "AdvancedSubtensor":  # Theano printed no index list
        return "AdvancedSubtensor"
    for op_class, name in FIXED_NAMES.items():
        if isinstance(op, op_class):
            return name
    if hasattr(op, "theano_str"):
        return op.theano_str()
    return str(op)


BROADCAST_NAMES = {
    (): "scalar",
    (False,): "vector",
    (False, True): "col",
    (True, False): "row",
    (False, False): "matrix",
}


def type_str(ttype):
    """``TensorType(float32, matrix)``, as Theano 1.0 wrote a type (``int64`` for scalars
    of the scalar type)."""
    if isinstance(ttype, ScalarType):
        return str(ttype.dtype)
    broadcastable = tuple(bool(b) for b in getattr(ttype, "broadcastable", ()))
    if broadcastable in BROADCAST_NAMES:
        pattern = BROADCAST_NAMES[broadcastable]
    elif any(broadcastable):
        pattern = str(broadcastable)
    else:
        pattern = "%iD" % len(broadcastable)
    return "TensorType(%s, %s)" % (ttype.dtype, pattern)


def constant_str(const):
    data = const.data
    flat = data.ravel() if getattr(data, "ndim", 0) > 0 else None
    if flat is not None and flat.shape[0] and (flat == flat[0]).all():
        text = "%s of %s" % (str(data.shape), str(flat[0]))
    else:
        text = "%s" % data
    if len(text) > 20:
        text = text[:10] + ".." + text[-10:]
    return "TensorConstant{%s}" % text


def variable_str(var):
    """How Theano 1.0 printed a graph input: its name, a constant, or its type."""
    if isinstance(var, TensorConstant):
        return constant_str(var)
    if isinstance(var, Constant):
        if var.name is not None:
            return var.name
        text = str(var.data)
        if len(text) > 20:
            text = text[:10] + "..." + text[-10:]
        return "Constant{%s}" % text
    if var.name is not None:
        return var.name
    return "<%s>" % type_str(var.type)


def identity(var):
    """What Theano would have shared: it cached 0-d tensor constants, so every use of
    ``0.5`` in a graph is one node with one id."""
    if isinstance(var, TensorConstant) and var.type.ndim == 0:
        return ("TensorConstant", str(var.type.dtype), var.data.item())
    return var


def _added_axes_only(op):
    return isinstance(op, DimShuffle) and [i for i in op.new_order if i != "x"] == list(
        range(op.input_ndim))


def view(var):
    """(op text, inputs) of the node Theano would have built for ``var``.

    PyTensor builds some of Theano's single ops from several: ``T.dot`` with a vector is
    ``DimShuffle(Dot(expand(a), expand(b)))``, which Theano printed as one ``dot``.
    """
    node = var.owner
    op = node.op
    if isinstance(op, DimShuffle) and "x" not in op.new_order:
        inner = node.inputs[0].owner
        if inner is not None and isinstance(inner.op, Dot):
            operands = []
            for operand in inner.inputs:
                owner = operand.owner
                if owner is not None and _added_axes_only(owner.op) and "x" in owner.op.new_order:
                    operand = owner.inputs[0]
                operands.append(operand)
            return "dot", operands
    return op_str(node), list(node.inputs)
