"""Rewriting a call's arguments from a Keras 1 signature to a Keras 3 one.

Keras 1 and Keras 3 often take the same things under other names (``nb_filter`` ->
``filters``), in another order (``BatchNormalization(epsilon, mode, axis)`` ->
``(axis, momentum, epsilon)``), or grouped (``nb_row, nb_col`` -> ``kernel_size``). A
positional Keras 1 argument stays positional only where the Keras 3 parameter at that
place means the same thing; otherwise it becomes a keyword, so ``Convolution2D(32, 3,
3)`` becomes ``Conv2D(32, (3, 3))`` and never ``Conv2D(32, 3, 3)`` (kernel 3, strides 3
in Keras 3).

The functions here only compute; they report what they did as ``Change`` records that
the rewriter turns into report entries and TODO comments.
"""
from collections import namedtuple

import libcst as cst

from legacy_keras import renames as table

#: One argument change: Keras 1 spelling, Keras 3 spelling (None: dropped or no
#: counterpart), whether it is automatic, a note, and the original node (for position).
Change = namedtuple("Change", "keras1 keras3 automatic note node")

#: An argument bound to its Keras 1 parameter name.
Bound = namedtuple("Bound", "name original updated positional")


def literal_value(node):
    """The Python value of a string or number literal node, else None."""
    if isinstance(node, cst.SimpleString):
        return node.evaluated_value
    if isinstance(node, (cst.Integer, cst.Float)):
        return node.value
    if isinstance(node, cst.UnaryOperation) and isinstance(node.operator, cst.Minus):
        inner = literal_value(node.expression)
        return "-" + inner if isinstance(inner, str) else None
    return None


def bind_arguments(original_args, updated_args, keras1_params):
    """Pairs each argument with the Keras 1 parameter it fills (None for *args/**kwargs
    and surplus positionals)."""
    bound = []
    for index, (original, updated) in enumerate(zip(original_args, updated_args)):
        if original.star:
            bound.append(Bound(None, original, updated, False))
        elif original.keyword is not None:
            bound.append(Bound(original.keyword.value, original, updated, False))
        else:
            name = keras1_params[index] if index < len(keras1_params) else None
            bound.append(Bound(name, original, updated, True))
    return bound


def has_star_arguments(call):
    return any(arg.star for arg in call.args)


def keyword_argument(name, value, comma=cst.MaybeSentinel.DEFAULT):
    """``name=value`` without spaces around ``=``."""
    return cst.Arg(value=value, keyword=cst.Name(name), comma=comma,
                   equal=cst.AssignEqual(whitespace_before=cst.SimpleWhitespace(""),
                                         whitespace_after=cst.SimpleWhitespace("")))


def tuple_of(values):
    """``(a, b, ...)`` (``(a,)`` for one value)."""
    elements = []
    for index, value in enumerate(values):
        last = index == len(values) - 1
        comma = (cst.Comma() if len(values) == 1 else cst.MaybeSentinel.DEFAULT) if last \
            else cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
        elements.append(cst.Element(value=value, comma=comma))
    return cst.Tuple(elements=elements)


