# keras.utils: np_utils (to_categorical, normalize, binary_logloss, multiclass_logloss,
# accuracy, probas_to_classes, categorical_probas_to_classes, conv_output_length,
# conv_input_length), io_utils.HDF5Matrix (slices, ints, lists, arrays, start/end,
# normalizer, shape, len, IndexError past the end, predict on it), test_utils.get_test_data
# under np.random.seed. (convert_kernel fails on the reference's NumPy 1.23 -- Keras 1.2.2
# indexed with a list of slices -- so it is tested in tests/test_utils.py instead.)
import h5py
import numpy as np
from keras.layers import Dense
from keras.models import Sequential
from keras.utils import np_utils
from keras.utils.io_utils import HDF5Matrix
from keras.utils.test_utils import get_test_data

import golden


def error(label, fn):
    try:
        fn()
        print(label, '-> no error')
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)


golden.record('to_categorical/default', np_utils.to_categorical([0, 2, 1, 2]))
golden.record('to_categorical/nb_classes', np_utils.to_categorical(np.array([[1], [0]]), 4))
golden.record('to_categorical/floats', np_utils.to_categorical([1.0, 3.0]))
golden.record('to_categorical/nb_classes_0', np_utils.to_categorical([1, 0], 0))
error('to_categorical index past nb_classes', lambda: np_utils.to_categorical([3], 2))

a = np.array([[3., 4.], [0., 0.], [1., -1.]])
golden.record('normalize/default', np_utils.normalize(a))
golden.record('normalize/axis0', np_utils.normalize(a, axis=0))
golden.record('normalize/order1', np_utils.normalize(a, order=1))
golden.record('normalize/vector', np_utils.normalize(np.array([3., 4.])))
golden.record('normalize/float32', np_utils.normalize(a.astype('float32')))

p = np.array([0.9, 0.2, 0.6, 0., 1.])
y = np.array([1, 0, 0, 0, 1])
golden.record('binary_logloss', np_utils.binary_logloss(p, y))
golden.record('multiclass_logloss',
              np_utils.multiclass_logloss(np.array([[0.7, 0.3], [0.4, 0.6]]), [1, 2]))
golden.record('accuracy', np_utils.accuracy([1, 2, 3, 4], [1, 0, 3, 0]))
golden.record('probas_to_classes/binary', np_utils.probas_to_classes(np.array([0.2, 0.7, 0.5])))
golden.record('probas_to_classes/column',
              np_utils.probas_to_classes(np.array([[0.2], [0.7]])))
golden.record('probas_to_classes/categorical',
              np_utils.probas_to_classes(np.array([[0.2, 0.8], [0.9, 0.1]])))
golden.record('categorical_probas_to_classes',
              np_utils.categorical_probas_to_classes(np.array([[1, 3, 2], [5, 0, 0]])))

lengths = {}
for mode in ('valid', 'same', 'full'):
    for size, flt, stride, dil in [(10, 3, 1, 1), (10, 3, 2, 1), (7, 2, 3, 1), (9, 3, 1, 2)]:
        lengths['out/%s/%d/%d/%d/%d' % (mode, size, flt, stride, dil)] = \
            np_utils.conv_output_length(size, flt, mode, stride, dil)
        lengths['in/%s/%d/%d/%d' % (mode, size, flt, stride)] = \
            np_utils.conv_input_length(size, flt, mode, stride)
lengths['out/none'] = np_utils.conv_output_length(None, 3, 'valid', 1)
lengths['in/none'] = np_utils.conv_input_length(None, 3, 'valid', 1)
golden.record('conv_lengths', lengths)
error('conv_output_length bad mode', lambda: np_utils.conv_output_length(5, 3, 'causal', 1))

with h5py.File('data.h5', 'w') as f:
    f.create_dataset('x', data=np.arange(40, dtype='float32').reshape(10, 4))
    f.create_dataset('y', data=np.arange(10, dtype='int64'))
x = HDF5Matrix('data.h5', 'x')
golden.record('hdf5/len_shape', [len(x), list(x.shape)])
golden.record('hdf5/slice', x[2:5])
golden.record('hdf5/int', x[3])
golden.record('hdf5/list', x[[1, 4, 7]])
golden.record('hdf5/array', x[np.array([0, 9])])
part = HDF5Matrix('data.h5', 'x', start=3, end=8, normalizer=lambda v: v * 2)
golden.record('hdf5/part/len_shape', [len(part), list(part.shape)])
golden.record('hdf5/part/slice', part[0:2])
golden.record('hdf5/part/int', part[4])
golden.record('hdf5/part/list', part[[0, 2]])
error('hdf5 int past end', lambda: part[5])
error('hdf5 slice past end', lambda: part[3:6])
error('hdf5 list past end', lambda: part[[1, 5]])
print('hdf5 refs', sorted(HDF5Matrix.refs.keys()))

np.random.seed(4)
model = Sequential([Dense(2, input_dim=4)])
golden.record('hdf5/predict', model.predict(HDF5Matrix('data.h5', 'x', start=2, end=6)))

np.random.seed(1337)
(xtr, ytr), (xte, yte) = get_test_data(nb_train=6, nb_test=3, input_shape=(2,), nb_class=3)
golden.record('get_test_data/classification', [xtr, ytr, xte, yte])
(xtr, ytr), (xte, yte) = get_test_data(nb_train=4, nb_test=2, input_shape=(3,),
                                       output_shape=(2,), classification=False)
golden.record('get_test_data/regression', [xtr, ytr, xte, yte])
golden.record('get_test_data/next_random', np.random.random())
