"""Pass: the module, at the end (helpers and imports the rewrite needs).

Drops the statements whose imports all went and a ``from keras import backend as K``
nothing uses any more, then inserts after the imports what the rewrite asked for:
``import keras``, the helper modules spelled in full, and the helper definitions
(renames.HELPERS, copied from legacy_keras/migrate/helpers/keras1_definitions.py).
"""
import libcst as cst
from libcst.helpers import get_full_name_for_node

from legacy_keras import renames as table
from legacy_keras.migrate.arguments import fix_commas
from legacy_keras.migrate.passes.scope import NameUses


def is_keras_from_import(statement):
    if not isinstance(statement, cst.SimpleStatementLine):
        return False
    node = statement.body[0] if len(statement.body) == 1 else None
    return (isinstance(node, cst.ImportFrom) and node.module is not None
            and get_full_name_for_node(node.module).split(".")[0] == "keras"
            and not isinstance(node.names, cst.ImportStar))


def is_backend_import(statement):
    node = statement.body[0] if len(statement.body) == 1 else None
    return (isinstance(node, cst.ImportFrom) and node.module is not None
            and get_full_name_for_node(node.module) == "keras"
            and not isinstance(node.names, cst.ImportStar)
            and all(alias.name.value == "backend" for alias in node.names))


def is_import_line(statement):
    return isinstance(statement, cst.SimpleStatementLine) and all(
        isinstance(s, (cst.Import, cst.ImportFrom)) for s in statement.body)


def is_docstring(statement):
    return (isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1
            and isinstance(statement.body[0], cst.Expr)
            and isinstance(statement.body[0].value, (cst.SimpleString,
                                                     cst.ConcatenatedString)))


def insertion_point(body):
    """Where ``import keras`` and helper definitions go: after the last import that
    comes before the first statement that could use them (a compound statement, or one
    that mentions keras / the helper)."""
    start = 1 if body and is_docstring(body[0]) else 0
    position = start
    module = cst.Module(body=[])
    for index in range(start, len(body)):
        statement = body[index]
        if is_import_line(statement):
            position = index + 1
            continue
        code = module.code_for_node(statement)
        if not isinstance(statement, cst.SimpleStatementLine) or "keras" in code:
            break
    return position


def helper_definition(name):
    """The statement defining renames.HELPERS[name], after two blank lines."""
    definition = cst.parse_module(table.HELPERS[name].lstrip("\n")).body[0]
    blank = 1 if isinstance(definition, cst.SimpleStatementLine) else 2
    return with_blank_lines(definition, blank)


def with_blank_lines(statement, count):
    """``statement`` preceded by at least ``count`` blank lines."""
    lines = list(statement.leading_lines)
    blank = 0
    for line in lines:
        if line.comment is not None:
            break
        blank += 1
    return statement.with_changes(leading_lines=[cst.EmptyLine()] * max(0, count - blank)
                                  + lines)


def imports_plain_keras(body):
    for statement in body:
        if isinstance(statement, cst.SimpleStatementLine):
            for node in statement.body:
                if isinstance(node, cst.Import) and any(
                        get_full_name_for_node(a.name) == "keras" and a.asname is None
                        for a in node.names):
                    return True
    return False


def defines(body, name):
    """Whether the module defines ``name`` (a def, a class or an assignment)."""
    for statement in body:
        if isinstance(statement, (cst.FunctionDef, cst.ClassDef)) and statement.name.value == name:
            return True
        if isinstance(statement, cst.SimpleStatementLine):
            for node in statement.body:
                if isinstance(node, cst.Assign) and any(
                        isinstance(t.target, cst.Name) and t.target.value == name
                        for t in node.targets):
                    return True
    return False


class FinishPass:
    """See the module docstring."""

    def leave_IndentedBlock(self, original_node, updated_node):
        body = self.without_emptied_lines(updated_node.body)
        return updated_node.with_changes(body=body or [cst.SimpleStatementLine([cst.Pass()])])

    def without_emptied_lines(self, body):
        """Drops the lines whose imports were all removed, moving their blank lines and
        comments to the next statement."""
        kept = []
        carried = []
        for statement in body:
            if id(statement) in self.emptied_lines:
                carried.extend(statement.leading_lines)
                continue
            if carried:
                statement = statement.with_changes(
                    leading_lines=carried + list(statement.leading_lines))
                carried = []
            kept.append(statement)
        return kept

    def leave_Module(self, original_node, updated_node):
        body = self.without_emptied_lines(updated_node.body)
        body = self.remove_unused_backend_imports(body)
        position = insertion_point(body)
        if self.needs_hard_sigmoid:
            self.need_helper(table.HARD_SIGMOID)
        definitions = [helper_definition(name) for name in self.helpers
                       if not defines(body, name)]
        if definitions:
            body[position:position] = definitions
            end = position + len(definitions)
            if end < len(body):
                body[end] = with_blank_lines(body[end], 2)
        if self.needs_keras and not imports_plain_keras(body):
            body.insert(position, cst.parse_statement("import keras\n"))
        for name in sorted(self.helper_imports, reverse=True):
            body.insert(position, cst.parse_statement("import %s\n" % name))
        return updated_node.with_changes(body=body)

    def remove_unused_backend_imports(self, body):
        """Drops ``from keras import backend as K`` when every K use was rewritten."""
        module = cst.Module(body=body)
        used = NameUses()
        module.visit(used)
        kept = []
        for statement in body:
            if isinstance(statement, cst.SimpleStatementLine) and is_backend_import(statement):
                aliases = [a for a in statement.body[0].names
                           if (a.evaluated_alias or a.name.value) in used.names
                           or a.name.value != "backend"]
                if not aliases:
                    continue
            elif self.replaced_names and is_keras_from_import(statement):
                node = statement.body[0]
                aliases = [a for a in node.names
                           if (a.evaluated_alias or a.name.value) in used.names
                           or (a.evaluated_alias or a.name.value) not in self.replaced_names]
                if not aliases:
                    continue
                if len(aliases) != len(node.names):  # names now replaced by helpers
                    statement = statement.with_changes(body=[node.with_changes(
                        names=fix_commas(aliases, []))])
            kept.append(statement)
        return kept
