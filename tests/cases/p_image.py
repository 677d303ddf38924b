# keras.preprocessing.image: ImageDataGenerator under np.random.seed (each transform
# alone and combined, fill modes, both dim orderings), standardize (rescale, samplewise,
# featurewise and ZCA after fit, preprocessing_function), fit (augment, rounds, seed),
# flow batches (shuffle with seed, labels, last short batch, wrap-around),
# flow_from_directory (class modes, grayscale, 'th'), array_to_img / img_to_array /
# load_img / list_pictures, the standalone random_* helpers, and the errors Keras 1 raised.
import os

import numpy as np
from keras import backend as K
from keras.preprocessing import image
from keras.preprocessing.image import ImageDataGenerator

import golden


def error(label, fn):
    try:
        fn()
        print(label, '-> no error')
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)


print('default dim_ordering', K.image_dim_ordering(),
      ImageDataGenerator().dim_ordering)

rng = np.random.RandomState(3)
img_tf = (rng.rand(5, 6, 3) * 255).astype('float32')
img_th = img_tf.transpose(2, 0, 1).copy()

transforms = [
    ('identity', {}),
    ('rotation', dict(rotation_range=40.)),
    ('width_shift', dict(width_shift_range=0.3)),
    ('height_shift', dict(height_shift_range=0.4)),
    ('shear', dict(shear_range=0.6)),
    ('zoom', dict(zoom_range=0.4)),
    ('zoom_pair', dict(zoom_range=[0.5, 1.5])),
    ('channel_shift', dict(channel_shift_range=30.)),
    ('hflip', dict(horizontal_flip=True)),
    ('vflip', dict(vertical_flip=True)),
    ('constant_fill', dict(rotation_range=60., fill_mode='constant', cval=-1.)),
    ('reflect_fill', dict(width_shift_range=0.5, fill_mode='reflect')),
    ('wrap_fill', dict(height_shift_range=0.5, fill_mode='wrap')),
    ('everything', dict(rotation_range=20., width_shift_range=0.2, height_shift_range=0.2,
                        shear_range=0.3, zoom_range=0.2, channel_shift_range=10.,
                        horizontal_flip=True, vertical_flip=True)),
]
for ordering, img in (('tf', img_tf), ('th', img_th)):
    for name, kwargs in transforms:
        gen = ImageDataGenerator(dim_ordering=ordering, **kwargs)
        np.random.seed(11)
        out = [gen.random_transform(img.copy()) for _ in range(3)]
        golden.record('transform/%s/%s' % (ordering, name), np.array(out))
        golden.record('transform/%s/%s/next_random' % (ordering, name), np.random.random())

golden.record('zoom_range/scalar', ImageDataGenerator(zoom_range=0.25).zoom_range)
golden.record('zoom_range/tuple', ImageDataGenerator(zoom_range=(0.7, 1.2)).zoom_range)

np.random.seed(5)
golden.record('helpers/rotation', image.random_rotation(img_th.copy(), 30.))
golden.record('helpers/shift', image.random_shift(img_th.copy(), 0.2, 0.3))
golden.record('helpers/shear', image.random_shear(img_th.copy(), 0.5))
golden.record('helpers/zoom', image.random_zoom(img_th.copy(), (0.8, 1.3)))
golden.record('helpers/channel_shift', image.random_channel_shift(img_th.copy(), 20.))
golden.record('helpers/flip', image.flip_axis(img_th, 2))
golden.record('helpers/offset_center',
              image.transform_matrix_offset_center(np.eye(3) * 2, 4, 5))

data_rng = np.random.RandomState(8)
data_tf = (data_rng.rand(7, 4, 5, 3) * 10).astype('float32')
data_th = data_tf.transpose(0, 3, 1, 2).copy()
labels = np.arange(7)
data_zca_tf = (data_rng.rand(30, 2, 2, 3) * 10).astype('float32')

