"""Startup: ``legacy-keras run`` of an empty script next to ``python -c "import keras"``
(Keras 3 on TensorFlow), each a fresh interpreter, interleaved (target: ratio <= 1.3).

    python benchmarks/bench_startup.py [--repeats 5]

Also times a Keras 1 script that only does ``import keras`` / ``import theano`` under
``legacy-keras run`` (what a user's program pays before its first line of work), and
``import legacy_keras`` alone (which loads neither TensorFlow nor PyTensor). Prints the
median wall time of each and the ratios against ``import keras``; nothing here is
asserted by tests.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time


def wall_time(command, env):
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3")
    with tempfile.TemporaryDirectory() as folder:
        empty = os.path.join(folder, "empty.py")
        imports = os.path.join(folder, "imports_keras1.py")
        with open(empty, "w") as f:
            f.write("")
        with open(imports, "w") as f:
            f.write("import keras\nimport theano\nfrom keras.models import Sequential\n")
        commands = {
            'python -c "import keras" (Keras 3)': [sys.executable, "-c", "import keras"],
            "legacy-keras run empty.py": [sys.executable, "-m", "legacy_keras", "run", empty],
            "legacy-keras run (import keras, theano)": [sys.executable, "-m", "legacy_keras",
                                                        "run", imports],
            'python -c "import legacy_keras"': [sys.executable, "-c", "import legacy_keras"],
        }
        times = {name: [] for name in commands}
        for name, command in commands.items():
            wall_time(command, env)  # warm the file cache
        for _ in range(args.repeats):
            for name, command in commands.items():
                times[name].append(wall_time(command, env))
    baseline = statistics.median(next(iter(times.values())))
    for name, values in times.items():
        median = statistics.median(values)
        print("%-42s %6.2f s   ratio %.2f" % (name, median, median / baseline))


if __name__ == "__main__":
    main()
