"""``keras.models`` (Keras 1.2.2): Sequential and Model."""
import copy
import warnings

from legacy_keras import backend as K
from legacy_keras.engine import registry, saving
from legacy_keras.engine.registry import layer_from_config
from legacy_keras.engine.topology import Layer, Merge, Node, get_source_inputs
from legacy_keras.engine.training import Model
from legacy_keras.legacy.models import Graph  # noqa: F401  (Keras 1.0-1.1's container)
from legacy_keras.optimizers import optimizer_from_config  # noqa: F401  (Keras 1.2.2 re-exports)
from legacy_keras.utils.io_utils import ask_to_proceed_with_overwrite  # noqa: F401


class Sequential(Model):
    """A linear stack of layers.

    As in Keras 1.2.2, the first layer gets an Input named ``<class>_input_<n>`` from its
    ``input_shape`` / ``batch_input_shape``; ``model.layers`` lists the added layers;
    ``build()`` makes the inner functional ``model`` (named ``<name>_model``) that
    predicts and trains.
    """

    def __init__(self, layers=None, name=None):
        self.layers = []
        self.model = None
        self.inputs = []
        self.outputs = []
        self._trainable = True
        self.inbound_nodes = []
        self.outbound_nodes = []
        self.built = False
        self._flattened_layers = None
        self.supports_masking = False
        self.input_spec = None
        if not name:
            prefix = "sequential_"
            name = prefix + str(K.get_uid(prefix))
        self.name = name
        for layer in layers or []:
            self.add(layer)

    def add(self, layer):
        """Appends ``layer`` and connects it to the current output.

        A first layer without inbound nodes gets an Input from its ``input_shape``; a
        first layer already connected (a Merge of branch models, a built Sequential)
        starts the model from its output, and the model's inputs are its sources."""
        if not isinstance(layer, Layer):
            raise TypeError("The added layer must be an instance of class Layer. Found: " +
                            str(layer))
        if not self.outputs:
            if not layer.inbound_nodes:
                if not hasattr(layer, "batch_input_shape"):
                    raise ValueError("The first layer in a Sequential model must get an "
                                     "`input_shape` or `batch_input_shape` argument.")
                layer.create_input_layer(layer.batch_input_shape, layer.input_dtype)
            if len(layer.inbound_nodes) != 1:
                raise ValueError("A layer added to a Sequential model must not already be "
                                 "connected somewhere else. Model received layer " +
                                 layer.name + " which has " +
                                 str(len(layer.inbound_nodes)) + " pre-existing inbound "
                                 "connections.")
            if len(layer.inbound_nodes[0].output_tensors) != 1:
                raise ValueError("All layers in a Sequential model should have a single "
                                 "output tensor. For multi-output layers, use the "
                                 "functional API.")
            self.outputs = [layer.inbound_nodes[0].output_tensors[0]]
            self.inputs = get_source_inputs(self.outputs[0])
            Node(self, inbound_layers=[], node_indices=[], tensor_indices=[],
                 input_tensors=self.inputs, output_tensors=self.outputs,
                 input_masks=[None] * len(self.inputs), output_masks=[None],
                 input_shapes=[x._keras_shape for x in self.inputs],
                 output_shapes=[self.outputs[0]._keras_shape])
        else:
            output_tensor = layer(self.outputs[0])
            if isinstance(output_tensor, list):
                raise TypeError("All layers in a Sequential model should have a single "
                                "output tensor. For multi-output layers, use the "
                                "functional API.")
            self.outputs = [output_tensor]
            self.inbound_nodes[0].output_tensors = self.outputs
            self.inbound_nodes[0].output_shapes = [self.outputs[0]._keras_shape]
        self.layers.append(layer)
        self.built = False
        self.model = None
        self._flattened_layers = None

    def pop(self):
        if not self.layers:
            raise TypeError("There are no layers in the model.")
        self.layers.pop()
        if not self.layers:
            self.outputs = []
            self.inbound_nodes = []
            self.outbound_nodes = []
        else:
            self.layers[-1].outbound_nodes = []
            self.outputs = [self.layers[-1].output]
            self.inbound_nodes[0].output_tensors = self.outputs
            self.inbound_nodes[0].output_shapes = [self.outputs[0]._keras_shape]
        self.built = False
        self.model = None
        self._flattened_layers = None

    def build(self, input_shape=None):
        if not self.inputs or not self.outputs:
            raise TypeError("Sequential model cannot be built: model is empty. Add some "
                            "layers first.")
        self.model = Model(self.inputs, self.outputs[0], name=self.name + "_model")
        self.model.trainable = self.trainable
        self.built = True

    def _built_model(self):
        if not self.built or self.model is None:
            self.build()
        return self.model

    # -- what the inner model knows --------------------------------------------------------
    @property
    def trainable(self):
        return self._trainable

    @trainable.setter
    def trainable(self, value):
        if self.model:
            self.model.trainable = value
        self._trainable = value

    @property
    def input_names(self):
        return self._built_model().input_names

    @property
    def output_names(self):
        return self._built_model().output_names

    @property
    def internal_input_shapes(self):
        return self._built_model().internal_input_shapes

    @property
    def container_nodes(self):
        """The inner model's nodes; like Keras 1.2.2 (which set it in ``build()``), absent
        before the model is built, so summary() then shows every connection."""
        if self.model is None:
            raise AttributeError("container_nodes")
        return self.model.container_nodes

    @property
    def nodes_by_depth(self):
        return self._built_model().nodes_by_depth

    @property
    def flattened_layers(self):
        """The layers, with a first Merge replaced by the layers of its branches (Keras
        1's legacy view, used by weights, summary() and saved files)."""
        if self._flattened_layers is not None:
            return self._flattened_layers
        layers = []

        def append(layer):
            if layer not in layers:
                layers.append(layer)

        if self.layers and isinstance(self.layers[0], Merge):
            for branch in self.layers[0].layers:
                if hasattr(branch, "flattened_layers"):
                    for sublayer in branch.flattened_layers:
                        append(sublayer)
                elif hasattr(branch, "layers"):
                    for sublayer in branch.layers:
                        append(sublayer)
                else:
                    append(branch)
        elif self.layers:
            append(self.layers[0])
        for layer in self.layers[1:]:
            append(layer)
        self._flattened_layers = layers
        return layers

    def _gather(self, attribute):
        return [item for layer in self.flattened_layers
                for item in getattr(layer, attribute, [])]

    @property
    def trainable_weights(self):
        if not self.trainable:
            return []
        return self._gather("trainable_weights")

    @property
    def non_trainable_weights(self):
        weights = self._gather("non_trainable_weights")
        if not self.trainable:
            weights = self._gather("trainable_weights") + weights
        return weights

    @property
    def losses(self):
        return self._built_model().losses

    @property
    def updates(self):
        return self._built_model().updates

    def get_losses_for(self, inputs):
        return self._built_model().get_losses_for(inputs)

    def get_updates_for(self, inputs):
        return self._built_model().get_updates_for(inputs)

    @property
    def constraints(self):
        constraints = {}
        for layer in self.flattened_layers:
            constraints.update(getattr(layer, "constraints", {}))
        return constraints

    @constraints.setter
    def constraints(self, value):
        pass

    @property
    def uses_learning_phase(self):
        return self._built_model().uses_learning_phase

    def _weight_layers(self):
        return self.flattened_layers

    def get_layer(self, name=None, index=None):
        return self._built_model().get_layer(name=name, index=index)

    def call(self, x, mask=None):
        return self._built_model().call(x, mask)

    def compute_mask(self, input, mask=None):  # Keras 1.2.2's parameter names
        return self._built_model().compute_mask(input, mask)

    def run_graph(self, inputs, masks, owner_inputs=None):
        return self._built_model().run_graph(inputs, masks, owner_inputs)

    def get_output_shape_for(self, input_shape):
        return self._built_model().get_output_shape_for(input_shape)

    def predict(self, x, batch_size=32, verbose=0):
        return self._built_model().predict(x, batch_size=batch_size, verbose=verbose)

    def predict_on_batch(self, x):
        return self._built_model().predict_on_batch(x)

    # -- training: delegated to the inner Model, as in Keras 1.2.2 ----------------------------
    def compile(self, optimizer, loss, metrics=None, sample_weight_mode=None, **kwargs):
        if "class_mode" in kwargs:
            warnings.warn("The \"class_mode\" argument is deprecated, please remove it.")
            kwargs.pop("class_mode")
        model = self._built_model()
        model.callback_model = self
        model.compile(optimizer, loss, metrics=metrics, sample_weight_mode=sample_weight_mode,
                      **kwargs)
        for attribute in ("optimizer", "loss", "loss_weights", "metrics", "metrics_names",
                          "sample_weight_mode"):
            setattr(self, attribute, getattr(model, attribute))

    def _compiled_model(self):
        if self.model is None or not hasattr(self.model, "optimizer"):
            raise RuntimeError("The model needs to be compiled before being used.")
        return self.model

    def fit(self, x, y, batch_size=32, nb_epoch=10, verbose=1, callbacks=None,
            validation_split=0., validation_data=None, shuffle=True, class_weight=None,
            sample_weight=None, initial_epoch=0, **kwargs):
        if "show_accuracy" in kwargs:
            kwargs.pop("show_accuracy")
            warnings.warn("The \"show_accuracy\" argument is deprecated, instead you should "
                          "pass the \"accuracy\" metric to the model at compile time:\n"
                          "`model.compile(optimizer, loss, metrics=[\"accuracy\"])`")
        if kwargs:
            raise TypeError("Received unknown keyword arguments: " + str(kwargs))
        return self._compiled_model().fit(
            x, y, batch_size=batch_size, nb_epoch=nb_epoch, verbose=verbose,
            callbacks=callbacks, validation_split=validation_split,
            validation_data=validation_data, shuffle=shuffle, class_weight=class_weight,
            sample_weight=sample_weight, initial_epoch=initial_epoch)

    def evaluate(self, x, y, batch_size=32, verbose=1, sample_weight=None, **kwargs):
        if kwargs:
            raise TypeError("Received unknown keyword arguments: " + str(kwargs))
        return self._compiled_model().evaluate(x, y, batch_size=batch_size, verbose=verbose,
                                               sample_weight=sample_weight)

    def train_on_batch(self, x, y, class_weight=None, sample_weight=None, **kwargs):
        return self._compiled_model().train_on_batch(x, y, sample_weight=sample_weight,
                                                     class_weight=class_weight)

    def test_on_batch(self, x, y, sample_weight=None, **kwargs):
        return self._compiled_model().test_on_batch(x, y, sample_weight=sample_weight)

    def predict_proba(self, x, batch_size=32, verbose=1):
        """Probabilities; warns, as Keras 1 did, when they fall outside [0, 1]."""
        preds = self.predict(x, batch_size, verbose)
        if preds.min() < 0. or preds.max() > 1.:
            warnings.warn("Network returning invalid probability values. The last layer "
                          "might not normalize predictions into probabilities (like softmax "
                          "or sigmoid would).")
        return preds

    def predict_classes(self, x, batch_size=32, verbose=1):
        """argmax of the predictions, or (p > 0.5) for a single output unit."""
        proba = self.predict(x, batch_size=batch_size, verbose=verbose)
        if proba.shape[-1] > 1:
            return proba.argmax(axis=-1)
        return (proba > 0.5).astype("int32")

    def fit_generator(self, *args, **kwargs):
        return self._compiled_model().fit_generator(*args, **kwargs)

    def evaluate_generator(self, *args, **kwargs):
        return self._compiled_model().evaluate_generator(*args, **kwargs)

    def predict_generator(self, *args, **kwargs):
        return self._built_model().predict_generator(*args, **kwargs)

    def get_config(self):
        """A list of ``{'class_name', 'config'}``; a first Merge carries the configs of
        its branch layers under ``'layers'``."""
        config = [{"class_name": layer.__class__.__name__, "config": layer.get_config()}
                  for layer in self.layers]
        if self.layers and isinstance(self.layers[0], Merge):
            merge_config = config[0]["config"]
            merge_config["layers"] = [{"class_name": layer.__class__.__name__,
                                       "config": layer.get_config()}
                                      for layer in self.layers[0].layers]
        return copy.deepcopy(config)

    @classmethod
    def from_config(cls, config, layer_cache=None):
        """A Sequential from its config (also Keras 0.x-style entries without
        ``class_name``); layers already made for the same name are reused."""
        layer_cache = {} if layer_cache is None else layer_cache
        model = cls()
        for index, layer_data in enumerate(config):
            layer_data = _normalize_legacy_config(layer_data)
            if index == 0 and layer_data["class_name"] == "Merge":
                merge_config = dict(layer_data["config"])
                merge_config["layers"] = [layer_from_config(branch)
                                          for branch in merge_config.pop("layers")]
                model.add(Merge.from_config(merge_config))
            else:
                model.add(_get_or_create_layer(layer_data, layer_cache))
        return model


