"""Pass: the backend (``K``), Theano and initializations.

``K.f(...)`` and ``theano.f(...)`` -> Keras 3 expressions from the templates of
renames.BACKEND_FUNCTIONS / THEANO (legacy_keras.migrate.templates), what has none a
TODO (K.gradients' note says what to decide); ``theano.printing.debugprint(...)``
statements kept as comments; Keras 1 initializations called on a shape -> Keras 3
initializer objects, initializer functions given a ``dtype`` parameter;
``K.image_dim_ordering() == 'th'`` -> ``'channels_first'``.
"""
import libcst as cst

from legacy_keras import renames as table
from legacy_keras.migrate import templates
from legacy_keras.migrate.arguments import code_of, fix_commas
from legacy_keras.migrate.passes.scope import NameUses
from legacy_keras.migrate.usages import todo_text

BACKEND = {function.keras1: function for function in table.BACKEND_FUNCTIONS}


THEANO = {function.keras1: function for function in table.THEANO}


INITIALIZATIONS = {function.keras1: function for function in table.INITIALIZATIONS}


class BackendPass:
    """See the module docstring."""

    def rewrite_theano_attribute(self, original_node, updated_node, dotted):
        function = THEANO.get(dotted[len("theano."):])
        if function is not None and function.signature is None:
            self.record(original_node, "theano", dotted, function.keras3, True, function.note)
            self.needs_keras = True
            return cst.parse_expression(function.keras3)
        return updated_node

    def rewrite_backend_call(self, original, updated, name):
        function = BACKEND.get(name)
        if name == "gradients":
            function = function._replace(note=self.gradients_note(original))
        if function is None:
            self.record(original.func, "backend", "K." + name, None, False,
                        "not in legacy_keras' table: find the keras.ops equivalent")
            return updated
        return self.expand_function(original, updated, function, "K." + name, "backend")

    def gradients_note(self, call):
        """What a K.gradients TODO asks the user to decide."""
        inside = [f for f in self.function_names if f in self.lambda_functions]
        reads = NameUses()
        call.visit(reads)
        if inside:
            return table.GRADIENT_IN_MODEL_NOTE % inside[-1]
        if reads.names & self.gradient_names:
            return table.GRADIENT_OF_GRADIENT_NOTE % ", ".join(
                sorted(reads.names & self.gradient_names))
        return table.GRADIENTS_NOTE

    def rewrite_theano_call(self, original, updated, dotted):
        function = THEANO.get(dotted[len("theano."):])
        if function is None:
            self.record(original.func, "theano", dotted, None, False,
                        "no Keras 3 equivalent in legacy_keras' table")
            return updated
        if function.signature is None:
            return updated
        return self.expand_function(original, updated, function, dotted, "theano")

    def expand_function(self, original, updated, function, label, kind):
        if function.keras3 is None:
            self.record(original.func, kind, label, None, False, function.note)
            return updated
        if function.keras1 == "set_image_dim_ordering":
            updated = self.translate_first_literal(updated, "dim_ordering")
        expression, problem = templates.expand(function.keras3, function.signature, updated)
        if expression is None:
            self.record(original.func, kind, label, function.keras3, False,
                        problem + (": " + function.note if function.note else ""))
            return updated
        self.needs_keras = True
        for name in templates.template_names(function.keras3) & set(table.HELPERS):
            self.need_helper(name)
        self.record(original.func, kind, label, function.keras3.split("(")[0] + "(...)"
                    if "(" in function.keras3 else function.keras3, True, function.note)
        return expression

    def rewrite_initialization_call(self, original, updated, name):
        """normal(shape, scale=0.01, name=name) -> keras.initializers.RandomNormal(
        stddev=0.01)(shape): the Keras 3 initializer called on the shape."""
        function = INITIALIZATIONS[name]
        params = templates.parse_signature(function.signature).names
        keep = [i for i, arg in enumerate(updated.args)
                if (arg.keyword.value if arg.keyword else params[min(i, len(params) - 1)])
                not in ("name", "dim_ordering")]
        call = updated.with_changes(args=fix_commas([updated.args[i] for i in keep],
                                                    updated.args))
        expression, problem = templates.expand(function.keras3 + "(shape)",
                                               function.signature, call)
        if expression is None:
            self.record(original.func, "initializer", "initializations." + name, None,
                        False, problem)
            return updated
        self.needs_keras = True
        if isinstance(original.func, cst.Name):
            self.replaced_names.add(original.func.value)
        self.record(original.func, "initializer", "initializations." + name,
                    function.keras3.split("(")[0] + "(...)(shape)", True,
                    (function.note + "; " if function.note else "")
                    + table.INITIALIZATIONS_NOTE)
        return expression

    def leave_Lambda(self, original_node, updated_node):
        """``lambda shape, name: normal(shape, ...)`` (once rewritten: ``Init(...)(shape)``)
        -> ``Init(...)``; another Keras 1 initializer lambda gets Keras 3's dtype=."""
        names = [param.name.value for param in updated_node.params.params]
        if names[:1] != ["shape"] or "name" not in names:
            return updated_node
        body = updated_node.body
        if (isinstance(body, cst.Call) and isinstance(body.func, cst.Call) and len(body.args) == 1
                and isinstance(body.args[0].value, cst.Name)
                and body.args[0].value.value == "shape"):
            return body.func
        return self.with_dtype_parameter(original_node, updated_node)

    def with_dtype_parameter(self, original, function):
        """A Keras 1 initializer ``f(shape, name=None)``: Keras 3 calls f(shape, dtype=...)."""
        params = function.params
        if "dtype" in [p.name.value for p in params.params] or params.star_kwarg:
            return function
        self.record(original, "initializer", "(shape, name)", "(shape, name=None, dtype=None)",
                    True, table.INITIALIZATIONS_NOTE)
        none = cst.Name("None")
        new = [p if p.default is not None or p.name.value != "name"
               else p.with_changes(default=none, equal=cst.AssignEqual(
                   whitespace_before=cst.SimpleWhitespace(""),
                   whitespace_after=cst.SimpleWhitespace("")))
               for p in params.params]
        new.append(cst.Param(name=cst.Name("dtype"), default=none, equal=cst.AssignEqual(
            whitespace_before=cst.SimpleWhitespace(""), whitespace_after=cst.SimpleWhitespace(""))))
        new = [p.with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")))
               if i < len(new) - 1 else p.with_changes(comma=cst.MaybeSentinel.DEFAULT)
               for i, p in enumerate(new)]
        return function.with_changes(params=params.with_changes(params=new))

    def translate_first_literal(self, call, argument):
        if not call.args or not isinstance(call.args[0].value, cst.SimpleString):
            return call
        string = call.args[0].value
        new = table.ARGUMENT_VALUES[argument].get(string.evaluated_value)
        if not new or new == table.DROP:
            return call
        return call.with_changes(args=[call.args[0].with_changes(
            value=cst.parse_expression(new))] + list(call.args[1:]))

    def leave_Comparison(self, original_node, updated_node):
        operands = [original_node.left] + [c.comparator for c in original_node.comparisons]
        if not any(self.is_backend_call(o, "image_dim_ordering") for o in operands):
            return updated_node
        def translate(node):
            if (isinstance(node, cst.SimpleString)
                    and node.evaluated_value in table.DIM_ORDERINGS):
                new = table.DIM_ORDERINGS[node.evaluated_value]
                return node.with_changes(value=node.prefix + node.quote + new + node.quote)
            return node

        return updated_node.with_changes(
            left=translate(updated_node.left),
            comparisons=[c.with_changes(comparator=translate(c.comparator))
                         for c in updated_node.comparisons])

    def is_backend_call(self, node, name):
        return isinstance(node, cst.Call) and self.keras_name(node.func) == "keras.backend." + name

    def theano_statement_as_comment(self, original_node, updated_node):
        """``theano.printing.debugprint(f)`` as a statement -> a TODO and the call as a
        comment (Keras 3 has no symbolic graph to print); other lines as they are."""
        if len(original_node.body) != 1 or not isinstance(original_node.body[0], cst.Expr):
            return updated_node
        call = original_node.body[0].value
        if not isinstance(call, cst.Call):
            return updated_node
        dotted = self.keras_name(call.func) or ""
        if dotted[len("theano."):] not in table.THEANO_COMMENTED_OUT:
            return updated_node
        function = THEANO[dotted[len("theano."):]]
        written = code_of(original_node.body[0].value)
        note = function.note.split("; migrate")[0]
        self.todo_stack[-1] = [t for t in self.todo_stack[-1] if dotted not in t]
        comments = [todo_text(dotted, None, note), "# " + written]
        lines = list(updated_node.leading_lines)
        for text in comments:
            lines.append(cst.EmptyLine(comment=cst.Comment(text)))
        return cst.SimpleStatementLine(body=[cst.Pass()], leading_lines=lines,
                                       trailing_whitespace=updated_node.trailing_whitespace)

    def initializer_function(self, original_node, updated_node):
        """A module-level ``def f(shape, name=None)`` (a Keras 1 initializer) with Keras 3's
        ``dtype`` parameter added; None for other functions."""
        names = [param.name.value for param in updated_node.params.params]
        if not self.layer_class_depth and names[:1] == ["shape"] and "name" in names[1:2]:
            return self.with_dtype_parameter(original_node, updated_node)
        return None
