# keras.applications.resnet50.ResNet50 without the top at 197x197 (its
# minimum), 'tf' ordering: summary, predictions with seeded weights (BatchNormalization
# statistics included), then weights='imagenet' from the tf-kernel file in
# ~/.keras/models, kernels flipped after loading as Keras 1.2.2 did on Theano. Keras
# 1.2.2 checked the published file's MD5: the check is replaced to accept the seeded
# file, and the names and sums it was asked about are printed.
import os

import numpy as np

import golden
import app_files

models_dir = app_files.use_cache_home(os.getcwd())

from keras import backend as K
from keras.applications.resnet50 import ResNet50, preprocess_input
from keras.utils import data_utils
from keras.utils.layer_utils import convert_all_kernels_in_model


def accept_seeded_file(fpath, md5_hash):
    print('md5 check of', os.path.basename(fpath), 'against', md5_hash)
    return True


data_utils.validate_file = accept_seeded_file
rng = np.random.RandomState(50)
x = preprocess_input(app_files.images(rng, 2, 197, 197, 'tf'), dim_ordering='tf')
app_files.check_pretrained(golden, 'resnet50_tf', K, ResNet50, 'tf', x,
                           'resnet50_weights_tf_dim_ordering_tf_kernels_notop.h5', True,
                           5000, models_dir, convert_all_kernels_in_model,
                           include_top=False, input_shape=(197, 197, 3))
