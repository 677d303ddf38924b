"""``theano.function`` runs its graph lowered to one TensorFlow function.

Every numerical test compares the lowered function with the same graph compiled on the
PyTensor path (``LEGACY_KERAS_THEANO_ENGINE=pytensor``, the engine every function used
before), which the golden tests pin to Theano 1.0.5's numbers. A layer's raw Theano
without a lowering fails loudly in predict. No timings here: speed is measured by
benchmarks/bench_trpo.py and benchmarks/bench_theano_call.py.
"""
import numpy as np
import pytensor
import pytest

from legacy_keras import backend as K
from legacy_keras import theano
from legacy_keras.engine.topology import Layer
from legacy_keras.layers import Dense
from legacy_keras.models import Sequential
from legacy_keras.theano import tensor as T
from legacy_keras.theano.compile import ENGINE_VARIABLE


def both_engines(monkeypatch, build):
    """(lowered function, PyTensor function) built by ``build()`` twice."""
    lowered = build()
    monkeypatch.setenv(ENGINE_VARIABLE, "pytensor")
    reference = build()
    monkeypatch.delenv(ENGINE_VARIABLE)
    assert lowered.engine == "tensorflow", lowered.fallback_reason
    assert reference.engine == "pytensor"
    return lowered, reference


def assert_same(a, b, rtol=1e-5, atol=1e-6):
    if isinstance(a, list):
        assert isinstance(b, list) and len(a) == len(b)
        for x, y in zip(a, b):
            assert_same(x, y, rtol, atol)
        return
    a, b = np.asarray(a), np.asarray(b)
    assert a.dtype == b.dtype and a.shape == b.shape
    np.testing.assert_allclose(a, b, rtol=rtol, atol=atol)


def policy(seed=0):
    np.random.seed(seed)
    net = Sequential()
    net.add(Dense(16, input_dim=4, activation="tanh"))
    net.add(Dense(16, activation="tanh"))
    net.add(Dense(3, activation="softmax"))
    return net


@pytest.fixture
def data():
    rng = np.random.RandomState(1)
    return (rng.randn(9, 4).astype("float32"), rng.randint(0, 3, 9).astype("int32"),
            rng.randn(9).astype("float32"))


def test_policy_losses_and_flat_gradient(monkeypatch, data):
    net = policy()
    params = net.trainable_weights
    a_n, adv_n = T.ivector("a"), T.vector("adv")
    prob = net.output
    p_n = prob[T.arange(prob.shape[0]), a_n]
    surr = -T.mean(T.log(p_n) * adv_n)
    ent = -T.sum(prob * T.log(prob), axis=1).mean()
    grads = T.grad(surr, params)
    flat = T.concatenate([g.flatten() for g in grads])
    lowered, reference = both_engines(
        monkeypatch, lambda: theano.function([net.input, a_n, adv_n], [surr, ent, flat]))
    assert_same(lowered(*data), reference(*data))


def test_gradient_of_gradient_with_disconnected_grad(monkeypatch, data):
    """modular_rl's Fisher-vector product: the gradient of <grad KL, tangent>, where the
    KL's first argument is held fixed with disconnected_grad."""
    net = policy()
    params = net.trainable_weights
    prob = net.output
    fixed = theano.gradient.disconnected_grad(prob)
    kl = T.sum(fixed * T.log(fixed / prob)) / T.cast(prob.shape[0], "float32")
    grads = T.grad(kl, params)
    tangent = T.fvector("t")
    start, parts = 0, []
    for p in params:
        shape = p.get_value().shape
        size = int(np.prod(shape))
        parts.append(T.sum(grads[len(parts)] * T.reshape(tangent[start:start + size], shape)))
        start += size
    fvp = T.concatenate([g.flatten() for g in T.grad(T.add(*parts), params)])
    lowered, reference = both_engines(
        monkeypatch, lambda: theano.function([tangent, net.input], fvp))
    v = np.random.RandomState(2).randn(start).astype("float32")
    result = lowered(v, data[0])
    assert_same(result, reference(v, data[0]), rtol=1e-4, atol=1e-6)
    assert np.abs(result).sum() > 0


