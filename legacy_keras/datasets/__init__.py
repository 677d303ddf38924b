"""``keras.datasets`` (Keras 1.2.2): mnist, cifar10, cifar100, imdb, reuters.

Each ``load_data`` has Keras 1.2.2's signature and outputs. Files are looked up in the
Keras cache (``~/.keras/datasets``, or ``$KERAS_HOME/datasets`` as Keras 3 does): Keras
1's own file names first, then the files Keras 3 keeps there (``mnist.npz``,
``imdb.npz``, ``reuters.npz``, the extracted CIFAR folders); only when neither is there
is the Keras 1 file downloaded. See :mod:`legacy_keras.datasets._files`.
"""
