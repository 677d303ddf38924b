"""Pass: imports and renamed names.

``import keras.x`` / ``from keras.x import Y`` -> the Keras 3 module or name (one import
statement per target module; a removed module that migrate writes next to the script,
keras1_text / keras1_image, is imported by name); Theano imports go; Keras 1 functions
that a migrated script defines (slice_X, make_batches) leave their import. Bare names
imported from a renamed path (``Convolution2D``) are renamed where used.
"""
import libcst as cst
from libcst.helpers import get_full_name_for_node

from legacy_keras import renames as table
from legacy_keras.migrate.arguments import fix_commas
from legacy_keras.migrate.passes.names import MODULES, keras1_module_rename, new_qualified_name


class ImportsPass:
    """See the module docstring."""

    def visit_Import(self, node):
        self.import_depth += 1

    def visit_ImportFrom(self, node):
        self.import_depth += 1
        module = get_full_name_for_node(node.module) if node.module else ""
        if isinstance(node.names, cst.ImportStar) and module.startswith("keras"):
            self.star_import_modules.append(module)
        if module == "keras" and not isinstance(node.names, cst.ImportStar):
            for alias in node.names:
                if alias.name.value == "backend":
                    self.backend_aliases.add(alias.evaluated_alias or "backend")

    def leave_Import(self, original_node, updated_node):
        self.import_depth -= 1
        kept = []
        for original, alias in zip(original_node.names, updated_node.names):
            dotted = get_full_name_for_node(alias.name)
            if dotted.split(".")[0] == "theano":
                self.record(original, "import", "import " + dotted, "(removed)", True,
                            "Keras 3 needs no Theano; its uses are rewritten or marked TODO")
                continue
            new, rename = new_qualified_name(dotted)
            if rename is not None and new and "." not in new and alias.asname is None:
                self.record(original, "import", "import " + dotted, "import " + new, True,
                            rename.note)  # its uses are spelled new.X
                self.helper_imports.add(new)
                continue
            if rename is not None and new and new != dotted and alias.asname is not None:
                self.record(original, "import", "import " + dotted, "import " + new, True,
                            rename.note)
                alias = alias.with_changes(name=cst.parse_expression(new))
            kept.append(alias)
        if not kept:
            return cst.RemoveFromParent()
        return updated_node.with_changes(names=fix_commas(kept, []))

    def leave_ImportFrom(self, original_node, updated_node):
        self.import_depth -= 1
        module = get_full_name_for_node(updated_node.module) if updated_node.module else ""
        if module.split(".")[0] == "theano":
            self.record(original_node, "import", "from %s import ..." % module, "(removed)",
                        True, "Keras 3 needs no Theano; its uses are rewritten or marked TODO")
            return cst.RemoveFromParent()
        if not module.startswith("keras"):
            return updated_node
        if isinstance(updated_node.names, cst.ImportStar):
            return self.rewrite_star_import(original_node, updated_node, module)
        return self.rewrite_from_import(original_node, updated_node, module)

    def rewrite_star_import(self, original_node, updated_node, module):
        rename, rest = keras1_module_rename(module)
        if rename is None or rest:
            return updated_node
        if rename.keras3 is None:
            self.record(original_node, "import", "from %s import *" % module, None, False,
                        rename.note)
            return updated_node
        self.record(original_node, "import", "from %s import *" % module,
                    "from %s import *" % rename.keras3, True, rename.note)
        return updated_node.with_changes(module=cst.parse_expression(rename.keras3))

    def rewrite_from_import(self, original_node, updated_node, module):
        """Renames the imported names; names that now live in different modules get one
        import statement per module (a helper module, keras1_text, ``import``-ed)."""
        groups = {}  # Keras 3 module (None: `import helper as name`) -> aliases
        for original, alias in zip(original_node.names, updated_node.names):
            target = self.imported_name_target(original, alias, module)
            if target is not None:
                groups.setdefault(target[0], []).append(target[1])
        statements = [cst.Import(names=fix_commas(aliases, [])) if target is None
                      else updated_node.with_changes(module=cst.parse_expression(target),
                                                     names=fix_commas(aliases, []))
                      for target, aliases in groups.items()]
        if not statements:
            return cst.RemoveFromParent()
        if len(statements) == 1:
            return statements[0]
        return cst.FlattenSentinel(statements)  # one line each: leave_SimpleStatementLine

    def imported_name_target(self, original, alias, module):
        """(the module to import it from, None for ``import helper as name``; the alias)
        for one name of ``from module import ...``, recorded; None when its import goes."""
        name = alias.name.value
        spelled = "from %s import %s" % (module, name)
        if module + "." + name in table.FUNCTION_HELPERS and alias.asname is None:
            self.use_function_helper(original, spelled, module + "." + name)
            return None
        new, rename = new_qualified_name(module + "." + name)
        if rename is None:
            return module, alias
        if new is None:
            if rename.automatic:  # merge / Merge: uses become keras.layers.X
                self.record(original, "import", spelled, "(removed)", True,
                            "uses become keras.layers.*")
                return None
            self.record(original, "import", spelled, None, False, rename.note)
            return module, alias
        if "." not in new:  # a whole module that is now a helper module
            local = alias.asname.name.value if alias.asname else name
            self.record(original, "import", spelled, "import %s as %s" % (new, local),
                        rename.automatic, rename.note)
            return None, cst.ImportAlias(name=cst.Name(new),
                                         asname=cst.AsName(name=cst.Name(local)))
        target_module, target_name = new.rsplit(".", 1)
        self.record(original, "import", spelled,
                    "from %s import %s" % (target_module, target_name), rename.automatic,
                    rename.note)
        if target_name != name:
            keep_local_name = alias.asname is None and rename in MODULES.values()
            alias = alias.with_changes(
                name=cst.Name(target_name),
                asname=cst.AsName(name=cst.Name(name)) if keep_local_name else alias.asname)
        return target_module, alias

    def use_function_helper(self, original, spelled, dotted):
        """``from keras.engine.training import slice_X``: the import goes, the script
        gets a definition of Keras 1's function (renames.FUNCTION_HELPERS)."""
        helper, note = table.FUNCTION_HELPERS[dotted]
        self.need_helper(helper)
        self.record(original, "import", spelled, "%s (defined in the migrated script)"
                    % helper, True, note)

    def leave_Name(self, original_node, updated_node):
        if self.import_depth:
            return updated_node
        dotted = self.keras_name(original_node)
        if not dotted or "." not in dotted:
            return updated_node
        if dotted.rsplit(".", 1)[1] != original_node.value:
            return updated_node  # an alias: the import keeps the local name
        new, rename = new_qualified_name(dotted)
        if rename is None or not new or new == dotted or rename in MODULES.values():
            return updated_node
        new_name = new.rsplit(".", 1)[1]
        if new_name == original_node.value:
            return updated_node
        self.record(original_node, "name", original_node.value, new_name, True, rename.note)
        return updated_node.with_changes(value=new_name)

    def import_line(self, original_node, updated_node):
        """A line whose imports all went (a ``pass`` placeholder that FinishPass drops),
        or one whose import was split per target module (one line each); else None."""
        if not updated_node.body:  # every import on the line was removed
            placeholder = updated_node.with_changes(body=[cst.Pass()])
            self.emptied_lines.add(id(placeholder))
            return placeholder
        if len(updated_node.body) > len(original_node.body):  # a split import
            return cst.FlattenSentinel([updated_node.with_changes(
                body=[statement.with_changes(semicolon=cst.MaybeSentinel.DEFAULT)],
                leading_lines=updated_node.leading_lines if index == 0 else [])
                for index, statement in enumerate(updated_node.body)])
        return None