def test_rop_and_lop_lowered_match_pytensor(monkeypatch):
    """R- and L-operators (PyTensor's, on the facade's graphs) in compiled functions."""
    W = theano.shared(np.random.RandomState(3).randn(4, 3).astype("float32"), name="W")
    x, v, u = T.matrix("x"), T.matrix("v"), T.matrix("u")
    y = T.tanh(T.dot(x, W))
    jv = pytensor.gradient.Rop(y, W, v)
    uj = pytensor.gradient.Lop(y, W, u)
    lowered, reference = both_engines(monkeypatch,
                                      lambda: theano.function([x, v, u], [jv, uj]))
    rng = np.random.RandomState(4)
    args = (rng.randn(5, 4).astype("float32"), rng.randn(4, 3).astype("float32"),
            rng.randn(5, 3).astype("float32"))
    assert_same(lowered(*args), reference(*args))


def test_clone_with_replace(monkeypatch, data):
    """modular_rl's ppo: the policy's output with its input replaced by another one."""
    net = policy()
    other = T.matrix("other")
    cloned = theano.clone(net.output * 2.0, replace={net.input: other * 0.5})
    lowered, reference = both_engines(monkeypatch, lambda: theano.function([other], cloned))
    assert_same(lowered(data[0]), reference(data[0]))
    np.testing.assert_allclose(lowered(data[0]), 2 * net.predict(data[0] * 0.5), rtol=1e-5)


def test_updates_reach_the_variable_fit_trains_and_back(monkeypatch, data):
    """One truth: a compiled function's updates are what ``fit`` starts from, and what
    ``fit`` trained is what a compiled function reads next."""
    net = policy()
    net.compile(optimizer="sgd", loss="categorical_crossentropy")
    layer = net.layers[0]
    read_W = theano.function([], layer.W)
    scale = theano.function([], [], updates=[(layer.W, layer.W * 0.5)])
    assert scale.engine == read_W.engine == "tensorflow"
    before = layer.W.get_value()
    assert scale() == []
    np.testing.assert_array_equal(layer.W.get_value(), before * np.float32(0.5))
    np.testing.assert_array_equal(net.get_weights()[0], before * np.float32(0.5))
    x, targets = data[0], np.eye(3, dtype="float32")[data[1]]
    net.fit(x, targets, nb_epoch=2, batch_size=3, verbose=0)
    trained = net.get_weights()[0]
    assert not np.allclose(trained, before * np.float32(0.5))
    np.testing.assert_array_equal(read_W(), trained)
    layer.W.set_value(np.zeros_like(trained))
    np.testing.assert_array_equal(read_W(), np.zeros_like(trained))
    np.testing.assert_allclose(net.predict(x), theano.function([net.input], net.output)(x),
                               rtol=1e-6)


def test_updates_see_the_values_from_before_the_call(monkeypatch):
    """Theano: all updates and outputs are computed from the old values (a swap works)."""
    def build():
        a = theano.shared(np.float32(1.0), name="a")
        b = theano.shared(np.float32(2.0), name="b")
        f = theano.function([], [a + b], updates=[(a, b), (b, a)])
        return f, a, b

    monkeypatch.setenv(ENGINE_VARIABLE, "pytensor")
    ref, ra, rb = build()
    monkeypatch.delenv(ENGINE_VARIABLE)
    f, a, b = build()
    assert f.engine == "tensorflow"
    for _ in range(3):
        assert_same(f(), ref())
        assert (a.get_value(), b.get_value()) == (ra.get_value(), rb.get_value())
    assert (a.get_value(), b.get_value()) == (2.0, 1.0)


def test_new_batch_sizes_do_not_retrace(data):
    net = policy()
    f = theano.function([net.input], net.output)
    k = K.function([net.input], [net.output])
    for n in (1, 2, 5, 9, 3, 7):
        assert f(data[0][:n]).shape == (n, 3)
        assert k([data[0][:n]])[0].shape == (n, 3)
    assert f.trace_count == 1
    assert k.function.trace_count == 1


def test_results_have_pytensor_types_and_structure(monkeypatch):
    def build():
        x = T.vector("x")
        return (theano.function([x], x.sum()), theano.function([x], [x * 2, x.argmax()]),
                theano.function([x], T.gt(x, 0)))

    lowered = build()
    monkeypatch.setenv(ENGINE_VARIABLE, "pytensor")
    reference = build()
    v = np.array([1.0, -2.0, 3.0], dtype="float32")
    for f, g in zip(lowered, reference):
        assert f.engine == "tensorflow"
        assert_same(f(v), g(v))
    assert isinstance(lowered[0](v), np.ndarray) and lowered[0](v).shape == ()


