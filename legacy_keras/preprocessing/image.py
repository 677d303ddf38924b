"""``keras.preprocessing.image`` (Keras 1.2.2): real-time image augmentation
(:class:`ImageDataGenerator`) and PIL image helpers.

Random draws come from NumPy's global generator in Keras 1.2.2's order, so a seeded
script augments exactly as it did. Images are 3-D arrays in ``dim_ordering`` 'th'
(channels, rows, cols) or 'tf' (rows, cols, channels), by default the
``image_dim_ordering`` of ``~/.keras/keras.json`` ('tf' if unset).

Differences: :func:`load_img` resizes with nearest-neighbour sampling, the default of
the Pillow of Keras 1's time (Pillow >= 7 defaults to bicubic); the random helpers use
``scipy.ndimage.affine_transform`` (Keras 1 called it through the since-removed
``scipy.ndimage.interpolation``).
"""
import os
import re
import threading
import warnings

import numpy as np
import scipy.ndimage as ndi
from scipy import linalg

from legacy_keras import backend as K
from legacy_keras import profiles

try:
    from PIL import Image as pil_image
except ImportError:  # pragma: no cover - Pillow is a dependency
    pil_image = None


def _rotation_matrix(theta):
    return np.array([[np.cos(theta), -np.sin(theta), 0],
                     [np.sin(theta), np.cos(theta), 0],
                     [0, 0, 1]])


def _translation_matrix(tx, ty):
    return np.array([[1, 0, tx], [0, 1, ty], [0, 0, 1]])


def _shear_matrix(shear):
    return np.array([[1, -np.sin(shear), 0], [0, np.cos(shear), 0], [0, 0, 1]])


def _zoom_matrix(zx, zy):
    return np.array([[zx, 0, 0], [0, zy, 0], [0, 0, 1]])


def random_rotation(x, rg, row_axis=1, col_axis=2, channel_axis=0, fill_mode="nearest",
                    cval=0.):
    """``x`` (3-D) rotated by a uniform angle in ``[-rg, rg]`` degrees."""
    theta = np.pi / 180 * np.random.uniform(-rg, rg)
    h, w = x.shape[row_axis], x.shape[col_axis]
    matrix = transform_matrix_offset_center(_rotation_matrix(theta), h, w)
    return apply_transform(x, matrix, channel_axis, fill_mode, cval)


def random_shift(x, wrg, hrg, row_axis=1, col_axis=2, channel_axis=0, fill_mode="nearest",
                 cval=0.):
    """``x`` shifted by uniform fractions ``hrg`` of its height and ``wrg`` of its width."""
    h, w = x.shape[row_axis], x.shape[col_axis]
    tx = np.random.uniform(-hrg, hrg) * h
    ty = np.random.uniform(-wrg, wrg) * w
    return apply_transform(x, _translation_matrix(tx, ty), channel_axis, fill_mode, cval)


def random_shear(x, intensity, row_axis=1, col_axis=2, channel_axis=0, fill_mode="nearest",
                 cval=0.):
    """``x`` sheared by a uniform angle in ``[-intensity, intensity]`` radians."""
    shear = np.random.uniform(-intensity, intensity)
    h, w = x.shape[row_axis], x.shape[col_axis]
    matrix = transform_matrix_offset_center(_shear_matrix(shear), h, w)
    return apply_transform(x, matrix, channel_axis, fill_mode, cval)


def random_zoom(x, zoom_range, row_axis=1, col_axis=2, channel_axis=0, fill_mode="nearest",
                cval=0.):
    """``x`` zoomed by factors drawn uniformly from ``zoom_range`` (two floats)."""
    if len(zoom_range) != 2:
        raise ValueError("zoom_range should be a tuple or list of two floats. "
                         "Received arg: ", zoom_range)
    if zoom_range[0] == 1 and zoom_range[1] == 1:
        zx, zy = 1, 1
    else:
        zx, zy = np.random.uniform(zoom_range[0], zoom_range[1], 2)
    h, w = x.shape[row_axis], x.shape[col_axis]
    matrix = transform_matrix_offset_center(_zoom_matrix(zx, zy), h, w)
    return apply_transform(x, matrix, channel_axis, fill_mode, cval)


