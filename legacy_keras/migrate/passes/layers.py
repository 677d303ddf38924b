"""Pass: layer constructors and their arguments.

A Keras 1 layer call (``Convolution2D(32, 3, 3, border_mode='same')``; a Keras 3 alias
such as ``Conv2D`` only when written the Keras 1 way) becomes the Keras 3 class with its
arguments renamed, regrouped and re-ordered (legacy_keras.migrate.arguments), Keras 1
defaults that Keras 3 changed written out (renames.LAYER_DEFAULTS), NumPy sizes wrapped
in int(), helper subclasses where Keras 3 lacks the behaviour (renames.LAYER_HELPERS);
a Sequential layer's batch_input_shape becomes ``model.add(keras.Input(batch_shape=))``.
"""
import libcst as cst

from legacy_keras import renames as table
from legacy_keras.migrate.arguments import (
    code_of,
    fix_commas,
    has_star_arguments,
    keyword_argument,
    plan_arguments,
)
from legacy_keras.migrate.passes.channels_last import sequential_add


class LayersPass:
    """See the module docstring."""

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
        defaults = table.LAYER_DEFAULTS.get(keras1, []) + self.release_defaults(original,
                                                                                 keras1)
        return self.add_defaults(original, result, defaults, keras1, renames)

    def release_defaults(self, original, keras1):
        """The defaults of the chosen Keras 1 release that Keras 3 lacks, for a call that
        does not pass that argument (renames.RELEASE_LAYER_DEFAULTS): a Keras 1.0.x conv
        layer without dim_ordering gets data_format='channels_first'."""
        params = table.LAYER_SIGNATURES.get(keras1, "").split()
        positional = [arg for arg in original.args if arg.keyword is None and not arg.star]
        defaults = []
        for (switch, value), (argument, default) in table.RELEASE_LAYER_DEFAULTS.items():
            if self.release.switch(switch) != value or argument not in params:
                continue
            if len(positional) > params.index(argument):
                continue  # given by position
            defaults.append(default._replace(note=default.note % self.release.version))
        return defaults

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

    def sequential_add_line(self, original_node, updated_node):
        """A ``model.add(layer)`` line: a Sequential starting with a Merge of models
        (MergePass), the channels-last region of 'th' layers (ChannelsLastPass), then the
        ``keras.Input(batch_shape=...)`` a batch_input_shape asked for; else None."""
        added = sequential_add(updated_node)
        if added is None:
            return None
        if self.pending_merge_branches is not None:
            return self.with_merged_branches(original_node, updated_node, added[0])
        result = self.channels_last_sequential(original_node, updated_node, *added)
        return self.with_batch_input(result, added[0])
