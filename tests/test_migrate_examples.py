"""`legacy-keras migrate` on Keras 1.2.2's own example programs.

tests/fixtures/keras1_examples/ holds small, faithful reproductions of the patterns of
Keras 1.2.2's examples/ folder (which the offline sdist does not ship): the same calls,
tiny synthetic data, one epoch. For each one:

(a) it runs under legacy_keras (``legacy_keras.install()``, as ``legacy-keras run``);
(b) ``legacy-keras migrate -o`` turns it into a script (plus the helper modules migrate
    writes next to it) that runs on plain Keras 3 — no legacy_keras import, no
    activation — unless the migration leaves a TODO on purpose;
(c) ``legacy-keras check`` on the migrated script finds exactly the expected TODOs: none
    for most, and for the few that need a decision, TODOs that name it.

All scripts of one side run in one subprocess (TensorFlow is imported once); each in
its own working directory. ``keras.datasets`` read synthetic files from a temporary
``KERAS_HOME``: mnist.npz, imdb.npz and reuters.npz in Keras 3's layout, which
legacy_keras' loaders read too (legacy_keras/datasets/_files.py). Keras 3's loaders
check the downloaded files' SHA-256 against the real datasets', which no synthetic file
can match: the Keras 3 runner answers that check for files inside the temporary
KERAS_HOME only (it stands in for the download, not for anything migrate wrote).

Run this file as a script to run scripts the same way:
``python tests/test_migrate_examples.py legacy|keras3 RESULTS.json SCRIPT...``.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
import time
import traceback

import numpy as np
import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "fixtures", "keras1_examples")
EXAMPLES = sorted(name for name in os.listdir(FIXTURES) if name.endswith(".py"))

#: The TODOs each migration leaves on purpose (the first words of each TODO's Keras 1
#: spelling); a script with TODOs is not run on Keras 3: its TODO names what to decide.
EXPECTED_TODOS = {
    "conv_filter_visualization.py": ["K.gradients"],
    "mnist_swwae.py": ["K.gradients"],
    "variational_autoencoder_deconv.py": ["loss=vae_loss"],
}


# -- the runner (in the subprocess) ---------------------------------------------------------

def _answer_hash_checks_inside(folder):
    """Keras 3's get_file accepts files under ``folder`` whatever their hash."""
    from keras.src.utils import file_utils

    validate = file_utils.validate_file

    def validate_file(fpath, file_hash, algorithm="auto", chunk_size=65535):
        if os.path.abspath(fpath).startswith(os.path.abspath(folder) + os.sep):
            return True
        return validate(fpath, file_hash, algorithm, chunk_size)

    file_utils.validate_file = validate_file


def run_scripts(side, results_path, scripts):
    """Runs each script as ``__main__`` in its own folder; writes {name: error or None}."""
    import runpy

    if side == "legacy":
        import legacy_keras

        legacy_keras.install()
    else:
        _answer_hash_checks_inside(os.environ["KERAS_HOME"])
    results = {}
    for script in scripts:
        folder = os.path.dirname(os.path.abspath(script))
        os.chdir(folder)
        sys.path.insert(0, folder)
        sys.argv = [script]
        print("==== running %s (%s)" % (os.path.basename(script), side), flush=True)
        start = time.time()
        try:
            runpy.run_path(script, run_name="__main__")
            if side == "keras3" and "legacy_keras" in sys.modules:
                raise AssertionError("the migrated script imported legacy_keras")
            results[os.path.basename(script)] = None
        except BaseException:  # noqa: B902 — every failure is reported
            results[os.path.basename(script)] = traceback.format_exc()[-3000:]
        finally:
            sys.path.remove(folder)
        print("==== %s took %.1f s" % (os.path.basename(script), time.time() - start),
              flush=True)
    with open(results_path, "w") as f:
        json.dump(results, f)


# -- synthetic datasets ---------------------------------------------------------------------

def _object_array(rows):
    array = np.empty(len(rows), dtype=object)
    for i, row in enumerate(rows):
        array[i] = row
    return array


