"""keras.applications (VGG16, VGG19, ResNet50, InceptionV3, Xception, MusicTaggerCRNN,
imagenet_utils, audio_conv_utils) against real Keras 1.2.2.

The a_* golden cases (tests/cases/, run under the reference by tests/oracle/regenerate.py)
build each model at a small input it allows, print its summary, predict with seeded
weights, write the weight file Keras 1.2.2 looked for in ``~/.keras/models`` from the
same seeded draw (its fingerprint -- HDF5 layout, attributes, per-dataset SHA-256 -- is
part of the golden: the file loaded here is the reference's file) and build the model
again with pretrained weights from it: 'th' models load th-kernel files as they are,
'tf' models flip the TensorFlow-convention kernels they load (and MusicTaggerCRNN flips
its tf-kernel file in both orderings), as Keras 1.2.2 did on Theano.

The other tests: a missing file on a machine without network names the file and where
to put it (weights and the class index).
"""
import os
from urllib.error import URLError

import pytest

import harness
from harness import check_case

CASES = ["a_vgg16", "a_vgg19", "a_resnet50", "a_inception_v3", "a_music_tagger",
         "a_applications_checks"]


@pytest.fixture
def keras_cache(tmp_path, monkeypatch):
    """A fresh HOME (the Keras cache is HOME/.keras), the cached class index and the
    MD5 check restored afterwards, Keras 1's session state reset before and after."""
    from legacy_keras.applications import imagenet_utils
    from legacy_keras.utils import data_utils

    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("KERAS_HOME", raising=False)
    monkeypatch.setattr(data_utils, "validate_file", data_utils.validate_file)
    monkeypatch.setattr(imagenet_utils, "CLASS_INDEX", None)
    harness.reset_keras1_session()
    yield tmp_path
    harness.reset_keras1_session()


@pytest.mark.parametrize("case", CASES)
def test_case_matches_keras1(case, keras_cache):
    workdir = keras_cache / "work"
    workdir.mkdir()
    check_case(case, str(workdir))


def _offline(monkeypatch):
    from legacy_keras.utils import data_utils

    def no_network(url, filename=None, *args, **kwargs):
        raise URLError("[Errno -3] Temporary failure in name resolution")

    monkeypatch.setattr(data_utils, "urlretrieve", no_network)


def test_missing_weight_file_offline_says_which_file_goes_where(keras_cache, monkeypatch):
    from legacy_keras import backend as K
    from legacy_keras.applications import VGG16
    from legacy_keras.utils.data_utils import DownloadError

    _offline(monkeypatch)
    K.set_image_dim_ordering("th")
    with pytest.raises(DownloadError) as error:
        VGG16(include_top=False, weights="imagenet", input_shape=(3, 48, 48))
    message = str(error.value)
    expected = os.path.join(str(keras_cache), ".keras", "models",
                            "vgg16_weights_th_dim_ordering_th_kernels_notop.h5")
    assert expected in message
    assert ("https://github.com/fchollet/deep-learning-models/releases/download/v0.1/"
            "vgg16_weights_th_dim_ordering_th_kernels_notop.h5") in message
    assert "offline" in message
    assert not os.path.exists(expected) and not os.path.exists(expected + ".part")


def test_missing_class_index_offline_says_where_it_goes(keras_cache, monkeypatch):
    import numpy as np

    from legacy_keras.applications.imagenet_utils import decode_predictions
    from legacy_keras.utils.data_utils import DownloadError

    _offline(monkeypatch)
    with pytest.raises(DownloadError) as error:
        decode_predictions(np.zeros((1, 1000), dtype="float32"))
    assert os.path.join(str(keras_cache), ".keras", "models",
                        "imagenet_class_index.json") in str(error.value)


def test_keras_home_is_the_cache_too(tmp_path, keras_cache, monkeypatch):
    """Keras 3 keeps its files in $KERAS_HOME: a weight file there is found."""
    import numpy as np

    from legacy_keras import backend as K
    from legacy_keras.applications import _weights, vgg16

    _offline(monkeypatch)
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "k3"))
    K.set_image_dim_ordering("tf")
    model = vgg16.VGG16(include_top=False, weights=None, input_shape=(48, 48, 3))
    name = _weights.weight_file_names("vgg16")["tf", False]
    os.makedirs(str(tmp_path / "k3" / "models"))
    model.save_weights(str(tmp_path / "k3" / "models" / name))
    loaded = vgg16.VGG16(include_top=False, weights="imagenet", input_shape=(48, 48, 3))
    kernel = model.get_layer("block1_conv1").get_weights()[0]
    # The file holds TensorFlow kernels: loading into the Theano-convention model flips
    # them (Keras 1.2.2's convert_all_kernels_in_model).
    flipped = loaded.get_layer("block1_conv1").get_weights()[0]
    np.testing.assert_array_equal(flipped, kernel[::-1, ::-1, :, :])


def test_music_tagger_log_amplitude_is_librosa_0_4_logamplitude():
    """audio_conv_utils computes librosa 0.4's logamplitude(S, ref_power=1.0) itself
    (amin 1e-10, top_db 80): later librosa has no logamplitude."""
    import numpy as np

    from legacy_keras.applications.audio_conv_utils import _log_amplitude

    power = np.array([[1e-12, 1e-9, 1.0], [10.0, 100.0, 1e5]])
    expected = 10 * np.log10(np.maximum(1e-10, power))
    expected = np.maximum(expected, 50.0 - 80.0)  # the maximum is 10 log10(1e5) = 50 dB
    np.testing.assert_allclose(_log_amplitude(power), expected)
    assert _log_amplitude(power).min() == -30.0
