"""`legacy-keras migrate`: rewrite a Keras 1 / Theano script for plain Keras 3.

The rewrite is a set of passes (legacy_keras.migrate.passes), each a mixin that handles
one concern, over one usage record (``RecordPass``: every Keras 1 / Theano usage met,
automatic or not, as ``Usage``); ``Keras1Rewriter`` composes them into one libcst
transformer and runs them in one traversal, in this order wherever several act on the
same node:

1. todos: TODO comments above the statements that hold manual usages;
2. scope: what names hold (models, layers, tensors; analysis only);
3. imports: import statements and renamed names;
4. attributes: layer weights, Theano shared variables, spelled-out keras.* paths;
5. layers: layer constructors, their arguments and Keras 1 defaults;
6. merge: merge / Merge -> Keras 3 merge layers and functions;
7. optimizers: optimizer constructors and compile;
8. methods: model methods, their arguments and defaults, history keys;
9. backend: K and Theano functions, initializations, image_dim_ordering comparisons;
10. channels_last: Permute-bounded channels-last regions of 'th' Sequential models;
11. finish: the module: helper definitions and the imports the rewrite needs.

The checker runs the same transformer and reports what it recorded, so the report and
the rewrite never disagree. All knowledge of names comes from ``legacy_keras.renames``.
What cannot be rewritten stays as written, with a ``# TODO(legacy-keras): ...`` comment
above the statement. Comments and formatting elsewhere are preserved (libcst).
"""
import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider, QualifiedNameProvider

from legacy_keras import profiles
from legacy_keras import renames as table
from legacy_keras.migrate.passes.attributes import AttributesPass
from legacy_keras.migrate.passes.backend import INITIALIZATIONS, BackendPass
from legacy_keras.migrate.passes.channels_last import ChannelsLastPass
from legacy_keras.migrate.passes.finish import FinishPass
from legacy_keras.migrate.passes.imports import ImportsPass
from legacy_keras.migrate.passes.layers import LayersPass
from legacy_keras.migrate.passes.merge import MergePass
from legacy_keras.migrate.passes.methods import MethodsPass
from legacy_keras.migrate.passes.names import new_qualified_name
from legacy_keras.migrate.passes.optimizers import OptimizersPass
from legacy_keras.migrate.passes.record import RecordPass
from legacy_keras.migrate.passes.scope import ScopePass
from legacy_keras.migrate.passes.todos import TodoPass
from legacy_keras.py2.translate import python3_source

#: Keras 1's model classes: ``Model(input=, output=)`` calls.
MODEL_CLASSES = {"keras.models.Model", "keras.engine.training.Model", "keras.engine.Model",
                 "keras.engine.topology.Container", "keras.models.Container"}


def migrate_source(source, keras_version=None):
    """Rewrites Keras 1 source text; returns (new source, [Usage], unconsumed TODOs).
    Python 2 source is translated to Python 3 first (legacy_keras.py2); usages keep its
    line numbers. ``keras_version``: the Keras 1 release the script was written for
    (legacy_keras.profiles; default 1.2.2): its defaults that Keras 3 lacks are written
    out."""
    source, original_line = python3_source(source)
    wrapper = MetadataWrapper(cst.parse_module(source))
    rewriter = Keras1Rewriter(keras_version or profiles.DEFAULT_VERSION)
    module = wrapper.visit(rewriter)
    usages = rewriter.usages + rewriter.leftover_todos()
    return module.code, [usage._replace(line=original_line(usage.line)) for usage in usages]


class Keras1Rewriter(TodoPass, ScopePass, ImportsPass, AttributesPass, LayersPass, MergePass,
                     OptimizersPass, MethodsPass, BackendPass, ChannelsLastPass, FinishPass,
                     RecordPass, cst.CSTTransformer):
    """Rewrites Keras 1 code to Keras 3 and records each usage it meets. The node hooks
    that several passes share are here, calling the passes in order."""

    METADATA_DEPENDENCIES = (PositionProvider, QualifiedNameProvider)

    def leave_SimpleStatementLine(self, original_node, updated_node):
        for rewrite in (self.import_line, self.sequential_add_line):
            result = rewrite(original_node, updated_node)
            if result is not None:
                return result
        return self.theano_statement_as_comment(original_node, updated_node)

    def leave_FunctionDef(self, original_node, updated_node):
        self.function_names.pop()
        initializer = self.initializer_function(original_node, updated_node)
        if initializer is not None:
            return initializer
        return self.renamed_layer_method(original_node, updated_node)

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
        """A call of a keras.* / theano.* name, to the pass that knows that module."""
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
