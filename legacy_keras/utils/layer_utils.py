"""``keras.utils.layer_utils`` (Keras 1.2.2): layer_from_config, print_summary, and the
serialization of Python functions used by Lambda / Merge configs."""
import inspect

from legacy_keras import backend as K
from legacy_keras import profiles
from legacy_keras.utils.generic_utils import (  # noqa: F401  (func_* used by Lambda/Merge)
    func_dump, func_load, get_custom_objects, get_from_module)


def _layer_classes():
    from legacy_keras import layers, models

    classes = dict(vars(layers))
    classes.update({"Sequential": models.Sequential, "Model": models.Model,
                    "Container": models.Model})
    return classes


def layer_from_config(config, custom_objects=None):
    """A layer (or Sequential / Model) from ``{'class_name': ..., 'config': ...}``."""
    if custom_objects:
        get_custom_objects().update(custom_objects)
    layer_class = get_from_module(config["class_name"], _layer_classes(), "layer",
                                  instantiate=False)
    if "custom_objects" in inspect.getfullargspec(layer_class.from_config).args:
        return layer_class.from_config(config["config"], custom_objects=custom_objects)
    return layer_class.from_config(config["config"])


def _print_row(fields, positions):
    line = ""
    for i, field in enumerate(fields):
        if i > 0:
            line = line[:-1] + " "
        line += str(field)
        line = line[:positions[i]]
        line += " " * (positions[i] - len(line))
    print(line)


def _connections(layer, relevant_nodes):
    connections = []
    for node_index, node in enumerate(layer.inbound_nodes):
        if relevant_nodes and layer.name + "_ib-" + str(node_index) not in relevant_nodes:
            continue
        for inbound, node_i, tensor_i in zip(node.inbound_layers, node.node_indices,
                                             node.tensor_indices):
            connections.append("%s[%s][%s]" % (inbound.name, node_i, tensor_i))
    return connections


def _print_layer_summary(layer, relevant_nodes, positions):
    try:
        output_shape = layer.output_shape
    except AttributeError:
        output_shape = "multiple"
    connections = _connections(layer, relevant_nodes)
    first = connections[0] if connections else ""
    _print_row([layer.name + " (" + layer.__class__.__name__ + ")", output_shape,
                _release_param_count(layer), first], positions)
    for connection in connections[1:]:
        _print_row(["", "", "", connection], positions)


def print_summary(layers, relevant_nodes=None, line_length=100, positions=None):
    """Prints Keras 1.2.2's summary table of ``layers``: name (class), output shape
    ('multiple' where a shared layer has several), parameter count, and the inbound
    ``layer[node][tensor]`` connections within ``relevant_nodes``; then the totals."""
    if positions is None or list(positions) == [.33, .55, .67, 1.]:
        # Container.summary()'s default: the active release's columns
        positions = list(profiles.switch("summary_positions"))
    if positions[-1] <= 1:
        positions = [int(line_length * p) for p in positions]
    print("_" * line_length)
    _print_row(["Layer (type)", "Output Shape", "Param #", "Connected to"], positions)
    print("=" * line_length)
    for i, layer in enumerate(layers):
        _print_layer_summary(layer, relevant_nodes, positions)
        print(("=" if i == len(layers) - 1 else "_") * line_length)
    if not profiles.switch("summary_trainable_counts"):
        # Keras 1.0-1.1: the sum of the layers' count_params(), no thousands separator
        print("Total params: %s" % _release_total(layers))
        print("_" * line_length)
        return
    trainable, non_trainable = count_total_params(layers)
    print("Total params: {:,}".format(trainable + non_trainable))
    print("Trainable params: {:,}".format(trainable))
    print("Non-trainable params: {:,}".format(non_trainable))
    print("_" * line_length)


