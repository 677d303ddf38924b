"""The one table of Keras 1 -> Keras 3 renames.

Each entry says how a Keras 1.2.2 name (a layer class, a constructor argument, a method
argument, an import path, a backend function, an attribute) is spelled in Keras 3, and
whether legacy_keras' rewriter (`legacy-keras migrate`) translates it by itself. The
layers use it to explain errors (a Keras 3 spelling passed to a Keras 1 layer); the
checker (`legacy-keras check`), the rewriter and the migration guide's tables are
generated from it, so the four never disagree.

Conventions:

- ``Rename(keras1, keras3, automatic, note)``: ``keras1`` is a name, or a tuple of
  Keras 1 arguments that Keras 3 takes as one tuple argument (``("nb_row", "nb_col")``
  -> ``kernel_size=(nb_row, nb_col)``). ``keras3`` is ``None`` when Keras 3 has no
  counterpart: with ``automatic`` the rewriter drops the argument (it only tuned
  performance), otherwise it leaves a ``# TODO(legacy-keras)`` comment.
- ``Function(keras1, signature, keras3, automatic, note)``: a Keras 1 function and its
  Keras 3 replacement, written as a Python expression over the Keras 1 parameter names
  (``"keras.ops.concatenate(tensors, axis)"``) or a bare dotted name when the arguments
  carry over unchanged (``"keras.ops.sum"``). Positional template arguments are always
  written (the Keras 1 default when the script omitted them: that is how defaults that
  differ become explicit); keyword template arguments only when the script passed them.
  A Keras 1 argument the template does not mention cannot be translated: manual.
- ``Default(keras3, value, note)``: a Keras 3 argument the rewriter adds when the script
  relied on a Keras 1 default that Keras 3 changed.
"""
import ast
from collections import namedtuple
from pathlib import Path

Rename = namedtuple("Rename", "keras1 keras3 automatic note")
Function = namedtuple("Function", "keras1 signature keras3 automatic note")
Default = namedtuple("Default", "keras3 value note")

#: The name of the Keras-1-compatible hard sigmoid the rewriter defines in a migrated
#: script (Keras 1: clip(0.2 x + 0.5, 0, 1); Keras 3's hard_sigmoid has slope 1/6).
HARD_SIGMOID = "keras1_hard_sigmoid"

#: The real module whose top-level definitions migrate copies into a migrated script.
HELPER_DEFINITIONS_FILE = (Path(__file__).resolve().parent / "migrate" / "helpers"
                           / "keras1_definitions.py")


def _top_level_definitions(path):
    """Name -> source text of each top-level def, class or assignment of a module after
    its imports (with the comment lines just above it), preceded by two newlines."""
    lines = path.read_text(encoding="utf8").splitlines(True)
    tree = ast.parse("".join(lines))
    definitions = {}
    previous_end = 0
    for node in tree.body:
        start = node.lineno - 1
        while start > previous_end and lines[start - 1].lstrip().startswith("#"):
            start -= 1
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            definitions[node.name] = "\n\n" + "".join(lines[start:node.end_lineno])
        elif isinstance(node, ast.Assign):
            definitions[node.targets[0].id] = "\n\n" + "".join(lines[start:node.end_lineno])
        previous_end = node.end_lineno
    return definitions


#: Definitions the rewriter inserts into a migrated script (after its imports) when the
#: script needs them: Keras 1 behaviour that Keras 3 has no argument for. Name -> code
#: (which may use ``keras``; the rewriter adds ``import keras``), read from the real
#: module legacy_keras/migrate/helpers/keras1_definitions.py. The rewriter inserts a
#: helper's prerequisites (HELPER_REQUIRES) before it.
HELPERS = _top_level_definitions(HELPER_DEFINITIONS_FILE)
HELPER_REQUIRES = {"keras1_function": ["KERAS1_LEARNING_PHASE"]}
MERGED_SEQUENTIAL_NOTE = ("Keras1MergedSequential (defined in the migrated script) runs the "
                         "branches on their inputs, the merge layer, then the layers added "
                         "after it, as Keras 1's Sequential did")
#: Keras 1 model methods that Keras 3 removed: the call becomes helper(model, ...).
METHOD_HELPERS = {
    "predict_classes": ("keras1_predict_classes",
                        "keras1_predict_classes (defined in the migrated script) is Keras "
                        "1's Sequential.predict_classes"),
    "reset_states": ("keras1_reset_states",
                     "keras1_reset_states (defined in the migrated script) resets the "
                     "model's stateful layers as Keras 1's model.reset_states() did"),
}
#: Keras 1 functions that Keras 3 removed and a migrated script defines instead (the
#: import goes): full Keras 1 path -> (HELPERS name, note).
FUNCTION_HELPERS = {
    "keras.engine.training.slice_X": (
        "slice_X", "Keras 3 has no slice_X: the migrated script defines Keras 1's"),
    "keras.engine.training.make_batches": (
        "make_batches", "Keras 3 has no make_batches: the migrated script defines Keras 1's"),
}

#: Keras 1 layers (with any arguments: None; or with a given argument that has no Keras 3
#: counterpart) that a helper subclass implements: (Keras 1 class, argument or None) ->
#: (helper class the call is rewritten to, why).
LAYER_HELPERS = {("Embedding", None): (
    "Keras1Embedding",
    "Keras1Embedding (defined in the migrated script) trains as Keras 1's Embedding: "
    "the optimizer sees a repeated word's gradient summed (dense, as on Theano), not one "
    "slice per lookup (Keras 3 on TensorFlow: Adam, RMSprop, Adagrad would square each "
    "slice); it also implements dropout="),
    ("Deconvolution2D", None): (
        "Keras1Conv2DTranspose",
        "Keras1Conv2DTranspose (defined in the migrated script) is Keras 3's "
        "Conv2DTranspose taking Keras 1's output_shape: the size Keras 3 would compute "
        "differs by output_padding, which it sets at build")}

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

_PADDING = Rename("border_mode", "padding", True,
                  "'valid' and 'same' carry over; 'full' has no Keras 3 form (manual)")
_DATA_FORMAT = Rename("dim_ordering", "data_format", True,
                      "'th' -> 'channels_first', 'tf' -> 'channels_last', 'default' dropped "
                      "(Keras 3 reads keras.json's image_data_format); TensorFlow runs "
                      "channels_first convolutions and pooling only on a GPU")
_CONV = [Rename("nb_filter", "filters", True, ""), _PADDING,
         Rename("subsample", "strides", True, ""), _DATA_FORMAT] + WEIGHT_ARGUMENTS
_CONV_NOTE = ("Theano convolved with flipped kernels: Keras 1 weights loaded into Conv "
              "layers must be flipped (and 'th' kernels transposed)")
_RECURRENT = [
    Rename("output_dim", "units", True, ""),
    Rename("init", "kernel_initializer", True, ""),
    Rename("inner_init", "recurrent_initializer", True,
           "Keras 1's orthogonal used scale 1.1 (Keras 3's Orthogonal: gain 1.0)"),
    Rename("inner_activation", "recurrent_activation", True,
           "'hard_sigmoid' becomes keras1_hard_sigmoid (Keras 3's hard_sigmoid differs)"),
    Rename("W_regularizer", "kernel_regularizer", True, ""),
    Rename("U_regularizer", "recurrent_regularizer", True, ""),
    Rename("b_regularizer", "bias_regularizer", True, ""),
    Rename("dropout_W", "dropout", True, ""),
    Rename("dropout_U", "recurrent_dropout", True, ""),
    Rename("consume_less", None, True,
           "dropped: it chose Theano kernels; Keras 1 weights saved with 'cpu'/'mem' keep "
           "one matrix per gate (convert them when loading)"),
    Rename("weights", None, False, "call layer.set_weights(...) after building"),
    Rename(("input_length", "input_dim"), "input_shape", True,
           "input_shape=(input_length, input_dim)"),
]
#: Keras 1.2.2's ConvLSTM2D passed its regularizers to the deprecated ``set_param``, which
#: did nothing: dropping them keeps the training Keras 1 did.
_INERT_CONVLSTM_REGULARIZERS = {
    name: Rename(name, None, True,
                 "dropped: Keras 1.2.2's ConvLSTM2D ignored it (a deprecation warning only); "
                 "pass %s= to regularize in Keras 3" % keras3)
    for name, keras3 in (("W_regularizer", "kernel_regularizer"),
                         ("U_regularizer", "recurrent_regularizer"),
                         ("b_regularizer", "bias_regularizer"))}
_POOL_1D = [Rename("pool_length", "pool_size", True, ""),
            Rename("stride", "strides", True, ""), _PADDING]
_POOL = [_PADDING, _DATA_FORMAT]
_MERGE_NOTE = ("mode 'sum' (the default) -> Add, 'mul' -> Multiply, 'concat' -> "
               "Concatenate(axis=concat_axis), 'ave' -> Average, 'max' -> Maximum, "
               "'dot' -> Dot(axes=dot_axes), 'cos' -> Dot(axes=dot_axes, normalize=True); "
               "a function mode -> a Lambda layer (manual)")

