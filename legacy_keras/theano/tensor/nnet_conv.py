"""``theano.tensor.nnet.conv2d`` / ``conv3d``: Theano 1.0's abstract convolution ops, on PyTensor.

PyTensor has no convolution. Keras 1.2.2's Theano backend built every convolution with
``T.nnet.conv2d`` (and ``conv3d``), whose graphs show one node,
``AbstractConv2d{convdim=2, border_mode='valid', subsample=(1, 1), filter_flip=True,
imshp=..., kshp=..., filter_dilation=(1, 1), num_groups=1, unshared=False}``
(``AbstractConv3d{...}``). The ops here print that text, take the same inputs
(channels-first images, (nb_filter, stack, rows, cols) kernels) and compute what
Theano computed with NumPy: with ``filter_flip=True`` (the default) a true convolution,
i.e. a correlation with the kernel flipped on every spatial axis.

Theano's border modes: 'valid' (no padding), 'full' (pad ``k - 1`` on both sides),
'half' (pad ``k // 2`` on both sides; for an even kernel the output is one longer than
the input, Keras 1 cropped the end), or explicit ints. With dilation ``d`` the kernel
covers ``(k - 1) * d + 1`` pixels.

Gradients: ``T.grad`` through these ops is differentiated through the same computation
written with PyTensor ops (slices and tensordots), which needs the kernel shape
(``kshp``, which Keras 1 always gave).
"""
import itertools
import warnings

import numpy as np
import pytensor
import pytensor.tensor as _pt
from pytensor.graph.basic import Apply
from pytensor.graph.op import Op

warnings.filterwarnings("ignore", message="Numba will use object mode to run AbstractConv")


def _tuple_or_none(shape, ndim):
    if shape is None:
        return (None,) * ndim
    return tuple(None if v is None else int(v) for v in shape)


