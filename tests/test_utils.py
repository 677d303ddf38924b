"""keras.utils where the goldens (test_utils_goldens.py) cannot reach: generic_utils
(make_tuple, func_dump / func_load, get_from_module), np_utils / layer_utils'
convert_kernel, io_utils (save_array, HDF5Matrix) and test_utils (layer_test,
keras_test, get_test_data). Progbar: test_callbacks.py; get_file: test_datasets.py."""
import numpy as np
import pytest

from legacy_keras import backend as K
from legacy_keras.layers import Dense
from legacy_keras.utils import generic_utils, io_utils, layer_utils, np_utils, test_utils


# -- generic_utils ------------------------------------------------------------------------
def test_make_tuple_packs_its_arguments():
    assert generic_utils.make_tuple(1, "a") == (1, "a")
    assert generic_utils.make_tuple() == ()


def test_func_dump_and_load_round_trip():
    offset = 3

    def shifted(x, scale=2):
        return x * scale + offset

    code, defaults, closure = generic_utils.func_dump(shifted)
    assert isinstance(code, str) and defaults == (2,) and closure == (3,)
    loaded = generic_utils.func_load((code, defaults, closure))
    assert loaded(5) == 13 and loaded(5, scale=1) == 8
    assert loaded.__name__ == "shifted"
    plain = generic_utils.func_load(generic_utils.func_dump(lambda x: x + 1)[0],
                                    globs={"np": np})
    assert plain(1) == 2


def test_get_from_module_is_kept():
    assert generic_utils.get_from_module("abs", {"abs": abs}, "thing") is abs
    with pytest.raises(ValueError, match="Invalid thing: nope"):
        generic_utils.get_from_module("nope", {}, "thing")


# -- np_utils, layer_utils, io_utils ---------------------------------------------------
def test_convert_kernel_flips_spatial_axes_only():
    kernel = np.arange(2 * 3 * 2 * 4, dtype="float32").reshape(2, 3, 2, 4)
    th = np_utils.convert_kernel(kernel, "th")
    np.testing.assert_array_equal(th, kernel[:, :, ::-1, ::-1])
    tf = np_utils.convert_kernel(kernel, "tf")
    np.testing.assert_array_equal(tf, kernel[::-1, ::-1, :, :])
    np.testing.assert_array_equal(np_utils.convert_kernel(th, "th"), kernel)
    kernel5 = np.arange(2 * 2 * 2 * 3 * 2).reshape(2, 2, 2, 3, 2)
    np.testing.assert_array_equal(np_utils.convert_kernel(kernel5, "th"),
                                  kernel5[:, :, ::-1, ::-1, ::-1])
    with pytest.raises(ValueError, match="Invalid kernel shape"):
        np_utils.convert_kernel(np.zeros((2, 2)), "th")
    with pytest.raises(ValueError, match="Invalid dim_ordering"):
        np_utils.convert_kernel(kernel, "xy")


def test_convert_kernel_default_ordering(set_image_dim_ordering):
    kernel = np.arange(16.).reshape(1, 1, 4, 4)
    set_image_dim_ordering("th")
    np.testing.assert_array_equal(np_utils.convert_kernel(kernel), kernel[:, :, ::-1, ::-1])


def test_convert_all_kernels_uses_each_layers_layout():
    class Convolution2D(object):
        def __init__(self, kernel, dim_ordering):
            self.W = K.variable(kernel)
            self.dim_ordering = dim_ordering

    class Convolution1D(object):
        def __init__(self, kernel):
            self.W = K.variable(kernel)

    class Model(object):
        pass

    rng = np.random.RandomState(0)
    k_th, k_tf, k_1d = rng.rand(2, 3, 2, 2), rng.rand(2, 2, 3, 2), rng.rand(3, 1, 2, 4)
    model = Model()
    dense = Dense(2, input_dim=2)
    model.layers = [Convolution2D(k_th, "th"), Convolution2D(k_tf, "tf"), Convolution1D(k_1d),
                    dense]
    layer_utils.convert_all_kernels_in_model(model)
    np.testing.assert_allclose(K.get_value(model.layers[0].W), k_th[:, :, ::-1, ::-1], rtol=1e-6)
    np.testing.assert_allclose(K.get_value(model.layers[1].W), k_tf[::-1, ::-1], rtol=1e-6)
    np.testing.assert_allclose(K.get_value(model.layers[2].W), k_1d[::-1, ::-1], rtol=1e-6)


