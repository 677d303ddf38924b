"""Python 2 source, translated in memory (legacy_keras.py2).

The reference for the Python 2 policy-gradient program (tests/fixtures/py2_agent) is
tests/goldens/s_py2_agent.stdout: real Keras 1.2.2 / Theano 1.0.5 (the oracle is Python
3.11) running its hand-written Python 3 twin tests/fixtures/py2_agent_py3 (case
tests/cases/s_py2_agent.py). Everything else here states Python 2.7's own behaviour.
"""
import hashlib
import io
import os
import re
import subprocess
import sys
import textwrap
import traceback
import ast

import numpy as np
import pytest

from legacy_keras.py2 import importer
from legacy_keras.py2.translate import is_python2, python3_source

HERE = os.path.dirname(os.path.abspath(__file__))
AGENT = os.path.join(HERE, "fixtures", "py2_agent")
GOLDEN = os.path.join(HERE, "goldens", "s_py2_agent.stdout")


def tree_hashes(root):
    hashes = {}
    for folder, _, files in os.walk(root):
        for name in files:
            path = os.path.join(folder, name)
            with open(path, "rb") as f:
                hashes[os.path.relpath(path, root)] = hashlib.sha256(f.read()).hexdigest()
    return hashes


def same_text_and_numbers(actual, expected, tolerance=1e-4):
    number = re.compile(r"-?\d+\.\d+")
    if number.sub("#", actual) != number.sub("#", expected):
        return False
    return all(abs(float(a) - float(e)) <= tolerance
               for a, e in zip(number.findall(actual), number.findall(expected)))


@pytest.fixture
def isolated(monkeypatch, tmp_path):
    """sys.argv / sys.path / sys.modules as they were, legacy_keras uninstalled after."""
    import legacy_keras

    monkeypatch.setattr(sys, "argv", list(sys.argv))
    monkeypatch.setattr(sys, "path", list(sys.path))
    before = set(sys.modules)
    yield tmp_path
    legacy_keras.uninstall()
    for name in set(sys.modules) - before:
        if str(tmp_path) in (getattr(sys.modules[name], "__file__", None) or ""):
            del sys.modules[name]


