"""Keras 1.2.2's layer graph: Layer, Node, InputLayer, Input, Container.

Written after Keras 1.2.2's ``keras/engine/topology.py`` semantics: a layer called on a
Keras tensor (a PyTensor variable carrying ``_keras_shape`` and ``_keras_history``)
builds its weights once, records a :class:`Node`, and returns the symbolic output that
``layer.output`` and ``theano.printing.debugprint`` show. The same ``call`` runs again,
numerically, when :mod:`legacy_keras.engine.executor` replays a model in Keras 3.
"""
import copy

import numpy as np

from legacy_keras import backend as K
from legacy_keras.renames import unknown_argument_error


def to_list(x):
    """Keras 1's to_list: a list stays a list; anything else (a tensor, a shape tuple)
    becomes a one-element list."""
    return x if isinstance(x, list) else [x]


def _single(values):
    return values[0] if len(values) == 1 else values


class InputSpec(object):
    """What a layer expects of each input: dtype, shape, ndim ('2+' = at least 2)."""

    def __init__(self, dtype=None, shape=None, ndim=None):
        if isinstance(ndim, str) and "+" not in ndim:
            raise ValueError("When passing a str \"ndim\", it should have the form "
                             "\"2+\", \"3+\", etc.")
        if isinstance(ndim, str) and not ndim[:ndim.find("+")].isdigit():
            raise ValueError("When passing a str \"ndim\", it should have the form "
                             "\"2+\", \"3+\", etc.")
        if shape is not None:
            self.ndim = len(shape)
        else:
            self.ndim = ndim
        self.dtype = dtype
        self.shape = shape


class Node(object):
    """One call of ``outbound_layer`` on the outputs of ``inbound_layers``.

    Creating a node runs the layer symbolically and sets Keras metadata on its outputs.
    """

    def __init__(self, outbound_layer, inbound_layers, node_indices, tensor_indices,
                 input_tensors, output_tensors, input_masks, output_masks,
                 input_shapes, output_shapes):
        self.outbound_layer = outbound_layer
        self.inbound_layers = inbound_layers
        self.node_indices = node_indices
        self.tensor_indices = tensor_indices
        self.input_tensors = input_tensors
        self.output_tensors = output_tensors
        self.input_masks = input_masks
        self.output_masks = output_masks
        self.input_shapes = input_shapes
        self.output_shapes = output_shapes
        for layer in inbound_layers:
            if layer is not None:
                layer.outbound_nodes.append(self)
        outbound_layer.inbound_nodes.append(self)

    @classmethod
    def create_node(cls, outbound_layer, inbound_layers, node_indices=None,
                    tensor_indices=None):
        node_indices = node_indices or [0] * len(inbound_layers)
        tensor_indices = tensor_indices or [0] * len(inbound_layers)
        input_tensors, input_masks, input_shapes = [], [], []
        for layer, node_index, tensor_index in zip(inbound_layers, node_indices,
                                                   tensor_indices):
            node = layer.inbound_nodes[node_index]
            input_tensors.append(node.output_tensors[tensor_index])
            input_masks.append(node.output_masks[tensor_index])
            input_shapes.append(node.output_shapes[tensor_index])
        x, mask, shape = (_single(input_tensors), _single(input_masks),
                          _single(input_shapes))
        output_tensors = to_list(outbound_layer.call(x, mask=mask))
        output_masks = to_list(outbound_layer.compute_mask(x, mask))
        output_shapes = to_list(outbound_layer.get_output_shape_for(shape))
        if len(output_masks) != len(output_tensors):
            output_masks = output_masks * len(output_tensors)
        uses_learning_phase = any(getattr(t, "_uses_learning_phase", False)
                                  for t in input_tensors)
        node = cls(outbound_layer, inbound_layers, node_indices, tensor_indices,
                   input_tensors, output_tensors, input_masks, output_masks,
                   input_shapes, output_shapes)
        node_index = len(outbound_layer.inbound_nodes) - 1
        for i, tensor in enumerate(output_tensors):
            tensor._keras_shape = output_shapes[i]
            tensor._uses_learning_phase = (getattr(tensor, "_uses_learning_phase", False)
                                           or uses_learning_phase)
            tensor._keras_history = (outbound_layer, node_index, i)
        return node