def test_direct_call_agrees_with_tensorflows_public_call(data):
    """Calls skip the concrete function's public entry (its signature checks and tapes):
    same values, dtypes and count of outputs as through it, and through a TensorFlow
    without the internals the direct call uses (the public call is the fallback)."""
    import tensorflow as tf

    from legacy_keras.theano.compile import engine

    net = policy()
    x = T.matrix("x")
    f = theano.function([net.input, x], [net.output, (x ** 2).sum(), T.argmax(x, axis=1)])
    lowered = f._lowered
    assert lowered._call_concrete.__name__ == "call", "this TensorFlow lacks the direct call"

    class WithoutInternals(object):
        def __init__(self, concrete):
            self.concrete = concrete

        def __call__(self, *args):
            return self.concrete(*args)

    public = engine._flat_caller(tf, WithoutInternals(lowered._concrete))
    inputs = [np.asarray(data[0][:4], dtype=K.floatx()), np.arange(6.0).reshape(2, 3)]
    values = [c.type.filter(a, allow_downcast=True)
              for c, a in zip(lowered._containers, inputs)]
    direct, through = lowered._call_concrete(values), public(values)
    assert len(direct) == len(through) == 3
    for a, b in zip(direct, through):
        assert a.dtype == b.dtype
        np.testing.assert_array_equal(np.array(a), np.array(b))


def test_input_errors_are_pytensors(monkeypatch):
    """Arguments are validated as PyTensor does; a refused one raises PyTensor's error."""
    x = T.matrix("x")
    f = theano.function([x], x * 2)
    assert f.engine == "tensorflow"
    with pytest.raises(TypeError, match="Wrong number of dimensions"):
        f(np.zeros(3, dtype="float32"))
    with pytest.raises(TypeError):
        f(np.zeros((2, 2)))  # float64 into float32 without allow_input_downcast
    g = theano.function([x], x * 2, allow_input_downcast=True)
    np.testing.assert_array_equal(g(np.ones((2, 2))), np.full((2, 2), 2, dtype="float32"))


def test_scan_with_updates(monkeypatch):
    """theano.scan whose step updates a shared variable (a counter)."""
    def build():
        counter = theano.shared(np.float32(0.0), name="counter")
        x = T.vector("x")
        h0 = T.scalar("h0")
        results, updates = theano.scan(lambda xt, h: h * 0.5 + xt, sequences=x,
                                       outputs_info=h0)
        updates[counter] = counter + results[-1]
        f = theano.function([x, h0], results, updates=updates)
        return f, counter

    monkeypatch.setenv(ENGINE_VARIABLE, "pytensor")
    reference, ref_counter = build()
    monkeypatch.delenv(ENGINE_VARIABLE)
    f, counter = build()
    assert f.engine == "tensorflow", f.fallback_reason
    for n in (4, 6):
        v = np.arange(n, dtype="float32")
        assert_same(f(v, np.float32(1)), reference(v, np.float32(1)))
        assert counter.get_value() == ref_counter.get_value()
    assert counter.get_value() != 0


def test_scan_with_taps_nit_sot_and_non_sequences(monkeypatch):
    """Fibonacci-like recurrence over taps -2 and -1, a per-step output that is not fed
    back, a non-sequence weight, and only the last state used (Scan's memory-saving
    rewrite then keeps a short circular buffer)."""
    def build():
        W = theano.shared(np.float32(0.5), name="W")
        x = T.vector("x")
        init = T.vector("init")
        (seq, doubled), _ = theano.scan(lambda xt, a, b, w: [a + b * w + xt, 2 * xt],
                                        sequences=x,
                                        outputs_info=[dict(initial=init, taps=[-2, -1]),
                                                      None],
                                        non_sequences=W)
        return theano.function([x, init], [seq, doubled, seq[-1]])

    lowered, reference = both_engines(monkeypatch, build)
    init = np.array([1.0, 2.0], dtype="float32")
    for n in (1, 5, 8):
        v = np.linspace(0, 1, n).astype("float32")
        assert_same(lowered(v, init), reference(v, init))


def test_recurrent_layer_through_k_function(monkeypatch):
    """A Keras 1 LSTM's symbolic graph (K.rnn, a scan) in K.function."""
    from legacy_keras.layers import LSTM

    def build():
        np.random.seed(5)
        net = Sequential()
        net.add(LSTM(6, input_shape=(4, 3), return_sequences=True))
        return K.function([net.input], [net.output])

    lowered = build()
    monkeypatch.setenv(ENGINE_VARIABLE, "pytensor")
    reference = build()
    assert lowered.function.engine == "tensorflow", lowered.function.fallback_reason
    x = np.random.RandomState(6).rand(2, 4, 3).astype("float32")
    assert_same(lowered([x]), reference([x]))


