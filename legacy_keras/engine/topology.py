"""Keras 1.2.2's layer graph: Layer, Node, InputLayer, Input, Container.

Written after Keras 1.2.2's ``keras/engine/topology.py`` semantics: a layer called on a
Keras tensor (a PyTensor variable carrying ``_keras_shape`` and ``_keras_history``)
builds its weights once, records a :class:`Node`, and returns the symbolic output that
``layer.output`` and ``theano.printing.debugprint`` show. The same ``call`` runs again,
numerically, when :mod:`legacy_keras.engine.executor` replays a model in Keras 3.
"""
import copy
import inspect
import types as python_types
import warnings

import numpy as np

from legacy_keras import backend as K
from legacy_keras import initializations, profiles
from legacy_keras.backend._context import (add_activity_losses, in_numeric_execution,
                                           note_numeric_values)
from legacy_keras.engine import saving, theano_bridge
from legacy_keras.engine.registry import layer_from_config
from legacy_keras.regularizers import activity_penalty
from legacy_keras.renames import unknown_argument_error
from legacy_keras.theano import opnames
from legacy_keras.utils.generic_utils import func_dump, func_load  # noqa: F401  (Keras 1.2.2 re-exports)
from legacy_keras.utils.generic_utils import unpack_singleton
from legacy_keras.utils.io_utils import ask_to_proceed_with_overwrite  # noqa: F401


def to_list(x):
    """Keras 1's to_list: a list stays a list; anything else (a tensor, a shape tuple)
    becomes a one-element list."""
    return x if isinstance(x, list) else [x]


def _str(x):
    """``str(x)`` as Theano 1.0 wrote a variable (``Any{2}.0``, ``input_1``,
    ``<TensorType(float32, matrix)>``) in error messages; other objects as usual."""
    if isinstance(x, (list, tuple)):
        return "[" + ", ".join(_str(v) for v in x) + "]"
    if hasattr(x, "owner") and hasattr(x, "type"):
        return opnames.variable_repr(x)
    return str(x)


def object_list_uid(object_list):
    return ", ".join(str(abs(id(x))) for x in to_list(object_list))


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
        x, mask, shape = (unpack_singleton(input_tensors), unpack_singleton(input_masks),
                          unpack_singleton(input_shapes))
        output_tensors = to_list(outbound_layer.call(x, mask=mask))
        output_masks = to_list(outbound_layer.compute_mask(x, mask))
        output_shapes = to_list(outbound_layer.get_output_shape_for(shape))
        _check_call_results(outbound_layer, output_tensors, output_masks, output_shapes)
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

    def get_config(self):
        """Keras 1.2.2's description of the node: layer names and indices."""
        return {"outbound_layer": self.outbound_layer.name if self.outbound_layer else None,
                "inbound_layers": [layer.name if layer else None
                                   for layer in self.inbound_layers],
                "node_indices": self.node_indices,
                "tensor_indices": self.tensor_indices}


