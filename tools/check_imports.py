"""The import graph of legacy_keras: cycles, and the imports made inside functions.

Usage::

    python tools/check_imports.py                      # report; fails on a guarded cycle
    python tools/check_imports.py --require-lazy-comment [PATH_PREFIX ...]

What it reads: every ``legacy_keras/**.py`` file, parsed with :mod:`ast` (nothing is
imported). An import is *module-level* when it runs while the module is imported (at
the top, in a class body, under ``if``/``try``); it is *lazy* when it sits inside a
function (it runs at the first call).

The module graph has an edge A -> B when A's module-level code imports B, B being a
legacy_keras module. Importing ``legacy_keras.layers.core`` also runs
``legacy_keras/layers/__init__.py`` first, so an edge goes to each package on the way
that is not already a package of A (those are being imported already). ``from P import
name`` goes to ``P.name`` when that is a module, else to ``P``.

The package graph collapses each module onto its first component below legacy_keras
(``engine``, ``layers``, ``utils``, ``models``, ``backend``, ``theano``, ...), except
the Keras 1.2.2 public modules of ``utils`` that are built on the engine, the layers and
the models (``utils.layer_utils``, ``utils.visualize_util``, ``utils.test_utils``): each
is a node of its own, above ``models``; the rest of ``utils`` sits below the engine.

Exit status: 1 when a cycle (of the package graph, or of modules inside one package)
touches engine, layers, utils or models; with ``--require-lazy-comment``, also 1 when a
lazy import (under the given path prefixes, all files without any) has no
``# lazy: <reason>`` comment on its line or on the line above.
"""
import argparse
import ast
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE = "legacy_keras"
GUARDED = ("engine", "layers", "utils", "models")
#: Keras 1.2.2's public utils modules built on top of engine / layers / models.
FACADES = ("legacy_keras.utils.layer_utils", "legacy_keras.utils.visualize_util",
           "legacy_keras.utils.test_utils")
LAZY_MARK = "# lazy:"


def module_files(root=ROOT):
    """{module name: file path} for every .py file of the package."""
    found = {}
    base = os.path.join(root, PACKAGE)
    for directory, subdirs, files in os.walk(base):
        subdirs[:] = sorted(d for d in subdirs if d != "__pycache__")
        for name in sorted(files):
            if not name.endswith(".py"):
                continue
            path = os.path.join(directory, name)
            parts = os.path.relpath(path, root)[:-3].split(os.sep)
            if parts[-1] == "__init__":
                parts = parts[:-1]
            found[".".join(parts)] = path
    return found


def is_package(module, modules):
    return modules.get(module, "").endswith("__init__.py")


class ImportRecord:
    """One import statement: where it is, what it names, and whether it is lazy."""

    def __init__(self, module, path, line, targets, lazy, comment, text):
        self.module = module
        self.path = path
        self.line = line
        self.targets = targets
        self.lazy = lazy
        self.comment = comment
        self.text = text

    @property
    def justified(self):
        return self.comment is not None


def _absolute(module, node, modules):
    """The absolute name an ImportFrom refers to (relative imports resolved)."""
    if not node.level:
        return node.module or ""
    package = module if is_package(module, modules) else module.rpartition(".")[0]
    for _ in range(node.level - 1):
        package = package.rpartition(".")[0]
    return package + ("." + node.module if node.module else "")


def _targets(module, node, modules):
    """The legacy_keras modules an import statement names directly."""
    names = []
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    else:
        base = _absolute(module, node, modules)
        for alias in node.names:
            candidate = base + "." + alias.name
            names.append(candidate if candidate in modules else base)
    result = []
    for name in names:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        if name.split(".")[0] == PACKAGE and name not in result:
            result.append(name)
    return result


def _comment(lines, node):
    """The ``# lazy: ...`` text on the import's line(s), or in the comment block above it
    (a comment heading a group of imports covers the group), or None."""
    last = getattr(node, "end_lineno", node.lineno)
    candidates = lines[node.lineno - 1:last]
    above = node.lineno - 2
    while above >= 0 and lines[above].strip().startswith(("#", "import ", "from ")):
        candidates.append(lines[above])
        above -= 1
    for line in candidates:
        at = line.find(LAZY_MARK)
        if at >= 0:
            return line[at + len(LAZY_MARK):].strip()
    return None


