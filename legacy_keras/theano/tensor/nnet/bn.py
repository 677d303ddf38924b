"""``theano.tensor.nnet.bn``: Theano 1.0's batch normalization.

``batch_normalization_train`` / ``batch_normalization_test`` are the ops of
:mod:`legacy_keras.theano.tensor.bn`; ``batch_normalization`` (given mean and standard
deviation) is Theano's element-wise formula ``(x - mean) / std * gamma + beta``: with
``mode='low_mem'`` (the default) one element-wise node, as Theano's ``BNComposite``;
``mode='high_mem'`` the expression ``(x - mean) * (gamma / std) + beta``.
"""
from legacy_keras.theano.tensor.bn import (  # noqa: F401
    AbstractBatchNormInference, AbstractBatchNormTrain, batch_normalization_test,
    batch_normalization_train)
from legacy_keras.theano.tensor.theano_graphs import bn_composite
from legacy_keras.theano.unsupported import unsupported_attribute


def batch_normalization(inputs, gamma, beta, mean, std, mode="low_mem"):
    """Theano 1.0's ``batch_normalization``: ``(inputs - mean) / std * gamma + beta``,
    element-wise, all arguments broadcast against ``inputs``."""
    if mode == "low_mem":
        return bn_composite(inputs, mean, std, gamma, beta)
    if mode == "high_mem":
        return (inputs - mean) * (gamma / std) + beta
    raise ValueError('mode must be either "low_mem", "high_mem"')


def __getattr__(name):
    return unsupported_attribute("theano.tensor.nnet.bn", name)