#: Layer classes: Keras 1 name -> (Keras 3 name or None, renamed arguments).
LAYERS = {
    "Dense": ("Dense", [Rename("output_dim", "units", True, "")] + WEIGHT_ARGUMENTS
              + [Rename("input_dim", "input_shape", True, "input_dim=n -> input_shape=(n,)")]),
    "Activation": ("Activation", []),
    "ActivityRegularization": ("ActivityRegularization", []),
    "Dropout": ("Dropout", [Rename("p", "rate", True, "")]),
    "SpatialDropout1D": ("SpatialDropout1D", [Rename("p", "rate", True, "")]),
    "SpatialDropout2D": ("SpatialDropout2D", [Rename("p", "rate", True, ""), _DATA_FORMAT]),
    "SpatialDropout3D": ("SpatialDropout3D", [Rename("p", "rate", True, ""), _DATA_FORMAT]),
    "Flatten": ("Flatten", []),
    "Reshape": ("Reshape", []),
    "Permute": ("Permute", []),
    "RepeatVector": ("RepeatVector", []),
    "Lambda": ("Lambda", []),
    "Masking": ("Masking", []),
    "Highway": (None, [Rename("Highway", None, False,
                              "no Keras 3 layer: write a custom layer (W, b, W_carry, b_carry)")]),
    "MaxoutDense": (None, [Rename("MaxoutDense", None, False,
                                  "no Keras 3 layer: write a custom layer (W is 3-D)")]),
    "TimeDistributedDense": (None, [Rename(
        "TimeDistributedDense", None, False,
        "use TimeDistributed(Dense(units, ...)) with the same W, b")]),
    "Convolution1D": ("Conv1D", [
        Rename("nb_filter", "filters", True, ""),
        Rename("filter_length", "kernel_size", True, ""), _PADDING,
        Rename("subsample_length", "strides", True, "")] + WEIGHT_ARGUMENTS + [
        Rename(("input_length", "input_dim"), "input_shape", True,
               "input_shape=(input_length, input_dim)")]),
    "AtrousConvolution1D": ("Conv1D", [
        Rename("nb_filter", "filters", True, ""),
        Rename("filter_length", "kernel_size", True, ""), _PADDING,
        Rename("subsample_length", "strides", True, ""),
        Rename("atrous_rate", "dilation_rate", True, "")] + WEIGHT_ARGUMENTS + [
        Rename(("input_length", "input_dim"), "input_shape", True,
               "input_shape=(input_length, input_dim)")]),
    "Convolution2D": ("Conv2D", [Rename(("nb_row", "nb_col"), "kernel_size", True,
                                        "kernel_size=(nb_row, nb_col); " + _CONV_NOTE)] + _CONV),
    "AtrousConvolution2D": ("Conv2D", [
        Rename(("nb_row", "nb_col"), "kernel_size", True, "kernel_size=(nb_row, nb_col)"),
        Rename("atrous_rate", "dilation_rate", True, "")] + _CONV),
    "Convolution3D": ("Conv3D", [Rename(("kernel_dim1", "kernel_dim2", "kernel_dim3"),
                                        "kernel_size", True,
                                        "kernel_size=(kernel_dim1, kernel_dim2, kernel_dim3)")]
                      + _CONV),
    "Deconvolution2D": ("Conv2DTranspose", [
        Rename(("nb_row", "nb_col"), "kernel_size", True, "kernel_size=(nb_row, nb_col)"),
        Rename("output_shape", "output_shape", True,
               "Keras1Conv2DTranspose takes it (Keras 3's Conv2DTranspose computes the "
               "size: Keras 1's becomes output_padding)")] + _CONV),
    "SeparableConvolution2D": ("SeparableConv2D", [
        Rename(("nb_row", "nb_col"), "kernel_size", True, "kernel_size=(nb_row, nb_col)"),
        Rename("nb_filter", "filters", True, ""), _PADDING,
        Rename("subsample", "strides", True, ""), _DATA_FORMAT,
        Rename("init", None, False,
               "set depthwise_initializer and pointwise_initializer"),
        Rename("b_regularizer", "bias_regularizer", True, ""),
        Rename("b_constraint", "bias_constraint", True, ""),
        Rename("bias", "use_bias", True, ""),
        Rename("weights", None, False, "call layer.set_weights(...) after building")]),
    "UpSampling1D": ("UpSampling1D", [Rename("length", "size", True, "")]),
    "UpSampling2D": ("UpSampling2D", [_DATA_FORMAT]),
    "UpSampling3D": ("UpSampling3D", [_DATA_FORMAT]),
    "ZeroPadding1D": ("ZeroPadding1D", []),
    "ZeroPadding2D": ("ZeroPadding2D", [_DATA_FORMAT]),
    "ZeroPadding3D": ("ZeroPadding3D", [_DATA_FORMAT]),
    "Cropping1D": ("Cropping1D", []),
    "Cropping2D": ("Cropping2D", [_DATA_FORMAT]),
    "Cropping3D": ("Cropping3D", [_DATA_FORMAT]),
    "MaxPooling1D": ("MaxPooling1D", _POOL_1D),
    "AveragePooling1D": ("AveragePooling1D", _POOL_1D),
    "MaxPooling2D": ("MaxPooling2D", _POOL),
    "AveragePooling2D": ("AveragePooling2D", _POOL),
    "MaxPooling3D": ("MaxPooling3D", _POOL),
    "AveragePooling3D": ("AveragePooling3D", _POOL),
    "GlobalMaxPooling1D": ("GlobalMaxPooling1D", []),
    "GlobalAveragePooling1D": ("GlobalAveragePooling1D", []),
    "GlobalMaxPooling2D": ("GlobalMaxPooling2D", [_DATA_FORMAT]),
    "GlobalAveragePooling2D": ("GlobalAveragePooling2D", [_DATA_FORMAT]),
    "GlobalMaxPooling3D": ("GlobalMaxPooling3D", [_DATA_FORMAT]),
    "GlobalAveragePooling3D": ("GlobalAveragePooling3D", [_DATA_FORMAT]),
    "LocallyConnected1D": (None, [Rename(
        "LocallyConnected1D", None, False,
        "removed in Keras 3: write a custom layer (Keras 1's W is (output steps, "
        "filter_length * input_dim, nb_filter), b (output steps, nb_filter))")]),
    "LocallyConnected2D": (None, [Rename(
        "LocallyConnected2D", None, False,
        "removed in Keras 3: write a custom layer (Keras 1's W is (output rows * output "
        "cols, nb_row * nb_col * channels, nb_filter), a patch flattened in the input's "
        "order; b (output rows, output cols, nb_filter))")]),
    "SimpleRNN": ("SimpleRNN", [r for r in _RECURRENT if r.keras1 != "inner_activation"]),
    "GRU": ("GRU", _RECURRENT),
    "LSTM": ("LSTM", _RECURRENT + [Rename(
        "forget_bias_init", "unit_forget_bias", True,
        "'one' -> True, 'zero' -> False; other initializers: manual")]),
    "ConvLSTM2D": ("ConvLSTM2D", [
        Rename(("nb_row", "nb_col"), "kernel_size", True,
               "kernel_size=(nb_row, nb_col); " + _CONV_NOTE + "; Keras 1's 12 per-gate "
               "arrays (W_i, U_i, b_i, W_c, ...) become kernel, recurrent_kernel and bias "
               "with the gates stacked i, f, c, o"),
        Rename("nb_filter", "filters", True, ""), _PADDING,
        Rename("subsample", "strides", True, ""), _DATA_FORMAT,
        Rename("forget_bias_init", "unit_forget_bias", True, "'one' -> True, 'zero' -> False")]
        + [_INERT_CONVLSTM_REGULARIZERS.get(r.keras1, r) for r in _RECURRENT
           if r.keras1 not in ("output_dim", "consume_less") and
           not isinstance(r.keras1, tuple)]),
    "Embedding": ("Embedding", [
        Rename("init", "embeddings_initializer", True, ""),
        Rename("W_regularizer", "embeddings_regularizer", True, ""),
        Rename("W_constraint", "embeddings_constraint", True, ""),
        Rename("input_length", "input_shape", True, "input_length=n -> input_shape=(n,)"),
        Rename("dropout", "dropout", True,
               "no Keras 3 argument: Keras1Embedding (defined in the migrated script, for "
               "every Embedding) drops whole words as Keras 1 did"),
        Rename("weights", "weights", True, "Keras 3's Embedding still takes weights=")]),
    "BatchNormalization": ("BatchNormalization", [
        Rename("mode", None, True,
               "mode=0 (feature-wise, the default) is dropped; modes 1 and 2 (per-sample, "
               "always batch statistics) have no Keras 3 form (manual)"),
        Rename("beta_init", "beta_initializer", True, ""),
        Rename("gamma_init", "gamma_initializer", True, ""),
        Rename("weights", None, False,
               "call layer.set_weights([gamma, beta, mean, variance]) after building "
               "(Keras 1's running_std holds the variance)")]),
    "ELU": ("ELU", []),
    "LeakyReLU": ("LeakyReLU", [Rename("alpha", "negative_slope", True, "")]),
    "PReLU": ("PReLU", [Rename("init", "alpha_initializer", True, ""),
                        Rename("weights", None, False, "call layer.set_weights(...)")]),
    "ThresholdedReLU": ("ReLU", [Rename("theta", "threshold", True,
                                        "ReLU(threshold=theta): equal except at x == theta")]),
    "ParametricSoftplus": (None, [Rename("ParametricSoftplus", None, False,
                                         "no Keras 3 layer: write a custom layer")]),
    "SReLU": (None, [Rename("SReLU", None, False, "no Keras 3 layer: write a custom layer")]),
    "GaussianNoise": ("GaussianNoise", [Rename("sigma", "stddev", True, "")]),
    "GaussianDropout": ("GaussianDropout", [Rename("p", "rate", True, "")]),
    "TimeDistributed": ("TimeDistributed", []),
    "Bidirectional": ("Bidirectional", []),
    "InputLayer": ("InputLayer", [Rename("input_shape", "shape", True, ""),
                                  Rename("batch_input_shape", "batch_shape", True, ""),
                                  Rename("input_dtype", "dtype", True, "")]),
    "Merge": (None, [Rename("mode", None, True, _MERGE_NOTE),
                     Rename("layers", None, False,
                            "Merge([model_a, model_b]) first in a Sequential becomes a "
                            "Keras1MergedSequential (defined in the migrated script); "
                            "elsewhere use the functional API, e.g. "
                            "Concatenate()([model_a.output, model_b.output])")]),
}

