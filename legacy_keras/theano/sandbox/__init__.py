"""``theano.sandbox``: the parts Keras-1-era code used (``rng_mrg``, ``softsign``)."""
import importlib

from legacy_keras.theano.unsupported import unsupported_attribute


def __getattr__(name):
    # ``theano.sandbox.rng_mrg`` after a plain ``import theano`` (Theano imported it).
    if name in ("rng_mrg", "softsign"):
        return importlib.import_module("legacy_keras.theano.sandbox." + name)
    return unsupported_attribute("theano.sandbox", name)
