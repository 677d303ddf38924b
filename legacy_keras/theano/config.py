"""``theano.config``: floatX (set once from Keras's floatx or ``THEANO_FLAGS``, then
independent of ``K.set_floatx`` as in Keras 1.2.2); other flags read PyTensor's."""
import pytensor


class _Config(object):
    device = "cpu"

    @property
    def floatX(self):
        return pytensor.config.floatX

    @floatX.setter
    def floatX(self, value):
        """Theano's floatX only: as in Keras 1.2.2, ``K.floatx()`` does not follow it."""
        if value not in ("float16", "float32", "float64"):
            raise ValueError("theano.config.floatX must be 'float16', 'float32' or "
                             "'float64', not %r; nothing was changed." % (value,))
        pytensor.config.floatX = value

    def __getattr__(self, name):
        return getattr(pytensor.config, name)


config = _Config()
