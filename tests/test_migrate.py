"""`legacy-keras check` and `legacy-keras migrate` on snippets.

Exact rewrites of representative Keras 1 snippets, formatting and comments preserved,
the check report (text and JSON), exit statuses, and migrated code that compiles and —
for a Dense MLP — runs on plain Keras 3 in a subprocess."""
import json
import os
import subprocess
import sys
import textwrap

import pytest

from legacy_keras import renames
from legacy_keras.cli import main
from legacy_keras.migrate import check_source, migrate_source


def migrated(source):
    return migrate_source(textwrap.dedent(source))[0]


def dedent(text):
    return textwrap.dedent(text)


# -- exact rewrites -----------------------------------------------------------------------

REWRITES = {
    "imports": (
        """\
        from keras.models import Sequential
        from keras.layers.core import Dense, Dropout
        from keras.layers.convolutional import Convolution2D, MaxPooling2D
        from keras.utils.np_utils import to_categorical
        from keras.utils.visualize_util import plot
        from keras.utils import np_utils
        """,
        """\
        from keras.models import Sequential
        from keras.layers import Dense, Dropout
        from keras.layers import Conv2D, MaxPooling2D
        from keras.utils import to_categorical
        from keras.utils import plot_model
        from keras import utils as np_utils
        """),
    "dense": (
        """\
        from keras.layers import Dense
        d = Dense(output_dim=64, input_dim=20, init='uniform', W_regularizer=r, bias=False)
        e = Dense(10, activation='softmax')
        """,
        """\
        from keras.layers import Dense
        d = Dense(units=64, input_shape=(20,), kernel_initializer='uniform', kernel_regularizer=r, use_bias=False)
        e = Dense(10, activation='softmax')
        """),
    "convolution2d": (
        """\
        from keras.layers import Convolution2D
        c = Convolution2D(32, 3, 3, border_mode='same', subsample=(2, 2), dim_ordering='th')
        d = Convolution2D(nb_filter=8, nb_row=5, nb_col=5, init='he_normal')
        """,
        """\
        from keras.layers import Conv2D
        c = Conv2D(32, (3, 3), padding='same', strides=(2, 2), data_format='channels_first')
        d = Conv2D(filters=8, kernel_size=(5, 5), kernel_initializer='he_normal')
        """),
    "max_pooling": (
        """\
        from keras.layers.pooling import MaxPooling2D, MaxPooling1D
        p = MaxPooling2D(pool_size=(2, 2), border_mode='valid', dim_ordering='tf')
        q = MaxPooling1D(pool_length=2, stride=1)
        """,
        """\
        from keras.layers import MaxPooling2D, MaxPooling1D
        p = MaxPooling2D(pool_size=(2, 2), padding='valid', data_format='channels_last')
        q = MaxPooling1D(pool_size=2, strides=1)
        """),
    "lstm_and_gru": (
        """\
        from keras.layers import LSTM, GRU
        l = LSTM(32, inner_activation='sigmoid', dropout_W=0.2, dropout_U=0.1, consume_less='gpu')
        g = GRU(16, return_sequences=True)
        """,
        """\
        from keras.layers import LSTM, GRU
        import keras


        def keras1_hard_sigmoid(x):
            \"\"\"Keras 1's hard_sigmoid, clip(0.2 * x + 0.5, 0, 1) (Keras 3's has slope 1/6).\"\"\"
            return keras.ops.clip(0.2 * x + 0.5, 0.0, 1.0)


        l = LSTM(32, recurrent_activation='sigmoid', dropout=0.2, recurrent_dropout=0.1)
        g = GRU(16, return_sequences=True, recurrent_activation=keras1_hard_sigmoid, reset_after=False)
        """),
    "embedding_and_batchnorm": (
        """\
        from keras.layers import Embedding, BatchNormalization
        e = Embedding(1000, 64, input_length=10, W_regularizer=r, mask_zero=True)
        b = BatchNormalization(mode=0, axis=1, beta_init='zero', gamma_init='one')
        """,
        # Every Embedding becomes Keras1Embedding: Keras 1's dense gradient (see
        # test_compare.py::test_embedding_gradients_reach_the_optimizer_dense).
        "from keras.layers import BatchNormalization\nimport keras\n"
        + renames.HELPERS["Keras1Embedding"]
        + "\n\ne = Keras1Embedding(1000, 64, input_shape=(10,), embeddings_regularizer=r, "
        "mask_zero=True)\n"
        "b = BatchNormalization(axis=1, beta_initializer='zero', gamma_initializer='one')\n"),
    "merge_and_model": (
        """\
        from keras.layers import Input, merge
        from keras.models import Model
        a = Input(shape=(4,))
        b = Input(shape=(4,))
        c = merge([a, b], mode='concat', concat_axis=-1)
        s = merge([a, b])
        model = Model(input=[a, b], output=[c, s])
        """,
        """\
        from keras.layers import Input
        from keras.models import Model
        import keras
        a = Input(shape=(4,))
        b = Input(shape=(4,))
        c = keras.layers.concatenate([a, b], axis=-1)
        s = keras.layers.add([a, b])
        model = Model(inputs=[a, b], outputs=[c, s])
        """),
    "fit_and_history": (
        """\
        from keras.models import Sequential
        model = Sequential()
        model.compile(loss='mse', optimizer='sgd', metrics=['acc'])
        history = model.fit(x, y, nb_epoch=5, batch_size=16)
        model.fit(x, y)
        print(history.history['acc'][-1], history.history["val_acc"])
        """,
        """\
        from keras.models import Sequential
        model = Sequential()
        model.compile(loss='mse', optimizer='sgd', metrics=['accuracy'])
        history = model.fit(x, y, epochs=5, batch_size=16)
        model.fit(x, y, epochs=10)
        print(history.history['accuracy'][-1], history.history["val_accuracy"])
        """),
    "fit_generator": (
        """\
        model.fit_generator(gen, samples_per_epoch=1000, nb_epoch=3, nb_worker=4,
                            validation_data=val, nb_val_samples=100)
        """,
        """\
        # TODO(legacy-keras): .fit_generator(samples_per_epoch=...) -> .fit(steps_per_epoch=...): Keras 3 counts batches: divide by the batch size
        # TODO(legacy-keras): .fit_generator(nb_val_samples=...) -> .fit(validation_steps=...): Keras 3 counts batches: divide by the batch size
        model.fit(gen, steps_per_epoch=1000, epochs=3,
                            validation_data=val, validation_steps=100)
        """),
    "weights": (
        """\
        for layer in model.layers:
            layer.W.set_value(layer.W.get_value(borrow=True) * 0.1)
            print(layer.b.get_value())
        """,
        """\
        for layer in model.layers:
            layer.kernel.assign(layer.kernel.numpy() * 0.1)
            print(layer.bias.numpy())
        """),
    "backend": (
        """\
        from keras import backend as K
        y = K.sum(K.square(x - K.mean(x, axis=-1, keepdims=True)), axis=1)
        z = K.concatenate([a, b])
        loss = K.categorical_crossentropy(y_pred, y_true)
        if K.image_dim_ordering() == 'th':
            K.set_image_dim_ordering('tf')
        """,
        """\
        import keras
        y = keras.ops.sum(keras.ops.square(x - keras.ops.mean(x, axis=-1, keepdims=True)), axis=1)
        z = keras.ops.concatenate([a, b], -1)
        loss = keras.ops.categorical_crossentropy(y_true, y_pred)
        if keras.config.image_data_format() == 'channels_first':
            keras.config.set_image_data_format('channels_last')
        """),
    "optimizers": (
        """\
        from keras.optimizers import Adam, SGD
        opt = Adam()
        sgd = SGD(lr=0.1, decay=1e-6, momentum=0.9, nesterov=True)
        model.compile(optimizer='adadelta', loss='mse')
        """,
        """\
        from keras.optimizers import Adam, SGD
        import keras
        opt = Adam(learning_rate=0.001, epsilon=1e-8)
        sgd = SGD(learning_rate=keras.optimizers.schedules.InverseTimeDecay(0.1, decay_steps=1, decay_rate=1e-6), momentum=0.9, nesterov=True)
        model.compile(optimizer=keras.optimizers.Adadelta(learning_rate=1.0, epsilon=1e-8), loss='mse')
        """),
    "debugprint": (
        """\
        import theano
        theano.printing.debugprint(layer.output)
        """,
        """\
        # TODO(legacy-keras): theano.printing.debugprint -> no Keras 3 equivalent: Keras 3 has no symbolic graph to print: use model.summary() or keras.utils.plot_model(model)
        # theano.printing.debugprint(layer.output)
        pass
        """),
}


