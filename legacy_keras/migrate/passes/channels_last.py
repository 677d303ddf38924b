"""Pass: channels-last regions of 'th' Sequential models.

TensorFlow runs channels_first convolutions and pooling only on a GPU: a Sequential whose
layers were 'th' gets ``Permute`` layers around a channels_last region, so the data and
the Flatten feature order stay Keras 1's.
"""
import libcst as cst
from libcst.helpers import get_full_name_for_node

from legacy_keras.migrate.arguments import fix_commas, literal_value

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


class ChannelsLastPass:
    """See the module docstring."""

    def channels_last_sequential(self, original, statement, receiver, layer):
        """``model.add(Conv2D(..., data_format='channels_first', input_shape=s))`` ->
        ``model.add(Permute((2, 3, 1), input_shape=s))`` + the layer in channels_last;
        the first later layer that needs Keras 1's channels-first order (Flatten, Dense,
        ...) gets ``model.add(Permute((3, 1, 2)))`` before it, so Flatten orders the
        features as Keras 1's 'th' Flatten did (the Dense weights after it carry over).
        TensorFlow runs channels_first convolutions and pooling only on a GPU."""
        name = layer_name(layer)
        if is_channels_first(layer):
            return self.channels_first_layer(original, statement, receiver, layer, name)
        rank = self.channels_last_models.get(receiver)
        if rank is None or name in CHANNELS_KEEPING_LAYERS:
            return statement
        if name == "BatchNormalization":
            normalized = self.channels_last_batch_normalization(original, statement, layer)
            if normalized is not None:
                return normalized
        return self.leave_channels_last(original, statement, receiver, name, rank)

    def channels_first_layer(self, original, statement, receiver, layer, name):
        """A 'th' layer: in channels_last, after ``Permute`` when it starts the region."""
        rank_here = 3 if name.endswith("3D") else 2
        layer = without_keywords(layer, ("data_format",))
        statements = []
        if receiver not in self.channels_last_models:
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

    def channels_last_batch_normalization(self, original, statement, layer):
        """``BatchNormalization(axis=1)`` inside the region -> ``axis=-1``; else None."""
        axis = [arg for arg in layer.args if arg.keyword is not None
                and arg.keyword.value == "axis"]
        if not axis or literal_value(axis[0].value) != "1":
            return None
        self.record(original, "argument", "BatchNormalization(axis=1) after 'th' "
                    "layers", "BatchNormalization(axis=-1)", True,
                    "the channels are last between the Permutes")
        layer = layer.with_changes(args=[
            arg.with_changes(value=cst.parse_expression("-1")) if arg is axis[0]
            else arg for arg in layer.args])
        return with_added_layer(statement, layer, None)

    def leave_channels_last(self, original, statement, receiver, name, rank):
        """The first layer that needs channels first again gets ``Permute`` before it."""
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
