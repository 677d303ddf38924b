"""``keras.wrappers.scikit_learn`` (Keras 1.2.2): :class:`KerasClassifier` and
:class:`KerasRegressor`, scikit-learn style estimators around a function that builds
and compiles a Keras 1 model.

As in Keras 1.2.2 scikit-learn is not imported (nor needed): the wrappers follow its
estimator protocol (``get_params`` / ``set_params`` / ``fit`` / ``predict`` /
``score``) so that ``GridSearchCV``, ``cross_val_score`` and pipelines can use them.
"""
import copy
import inspect
import types

import numpy as np

from legacy_keras.utils.np_utils import to_categorical
from legacy_keras.models import Sequential  # Keras 1.2.2 re-exports it


def _argument_names(fn):
    return inspect.getfullargspec(fn).args


def _loss_name(model):
    loss = model.loss
    return getattr(loss, "__name__", loss)


class BaseWrapper(object):
    """Base of the two wrappers (not to be used directly).

    # Arguments
        build_fn: a function, or an object with ``__call__``, returning a compiled
            model; ``None`` to use the subclass's own ``__call__``.
        **sk_params: arguments of ``build_fn`` and of the model's ``fit``,
            ``predict``, ``predict_classes`` and ``evaluate`` (e.g. ``nb_epoch``,
            ``batch_size``). Each call takes the ones its function accepts; arguments
            passed to ``fit`` / ``predict`` / ``score`` override them.

    Unknown names raise ``ValueError('<name> is not a legal parameter')``.
    """

    def __init__(self, build_fn=None, **sk_params):
        self.build_fn = build_fn
        self.sk_params = sk_params
        self.check_params(sk_params)

    def _build_callable(self):
        """The function called to build the model (what Keras 1.2.2 inspected)."""
        if self.build_fn is None:
            return self.__call__
        if not isinstance(self.build_fn, (types.FunctionType, types.MethodType)):
            return self.build_fn.__call__
        return self.build_fn

    def check_params(self, params):
        """Raises ``ValueError`` for a parameter that no relevant function accepts."""
        sequential = Sequential
        legal_fns = [sequential.fit, sequential.predict, sequential.predict_classes,
                     sequential.evaluate, self._build_callable()]
        legal_params = set()
        for fn in legal_fns:
            legal_params.update(_argument_names(fn))
        for params_name in params:
            if params_name not in legal_params:
                raise ValueError("{} is not a legal parameter".format(params_name))

    def get_params(self, **params):
        """A deep copy of ``sk_params`` plus ``build_fn``."""
        res = copy.deepcopy(self.sk_params)
        res.update({"build_fn": self.build_fn})
        return res

    def set_params(self, **params):
        """Checks and adds ``params`` to ``sk_params``; returns ``self``."""
        self.check_params(params)
        self.sk_params.update(params)
        return self

    def filter_sk_params(self, fn, override=None):
        """The ``sk_params`` that ``fn`` accepts, updated with ``override``."""
        fn_args = _argument_names(fn)
        res = {name: value for name, value in self.sk_params.items() if name in fn_args}
        res.update(override or {})
        return res

    def fit(self, x, y, **kwargs):
        """Builds a new model with ``build_fn`` and fits it; returns the History.

        Integer labels are one-hot encoded when the loss is categorical_crossentropy.
        """
        builder = self.__call__ if self.build_fn is None else self.build_fn
        self.model = builder(**self.filter_sk_params(self._build_callable()))
        if _loss_name(self.model) == "categorical_crossentropy" and len(y.shape) != 2:
            y = to_categorical(y)
        fit_args = copy.deepcopy(self.filter_sk_params(Sequential.fit))
        fit_args.update(kwargs)
        return self.model.fit(x, y, **fit_args)


class KerasClassifier(BaseWrapper):
    """The scikit-learn classifier API for a Keras 1 model."""

    def predict(self, x, **kwargs):
        """Class predictions (``model.predict_classes``)."""
        kwargs = self.filter_sk_params(Sequential.predict_classes, kwargs)
        return self.model.predict_classes(x, **kwargs)

    def predict_proba(self, x, **kwargs):
        """Class probabilities; a single sigmoid output becomes two columns
        ``[1 - p, p]`` as scikit-learn expects."""
        kwargs = self.filter_sk_params(Sequential.predict_proba, kwargs)
        probs = self.model.predict_proba(x, **kwargs)
        if probs.shape[1] == 1:
            probs = np.hstack([1 - probs, probs])
        return probs

    def score(self, x, y, **kwargs):
        """The model's accuracy on ``(x, y)`` (it must be compiled with
        ``metrics=['accuracy']``)."""
        kwargs = self.filter_sk_params(Sequential.evaluate, kwargs)
        if _loss_name(self.model) == "categorical_crossentropy" and len(y.shape) != 2:
            y = to_categorical(y)
        outputs = self.model.evaluate(x, y, **kwargs)
        if not isinstance(outputs, list):
            outputs = [outputs]
        for name, output in zip(self.model.metrics_names, outputs):
            if name == "acc":
                return output
        raise ValueError("The model is not configured to compute accuracy. You should pass "
                         "`metrics=[\"accuracy\"]` to the `model.compile()` method.")


class KerasRegressor(BaseWrapper):
    """The scikit-learn regressor API for a Keras 1 model."""

    def predict(self, x, **kwargs):
        """Predictions, squeezed (``(n_samples,)`` for one output)."""
        kwargs = self.filter_sk_params(Sequential.predict, kwargs)
        return np.squeeze(self.model.predict(x, **kwargs))

    def score(self, x, y, **kwargs):
        """The model's loss on ``(x, y)`` (Keras 1.2.2 returned the loss itself, not
        its negative as scikit-learn's convention would have it)."""
        kwargs = self.filter_sk_params(Sequential.evaluate, kwargs)
        loss = self.model.evaluate(x, y, **kwargs)
        if isinstance(loss, list):
            return loss[0]
        return loss
