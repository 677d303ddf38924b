"""Python 2 source -> Python 3 code, in memory, line for line.

Three steps:

1. ``fissix`` (the maintained fork of lib2to3) applies the 2to3 fixers to the text: print
   statements, ``except E, e``, backticks, ``xrange``, ``iteritems``, ``cPickle``,
   ``raw_input``, tuple parameters, octal literals, ``dict.keys()`` as lists, ``print >>f``,
   ``unicode`` / ``basestring`` / ``long``, ``izip`` / ``imap``, ``raise E, msg``, ``exec``,
   ``has_key``, ``sorted(cmp=)``, implicit relative imports inside packages (``import
   utils`` next to ``utils.py`` in a package becomes ``from . import utils``), ...
2. Line numbers are mapped back: a few fixers add lines (tuple parameters, the imports
   some fixers insert). Every translated line is mapped to the original line it came from
   (difflib over the two texts) and the AST's positions are rewritten with that map, so
   tracebacks name the original file and line. On lines the fixers rewrote, the column
   range is widened to the whole line (the original text is what tracebacks show).
3. An AST pass for what 2to3 leaves to the programmer: ``a / b`` and ``a /= b`` become
   calls of runtime helpers that floor-divide when both operands are integers at run time
   (Python 2's classic division), unless the module has ``from __future__ import
   division``; ``import string`` / ``import pickle`` (``cPickle`` after step 1) get the
   Python 2 flavoured modules of :mod:`legacy_keras.py2`; classes that define ``__div__``
   get ``__truediv__`` too; ``sys.setdefaultencoding(...)`` does nothing.

The code is compiled with the original file name. Nothing is written anywhere.
"""
import ast
import difflib
import functools

#: fixers never applied: the explicit-only ones (style, not Python 2 -> 3), and
#: fix_future (``from __future__`` lines stay: the division pass reads them).
SKIPPED_FIXERS = {"fix_buffer", "fix_idioms", "fix_set_literal", "fix_ws_comma", "fix_future"}

#: Python 2 builtins that no Python 3 module can use unbound (evidence of Python 2).
PY2_BUILTINS = {"xrange", "raw_input", "unicode", "basestring", "long", "unichr", "execfile",
                "reduce", "file", "cmp", "apply", "intern", "coerce", "buffer"}
#: modules only Python 2 had (evidence of Python 2 when imported outside ``try``).
PY2_MODULES = {"cPickle", "cStringIO", "StringIO", "urllib2", "Queue", "ConfigParser",
               "Tkinter", "__builtin__", "commands", "HTMLParser", "httplib", "urlparse",
               "copy_reg", "cookielib", "SocketServer", "xmlrpclib", "itertools.izip"}
PY2_ATTRIBUTES = {("sys", "maxint"), ("string", "letters"), ("string", "lowercase"),
                  ("string", "uppercase"), ("string", "maketrans"), ("string", "join"),
                  ("string", "split"), ("string", "atoi"), ("string", "atof")}

#: Python 2 flavoured replacements for standard modules, for translated code only.
MODULE_REPLACEMENTS = {"string": "legacy_keras.py2.pystring",
                       "pickle": "legacy_keras.py2.pypickle"}


class TranslationError(SyntaxError):
    """The source is neither valid Python 3 nor Python 2 that fissix can parse."""


# -- detection --------------------------------------------------------------------------

def is_python2(source, filename="<string>"):
    """Whether ``source`` is Python 2: it does not compile as Python 3, or it uses a name,
    module or attribute only Python 2 had (``xrange``, ``cPickle``, ``sys.maxint``, ...)
    without defining it or importing it under ``try``. Python 3 code that merely divides
    integers cannot be told apart: ``legacy-keras run --py2`` forces translation."""
    try:
        tree = ast.parse(source, filename)
    except SyntaxError:
        return True
    return _uses_python2_only_names(tree)


def _uses_python2_only_names(tree):
    bound, guarded = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Try):
            for inner in ast.walk(node):
                guarded.add(id(inner))
        if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            bound.add(node.id)
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            bound.add(node.name)
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            bound.update(node.names)
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef)):
            bound.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            bound.update((alias.asname or alias.name).split(".")[0] for alias in node.names)
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
            if node.id in PY2_BUILTINS and node.id not in bound:
                return True
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            if (node.value.id, node.attr) in PY2_ATTRIBUTES:
                return True
        elif isinstance(node, ast.Import) and id(node) not in guarded:
            if any(alias.name in PY2_MODULES for alias in node.names):
                return True
        elif isinstance(node, ast.ImportFrom) and id(node) not in guarded:
            if node.module in PY2_MODULES or node.level == 0 and node.module == "itertools" \
                    and {a.name for a in node.names} & {"izip", "imap", "ifilter"}:
                return True
    return False


# -- step 1: fissix ---------------------------------------------------------------------

@functools.lru_cache(maxsize=None)
def _refactoring_tool(relative_imports):
    from fissix import refactor  # lazy: optional, only for Python 2 sources

    names = [name for name in refactor.get_fixers_from_package("fissix.fixes")
             if name.rsplit(".", 1)[-1] not in SKIPPED_FIXERS]
    if not relative_imports:
        names = [name for name in names if not name.endswith(".fix_import")]
    return refactor.RefactoringTool(names)


