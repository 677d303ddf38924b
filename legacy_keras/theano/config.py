"""``theano.config``: floatX follows ``K.floatx()``; other flags read PyTensor's."""
import pytensor


class _Config(object):
    device = "cpu"

    @property
    def floatX(self):
        return pytensor.config.floatX

    @floatX.setter
    def floatX(self, value):
        from legacy_keras.backend import common

        common.set_floatx(value)

    def __getattr__(self, name):
        return getattr(pytensor.config, name)


config = _Config()
