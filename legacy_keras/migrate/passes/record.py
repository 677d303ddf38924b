"""The usage record every pass writes to, and what the passes share.

``RecordPass`` holds the state of one rewrite: the usages found (``Usage``, in the order
met), the TODO comments waiting for their statement, the helpers the migrated script
needs, and what the analysis passes learnt about names (models, layers, tensors). It
also resolves a node to the keras.* / theano.* name it refers to (libcst's qualified
names, star imports, ``RNN = recurrent.LSTM`` aliases) and answers whether a node holds a
layer or a model. Every other pass is a mixin over it.
"""
import libcst as cst
from libcst.helpers import get_full_name_for_node
from libcst.metadata import PositionProvider, QualifiedNameProvider

from legacy_keras import profiles
from legacy_keras import renames as table
from legacy_keras.migrate.usages import Usage, todo_text


class RecordPass:
    """See the module docstring."""

    def __init__(self, keras_version=profiles.DEFAULT_VERSION):
        super().__init__()
        self.release = profiles.Profile(keras_version)  # the Keras 1 release written for
        # the record: usages, and what the migrated script needs (FinishPass adds it)
        self.usages = []
        self.needs_keras = False
        self.needs_hard_sigmoid = False
        self.helpers = []  # names of renames.HELPERS the migrated script needs, in order
        self.helper_imports = set()  # helper modules spelled out in full (keras1_text.X)
        self.replaced_names = set()  # imported names whose calls now use a helper
        # TodoPass
        self.todo_stack = []
        self.todo_comments = {}  # line -> text of TODO(legacy-keras) comments in the input
        self.consumed_todo_lines = set()
        self.statement_positions = []
        # ScopePass: what names hold
        self.model_names = set()
        self.layer_names = set()
        self.tensor_names = set()  # module names holding Keras tensors
        self.numpy_names = set()  # names assigned from NumPy calls
        self.gradient_names = set()  # names assigned from K.gradients
        self.layer_class_aliases = {}  # RNN = recurrent.LSTM: name -> Keras 1 path
        self.tensor_readers = {}  # module function -> the tensor names it reads
        self.lambda_functions = set()  # functions given to Lambda layers
        self.function_names = []  # the enclosing defs
        self.layer_class_depth = []  # per enclosing class: whether it is a Keras layer
        # ImportsPass
        self.star_import_modules = []
        self.import_depth = 0
        self.backend_aliases = set()
        self.emptied_lines = set()  # placeholders of lines whose imports all went
        # AttributesPass
        self.weight_receivers = set()  # ids of `x.W` nodes read with get_value/set_value
        # LayersPass, MergePass, ChannelsLastPass: Sequential models
        self.sequential_layers = set()  # ids of the layer calls in model.add(...)
        self.first_added_layers = set()  # ids of the first layer added to each Sequential
        self.started_sequentials = set()
        self.pending_batch_shape = None
        self.pending_merge_branches = None  # Merge([model_a, model_b]) first in a Sequential
        self.merged_sequentials = set()  # Sequentials rewritten to Keras1MergedSequential
        self.channels_last_models = {}  # Sequential (code) -> rank of its Permuted region
        # MethodsPass
        self.saved_weight_paths = set()  # literal paths passed to save_weights

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

    def in_layer_class(self):
        return bool(self.layer_class_depth) and self.layer_class_depth[-1]