class ArgumentPlan:
    """The Keras 3 arguments of one call, built from its Keras 1 arguments in order."""

    def __init__(self, keras3_params):
        self.keras3_params = list(keras3_params)
        self.entries = []  # (keras3 name or None for *args, value node, was positional, arg)
        self.changes = []
        self.needs_hard_sigmoid = False
        self.needs_keras = False

    def keep(self, bound, name=None, value=None):
        """An argument that carries over, under ``name`` and with ``value`` if given."""
        self.entries.append((name if name is not None else bound.name,
                             value if value is not None else bound.updated.value,
                             bound.positional, bound.updated))

    def drop(self, bound):
        """Leaves an argument out, handing its comma (and line break) to the one before."""
        if self.entries and self.entries[-1][3] is not None and isinstance(
                bound.updated.comma, cst.Comma):
            name, value, positional, arg = self.entries[-1]
            self.entries[-1] = (name, value, positional,
                                arg.with_changes(comma=bound.updated.comma))

    def add(self, name, value):
        self.entries.append((name, value, False, None))

    def names(self):
        return {entry[0] for entry in self.entries if entry[0]}

    def build_args(self, original_args):
        """The new argument list: positional while Keras 3's order agrees, then keywords."""
        args = []
        still_positional = True
        for position, (name, value, positional, arg) in enumerate(self.entries):
            if name is None and arg is not None:  # *args / **kwargs: as written
                args.append(arg)
                still_positional = False
                continue
            stays = (still_positional and positional and position < len(self.keras3_params)
                     and self.keras3_params[position] == name)
            if stays:
                args.append(arg.with_changes(value=value) if arg is not None
                            else cst.Arg(value=value))
                continue
            still_positional = False
            if arg is not None and arg.keyword is not None:
                args.append(arg.with_changes(keyword=cst.Name(name), value=value))
            else:
                args.append(keyword_argument(name, value,
                                             arg.comma if arg is not None
                                             else cst.MaybeSentinel.DEFAULT))
        return fix_commas(args, original_args)


def fix_commas(args, original_args):
    """Every argument (or import alias) but the last followed by a comma; the last as the
    original last (none when ``original_args`` is empty)."""
    if not args:
        return []
    trailing = original_args[-1].comma if original_args else cst.MaybeSentinel.DEFAULT
    fixed = []
    for index, arg in enumerate(args):
        if index == len(args) - 1:
            fixed.append(arg.with_changes(comma=trailing))
        elif arg.comma is cst.MaybeSentinel.DEFAULT:
            fixed.append(arg.with_changes(comma=cst.Comma(
                whitespace_after=cst.SimpleWhitespace(" "))))
        else:
            fixed.append(arg)
    return fixed


def rename_lookup(renames):
    """Keras 1 argument name -> its Rename (each member of a grouped rename too)."""
    lookup = {}
    for rename in renames:
        for name in (rename.keras1 if isinstance(rename.keras1, tuple) else (rename.keras1,)):
            lookup[name] = rename
    return lookup


def mapped_value(name, bound, plan):
    """The Keras 3 value of a Keras 1 argument whose values changed spelling.

    Returns (value node, None) to use, (table.DROP, None) to drop it, or (None, reason)
    when it cannot be translated."""
    values = table.ARGUMENT_VALUES.get(name)
    if values is None:
        return bound.updated.value, None
    literal = literal_value(bound.original.value)
    if literal is None:
        if name == "dim_ordering" and is_image_dim_ordering_call(bound.original.value):
            return table.DROP, None
        if name in table.LITERAL_ONLY_ARGUMENTS:
            return None, "not a literal: translate its value by hand"
        return bound.updated.value, None
    if literal not in values:
        if name in table.OPEN_VALUE_ARGUMENTS:
            return bound.updated.value, None
        return None, "%s=%r has no Keras 3 equivalent" % (name, literal)
    replacement = values[literal]
    if replacement is None:
        return None, "%s=%r has no Keras 3 equivalent" % (name, literal)
    if replacement == table.DROP:
        return table.DROP, None
    if replacement == table.HARD_SIGMOID:
        plan.needs_hard_sigmoid = True
    return cst.parse_expression(replacement), None


def is_image_dim_ordering_call(node):
    return (isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute)
            and node.func.attr.value == "image_dim_ordering")


