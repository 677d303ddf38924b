"""``theano.compile.function_module``: the class of compiled functions (``Function``),
for ``isinstance`` checks, and ``function``."""
from legacy_keras.theano.compile import Function, function  # noqa: F401
from legacy_keras.theano.unsupported import unsupported_attribute


def __getattr__(name):
    return unsupported_attribute("theano.compile.function_module", name)