def random_channel_shift(x, intensity, channel_axis=0):
    """Each channel shifted by a uniform amount, clipped to the image's value range."""
    x = np.rollaxis(x, channel_axis, 0)
    min_x, max_x = np.min(x), np.max(x)
    channels = [np.clip(channel + np.random.uniform(-intensity, intensity), min_x, max_x)
                for channel in x]
    return np.rollaxis(np.stack(channels, axis=0), 0, channel_axis + 1)


def transform_matrix_offset_center(matrix, x, y):
    """``matrix`` applied about the image centre (Keras 1's ``x / 2 + 0.5`` offsets)."""
    o_x = float(x) / 2 + 0.5
    o_y = float(y) / 2 + 0.5
    offset_matrix = np.array([[1, 0, o_x], [0, 1, o_y], [0, 0, 1]])
    reset_matrix = np.array([[1, 0, -o_x], [0, 1, -o_y], [0, 0, 1]])
    return np.dot(np.dot(offset_matrix, matrix), reset_matrix)


def apply_transform(x, transform_matrix, channel_axis=0, fill_mode="nearest", cval=0.):
    """Applies a 3x3 homogeneous transform to each channel (nearest-neighbour, order 0)."""
    x = np.rollaxis(x, channel_axis, 0)
    affine, offset = transform_matrix[:2, :2], transform_matrix[:2, 2]
    channels = [ndi.affine_transform(channel, affine, offset, order=0, mode=fill_mode,
                                     cval=cval) for channel in x]
    return np.rollaxis(np.stack(channels, axis=0), 0, channel_axis + 1)


def flip_axis(x, axis):
    x = np.asarray(x).swapaxes(axis, 0)
    x = x[::-1, ...]
    return x.swapaxes(0, axis)


def _require_pil(what):
    if pil_image is None:
        raise ImportError("Could not import PIL.Image. The use of `%s` requires PIL." % what)


def _dim_ordering(dim_ordering):
    if dim_ordering == "default":
        dim_ordering = K.image_dim_ordering()
    if dim_ordering not in {"th", "tf"}:
        raise ValueError("Invalid dim_ordering:", dim_ordering)
    return dim_ordering


def array_to_img(x, dim_ordering="default", scale=True):
    """A PIL image (RGB for 3 channels, 'L' for 1) from a 3-D array; ``scale`` maps
    the values to [0, 255] (shifted to be non-negative, divided by the maximum)."""
    _require_pil("array_to_img")
    x = np.asarray(x, dtype=K.floatx())
    if x.ndim != 3:
        raise ValueError("Expected image array to have rank 3 (single image). "
                         "Got array with shape:", x.shape)
    dim_ordering = _dim_ordering(dim_ordering)
    if dim_ordering == "th":
        x = x.transpose(1, 2, 0)
    if scale:
        x = x + max(-np.min(x), 0)
        x_max = np.max(x)
        if x_max != 0:
            x /= x_max
        x *= 255
    if x.shape[2] == 3:
        return pil_image.fromarray(x.astype("uint8"), "RGB")
    if x.shape[2] == 1:
        return pil_image.fromarray(x[:, :, 0].astype("uint8"), "L")
    raise ValueError("Unsupported channel number: ", x.shape[2])


def img_to_array(img, dim_ordering="default"):
    """A 3-D floatx array from a PIL image, channels placed by ``dim_ordering``."""
    if dim_ordering == "default":
        dim_ordering = K.image_dim_ordering()
    if dim_ordering not in {"th", "tf"}:
        raise ValueError("Unknown dim_ordering: ", dim_ordering)
    x = np.asarray(img, dtype=K.floatx())
    if len(x.shape) == 3:
        if dim_ordering == "th":
            x = x.transpose(2, 0, 1)
    elif len(x.shape) == 2:
        if dim_ordering == "th":
            x = x.reshape((1, x.shape[0], x.shape[1]))
        else:
            x = x.reshape((x.shape[0], x.shape[1], 1))
    else:
        raise ValueError("Unsupported image shape: ", x.shape)
    return x


