# keras.applications.music_tagger_crnn.MusicTaggerCRNN with its top (the
# 'output' Dense of 50 sigmoid tags) for both orderings: summary, predictions with
# seeded weights, then weights='msd' from Keras 1.2.2's file in ~/.keras/models. Both
# published files hold TensorFlow-convention kernels (also the 'th' one): loaded by
# name, then flipped on Theano; decode_predictions on the predictions.
import os

import numpy as np

import golden
import app_files

models_dir = app_files.use_cache_home(os.getcwd())

from keras import backend as K
from keras.applications.music_tagger_crnn import MusicTaggerCRNN, decode_predictions
from keras.utils.layer_utils import convert_all_kernels_in_model

rng = np.random.RandomState(96)
for ordering in ('th', 'tf'):
    shape = (1, 1, 96, 1366) if ordering == 'th' else (1, 96, 1366, 1)
    x = rng.uniform(-20, 20, size=shape).astype('float32')
    fname = 'music_tagger_crnn_weights_tf_kernels_%s_dim_ordering.h5' % ordering
    model, pred = app_files.check_pretrained(golden, 'crnn_' + ordering, K, MusicTaggerCRNN,
                                       ordering, x, fname, True, 9600 + len(ordering),
                                       models_dir, convert_all_kernels_in_model,
                                       include_top=True, pretrained='msd')
    for tag, score in decode_predictions(pred, top_n=3)[0]:
        print(ordering, 'tag', tag, '%.4f' % score)