@pytest.mark.parametrize("name", sorted(REWRITES))
def test_exact_rewrites(name):
    keras1, keras3 = REWRITES[name]
    assert migrated(keras1) == dedent(keras3)


def test_positional_conv_arguments_never_become_strides():
    code = migrated("from keras.layers import Convolution2D, Conv2D\n"
                    "a = Convolution2D(32, 3, 3)\nb = Conv2D(64, 5, 5, border_mode='same')\n"
                    "c = Conv2D(16, (3, 3), padding='same')\n")
    assert "a = Conv2D(32, (3, 3))" in code
    assert "b = Conv2D(64, (5, 5), padding='same')" in code
    assert "c = Conv2D(16, (3, 3), padding='same')" in code  # Keras 3 already: untouched


def test_comments_and_formatting_are_preserved():
    source = dedent("""\
        # A model.
        from keras.layers.core import Dense  # the layer


        model.add(Dense(output_dim=10,   # ten units
                        init = 'zero'))  # odd spacing kept
        """)
    assert migrated(source) == dedent("""\
        # A model.
        from keras.layers import Dense  # the layer


        model.add(Dense(units=10,   # ten units
                        kernel_initializer = 'zero'))  # odd spacing kept
        """)


def test_manual_arguments_keep_their_code_and_get_a_todo():
    code = migrated("from keras.layers import Convolution2D\n"
                    "c = Convolution2D(8, 3, 3, border_mode='full')\n")
    assert code == ("from keras.layers import Conv2D\n"
                    "# TODO(legacy-keras): Convolution2D(border_mode=...) -> no Keras 3 "
                    "equivalent: border_mode='full' has no Keras 3 equivalent\n"
                    "c = Conv2D(8, (3, 3), border_mode='full')\n")


