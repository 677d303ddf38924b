"""Regenerates tests/data/keras1_api_names.json from the reference catalogue.

    .venv/bin/python tools/update_api_catalogue.py [../shared/reference/keras1_api.json]

The catalogue (``keras1_api.json``, made in the Keras 1.2.2 / Theano 1.0.5 reference
environment) records every public name of every Keras 1.2.2 module with its signature.
tests/test_api_catalogue.py needs only part of it and must not read ../shared, so this
keeps, per module and name: ``kind``, ``params`` (named parameters, in order),
``kwargs_keys`` (names Keras 1 took only through ``**kwargs``), ``defined_in`` (the
module that defines a re-exported object) and, for submodules, ``auto_imported``
(whether ``import <package>`` alone made it an attribute); for a class, under the
module defining it, ``methods``: each public method's parameter names (its own and
inherited ones).
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_SOURCE = os.path.join(ROOT, "..", "shared", "reference", "keras1_api.json")
TARGET = os.path.join(ROOT, "tests", "data", "keras1_api_names.json")
KEPT = ("kind", "params", "kwargs_keys", "defined_in", "module", "auto_imported")


def reduce_catalogue(catalogue):
    modules = {}
    for module, entry in sorted(catalogue["modules"].items()):
        names = {}
        for name, info in sorted(entry["names"].items()):
            names[name] = {key: info[key] for key in KEPT if key in info}
            if info["kind"] == "class" and info.get("defined_in", module) == module:
                methods = dict(info.get("methods_inherited", {}))
                methods.update(info.get("methods", {}))
                names[name]["methods"] = {method: m["params"]
                                          for method, m in sorted(methods.items())}
        modules[module] = names
    return {"keras_version": catalogue["keras_version"],
            "generated_by": "tools/update_api_catalogue.py from keras1_api.json",
            "modules": modules}


def main(argv):
    source = argv[0] if argv else DEFAULT_SOURCE
    with open(source, encoding="utf8") as f:
        reduced = reduce_catalogue(json.load(f))
    with open(TARGET, "w", encoding="utf8") as f:
        json.dump(reduced, f, indent=0, sort_keys=True)
        f.write("\n")
    names = sum(len(v) for v in reduced["modules"].values())
    print("wrote %s: %d modules, %d names" % (TARGET, len(reduced["modules"]), names))


if __name__ == "__main__":
    main(sys.argv[1:])