def _release_param_count(layer):
    """``layer.count_params()`` as the active release counted (profile switch
    ``count_params``): every weight from 1.2.0; the trainable weights only up to 1.1.2
    (a frozen layer counts 0 from 1.0.7; up to 1.0.6 its flag was not looked at)."""
    from legacy_keras.engine.topology import Container

    mode = profiles.switch("count_params")
    if mode == "all":
        return layer.count_params()
    if isinstance(layer, Container):
        if mode == "trainable" and not layer.trainable:
            return 0
        return sum(_release_param_count(sublayer) for sublayer in layer.layers)
    if mode == "trainable_unfiltered":
        weights = getattr(layer, "_trainable_weights", None)
        if weights is None:
            weights = layer.trainable_weights
    else:
        weights = layer.trainable_weights
    return sum(K.count_params(p) for p in weights)


def _release_total(layers, layer_set=None):
    layer_set = set() if layer_set is None else layer_set
    total = 0
    for layer in layers:
        if layer not in layer_set:
            layer_set.add(layer)
            total += _release_param_count(layer)
    return total


def count_total_params(layers, layer_set=None):
    """(trainable, non-trainable) parameter counts, each layer counted once; models
    count through their own layers."""
    from legacy_keras.engine.topology import Container

    layer_set = set() if layer_set is None else layer_set
    trainable = non_trainable = 0
    for layer in layers:
        if layer in layer_set:
            continue
        layer_set.add(layer)
        if isinstance(layer, Container):
            t, nt = count_total_params(layer.layers, layer_set)
        else:
            t = sum(K.count_params(p) for p in layer.trainable_weights)
            nt = sum(K.count_params(p) for p in layer.non_trainable_weights)
        trainable += t
        non_trainable += nt
    return trainable, non_trainable


# Keras 1.2.2's list (SeparableConvolution2D was TensorFlow-only; AtrousConvolution1D
# was left out by Keras 1 too).
_CONVERTED_KERNEL_CLASSES = ("Convolution1D", "Convolution2D", "Convolution3D",
                             "AtrousConvolution2D", "Deconvolution2D")


def _kernel_dim_ordering(layer):
    """The layout of ``layer.W`` in Keras 1: Convolution1D kept a 'tf'-ordered 2-D kernel
    ``(filter_length, 1, input_dim, nb_filter)``; the others follow their own
    ``dim_ordering``."""
    if layer.__class__.__name__ == "Convolution1D":
        return "tf"
    return getattr(layer, "dim_ordering", None) or K.image_dim_ordering()


def convert_all_kernels_in_model(model):
    """Flips every convolution kernel of ``model`` (Theano <-> TensorFlow kernels).

    As in Keras 1.2.2 the layers converted are ``model.layers`` of the classes above,
    all at once. Keras 1 flipped each kernel as if it had the global
    ``image_dim_ordering``, which flipped the wrong axes of a Convolution1D kernel or of
    a layer whose ``dim_ordering`` differed from the global one; legacy_keras flips
    each kernel in its layer's own layout.
    """
    from legacy_keras.utils.np_utils import convert_kernel

    to_assign = []
    for layer in model.layers:
        if layer.__class__.__name__ in _CONVERTED_KERNEL_CLASSES:
            kernel = K.get_value(layer.W)
            to_assign.append((layer.W, convert_kernel(kernel, _kernel_dim_ordering(layer))))
    K.batch_set_value(to_assign)


# Keras 1.2.2's layer_utils did ``from ..layers import *`` and imported Model,
# Sequential and the kernel helpers, so scripts imported layer classes from here.
# keras.layers imports this module while it loads: it calls export_layer_names() once
# it is complete (so ``vars(layer_utils)`` and ``import *`` see the classes, as
# get_from_module(..., globals()) did in Keras 1); Model and Sequential resolve on
# first use (PEP 562), keras.models being loaded after keras.layers.
from legacy_keras.utils.np_utils import (  # noqa: E402,F401
    conv_input_length, conv_output_length, convert_kernel)


def export_layer_names(layers_namespace):
    """Copies the public layer classes and helpers of ``keras.layers`` in here."""
    module_type = type(inspect)
    for name, value in layers_namespace.items():
        if not name.startswith("_") and not isinstance(value, module_type):
            globals().setdefault(name, value)


def __getattr__(name):
    if name in ("Model", "Sequential"):
        from legacy_keras import models

        return getattr(models, name)
    raise AttributeError("module %r has no attribute %r" % (__name__, name))