def fix_text(source, filename, relative_imports=True):
    """The 2to3 fixers applied to ``source`` (text). ``relative_imports``: turn Python 2's
    implicit relative imports into explicit ones (fix_import looks for the sibling module
    next to ``filename`` in a package; off for a script run as ``__main__``)."""
    # lazy: fissix only for Python 2 sources (legacy-keras run of Python 3 needs none)
    from fissix.pgen2.parse import ParseError
    from fissix.pgen2.tokenize import TokenError

    text = source if source.endswith("\n") else source + "\n"
    try:
        tree = _refactoring_tool(relative_imports).refactor_string(text, filename)
    except (ParseError, TokenError, IndentationError) as error:
        raise TranslationError("%s: not valid Python 3, and fissix cannot parse it as "
                               "Python 2 either: %s" % (filename, error)) from None
    return str(tree)


# -- step 2: line map -------------------------------------------------------------------

def line_map(original, translated):
    """{translated line: original line} (1-based) for the lines of two texts."""
    old, new = original.splitlines(), translated.splitlines()
    mapping = {}
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        for j in range(j1, j2):
            if tag == "equal":
                mapping[j + 1] = i1 + (j - j1) + 1
            elif tag == "insert":
                mapping[j + 1] = max(i1, 1)
            else:  # replace: line by line, extra new lines onto the block's last line
                mapping[j + 1] = min(i1 + (j - j1), i2 - 1) + 1
    return mapping, {j for (tag, _, _, j1, j2) in matcher.get_opcodes() if tag != "equal"
                     for j in range(j1 + 1, j2 + 1)}


class _Positions(ast.NodeVisitor):
    """Moves every node to its original line; on rewritten lines, spans whole lines."""

    def __init__(self, mapping, changed, original_lines):
        self.mapping, self.changed, self.lines = mapping, changed, original_lines

    def generic_visit(self, node):
        if hasattr(node, "lineno") and getattr(node, "end_lineno", None) is not None:
            self.move(node)
        super().generic_visit(node)

    def move(self, node):
        start, end = node.lineno, node.end_lineno
        node.lineno = self.mapping.get(start, start)
        node.end_lineno = max(self.mapping.get(end, end), node.lineno)
        if start in self.changed or end in self.changed:
            node.col_offset = self.indent(node.lineno)
            node.end_col_offset = len(self.text(node.end_lineno).encode("utf8"))
            if node.end_lineno == node.lineno and node.end_col_offset < node.col_offset:
                node.end_col_offset = node.col_offset

    def text(self, line):
        return self.lines[line - 1] if 0 < line <= len(self.lines) else ""

    def indent(self, line):
        text = self.text(line)
        return len(text.encode("utf8")) - len(text.lstrip().encode("utf8"))


# -- step 3: the AST pass ---------------------------------------------------------------

def has_future_division(tree):
    return any(isinstance(node, ast.ImportFrom) and node.module == "__future__"
               and any(alias.name == "division" for alias in node.names)
               for node in tree.body)


class Python2Semantics(ast.NodeTransformer):
    """Classic division, Python 2's ``string`` / ``pickle``, ``__div__``, and
    ``sys.setdefaultencoding(...)`` (gone from Python 3, whose default is UTF-8) as a
    no-op."""

    def __init__(self, classic_division):
        self.classic_division = classic_division

    def visit_BinOp(self, node):
        self.generic_visit(node)
        if self.classic_division and isinstance(node.op, ast.Div):
            return ast.copy_location(ast.Call(ast.Name("__legacy_div__", ast.Load()),
                                              [node.left, node.right], []), node)
        return node

    def visit_AugAssign(self, node):
        self.generic_visit(node)
        if not (self.classic_division and isinstance(node.op, ast.Div)):
            return node
        load = _as_load(node.target)
        call = ast.Call(ast.Name("__legacy_idiv__", ast.Load()), [load, node.value], [])
        return ast.copy_location(ast.Assign([node.target], ast.copy_location(call, node)),
                                 node)

    def visit_Call(self, node):
        self.generic_visit(node)
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr == "setdefaultencoding" and \
                isinstance(func.value, ast.Name) and func.value.id == "sys":
            # reload(sys); sys.setdefaultencoding('utf8'): Python 3's is utf-8 already
            return ast.copy_location(ast.Constant(None), node)
        return node

    def visit_Import(self, node):
        for alias in node.names:
            if alias.name in MODULE_REPLACEMENTS:
                alias.asname = alias.asname or alias.name
                alias.name = MODULE_REPLACEMENTS[alias.name]
        return node

    def visit_ImportFrom(self, node):
        if node.level == 0 and node.module in MODULE_REPLACEMENTS:
            node.module = MODULE_REPLACEMENTS[node.module]
        return node

    def visit_ClassDef(self, node):
        self.generic_visit(node)
        defined = {stmt.name for stmt in node.body if isinstance(stmt, ast.FunctionDef)}
        for old, new in (("__div__", "__truediv__"), ("__rdiv__", "__rtruediv__"),
                         ("__idiv__", "__itruediv__")):
            if old in defined and new not in defined:
                alias = ast.Assign([ast.Name(new, ast.Store())], ast.Name(old, ast.Load()))
                node.body.append(ast.copy_location(alias, node.body[-1]))
        return node


