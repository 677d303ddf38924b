"""``keras.utils.visualize_util`` (Keras 1.2.2): ``model_to_dot`` and ``plot``.

The graph is the one Keras 1.2.2 drew: one record-shaped node per layer (the input
layer included), labelled ``name: ClassName`` (and the shapes table with
``show_shapes``), an edge per inbound connection. Keras 1.2.2 rendered it with
graphviz's ``dot`` program; legacy_keras uses ``dot`` when it is installed and
otherwise the pip-installable ``graphviz-pure`` renderer, so ``plot`` works on a
machine with no graphviz at all.
"""
import os
import shutil
import sys

import pydot

from legacy_keras import profiles
from legacy_keras.layers.wrappers import Wrapper  # Keras 1.2.2 re-exports them
from legacy_keras.models import Sequential


def _layer_label(layer, show_shapes, show_layer_names):
    layer_name = layer.name
    class_name = layer.__class__.__name__
    if isinstance(layer, Wrapper):
        layer_name = "{}({})".format(layer_name, layer.layer.name)
        class_name = "{}({})".format(class_name, layer.layer.__class__.__name__)
    label_format = profiles.switch("plot_label_format")  # '{} ({})' up to Keras 1.1.0
    label = label_format.format(layer_name, class_name) if show_layer_names else class_name
    if show_shapes:
        try:
            output_labels = str(layer.output_shape)
        except AttributeError:
            output_labels = "multiple"
        try:
            input_labels = str(layer.input_shape)
        except AttributeError:
            input_labels = "multiple"
        label = "%s\n|{input:|output:}|{{%s}|{%s}}" % (label, input_labels, output_labels)
    return label


def model_to_dot(model, show_shapes=False, show_layer_names=True):
    """The model as a ``pydot.Dot`` graph (nodes are keyed by ``id(layer)``, as in Keras 1)."""
    dot = pydot.Dot()
    # Keras 1.2.2 set rankdir then concentrate=True; pydot-ng wrote them as
    # "concentrate=True;" before "rankdir=TB;". Same graph, same text.
    dot.set("concentrate", "True")
    dot.set("rankdir", "TB")
    dot.set_node_defaults(shape="record")
    if isinstance(model, Sequential):
        model = model._built_model()
    layers = model.layers
    for layer in layers:
        dot.add_node(pydot.Node(str(id(layer)),
                                label=_layer_label(layer, show_shapes, show_layer_names)))
    for layer in layers:
        for node_index, node in enumerate(layer.inbound_nodes):
            node_key = layer.name + "_ib-" + str(node_index)
            if node_key not in model.container_nodes:
                continue
            for inbound_layer in node.inbound_layers:
                dot.add_edge(pydot.Edge(str(id(inbound_layer)), str(id(layer))))
    return dot


def _dot_program():
    """graphviz's ``dot`` if installed, else the ``graphviz-pure`` command next to Python."""
    found = shutil.which("dot")
    if found:
        return found
    candidates = [os.path.join(os.path.dirname(sys.executable), "graphviz-pure"),
                  shutil.which("graphviz-pure")]
    for candidate in candidates:
        if candidate and os.path.exists(candidate):
            return candidate
    raise ImportError("plot() needs graphviz's `dot` program or the `graphviz-pure` package "
                      "(pip install graphviz-pure); neither was found.")


def plot(model, to_file="model.png", show_shapes=False, show_layer_names=True):
    """Draws the model to ``to_file`` (format from the extension, png by default)."""
    dot = model_to_dot(model, show_shapes, show_layer_names)
    _, extension = os.path.splitext(to_file)
    extension = extension[1:] if extension else "png"
    dot.write(to_file, format=extension, prog=_dot_program())
