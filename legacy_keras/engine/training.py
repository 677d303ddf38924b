"""Keras 1.2.2's ``Model``: a Container that predicts (and later trains) through Keras 3."""
import numpy as np

from legacy_keras import backend as K
from legacy_keras.engine.topology import Container


def standardize_input_data(data, names, shapes, exception_prefix=""):
    """Input arrays as a list in ``names`` order, float ones cast to floatx, with Keras
    1.2.2's error when a shape does not match the model's input."""
    if isinstance(data, dict):
        arrays = []
        for name in names:
            if name not in data:
                raise ValueError("No data provided for \"" + name + "\". Need data for each "
                                 "key in: " + str(names))
            arrays.append(data[name])
    elif isinstance(data, (list, tuple)):
        arrays = list(data)
    else:
        arrays = [data]
    if len(arrays) != len(names):
        raise ValueError("Error when checking " + exception_prefix + ": the list of Numpy "
                         "arrays that you are passing to your model is not the size the "
                         "model expected. Expected to see " + str(len(names)) +
                         " arrays but instead got " + str(len(arrays)) + " arrays.")
    result = []
    for name, shape, array in zip(names, shapes, arrays):
        array = np.asarray(array)
        if array.ndim == 1 and len(shape) == 2:
            array = np.expand_dims(array, 1)
        if array.ndim != len(shape):
            raise ValueError("Error when checking " + exception_prefix + ": expected " + name +
                             " to have " + str(len(shape)) + " dimensions, but got array "
                             "with shape " + str(array.shape))
        for axis, (expected, actual) in enumerate(zip(shape, array.shape)):
            if axis and expected is not None and expected != actual:
                raise ValueError("Error when checking " + exception_prefix + ": expected " +
                                 name + " to have shape " + str(shape) + " but got array "
                                 "with shape " + str(array.shape))
        if np.issubdtype(array.dtype, np.floating):
            array = array.astype(K.floatx(), copy=False)
        result.append(array)
    return result


class Model(Container):
    """``Model(input=..., output=...)``: a graph of layers that can predict and train."""

    def _executor(self):
        from legacy_keras.engine.executor import ReplayModel

        executor = getattr(self, "_replay_model", None)
        if executor is None:
            executor = self._replay_model = ReplayModel(self)
        return executor

    def _standardized(self, x):
        arrays = standardize_input_data(x, self.input_names, self.internal_input_shapes)
        return arrays[0] if len(arrays) == 1 else arrays

    def predict(self, x, batch_size=32, verbose=0):
        """Predictions for ``x``, computed by Keras 3 in batches of ``batch_size``."""
        if verbose:
            raise NotImplementedError("predict(verbose=1) (Keras 1's progress bar) is not "
                                      "supported by legacy_keras yet; see migration_guide.md.")
        outputs = self._executor().predict(self._standardized(x), batch_size=batch_size,
                                           verbose=0)
        return outputs

    def predict_on_batch(self, x):
        outputs = self._executor().predict_on_batch(self._standardized(x))
        return outputs