def load_img(path, grayscale=False, target_size=None):
    """A PIL image from a file, as 'L' (``grayscale``) or RGB, resized (nearest
    neighbour) to ``target_size = (height, width)`` if given."""
    _require_pil("load_img")
    img = pil_image.open(path)
    img = img.convert("L") if grayscale else img.convert("RGB")
    if target_size:
        img = img.resize((target_size[1], target_size[0]), pil_image.NEAREST)
    return img


def list_pictures(directory, ext="jpg|jpeg|bmp|png"):
    """Paths of the files under ``directory`` whose names match ``word.<ext>``."""
    return [os.path.join(root, f)
            for root, _, files in os.walk(directory) for f in files
            if re.match(r"([\w]+\.(?:" + ext + "))", f)]


class ImageDataGenerator(object):
    """Batches of image data with real-time augmentation (Keras 1.2.2's arguments).

    # Arguments
        featurewise_center, samplewise_center: subtract the dataset mean (per channel,
            from ``fit``) / each image's mean.
        featurewise_std_normalization, samplewise_std_normalization: divide by the
            dataset std (from ``fit``) / each image's std.
        zca_whitening: apply ZCA whitening (from ``fit``).
        rotation_range: degrees; width_shift_range, height_shift_range: fractions;
        shear_range: radians; zoom_range: float z (range [1-z, 1+z]) or [lo, hi];
        channel_shift_range: shift of each channel's values.
        fill_mode: 'constant', 'nearest', 'reflect' or 'wrap'; cval: the constant.
        horizontal_flip, vertical_flip: random flips.
        rescale: factor applied first (None or 0: none).
        preprocessing_function: applied to each image before anything else.
        dim_ordering: 'th' or 'tf'; 'default' reads ``~/.keras/keras.json``.

    As in Keras 1.2.2, the "samplewise" statistics are taken over the channel axis
    only (one mean per pixel), and ``fit`` divides by ``std + K.epsilon()`` while
    ``standardize`` divides by ``std + 1e-7``.

    Under older releases (legacy_keras/profiles.py): featurewise_center and
    featurewise_std_normalization default to True in 1.0.0-1.0.1; up to 1.1.2 ``fit``'s
    featurewise mean / std are one per pixel and channel (over the samples only); up to
    1.1.0 the ZCA covariance is divided by the image size instead of the sample count.
    The arguments later releases added (zoom_range, rescale ...) are accepted under
    every release. Not reproduced: 1.0.0-1.0.3's ``flow`` returned the generator itself
    (here a NumpyArrayIterator under every release) and 1.0.0-1.0.1 had their own
    random transforms and float64 batches.
    """

    def __init__(self, featurewise_center=None, samplewise_center=False,
                 featurewise_std_normalization=None, samplewise_std_normalization=False,
                 zca_whitening=False, rotation_range=0., width_shift_range=0.,
                 height_shift_range=0., shear_range=0., zoom_range=0.,
                 channel_shift_range=0., fill_mode="nearest", cval=0.,
                 horizontal_flip=False, vertical_flip=False, rescale=None,
                 preprocessing_function=None, dim_ordering="default"):
        if dim_ordering == "default":
            dim_ordering = K.image_dim_ordering()
        if dim_ordering not in {"tf", "th"}:
            raise ValueError('dim_ordering should be "tf" (channel after row and column) '
                             'or "th" (channel before row and column). Received arg: ',
                             dim_ordering)
        if np.isscalar(zoom_range):
            zoom_range = [1 - zoom_range, 1 + zoom_range]
        elif len(zoom_range) == 2:
            zoom_range = [zoom_range[0], zoom_range[1]]
        else:
            raise ValueError("zoom_range should be a float or a tuple or list of two "
                             "floats. Received arg: ", zoom_range)
        # None: the release's default (switch image_generator_featurewise_default:
        # True in Keras 1.0.0-1.0.1, False from 1.0.2).
        featurewise_default = profiles.switch("image_generator_featurewise_default")
        if featurewise_center is None:
            featurewise_center = featurewise_default
        if featurewise_std_normalization is None:
            featurewise_std_normalization = featurewise_default
        self.featurewise_center = featurewise_center
        self.samplewise_center = samplewise_center
        self.featurewise_std_normalization = featurewise_std_normalization
        self.samplewise_std_normalization = samplewise_std_normalization
        self.zca_whitening = zca_whitening
        self.rotation_range = rotation_range
        self.width_shift_range = width_shift_range
        self.height_shift_range = height_shift_range
        self.shear_range = shear_range
        self.zoom_range = zoom_range
        self.channel_shift_range = channel_shift_range
        self.fill_mode = fill_mode
        self.cval = cval
        self.horizontal_flip = horizontal_flip
        self.vertical_flip = vertical_flip
        self.rescale = rescale
        self.preprocessing_function = preprocessing_function
        self.dim_ordering = dim_ordering
        if dim_ordering == "th":
            self.channel_axis, self.row_axis, self.col_axis = 1, 2, 3
        else:
            self.channel_axis, self.row_axis, self.col_axis = 3, 1, 2
        self.mean = None
        self.std = None
        self.principal_components = None

    def flow(self, X, y=None, batch_size=32, shuffle=True, seed=None, save_to_dir=None,
             save_prefix="", save_format="jpeg"):
        """An iterator of ``(x_batch, y_batch)`` (or ``x_batch``) over arrays."""
        return NumpyArrayIterator(X, y, self, batch_size=batch_size, shuffle=shuffle,
                                  seed=seed, dim_ordering=self.dim_ordering,
                                  save_to_dir=save_to_dir, save_prefix=save_prefix,
                                  save_format=save_format)

    def flow_from_directory(self, directory, target_size=(256, 256), color_mode="rgb",
                            classes=None, class_mode="categorical", batch_size=32,
                            shuffle=True, seed=None, save_to_dir=None, save_prefix="",
                            save_format="jpeg", follow_links=False):
        """An iterator over the images in ``directory``'s class subfolders."""
        return DirectoryIterator(directory, self, target_size=target_size,
                                 color_mode=color_mode, classes=classes,
                                 class_mode=class_mode, dim_ordering=self.dim_ordering,
                                 batch_size=batch_size, shuffle=shuffle, seed=seed,
                                 save_to_dir=save_to_dir, save_prefix=save_prefix,
                                 save_format=save_format, follow_links=follow_links)

    def _warn_unfit(self, option):
        warnings.warn("This ImageDataGenerator specifies `%s`, but it hasn'tbeen fit on "
                      "any training data. Fit it first by calling `.fit(numpy_data)`." % option)

    def standardize(self, x):
        """Applies the normalization options to one image (in place where Keras 1 did)."""
        if self.preprocessing_function:
            x = self.preprocessing_function(x)
        if self.rescale:
            x *= self.rescale
        img_channel_axis = self.channel_axis - 1
        if self.samplewise_center:
            x -= np.mean(x, axis=img_channel_axis, keepdims=True)
        if self.samplewise_std_normalization:
            x /= (np.std(x, axis=img_channel_axis, keepdims=True) + 1e-7)
        if self.featurewise_center:
            if self.mean is not None:
                x -= self.mean
            else:
                self._warn_unfit("featurewise_center")
        if self.featurewise_std_normalization:
            if self.std is not None:
                x /= (self.std + 1e-7)
            else:
                self._warn_unfit("featurewise_std_normalization")
        if self.zca_whitening:
            if self.principal_components is not None:
                whitex = np.dot(np.reshape(x, (x.size)), self.principal_components)
                x = np.reshape(whitex, (x.shape[0], x.shape[1], x.shape[2]))
            else:
                self._warn_unfit("zca_whitening")
        return x

    def _random_matrix(self, h, w):
        """The composed rotation/shift/shear/zoom matrix, drawn in Keras 1's order."""
        theta = 0
        if self.rotation_range:
            theta = np.pi / 180 * np.random.uniform(-self.rotation_range, self.rotation_range)
        tx = ty = 0
        if self.height_shift_range:
            tx = np.random.uniform(-self.height_shift_range, self.height_shift_range) * h
        if self.width_shift_range:
            ty = np.random.uniform(-self.width_shift_range, self.width_shift_range) * w
        shear = 0
        if self.shear_range:
            shear = np.random.uniform(-self.shear_range, self.shear_range)
        if self.zoom_range[0] == 1 and self.zoom_range[1] == 1:
            zx, zy = 1, 1
        else:
            zx, zy = np.random.uniform(self.zoom_range[0], self.zoom_range[1], 2)
        matrix = np.dot(np.dot(np.dot(_rotation_matrix(theta), _translation_matrix(tx, ty)),
                               _shear_matrix(shear)), _zoom_matrix(zx, zy))
        return transform_matrix_offset_center(matrix, h, w)

    def random_transform(self, x):
        """One image (3-D) randomly transformed: the affine transform (always applied,
        even when it is the identity), then channel shift and flips."""
        img_row_axis = self.row_axis - 1
        img_col_axis = self.col_axis - 1
        img_channel_axis = self.channel_axis - 1
        h, w = x.shape[img_row_axis], x.shape[img_col_axis]
        matrix = self._random_matrix(h, w)
        x = apply_transform(x, matrix, img_channel_axis, fill_mode=self.fill_mode,
                            cval=self.cval)
        if self.channel_shift_range != 0:
            x = random_channel_shift(x, self.channel_shift_range, img_channel_axis)
        if self.horizontal_flip and np.random.random() < 0.5:
            x = flip_axis(x, img_col_axis)
        if self.vertical_flip and np.random.random() < 0.5:
            x = flip_axis(x, img_row_axis)
        return x

    def _channel_statistic(self, statistic, x):
        """One value per channel (Keras 1.2.x); up to 1.1.2 (switch
        ``image_generator_statistics``) one per pixel and channel, over the samples."""
        if profiles.switch("image_generator_statistics") == "pixel":
            return statistic(x, axis=0)
        broadcast_shape = [1, 1, 1]
        broadcast_shape[self.channel_axis - 1] = x.shape[self.channel_axis]
        value = statistic(x, axis=(0, self.row_axis, self.col_axis))
        return np.reshape(value, broadcast_shape)

    def fit(self, x, augment=False, rounds=1, seed=None):
        """Computes the dataset statistics that the featurewise options and ZCA
        whitening need, from a rank-4 array (optionally over ``rounds`` augmented
        copies)."""
        x = np.asarray(x, dtype=K.floatx())
        if x.ndim != 4:
            raise ValueError("Input to `.fit()` should have rank 4. "
                             "Got array with shape: " + str(x.shape))
        if x.shape[self.channel_axis] not in {1, 3, 4}:
            raise ValueError(
                'Expected input to be images (as Numpy array) following the dimension '
                'ordering convention "' + self.dim_ordering + '" (channels on axis ' +
                str(self.channel_axis) + '), i.e. expected either 1, 3 or 4 channels on '
                'axis ' + str(self.channel_axis) + '. However, it was passed an array with '
                'shape ' + str(x.shape) + ' (' + str(x.shape[self.channel_axis]) +
                ' channels).')
        if seed is not None:
            np.random.seed(seed)
        x = np.copy(x)
        if augment:
            ax = np.zeros(tuple([rounds * x.shape[0]] + list(x.shape)[1:]), dtype=K.floatx())
            for r in range(rounds):
                for i in range(x.shape[0]):
                    ax[i + r * x.shape[0]] = self.random_transform(x[i])
            x = ax
        if self.featurewise_center:
            self.mean = self._channel_statistic(np.mean, x)
            x -= self.mean
        if self.featurewise_std_normalization:
            self.std = self._channel_statistic(np.std, x)
            x /= (self.std + K.epsilon())
        if self.zca_whitening:
            flat_x = np.reshape(x, (x.shape[0], x.shape[1] * x.shape[2] * x.shape[3]))
            # Keras 1.0.0-1.1.0 divided by the number of features (switch zca_sigma_divisor)
            divisor = (flat_x.shape[0] if profiles.switch("zca_sigma_divisor") == "samples"
                       else flat_x.shape[1])
            sigma = np.dot(flat_x.T, flat_x) / divisor
            u, s, _ = linalg.svd(sigma)
            self.principal_components = np.dot(np.dot(u, np.diag(1. / np.sqrt(s + 10e-7))), u.T)