#: Keras 1.2.2's other names for some layer classes. The same names are Keras 3's,
#: so a call is read as Keras 1 only when it uses a Keras 1 argument or passes the
#: kernel size as separate positional numbers (Conv2D(32, 3, 3)).
LAYER_ALIASES = {"Conv1D": "Convolution1D", "Conv2D": "Convolution2D",
                 "Conv3D": "Convolution3D", "AtrousConv1D": "AtrousConvolution1D",
                 "AtrousConv2D": "AtrousConvolution2D", "Deconv2D": "Deconvolution2D",
                 "SeparableConv2D": "SeparableConvolution2D"}

#: The order of each Keras 1 layer's parameters (for positional arguments), as Keras
#: 1.2.2's (legacy_keras') classes take them (tests/test_renames.py checks each one).
LAYER_SIGNATURES = {
    "Activation": "activation",
    "Flatten": "",
    "GlobalAveragePooling1D": "",
    "GlobalMaxPooling1D": "",
    "Highway": "init activation weights W_regularizer b_regularizer activity_regularizer "
               "W_constraint b_constraint bias input_dim",
    "LocallyConnected1D": "nb_filter filter_length init activation weights border_mode "
                          "subsample_length W_regularizer b_regularizer activity_regularizer "
                          "W_constraint b_constraint bias input_dim input_length",
    "LocallyConnected2D": "nb_filter nb_row nb_col init activation weights border_mode "
                          "subsample dim_ordering W_regularizer b_regularizer "
                          "activity_regularizer W_constraint b_constraint bias",
    "MaxoutDense": "output_dim nb_feature init weights W_regularizer b_regularizer "
                   "activity_regularizer W_constraint b_constraint bias input_dim",
    "ParametricSoftplus": "alpha_init beta_init weights shared_axes",
    "SReLU": "t_left_init a_left_init t_right_init a_right_init shared_axes",
    "TimeDistributedDense": "output_dim init activation weights W_regularizer b_regularizer "
                            "activity_regularizer W_constraint b_constraint bias input_dim "
                            "input_length",
    "ActivityRegularization": "l1 l2",
    "Dense": "output_dim init activation weights W_regularizer b_regularizer "
             "activity_regularizer W_constraint b_constraint bias input_dim",
    "Dropout": "p noise_shape seed",
    "Lambda": "function output_shape arguments",
    "Masking": "mask_value",
    "Permute": "dims",
    "RepeatVector": "n",
    "Reshape": "target_shape",
    "SpatialDropout1D": "p",
    "SpatialDropout2D": "p dim_ordering",
    "SpatialDropout3D": "p dim_ordering",
    "AtrousConvolution1D": "nb_filter filter_length init activation weights border_mode "
                           "subsample_length atrous_rate W_regularizer b_regularizer "
                           "activity_regularizer W_constraint b_constraint bias",
    "AtrousConvolution2D": "nb_filter nb_row nb_col init activation weights border_mode "
                           "subsample atrous_rate dim_ordering W_regularizer b_regularizer "
                           "activity_regularizer W_constraint b_constraint bias",
    "Convolution1D": "nb_filter filter_length init activation weights border_mode "
                     "subsample_length W_regularizer b_regularizer activity_regularizer "
                     "W_constraint b_constraint bias input_dim input_length",
    "Convolution2D": "nb_filter nb_row nb_col init activation weights border_mode subsample "
                     "dim_ordering W_regularizer b_regularizer activity_regularizer "
                     "W_constraint b_constraint bias",
    "Convolution3D": "nb_filter kernel_dim1 kernel_dim2 kernel_dim3 init activation weights "
                     "border_mode subsample dim_ordering W_regularizer b_regularizer "
                     "activity_regularizer W_constraint b_constraint bias",
    "Deconvolution2D": "nb_filter nb_row nb_col output_shape init activation weights "
                       "border_mode subsample dim_ordering W_regularizer b_regularizer "
                       "activity_regularizer W_constraint b_constraint bias",
    "SeparableConvolution2D": "nb_filter nb_row nb_col init activation weights border_mode "
                              "subsample depth_multiplier dim_ordering depthwise_regularizer "
                              "pointwise_regularizer b_regularizer activity_regularizer "
                              "depthwise_constraint pointwise_constraint b_constraint bias",
    "Cropping1D": "cropping",
    "Cropping2D": "cropping dim_ordering",
    "Cropping3D": "cropping dim_ordering",
    "UpSampling1D": "length",
    "UpSampling2D": "size dim_ordering",
    "UpSampling3D": "size dim_ordering",
    "ZeroPadding1D": "padding",
    "ZeroPadding2D": "padding dim_ordering",
    "ZeroPadding3D": "padding dim_ordering",
    "AveragePooling1D": "pool_length stride border_mode",
    "AveragePooling2D": "pool_size strides border_mode dim_ordering",
    "AveragePooling3D": "pool_size strides border_mode dim_ordering",
    "GlobalAveragePooling2D": "dim_ordering",
    "GlobalAveragePooling3D": "dim_ordering",
    "GlobalMaxPooling2D": "dim_ordering",
    "GlobalMaxPooling3D": "dim_ordering",
    "MaxPooling1D": "pool_length stride border_mode",
    "MaxPooling2D": "pool_size strides border_mode dim_ordering",
    "MaxPooling3D": "pool_size strides border_mode dim_ordering",
    "GRU": "output_dim init inner_init activation inner_activation W_regularizer "
           "U_regularizer b_regularizer dropout_W dropout_U",
    "LSTM": "output_dim init inner_init forget_bias_init activation inner_activation "
            "W_regularizer U_regularizer b_regularizer dropout_W dropout_U",
    "SimpleRNN": "output_dim init inner_init activation W_regularizer U_regularizer "
                 "b_regularizer dropout_W dropout_U",
    "ConvLSTM2D": "nb_filter nb_row nb_col init inner_init forget_bias_init activation "
                  "inner_activation dim_ordering border_mode subsample W_regularizer "
                  "U_regularizer b_regularizer dropout_W dropout_U",
    "Embedding": "input_dim output_dim init input_length W_regularizer activity_regularizer "
                 "W_constraint mask_zero weights dropout",
    "BatchNormalization": "epsilon mode axis momentum weights beta_init gamma_init "
                          "gamma_regularizer beta_regularizer",
    "ELU": "alpha",
    "LeakyReLU": "alpha",
    "PReLU": "init weights shared_axes",
    "ThresholdedReLU": "theta",
    "GaussianDropout": "p",
    "GaussianNoise": "sigma",
    "Bidirectional": "layer merge_mode weights",
    "TimeDistributed": "layer",
    "InputLayer": "input_shape batch_input_shape input_dtype input_tensor sparse name",
    "Merge": "layers mode concat_axis dot_axes output_shape output_mask arguments "
             "node_indices tensor_indices name",
}

#: The leading parameters of each Keras 3 layer, in order: a positional Keras 1
#: argument stays positional only where Keras 3 has the same parameter at that place.
KERAS3_SIGNATURES = {
    "Dense": "units activation use_bias",
    "Activation": "activation",
    "ActivityRegularization": "l1 l2",
    "Dropout": "rate noise_shape seed",
    "Lambda": "function output_shape",
    "Masking": "mask_value",
    "Permute": "dims",
    "RepeatVector": "n",
    "Reshape": "target_shape",
    "SpatialDropout1D": "rate",
    "SpatialDropout2D": "rate data_format",
    "SpatialDropout3D": "rate data_format",
    "Conv1D": "filters kernel_size strides padding data_format",
    "Conv2D": "filters kernel_size strides padding data_format",
    "Conv3D": "filters kernel_size strides padding data_format",
    "Conv2DTranspose": "filters kernel_size strides padding",
    "SeparableConv2D": "filters kernel_size strides padding data_format",
    "Cropping1D": "cropping",
    "Cropping2D": "cropping data_format",
    "Cropping3D": "cropping data_format",
    "UpSampling1D": "size",
    "UpSampling2D": "size data_format",
    "UpSampling3D": "size data_format",
    "ZeroPadding1D": "padding",
    "ZeroPadding2D": "padding data_format",
    "ZeroPadding3D": "padding data_format",
    "AveragePooling1D": "pool_size strides padding data_format",
    "AveragePooling2D": "pool_size strides padding data_format",
    "AveragePooling3D": "pool_size strides padding data_format",
    "MaxPooling1D": "pool_size strides padding data_format",
    "MaxPooling2D": "pool_size strides padding data_format",
    "MaxPooling3D": "pool_size strides padding data_format",
    "GlobalAveragePooling2D": "data_format",
    "GlobalAveragePooling3D": "data_format",
    "GlobalMaxPooling2D": "data_format",
    "GlobalMaxPooling3D": "data_format",
    "GRU": "units activation recurrent_activation",
    "LSTM": "units activation recurrent_activation",
    "SimpleRNN": "units activation",
    "ConvLSTM2D": "filters kernel_size strides padding data_format",
    "Embedding": "input_dim output_dim embeddings_initializer",
    "BatchNormalization": "axis momentum epsilon",
    "ELU": "alpha",
    "LeakyReLU": "negative_slope",
    "PReLU": "alpha_initializer",
    "ReLU": "max_value negative_slope threshold",
    "GaussianDropout": "rate",
    "GaussianNoise": "stddev",
    "Bidirectional": "layer merge_mode",
    "TimeDistributed": "layer",
    "InputLayer": "shape batch_size dtype",
}

#: Keras 3 layer arguments that must be Python ints (a NumPy integer is refused).
INT_ARGUMENTS = {"units", "filters", "input_dim", "output_dim", "n"}