def theano_padding(border_mode, kernel_shape, dilation):
    """Per spatial axis, the zeros Theano added before and after the input."""
    pads = []
    for axis, k in enumerate(kernel_shape):
        extent = (k - 1) * dilation[axis] + 1
        if border_mode == "valid":
            pads.append(0)
        elif border_mode == "full":
            pads.append(extent - 1)
        elif border_mode == "half":
            pads.append(extent // 2)
        elif isinstance(border_mode, (tuple, list)):
            pads.append(int(border_mode[axis]))
        else:
            pads.append(int(border_mode))
    return pads


def _numpy_conv(image, kernel, border_mode, subsample, dilation, flip):
    """Theano's abstract convolution in NumPy: image (b, c, *spatial), kernel
    (f, c, *k), result (b, f, *out)."""
    convdim = image.ndim - 2
    kshape = kernel.shape[2:]
    if flip:
        kernel = kernel[(slice(None), slice(None)) + (slice(None, None, -1),) * convdim]
    pads = theano_padding(border_mode, kshape, dilation)
    image = np.pad(image, [(0, 0), (0, 0)] + [(p, p) for p in pads])
    out_shape = [(image.shape[2 + a] - ((kshape[a] - 1) * dilation[a] + 1)) // subsample[a] + 1
                 for a in range(convdim)]
    out = np.zeros((image.shape[0], kernel.shape[0]) + tuple(out_shape),
                   dtype=np.result_type(image.dtype, kernel.dtype))
    for offsets in itertools.product(*[range(k) for k in kshape]):
        index = tuple(slice(offsets[a] * dilation[a],
                            offsets[a] * dilation[a] + (out_shape[a] - 1) * subsample[a] + 1,
                            subsample[a]) for a in range(convdim))
        patch = image[(slice(None), slice(None)) + index]
        weights = kernel[(slice(None), slice(None)) + offsets]
        out += np.einsum("bc...,fc->bf...", patch, weights)
    return out


def _symbolic_conv(image, kernel, kshape, border_mode, subsample, dilation, flip):
    """The same computation as a PyTensor expression (used for gradients)."""
    convdim = len(kshape) - 2
    spatial = kshape[2:]
    if flip:
        kernel = kernel[(slice(None), slice(None)) + (slice(None, None, -1),) * convdim]
    pads = theano_padding(border_mode, spatial, dilation)
    if any(pads):
        padded_shape = [image.shape[0], image.shape[1]] + [
            image.shape[2 + a] + 2 * pads[a] for a in range(convdim)]
        inner = (slice(None), slice(None)) + tuple(
            slice(p, p + image.shape[2 + a]) for a, p in enumerate(pads))
        image = _pt.set_subtensor(_pt.zeros(padded_shape, dtype=image.dtype)[inner], image)
    out_shape = [(image.shape[2 + a] - ((spatial[a] - 1) * dilation[a] + 1)) // subsample[a] + 1
                 for a in range(convdim)]
    total = None
    for offsets in itertools.product(*[range(k) for k in spatial]):
        index = tuple(slice(offsets[a] * dilation[a],
                            offsets[a] * dilation[a] + (out_shape[a] - 1) * subsample[a] + 1,
                            subsample[a]) for a in range(convdim))
        patch = image[(slice(None), slice(None)) + index]
        weights = kernel[(slice(None), slice(None)) + offsets]
        term = _pt.tensordot(patch, weights, axes=[[1], [1]])  # (b, *out, f)
        term = term.dimshuffle([0, convdim + 1] + list(range(1, convdim + 1)))
        total = term if total is None else total + term
    return total


class AbstractConv(Op):
    """Theano 1.0's ``AbstractConv2d`` / ``AbstractConv3d`` (forward convolution)."""

    __props__ = ("convdim", "border_mode", "subsample", "filter_flip", "imshp", "kshp",
                 "filter_dilation")

    def __init__(self, convdim=2, imshp=None, kshp=None, border_mode="valid",
                 subsample=None, filter_flip=True, filter_dilation=None):
        self.convdim = convdim
        if isinstance(border_mode, int):
            border_mode = (border_mode,) * convdim
        if isinstance(border_mode, list):
            border_mode = tuple(border_mode)
        if border_mode == "same":
            border_mode = "half"
        if not (isinstance(border_mode, tuple) or border_mode in ("valid", "full", "half")):
            raise ValueError("invalid border_mode {}, which must be either \"valid\", "
                             "\"full\", \"half\", an integer or a tuple of integers"
                             .format(border_mode))
        self.border_mode = border_mode
        self.subsample = tuple(int(s) for s in (subsample or (1,) * convdim))
        self.filter_flip = bool(filter_flip)
        self.imshp = _tuple_or_none(imshp, convdim + 2)
        self.kshp = _tuple_or_none(kshp, convdim + 2)
        self.filter_dilation = tuple(int(d) for d in (filter_dilation or (1,) * convdim))

    def theano_str(self):
        return ("AbstractConv%dd{convdim=%d, border_mode=%r, subsample=%s, filter_flip=%s, "
                "imshp=%s, kshp=%s, filter_dilation=%s, num_groups=1, unshared=False}" % (
                    self.convdim, self.convdim, self.border_mode, self.subsample,
                    self.filter_flip, self.imshp, self.kshp, self.filter_dilation))

    def __str__(self):
        return self.theano_str()

    def make_node(self, image, kernel):
        image = _pt.as_tensor_variable(image)
        kernel = _pt.as_tensor_variable(kernel)
        ndim = self.convdim + 2
        if image.ndim != ndim:
            raise TypeError("img must be %dD tensor" % ndim)
        if kernel.ndim != ndim:
            raise TypeError("kern must be %dD tensor" % ndim)
        dtype = pytensor.scalar.upcast(image.dtype, kernel.dtype)
        out = _pt.TensorType(dtype, shape=(None,) * ndim)()
        return Apply(self, [image, kernel], [out])

    def perform(self, node, inputs, output_storage):
        image, kernel = inputs
        out = _numpy_conv(image, kernel, self.border_mode, self.subsample,
                          self.filter_dilation, self.filter_flip)
        output_storage[0][0] = np.asarray(out, dtype=node.outputs[0].dtype)

    def pullback(self, inputs, outputs, output_grads):
        image, kernel = inputs
        if any(k is None for k in self.kshp):
            # No static kernel shape: Theano's own gradient ops, computed in NumPy.
            params = dict(imshp=self.imshp, kshp=self.kshp, border_mode=self.border_mode,
                          subsample=self.subsample, filter_flip=self.filter_flip,
                          filter_dilation=self.filter_dilation)
            spatial = [image.shape[2 + a] for a in range(self.convdim)]
            kspatial = [kernel.shape[2 + a] for a in range(self.convdim)]
            g_image = AbstractConvGradInputs(self.convdim, **params)(
                kernel, output_grads[0], _pt.stack(spatial))
            g_kernel = AbstractConvGradWeights(self.convdim, **params)(
                image, output_grads[0], _pt.stack(kspatial))
            return [g_image, g_kernel]
        reference = _symbolic_conv(image, kernel, self.kshp, self.border_mode,
                                   self.subsample, self.filter_dilation, self.filter_flip)
        grads = pytensor.grad(None, wrt=[image, kernel], known_grads={reference: output_grads[0]})
        return list(grads)


def _check_supported(num_groups=1, unshared=False):
    if num_groups != 1:
        raise NotImplementedError(
            "Grouped convolutions (num_groups=%r) are not supported by legacy_keras (the "
            "Theano facade on PyTensor); see migration_guide.md." % (num_groups,))
    if unshared:
        raise NotImplementedError(
            "Unshared convolutions (unshared=True) are not supported by legacy_keras (the "
            "Theano facade on PyTensor); see migration_guide.md.")


class AbstractConv2d(AbstractConv):
    """Theano 1.0's ``theano.tensor.nnet.abstract_conv.AbstractConv2d``."""

    def __init__(self, imshp=None, kshp=None, border_mode="valid", subsample=(1, 1),
                 filter_flip=True, filter_dilation=(1, 1), num_groups=1, unshared=False):
        _check_supported(num_groups, unshared)
        super(AbstractConv2d, self).__init__(2, imshp=imshp, kshp=kshp,
                                             border_mode=border_mode, subsample=subsample,
                                             filter_flip=filter_flip,
                                             filter_dilation=filter_dilation)


class AbstractConv3d(AbstractConv):
    """Theano 1.0's ``theano.tensor.nnet.abstract_conv.AbstractConv3d``."""

    def __init__(self, imshp=None, kshp=None, border_mode="valid", subsample=(1, 1, 1),
                 filter_flip=True, filter_dilation=(1, 1, 1), num_groups=1):
        _check_supported(num_groups)
        super(AbstractConv3d, self).__init__(3, imshp=imshp, kshp=kshp,
                                             border_mode=border_mode, subsample=subsample,
                                             filter_flip=filter_flip,
                                             filter_dilation=filter_dilation)


def abstract_conv2d(input, filters, input_shape=None, filter_shape=None, border_mode="valid",
                    subsample=(1, 1), filter_flip=True, filter_dilation=(1, 1), num_groups=1,
                    unshared=False):
    """``theano.tensor.nnet.abstract_conv.conv2d``: one ``AbstractConv2d`` node."""
    op = AbstractConv2d(imshp=input_shape, kshp=filter_shape, border_mode=border_mode,
                        subsample=subsample, filter_flip=filter_flip,
                        filter_dilation=filter_dilation, num_groups=num_groups,
                        unshared=unshared)
    return op(input, filters)


def conv2d(input, filters, input_shape=None, filter_shape=None, border_mode="valid",
           subsample=(1, 1), filter_flip=True, image_shape=None, filter_dilation=(1, 1),
           num_groups=1, unshared=False, **kwargs):
    """Theano 1.0's ``T.nnet.conv2d``: one ``AbstractConv2d`` node.

    Channels-first images (batch, channels, rows, cols) and kernels (nb_filter, channels,
    rows, cols); ``filter_flip=True`` (the default) is a true convolution. ``image_shape``
    is the deprecated name of ``input_shape``; other keyword arguments are ignored with a
    warning, as Theano did.
    """
    if "imshp_logical" in kwargs or "kshp_logical" in kwargs:
        raise ValueError(
            "Keyword arguments 'imshp_logical' and 'kshp_logical' for conv2d are not "
            "supported anymore (and have not been a reliable way to perform upsampling).")
    if kwargs:
        warnings.warn(str(kwargs.keys()) + " are now deprecated in "
                      "`tensor.nnet.abstract_conv.conv2d` interface and will be ignored.",
                      stacklevel=2)
    if image_shape is not None:
        warnings.warn("The `image_shape` keyword argument to `tensor.nnet.conv2d` is "
                      "deprecated, it has been renamed to `input_shape`.", stacklevel=2)
        if input_shape is not None:
            raise ValueError("input_shape and image_shape should not be provided at the "
                             "same time.")
        input_shape = image_shape
    return abstract_conv2d(input, filters, input_shape, filter_shape, border_mode, subsample,
                           filter_flip, filter_dilation, num_groups, unshared)


def conv3d(input, filters, input_shape=None, filter_shape=None, border_mode="valid",
           subsample=(1, 1, 1), filter_flip=True, filter_dilation=(1, 1, 1), num_groups=1):
    """Theano 1.0's ``T.nnet.conv3d``: one ``AbstractConv3d`` node (channels first:
    (batch, channels, depth, rows, cols))."""
    op = AbstractConv3d(imshp=input_shape, kshp=filter_shape, border_mode=border_mode,
                        subsample=subsample, filter_flip=filter_flip,
                        filter_dilation=filter_dilation, num_groups=num_groups)
    return op(input, filters)


def _numpy_conv_grad_inputs(kernel, topgrad, image_spatial, border_mode, subsample,
                            dilation, flip):
    """The gradient of :func:`_numpy_conv` w.r.t. its image of spatial size
    ``image_spatial``: kernel (f, c, *k), topgrad (b, f, *out), result (b, c, *image)."""
    convdim = topgrad.ndim - 2
    kshape = kernel.shape[2:]
    if flip:
        kernel = kernel[(slice(None), slice(None)) + (slice(None, None, -1),) * convdim]
    pads = theano_padding(border_mode, kshape, dilation)
    padded = [int(image_spatial[a]) + 2 * pads[a] for a in range(convdim)]
    out = np.zeros((topgrad.shape[0], kernel.shape[1]) + tuple(padded),
                   dtype=np.result_type(topgrad.dtype, kernel.dtype))
    out_shape = topgrad.shape[2:]
    for offsets in itertools.product(*[range(k) for k in kshape]):
        index = tuple(slice(offsets[a] * dilation[a],
                            offsets[a] * dilation[a] + (out_shape[a] - 1) * subsample[a] + 1,
                            subsample[a]) for a in range(convdim))
        weights = kernel[(slice(None), slice(None)) + offsets]
        out[(slice(None), slice(None)) + index] += np.einsum("bf...,fc->bc...", topgrad, weights)
    inner = tuple(slice(p, p + int(image_spatial[a])) for a, p in enumerate(pads))
    return out[(slice(None), slice(None)) + inner]


class AbstractConvGradInputs(AbstractConv):
    """Theano 1.0's ``AbstractConv2d_gradInputs(kern, topgrad, shape)``: the input of a
    convolution by ``kern`` that ``topgrad`` is the gradient of (Keras 1's deconv2d)."""

    def theano_str(self):
        return super(AbstractConvGradInputs, self).theano_str().replace(
            "AbstractConv%dd{" % self.convdim, "AbstractConv%dd_gradInputs{" % self.convdim, 1)

    def make_node(self, kernel, topgrad, shape):
        kernel = _pt.as_tensor_variable(kernel)
        topgrad = _pt.as_tensor_variable(topgrad)
        shape = _pt.as_tensor_variable(shape)
        ndim = self.convdim + 2
        if kernel.ndim != ndim or topgrad.ndim != ndim:
            raise TypeError("kern and topgrad must be %dD tensors" % ndim)
        dtype = pytensor.scalar.upcast(kernel.dtype, topgrad.dtype)
        out = _pt.TensorType(dtype, shape=(None,) * ndim)()
        return Apply(self, [kernel, topgrad, shape], [out])

    def perform(self, node, inputs, output_storage):
        kernel, topgrad, shape = inputs
        out = _numpy_conv_grad_inputs(kernel, topgrad, shape, self.border_mode, self.subsample,
                                      self.filter_dilation, self.filter_flip)
        output_storage[0][0] = np.asarray(out, dtype=node.outputs[0].dtype)

    def pullback(self, inputs, outputs, output_grads):
        raise NotImplementedError(
            "Gradients through AbstractConv2d_gradInputs (Deconvolution2D's symbolic graph) "
            "are not supported by legacy_keras; see migration_guide.md.")


def _numpy_conv_grad_weights(image, topgrad, kernel_spatial, border_mode, subsample,
                             dilation, flip):
    """The gradient of :func:`_numpy_conv` w.r.t. its kernel of spatial size
    ``kernel_spatial``: image (b, c, *image), topgrad (b, f, *out), result (f, c, *k)."""
    convdim = topgrad.ndim - 2
    kshape = tuple(int(k) for k in kernel_spatial)
    pads = theano_padding(border_mode, kshape, dilation)
    image = np.pad(image, [(0, 0), (0, 0)] + [(p, p) for p in pads])
    out_shape = topgrad.shape[2:]
    out = np.zeros((topgrad.shape[1], image.shape[1]) + kshape,
                   dtype=np.result_type(image.dtype, topgrad.dtype))
    for offsets in itertools.product(*[range(k) for k in kshape]):
        index = tuple(slice(offsets[a] * dilation[a],
                            offsets[a] * dilation[a] + (out_shape[a] - 1) * subsample[a] + 1,
                            subsample[a]) for a in range(convdim))
        patch = image[(slice(None), slice(None)) + index]
        out[(slice(None), slice(None)) + offsets] = np.tensordot(
            topgrad, patch, axes=[[0] + list(range(2, 2 + convdim))] * 2)
    if flip:
        out = out[(slice(None), slice(None)) + (slice(None, None, -1),) * convdim]
    return out


class AbstractConvGradWeights(AbstractConv):
    """Theano 1.0's ``AbstractConv2d_gradWeights(img, topgrad, shape)``: the gradient of
    a convolution with respect to its kernel (of spatial ``shape``)."""

    def theano_str(self):
        return super(AbstractConvGradWeights, self).theano_str().replace(
            "AbstractConv%dd{" % self.convdim, "AbstractConv%dd_gradWeights{" % self.convdim, 1)

    def make_node(self, image, topgrad, shape):
        image = _pt.as_tensor_variable(image)
        topgrad = _pt.as_tensor_variable(topgrad)
        shape = _pt.as_tensor_variable(shape)
        ndim = self.convdim + 2
        if image.ndim != ndim or topgrad.ndim != ndim:
            raise TypeError("img and topgrad must be %dD tensors" % ndim)
        dtype = pytensor.scalar.upcast(image.dtype, topgrad.dtype)
        out = _pt.TensorType(dtype, shape=(None,) * ndim)()
        return Apply(self, [image, topgrad, shape], [out])

    def perform(self, node, inputs, output_storage):
        image, topgrad, shape = inputs
        out = _numpy_conv_grad_weights(image, topgrad, shape, self.border_mode,
                                       self.subsample, self.filter_dilation, self.filter_flip)
        output_storage[0][0] = np.asarray(out, dtype=node.outputs[0].dtype)

    def pullback(self, inputs, outputs, output_grads):
        raise NotImplementedError(
            "Second derivatives through a convolution without filter_shape are not "
            "supported by legacy_keras; see migration_guide.md.")


class AbstractConv2d_gradInputs(AbstractConvGradInputs):  # noqa: N801  (Theano's name)
    """Theano 1.0's ``theano.tensor.nnet.abstract_conv.AbstractConv2d_gradInputs``:
    ``op(kern, topgrad, shape)`` with ``shape`` the image's (rows, cols)."""

    def __init__(self, imshp=None, kshp=None, border_mode="valid", subsample=(1, 1),
                 filter_flip=True, filter_dilation=(1, 1), num_groups=1, unshared=False):
        _check_supported(num_groups, unshared)
        super(AbstractConv2d_gradInputs, self).__init__(
            2, imshp=imshp, kshp=kshp, border_mode=border_mode, subsample=subsample,
            filter_flip=filter_flip, filter_dilation=filter_dilation)