def test_migration_is_idempotent_and_leaves_only_todos():
    keras1 = "".join(dedent(source) for source, _ in REWRITES.values())
    once = migrate_source(keras1)[0]
    assert migrate_source(once)[0] == once
    left = check_source(once)
    assert left and all(usage.kind == "todo" and not usage.automatic for usage in left)


@pytest.mark.parametrize("name", sorted(REWRITES))
def test_migrated_snippets_compile(name):
    compile(migrated(REWRITES[name][0]), name, "exec")


# -- the check report ---------------------------------------------------------------------

SNIPPET = """\
from keras.layers.core import Dense
import theano
model.add(Dense(output_dim=3, init='zero'))
theano.printing.debugprint(model.output)
"""


def test_check_report_text_and_json(tmp_path, capsys, monkeypatch):
    script = tmp_path / "snippet.py"
    script.write_text(SNIPPET)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "snippet.py"]) == 1
    text = capsys.readouterr().out
    assert text == EXPECTED_TEXT_REPORT
    assert main(["check", "--json", "snippet.py"]) == 1
    document = json.loads(capsys.readouterr().out)
    assert document["summary"] == {"files": 1, "usages": 5, "automatic": 4, "manual": 1,
                                   "errors": 0}
    assert document["files"][0]["usages"][0] == {
        "line": 1, "column": 30, "kind": "import",
        "keras1": "from keras.layers.core import Dense",
        "keras3": "from keras.layers import Dense", "automatic": True, "note": ""}
    assert document["files"][0]["usages"][-1]["automatic"] is False


