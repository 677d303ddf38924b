"""`legacy-keras migrate`: rewrite a Keras 1 / Theano script for plain Keras 3.

One libcst transformer does the work and records every Keras 1 / Theano usage it meets
(``Usage``), automatic or not; the checker runs the same transformer and reports what it
recorded, so the report and the rewrite never disagree. All knowledge of names comes
from ``legacy_keras.renames``.

What it rewrites (Keras 1 -> Keras 3): import paths and renamed names; layer classes and
their arguments (positional ones included); Keras 1 defaults that Keras 3 changed
(LSTM/GRU's hard_sigmoid, GRU's reset_after, fit's 10 epochs, predict's silence,
optimizers' epsilon and learning rates); merge/Merge -> Concatenate/Add/...;
Model(input=, output=); fit_generator & co; history keys; layer weights and Theano shared
variables' get_value/set_value; K functions -> keras.ops; theano.shared/tensor ops.
What it cannot rewrite stays as written, with a ``# TODO(legacy-keras): ...`` comment
above the statement. Comments and formatting elsewhere are preserved (libcst).
"""
import libcst as cst
from libcst.helpers import get_full_name_for_node
from libcst.metadata import MetadataWrapper, PositionProvider, QualifiedNameProvider

from legacy_keras import renames as table
from legacy_keras.migrate import templates
from legacy_keras.migrate.arguments import (code_of, has_star_arguments, keyword_argument,
                                            literal_value, plan_arguments, fix_commas)
from legacy_keras.migrate.usages import TODO_MARK, Usage, todo_text
from legacy_keras.py2.translate import python3_source

MODEL_CONSTRUCTORS = {"keras.models.Sequential", "keras.models.Model",
                      "keras.engine.training.Model", "keras.engine.Model",
                      "keras.models.load_model", "keras.models.model_from_json",
                      "keras.models.model_from_yaml", "keras.models.model_from_config"}
MODEL_CLASSES = {"keras.models.Model", "keras.engine.training.Model", "keras.engine.Model",
                 "keras.engine.topology.Container", "keras.models.Container"}
LAYER_BASES = {"keras.engine.topology.Layer", "keras.layers.Layer", "keras.engine.Layer",
               "keras.layers.core.Layer"}
MERGE_MODES = {"sum": ("add", "Add"), "mul": ("multiply", "Multiply"),
               "ave": ("average", "Average"), "max": ("maximum", "Maximum"),
               "concat": ("concatenate", "Concatenate"), "dot": ("dot", "Dot"),
               "cos": ("dot", "Dot")}
HISTORY_KEYS = {rename.keras1: rename.keras3 for rename in table.HISTORY_KEYS}
WEIGHT_ATTRIBUTES = {rename.keras1: rename for rename in table.ATTRIBUTES
                     if rename.keras1 in ("W", "b", "running_mean", "running_std")}
METHOD_RENAMES = {rename.keras1: rename for rename in table.METHOD_RENAMES}
BACKEND = {function.keras1: function for function in table.BACKEND_FUNCTIONS}
THEANO = {function.keras1: function for function in table.THEANO}
MODULES = {rename.keras1: rename for rename in table.MODULES}
INITIALIZATIONS = {function.keras1: function for function in table.INITIALIZATIONS}
NAMES = {rename.keras1: rename for rename in table.NAMES}
STATEMENTS = (cst.SimpleStatementLine, cst.BaseCompoundStatement)


def migrate_source(source):
    """Rewrites Keras 1 source text; returns (new source, [Usage], unconsumed TODOs).
    Python 2 source is translated to Python 3 first (legacy_keras.py2); usages keep its
    line numbers."""
    source, original_line = python3_source(source)
    wrapper = MetadataWrapper(cst.parse_module(source))
    rewriter = Keras1Rewriter()
    module = wrapper.visit(rewriter)
    usages = rewriter.usages + rewriter.leftover_todos()
    return module.code, [usage._replace(line=original_line(usage.line)) for usage in usages]


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