#: Keras 1 defaults that Keras 3 changed: the rewriter writes them out.
LAYER_DEFAULTS = {
    "LSTM": [Default("recurrent_activation", HARD_SIGMOID,
                     "Keras 1's default inner_activation was its hard_sigmoid")],
    "GRU": [Default("recurrent_activation", HARD_SIGMOID,
                    "Keras 1's default inner_activation was its hard_sigmoid"),
            Default("reset_after", "False",
                    "Keras 1's GRU applied the reset gate before the recurrent product")],
    "ConvLSTM2D": [Default("recurrent_activation", HARD_SIGMOID,
                           "Keras 1's default inner_activation was its hard_sigmoid")],
    "ThresholdedReLU": [Default("threshold", "1.0", "Keras 1's default theta")],
    "AveragePooling1D": [Default("pool_size", "2", "Keras 3 has no default")],
    "AveragePooling2D": [Default("pool_size", "(2, 2)", "Keras 3 has no default")],
    "AveragePooling3D": [Default("pool_size", "(2, 2, 2)", "Keras 3 has no default")],
}

#: Layer defaults of older Keras 1 releases (``--keras-version``, legacy_keras.profiles)
#: that the rewriter writes out: (profile switch, its value under the release) ->
#: Default, for the layers whose Keras 1 signature has the Default's Keras 1 argument.
#: Keras 1.0.x's conv, pooling, padding... layers defaulted to dim_ordering='th'
#: (channels first), where 1.1.0+ read keras.json ('tf' by default) and Keras 3 reads its
#: image_data_format (channels_last by default).
RELEASE_LAYER_DEFAULTS = {
    ("default_image_dim_ordering", "th"): ("dim_ordering", Default(
        "data_format", "'channels_first'",
        "Keras %s's default dim_ordering was 'th' (channels first); migrate does not read "
        "keras.json, whose image_dim_ordering overrode that default from Keras 1.0.4")),
}

#: Literal argument values that changed spelling. None: no Keras 3 equivalent (manual);
#: DROP: the argument goes away.
DROP = "(dropped)"
#: Keras 1's dim_ordering values -> Keras 3's data_format values (also what
#: ``K.image_dim_ordering() == 'th'`` compares with once migrated).
DIM_ORDERINGS = {"th": "channels_first", "tf": "channels_last"}
ARGUMENT_VALUES = {
    "border_mode": {"valid": "'valid'", "same": "'same'", "full": None},
    "dim_ordering": dict({keras1: repr(keras3) for keras1, keras3 in DIM_ORDERINGS.items()},
                         default=DROP),
    "mode": {"0": DROP},
    "forget_bias_init": {"one": "True", "zero": "False"},
    "inner_activation": {"hard_sigmoid": HARD_SIGMOID},
    "activation": {"hard_sigmoid": HARD_SIGMOID},
}
#: Arguments of ARGUMENT_VALUES whose value must be a literal the table knows (a
#: variable cannot be mapped: manual).
LITERAL_ONLY_ARGUMENTS = {"dim_ordering", "mode", "forget_bias_init"}
#: Arguments of ARGUMENT_VALUES whose other values carry over as written (any other
#: activation name is spelled the same in Keras 3).
OPEN_VALUE_ARGUMENTS = {"activation", "inner_activation"}

#: Keras 1's merge modes -> (Keras 3 merge function, Keras 3 merge layer); 'cos' is a
#: Dot with normalize=True.
MERGE_MODES = {"sum": ("add", "Add"), "mul": ("multiply", "Multiply"),
               "ave": ("average", "Average"), "max": ("maximum", "Maximum"),
               "concat": ("concatenate", "Concatenate"), "dot": ("dot", "Dot"),
               "cos": ("dot", "Dot")}
#: Keras 1's default merge mode.
DEFAULT_MERGE_MODE = "sum"

#: Arguments every Keras 1 layer took through **kwargs.
BASE_ARGUMENTS = [
    Rename("input_shape", "input_shape", True, "Keras 3 prefers a keras.Input(shape=...)"),
    Rename("batch_input_shape", None, False,
           "Keras 3 layers do not take it: start the model with keras.Input(batch_shape=...)"),
    Rename("input_dtype", None, False,
           "Keras 3 layers do not take it: use keras.Input(..., dtype=...)"),
    Rename("name", "name", True, ""),
    Rename("trainable", "trainable", True, ""),
]

#: Model methods' arguments.
METHOD_ARGUMENTS = {
    "fit": [Rename("nb_epoch", "epochs", True,
                   "Keras 1's default was 10 epochs (Keras 3's: 1): written out when omitted"),
            Rename("show_accuracy", None, True, "dropped (Keras 0.x): use metrics=['accuracy']")],
    "fit_generator": [Rename("generator", "x", True, "fit_generator -> fit"),
                      Rename("nb_epoch", "epochs", True, ""),
                      Rename("samples_per_epoch", "steps_per_epoch", False,
                             "Keras 3 counts batches: divide by the batch size"),
                      Rename("nb_val_samples", "validation_steps", False,
                             "Keras 3 counts batches: divide by the batch size"),
                      Rename("max_q_size", None, True,
                             "dropped: Keras 3 queues a PyDataset itself"),
                      Rename("nb_worker", None, True,
                             "dropped: set workers= on a keras.utils.PyDataset"),
                      Rename("pickle_safe", None, True,
                             "dropped: set use_multiprocessing= on a keras.utils.PyDataset")],
    "evaluate_generator": [Rename("generator", "x", True, ""),
                           Rename("val_samples", "steps", False,
                                  "evaluate_generator -> evaluate; divide by the batch size"),
                           Rename("max_q_size", None, True, "dropped"),
                           Rename("nb_worker", None, True, "dropped"),
                           Rename("pickle_safe", None, True, "dropped")],
    "predict_generator": [Rename("generator", "x", True, ""),
                          Rename("val_samples", "steps", False,
                                 "predict_generator -> predict; divide by the batch size"),
                          Rename("max_q_size", None, True, "dropped"),
                          Rename("nb_worker", None, True, "dropped"),
                          Rename("pickle_safe", None, True, "dropped")],
    "predict": [Rename("verbose", "verbose", True,
                       "Keras 1's default was 0 (Keras 3 shows a progress bar): written out")],
    "compile": [Rename("optimizer", "optimizer", True,
                       "a string whose Keras 3 defaults differ becomes an optimizer object"),
                Rename("metrics", "metrics", True, "'acc' -> 'accuracy'")],
    "Model": [Rename("input", "inputs", True, ""), Rename("output", "outputs", True, "")],
    "save_weights": [Rename("filepath", "filepath", True,
                            "a literal 'name.h5' becomes 'name.weights.h5' (Keras 3 requires "
                            "the suffix)")],
    "load_weights": [Rename("filepath", "filepath", True,
                            "a literal 'name.h5' that save_weights wrote becomes "
                            "'name.weights.h5' (other .h5 files, e.g. ModelCheckpoint's, load "
                            "as they are); files written by Keras 1 need converting (flipped "
                            "kernels, per-gate LSTM weights)"),
                     Rename("by_name", None, False, "Keras 3 loads .weights.h5 by structure")],
}

#: Model methods whose Keras 1 default Keras 3 changed: the rewriter writes it out
#: (on a model, when the call sets it neither by keyword nor by position).
METHOD_DEFAULTS = {
    "fit": Default("epochs", "10", "Keras 1 trained 10 epochs by default"),
    "predict": Default("verbose", "0", "Keras 1's predict printed no progress bar"),
}

#: fit_generator & co's sample counts when the generator is an ImageDataGenerator flow
#: whose batch size the rewriter reads: Keras 1 drew batches until it had seen that
#: many samples, ceil(samples / batch size) batches when each batch is full.
COUNTED_ARGUMENTS = {
    "samples_per_epoch": Rename("samples_per_epoch", "steps_per_epoch", True,
                                "ceil(samples_per_epoch / the flow's batch_size) batches"),
    "val_samples": Rename("val_samples", "steps", True,
                          "ceil(val_samples / the flow's batch_size) batches"),
}
#: Where ImageDataGenerator's flow methods take batch_size positionally.
FLOW_BATCH_SIZE_POSITION = {"flow": 2, "flow_from_directory": 5}

#: The order of the Keras 1 methods' parameters (for positional arguments), and of
#: the leading parameters of their Keras 3 counterparts.
METHOD_SIGNATURES = {
    "fit": ("x y batch_size nb_epoch verbose callbacks validation_split validation_data "
            "shuffle class_weight sample_weight initial_epoch",
            "x y batch_size epochs verbose callbacks validation_split validation_data"),
    "fit_generator": ("generator samples_per_epoch nb_epoch verbose callbacks "
                      "validation_data nb_val_samples class_weight max_q_size nb_worker "
                      "pickle_safe initial_epoch", "x"),
    "evaluate_generator": ("generator val_samples max_q_size nb_worker pickle_safe", "x"),
    "predict_generator": ("generator val_samples max_q_size nb_worker pickle_safe", "x"),
    "predict": ("x batch_size verbose", "x batch_size verbose"),
    "compile": ("optimizer loss metrics loss_weights sample_weight_mode",
                "optimizer loss loss_weights metrics"),
    "Model": ("input output name", "inputs outputs name"),
    "save_weights": ("filepath overwrite", "filepath overwrite"),
    "load_weights": ("filepath by_name", "filepath"),
}

