"""Per-call overhead of a tiny ``theano.function`` (target under 0.2 ms), next
to a bare ``tf.function`` doing the same work and to the PyTensor engine it replaced.

    python benchmarks/bench_theano_call.py [--calls 5000]

Also times ``model.predict`` on a single sample (what DQN-style loops call every step)
for a Keras 1 model through legacy_keras and for the same model in native Keras 3
(``predict``, ``predict_on_batch`` and ``model(x)``). Prints microseconds per call
(best of 5 interleaved rounds); nothing here is asserted by tests.
"""
import argparse
import os
import time

import numpy as np


def per_call_us(functions, calls, rounds=5):
    """{name: microseconds per call}, best of ``rounds`` rounds run interleaved (the
    machine's load hits every contestant alike)."""
    best = {}
    for _ in range(rounds):
        for name, function in functions.items():
            start = time.perf_counter()
            for _ in range(calls):
                function()
            elapsed = (time.perf_counter() - start) / calls * 1e6
            best[name] = min(best.get(name, elapsed), elapsed)
    return best


def tiny_functions():
    from legacy_keras import theano
    from legacy_keras.theano import tensor as T
    from legacy_keras.theano.compile import ENGINE_VARIABLE

    def build():
        x = T.vector("x")
        w = theano.shared(np.ones(4, dtype="float32"), name="w")
        return theano.function([x], T.tanh(x * w).sum())

    lowered = build()
    os.environ[ENGINE_VARIABLE] = "pytensor"
    try:
        reference = build()
    finally:
        del os.environ[ENGINE_VARIABLE]
    return lowered, reference


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=5000)
    args = parser.parse_args()
    import legacy_keras

    legacy_keras.install()
    import tensorflow as tf

    lowered, reference = tiny_functions()
    # the input in the function's dtype (Theano's floatX), as Theano programs passed it;
    # another dtype adds PyTensor's conversion (about 10 us) to both engines
    v = np.arange(4, dtype=lowered.compiled.maker.fgraph.inputs[0].type.dtype)
    w = tf.Variable(np.ones(4, dtype=v.dtype))
    bare = tf.function(lambda x: tf.reduce_sum(tf.tanh(x * w)),
                       input_signature=[tf.TensorSpec([None], v.dtype)])
    lowered(v), reference(v), bare(v)
    results = per_call_us({
        "theano.function (engine %s)" % lowered.engine: lambda: lowered(v),
        "theano.function (engine pytensor)": lambda: reference(v),
        "bare tf.function + .numpy()": lambda: bare(v).numpy(),
    }, args.calls)
    for name, us in results.items():
        print("%-40s %8.1f us per call" % (name, us))

    from legacy_keras._k3 import keras
    from legacy_keras.layers import Dense
    from legacy_keras.models import Sequential

    model = Sequential()
    model.add(Dense(64, input_dim=8, activation="relu"))
    model.add(Dense(4))
    model.compile(optimizer="sgd", loss="mse")
    native = keras.Sequential([keras.Input((8,)), keras.layers.Dense(64, activation="relu"),
                               keras.layers.Dense(4)])
    native.set_weights(model.get_weights())
    sample = np.random.RandomState(0).rand(1, 8).astype("float32")
    calls = max(args.calls // 10, 100)
    model.predict(sample), native.predict(sample, verbose=0), native(sample)
    native.predict_on_batch(sample)
    rows = per_call_us({
        "legacy_keras model.predict(1 sample)": lambda: model.predict(sample),
        "Keras 3 model.predict(1 sample)": lambda: native.predict(sample, verbose=0),
        "legacy_keras model.predict_on_batch": lambda: model.predict_on_batch(sample),
        "Keras 3 model.predict_on_batch": lambda: native.predict_on_batch(sample),
        "Keras 3 model(x)": lambda: np.asarray(native(sample)),
    }, calls)
    for name, us in rows.items():
        print("%-40s %8.1f us per call" % (name, us))


if __name__ == "__main__":
    main()