class Keras1Rewriter(cst.CSTTransformer):
    """Rewrites Keras 1 code to Keras 3 and records each usage it meets."""

    METADATA_DEPENDENCIES = (PositionProvider, QualifiedNameProvider)

    def __init__(self):
        super().__init__()
        self.usages = []
        self.todo_stack = []
        self.todo_comments = {}  # line -> text of TODO(legacy-keras) comments in the input
        self.consumed_todo_lines = set()
        self.needs_keras = False
        self.needs_hard_sigmoid = False
        self.helpers = []  # names of renames.HELPERS the migrated script needs, in order
        self.channels_last_models = {}  # Sequential (code) -> rank of its Permuted region
        self.replaced_names = set()  # imported names whose calls now use a helper
        self.saved_weight_paths = set()  # literal paths passed to save_weights
        self.model_names = set()
        self.layer_names = set()
        self.weight_receivers = set()
        self.layer_class_depth = []
        self.star_import_modules = []
        self.import_depth = 0
        self.backend_aliases = set()
        self.statement_positions = []
        self.emptied_lines = set()
        self.sequential_layers = set()  # ids of the layer calls in model.add(...)
        self.tensor_names = set()  # module names holding Keras tensors
        self.numpy_names = set()  # names assigned from NumPy calls
        self.layer_class_aliases = {}  # RNN = recurrent.LSTM: name -> Keras 1 path
        self.tensor_readers = {}  # module function -> the tensor names it reads
        self.gradient_names = set()  # names assigned from K.gradients
        self.lambda_functions = set()  # functions given to Lambda layers
        self.function_names = []  # the enclosing defs
        self.pending_batch_shape = None
        self.pending_merge_branches = None  # Merge([model_a, model_b]) first in a Sequential
        self.first_added_layers = set()  # ids of the first layer added to each Sequential
        self.started_sequentials = set()
        self.merged_sequentials = set()  # Sequentials rewritten to Keras1MergedSequential
        self.helper_imports = set()  # helper modules spelled out in full (keras1_text.X)

    # -- recording ---------------------------------------------------------------------

    def position(self, node):
        """(line, column) of an input node; for a node the rewrite built, its statement's."""
        try:
            start = self.get_metadata(PositionProvider, node).start
        except KeyError:
            return self.statement_positions[-1] if self.statement_positions else (1, 0)
        return start.line, start.column

    def record(self, node, kind, keras1, keras3, automatic, note=""):
        line, column = self.position(node)
        self.usages.append(Usage(line, column, kind, keras1, keras3, automatic, note))
        if not automatic and self.todo_stack:
            self.todo_stack[-1].append(todo_text(keras1, keras3, note))

    def leftover_todos(self):
        """TODO(legacy-keras) comments already in the input that no usage re-raised."""
        return [Usage(line, 0, "todo", text.split(":", 1)[1].strip(), None, False, "")
                for line, text in sorted(self.todo_comments.items())
                if line not in self.consumed_todo_lines]

    # -- statements: TODO comments -------------------------------------------------------

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

    # -- name resolution -----------------------------------------------------------------

    def keras_name(self, node):
        """The qualified keras.* / theano.* name ``node`` refers to, if any."""
        names = self.get_metadata(QualifiedNameProvider, node, set())
        for qualified in sorted(names, key=lambda q: q.name):
            if qualified.name.split(".")[0] in ("keras", "theano"):
                return qualified.name
        if isinstance(node, cst.Name) and node.value in self.layer_class_aliases:
            return self.layer_class_aliases[node.value]
        if isinstance(node, cst.Name) and not names:
            for module in self.star_import_modules:
                if node.value in table.LAYERS or node.value in table.LAYER_ALIASES:
                    return module + "." + node.value
        return None

    def is_imported_module(self, node):
        names = self.get_metadata(QualifiedNameProvider, node, set())
        return any(q.source.name == "IMPORT" for q in names)

    # -- imports -------------------------------------------------------------------------

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
        return updated_node.with_changes(names=fix_alias_commas(kept))

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
            name = alias.name.value
            spelled = "from %s import %s" % (module, name)
            if module + "." + name in table.FUNCTION_HELPERS and alias.asname is None:
                self.use_function_helper(original, spelled, module + "." + name)
                continue
            new, rename = new_qualified_name(module + "." + name)
            if rename is None:
                groups.setdefault(module, []).append(alias)
                continue
            if new is None:
                if rename.automatic:  # merge / Merge: uses become keras.layers.X
                    self.record(original, "import", spelled, "(removed)", True,
                                "uses become keras.layers.*")
                    continue
                self.record(original, "import", spelled, None, False, rename.note)
                groups.setdefault(module, []).append(alias)
                continue
            if "." not in new:  # a whole module that is now a helper module
                local = alias.asname.name.value if alias.asname else name
                self.record(original, "import", spelled, "import %s as %s" % (new, local),
                            rename.automatic, rename.note)
                groups.setdefault(None, []).append(cst.ImportAlias(
                    name=cst.Name(new), asname=cst.AsName(name=cst.Name(local))))
                continue
            target_module, target_name = new.rsplit(".", 1)
            self.record(original, "import", spelled,
                        "from %s import %s" % (target_module, target_name), rename.automatic,
                        rename.note)
            if target_name != name:
                keep_local_name = alias.asname is None and rename in MODULES.values()
                alias = alias.with_changes(
                    name=cst.Name(target_name),
                    asname=cst.AsName(name=cst.Name(name)) if keep_local_name else alias.asname)
            groups.setdefault(target_module, []).append(alias)
        statements = [cst.Import(names=fix_alias_commas(aliases)) if target is None
                      else updated_node.with_changes(module=cst.parse_expression(target),
                                                     names=fix_alias_commas(aliases))
                      for target, aliases in groups.items()]
        if not statements:
            return cst.RemoveFromParent()
        if len(statements) == 1:
            return statements[0]
        return cst.FlattenSentinel(statements)  # one line each: leave_SimpleStatementLine

    def use_function_helper(self, original, spelled, dotted):
        """``from keras.engine.training import slice_X``: the import goes, the script
        gets a definition of Keras 1's function (renames.FUNCTION_HELPERS)."""
        helper, note = table.FUNCTION_HELPERS[dotted]
        self.need_helper(helper)
        self.record(original, "import", spelled, "%s (defined in the migrated script)"
                    % helper, True, note)

    # -- names and attributes ------------------------------------------------------------

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

    def visit_Attribute(self, node):
        if node.attr.value in ("get_value", "set_value") and isinstance(node.value,
                                                                         cst.Attribute):
            if node.value.attr.value in WEIGHT_ATTRIBUTES:
                self.weight_receivers.add(id(node.value))

    def leave_Attribute(self, original_node, updated_node):
        if self.import_depth:
            return updated_node
        attr = original_node.attr.value
        if attr in WEIGHT_ATTRIBUTES and (id(original_node) in self.weight_receivers
                                          or self.is_layer(original_node.value)):
            rename = WEIGHT_ATTRIBUTES[attr]
            self.record(original_node.attr, "attribute", "." + attr, "." + rename.keras3,
                        True, rename.note)
            return updated_node.with_changes(attr=cst.Name(rename.keras3))
        dotted = self.keras_name(original_node)
        if dotted is None:
            return updated_node
        if dotted.startswith("theano."):
            return self.rewrite_theano_attribute(original_node, updated_node, dotted)
        return self.rewrite_keras_attribute(original_node, updated_node, dotted)

    def rewrite_theano_attribute(self, original_node, updated_node, dotted):
        function = THEANO.get(dotted[len("theano."):])
        if function is not None and function.signature is None:
            self.record(original_node, "theano", dotted, function.keras3, True, function.note)
            self.needs_keras = True
            return cst.parse_expression(function.keras3)
        return updated_node

    def rewrite_keras_attribute(self, original_node, updated_node, dotted):
        new, rename = new_qualified_name(dotted)
        if rename is None or not new or new == dotted:
            return updated_node
        written = get_full_name_for_node(original_node)
        if written == dotted:  # keras.layers.core.Dense -> keras.layers.Dense
            self.record(original_node, "name", dotted, new, True, rename.note)
            if new.split(".")[0] != "keras":  # keras.preprocessing.text.X -> keras1_text.X
                self.helper_imports.add(new.split(".")[0])
            return cst.parse_expression(new)
        if new.rsplit(".", 1)[0] == dotted.rsplit(".", 1)[0]:  # layers.Convolution2D
            self.record(original_node, "name", dotted, new, True, rename.note)
            return updated_node.with_changes(attr=cst.Name(new.rsplit(".", 1)[1]))
        return updated_node

    # -- what holds models and layers ----------------------------------------------------

    def visit_Assign(self, node):
        self.note_layer_class_alias(node)
        if self.is_numpy_value(node.value):
            self.numpy_names.update(get_full_name_for_node(t.target) for t in node.targets)
        if isinstance(node.value, cst.Call):
            callee = self.keras_name(node.value.func) or ""
            targets = [get_full_name_for_node(t.target) for t in node.targets]
            if self.is_tensor_call(node.value, callee):
                self.tensor_names.update(t for t in targets if t)
            if callee == "keras.backend.gradients":
                self.gradient_names.update(t for t in targets if t)
            if callee in MODEL_CONSTRUCTORS:
                self.model_names.update(t for t in targets if t)
            elif callee.startswith("keras.layers") or self.is_layer(node.value):
                self.layer_names.update(t for t in targets if t)

    def note_layer_class_alias(self, node):
        """``RNN = recurrent.LSTM``: later ``RNN(...)`` calls construct an LSTM."""
        if isinstance(node.value, (cst.Name, cst.Attribute)) and len(node.targets) == 1 \
                and isinstance(node.targets[0].target, cst.Name):
            dotted = self.keras_name(node.value) or ""
            if dotted.startswith("keras.layers") and dotted.rsplit(".", 1)[-1] in table.LAYERS:
                self.layer_class_aliases[node.targets[0].target.value] = dotted

    def is_numpy_value(self, value):
        """Whether ``value`` calls a NumPy function (np.max(y) + 1, ...)."""
        found = []
        rewriter = self

        class FindNumpyCalls(cst.CSTVisitor):
            def visit_Call(self, call):
                names = rewriter.get_metadata(QualifiedNameProvider, call.func, set())
                found.extend(q for q in names if q.name.split(".")[0] == "numpy")

        value.visit(FindNumpyCalls())
        return bool(found)

    def is_tensor_call(self, call, callee):
        """Whether ``call`` gives a Keras tensor: Input(...), Layer(...)(x), layer(x)."""
        if callee.rsplit(".", 1)[-1] in ("Input", "merge") and callee.startswith("keras."):
            return True
        if isinstance(call.func, cst.Call):
            return (self.keras_name(call.func.func) or "").startswith("keras.layers")
        return isinstance(call.func, cst.Name) and call.func.value in self.layer_names

    def visit_Module(self, node):
        """What the rewrite needs to know before it reaches the code that uses it: the
        functions given to Lambda layers."""
        lambdas = self.lambda_functions

        class FindLambdas(cst.CSTVisitor):
            def visit_Call(self, call):
                name = get_full_name_for_node(call.func) or ""
                if name.rsplit(".", 1)[-1] == "Lambda" and call.args and isinstance(
                        call.args[0].value, cst.Name):
                    lambdas.add(call.args[0].value.value)

        node.visit(FindLambdas())

    def visit_FunctionDef(self, node):
        self.function_names.append(node.name.value)
        if not self.layer_class_depth and len(self.function_names) == 1:
            reads = NameUses()
            node.body.visit(reads)
            local = {p.name.value for p in node.params.params}
            tensors = sorted((reads.names & self.tensor_names) - local)
            if tensors:
                self.tensor_readers[node.name.value] = tensors

    def leave_Assign(self, original_node, updated_node):
        for target in original_node.targets:
            if (isinstance(target.target, cst.Attribute)
                    and target.target.attr.value == "trainable_weights"):
                rename = [r for r in table.ATTRIBUTES if r.keras1 == "trainable_weights"][0]
                self.record(target.target, "attribute", "trainable_weights = [...]", None,
                            False, rename.note)
        return updated_node

    def visit_For(self, node):
        iterated = node.iter
        if isinstance(iterated, cst.Attribute) and iterated.attr.value == "layers":
            name = get_full_name_for_node(node.target)
            if name:
                self.layer_names.add(name)

    def visit_ClassDef(self, node):
        bases = {self.keras_name(base.value) for base in node.bases}
        self.layer_class_depth.append(bool(bases & LAYER_BASES))

    def leave_ClassDef(self, original_node, updated_node):
        self.layer_class_depth.pop()
        return updated_node

    def in_layer_class(self):
        return bool(self.layer_class_depth) and self.layer_class_depth[-1]

    def need_helper(self, name):
        """Asks for a renames.HELPERS definition (and what it needs) in the script."""
        for required in table.HELPER_REQUIRES.get(name, []):
            self.need_helper(required)
        if name not in self.helpers:
            self.helpers.append(name)
        self.needs_keras = True

    def is_layer(self, node):
        """Whether ``node`` is known to hold a Keras layer."""
        if isinstance(node, cst.Name) and node.value == "self":
            return self.in_layer_class()
        if isinstance(node, cst.Subscript):
            value = node.value
            return isinstance(value, cst.Attribute) and value.attr.value == "layers"
        if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute):
            return node.func.attr.value == "get_layer"
        return get_full_name_for_node(node) in self.layer_names

    def is_model(self, node):
        """Whether ``node`` is known (or named) to hold a Keras model."""
        name = get_full_name_for_node(node) or ""
        return name in self.model_names or "model" in name.rsplit(".", 1)[-1].lower()

    # -- function definitions in custom layers -------------------------------------------

    def leave_FunctionDef(self, original_node, updated_node):
        self.function_names.pop()
        names = [param.name.value for param in updated_node.params.params]
        if not self.layer_class_depth and names[:1] == ["shape"] and "name" in names[1:2]:
            return self.with_dtype_parameter(original_node, updated_node)
        rename = METHOD_RENAMES.get(original_node.name.value)
        if rename is not None and rename.keras3 and self.in_layer_class():
            self.record(original_node.name, "method", "def " + rename.keras1,
                        "def " + rename.keras3, True, rename.note)
            return updated_node.with_changes(name=cst.Name(rename.keras3))
        return updated_node

    # -- subscripts: history keys --------------------------------------------------------

    def leave_Subscript(self, original_node, updated_node):
        if len(updated_node.slice) != 1:
            return updated_node
        index = updated_node.slice[0].slice
        if isinstance(index, cst.Index) and isinstance(index.value, cst.SimpleString):
            new_string = self.history_key(index.value, original_node)
            if new_string is not None:
                return updated_node.with_changes(slice=[updated_node.slice[0].with_changes(
                    slice=index.with_changes(value=new_string))])
        return updated_node

    def history_key(self, string, node):
        """'acc' -> 'accuracy' (the same quotes), recorded; None for other strings."""
        key = string.evaluated_value
        if key not in HISTORY_KEYS:
            return None
        new = HISTORY_KEYS[key]
        self.record(node, "history-key", repr(key), repr(new), True,
                    "Keras 3 names the metric as compile's metrics=['accuracy'] does")
        return string.with_changes(value=string.prefix + string.quote + new + string.quote)

    # -- comparisons: K.image_dim_ordering() == 'th' --------------------------------------

    def leave_Comparison(self, original_node, updated_node):
        operands = [original_node.left] + [c.comparator for c in original_node.comparisons]
        if not any(self.is_backend_call(o, "image_dim_ordering") for o in operands):
            return updated_node
        values = {"th": "channels_first", "tf": "channels_last"}

        def translate(node):
            if isinstance(node, cst.SimpleString) and node.evaluated_value in values:
                new = values[node.evaluated_value]
                return node.with_changes(value=node.prefix + node.quote + new + node.quote)
            return node

        return updated_node.with_changes(
            left=translate(updated_node.left),
            comparisons=[c.with_changes(comparator=translate(c.comparator))
                         for c in updated_node.comparisons])

    # -- 'th' Sequential models: channels_last layers between two Permutes ------------------

    def channels_last_sequential(self, original, statement, receiver, layer):
        """``model.add(Conv2D(..., data_format='channels_first', input_shape=s))`` ->
        ``model.add(Permute((2, 3, 1), input_shape=s))`` + the layer in channels_last;
        the first later layer that needs Keras 1's channels-first order (Flatten, Dense,
        ...) gets ``model.add(Permute((3, 1, 2)))`` before it, so Flatten orders the
        features as Keras 1's 'th' Flatten did (the Dense weights after it carry over).
        TensorFlow runs channels_first convolutions and pooling only on a GPU."""
        name = layer_name(layer)
        rank = self.channels_last_models.get(receiver)
        if is_channels_first(layer):
            rank_here = 3 if name.endswith("3D") else 2
            layer = without_keywords(layer, ("data_format",))
            statements = []
            if rank is None:
                shape = [arg for arg in layer.args if arg.keyword is not None
                         and arg.keyword.value in ("input_shape", "batch_input_shape")]
                layer = without_keywords(layer, ("input_shape", "batch_input_shape"))
                order = "(2, 3, 4, 1)" if rank_here == 3 else "(2, 3, 1)"
                permute = cst.parse_expression("keras.layers.Permute(%s)" % order)
                permute = permute.with_changes(args=fix_commas(list(permute.args) + shape, []))
                self.needs_keras = True
                self.record(original, "layer", "%s(dim_ordering='th') in a Sequential" % name,
                            "Permute(%s) + channels_last layers" % order, True,
                            "TensorFlow's CPU convolutions need channels_last; the data "
                            "stays channels first")
                comment = cst.EmptyLine(comment=cst.Comment(
                    "# Keras 1 'th' (channels-first) data -> channels_last layers"))
                statements.append(with_added_layer(statement, permute, [comment]))
                self.channels_last_models[receiver] = rank_here
                statement = statement.with_changes(leading_lines=[])
            statements.append(with_added_layer(statement, layer, None))
            return cst.FlattenSentinel(statements)
        if rank is None or name in CHANNELS_KEEPING_LAYERS:
            return statement
        if name == "BatchNormalization":
            axis = [arg for arg in layer.args if arg.keyword is not None
                    and arg.keyword.value == "axis"]
            if axis and literal_value(axis[0].value) == "1":
                self.record(original, "argument", "BatchNormalization(axis=1) after 'th' "
                            "layers", "BatchNormalization(axis=-1)", True,
                            "the channels are last between the Permutes")
                layer = layer.with_changes(args=[
                    arg.with_changes(value=cst.parse_expression("-1")) if arg is axis[0]
                    else arg for arg in layer.args])
                return with_added_layer(statement, layer, None)
        del self.channels_last_models[receiver]
        order = "(4, 1, 2, 3)" if rank == 3 else "(3, 1, 2)"
        self.record(original, "layer", "%s after 'th' layers" % name,
                    "Permute(%s) before it" % order, True,
                    "back to Keras 1's channels-first order (Flatten's feature order)")
        permute = cst.parse_expression("keras.layers.Permute(%s)" % order)
        comment = cst.EmptyLine(comment=cst.Comment(
            "# back to channels first, as Keras 1 'th' layers ordered the features"))
        return cst.FlattenSentinel([
            with_added_layer(statement, permute, list(statement.leading_lines) + [comment]),
            statement.with_changes(leading_lines=[])])

    def is_backend_call(self, node, name):
        return isinstance(node, cst.Call) and self.keras_name(node.func) == "keras.backend." + name

    # -- statements: Theano prints, TODO-only lines --------------------------------------

    def leave_SimpleStatementLine(self, original_node, updated_node):
        if not updated_node.body:  # every import on the line was removed
            placeholder = updated_node.with_changes(body=[cst.Pass()])
            self.emptied_lines.add(id(placeholder))
            return placeholder
        if len(updated_node.body) > len(original_node.body):  # a split import
            return cst.FlattenSentinel([updated_node.with_changes(
                body=[statement.with_changes(semicolon=cst.MaybeSentinel.DEFAULT)],
                leading_lines=updated_node.leading_lines if index == 0 else [])
                for index, statement in enumerate(updated_node.body)])
        added = sequential_add(updated_node)
        if added is not None and self.pending_merge_branches is not None:
            return self.with_merged_branches(original_node, updated_node, added[0])
        if added is not None:
            result = self.channels_last_sequential(original_node, updated_node, *added)
            return self.with_batch_input(result, added[0])
        if len(original_node.body) != 1 or not isinstance(original_node.body[0], cst.Expr):
            return updated_node
        call = original_node.body[0].value
        if not isinstance(call, cst.Call):
            return updated_node
        dotted = self.keras_name(call.func) or ""
        if dotted[len("theano."):] not in table.THEANO_COMMENTED_OUT:
            return updated_node
        function = THEANO[dotted[len("theano."):]]
        written = code_of(original_node.body[0].value)
        note = function.note.split("; migrate")[0]
        self.todo_stack[-1] = [t for t in self.todo_stack[-1] if dotted not in t]
        comments = [todo_text(dotted, None, note), "# " + written]
        lines = list(updated_node.leading_lines)
        for text in comments:
            lines.append(cst.EmptyLine(comment=cst.Comment(text)))
        return cst.SimpleStatementLine(body=[cst.Pass()], leading_lines=lines,
                                       trailing_whitespace=updated_node.trailing_whitespace)

    # -- calls ---------------------------------------------------------------------------

    def visit_Call(self, node):
        func = node.func
        if isinstance(func, cst.Attribute) and func.attr.value in ("get_value", "set_value"):
            if isinstance(func.value, cst.Attribute) and func.value.attr.value in WEIGHT_ATTRIBUTES:
                self.weight_receivers.add(id(func.value))

    def leave_Call(self, original_node, updated_node):
        if isinstance(original_node.func, cst.Call):  # Dense(3)(x), K.function(...)(...)
            return updated_node
        dotted = self.keras_name(original_node.func)
        if dotted is not None:
            return self.rewrite_keras_call(original_node, updated_node, dotted)
        if isinstance(original_node.func, cst.Attribute):
            return self.rewrite_method_call(original_node, updated_node)
        return updated_node

    def rewrite_keras_call(self, original, updated, dotted):
        module, _, name = dotted.rpartition(".")
        if dotted.startswith("theano."):
            return self.rewrite_theano_call(original, updated, dotted)
        if module == "keras.backend" or dotted.startswith("keras.backend."):
            return self.rewrite_backend_call(original, updated, name)
        if module == "keras.initializations" and name in INITIALIZATIONS:
            return self.rewrite_initialization_call(original, updated, name)
        if dotted in MODEL_CLASSES:
            return self.rewrite_model_call(original, updated, name)
        if module.startswith("keras.optimizers") or module == "keras.optimizers":
            return self.rewrite_optimizer_call(original, updated, name)
        if name in ("merge", "Merge") and (module.startswith("keras.layers")
                                           or module.startswith("keras.engine")
                                           or module == "keras.models"):
            return self.rewrite_merge_call(original, updated, name)
        if module.startswith("keras.layers") or module.startswith("keras.engine"):
            return self.rewrite_layer_call(original, updated, name)
        new, _ = new_qualified_name(dotted)
        arguments = table.FUNCTION_ARGUMENTS.get(new or "")
        if arguments:
            return self.apply_plan(original, updated, "", "", arguments, dotted, new)
        if isinstance(original.func, cst.Attribute):
            return self.rewrite_method_call(original, updated)
        return updated

    # layers

    def keras1_class(self, name, call):
        """The Keras 1 class a call constructs, or None when it is written as Keras 3."""
        if name in table.LAYER_ALIASES:
            keras1 = table.LAYER_ALIASES[name]
            return keras1 if self.written_as_keras1(keras1, call) else None
        return name if name in table.LAYERS else None

    def written_as_keras1(self, keras1, call):
        """Conv2D(32, 3, 3) or Conv2D(..., border_mode=...) is Keras 1; Conv2D(32, (3, 3))
        is Keras 3."""
        _, renames = table.LAYERS[keras1]
        keras1_names = set()
        grouped_end = 0
        params = table.LAYER_SIGNATURES[keras1].split()
        for rename in renames + table.BASE_ARGUMENTS:
            if isinstance(rename.keras1, tuple):
                keras1_names.update(rename.keras1)
                grouped_end = max(grouped_end, max(params.index(n) for n in rename.keras1
                                                   if n in params) + 1)
            elif rename.keras3 != rename.keras1:
                keras1_names.add(rename.keras1)
        keywords = {arg.keyword.value for arg in call.args if arg.keyword is not None}
        positional = [arg for arg in call.args if arg.keyword is None and not arg.star]
        return bool(keywords & keras1_names) or (grouped_end > 2
                                                 and len(positional) >= grouped_end)

    def visit_SimpleStatementLine(self, node):
        added = sequential_add(node)
        if added is not None:
            self.sequential_layers.add(id(added[1]))
            if added[0] in self.model_names and added[0] not in self.started_sequentials:
                self.first_added_layers.add(id(added[1]))
            self.started_sequentials.add(added[0])

    def take_batch_input_shape(self, original, updated):
        """A Sequential's layer with batch_input_shape=s: the argument goes, and the
        model starts with keras.Input(batch_shape=s) (Keras 3 layers do not take it)."""
        index = [i for i, arg in enumerate(original.args) if arg.keyword is not None
                 and arg.keyword.value == "batch_input_shape"]
        if not index or id(original) not in self.sequential_layers:
            return original, updated
        self.pending_batch_shape = updated.args[index[0]].value
        self.record(original.args[index[0]], "argument", "batch_input_shape=...",
                    "keras.Input(batch_shape=...) first", True,
                    "the Sequential model starts with keras.Input(batch_shape=...)")
        keep = [i for i in range(len(original.args)) if i != index[0]]
        return (original.with_changes(args=fix_commas([original.args[i] for i in keep],
                                                      original.args)),
                updated.with_changes(args=fix_commas([updated.args[i] for i in keep],
                                                     updated.args)))

    def with_batch_input(self, result, receiver):
        """``receiver.add(keras.Input(batch_shape=...))`` before the statement(s) of a
        layer that had batch_input_shape."""
        if self.pending_batch_shape is None:
            return result
        statements = list(result.nodes) if isinstance(result, cst.FlattenSentinel) else [result]
        first = statements[0]
        add = cst.parse_statement("%s.add(keras.Input(batch_shape=%s))\n"
                                  % (receiver, code_of(self.pending_batch_shape)))
        self.pending_batch_shape = None
        self.needs_keras = True
        return cst.FlattenSentinel([add.with_changes(leading_lines=first.leading_lines),
                                    first.with_changes(leading_lines=[])] + statements[1:])

    def rewrite_layer_call(self, original, updated, name):
        keras1 = self.keras1_class(name, original)
        if keras1 is None:
            return updated
        original, updated = self.take_batch_input_shape(original, updated)
        keras3, renames = table.LAYERS[keras1]
        if keras3 is None:
            note = renames[0].note if renames else ""
            self.record(original.func, "layer", keras1, None, False, note)
            return updated
        params = table.LAYER_SIGNATURES.get(keras1, "").split()
        keras3_params = table.KERAS3_SIGNATURES.get(keras3, "").split()
        keywords = {arg.keyword.value for arg in original.args if arg.keyword is not None}
        for (helper_class, argument), (helper, note) in table.LAYER_HELPERS.items():
            if helper_class == keras1 and (argument is None or argument in keywords):
                self.need_helper(helper)
                self.record(original.func, "layer", keras1 if argument is None
                            else "%s(%s=...)" % (keras1, argument), helper, True, note)
                if isinstance(original.func, cst.Name):
                    self.replaced_names.add(original.func.value)
                updated = updated.with_changes(func=cst.Name(helper))
        result = self.apply_plan(original, updated, params, keras3_params,
                                 renames + table.BASE_ARGUMENTS, keras1, keras3)
        result = self.python_int_arguments(result, keras3_params)
        return self.add_defaults(original, result, table.LAYER_DEFAULTS.get(keras1, []),
                                 keras1, renames)

    def python_int_arguments(self, call, keras3_params):
        """Sizes computed with NumPy (``nb_classes = np.max(y) + 1``) wrapped in int():
        Keras 3 layers refuse NumPy integers where Keras 1 took them."""
        args = []
        for index, arg in enumerate(call.args):
            name = arg.keyword.value if arg.keyword is not None else (
                keras3_params[index] if index < len(keras3_params) and not arg.star else None)
            if (name in table.INT_ARGUMENTS and isinstance(arg.value, cst.Name)
                    and arg.value.value in self.numpy_names):
                self.record(arg, "argument", "%s=%s" % (name, arg.value.value),
                            "%s=int(%s)" % (name, arg.value.value), True,
                            "Keras 3 layers take Python ints (a NumPy integer is refused)")
                arg = arg.with_changes(value=cst.Call(func=cst.Name("int"),
                                                      args=[cst.Arg(value=arg.value)]))
            args.append(arg)
        return call.with_changes(args=args)

    def apply_plan(self, original, updated, params, keras3_params, renames, label1, label3):
        if isinstance(params, str):
            params = params.split()
        plan = plan_arguments(original, updated, params, keras3_params, renames, label1, label3)
        for change in plan.changes:
            self.record(change.node, "argument", change.keras1, change.keras3,
                        change.automatic, change.note)
        if plan.needs_hard_sigmoid:
            self.needs_hard_sigmoid = self.needs_keras = True
        return updated.with_changes(args=plan.build_args(updated.args))

    def add_defaults(self, original, call, defaults, label, renames):
        """Writes out Keras 1 defaults that Keras 3 changed, unless the call sets them."""
        if not defaults:
            return call
        present = {arg.keyword.value for arg in call.args if arg.keyword is not None}
        args = list(call.args)
        for default in defaults:
            if default.keras3 in present:
                continue
            if has_star_arguments(call):
                self.record(original, "default", "%s(**...)" % label, default.keras3, False,
                            "Keras 1's default for %s: %s (%s)" % (default.keras3,
                                                                   default.value, default.note))
                continue
            if default.value == table.HARD_SIGMOID:
                self.needs_hard_sigmoid = self.needs_keras = True
            self.record(original, "default", "%s(...)" % label,
                        "%s=%s" % (default.keras3, default.value), True, default.note)
            args.append(keyword_argument(default.keras3, cst.parse_expression(default.value)))
        return call.with_changes(args=fix_commas(args, call.args))

    def rewrite_merge_call(self, original, updated, name):
        """merge([a, b], mode='concat', concat_axis=1) -> keras.layers.concatenate([a, b],
        axis=1); Merge(mode='sum') -> keras.layers.Add()."""
        params = table.LAYER_SIGNATURES["Merge"].split()
        if name == "merge":
            params = ["inputs"] + params[1:]
        bound = {}
        for index, arg in enumerate(original.args):
            key = arg.keyword.value if arg.keyword else (params[index] if index < len(params)
                                                         else None)
            bound[key] = (arg, updated.args[index])
        mode = bound.get("mode")
        mode_value = literal_value(mode[0].value) if mode else "sum"
        if name == "Merge" and "layers" in bound and self.takes_merged_branches(
                original, bound["layers"][0].value):
            self.pending_merge_branches = bound.pop("layers")[1].value
        unsupported = [k for k in bound if k not in ("inputs", "mode", "concat_axis",
                                                     "dot_axes", "name")]
        if mode_value not in MERGE_MODES or unsupported or None in bound:
            reason = ("mode=%s" % code_of(mode[0].value) if mode_value not in MERGE_MODES
                      else "argument(s) %s" % ", ".join(str(k) for k in unsupported))
            self.record(original.func, "layer", name, None, False,
                        "%s: %s" % (reason, NAMES["keras.layers.merge"].note))
            return updated
        function, layer = MERGE_MODES[mode_value]
        args = []
        if name == "merge":
            args.append(bound["inputs"][1].with_changes(keyword=None, equal=cst.MaybeSentinel.DEFAULT))
        if mode_value == "concat" and "concat_axis" in bound:
            args.append(keyword_argument("axis", bound["concat_axis"][1].value))
        if mode_value in ("dot", "cos"):
            axes = bound["dot_axes"][1].value if "dot_axes" in bound else cst.parse_expression("-1")
            args.append(keyword_argument("axes", axes))
            if mode_value == "cos":
                args.append(keyword_argument("normalize", cst.Name("True")))
        if "name" in bound:
            args.append(keyword_argument("name", bound["name"][1].value))
        new_callee = "keras.layers." + (function if name == "merge" else layer)
        self.needs_keras = True
        self.record(original.func, "layer", "%s(mode=%r)" % (name, mode_value), new_callee,
                    True, NAMES["keras.layers.merge"].note)
        return updated.with_changes(func=cst.parse_expression(new_callee),
                                    args=fix_commas(args, updated.args))

    def takes_merged_branches(self, call, branches):
        """Whether ``call`` is ``Merge([model_a, model_b], ...)`` added first to a
        Sequential (which then becomes a Keras1MergedSequential), no branch being itself
        such a model (Keras 1 flattened and de-duplicated their inputs: the functional
        API, by hand)."""
        if id(call) not in self.sequential_layers or id(call) not in self.first_added_layers:
            return False
        names = {get_full_name_for_node(e.value) for e in getattr(branches, "elements", [])}
        return isinstance(branches, cst.List) and not names & self.merged_sequentials

    def with_merged_branches(self, original, statement, receiver):
        """``model.add(Merge([a, b], mode='sum'))`` -> ``model = Keras1MergedSequential([a,
        b], keras.layers.Add())``: Keras 3's Sequential takes one input."""
        branches, self.pending_merge_branches = self.pending_merge_branches, None
        self.merged_sequentials.add(receiver)
        merge = statement.body[0].value.args[0].value
        self.need_helper("Keras1MergedSequential")
        self.record(original, "layer", "Sequential starting with Merge([...])",
                    "Keras1MergedSequential([...], merge layer)", True,
                    table.MERGED_SEQUENTIAL_NOTE)
        new = cst.parse_statement("%s = Keras1MergedSequential(%s, %s)\n" % (
            receiver, code_of(branches), code_of(merge)))
        return new.with_changes(leading_lines=statement.leading_lines)

    def rewrite_model_call(self, original, updated, name):
        params, keras3_params = table.METHOD_SIGNATURES["Model"]
        return self.apply_plan(original, updated, params, keras3_params.split(),
                               table.METHOD_ARGUMENTS["Model"], name, name)

    # optimizers

    def rewrite_optimizer_call(self, original, updated, name):
        keras1 = table.OPTIMIZER_ALIASES.get(name, name)
        if keras1 not in table.OPTIMIZERS:
            return updated
        keras3, params, keras3_params, defaults = table.OPTIMIZERS[keras1]
        plan = plan_arguments(original, updated, params.split(), keras3_params.split(),
                              [r for r in table.OPTIMIZER_ARGUMENTS if r.keras1 == "lr"],
                              keras1, keras3)
        for change in plan.changes:
            self.record(change.node, "optimizer", change.keras1, change.keras3,
                        change.automatic, change.note)
        plan.entries = self.fold_decay(original, keras1, plan.entries)
        args = plan.build_args(updated.args)
        if keras3 in table.HELPERS:
            self.need_helper(keras3)
            self.record(original.func, "optimizer", keras1, keras3, True,
                        "%s (defined in the migrated script) updates as Keras 1's %s did"
                        % (keras3, keras1))
            if isinstance(original.func, cst.Name):
                self.replaced_names.add(original.func.value)
            updated = updated.with_changes(func=cst.Name(keras3))
        present = {arg.keyword.value for arg in args if arg.keyword is not None}
        present.update(keras3_params.split()[:len([a for a in args if a.keyword is None])])
        added = []
        if not has_star_arguments(updated):
            for argument, value in defaults.items():
                if argument not in present:
                    added.append("%s=%s" % (argument, value))
                    args.append(keyword_argument(argument, cst.parse_expression(value)))
        if added:
            self.record(original, "optimizer", "%s()" % keras1,
                        "%s(%s)" % (keras3, ", ".join(added)), True,
                        table.OPTIMIZER_DEFAULTS_NOTE)
        return updated.with_changes(args=fix_commas(args, updated.args))

    def fold_decay(self, original, keras1, entries):
        """decay=d -> learning_rate=InverseTimeDecay(lr, decay_steps=1, decay_rate=d)."""
        decay = [e for e in entries if e[0] == "decay"]
        if not decay:
            return entries
        decay_value = decay[0][1]
        rename = [r for r in table.OPTIMIZER_ARGUMENTS if r.keras1 == "decay"][0]
        entries = [e for e in entries if e[0] != "decay"]
        node = decay[0][3] or original
        if literal_value(decay_value) in ("0", "0.0", "0."):
            self.record(node, "optimizer", "decay=0", "(dropped)", True, "no decay")
            return entries
        learning_rate = [e for e in entries if e[0] == "learning_rate"]
        rate = learning_rate[0][1] if learning_rate else cst.parse_expression(
            table.OPTIMIZER_LEARNING_RATES[keras1])
        schedule = cst.Call(func=cst.parse_expression(
            "keras.optimizers.schedules.InverseTimeDecay"), args=fix_commas([
                cst.Arg(rate), keyword_argument("decay_steps", cst.Integer("1")),
                keyword_argument("decay_rate", decay_value)], []))
        self.needs_keras = True
        self.record(node, "optimizer", "decay=%s" % code_of(decay_value),
                    "learning_rate=InverseTimeDecay(...)", True, rename.note)
        if learning_rate:
            return [(name, schedule, positional, arg) if name == "learning_rate"
                    else (name, value, positional, arg)
                    for name, value, positional, arg in entries]
        return entries + [("learning_rate", schedule, False, None)]

    # backend and Theano functions

    def rewrite_backend_call(self, original, updated, name):
        function = BACKEND.get(name)
        if name == "gradients":
            function = function._replace(note=self.gradients_note(original))
        if function is None:
            self.record(original.func, "backend", "K." + name, None, False,
                        "not in legacy_keras' table: find the keras.ops equivalent")
            return updated
        return self.expand_function(original, updated, function, "K." + name, "backend")

    def gradients_note(self, call):
        """What a K.gradients TODO asks the user to decide."""
        inside = [f for f in self.function_names if f in self.lambda_functions]
        reads = NameUses()
        call.visit(reads)
        if inside:
            return table.GRADIENT_IN_MODEL_NOTE % inside[-1]
        if reads.names & self.gradient_names:
            return table.GRADIENT_OF_GRADIENT_NOTE % ", ".join(
                sorted(reads.names & self.gradient_names))
        return table.GRADIENTS_NOTE

    def rewrite_theano_call(self, original, updated, dotted):
        function = THEANO.get(dotted[len("theano."):])
        if function is None:
            self.record(original.func, "theano", dotted, None, False,
                        "no Keras 3 equivalent in legacy_keras' table")
            return updated
        if function.signature is None:
            return updated
        return self.expand_function(original, updated, function, dotted, "theano")

    def expand_function(self, original, updated, function, label, kind):
        if function.keras3 is None:
            self.record(original.func, kind, label, None, False, function.note)
            return updated
        if function.keras1 == "set_image_dim_ordering":
            updated = self.translate_first_literal(updated, "dim_ordering")
        expression, problem = templates.expand(function.keras3, function.signature, updated)
        if expression is None:
            self.record(original.func, kind, label, function.keras3, False,
                        problem + (": " + function.note if function.note else ""))
            return updated
        self.needs_keras = True
        for name in templates.template_names(function.keras3) & set(table.HELPERS):
            self.need_helper(name)
        self.record(original.func, kind, label, function.keras3.split("(")[0] + "(...)"
                    if "(" in function.keras3 else function.keras3, True, function.note)
        return expression

    def rewrite_initialization_call(self, original, updated, name):
        """normal(shape, scale=0.01, name=name) -> keras.initializers.RandomNormal(
        stddev=0.01)(shape): the Keras 3 initializer called on the shape."""
        function = INITIALIZATIONS[name]
        params = templates.parse_signature(function.signature).names
        keep = [i for i, arg in enumerate(updated.args)
                if (arg.keyword.value if arg.keyword else params[min(i, len(params) - 1)])
                not in ("name", "dim_ordering")]
        call = updated.with_changes(args=fix_commas([updated.args[i] for i in keep],
                                                    updated.args))
        expression, problem = templates.expand(function.keras3 + "(shape)",
                                               function.signature, call)
        if expression is None:
            self.record(original.func, "initializer", "initializations." + name, None,
                        False, problem)
            return updated
        self.needs_keras = True
        if isinstance(original.func, cst.Name):
            self.replaced_names.add(original.func.value)
        self.record(original.func, "initializer", "initializations." + name,
                    function.keras3.split("(")[0] + "(...)(shape)", True,
                    (function.note + "; " if function.note else "")
                    + table.INITIALIZATIONS_NOTE)
        return expression

    def leave_Lambda(self, original_node, updated_node):
        """``lambda shape, name: normal(shape, ...)`` (once rewritten: ``Init(...)(shape)``)
        -> ``Init(...)``; another Keras 1 initializer lambda gets Keras 3's dtype=."""
        names = [param.name.value for param in updated_node.params.params]
        if names[:1] != ["shape"] or "name" not in names:
            return updated_node
        body = updated_node.body
        if (isinstance(body, cst.Call) and isinstance(body.func, cst.Call) and len(body.args) == 1
                and isinstance(body.args[0].value, cst.Name)
                and body.args[0].value.value == "shape"):
            return body.func
        return self.with_dtype_parameter(original_node, updated_node)

    def with_dtype_parameter(self, original, function):
        """A Keras 1 initializer ``f(shape, name=None)``: Keras 3 calls f(shape, dtype=...)."""
        params = function.params
        if "dtype" in [p.name.value for p in params.params] or params.star_kwarg:
            return function
        self.record(original, "initializer", "(shape, name)", "(shape, name=None, dtype=None)",
                    True, table.INITIALIZATIONS_NOTE)
        none = cst.Name("None")
        new = [p if p.default is not None or p.name.value != "name"
               else p.with_changes(default=none, equal=cst.AssignEqual(
                   whitespace_before=cst.SimpleWhitespace(""),
                   whitespace_after=cst.SimpleWhitespace("")))
               for p in params.params]
        new.append(cst.Param(name=cst.Name("dtype"), default=none, equal=cst.AssignEqual(
            whitespace_before=cst.SimpleWhitespace(""), whitespace_after=cst.SimpleWhitespace(""))))
        new = [p.with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")))
               if i < len(new) - 1 else p.with_changes(comma=cst.MaybeSentinel.DEFAULT)
               for i, p in enumerate(new)]
        return function.with_changes(params=params.with_changes(params=new))

    def translate_first_literal(self, call, argument):
        if not call.args or not isinstance(call.args[0].value, cst.SimpleString):
            return call
        string = call.args[0].value
        new = table.ARGUMENT_VALUES[argument].get(string.evaluated_value)
        if not new or new == table.DROP:
            return call
        return call.with_changes(args=[call.args[0].with_changes(
            value=cst.parse_expression(new))] + list(call.args[1:]))

    # methods

    def rewrite_method_call(self, original, updated):
        method = original.func.attr.value
        receiver = original.func.value
        if self.is_imported_module(receiver) and not self.keras_name(receiver):
            return updated  # re.compile, np.save, ...
        if method in ("get_value", "set_value"):
            return self.rewrite_shared_variable_call(original, updated, method)
        if method == "get" and original.args:
            return self.rewrite_logs_get(original, updated)
        if method in table.METHOD_HELPERS and self.is_model(receiver):
            return self.rewrite_method_helper(original, updated, method)
        renamed = METHOD_RENAMES.get(method)
        if renamed is not None and method != "get_output_shape_for":
            if method in ("predict_proba", "reset_states") and not self.is_model(receiver):
                return updated
            if renamed.keras3 is None:
                self.record(original.func.attr, "method", "." + method, None, False,
                            renamed.note)
                return updated
            self.record(original.func.attr, "method", "." + method, "." + renamed.keras3,
                        True, renamed.note)
            updated = updated.with_changes(func=updated.func.with_changes(
                attr=cst.Name(renamed.keras3)))
        elif method == "get_output_shape_for" and self.in_layer_class():
            self.record(original.func.attr, "method", "." + method, ".compute_output_shape",
                        True, renamed.note)
            return updated.with_changes(func=updated.func.with_changes(
                attr=cst.Name("compute_output_shape")))
        if method in table.METHOD_ARGUMENTS:
            updated = self.rewrite_method_arguments(original, updated, method)
        return self.rewrite_history_keywords(updated)

    def generator_flow(self, original, method):
        """For ``fit_generator(datagen.flow(..., batch_size=b), ...)`` (and the other
        *_generator methods): (the flow's batch size node, the flow call); else None."""
        if not method.endswith("_generator") or not original.args:
            return None
        first = original.args[0]
        if first.keyword is not None and first.keyword.value != "generator":
            return None
        flow = first.value
        if not (isinstance(flow, cst.Call) and isinstance(flow.func, cst.Attribute)
                and flow.func.attr.value in table.FLOW_BATCH_SIZE_POSITION):
            return None
        position = table.FLOW_BATCH_SIZE_POSITION[flow.func.attr.value]
        batch_size = cst.Integer("32")  # Keras 1's default for flow and flow_from_directory
        for index, arg in enumerate(flow.args):
            if (arg.keyword is not None and arg.keyword.value == "batch_size") or (
                    arg.keyword is None and index == position):
                batch_size = arg.value
        return batch_size, flow

    def count_batches(self, call, batch_size, flow):
        """The flow wrapped in keras1_batches (Keras 3's fit takes generators, not Keras 1
        iterators); steps_per_epoch / steps = ceil(samples / batch size)."""
        self.need_helper("keras1_batches")
        self.record(flow, "method", ".%s(...)" % flow.func.attr.value,
                    "keras1_batches(.%s(...))" % flow.func.attr.value, True,
                    table.HELPERS["keras1_batches"].split('"""')[1].replace("\n    ", " "))
        args = []
        for index, arg in enumerate(call.args):
            if index == 0:
                arg = arg.with_changes(value=cst.Call(func=cst.Name("keras1_batches"),
                                                      args=[cst.Arg(value=arg.value)]))
            elif arg.keyword is not None and arg.keyword.value in ("steps_per_epoch", "steps"):
                samples = code_of(arg.value)
                if not isinstance(arg.value, templates.ATOMS):
                    samples = "(%s)" % samples
                size = code_of(batch_size)
                arg = arg.with_changes(value=cst.parse_expression(
                    "(%s + %s - 1) // %s" % (samples, size, size)))
            args.append(arg)
        return call.with_changes(args=args)

    def rewrite_method_helper(self, original, updated, method):
        """model.predict_classes(x, ...) -> keras1_predict_classes(model, x, ...) (the
        Keras 1 methods Keras 3 removed: renames.METHOD_HELPERS)."""
        helper, note = table.METHOD_HELPERS[method]
        self.need_helper(helper)
        self.record(original.func.attr, "method", "." + method, "%s(model, ...)" % helper,
                    True, note)
        receiver = cst.Arg(value=updated.func.value)
        return updated.with_changes(func=cst.Name(helper),
                                    args=fix_commas([receiver] + list(updated.args),
                                                    updated.args))

    def rewrite_method_arguments(self, original, updated, method):
        params, keras3_params = table.METHOD_SIGNATURES[method]
        renames = [r for r in table.METHOD_ARGUMENTS[method] if r.keras1 != r.keras3]
        label3 = METHOD_RENAMES[method].keras3 if method in METHOD_RENAMES else method
        flow = self.generator_flow(original, method)
        if flow is not None:  # a known batch size: sample counts become batch counts
            renames = [table.COUNTED_ARGUMENTS.get(r.keras1, r) for r in renames]
        updated = self.apply_plan(original, updated, params, keras3_params.split(), renames,
                                  "." + method, "." + label3)
        if flow is not None:
            updated = self.count_batches(updated, *flow)
        if method == "compile":
            updated = self.rewrite_compile(original, updated)
        if method in ("save_weights", "load_weights"):
            updated = self.rewrite_weights_path(original, updated, method)
        if method == "fit" and self.is_model(original.func.value):
            updated = self.add_method_default(original, updated, "fit", "epochs", "10", 3,
                                              "Keras 1 trained 10 epochs by default")
        if method == "predict" and self.is_model(original.func.value):
            updated = self.add_method_default(original, updated, "predict", "verbose", "0", 2,
                                              "Keras 1's predict printed no progress bar")
        return updated

    def add_method_default(self, original, call, method, argument, value, position, note):
        keywords = {arg.keyword.value for arg in call.args if arg.keyword is not None}
        positional = [arg for arg in call.args if arg.keyword is None]
        if argument in keywords or len(positional) > position or has_star_arguments(call):
            return call
        self.record(original, "default", ".%s(...)" % method, "%s=%s" % (argument, value),
                    True, note)
        args = list(call.args) + [keyword_argument(argument, cst.parse_expression(value))]
        return call.with_changes(args=fix_commas(args, call.args))

    def rewrite_compile(self, original, updated):
        """compile('adam') -> compile(keras.optimizers.Adam(learning_rate=..., epsilon=1e-8));
        metrics=['acc'] -> ['accuracy']."""
        args = []
        for index, arg in enumerate(updated.args):
            is_loss = (arg.keyword is None and index == 1) or (
                arg.keyword is not None and arg.keyword.value == "loss")
            if is_loss and isinstance(arg.value, cst.Name) and (
                    arg.value.value in self.tensor_readers):
                self.record(original.args[index], "argument", "loss=" + arg.value.value,
                            None, False, table.LOSS_READS_TENSORS_NOTE % (
                                arg.value.value, ", ".join(self.tensor_readers[arg.value.value])))
            is_optimizer = (arg.keyword is None and index == 0) or (
                arg.keyword is not None and arg.keyword.value == "optimizer")
            is_metrics = arg.keyword is not None and arg.keyword.value == "metrics"
            if is_optimizer and isinstance(arg.value, cst.SimpleString):
                arg = arg.with_changes(value=self.optimizer_object(original.args[index],
                                                                   arg.value))
            if is_metrics and isinstance(arg.value, cst.List):
                arg = arg.with_changes(value=self.rename_metric_list(arg.value, original))
            args.append(arg)
        return updated.with_changes(args=args)

    def optimizer_object(self, original_arg, string):
        keras1 = table.OPTIMIZER_ALIASES.get(string.evaluated_value)
        if keras1 is not None and table.OPTIMIZERS[keras1][0] in table.HELPERS:
            helper = table.OPTIMIZERS[keras1][0]
            self.need_helper(helper)
            self.record(original_arg, "optimizer", repr(string.evaluated_value), helper + "()",
                        True, "%s (defined in the migrated script) updates as Keras 1's %s "
                        "did" % (helper, keras1))
            return cst.parse_expression(helper + "()")
        if keras1 is None or not table.OPTIMIZERS[keras1][3]:
            return string
        keras3, _, _, defaults = table.OPTIMIZERS[keras1]
        code = "keras.optimizers.%s(%s)" % (keras3, ", ".join(
            "%s=%s" % item for item in defaults.items()))
        self.needs_keras = True
        self.record(original_arg, "optimizer", repr(string.evaluated_value), code, True,
                    table.OPTIMIZER_DEFAULTS_NOTE)
        return cst.parse_expression(code)

    def rename_metric_list(self, metrics, original):
        elements = []
        for element in metrics.elements:
            value = element.value
            if isinstance(value, cst.SimpleString) and value.evaluated_value == "acc":
                self.record(original, "history-key", "metrics=['acc']", "metrics=['accuracy']",
                            True, "history keys follow: 'acc' -> 'accuracy'")
                value = value.with_changes(value=value.prefix + value.quote + "accuracy"
                                           + value.quote)
            elements.append(element.with_changes(value=value))
        return metrics.with_changes(elements=elements)

    def rewrite_weights_path(self, original, updated, method):
        if not updated.args or not isinstance(updated.args[0].value, cst.SimpleString):
            return updated
        string = updated.args[0].value
        path = string.evaluated_value
        if method == "save_weights":
            self.saved_weight_paths.add(path)
        elif path not in self.saved_weight_paths:
            return updated  # written by ModelCheckpoint / Keras 1: Keras 3 reads .h5 files
        for suffix in (".h5", ".hdf5"):
            if path.endswith(suffix) and not path.endswith(".weights.h5"):
                new = path[:-len(suffix)] + ".weights.h5"
                note = table.METHOD_ARGUMENTS[method][0].note
                self.record(original.args[0], "method", "%s(%r)" % (method, path),
                            "%s(%r)" % (method, new), True, note)
                new_string = string.with_changes(value=string.prefix + string.quote + new
                                                 + string.quote)
                return updated.with_changes(args=[updated.args[0].with_changes(
                    value=new_string)] + list(updated.args[1:]))
        return updated

    def rewrite_history_keywords(self, call):
        """monitor='val_acc' (callbacks) -> monitor='val_accuracy'."""
        args = []
        for arg in call.args:
            if (arg.keyword is not None and arg.keyword.value == "monitor"
                    and isinstance(arg.value, cst.SimpleString)):
                new_string = self.history_key(arg.value, arg)
                if new_string is not None:
                    arg = arg.with_changes(value=new_string)
            args.append(arg)
        return call.with_changes(args=args)

    def rewrite_logs_get(self, original, updated):
        first = updated.args[0]
        if isinstance(first.value, cst.SimpleString) and first.keyword is None:
            new_string = self.history_key(first.value, original.args[0])
            if new_string is not None:
                return updated.with_changes(args=[first.with_changes(value=new_string)]
                                            + list(updated.args[1:]))
        return updated

    def rewrite_shared_variable_call(self, original, updated, method):
        """x.get_value(borrow=True) -> x.numpy(); x.set_value(v) -> x.assign(v)."""
        rename = [r for r in table.ATTRIBUTES if r.keras1 == method][0]
        self.record(original.func.attr, "attribute", "." + method + "()",
                    "." + rename.keras3 + "()", True, rename.note)
        args = [] if method == "get_value" else [
            arg for arg in updated.args if arg.keyword is None or arg.keyword.value == "value"]
        if method == "set_value" and args:
            args = [args[0].with_changes(keyword=None, equal=cst.MaybeSentinel.DEFAULT,
                                         comma=cst.MaybeSentinel.DEFAULT)]
        return updated.with_changes(func=updated.func.with_changes(
            attr=cst.Name(rename.keras3)), args=args)

    # -- the module: imports the rewrite needs -------------------------------------------

    def leave_IndentedBlock(self, original_node, updated_node):
        body = self.without_emptied_lines(updated_node.body)
        return updated_node.with_changes(body=body or [cst.SimpleStatementLine([cst.Pass()])])

    def without_emptied_lines(self, body):
        """Drops the lines whose imports were all removed, moving their blank lines and
        comments to the next statement."""
        kept = []
        carried = []
        for statement in body:
            if id(statement) in self.emptied_lines:
                carried.extend(statement.leading_lines)
                continue
            if carried:
                statement = statement.with_changes(
                    leading_lines=carried + list(statement.leading_lines))
                carried = []
            kept.append(statement)
        return kept

    def leave_Module(self, original_node, updated_node):
        body = self.without_emptied_lines(updated_node.body)
        body = self.remove_unused_backend_imports(body)
        position = insertion_point(body)
        if self.needs_hard_sigmoid:
            self.need_helper(table.HARD_SIGMOID)
        definitions = [helper_definition(name) for name in self.helpers
                       if not defines(body, name)]
        if definitions:
            body[position:position] = definitions
            end = position + len(definitions)
            if end < len(body):
                body[end] = with_blank_lines(body[end], 2)
        if self.needs_keras and not imports_plain_keras(body):
            body.insert(position, cst.parse_statement("import keras\n"))
        for name in sorted(self.helper_imports, reverse=True):
            body.insert(position, cst.parse_statement("import %s\n" % name))
        return updated_node.with_changes(body=body)

    def remove_unused_backend_imports(self, body):
        """Drops ``from keras import backend as K`` when every K use was rewritten."""
        module = cst.Module(body=body)
        used = NameUses()
        module.visit(used)
        kept = []
        for statement in body:
            if isinstance(statement, cst.SimpleStatementLine) and is_backend_import(statement):
                aliases = [a for a in statement.body[0].names
                           if (a.evaluated_alias or a.name.value) in used.names
                           or a.name.value != "backend"]
                if not aliases:
                    continue
            elif self.replaced_names and is_keras_from_import(statement):
                node = statement.body[0]
                aliases = [a for a in node.names
                           if (a.evaluated_alias or a.name.value) in used.names
                           or (a.evaluated_alias or a.name.value) not in self.replaced_names]
                if not aliases:
                    continue
                if len(aliases) != len(node.names):  # names now replaced by helpers
                    statement = statement.with_changes(body=[node.with_changes(
                        names=fix_alias_commas(aliases))])
            kept.append(statement)
        return kept