def write_datasets(keras_home):
    """mnist.npz, imdb.npz and reuters.npz in Keras 3's layout, small and random."""
    folder = os.path.join(keras_home, "datasets")
    os.makedirs(folder, exist_ok=True)
    rng = np.random.RandomState(0)
    np.savez(os.path.join(folder, "mnist.npz"),
             x_train=rng.randint(0, 256, (64, 28, 28)).astype("uint8"),
             y_train=np.arange(64) % 10,
             x_test=rng.randint(0, 256, (32, 28, 28)).astype("uint8"),
             y_test=np.arange(32) % 10)

    def reviews(count, top_word):
        return _object_array([[int(w) for w in rng.randint(1, top_word, rng.randint(5, 30))]
                              for _ in range(count)])

    np.savez(os.path.join(folder, "imdb.npz"), x_train=reviews(48, 90),
             y_train=np.arange(48) % 2, x_test=reviews(24, 90), y_test=np.arange(24) % 2)
    np.savez(os.path.join(folder, "reuters.npz"), x=reviews(60, 120), y=np.arange(60) % 4)


# -- extra scripts run on both sides ---------------------------------------------------------

#: Deconvolution2D's output_shape ('valid' and 'same', odd and even kernels): the model's
#: output shapes are Keras 1's under legacy_keras and, migrated, under Keras 3.
DECONVOLUTION_SHAPES = """\
from keras.layers import Input, Deconvolution2D
from keras.models import Model
import numpy as np

x = Input(shape=(7, 7, 4))
a = Deconvolution2D(2, 3, 3, (None, 15, 15, 2), border_mode='valid', subsample=(2, 2))(x)
b = Deconvolution2D(3, 3, 3, output_shape=(None, 14, 14, 3), border_mode='same',
                    subsample=(2, 2))(x)
c = Deconvolution2D(1, 2, 2, (None, 14, 14, 1), border_mode='valid', subsample=(2, 2))(x)
model = Model(x, [a, b, c])
shapes = [tuple(out.shape) for out in model.predict(np.ones((2, 7, 7, 4)))]
assert shapes == [(2, 15, 15, 2), (2, 14, 14, 3), (2, 14, 14, 1)], shapes
print('deconvolution shapes', shapes)
"""
EXTRA_SCRIPTS = {"deconvolution_shapes.py": DECONVOLUTION_SHAPES}


# -- the tests ------------------------------------------------------------------------------

def _run_side(side, scripts, workdir, env):
    results = os.path.join(workdir, side + "_results.json")
    process = subprocess.run([sys.executable, os.path.abspath(__file__), side, results]
                             + scripts, capture_output=True, text=True, env=env,
                             cwd=workdir, timeout=600)
    with open(os.path.join(workdir, side + ".out"), "w") as f:
        f.write(process.stdout + process.stderr)
    if not os.path.exists(results):
        raise AssertionError("the %s runner died:\n%s" % (side, process.stderr[-3000:]))
    with open(results) as f:
        return json.load(f)


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """Migrates every fixture (`legacy-keras migrate -o`), then runs the originals under
    legacy_keras and the migrations without TODOs on plain Keras 3."""
    from legacy_keras.cli import main

    workdir = tmp_path_factory.mktemp("keras1_examples")
    keras_home = workdir / "keras_home"
    write_datasets(str(keras_home))
    env = dict(os.environ, KERAS_HOME=str(keras_home), HOME=str(workdir),
               TF_CPP_MIN_LOG_LEVEL="2", KERAS_BACKEND="tensorflow")
    legacy_scripts, migrated_scripts, migrated, statuses = [], [], {}, {}
    for name in EXAMPLES + sorted(EXTRA_SCRIPTS):
        base = name[:-3]
        for side in ("legacy", "keras3"):
            (workdir / side / base).mkdir(parents=True)
        original = workdir / "legacy" / base / name
        if name in EXTRA_SCRIPTS:
            original.write_text(EXTRA_SCRIPTS[name])
        else:
            shutil.copy(os.path.join(FIXTURES, name), original)
        legacy_scripts.append(str(original))
        target = workdir / "keras3" / base / name
        statuses[name] = main(["migrate", str(original), "-o", str(target)])
        migrated[name] = target
        if name not in EXPECTED_TODOS:
            migrated_scripts.append(str(target))
    return {"legacy": _run_side("legacy", legacy_scripts, str(workdir), env),
            "keras3": _run_side("keras3", migrated_scripts, str(workdir), env),
            "migrated": migrated, "statuses": statuses}


