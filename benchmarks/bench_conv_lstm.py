"""A small conv net and an LSTM: Keras 1 scripts through legacy_keras vs the same models
hand-written in Keras 3, in one process, same data, same weights.

    python benchmarks/bench_conv_lstm.py [--samples 4096] [--epochs 2] [--repeats 3]

Conv net: Convolution2D(16, 3, 3, relu) -> MaxPooling2D -> Flatten -> Dense(10, softmax)
on 28x28x1 'tf'-ordered images (Keras 3: Conv2D with the Theano kernel flipped). LSTM:
LSTM(64) (Keras 1's default consume_less='cpu', hard_sigmoid gates) -> Dense(10) on
(20 steps, 32 features) (Keras 3: LSTM with Keras 1's hard_sigmoid as
recurrent_activation, gates fused i, f, c, o). Prints samples/s and the ratio
shim/native (target >= 0.97); best-of-repeats wall clock, shim and native runs
interleaved, nothing asserted.
"""
import argparse
import time

import numpy as np


def hard_sigmoid(x):
    from legacy_keras._k3 import ops

    return ops.clip(0.2 * x + 0.5, 0.0, 1.0)


def conv_models():
    from legacy_keras._k3 import keras
    from legacy_keras.layers import Convolution2D, Dense, Flatten, MaxPooling2D
    from legacy_keras.models import Sequential

    shim = Sequential()
    shim.add(Convolution2D(16, 3, 3, activation="relu", input_shape=(28, 28, 1),
                           dim_ordering="tf"))
    shim.add(MaxPooling2D(pool_size=(2, 2), dim_ordering="tf"))
    shim.add(Flatten())
    shim.add(Dense(10, activation="softmax"))
    native = keras.Sequential([
        keras.Input(shape=(28, 28, 1)),
        keras.layers.Conv2D(16, (3, 3), activation="relu"),
        keras.layers.MaxPooling2D((2, 2)),
        keras.layers.Flatten(),
        keras.layers.Dense(10, activation="softmax"),
    ])
    W, b, W2, b2 = shim.get_weights()
    native.set_weights([W[::-1, ::-1], b, W2, b2])  # Theano convolves: flip the kernel
    rng = np.random.RandomState(0)
    return shim, native, lambda n: rng.rand(n, 28, 28, 1).astype("float32")


def lstm_models():
    from legacy_keras._k3 import keras
    from legacy_keras.layers import LSTM, Dense
    from legacy_keras.models import Sequential

    shim = Sequential()
    shim.add(LSTM(64, input_shape=(20, 32)))
    shim.add(Dense(10, activation="softmax"))
    native = keras.Sequential([
        keras.Input(shape=(20, 32)),
        keras.layers.LSTM(64, recurrent_activation=hard_sigmoid),
        keras.layers.Dense(10, activation="softmax"),
    ])
    lstm = shim.layers[0]
    gates = "ifco"
    kernel = np.concatenate([lstm.get_weights()[3 * "icfo".index(g)] for g in gates], axis=1)
    recurrent = np.concatenate([lstm.get_weights()[3 * "icfo".index(g) + 1] for g in gates],
                               axis=1)
    bias = np.concatenate([lstm.get_weights()[3 * "icfo".index(g) + 2] for g in gates])
    native.set_weights([kernel, recurrent, bias] + shim.layers[1].get_weights())
    rng = np.random.RandomState(1)
    return shim, native, lambda n: rng.rand(n, 20, 32).astype("float32")


def best_times(functions, repeats):
    """{name: best wall clock} over ``repeats`` rounds, the functions taking turns within
    each round so that a slow spell of a shared machine hits both sides alike."""
    times = {name: [] for name in functions}
    for _ in range(repeats):
        for name, function in functions.items():
            start = time.perf_counter()
            function()
            times[name].append(time.perf_counter() - start)
    return {name: min(values) for name, values in times.items()}


def run(name, build, args):
    from legacy_keras._k3 import keras

    shim, native, data = build()
    shim.compile(optimizer="sgd", loss="categorical_crossentropy")
    native.compile(optimizer=keras.optimizers.SGD(learning_rate=0.01),
                   loss="categorical_crossentropy")
    x = data(args.samples)
    y = np.eye(10, dtype="float32")[np.random.RandomState(2).randint(0, 10, args.samples)]
    np.testing.assert_allclose(shim.predict(x[:64]), native.predict(x[:64], verbose=0),
                               rtol=1e-3, atol=1e-5)
    shim.fit(x[:256], y[:256], batch_size=args.batch_size, nb_epoch=1, verbose=0)
    native.fit(x[:256], y[:256], batch_size=args.batch_size, epochs=1, verbose=0)
    results = best_times({
        "fit shim": lambda: shim.fit(x, y, batch_size=args.batch_size,
                                     nb_epoch=args.epochs, verbose=0),
        "fit native": lambda: native.fit(x, y, batch_size=args.batch_size,
                                         epochs=args.epochs, verbose=0),
    }, args.repeats)
    results.update(best_times({
        "predict shim": lambda: shim.predict(x, batch_size=256),
        "predict native": lambda: native.predict(x, batch_size=256, verbose=0),
    }, args.repeats))
    for kind, work in (("fit", args.samples * args.epochs), ("predict", args.samples)):
        shim_rate = work / results[kind + " shim"]
        native_rate = work / results[kind + " native"]
        print("%-5s %-8s shim %10.0f samples/s   native %10.0f samples/s   ratio %.3f"
              % (name, kind, shim_rate, native_rate, shim_rate / native_rate))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=int, default=4096)
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--only", choices=["conv", "lstm"], default=None)
    args = parser.parse_args()
    if args.only in (None, "conv"):
        run("conv", conv_models, args)
    if args.only in (None, "lstm"):
        run("lstm", lstm_models, args)


if __name__ == "__main__":
    main()
