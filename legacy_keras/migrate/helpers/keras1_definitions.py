"""Keras 1 behaviour that Keras 3 has no argument for, as plain Keras 3 code.

`legacy-keras migrate` copies the definitions a migrated script needs, each as written
here (its source text, leading ``#:`` comment included), after the script's imports;
``legacy_keras.renames.HELPERS`` maps each name to that text. This module is ordinary
Keras 3 code: it imports and runs without legacy_keras being activated.
"""
import keras


def keras1_hard_sigmoid(x):
    """Keras 1's hard_sigmoid, clip(0.2 * x + 0.5, 0, 1) (Keras 3's has slope 1/6)."""
    return keras.ops.clip(0.2 * x + 0.5, 0.0, 1.0)


#: Stands for Keras 1's K.learning_phase() among the inputs of keras1_function.
KERAS1_LEARNING_PHASE = "keras1_learning_phase"


def keras1_function(inputs, outputs):
    """Keras 1's K.function(inputs, outputs) as a Keras 3 sub-model: called with a list
    of arrays (a 0/1 in the place of KERAS1_LEARNING_PHASE gives training=False/True),
    it returns a list of NumPy arrays."""
    phase = [i for i, x in enumerate(inputs) if isinstance(x, str) and x == KERAS1_LEARNING_PHASE]
    model = keras.Model([x for i, x in enumerate(inputs) if i not in phase], list(outputs))

    def call(values):
        arrays = [v for i, v in enumerate(values) if i not in phase]
        training = bool(values[phase[0]]) if phase else False
        results = model(arrays, training=training)
        results = results if isinstance(results, (list, tuple)) else [results]
        return [keras.ops.convert_to_numpy(r) for r in results]

    return call


class Keras1RMSprop(keras.optimizers.Optimizer):
    """Keras 1's RMSprop: a = rho * a + (1 - rho) * g**2; p -= lr * g / (sqrt(a) + epsilon)
    (Keras 3's RMSprop divides by sqrt(a + epsilon))."""

    def __init__(self, learning_rate=0.001, rho=0.9, epsilon=1e-8, name="keras1_rmsprop",
                 **kwargs):
        super().__init__(learning_rate=learning_rate, name=name, **kwargs)
        self.rho = rho
        self.epsilon = epsilon

    def build(self, variables):
        if self.built:
            return
        super().build(variables)
        self.accumulators = [self.add_variable_from_reference(v, "accumulator")
                             for v in variables]

    def update_step(self, gradient, variable, learning_rate):
        lr = keras.ops.cast(learning_rate, variable.dtype)
        a = self.accumulators[self._get_variable_index(variable)]
        self.assign(a, self.rho * a + (1.0 - self.rho) * keras.ops.square(gradient))
        self.assign_sub(variable, lr * gradient / (keras.ops.sqrt(a) + self.epsilon))

    def get_config(self):
        return dict(super().get_config(), rho=self.rho, epsilon=self.epsilon)


class Keras1Adagrad(keras.optimizers.Optimizer):
    """Keras 1's Adagrad: a += g**2 (from 0); p -= lr * g / (sqrt(a) + epsilon)
    (Keras 3's Adagrad starts a at 0.1 and divides by sqrt(a + epsilon))."""

    def __init__(self, learning_rate=0.01, epsilon=1e-8, name="keras1_adagrad", **kwargs):
        super().__init__(learning_rate=learning_rate, name=name, **kwargs)
        self.epsilon = epsilon

    def build(self, variables):
        if self.built:
            return
        super().build(variables)
        self.accumulators = [self.add_variable_from_reference(v, "accumulator")
                             for v in variables]

    def update_step(self, gradient, variable, learning_rate):
        lr = keras.ops.cast(learning_rate, variable.dtype)
        a = self.accumulators[self._get_variable_index(variable)]
        self.assign_add(a, keras.ops.square(gradient))
        self.assign_sub(variable, lr * gradient / (keras.ops.sqrt(a) + self.epsilon))

    def get_config(self):
        return dict(super().get_config(), epsilon=self.epsilon)