def read_imports(module, path, modules):
    with open(path, encoding="utf-8") as f:
        source = f.read()
    lines = source.splitlines()
    tree = ast.parse(source, path)
    records = []

    def visit(node, in_function):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.Import, ast.ImportFrom)):
                records.append(ImportRecord(
                    module, path, child.lineno, _targets(module, child, modules), in_function,
                    _comment(lines, child) if in_function else None,
                    ast.get_source_segment(source, child) or ""))
            nested = in_function or isinstance(
                child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            visit(child, nested)

    visit(tree, False)
    return records


def _packages_on_the_way(importer, target, modules):
    """The packages Python initialises before ``target`` that ``importer`` is not inside."""
    parts = target.split(".")
    own = set()
    pieces = importer.split(".")
    for i in range(1, len(pieces) + 1):
        own.add(".".join(pieces[:i]))
    return [".".join(parts[:i]) for i in range(1, len(parts))
            if ".".join(parts[:i]) not in own and is_package(".".join(parts[:i]), modules)]


def module_graph(records, modules):
    graph = {name: set() for name in modules}
    for record in records:
        if record.lazy:
            continue
        for target in record.targets:
            for step in _packages_on_the_way(record.module, target, modules) + [target]:
                if step != record.module:
                    graph[record.module].add(step)
    return graph


def package_of(module):
    if module in FACADES:
        return module.split(".", 1)[1]
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "(root)"


def package_graph(graph):
    collapsed = {}
    for source, targets in graph.items():
        edges = collapsed.setdefault(package_of(source), set())
        for target in targets:
            if package_of(target) != package_of(source):
                edges.add(package_of(target))
            collapsed.setdefault(package_of(target), set())
    return collapsed


def cycles(graph):
    """Strongly connected components with more than one member (Tarjan), sorted."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []
    counter = [0]

    def connect(node):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for succ in sorted(graph.get(node, ())):
            if succ not in index:
                connect(succ)
                low[node] = min(low[node], low[succ])
            elif succ in on_stack:
                low[node] = min(low[node], index[succ])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 10000))
    try:
        for node in sorted(graph):
            if node not in index:
                connect(node)
    finally:
        sys.setrecursionlimit(limit)
    return sorted(found)


def reaches(graph, start, goal):
    seen, todo = set(), [start]
    while todo:
        node = todo.pop()
        if node == goal:
            return True
        if node not in seen:
            seen.add(node)
            todo.extend(graph.get(node, ()))
    return False


def guarded_cycles(module_cycles, package_cycles):
    """The cycles the check refuses: package cycles touching a guarded package, and
    module cycles inside one guarded package."""
    def guarded(package):
        return package.split(".")[0] in GUARDED

    bad = [("packages", c) for c in package_cycles if any(guarded(p) for p in c)]
    for component in module_cycles:
        packages = {package_of(m) for m in component}
        if len(packages) == 1 and guarded(packages.pop()):
            bad.append(("modules", component))
    return bad


def analyse(root=ROOT):
    modules = module_files(root)
    records = []
    for name, path in modules.items():
        records.extend(read_imports(name, path, modules))
    graph = module_graph(records, modules)
    return modules, records, graph


def _with_lazy_edges(graph, lazy):
    """The module graph plus an edge for each import made inside a function."""
    full = {name: set(targets) for name, targets in graph.items()}
    for record in lazy:
        full[record.module].update(t for t in record.targets if t != record.module)
    return full


def _lazy_kind(record, graph):
    """'cycle' when the lazy import, made at module level, would close an import cycle."""
    for target in record.targets:
        if reaches(graph, target, record.module):
            return "cycle"
    return "internal" if record.targets else "external"


def report(root=ROOT, out=sys.stdout, require_comment=False, prefixes=()):
    modules, records, graph = analyse(root)
    packages = package_graph(graph)
    module_cycles = cycles(graph)
    package_cycles = cycles(packages)
    write = out.write

    write("Package import graph (module-level imports, legacy_keras.<package>):\n")
    for name in sorted(packages):
        write("  %-14s -> %s\n" % (name, ", ".join(sorted(packages[name])) or "-"))
    write("\nPackage cycles: %d\n" % len(package_cycles))
    for component in package_cycles:
        write("  " + " <-> ".join(component) + "\n")
    write("Module cycles: %d\n" % len(module_cycles))
    for component in module_cycles:
        write("  (%d modules) %s\n" % (len(component), ", ".join(component)))

    lazy = [r for r in records if r.lazy]
    latent = [c for c in cycles(_with_lazy_edges(graph, lazy)) if c not in module_cycles]
    write("Module cycles counting imports inside functions too: %d\n" % len(latent))
    for component in latent:
        write("  (%d modules) %s\n" % (len(component), ", ".join(component)))
    unjustified = [r for r in lazy if not r.justified and (
        not prefixes or any(os.path.relpath(r.path, root).startswith(p) for p in prefixes))]
    closing = [r for r in lazy if _lazy_kind(r, graph) == "cycle"]
    write("\nImports inside functions: %d in %d files (%d without '%s' comment; %d would "
          "close a cycle if made at module level)\n" % (
              len(lazy), len({r.path for r in lazy}), sum(not r.justified for r in lazy),
              LAZY_MARK, len(closing)))
    for r in sorted(lazy, key=lambda r: (r.path, r.line)):
        text = " ".join(r.text.split())
        write("  %s:%d  [%s] %s  -- %s\n" % (
            os.path.relpath(r.path, root), r.line, _lazy_kind(r, graph), text,
            ("lazy: " + r.comment) if r.justified else "NO COMMENT"))

    status = 0
    bad = guarded_cycles(module_cycles, package_cycles)
    if bad:
        status = 1
        write("\nFAIL: cycles touching %s:\n" % ", ".join(GUARDED))
        for kind, component in bad:
            write("  %s: %s\n" % (kind, ", ".join(component)))
    if require_comment and unjustified:
        status = 1
        write("\nFAIL: %d lazy imports without a '%s <reason>' comment%s\n" % (
            len(unjustified), LAZY_MARK, (" under " + ", ".join(prefixes)) if prefixes else ""))
    if status == 0:
        write("\nOK: no cycle touching %s%s\n" % (
            ", ".join(GUARDED), "; every lazy import commented" if require_comment else ""))
    return status


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--require-lazy-comment", action="store_true",
                        help="fail on an in-function import without '# lazy: <reason>'")
    parser.add_argument("--root", default=ROOT, help="the repository (default: this one)")
    parser.add_argument("prefixes", nargs="*",
                        help="with --require-lazy-comment: only files under these paths "
                             "(relative to the repository, e.g. legacy_keras/engine)")
    args = parser.parse_args(argv)
    return report(args.root, require_comment=args.require_lazy_comment,
                  prefixes=tuple(args.prefixes))


if __name__ == "__main__":
    sys.exit(main())