#: Methods Keras 3 removed or renamed.
METHOD_RENAMES = [
    Rename("fit_generator", "fit", True, "Keras 3's fit takes generators and PyDatasets"),
    Rename("evaluate_generator", "evaluate", True, ""),
    Rename("predict_generator", "predict", True, ""),
    Rename("predict_proba", "predict", True, "Keras 1's predict_proba was predict"),
    Rename("predict_classes", None, False,
           "on a model: keras1_predict_classes(model, x) (defined in the migrated script); "
           "elsewhere np.argmax(model.predict(x), axis=-1) for softmax outputs, "
           "(model.predict(x) > 0.5).astype('int32') for sigmoid outputs"),
    Rename("reset_states", None, False,
           "on a model: keras1_reset_states(model) (defined in the migrated script); Keras 3 "
           "resets each stateful layer: layer.reset_states()"),
    Rename("get_output_shape_for", "compute_output_shape", True, "custom layers"),
]

#: Module paths: Keras 1 -> Keras 3 (None: gone).
MODULES = [
    Rename("keras.layers.core", "keras.layers", True, ""),
    Rename("keras.layers.convolutional", "keras.layers", True, ""),
    Rename("keras.layers.pooling", "keras.layers", True, ""),
    Rename("keras.layers.recurrent", "keras.layers", True, ""),
    Rename("keras.layers.embeddings", "keras.layers", True, ""),
    Rename("keras.layers.normalization", "keras.layers", True, ""),
    Rename("keras.layers.advanced_activations", "keras.layers", True, ""),
    Rename("keras.layers.noise", "keras.layers", True, ""),
    Rename("keras.layers.wrappers", "keras.layers", True, ""),
    Rename("keras.layers.convolutional_recurrent", "keras.layers", True, ""),
    Rename("keras.layers.local", None, False, "LocallyConnected layers are gone"),
    Rename("keras.engine.topology", "keras.layers", True, "Input, Layer, InputSpec"),
    Rename("keras.engine.training", "keras.models", True, "Model"),
    Rename("keras.engine", "keras.layers", True, ""),
    Rename("keras.objectives", "keras.losses", True, ""),
    Rename("keras.initializations", "keras.initializers", True,
           "Keras 1 initializers were functions of a shape; Keras 3's are classes"),
    Rename("keras.utils.np_utils", "keras.utils", True, ""),
    Rename("keras.utils.visualize_util", "keras.utils", True, ""),
    Rename("keras.utils.generic_utils", "keras.utils", True, ""),
    Rename("keras.utils.data_utils", "keras.utils", True, ""),
    Rename("keras.utils.layer_utils", "keras.utils", True, ""),
    Rename("keras.utils.io_utils", None, False, "HDF5Matrix is gone: read with h5py"),
    Rename("keras.wrappers.scikit_learn", None, False, "use the scikeras package"),
    Rename("keras.preprocessing.text", "keras1_text", True,
           "removed in Keras 3: migrate -o writes keras1_text.py next to the script, "
           "legacy_keras' Keras 1.2.2 Tokenizer, one_hot, text_to_word_sequence and "
           "base_filter (NumPy only)"),
    Rename("keras.preprocessing.image", "keras1_image", True,
           "ImageDataGenerator and its iterators are gone from Keras 3: migrate -o writes "
           "keras1_image.py next to the script, legacy_keras' Keras 1.2.2 module (NumPy, "
           "SciPy, Pillow; image_dim_ordering from Keras 3's image_data_format)"),
]

#: Names that changed (full Keras 1 path -> full Keras 3 path; None: gone).
NAMES = [
    Rename("keras.utils.visualize_util.plot", "keras.utils.plot_model", True, ""),
    Rename("keras.utils.np_utils.to_categorical", "keras.utils.to_categorical", True,
           "nb_classes -> num_classes"),
    Rename("keras.utils.np_utils.probas_to_classes", None, False,
           "np.argmax(p, axis=-1) (or p > 0.5 for one column)"),
    Rename("keras.utils.np_utils.categorical_probas_to_classes", None, False,
           "np.argmax(p, axis=1)"),
    Rename("keras.utils.np_utils.convert_kernel", None, False,
           "flip the kernel's spatial axes with NumPy"),
    Rename("keras.preprocessing.sequence.pad_sequences", "keras.utils.pad_sequences", True, ""),
    Rename("keras.layers.merge", None, True, _MERGE_NOTE),
    Rename("keras.layers.Merge", None, True, _MERGE_NOTE),
    Rename("keras.regularizers.l1l2", "keras.regularizers.l1_l2", True, ""),
    Rename("keras.regularizers.activity_l1", "keras.regularizers.l1", True, ""),
    Rename("keras.regularizers.activity_l2", "keras.regularizers.l2", True, ""),
    Rename("keras.regularizers.activity_l1l2", "keras.regularizers.l1_l2", True, ""),
    Rename("keras.regularizers.WeightRegularizer", "keras.regularizers.L1L2", True, ""),
    Rename("keras.regularizers.ActivityRegularizer", "keras.regularizers.L1L2", True, ""),
    Rename("keras.constraints.maxnorm", "keras.constraints.MaxNorm", True,
           "m -> max_value"),
    Rename("keras.constraints.nonneg", "keras.constraints.NonNeg", True, ""),
    Rename("keras.constraints.unitnorm", "keras.constraints.UnitNorm", True, ""),
    Rename("keras.metrics.precision", None, False, "use keras.metrics.Precision()"),
    Rename("keras.metrics.recall", None, False, "use keras.metrics.Recall()"),
    Rename("keras.metrics.fmeasure", None, False, "use keras.metrics.F1Score()"),
    Rename("keras.metrics.fbeta_score", None, False, "use keras.metrics.FBetaScore()"),
    Rename("keras.models.model_from_config", None, False,
           "Keras 1 configs do not load in Keras 3: rebuild the model in code"),
    Rename("keras.models.model_from_json", None, False,
           "Keras 1 JSON does not load in Keras 3: rebuild the model in code"),
    Rename("keras.models.model_from_yaml", None, False, "YAML is gone: rebuild in code"),
    Rename("keras.callbacks.RemoteMonitor", "keras.callbacks.RemoteMonitor", True, ""),
]

_DATASET_NOTE = ("Keras 3 reads its own file (%s.npz) and shuffles with its own "
                 "RandomState(seed) (Keras 1 seeded NumPy's global generator): the same "
                 "examples, in another order")
_DATASET_PATH = Rename("path", "path", False,
                       "Keras 1 named its own file (a pickle): Keras 3 reads a .npz; drop "
                       "path= or point it at Keras 3's file")


def _dataset_arguments(name):
    return [Rename("nb_words", "num_words", True, _DATASET_NOTE % name), _DATASET_PATH]


#: Keyword arguments of renamed functions.
FUNCTION_ARGUMENTS = {
    "keras.datasets.imdb.load_data": _dataset_arguments("imdb"),
    "keras.datasets.reuters.load_data": _dataset_arguments("reuters"),
    "keras.datasets.mnist.load_data": [_DATASET_PATH],
    "keras.utils.to_categorical": [Rename("nb_classes", "num_classes", True, "")],
    "keras.constraints.MaxNorm": [Rename("m", "max_value", True, "")],
}

#: Attributes: Keras 1 -> Keras 3 (layers' weights, Theano shared variables' methods).
ATTRIBUTES = [
    Rename("W", "kernel", True,
           "on layers (Embedding's W is .embeddings, PReLU's alphas .alpha); renamed where "
           "the object is known to be a layer or is read with get_value/set_value"),
    Rename("b", "bias", True, "same rule as W"),
    Rename("running_mean", "moving_mean", True, "BatchNormalization"),
    Rename("running_std", "moving_variance", True, "BatchNormalization (it held the variance)"),
    Rename("get_value", "numpy", True, "x.get_value(borrow=True) -> x.numpy()"),
    Rename("set_value", "assign", True, "x.set_value(v) -> x.assign(v): eager, once"),
    Rename("trainable_weights", "trainable_weights", False,
           "assigning it in a custom layer does not register weights in Keras 3: create "
           "them with self.add_weight(...)"),
]

#: History and metric keys.
HISTORY_KEYS = [
    Rename("acc", "accuracy", True, "history.history['acc'], logs['acc'], monitor='acc'"),
    Rename("val_acc", "val_accuracy", True, ""),
]
#: Keras 1 history key -> Keras 3's.
HISTORY_KEY_NAMES = {rename.keras1: rename.keras3 for rename in HISTORY_KEYS}
#: Metric names in compile(metrics=[...]) that Keras 3 spells otherwise.
METRIC_NAMES = {keras1: keras3 for keras1, keras3 in HISTORY_KEY_NAMES.items()
                if not keras1.startswith("val_")}

#: Keras 1.2.2 (Theano) weight layouts that differ from Keras 3's: Keras 1 class ->
#: WeightLayout(kernel, keras1_gates, keras3_gates). ``kernel``: the kind of convolution
#: kernel the layer's W (and a ConvLSTM2D's U) is: Theano convolved (flipped kernels),
#: 'th' kernels are (nb_filter, stack, rows, ...) where Keras 3's are (rows, ...,
#: stack, filters), Convolution1D's is (filter_length, 1, input_dim, nb_filter); None:
#: a plain matrix. ``keras1_gates``: the order of Keras 1's per-gate arrays (W, U, b for
#: each gate), ``keras3_gates`` the order Keras 3 stacks them in (kernel,
#: recurrent_kernel, bias); None for layers without gates. Used by ``legacy-keras
#: compare`` (legacy_keras.migrate.weights) to start the migrated script from the same
#: weights.
WeightLayout = namedtuple("WeightLayout", "kernel keras1_gates keras3_gates")
_CONV1D_LAYOUT = WeightLayout("conv1d", None, None)
_CONV2D_LAYOUT = WeightLayout("conv2d", None, None)
WEIGHT_LAYOUTS = {
    "Convolution1D": _CONV1D_LAYOUT,
    "AtrousConvolution1D": _CONV1D_LAYOUT,
    "Convolution2D": _CONV2D_LAYOUT,
    "AtrousConvolution2D": _CONV2D_LAYOUT,
    "Convolution3D": WeightLayout("conv3d", None, None),
    "LSTM": WeightLayout(None, ("i", "c", "f", "o"), ("i", "f", "c", "o")),
    "GRU": WeightLayout(None, ("z", "r", "h"), ("z", "r", "h")),
    "ConvLSTM2D": WeightLayout("conv2d", ("i", "c", "f", "o"), ("i", "f", "c", "o")),
}

