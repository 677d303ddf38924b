"""Theano 1.0.5's ``scan`` graph, from PyTensor's ``scan``.

PyTensor's ``scan`` builds almost the outer graph Theano built around its ``Scan`` node
(``for{cpu,scan_fn}`` in Theano's debugprint): the number of steps, the sequences
sliced to it, and a memory buffer per recurrent state,
``set_subtensor(AllocEmpty(n + s0, s1, ...)[:s0], padleft(initial))``. Theano also
marked the padded axis of the initial state not broadcastable (a ``Rebroadcast{0}``
node) and read each shape entry from its own ``Shape`` node. :func:`theano_built_scan`
rebuilds the node with those buffers, keeping PyTensor's inner graph, so that
``theano.printing.debugprint`` prints Theano's text and ``theano.function`` computes the
same numbers.

PyTensor also forgets the names Theano gave the inner inputs (``v[t]`` for a sequence
``v``, ``h0[t-1]`` for a state ``h0``); :func:`theano_built_scan` keeps them on the new
node (``node.tag.theano_inner_names``) for the printer.
"""
import pytensor.tensor as T
from pytensor.scan.op import Scan
from pytensor.scan.utils import until  # theano.scan_module.until: a step's stop condition
from pytensor.tensor.basic import AllocEmpty

from legacy_keras.theano.tensor.rebroadcast import Rebroadcast

__all__ = ["theano_built_scan", "is_scan_node", "until"]


def is_scan_node(node):
    return node is not None and isinstance(node.op, Scan)


def theano_built_scan(results, updates=None, sequences=None, outputs_info=None):
    """(results, updates) of a PyTensor ``scan``, re-pointed at a Scan node whose outer
    inputs are built as Theano 1.0.5 built them. ``sequences`` / ``outputs_info`` (as
    given to ``scan``) name the inner inputs as Theano did."""
    scan_node = _scan_node_of(results)
    if scan_node is None:
        return results, updates
    rebuilt = scan_node.op.make_node(*_theano_outer_inputs(scan_node))
    rebuilt.tag.theano_inner_names = _inner_input_names(scan_node.op, sequences,
                                                        outputs_info)
    renamed = dict(zip(scan_node.outputs, rebuilt.outputs))
    results = [_repoint(r, renamed) for r in results]
    if updates:
        updates = type(updates)((k, _repoint(v, renamed)) for k, v in updates.items())
    return results, updates


def _scan_node_of(results):
    for result in results:
        owner = getattr(result, "owner", None)
        if is_scan_node(owner):
            return owner
        if owner is not None and owner.inputs and is_scan_node(owner.inputs[0].owner):
            return owner.inputs[0].owner
    return None


def _theano_outer_inputs(scan_node):
    info = scan_node.op.info
    first_state = 1 + info.n_seqs + info.n_mit_mot + info.n_mit_sot
    outer_inputs = list(scan_node.inputs)
    n_steps = outer_inputs[0]
    for position in range(first_state, first_state + info.n_sit_sot):
        padded = outer_inputs[position].owner.inputs[1]
        outer_inputs[position] = _theano_expand_empty(Rebroadcast((0, False))(padded),
                                                      n_steps)
    return outer_inputs


def _theano_expand_empty(value, size):
    """Theano's ``scan_utils.expand_empty``: ``value`` followed by ``size`` uninitialised
    rows along axis 0."""
    shapes = [value.shape[i] for i in range(value.ndim)]  # a Shape node each
    empty = AllocEmpty(value.dtype)(size + shapes[0], *shapes[1:])
    return T.set_subtensor(empty[:shapes[0]], value)


def _repoint(result, renamed):
    """``result`` computed from the rebuilt node: a Scan output, or one op over one
    (``out[1:]``, the states after the initial one)."""
    if result in renamed:
        return renamed[result]
    owner = getattr(result, "owner", None)
    if owner is None or not any(i in renamed for i in owner.inputs):
        return result
    inputs = [renamed.get(i, i) for i in owner.inputs]
    return owner.op.make_node(*inputs).outputs[owner.outputs.index(result)]


def _tap_suffix(tap):
    if tap > 0:
        return "[t+%d]" % tap
    if tap == 0:
        return "[t]"
    return "[t%d]" % tap


def _inner_input_names(op, sequences, outputs_info):
    """{inner input index: Theano's name} for named sequences and initial states."""
    names = []
    for sequence in _as_list(sequences):
        variable, taps = _variable_and_taps(sequence, "input", [0])
        names.extend(_tapped_names(variable, taps))
    mit_sot, sit_sot = [], []
    for output in _as_list(outputs_info):
        if output is None:
            continue
        variable, taps = _variable_and_taps(output, "initial", [-1])
        if variable is None:
            continue
        if taps == [-1]:
            sit_sot.append(_name_with(variable, "[t-1]"))
        else:
            mit_sot.extend(_tapped_names(variable, taps))
    info = op.info
    first_state = len(names) + sum(len(taps) for taps in info.mit_mot_in_slices)
    indexed = dict(enumerate(names))
    indexed.update((first_state + i, n) for i, n in enumerate(mit_sot))
    indexed.update((first_state + len(mit_sot) + i, n) for i, n in enumerate(sit_sot))
    return {index: name for index, name in indexed.items() if name is not None}


def _as_list(value):
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _variable_and_taps(entry, key, default_taps):
    if isinstance(entry, dict):
        return entry.get(key), list(entry.get("taps", default_taps) or default_taps)
    return entry, list(default_taps)


def _tapped_names(variable, taps):
    return [_name_with(variable, _tap_suffix(tap)) for tap in taps]


def _name_with(variable, suffix):
    name = getattr(variable, "name", None)
    return None if name is None else name + suffix
