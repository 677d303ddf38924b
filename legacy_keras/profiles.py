"""Keras 1 version profiles: which Keras 1.x release's behaviour legacy_keras reproduces.

legacy_keras reproduces Keras 1.2.2 by default. Keras 1.0.x and 1.1.x scripts were
written against other defaults and formulas (a 1.0 conv net reads ``input_shape=(1, 28,
28)`` channels first; 1.0.1's RMSprop adds its epsilon under the square root ...), and
under 1.2.2 semantics they silently compute something else. A *profile* is the set of
those behaviours for one release.

A profile is data: :data:`SWITCHES` is the one table of every behaviour that changed
between Keras 1.0.0 and 1.2.2, each with its value from the release where it changed.
Layers, optimizers and the engine ask the active profile (``profiles.switch(name)``);
no version comparisons are scattered through them.

Choosing the release (first match wins; see :func:`select`):

1. ``legacy-keras run --keras-version 1.0.1 script.py``, ``legacy_keras.install(version=)``
2. the ``LEGACY_KERAS_VERSION`` environment variable
3. an exact pin ``keras==X`` in a ``requirements*.txt`` or ``setup.py`` next to the script
4. the default, 1.2.2

A one-line note on stderr says where a non-default choice came from. ``keras.__version__``
reports the active release.

Each boundary was read from the source of every release (1.0.0 ... 1.2.2, as published
on PyPI); each switch's values were checked against real Keras 1.0.1, 1.0.8, 1.1.2 and
1.2.2 on Theano 1.0.5 (the reference environment; goldens ``tests/goldens/v_*@X``).
"""
import os
import re
import sys

DEFAULT_VERSION = "1.2.2"
RELEASES = ("1.0.0", "1.0.1", "1.0.2", "1.0.3", "1.0.4", "1.0.5", "1.0.6", "1.0.7",
            "1.0.8", "1.1.0", "1.1.1", "1.1.2", "1.2.0", "1.2.1", "1.2.2")
# Releases the reference environment builds: every switch value is checked there.
CHECKED_RELEASES = ("1.0.1", "1.0.8", "1.1.2", "1.2.2")
ENV_VARIABLE = "LEGACY_KERAS_VERSION"


def _key(version):
    return tuple(int(part) for part in version.split("."))


class Switch(object):
    """One behaviour that changed between releases: ``history`` is a sequence of
    ``(release, value)``, the value holding from that release until the next entry."""

    def __init__(self, name, doc, *history):
        if history[0][0] != RELEASES[0]:
            raise ValueError("switch %s must say its value from %s" % (name, RELEASES[0]))
        self.name = name
        self.doc = doc
        self.history = tuple(sorted(history, key=lambda item: _key(item[0])))

    def value_at(self, version):
        value = None
        for release, release_value in self.history:
            if _key(release) <= _key(version):
                value = release_value
        return value


