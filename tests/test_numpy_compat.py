"""NumPy compatibility under activation only: the 2016 NumPy names (np.float, np.int,
...) and ragged arrays as NumPy 1 had them, each with one warning naming the modern
spelling; NumPy restored exactly by uninstall."""
import pickle
import warnings

import numpy as np
import pytest

import legacy_keras
from legacy_keras import _numpy_compat


@pytest.fixture
def activated():
    legacy_keras.install()
    _numpy_compat._warned.clear()
    try:
        yield
    finally:
        legacy_keras.uninstall()


def test_removed_names_are_missing_without_activation():
    assert not legacy_keras.is_installed()
    for name in ("float", "int", "object", "asscalar", "NaN", "product"):
        with pytest.raises(AttributeError):
            getattr(np, name)
    with pytest.raises(ValueError, match="inhomogeneous"):
        np.array([np.zeros(2), np.zeros(3)])


@pytest.mark.parametrize("name, meaning", [
    ("float", float), ("int", int), ("object", object), ("str", str),
    ("complex", complex), ("unicode", str), ("float_", np.float64),
    ("complex_", np.complex128), ("string_", np.bytes_), ("unicode_", np.str_),
    ("bool8", np.bool_), ("int0", np.intp)])
def test_type_aliases_mean_what_they_meant(activated, name, meaning):
    assert getattr(np, name) is meaning


def test_old_spellings_compute_as_numpy_1_did(activated):
    a = np.arange(1, 5, dtype=np.float32).reshape(2, 2)
    assert np.zeros(3, dtype=np.float).dtype == np.float64
    assert np.array([1.7, 2.2]).astype(np.int).tolist() == [1, 2]
    assert np.asscalar(np.array([3.5])) == 3.5
    assert np.product(a) == 24.0 and np.cumproduct([1, 2, 3]).tolist() == [1, 2, 6]
    assert np.rank(a) == 2
    assert np.alltrue(a > 0) and np.sometrue(a > 3.5)
    assert np.isnan(np.NaN) and np.Inf == np.inf and np.NINF == -np.inf
    assert np.msort(np.array([[3, 1], [1, 2]])).tolist() == [[1, 1], [3, 2]]
    assert np.in1d([1, 5], [5]).tolist() == [False, True]


def test_each_name_warns_once_with_the_modern_spelling(activated):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        _ = np.float, np.float, np.int, np.int
    messages = [str(w.message) for w in caught if w.category is DeprecationWarning]
    assert len(messages) == 2
    assert messages[0].startswith("np.float was removed") and "float64" in messages[0]
    assert messages[1].startswith("np.int was removed") and "np.int64" in messages[1]


def test_unknown_names_still_raise_numpys_error(activated):
    with pytest.raises(AttributeError, match="no attribute 'no_such_thing'"):
        _ = np.no_such_thing
    assert np.linalg is not None  # NumPy's own lazy submodules still resolve


def test_ragged_arrays_become_object_arrays_with_one_warning(activated):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        episodes = np.array([[1, 2, 3], [4, 5]])
        rows = np.asarray([np.zeros(2), np.zeros(3)])
    assert episodes.dtype == object and episodes.shape == (2,)
    assert episodes[1] == [4, 5]
    assert rows.dtype == object and rows[1].shape == (3,)
    assert sum(w.category is DeprecationWarning for w in caught) == 1
    # what NumPy 1 refused stays refused, and explicit dtypes are left alone
    with pytest.raises(ValueError):
        np.array([np.zeros((2, 3)), np.zeros((2, 4))])
    with pytest.raises(ValueError):
        np.array([[1, 2], [3]], dtype=np.float32)
    assert np.array([[1, 2], [3, 4]]).dtype.kind == "i"


def test_np_array_still_pickles_by_reference(activated):
    assert pickle.loads(pickle.dumps(np.array)) is np.array


def test_uninstall_restores_numpy_exactly():
    original = (np.array, np.asarray, np.__getattr__)
    legacy_keras.install()
    assert np.array is not original[0]
    legacy_keras.uninstall()
    assert (np.array, np.asarray, np.__getattr__) == original
    with pytest.raises(AttributeError):
        _ = np.float


def test_a_2016_script_runs_under_legacy_keras_run(tmp_path):
    import subprocess
    import sys

    script = tmp_path / "old.py"
    script.write_text(
        "import numpy as np\n"
        "from keras.models import Sequential\n"
        "from keras.layers import Dense\n"
        "x = np.ones((4, 3), dtype=np.float)\n"
        "model = Sequential([Dense(2, input_dim=3)])\n"
        "print(model.predict(x).shape, np.asscalar(np.array([7])),\n"
        "      np.array([[1], [2, 3]]).dtype)\n")
    result = subprocess.run([sys.executable, "-m", "legacy_keras", "run", str(script)],
                            cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "(4, 2) 7 object"
    assert "np.float was removed from NumPy" in result.stderr