class NameUses(cst.CSTVisitor):
    """The names a module reads (outside import statements)."""

    def __init__(self):
        self.names = set()

    def visit_Import(self, node):
        return False

    def visit_ImportFrom(self, node):
        return False

    def visit_Name(self, node):
        self.names.add(node.value)


#: Layers that keep the channels where they are (the Permuted region goes on through them).
CHANNELS_KEEPING_LAYERS = {"Activation", "Dropout", "GaussianNoise", "GaussianDropout",
                           "LeakyReLU", "ELU", "ThresholdedReLU", "ActivityRegularization",
                           "SpatialDropout2D", "SpatialDropout3D"}


def sequential_add(statement):
    """(receiver code, layer call) of ``model.add(Layer(...))``, else None."""
    if len(statement.body) != 1 or not isinstance(statement.body[0], cst.Expr):
        return None
    call = statement.body[0].value
    if not (isinstance(call, cst.Call) and isinstance(call.func, cst.Attribute)
            and call.func.attr.value == "add" and len(call.args) == 1
            and isinstance(call.args[0].value, cst.Call) and call.args[0].keyword is None):
        return None
    receiver = get_full_name_for_node(call.func.value)
    return (receiver, call.args[0].value) if receiver else None


def layer_name(call):
    return get_full_name_for_node(call.func).rsplit(".", 1)[-1] if get_full_name_for_node(
        call.func) else ""