_SWITCHES = (
    # --- configuration and defaults -------------------------------------------------
    Switch("default_image_dim_ordering",
           "The image dimension ordering conv / pooling layers use when the script does not "
           "give one: 'th' (channels first) until 1.0.8, 'tf' from 1.1.0.",
           ("1.0.0", "th"), ("1.1.0", "tf")),
    Switch("keras_json_image_dim_ordering",
           "Whether keras.json's 'image_dim_ordering' is read (1.0.4+). 1.0.0-1.0.3 had no "
           "global ordering at all: conv layers default to dim_ordering='th'.",
           ("1.0.0", False), ("1.0.4", True)),
    # --- initial weights ----------------------------------------------------------------
    Switch("conv_fans_receptive_field",
           "glorot / he / lecun fans of conv kernels: up to 1.0.3 fan_in = stack * rows * "
           "cols, fan_out = nb_filter; from 1.0.4 both are multiplied by the receptive field.",
           ("1.0.0", False), ("1.0.4", True)),
    Switch("conv_init_dim_ordering",
           "Which ordering a conv layer's initializer computes fans in: 'th' up to 1.1.2 "
           "(1.0.x passed dim_ordering to initializations.get, which dropped it; 1.1.x "
           "called init(shape)), so a 'tf' kernel's fans were computed as if it were 'th'; "
           "'layer' (the layer's own dim_ordering) from 1.2.0.",
           ("1.0.0", "th"), ("1.2.0", "layer")),
    Switch("conv1d_default_init",
           "Convolution1D's default init: 'uniform' up to 1.1.1, 'glorot_uniform' from 1.1.2.",
           ("1.0.0", "uniform"), ("1.1.2", "glorot_uniform")),
    Switch("conv1d_kernel_layout",
           "Convolution1D's kernel: 'th' (nb_filter, input_dim, filter_length, 1), a 'th' "
           "conv2d over (samples, input_dim, steps, 1), up to 1.0.8; 'tf' "
           "(filter_length, 1, input_dim, nb_filter) from 1.1.0.",
           ("1.0.0", "th"), ("1.1.0", "tf")),
    Switch("cifar_follows_dim_ordering",
           "Whether cifar10 / cifar100.load_data() give channels-last images when the "
           "image ordering is 'tf' (1.1.0+); 1.0.x always gave (n, 3, 32, 32).",
           ("1.0.0", False), ("1.1.0", True)),
    Switch("recurrent_gate_u",
           "What draws and regularizes the per-gate recurrent matrices of LSTM (U_i ... U_o) "
           "and GRU (U_z, U_r, U_h) with consume_less 'cpu' (the default) / 'mem': "
           "'inner_init' (orthogonal) and U_regularizer up to 1.1.2; 'init' and "
           "W_regularizer in 1.2.x (its add_weight calls passed init for them).",
           ("1.0.0", "inner_init"), ("1.2.0", "init")),
    Switch("image_generator_featurewise_default",
           "ImageDataGenerator's default featurewise_center and "
           "featurewise_std_normalization: True in 1.0.0-1.0.1, False from 1.0.2.",
           ("1.0.0", True), ("1.0.2", False)),
    Switch("image_generator_statistics",
           "What ImageDataGenerator.fit's featurewise mean / std are taken over: 'pixel' "
           "(the samples axis only: one value per pixel and channel, up to 1.1.2) or "
           "'channel' (samples, rows and columns: one value per channel, 1.2.0+).",
           ("1.0.0", "pixel"), ("1.2.0", "channel")),
    Switch("zca_sigma_divisor",
           "ImageDataGenerator.fit's ZCA covariance X'X divided by 'features' (the "
           "flattened image size, up to 1.1.0) or by 'samples' (1.1.1+).",
           ("1.0.0", "features"), ("1.1.1", "samples")),
    # --- layers -------------------------------------------------------------------------
    Switch("highway_transform_bias",
           "Highway up to 1.1.2: b_carry starts at transform_bias (default -2) and the "
           "weights are listed W, b, W_carry, b_carry; from 1.2.0 b_carry starts at 1 "
           "(transform_bias ignored, deprecated in 1.2.1) and the order is W, W_carry, b, "
           "b_carry.",
           ("1.0.0", True), ("1.2.0", False)),
    Switch("layer_set_input",
           "Whether layers have set_input(input_tensor, shape=None) (1.0.0-1.1.1): it drops "
           "the layer's connections and makes it a first layer on a given tensor; removed "
           "in 1.1.2.",
           ("1.0.0", True), ("1.1.2", False)),
    Switch("batchnorm_epsilon", "BatchNormalization's default epsilon.",
           ("1.0.0", 1e-6), ("1.0.8", 1e-5), ("1.2.0", 1e-3)),
    Switch("batchnorm_momentum", "BatchNormalization's default momentum.",
           ("1.0.0", 0.9), ("1.0.7", 0.99)),
    Switch("batchnorm_running_std",
           "What BatchNormalization's (mode 0) running_std weight holds: 'std' (1.0.0-1.0.5: "
           "the moving average of the batch sqrt(var + epsilon); x is normalized by "
           "std + epsilon) or 'variance' (1.0.6+: the moving average of the batch variance, "
           "used as a variance).",
           ("1.0.0", "std"), ("1.0.6", "variance")),
    Switch("batchnorm_mode1_std",
           "BatchNormalization mode 1 divides by K.std(x) + epsilon ('std', 1.0.0-1.0.4) or "
           "by sqrt(var + epsilon) + epsilon ('sqrt_var_epsilon', 1.0.5+).",
           ("1.0.0", "std"), ("1.0.5", "sqrt_var_epsilon")),
    Switch("batchnorm_theano_ops",
           "K.normalize_batch_in_training / K.batch_normalization on Theano's "
           "batch_normalization_train / _test ops (1.2.0+: epsilon must be at least 1e-5, "
           "the batch variance comes back as var + epsilon) or computed directly "
           "(1.0.6-1.1.2: x.mean / x.var and T.nnet.bn.batch_normalization(mode="
           "'high_mem'); any epsilon, the batch variance itself).",
           ("1.0.0", False), ("1.2.0", True)),
    # --- optimizers -----------------------------------------------------------------------
    Switch("adaptive_epsilon", "RMSprop / Adagrad / Adadelta's default epsilon.",
           ("1.0.0", 1e-6), ("1.0.3", 1e-8)),
    Switch("adaptive_epsilon_inside_sqrt",
           "RMSprop / Adagrad: up to 1.0.2 the step divides by sqrt(acc + epsilon); from "
           "1.0.3 by sqrt(acc) + epsilon (Adadelta kept its formula).",
           ("1.0.0", True), ("1.0.3", False)),
    Switch("optimizer_kwargs_checked",
           "What an optimizer does with an unknown keyword argument: None (1.0.0-1.0.2: "
           "accepted silently, RMSprop(decay=...) changed nothing), or the name of the "
           "exception it raises ('Exception' 1.0.3-1.1.2, 'TypeError' from 1.2.0).",
           ("1.0.0", None), ("1.0.3", "Exception"), ("1.2.0", "TypeError")),
    Switch("optimizer_lr_decay",
           "Which optimizers take decay=: 'sgd' up to 1.0.8 (others ignore it up to 1.0.2, "
           "refuse it 1.0.3-1.0.8), 'all' from 1.1.0.",
           ("1.0.0", "sgd"), ("1.1.0", "all")),
    Switch("predict_dtype",
           "The dtype of predict()'s arrays: 'float64' up to 1.0.5 (collected in "
           "np.zeros(shape)), 'floatx' from 1.0.6.",
           ("1.0.0", "float64"), ("1.0.6", "floatx")),
    Switch("callback_private_setters",
           "Whether fit() calls a callback's _set_model / _set_params (up to 1.2.0) rather "
           "than set_model / set_params (1.2.1+).",
           ("1.0.0", True), ("1.2.1", False)),
    Switch("early_stopping_positional",
           "EarlyStopping's positional arguments when they differ from 1.2.2's "
           "(monitor, min_delta, patience, verbose, mode): up to 1.1.0 there was no "
           "min_delta, so EarlyStopping('val_loss', 3) meant patience=3.",
           ("1.0.0", ("monitor", "patience", "verbose", "mode")), ("1.1.1", None)),
    Switch("model_checkpoint_positional",
           "ModelCheckpoint's positional arguments when they differ from 1.2.2's: up to "
           "1.0.6 (filepath, monitor, verbose, save_best_only, mode), no "
           "save_weights_only.",
           ("1.0.0", ("filepath", "monitor", "verbose", "save_best_only", "mode")),
           ("1.0.7", None)),
    Switch("graph_trains_node_layers_only",
           "What the legacy Graph container (1.0.0-1.1.1) trains: every layer (up to "
           "1.0.4), or the layers of its nodes only (1.0.5+), so the layer of a shared "
           "node merged with merge_mode (the node is the Merge) stays untrained.",
           ("1.0.0", False), ("1.0.5", True)),
    # --- printed text ------------------------------------------------------------------
    Switch("summary_positions",
           "summary()'s column ends: (35, 55, 67, 100) characters up to 1.0.3, then "
           "fractions (.33, .55, .67, 1.) of the line length.",
           ("1.0.0", (35, 55, 67, 100)), ("1.0.4", (.33, .55, .67, 1.))),
    Switch("plot_label_format",
           "plot() / model_to_dot node labels: '{} ({})' (name (Class)) up to 1.1.0, "
           "'{}: {}' from 1.1.1.",
           ("1.0.0", "{} ({})"), ("1.1.1", "{}: {}")),
    Switch("count_params",
           "What summary()'s 'Param #' and total count: the layer's trainable weights, its "
           "`trainable` flag not looked at ('trainable_unfiltered', up to 1.0.6) or looked "
           "at ('trainable', 1.0.7-1.1.2: a frozen layer, BatchNormalization's running "
           "statistics count 0); every weight ('all', 1.2.0+).",
           ("1.0.0", "trainable_unfiltered"), ("1.0.7", "trainable"), ("1.2.0", "all")),
    Switch("summary_trainable_counts",
           "Whether summary() prints 'Trainable params:' / 'Non-trainable params:' under "
           "'Total params:' (with thousands separators): from 1.2.0.",
           ("1.0.0", False), ("1.2.0", True)),
    # --- training ---------------------------------------------------------------------------
    Switch("validation_split_held_out",
           "Whether fit(validation_split=) holds the validation samples out of training "
           "(1.0.1+). Keras 1.0.0 built the training inputs before splitting: it trained on "
           "every sample, the validation ones included ('Train on <all> samples').",
           ("1.0.0", False), ("1.0.1", True)),
    Switch("per_output_losses",
           "Whether a multi-output model reports each output's loss after the total "
           "(metrics_names 'out_loss', in evaluate / train_on_batch / history): from 1.0.3.",
           ("1.0.0", False), ("1.0.3", True)),
    Switch("activity_regularizer_batch_mean",
           "Activity regularization of the batch mean (sum(l1 * mean(|x|, axis=0)), the "
           "penalty over the batch size) up to 1.0.5; of the whole batch from 1.0.6.",
           ("1.0.0", True), ("1.0.6", False)),
    Switch("regularizers_in_test_loss",
           "Whether weight / activity regularization penalties are part of the loss that "
           "evaluate() and the validation loss report (1.2.0+); up to 1.1.2 a regularizer "
           "added its penalty in the training phase only (K.in_train_phase).",
           ("1.0.0", False), ("1.2.0", True)),
    Switch("trainable_read_at",
           "When a model reads its layers' `trainable` flags: 'first_train_function' (up to "
           "1.0.8: when the training function is first built, at the first fit / "
           "train_on_batch, so a GAN script's `layer.trainable = False` after compile() "
           "still counts) or 'compile' (1.1.0+).",
           ("1.0.0", "first_train_function"), ("1.1.0", "compile")),
    Switch("accuracy_resolution",
           "What metrics=['accuracy'] means: 'shape' (1.0.0-1.0.1: binary for a one-unit "
           "output, else categorical), 'shape_sparse' (1.0.2-1.0.5: also sparse categorical "
           "for sparse_categorical_crossentropy), 'shape_loss' (1.0.6+: also binary for "
           "binary_crossentropy).",
           ("1.0.0", "shape"), ("1.0.2", "shape_sparse"), ("1.0.6", "shape_loss")),
)
SWITCHES = {switch.name: switch for switch in _SWITCHES}


