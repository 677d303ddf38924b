"""``theano.updates.OrderedUpdates``: the ordered ``{shared variable: new value}`` mapping
that ``theano.scan`` returns and ``theano.function(updates=...)`` accepts."""
from collections import OrderedDict


class OrderedUpdates(OrderedDict):
    """Updates in insertion order; adding two merges them (a key may appear once)."""

    def __add__(self, other):
        merged = OrderedUpdates(self)
        for key, value in OrderedDict(other).items():
            if key in merged and merged[key] is not value:
                raise KeyError("Collision", key)
            merged[key] = value
        return merged
