"""``keras.applications.imagenet_utils`` (Keras 1.2.2): ``preprocess_input`` (Caffe's
BGR mean subtraction), ``decode_predictions`` (the ImageNet class index from the Keras
cache) and the input-shape check of the ImageNet models."""
import json

import numpy as np

from legacy_keras import backend as K
from legacy_keras.utils.data_utils import get_file

CLASS_INDEX = None
CLASS_INDEX_PATH = ("https://s3.amazonaws.com/deep-learning-models/image-models/"
                    "imagenet_class_index.json")
#: ImageNet's mean pixel, BGR, as the Caffe-trained VGG / ResNet weights expect it.
_MEAN_BGR = (103.939, 116.779, 123.68)


def preprocess_input(x, dim_ordering="default"):
    """RGB -> BGR, then the mean pixel subtracted, for a 4-D batch of images.

    As in Keras 1.2.2 the channel flip makes a view of ``x`` that is then modified in
    place: the array passed in changes too (scripts relied on the returned value)."""
    if dim_ordering == "default":
        dim_ordering = K.image_dim_ordering()
    assert dim_ordering in {"tf", "th"}
    if dim_ordering == "th":
        x = x[:, ::-1, :, :]
        for channel, mean in enumerate(_MEAN_BGR):
            x[:, channel, :, :] -= mean
    else:
        x = x[:, :, :, ::-1]
        for channel, mean in enumerate(_MEAN_BGR):
            x[:, :, :, channel] -= mean
    return x


def _class_index():
    global CLASS_INDEX
    if CLASS_INDEX is None:
        path = get_file("imagenet_class_index.json", CLASS_INDEX_PATH, cache_subdir="models")
        with open(path) as f:
            CLASS_INDEX = json.load(f)
    return CLASS_INDEX


def decode_predictions(preds, top=5):
    """For each sample of ``preds`` (shape ``(samples, 1000)``), the ``top`` classes as
    ``(class_name, class_description, score)`` tuples, best first. The class index is
    ``imagenet_class_index.json`` in the Keras cache's ``models`` folder, read once."""
    if len(preds.shape) != 2 or preds.shape[1] != 1000:
        raise ValueError("`decode_predictions` expects a batch of predictions (i.e. a 2D "
                         "array of shape (samples, 1000)). Found array with shape: " +
                         str(preds.shape))
    index = _class_index()
    results = []
    for pred in preds:
        best = np.argsort(pred)[-top:][::-1]
        result = [tuple(index[str(i)]) + (pred[i],) for i in best]
        result.sort(key=lambda entry: entry[2], reverse=True)
        results.append(result)
    return results


def _check_shape_without_top(input_shape, min_size, dim_ordering):
    if len(input_shape) != 3:
        raise ValueError("`input_shape` must be a tuple of three integers.")
    channels, rows, cols = ((input_shape[0],) + tuple(input_shape[1:]) if dim_ordering == "th"
                            else (input_shape[-1],) + tuple(input_shape[:2]))
    if channels != 3:
        raise ValueError("The input must have 3 channels; got `input_shape=" +
                         str(input_shape) + "`")
    if (rows is not None and rows < min_size) or (cols is not None and cols < min_size):
        raise ValueError("Input size must be at least " + str(min_size) + "x" +
                         str(min_size) + ", got `input_shape=" + str(input_shape) + "`")


def _obtain_input_shape(input_shape, default_size, min_size, dim_ordering, include_top):
    """The model's input shape: with the top, exactly the default (the Dense layers fix
    it); without, the given shape (3 channels, at least ``min_size`` pixels each side) or
    a free one, ``(3, None, None)`` / ``(None, None, 3)``."""
    if dim_ordering == "th":
        default_shape, free_shape = (3, default_size, default_size), (3, None, None)
    else:
        default_shape, free_shape = (default_size, default_size, 3), (None, None, 3)
    if include_top:
        if input_shape is not None and input_shape != default_shape:
            raise ValueError("When setting`include_top=True`, `input_shape` should be " +
                             str(default_shape) + ".")
        return default_shape
    if input_shape is None:
        return free_shape
    _check_shape_without_top(input_shape, min_size, dim_ordering)
    return input_shape
