# Keras version profiles: when a model reads `trainable`. Up to Keras 1.0.8
# the weights to train were collected when the training function was first built (the
# first train_on_batch / fit), from 1.1.0 at compile(). A GAN-style script that sets
# `discriminator.trainable = False` after compiling the combined model froze the
# discriminator there under 1.0.x and not under 1.1+. Run under each reference.
import numpy as np
from keras.layers import Dense
from keras.models import Sequential

import golden

rng = np.random.RandomState(5)
x = rng.uniform(-1, 1, size=(6, 2)).astype('float32')
y = rng.uniform(-1, 1, size=(6, 1)).astype('float32')

generator = Sequential([Dense(2, input_dim=2)])
generator.layers[0].set_weights([rng.uniform(-1, 1, (2, 2)).astype('float32'),
                                 np.zeros(2, 'float32')])
discriminator = Sequential([Dense(1, input_dim=2)])
discriminator.layers[0].set_weights([rng.uniform(-1, 1, (2, 1)).astype('float32'),
                                     np.zeros(1, 'float32')])
d_before = discriminator.get_weights()
discriminator.compile(optimizer='sgd', loss='mse')
generator.compile(optimizer='sgd', loss='mse')  # Keras 1.0.1 predicted compiled models only

gan = Sequential()
gan.add(generator)
gan.add(discriminator)
gan.compile(optimizer='sgd', loss='mse')
discriminator.trainable = False  # after compile()
gan.train_on_batch(x, y)
changed = [bool(np.any(a != b)) for a, b in zip(d_before, discriminator.get_weights())]
print('discriminator weights changed by the combined model:', changed)
golden.record('gan/discriminator_changed', changed)
golden.record('gan/generator_weights', generator.get_weights(), rtol=1e-5)
golden.record('gan/discriminator_weights', discriminator.get_weights(), rtol=1e-5)

# the discriminator's own model: compiled while trainable, flag now False
before = discriminator.get_weights()
discriminator.train_on_batch(generator.predict(x), y)
changed = [bool(np.any(a != b)) for a, b in zip(before, discriminator.get_weights())]
print('discriminator weights changed by its own model:', changed)
golden.record('discriminator/changed', changed)
