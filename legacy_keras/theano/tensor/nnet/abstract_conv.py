"""``theano.tensor.nnet.abstract_conv``: Theano 1.0's abstract convolution ops (see
:mod:`legacy_keras.theano.tensor.nnet_conv`)."""
from legacy_keras.theano.tensor.nnet_conv import (  # noqa: F401
    AbstractConv2d, AbstractConv2d_gradInputs, AbstractConv3d, conv3d)
from legacy_keras.theano.tensor.nnet_conv import abstract_conv2d as conv2d  # noqa: F401
from legacy_keras.theano.unsupported import unsupported_attribute


def __getattr__(name):
    return unsupported_attribute("theano.tensor.nnet.abstract_conv", name)
