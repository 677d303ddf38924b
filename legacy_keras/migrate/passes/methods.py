"""Pass: model methods and history keys.

Method renames and their arguments (``fit(nb_epoch=)``, ``fit_generator`` -> ``fit``
with sample counts turned into batch counts on a known flow, ``predict_classes`` ->
a helper, ...: renames.METHOD_*), Keras 1 defaults Keras 3 changed (fit's 10 epochs,
predict's silence), ``Model(input=, output=)``, ``save_weights`` paths, and history /
metric keys in subscripts, ``logs.get('acc')`` and ``monitor='val_acc'``.
"""
import libcst as cst

from legacy_keras import renames as table
from legacy_keras.migrate import templates
from legacy_keras.migrate.arguments import code_of, fix_commas, has_star_arguments, keyword_argument

METHOD_RENAMES = {rename.keras1: rename for rename in table.METHOD_RENAMES}


class MethodsPass:
    """See the module docstring."""

    def rewrite_model_call(self, original, updated, name):
        params, keras3_params = table.METHOD_SIGNATURES["Model"]
        return self.apply_plan(original, updated, params, keras3_params.split(),
                               table.METHOD_ARGUMENTS["Model"], name, name)

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
        if method in table.METHOD_DEFAULTS and self.is_model(original.func.value):
            updated = self.add_method_default(original, updated, method)
        return updated

    def add_method_default(self, original, call, method):
        """fit(...) -> fit(..., epochs=10) & co (renames.METHOD_DEFAULTS), unless the call
        sets it by keyword or by position (Keras 3's position of that parameter)."""
        default = table.METHOD_DEFAULTS[method]
        position = table.METHOD_SIGNATURES[method][1].split().index(default.keras3)
        keywords = {arg.keyword.value for arg in call.args if arg.keyword is not None}
        positional = [arg for arg in call.args if arg.keyword is None]
        if (default.keras3 in keywords or len(positional) > position
                or has_star_arguments(call)):
            return call
        self.record(original, "default", ".%s(...)" % method,
                    "%s=%s" % (default.keras3, default.value), True, default.note)
        args = list(call.args) + [keyword_argument(default.keras3,
                                                   cst.parse_expression(default.value))]
        return call.with_changes(args=fix_commas(args, call.args))

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
        if key not in table.HISTORY_KEY_NAMES:
            return None
        new = table.HISTORY_KEY_NAMES[key]
        self.record(node, "history-key", repr(key), repr(new), True,
                    "Keras 3 names the metric as compile's metrics=['accuracy'] does")
        return string.with_changes(value=string.prefix + string.quote + new + string.quote)

    def renamed_layer_method(self, original_node, updated_node):
        """``def get_output_shape_for`` in a custom layer -> ``def compute_output_shape``
        (renames.METHOD_RENAMES)."""
        rename = METHOD_RENAMES.get(original_node.name.value)
        if rename is not None and rename.keras3 and self.in_layer_class():
            self.record(original_node.name, "method", "def " + rename.keras1,
                        "def " + rename.keras3, True, rename.note)
            return updated_node.with_changes(name=cst.Name(rename.keras3))
        return updated_node