def test_save_and_load_array(tmp_path):
    array = np.arange(12, dtype="int16").reshape(3, 4)
    io_utils.save_array(array, str(tmp_path / "a.h5"))
    loaded = io_utils.load_array(str(tmp_path / "a.h5"))
    assert loaded.dtype == np.int16
    np.testing.assert_array_equal(loaded, array)


@pytest.fixture
def private_hdf5_refs():
    """HDF5Matrix keeps its open files in a class-wide dict (as Keras 1 did): give this
    test its own, so other tests (and golden cases) see only theirs."""
    saved = dict(io_utils.HDF5Matrix.refs)
    io_utils.HDF5Matrix.refs.clear()
    yield
    for handle in io_utils.HDF5Matrix.refs.values():
        handle.close()
    io_utils.HDF5Matrix.refs.clear()
    io_utils.HDF5Matrix.refs.update(saved)


def test_hdf5matrix_open_slices_and_numpy_ints(tmp_path, private_hdf5_refs):
    import h5py

    path = str(tmp_path / "m.h5")
    with h5py.File(path, "w") as f:
        f.create_dataset("x", data=np.arange(20.).reshape(10, 2))
    x = io_utils.HDF5Matrix(path, "x", start=2, end=6)
    np.testing.assert_array_equal(x[:2], [[4., 5.], [6., 7.]])
    np.testing.assert_array_equal(x[2:], [[8., 9.], [10., 11.]])
    np.testing.assert_array_equal(x[np.int64(1)], [6., 7.])
    assert x.ndim == 2 and x.dtype == np.float64
    np.testing.assert_array_equal(np.asarray(x), np.arange(4., 12.).reshape(4, 2))
    with pytest.raises(KeyError, match="no dataset 'y'"):
        io_utils.HDF5Matrix(path, "y")
    with pytest.raises(TypeError, match="HDF5Matrix indices"):
        x["a"]


# -- test_utils ---------------------------------------------------------------------------
def test_layer_test_on_dense():
    np.random.seed(0)
    output = test_utils.layer_test(Dense, kwargs={"output_dim": 3}, input_shape=(2, 4))
    assert output.shape == (2, 3)
    kwargs = {"output_dim": 2}
    test_utils.layer_test(Dense, kwargs=kwargs, input_shape=(3, 5), fixed_batch_size=True)
    assert kwargs == {"output_dim": 2}
    from legacy_keras.layers import Activation

    data = np.array([[-1., 2.], [3., -4.]], dtype="float32")
    test_utils.layer_test(Activation, kwargs={"activation": "relu"}, input_data=data,
                          expected_output=np.maximum(data, 0))
    with pytest.raises(AssertionError):
        test_utils.layer_test(Activation, kwargs={"activation": "relu"}, input_data=data,
                              expected_output=data)


def test_keras_test_decorator_keeps_name_doc_and_result():
    @test_utils.keras_test
    def add(a, b=1):
        """doc"""
        return a + b

    assert add(2, b=3) == 5 and add.__name__ == "add" and add.__doc__ == "doc"


def test_get_test_data_shapes():
    np.random.seed(1)
    (x, y), (xt, yt) = test_utils.get_test_data(nb_train=5, nb_test=2, input_shape=(3,))
    assert x.shape == (5, 3) and y.shape == (5,) and xt.shape == (2, 3) and yt.shape == (2,)