def is_channels_first(call):
    return any(arg.keyword is not None and arg.keyword.value == "data_format"
               and isinstance(arg.value, cst.SimpleString)
               and arg.value.evaluated_value == "channels_first" for arg in call.args)


def without_keywords(call, names):
    args = [arg for arg in call.args if arg.keyword is None or arg.keyword.value not in names]
    return call.with_changes(args=fix_commas(args, call.args))


def with_added_layer(statement, layer, leading_lines):
    """``statement`` (a ``model.add(...)`` line) adding ``layer`` instead."""
    call = statement.body[0].value
    new = statement.with_changes(body=[statement.body[0].with_changes(value=call.with_changes(
        args=[call.args[0].with_changes(value=layer)]))])
    return new if leading_lines is None else new.with_changes(leading_lines=leading_lines)


def is_keras_from_import(statement):
    if not isinstance(statement, cst.SimpleStatementLine):
        return False
    node = statement.body[0] if len(statement.body) == 1 else None
    return (isinstance(node, cst.ImportFrom) and node.module is not None
            and get_full_name_for_node(node.module).split(".")[0] == "keras"
            and not isinstance(node.names, cst.ImportStar))


def is_backend_import(statement):
    node = statement.body[0] if len(statement.body) == 1 else None
    return (isinstance(node, cst.ImportFrom) and node.module is not None
            and get_full_name_for_node(node.module) == "keras"
            and not isinstance(node.names, cst.ImportStar)
            and all(alias.name.value == "backend" for alias in node.names))