class Keras1Nadam(keras.optimizers.Optimizer):
    """Keras 1's Nadam: momentum schedule mu_t = beta_1 * (1 - 0.5 * 0.96 ** (t *
    schedule_decay)) (Keras 3's Nadam has 0.96 ** t, no schedule_decay); m_hat =
    (1 - mu_t) g / (1 - prod mu_1..t) + mu_t+1 m / (1 - prod mu_1..t+1);
    p -= lr * m_hat / (sqrt(v / (1 - beta_2 ** t)) + epsilon)."""

    def __init__(self, learning_rate=0.002, beta_1=0.9, beta_2=0.999, epsilon=1e-8,
                 schedule_decay=0.004, name="keras1_nadam", **kwargs):
        super().__init__(learning_rate=learning_rate, name=name, **kwargs)
        self.beta_1 = beta_1
        self.beta_2 = beta_2
        self.epsilon = epsilon
        self.schedule_decay = schedule_decay

    def build(self, variables):
        if self.built:
            return
        super().build(variables)
        self.ms = [self.add_variable_from_reference(v, "momentum") for v in variables]
        self.vs = [self.add_variable_from_reference(v, "velocity") for v in variables]
        self.m_schedule = self.add_variable((), initializer="ones", name="m_schedule")

    def momentum_cache(self, t):
        return self.beta_1 * (1.0 - 0.5 * keras.ops.power(0.96, t * self.schedule_decay))

    def _backend_update_step(self, grads, variables, learning_rate):
        # The product of the mu's advances once a step, before the variables' updates
        # (as Keras 3's own Nadam does it).
        t = keras.ops.cast(self.iterations + 1, self.m_schedule.dtype)
        self.assign(self.m_schedule, self.m_schedule * self.momentum_cache(t))
        super()._backend_update_step(grads, variables, learning_rate)

    def update_step(self, gradient, variable, learning_rate):
        lr = keras.ops.cast(learning_rate, variable.dtype)
        t = keras.ops.cast(self.iterations + 1, variable.dtype)
        mu_t, mu_next = self.momentum_cache(t), self.momentum_cache(t + 1)
        schedule_next = self.m_schedule * mu_next
        index = self._get_variable_index(variable)
        m, v = self.ms[index], self.vs[index]
        g_prime = gradient / (1.0 - self.m_schedule)
        self.assign(m, self.beta_1 * m + (1.0 - self.beta_1) * gradient)
        self.assign(v, self.beta_2 * v + (1.0 - self.beta_2) * keras.ops.square(gradient))
        m_bar = (1.0 - mu_t) * g_prime + mu_next * (m / (1.0 - schedule_next))
        v_prime = v / (1.0 - keras.ops.power(self.beta_2, t))
        self.assign_sub(variable, lr * m_bar / (keras.ops.sqrt(v_prime) + self.epsilon))

    def get_config(self):
        return dict(super().get_config(), beta_1=self.beta_1, beta_2=self.beta_2,
                    epsilon=self.epsilon, schedule_decay=self.schedule_decay)


