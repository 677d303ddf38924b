"""``scipy.misc``'s image functions as Keras 1 scripts used them, under activation only.

Keras 1 era scripts loaded and resized images with ``scipy.misc.imread / imsave /
imresize / toimage`` (also ``fromimage``, ``bytescale``, ``imrotate``). SciPy deprecated
them in 1.0 and removed them (``imread`` / ``imsave`` in 1.2, the others in 1.3); today
``scipy.misc`` is empty. While legacy_keras is installed (``legacy-keras run``,
:func:`legacy_keras.install`), ``scipy.misc`` answers these names
again, implemented on Pillow as SciPy 0.19 / 1.0 did, and the first use of each name
emits one ``DeprecationWarning`` naming the modern spelling. Nothing changes for code
that never activates legacy_keras; :func:`uninstall` puts ``scipy.misc`` back.

Where we differ: the pixels come from today's Pillow, whose resampling filters
(``imresize``'s 'bilinear', 'bicubic', 'lanczos') are those of Pillow >= 2.7 (what a
2016 install had from Pillow 3.x on); SciPy 0.19 called the same Pillow functions.
"""
import importlib
import sys
import types
import warnings

import numpy as np

_ERRSTR = "Mode is unknown or incompatible with input array shape."
_INTERPOLATIONS = {"nearest": 0, "lanczos": 1, "bilinear": 2, "bicubic": 3, "cubic": 3}


def bytescale(data, cmin=None, cmax=None, high=255, low=0):
    """Scales an array linearly to uint8 in ``[low, high]`` (uint8 input unchanged)."""
    data = np.asarray(data)
    if data.dtype == np.uint8:
        return data
    if high > 255:
        raise ValueError("`high` should be less than or equal to 255.")
    if low < 0:
        raise ValueError("`low` should be greater than or equal to 0.")
    if high < low:
        raise ValueError("`high` should be greater than or equal to `low`.")
    cmin = data.min() if cmin is None else cmin
    cmax = data.max() if cmax is None else cmax
    cscale = cmax - cmin
    if cscale < 0:
        raise ValueError("`cmax` should be larger than `cmin`.")
    if cscale == 0:
        cscale = 1
    scale = float(high - low) / cscale
    bytedata = (data - cmin) * scale + low
    return (bytedata.clip(low, high) + 0.5).astype(np.uint8)


def fromimage(im, flatten=False, mode=None):
    """A Pillow image as an array: palette images as RGB(A), ``flatten`` as float32 'F'
    grey levels, ``mode`` converted first; 1-bit images as 8-bit."""
    from PIL import Image  # lazy: Pillow only for images, kept out of import legacy_keras

    if not isinstance(im, Image.Image):
        raise TypeError("Input is not a PIL image.")
    if mode is not None:
        if mode != im.mode:
            im = im.convert(mode)
    elif im.mode == "P":
        im = im.convert("RGBA" if "transparency" in im.info else "RGB")
    if flatten:
        im = im.convert("F")
    elif im.mode == "1":
        im = im.convert("L")
    return np.array(im)


def imread(name, flatten=False, mode=None):
    """Reads an image file into an array (see :func:`fromimage`)."""
    from PIL import Image  # lazy: Pillow only for images, kept out of import legacy_keras

    return fromimage(Image.open(name), flatten=flatten, mode=mode)


def toimage(arr, high=255, low=0, cmin=None, cmax=None, pal=None, mode=None,
            channel_axis=None):
    """An array as a Pillow image: 2-D as 'L' (byte-scaled from min..max), 'P', 'F', '1'
    or 'I'; 3-D with a 3 or 4 channel axis as 'RGB' / 'RGBA' / 'YCbCr' / 'CMYK'."""
    from PIL import Image  # lazy: Pillow only for images, kept out of import legacy_keras

    data = np.asarray(arr)
    if np.iscomplexobj(data):
        raise ValueError("Cannot convert a complex-valued array.")
    shape = list(data.shape)
    valid = len(shape) == 2 or (len(shape) == 3 and (3 in shape or 4 in shape))
    if not valid:
        raise ValueError("'arr' does not have a suitable array shape for any mode.")
    if len(shape) == 2:
        return _image_2d(Image, data, (shape[1], shape[0]), high, low, cmin, cmax, pal, mode)
    if channel_axis is None:
        axes = np.flatnonzero(np.asarray(shape) == (3 if 3 in shape else 4))
        if not len(axes):
            raise ValueError("Could not find channel dimension.")
        channel_axis = axes[0]
    channels = shape[channel_axis]
    if channels not in (3, 4):
        raise ValueError("Channel axis dimension is not valid.")
    bytedata = bytescale(data, high=high, low=low, cmin=cmin, cmax=cmax)
    order = {2: (0, 1, 2), 1: (0, 2, 1), 0: (1, 2, 0)}[int(channel_axis)]
    bytedata = np.ascontiguousarray(np.transpose(bytedata, order))
    size = (bytedata.shape[1], bytedata.shape[0])
    mode = mode or ("RGB" if channels == 3 else "RGBA")
    if mode not in ("RGB", "RGBA", "YCbCr", "CMYK"):
        raise ValueError(_ERRSTR)
    if (mode in ("RGB", "YCbCr") and channels != 3) or \
            (mode in ("RGBA", "CMYK") and channels != 4):
        raise ValueError("Invalid array shape for mode.")
    return Image.frombytes(mode, size, bytedata.tobytes())


