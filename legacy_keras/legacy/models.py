"""``keras.legacy.models`` / ``keras.models.Graph`` (Keras 1.0-1.1; removed in 1.2).

``Graph`` was Keras 0.x's multi-input / multi-output container, kept in Keras 1.0 and
1.1 on top of the functional API: named inputs (``add_input``), nodes that are layers
applied to one named input or to a merge of several (``add_node``, ``add_shared_node``),
named outputs (``add_output``), and ``fit`` / ``evaluate`` / ``predict`` /
``train_on_batch`` ... taking one dict of arrays keyed by input and output names
(``predict`` returns a dict keyed by output name).

As in those releases, each ``add_*`` call wires its layer at once (so a node's layer is
named after the node and builds its weights then), a node's layer is renamed to the
output name when it becomes an output, and the container itself is a functional
``Model`` whose inputs / outputs are the named ones in the order they were added.
``get_config`` / ``from_config`` of a Graph are not provided (legacy_keras raises).
"""
import warnings
from collections import OrderedDict

from legacy_keras import backend as K
from legacy_keras import profiles
from legacy_keras.engine.topology import Input, merge
from legacy_keras.engine.training import Model


def _unknown_keywords(kwargs, method):
    for old in ("show_accuracy", "accuracy"):
        if old in kwargs:  # Keras 1.0-1.1 accepted them with a deprecation warning
            kwargs.pop(old)
            warnings.warn('The "%s" argument is deprecated, instead you should pass the '
                          '"accuracy" metric to the model at compile time:\n'
                          '`model.compile(optimizer, loss, metrics=["accuracy"])`' % old)
    if kwargs:
        raise Exception("Received unknown keyword arguments: " + str(kwargs))


