"""Loads files written by legacy_keras (``write_with_legacy_keras.py DIR``) with real
Keras 1.2.2 on Theano 1.0.5 and checks that it predicts what the oracle recorded for
the same models (tests/goldens/h_*.json), and that a saved model resumes training with
the oracle's next-epoch loss.

    .venv/bin/python tests/oracle/write_with_legacy_keras.py /tmp/ours
    ../shared/oracle/run tests/oracle/load_ours_in_keras1.py /tmp/ours

Prints one line per check and exits with status 1 if any failed.
"""
import json
import os
import sys

import numpy as np

GOLDENS = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "goldens")

# (case, what to load, inputs key, index into the inputs or None, predictions key)
PREDICTIONS = [
    ("h_mlp", "h_mlp_model.h5", "inputs", None, "predictions"),
    ("h_mlp", ("h_mlp.json", "h_mlp_weights.h5"), "inputs", None, "predictions"),
    ("h_mlp", ("h_mlp.yaml", "h_mlp_weights.h5"), "inputs", None, "predictions"),
    ("h_functional", "h_functional_model.h5", "inputs", None, "predictions"),
    ("h_functional", ("h_functional.json", "h_functional_weights.h5"), "inputs", None,
     "predictions"),
    ("h_functional", ("h_functional.yaml", "h_functional_model.h5"), "inputs", None,
     "predictions"),
    ("h_functional", "h_legacy_merge_model.h5", "legacy merge inputs", None,
     "legacy merge predictions"),
    ("h_functional", ("h_legacy_merge.json", "h_legacy_merge_weights.h5"),
     "legacy merge inputs", None, "legacy merge predictions"),
    ("h_lambda", "h_lambda_sequential.h5", "inputs", 0, "sequential predictions"),
    ("h_lambda", ("h_lambda_sequential.yaml", "h_lambda_sequential.h5"), "inputs", 0,
     "sequential predictions"),
    ("h_lambda", "h_lambda_functional.h5", "inputs", None, "functional predictions"),
    ("h_optimizer_state", "h_optimizer_adam.h5", "inputs", 0, "adam predictions"),
    ("h_optimizer_state", "h_optimizer_sgd.h5", "inputs", 0, "sgd predictions"),
    ("h_convnet_th", "h_convnet_th_model.h5", "inputs", None, "predictions"),
    ("h_convnet_th", ("h_convnet_th.json", "h_convnet_th_weights.h5"), "inputs", None,
     "predictions"),
    ("h_lstm", "h_lstm_model.h5", "inputs", None, "predictions"),
    ("h_lstm", ("h_lstm.json", "h_lstm_weights.h5"), "inputs", None, "predictions"),
]
# models trained in the case (by legacy_keras when it wrote the files), saved with their
# optimizer state: one more epoch on the loaded model
TRAINED = ["h_convnet_th", "h_lstm"]


def golden(case, key):
    with open(os.path.join(GOLDENS, case + ".json")) as f:
        value = json.load(f)[key]
    if isinstance(value, list):
        return [np.asarray(v["__array__"], dtype=v["dtype"]) for v in value]
    if isinstance(value, dict) and "__array__" in value:
        return np.asarray(value["__array__"], dtype=value["dtype"])
    return value


def load(directory, what):
    from keras.models import load_model, model_from_json, model_from_yaml

    if isinstance(what, str):
        return load_model(os.path.join(directory, what))
    config, weights = what
    with open(os.path.join(directory, config)) as f:
        text = f.read()
    model = model_from_json(text) if config.endswith(".json") else model_from_yaml(text)
    model.load_weights(os.path.join(directory, weights))
    return model


def check(label, got, expected, rtol=1e-5):
    got = got if isinstance(got, list) else [got]
    expected = expected if isinstance(expected, list) else [expected]
    ok = len(got) == len(expected) and all(
        np.allclose(g, e, rtol=rtol, atol=1e-6) for g, e in zip(got, expected))
    print("%s %s" % ("OK  " if ok else "FAIL", label))
    return ok


def main(directory):
    results = []
    for case, what, inputs_key, index, predictions_key in PREDICTIONS:
        inputs = golden(case, inputs_key)
        if index is not None:
            inputs = inputs[index]
        model = load(directory, what)
        results.append(check("%s: %s predicts as the oracle" % (case, what),
                             model.predict(inputs), golden(case, predictions_key)))
    case = "h_optimizer_state"
    x, y = golden(case, "inputs")
    for label, target in (("adam", y), ("sgd", y[:, :1])):
        model = load(directory, "h_optimizer_%s.h5" % label)
        results.append(check("%s: h_optimizer_%s.h5 optimizer state" % (case, label),
                             model.optimizer.get_weights(),
                             golden(case, label + " optimizer weights")))
        history = model.fit(x, target, batch_size=5, nb_epoch=1, shuffle=False,
                            verbose=0).history
        expected = golden(case, label + " next epoch, loaded")
        results.append(check("%s: h_optimizer_%s.h5 resumes training (next epoch %s)"
                             % (case, label, sorted(expected)),
                             [np.asarray(history[k]) for k in sorted(expected)],
                             [np.asarray([v["__array__"] if isinstance(v, dict) else v
                                          for v in expected[k]]) for k in sorted(expected)]))
    for case in TRAINED:
        x, y = golden(case, "train")
        model = load(directory, case + "_model.h5")
        results.append(check("%s: %s_model.h5 optimizer state" % (case, case),
                             model.optimizer.get_weights(), golden(case, "optimizer weights")))
        history = model.fit(x, y, batch_size=8, nb_epoch=1, shuffle=False,
                            verbose=0).history
        expected = golden(case, "next epoch, loaded")
        results.append(check("%s: %s_model.h5 resumes training (next epoch %s)"
                             % (case, case, sorted(expected)),
                             [np.asarray(history[k]) for k in sorted(expected)],
                             [np.asarray([v["__array__"] for v in expected[k]])
                              for k in sorted(expected)]))
        results.append(check("%s: %s_model.h5 predicts as the oracle after that epoch"
                             % (case, case), model.predict(golden(case, "inputs")),
                             golden(case, "predictions after the next epoch")))
    print("%d/%d checks passed" % (sum(results), len(results)))
    return all(results)


if __name__ == "__main__":
    sys.exit(0 if main(sys.argv[1]) else 1)
