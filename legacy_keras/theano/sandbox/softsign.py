"""``theano.sandbox.softsign``: Theano 1.0 had moved ``softsign`` to
``theano.tensor.nnet.nnet`` and printed a deprecation warning (on stderr) on import."""
import sys

from legacy_keras.theano.tensor.nnet.nnet import softsign  # noqa: F401

print("DEPRECATION WARNING: softsign was moved from theano.sandbox.softsign to "
      "theano.tensor.nnet.nnet ", file=sys.stderr)