def write(root, files):
    for name, text in files.items():
        path = os.path.join(str(root), name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(textwrap.dedent(text))


def run_cli(args, capsys):
    from legacy_keras.cli import main

    status = main(["run"] + args)
    out, err = capsys.readouterr()
    return status, out, err


def test_python2_agent_program_runs_unchanged_with_the_reference_output(tmp_path):
    before = tree_hashes(AGENT)
    script = os.path.join(os.path.dirname(sys.executable), "legacy-keras")
    result = subprocess.run([script, "run", os.path.join(AGENT, "train.py")], cwd=tmp_path,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    with open(GOLDEN) as f:
        expected = f.read()
    assert same_text_and_numbers(result.stdout, expected), (result.stdout, expected)
    assert "expected error: unknown action 2" in result.stderr  # print >>sys.stderr
    assert tree_hashes(AGENT) == before  # same files, same bytes: no .pyc, no copies


PY2_FEATURES = r'''
import os, sys, string, cPickle, StringIO
reload(sys)
sys.setdefaultencoding('utf8')
from itertools import izip, imap
import numpy as np
d = {'b': 2, 'a': 1}
keys = d.keys(); keys.sort(); print keys
print sorted(d.iteritems()), d.has_key('a')
print list(izip([1, 2], 'ab')), list(imap(abs, [-1]))
print map(str, xrange(3)), zip('ab', [1, 2])[0]
print range(3), filter(None, [0, 1, 2]), sorted(d.values()), d.items()[0][0] in 'ab'
print `42`, 0777, 10L, long(3), unichr(65), unicode('x'), isinstance('s', basestring)
def tup((a, b), c): return a + b + c
print tup((1, 2), 3), (lambda (x, y): x * y)((3, 4))
print string.letters[:3], string.join(['a', 'b'], '-'), string.upper('x')
print sys.maxint > 0, reduce(lambda a, b: a + b, [1, 2, 3]), file(os.devnull).closed
print round(2.5), round(-0.5), round(1.25, 1), round(7)
print sorted([3, 1, 2], cmp=lambda a, b: cmp(b, a))
print 7 / 2, -7 / 2, 7.0 / 2, 7 // 2.0, True / 2
exec "z = 5"
print z
try:
    raise ValueError, "bad"
except ValueError, e:
    print 'caught', e
s = StringIO.StringIO(); print >>s, 'hi'; print repr(s.getvalue())
name = raw_input('name? ')
print 'hello', name
print cPickle.loads(cPickle.dumps({'k': [1, 2]}))
a = np.arange(6); b = a; a /= 4
print a is b, a.tolist(), (np.arange(3) / 2).tolist(), (np.arange(3) / 2.0).tolist()
print np.int64(7) / 2, np.float32(7) / 2
class V(object):
    def __init__(self, x): self.x = x
    def __div__(self, other): return V(self.x / other)
print (V(9) / 2).x
'''

PY2_OUTPUT = """\
['a', 'b']
[('a', 1), ('b', 2)] True
[(1, 'a'), (2, 'b')] [1]
['0', '1', '2'] ('a', 1)
[0, 1, 2] [1, 2] [1, 2] True
42 511 10 3 A x True
6 12
abc a-b X
True 6 False
3.0 -1.0 1.3 7.0
[3, 2, 1]
3 -4 3.5 3.0 0
5
caught bad
'hi\\n'
name? hello bob
{'k': [1, 2]}
True [0, 0, 0, 0, 1, 1] [0, 0, 1] [0.0, 0.5, 1.0]
3 3.5
4
"""


def test_python2_features_behave_as_python2(isolated, capsys, monkeypatch):
    write(isolated, {"features.py": PY2_FEATURES})
    monkeypatch.setattr(sys, "stdin", io.StringIO("bob\n"))
    status, out, err = run_cli([str(isolated / "features.py")], capsys)
    assert status == 0, err
    assert out == PY2_OUTPUT


def test_future_division_keeps_true_division(isolated, capsys):
    write(isolated, {"future.py": "from __future__ import division\nprint 7 / 2\nx = 9\n"
                                  "x /= 2\nprint x, 7 // 2\n"})
    assert run_cli([str(isolated / "future.py")], capsys)[1] == "3.5\n4.5 3\n"


def test_traceback_points_at_the_original_python2_file_and_line(isolated, capsys):
    write(isolated, {
        "crash.py": "from tbhelpers import run\nprint 'start'\nrun((1, 0))\n",
        "tbhelpers/__init__.py": "from broken import run  # implicit relative import\n",
        "tbhelpers/broken.py": """\
            import cPickle
            def ratio((a, b)):
                print "dividing", a, b
                return a / b
            def run(pair):
                return ratio(pair)
            """})
    before = tree_hashes(isolated)
    status, out, err = run_cli([str(isolated / "crash.py")], capsys)
    assert status == 1 and out == "start\ndividing 1 0\n"
    broken = os.path.join(str(isolated), "tbhelpers", "broken.py")
    assert 'File "%s", line 4, in ratio\n    return a / b\n' % broken in err
    assert 'File "%s", line 6, in run\n' % broken in err
    assert 'crash.py", line 3, in <module>\n    run((1, 0))\n' in err
    assert err.rstrip().endswith("ZeroDivisionError: integer division or modulo by zero")
    assert "importer.py" not in err and "cli.py" not in err
    assert tree_hashes(isolated) == before  # no __pycache__, nothing rewritten


def test_traceback_frames_of_a_translated_module(isolated):
    write(isolated, {"tbmod.py": "def f((a, b)):\n    x = 1\n    raise KeyError, a\n"})
    sys.path.insert(0, str(isolated))
    with importer.local_python2_imports(str(isolated)):
        import tbmod
    assert isinstance(tbmod.__spec__.loader, importer.Python2Loader)
    with pytest.raises(KeyError) as raised:
        tbmod.f((7, 8))
    frame = traceback.extract_tb(raised.tb)[-1]
    assert (frame.filename, frame.lineno, frame.line) == (
        str(isolated / "tbmod.py"), 3, "raise KeyError, a")


def test_py2_flag_forces_translation_and_python3_is_left_alone(isolated, capsys):
    write(isolated, {"both.py": "import builtins\nprint(7 / 2)\nprint(round(2.5))\n"
                                "print(__builtins__ in (builtins, vars(builtins)))\n"})
    script = str(isolated / "both.py")
    assert run_cli([script], capsys)[1] == "3.5\n2\nTrue\n"
    assert run_cli(["--py2", script], capsys)[1] == "3\n3.0\nFalse\n"


def test_python3_local_modules_are_not_translated(isolated, capsys):
    write(isolated, {"main3.py": "import half3, old2\nprint(half3.half(7), old2.half(7))\n",
                     "half3.py": "def half(n):\n    return n / 2\n",
                     "old2.py": "def half(n):\n    print 'old'\n    return n / 2\n"})
    assert run_cli([str(isolated / "main3.py")], capsys)[1] == "old\n3.5 3\n"


def test_detection():
    assert is_python2("print 'x'\n")
    assert is_python2("for i in xrange(3): pass\n")
    assert is_python2("import cPickle\n")
    assert is_python2("import sys\nprint(sys.maxint)\n")
    assert not is_python2("print('x')\nx = 7 / 2\n")
    assert not is_python2("try:\n    import cPickle as pickle\nexcept ImportError:\n"
                          "    import pickle\n")
    assert not is_python2("try:\n    xrange\nexcept NameError:\n    xrange = range\n"
                          "print(list(xrange(2)))\n")
    assert not is_python2("def save(model, file, cmp=None):\n    file.write(cmp)\n")
    assert not is_python2("f = lambda long: long + 1\n")


def test_classic_division_runtime_rules():
    from legacy_keras.py2.runtime import classic_div, classic_idiv

    assert classic_div(7, 2) == 3 and classic_div(-7, 2) == -4
    assert classic_div(7, 2.0) == 3.5 and classic_div(np.float32(7), 2) == 3.5
    assert classic_div(np.int32(7), 2) == 3
    np.testing.assert_array_equal(classic_div(np.array([7, -7]), 2), [3, -4])
    np.testing.assert_array_equal(classic_div(np.array([7.0]), 2), [3.5])
    a = np.array([8, 9])
    assert classic_idiv(a, 2) is a and a.tolist() == [4, 4]


KERAS1_PY2 = """\
from keras.models import Sequential
from keras.layers import Dense
import numpy as np
x = np.zeros((8, 4))
model = Sequential()
model.add(Dense(10, input_dim=4, init='uniform'))
print model.predict(x).shape
half = len(x) / 2
model.fit(x, x[:, :1], nb_epoch=2, batch_size=half)
ratio = x.sum() / half
"""


def test_migrate_and_check_understand_python2():
    from legacy_keras.migrate import check_source, migrate_source

    migrated, _ = migrate_source(KERAS1_PY2)
    compile(migrated, "<migrated>", "exec")
    assert "print(model.predict(x, verbose=0).shape)" in migrated
    assert "half = len(x) // 2" in migrated and "epochs=2" in migrated
    assert "# TODO(legacy-keras): Python 2 `/`" in migrated.split("ratio =")[0]
    usages = check_source(KERAS1_PY2)
    lines = {(usage.line, usage.keras1) for usage in usages}
    assert (9, ".fit(nb_epoch=...)") in lines  # the Python 2 file's own line numbers
    assert any(u.line == 10 and not u.automatic and "Python 2 `/`" in u.keras1
               for u in usages)
    assert python3_source("print('py3')\nx = 7 / 2\n")[0] == "print('py3')\nx = 7 / 2\n"


def test_run_dash_m_translates_a_python2_module(isolated, capsys, monkeypatch):
    write(isolated, {"m2app/__init__.py": "",
                     "m2app/main.py": "import helper\nprint 'in', __name__, 7 / 2\n",
                     "m2app/helper.py": "print 'helper', 9 / 2\n"})
    monkeypatch.chdir(isolated)
    status, out, err = run_cli(["-m", "m2app.main"], capsys)
    assert status == 0, err
    assert out == "helper 4\nin __main__ 3\n"


def test_an_error_while_importing_a_python2_module_shows_only_the_script_frames(isolated,
                                                                                capsys):
    write(isolated, {"imp_main.py": "print 'x'\nimport imp_broken\n",
                     "imp_broken.py": "x = 1\nprint 'importing'\nraise ValueError, 'at import'\n"})
    status, out, err = run_cli([str(isolated / "imp_main.py")], capsys)
    assert status == 1 and out == "x\nimporting\n"
    assert err.count('File "') == 2, err
    assert 'imp_broken.py", line 3, in <module>\n    raise ValueError, \'at import\'\n' in err


def test_every_statement_keeps_its_original_line():
    """Fixers that add lines (tuple parameters, the imports reduce / sorted(cmp=) /
    urllib need) are mapped back: each `vN = ...` stays on line N."""
    from legacy_keras.py2.translate import translate

    source = textwrap.dedent("""\
        from urllib import urlencode, urlopen
        v2 = reduce(lambda a, b: a + b, [1, 2])
        def f((a, b), c):
            v4 = a
            v5 = sorted([2, 1], cmp=lambda x, y: cmp(x, y))
            return v4
        v7 = `1` + raw_input()
        print >>sys.stderr, "x"; v8 = 0777
        exec "v9 = 1"
        v10 = [k for k, v in {}.iteritems()]
        """)
    _, tree, _ = translate(source, "lines.py")
    found = {node.targets[0].id: node.lineno for node in ast.walk(tree)
             if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)
             and node.targets[0].id.startswith("v")}
    assert found == {"v%d" % n: n for n in (2, 4, 5, 7, 8, 10)}
    calls = [node for node in ast.walk(tree) if isinstance(node, ast.Call)
             and isinstance(node.func, ast.Name) and node.func.id == "exec"]
    assert [call.lineno for call in calls] == [9]


def test_run_path_returns_the_script_globals(isolated):
    write(isolated, {"g2.py": "answer = 7 / 2\n", "g3.py": "answer = 7 / 2\n"})
    assert importer.run_path(str(isolated / "g2.py"), force=True)["answer"] == 3
    assert importer.run_path(str(isolated / "g3.py"))["answer"] == 3.5