EXPECTED_TEXT_REPORT = """\
legacy-keras check: Keras 1.2.2 / Theano -> Keras 3
--------------------------------------------------------------------------------
Checked 1 file
Found 5 Keras 1 / Theano usages: 4 automatic, 1 manual
Manual work remains in 1 file: `legacy-keras migrate` rewrites the automatic ones and \
marks the others with TODO(legacy-keras) comments
--------------------------------------------------------------------------------
================================================================================
Detailed log follows:

================================================================================
--------------------------------------------------------------------------------
Processing file 'snippet.py'
--------------------------------------------------------------------------------
snippet.py:1:30: automatic: import: from keras.layers.core import Dense -> from keras.layers import Dense
snippet.py:2:7: automatic: import: import theano -> (removed)  [Keras 3 needs no Theano; its uses are rewritten or marked TODO]
snippet.py:3:16: automatic: argument: Dense(output_dim=...) -> Dense(units=...)
snippet.py:3:30: automatic: argument: Dense(init=...) -> Dense(kernel_initializer=...)  [initializer of the main weight W]
snippet.py:4:0: MANUAL: theano: theano.printing.debugprint -> (no Keras 3 equivalent)  \
[Keras 3 has no symbolic graph to print: use model.summary() or keras.utils.plot_model(model); \
migrate keeps the call as a comment]

"""


def test_exit_statuses(tmp_path, capsys):
    clean = tmp_path / "clean.py"
    clean.write_text("import keras\nmodel = keras.Sequential()\n")
    automatic_only = tmp_path / "automatic.py"
    automatic_only.write_text("from keras.layers.core import Dense\n")
    python2 = tmp_path / "python2.py"
    python2.write_text("print 'hello'\n")
    broken = tmp_path / "broken.py"
    broken.write_text("print 'hello'\nx = (\n")
    assert main(["check", str(clean)]) == 0
    assert "Nothing manual left" in capsys.readouterr().out
    assert main(["check", str(automatic_only)]) == 0
    assert main(["check", str(python2)]) == 0  # Python 2 is translated first
    assert main(["check", str(broken)]) == 2
    assert "neither Python 3 nor Python 2" in capsys.readouterr().out
    assert main(["migrate", str(automatic_only), "--in-place"]) == 0
    assert automatic_only.read_text() == "from keras.layers import Dense\n"
    script = tmp_path / "s.py"
    script.write_text(SNIPPET)
    out = tmp_path / "out.py"
    assert main(["migrate", str(script), "-o", str(out)]) == 1
    assert main(["check", str(out)]) == 1  # the debugprint TODO stays listed
    capsys.readouterr()
    assert main(["migrate", str(script), "--diff"]) == 1
    diff = capsys.readouterr().out
    assert diff.startswith("--- a/") and "-from keras.layers.core import Dense" in diff
    assert script.read_text() == SNIPPET


# -- migrated code on plain Keras 3 -------------------------------------------------------

MLP = """\
from __future__ import print_function
import numpy as np
np.random.seed(1337)

from keras.models import Sequential
from keras.layers.core import Dense, Dropout, Activation
from keras.optimizers import Adam
from keras.utils import np_utils

X = np.random.random((64, 8)).astype('float32')
y = np_utils.to_categorical(np.random.randint(0, 3, 64), nb_classes=3)

model = Sequential()
model.add(Dense(output_dim=16, input_dim=8, init='glorot_uniform'))
model.add(Activation('relu'))
model.add(Dropout(p=0.1))
model.add(Dense(3, activation='softmax'))
model.compile(loss='categorical_crossentropy', optimizer=Adam(lr=0.01), metrics=['accuracy'])
history = model.fit(X, y, batch_size=16, nb_epoch=2, verbose=0)
for layer in model.layers[:1]:
    layer.W.set_value(layer.W.get_value() * 0.5)
print('EPOCHS', len(history.history['acc']))
print('PREDICT', model.predict(X[:4]).shape)
"""


