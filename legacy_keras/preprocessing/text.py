"""``keras.preprocessing.text`` (Keras 1.2.2): splitting texts into words, hashing words
to indices (:func:`one_hot`) and the :class:`Tokenizer`."""
import numpy as np

_DEFAULT_FILTERS = '!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n'


def base_filter():
    """Keras 1's default filters: punctuation (without the apostrophe), tab and newline."""
    return _DEFAULT_FILTERS


def text_to_word_sequence(text, filters=_DEFAULT_FILTERS, lower=True, split=" "):
    """The words of ``text``: lowercased (``lower``), every character of ``filters``
    replaced by ``split``, split on ``split``, empty words dropped. As in Keras 1.2.2,
    ``split`` must be a single character."""
    if lower:
        text = text.lower()
    text = text.translate(str.maketrans(filters, split * len(filters)))
    return [word for word in text.split(split) if word]


def one_hot(text, n, filters=_DEFAULT_FILTERS, lower=True, split=" "):
    """Each word of ``text`` hashed to an index in ``[1, n)``: ``abs(hash(w)) % (n - 1) + 1``.

    Python's ``hash`` of a string changes from process to process (unless
    ``PYTHONHASHSEED`` is set), in Keras 1.2.2 as here: the same word gets the same index
    within one run only.
    """
    seq = text_to_word_sequence(text, filters=filters, lower=lower, split=split)
    return [(abs(hash(w)) % (n - 1) + 1) for w in seq]


def _increment(counts, key):
    counts[key] = counts.get(key, 0) + 1


class Tokenizer(object):
    """Turns texts into sequences of word indices or into vectors (binary, counts,
    frequencies, tf-idf), as Keras 1.2.2's Tokenizer.

    # Arguments
        nb_words: keep only words whose index is below ``nb_words`` (the most frequent).
        filters: characters removed from the texts (default: punctuation but ``'``,
            tab and newline).
        lower: lowercase the texts.
        split: the word separator (one character).
        char_level: every character is a token (``lower`` and ``filters`` are then
            not applied, as in Keras 1.2.2).

    Indices start at 1 (0 is reserved), ordered by count; equal counts keep the order
    in which the words were first seen. ``word_index`` starts empty (Keras 1 had no
    attribute before ``fit_on_texts``).
    """

    def __init__(self, nb_words=None, filters=_DEFAULT_FILTERS, lower=True, split=" ",
                 char_level=False):
        self.word_counts = {}
        self.word_docs = {}
        self.filters = filters
        self.split = split
        self.lower = lower
        self.nb_words = nb_words
        self.document_count = 0
        self.char_level = char_level
        self.word_index = {}
        self.index_docs = {}

    def _tokens(self, text):
        if self.char_level:
            return text
        return text_to_word_sequence(text, self.filters, self.lower, self.split)

    def fit_on_texts(self, texts):
        """Counts the words of ``texts`` (a list or generator of strings) and indexes
        them. Counts accumulate over calls; ``document_count`` restarts (as in Keras 1)."""
        self.document_count = 0
        for text in texts:
            self.document_count += 1
            seq = self._tokens(text)
            for w in seq:
                _increment(self.word_counts, w)
            for w in set(seq):
                _increment(self.word_docs, w)
        ranked = sorted(self.word_counts.items(), key=lambda item: item[1], reverse=True)
        self.word_index = {word: i for i, (word, _) in enumerate(ranked, start=1)}
        self.index_docs = {self.word_index[w]: c for w, c in self.word_docs.items()}

    def fit_on_sequences(self, sequences):
        """Counts in how many sequences each index occurs (for tf-idf)."""
        self.document_count = len(sequences)
        self.index_docs = {}
        for seq in sequences:
            for i in set(seq):
                _increment(self.index_docs, i)

    def texts_to_sequences(self, texts):
        """Each text as the list of its known words' indices (below ``nb_words``)."""
        return list(self.texts_to_sequences_generator(texts))

    def texts_to_sequences_generator(self, texts):
        nb_words = self.nb_words
        for text in texts:
            vect = []
            for w in self._tokens(text):
                i = self.word_index.get(w)
                if i is not None and not (nb_words and i >= nb_words):
                    vect.append(i)
            yield vect

    def texts_to_matrix(self, texts, mode="binary"):
        """``(len(texts), nb_words)`` matrix; ``mode`` is 'binary', 'count', 'tfidf' or
        'freq'."""
        return self.sequences_to_matrix(self.texts_to_sequences(texts), mode=mode)

    def _matrix_width(self):
        if self.nb_words:
            return self.nb_words
        if self.word_index:
            return len(self.word_index) + 1
        raise ValueError("Specify a dimension (nb_words argument), "
                         "or fit on some text data first.")

    def _entry(self, mode, count, length, index):
        if mode == "count":
            return count
        if mode == "freq":
            return count / length
        if mode == "binary":
            return 1
        if mode == "tfidf":
            # Weighting scheme 2 of Wikipedia's tf-idf article, as in Keras 1.2.2.
            tf = 1 + np.log(count)
            idf = np.log(1 + self.document_count / (1 + self.index_docs.get(index, 0)))
            return tf * idf
        raise ValueError("Unknown vectorization mode:", mode)

    def sequences_to_matrix(self, sequences, mode="binary"):
        """``(len(sequences), nb_words)`` float64 matrix of the sequences' indices."""
        nb_words = self._matrix_width()
        if mode == "tfidf" and not self.document_count:
            raise ValueError("Fit the Tokenizer on some data before using tfidf mode.")
        x = np.zeros((len(sequences), nb_words))
        for i, seq in enumerate(sequences):
            if not seq:
                continue
            counts = {}
            for j in seq:
                if j < nb_words:
                    counts[j] = counts.get(j, 0.) + 1
            for j, c in counts.items():
                x[i][j] = self._entry(mode, c, len(seq), j)
        return x
