"""``theano.tensor.nnet.conv``: Theano's old convolution interface (deprecated in 1.0)."""
import warnings

from legacy_keras.theano.tensor.nnet_conv import AbstractConv2d
from legacy_keras.theano.unsupported import unsupported_attribute


def conv2d(input, filters, image_shape=None, filter_shape=None, border_mode="valid",
           subsample=(1, 1), **kargs):
    """Theano's deprecated ``conv.conv2d``: a true 2-D convolution ('valid' or 'full')."""
    warnings.warn("theano.tensor.nnet.conv.conv2d is deprecated. Use "
                  "theano.tensor.nnet.conv2d instead.", stacklevel=2)
    op = AbstractConv2d(imshp=image_shape, kshp=filter_shape, border_mode=border_mode,
                        subsample=subsample)
    return op(input, filters)


def __getattr__(name):
    return unsupported_attribute("theano.tensor.nnet.conv", name)
