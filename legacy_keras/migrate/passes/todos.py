"""Pass: TODO comments.

Each statement collects the manual usages recorded inside it; on leaving it, their
``# TODO(legacy-keras): ...`` comments go above it (once: a comment a previous migration
left is kept and marked consumed). TODO comments of the input that nothing re-raises are
reported by ``RecordPass.leftover_todos``.
"""
import libcst as cst

from legacy_keras.migrate.usages import TODO_MARK

#: The nodes a TODO comment can stand above.
STATEMENTS = (cst.SimpleStatementLine, cst.BaseCompoundStatement)


class TodoPass:
    """See the module docstring."""

    def on_visit(self, node):
        if isinstance(node, STATEMENTS):
            self.todo_stack.append([])
            self.statement_positions.append(self.position(node))
        return super().on_visit(node)

    def on_leave(self, original_node, updated_node):
        result = super().on_leave(original_node, updated_node)
        if isinstance(original_node, STATEMENTS):
            self.statement_positions.pop()
            todos = self.todo_stack.pop()
            if todos and isinstance(result, STATEMENTS):
                result = self.attach_todos(original_node, result, todos)
        return result

    def attach_todos(self, original, statement, todos):
        existing = {}
        for line in original.leading_lines:
            if line.comment is not None:
                existing[line.comment.value.strip()] = self.position(line)[0]
        lines = list(statement.leading_lines)
        for text in dict.fromkeys(todos):
            if text in existing:
                self.consumed_todo_lines.add(existing[text])
            else:
                lines.append(cst.EmptyLine(comment=cst.Comment(text)))
        return statement.with_changes(leading_lines=lines)

    def visit_Comment(self, node):
        if TODO_MARK in node.value:
            self.todo_comments[self.position(node)[0]] = node.value.strip()
