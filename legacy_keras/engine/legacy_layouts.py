"""Weights stored by one Keras 1 release, converted to the running release's layouts.

A weight file holds each layer's arrays as the release that wrote it kept them. Three
layouts changed between Keras 1.0.0 and 1.2.2 (each a switch of
:mod:`legacy_keras.profiles`, whose values the table :data:`CONVERSIONS` reads):

* ``Convolution1D``'s kernel (``conv1d_kernel_layout``): ``(nb_filter, input_dim,
  filter_length, 1)`` up to 1.0.8, ``(filter_length, 1, input_dim, nb_filter)`` from
  1.1.0 -- the same numbers, transposed.
* ``BatchNormalization``'s ``running_std`` (``batchnorm_running_std``): the moving
  average of the batch std sqrt(var + epsilon), used as ``x / (std + epsilon)``, up to
  1.0.5; the moving average of the batch variance, used as ``x / sqrt(var + epsilon)``,
  from 1.0.6. Converted so that the test-phase output is the same:
  ``var = (std + epsilon) ** 2 - epsilon`` and back, with the layer's epsilon.
* ``Highway``'s weight order (``highway_transform_bias``): ``W, b, W_carry, b_carry``
  up to 1.1.2, ``W, W_carry, b, b_carry`` from 1.2.0.

Which release wrote a file: only ``model.save`` files say it, in the root attribute
``keras_version`` (``b'1.0.8'``); ``save`` exists from Keras 1.0.7. ``save_weights``
files of every release (1.0.0-1.2.2) carry no version; nor do Keras 1.0's
``nb_layers`` files. (``to_json`` / ``to_yaml`` configs say ``keras_version`` from
1.0.4, but they hold no weights.) A file that says its release is loaded from that
release's layouts into the running release's (``legacy-keras run --keras-version``,
``LEGACY_KERAS_VERSION``, default 1.2.2), whatever was chosen; a file that does not is
taken to be in the running release's layouts, except that, as Keras 1.1.0-1.2.2's
loader did, a ``Convolution1D`` kernel of the 1.0.x shape is transposed when the
running release is 1.1.0 or later (Keras applied that rule to loading by position
only; legacy_keras by name too).

Where legacy_keras differs from Keras 1: no Keras 1 release looked at a file's
version when loading weights (1.2.2 loaded a 1.1.2 ``Highway`` into the wrong weights,
silently on Theano, and a 1.0.5 ``running_std`` as a variance); and a file whose
``keras_version`` names no Keras 1 release (a Keras 2 file, a damaged attribute) is
refused with an error naming the value, before anything is assigned.
"""
import numpy as np

from legacy_keras import backend as K
from legacy_keras import profiles

VERSION_ATTRIBUTE = "keras_version"


def file_release(group, filepath="<HDF5 group>"):
    """The Keras 1 release that wrote the HDF5 file holding ``group`` (its root's
    ``keras_version``: ``'1.0.8'``), or None when the file does not say. A value that
    names no Keras 1 release raises a ``ValueError`` that names it."""
    root = getattr(group, "file", group)
    value = root.attrs.get(VERSION_ATTRIBUTE) if hasattr(root, "attrs") else None
    if value is None:
        return None
    text = value.decode("utf8", "replace") if isinstance(value, (bytes, np.bytes_)) \
        else str(value)
    try:
        return profiles.check_version(text)
    except ValueError:
        raise ValueError(
            "The weight file %r says it was written by Keras %r (its %r attribute), which "
            "is not a Keras 1 release legacy_keras knows (%s): legacy_keras cannot tell "
            "how that release stored its weights. Nothing was loaded. (A Keras 2 file "
            "needs Keras 2; a damaged attribute can be corrected with h5py, e.g. "
            "f.attrs['keras_version'] = b'1.2.2'; see migration_guide.md, section 11.)"
            % (str(filepath), text, VERSION_ATTRIBUTE, ", ".join(profiles.RELEASES))
        ) from None


# --- the conversions ---------------------------------------------------------------------

def _transposed_kernel(kernel, source, target):
    """A Convolution1D kernel from layout ``source`` to ``target`` ('th' / 'tf')."""
    if source == target:
        return kernel
    axes = (2, 3, 1, 0) if source == "th" else (3, 2, 0, 1)
    return np.transpose(kernel, axes)


def _convert_conv1d(layer, values, source, target):
    """``source`` / ``target``: the two releases' ``conv1d_kernel_layout``; ``source``
    None (the file does not say): the 1.0.x kernel recognized by its shape, as Keras
    1.1.0-1.2.2 did, when the running layout is 'tf'."""
    if not values or np.ndim(values[0]) != 4:
        return values
    expected = tuple(K.get_value(layer.weights[0]).shape)
    kernel = np.asarray(values[0])
    if source is None:
        if target != "tf" or kernel.shape == expected:
            return values
        source = "th"
    converted = _transposed_kernel(kernel, source, target)
    if converted.shape != expected:  # not this layer's kernel: the shape check says so
        return values
    return [converted] + list(values[1:])


def _convert_batchnorm(layer, values, source, target):
    """``running_std`` (the 4th array) between 'std' and 'variance' (the two releases'
    ``batchnorm_running_std``), keeping ``x`` normalized by the same number."""
    if source is None or source == target or len(values) != 4:
        return values
    epsilon = float(layer.epsilon)
    stored = np.asarray(values[3])
    statistic = stored.astype("float64")
    if source == "std":
        statistic = np.square(statistic + epsilon) - epsilon
    else:
        statistic = np.sqrt(statistic + epsilon) - epsilon
    return list(values[:3]) + [statistic.astype(stored.dtype)]


def _convert_highway(layer, values, source, target):
    """The order of the four arrays (W, b, W_carry, b_carry when the release's
    ``highway_transform_bias`` is True; W, W_carry, b, b_carry otherwise). The swap of
    the middle two is its own inverse."""
    if source is None or source == target or len(values) != 4:
        return values
    return [values[0], values[2], values[1], values[3]]


# layer class name (as Keras 1.2.2's loader matched Convolution1D), the profile switch
# holding the layout, the conversion
CONVERSIONS = (
    ("Convolution1D", "conv1d_kernel_layout", _convert_conv1d),
    ("BatchNormalization", "batchnorm_running_std", _convert_batchnorm),
    ("Highway", "highway_transform_bias", _convert_highway),
)


def to_running_layout(layer, values, release):
    """``values`` (a layer's arrays as a file stores them) in the running release's
    layout, converted from ``release``'s (the file's :func:`file_release`; None: the file
    does not say, see the module docstring). Arrays that do not fit are returned as they
    are, for the loader's shape check to report."""
    for class_name, switch, convert in CONVERSIONS:
        if layer.__class__.__name__ == class_name:
            source = profiles.Profile(release).switch(switch) if release else None
            return convert(layer, list(values), source, profiles.switch(switch))
    return values
