"""keras.wrappers.scikit_learn: KerasClassifier and KerasRegressor build, fit, predict
and score as in Keras 1.2.2, without importing scikit-learn."""
import numpy as np
import pytest

from legacy_keras.layers import Dense
from legacy_keras.models import Sequential
from legacy_keras.wrappers.scikit_learn import KerasClassifier, KerasRegressor


def _classifier(nb_hidden=4, optimizer="sgd"):
    model = Sequential()
    model.add(Dense(nb_hidden, input_dim=3, activation="relu"))
    model.add(Dense(2, activation="softmax"))
    model.compile(optimizer, "categorical_crossentropy", metrics=["accuracy"])
    return model


def _regressor(nb_hidden=4):
    model = Sequential()
    model.add(Dense(nb_hidden, input_dim=3, activation="relu"))
    model.add(Dense(1))
    model.compile("sgd", "mse")
    return model


def _data():
    rng = np.random.RandomState(0)
    x = rng.rand(12, 3).astype("float32")
    return x, (x.sum(axis=1) > 1.5).astype("int64")


def test_sklearn_wrappers_do_not_import_sklearn():
    import ast

    import legacy_keras.wrappers.scikit_learn as module

    tree = ast.parse(open(module.__file__).read())
    imported = [alias.name for node in ast.walk(tree)
                if isinstance(node, (ast.Import, ast.ImportFrom))
                for alias in node.names] + [node.module for node in ast.walk(tree)
                                            if isinstance(node, ast.ImportFrom) and node.module]
    assert not [name for name in imported if "sklearn" in name]


def test_keras_classifier_fits_predicts_scores_and_checks_its_parameters(capsys):
    np.random.seed(3)
    x, y = _data()
    clf = KerasClassifier(build_fn=_classifier, nb_hidden=5, nb_epoch=2, batch_size=4,
                          verbose=0)
    params = clf.get_params()
    assert params["nb_hidden"] == 5 and params["build_fn"] is _classifier
    history = clf.fit(x, y)
    assert len(history.history["loss"]) == 2
    assert clf.model.layers[0].output_dim == 5
    preds = clf.predict(x)
    assert preds.shape == (12,) and set(preds.tolist()) <= {0, 1}
    proba = clf.predict_proba(x)
    assert proba.shape == (12, 2)
    np.testing.assert_allclose(proba.sum(axis=1), 1., rtol=1e-5)
    score = clf.score(x, y)
    assert 0. <= score <= 1.
    assert clf.set_params(nb_epoch=1) is clf and clf.sk_params["nb_epoch"] == 1
    with pytest.raises(ValueError, match="nb_hiddden is not a legal parameter"):
        KerasClassifier(build_fn=_classifier, nb_hiddden=3)
    with pytest.raises(ValueError, match="not a legal parameter"):
        clf.set_params(bogus=1)


def test_keras_classifier_binary_proba_and_score_needs_accuracy():
    def build():
        model = Sequential([Dense(1, input_dim=3, activation="sigmoid")])
        model.compile("sgd", "binary_crossentropy")
        return model

    x, y = _data()
    y = y.astype("float32")
    clf = KerasClassifier(build_fn=build, nb_epoch=1, verbose=0)
    clf.fit(x, y)
    proba = clf.predict_proba(x, verbose=0)
    assert proba.shape == (12, 2)
    np.testing.assert_allclose(proba[:, 0], 1 - proba[:, 1], rtol=1e-6)
    with pytest.raises(ValueError, match="not configured to compute accuracy"):
        clf.score(x, y, verbose=0)


def test_keras_regressor_and_callable_build_fn():
    class Builder(object):
        def __call__(self, nb_hidden=2):
            return _regressor(nb_hidden)

    x, y = _data()
    reg = KerasRegressor(build_fn=Builder(), nb_hidden=3, nb_epoch=1, verbose=0)
    reg.fit(x, y.astype("float32"))
    assert reg.model.layers[0].output_dim == 3
    assert reg.predict(x).shape == (12,)
    assert isinstance(float(reg.score(x, y.astype("float32"), verbose=0)), float)


def test_classifier_subclass_without_build_fn_builds_with_its_call():
    class MyClassifier(KerasClassifier):
        def __call__(self, nb_hidden=2):
            return _classifier(nb_hidden)

    x, y = _data()
    clf = MyClassifier(nb_hidden=6, nb_epoch=1, verbose=0)
    clf.fit(x, y)
    assert clf.model.layers[0].output_dim == 6