def test_unlowerable_graph_falls_back_visibly():
    """Random streams (shared state PyTensor keeps) stay on PyTensor, with the reason."""
    from legacy_keras.theano.sandbox.rng_mrg import MRG_RandomStreams

    srng = MRG_RandomStreams(seed=3)
    x = T.vector("x")
    f = theano.function([x], x * srng.uniform(x.shape))
    assert f.engine == "pytensor"
    assert f.fallback_reason
    out = f(np.ones(5, dtype="float32"))
    assert out.shape == (5,) and np.all((out > 0) & (out < 1))


def test_debugprint_of_compiled_function_unchanged(monkeypatch):
    def build():
        x = T.matrix("x")
        W = theano.shared(np.ones((2, 2), dtype="float32"), name="W")
        return theano.function([x], T.tanh(T.dot(x, W)).sum())

    lowered, reference = both_engines(monkeypatch, build)
    assert theano.printing.debugprint(lowered, file="str") == \
        theano.printing.debugprint(reference, file="str")


@pytest.mark.parametrize("kwargs", [
    dict(border_mode="valid"), dict(border_mode="full", subsample=(2, 1)),
    dict(border_mode="half", filter_flip=False), dict(border_mode=(1, 2)),
    dict(border_mode="valid", filter_dilation=(2, 2)),
])
def test_conv2d_lowered_matches_pytensor(monkeypatch, kwargs):
    def build():
        img, kern = T.tensor4("img"), T.tensor4("kern")
        out = T.nnet.conv2d(img, kern, filter_shape=(3, 2, 3, 2), **kwargs)
        return theano.function([img, kern], [out, T.grad(out.sum(), kern)])

    lowered, reference = both_engines(monkeypatch, build)
    rng = np.random.RandomState(7)
    args = (rng.randn(2, 2, 7, 6).astype("float32"), rng.randn(3, 2, 3, 2).astype("float32"))
    assert_same(lowered(*args), reference(*args), rtol=1e-4, atol=1e-5)


