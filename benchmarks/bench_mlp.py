"""MLP training and prediction: a Keras 1 script through legacy_keras vs the same model
hand-written in Keras 3, in one process, same data, same initial weights.

    python benchmarks/bench_mlp.py [--samples 20000] [--epochs 3] [--repeats 3]

Prints samples/s for each and the ratio shim/native (1.0 = same speed; the target is
>= 0.97). Timings are best-of-repeats wall clock; nothing here is asserted by tests.
"""
import argparse
import time

import numpy as np


def keras1_model(legacy):
    from legacy_keras.layers import Dense
    from legacy_keras.models import Sequential

    model = Sequential()
    model.add(Dense(256, input_dim=100, activation="relu"))
    model.add(Dense(256, activation="relu"))
    model.add(Dense(10, activation="softmax"))
    model.compile(optimizer="sgd", loss="categorical_crossentropy", metrics=["accuracy"])
    return model


def keras3_model(weights):
    from legacy_keras._k3 import keras

    model = keras.Sequential([
        keras.Input(shape=(100,)),
        keras.layers.Dense(256, activation="relu"),
        keras.layers.Dense(256, activation="relu"),
        keras.layers.Dense(10, activation="softmax"),
    ])
    model.set_weights(weights)
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.01),
                  loss="categorical_crossentropy", metrics=["accuracy"])
    return model


def best_time(function, repeats):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=int, default=20000)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()
    rng = np.random.RandomState(0)
    x = rng.rand(args.samples, 100).astype("float32")
    y = np.eye(10, dtype="float32")[rng.randint(0, 10, args.samples)]
    shim = keras1_model(True)
    native = keras3_model(shim.get_weights())
    # warm up (tracing/compilation) outside the timings
    shim.fit(x[:256], y[:256], batch_size=args.batch_size, nb_epoch=1, verbose=0)
    native.fit(x[:256], y[:256], batch_size=args.batch_size, epochs=1, verbose=0)
    shim.predict(x[:256], batch_size=args.batch_size)
    native.predict(x[:256], batch_size=args.batch_size, verbose=0)
    results = {}
    results["fit shim"] = best_time(lambda: shim.fit(
        x, y, batch_size=args.batch_size, nb_epoch=args.epochs, verbose=0), args.repeats)
    results["fit native"] = best_time(lambda: native.fit(
        x, y, batch_size=args.batch_size, epochs=args.epochs, verbose=0), args.repeats)
    results["predict shim"] = best_time(lambda: shim.predict(x, batch_size=256), args.repeats)
    results["predict native"] = best_time(
        lambda: native.predict(x, batch_size=256, verbose=0), args.repeats)
    for kind, work in (("fit", args.samples * args.epochs), ("predict", args.samples)):
        shim_rate = work / results[kind + " shim"]
        native_rate = work / results[kind + " native"]
        print("%-8s shim %10.0f samples/s   native %10.0f samples/s   ratio %.3f"
              % (kind, shim_rate, native_rate, shim_rate / native_rate))


if __name__ == "__main__":
    main()