class Graph(Model):
    """Arbitrary connection graph (Keras 1.0-1.1's legacy container)."""

    def __init__(self, name=None):
        self._graph_namespace = set()
        self._graph_tensors = {}  # node / input name -> output tensor
        self._graph_inputs = OrderedDict()  # name -> input tensor
        self._graph_outputs = OrderedDict()  # name -> output tensor
        self._graph_nodes = OrderedDict()  # name -> layer
        self.built = False
        self.name = name or "graph_" + str(K.get_uid("graph_"))
        self.trainable = True
        self.inbound_nodes = []
        self.outbound_nodes = []
        self.supports_masking = False

    # -- wiring --------------------------------------------------------------------------
    def _claim(self, name):
        if name in self._graph_namespace:
            raise Exception("Duplicate node identifier: " + name)
        self._graph_namespace.add(name)
        self.built = False

    def _tensor(self, name):
        if name not in self._graph_tensors:
            raise Exception("Unknown node/input identifier: " + name)
        return self._graph_tensors[name]

    def _merged(self, names, merge_mode, concat_axis, dot_axes, name):
        return merge([self._tensor(n) for n in names], mode=merge_mode,
                     concat_axis=concat_axis, dot_axes=dot_axes, name=name)

    def add_input(self, name, input_shape=None, batch_input_shape=None, dtype="float"):
        """A named input; ``dtype`` 'float' (floatx) or 'int' (int32)."""
        self._claim(name)
        if dtype[:3] == "int":
            dtype = "int32"
        elif dtype[:5] == "float":
            dtype = K.floatx()
        else:
            raise Exception('Uknown dtype (should be "int" or "float"): ' + str(dtype))
        if batch_input_shape:
            tensor = Input(batch_shape=tuple(batch_input_shape), name=name, dtype=dtype)
        else:
            tensor = Input(shape=tuple(input_shape), name=name, dtype=dtype)
        self._graph_inputs[name] = tensor
        self._graph_tensors[name] = tensor

    def add_node(self, layer, name, input=None, inputs=[], merge_mode="concat",
                 concat_axis=-1, dot_axes=-1, create_output=False):
        """``layer`` applied to the node / input ``input``, or to the merge of
        ``inputs`` (a Merge layer named ``merge_inputs_for_<name>``)."""
        self._claim(name)
        layer.name = name
        if input:
            x = self._tensor(input)
        elif inputs:
            x = self._merged(inputs, merge_mode, concat_axis, dot_axes,
                             "merge_inputs_for_" + name)
        else:
            raise Exception("Node %s has no input" % name)
        self._graph_nodes[name] = layer
        self._graph_tensors[name] = layer(x)
        if create_output:
            self.add_output(name, input=name)

    def add_shared_node(self, layer, name, inputs=[], merge_mode=None, concat_axis=-1,
                        dot_axes=-1, outputs=[], create_output=False):
        """One layer applied to each of ``inputs``: merged into node ``name`` with
        ``merge_mode``, or, without it, each result a node named by ``outputs``."""
        self._claim(name)
        for output in outputs:
            if output in self._graph_namespace:
                raise Exception("Duplicate node identifier: " + output)
        if merge_mode and merge_mode not in {"sum", "ave", "mul", "dot", "cos", "concat"}:
            raise Exception("Invalid merge mode:", merge_mode)
        if not merge_mode and len(outputs) != len(inputs):
            raise Exception("When using merge_mode=None, you should provide a list of "
                            "output names (`output` argument) the same size as `input`.")
        layer.name = ("input_for_" + name) if merge_mode else name
        results = [layer(self._tensor(n)) for n in inputs]
        self._graph_nodes[name] = layer
        if merge_mode:
            self._graph_tensors[name] = merge(results, mode=merge_mode,
                                              concat_axis=concat_axis, dot_axes=dot_axes,
                                              name=name)
            # Keras 1.0-1.1 kept the Merge as the node (see trainable_weights)
            self._graph_nodes[name] = self._graph_tensors[name]._keras_history[0]
            if create_output:
                self.add_output(name, input=name)
            return
        for output, result in zip(outputs, results):
            self._graph_namespace.add(output)
            self._graph_tensors[output] = result
            if create_output:
                self.add_output(output, input=output)

    def add_output(self, name, input=None, inputs=[], merge_mode="concat", concat_axis=-1,
                   dot_axes=-1):
        """A named output: the node / input ``input`` (its layer renamed ``name``), or
        the merge of ``inputs`` (a Merge layer named ``name``)."""
        self._graph_namespace.add(name)
        if name in self._graph_outputs:
            raise Exception("Duplicate output identifier:", name)
        self.built = False
        if input:
            tensor = self._tensor(input)
            tensor._keras_history[0].name = name
        elif inputs:
            tensor = self._merged(inputs, merge_mode, concat_axis, dot_axes, name)
        else:
            raise Exception("Output %s has no input" % name)
        self._graph_outputs[name] = tensor

    @property
    def trainable_weights(self):
        """Keras 1.0.5-1.1.1 (profile switch ``graph_trains_node_layers_only``) trained
        the layers of the graph's nodes only: the layer of a shared node merged with
        ``merge_mode`` (a Merge node) was not trained. 1.0.0-1.0.4 trained every layer."""
        if not self.trainable:
            return []
        if not profiles.switch("graph_trains_node_layers_only"):
            return super(Graph, self).trainable_weights
        weights = []
        for layer in self._graph_nodes.values():
            for weight in layer.trainable_weights:
                if not any(weight is known for known in weights):
                    weights.append(weight)
        return weights

    def build(self, input_shape=None):
        Model.__init__(self, list(self._graph_inputs.values()),
                       list(self._graph_outputs.values()), name=self.name)
        self.built = True

    def _built(self):
        if not self.built:
            self.build()

    def __call__(self, x, mask=None):
        self._built()
        return super(Graph, self).__call__(x, mask)

    # -- training with dicts -------------------------------------------------------------
    def _get_x(self, data):
        return [self._get(data, key, "input") for key in self._graph_inputs]

    def _get_y(self, data):
        return [self._get(data, key, "output") for key in self._graph_outputs]

    @staticmethod
    def _get(data, key, kind):
        if key not in data:
            raise Exception('Expected to be provided an array (in dict argument `data`) '
                            'for %s "%s".' % (kind, key))
        return data[key]

    def compile(self, optimizer, loss, metrics=[], sample_weight_modes=None,
                loss_weights=None, **kwargs):
        """``loss``: a dict output name -> objective (or one objective for all)."""
        self._built()
        super(Graph, self).compile(optimizer, loss, metrics=metrics,
                                   sample_weight_mode=sample_weight_modes,
                                   loss_weights=loss_weights, **kwargs)

    def fit(self, data, batch_size=32, nb_epoch=10, verbose=1, callbacks=[],
            validation_split=0., validation_data=None, shuffle=True, class_weight=None,
            sample_weight=None, **kwargs):
        _unknown_keywords(kwargs, "fit")
        if type(validation_data) is tuple:
            raise Exception("Cannot used sample_weight with validation data with legacy "
                            "Graph model. validation_data should be a dictionary.")
        if validation_data:
            validation_data = (self._get_x(validation_data), self._get_y(validation_data))
        return super(Graph, self).fit(
            self._get_x(data), self._get_y(data), batch_size=batch_size, nb_epoch=nb_epoch,
            verbose=verbose, callbacks=callbacks, validation_split=validation_split,
            validation_data=validation_data, shuffle=shuffle, class_weight=class_weight,
            sample_weight=sample_weight)

    def evaluate(self, data, batch_size=128, verbose=0, sample_weight={}, **kwargs):
        _unknown_keywords(kwargs, "evaluate")
        return super(Graph, self).evaluate(self._get_x(data), self._get_y(data),
                                           batch_size=batch_size, verbose=verbose,
                                           sample_weight=sample_weight or None)

    def predict(self, data, batch_size=128, verbose=0):
        """A dict output name -> predictions."""
        self._built()
        outs = super(Graph, self).predict(self._get_x(data), batch_size=batch_size,
                                          verbose=verbose)
        return dict(zip(self._graph_outputs, outs if isinstance(outs, list) else [outs]))

    def train_on_batch(self, data, class_weight={}, sample_weight={}, **kwargs):
        _unknown_keywords(kwargs, "train_on_batch")
        return super(Graph, self).train_on_batch(
            self._get_x(data), self._get_y(data), sample_weight=sample_weight or None,
            class_weight=class_weight or None)

    def test_on_batch(self, data, sample_weight={}, **kwargs):
        _unknown_keywords(kwargs, "test_on_batch")
        return super(Graph, self).test_on_batch(self._get_x(data), self._get_y(data),
                                                sample_weight=sample_weight or None)

    def predict_on_batch(self, data):
        self._built()
        outs = super(Graph, self).predict_on_batch(self._get_x(data))
        return dict(zip(self._graph_outputs, outs if isinstance(outs, list) else [outs]))

    def fit_generator(self, *args, **kwargs):
        raise NotImplementedError(
            "Graph.fit_generator (generators of dicts) is not supported by legacy_keras "
            "(the Keras 1.0-1.1 Graph container); loop with train_on_batch, or use the "
            "functional API. See migration_guide.md, section 11.")

    evaluate_generator = fit_generator

    def get_config(self):
        raise NotImplementedError(
            "Graph.get_config / to_json is not supported by legacy_keras (the Keras 1.0-1.1 "
            "Graph container); build the model with the functional API instead. See "
            "migration_guide.md, section 11.")
