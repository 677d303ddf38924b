"""``theano.printing``: Theano 1.0's ``debugprint`` text for PyTensor graphs.

The graphs behind ``layer.output`` are PyTensor graphs; PyTensor prints them in its own
style (``Tanh``, ``ExpandDims{axis=0}``, tree characters). Keras 1 users, their notes
and their questions show Theano 1.0.5's text (``Elemwise{tanh,no_inplace}``,
``InplaceDimShuffle{x,0}``, `` |`` indentation, ``[id A]``). This module writes that
text from a PyTensor graph: the layout below follows Theano 1.0.5's
``theano.compile.debugmode.debugprint``; the op names come from :mod:`.opnames`.

``style='pytensor'`` prints the same graph with PyTensor's own printer instead, to show
a learner what the graph is called today; ``style='both'`` prints Theano's text, then
PyTensor's. Without a ``style`` argument the environment variable
``LEGACY_KERAS_DEBUGPRINT_STYLE`` (set by ``legacy-keras run --debugprint-style``)
chooses, for unchanged scripts; the default is ``'theano'``.
"""
import io
import os
import sys

import pytensor
from pytensor.graph.basic import Apply, Variable
from pytensor.scan.op import Scan

from legacy_keras.theano import opnames
from legacy_keras.theano.pretty import theano_pprint

__all__ = ["debugprint", "pprint", "pydotprint", "Print"]


def _char_id(number):
    """0 -> 'A', 25 -> 'Z', 26 -> 'BA': base 26 with letters as digits, as Theano did."""
    if number == 0:
        return "A"
    digits = ""
    while number:
        number, remainder = divmod(number, 26)
        digits = chr(ord("A") + remainder) + digits
    return digits


class _Printer(object):
    """One debugprint call: ids are handed out in the order objects are first met."""

    def __init__(self, out, depth, print_type, ids, stop_on_name, done, order=None):
        self.out = out
        self.depth = depth
        self.print_type = print_type
        self.ids = ids
        self.stop_on_name = stop_on_name
        self.done = done
        self.used_ids = {}
        self.order = order
        # Scan outputs met while printing, in Theano's order (with repeats): their
        # inner graphs are printed after the main graph.
        self.scan_outputs = []
        # While an inner graph prints: its inner inputs -> the scan's outer inputs.
        self.inner_to_outer = {}
        # Theano's names of inner inputs (``v[t]``, ``h0[t-1]``, ``W_copy``).
        self.inner_names = {}
        # The scan node whose inner graph is printing (None for the main graph), and the
        # scope its outer inputs live in (a nested scan's are in its parent's inner graph).
        self.scope = None
        self.outer_scope = None

    def key(self, obj, outer=False):
        """What one id stands for. Inside an inner graph, objects are keyed by their scan
        node too: PyTensor interns the inputs of inner graphs (two scans share the same
        inner input objects) where Theano's scans each had their own. Theano's cached
        scalar constants stay shared everywhere."""
        obj = opnames.identity(obj)
        scope = self.outer_scope if outer else self.scope
        if scope is None or isinstance(obj, tuple):
            return obj
        return (scope, obj)

    def id_of(self, obj, outer=False):
        obj = self.key(obj, outer)
        if obj not in self.used_ids:
            if self.ids == "CHAR":
                text = "[id %s]" % _char_id(len(self.used_ids))
            elif self.ids == "int":
                text = "[id %s]" % len(self.used_ids)
            elif self.ids == "id":
                text = "[id %s]" % id(obj)
            else:
                text = ""
            self.used_ids[obj] = text
        self.done[obj] = self.used_ids[obj]
        return self.used_ids[obj]

    def type_str(self, var):
        return " <%s>" % opnames.type_str(var.type) if self.print_type else ""

    def write(self, var, prefix="", prefix_child=None, depth=None):
        depth = self.depth if depth is None else depth
        if depth == 0:
            return
        prefix_child = prefix if prefix_child is None else prefix_child
        node = var.owner
        if node is None:
            self.write_leaf(var, prefix)
            return
        already_printed = self.key(node) in self.done
        op_text, inputs = opnames.view(var)
        index = "" if len(node.outputs) == 1 else ".%i" % node.outputs.index(var)
        position = str(self.order.index(node)) if self.order else ""
        self.out.write("%s%s%s %s%s '%s'   %s\n" % (
            prefix, op_text, index, self.id_of(node), self.type_str(var),
            var.name or "", position))
        if already_printed or (self.stop_on_name and var.name is not None):
            return
        for position_in_inputs, child in enumerate(inputs):
            last = position_in_inputs == len(inputs) - 1
            self.note_scan(child)
            self.write(child, prefix_child + " |",
                       prefix_child + ("  " if last else " |"), depth - 1)

    def write_leaf(self, var, prefix):
        """A graph input; inside a scan's inner graph, an inner input also names the
        outer input it stands for (``-> [id T]``)."""
        outer = self.inner_to_outer.get(var)
        name = self.inner_names.get(var) or opnames.variable_str(var)
        text = "%s%s %s%s" % (prefix, name, self.id_of(var), self.type_str(var))
        if outer is not None:
            text += " -> %s" % self.id_of(outer.owner if outer.owner is not None else outer,
                                          outer=True)
        self.out.write(text + "\n")

    def note_scan(self, var):
        if var.owner is not None and isinstance(var.owner.op, Scan):
            self.scan_outputs.append((var, self.scope))

    def write_inner_graphs(self):
        """Theano's "Inner graphs of the scan ops:" section: for every scan output met
        (repeats included, ids shared with the main graph), the scan line, then each
        inner output after `` >``."""
        if not self.scan_outputs:
            return
        self.out.write("\nInner graphs of the scan ops:\n")
        for scan_output, scope in self.scan_outputs:  # grows while nested scans print
            op = scan_output.owner.op
            outer_inputs = scan_output.owner.inputs
            mapping = op.get_oinp_iinp_iout_oout_mappings()["outer_inp_from_inner_inp"]
            self.inner_to_outer = {op.inner_inputs[inner]: outer_inputs[outer]
                                   for inner, outer in mapping.items()}
            self.inner_names = _inner_names(scan_output.owner)
            self.out.write("\n")
            self.scope = self.outer_scope = scope
            self.write(scan_output)
            self.scope = scan_output.owner if scope is None else (scope, scan_output.owner)
            for inner_output in op.inner_outputs:
                self.note_scan(inner_output)
                self.write(inner_output, " >", " >")
        self.scope = self.outer_scope = None
        self.inner_to_outer, self.inner_names = {}, {}