def _check_call_results(layer, output_tensors, output_masks, output_shapes):
    """Keras 1.2.2's checks of a layer call: a tensor came back, and one shape and one
    mask per output tensor."""
    if not output_tensors or output_tensors[0] is None:
        raise TypeError('The `call` method of layer "%s" should return a tensor. Found: %s'
                        % (layer.name, output_tensors[0] if output_tensors else None))
    if len(output_tensors) != len(output_shapes):
        raise ValueError('The `get_output_shape_for` method of layer "%s"" should return '
                         'one shape tuple per output tensor of the layer. Found: %s'
                         % (layer.name, output_shapes))
    if len(output_tensors) != len(output_masks):
        raise ValueError('The `compute_mask` method of layer "%s" should return one mask '
                         'tensor per output tensor of the layer. Found: %s'
                         % (layer.name, output_masks))


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
        """Adds regularization losses (those computed from ``inputs``, or unconditional
        ones when ``inputs`` is None)."""
        if losses is None:
            return
        losses = to_list(losses)
        try:
            self.losses += losses
        except AttributeError:
            pass  # a container computes its losses from its layers
        key = object_list_uid(inputs) if inputs is not None else None
        self.__dict__.setdefault("_per_input_losses", {}).setdefault(key, []).extend(losses)

    def add_update(self, updates, inputs=None):
        """Adds ``(variable, new_value)`` updates (e.g. BatchNormalization's running
        statistics), computed from ``inputs`` or unconditional."""
        if updates is None:
            return
        updates = to_list(updates)
        if not hasattr(self, "updates"):
            self.updates = []
        try:
            self.updates += updates
        except AttributeError:
            pass
        key = object_list_uid(inputs) if inputs is not None else None
        self.__dict__.setdefault("_per_input_updates", {}).setdefault(key, []).extend(updates)

    def get_losses_for(self, inputs):
        key = object_list_uid(inputs) if inputs is not None else None
        return self.__dict__.get("_per_input_losses", {}).get(key, [])

    def get_updates_for(self, inputs):
        key = object_list_uid(inputs) if inputs is not None else None
        return self.__dict__.get("_per_input_updates", {}).get(key, [])

    @property
    def regularizers(self):
        """Deprecated in Keras 1.2.2 (always ``[]``): losses are in ``layer.losses``."""
        warnings.warn("The `regularizers` property of layers/models is deprecated. "
                      "Regularization losses are now managed via the `losses` "
                      "layer/model property.")
        return []

    @regularizers.setter
    def regularizers(self, _):
        warnings.warn("The `regularizers` property of layers/models is deprecated. "
                      "Regularization losses are now managed via the `losses` "
                      "layer/model property.")

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
        if not getattr(self, "supports_masking", False):
            if input_mask is not None:
                if any(m is not None for m in to_list(input_mask)):
                    raise ValueError("Layer " + self.name + " does not support masking, "
                                     "but was passed an input_mask: " + _str(input_mask))
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
            # Keras 1.2.2 asked K.int_shape of every input: a plain Theano tensor (no
            # _keras_shape) raises Exception('Not a Keras tensor:', x) here.
            shapes = [K.int_shape(t) for t in to_list(x)]
            if shapes:
                self.build(unpack_singleton(shapes))
            self.built = True
        self.assert_input_compatibility(x)
        tensors = to_list(x)
        if all(getattr(t, "_keras_history", None) for t in tensors):
            histories = [t._keras_history for t in tensors]
            self.add_inbound_node([h[0] for h in histories], [h[1] for h in histories],
                                  [h[2] for h in histories])
            outputs = self.inbound_nodes[-1].output_tensors
        else:
            outputs = to_list(self.call(x, mask))
        regularizer = getattr(self, "activity_regularizer", None)
        if regularizer is not None:
            self.add_loss([activity_penalty(regularizer, output) for output in outputs],
                          tensors)
        return unpack_singleton(outputs)

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

    @property
    def set_input(self):
        """``layer.set_input(input_tensor, shape)`` under Keras 1.0.0-1.1.1 (profile switch
        ``layer_set_input``); under 1.1.2+ there is no such attribute (``hasattr`` is
        False, a call raises AttributeError saying which releases had it)."""
        if not profiles.switch("layer_set_input"):
            raise AttributeError("'%s' object has no attribute 'set_input' (Layer.set_input "
                                 "was removed in Keras 1.1.2; legacy_keras has it under "
                                 "--keras-version 1.1.1 or older, see migration_guide.md "
                                 "section 11)" % type(self).__name__)
        return self._set_input

    def _set_input(self, input_tensor, shape=None):
        """Keras 1.0.0-1.1.1's ``Layer.set_input``: drops the layer's
        connections and makes it a first layer on ``input_tensor`` of ``shape``.

        As with Keras 1's Theano backend (which had no ``int_shape``), ``shape`` must be
        given. It warns when the layer was not an input's first layer or had outbound
        layers (the model is then disconnected), and refuses a layer with several
        inbound nodes. The layer is built again, with new initial weights, as Keras 1
        did.
        """
        self._check_set_input(shape)
        self.inbound_nodes = []
        self.outbound_nodes = []
        input_shape = tuple(shape)
        self._forget_weights()
        self.build(input_shape)
        self.built = True
        input_tensor._uses_learning_phase = False
        input_tensor._keras_history = (None, 0, 0)
        input_tensor._keras_shape = input_shape
        outputs = to_list(self.call(input_tensor))
        shapes = to_list(self.get_output_shape_for(input_shape))
        masks = to_list(self.compute_mask(input_tensor, None))
        for i, output in enumerate(outputs):
            output._keras_history = (self, 0, i)
            output._keras_shape = shapes[i]
            output._uses_learning_phase = (getattr(output, "_uses_learning_phase", False)
                                           or getattr(self, "uses_learning_phase", False))
        Node(self, inbound_layers=[], node_indices=[], tensor_indices=[],
             input_tensors=[input_tensor], output_tensors=outputs, input_masks=[None],
             output_masks=masks, input_shapes=[input_shape], output_shapes=shapes)

    def _forget_weights(self):
        """Before ``set_input`` builds a layer again (as Keras 1.0-1.1 did): its weights,
        their regularization losses, constraints and updates are dropped, so the new
        build draws new initial weights instead of adding a second set."""
        if isinstance(self, Container) or not self.built:
            return
        self._trainable_weights = []
        self._non_trainable_weights = []
        self.constraints = {}
        self.losses = []
        for attribute in ("_weight_regularizers", "_per_input_losses", "_per_input_updates"):
            self.__dict__.pop(attribute, None)
        if isinstance(self.__dict__.get("updates"), list):
            self.updates = []

    def _check_set_input(self, shape):
        """Keras 1.0-1.1's refusals and warnings before ``set_input`` rewires a layer."""
        if len(self.inbound_nodes) > 1:
            raise Exception("Cannot `set_input` for layer " + self.name +
                            " because it has more than one inbound connection.")
        if len(self.inbound_nodes) == 1 and self.inbound_nodes[0].inbound_layers:
            warnings.warn("You are manually setting the input for layer " + self.name +
                          " but it is not an Input layer. This will cause part of your "
                          "model to be disconnected.")
        if self.outbound_nodes:
            warnings.warn("You are manually setting the input for layer " + self.name +
                          " but it has " + str(len(self.outbound_nodes)) +
                          " outbound layers. This will cause part of your model to be "
                          "disconnected.")
        if not shape:
            raise Exception("`set_input` needs to know the shape of the `input_tensor` it "
                            "receives, but Keras was not able to infer it automatically. "
                            "Specify it via: `model.set_input(input_tensor, shape)`")

    # -- node attributes -------------------------------------------------------------------
    def _node_attribute(self, node_index, attribute, what):
        if not self.inbound_nodes:
            raise RuntimeError("The layer has never been called and thus has no defined " +
                               what + ".")
        if len(self.inbound_nodes) <= node_index:
            raise ValueError("Asked to get " + what + " at node " + str(node_index) +
                             ", but the layer has only " + str(len(self.inbound_nodes)) +
                             " inbound nodes.")
        return unpack_singleton(getattr(self.inbound_nodes[node_index], attribute))

    def _single_node_attribute(self, attribute, what):
        if len(self.inbound_nodes) > 1:
            raise AttributeError("Layer " + self.name + " has multiple inbound nodes, hence "
                                 "the notion of \"layer " + what + "\" is ill-defined. Use "
                                 "`get_" + what.replace(" ", "_") + "_at(node_index)` "
                                 "instead.")
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
            raise AttributeError("The layer has never been called and thus has no defined " +
                                 what + ".")
        shapes = {str(getattr(node, attribute)) for node in self.inbound_nodes}
        if len(shapes) != 1:
            raise AttributeError("The layer \"" + str(self.name) + " has multiple inbound "
                                 "nodes, with different " + what + "s. Hence the notion of "
                                 "\"" + what + "\" is ill-defined for the layer. Use `get_" +
                                 what.replace(" ", "_") + "_at(node_index)` instead.")
        return unpack_singleton(getattr(self.inbound_nodes[0], attribute))

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
            raise AssertionError("Please provide to Input either a `shape` or a `batch_shape` "
                                 "argument. Note that `shape` does not include the "
                                 "batch dimension.")
        batch_shape = (None,) + tuple(shape)
    input_layer = InputLayer(batch_input_shape=batch_shape, name=name,
                             input_dtype=dtype or K.floatx(), sparse=sparse,
                             input_tensor=tensor)
    return unpack_singleton(input_layer.inbound_nodes[0].output_tensors)


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


