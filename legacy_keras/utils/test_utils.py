"""``keras.utils.test_utils`` (Keras 1.2.2): what Keras 1's own unit tests used, and
many projects' tests of their custom layers: :func:`layer_test`, :func:`keras_test`,
:func:`get_test_data`."""
import functools

import numpy as np
from numpy.testing import assert_allclose

from legacy_keras import backend as K
from legacy_keras import models
from legacy_keras.engine import Input, Model  # Keras 1.2.2 re-exports them
from legacy_keras.models import Sequential, model_from_json  # noqa: F401  (re-exports)


def get_test_data(nb_train=1000, nb_test=500, input_shape=(10,), output_shape=(2,),
                  classification=True, nb_class=2):
    """``(X_train, y_train), (X_test, y_test)`` drawn from NumPy's global generator.

    With ``classification`` the labels are integers in ``[0, nb_class)`` and each sample
    is normal around its label (scale 0.7); otherwise both X and y are normal around a
    per-sample uniform location. Same draws, in the same order, as Keras 1.2.2.
    """
    nb_sample = nb_train + nb_test
    if classification:
        y = np.random.randint(0, nb_class, size=(nb_sample,))
        X = np.zeros((nb_sample,) + input_shape)
        for i in range(nb_sample):
            X[i] = np.random.normal(loc=y[i], scale=0.7, size=input_shape)
    else:
        y_loc = np.random.random((nb_sample,))
        X = np.zeros((nb_sample,) + input_shape)
        y = np.zeros((nb_sample,) + output_shape)
        for i in range(nb_sample):
            X[i] = np.random.normal(loc=y_loc[i], scale=0.7, size=input_shape)
            y[i] = np.random.normal(loc=y_loc[i], scale=0.7, size=output_shape)
    return (X[:nb_train], y[:nb_train]), (X[nb_train:], y[nb_train:])


def _random_input(input_shape, input_dtype):
    """``10 * uniform`` data of ``input_shape``, free dimensions drawn in [1, 4)."""
    shape = [np.random.randint(1, 4) if dim is None else dim for dim in input_shape]
    return (10 * np.random.random(shape)).astype(input_dtype)


def _check_output(actual_output, expected_output_shape, expected_output):
    for expected_dim, actual_dim in zip(expected_output_shape, actual_output.shape):
        if expected_dim is not None:
            assert expected_dim == actual_dim, (
                "output shape %s, expected %s" % (actual_output.shape, expected_output_shape))
    if expected_output is not None:
        assert_allclose(actual_output, expected_output, rtol=1e-3)


def layer_test(layer_cls, kwargs={}, input_shape=None, input_dtype=None, input_data=None,
               expected_output=None, expected_output_dtype=None, fixed_batch_size=False):
    """Keras 1.2.2's test routine for a layer with one input and one output.

    Builds ``layer_cls(**kwargs)``, round-trips its weights, calls it on an ``Input``,
    checks the output dtype, compiles a functional model (rmsprop, mse), predicts and
    checks the output shape (and ``expected_output``, rtol 1e-3), rebuilds the model
    from its config, rebuilds the layer from its config as the first layer of a
    Sequential, predicts again and round-trips the Sequential through JSON. Returns the
    last prediction.

    Keras 1.2.2 also meant to re-create the layer with ``weights=``, but its test
    (``'weights' in inspect.getargspec(...)``) never matched; legacy_keras skips it too.
    ``kwargs`` is not modified (Keras 1's default dict could be). ``input_dtype``
    defaults to floatx also when ``input_data`` is given (Keras 1 then compared the
    output dtype with ``None`` and always failed).
    """
    kwargs = dict(kwargs)
    input_dtype = input_dtype or K.floatx()
    if input_data is None:
        assert input_shape
        input_data = _random_input(input_shape, input_dtype)
    elif input_shape is None:
        input_shape = input_data.shape
    if expected_output_dtype is None:
        expected_output_dtype = input_dtype

    layer = layer_cls(**kwargs)
    layer.set_weights(layer.get_weights())

    if fixed_batch_size:
        x = Input(batch_shape=input_shape, dtype=input_dtype)
    else:
        x = Input(shape=input_shape[1:], dtype=input_dtype)
    y = layer(x)
    assert K.dtype(y) == expected_output_dtype, (
        "output dtype %s, expected %s" % (K.dtype(y), expected_output_dtype))

    model = Model(input=x, output=y)
    model.compile("rmsprop", "mse")
    expected_output_shape = layer.get_output_shape_for(input_shape)
    _check_output(model.predict(input_data), expected_output_shape, expected_output)

    model = Model.from_config(model.get_config())
    model.compile("rmsprop", "mse")

    layer_config = layer.get_config()
    layer_config["batch_input_shape"] = input_shape
    layer = layer.__class__.from_config(layer_config)
    model = Sequential()
    model.add(layer)
    model.compile("rmsprop", "mse")
    actual_output = model.predict(input_data)
    _check_output(actual_output, expected_output_shape, expected_output)

    if hasattr(models, "model_from_json"):  # JSON configs: keras.models (issue 7 part A)
        models.model_from_json(model.to_json())
    return actual_output


def keras_test(func):
    """Decorator Keras 1 put on its tests to clear the TensorFlow session afterwards.

    legacy_keras emulates the Theano backend, where Keras 1's wrapper did nothing more
    than call the test; so does this one.
    """
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        output = func(*args, **kwargs)
        if K.backend() == "tensorflow":
            K.clear_session()
        return output
    return wrapper
