"""What the checker reports and the rewriter records: one Keras 1 / Theano usage."""
from collections import namedtuple

#: line: 1-based; column: 0-based (as Python's ast and TensorFlow's upgrade report);
#: kind: import, name, layer, argument, method, attribute, backend, theano, optimizer,
#: history-key, default, todo; keras1/keras3: the two spellings (keras3 None: no Keras 3
#: equivalent); automatic: whether `legacy-keras migrate` rewrites it by itself.
Usage = namedtuple("Usage", "line column kind keras1 keras3 automatic note")

TODO_MARK = "TODO(legacy-keras)"


def todo_text(keras1, keras3, note):
    """The comment text the rewriter leaves above code it cannot translate."""
    target = keras3 if keras3 else "no Keras 3 equivalent"
    text = "# %s: %s -> %s" % (TODO_MARK, keras1, target)
    return text + (": " + note if note else "")