def _inner_names(scan_node):
    """{inner input: Theano's name}: a non-sequence's stand-in is ``<name>_copy``; the
    names of named sequences and states were kept on the node by
    :func:`legacy_keras.theano.scan_module.theano_built_scan`."""
    op = scan_node.op
    inner, outer = op.inner_inputs, scan_node.inputs
    names = {inner[i]: name
             for i, name in getattr(scan_node.tag, "theano_inner_names", {}).items()}
    n_non_seqs = op.info.n_non_seqs
    for inner_input, outer_input in zip(inner[len(inner) - n_non_seqs:],
                                        outer[len(outer) - n_non_seqs:]):
        if outer_input.name is not None:
            names[inner_input] = outer_input.name + "_copy"
    return names


def _roots(obj):
    """(variables to print, toposort or None) for everything debugprint accepts."""
    from legacy_keras.theano.compile import Function  # lazy: cycle theano.compile -> printing

    if isinstance(obj, (list, tuple, set)):
        items = list(obj)
    else:
        items = [obj]
    roots = []
    for item in items:
        if isinstance(item, Variable):
            roots.append((item, None))
        elif isinstance(item, Apply):
            roots.extend((out, None) for out in item.outputs)
        elif isinstance(item, Function):
            topo = item.maker_fgraph.toposort()
            roots.extend((out, topo) for out in item.maker_fgraph.outputs)
        else:
            raise TypeError("debugprint cannot print an object of this type", item)
    return roots


def debugprint(obj, depth=-1, print_type=False, file=None, ids="CHAR",
               stop_on_name=False, done=None, print_storage=False, print_clients=False,
               used_ids=None, style=None):
    """Prints the graph of ``obj`` (a variable, a list of them, an Apply node, a compiled
    function) as Theano 1.0.5 did. ``file='str'`` returns the text instead.

    Like Theano, ids restart at ``A`` on every call (``used_ids`` is ignored) while a
    ``done`` dict passed by the caller is shared: nodes already printed through it are not
    expanded again. ``style='pytensor'`` prints PyTensor's own debugprint of the graph.
    """
    if not isinstance(depth, int):
        raise Exception("depth parameter must be an int")
    if print_storage or print_clients:
        raise NotImplementedError(
            "theano.printing.debugprint(print_storage=/print_clients=) is not supported by "
            "legacy_keras; see migration_guide.md ('Looking at graphs').")
    if style is None:
        style = os.environ.get(STYLE_VARIABLE) or "theano"
    if isinstance(obj, (int, float)) or hasattr(obj, "__array__") and not isinstance(obj, Variable):
        text = "%s\n" % (obj,)
    elif style == "both":
        text = (debugprint(obj, depth, print_type, "str", ids, stop_on_name, done,
                           style="theano") + "PyTensor today:\n" + _pytensor_text(obj))
    elif style == "pytensor":
        text = _pytensor_text(obj)
    elif style == "theano":
        out = io.StringIO()
        printer = _Printer(out, depth, print_type, ids, stop_on_name,
                           done if done is not None else {})
        for var, order in _roots(obj):
            printer.order = order
            printer.note_scan(var)
            printer.write(var)
        printer.order = None
        printer.write_inner_graphs()
        text = out.getvalue()
    else:
        raise ValueError("style must be 'theano', 'pytensor' or 'both', not %r" % (style,))
    if file == "str":
        return text
    if file is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return None
    file.write(text)
    return file


#: The environment variable that picks debugprint's style when a call does not.
STYLE_VARIABLE = "LEGACY_KERAS_DEBUGPRINT_STYLE"


def _pytensor_text(obj):
    from legacy_keras.theano.compile import Function  # lazy: cycle theano.compile -> printing

    if isinstance(obj, Function):
        obj = obj.compiled
    return pytensor.printing.debugprint(obj, file="str")


def pprint(var, style=None):
    """A one-line rendering of ``var``'s graph in Theano 1.0.5's text
    (:mod:`legacy_keras.theano.pretty`); ``style='pytensor'`` gives PyTensor's, and
    without ``style`` the ``LEGACY_KERAS_DEBUGPRINT_STYLE`` variable chooses, as for
    :func:`debugprint` ('both' prints Theano's text)."""
    if style is None:
        style = os.environ.get(STYLE_VARIABLE) or "theano"
    if style == "pytensor":
        return pytensor.printing.pprint(var)
    if style in ("theano", "both"):
        return theano_pprint(var)
    raise ValueError("style must be 'theano', 'pytensor' or 'both', not %r" % (style,))


def pydotprint(*args, **kwargs):
    raise NotImplementedError(
        "theano.printing.pydotprint is not supported by legacy_keras yet; use "
        "keras.utils.visualize_util.plot for models or debugprint for graphs "
        "(see migration_guide.md, 'Looking at graphs').")


Print = pytensor.printing.Print
