"""Makes ``import keras...`` and ``import theano...`` resolve to legacy_keras.

Activation is explicit: nothing changes until :func:`install` is called (by
``legacy-keras run`` or by the user). Real Keras 3 is imported first (see
:mod:`legacy_keras._k3`), its public modules are set aside, and a meta path finder
aliases ``keras[.x.y]`` to ``legacy_keras[.x.y]`` and ``theano[.x.y]`` to
``legacy_keras.theano[.x.y]``. Keras 3's own internals (``keras.src...``) keep working:
they are already imported and are never aliased. :func:`uninstall` puts everything back.
"""
import importlib
import importlib.abc
import importlib.util
import sys

from legacy_keras import _numpy_compat, _scipy_compat, profiles

_ALIASES = (("keras", "legacy_keras"), ("theano", "legacy_keras.theano"))
_stashed = {}


def _target(fullname):
    for public, ours in _ALIASES:
        if fullname == public or fullname.startswith(public + "."):
            if fullname.startswith("keras.src"):
                return None
            return ours + fullname[len(public):]
    return None


class _AliasLoader(importlib.abc.Loader):
    """Hands out the already imported legacy_keras module under its Keras 1 / Theano
    name. The import system stamps the alias spec on the module; ``exec_module`` puts
    the module's own spec back, so ``importlib.util.find_spec`` of the real name still
    finds its file."""

    def __init__(self, module, keras1_package=False):
        self.module = module
        self.own_spec = module.__spec__
        self.keras1_package = keras1_package

    def create_module(self, spec):
        return self.module

    def exec_module(self, module):
        module.__spec__ = self.own_spec
        if self.keras1_package:
            module.import_keras1_package()


class LegacyFinder(importlib.abc.MetaPathFinder):
    """Resolves Keras 1 / Theano module names to legacy_keras modules."""

    def find_spec(self, fullname, path=None, target=None):
        ours = _target(fullname)
        if ours is None:
            return None
        try:
            module = importlib.import_module(ours)
        except ModuleNotFoundError as error:
            if error.name != ours:
                raise
            raise ModuleNotFoundError(
                "No module named %r: %s is not supported by legacy_keras (the Keras 1.2.2 / "
                "Theano 1.0 emulation). See migration_guide.md for its modern replacement."
                % (fullname, fullname), name=fullname) from None
        return importlib.util.spec_from_loader(
            fullname, _AliasLoader(module, keras1_package=fullname == "keras"))


_finder = LegacyFinder()


def _public(name):
    return _target(name) is not None


def is_installed():
    return _finder in sys.meta_path


def install(version=None):
    """``import keras`` / ``import theano`` now give the Keras 1.x and Theano APIs.

    ``version`` picks the Keras 1 release whose behaviour is reproduced ('1.0.1', ...;
    see legacy_keras.profiles); without it, ``$LEGACY_KERAS_VERSION`` (with a note on
    stderr) or Keras 1.2.2.
    """
    # lazy: heavy (TensorFlow): real Keras 3 is imported at activation, before any aliasing
    import legacy_keras._k3  # noqa: F401

    if version is not None:
        profiles.activate_if_new(version, "install(version=%r)" % (version,))
    elif not is_installed() and profiles.active().source is None:
        chosen, source = profiles.select()
        if source is not None:
            profiles.note(chosen, source)
            profiles.activate_if_new(chosen, source)
    if is_installed():
        return
    for name in list(sys.modules):
        if _public(name) and not sys.modules[name].__name__.startswith("legacy_keras"):
            _stashed[name] = sys.modules.pop(name)
    sys.meta_path.insert(0, _finder)
    _numpy_compat.install()
    _scipy_compat.install()


def uninstall():
    """Undoes :func:`install`: ``import keras`` is Keras 3 again."""
    if not is_installed():
        return
    profiles.activate_if_new(profiles.DEFAULT_VERSION)
    sys.meta_path.remove(_finder)
    for name in list(sys.modules):
        if _public(name):
            del sys.modules[name]
    sys.modules.update(_stashed)
    _stashed.clear()
    _numpy_compat.uninstall()
    _scipy_compat.uninstall()
