# Keras version profiles: summary() text per release (1.0.1's columns end at
# 35 / 55 / 67; only 1.2.x prints Trainable / Non-trainable params). A Sequential MLP
# with a frozen layer, and a functional model with two inputs.
from keras.layers import Dense, Dropout, Input, merge
from keras.models import Model, Sequential

model = Sequential()
model.add(Dense(8, input_dim=4, activation='relu'))
model.add(Dropout(0.5))
frozen = Dense(3)
frozen.trainable = False
model.add(frozen)
model.summary()

a = Input(shape=(4,), name='a')
b = Input(shape=(2,), name='b')
joined = merge([Dense(3)(a), Dense(3)(b)], mode='concat')
Model(input=[a, b], output=Dense(1)(joined)).summary()
