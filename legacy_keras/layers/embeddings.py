"""``keras.layers.embeddings`` (Keras 1.2.2): Embedding."""
from legacy_keras import backend as K
from legacy_keras.backend._context import random_regularizers_enabled
from legacy_keras import constraints, initializations, regularizers
from legacy_keras.engine.topology import Layer
from legacy_keras.layers._config import config_of


class Embedding(Layer):
    """Turns positive integers (indices) into dense vectors of fixed size:
    ``[[4], [20]] -> [[0.25, 0.1], [0.6, -0.2]]``. Only usable as a first layer.

    # Arguments (Keras 1.2.2)
        input_dim: size of the vocabulary (1 + the largest index).
        output_dim: size of each vector.
        init: initialization of ``W`` ('uniform').
        input_length: length of the input sequences when constant (needed to connect
            Flatten then Dense). Without it the time axis is ``None``.
        W_regularizer, activity_regularizer, W_constraint: on the embedding matrix.
        mask_zero: index 0 is padding; the layer then outputs the mask ``x != 0``.
        weights: ``[W]`` of shape (input_dim, output_dim).
        dropout: fraction of the embedding rows (whole words) dropped in training;
            kept rows are scaled by 1 / (1 - dropout).

    # Input shape
        2D integer tensor (nb_samples, sequence_length); the input layer's dtype is
        int32 (float indices are cast).

    # Output shape
        3D tensor (nb_samples, sequence_length, output_dim).

    Weight ``W`` (input_dim, output_dim), named ``<layer>_W``. In Keras 3:
    ``Embedding(input_dim, output_dim, embeddings_initializer=, mask_zero=)`` with
    ``layer.embeddings``; Keras 3 has no ``dropout`` argument (word dropout).
    """

    def __init__(self, input_dim, output_dim, init="uniform", input_length=None,
                 W_regularizer=None, activity_regularizer=None, W_constraint=None,
                 mask_zero=False, weights=None, dropout=0., **kwargs):
        self.input_dim = input_dim
        self.output_dim = output_dim
        self.init = initializations.get(init)
        self.input_length = input_length
        self.mask_zero = mask_zero
        self.dropout = dropout
        self.W_constraint = constraints.get(W_constraint)
        self.W_regularizer = regularizers.get(W_regularizer)
        self.activity_regularizer = regularizers.get(activity_regularizer)
        if 0. < self.dropout < 1.:
            self.uses_learning_phase = True
        self.initial_weights = weights
        # Keras 1.2.2 always set these, whatever the caller gave.
        kwargs["input_shape"] = (self.input_length,)
        kwargs["input_dtype"] = "int32"
        super(Embedding, self).__init__(**kwargs)

    def build(self, input_shape):
        self.W = self.add_weight((self.input_dim, self.output_dim), initializer=self.init,
                                 name="{}_W".format(self.name),
                                 regularizer=self.W_regularizer,
                                 constraint=self.W_constraint)
        if self.initial_weights is not None:
            self.set_weights(self.initial_weights)
        self.built = True

    def compute_mask(self, x, mask=None):
        if not self.mask_zero:
            return None
        return K.not_equal(x, 0)

    def get_output_shape_for(self, input_shape):
        input_length = self.input_length or input_shape[1]
        return (input_shape[0], input_length, self.output_dim)

    def _dropped_rows(self):
        """W with whole rows zeroed (and the rest scaled) in training, W in test."""
        retain_p = 1. - self.dropout
        keep = K.random_binomial((self.input_dim,), p=retain_p) * (1. / retain_p)
        keep = K.expand_dims(keep)
        return K.in_train_phase(self.W * keep, self.W)

    def _word_dropout_active(self, x):
        if not 0. < self.dropout < 1.:
            return False
        return not K.is_numeric(x) or random_regularizers_enabled()

    def call(self, x, mask=None):
        if K.dtype(x) != "int32":
            x = K.cast(x, "int32")
        W = self._dropped_rows() if self._word_dropout_active(x) else self.W
        return K.gather(W, x)

    def get_config(self):
        config = {"input_dim": self.input_dim,
                  "output_dim": self.output_dim,
                  "init": self.init.__name__,
                  "input_length": self.input_length,
                  "mask_zero": self.mask_zero,
                  "activity_regularizer": config_of(self.activity_regularizer),
                  "W_regularizer": config_of(self.W_regularizer),
                  "W_constraint": config_of(self.W_constraint),
                  "dropout": self.dropout}
        base_config = super(Embedding, self).get_config()
        return dict(list(base_config.items()) + list(config.items()))