def fix_alias_commas(aliases):
    fixed = []
    for index, alias in enumerate(aliases):
        if index == len(aliases) - 1:
            fixed.append(alias.with_changes(comma=cst.MaybeSentinel.DEFAULT))
        elif alias.comma is cst.MaybeSentinel.DEFAULT:
            fixed.append(alias.with_changes(comma=cst.Comma(
                whitespace_after=cst.SimpleWhitespace(" "))))
        else:
            fixed.append(alias)
    return fixed


def is_import_line(statement):
    return isinstance(statement, cst.SimpleStatementLine) and all(
        isinstance(s, (cst.Import, cst.ImportFrom)) for s in statement.body)


def is_docstring(statement):
    return (isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1
            and isinstance(statement.body[0], cst.Expr)
            and isinstance(statement.body[0].value, (cst.SimpleString,
                                                     cst.ConcatenatedString)))


def insertion_point(body):
    """Where ``import keras`` and helper definitions go: after the last import that
    comes before the first statement that could use them (a compound statement, or one
    that mentions keras / the helper)."""
    start = 1 if body and is_docstring(body[0]) else 0
    position = start
    module = cst.Module(body=[])
    for index in range(start, len(body)):
        statement = body[index]
        if is_import_line(statement):
            position = index + 1
            continue
        code = module.code_for_node(statement)
        if not isinstance(statement, cst.SimpleStatementLine) or "keras" in code:
            break
    return position


