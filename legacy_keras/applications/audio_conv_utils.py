"""``keras.applications.audio_conv_utils`` (Keras 1.2.2): the mel-spectrogram input of
MusicTaggerCRNN (``preprocess_input``, which needs librosa) and its 50 tags
(``decode_predictions``)."""
import numpy as np

from legacy_keras import backend as K

try:
    import librosa
except ImportError:
    librosa = None

TAGS = ['rock', 'pop', 'alternative', 'indie', 'electronic', 'female vocalists', 'dance',
        '00s', 'alternative rock', 'jazz', 'beautiful', 'metal', 'chillout',
        'male vocalists', 'classic rock', 'soul', 'indie rock', 'Mellow', 'electronica',
        '80s', 'folk', '90s', 'chill', 'instrumental', 'punk', 'oldies', 'blues',
        'hard rock', 'ambient', 'acoustic', 'experimental', 'female vocalist', 'guitar',
        'Hip-Hop', '70s', 'party', 'country', 'easy listening', 'sexy', 'catchy', 'funk',
        'electro', 'heavy metal', 'Progressive rock', '60s', 'rnb', 'indie pop', 'sad',
        'House', 'happy']

# Keras 1.2.2's mel-spectrogram: 12 kHz audio, 29.12 s taken from the middle (or
# zero-padded), 96 mel bands, FFT 512, hop 256 -> 96 x 1366.
_SAMPLE_RATE = 12000
_N_FFT = 512
_N_MELS = 96
_HOP_LENGTH = 256
_DURATION = 29.12


def _centred(signal, length):
    if signal.shape[0] < length:
        return np.hstack((signal, np.zeros((length - signal.shape[0],))))
    start = (signal.shape[0] - length) // 2
    return signal[start:start + length]


def _log_amplitude(power, amin=1e-10, top_db=80.0):
    """librosa 0.4's ``logamplitude(power, ref_power=1.0)``, which Keras 1.2.2 called
    (later librosa removed it; ``power_to_db`` is its successor): ``10 log10`` of the
    power floored at ``amin``, then floored at ``top_db`` below its maximum."""
    log_spec = 10.0 * np.log10(np.maximum(amin, power))
    return np.maximum(log_spec, log_spec.max() - top_db)


def preprocess_input(audio_path, dim_ordering="default"):
    """The log-amplitude mel-spectrogram of an audio file, ``(1, 96, 1366)`` for 'th',
    ``(96, 1366, 1)`` for 'tf'. Needs librosa (an ``ImportError`` says so, as in Keras
    1.2.2)."""
    if dim_ordering == "default":
        dim_ordering = K.image_dim_ordering()
    assert dim_ordering in {"tf", "th"}
    if librosa is None:
        raise ImportError("Librosa is required to process audio files. Install it via "
                          "`pip install librosa` or visit http://librosa.github.io/librosa/ "
                          "for details.")
    signal, sample_rate = librosa.load(audio_path, sr=_SAMPLE_RATE)
    signal = _centred(signal, int(_DURATION * sample_rate))
    mel = librosa.feature.melspectrogram(y=signal, sr=sample_rate, hop_length=_HOP_LENGTH,
                                         n_fft=_N_FFT, n_mels=_N_MELS)
    x = _log_amplitude(mel ** 2)
    return np.expand_dims(x, axis=0 if dim_ordering == "th" else 3)


def decode_predictions(preds, top_n=5):
    """For each sample of ``preds`` (shape ``(samples, 50)``), the ``top_n`` (tag, score)
    pairs, best first."""
    assert len(preds.shape) == 2 and preds.shape[1] == 50
    return [sorted(zip(TAGS, pred), key=lambda pair: pair[1], reverse=True)[:top_n]
            for pred in preds]
