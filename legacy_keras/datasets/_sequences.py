"""Keras 1.2.2's word-index processing shared by the imdb and reuters loaders."""


def offset_words(xs, start_char, index_from):
    """Prepends ``start_char`` and shifts every word index by ``index_from``."""
    if start_char is not None:
        return [[start_char] + [w + index_from for w in x] for x in xs]
    if index_from:
        return [[w + index_from for w in x] for x in xs]
    return [list(x) for x in xs]


def drop_long(xs, labels, maxlen):
    """Keeps the sequences strictly shorter than ``maxlen`` (Keras 1.2.2 dropped, not
    truncated, the others)."""
    if not maxlen:
        return xs, labels
    kept = [(x, y) for x, y in zip(xs, labels) if len(x) < maxlen]
    return [x for x, _ in kept], [y for _, y in kept]


def limit_vocabulary(xs, nb_words, skip_top, oov_char):
    """Words ``>= nb_words`` or ``< skip_top`` become ``oov_char``.

    ``nb_words`` defaults to the largest index, which is itself out of range, as in
    Keras 1.2.2. With ``oov_char=None`` Keras 1.2.2 kept *only* the out-of-range words
    (the inverse of its documentation); legacy_keras does the same, for the same
    outputs.
    """
    if not nb_words:
        nb_words = max([max(x) for x in xs])
    if oov_char is not None:
        return [[oov_char if (w >= nb_words or w < skip_top) else w for w in x] for x in xs]
    return [[w for w in x if w >= nb_words or w < skip_top] for x in xs]
