"""keras.preprocessing where the goldens (test_utils_goldens.py) cannot reach: text's
one_hot within a process, image's load_img resizing and ImageDataGenerator.flow on a
list of images."""
import numpy as np

from legacy_keras.preprocessing import image, text


def test_one_hot_is_consistent_within_a_process():
    first = text.one_hot("the cat and the hat", 20)
    assert first == text.one_hot("The cat, and the hat!", 20)
    assert first[0] == first[3] and all(1 <= i < 20 for i in first)
    assert text.base_filter() == '!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n'


def test_load_img_resizes_with_nearest_neighbour(tmp_path):
    pixels = np.zeros((2, 2, 3), dtype="uint8")
    pixels[0, 0] = 255
    image.array_to_img(pixels.astype("float32"), dim_ordering="tf", scale=False).save(
        str(tmp_path / "p.png"))
    img = image.load_img(str(tmp_path / "p.png"), target_size=(4, 6))
    assert img.size == (6, 4)
    values = set(np.asarray(img).ravel().tolist())
    assert values == {0, 255}


def test_flow_accepts_a_list_of_images():
    images = [np.zeros((2, 2, 1)), np.ones((2, 2, 1))]
    batch = image.ImageDataGenerator(dim_ordering="tf").flow(images, batch_size=2,
                                                             shuffle=False).next()
    assert batch.shape == (2, 2, 2, 1)
