"""Pass: optimizers and compile.

Optimizer constructors (``lr`` -> ``learning_rate``, ``decay`` -> an InverseTimeDecay
schedule, Keras 1 defaults that Keras 3 changed written out, helper optimizers where
Keras 3's update differs: renames.OPTIMIZERS); ``compile``'s optimizer strings become
such objects where needed, ``metrics=['acc']`` -> ``['accuracy']``, and a loss that reads
the model's tensors is a TODO.
"""
import libcst as cst

from legacy_keras import renames as table
from legacy_keras.migrate.arguments import (
    code_of,
    fix_commas,
    has_star_arguments,
    keyword_argument,
    literal_value,
    plan_arguments,
)


class OptimizersPass:
    """See the module docstring."""

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
            if (isinstance(value, cst.SimpleString)
                    and value.evaluated_value in table.METRIC_NAMES):
                keras1, keras3 = value.evaluated_value, table.METRIC_NAMES[value.evaluated_value]
                self.record(original, "history-key", "metrics=[%r]" % keras1,
                            "metrics=[%r]" % keras3, True,
                            "history keys follow: %r -> %r" % (keras1, keras3))
                value = value.with_changes(value=value.prefix + value.quote + keras3
                                           + value.quote)
            elements.append(element.with_changes(value=value))
        return metrics.with_changes(elements=elements)