class Keras1Embedding(keras.layers.Embedding):
    """Keras 1's Embedding. In training the optimizer gets a dense gradient, a repeated
    word's rows summed, as Theano gave it (Keras 3 on TensorFlow passes one slice per
    lookup, which Adam, RMSprop and Adagrad square one by one); dropout=p drops whole
    words (rows of the embedding matrix) and scales the others by 1 / (1 - p)."""

    def __init__(self, *args, dropout=0.0, weights=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.word_dropout = dropout
        self.word_seed = keras.random.SeedGenerator()
        if weights is not None:  # as Keras 3's Embedding, once the seed exists
            self.build()
            self.set_weights(weights if isinstance(weights, list) else [weights])

    def call(self, inputs, training=False):
        if not training:
            return super().call(inputs)
        kept = keras.ops.ones((self.input_dim, 1), dtype=self.embeddings.dtype)
        if self.word_dropout:
            kept = keras.random.dropout(kept, self.word_dropout, seed=self.word_seed)
        inputs = keras.ops.cast(inputs, "int32")
        return keras.ops.take(self.embeddings * kept, inputs, axis=0)  # dense gradient

    def compute_output_spec(self, inputs, training=False):
        return super().compute_output_spec(inputs)

    def get_config(self):
        return dict(super().get_config(), dropout=self.word_dropout)


def slice_X(X, start=None, stop=None):
    """Keras 1's keras.engine.training.slice_X: X[start:stop], or the rows listed in
    ``start`` (a list or array of indices); for a list of arrays, each of them."""
    def one(x):
        if hasattr(start, "__len__"):
            return x[start.tolist() if hasattr(start, "shape") else list(start)]
        return x[start:stop]

    return [one(x) for x in X] if isinstance(X, list) else one(X)


def make_batches(size, batch_size):
    """Keras 1's keras.engine.training.make_batches: the (start, end) index pairs of
    the batches of ``size`` samples, the last one shorter."""
    return [(start, min(size, start + batch_size)) for start in range(0, size, batch_size)]


def keras1_predict_classes(model, x, batch_size=32, verbose=1):
    """Keras 1's Sequential.predict_classes: the argmax of predict's output, or, for a
    single output column, whether it is above 0.5 (int32)."""
    proba = model.predict(x, batch_size=batch_size, verbose=verbose)
    if proba.shape[-1] > 1:
        return proba.argmax(axis=-1)
    return (proba > 0.5).astype("int32")


class Keras1MergedSequential(keras.Model):
    """Keras 1's Sequential that starts with Merge([branch, ...], mode=...): each branch
    (a model) runs on its own input, the merge layer joins their outputs, and the layers
    added after it run in order (Keras 3's Sequential takes one input)."""

    def __init__(self, branches, merge, **kwargs):
        super().__init__(**kwargs)
        self.branches = list(branches)
        self.merge = merge
        self.stack = []

    def add(self, layer):
        self.stack.append(layer)

    def call(self, inputs, training=None):
        x = self.merge([branch(x, training=training)
                        for branch, x in zip(self.branches, inputs)])
        for layer in self.stack:
            x = layer(x, training=training)
        return x


def keras1_reset_states(model):
    """Keras 1's model.reset_states(): resets the states of the model's stateful layers."""
    for layer in model.layers:
        if getattr(layer, "stateful", False) and hasattr(layer, "reset_states"):
            layer.reset_states()


def keras1_batches(iterator):
    """Keras 1's fit_generator took any iterator (ImageDataGenerator.flow's among them);
    Keras 3's fit takes Python generators: this one yields the iterator's batches."""
    for batch in iterator:
        yield batch


class Keras1Conv2DTranspose(keras.layers.Conv2DTranspose):
    """Keras 1's Deconvolution2D: its output_shape (batch, rows, cols, filters), or
    (batch, filters, rows, cols) with data_format="channels_first" (Keras 1's 'th'),
    sets the output's size. Keras 3 computes the size from the input, so the difference
    becomes output_padding (which must be in [0, strides)); the batch size is not used."""

    def __init__(self, *args, output_shape=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.keras1_output_shape = tuple(output_shape)

    def build(self, input_shape):
        first = self.data_format == "channels_first"
        sizes = input_shape[2:4] if first else input_shape[1:3]
        wanted = self.keras1_output_shape[2:4] if first else self.keras1_output_shape[1:3]
        padding = []
        for size, target, kernel, stride in zip(sizes, wanted, self.kernel_size,
                                                self.strides):
            pad = kernel // 2 if self.padding == "same" else 0
            extra = target - ((size - 1) * stride + kernel - 2 * pad)
            if not 0 <= extra < stride:
                raise ValueError("Deconvolution2D's output_shape %r cannot follow an input "
                                 "of shape %r with these kernel, strides and padding"
                                 % (self.keras1_output_shape, tuple(input_shape)))
            padding.append(extra)
        self.output_padding = tuple(padding)
        super().build(input_shape)

    def get_config(self):
        return dict(super().get_config(), output_shape=self.keras1_output_shape)