#: Optimizers: Keras 1 class -> (Keras 3 class, Keras 1 parameters, Keras 3's leading
#: parameters, Keras 1 defaults the rewriter writes out because Keras 3's differ). The
#: parameters are the real classes' (tests/test_renames.py checks both sides).
OPTIMIZERS = {
    "SGD": ("SGD", "lr momentum decay nesterov", "learning_rate momentum nesterov", {}),
    "RMSprop": ("Keras1RMSprop", "lr rho epsilon decay", "learning_rate rho epsilon", {}),
    "Adagrad": ("Keras1Adagrad", "lr epsilon decay", "learning_rate epsilon", {}),
    "Adadelta": ("Adadelta", "lr rho epsilon decay", "learning_rate rho epsilon",
                 {"learning_rate": "1.0", "epsilon": "1e-8"}),
    "Adam": ("Adam", "lr beta_1 beta_2 epsilon decay", "learning_rate beta_1 beta_2 epsilon",
             {"learning_rate": "0.001", "epsilon": "1e-8"}),
    "Adamax": ("Adamax", "lr beta_1 beta_2 epsilon decay", "learning_rate beta_1 beta_2 epsilon",
               {"learning_rate": "0.002", "epsilon": "1e-8"}),
    "Nadam": ("Keras1Nadam", "lr beta_1 beta_2 epsilon schedule_decay",
              "learning_rate beta_1 beta_2 epsilon schedule_decay", {}),
}
#: Keras 1's default learning rates (for decay -> InverseTimeDecay(lr, ...)).
OPTIMIZER_LEARNING_RATES = {"SGD": "0.01", "RMSprop": "0.001", "Adagrad": "0.01",
                            "Adadelta": "1.0", "Adam": "0.001", "Adamax": "0.002",
                            "Nadam": "0.002"}
OPTIMIZER_ALIASES = {"sgd": "SGD", "rmsprop": "RMSprop", "adagrad": "Adagrad",
                     "adadelta": "Adadelta", "adam": "Adam", "adamax": "Adamax",
                     "nadam": "Nadam"}
OPTIMIZER_ARGUMENTS = [
    Rename("lr", "learning_rate", True, ""),
    Rename("decay", "learning_rate", True,
           "Keras 1 used lr / (1 + decay * iterations): learning_rate="
           "keras.optimizers.schedules.InverseTimeDecay(lr, decay_steps=1, decay_rate=decay)"),
    Rename("schedule_decay", "schedule_decay", True,
           "Keras1Nadam takes it (Keras 3's Nadam has none: its momentum schedule is "
           "0.96 ** t, Keras 1's 0.96 ** (schedule_decay * t))"),
]
OPTIMIZER_DEFAULTS_NOTE = ("Keras 1's defaults written out where Keras 3's differ "
                           "(epsilon 1e-8 vs 1e-7; Adagrad, Adadelta, Adamax learning rates)")

#: The TODOs of K.gradients: Keras 3 has no symbolic gradients.
GRADIENTS_NOTE = (
    "Keras 3 has no symbolic gradients: decide where to compute them eagerly, e.g. "
    "with tf.GradientTape around a call of the model on concrete inputs (tape.watch the "
    "input), and replace the K.function that returned them by that computation")
GRADIENT_IN_MODEL_NOTE = (
    "a gradient inside the model (%s, given to a Lambda layer): training differentiates "
    "it again, a gradient of a gradient, which Keras 3 layers cannot build; decide how to "
    "compute it without gradients (max-pooling switches: keras.ops.equal(input, "
    "UpSampling(MaxPooling(input))) cast to floats) or write a train_step with nested "
    "tf.GradientTape")
GRADIENT_OF_GRADIENT_NOTE = (
    "a gradient of a gradient (of %s): Keras 3 has no symbolic gradients; decide where to "
    "compute both eagerly, with nested tf.GradientTape")
LOSS_READS_TENSORS_NOTE = (
    "the loss %s reads the model's tensors %s: Keras 3 gives a loss only (y_true, "
    "y_pred); decide how to add that term: e.g. a layer whose call() runs "
    "self.add_loss(...) on those tensors, or a keras.Model subclass's train_step")