class Profile(object):
    """The behaviour of one Keras 1 release: ``profile.switch('batchnorm_epsilon')``,
    ``profile.at_least('1.1.0')``."""

    def __init__(self, version, source=None):
        self.version = check_version(version)
        self.source = source

    def switch(self, name):
        try:
            return SWITCHES[name].value_at(self.version)
        except KeyError:
            raise KeyError("no Keras version switch named %r (see legacy_keras/profiles.py)"
                           % name) from None

    def at_least(self, version):
        return _key(self.version) >= _key(check_version(version))

    def values(self):
        return {name: self.switch(name) for name in SWITCHES}

    def __repr__(self):
        return "<Keras %s profile>" % self.version


def check_version(version):
    """The release named by ``version`` ('1.0.1', also '1.0' for 1.0.0 ...), or a
    ValueError listing the releases legacy_keras knows."""
    text = str(version).strip()
    if re.match(r"^\d+\.\d+$", text):
        text += ".0"
    if text not in RELEASES:
        raise ValueError(
            "Keras version %r is not one legacy_keras can reproduce; choose one of %s "
            "(see migration_guide.md, 'Keras versions')." % (version, ", ".join(RELEASES)))
    return text


_active = Profile(DEFAULT_VERSION)


def active():
    return _active


def switch(name):
    """The value of a behaviour switch for the active release."""
    return _active.switch(name)