class Iterator(object):
    """Keras 1's batch index generator: ``(index_array, current_index,
    current_batch_size)``; a new permutation at each epoch when ``shuffle``; with
    ``seed``, NumPy's global generator is re-seeded with ``seed + batches seen`` before
    each batch (as Keras 1.2.2 did)."""

    def __init__(self, n, batch_size, shuffle, seed):
        self.n = n
        self.batch_size = batch_size
        self.shuffle = shuffle
        self.batch_index = 0
        self.total_batches_seen = 0
        self.lock = threading.Lock()
        self.index_generator = self._flow_index(n, batch_size, shuffle, seed)

    def reset(self):
        self.batch_index = 0

    def _flow_index(self, n, batch_size=32, shuffle=False, seed=None):
        self.reset()
        while 1:
            if seed is not None:
                np.random.seed(seed + self.total_batches_seen)
            if self.batch_index == 0:
                index_array = np.arange(n)
                if shuffle:
                    index_array = np.random.permutation(n)
            current_index = (self.batch_index * batch_size) % n
            if n >= current_index + batch_size:
                current_batch_size = batch_size
                self.batch_index += 1
            else:
                current_batch_size = n - current_index
                self.batch_index = 0
            self.total_batches_seen += 1
            yield (index_array[current_index: current_index + current_batch_size],
                   current_index, current_batch_size)

    def __iter__(self):
        return self

    def __next__(self, *args, **kwargs):
        return self.next(*args, **kwargs)

    def _save_batch(self, batch_x, current_index, current_batch_size):
        for i in range(current_batch_size):
            img = array_to_img(batch_x[i], self.dim_ordering, scale=True)
            fname = "{prefix}_{index}_{hash}.{format}".format(
                prefix=self.save_prefix, index=current_index + i,
                hash=np.random.randint(int(1e4)), format=self.save_format)
            img.save(os.path.join(self.save_to_dir, fname))

    def _augmented(self, x):
        x = self.image_data_generator.random_transform(x)
        return self.image_data_generator.standardize(x)