_MERGE_MODES = {"sum", "mul", "concat", "ave", "cos", "dot", "max"}


def _function_entry(value):
    """(value, type) as Keras 1.2.2 wrote a mode / output_shape / output_mask in a
    config: marshalled code for Python functions ('lambda': ``types.LambdaType`` is
    every Python function), a name for other callables, else the raw value."""
    if isinstance(value, python_types.LambdaType):
        return func_dump(value), "lambda"
    if callable(value):
        return value.__name__, "function"
    return value, "raw"


def _function_from_entry(config, key, kind):
    if kind == "function":
        return globals()[config[key]]
    if kind == "lambda":
        return func_load(config[key], globs=globals())
    return config.get(key)


class Merge(Layer):
    """Merges a list of tensors (or the outputs of a list of layers / models) with a
    ``mode``: 'sum', 'mul', 'concat' (``concat_axis``), 'ave', 'cos', 'dot'
    (``dot_axes``), 'max', or a callable taking the list of tensors (with
    ``output_shape`` and optionally ``output_mask``, ``arguments``).

    ``Merge([model1, model2], mode=...)`` as the first layer of a Sequential is Keras 1's
    legacy way of building multi-input models. A Merge layer can be called only once;
    the ``merge()`` function creates a new one each time.
    """

    def __init__(self, layers=None, mode="sum", concat_axis=-1, dot_axes=-1,
                 output_shape=None, output_mask=None, arguments=None, node_indices=None,
                 tensor_indices=None, name=None):
        self.layers = layers
        self.mode = mode
        self.concat_axis = concat_axis
        self.dot_axes = dot_axes
        self._output_shape = output_shape
        self.node_indices = node_indices
        self._output_mask = output_mask
        self.arguments = arguments if arguments else {}
        self.inbound_nodes = []
        self.outbound_nodes = []
        self.constraints = {}
        self.losses = []
        self._trainable_weights = []
        self._non_trainable_weights = []
        self.supports_masking = True
        self.uses_learning_phase = False
        self.input_spec = None
        self.trainable = True
        if not name:
            prefix = self.__class__.__name__.lower()
            name = prefix + "_" + str(K.get_uid(prefix))
        self.name = name
        self.built = False
        if layers:
            node_indices = node_indices or [0] * len(layers)
            self._arguments_validation(layers, mode, concat_axis, dot_axes, node_indices,
                                       tensor_indices)
            self.built = True
            self.add_inbound_node(layers, node_indices, tensor_indices)

    def _arguments_validation(self, layers, mode, concat_axis, dot_axes, node_indices,
                              tensor_indices):
        """Keras 1.2.2's checks of the mode against the inputs' shapes."""
        if not callable(mode) and mode not in _MERGE_MODES:
            raise ValueError("Invalid merge mode: " + str(mode))
        if not isinstance(layers, (list, tuple)) or len(layers) < 2:
            raise TypeError("A Merge should only be applied to a list of layers with at "
                            "least 2 elements. Found: " + _layers_str(layers))
        tensor_indices = tensor_indices or [None] * len(layers)
        input_shapes = []
        for layer, node_index, tensor_index in zip(layers, node_indices, tensor_indices):
            shape = layer.get_output_shape_at(node_index)
            if isinstance(shape, list):
                shape = shape[tensor_index]
            input_shapes.append(shape)
        if mode in {"sum", "mul", "ave", "cos", "max"} and len(set(input_shapes)) > 1:
            raise ValueError("Only layers of same output shape can be merged using " + mode +
                             " mode. Layer shapes: %s" % input_shapes)
        if mode in {"cos", "dot"}:
            self._validate_dot_axes(layers, dot_axes, input_shapes, mode)
        elif mode == "concat":
            reduced = set()
            for shape in input_shapes:
                shape = list(shape)
                del shape[concat_axis]
                reduced.add(tuple(shape))
            if len(reduced) > 1:
                raise ValueError("\"concat\" mode can only merge layers with matching "
                                 "output shapes except for the concat axis. Layer shapes: "
                                 "%s" % input_shapes)

    def _validate_dot_axes(self, layers, dot_axes, input_shapes, mode):
        if len(layers) > 2:
            raise ValueError(mode + " merge takes exactly 2 layers")
        shape1, shape2 = input_shapes[0], input_shapes[1]
        if isinstance(dot_axes, int):
            if dot_axes < 0:
                self.dot_axes = [dot_axes % len(shape1), dot_axes % len(shape2)]
            else:
                self.dot_axes = [dot_axes] * 2
        if not isinstance(self.dot_axes, (list, tuple)):
            raise TypeError("Invalid type for dot_axes - should be a list.")
        if len(self.dot_axes) != 2:
            raise ValueError("Invalid format for dot_axes - should contain two elements.")
        if not all(isinstance(axis, int) for axis in self.dot_axes):
            raise ValueError("Invalid format for dot_axes - list elements should be \"int\".")
        if shape1[self.dot_axes[0]] != shape2[self.dot_axes[1]]:
            raise ValueError("Dimension incompatibility using dot mode: %s != %s. "
                             % (shape1[self.dot_axes[0]], shape2[self.dot_axes[1]]) +
                             "Layer shapes: %s, %s" % (shape1, shape2))

    def call(self, inputs, mask=None):
        if not isinstance(inputs, list) or len(inputs) <= 1:
            raise TypeError("Merge must be called on a list of tensors (at least 2). Got: " +
                            _str(inputs))
        if callable(self.mode):
            arguments = self.arguments
            if _takes_argument(self.mode, "mask"):
                arguments["mask"] = mask
            return self.mode(inputs, **arguments)
        if self.mode in ("sum", "ave"):
            s = inputs[0]
            for x in inputs[1:]:
                s += x
            if self.mode == "ave":
                s /= len(inputs)
            return s
        if self.mode == "concat":
            return K.concatenate(inputs, axis=self.concat_axis)
        if self.mode == "mul":
            s = inputs[0]
            for x in inputs[1:]:
                s *= x
            return s
        if self.mode == "max":
            s = inputs[0]
            for x in inputs[1:]:
                s = K.maximum(s, x)
            return s
        if self.mode == "dot":
            return K.batch_dot(inputs[0], inputs[1], self.dot_axes)
        if self.mode == "cos":
            return self._cosine(inputs[0], inputs[1])
        raise ValueError("Unknown merge mode.")

    def _cosine(self, l1, l2):
        denominator = K.sqrt(K.batch_dot(l1, l1, self.dot_axes) *
                             K.batch_dot(l2, l2, self.dot_axes))
        denominator = K.maximum(denominator, K.epsilon())
        output = K.batch_dot(l1, l2, self.dot_axes) / denominator
        return K.expand_dims(output, 1)

    def __call__(self, inputs, mask=None):
        if not isinstance(inputs, list):
            raise TypeError("Merge can only be called on a list of tensors, not a single "
                            "tensor. Received: " + _str(inputs))
        if self.built:
            raise RuntimeError("A Merge layer cannot be used more than once, please use the "
                               "\"merge\" function instead: `merged_tensor = "
                               "merge([tensor_1, tensor2])`.")
        if not all(hasattr(x, "_keras_history") for x in inputs):
            return self.call(inputs, mask)
        histories = [x._keras_history for x in inputs]
        layers = [h[0] for h in histories]
        node_indices = [h[1] for h in histories]
        tensor_indices = [h[2] for h in histories]
        self._arguments_validation(layers, self.mode, self.concat_axis, self.dot_axes,
                                   node_indices, tensor_indices)
        self.built = True
        self.add_inbound_node(layers, node_indices, tensor_indices)
        return self.inbound_nodes[-1].output_tensors[0]

    def get_output_shape_for(self, input_shape):
        assert isinstance(input_shape, list)
        if callable(self.mode):
            return self._callable_output_shape(input_shape)
        if self.mode in ("sum", "mul", "ave", "max"):
            return input_shape[0]
        if self.mode == "concat":
            output_shape = list(input_shape[0])
            for shape in input_shape[1:]:
                if output_shape[self.concat_axis] is None or shape[self.concat_axis] is None:
                    output_shape[self.concat_axis] = None
                    break
                output_shape[self.concat_axis] += shape[self.concat_axis]
            return tuple(output_shape)
        shape1, shape2 = list(input_shape[0]), list(input_shape[1])
        shape1.pop(self.dot_axes[0])
        shape2.pop(self.dot_axes[1])
        shape2.pop(0)
        output_shape = shape1 + shape2
        if len(output_shape) == 1:
            output_shape += [1]
        return tuple(output_shape)

    def _callable_output_shape(self, input_shape):
        if callable(self._output_shape):
            return self._output_shape(input_shape)
        if self._output_shape is not None:
            return (input_shape[0][0],) + tuple(self._output_shape)
        raise ValueError("The Merge layer " + self.name + " has a callable `mode` argument, "
                         "and we cannot infer its output shape because no `output_shape` "
                         "argument was provided. Make sure to pass a shape tuple (or "
                         "callable) `output_shape` to Merge.")

    def compute_mask(self, inputs, mask=None):
        if mask is None or all(m is None for m in mask):
            return None
        assert hasattr(mask, "__len__") and len(mask) == len(inputs)
        if self.mode in ("sum", "mul", "ave"):
            masks = [K.expand_dims(m, 0) for m in mask if m is not None]
            return K.all(K.concatenate(masks, axis=0), axis=0, keepdims=False)
        if self.mode == "concat":
            masks = []
            for input_i, mask_i in zip(inputs, mask):
                if mask_i is None:
                    masks.append(K.cast(K.ones_like(input_i), "uint8"))
                elif K.ndim(mask_i) < K.ndim(input_i):
                    masks.append(K.expand_dims(mask_i))
                else:
                    masks.append(mask_i)
            concatenated = K.concatenate(masks, axis=self.concat_axis)
            return K.all(concatenated, axis=-1, keepdims=False)
        if self.mode in ("cos", "dot"):
            return None
        if callable(self.mode):
            if callable(self._output_mask):
                return self._output_mask(mask)
            return self._output_mask
        raise ValueError("Invalid merge mode: {}".format(self.mode))

    def get_config(self):
        mode, mode_type = _function_entry(self.mode)
        output_shape, output_shape_type = _function_entry(self._output_shape)
        output_mask, output_mask_type = _function_entry(self._output_mask)
        return {"name": self.name,
                "mode": mode,
                "mode_type": mode_type,
                "concat_axis": self.concat_axis,
                "dot_axes": self.dot_axes,
                "output_shape": output_shape,
                "output_shape_type": output_shape_type,
                "output_mask": output_mask,
                "output_mask_type": output_mask_type,
                "arguments": self.arguments}

    @classmethod
    def from_config(cls, config):
        config = dict(config)
        config["mode"] = _function_from_entry(config, "mode", config.pop("mode_type"))
        config["output_shape"] = _function_from_entry(
            config, "output_shape", config.pop("output_shape_type", None))
        config["output_mask"] = _function_from_entry(
            config, "output_mask", config.pop("output_mask_type", None))
        return cls(**config)


