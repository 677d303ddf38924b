"""The VGG16 / VGG19 graph of Keras 1.2.2 (five blocks of 3x3 'same' ReLU convolutions,
each closed by a 2x2 max pooling; then, with the top, fc1 / fc2 / predictions)."""
from legacy_keras import backend as K
from legacy_keras.applications import _weights
from legacy_keras.applications.imagenet_utils import _obtain_input_shape
from legacy_keras.engine.training import Model
from legacy_keras.layers import Convolution2D, Dense, Flatten, MaxPooling2D

#: Filters per block; VGG16 has 2, 2, 3, 3, 3 convolutions per block, VGG19 2, 2, 4, 4, 4.
BLOCK_FILTERS = (64, 128, 256, 512, 512)
CONVS_PER_BLOCK = {"vgg16": (2, 2, 3, 3, 3), "vgg19": (2, 2, 4, 4, 4)}


def build_vgg(name, include_top, weights, input_tensor, input_shape, classes):
    _weights.check_weights_argument(weights, include_top, classes)
    input_shape = _obtain_input_shape(input_shape, default_size=224, min_size=48,
                                      dim_ordering=K.image_dim_ordering(),
                                      include_top=include_top)
    img_input = _weights.model_input(input_tensor, input_shape)
    x = img_input
    for block, (filters, convs) in enumerate(zip(BLOCK_FILTERS, CONVS_PER_BLOCK[name]), 1):
        for conv in range(1, convs + 1):
            x = Convolution2D(filters, 3, 3, activation="relu", border_mode="same",
                              name="block%d_conv%d" % (block, conv))(x)
        x = MaxPooling2D((2, 2), strides=(2, 2), name="block%d_pool" % block)(x)
    if include_top:
        x = Flatten(name="flatten")(x)
        x = Dense(4096, activation="relu", name="fc1")(x)
        x = Dense(4096, activation="relu", name="fc2")(x)
        x = Dense(classes, activation="softmax", name="predictions")(x)
    model = Model(_weights.model_inputs(input_tensor, img_input), x, name=name)
    if weights == "imagenet":
        _weights.load_imagenet_weights(model, name, "v0.1", include_top)
    return model
