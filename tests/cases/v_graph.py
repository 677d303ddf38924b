# Keras version profiles: the legacy Graph container of Keras 1.0-1.1
# (keras.models.Graph; removed in 1.2). Run under 1.0.1, 1.0.8 and 1.1.2.
# Two inputs, a node on one input, a node on the merge (concat) of two nodes, a shared
# node merged with 'sum', two outputs (one with create_output); compile with a dict of
# losses, fit with a dict of arrays (no shuffle), evaluate, train_on_batch,
# test_on_batch, predict (a dict) and predict_on_batch; layer / output names, weight
# shapes. Weights are set from a seeded RandomState.
import numpy as np
from keras.layers import Dense
from keras.models import Graph

import golden

rng = np.random.RandomState(3)
graph = Graph()
graph.add_input(name='input_a', input_shape=(3,))
graph.add_input(name='input_b', input_shape=(2,))
graph.add_node(Dense(4, activation='tanh'), name='dense_a', input='input_a')
graph.add_node(Dense(4, activation='tanh'), name='dense_b', input='input_b')
graph.add_node(Dense(3), name='joined', inputs=['dense_a', 'dense_b'], merge_mode='concat')
graph.add_shared_node(Dense(2), name='shared', inputs=['dense_a', 'dense_b'],
                      merge_mode='sum')
graph.add_output(name='out_joined', input='joined')
graph.add_node(Dense(1, activation='sigmoid'), name='out_shared', input='shared',
               create_output=True)
graph.compile(optimizer='sgd', loss={'out_joined': 'mse', 'out_shared': 'binary_crossentropy'})

for layer in graph.layers:
    weights = layer.get_weights()
    if weights:
        layer.set_weights([rng.uniform(-0.5, 0.5, size=w.shape).astype('float32')
                           for w in weights])
golden.record('layer_names', [layer.name for layer in graph.layers])
golden.record('output_names', list(graph.output_names))
golden.record('weight_shapes', [[list(w.shape) for w in layer.get_weights()]
                                for layer in graph.layers])

data = {'input_a': rng.uniform(-1, 1, size=(10, 3)).astype('float32'),
        'input_b': rng.uniform(-1, 1, size=(10, 2)).astype('float32'),
        'out_joined': rng.uniform(-1, 1, size=(10, 3)).astype('float32'),
        'out_shared': rng.randint(0, 2, size=(10, 1)).astype('float32')}
history = graph.fit(data, batch_size=5, nb_epoch=2, verbose=0, shuffle=False)
golden.record('fit/loss', history.history['loss'])
golden.record('evaluate', graph.evaluate(data, batch_size=5))
golden.record('train_on_batch', graph.train_on_batch(data))
golden.record('test_on_batch', graph.test_on_batch(data))
predictions = graph.predict({'input_a': data['input_a'], 'input_b': data['input_b']})
golden.record('predict/keys', sorted(predictions))
for key in sorted(predictions):
    golden.record('predict/' + key, predictions[key])
print('graph outputs:', sorted(predictions))