for ordering, data in (('tf', data_tf), ('th', data_th)):
    gen = ImageDataGenerator(rescale=0.5, dim_ordering=ordering)
    golden.record('standardize/%s/rescale' % ordering, gen.standardize(data[0].copy()))
    gen = ImageDataGenerator(samplewise_center=True, samplewise_std_normalization=True,
                             dim_ordering=ordering)
    golden.record('standardize/%s/samplewise' % ordering, gen.standardize(data[0].copy()))
    gen = ImageDataGenerator(featurewise_center=True, featurewise_std_normalization=True,
                             dim_ordering=ordering)
    gen.fit(data)
    golden.record('fit/%s/mean' % ordering, gen.mean)
    golden.record('fit/%s/std' % ordering, gen.std)
    golden.record('standardize/%s/featurewise' % ordering, gen.standardize(data[1].copy()))
    # ZCA on more samples (30) than features (2 x 2 x 3): a full-rank covariance, whose
    # whitening does not amplify the float rounding of a LAPACK build into the result.
    zca_data = data_zca_tf if ordering == 'tf' else data_zca_tf.transpose(0, 3, 1, 2).copy()
    gen = ImageDataGenerator(zca_whitening=True, dim_ordering=ordering)
    gen.fit(zca_data)
    golden.record('fit/%s/zca' % ordering, gen.principal_components, rtol=1e-3, atol=1e-4)
    small = zca_data[2]
    golden.record('standardize/%s/zca' % ordering, gen.standardize(small.copy()),
                  rtol=1e-3, atol=1e-4)
    gen = ImageDataGenerator(featurewise_center=True, rotation_range=30., dim_ordering=ordering)
    gen.fit(data, augment=True, rounds=2, seed=3)
    golden.record('fit/%s/augmented_mean' % ordering, gen.mean)
    golden.record('fit/%s/next_random' % ordering, np.random.random())

gen = ImageDataGenerator(preprocessing_function=lambda x: x * 0 + 1., rescale=3.,
                         dim_ordering='tf')
golden.record('standardize/preprocessing_function', gen.standardize(data_tf[0].copy()))
x = data_tf[0].copy()
ImageDataGenerator(rescale=2., dim_ordering='tf').standardize(x)
golden.record('standardize/in_place', x)
unfit = ImageDataGenerator(featurewise_center=True, featurewise_std_normalization=True,
                           zca_whitening=True, dim_ordering='tf')
golden.record('standardize/unfit', unfit.standardize(data_tf[0].copy()))

gen = ImageDataGenerator(width_shift_range=0.2, horizontal_flip=True, dim_ordering='tf')
it = gen.flow(data_tf, labels, batch_size=3, seed=42)
for i in range(5):
    bx, by = it.next()
    golden.record('flow/seeded/%d/x' % i, bx)
    golden.record('flow/seeded/%d/y' % i, by)
np.random.seed(0)
it = ImageDataGenerator(dim_ordering='th').flow(data_th, batch_size=4, shuffle=False)
for i in range(3):
    golden.record('flow/no_shuffle_no_y/%d' % i, next(it))
np.random.seed(1)
it = ImageDataGenerator(dim_ordering='tf', rescale=0.1).flow(data_tf, labels, batch_size=5)
for i, (bx, by) in enumerate(it):
    golden.record('flow/iter/%d/y' % i, by)
    golden.record('flow/iter/%d/x' % i, bx)
    if i == 2:
        break
print('iterator batch_index', it.batch_index, 'total_batches_seen', it.total_batches_seen)

error('flow rank 3', lambda: ImageDataGenerator(dim_ordering='tf').flow(data_tf[0]))
error('flow 5 channels', lambda: ImageDataGenerator(dim_ordering='tf').flow(np.zeros((2, 3, 3, 5))))
error('flow length mismatch', lambda: ImageDataGenerator().flow(data_tf, labels[:3]))
error('fit rank 3', lambda: ImageDataGenerator(dim_ordering='tf').fit(data_tf[0]))
error('fit 2 channels', lambda: ImageDataGenerator(dim_ordering='th').fit(np.zeros((2, 2, 3, 3))))
error('bad dim_ordering', lambda: ImageDataGenerator(dim_ordering='xy'))
error('bad zoom_range', lambda: ImageDataGenerator(zoom_range=[1, 2, 3]))
error('random_zoom 3 values', lambda: image.random_zoom(img_th, (1, 2, 3)))