class Layer(object):
    """Base class of every Keras 1 layer.

    Subclasses implement ``build(input_shape)`` (create weights with
    ``self.add_weight`` or ``K.variable``), ``call(x, mask=None)`` with ``K`` functions,
    ``get_output_shape_for(input_shape)`` and, when they support masks,
    ``compute_mask``. Keras 1.2.2 took ``input_shape``, ``batch_input_shape``,
    ``input_dtype``, ``name`` and ``trainable`` as keyword arguments; anything else is an
    error (with a hint when it is a Keras 2/3 spelling).
    """

    _ALLOWED_KWARGS = {"input_shape", "batch_input_shape", "input_dtype", "name",
                       "trainable", "create_input_layer"}

    def __init__(self, **kwargs):
        for attribute, default in (("input_spec", None), ("supports_masking", False),
                                   ("uses_learning_phase", False)):
            if not hasattr(self, attribute):
                setattr(self, attribute, default)
        self.inbound_nodes = []
        self.outbound_nodes = []
        if not hasattr(self, "_trainable_weights"):
            self._trainable_weights = []
        if not hasattr(self, "_non_trainable_weights"):
            self._non_trainable_weights = []
        if not hasattr(self, "losses"):
            self.losses = []
        if not hasattr(self, "constraints"):
            self.constraints = {}
        self.built = False
        for kwarg in kwargs:
            if kwarg not in self._ALLOWED_KWARGS:
                raise unknown_argument_error(self.__class__.__name__, kwarg)
        name = kwargs.get("name")
        if not name:
            prefix = self.__class__.__name__.lower()
            name = prefix + "_" + str(K.get_uid(prefix))
        self.name = name
        self.trainable = kwargs.get("trainable", True)
        if "batch_input_shape" in kwargs or "input_shape" in kwargs:
            if "batch_input_shape" in kwargs:
                batch_input_shape = tuple(kwargs["batch_input_shape"])
            else:
                batch_input_shape = (None,) + tuple(kwargs["input_shape"])
            self.batch_input_shape = batch_input_shape
            self.input_dtype = kwargs.get("input_dtype", K.floatx())

    # -- weights ------------------------------------------------------------------------
    @property
    def trainable_weights(self):
        return self._trainable_weights if self.trainable else []

    @trainable_weights.setter
    def trainable_weights(self, weights):
        self._trainable_weights = weights

    @property
    def non_trainable_weights(self):
        if self.trainable:
            return self._non_trainable_weights
        return self._trainable_weights + self._non_trainable_weights

    @non_trainable_weights.setter
    def non_trainable_weights(self, weights):
        self._non_trainable_weights = weights

    @property
    def weights(self):
        return self.trainable_weights + self.non_trainable_weights

    def add_weight(self, shape, initializer, name=None, trainable=True, regularizer=None,
                   constraint=None):
        """Creates a weight with ``initializer`` (drawn from NumPy's global generator)."""
        from legacy_keras import initializations

        weight = initializations.get(initializer)(shape, name=name)
        if regularizer is not None:
            self.add_loss(regularizer(weight))
            # Kept to recompute the penalty numerically in each Keras 3 training step.
            if not hasattr(self, "_weight_regularizers"):
                self._weight_regularizers = []
            self._weight_regularizers.append((regularizer, weight))
        if constraint is not None:
            self.constraints[weight] = constraint
        (self._trainable_weights if trainable else self._non_trainable_weights).append(weight)
        return weight

    def add_loss(self, losses, inputs=None):
        if losses is None:
            return
        self.losses += to_list(losses)

    def get_weights(self):
        """The weights' values, in Keras 1 layout and order (trainable first)."""
        return K.batch_get_value(self.weights)

    def set_weights(self, weights):
        """Sets every weight at once; checks count and shapes first, so a bad list
        changes nothing."""
        params = self.weights
        if len(params) != len(weights):
            raise ValueError("You called `set_weights(weights)` on layer \"" + self.name +
                             "\" with a  weight list of length " + str(len(weights)) +
                             ", but the layer was expecting " + str(len(params)) +
                             " weights. Provided weights: " + str(weights)[:50] + "...")
        if not params:
            return
        values = []
        for param, weight in zip(params, weights):
            current = K.get_value(param).shape
            value = np.asarray(weight)
            if current != value.shape:
                raise ValueError("Layer weight shape " + str(current) +
                                 " not compatible with provided weight shape " +
                                 str(value.shape))
            values.append((param, value))
        K.batch_set_value(values)

    def count_params(self):
        if not self.built:
            if self.__class__.__name__ == "Sequential":
                self.build()
            else:
                raise RuntimeError("You tried to call `count_params` on " + self.name +
                                   ", but the layer isn't built. You can build it "
                                   "manually via: `" + self.name +
                                   ".build(batch_input_shape)`.")
        return sum(K.count_params(p) for p in self.weights)

    # -- the Keras 1 layer protocol ---------------------------------------------------------
    def build(self, input_shape):
        self.built = True

    def call(self, x, mask=None):
        return x

    def get_output_shape_for(self, input_shape):
        return input_shape

    def compute_mask(self, input, input_mask=None):
        if not self.supports_masking:
            if input_mask is not None:
                if any(m is not None for m in to_list(input_mask)):
                    raise TypeError("Layer " + self.name + " does not support masking, "
                                    "but was passed an input_mask: " + str(input_mask))
            return None
        return input_mask

    def assert_input_compatibility(self, input):
        if not self.input_spec:
            return
        inputs = to_list(input)
        specs = self.input_spec
        if len(specs) > 1 and len(inputs) != len(specs):
            raise ValueError("Layer " + self.name + " expects " + str(len(specs)) +
                             " inputs, but it received " + str(len(inputs)) +
                             " input tensors. Input received: " + str(input))
        for index, (x, spec) in enumerate(zip(inputs, specs)):
            if spec is None or spec.ndim is None:
                continue
            x_ndim = K.ndim(x)
            if isinstance(spec.ndim, str):
                minimum = int(spec.ndim[:spec.ndim.find("+")])
                if x_ndim < minimum:
                    raise ValueError("Input " + str(index) + " is incompatible with layer " +
                                     self.name + ": expected ndim >= " + str(minimum) +
                                     ", found ndim=" + str(x_ndim))
            elif x_ndim != spec.ndim:
                raise ValueError("Input " + str(index) + " is incompatible with layer " +
                                 self.name + ": expected ndim=" + str(spec.ndim) +
                                 ", found ndim=" + str(x_ndim))

    def __call__(self, x, mask=None):
        """Builds the layer on first use, then connects it to ``x`` (Keras tensors) and
        returns the symbolic output; on other tensors, simply applies ``call``."""
        if not self.built:
            self.assert_input_compatibility(x)
            shapes = [K.int_shape(t) for t in to_list(x) if hasattr(t, "_keras_shape")]
            if shapes:
                self.build(_single(shapes))
            self.built = True
        self.assert_input_compatibility(x)
        tensors = to_list(x)
        if all(hasattr(t, "_keras_history") for t in tensors):
            histories = [t._keras_history for t in tensors]
            self.add_inbound_node([h[0] for h in histories], [h[1] for h in histories],
                                  [h[2] for h in histories])
            return _single(self.inbound_nodes[-1].output_tensors)
        return self.call(x, mask)

    def add_inbound_node(self, inbound_layers, node_indices=None, tensor_indices=None):
        Node.create_node(self, to_list(inbound_layers), node_indices, tensor_indices)

    def create_input_layer(self, batch_input_shape, input_dtype=None, name=None):
        """Gives a first layer its Input: named ``<class>_input_<n>`` as in Keras 1."""
        if not name:
            prefix = self.__class__.__name__.lower() + "_input_"
            name = prefix + str(K.get_uid(prefix))
        input_dtype = input_dtype or K.floatx()
        self.batch_input_shape = batch_input_shape
        self.input_dtype = input_dtype
        self(Input(batch_shape=batch_input_shape, dtype=input_dtype, name=name))

    # -- node attributes -------------------------------------------------------------------
    def _node_attribute(self, node_index, attribute, what):
        if not self.inbound_nodes:
            raise Exception("The layer has never been called and thus has no defined " +
                            what + ".")
        if len(self.inbound_nodes) <= node_index:
            raise Exception("Asked to get " + what + " at node " + str(node_index) +
                            ", but the layer has only " + str(len(self.inbound_nodes)) +
                            " inbound nodes.")
        return _single(getattr(self.inbound_nodes[node_index], attribute))

    def _single_node_attribute(self, attribute, what):
        if len(self.inbound_nodes) > 1:
            raise Exception("Layer " + self.name + " has multiple inbound nodes, hence "
                            "the notion of \"layer " + what + "\" is ill-defined. Use "
                            "`get_" + what.replace(" ", "_") + "_at(node_index)` instead.")
        return self._node_attribute(0, attribute, what)

    def get_input_at(self, node_index):
        return self._node_attribute(node_index, "input_tensors", "input")

    def get_output_at(self, node_index):
        return self._node_attribute(node_index, "output_tensors", "output")

    def get_input_shape_at(self, node_index):
        return self._node_attribute(node_index, "input_shapes", "input shape")

    def get_output_shape_at(self, node_index):
        return self._node_attribute(node_index, "output_shapes", "output shape")

    def get_input_mask_at(self, node_index):
        return self._node_attribute(node_index, "input_masks", "input mask")

    def get_output_mask_at(self, node_index):
        return self._node_attribute(node_index, "output_masks", "output mask")

    @property
    def input(self):
        return self._single_node_attribute("input_tensors", "input")

    @property
    def output(self):
        return self._single_node_attribute("output_tensors", "output")

    @property
    def input_mask(self):
        return self._single_node_attribute("input_masks", "input mask")

    @property
    def output_mask(self):
        return self._single_node_attribute("output_masks", "output mask")

    def _distinct_shapes(self, attribute, what):
        if not self.inbound_nodes:
            raise Exception("The layer has never been called and thus has no defined " +
                            what + ".")
        shapes = {str(getattr(node, attribute)) for node in self.inbound_nodes}
        if len(shapes) != 1:
            raise Exception("The layer \"" + str(self.name) + " has multiple inbound nodes, "
                            "with different " + what + "s. Hence the notion of \"" + what +
                            "\" is ill-defined for the layer.")
        return _single(getattr(self.inbound_nodes[0], attribute))

    @property
    def input_shape(self):
        return self._distinct_shapes("input_shapes", "input shape")

    @property
    def output_shape(self):
        return self._distinct_shapes("output_shapes", "output shape")

    # -- config ------------------------------------------------------------------------------
    def get_config(self):
        config = {"name": self.name, "trainable": self.trainable}
        if hasattr(self, "batch_input_shape"):
            config["batch_input_shape"] = self.batch_input_shape
        if hasattr(self, "input_dtype"):
            config["input_dtype"] = self.input_dtype
        return config

    @classmethod
    def from_config(cls, config):
        return cls(**config)