class NumpyArrayIterator(Iterator):
    """Batches of augmented images from a rank-4 array (and labels)."""

    def __init__(self, x, y, image_data_generator, batch_size=32, shuffle=False, seed=None,
                 dim_ordering="default", save_to_dir=None, save_prefix="",
                 save_format="jpeg"):
        if y is not None and len(x) != len(y):
            raise ValueError("X (images tensor) and y (labels) should have the same length. "
                             "Found: X.shape = %s, y.shape = %s"
                             % (np.asarray(x).shape, np.asarray(y).shape))
        if dim_ordering == "default":
            dim_ordering = K.image_dim_ordering()
        self.x = np.asarray(x, dtype=K.floatx())
        if self.x.ndim != 4:
            raise ValueError("Input data in `NumpyArrayIterator` should have rank 4. "
                             "You passed an array with shape", self.x.shape)
        channels_axis = 3 if dim_ordering == "tf" else 1
        if self.x.shape[channels_axis] not in {1, 3, 4}:
            raise ValueError(
                'NumpyArrayIterator is set to use the dimension ordering convention "' +
                dim_ordering + '" (channels on axis ' + str(channels_axis) + '), i.e. '
                'expected either 1, 3 or 4 channels on axis ' + str(channels_axis) + '. '
                'However, it was passed an array with shape ' + str(self.x.shape) + ' (' +
                str(self.x.shape[channels_axis]) + ' channels).')
        self.y = np.asarray(y) if y is not None else None
        self.image_data_generator = image_data_generator
        self.dim_ordering = dim_ordering
        self.save_to_dir = save_to_dir
        self.save_prefix = save_prefix
        self.save_format = save_format
        super(NumpyArrayIterator, self).__init__(self.x.shape[0], batch_size, shuffle, seed)

    def next(self):
        with self.lock:
            index_array, current_index, current_batch_size = next(self.index_generator)
        batch_x = np.zeros(tuple([current_batch_size] + list(self.x.shape)[1:]),
                           dtype=K.floatx())
        for i, j in enumerate(index_array):
            batch_x[i] = self._augmented(self.x[j].astype(K.floatx()))
        if self.save_to_dir:
            self._save_batch(batch_x, current_index, current_batch_size)
        if self.y is None:
            return batch_x
        return batch_x, self.y[index_array]


