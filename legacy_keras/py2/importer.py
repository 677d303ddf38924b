"""Running a Python 2 script and importing its local Python 2 modules, translated in memory.

:func:`run_path` runs a script as ``__main__`` (translated when it is Python 2, or when
forced); :func:`local_python2_imports` installs a meta path finder that translates the
modules found in the script's own directory tree (never site-packages, the standard
library or legacy_keras), compiling them with their original file names so tracebacks
point at the original lines. No file is written: no ``.pyc`` of a translated module, no
translated copy (fissix keeps its grammar tables in its user cache folder, once).
"""
import contextlib
import importlib.abc
import importlib.machinery
import importlib.util
import os
import runpy
import site
import sys
import types

from legacy_keras.py2.runtime import python2_builtins
from legacy_keras.py2.translate import TranslationError, compile_python2, is_python2


def read_source(path):
    """The text of a source file (PEP 263 coding cookie honoured)."""
    with open(path, "rb") as f:
        return importlib.util.decode_source(f.read())


def _excluded_roots():
    roots = {sys.prefix, sys.base_prefix, sys.exec_prefix,
             os.path.dirname(os.path.dirname(os.path.abspath(__file__)))}
    for getter in (site.getsitepackages, lambda: [site.getusersitepackages()]):
        try:
            roots.update(getter())
        except Exception:  # noqa: BLE001  (virtualenvs without site functions)
            pass
    return [os.path.realpath(root) for root in roots if root]


def _inside(path, root):
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


class Python2Loader(importlib.machinery.SourceFileLoader):
    """Loads a Python 2 module from its untouched source, translated; no bytecode cache."""

    def __init__(self, fullname, path, code=None):
        super().__init__(fullname, path)
        self.code = code

    def get_code(self, fullname):
        if self.code is None:
            path = self.get_filename(fullname)
            self.code = compile_python2(read_source(path), path, relative_imports=True)
        return self.code

    def exec_module(self, module):
        module.__dict__["__builtins__"] = python2_builtins()
        exec(self.get_code(module.__name__), module.__dict__)


class LocalPython2Finder(importlib.abc.MetaPathFinder):
    """Finds modules in ``root``'s tree that are Python 2 (or all of them, when forced)."""

    def __init__(self, root, force=False):
        self.root = os.path.realpath(root)
        self.force = force
        self.excluded = [r for r in _excluded_roots() if not _inside(self.root, r)]

    def find_spec(self, fullname, path=None, target=None):
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None or not isinstance(spec.loader, importlib.machinery.SourceFileLoader):
            return None
        origin = os.path.realpath(spec.origin)
        if not _inside(origin, self.root) or any(_inside(origin, r) for r in self.excluded):
            return None
        code = self.translation(spec.origin)
        if code is None:
            return None
        return importlib.util.spec_from_file_location(
            fullname, spec.origin, loader=Python2Loader(fullname, spec.origin, code),
            submodule_search_locations=spec.submodule_search_locations)

    def translation(self, path):
        """The translated code of ``path``, or None when it is left to Python."""
        try:
            source = read_source(path)
        except (OSError, SyntaxError):
            return None
        if self.force or is_python2(source, path):
            try:  # what fissix cannot parse either is left to Python's own error
                return compile_python2(source, path)
            except TranslationError:
                return None
        return None


@contextlib.contextmanager
def local_python2_imports(root, force=False):
    """Within the block, modules under ``root`` that are Python 2 import translated."""
    finder = LocalPython2Finder(root, force)
    position = next((i for i, f in enumerate(sys.meta_path)
                     if f is importlib.machinery.PathFinder), len(sys.meta_path))
    sys.meta_path.insert(position, finder)
    try:
        yield finder
    finally:
        if finder in sys.meta_path:
            sys.meta_path.remove(finder)


def exec_as_main(code, path, spec=None):
    """Runs ``code`` (of the script ``path``, or of the module ``spec`` for ``run -m``) as
    ``__main__``, as runpy does."""
    main = types.ModuleType("__main__")
    main.__dict__.update(__file__=path, __cached__=None, __builtins__=python2_builtins(),
                         __loader__=spec.loader if spec else None,
                         __package__=spec.parent if spec else None, __spec__=spec)
    saved = sys.modules.get("__main__")
    sys.modules["__main__"] = main
    try:
        exec(code, main.__dict__)
    finally:
        sys.modules["__main__"] = saved
    return main.__dict__


def run_path(script, force=False):
    """Runs ``script`` as ``__main__``: translated when it is Python 2 (or ``force``), with
    its directory's Python 2 modules translated on import (all of them when the script is
    Python 2: a Python 2 program's modules divide as Python 2 did). Returns the script's
    globals, as runpy.run_path does. ``sys.argv`` / ``sys.path`` are the caller's
    business."""
    path = os.path.abspath(script)
    source = read_source(path)
    python2 = force or is_python2(source, path)
    code = None
    if python2:
        try:
            code = compile_python2(source, path, relative_imports=False)
        except TranslationError:
            if force:
                raise
            python2 = False  # let Python report its own SyntaxError
    with local_python2_imports(os.path.dirname(path), force=python2):
        if code is None:
            return runpy.run_path(script, run_name="__main__")
        return exec_as_main(code, path)
