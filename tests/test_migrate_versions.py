"""`legacy-keras migrate` / `check` / `compare` honour the Keras 1 release a script was
written for (--keras-version, $LEGACY_KERAS_VERSION or a keras==X pin next to it, as
`legacy-keras run`): Keras 1.0.x's layers defaulted to dim_ordering='th'."""
import subprocess
import sys
import textwrap

from legacy_keras.cli import main
from legacy_keras.migrate import migrate_source

CONVNET = textwrap.dedent("""\
    import numpy as np
    np.random.seed(7)
    from keras.models import Sequential
    from keras.layers import Convolution2D, MaxPooling2D, Flatten, Dense

    X = np.random.uniform(0, 1, (8, 1, 6, 6)).astype('float32')
    y = np.random.uniform(0, 1, (8, 2)).astype('float32')
    model = Sequential()
    model.add(Convolution2D(3, 3, 3, input_shape=(1, 6, 6), activation='relu'))
    model.add(MaxPooling2D((2, 2)))
    model.add(Flatten())
    model.add(Dense(2))
    model.compile(loss='mse', optimizer='sgd')
    model.fit(X, y, batch_size=4, nb_epoch=2, verbose=0)
    print(model.predict(X[:2]))
    """)

CONVNET_AT_1_0_1 = """\
model = Sequential()
# Keras 1 'th' (channels-first) data -> channels_last layers
model.add(keras.layers.Permute((2, 3, 1), input_shape=(1, 6, 6)))
model.add(Conv2D(3, (3, 3), activation='relu'))
model.add(MaxPooling2D((2, 2)))
# back to channels first, as Keras 1 'th' layers ordered the features
model.add(keras.layers.Permute((3, 1, 2)))
model.add(Flatten())
"""


def test_a_keras_1_0_script_gets_its_th_default_written_out():
    code, usages = migrate_source(CONVNET, "1.0.1")
    assert CONVNET_AT_1_0_1 in code
    defaults = [u for u in usages if u.kind == "default" and "data_format" in u.keras3]
    assert [u.keras1 for u in defaults] == ["Convolution2D(...)", "MaxPooling2D(...)"]
    assert "Keras 1.0.1's default dim_ordering was 'th'" in defaults[0].note


def test_releases_from_1_1_0_and_an_explicit_ordering_are_left_alone():
    plain, _ = migrate_source(CONVNET)
    assert "Permute" not in plain and "data_format" not in plain
    assert migrate_source(CONVNET, "1.1.0")[0] == plain
    explicit = CONVNET.replace("activation='relu'", "activation='relu', dim_ordering='tf'")
    explicit = explicit.replace("MaxPooling2D((2, 2))", "MaxPooling2D((2, 2), None, 'valid', "
                                "'tf')")
    assert "Permute" not in migrate_source(explicit, "1.0.1")[0]


def test_check_and_migrate_take_the_release_like_run(tmp_path, capsys):
    script = tmp_path / "convnet.py"
    script.write_text(CONVNET)
    assert main(["check", "--keras-version", "1.0.1", str(script)]) == 0
    out, err = capsys.readouterr()
    assert "default: MaxPooling2D(...) -> data_format='channels_first'" in out
    assert "reproducing Keras 1.0.1 (from --keras-version)" in err
    (tmp_path / "requirements.txt").write_text("numpy\nkeras==1.0.8\n")
    assert main(["migrate", str(script)]) == 0
    out, err = capsys.readouterr()
    assert CONVNET_AT_1_0_1 in out and "keras==1.0.8 in" in err
    assert main(["migrate", "--keras-version", "2.0.0", str(script)]) == 2
    assert "not one legacy_keras can reproduce" in capsys.readouterr().err


def test_a_keras_1_0_convnet_compares_equal_to_its_migration(tmp_path):
    """Under 1.0.1 the legacy side reads (1, 6, 6) channels first; the migration's
    Permute-bounded channels_last region computes the same, from the same weights."""
    script = tmp_path / "convnet.py"
    script.write_text(CONVNET)
    result = subprocess.run([sys.executable, "-m", "legacy_keras", "compare",
                             "--keras-version", "1.0.1", str(script)],
                            capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    assert ", 0 differ" in result.stdout