class InputLayer(Layer):
    """The layer behind ``Input()``: a placeholder named after the layer."""

    def __init__(self, input_shape=None, batch_input_shape=None, input_dtype=None,
                 input_tensor=None, sparse=False, name=None):
        self.input_spec = None
        self.supports_masking = False
        self.uses_learning_phase = False
        self.trainable = False
        self.built = True
        self._trainable_weights = []
        self._non_trainable_weights = []
        self.inbound_nodes = []
        self.outbound_nodes = []
        self.constraints = {}
        self.losses = []
        self.sparse = sparse
        if not name:
            prefix = "input"
            name = prefix + "_" + str(K.get_uid(prefix))
        self.name = name
        if input_shape and batch_input_shape:
            raise ValueError("Only provide the input_shape OR batch_input_shape argument "
                             "to InputLayer, not both.")
        if input_tensor is not None:
            batch_input_shape = K.int_shape(input_tensor)
        elif not batch_input_shape:
            if not input_shape:
                raise ValueError("An Input layer should be passed either a "
                                 "`batch_input_shape` or an `input_shape`.")
            batch_input_shape = (None,) + tuple(input_shape)
        else:
            batch_input_shape = tuple(batch_input_shape)
        input_dtype = input_dtype or K.floatx()
        self.batch_input_shape = batch_input_shape
        self.input_dtype = input_dtype
        if input_tensor is None:
            input_tensor = K.placeholder(shape=batch_input_shape, dtype=input_dtype,
                                         sparse=self.sparse, name=self.name)
        else:
            input_tensor._keras_shape = batch_input_shape
        input_tensor._uses_learning_phase = False
        input_tensor._keras_history = (self, 0, 0)
        Node(self, inbound_layers=[], node_indices=[], tensor_indices=[],
             input_tensors=[input_tensor], output_tensors=[input_tensor],
             input_masks=[None], output_masks=[None],
             input_shapes=[batch_input_shape], output_shapes=[batch_input_shape])

    def get_config(self):
        return {"batch_input_shape": self.batch_input_shape,
                "input_dtype": self.input_dtype,
                "sparse": self.sparse,
                "name": self.name}