# Images on disk: two classes of 3x4 RGB PNGs (lossless), written with array_to_img.
root = 'images'
for cls, count in (('cats', 3), ('dogs', 2)):
    os.makedirs(os.path.join(root, cls))
    for i in range(count):
        arr = (np.random.RandomState(10 * i + len(cls)).rand(3, 4, 3) * 255).astype('float32')
        image.array_to_img(arr, dim_ordering='tf', scale=False).save(
            os.path.join(root, cls, 'img_%d.png' % i))
os.makedirs(os.path.join(root, 'dogs', 'nested'))
image.array_to_img(np.ones((3, 4, 3)) * 100, dim_ordering='tf', scale=False).save(
    os.path.join(root, 'dogs', 'nested', 'deep.png'))
with open(os.path.join(root, 'cats', 'notes.txt'), 'w') as f:
    f.write('not an image')

golden.record('list_pictures', sorted(image.list_pictures(root)))
img = image.load_img(os.path.join(root, 'cats', 'img_0.png'))
golden.record('load_img/size_mode', [list(img.size), img.mode])
golden.record('img_to_array/tf', image.img_to_array(img, dim_ordering='tf'))
golden.record('img_to_array/th', image.img_to_array(img, dim_ordering='th'))
gray = image.load_img(os.path.join(root, 'cats', 'img_0.png'), grayscale=True)
golden.record('img_to_array/gray_tf', image.img_to_array(gray, dim_ordering='tf'))
golden.record('img_to_array/gray_th', image.img_to_array(gray, dim_ordering='th'))
scaled = image.array_to_img(np.array([[[-1.], [1.]], [[3.], [0.]]]), dim_ordering='tf')
golden.record('array_to_img/scaled', image.img_to_array(scaled, dim_ordering='tf'))
unscaled = image.array_to_img(img_th, dim_ordering='th', scale=False)
golden.record('array_to_img/th_unscaled', image.img_to_array(unscaled, dim_ordering='th'))
error('array_to_img rank 2', lambda: image.array_to_img(np.zeros((2, 2))))
error('array_to_img 2 channels', lambda: image.array_to_img(np.zeros((2, 2, 2)), dim_ordering='tf'))
error('img_to_array bad ordering', lambda: image.img_to_array(img, dim_ordering='xy'))

for label, kwargs in [('categorical', dict(class_mode='categorical')),
                      ('binary', dict(class_mode='binary')),
                      ('sparse', dict(class_mode='sparse')),
                      ('none', dict(class_mode=None)),
                      ('grayscale_th', dict(color_mode='grayscale')),
                      ('classes', dict(classes=['dogs']))]:
    ordering = 'th' if label.endswith('_th') else 'tf'
    gen = ImageDataGenerator(rescale=1. / 255, dim_ordering=ordering)
    it = gen.flow_from_directory(root, target_size=(3, 4), batch_size=4, seed=7, **kwargs)
    golden.record('directory/%s/filenames' % label, it.filenames)
    golden.record('directory/%s/classes' % label, it.classes)
    golden.record('directory/%s/class_indices' % label, it.class_indices)
    golden.record('directory/%s/nb_sample' % label, it.nb_sample)
    golden.record('directory/%s/image_shape' % label, list(it.image_shape))
    for i in range(2):
        batch = it.next()
        if isinstance(batch, tuple):
            golden.record('directory/%s/%d/x' % (label, i), batch[0])
            golden.record('directory/%s/%d/y' % (label, i), batch[1])
        else:
            golden.record('directory/%s/%d/x' % (label, i), batch)
error('bad color_mode', lambda: ImageDataGenerator().flow_from_directory(root, color_mode='cmyk'))
error('bad class_mode', lambda: ImageDataGenerator().flow_from_directory(root, class_mode='x'))

save_dir = 'augmented'
os.makedirs(save_dir)
it = ImageDataGenerator(dim_ordering='tf').flow(data_tf, batch_size=2, shuffle=False,
                                                save_to_dir=save_dir, save_prefix='aug',
                                                save_format='png')
np.random.seed(9)
it.next()
golden.record('save_to_dir/files', sorted(os.listdir(save_dir)))
