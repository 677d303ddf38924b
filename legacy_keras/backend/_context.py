"""``K``'s execution context, as seen from the backend: :mod:`legacy_keras._context`.

That module holds the state (numeric vs symbolic execution, the training flag, the
step's gradient tape, the random regularizers switch); it lives outside this package
so that the Theano facade (``legacy_keras.theano.bound``), which the backend imports,
can read it without importing the backend.
"""
from legacy_keras._context import (  # noqa: F401
    VariableBirths, add_activity_losses, collecting_activity_losses, current_births,
    gradient_tape, in_numeric_execution, note_numeric_values, numeric_execution,
    numeric_training, numeric_values, random_regularizers_enabled, random_regularizers_off,
    recording_gradients, recording_numeric_values, set_random_regularizers,
    symbolic_building, variable_births)
