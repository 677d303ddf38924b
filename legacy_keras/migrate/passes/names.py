"""Keras 1 paths -> Keras 3 paths (modules, names, layer classes, optimizer aliases),
from the tables of legacy_keras.renames; shared by the import, attribute, merge and call
passes."""

from legacy_keras import renames as table

MODULES = {rename.keras1: rename for rename in table.MODULES}


NAMES = {rename.keras1: rename for rename in table.NAMES}


def keras1_module_rename(dotted):
    """The MODULES entry for the longest Keras 1 module prefix of ``dotted``."""
    parts = dotted.split(".")
    for length in range(len(parts), 0, -1):
        rename = MODULES.get(".".join(parts[:length]))
        if rename is not None:
            return rename, ".".join(parts[length:])
    return None, dotted


def new_qualified_name(dotted):
    """The Keras 3 path of a Keras 1 path: (new path or None when gone, Rename) or
    (dotted, None) when nothing changed."""
    if dotted in NAMES:
        return NAMES[dotted].keras3, NAMES[dotted]
    module_rename, rest = keras1_module_rename(dotted)
    module = dotted.rsplit(".", 1)[0] if "." in dotted else ""
    name = dotted.rsplit(".", 1)[-1]
    if module_rename is not None:
        if module_rename.keras3 is None:
            return None, module_rename
        module = (module_rename.keras3 + "." + rest).rsplit(".", 1)[0] if rest \
            else module_rename.keras3
        if not rest:
            return module_rename.keras3, module_rename
    if module.startswith("keras.layers") or module == "keras.engine":
        if name in table.LAYERS and table.LAYERS[name][0] != name:
            keras3 = table.LAYERS[name][0]
            return (module + "." + keras3 if keras3 else None), table.Rename(
                name, keras3, keras3 is not None, "")
    if module == "keras.optimizers" and name in table.OPTIMIZER_ALIASES:
        return module + "." + table.OPTIMIZER_ALIASES[name], table.Rename(
            name, table.OPTIMIZER_ALIASES[name], True, "")
    candidate = module + "." + name if module else name
    if candidate in NAMES:
        return NAMES[candidate].keras3, NAMES[candidate]
    if module_rename is not None:
        return candidate, module_rename
    return dotted, None