#: keras.backend (K) functions -> Keras 3.
BACKEND_FUNCTIONS = [Function(*entry) for entry in [
    ("abs", "(x)", "keras.ops.abs", True, ""),
    ("all", "(x, axis=None, keepdims=False)", "keras.ops.all", True, ""),
    ("any", "(x, axis=None, keepdims=False)", "keras.ops.any", True, ""),
    ("arange", "(start, stop=None, step=1, dtype='int32')", "keras.ops.arange", True, ""),
    ("argmax", "(x, axis=-1)", "keras.ops.argmax(x, axis)", True, ""),
    ("argmin", "(x, axis=-1)", "keras.ops.argmin(x, axis)", True, ""),
    ("batch_dot", "(x, y, axes=None)", None, False,
     "use keras.ops.einsum or keras.layers.Dot(axes)"),
    ("batch_flatten", "(x)", "keras.ops.reshape(x, (keras.ops.shape(x)[0], -1))", True, ""),
    ("binary_crossentropy", "(output, target, from_logits=False)",
     "keras.ops.binary_crossentropy(target, output, from_logits=from_logits)", True,
     "Keras 1 took (output, target); Keras 3 takes (target, output)"),
    ("cast", "(x, dtype)", "keras.ops.cast", True, ""),
    ("categorical_crossentropy", "(output, target, from_logits=False)",
     "keras.ops.categorical_crossentropy(target, output, from_logits=from_logits)", True,
     "Keras 1 took (output, target); Keras 3 takes (target, output)"),
    ("clip", "(x, min_value, max_value)", "keras.ops.clip(x, min_value, max_value)", True, ""),
    ("concatenate", "(tensors, axis=-1)", "keras.ops.concatenate(tensors, axis)", True,
     "Keras 1's default axis was -1 (keras.ops: 0)"),
    ("cos", "(x)", "keras.ops.cos", True, ""),
    ("dot", "(x, y)", "keras.ops.dot", True, ""),
    ("dropout", "(x, level, noise_shape=None, seed=None)",
     "keras.random.dropout(x, level, noise_shape=noise_shape, seed=seed)", True, ""),
    ("elu", "(x, alpha=1.0)", "keras.ops.elu(x, alpha)", True, ""),
    ("epsilon", "()", "keras.config.epsilon()", True, ""),
    ("equal", "(x, y)", "keras.ops.equal", True, ""),
    ("eval", "(x)", "keras.ops.convert_to_numpy(x)", True, ""),
    ("exp", "(x)", "keras.ops.exp", True, ""),
    ("expand_dims", "(x, dim=-1)", "keras.ops.expand_dims(x, dim)", True, ""),
    ("eye", "(size, dtype=None, name=None)", "keras.ops.eye(size, dtype=dtype)", True, ""),
    ("flatten", "(x)", "keras.ops.reshape(x, (-1,))", True, ""),
    ("floatx", "()", "keras.config.floatx()", True, ""),
    ("function", "(inputs, outputs, updates=[], **kwargs)",
     "keras1_function(inputs, outputs)", True,
     "keras1_function (defined in the migrated script) builds keras.Model(inputs, outputs) "
     "and calls it with training= from the learning-phase input; with updates=: manual"),
    ("gather", "(reference, indices)", "keras.ops.take(reference, indices, axis=0)", True, ""),
    ("get_value", "(x)", "keras.ops.convert_to_numpy(x)", True, ""),
    ("gradients", "(loss, variables)", None, False, GRADIENTS_NOTE),
    ("greater", "(x, y)", "keras.ops.greater", True, ""),
    ("greater_equal", "(x, y)", "keras.ops.greater_equal", True, ""),
    ("hard_sigmoid", "(x)", "keras.ops.clip(0.2 * x + 0.5, 0.0, 1.0)", True,
     "Keras 1's hard_sigmoid (keras.ops.hard_sigmoid has slope 1/6)"),
    ("image_dim_ordering", "()", "keras.config.image_data_format()", True,
     "compared with 'th'/'tf': those become 'channels_first'/'channels_last'"),
    ("int_shape", "(x)", "keras.ops.shape(x)", True, ""),
    ("l2_normalize", "(x, axis)", "keras.ops.normalize(x, axis=axis)", True, ""),
    ("learning_phase", "()", "KERAS1_LEARNING_PHASE", True,
     "a marker keras1_function understands (Keras 3 passes training=True/False to "
     "layers' call instead); elsewhere: manual"),
    ("lesser", "(x, y)", "keras.ops.less", True, ""),
    ("lesser_equal", "(x, y)", "keras.ops.less_equal", True, ""),
    ("log", "(x)", "keras.ops.log", True, ""),
    ("max", "(x, axis=None, keepdims=False)", "keras.ops.max", True, ""),
    ("maximum", "(x, y)", "keras.ops.maximum", True, ""),
    ("mean", "(x, axis=None, keepdims=False)", "keras.ops.mean", True, ""),
    ("min", "(x, axis=None, keepdims=False)", "keras.ops.min", True, ""),
    ("minimum", "(x, y)", "keras.ops.minimum", True, ""),
    ("ndim", "(x)", "keras.ops.ndim", True, ""),
    ("not_equal", "(x, y)", "keras.ops.not_equal", True, ""),
    ("one_hot", "(indices, nb_classes)", "keras.ops.one_hot(indices, nb_classes)", True, ""),
    ("ones", "(shape, dtype=None, name=None)", "keras.ops.ones(shape, dtype=dtype)", True, ""),
    ("ones_like", "(x, name=None)", "keras.ops.ones_like(x)", True, ""),
    ("permute_dimensions", "(x, pattern)", "keras.ops.transpose(x, pattern)", True, ""),
    ("placeholder", "(shape=None, ndim=None, dtype=None, sparse=False, name=None)", None,
     False, "use keras.Input(shape=...) (without the batch dimension)"),
    ("pow", "(x, a)", "keras.ops.power(x, a)", True, ""),
    ("prod", "(x, axis=None, keepdims=False)", "keras.ops.prod", True, ""),
    ("random_normal", "(shape, mean=0.0, std=1.0, dtype=None, seed=None)",
     "keras.random.normal(shape, mean=mean, stddev=std, dtype=dtype, seed=seed)", True, ""),
    ("random_uniform", "(shape, low=0.0, high=1.0, dtype=None, seed=None)",
     "keras.random.uniform(shape, minval=low, maxval=high, dtype=dtype, seed=seed)", True, ""),
    ("relu", "(x, alpha=0.0, max_value=None)", "keras.ops.relu(x)", True,
     "with alpha or max_value: manual (keras.ops.leaky_relu, keras.ops.clip)"),
    ("repeat_elements", "(x, rep, axis)", "keras.ops.repeat(x, rep, axis=axis)", True, ""),
    ("reshape", "(x, shape)", "keras.ops.reshape", True, ""),
    ("round", "(x)", "keras.ops.round", True, ""),
    ("set_epsilon", "(e)", "keras.config.set_epsilon(e)", True, ""),
    ("set_floatx", "(floatx)", "keras.config.set_floatx(floatx)", True, ""),
    ("set_image_dim_ordering", "(dim_ordering)",
     "keras.config.set_image_data_format(dim_ordering)", True,
     "'th' -> 'channels_first', 'tf' -> 'channels_last'"),
    ("set_value", "(x, value)", "x.assign(value)", True, ""),
    ("shape", "(x)", "keras.ops.shape(x)", True, ""),
    ("sigmoid", "(x)", "keras.ops.sigmoid", True, ""),
    ("sign", "(x)", "keras.ops.sign", True, ""),
    ("sin", "(x)", "keras.ops.sin", True, ""),
    ("softmax", "(x)", "keras.ops.softmax(x)", True, ""),
    ("softplus", "(x)", "keras.ops.softplus", True, ""),
    ("softsign", "(x)", "keras.ops.softsign", True, ""),
    ("sparse_categorical_crossentropy", "(output, target, from_logits=False)",
     "keras.ops.sparse_categorical_crossentropy(target, output, from_logits=from_logits)",
     True, "Keras 1 took (output, target); Keras 3 takes (target, output)"),
    ("sqrt", "(x)", "keras.ops.sqrt", True, ""),
    ("square", "(x)", "keras.ops.square", True, ""),
    ("squeeze", "(x, axis)", "keras.ops.squeeze", True, ""),
    ("std", "(x, axis=None, keepdims=False)", "keras.ops.std", True, ""),
    ("stop_gradient", "(variables)", "keras.ops.stop_gradient", True, ""),
    ("sum", "(x, axis=None, keepdims=False)", "keras.ops.sum", True, ""),
    ("switch", "(condition, then_expression, else_expression)",
     "keras.ops.where(condition, then_expression, else_expression)", True, ""),
    ("tanh", "(x)", "keras.ops.tanh", True, ""),
    ("tile", "(x, n)", "keras.ops.tile", True, ""),
    ("transpose", "(x)", "keras.ops.transpose", True, ""),
    ("var", "(x, axis=None, keepdims=False)", "keras.ops.var", True, ""),
    ("variable", "(value, dtype=None, name=None)",
     "keras.Variable(value, dtype=dtype, name=name)", True, ""),
    ("zeros", "(shape, dtype=None, name=None)", "keras.ops.zeros(shape, dtype=dtype)", True, ""),
    ("zeros_like", "(x, name=None)", "keras.ops.zeros_like(x)", True, ""),
    ("backend", "()", None, False,
     "Keras 3 answers 'tensorflow' (keras.config.backend()): remove Theano-only branches"),
    ("rnn", "(step_function, inputs, initial_states, **kwargs)", None, False,
     "use keras.layers.RNN with a custom cell"),
    ("update", "(x, new_x)", None, False, "x.assign(new_x) in eager code"),
    ("update_add", "(x, increment)", None, False, "x.assign_add(increment) in eager code"),
    ("set_learning_phase", "(value)", None, False,
     "Keras 3 passes training=True/False to layers' call"),
    ("conv2d", "(x, kernel, **kwargs)", None, False,
     "keras.ops.conv (cross-correlation: flip Theano kernels)"),
    ("pool2d", "(x, pool_size, **kwargs)", None, False, "keras.ops.max_pool / average_pool"),
    ("print_tensor", "(x, message='')", None, False, "print eagerly, or tf.print"),
]]

#: keras.initializations functions called on a shape -> the Keras 3 initializer object
#: (the rewriter calls it on the shape; a ``lambda shape, name: normal(shape, ...)``
#: becomes the object itself; Keras 3 names the weight, so ``name`` goes).
INITIALIZATIONS = [Function(*entry) for entry in [
    ("uniform", "(shape, scale=0.05, name=None)",
     "keras.initializers.RandomUniform(-scale, scale)", True, ""),
    ("normal", "(shape, scale=0.05, name=None)",
     "keras.initializers.RandomNormal(stddev=scale)", True, ""),
    ("lecun_uniform", "(shape, name=None, dim_ordering='th')",
     "keras.initializers.LecunUniform()", True, ""),
    ("glorot_normal", "(shape, name=None, dim_ordering='th')",
     "keras.initializers.VarianceScaling(1.0, 'fan_avg', 'untruncated_normal')", True,
     "Keras 1's was not truncated (Keras 3's GlorotNormal is)"),
    ("glorot_uniform", "(shape, name=None, dim_ordering='th')",
     "keras.initializers.GlorotUniform()", True, ""),
    ("he_normal", "(shape, name=None, dim_ordering='th')",
     "keras.initializers.VarianceScaling(2.0, 'fan_in', 'untruncated_normal')", True,
     "Keras 1's was not truncated (Keras 3's HeNormal is)"),
    ("he_uniform", "(shape, name=None, dim_ordering='th')",
     "keras.initializers.HeUniform()", True, ""),
    ("orthogonal", "(shape, scale=1.1, name=None)", "keras.initializers.Orthogonal(scale)",
     True, "Keras 1's default scale 1.1 is written out"),
    ("identity", "(shape, scale=1, name=None)", "keras.initializers.Identity(scale)", True, ""),
    ("zero", "(shape, name=None)", "keras.initializers.Zeros()", True, ""),
    ("one", "(shape, name=None)", "keras.initializers.Ones()", True, ""),
]]
INITIALIZATIONS_NOTE = ("Keras 1's initializations were functions of (shape, name); Keras 3's "
                        "initializers are objects called with (shape, dtype=...); fans of "
                        "Keras 1 'th' convolution kernels were counted in 'th' order")

#: Theano names -> Keras 3 (Theano's API under theano.*; T is theano.tensor).
THEANO = [Function(*entry) for entry in [
    ("printing.debugprint", "(obj, **kwargs)", None, False,
     "Keras 3 has no symbolic graph to print: use model.summary() or "
     "keras.utils.plot_model(model); migrate keeps the call as a comment"),
    ("printing.pydotprint", "(fct, **kwargs)", None, False,
     "use keras.utils.plot_model(model, to_file=...); migrate keeps the call as a comment"),
    ("function", "(inputs, outputs=None, **kwargs)", None, False,
     "build keras.Model(inputs, outputs) and call its predict(...), or compute eagerly"),
    ("shared", "(value, name=None, strict=False, allow_downcast=None, borrow=False)",
     "keras.Variable(value, name=name)", True, ""),
    ("config.floatX", None, "keras.config.floatx()", True, ""),
    ("grad", "(cost, wrt, **kwargs)", None, False, "use tf.GradientTape"),
    ("scan", "(fn, **kwargs)", None, False, "use keras.ops.scan or a Python loop"),
    ("clone", "(output, replace=None, **kwargs)", None, False, "rebuild the model in code"),
    ("tensor.sum", "(input, axis=None, keepdims=False)", "keras.ops.sum", True, ""),
    ("tensor.mean", "(input, axis=None, keepdims=False)", "keras.ops.mean", True, ""),
    ("tensor.exp", "(a)", "keras.ops.exp", True, ""),
    ("tensor.log", "(a)", "keras.ops.log", True, ""),
    ("tensor.sqrt", "(a)", "keras.ops.sqrt", True, ""),
    ("tensor.square", "(a)", "keras.ops.square", True, ""),
    ("tensor.tanh", "(a)", "keras.ops.tanh", True, ""),
    ("tensor.dot", "(a, b)", "keras.ops.dot", True, ""),
    ("tensor.maximum", "(a, b)", "keras.ops.maximum", True, ""),
    ("tensor.minimum", "(a, b)", "keras.ops.minimum", True, ""),
    ("tensor.concatenate", "(tensor_list, axis=0)", "keras.ops.concatenate", True, ""),
    ("tensor.reshape", "(x, newshape)", "keras.ops.reshape", True, ""),
    ("tensor.abs_", "(a)", "keras.ops.abs", True, ""),
    ("tensor.nnet.sigmoid", "(x)", "keras.ops.sigmoid", True, ""),
    ("tensor.nnet.softmax", "(x)", "keras.ops.softmax(x)", True, ""),
    ("tensor.nnet.relu", "(x)", "keras.ops.relu(x)", True, ""),
    ("tensor.switch", "(cond, ift, iff)", "keras.ops.where(cond, ift, iff)", True, ""),
    ("tensor.matrix", "(name=None, dtype=None)", None, False, "use keras.Input(shape=...)"),
    ("tensor.vector", "(name=None, dtype=None)", None, False, "use keras.Input(shape=...)"),
    ("tensor.scalar", "(name=None, dtype=None)", None, False, "use a Python number"),
    ("tensor.tensor3", "(name=None, dtype=None)", None, False, "use keras.Input(shape=...)"),
    ("tensor.tensor4", "(name=None, dtype=None)", None, False, "use keras.Input(shape=...)"),
]]

