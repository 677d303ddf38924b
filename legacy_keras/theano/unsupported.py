"""The one error every unsupported Theano name raises."""


def unsupported_attribute(module, name):
    if name.startswith("__"):
        raise AttributeError(name)
    raise NotImplementedError(
        "%s.%s is not supported by legacy_keras (the Theano facade on PyTensor). See "
        "migration_guide.md ('What cannot be migrated automatically') for the modern "
        "replacement." % (module, name))
