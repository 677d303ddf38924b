"""``keras.utils.layer_utils`` (Keras 1.2.2): layer_from_config, print_summary,
convert_all_kernels_in_model, and the names Keras 1.2.2's module imported.

Keras 1.2.2's layer_utils did ``from ..layers import *`` and imported Model, Sequential
and the kernel helpers, so scripts imported layer classes from here: this module sits
above ``legacy_keras.models`` and ``legacy_keras.layers`` and nothing below them
imports it. ``layer_from_config`` is the engine's (``engine/registry.py``),
``print_summary`` / ``count_total_params`` the Container's table (``engine/topology.py``).
"""
import types

from legacy_keras import backend as K
from legacy_keras import layers as _layers
from legacy_keras.engine.registry import layer_from_config  # noqa: F401
from legacy_keras.engine.topology import count_total_params, print_summary  # noqa: F401
from legacy_keras.models import Model, Sequential  # noqa: F401  (Keras 1.2.2 re-exports)
from legacy_keras.utils.generic_utils import (  # noqa: F401  (Keras 1.2.2 re-exports)
    func_dump, func_load, get_custom_objects, get_from_module)
from legacy_keras.utils.np_utils import (  # noqa: F401  (Keras 1.2.2 re-exports)
    conv_input_length, conv_output_length, convert_kernel)


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
    to_assign = []
    for layer in model.layers:
        if layer.__class__.__name__ in _CONVERTED_KERNEL_CLASSES:
            kernel = K.get_value(layer.W)
            to_assign.append((layer.W, convert_kernel(kernel, _kernel_dim_ordering(layer))))
    K.batch_set_value(to_assign)


def _import_layer_names(layers_namespace):
    """``from ..layers import *`` of Keras 1.2.2 (the public names, not the submodules)."""
    for name, value in layers_namespace.items():
        if not name.startswith("_") and not isinstance(value, types.ModuleType):
            globals().setdefault(name, value)


_import_layer_names(vars(_layers))