def Input(shape=None, batch_shape=None, name=None, dtype=None, sparse=False, tensor=None):
    """A symbolic model input (``Input(shape=(784,))``), a Keras tensor."""
    if not batch_shape and tensor is None:
        if not shape:
            raise ValueError("Please provide to Input either a `shape` or a `batch_shape` "
                             "argument. Note that `shape` does not include the batch "
                             "dimension.")
        batch_shape = (None,) + tuple(shape)
    input_layer = InputLayer(batch_input_shape=batch_shape, name=name,
                             input_dtype=dtype or K.floatx(), sparse=sparse,
                             input_tensor=tensor)
    return _single(input_layer.inbound_nodes[0].output_tensors)


def get_source_inputs(tensor, layer=None, node_index=None):
    """The Input tensors from which ``tensor`` was computed."""
    if not hasattr(tensor, "_keras_history"):
        return tensor
    if layer is None or node_index:
        layer, node_index, _ = tensor._keras_history
    if not layer.inbound_nodes:
        return [tensor]
    node = layer.inbound_nodes[node_index]
    if not node.inbound_layers:
        return node.input_tensors
    sources = []
    for i, inbound_layer in enumerate(node.inbound_layers):
        for x in get_source_inputs(node.input_tensors[i], inbound_layer,
                                   node.node_indices[i]):
            if all(x is not s for s in sources):
                sources.append(x)
    return sources


