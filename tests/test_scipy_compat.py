"""SciPy compatibility: scipy.misc's image functions under activation only.

SciPy 1.0 cannot be installed next to today's NumPy, so the expectations below are SciPy
0.19 / 1.0's documented behaviour (byte-scaling min..max to 0..255, (rows, columns) size
tuples, int percent / float fraction sizes, palette images read as RGB, ``flatten`` as
float32 grey levels), checked on images whose pixels are known exactly.
"""
import warnings

import numpy as np
import pytest
import scipy

import legacy_keras
from legacy_keras import _scipy_compat

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

NAMES = ("imread", "imsave", "imresize", "toimage", "fromimage", "bytescale", "imrotate")


def misc():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        import scipy.misc

    return scipy.misc


@pytest.fixture
def activated():
    _scipy_compat._warned.clear()
    legacy_keras.install()
    yield misc()
    legacy_keras.uninstall()


def test_nothing_changes_without_activation():
    legacy_keras.uninstall()
    for name in NAMES:
        assert not hasattr(misc(), name)
    with pytest.raises(ImportError):
        exec("from scipy.misc import imread", {})


def test_names_answer_under_activation_and_leave_after(activated):
    from scipy.misc import imresize  # noqa: F401  (from-import works too)

    for name in NAMES:
        assert callable(getattr(activated, name))
    legacy_keras.uninstall()
    for name in NAMES:
        assert not hasattr(misc(), name)
    assert scipy.misc is misc()


def test_one_deprecation_warning_per_name_naming_the_modern_spelling(activated):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for _ in range(3):
            _ = activated.imread, activated.imresize
    messages = [str(w.message) for w in caught if w.category is DeprecationWarning]
    assert len(messages) == 2
    assert "scipy.misc.imread was removed in SciPy 1.2" in messages[0]
    assert "PIL.Image.open" in messages[0]
    assert "scipy.misc.imresize was removed in SciPy 1.3" in messages[1]
    assert ".resize((width, height)" in messages[1]


def test_toimage_bytescales_and_imsave_imread_round_trip(activated, tmp_path):
    ramp = np.linspace(-1.0, 3.0, 12).reshape(3, 4)
    image = activated.toimage(ramp)
    assert image.mode == "L" and image.size == (4, 3)
    grey = np.asarray(image)
    assert grey[0, 0] == 0 and grey[-1, -1] == 255
    np.testing.assert_array_equal(grey, ((ramp + 1) * 255 / 4 + 0.5).astype(np.uint8))
    rgb = np.arange(2 * 3 * 3, dtype=np.uint8).reshape(2, 3, 3) * 10
    path = str(tmp_path / "rgb.png")
    activated.imsave(path, rgb)
    np.testing.assert_array_equal(activated.imread(path), rgb)  # uint8: not rescaled
    flat = activated.imread(path, flatten=True)
    assert flat.dtype == np.float32 and flat.shape == (2, 3)
    assert activated.imread(path, mode="L").shape == (2, 3)
    channels_first = np.transpose(rgb, (2, 0, 1))
    np.testing.assert_array_equal(np.asarray(activated.toimage(channels_first)), rgb)


def test_palette_images_read_as_rgb(activated, tmp_path):
    from PIL import Image

    indices = Image.fromarray(np.array([[0, 1], [1, 0]], dtype=np.uint8), mode="P")
    indices.putpalette([255, 0, 0, 0, 0, 255] + [0] * 762)
    path = str(tmp_path / "palette.png")
    indices.save(path)
    pixels = activated.imread(path)
    assert pixels.shape == (2, 2, 3)
    assert pixels[0, 0].tolist() == [255, 0, 0] and pixels[0, 1].tolist() == [0, 0, 255]


def test_imresize_sizes_and_interpolations(activated):
    image = np.arange(4 * 6, dtype=np.uint8).reshape(4, 6) * 10
    assert activated.imresize(image, (2, 3)).shape == (2, 3)  # (rows, columns)
    assert activated.imresize(image, 50).shape == (2, 3)  # int: percent
    assert activated.imresize(image, 1.5).shape == (6, 9)  # float: fraction
    doubled = activated.imresize(image, (8, 12), interp="nearest")
    assert doubled.dtype == np.uint8
    np.testing.assert_array_equal(doubled, image.repeat(2, axis=0).repeat(2, axis=1))
    floats = activated.imresize(np.array([[0.0, 0.5], [0.5, 1.0]]), (2, 2), interp="nearest")
    np.testing.assert_array_equal(floats, [[0, 128], [128, 255]])  # byte-scaled first
    for interp in ("bilinear", "bicubic", "cubic", "lanczos"):
        assert activated.imresize(image, (3, 5), interp=interp).shape == (3, 5)


def test_errors_as_scipy_raised_them(activated):
    with pytest.raises(ValueError, match="suitable array shape"):
        activated.toimage(np.zeros((2, 2, 2)))
    with pytest.raises(ValueError, match="complex"):
        activated.toimage(np.zeros((2, 2), dtype=complex))
    with pytest.raises(TypeError, match="not a PIL image"):
        activated.fromimage(np.zeros((2, 2)))