def _takes_argument(function, name):
    try:
        return name in inspect.getfullargspec(function).args
    except TypeError:
        return False


def _layers_str(layers):
    """Keras 1 printed the list of layers with their default reprs."""
    if not isinstance(layers, (list, tuple)):
        return str(layers)
    return "[" + ", ".join("<%s.%s object at 0x%x>" % (_keras1_module(l), type(l).__name__,
                                                        id(l)) for l in layers) + "]"


def _keras1_module(layer):
    module = type(layer).__module__
    if module.startswith("legacy_keras"):
        return module.replace("legacy_keras", "keras", 1)
    return module


def merge(inputs, mode="sum", concat_axis=-1, dot_axes=-1, output_shape=None,
          output_mask=None, arguments=None, name=None):
    """Merges a list of Keras tensors with a new Merge layer and returns its output
    (on plain tensors, computes the merge directly)."""
    if all(hasattr(x, "_keras_history") for x in inputs):
        histories = [x._keras_history for x in inputs]
        layer = Merge([h[0] for h in histories], mode=mode, concat_axis=concat_axis,
                      dot_axes=dot_axes, output_shape=output_shape, output_mask=output_mask,
                      arguments=arguments, node_indices=[h[1] for h in histories],
                      tensor_indices=[h[2] for h in histories], name=name)
        return layer.inbound_nodes[0].output_tensors[0]
    layer = Merge(mode=mode, concat_axis=concat_axis, dot_axes=dot_axes,
                  output_shape=output_shape, output_mask=output_mask, arguments=arguments,
                  name=name)
    return layer(inputs)