def at_least(version):
    return _active.at_least(version)


def version():
    return _active.version


def activate(version, source=None):
    """Makes ``version`` the active release (its defaults apply to layers built from
    now on; keras.json's ordering is read again the way that release read it)."""
    global _active
    _active = Profile(version, source)
    # lazy: heavy (the backend: PyTensor, keras.json), needed only when a release is chosen
    from legacy_keras.backend import common

    common.apply_profile_config()
    return _active


def activate_if_new(version, source=None):
    """:func:`activate`, unless ``version`` is already the active release (so that
    installing the default changes no session setting)."""
    if check_version(version) == _active.version:
        _active.source = source
        return _active
    return activate(version, source)


# --- choosing the release -----------------------------------------------------------------

_PIN = re.compile(r"""(?:^|[\s'"\[,])keras\s*===?\s*([0-9][0-9.]*)""", re.IGNORECASE)


def _pins_in(path):
    try:
        with open(path, encoding="utf8", errors="replace") as f:
            text = f.read()
    except OSError:
        return []
    pins = []
    for line in text.splitlines():
        line = line.split("#", 1)[0]
        pins.extend(_PIN.findall(line))
    return pins


def detect_pin(script_dir):
    """(version, file) of an exact ``keras==X`` pin in ``requirements*.txt`` or
    ``setup.py`` in ``script_dir``, or None. A pin to a release legacy_keras does not
    know (Keras 2) is ignored."""
    try:
        names = sorted(os.listdir(script_dir))
    except OSError:
        return None
    candidates = [n for n in names if n.startswith("requirements") and n.endswith(".txt")]
    candidates += [n for n in names if n == "setup.py"]
    for name in candidates:
        path = os.path.join(script_dir, name)
        for pin in _pins_in(path):
            try:
                return check_version(pin), path
            except ValueError:
                continue
    return None


def select(explicit=None, explicit_source="--keras-version", script=None, environ=None):
    """(version, source) by the rules in the module docstring; source None means the
    default."""
    environ = os.environ if environ is None else environ
    if explicit:
        return check_version(explicit), explicit_source
    if environ.get(ENV_VARIABLE):
        return check_version(environ[ENV_VARIABLE]), ENV_VARIABLE
    if script is not None:
        found = detect_pin(os.path.dirname(os.path.abspath(script)))
        if found is not None:
            return found[0], "keras==%s in %s" % (found[0], found[1])
    return DEFAULT_VERSION, None


def note(version, source, stream=None):
    """The one-line stderr note saying where a non-default release came from."""
    if source is None:
        return
    (stream or sys.stderr).write(
        "legacy_keras: reproducing Keras %s (from %s)\n" % (version, source))
