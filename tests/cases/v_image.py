# Keras version profiles: ImageDataGenerator under each release (1.0.1,
# 1.0.8, 1.1.2, 1.2.2), 'th' ordering given explicitly.
# - the default featurewise_center / featurewise_std_normalization (True in 1.0.1);
# - fit's featurewise mean / std (one per pixel and channel up to 1.1.2, one per channel
#   in 1.2.x) and standardize() of one image with them;
# - fit's ZCA principal components (covariance over the image size up to 1.1.0, over the
#   sample count from 1.1.1) and standardize() with them.
import numpy as np
from keras.preprocessing.image import ImageDataGenerator

import golden

rng = np.random.RandomState(11)
x = rng.uniform(0, 255, size=(6, 3, 4, 4)).astype('float32')

default = ImageDataGenerator(dim_ordering='th')
golden.record('default/featurewise_center', bool(default.featurewise_center))
golden.record('default/featurewise_std_normalization',
              bool(default.featurewise_std_normalization))
print('defaults:', default.featurewise_center, default.featurewise_std_normalization)

gen = ImageDataGenerator(featurewise_center=True, featurewise_std_normalization=True,
                         dim_ordering='th')
gen.fit(x)
golden.record('featurewise/mean', np.asarray(gen.mean, 'float32'), rtol=1e-5, atol=1e-4)
golden.record('featurewise/std', np.asarray(gen.std, 'float32'), rtol=1e-5, atol=1e-4)
golden.record('featurewise/standardized',
              np.asarray(gen.standardize(x[0].copy()), 'float32'), rtol=1e-4, atol=1e-4)

small = rng.uniform(-1, 1, size=(8, 1, 2, 2)).astype('float32')
zca = ImageDataGenerator(featurewise_center=False, featurewise_std_normalization=False,
                         zca_whitening=True, dim_ordering='th')
zca.fit(small)
golden.record('zca/principal_components', np.asarray(zca.principal_components, 'float32'),
              rtol=1e-4, atol=1e-4)
golden.record('zca/standardized', np.asarray(zca.standardize(small[0].copy()), 'float32'),
              rtol=1e-4, atol=1e-4)
