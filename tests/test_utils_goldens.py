"""keras.preprocessing (sequence, text, image), keras.utils and keras.datasets against
real Keras 1.2.2: each golden case ran under the reference (tests/oracle/regenerate.py);
legacy_keras must print and record the same."""
import pytest

from harness import check_case

CASES = ["p_sequence", "p_text", "p_image", "p_utils", "p_datasets"]

# Lines where legacy_keras prints something else on purpose (migration_guide.md,
# "Deliberate differences"): (what Keras 1 printed, what legacy_keras prints).
DELIBERATE = {
    "p_text": [
        # Keras 1 had no word_index before fit_on_texts: an AttributeError.
        ("matrix without nb_words or fit -> AttributeError: 'Tokenizer' object has no "
         "attribute 'word_index'",
         "matrix without nb_words or fit -> ValueError: Specify a dimension (nb_words "
         "argument), or fit on some text data first."),
    ],
    "p_utils": [
        # Keras 1 raised IndexError() with no message.
        ("hdf5 int past end -> IndexError: ",
         "hdf5 int past end -> IndexError: HDF5Matrix index 5 out of range (5 rows)"),
        ("hdf5 slice past end -> IndexError: ",
         "hdf5 slice past end -> IndexError: HDF5Matrix slice slice(3, 6, None) past its end "
         "(5 rows)"),
        ("hdf5 list past end -> IndexError: ",
         "hdf5 list past end -> IndexError: HDF5Matrix index 5 out of range (5 rows)"),
    ],
}


@pytest.mark.parametrize("case", CASES)
def test_case_matches_keras1(case, tmp_path):
    check_case(case, str(tmp_path), DELIBERATE.get(case, ()))
