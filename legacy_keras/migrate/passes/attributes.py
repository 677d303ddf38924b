"""Pass: attributes.

Layer weights (``layer.W`` -> ``layer.kernel``, ``b``, ``running_mean``,
``running_std``) where the object is known to be a layer or is read with
get_value/set_value; Theano shared variables' ``get_value()`` / ``set_value(v)`` ->
``numpy()`` / ``assign(v)``; spelled-out keras.* paths (``keras.layers.core.Dense``);
``self.trainable_weights = [...]`` in a custom layer (manual).
"""
import libcst as cst
from libcst.helpers import get_full_name_for_node

from legacy_keras import renames as table
from legacy_keras.migrate.passes.names import new_qualified_name

WEIGHT_ATTRIBUTES = {rename.keras1: rename for rename in table.ATTRIBUTES
                     if rename.keras1 in ("W", "b", "running_mean", "running_std")}


class AttributesPass:
    """See the module docstring."""

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

    def visit_Call(self, node):
        func = node.func
        if isinstance(func, cst.Attribute) and func.attr.value in ("get_value", "set_value"):
            if isinstance(func.value, cst.Attribute) and func.value.attr.value in WEIGHT_ATTRIBUTES:
                self.weight_receivers.add(id(func.value))

    def leave_Assign(self, original_node, updated_node):
        for target in original_node.targets:
            if (isinstance(target.target, cst.Attribute)
                    and target.target.attr.value == "trainable_weights"):
                rename = [r for r in table.ATTRIBUTES if r.keras1 == "trainable_weights"][0]
                self.record(target.target, "attribute", "trainable_weights = [...]", None,
                            False, rename.note)
        return updated_node

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
