# keras.applications.vgg19.VGG19 without the top, 'th' ordering at 48x48, and
# an input_tensor (a Keras tensor) instead of input_shape: summary, predictions with
# seeded weights, then weights='imagenet' from the th-kernel file in ~/.keras/models.
import os

import numpy as np

import golden
import app_files

models_dir = app_files.use_cache_home(os.getcwd())

from keras import backend as K
from keras.applications.vgg19 import VGG19, preprocess_input
from keras.layers import Input
from keras.utils.layer_utils import convert_all_kernels_in_model

K.set_image_dim_ordering('th')
rng = np.random.RandomState(19)
x = preprocess_input(app_files.images(rng, 2, 48, 56, 'th'))


def build(weights):
    return VGG19(include_top=False, weights=weights,
                 input_tensor=Input(shape=(3, 48, 56), name='image'))


app_files.check_pretrained(golden, 'vgg19_th', K, build, 'th', x,
                           'vgg19_weights_th_dim_ordering_th_kernels_notop.h5', False, 1900,
                           models_dir, convert_all_kernels_in_model)
