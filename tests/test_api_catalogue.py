"""The whole Keras 1.2.2 API, walked from the reference catalogue.

tests/data/keras1_api_names.json is the part of ``../shared/reference/keras1_api.json``
(every public name of every Keras 1.2.2 module, recorded in the Keras 1.2.2 / Theano
1.0.5 reference environment) that these tests need; ``tools/update_api_catalogue.py``
regenerates it. With legacy_keras installed, ``import keras.<module>`` must give every
catalogued module and name, and every callable must accept the parameter names Keras
1.2.2 spelled:

* a catalogued ``params`` name (a named parameter of Keras 1's signature) must be a
  named parameter of ours, at the same position among the leading positional ones
  (Keras 1 scripts pass them positionally too);
* a ``kwargs_keys`` name (one Keras 1 took only through ``**kwargs``, e.g. a layer's
  ``input_shape`` or ``name``) must be a named parameter or be taken by ``**kwargs``;
* a name that Keras 1.2.2 re-exported from the module defining it must be that same
  object here (a re-export, not a copy or a stub).
"""
import importlib
import inspect
import json
import os
import subprocess
import sys
import types

import pytest

import legacy_keras

HERE = os.path.dirname(os.path.abspath(__file__))
CATALOGUE = os.path.join(HERE, "data", "keras1_api_names.json")

with open(CATALOGUE, encoding="utf8") as _f:
    MODULES = json.load(_f)["modules"]


@pytest.fixture(scope="module")
def keras_modules():
    """Every catalogued module, imported as ``keras.<...>`` with legacy_keras active."""
    was_installed = legacy_keras.is_installed()
    legacy_keras.install()
    try:
        imported, errors = {}, {}
        for name in MODULES:
            try:
                imported[name] = importlib.import_module(name)
            except Exception as error:  # reported by the test below
                errors[name] = "%s: %s" % (type(error).__name__, error)
        yield imported, errors
    finally:
        if not was_installed:
            legacy_keras.uninstall()


def _named_parameters(obj):
    """(positional names in order, all named parameters, takes **kwargs) of ``obj``."""
    signature = inspect.signature(obj)
    positional, named, varkw = [], set(), False
    for parameter in signature.parameters.values():
        if parameter.kind is parameter.VAR_KEYWORD:
            varkw = True
        elif parameter.kind is not parameter.VAR_POSITIONAL:
            named.add(parameter.name)
            if parameter.kind in (parameter.POSITIONAL_ONLY, parameter.POSITIONAL_OR_KEYWORD):
                positional.append(parameter.name)
    return positional, named, varkw


def _parameter_problems(obj, info):
    try:
        positional, named, varkw = _named_parameters(obj)
    except (TypeError, ValueError) as error:
        return ["no signature (%s)" % error]
    problems = ["parameter %r missing" % p for p in info["params"] if p not in named]
    problems += ["**kwargs key %r not accepted" % p for p in info.get("kwargs_keys", ())
                 if p not in named and not varkw]
    if not problems and positional[:len(info["params"])] != info["params"]:
        problems.append("positional order %s, Keras 1.2.2: %s" % (
            positional[:len(info["params"])], info["params"]))
    return problems


def _counts(imported):
    """(names present, names, parameter names accepted, parameter names)."""
    present = total = accepted = total_params = 0
    for module, names in MODULES.items():
        for name, info in names.items():
            total += 1
            keys = info.get("params", []) + info.get("kwargs_keys", [])
            total_params += len(keys)
            if module not in imported or not hasattr(imported[module], name):
                continue
            present += 1
            if "params" not in info:
                continue
            obj = getattr(imported[module], name)
            try:
                _, named, varkw = _named_parameters(obj)
            except (TypeError, ValueError):
                continue
            accepted += sum(p in named for p in info["params"])
            accepted += sum(p in named or varkw for p in info.get("kwargs_keys", ()))
    return present, total, accepted, total_params


def test_catalogue_is_the_whole_keras_1_2_2_api():
    # The copy in tests/data is complete: 58 modules, 1026 names, 5162 parameter names
    # (params + kwargs_keys), the numbers of ../shared/reference/README.md.
    assert len(MODULES) == 58
    assert sum(len(names) for names in MODULES.values()) == 1026
    assert sum(len(i.get("params", [])) + len(i.get("kwargs_keys", []))
               for names in MODULES.values() for i in names.values()) == 5162


def test_every_module_imports(keras_modules):
    _, errors = keras_modules
    assert not errors, "modules that do not import: %s" % errors


