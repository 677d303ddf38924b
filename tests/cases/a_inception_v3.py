# keras.applications.inception_v3.InceptionV3 without the top at 139x139 (its
# minimum), 'tf' ordering: summary, seeded weights, then weights='imagenet' from the
# tf-kernel file in ~/.keras/models (kernels flipped after loading, on Theano). The
# MD5 check Keras 1.2.2 made is replaced to accept the seeded file.
import os

import numpy as np

import golden
import app_files

models_dir = app_files.use_cache_home(os.getcwd())

from keras import backend as K
from keras.applications.inception_v3 import InceptionV3, preprocess_input
from keras.utils import data_utils
from keras.utils.layer_utils import convert_all_kernels_in_model


def accept_seeded_file(fpath, md5_hash):
    print('md5 check of', os.path.basename(fpath), 'against', md5_hash)
    return True


data_utils.validate_file = accept_seeded_file
rng = np.random.RandomState(3)
x = preprocess_input(app_files.images(rng, 2, 139, 139, 'tf'))
app_files.check_pretrained(golden, 'inception_v3_tf', K, InceptionV3, 'tf', x,
                           'inception_v3_weights_tf_dim_ordering_tf_kernels_notop.h5',
                           True, 300, models_dir, convert_all_kernels_in_model,
                           include_top=False, input_shape=(139, 139, 3))
