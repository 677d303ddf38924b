# keras-rl's DQN agent as it compiled and trained on Keras 1 / Theano: a
# target model cloned by model_from_config, a Lambda layer computing the masked Huber
# loss with theano.tensor.switch (keras-rl's Theano branch), a trainable model with the
# inputs [observation, y_true, mask] and the outputs [loss, q-values], the losses
# `lambda y_true, y_pred: y_pred` and `K.zeros_like(y_pred)`, a per-output metric dict
# (mean_q), Adam, train_on_batch on targets from the target model's predict_on_batch,
# a hard target update; the metric names, every returned value and the final Q-values.
import numpy as np
from keras import backend as K
from keras.layers import Dense, Input, Lambda, Flatten
from keras.models import Model, Sequential, model_from_config
from keras.optimizers import Adam

import golden


def huber_loss(y_true, y_pred, clip_value):
    x = y_true - y_pred
    if np.isinf(clip_value):
        return .5 * K.square(x)
    condition = K.abs(x) < clip_value
    squared_loss = .5 * K.square(x)
    linear_loss = clip_value * (K.abs(x) - .5 * clip_value)
    if K.backend() == 'tensorflow':
        raise RuntimeError('tensorflow')
    elif K.backend() == 'theano':
        from theano import tensor as T
        return T.switch(condition, squared_loss, linear_loss)


def mean_q(y_true, y_pred):
    return K.mean(K.max(y_pred, axis=-1))


rng = np.random.RandomState(3)
model = Sequential([Flatten(input_shape=(1, 4)), Dense(8, activation='relu'), Dense(2, activation='linear')])
model.set_weights([rng.uniform(-1, 1, w.shape).astype('float32') for w in model.get_weights()])
target_model = model_from_config({'class_name': model.__class__.__name__, 'config': model.get_config()})
target_model.set_weights(model.get_weights())
target_model.compile(optimizer='sgd', loss='mse')
model.compile(optimizer='sgd', loss='mse')


def clipped_masked_error(args):
    y_true, y_pred, mask = args
    loss = huber_loss(y_true, y_pred, 1.)
    loss *= mask
    return K.sum(loss, axis=-1)


y_pred = model.output
y_true = Input(name='y_true', shape=(2,))
mask = Input(name='mask', shape=(2,))
loss_out = Lambda(clipped_masked_error, output_shape=(1,), name='loss')([y_pred, y_true, mask])
trainable_model = Model(input=[model.input, y_true, mask], output=[loss_out, y_pred])
losses = [lambda y_true, y_pred: y_pred, lambda y_true, y_pred: K.zeros_like(y_pred)]
trainable_model.compile(optimizer=Adam(lr=.01), loss=losses,
                        metrics={model.output_names[0]: [mean_q]})
print(trainable_model.metrics_names)
print('backend', K.backend())
obs = rng.rand(6, 1, 4).astype('float32')
for step in range(4):
    q_next = target_model.predict_on_batch(obs)
    targets = np.zeros((6, 2), 'float32')
    masks = np.zeros((6, 2), 'float32')
    actions = rng.randint(0, 2, 6)
    rewards = rng.rand(6).astype('float32') * 5
    for i, a in enumerate(actions):
        targets[i, a] = rewards[i] + 0.99 * np.max(q_next[i])
        masks[i, a] = 1.
    dummy = np.zeros((6,))
    golden.record('step%d' % step, trainable_model.train_on_batch([obs, targets, masks],
                                                                  [dummy, targets]))
    if step == 1:
        target_model.set_weights(model.get_weights())
golden.record('q', model.predict(obs), rtol=1e-3, atol=1e-5)
golden.record('target_q', target_model.predict(obs), rtol=1e-3, atol=1e-5)