def test_every_name_exists(keras_modules):
    imported, _ = keras_modules
    missing = ["%s.%s" % (module, name) for module, names in MODULES.items()
               for name in names
               if module not in imported or not hasattr(imported[module], name)]
    present, total, accepted, total_params = _counts(imported)
    print("Keras 1.2.2 names present: %d / %d; parameter names accepted: %d / %d"
          % (present, total, accepted, total_params))
    assert not missing, "%d Keras 1.2.2 names missing: %s" % (len(missing), missing)


def test_every_parameter_name_is_accepted(keras_modules):
    imported, _ = keras_modules
    problems = []
    for module, names in MODULES.items():
        for name, info in names.items():
            if "params" not in info or not hasattr(imported.get(module), name):
                continue
            for problem in _parameter_problems(getattr(imported[module], name), info):
                problems.append("%s.%s: %s" % (module, name, problem))
    assert not problems, "%d problems:\n%s" % (len(problems), "\n".join(problems))


def test_every_name_is_the_kind_keras1_had_class_function_or_module(keras_modules):
    imported, _ = keras_modules
    expected = {"class": inspect.isclass, "function": callable,
                "module": lambda obj: isinstance(obj, types.ModuleType)}
    wrong = []
    for module, names in MODULES.items():
        for name, info in names.items():
            check = expected.get(info["kind"])
            obj = getattr(imported.get(module), name, None)
            if check is not None and obj is not None and not check(obj):
                wrong.append("%s.%s is not a %s" % (module, name, info["kind"]))
            if info["kind"] == "module" and obj is not None and (
                    obj.__name__ != info["module"].replace("keras", "legacy_keras", 1)):
                wrong.append("%s.%s is %s" % (module, name, obj.__name__))
    assert not wrong, wrong


def test_reexports_are_the_defining_modules_objects(keras_modules):
    imported, _ = keras_modules
    copies = []
    for module, names in MODULES.items():
        for name, info in names.items():
            home = info.get("defined_in")
            if not home or home == module or home not in imported:
                continue
            if not hasattr(imported[home], name) or not hasattr(imported.get(module), name):
                continue
            if getattr(imported[module], name) is not getattr(imported[home], name):
                copies.append("%s.%s is not %s.%s" % (module, name, home, name))
    assert not copies, copies


AUTO_IMPORTED_PROBE = r'''
import importlib, json, sys
import legacy_keras
legacy_keras.install()
wanted = json.loads(sys.argv[1])
missing = []
for package, names in wanted.items():
    module = importlib.import_module(package)
    missing += [package + "." + name for name in names if not hasattr(module, name)]
print(json.dumps(missing))
'''


def test_submodules_imported_by_their_package_as_in_keras_1_2_2():
    """``import keras`` then ``keras.callbacks`` worked in Keras 1.2.2 (the catalogue's
    ``auto_imported``): checked in a fresh process, where nothing else imported them."""
    wanted = {}
    for module, names in MODULES.items():
        for name, info in names.items():
            if info["kind"] == "module" and info.get("auto_imported"):
                wanted.setdefault(module, []).append(name)
    result = subprocess.run([sys.executable, "-c", AUTO_IMPORTED_PROBE, json.dumps(wanted)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []


def test_reexported_functions_behave_as_in_keras_1_2_2(tmp_path):
    """The a_api_reexports golden (tests/cases/, regenerated under Keras 1.2.2 / Theano
    1.0.5): the re-exported functions and spellings, called from where scripts imported
    them, print and compute what Keras 1.2.2 did (EigenvalueRegularizer in a model's
    loss included)."""
    import harness

    harness.reset_keras1_session()
    try:
        harness.check_case("a_api_reexports", str(tmp_path))
    finally:
        harness.reset_keras1_session()


def test_every_method_and_its_parameter_names(keras_modules):
    """Each Keras 1.2.2 class (checked where it is defined) has every public method
    Keras 1.2.2 gave it, own or inherited (``Container.run_internal_graph``,
    ``Node.get_config``, ``GeneratorEnqueuer.is_running``...), taking the parameter
    names Keras 1.2.2 spelled (or ``**kwargs``)."""
    imported, _ = keras_modules
    problems = []
    count = 0
    for module, names in MODULES.items():
        for name, info in names.items():
            cls = getattr(imported.get(module), name, None)
            for method, params in info.get("methods", {}).items():
                count += 1
                function = getattr(cls, method, None)
                if function is None:
                    problems.append("%s.%s.%s missing" % (module, name, method))
                    continue
                try:
                    _, named, varkw = _named_parameters(function)
                except (TypeError, ValueError):
                    continue
                problems += ["%s.%s.%s: parameter %r missing" % (module, name, method, p)
                             for p in params if p not in named - {"self"} and not varkw]
    assert count > 400
    assert not problems, "\n".join(problems)
