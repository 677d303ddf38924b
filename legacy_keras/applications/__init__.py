"""``keras.applications`` (Keras 1.2.2): VGG16, VGG19, ResNet50, InceptionV3, Xception,
and (imported on request, as in Keras 1.2.2) ``music_tagger_crnn`` / ``audio_conv_utils``.

Each model is built as Keras 1.2.2 built it (same layers, same names, same input-shape
checks and errors) for the image ordering of ``K.image_dim_ordering()``. With
``weights='imagenet'`` (``'msd'`` for MusicTaggerCRNN) the weight file is the one Keras
1.2.2 downloaded, under the same name, looked up first in the Keras cache
(``~/.keras/models``, or ``$KERAS_HOME/models``); Keras 1.2.2's rules for the kernel
layout apply (see :mod:`legacy_keras.applications._weights`). On a machine without
network access, a missing file raises an error that names the file and where to put it.
"""
from legacy_keras.applications.vgg16 import VGG16  # noqa: F401
from legacy_keras.applications.vgg19 import VGG19  # noqa: F401
from legacy_keras.applications.resnet50 import ResNet50  # noqa: F401
from legacy_keras.applications.inception_v3 import InceptionV3  # noqa: F401
from legacy_keras.applications.xception import Xception  # noqa: F401
