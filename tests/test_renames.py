"""The guide's rename tables are generated from legacy_keras/renames.py."""
import os

from legacy_keras import renames

GUIDE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                     "migration_guide.md")


def test_guide_tables_match_the_rename_table():
    with open(GUIDE, encoding="utf8") as f:
        text = f.read()
    start = text.index(renames.GUIDE_BEGIN) + len(renames.GUIDE_BEGIN)
    end = text.index(renames.GUIDE_END)
    assert text[start:end] == "\n" + renames.markdown_tables(), (
        "migration_guide.md is stale: run `python -m legacy_keras.renames`")


def test_every_dense_rename_is_a_dense_argument():
    import inspect

    from legacy_keras.layers import Dense

    parameters = inspect.signature(Dense.__init__).parameters
    for rename in renames.LAYERS["Dense"][1]:
        assert rename.keras1 in parameters


def _parameters(function):
    """The parameters a call may pass by position or keyword, after ``self``."""
    import inspect

    return [p.name for p in inspect.signature(function).parameters.values()
            if p.kind == p.POSITIONAL_OR_KEYWORD][1:]


def _keras1_layer_classes():
    """Every Keras 1 layer class legacy_keras.layers exports (not the abstract bases)."""
    import inspect

    from legacy_keras import layers
    from legacy_keras.engine.topology import Layer

    bases = {"Layer", "Recurrent", "Wrapper", "ConvRecurrent2D"}
    return {name: cls for name, cls in vars(layers).items()
            if inspect.isclass(cls) and issubclass(cls, Layer) and name not in bases}


def test_every_keras1_layer_is_in_the_table_with_its_real_signature():
    classes = _keras1_layer_classes()
    for name, cls in classes.items():
        if name in renames.LAYER_ALIASES:
            assert cls is classes[renames.LAYER_ALIASES[name]], name
            continue
        assert name in renames.LAYERS, name
        assert renames.LAYER_SIGNATURES[name].split() == _parameters(cls.__init__), name
    assert set(renames.LAYER_SIGNATURES) <= set(classes)


def test_every_layer_rename_names_a_keras1_argument():
    """A Rename's Keras 1 argument is a parameter of the class or of its bases (the
    recurrent layers' consume_less, input_dim...), an argument every layer took, or (for
    a layer Keras 3 lacks) the class name itself."""
    base = {r.keras1 for r in renames.BASE_ARGUMENTS}
    classes = _keras1_layer_classes()
    for name, (keras3, table) in renames.LAYERS.items():
        parameters = base.union(*[_parameters(cls.__init__) for cls in classes[name].__mro__
                                  if "__init__" in vars(cls)])
        for rename in table:
            members = rename.keras1 if isinstance(rename.keras1, tuple) else (rename.keras1,)
            for member in members:
                assert member in parameters or (keras3 is None and member == name), (
                    name, member)


def test_keras3_leading_parameters_are_keras3s():
    import keras

    for name, leading in renames.KERAS3_SIGNATURES.items():
        leading = leading.split()
        assert _parameters(getattr(keras.layers, name).__init__)[:len(leading)] == leading, name


def test_every_keras1_optimizer_is_in_the_table_with_its_real_signatures():
    import inspect

    import keras

    from legacy_keras import optimizers
    from legacy_keras.migrate.helpers import keras1_definitions

    classes = {name: cls for name, cls in vars(optimizers).items()
               if inspect.isclass(cls) and issubclass(cls, optimizers.Optimizer)}
    # Optimizer is the base; TFOptimizer wraps a TensorFlow optimizer (nothing to rename).
    keras1_classes = {name for name, cls in classes.items()
                      if name == cls.__name__} - {"Optimizer", "TFOptimizer"}
    assert keras1_classes == set(renames.OPTIMIZERS)
    for alias, name in renames.OPTIMIZER_ALIASES.items():
        assert classes[alias] is classes[name], alias
    for name, (keras3, keras1_params, keras3_params, defaults) in renames.OPTIMIZERS.items():
        keras1_class = getattr(optimizers, name)
        assert _parameters(keras1_class.__init__) == keras1_params.split(), name
        keras3_class = getattr(keras.optimizers, keras3, None) or getattr(
            keras1_definitions, keras3)
        leading = keras3_params.split()
        assert _parameters(keras3_class.__init__)[:len(leading)] == leading, name
        lr = inspect.signature(keras1_class.__init__).parameters["lr"].default
        assert float(renames.OPTIMIZER_LEARNING_RATES[name]) == lr, name
