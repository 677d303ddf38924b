# keras.applications.vgg16.VGG16 without the top at 48x48 (its minimum), for
# both orderings: summary, predictions with seeded weights, then weights='imagenet'
# from the file Keras 1.2.2 looked for in ~/.keras/models: 'th' loads the th-kernel file
# as it is; 'tf' loads the tf-kernel (TensorFlow convention) file and, on Theano,
# flips every kernel (convert_all_kernels_in_model). The file is written from the same
# seeded draw (app_files), its fingerprint recorded.
import os

import numpy as np

import golden
import app_files

models_dir = app_files.use_cache_home(os.getcwd())

from keras import backend as K
from keras.applications.vgg16 import VGG16, preprocess_input
from keras.utils.layer_utils import convert_all_kernels_in_model

rng = np.random.RandomState(16)
for ordering in ("th", "tf"):
    shape = (3, 48, 48) if ordering == "th" else (48, 48, 3)
    x = preprocess_input(app_files.images(rng, 2, 48, 48, ordering), dim_ordering=ordering)
    fname = "vgg16_weights_%s_dim_ordering_%s_kernels_notop.h5" % (ordering, ordering)
    app_files.check_pretrained(golden, "vgg16_" + ordering, K, VGG16, ordering, x, fname,
                               ordering == "tf", 1600 + len(ordering), models_dir,
                               convert_all_kernels_in_model, include_top=False,
                               input_shape=shape)
