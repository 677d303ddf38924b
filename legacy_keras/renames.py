"""The one table of Keras 1 -> Keras 3 renames.

Each entry says how a Keras 1.2.2 name (a layer class, a constructor argument, a method
argument) is spelled in Keras 3, and whether legacy_keras' rewriter can translate it by
itself. The layers use it to explain errors (a Keras 3 spelling passed to a Keras 1
layer), and later the checker, the rewriter and the migration guide's tables are
generated from it, so the four never disagree.
"""
from collections import namedtuple

Rename = namedtuple("Rename", "keras1 keras3 automatic note")

#: Constructor arguments shared by the layers that have weights.
WEIGHT_ARGUMENTS = [
    Rename("init", "kernel_initializer", True, "initializer of the main weight W"),
    Rename("W_regularizer", "kernel_regularizer", True, ""),
    Rename("b_regularizer", "bias_regularizer", True, ""),
    Rename("W_constraint", "kernel_constraint", True, ""),
    Rename("b_constraint", "bias_constraint", True, ""),
    Rename("bias", "use_bias", True, ""),
    Rename("weights", None, False,
           "no constructor argument in Keras 3: call layer.set_weights(...) after building"),
]

#: Layer classes and their own arguments.
LAYERS = {
    "Dense": ("Dense", [Rename("output_dim", "units", True, "")] + WEIGHT_ARGUMENTS
              + [Rename("input_dim", "input_shape", True, "input_dim=n -> input_shape=(n,)")]),
    "Activation": ("Activation", []),
}

#: Arguments every Keras 1 layer took through **kwargs.
BASE_ARGUMENTS = [
    Rename("input_shape", "input_shape", True, "Keras 3 prefers a keras.Input(shape=...)"),
    Rename("batch_input_shape", "batch_shape", True, "on keras.Input"),
    Rename("input_dtype", "dtype", True, "on keras.Input"),
    Rename("name", "name", True, ""),
    Rename("trainable", "trainable", True, ""),
]

#: Model methods' arguments.
METHOD_ARGUMENTS = {
    "fit": [Rename("nb_epoch", "epochs", True, "")],
    "fit_generator": [Rename("nb_epoch", "epochs", True, ""),
                      Rename("samples_per_epoch", "steps_per_epoch", True,
                             "divide by the batch size"),
                      Rename("nb_val_samples", "validation_steps", True,
                             "divide by the batch size"),
                      Rename("nb_worker", "workers", False, "Keras 3 uses a PyDataset")],
    "Model": [Rename("input", "inputs", True, ""), Rename("output", "outputs", True, "")],
}


def keras1_name_for(class_name, keras3_argument):
    """The Keras 1 argument of ``class_name`` that Keras 3 calls ``keras3_argument``."""
    _, renames = LAYERS.get(class_name, (None, []))
    for rename in renames + BASE_ARGUMENTS:
        if rename.keras3 == keras3_argument:
            return rename.keras1
    return None


def unknown_argument_error(class_name, argument):
    """The TypeError for an argument Keras 1.2.2 did not take (as Keras 1, plus a hint)."""
    hint = ""
    keras1 = keras1_name_for(class_name, argument)
    if keras1:
        hint = (" (`%s` is the Keras 2/3 spelling; Keras 1.2.2's %s calls it `%s`)"
                % (argument, class_name, keras1))
    return TypeError("Keyword argument not understood: %r for %s%s. See "
                     "migration_guide.md for the Keras 1 arguments."
                     % (argument, class_name, hint))