class Container(Layer):
    """A directed acyclic graph of layers from ``input`` to ``output`` tensors.

    Layers are ordered as in Keras 1.2.2: by decreasing depth from the outputs, then in
    the order they were first met. ``run_graph`` replays the nodes on new tensors, both
    symbolically (calling the container on new Keras tensors) and numerically (the Keras 3
    replay of :mod:`legacy_keras.engine.executor`).
    """

    def __init__(self, input, output, name=None):
        if not name:
            prefix = self.__class__.__name__.lower()
            name = prefix + "_" + str(K.get_uid(prefix))
        self.name = name
        self.supports_masking = False
        self.trainable = True
        self._trainable_weights = []
        self._non_trainable_weights = []
        self.losses = []
        self.constraints = {}
        self.input_spec = None
        self.uses_learning_phase = False
        self.inputs = list(input) if isinstance(input, (list, tuple)) else [input]
        self.outputs = list(output) if isinstance(output, (list, tuple)) else [output]
        for x in self.inputs + self.outputs:
            if not hasattr(x, "_keras_history"):
                raise TypeError("Input and output tensors of a " + self.__class__.__name__ +
                                " must be Keras tensors. Found: " + str(x) +
                                " (missing Keras metadata).")
        self.input_layers = [x._keras_history[0] for x in self.inputs]
        self.output_layers = [x._keras_history[0] for x in self.outputs]
        self.output_layers_node_indices = [x._keras_history[1] for x in self.outputs]
        self.output_layers_tensor_indices = [x._keras_history[2] for x in self.outputs]
        self.input_names = [layer.name for layer in self.input_layers]
        self.output_names = [layer.name for layer in self.output_layers]
        self.internal_input_shapes = [x._keras_shape for x in self.inputs]
        self.internal_output_shapes = [x._keras_shape for x in self.outputs]
        self._map_graph()
        self.inbound_nodes = []
        self.outbound_nodes = []
        Node(self, inbound_layers=[], node_indices=[], tensor_indices=[],
             input_tensors=self.inputs, output_tensors=self.outputs,
             input_masks=[None] * len(self.inputs), output_masks=[None] * len(self.outputs),
             input_shapes=[x._keras_shape for x in self.inputs],
             output_shapes=[x._keras_shape for x in self.outputs])
        self.built = True

    def _map_graph(self):
        node_depths, layer_depths, layer_order = {}, {}, {}

        def visit(layer, node_index, depth):
            node = layer.inbound_nodes[node_index]
            node_depths[node] = max(depth, node_depths.get(node, depth))
            layer_depths[layer] = max(depth, layer_depths.get(layer, depth))
            layer_order.setdefault(layer, len(layer_order))
            for inbound, inbound_index in zip(node.inbound_layers, node.node_indices):
                visit(inbound, inbound_index, layer_depths[layer] + 1)

        for x in self.outputs:
            layer, node_index, _ = x._keras_history
            visit(layer, node_index, 0)
        self.container_nodes = {
            node.outbound_layer.name + "_ib-" + str(node.outbound_layer.inbound_nodes.index(node))
            for node in node_depths}
        self.nodes_by_depth = {}
        for node, depth in node_depths.items():
            self.nodes_by_depth.setdefault(depth, []).append(node)
        self.layers_by_depth = {}
        for layer, depth in layer_depths.items():
            self.layers_by_depth.setdefault(depth, []).append(layer)
        self.layers = []
        for depth in sorted(self.layers_by_depth, reverse=True):
            key = (lambda l: l.name) if K.legacy_weight_ordering() else layer_order.get
            self.layers.extend(sorted(self.layers_by_depth[depth], key=key))
        self._check_graph()

    def _check_graph(self):
        computable = list(self.inputs)
        done = []
        for depth in sorted(self.nodes_by_depth, reverse=True):
            for node in self.nodes_by_depth[depth]:
                for x in node.input_tensors:
                    if all(x is not c for c in computable):
                        raise RuntimeError("Graph disconnected: cannot obtain value for "
                                           "tensor " + str(x) + " at layer \"" +
                                           node.outbound_layer.name + "\". The following "
                                           "previous layers were accessed without issue: " +
                                           str(done))
                computable.extend(node.output_tensors)
                done.append(node.outbound_layer.name)
        names = [layer.name for layer in self.layers]
        for name in names:
            if names.count(name) != 1:
                raise RuntimeError("The name \"" + name + "\" is used " +
                                   str(names.count(name)) + " times in the model. All "
                                   "layer names should be unique.")

    # -- weights -------------------------------------------------------------------------
    @property
    def trainable_weights(self):
        if not self.trainable:
            return []
        return [w for layer in self.layers for w in layer.trainable_weights]

    @trainable_weights.setter
    def trainable_weights(self, weights):
        raise AttributeError("A model's trainable_weights come from its layers.")

    @property
    def non_trainable_weights(self):
        weights = [w for layer in self.layers for w in layer.non_trainable_weights]
        if not self.trainable:
            weights = [w for layer in self.layers for w in layer.trainable_weights] + weights
        return weights

    @non_trainable_weights.setter
    def non_trainable_weights(self, weights):
        raise AttributeError("A model's non_trainable_weights come from its layers.")

    @property
    def uses_learning_phase(self):
        return any(getattr(x, "_uses_learning_phase", False) for x in self.outputs)

    @uses_learning_phase.setter
    def uses_learning_phase(self, value):
        pass

    def get_weights(self):
        return [w for layer in self.layers for w in layer.get_weights()]

    def set_weights(self, weights):
        """Sets all layers' weights from one flat list; checks everything first."""
        expected = sum(len(layer.weights) for layer in self.layers)
        if len(weights) != expected:
            raise ValueError("You called `set_weights(weights)` on model \"%s\" with a weight "
                             "list of length %d, but the model was expecting %d weights."
                             % (self.name, len(weights), expected))
        pairs = []
        for layer in self.layers:
            for param in layer.weights:
                value = np.asarray(weights[len(pairs)])
                if K.get_value(param).shape != value.shape:
                    raise ValueError("Layer weight shape %s not compatible with provided "
                                     "weight shape %s (weight %s of layer %s)" % (
                                         K.get_value(param).shape, value.shape,
                                         param.name, layer.name))
                pairs.append((param, value))
        K.batch_set_value(pairs)

    def get_layer(self, name=None, index=None):
        """A layer by name or by index in ``self.layers``."""
        if index is not None:
            if len(self.layers) <= index:
                raise ValueError("Was asked to retrieve layer at index " + str(index) +
                                 " but model only has " + str(len(self.layers)) +
                                 " layers.")
            return self.layers[index]
        if not name:
            raise ValueError("Provide either a layer name or layer index.")
        for layer in self.layers:
            if layer.name == name:
                return layer
        raise ValueError("No such layer: " + name)

    # -- as a layer ------------------------------------------------------------------------
    def call(self, input, mask=None):
        outputs, _ = self.run_graph(to_list(input), to_list(mask) if mask is not None
                                    else [None] * len(to_list(input)))
        return _single(outputs)

    def compute_mask(self, input, mask=None):
        _, masks = self.run_graph(to_list(input), to_list(mask) if mask is not None
                                  else [None] * len(to_list(input)))
        return _single(masks)

    def get_output_shape_for(self, input_shape):
        shapes = to_list(input_shape)
        if [tuple(s) for s in shapes] == [tuple(s) for s in self.internal_input_shapes]:
            return _single(list(self.internal_output_shapes))
        known = {}
        for layer, shape in zip(self.input_layers, shapes):
            known[(layer.name, 0, 0)] = shape
        for depth in sorted(self.nodes_by_depth, reverse=True):
            for node in self.nodes_by_depth[depth]:
                layer = node.outbound_layer
                if layer in self.input_layers:
                    continue
                ins = [known[(l.name, n, t)] for l, n, t in
                       zip(node.inbound_layers, node.node_indices, node.tensor_indices)]
                outs = to_list(layer.get_output_shape_for(_single(ins)))
                node_index = layer.inbound_nodes.index(node)
                for i, shape in enumerate(outs):
                    known[(layer.name, node_index, i)] = shape
        return _single([known[(l.name, n, t)] for l, n, t in zip(
            self.output_layers, self.output_layers_node_indices,
            self.output_layers_tensor_indices)])

    def run_graph(self, inputs, masks):
        """Computes the outputs (and masks) for ``inputs`` by calling each node's layer in
        depth order. Works on PyTensor variables and, under the executor, on Keras 3
        tensors."""
        values = {}
        for x, y, mask in zip(self.inputs, inputs, masks):
            values[id(x)] = (y, mask)
        for depth in sorted(self.nodes_by_depth, reverse=True):
            for node in self.nodes_by_depth[depth]:
                layer = node.outbound_layer
                if not node.inbound_layers and layer in self.input_layers:
                    continue
                if not all(id(x) in values for x in node.input_tensors):
                    continue
                xs = [values[id(x)][0] for x in node.input_tensors]
                ms = [values[id(x)][1] for x in node.input_tensors]
                outs = to_list(layer.call(_single(xs), mask=_single(ms)))
                out_masks = to_list(layer.compute_mask(_single(xs), _single(ms)))
                if len(out_masks) != len(outs):
                    out_masks = out_masks * len(outs)
                for x, y, mask in zip(node.output_tensors, outs, out_masks):
                    if hasattr(x, "_keras_shape") and not hasattr(y, "_keras_shape"):
                        try:
                            y._keras_shape = x._keras_shape
                        except AttributeError:
                            pass
                    values[id(x)] = (y, mask)
        return ([values[id(x)][0] for x in self.outputs],
                [values[id(x)][1] for x in self.outputs])

    def get_config(self):
        raise NotImplementedError("Container.get_config is not supported by legacy_keras yet; "
                                  "see migration_guide.md.")
