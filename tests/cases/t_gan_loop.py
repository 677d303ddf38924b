# The GAN training loop third-party Keras 1 programs used (the
# keras-dcgan pattern on a small MLP and synthetic 2-D data, seeded): the discriminator
# frozen (`trainable = False`) inside the combined generator+discriminator model when
# that model is compiled, unfrozen again and compiled alone; then alternating
# train_on_batch calls with `[1] * B + [0] * B` targets, `trainable` flipped around the
# generator step (no effect on already compiled models in Keras 1.2.2), weights saved
# with save_weights every epoch and loaded back into a fresh generator. Losses, weights
# and samples are recorded for the first epochs.
import numpy as np
from keras.layers import Dense, Activation
from keras.models import Sequential
from keras.optimizers import SGD, Adam

import golden

np.random.seed(1234)
B = 8
NOISE = 4


def real_batch(n):
    angle = np.random.uniform(0, 2 * np.pi, n)
    return np.stack([np.cos(angle), np.sin(angle)], axis=1) * 2.0 + 0.1 * np.random.randn(n, 2)


def generator_model():
    model = Sequential()
    model.add(Dense(output_dim=16, input_dim=NOISE))
    model.add(Activation('tanh'))
    model.add(Dense(2))
    return model


def discriminator_model():
    model = Sequential()
    model.add(Dense(16, input_dim=2))
    model.add(Activation('tanh'))
    model.add(Dense(1))
    model.add(Activation('sigmoid'))
    return model


def generator_containing_discriminator(generator, discriminator):
    model = Sequential()
    model.add(generator)
    discriminator.trainable = False
    model.add(discriminator)
    return model


generator = generator_model()
discriminator = discriminator_model()
golden.record('initial/generator', generator.get_weights())
golden.record('initial/discriminator', discriminator.get_weights())
d_on_g = generator_containing_discriminator(generator, discriminator)
d_optim = SGD(lr=0.05, momentum=0.9, nesterov=True)
g_optim = Adam(lr=0.01)
generator.compile(loss='binary_crossentropy', optimizer='SGD')
d_on_g.compile(loss='binary_crossentropy', optimizer=g_optim)
discriminator.trainable = True
discriminator.compile(loss='binary_crossentropy', optimizer=d_optim)
print('d_on_g trainable', [w.name for w in d_on_g.trainable_weights])
print('discriminator trainable', [w.name for w in discriminator.trainable_weights])

for epoch in range(3):
    d_losses, g_losses = [], []
    for index in range(3):
        noise = np.random.uniform(-1, 1, size=(B, NOISE))
        real = real_batch(B)
        generated = generator.predict(noise, verbose=0)
        X = np.concatenate((real, generated))
        y = [1] * B + [0] * B
        d_losses.append(discriminator.train_on_batch(X, y))
        noise = np.random.uniform(-1, 1, (B, NOISE))
        discriminator.trainable = False
        g_losses.append(d_on_g.train_on_batch(noise, [1] * B))
        discriminator.trainable = True
    golden.record('epoch%d/d_loss' % epoch, d_losses)
    golden.record('epoch%d/g_loss' % epoch, g_losses)
    generator.save_weights('generator', True)
    discriminator.save_weights('discriminator', True)

golden.record('final/generator', generator.get_weights(), rtol=1e-3, atol=1e-5)
golden.record('final/discriminator', discriminator.get_weights(), rtol=1e-3, atol=1e-5)

# generate(): a fresh generator loads the saved weights and samples
noise = np.random.uniform(-1, 1, (B, NOISE))
fresh = generator_model()
fresh.compile(loss='binary_crossentropy', optimizer='SGD')
fresh.load_weights('generator')
golden.record('loaded/samples', fresh.predict(noise, batch_size=B, verbose=0), rtol=1e-3,
              atol=1e-5)
critic = discriminator_model()
critic.compile(loss='binary_crossentropy', optimizer='SGD')
critic.load_weights('discriminator')
golden.record('loaded/scores', critic.predict(fresh.predict(noise, verbose=0)), rtol=1e-3,
              atol=1e-5)
golden.record('next_draw', np.random.uniform(size=3))