@pytest.mark.parametrize("example", EXAMPLES + sorted(EXTRA_SCRIPTS))
def test_the_example_runs_under_legacy_keras(example, runs):
    assert runs["legacy"][example] is None, runs["legacy"][example]


@pytest.mark.parametrize("example", EXAMPLES + sorted(EXTRA_SCRIPTS))
def test_the_migrated_example_runs_on_plain_keras3_or_names_its_decision(example, runs):
    migrated = runs["migrated"][example].read_text()
    imports = re.findall(r"^\s*(?:import|from)\s+(\w+)", migrated, re.M)
    assert "legacy_keras" not in imports and "theano" not in imports
    if example in EXPECTED_TODOS:
        assert runs["statuses"][example] == 1
        assert "TODO(legacy-keras)" in migrated
        return
    assert runs["statuses"][example] == 0
    assert runs["keras3"][example] is None, runs["keras3"][example]


@pytest.mark.parametrize("example", EXAMPLES)
def test_check_finds_only_the_expected_todos_after_migration(example, runs):
    from legacy_keras.migrate.checker import check_source
    from legacy_keras.migrate.usages import todo_text

    migrated = runs["migrated"][example].read_text()
    manual = [u for u in check_source(migrated) if not u.automatic]
    assert sorted(u.keras1.split(" ->")[0] for u in manual) == EXPECTED_TODOS.get(example, [])
    for usage in manual:  # code left as written carries its TODO, which names the decision
        if usage.kind != "todo":
            assert todo_text(usage.keras1, usage.keras3, usage.note) in migrated
            assert "decide" in usage.note