def test_migrated_mlp_runs_on_plain_keras3():
    code = migrated(MLP)
    assert "legacy_keras" not in code and "theano" not in code
    assert check_source(code) == []
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", KERAS_BACKEND="tensorflow")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=env, cwd=os.path.dirname(os.path.abspath(__file__)))
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[-3:] == ["EPOCHS 2", "PREDICT (4, 3)", ""]


KERAS3_NAMES_CHECK = """\
import sys, keras
missing = []
def resolve(dotted):
    obj = keras
    for part in dotted.split('.')[1:]:
        obj = getattr(obj, part, None)
        if obj is None:
            missing.append(dotted)
            return
for name in sys.argv[1:]:
    resolve(name)
print(missing)
"""


def keras3_names_in_the_table():
    names = {"keras.layers." + keras3 for keras3, _ in renames.LAYERS.values() if keras3}
    names |= {"keras.optimizers." + entry[0] for entry in renames.OPTIMIZERS.values()
              if entry[0] not in renames.HELPERS}  # helpers: defined in the script
    names |= {r.keras3 for r in renames.NAMES + renames.MODULES if r.keras3}
    for function in renames.BACKEND_FUNCTIONS + renames.THEANO:
        if function.keras3:
            names.add(function.keras3.split("(")[0])
    return sorted(name for name in names if name.startswith("keras."))


def test_every_keras3_name_in_the_table_exists():
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", KERAS_BACKEND="tensorflow")
    result = subprocess.run([sys.executable, "-c", KERAS3_NAMES_CHECK]
                            + keras3_names_in_the_table(), capture_output=True, text=True,
                            env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_rmsprop_and_adagrad_become_keras1_exact_optimizers():
    """Keras 3's RMSprop and Adagrad put epsilon inside the square root (and Adagrad
    starts its accumulator at 0.1): the migrated script defines Keras 1's rules."""
    code = migrated("""\
        from keras.optimizers import RMSprop
        opt = RMSprop(lr=0.01)
        model.compile(optimizer='adagrad', loss='mse')
        """)
    assert "opt = Keras1RMSprop(learning_rate=0.01)" in code
    assert "optimizer=Keras1Adagrad()" in code
    assert "class Keras1RMSprop(keras.optimizers.Optimizer):" in code
    assert "class Keras1Adagrad(keras.optimizers.Optimizer):" in code
    assert "from keras.optimizers import RMSprop" not in code  # no longer used
    compile(code, "migrated", "exec")


def test_k_function_with_learning_phase_becomes_a_sub_model():
    code = migrated("""\
        from keras import backend as K
        f = K.function([model.layers[0].input, K.learning_phase()], [model.layers[2].output])
        out = f([X, 0])[0]
        """)
    assert ("f = keras1_function([model.layers[0].input, KERAS1_LEARNING_PHASE], "
            "[model.layers[2].output])") in code
    assert "def keras1_function(inputs, outputs):" in code
    assert code.index("KERAS1_LEARNING_PHASE = ") < code.index("def keras1_function")
    assert "from keras import backend" not in code
    compile(code, "migrated", "exec")


def test_th_sequential_runs_channels_last_between_permutes():
    code = migrated("""\
        from keras.models import Sequential
        from keras.layers import Convolution2D, Activation, Flatten, Dense
        model = Sequential()
        model.add(Convolution2D(4, 3, 3, dim_ordering='th', input_shape=(1, 8, 8)))
        model.add(Activation('relu'))
        model.add(Flatten())
        model.add(Dense(2))
        """)
    lines = [line for line in code.splitlines() if line.startswith("model.add")]
    assert lines == ["model.add(keras.layers.Permute((2, 3, 1), input_shape=(1, 8, 8)))",
                     "model.add(Conv2D(4, (3, 3)))",
                     "model.add(Activation('relu'))",
                     "model.add(keras.layers.Permute((3, 1, 2)))",
                     "model.add(Flatten())",
                     "model.add(Dense(2))"]
