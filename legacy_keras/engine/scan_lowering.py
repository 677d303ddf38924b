"""``theano.scan`` evaluated by TensorFlow (for :mod:`.theano_bridge`).

A PyTensor ``Scan`` node as ``theano.scan`` built it (before any graph rewrite): outer
inputs ``[n_steps, sequences..., sit_sot buffers..., nit_sot sizes..., non_sequences...]``,
outputs ``[sit_sot buffers..., nit_sot outputs...]``. Each sit_sot buffer holds the
initial state at index 0 and receives the state after step ``t`` at ``t + 1``; nit_sot
outputs stack the step's results. The step's inner graph is evaluated by the bridge on
TensorFlow tensors inside a ``tf.while_loop`` (differentiable: gradients reach the
weights the step reads).

Only what Keras 1 code used is lowered: sequences, outputs_info with one tap
(``taps=[-1]``, the default), outputs without initial state, non-sequences, no
``until`` condition, no truncated gradient. Other scans raise ``NotLowerable``, so the
numeric call's own error is shown.
"""


def _not_lowerable(what):
    from legacy_keras.theano.compile.lowering import NotLowerable

    return NotLowerable("theano.scan with %s" % what)


def _check(op):
    info = op.info
    if info.n_mit_mot or info.n_mit_sot:
        raise _not_lowerable("several taps (outputs_info taps other than [-1])")
    if info.n_untraced_sit_sot:
        raise _not_lowerable("shared-variable or random-stream updates")
    if info.as_while:
        raise _not_lowerable("an until condition")
    if any(tuple(taps) != (-1,) for taps in info.sit_sot_in_slices):
        raise _not_lowerable("outputs_info taps other than [-1]")
    if getattr(op, "truncate_gradient", -1) != -1:
        raise _not_lowerable("truncate_gradient")


def lower_scan(tf, node, args, inner_evaluate):
    """The outputs of the scan ``node`` for the outer values ``args``."""
    op = node.op
    _check(op)
    info = op.info
    n_seqs, n_sit, n_nit = info.n_seqs, len(info.sit_sot_in_slices), info.n_nit_sot
    n_steps = tf.cast(tf.reshape(args[0], []), "int32")
    position = 1
    sequences = args[position:position + n_seqs]
    position += n_seqs
    buffers = args[position:position + n_sit]
    position += n_sit + n_nit  # the nit_sot sizes equal n_steps
    non_sequences = list(args[position:])
    dtypes = [v.type.dtype for v in node.outputs]
    initial = [tf.cast(b[0], dtypes[i]) for i, b in enumerate(buffers)]
    arrays = [tf.TensorArray(dtypes[i], size=n_steps, infer_shape=False)
              for i in range(n_sit + n_nit)]
    inner_inputs, inner_outputs = op.inner_inputs, op.inner_outputs

    def body(t, states, arrays):
        step_inputs = [s[t] for s in sequences] + list(states) + non_sequences
        results = inner_evaluate(inner_inputs, inner_outputs, step_inputs)
        results = [tf.cast(r, dtypes[i]) for i, r in enumerate(results)]
        new_states = [tf.ensure_shape(r, s.shape) if s.shape.rank is not None else r
                      for r, s in zip(results[:n_sit], states)]
        arrays = [a.write(t, r) for a, r in zip(arrays, new_states + results[n_sit:])]
        return t + 1, new_states, arrays

    _, _, arrays = tf.while_loop(lambda t, *_: t < n_steps, body,
                                 (tf.constant(0), initial, arrays))
    outputs = []
    for i, buffer in enumerate(buffers):
        stacked = arrays[i].stack()
        outputs.append(tf.concat([tf.cast(buffer[:1], dtypes[i]), stacked,
                                  tf.cast(buffer[n_steps + 1:], dtypes[i])], axis=0))
    for i in range(n_nit):
        outputs.append(arrays[n_sit + i].stack())
    return outputs
