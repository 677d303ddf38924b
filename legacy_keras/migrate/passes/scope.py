"""Pass: what the script's names hold (analysis only, no rewrite).

Notes, as the traversal meets them, the names assigned a model, a layer, a Keras tensor,
a NumPy value or a K.gradients result; the functions given to Lambda layers and the
module functions that read Keras tensors (for the K.gradients and loss TODO notes); the
classes that subclass a Keras layer; and layer class aliases (``RNN = recurrent.LSTM``).
The rewriting passes read these facts.
"""
import libcst as cst
from libcst.helpers import get_full_name_for_node
from libcst.metadata import QualifiedNameProvider

from legacy_keras import renames as table

MODEL_CONSTRUCTORS = {"keras.models.Sequential", "keras.models.Model",
                      "keras.engine.training.Model", "keras.engine.Model",
                      "keras.models.load_model", "keras.models.model_from_json",
                      "keras.models.model_from_yaml", "keras.models.model_from_config"}


LAYER_BASES = {"keras.engine.topology.Layer", "keras.layers.Layer", "keras.engine.Layer",
               "keras.layers.core.Layer"}


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


class ScopePass:
    """See the module docstring."""

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