#: Theano statements the rewriter keeps as comments (Keras 3 has nothing to run).
THEANO_COMMENTED_OUT = ("printing.debugprint", "printing.pydotprint")


def keras1_spelling(keras1):
    """A Keras 1 argument, or several grouped into one Keras 3 argument, as text."""
    return ", ".join(keras1) if isinstance(keras1, tuple) else keras1


def keras1_name_for(class_name, keras3_argument):
    """The Keras 1 argument of ``class_name`` that Keras 3 calls ``keras3_argument``."""
    _, renames = LAYERS.get(class_name, (None, []))
    for rename in renames + BASE_ARGUMENTS:
        if rename.keras3 == keras3_argument:
            return keras1_spelling(rename.keras1)
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


def _code(name):
    return "`%s`" % keras1_spelling(name) if name else "(none)"


def _yes_no(automatic):
    return "yes" if automatic else "no"


def _rename_rows(title, header, renames):
    lines = ["", "### " + title, "", header, "|---|---|---|---|"]
    for rename in renames:
        lines.append("| %s | %s | %s | %s |" % (_code(rename.keras1), _code(rename.keras3),
                                               _yes_no(rename.automatic), rename.note))
    return lines


def _layer_rows():
    lines = ["### Layers and their arguments", "",
             "| Keras 1.2.2 | Keras 3 | argument (Keras 1) | argument (Keras 3) | automatic | note |",
             "|---|---|---|---|---|---|"]
    for keras1_class, (keras3_class, renames) in sorted(LAYERS.items()):
        if not renames:
            lines.append("| `%s` | `%s` | | | yes | |" % (keras1_class, keras3_class))
        for rename in renames:
            lines.append("| `%s` | %s | %s | %s | %s | %s |" % (
                keras1_class, _code(keras3_class), _code(rename.keras1), _code(rename.keras3),
                _yes_no(rename.automatic), rename.note))
    lines += ["", "Keras 1.2.2's aliases: " + ", ".join(
        "`%s` = `%s`" % item for item in sorted(LAYER_ALIASES.items())) + "."]
    return lines


def _default_rows():
    lines = ["", "### Keras 1 defaults that Keras 3 changed (written out by migrate)", "",
             "| Keras 1.2.2 | Keras 3 argument | value | note |", "|---|---|---|---|"]
    for keras1_class, defaults in sorted(LAYER_DEFAULTS.items()):
        for default in defaults:
            lines.append("| `%s` | `%s` | `%s` | %s |" % (keras1_class, default.keras3,
                                                        default.value, default.note))
    for keras1_class, (_, _, _, defaults) in sorted(OPTIMIZERS.items()):
        if defaults:
            lines.append("| `%s()` | %s | %s | %s |" % (
                keras1_class, ", ".join("`%s`" % name for name in defaults),
                ", ".join("`%s`" % value for value in defaults.values()),
                "also for the string %r in compile" % keras1_class.lower()))
    guide_notes = {"fit": "Keras 1's default nb_epoch",
                   "predict": "Keras 1 printed no progress bar"}
    for method, default in METHOD_DEFAULTS.items():
        lines.append("| `%s` | `%s` | `%s` | %s |" % (method, default.keras3, default.value,
                                                    guide_notes[method]))
    return lines


def _value_rows():
    lines = ["", "### Argument values", "",
             "| argument (Keras 1) | value (Keras 1) | value (Keras 3) |", "|---|---|---|"]
    for argument, values in sorted(ARGUMENT_VALUES.items()):
        for keras1, keras3 in values.items():
            lines.append("| `%s` | `%r` | %s |" % (
                argument, keras1, "`%s`" % keras3 if keras3 else "(none: manual)"))
    return lines


def _method_rows():
    lines = ["", "### Model methods", "",
             "| method | Keras 1.2.2 | Keras 3 | automatic | note |", "|---|---|---|---|---|"]
    for method, renames in sorted(METHOD_ARGUMENTS.items()):
        for rename in renames:
            lines.append("| `%s` | %s | %s | %s | %s |" % (
                method, _code(rename.keras1), _code(rename.keras3),
                _yes_no(rename.automatic), rename.note))
    return lines + _rename_rows("Methods renamed or removed",
                                "| Keras 1.2.2 | Keras 3 | automatic | note |", METHOD_RENAMES)


def _function_rows(title, prefix, functions):
    lines = ["", "### " + title, "", "| Keras 1.2.2 | Keras 3 | automatic | note |",
             "|---|---|---|---|"]
    for function in functions:
        lines.append("| `%s%s%s` | %s | %s | %s |" % (
            prefix, function.keras1, function.signature or "", _code(function.keras3),
            _yes_no(function.automatic), function.note))
    return lines


def _optimizer_rows():
    lines = ["", "### Optimizers", "", "| Keras 1.2.2 | Keras 3 | automatic | note |",
             "|---|---|---|---|"]
    for keras1_class, (keras3_class, _, _, _) in sorted(OPTIMIZERS.items()):
        if keras3_class in HELPERS:
            lines.append("| `%s` | `%s` (defined in the migrated script) | yes | %s |" % (
                keras1_class, keras3_class, " ".join(HELPERS[keras3_class].split('"""')[1].split())))
            continue
        lines.append("| `%s` | `keras.optimizers.%s` | yes | %s |" % (
            keras1_class, keras3_class, OPTIMIZER_DEFAULTS_NOTE))
    for rename in OPTIMIZER_ARGUMENTS:
        lines.append("| %s | %s | %s | %s |" % (_code(rename.keras1), _code(rename.keras3),
                                               _yes_no(rename.automatic), rename.note))
    return lines


def markdown_tables():
    """The rename tables of migration_guide.md, generated from this module."""
    lines = _layer_rows()
    lines += ["", "### Arguments every layer took", "",
              "| Keras 1.2.2 | Keras 3 | automatic | note |", "|---|---|---|---|"]
    for rename in BASE_ARGUMENTS:
        lines.append("| %s | %s | %s | %s |" % (_code(rename.keras1), _code(rename.keras3),
                                               _yes_no(rename.automatic), rename.note))
    lines += _value_rows() + _default_rows() + _method_rows()
    lines += _rename_rows("Modules", "| Keras 1.2.2 | Keras 3 | automatic | note |", MODULES)
    lines += _rename_rows("Names", "| Keras 1.2.2 | Keras 3 | automatic | note |", NAMES)
    lines += _rename_rows("Attributes", "| Keras 1.2.2 | Keras 3 | automatic | note |",
                          ATTRIBUTES)
    lines += _rename_rows("History and metric keys",
                          "| Keras 1.2.2 | Keras 3 | automatic | note |", HISTORY_KEYS)
    lines += _optimizer_rows()
    lines += _function_rows("Backend functions (`from keras import backend as K`)", "K.",
                            BACKEND_FUNCTIONS)
    lines += _function_rows("Theano", "theano.", THEANO)
    lines += _function_rows("Initializations (`from keras import initializations`)",
                            "initializations.", INITIALIZATIONS)
    lines += _helper_rows()
    return "\n".join(lines) + "\n"


def _helper_rows():
    lines = ["", "### Function arguments", "",
             "| function | Keras 1.2.2 | Keras 3 | automatic | note |", "|---|---|---|---|---|"]
    for function, renames in sorted(FUNCTION_ARGUMENTS.items()):
        for rename in renames:
            lines.append("| `%s` | %s | %s | %s | %s |" % (
                function, _code(rename.keras1), _code(rename.keras3),
                _yes_no(rename.automatic), rename.note))
    lines += ["", "### Defined in the migrated script", "",
              "| Keras 1.2.2 | Keras 3 | note |", "|---|---|---|"]
    for dotted, (helper, note) in sorted(FUNCTION_HELPERS.items()):
        lines.append("| `%s` | `%s` | %s |" % (dotted, helper, note))
    for method, (helper, note) in sorted(METHOD_HELPERS.items()):
        lines.append("| `model.%s(...)` | `%s(model, ...)` | %s |" % (method, helper, note))
    for (layer, argument), (helper, note) in sorted(LAYER_HELPERS.items()):
        lines.append("| `%s` | `%s` | %s |" % (layer, helper, note))
    return lines


GUIDE_BEGIN = "<!-- rename tables: generated by `python -m legacy_keras.renames`; do not edit -->"
GUIDE_END = "<!-- end of generated rename tables -->"


def update_guide(path):
    """Rewrites the generated part of ``migration_guide.md`` from the table."""
    with open(path, encoding="utf8") as f:
        text = f.read()
    start = text.index(GUIDE_BEGIN) + len(GUIDE_BEGIN)
    end = text.index(GUIDE_END)
    with open(path, "w", encoding="utf8") as f:
        f.write(text[:start] + "\n" + markdown_tables() + text[end:])


if __name__ == "__main__":
    import sys

    update_guide(sys.argv[1] if len(sys.argv) > 1 else "migration_guide.md")