def test_the_augmented_cifar10_training_compares_equal(tmp_path):
    """`legacy-keras compare` on cifar10_cnn.py: ImageDataGenerator's shifts and flips
    (keras1_image.py, written next to the migration), the flow wrapped in keras1_batches
    and steps_per_epoch from samples_per_epoch train exactly as Keras 1 did."""
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="2")
    result = subprocess.run([sys.executable, "-m", "legacy_keras", "compare",
                             os.path.join(FIXTURES, "cifar10_cnn.py"), "--keep",
                             str(tmp_path)], capture_output=True, text=True, cwd=tmp_path,
                            env=env, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    assert "history (model 0)" in result.stdout and ", 0 differ" in result.stdout
    assert (tmp_path / "keras1_image.py").exists()

# -- each rewrite, exactly ------------------------------------------------------------------

def _migrated(source):
    from legacy_keras.migrate import migrate_source

    code, usages = migrate_source(textwrap.dedent(source))
    return code, [u for u in usages if not u.automatic]


def _body(code):
    """The migrated code without the helper definitions migrate inserts."""
    from legacy_keras import renames

    for definition in renames.HELPERS.values():
        code = code.replace(definition.strip("\n") + "\n", "")
    return re.sub(r"\n{3,}", "\n\n", code)


def test_dataset_arguments():
    code, manual = _migrated("""\
        from keras.datasets import imdb, reuters
        (a, b), (c, d) = imdb.load_data(nb_words=100, skip_top=2, maxlen=50, seed=3)
        (a, b), (c, d) = reuters.load_data(path='reuters.pkl', nb_words=100, test_split=0.1)
        """)
    assert "imdb.load_data(num_words=100, skip_top=2, maxlen=50, seed=3)" in code
    assert "reuters.load_data(path='reuters.pkl', num_words=100, test_split=0.1)" in code
    assert [u.keras1 for u in manual] == ["keras.datasets.reuters.load_data(path=...)"]
    assert "Keras 3 reads a .npz" in manual[0].note


def test_engine_helpers_are_defined_in_the_script():
    code, manual = _migrated("""\
        from keras.engine.training import slice_X, make_batches
        a = slice_X([x, y], 0, 5)
        """)
    assert not manual and not re.search(r"^(from|import) keras\.", code, re.M)
    namespace = {}
    exec(code.replace("a = slice_X([x, y], 0, 5)", ""), namespace)
    x = np.arange(10)
    assert [list(v) for v in namespace["slice_X"]([x, x * 2], 2, 4)] == [[2, 3], [4, 6]]
    assert list(namespace["slice_X"](x, np.array([1, 3]))) == [1, 3]
    assert namespace["make_batches"](5, 2) == [(0, 2), (2, 4), (4, 5)]


def test_preprocessing_text_and_image_become_helper_modules(tmp_path):
    from legacy_keras.migrate import helper_modules

    code, manual = _migrated("""\
        from keras.preprocessing import text, sequence
        from keras.preprocessing.text import Tokenizer, one_hot, base_filter
        from keras.preprocessing.image import ImageDataGenerator, img_to_array
        """)
    assert not manual
    assert code == textwrap.dedent("""\
        import keras1_text as text
        from keras.preprocessing import sequence
        from keras1_text import Tokenizer, one_hot, base_filter
        from keras1_image import ImageDataGenerator, img_to_array
        """)
    paths = helper_modules.write_helper_modules(code, str(tmp_path))
    assert [os.path.basename(p) for p in paths] == ["keras1_image.py", "keras1_text.py"]
    for path in paths:
        with open(path) as f:
            source = f.read()
        assert not re.search(r"^\s*(from|import)\s+legacy_keras", source, re.M)
        compile(source, path, "exec")


def test_helper_modules_spelled_in_full():
    code, manual = _migrated("""\
        import keras.preprocessing.text
        import numpy as np
        t = keras.preprocessing.text.Tokenizer(5)
        """)
    assert not manual
    assert code == "import numpy as np\nimport keras1_text\nt = keras1_text.Tokenizer(5)\n"


def test_migrate_writes_helper_modules_only_next_to_a_written_script(tmp_path, capsys):
    from legacy_keras.cli import main

    script = tmp_path / "s.py"
    script.write_text("from keras.preprocessing.text import Tokenizer\nt = Tokenizer(10)\n")
    assert main(["migrate", str(script)]) == 0
    captured = capsys.readouterr()
    assert captured.out == "from keras1_text import Tokenizer\nt = Tokenizer(10)\n"
    assert "imports keras1_text: run with -o or --in-place" in captured.err
    assert not (tmp_path / "keras1_text.py").exists()
    (tmp_path / "out").mkdir()
    assert main(["migrate", str(script), "-o", str(tmp_path / "out" / "s.py")]) == 0
    assert (tmp_path / "out" / "keras1_text.py").exists()
    assert main(["migrate", str(script), "--in-place"]) == 0
    assert (tmp_path / "keras1_text.py").exists()


def test_batch_input_shape_starts_the_sequential_with_an_input():
    code, manual = _migrated("""\
        from keras.models import Sequential
        from keras.layers import LSTM
        model = Sequential()
        # stateful
        model.add(LSTM(8, batch_input_shape=(25, 1, 1), stateful=True))
        """)
    assert not manual
    assert ("# stateful\nmodel.add(keras.Input(batch_shape=(25, 1, 1)))\n"
            "model.add(LSTM(8, stateful=True, recurrent_activation=keras1_hard_sigmoid))"
            in code)


def test_embedding_positional_and_input_length():
    code, manual = _migrated("""\
        from keras.layers import Embedding
        e = Embedding(1000, 64, input_length=10, mask_zero=True)
        """)
    assert not manual
    assert "e = Keras1Embedding(1000, 64, input_shape=(10,), mask_zero=True)" in code


def test_initializations_become_keras3_initializers():
    code, manual = _migrated("""\
        from keras.layers import SimpleRNN
        from keras.initializations import normal, identity
        from keras import backend as K
        import numpy as np
        r = SimpleRNN(8, init=lambda shape, name: normal(shape, scale=0.001, name=name),
                      inner_init=lambda shape, name: identity(shape, scale=1.0, name=name))
        def my_init(shape, name=None):
            return K.variable(np.ones(shape) * 0.1, name=name)
        """)
    assert not manual
    assert "kernel_initializer=keras.initializers.RandomNormal(stddev=0.001)" in code
    assert "recurrent_initializer=keras.initializers.Identity(1.0)" in code
    assert "import normal" not in code
    assert "def my_init(shape, name=None, dtype=None):" in code


def test_gradient_todos_name_the_decision():
    _, manual = _migrated("""\
        from keras import backend as K
        from keras.layers import Lambda
        def getwhere(x):
            return K.gradients(K.sum(x[1]), x[0])
        w = Lambda(getwhere)
        grads = K.gradients(loss, x)
        hessian = K.gradients(K.sum(grads[0]), x)
        """)
    notes = [u.note for u in manual]
    assert notes[0].startswith("a gradient inside the model (getwhere, given to a Lambda")
    assert notes[1].startswith("Keras 3 has no symbolic gradients: decide where")
    assert notes[2].startswith("a gradient of a gradient (of grads)")


def test_a_loss_reading_model_tensors_is_a_todo():
    code, manual = _migrated("""\
        from keras.layers import Input, Dense
        from keras.models import Model
        x = Input(shape=(4,))
        z_mean = Dense(2)(x)
        def vae_loss(y_true, y_pred):
            return y_pred + z_mean
        vae = Model(x, z_mean)
        vae.compile(optimizer='sgd', loss=vae_loss)
        """)
    assert [u.keras1 for u in manual] == ["loss=vae_loss"]
    assert "reads the model's tensors z_mean" in manual[0].note
    assert "# TODO(legacy-keras): loss=vae_loss -> no Keras 3 equivalent" in code


def test_deconvolution2d_keeps_keras1s_output_shape():
    code, manual = _migrated("""\
        from keras.layers import Deconvolution2D
        d = Deconvolution2D(2, 3, 3, (None, 2, 15, 15), subsample=(2, 2), dim_ordering='th')
        """)
    assert not manual
    assert ("d = Keras1Conv2DTranspose(2, (3, 3), output_shape=(None, 2, 15, 15), "
            "strides=(2, 2), data_format='channels_first')" in code)


def test_model_methods_keras3_removed_become_helpers():
    code, manual = _migrated("""\
        from keras.models import Sequential
        model = Sequential()
        classes = model.predict_classes(x, verbose=0)
        model.reset_states()
        model.layers[0].reset_states()
        """)
    assert not manual
    assert "classes = keras1_predict_classes(model, x, verbose=0)" in code
    assert "keras1_reset_states(model)\nmodel.layers[0].reset_states()" in code


def test_fit_generator_on_a_flow_counts_batches():
    code, manual = _migrated("""\
        model.fit_generator(datagen.flow(X, Y, batch_size=16), samples_per_epoch=len(X),
                            nb_epoch=2)
        model.fit_generator(my_generator(), samples_per_epoch=100, nb_epoch=2)
        """)
    assert ("model.fit(keras1_batches(datagen.flow(X, Y, batch_size=16)), "
            "steps_per_epoch=(len(X) + 16 - 1) // 16,") in code
    assert [u.keras1 for u in manual] == [".fit_generator(samples_per_epoch=...)"]


def test_numpy_sizes_become_python_ints_and_layer_class_aliases_are_layers():
    code, manual = _migrated("""\
        import numpy as np
        from keras.layers import Dense, recurrent
        nb_classes = np.max(y) + 1
        RNN = recurrent.GRU
        d = Dense(nb_classes)
        r = RNN(8, inner_activation='sigmoid')
        """)
    assert not manual
    assert "from keras.layers import Dense\nfrom keras import layers as recurrent" in code
    assert "d = Dense(int(nb_classes))" in code
    assert "r = RNN(8, recurrent_activation='sigmoid', reset_after=False)" in code


def test_a_sequential_starting_with_merge_becomes_a_merged_sequential():
    code, manual = _migrated("""\
        from keras.models import Sequential
        from keras.layers import Dense, Merge
        a = Sequential()
        a.add(Dense(4, input_dim=3))
        model = Sequential()
        model.add(Merge([a, b], mode='concat', concat_axis=-1))
        model.add(Dense(2))
        other = Sequential()
        other.add(Dense(4, input_dim=3))
        other.add(Merge([a, b], mode='sum'))
        nested = Sequential()
        nested.add(Merge([model, c], mode='sum'))
        """)
    assert ("model = Keras1MergedSequential([a, b], keras.layers.Concatenate(axis=-1))\n"
            "model.add(Dense(2))") in code
    # not first, or a branch that is itself merged: the functional API, by hand
    assert [u.keras1 for u in manual] == ["Merge", "Merge"]
    assert "class Keras1MergedSequential(keras.Model):" in code


def test_calling_a_layer_keeps_the_call():
    code, _ = _migrated("""\
        from keras.layers import Embedding, Input
        x = Input(shape=(3,))
        y = Embedding(10, 4, input_length=3)(x)
        """)
    assert "y = Keras1Embedding(10, 4, input_shape=(3,))(x)" in code


if __name__ == "__main__":
    run_scripts(sys.argv[1], sys.argv[2], sys.argv[3:])