def _node_mask(layer, inputs, masks):
    """A layer's output mask while replaying a graph. Theano built masks lazily: a mask
    that could not be computed (Keras 1.2.2's concat of a (samples, time, 1) mask with
    a (samples, time, features) one) failed only if something evaluated it. In Keras 3
    execution the mask is computed at once, so a failing one becomes None there;
    symbolic graphs keep Keras 1's behaviour."""
    if not K.is_numeric(inputs):
        return layer.compute_mask(inputs, masks)
    try:
        return layer.compute_mask(inputs, masks)
    except Exception:  # noqa: BLE001 - see the docstring
        return None

def _same_objects(first, second):
    return len(first) == len(second) and all(a is b for a, b in zip(first, second))


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
        self.input_spec = None
        self.inputs = list(input) if isinstance(input, (list, tuple)) else [input]
        self.outputs = list(output) if isinstance(output, (list, tuple)) else [output]
        self._check_tensors()
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

    def _check_tensors(self):
        if len({id(x) for x in self.inputs}) != len(self.inputs):
            raise ValueError("The list of inputs passed to the model is redundant. All "
                             "inputs should only appear once. Found: " + _str(self.inputs))
        cls_name = self.__class__.__name__
        for x in self.inputs:
            if not hasattr(x, "_keras_history"):
                raise TypeError("Input tensors to a " + cls_name + " must be Keras "
                                "tensors. Found: " + _str(x) + " (missing Keras metadata).")
        for x in self.outputs:
            if not hasattr(x, "_keras_history"):
                raise TypeError("Output tensors to a " + cls_name + " must be Keras "
                                "tensors. Found: " + _str(x))

    def _map_graph(self):
        """Depths of nodes and layers, walking back from each output as Keras 1.2.2 did
        (a layer's depth is the largest over its nodes; its predecessors are one
        deeper), and the traversal order that breaks ties in ``self.layers``."""
        node_depths, layer_depths, layer_order = {}, {}, {}

        def visit(layer, node_index, depth, seen):
            node = layer.inbound_nodes[node_index]
            seen.add((id(node), depth))
            node_depths[node] = max(depth, node_depths.get(node, depth))
            layer_depths[layer] = max(depth, layer_depths.get(layer, depth))
            layer_order.setdefault(layer, len(layer_order))
            next_depth = layer_depths[layer] + 1
            for inbound, inbound_index in zip(node.inbound_layers, node.node_indices):
                if (id(inbound.inbound_nodes[inbound_index]), next_depth) not in seen:
                    visit(inbound, inbound_index, next_depth, seen)

        for x in self.outputs:
            layer, node_index, _ = x._keras_history
            visit(layer, node_index, 0, set())
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
        """True when any layer of the graph behaves differently in training."""
        return any(getattr(layer, "uses_learning_phase", False) for layer in self.layers)

    @uses_learning_phase.setter
    def uses_learning_phase(self, value):
        pass

    def _owned(self, layer, attribute, getter):
        """A layer's losses / updates that belong to this container's nodes (plus its
        unconditional ones), as Keras 1.2.2 collected them."""
        if len(layer.inbound_nodes) == 1:
            return list(getattr(layer, attribute))
        collected = []
        for node_index, node in enumerate(layer.inbound_nodes):
            if layer.name + "_ib-" + str(node_index) in self.container_nodes:
                collected += getattr(layer, getter)(node.input_tensors)
        return collected + getattr(layer, getter)(None)

    @property
    def losses(self):
        return [loss for layer in self.layers if hasattr(layer, "losses")
                for loss in self._owned(layer, "losses", "get_losses_for")]

    @property
    def updates(self):
        return [update for layer in self.layers if hasattr(layer, "updates")
                for update in self._owned(layer, "updates", "get_updates_for")]

    @property
    def constraints(self):
        constraints = {}
        for layer in self.layers:
            for key, value in layer.constraints.items():
                if key in constraints and constraints[key] != value:
                    raise ValueError("Received multiple constraints for one weight "
                                     "tensor: " + str(key))
                constraints[key] = value
        return constraints

    @constraints.setter
    def constraints(self, value):
        pass

    @property
    def regularizers(self):
        warnings.warn("The `regularizers` attribute of layers/models is deprecated. "
                      "Regularization losses are now managed via the `losses` layer/model "
                      "property.\nThe `regularizers` attribute will be removed after "
                      "06/2017.")
        return []

    def _weight_layers(self):
        return self.layers

    @property
    def stateful(self):
        return any(getattr(layer, "stateful", False) for layer in self.layers)

    def reset_states(self):
        """Resets the states of every stateful layer (Keras 1.2.2's Container)."""
        for layer in self.layers:
            if hasattr(layer, "reset_states") and getattr(layer, "stateful", False):
                layer.reset_states()

    def get_weights(self):
        return [w for layer in self._weight_layers() for w in layer.get_weights()]

    def set_weights(self, weights):
        """Sets all layers' weights from one flat list; checks everything first (Keras 1
        set layer after layer, so a bad list could leave the model half-changed)."""
        layers = self._weight_layers()
        expected = sum(len(layer.weights) for layer in layers)
        if len(weights) != expected:
            raise ValueError("You called `set_weights(weights)` on model \"%s\" with a weight "
                             "list of length %d, but the model was expecting %d weights."
                             % (self.name, len(weights), expected))
        pairs = []
        for layer in layers:
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
            raise AssertionError("Provide either a layer name or layer index.")
        for layer in self.layers:
            if layer.name == name:
                return layer
        if not self.layers:
            raise ValueError("No such layer: " + name)
        return None  # Keras 1.2.2 returned None for an unknown name

    # -- as a layer ------------------------------------------------------------------------
    def call(self, input, mask=None):
        outputs, _ = self._run_graph_once(input, mask)
        return unpack_singleton(outputs)

    def compute_mask(self, input, mask=None):
        _, masks = self._run_graph_once(input, mask)
        return unpack_singleton(masks)

    def _run_graph_once(self, input, mask):
        """(outputs, masks) of the graph for these inputs and masks, computed once.

        Keras 1.2.2 cached a container's outputs and masks per (inputs, masks), so that
        calling a model as a layer and then asking for its output mask ran its graph
        once. That matters beyond speed: in Keras 3 execution a second run would apply
        the inner layers' state changes (BatchNormalization's running statistics,
        stateful recurrent states) twice. The last run is kept with its inputs, compared
        by identity (the references keep those objects alive, so no id is reused)."""
        inputs = to_list(input)
        masks = to_list(mask) if mask is not None else [None] * len(inputs)
        last = getattr(self, "_last_graph_run", None)
        if last is not None and _same_objects(last[0], inputs) and _same_objects(last[1], masks):
            return last[2], last[3]
        symbolic = not K.is_numeric(*[x for x in inputs if x is not None])
        outputs, output_masks = self.run_graph(inputs, masks,
                                               owner_inputs=inputs if symbolic else None)
        self._last_graph_run = (inputs, masks, outputs, output_masks)
        return outputs, output_masks

    def get_output_shape_for(self, input_shape):
        shapes = to_list(input_shape)
        if [tuple(s) for s in shapes] == [tuple(s) for s in self.internal_input_shapes]:
            return unpack_singleton(list(self.internal_output_shapes))
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
                outs = to_list(layer.get_output_shape_for(unpack_singleton(ins)))
                node_index = layer.inbound_nodes.index(node)
                for i, shape in enumerate(outs):
                    known[(layer.name, node_index, i)] = shape
        return unpack_singleton([known[(l.name, n, t)] for l, n, t in zip(
            self.output_layers, self.output_layers_node_indices,
            self.output_layers_tensor_indices)])

    def run_graph(self, inputs, masks, owner_inputs=None):
        """Computes the outputs (and masks) for ``inputs`` by calling each node's layer in
        depth order. Works on PyTensor variables and, under the executor, on Keras 3
        tensors.

        With ``owner_inputs`` (a symbolic call of this container on new tensors), the
        updates and losses its layers create for those tensors become this container's,
        keyed by ``owner_inputs``, as Keras 1.2.2's ``run_internal_graph`` kept them (so a
        model that uses this one as a layer collects, e.g., its BatchNormalization
        updates)."""
        values = {}
        for x, y, mask in zip(self.inputs, inputs, masks):
            values[id(x)] = (y, mask)
        numeric = in_numeric_execution()
        if numeric:
            note_numeric_values(self.inputs, inputs)
        for depth in sorted(self.nodes_by_depth, reverse=True):
            for node in self.nodes_by_depth[depth]:
                layer = node.outbound_layer
                if not node.inbound_layers and layer in self.input_layers:
                    continue
                if not all(id(x) in values for x in node.input_tensors):
                    continue
                xs = [values[id(x)][0] for x in node.input_tensors]
                ms = [values[id(x)][1] for x in node.input_tensors]
                if numeric:  # raw Theano in call: see engine/theano_bridge.py
                    outs = to_list(theano_bridge.call_layer(layer, node, xs, ms))
                    note_numeric_values(node.output_tensors, outs)
                else:
                    outs = to_list(layer.call(unpack_singleton(xs), mask=unpack_singleton(ms)))
                if owner_inputs is not None:
                    self._adopt_updates_and_losses(layer, xs, owner_inputs)
                regularizer = getattr(layer, "activity_regularizer", None)
                if regularizer is not None and in_numeric_execution():
                    add_activity_losses([activity_penalty(regularizer, y) for y in outs])
                out_masks = to_list(_node_mask(layer, unpack_singleton(xs), unpack_singleton(ms)))
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

    def run_internal_graph(self, inputs, masks=None):
        """Keras 1.2.2's public form of :meth:`run_graph`: ``(output_tensors,
        output_masks, output_shapes)`` for the list ``inputs`` (``masks`` default to
        None), each a list or, for one output, the value itself; the shapes are None
        unless every output has a Keras shape."""
        if masks is None:
            masks = [None] * len(inputs)
        outputs, output_masks = self.run_graph(list(inputs), list(masks))
        shapes = [getattr(y, "_keras_shape", None) for y in outputs]
        shapes = None if None in shapes else unpack_singleton(shapes)
        return unpack_singleton(outputs), unpack_singleton(output_masks), shapes

    def _adopt_updates_and_losses(self, layer, layer_inputs, owner_inputs):
        self.add_update(layer.get_updates_for(layer_inputs), owner_inputs)
        self.add_update(layer.get_updates_for(None), None)
        self.add_loss(layer.get_losses_for(layer_inputs), owner_inputs)
        self.add_loss(layer.get_losses_for(None), None)

    # -- config and summary -------------------------------------------------------------
    def _node_conversion_map(self):
        """Node indices renumbered to count only this container's nodes (a container's
        own first node counts as 0, so its calls start at 1)."""
        conversion = {}
        for layer in self.layers:
            kept = 1 if isinstance(layer, Container) else 0
            for index in range(len(layer.inbound_nodes)):
                key = layer.name + "_ib-" + str(index)
                if key in self.container_nodes:
                    conversion[key] = kept
                    kept += 1
        return conversion

    def _inbound_nodes_config(self, layer, conversion):
        nodes = []
        for index, node in enumerate(layer.inbound_nodes):
            if layer.name + "_ib-" + str(index) not in self.container_nodes:
                continue
            if node.inbound_layers:
                nodes.append([[inbound.name,
                               conversion.get(inbound.name + "_ib-" + str(node_index), 0),
                               tensor_index]
                              for inbound, node_index, tensor_index in zip(
                                  node.inbound_layers, node.node_indices,
                                  node.tensor_indices)])
        return nodes

    def get_config(self):
        """Keras 1.2.2's model config: name, layers (with their inbound nodes as
        ``[layer name, node index, tensor index]``), input_layers, output_layers."""
        conversion = self._node_conversion_map()
        layers = [{"name": layer.name,
                   "class_name": layer.__class__.__name__,
                   "config": layer.get_config(),
                   "inbound_nodes": self._inbound_nodes_config(layer, conversion)}
                  for layer in self.layers]

        def endpoints(layers, node_indices, tensor_indices):
            return [[layer.name, conversion[layer.name + "_ib-" + str(node_index)],
                     tensor_index]
                    for layer, node_index, tensor_index in zip(layers, node_indices,
                                                               tensor_indices)]

        config = {"name": self.name,
                  "layers": layers,
                  "input_layers": endpoints(self.input_layers, [0] * len(self.inputs),
                                            [0] * len(self.inputs)),
                  "output_layers": endpoints(self.output_layers,
                                             self.output_layers_node_indices,
                                             self.output_layers_tensor_indices)}
        return copy.deepcopy(config)

    @classmethod
    def from_config(cls, config, custom_objects=None):
        """Re-creates the layers and calls them on each other as the config says."""
        created = {}
        for layer_data in config["layers"]:
            layer = layer_from_config(layer_data, custom_objects=custom_objects)
            created[layer_data["name"]] = layer
            for node_data in layer_data["inbound_nodes"]:
                inputs = []
                for layer_name, node_index, tensor_index in node_data:
                    if layer_name not in created:
                        raise AssertionError("Missing layer: %s" % layer_name)
                    node = created[layer_name].inbound_nodes[node_index]
                    inputs.append(node.output_tensors[tensor_index])
                if inputs:
                    layer(unpack_singleton(inputs))

        def tensors(entries):
            return [created[name].inbound_nodes[node_index].output_tensors[tensor_index]
                    for name, node_index, tensor_index in entries]

        return cls(input=tensors(config["input_layers"]),
                   output=tensors(config["output_layers"]), name=config.get("name"))

    # -- files (Keras 1.2.2's HDF5 / JSON / YAML formats: see engine/saving.py) ----------------
    def save(self, filepath, overwrite=True):
        """Architecture, weights, training configuration and optimizer state in one HDF5
        file (``keras.models.load_model`` reads it)."""
        saving.save_model(self, filepath, overwrite)

    def save_weights(self, filepath, overwrite=True):
        saving.save_weights(self, filepath, overwrite)

    def save_weights_to_hdf5_group(self, f):
        saving.save_weights_to_hdf5_group(self, f)

    def load_weights(self, filepath, by_name=False):
        """Weights from a ``save_weights`` (or ``save``) file, by layer order or by layer
        name; everything is checked before anything is assigned."""
        saving.load_weights(self, filepath, by_name)

    def load_weights_from_hdf5_group(self, f):
        saving.load_weights_from_hdf5_group(self, f)

    def load_weights_from_hdf5_group_by_name(self, f):
        saving.load_weights_from_hdf5_group(self, f, by_name=True)

    def to_json(self, **kwargs):
        return saving.to_json(self, **kwargs)

    def to_yaml(self, **kwargs):
        return saving.to_yaml(self, **kwargs)

    def summary(self, line_length=100, positions=[.33, .55, .67, 1.]):
        """Prints Keras 1.2.2's summary table (see ``keras.utils.layer_utils``)."""
        layers = getattr(self, "flattened_layers", None) or self.layers
        print_summary(layers, getattr(self, "container_nodes", None),
                      line_length=line_length, positions=positions)


# ---------------------------------------------------------------------------------------------
# Container.summary()'s table (Keras 1.2.2's keras.utils.layer_utils.print_summary)
# ---------------------------------------------------------------------------------------------
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
