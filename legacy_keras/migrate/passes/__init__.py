"""The passes of `legacy-keras migrate` / `check` (composed by migrate.rewriter).

Each module is one concern, a mixin over the usage record (``record.RecordPass``): it
handles the libcst nodes of its concern and records what it met (``Usage``); the
rewriter (``Keras1Rewriter``) composes the passes into one transformer and runs them in
one traversal, calling them in this order where several act on the same node:

``todos`` (TODO comments) -> ``scope`` (what names hold; analysis only) -> ``imports``
-> ``attributes`` -> ``layers`` -> ``merge`` -> ``optimizers`` (and compile) ->
``methods`` (model methods, history keys) -> ``backend`` (K, Theano, initializations)
-> ``channels_last`` -> ``finish`` (helpers and imports the rewrite needs). ``names``
holds the Keras 1 -> Keras 3 path lookups they share. All knowledge of names is in
legacy_keras.renames; the passes hold only how to rewrite.
"""
