# Keras version profiles: names and signatures that Keras 1.2 changed, as
# the older releases had them. Run under 1.0.1, 1.0.8, 1.1.2 (and 1.2.2 for the
# positional arguments and the callback hooks).
# - EarlyStopping('val_loss', 2): patience=2 up to 1.1.0 (min_delta came in 1.1.1).
# - ModelCheckpoint(path, 'val_loss', 0, True, 'max'): mode='max' up to 1.0.6.
# - a callback overriding _set_model / _set_params (called by fit up to 1.2.0).
# - K.pack and keras.datasets.data_utils.get_file (1.0-1.1; recorded where they exist).
import numpy as np
import keras
from keras import backend as K
from keras.callbacks import Callback, EarlyStopping, ModelCheckpoint
from keras.layers import Dense
from keras.models import Sequential

import golden

es = EarlyStopping('val_loss', 2)
golden.record('early_stopping/patience', es.patience)
cp = ModelCheckpoint('weights.h5', 'val_loss', 0, True, 'max')
golden.record('checkpoint/monitor_op', cp.monitor_op.__name__)
golden.record('checkpoint/save_best_only', cp.save_best_only)


class OldStyle(Callback):
    calls = []

    def _set_model(self, model):
        OldStyle.calls.append('_set_model')
        self.model = model

    def _set_params(self, params):
        OldStyle.calls.append('_set_params')
        self.params = params

    def set_model(self, model):
        OldStyle.calls.append('set_model')
        self.model = model


model = Sequential([Dense(1, input_dim=2)])
model.compile(optimizer='sgd', loss='mse')
x = np.ones((4, 2), 'float32')
model.fit(x, np.ones((4, 1), 'float32'), nb_epoch=1, verbose=0, callbacks=[OldStyle()])
golden.record('callback/calls', OldStyle.calls)
print('callback hooks:', OldStyle.calls)

if keras.__version__ < '1.2':  # legacy_keras keeps both names under every release
    a, b = K.variable(np.ones((2,))), K.variable(np.zeros((2,)))
    golden.record('pack', K.eval(K.pack([a, b])))
    from keras.datasets import data_utils
    golden.record('data_utils/get_file', data_utils.get_file.__name__)
