# The reference output of tests/fixtures/py2_agent, a Python 2
# policy-gradient program (Keras 1 Sequential policy, raw Theano: theano.function with
# updates, T.grad, T.log, advanced indexing; a package with implicit relative imports,
# integer division that matters). The oracle is Python 3, so this case runs the
# hand-written Python 3 twin tests/fixtures/py2_agent_py3/train.py; test_python2.py runs
# the untouched Python 2 sources with `legacy-keras run` and compares with this stdout.
import os
import runpy
import sys

TWIN = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, "fixtures",
                    "py2_agent_py3")
sys.path.insert(0, TWIN)
runpy.run_path(os.path.join(TWIN, "train.py"), run_name="__main__")