def _as_load(target):
    """A copy of an assignment target that reads it."""
    copy = ast.parse(ast.unparse(target), mode="eval").body
    for new, old in zip(ast.walk(copy), ast.walk(target)):
        if hasattr(old, "lineno"):
            ast.copy_location(new, old)
    return copy


# -- all together -----------------------------------------------------------------------

def translate(source, filename="<string>", relative_imports=True):
    """(Python 3 source text, AST with the original line numbers, classic division?)"""
    text = fix_text(source, filename, relative_imports)
    mapping, changed = line_map(source, text)
    tree = ast.parse(text, filename)
    _Positions(mapping, changed, source.splitlines()).visit(tree)
    classic = not has_future_division(tree)
    tree = ast.fix_missing_locations(Python2Semantics(classic).visit(tree))
    return text, tree, classic


def compile_python2(source, filename, relative_imports=True):
    """A code object for Python 2 ``source``, with ``filename`` and its line numbers."""
    _, tree, _ = translate(source, filename, relative_imports)
    return compile(tree, filename, "exec", dont_inherit=True)


# -- for `legacy-keras migrate` / `check`: Python 3 text ----------------------------------

DIVISION_TODO = ("# TODO(legacy-keras): Python 2 `/` -> `//` where both operands are "
                 "integers (Python 2 floor-divided integers; Python 3's `/` does not)")


def python3_source(source):
    """(Python 3 text, function mapping its line numbers to ``source``'s) for migration.

    Python 3 input comes back unchanged. Python 2 input gets the 2to3 fixers (implicit
    relative imports excepted: migrate does not know the file's package) and its
    divisions are decided where the source shows the operand types: ``//`` when both are
    integer literals, ``len()`` or ``int()``; ``/`` when one is a float literal or
    ``float()``; otherwise a TODO(legacy-keras) comment above the statement."""
    if not is_python2(source):
        return source, lambda line: line
    try:
        text = fix_text(source, "<migrate>", relative_imports=False)
    except TranslationError:
        return source, lambda line: line
    mapping, _ = line_map(source, text)
    tree = ast.parse(text)
    todo_lines = set()
    edits = []  # (line, column, old, new) in the fixed text, 1-based lines
    if not has_future_division(tree):
        for statement in ast.walk(tree):
            if isinstance(statement, ast.stmt):
                _plan_divisions(statement, text.splitlines(), edits, todo_lines)
    lines = text.splitlines(True)
    for line, column, old, new in sorted(set(edits), reverse=True):
        current = lines[line - 1]
        lines[line - 1] = current[:column] + new + current[column + len(old):]
    out, line_of = [], {}
    for number, line in enumerate(lines, 1):
        if number in todo_lines:
            indent = line[:len(line) - len(line.lstrip())]
            out.append(indent + DIVISION_TODO + "\n")
            line_of[len(out)] = mapping.get(number, number)
        out.append(line)
        line_of[len(out)] = mapping.get(number, number)
    return "".join(out), lambda line: line_of.get(line, line)


def _plan_divisions(statement, lines, edits, todo_lines):
    """Division edits / TODO lines for the divisions directly in ``statement``."""
    for node in _own_nodes(statement):
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
            left, right = node.left, node.right
        elif isinstance(node, ast.AugAssign) and isinstance(node.op, ast.Div):
            left, right = None, node.value
        else:
            continue
        kinds = {_static_kind(right)} | ({"int"} if left is None else {_static_kind(left)})
        if "float" in kinds:
            continue
        if kinds == {"int"} and left is not None:
            position = _operator_position(lines, node.left, node.right)
            if position is not None:
                edits.append(position + ("/", "//"))
                continue
        todo_lines.add(statement.lineno)


def _own_nodes(statement):
    """The expression nodes of a statement, not those of the statements nested in it."""
    stack = [statement]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(child for child in ast.iter_child_nodes(node)
                     if not isinstance(child, ast.stmt))


def _static_kind(node):
    if isinstance(node, ast.UnaryOp):
        return _static_kind(node.operand)
    if isinstance(node, ast.Constant) and type(node.value) in (int, float):
        return type(node.value).__name__
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        return {"len": "int", "int": "int", "float": "float"}.get(node.func.id)
    return None


def _operator_position(lines, left, right):
    """(line, column) of the ``/`` between two operands on one line, if it is there."""
    if left.end_lineno != right.lineno:
        return None
    line = lines[left.end_lineno - 1].encode("utf8")
    between = line[left.end_col_offset:right.col_offset]
    slash = between.find(b"/")
    if slash < 0 or between.count(b"/") != 1:
        return None
    return left.end_lineno, len(line[:left.end_col_offset + slash].decode("utf8"))
