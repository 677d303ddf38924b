"""``theano.tensor.nnet.nnet``: where Theano 1.0 defined its neural-net functions (the
same objects as :mod:`legacy_keras.theano.tensor.nnet`)."""
from legacy_keras.theano.tensor.nnet import (  # noqa: F401
    CrossentropyCategorical1Hot, binary_crossentropy, categorical_crossentropy,
    crossentropy_categorical_1hot, elu, relu, softmax, softsign)
from legacy_keras.theano.unsupported import unsupported_attribute


def __getattr__(name):
    return unsupported_attribute("theano.tensor.nnet.nnet", name)
