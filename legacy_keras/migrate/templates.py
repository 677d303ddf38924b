"""Expanding a ``renames.Function`` template for one call.

A template is a Python expression over the Keras 1 parameter names, e.g.
``keras.ops.categorical_crossentropy(target, output, from_logits=from_logits)`` for
Keras 1's ``K.categorical_crossentropy(output, target, from_logits=False)``: the call's
arguments are bound to Keras 1's signature and substituted. Positional template
arguments are always written (with the Keras 1 default when the script omitted them);
keyword template arguments only when the script passed them. A bare dotted name
(``keras.ops.sum``) renames the function and keeps the arguments as written.
"""
import ast
from collections import namedtuple

import libcst as cst

Signature = namedtuple("Signature", "names defaults has_kwargs")

ATOMS = (cst.Name, cst.Attribute, cst.Call, cst.Subscript, cst.SimpleString, cst.Integer,
         cst.Float, cst.List, cst.Tuple, cst.Dict, cst.ConcatenatedString)


def parse_signature(signature):
    """``"(x, axis=-1)"`` -> names ['x', 'axis'], defaults {'axis': '-1'}."""
    arguments = ast.parse("def f%s: pass" % signature).body[0].args
    names = [arg.arg for arg in arguments.args]
    defaults = {}
    for arg, default in zip(arguments.args[len(arguments.args) - len(arguments.defaults):],
                            arguments.defaults):
        defaults[arg.arg] = ast.unparse(default)
    return Signature(names, defaults, arguments.kwarg is not None)


def is_bare_name(template):
    return "(" not in template


def bind(call, signature):
    """Keras 1 parameter name -> the argument's value node; None if the call cannot be
    bound (star arguments, unknown keywords, too many positionals)."""
    values = {}
    for index, arg in enumerate(call.args):
        if arg.star:
            return None
        if arg.keyword is None:
            if index >= len(signature.names):
                return None
            values[signature.names[index]] = arg.value
        elif arg.keyword.value in signature.names or signature.has_kwargs:
            values[arg.keyword.value] = arg.value
        else:
            return None
    return values


def template_names(template):
    """The names a template mentions (outside attribute names and keywords)."""
    found = set()

    class Collect(cst.CSTVisitor):
        def visit_Attribute(self, node):
            node.value.visit(self)
            return False

        def visit_Arg(self, node):
            node.value.visit(self)
            return False

        def visit_Name(self, node):
            found.add(node.value)

    cst.parse_expression(template).visit(Collect())
    return found


def expand(template, signature_text, call):
    """The Keras 3 expression for ``call``, or (None, reason) when it cannot be written."""
    signature = parse_signature(signature_text)
    values = bind(call, signature)
    if values is None:
        return None, "arguments this rewrite cannot bind"
    if is_bare_name(template):
        if not signature.names:  # K.learning_phase() -> a name
            return cst.parse_expression(template), None
        return call.with_changes(func=cst.parse_expression(template)), None
    mentioned = template_names(template)
    unused = [name for name in values if name not in mentioned]
    if unused:
        return None, "Keras 1 argument(s) %s have no place in %s" % (", ".join(unused),
                                                                   template)
    missing = [name for name in signature.names
               if name in mentioned and name not in values and name not in signature.defaults]
    if missing:
        return None, "missing argument(s) %s" % ", ".join(missing)
    tree = drop_unpassed_keywords(cst.parse_expression(template), values)
    return tree.visit(Substitute(values, signature.defaults)), None


def drop_unpassed_keywords(tree, values):
    """Removes ``k=param`` arguments of the template's outer call when ``param`` was
    not passed."""
    if not isinstance(tree, cst.Call):
        return tree
    kept = [arg for arg in tree.args
            if not (arg.keyword is not None and isinstance(arg.value, cst.Name)
                    and arg.value.value not in values and arg.value.value != "None")]
    if kept and kept[-1].comma is not cst.MaybeSentinel.DEFAULT:
        kept[-1] = kept[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
    return tree.with_changes(args=kept)


class Substitute(cst.CSTTransformer):
    """Replaces parameter names by the call's argument expressions (or Keras 1 defaults),
    parenthesising non-atomic expressions except where they are a whole argument."""

    def __init__(self, values, defaults):
        self.values = values
        self.defaults = defaults

    def replacement(self, name):
        if name in self.values:
            return self.values[name]
        if name in self.defaults:
            return cst.parse_expression(self.defaults[name])
        return None

    def leave_Name(self, original_node, updated_node):
        value = self.replacement(original_node.value)
        if value is None:
            return updated_node
        if isinstance(value, ATOMS) or value.lpar:
            return value
        return value.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])

    def leave_Attribute(self, original_node, updated_node):
        return updated_node.with_changes(attr=original_node.attr)

    def leave_Arg(self, original_node, updated_node):
        keyword = original_node.keyword
        if isinstance(original_node.value, cst.Name):
            value = self.replacement(original_node.value.value)
            if value is not None:
                return updated_node.with_changes(keyword=keyword, value=value)
        return updated_node.with_changes(keyword=keyword)
