"""``theano.sandbox``: the parts Keras-1-era code used (``rng_mrg``)."""