def _normalize_legacy_config(conf):
    if "class_name" in conf:
        return conf
    conf = dict(conf)
    class_name = conf["name"]
    conf["name"] = conf.get("custom_name")
    return {"class_name": class_name, "config": conf}


def _get_or_create_layer(layer_data, layer_cache):
    if layer_data["class_name"] == "Sequential":
        return Sequential.from_config(layer_data["config"], layer_cache=layer_cache)
    name = layer_data["config"].get("name")
    if name not in layer_cache:
        layer_cache[name] = layer_from_config(layer_data)
    return layer_cache[name]


def save_model(model, filepath, overwrite=True):
    """``model.save(filepath)`` (Keras 1.2.2's HDF5 layout; see engine/saving.py)."""
    saving.save_model(model, filepath, overwrite)


def load_model(filepath, custom_objects=None, safe_mode=True):
    """A model saved with ``model.save``: architecture, weights, compiled with its
    training configuration, optimizer state restored. Marshalled Python functions
    (Lambda layers) are refused unless ``safe_mode=False`` (as in Keras 3) or supplied
    through ``custom_objects`` under the layer's name (see migration_guide.md)."""
    return saving.load_model(filepath, custom_objects=custom_objects, safe_mode=safe_mode)


def model_from_config(config, custom_objects=None, safe_mode=True):
    return saving.model_from_config(config, custom_objects=custom_objects,
                                     safe_mode=safe_mode)


def model_from_json(json_string, custom_objects=None, safe_mode=True):
    return saving.model_from_json(json_string, custom_objects=custom_objects,
                                   safe_mode=safe_mode)


def model_from_yaml(yaml_string, custom_objects=None, safe_mode=True):
    return saving.model_from_yaml(yaml_string, custom_objects=custom_objects,
                                   safe_mode=safe_mode)


# What layer_from_config finds under these names (Keras 1.2.2: 'Container' meant Model).
registry.register("Sequential", Sequential)
registry.register("Model", Model)
registry.register("Container", Model)
