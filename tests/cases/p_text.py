# keras.preprocessing.text: text_to_word_sequence (filters, lower, split),
# one_hot (Python's hash is salted per process: only its properties are checked),
# Tokenizer with Keras 1 arguments (nb_words, filters, lower, split, char_level):
# fit_on_texts (counts accumulate over calls), word_counts / word_docs / word_index /
# index_docs / document_count, texts_to_sequences(_generator), texts_to_matrix in every
# mode, fit_on_sequences + sequences_to_matrix, and the errors Keras 1 raised.
from keras.preprocessing.text import (Tokenizer, one_hot, text_to_word_sequence)

import golden


def error(label, fn):
    try:
        fn()
        print(label, '-> no error')
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)


def sorted_items(d):
    return sorted([[str(k), v] for k, v in d.items()])


texts = ["The cat sat on the mat.", "The dog ate my homework!",
         "Cat & dog: friends? Yes, the cat and THE dog.", "It's a dog's life\tindeed\n"]

golden.record('words/default', [text_to_word_sequence(t) for t in texts])
golden.record('words/no_lower', text_to_word_sequence(texts[2], lower=False))
golden.record('words/filters', text_to_word_sequence("a-b_c d.e", filters='-'))
golden.record('words/split', text_to_word_sequence("a,b,,c d", filters='', split=','))
golden.record('words/empty', text_to_word_sequence(""))
golden.record('words/unicode', text_to_word_sequence(u"Caf\u00e9 na\u00efve \u00dcber"))

hashed = one_hot(texts[2], 50)
print('one_hot length', len(hashed), 'in range', all(1 <= i < 50 for i in hashed))
print('one_hot same word same index', hashed[0] == hashed[5] and hashed[1] == hashed[8])
print('one_hot n=2 all ones', one_hot("a b c", 2) == [1, 1, 1])


def describe(key, tok):
    golden.record(key + '/word_counts', sorted_items(tok.word_counts))
    golden.record(key + '/word_docs', sorted_items(tok.word_docs))
    golden.record(key + '/word_index', sorted_items(tok.word_index))
    golden.record(key + '/index_docs', sorted_items(tok.index_docs))
    golden.record(key + '/document_count', tok.document_count)


tok = Tokenizer()
tok.fit_on_texts(texts)
describe('default', tok)
golden.record('default/sequences', tok.texts_to_sequences(texts + ["unknown words only"]))
golden.record('default/generator', list(tok.texts_to_sequences_generator(texts[:2])))
for mode in ('binary', 'count', 'tfidf', 'freq'):
    golden.record('default/matrix/' + mode, tok.texts_to_matrix(texts, mode=mode))

tok = Tokenizer(nb_words=5)
tok.fit_on_texts(texts)
describe('nb_words5', tok)
golden.record('nb_words5/sequences', tok.texts_to_sequences(texts))
for mode in ('binary', 'count', 'tfidf', 'freq'):
    golden.record('nb_words5/matrix/' + mode, tok.texts_to_matrix(texts, mode=mode))

tok = Tokenizer(filters='.!', lower=False, split=' ')
tok.fit_on_texts(texts)
describe('custom_filters', tok)
golden.record('custom_filters/sequences', tok.texts_to_sequences(texts))

tok = Tokenizer(char_level=True)
tok.fit_on_texts(["abca", "Bc!"])
describe('char_level', tok)
golden.record('char_level/sequences', tok.texts_to_sequences(["cab", "B!z"]))
golden.record('char_level/matrix', tok.texts_to_matrix(["cab"], mode='count'))

tok = Tokenizer()
tok.fit_on_texts(texts[:2])
tok.fit_on_texts(texts[2:])
describe('two_fits', tok)

tok = Tokenizer()
tok.fit_on_texts(t for t in texts)
describe('generator_fit', tok)

tok = Tokenizer(nb_words=6)
tok.fit_on_sequences([[1, 2, 2], [3], [2, 5, 7]])
golden.record('sequences_fit/index_docs', sorted_items(tok.index_docs))
golden.record('sequences_fit/document_count', tok.document_count)
for mode in ('binary', 'count', 'tfidf', 'freq'):
    golden.record('sequences_fit/matrix/' + mode,
                  tok.sequences_to_matrix([[1, 2, 2, 9], [], [5, 5, 5]], mode=mode))

error('matrix without nb_words or fit', lambda: Tokenizer().sequences_to_matrix([[1]]))
error('tfidf without fit', lambda: Tokenizer(nb_words=3).sequences_to_matrix([[1]], mode='tfidf'))
fitted = Tokenizer()
fitted.fit_on_texts(texts)
error('unknown mode', lambda: fitted.texts_to_matrix(texts, mode='bogus'))
error('unknown mode on empty texts', lambda: fitted.texts_to_matrix([''], mode='bogus'))
error('split of two characters', lambda: text_to_word_sequence("a b", split='ab'))
