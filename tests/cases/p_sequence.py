# keras.preprocessing.sequence: pad_sequences with every padding / truncating mode,
# maxlen (none, shorter, longer), value, dtype, empty sequences, sequences of vectors,
# the errors Keras 1 raised; make_sampling_table; skipgrams under random.seed (window,
# negative_samples, categorical, shuffle, sampling_table).
import random

import numpy as np
from keras.preprocessing.sequence import pad_sequences, make_sampling_table, skipgrams

import golden


def error(label, fn):
    try:
        fn()
        print(label, '-> no error')
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)


seqs = [[1, 2, 3], [4, 5], [6, 7, 8, 9, 10], [], [11]]
for padding in ('pre', 'post'):
    for truncating in ('pre', 'post'):
        for maxlen in (None, 2, 4, 7):
            key = 'pad/%s/%s/%s' % (padding, truncating, maxlen)
            golden.record(key, pad_sequences(seqs, maxlen=maxlen, padding=padding,
                                             truncating=truncating))

golden.record('pad/value', pad_sequences(seqs, maxlen=4, value=-1))
golden.record('pad/value_float', pad_sequences(seqs, maxlen=4, value=0.5, dtype='float32'))
golden.record('pad/dtype_float64', pad_sequences([[1.5, 2.25], [3.75]], dtype='float64'))
golden.record('pad/dtype_int32_truncates_floats', pad_sequences([[1.5, 2.25], [3.75]]))
golden.record('pad/dtype_int64', pad_sequences([[1, 2], [3]], dtype='int64'))
golden.record('pad/dtype_uint8_value', pad_sequences([[1, 2], [3]], value=7, dtype='uint8'))
golden.record('pad/tuples', pad_sequences(((1, 2), (3,))))
golden.record('pad/arrays', pad_sequences([np.array([1, 2, 3]), np.array([4])], maxlen=2))
vectors = [[[1, 2], [3, 4], [5, 6]], [[7, 8]]]
golden.record('pad/vectors_pre', pad_sequences(vectors, maxlen=2, dtype='float32'))
golden.record('pad/vectors_post', pad_sequences(vectors, padding='post', truncating='post'))
golden.record('pad/first_empty', pad_sequences([[], [1, 2]], maxlen=3))
golden.record('pad/all_empty', pad_sequences([[], []], maxlen=2))
golden.record('pad/generator_like_list', pad_sequences(list(map(list, [range(3), range(1)]))))

error('padding=middle', lambda: pad_sequences([[1, 2]], padding='middle'))
error('truncating=middle', lambda: pad_sequences([[1, 2]], maxlen=1, truncating='middle'))
error('padding=middle on empty only', lambda: pad_sequences([[]], maxlen=2, padding='middle'))
error('inconsistent element shapes', lambda: pad_sequences([[[1, 2]], [[1, 2, 3]]]))

golden.record('sampling_table/10', make_sampling_table(10))
golden.record('sampling_table/5_factor', make_sampling_table(5, sampling_factor=1e-2))
golden.record('sampling_table/1000_last', make_sampling_table(1000)[-5:])

sentence = [1, 2, 3, 0, 4, 5, 6, 7]
for label, kwargs in [
        ('default', {}),
        ('window1', dict(window_size=1)),
        ('no_negative', dict(negative_samples=0.)),
        ('half_negative', dict(window_size=2, negative_samples=0.5)),
        ('two_negative', dict(window_size=1, negative_samples=2.)),
        ('categorical', dict(window_size=1, categorical=True)),
        ('no_shuffle', dict(window_size=2, shuffle=False)),
        ('sampling_table', dict(window_size=2, sampling_table=make_sampling_table(10, 0.05)))]:
    random.seed(1234)
    couples, labels = skipgrams(sentence, 10, **kwargs)
    golden.record('skipgrams/%s/couples' % label, couples)
    golden.record('skipgrams/%s/labels' % label, labels)
    print('skipgrams', label, len(couples), 'couples, next random', random.randint(0, 1000))