def helper_definition(name):
    """The statement defining renames.HELPERS[name], after two blank lines."""
    definition = cst.parse_module(table.HELPERS[name].lstrip("\n")).body[0]
    blank = 1 if isinstance(definition, cst.SimpleStatementLine) else 2
    return with_blank_lines(definition, blank)


def with_blank_lines(statement, count):
    """``statement`` preceded by at least ``count`` blank lines."""
    lines = list(statement.leading_lines)
    blank = 0
    for line in lines:
        if line.comment is not None:
            break
        blank += 1
    return statement.with_changes(leading_lines=[cst.EmptyLine()] * max(0, count - blank)
                                  + lines)


def imports_plain_keras(body):
    for statement in body:
        if isinstance(statement, cst.SimpleStatementLine):
            for node in statement.body:
                if isinstance(node, cst.Import) and any(
                        get_full_name_for_node(a.name) == "keras" and a.asname is None
                        for a in node.names):
                    return True
    return False


def defines(body, name):
    """Whether the module defines ``name`` (a def, a class or an assignment)."""
    for statement in body:
        if isinstance(statement, (cst.FunctionDef, cst.ClassDef)) and statement.name.value == name:
            return True
        if isinstance(statement, cst.SimpleStatementLine):
            for node in statement.body:
                if isinstance(node, cst.Assign) and any(
                        isinstance(t.target, cst.Name) and t.target.value == name
                        for t in node.targets):
                    return True
    return False
