# keras.datasets on small fake files in Keras 1's formats, in a temporary HOME (no
# network): mnist (mnist.pkl.gz), cifar100 (fine / coarse, 'tf' and 'th' ordering),
# imdb (nb_words, skip_top, maxlen, seed, start_char, oov_char incl. None, index_from,
# the maxlen error) and reuters (test_split and the same options), get_word_index.
# The fake imdb/reuters files do not have the real files' MD5, so validate_file is
# replaced (get_file would otherwise try to download them again).
import gzip
import os
import pickle

import numpy as np
from keras import backend as K
from keras.utils import data_utils

import golden

home = os.path.abspath('home')
datasets = os.path.join(home, '.keras', 'datasets')
os.makedirs(datasets)
old_home, old_keras_home = os.environ.get('HOME'), os.environ.pop('KERAS_HOME', None)
os.environ['HOME'] = home
old_validate = data_utils.validate_file
data_utils.validate_file = lambda fpath, md5_hash: True
old_ordering = K.image_dim_ordering()


def error(label, fn):
    try:
        fn()
        print(label, '-> no error')
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)


def plain(value):
    if isinstance(value, np.ndarray) and value.dtype == object:
        return {'object_array': [list(map(int, v)) for v in value], 'shape': list(value.shape)}
    return value


try:
    rng = np.random.RandomState(0)
    mnist = ((rng.randint(0, 256, (5, 3, 2)).astype('uint8'), np.arange(5, dtype='uint8')),
             (rng.randint(0, 256, (2, 3, 2)).astype('uint8'), np.array([7, 1], dtype='uint8')))
    with gzip.open(os.path.join(datasets, 'mnist.pkl.gz'), 'wb') as f:
        pickle.dump(mnist, f, protocol=2)
    from keras.datasets import mnist as mnist_module
    (x_train, y_train), (x_test, y_test) = mnist_module.load_data()
    golden.record('mnist', [x_train, y_train, x_test, y_test])

    folder = os.path.join(datasets, 'cifar-100-python')
    os.makedirs(folder)
    open(folder + '.tar.gz', 'wb').close()
    for name, n in (('train', 2), ('test', 1)):
        batch = {b'data': rng.randint(0, 256, (n, 3072)).astype('uint8'),
                 b'fine_labels': list(range(10, 10 + n)), b'coarse_labels': [1] * n}
        with open(os.path.join(folder, name), 'wb') as f:
            pickle.dump(batch, f, protocol=2)
    from keras.datasets import cifar100
    for ordering in ('tf', 'th'):
        K.set_image_dim_ordering(ordering)
        for mode in ('fine', 'coarse'):
            (x_train, y_train), (x_test, y_test) = cifar100.load_data(label_mode=mode)
            golden.record('cifar100/%s/%s/y' % (ordering, mode), [y_train, y_test])
            golden.record('cifar100/%s/%s/x_summary' % (ordering, mode),
                          [list(x_train.shape), str(x_train.dtype), list(x_test.shape),
                           str(x_test.dtype), int(x_train.sum())])
        golden.record('cifar100/%s/x_test' % ordering, x_test)
    K.set_image_dim_ordering(old_ordering)
    error('cifar100 bad label_mode', lambda: cifar100.load_data('medium'))

    reviews = [[1, 5, 2], [7, 3, 3, 9, 4], [2], [6, 6, 8, 1], [4, 10]]
    imdb_raw = ((reviews[:3], [1, 0, 1]), (reviews[3:], [0, 1]))
    with open(os.path.join(datasets, 'imdb_full.pkl'), 'wb') as f:
        pickle.dump(imdb_raw, f, protocol=2)
    with open(os.path.join(datasets, 'imdb_word_index.pkl'), 'wb') as f:
        pickle.dump({'the': 1, 'movie': 2}, f, protocol=2)
    from keras.datasets import imdb
    options = [('default', {}), ('nb_words', dict(nb_words=8)),
               ('skip_top', dict(nb_words=9, skip_top=5)), ('maxlen', dict(maxlen=4)),
               ('seed', dict(seed=7)), ('no_start', dict(start_char=None)),
               ('no_start_no_offset', dict(start_char=None, index_from=0)),
               ('oov_none', dict(nb_words=8, oov_char=None)),
               ('custom_chars', dict(start_char=5, oov_char=9, index_from=10, nb_words=14))]
    for label, kwargs in options:
        (x_train, y_train), (x_test, y_test) = imdb.load_data(**kwargs)
        golden.record('imdb/%s' % label, [plain(x_train), y_train, plain(x_test), y_test])
        golden.record('imdb/%s/dtypes' % label, [str(x_train.dtype), str(y_train.dtype)])
    golden.record('imdb/next_random', np.random.random())
    error('imdb maxlen too small', lambda: imdb.load_data(maxlen=2))
    golden.record('imdb/word_index', sorted(imdb.get_word_index().items()))

    same_length = ((([1, 2], [3, 4]), [0, 1]), (([5, 6],), [1]))
    with open(os.path.join(datasets, 'imdb_same.pkl'), 'wb') as f:
        pickle.dump(((list(map(list, same_length[0][0])), same_length[0][1]),
                     (list(map(list, same_length[1][0])), same_length[1][1])), f, protocol=2)
    (x_train, y_train), (x_test, y_test) = imdb.load_data(path='imdb_same.pkl')
    golden.record('imdb/same_length', [x_train, y_train, x_test, y_test])

    wires = [[1, 2, 3], [4, 4], [5, 1, 6, 2], [7], [3, 8, 9], [2, 2, 2, 2, 2], [6, 1]]
    with open(os.path.join(datasets, 'reuters.pkl'), 'wb') as f:
        pickle.dump((wires, [0, 1, 2, 1, 0, 3, 2]), f, protocol=2)
    from keras.datasets import reuters
    for label, kwargs in options + [('test_split', dict(test_split=0.5))]:
        (x_train, y_train), (x_test, y_test) = reuters.load_data(**kwargs)
        golden.record('reuters/%s' % label, [x_train, y_train, x_test, y_test])
        golden.record('reuters/%s/types' % label, [type(x_train).__name__, type(y_train).__name__])
finally:
    os.environ['HOME'] = old_home
    if old_keras_home is not None:
        os.environ['KERAS_HOME'] = old_keras_home
    data_utils.validate_file = old_validate
    K.set_image_dim_ordering(old_ordering)
