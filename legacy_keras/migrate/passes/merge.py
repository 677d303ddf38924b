"""Pass: merge / Merge.

``merge([a, b], mode='concat', concat_axis=1)`` -> ``keras.layers.concatenate([a, b],
axis=1)``, ``Merge(mode=...)`` -> the Keras 3 merge layer (renames.MERGE_MODES); a
Sequential that starts with ``Merge([model_a, model_b])`` becomes a
Keras1MergedSequential (helper).
"""
import libcst as cst
from libcst.helpers import get_full_name_for_node

from legacy_keras import renames as table
from legacy_keras.migrate.arguments import code_of, fix_commas, keyword_argument, literal_value
from legacy_keras.migrate.passes.names import NAMES


class MergePass:
    """See the module docstring."""

    def rewrite_merge_call(self, original, updated, name):
        """merge([a, b], mode='concat', concat_axis=1) -> keras.layers.concatenate([a, b],
        axis=1); Merge(mode='sum') -> keras.layers.Add()."""
        bound = bind_merge_arguments(original, updated, name)
        mode = bound.get("mode")
        mode_value = literal_value(mode[0].value) if mode else table.DEFAULT_MERGE_MODE
        if name == "Merge" and "layers" in bound and self.takes_merged_branches(
                original, bound["layers"][0].value):
            self.pending_merge_branches = bound.pop("layers")[1].value
        unsupported = [k for k in bound if k not in ("inputs", "mode", "concat_axis",
                                                     "dot_axes", "name")]
        if mode_value not in table.MERGE_MODES or unsupported or None in bound:
            reason = ("mode=%s" % code_of(mode[0].value) if mode_value not in table.MERGE_MODES
                      else "argument(s) %s" % ", ".join(str(k) for k in unsupported))
            self.record(original.func, "layer", name, None, False,
                        "%s: %s" % (reason, NAMES["keras.layers.merge"].note))
            return updated
        function, layer = table.MERGE_MODES[mode_value]
        new_callee = "keras.layers." + (function if name == "merge" else layer)
        self.needs_keras = True
        self.record(original.func, "layer", "%s(mode=%r)" % (name, mode_value), new_callee,
                    True, NAMES["keras.layers.merge"].note)
        return updated.with_changes(func=cst.parse_expression(new_callee), args=fix_commas(
            keras3_merge_arguments(bound, name, mode_value), updated.args))

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


def bind_merge_arguments(original, updated, name):
    """Keras 1 parameter name (``inputs`` for merge's first) -> (original arg, updated
    arg); None for a surplus positional argument."""
    params = table.LAYER_SIGNATURES["Merge"].split()
    if name == "merge":
        params = ["inputs"] + params[1:]
    bound = {}
    for index, arg in enumerate(original.args):
        key = arg.keyword.value if arg.keyword else (params[index] if index < len(params)
                                                     else None)
        bound[key] = (arg, updated.args[index])
    return bound


def keras3_merge_arguments(bound, name, mode_value):
    """The Keras 3 merge function's / layer's arguments: the inputs (merge), axis for
    'concat', axes (and normalize for 'cos') for 'dot', the name."""
    args = []
    if name == "merge":
        args.append(bound["inputs"][1].with_changes(keyword=None,
                                                    equal=cst.MaybeSentinel.DEFAULT))
    if mode_value == "concat" and "concat_axis" in bound:
        args.append(keyword_argument("axis", bound["concat_axis"][1].value))
    if mode_value in ("dot", "cos"):
        axes = bound["dot_axes"][1].value if "dot_axes" in bound else cst.parse_expression("-1")
        args.append(keyword_argument("axes", axes))
        if mode_value == "cos":
            args.append(keyword_argument("normalize", cst.Name("True")))
    if "name" in bound:
        args.append(keyword_argument("name", bound["name"][1].value))
    return args
