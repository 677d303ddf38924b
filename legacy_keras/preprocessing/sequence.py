"""``keras.preprocessing.sequence`` (Keras 1.2.2): padding sequences to one length and
word2vec-style skipgram pairs."""
import random

import numpy as np


def _sample_shape(sequences):
    """The shape of one element, from the first non-empty sequence."""
    for s in sequences:
        if len(s) > 0:
            return np.asarray(s).shape[1:]
    return ()


def _truncate(sequence, maxlen, truncating):
    if truncating == "pre":
        return sequence[-maxlen:]
    if truncating == "post":
        return sequence[:maxlen]
    raise ValueError('Truncating type "%s" not understood' % truncating)


def pad_sequences(sequences, maxlen=None, dtype="int32", padding="pre", truncating="pre",
                  value=0.):
    """``(nb_samples, maxlen)`` array of the sequences, padded with ``value``.

    ``maxlen`` defaults to the longest sequence; longer sequences lose their beginning
    (``truncating='pre'``) or end (``'post'``); padding goes before (``padding='pre'``)
    or after (``'post'``). Elements may themselves be arrays (all of one shape). As in
    Keras 1.2.2, a bad ``padding`` or ``truncating`` is only noticed on the first
    non-empty sequence.
    """
    lengths = [len(s) for s in sequences]
    nb_samples = len(sequences)
    if maxlen is None:
        maxlen = np.max(lengths)
    sample_shape = _sample_shape(sequences)

    x = (np.ones((nb_samples, maxlen) + sample_shape) * value).astype(dtype)
    for idx, s in enumerate(sequences):
        if not len(s):
            continue
        trunc = np.asarray(_truncate(s, maxlen, truncating), dtype=dtype)
        if trunc.shape[1:] != sample_shape:
            raise ValueError("Shape of sample %s of sequence at position %s is different "
                             "from expected shape %s" % (trunc.shape[1:], idx, sample_shape))
        if padding == "post":
            x[idx, :len(trunc)] = trunc
        elif padding == "pre":
            x[idx, -len(trunc):] = trunc
        else:
            raise ValueError('Padding type "%s" not understood' % padding)
    return x


def make_sampling_table(size, sampling_factor=1e-5):
    """Probability of sampling the word of each rank (word2vec's formula, frequencies
    from Zipf's law): ``min(1, f / sqrt(f))`` with ``f = sampling_factor * rank *
    (log(rank) + gamma) + 1/2 - 1/(12 rank)``, ``gamma = 0.577``, rank 0 counted as 1."""
    gamma = 0.577
    rank = np.array(list(range(size)))
    rank[0] = 1
    inv_fq = rank * (np.log(rank) + gamma) + 0.5 - 1. / (12. * rank)
    f = sampling_factor * inv_fq
    return np.minimum(1., f / np.sqrt(f))


def _positive_couples(sequence, window_size, categorical, sampling_table):
    couples, labels = [], []
    for i, wi in enumerate(sequence):
        if not wi:
            continue
        if sampling_table is not None and sampling_table[wi] < random.random():
            continue
        window_start = max(0, i - window_size)
        window_end = min(len(sequence), i + window_size + 1)
        for j in range(window_start, window_end):
            if j == i or not sequence[j]:
                continue
            couples.append([wi, sequence[j]])
            labels.append([0, 1] if categorical else 1)
    return couples, labels


def skipgrams(sequence, vocabulary_size, window_size=4, negative_samples=1., shuffle=True,
              categorical=False, sampling_table=None):
    """``(couples, labels)``: word pairs ``[wi, wj]`` labelled 1 when ``wj`` is within
    ``window_size`` of ``wi``, and ``negative_samples`` times as many random pairs
    labelled 0. Index 0 is a non-word and skipped.

    Randomness comes from Python's ``random`` module, drawn in Keras 1.2.2's order, so
    ``random.seed(n)`` gives Keras 1's pairs.
    """
    couples, labels = _positive_couples(sequence, window_size, categorical, sampling_table)

    if negative_samples > 0:
        nb_negative_samples = int(len(labels) * negative_samples)
        words = [c[0] for c in couples]
        random.shuffle(words)
        couples += [[words[i % len(words)], random.randint(1, vocabulary_size - 1)]
                    for i in range(nb_negative_samples)]
        labels += ([[1, 0]] if categorical else [0]) * nb_negative_samples

    if shuffle:
        seed = random.randint(0, int(10e6))
        random.seed(seed)
        random.shuffle(couples)
        random.seed(seed)
        random.shuffle(labels)
    return couples, labels