def test_conv3d_lowered_matches_pytensor(monkeypatch):
    def build():
        img, kern = T.TensorType("float32", (None,) * 5)("img"), \
            T.TensorType("float32", (None,) * 5)("kern")
        return theano.function([img, kern], T.nnet.conv3d(img, kern, border_mode="half",
                                                          filter_shape=(2, 1, 3, 3, 1)))

    lowered, reference = both_engines(monkeypatch, build)
    rng = np.random.RandomState(8)
    args = (rng.randn(2, 1, 4, 5, 3).astype("float32"),
            rng.randn(2, 1, 3, 3, 1).astype("float32"))
    assert_same(lowered(*args), reference(*args), rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize("mode", ["max", "sum", "average_inc_pad", "average_exc_pad"])
def test_pool_2d_lowered_matches_pytensor(monkeypatch, mode):
    from legacy_keras.theano.tensor.signal import pool

    def build():
        x = T.tensor4("x")
        pad = (0, 0) if mode == "average_exc_pad" else (1, 1)  # Theano's rule
        out = pool.pool_2d(x, ws=(2, 3), stride=(1, 2), pad=pad, ignore_border=True,
                           mode=mode)
        return theano.function([x], [out, T.grad(out.sum(), x)])

    lowered, reference = both_engines(monkeypatch, build)
    x = np.random.RandomState(9).randn(2, 3, 5, 7).astype("float32")
    assert_same(lowered(x), reference(x), rtol=1e-5, atol=1e-6)


def test_batch_normalization_ops_lowered_match_pytensor(monkeypatch):
    from legacy_keras.theano.tensor.nnet import bn

    def build():
        x, g, b = T.matrix("x"), T.vector("g"), T.vector("b")
        out, mean, invstd = bn.batch_normalization_train(x, g, b, axes=(0,))
        test = bn.batch_normalization_test(x, g, b, mean, 1.0 / invstd ** 2, axes=(0,))
        return theano.function([x, g, b], [out, mean, invstd, test, T.grad(out.sum(), g)])

    lowered, reference = both_engines(monkeypatch, build)
    rng = np.random.RandomState(10)
    args = (rng.randn(6, 4).astype("float32"), rng.rand(4).astype("float32"),
            rng.randn(4).astype("float32"))
    assert_same(lowered(*args), reference(*args), rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize("ordering", ["th", "tf"])
def test_keras1_convnet_through_k_function(monkeypatch, ordering):
    from legacy_keras.layers import Convolution2D, Flatten, MaxPooling2D

    def build():
        np.random.seed(11)
        net = Sequential()
        shape = (2, 8, 8) if ordering == "th" else (8, 8, 2)
        net.add(Convolution2D(3, 3, 3, border_mode="same", input_shape=shape,
                              dim_ordering=ordering, activation="relu"))
        net.add(MaxPooling2D((2, 2), dim_ordering=ordering))
        net.add(Flatten())
        net.add(Dense(2))
        return net, K.function([net.input], [net.output])

    net, lowered = build()
    monkeypatch.setenv(ENGINE_VARIABLE, "pytensor")
    _, reference = build()
    assert lowered.function.engine == "tensorflow", lowered.function.fallback_reason
    x = np.random.RandomState(12).rand(3, *net.input_shape[1:]).astype("float32")
    assert_same(lowered([x]), reference([x]), rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(lowered([x])[0], net.predict(x), rtol=1e-4, atol=1e-5)


def test_the_same_graph_compiles_once():
    """theano.function on the very same variables again (a script building its functions
    inside its loop) reuses the compiled and traced function."""
    net = policy()
    first = theano.function([net.input], net.output)
    again = theano.function([net.input], net.output)
    other = theano.function([net.input], [net.output])
    assert again is first and other is not first
    x = np.ones((2, 4), dtype="float32")
    np.testing.assert_array_equal(again(x), other(x)[0])
    assert first.trace_count == 1


def test_fallback_runs_unfused_with_the_same_numbers(monkeypatch):
    """A function left on PyTensor runs a copy compiled without element-wise fusion (the
    Python linker computes fused Composite ops element by element); the fused graph is
    still what debugprint shows, and the numbers are the same."""
    from legacy_keras.theano.sandbox.rng_mrg import MRG_RandomStreams

    def build():
        srng = MRG_RandomStreams(seed=3)
        x = T.matrix("x")
        W = theano.shared(np.linspace(-1, 1, 12).reshape(4, 3).astype("float32"), name="W")
        h = T.tanh(T.dot(x * srng.binomial(x.shape, p=0.5), W) + 1.0) ** 2
        return theano.function([x], [h, T.grad(h.sum(), W)])

    fallback = build()
    monkeypatch.setenv(ENGINE_VARIABLE, "pytensor")
    reference = build()
    assert fallback.engine == "pytensor" and fallback._runner is not fallback.compiled
    assert reference._runner is reference.compiled
    assert "Composite" in theano.printing.debugprint(fallback, file="str", style="pytensor")
    x = np.random.RandomState(13).rand(5, 4).astype("float32")
    for _ in range(2):
        assert_same(fallback(x), reference(x))


def test_raw_theano_scan_with_taps_in_a_layer_runs_in_predict():
    """A layer's theano.scan with two taps computes in a Keras 3 step through the scan
    lowering theano.function uses, with the numbers of the symbolic graph."""
    class TwoTaps(Layer):
        def call(self, x, mask=None):
            out, _ = theano.scan(lambda a, b: a + b, n_steps=3,
                                 outputs_info=dict(initial=x[:2], taps=[-2, -1]))
            return out[-1] + 0 * x[:1]

    model = Sequential([Dense(3, input_dim=2), TwoTaps()])
    symbolic = K.function([model.input], [model.output])
    x = np.arange(4, dtype="float32").reshape(2, 2)
    expected = symbolic([x])[0]
    assert expected.shape == (1, 3)
    np.testing.assert_allclose(model.predict(x), expected, rtol=1e-6)


def test_raw_theano_without_a_tensorflow_lowering_fails_loudly():
    """Where a layer's raw Theano has no TensorFlow lowering (here a theano.scan with an
    until condition), predict fails loudly, naming the layer, the feature and the guide,
    never with a silently different computation."""
    class Until(Layer):
        def call(self, x, mask=None):
            def step(a):
                return a * 2, theano.scan_module.until(T.gt(a.sum(), 100))

            out, _ = theano.scan(step, n_steps=3, outputs_info=x)
            return out[-1]

    model = Sequential([Dense(3, input_dim=2), Until()])
    symbolic = K.function([model.input], [model.output])
    x = np.ones((2, 2), "float32")
    assert symbolic([x])[0].shape == (2, 3)  # the Theano graph itself is fine
    with pytest.raises(Exception) as raised:
        model.predict(x)
    message = str(raised.value)
    assert "until_1" in message and "while condition" in message
    assert "not supported by legacy_keras" in message and "migration_guide.md" in message