def _image_2d(Image, data, size, high, low, cmin, cmax, pal, mode):
    if mode == "F":
        return Image.frombytes(mode, size, data.astype(np.float32).tobytes())
    if mode in (None, "L", "P"):
        bytedata = bytescale(data, high=high, low=low, cmin=cmin, cmax=cmax)
        image = Image.frombytes("L", size, bytedata.tobytes())
        if pal is not None:
            image.putpalette(np.asarray(pal, dtype=np.uint8).tobytes())
        elif mode == "P":
            grey = np.arange(0, 256, 1, dtype=np.uint8)[:, None] * np.ones((3,), np.uint8)
            image.putpalette(grey.tobytes())
        return image
    if mode == "1":
        return Image.frombytes("1", size, (data > high).tobytes())
    cmin = np.amin(np.ravel(data)) if cmin is None else cmin
    cmax = np.amax(np.ravel(data)) if cmax is None else cmax
    data = (data * 1.0 - cmin) * (high - low) / (cmax - cmin) + low
    if mode == "I":
        return Image.frombytes(mode, size, data.astype(np.uint32).tobytes())
    raise ValueError(_ERRSTR)


def imsave(name, arr, format=None):
    """Saves an array as an image file (byte-scaled as :func:`toimage`; channels last)."""
    image = toimage(arr, channel_axis=2)
    if format is None:
        image.save(name)
    else:
        image.save(name, format)


def imresize(arr, size, interp="bilinear", mode=None):
    """Resizes an image array: ``size`` an int percent, a float fraction or a (rows,
    columns) tuple; ``interp`` 'nearest', 'lanczos', 'bilinear', 'bicubic' or 'cubic'.
    Returns uint8 (the image is byte-scaled first, as :func:`toimage`)."""
    image = toimage(arr, mode=mode)
    if np.issubdtype(type(size), np.signedinteger):
        size = tuple((np.array(image.size) * (size / 100.0)).astype(int))
    elif np.issubdtype(type(size), np.floating):
        size = tuple((np.array(image.size) * size).astype(int))
    else:
        size = (size[1], size[0])
    return fromimage(image.resize(size, resample=_INTERPOLATIONS[interp]))


def imrotate(arr, angle, interp="bilinear"):
    """Rotates an image array by ``angle`` degrees counter-clockwise (uint8 result)."""
    image = toimage(np.asarray(arr))
    return fromimage(image.rotate(angle, resample=_INTERPOLATIONS[interp]))


#: name -> (function, modern spelling for the warning)
REMOVED_NAMES = {
    "imread": (imread, "numpy.asarray(PIL.Image.open(name)) or imageio.v3.imread(name)"),
    "imsave": (imsave, "PIL.Image.fromarray(array).save(name) or "
                       "imageio.v3.imwrite(name, array) (neither rescales to 0..255)"),
    "imresize": (imresize, "numpy.asarray(PIL.Image.fromarray(array).resize((width, height), "
                           "PIL.Image.BILINEAR)) (note width first) or "
                           "skimage.transform.resize"),
    "toimage": (toimage, "PIL.Image.fromarray(array) (after scaling to uint8 yourself)"),
    "fromimage": (fromimage, "numpy.asarray(image)"),
    "bytescale": (bytescale, "scaling by hand: ((a - a.min()) * 255 / numpy.ptp(a))"
                             ".round().astype(numpy.uint8)"),
    "imrotate": (imrotate, "PIL.Image.fromarray(array).rotate(angle) or "
                           "scipy.ndimage.rotate"),
}

_state = {"installed": False, "module": None, "getattr": None, "created": False}
_warned = set()


#: SciPy 1.0's deprecation messages named these releases for the removal.
REMOVED_IN = {"imread": "1.2", "imsave": "1.2"}


def _warn_once(name, modern):
    if name in _warned:
        return
    _warned.add(name)
    warnings.warn("scipy.misc.%s was removed in SciPy %s; legacy_keras provides it (on "
                  "Pillow, as SciPy 1.0 did) for this Keras 1 script. Its modern spelling "
                  "is %s (see migration_guide.md)." % (name, REMOVED_IN.get(name, "1.3"),
                                                      modern),
                  DeprecationWarning, stacklevel=3)


def _legacy_getattr(name):
    entry = REMOVED_NAMES.get(name)
    if entry is not None:
        _warn_once(name, entry[1])
        return entry[0]
    original = _state["getattr"]
    if original is not None:
        return original(name)
    raise AttributeError("module 'scipy.misc' has no attribute %r" % name)


def _misc_module():
    """(scipy.misc, whether we created it): SciPy 2 will not have the module at all."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        try:
            return importlib.import_module("scipy.misc"), False
        except ImportError:
            pass
    module = types.ModuleType("scipy.misc", "scipy.misc as SciPy 1.0 had it (legacy_keras)")
    return module, True


def install():
    """``scipy.misc.imread`` & co. answer again (idempotent)."""
    if _state["installed"]:
        return
    try:
        import scipy  # lazy: heavy (0.25 s), optional, kept out of import legacy_keras
    except ImportError:
        return
    module, created = _misc_module()
    _state.update(installed=True, module=module, created=created,
                  getattr=module.__dict__.get("__getattr__"))
    module.__getattr__ = _legacy_getattr
    if created:
        sys.modules["scipy.misc"] = module
        scipy.misc = module


def uninstall():
    """Puts ``scipy.misc`` back as it was before :func:`install`."""
    if not _state["installed"]:
        return
    module = _state["module"]
    if _state["getattr"] is None:
        del module.__getattr__
    else:
        module.__getattr__ = _state["getattr"]
    if _state["created"]:
        sys.modules.pop("scipy.misc", None)
        import scipy  # lazy: heavy, kept out of import legacy_keras (loaded by install())

        if getattr(scipy, "misc", None) is module:
            del scipy.misc
    _state.update(installed=False, module=None, getattr=None, created=False)