_IMAGE_EXTENSIONS = ("png", "jpg", "jpeg", "bmp")


def _is_image_file(fname):
    return any(fname.lower().endswith("." + ext) for ext in _IMAGE_EXTENSIONS)


class DirectoryIterator(Iterator):
    """Batches of augmented images read from ``directory/<class>/...`` (classes in
    sorted order; files walked in sorted folder order, as Keras 1.2.2 did)."""

    def __init__(self, directory, image_data_generator, target_size=(256, 256),
                 color_mode="rgb", dim_ordering="default", classes=None,
                 class_mode="categorical", batch_size=32, shuffle=True, seed=None,
                 save_to_dir=None, save_prefix="", save_format="jpeg", follow_links=False):
        if dim_ordering == "default":
            dim_ordering = K.image_dim_ordering()
        self.directory = directory
        self.image_data_generator = image_data_generator
        self.target_size = tuple(target_size)
        if color_mode not in {"rgb", "grayscale"}:
            raise ValueError("Invalid color mode:", color_mode,
                             '; expected "rgb" or "grayscale".')
        self.color_mode = color_mode
        self.dim_ordering = dim_ordering
        channels = (3,) if color_mode == "rgb" else (1,)
        self.image_shape = (self.target_size + channels if dim_ordering == "tf"
                            else channels + self.target_size)
        if class_mode not in {"categorical", "binary", "sparse", None}:
            raise ValueError("Invalid class_mode:", class_mode,
                             '; expected one of "categorical", "binary", "sparse", or None.')
        self.class_mode = class_mode
        self.save_to_dir = save_to_dir
        self.save_prefix = save_prefix
        self.save_format = save_format
        self.follow_links = follow_links

        if not classes:
            classes = [subdir for subdir in sorted(os.listdir(directory))
                       if os.path.isdir(os.path.join(directory, subdir))]
        self.nb_class = len(classes)
        self.class_indices = dict(zip(classes, range(len(classes))))

        found = [(subdir, os.path.join(root, fname))
                 for subdir in classes for root, fname in self._image_files(subdir)]
        self.nb_sample = len(found)
        print("Found %d images belonging to %d classes." % (self.nb_sample, self.nb_class))
        self.filenames = [os.path.relpath(path, directory) for _, path in found]
        self.classes = np.array([self.class_indices[subdir] for subdir, _ in found],
                                dtype="int32").reshape((self.nb_sample,))
        super(DirectoryIterator, self).__init__(self.nb_sample, batch_size, shuffle, seed)

    def _image_files(self, subdir):
        subpath = os.path.join(self.directory, subdir)
        walk = sorted(os.walk(subpath, followlinks=self.follow_links), key=lambda t: t[0])
        return [(root, fname) for root, _, files in walk for fname in files
                if _is_image_file(fname)]

    def _labels(self, index_array, batch_size):
        if self.class_mode == "sparse":
            return self.classes[index_array]
        if self.class_mode == "binary":
            return self.classes[index_array].astype(K.floatx())
        batch_y = np.zeros((batch_size, self.nb_class), dtype=K.floatx())
        for i, label in enumerate(self.classes[index_array]):
            batch_y[i, label] = 1.
        return batch_y

    def next(self):
        with self.lock:
            index_array, current_index, current_batch_size = next(self.index_generator)
        batch_x = np.zeros((current_batch_size,) + self.image_shape, dtype=K.floatx())
        grayscale = self.color_mode == "grayscale"
        for i, j in enumerate(index_array):
            img = load_img(os.path.join(self.directory, self.filenames[j]),
                           grayscale=grayscale, target_size=self.target_size)
            batch_x[i] = self._augmented(img_to_array(img, dim_ordering=self.dim_ordering))
        if self.save_to_dir:
            self._save_batch(batch_x, current_index, current_batch_size)
        if self.class_mode is None:
            return batch_x
        return batch_x, self._labels(index_array, len(batch_x))
