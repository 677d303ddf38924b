# keras.applications' argument checks and helpers, without weight files:
# input_shape / weights / classes errors of every model (Xception: the Theano
# backend's RuntimeError), the default input shapes, an input_tensor that is not a
# Keras tensor, preprocess_input (Caffe BGR mean for VGG / ResNet, [-1, 1] for
# Inception / Xception), decode_predictions with the class index file in
# ~/.keras/models, the music tagger's decode_predictions and its librosa check.
import json
import os

import numpy as np

import golden
import app_files

models_dir = app_files.use_cache_home(os.getcwd())

from keras import backend as K
from keras import applications
from keras.applications import imagenet_utils, inception_v3, xception
from keras.applications import audio_conv_utils
from keras.applications.music_tagger_crnn import MusicTaggerCRNN
from keras.layers import Input, ZeroPadding2D


def attempt(label, build, **kwargs):
    try:
        model = build(**kwargs)
    except Exception as error:
        print(label, '->', type(error).__name__ + ':', error)
    else:
        print(label, '-> built, input shape', model.input_shape, 'output shape',
              model.output_shape, 'layers', len(model.layers))


for ordering in ('tf', 'th'):
    K.set_image_dim_ordering(ordering)
    print('ordering', ordering)
    attempt('vgg16 top, wrong shape', applications.VGG16, weights=None,
            input_shape=(200, 200, 3))
    attempt('vgg16 too small', applications.VGG16, include_top=False, weights=None,
            input_shape=(3, 47, 60) if ordering == 'th' else (47, 60, 3))
    attempt('vgg16 one channel', applications.VGG16, include_top=False, weights=None,
            input_shape=(1, 64, 64) if ordering == 'th' else (64, 64, 1))
    attempt('vgg16 two dims', applications.VGG16, include_top=False, weights=None,
            input_shape=(64, 64))
    attempt('vgg19 weights', applications.VGG19, weights='places')
    attempt('vgg19 classes', applications.VGG19, weights='imagenet', classes=10)
    attempt('resnet50 too small', applications.ResNet50, include_top=False, weights=None,
            input_shape=(3, 196, 220) if ordering == 'th' else (196, 220, 3))
    attempt('inception too small', applications.InceptionV3, include_top=False,
            weights=None, input_shape=(3, 139, 138) if ordering == 'th' else (139, 138, 3))
    attempt('inception top, wrong shape', applications.InceptionV3, weights=None,
            input_shape=(3, 224, 224) if ordering == 'th' else (224, 224, 3))
    attempt('xception weights', applications.Xception, weights='x')
    attempt('xception', applications.Xception, weights=None)
    attempt('crnn weights', MusicTaggerCRNN, weights='imagenet')
    attempt('crnn classes', MusicTaggerCRNN, classes=10)

K.set_image_dim_ordering('tf')
attempt('vgg16 free shape', applications.VGG16, include_top=False, weights=None)
K.set_image_dim_ordering('th')
try:
    # Keras 1.2.2 on Theano could not build on a tensor that is not a Keras tensor
    # (the error names the Theano node, whose text differs: compared up to it).
    applications.VGG16(include_top=False, weights=None,
                       input_tensor=K.placeholder(shape=(None, 3, 64, 64)),
                       input_shape=(3, 64, 64))
except Exception as error:
    print('vgg16 input_tensor placeholder ->', type(error).__name__, error.args[0])
image = Input(shape=(3, 60, 60), name='image')
padded = ZeroPadding2D((2, 2), name='pad')(image)
attempt('vgg16 on a layer output', applications.VGG16, include_top=False, weights=None,
        input_tensor=padded)

rng = np.random.RandomState(7)
for ordering in ('th', 'tf'):
    x = app_files.images(rng, 2, 2, 3, ordering)
    original = x.copy()
    out = imagenet_utils.preprocess_input(x, dim_ordering=ordering)
    golden.record('preprocess_' + ordering, out)
    golden.record('preprocess_input_array_after_' + ordering, x)
    print('preprocess', ordering, 'shape', out.shape, 'changed its input:',
          not np.array_equal(x, original))
golden.record('inception_preprocess', inception_v3.preprocess_input(np.array([0., 127.5, 255.])))
golden.record('xception_preprocess', xception.preprocess_input(np.array([0., 51., 255.])))

index = dict((str(i), ['n%08d' % i, 'class_%d' % i]) for i in range(1000))
with open(os.path.join(models_dir, 'imagenet_class_index.json'), 'w') as f:
    json.dump(index, f)
preds = rng.uniform(size=(2, 1000)).astype('float32')
for sample in imagenet_utils.decode_predictions(preds, top=3):
    print('decoded', [(c, d, '%.5f' % s) for c, d, s in sample])
try:
    imagenet_utils.decode_predictions(np.zeros((2, 10)))
except ValueError as error:
    print('decode (2, 10) ->', error)

tags = audio_conv_utils.decode_predictions(rng.uniform(size=(1, 50)), top_n=4)
print('tags', [(t, '%.5f' % s) for t, s in tags[0]])
if audio_conv_utils.librosa is None:
    try:
        audio_conv_utils.preprocess_input('song.mp3')
    except ImportError as error:
        print('audio preprocess ->', error)