def plan_arguments(call_original, call_updated, keras1_params, keras3_params, renames,
                   label1, label3):
    """Maps a call's Keras 1 arguments onto Keras 3 ones.

    ``label1``/``label3`` name the callable in the report (``Convolution2D``/``Conv2D``).
    Grouped renames collect their members into one tuple where the first member was."""
    lookup = rename_lookup(renames)
    plan = ArgumentPlan(keras3_params)
    bound = bind_arguments(call_original.args, call_updated.args, keras1_params)
    given = {b.name: b for b in bound if b.name}
    grouped_done = set()
    for argument in bound:
        if argument.name is None:
            plan.keep(argument)
            continue
        rename = lookup.get(argument.name)
        if rename is None:
            plan_unrenamed_argument(argument, plan, label1)
        elif isinstance(rename.keras1, tuple):
            if rename.keras1 not in grouped_done:
                grouped_done.add(rename.keras1)
                plan_grouped_argument(rename, argument, given, plan, label1, label3)
        else:
            plan_renamed_argument(rename, argument, plan, label1, label3)
    return plan


def plan_unrenamed_argument(argument, plan, label1):
    value, problem = mapped_value(argument.name, argument, plan)
    if problem:
        plan.changes.append(Change("%s(%s=...)" % (label1, argument.name), None, False,
                                   problem, argument.original))
        plan.keep(argument)
        return
    if value is not argument.updated.value:
        plan.changes.append(Change(
            "%s=%s" % (argument.name, code_of(argument.original.value)),
            "%s=%s" % (argument.name, code_of(value)), True,
            "Keras 1's hard_sigmoid differs from Keras 3's", argument.original))
    plan.keep(argument, value=value)


def plan_renamed_argument(rename, argument, plan, label1, label3):
    what = "%s(%s=...)" % (label1, argument.name)
    if rename.keras3 is None:
        if rename.automatic:
            value, problem = mapped_value(argument.name, argument, plan)
            if problem or (argument.name in table.ARGUMENT_VALUES and value is not table.DROP):
                plan.changes.append(Change(what, None, False, problem or rename.note,
                                           argument.original))
                plan.keep(argument)
                return
            plan.changes.append(Change(what, "(dropped)", True, rename.note, argument.original))
            plan.drop(argument)
            return
        plan.changes.append(Change(what, None, False, rename.note, argument.original))
        plan.keep(argument)
        return
    value, problem = mapped_value(argument.name, argument, plan)
    if problem:
        plan.changes.append(Change(what, None, False, problem, argument.original))
        plan.keep(argument)
        return
    if value is table.DROP:
        plan.changes.append(Change(what, "(dropped)", True, rename.note, argument.original))
        plan.drop(argument)
        return
    if rename.keras3 == "input_shape" and argument.name != "input_shape":
        value = tuple_of([value])
    if not stays_unchanged(rename, argument, value, plan):
        plan.changes.append(Change(what, "%s(%s=...)" % (label3, rename.keras3),
                                   rename.automatic, rename.note, argument.original))
    plan.keep(argument, name=rename.keras3, value=value)


def stays_unchanged(rename, argument, value, plan):
    """Whether the rewrite leaves this argument's text alone (same keyword, or a
    positional argument that Keras 3 reads at the same place)."""
    if value is not argument.updated.value or not rename.automatic:
        return False
    if rename.keras3 == rename.keras1:
        return True
    position = len(plan.entries)
    return (argument.positional and position < len(plan.keras3_params)
            and plan.keras3_params[position] == rename.keras3
            and all(entry[2] for entry in plan.entries))


def plan_grouped_argument(rename, first, given, plan, label1, label3):
    """``nb_row, nb_col`` -> ``kernel_size=(nb_row, nb_col)`` (None for a missing member)."""
    members = [given.get(name) for name in rename.keras1]
    values = [member.updated.value if member else cst.Name("None") for member in members]
    all_positional = all(member is not None and member.positional for member in members)
    plan.changes.append(Change("%s(%s)" % (label1, ", ".join(rename.keras1)),
                               "%s(%s=(...))" % (label3, rename.keras3), rename.automatic,
                               rename.note, first.original))
    plan.entries.append((rename.keras3, tuple_of(values), all_positional, first.updated))


def code_of(node):
    return cst.Module(body=[]).code_for_node(node)
