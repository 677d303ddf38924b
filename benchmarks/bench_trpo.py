"""A TRPO-shaped workload (joschu/modular_rl's, on CartPole-sized data): a Keras 1 policy
MLP (64-64 tanh, softmax over 2 actions) whose training step is raw Theano, next to the
same computation hand-written in Keras 3 / TensorFlow, in one process, interleaved.

    python benchmarks/bench_trpo.py [--iterations 8] [--timesteps 2000]
    python benchmarks/bench_trpo.py --keras1-only     # under `legacy-keras run` or the oracle

One iteration, as modular_rl's TRPO does it: read the flat parameters (a
``theano.function`` without inputs), compute surrogate loss / KL / entropy and the flat
gradient of the surrogate (two ``theano.function``s), ten Fisher-vector products (the
gradient of the gradient of the KL against a fixed first argument, through
``disconnected_grad``) for conjugate gradient, a backtracking line search (set the flat
parameters through ``theano.function(updates=...)``, recompute the losses) three times,
and a read / write of every layer's ``W`` through ``get_value`` / ``set_value``. The
number of timesteps changes a little each iteration (episodes end when they end), as it
does in TRPO, so compiled functions see new batch sizes.

Prints the per-iteration wall time of each (median over iterations after a warm-up) and
the ratio legacy_keras / hand-written (1.0 = same speed; the target is <= 1.5). Nothing
here is asserted by tests.
"""
import argparse
import time

import numpy as np

OBS_DIM, N_ACTIONS, HIDDEN = 4, 2, 64
N_CG, N_LINESEARCH = 10, 3


# -- the Keras 1 + Theano program (modular_rl's shape) ------------------------------------
def build_keras1(keras, theano):
    """The policy and the compiled functions of modular_rl's TRPO updater."""
    T = theano.tensor
    from keras.layers import Dense
    from keras.models import Sequential

    net = Sequential()
    net.add(Dense(HIDDEN, input_dim=OBS_DIM, activation="tanh"))
    net.add(Dense(HIDDEN, activation="tanh"))
    net.add(Dense(N_ACTIONS, activation="softmax"))
    params = net.trainable_weights
    ob_no = net.input
    prob_np = net.output
    a_n = T.ivector("a_n")
    adv_n = T.vector("adv_n")
    oldprob_np = T.matrix("oldprob")
    N = ob_no.shape[0]
    p_n = prob_np[T.arange(N), a_n]
    oldp_n = oldprob_np[T.arange(N), a_n]
    surr = -T.mean(T.exp(T.log(p_n) - T.log(oldp_n)) * adv_n)
    kl = T.sum(oldprob_np * T.log(oldprob_np / prob_np), axis=1).mean()
    ent = -T.sum(prob_np * T.log(prob_np), axis=1).mean()
    args = [ob_no, a_n, adv_n, oldprob_np]

    def flatgrad(loss, var_list):
        grads = T.grad(loss, var_list)
        return T.concatenate([g.flatten() for g in grads])

    fixed = theano.gradient.disconnected_grad(prob_np)
    kl_firstfixed = T.sum(fixed * T.log(fixed / prob_np)) / T.cast(N, "float32")
    grads = T.grad(kl_firstfixed, params)
    flat_tangent = T.fvector("flat_tan")
    shapes = [p.get_value(borrow=True).shape for p in params]
    start, tangents = 0, []
    for shape in shapes:
        size = int(np.prod(shape))
        tangents.append(T.reshape(flat_tangent[start:start + size], shape))
        start += size
    gvp = T.add(*[T.sum(g * t) for g, t in zip(grads, tangents)])
    fvp = flatgrad(gvp, params)

    theta = T.fvector("theta")
    start, updates = 0, []
    for p, shape in zip(params, shapes):
        size = int(np.prod(shape))
        updates.append((p, T.reshape(theta[start:start + size], shape)))
        start += size
    return {
        "net": net,
        "losses": theano.function(args, [surr, kl, ent]),
        "grad": theano.function(args, flatgrad(surr, params)),
        "fvp": theano.function([flat_tangent] + args, fvp, on_unused_input="ignore"),
        "get_flat": theano.function([], T.concatenate([p.flatten() for p in params])),
        "set_flat": theano.function([theta], [], updates=updates),
        "probs": theano.function([ob_no], prob_np),
    }


def keras1_iteration(fns, batch):
    """One TRPO update through the compiled Theano functions; returns the new losses."""
    ob, a, adv = batch
    oldprob = fns["probs"](ob)
    args = (ob, a, adv, oldprob)
    theta = fns["get_flat"]()
    fns["losses"](*args)
    g = fns["grad"](*args)
    stepdir = _conjugate_gradient(lambda v: fns["fvp"](v, *args) + 0.1 * v, -g)
    for fraction in 0.5 ** np.arange(N_LINESEARCH):
        fns["set_flat"]((theta + fraction * 0.01 * stepdir).astype("float32"))
        losses = fns["losses"](*args)
    for layer in fns["net"].layers:
        layer.W.set_value(layer.W.get_value())
    return losses


# -- the same computation hand-written in Keras 3 / TensorFlow ----------------------------
def build_native(weights):
    import tensorflow as tf

    from legacy_keras._k3 import keras

    net = keras.Sequential([
        keras.Input(shape=(OBS_DIM,)),
        keras.layers.Dense(HIDDEN, activation="tanh"),
        keras.layers.Dense(HIDDEN, activation="tanh"),
        keras.layers.Dense(N_ACTIONS, activation="softmax"),
    ])
    net.set_weights(weights)
    params = [w.value for w in net.trainable_weights]
    spec = [tf.TensorSpec([None, OBS_DIM], tf.float32), tf.TensorSpec([None], tf.int32),
            tf.TensorSpec([None], tf.float32), tf.TensorSpec([None, N_ACTIONS], tf.float32)]

    def picked(prob, a):
        return tf.gather(prob, a, axis=1, batch_dims=1)

    def losses_of(ob, a, adv, oldprob):
        prob = net(ob)
        surr = -tf.reduce_mean(tf.exp(tf.math.log(picked(prob, a))
                                      - tf.math.log(picked(oldprob, a))) * adv)
        kl = tf.reduce_mean(tf.reduce_sum(oldprob * tf.math.log(oldprob / prob), axis=1))
        ent = -tf.reduce_mean(tf.reduce_sum(prob * tf.math.log(prob), axis=1))
        return surr, kl, ent

    def flat(tensors):
        return tf.concat([tf.reshape(t, [-1]) for t in tensors], 0)

    @tf.function(input_signature=spec)
    def losses(ob, a, adv, oldprob):
        return losses_of(ob, a, adv, oldprob)

    @tf.function(input_signature=spec)
    def grad(ob, a, adv, oldprob):
        with tf.GradientTape() as tape:
            surr = losses_of(ob, a, adv, oldprob)[0]
        return flat(tape.gradient(surr, params))

    @tf.function(input_signature=[tf.TensorSpec([None], tf.float32)] + spec)
    def fvp(tangent, ob, a, adv, oldprob):
        with tf.GradientTape() as outer:
            with tf.GradientTape() as inner:
                prob = net(ob)
                fixed = tf.stop_gradient(prob)
                kl = tf.reduce_sum(fixed * tf.math.log(fixed / prob)) / tf.cast(
                    tf.shape(ob)[0], tf.float32)
            grads = inner.gradient(kl, params)
            gvp = tf.add_n([tf.reduce_sum(g * tf.reshape(tangent[s:e], tf.shape(g)))
                            for g, (s, e) in zip(grads, _offsets(params))])
        return flat(outer.gradient(gvp, params))

    @tf.function
    def get_flat():
        return flat(params)

    @tf.function(input_signature=[tf.TensorSpec([None], tf.float32)])
    def set_flat(theta):
        for p, (s, e) in zip(params, _offsets(params)):
            p.assign(tf.reshape(theta[s:e], p.shape))

    @tf.function(input_signature=spec[:1])
    def probs(ob):
        return net(ob)

    return {"net": net, "losses": losses, "grad": grad, "fvp": fvp, "get_flat": get_flat,
            "set_flat": set_flat, "probs": probs}


def _offsets(params):
    start, result = 0, []
    for p in params:
        size = int(np.prod(p.shape))
        result.append((start, start + size))
        start += size
    return result


def native_iteration(fns, batch):
    ob, a, adv = batch
    oldprob = fns["probs"](ob).numpy()
    args = (ob, a, adv, oldprob)
    theta = fns["get_flat"]().numpy()
    fns["losses"](*args)
    g = fns["grad"](*args).numpy()
    stepdir = _conjugate_gradient(lambda v: fns["fvp"](v, *args).numpy() + 0.1 * v, -g)
    for fraction in 0.5 ** np.arange(N_LINESEARCH):
        fns["set_flat"]((theta + fraction * 0.01 * stepdir).astype("float32"))
        losses = [x.numpy() for x in fns["losses"](*args)]
    for layer in fns["net"].layers:
        layer.kernel.assign(layer.kernel.numpy())
    return losses


# -- shared pieces ------------------------------------------------------------------------
def _conjugate_gradient(f_Ax, b, iters=N_CG, residual_tol=1e-10):
    """modular_rl's cg: ``iters`` matrix-vector products (the Fisher-vector products)."""
    p, r = b.copy(), b.copy()
    x = np.zeros_like(b)
    rdotr = r.dot(r)
    for _ in range(iters):
        z = f_Ax(p)
        v = rdotr / (p.dot(z) + 1e-12)
        x += v * p
        r -= v * z
        newrdotr = r.dot(r)
        p = r + newrdotr / (rdotr + 1e-12) * p
        rdotr = newrdotr
    return x.astype("float32")


def batches(n_iterations, timesteps, seed=0):
    """CartPole-sized data; the batch size moves by a few steps each iteration."""
    rng = np.random.RandomState(seed)
    for _ in range(n_iterations):
        n = timesteps + int(rng.randint(-50, 50))
        yield (rng.randn(n, OBS_DIM).astype("float32"),
               rng.randint(0, N_ACTIONS, n).astype("int32"),
               rng.randn(n).astype("float32"))


def _timed(function, *args):
    start = time.perf_counter()
    result = function(*args)
    return time.perf_counter() - start, result


def run_keras1_only(args):
    import keras
    import theano

    start = time.perf_counter()
    fns = build_keras1(keras, theano)
    print("compile %.2f s" % (time.perf_counter() - start))
    times = []
    for i, batch in enumerate(batches(args.iterations, args.timesteps)):
        elapsed, losses = _timed(keras1_iteration, fns, batch)
        times.append(elapsed)
        print("iteration %d: %.3f s  surr %.5f" % (i, elapsed, float(losses[0])))
    print("median per iteration (after the first): %.3f s" % np.median(times[1:]))


def run_compared(args):
    import legacy_keras

    legacy_keras.install()
    import keras
    import theano

    start = time.perf_counter()
    ours = build_keras1(keras, theano)
    compile_ours = time.perf_counter() - start
    native = build_native(ours["net"].get_weights())
    ours_times, native_times = [], []
    for i, batch in enumerate(batches(args.iterations + 1, args.timesteps)):
        t_ours, l_ours = _timed(keras1_iteration, ours, batch)
        t_native, l_native = _timed(native_iteration, native, batch)
        print("iteration %d (n=%d): legacy_keras %.4f s   hand-written %.4f s   ratio %.2f"
              "   surr %.5f / %.5f" % (i, len(batch[0]), t_ours, t_native, t_ours / t_native,
                                       float(l_ours[0]), float(l_native[0])))
        if i:  # the first iteration traces and compiles on both sides
            ours_times.append(t_ours)
            native_times.append(t_native)
    engine = getattr(ours["fvp"], "engine", "pytensor")
    print("theano.function build (compile) time: %.2f s; engine of the FVP function: %s"
          % (compile_ours, engine))
    ratio = np.median(ours_times) / np.median(native_times)
    print("median per iteration: legacy_keras %.4f s   hand-written %.4f s   ratio %.2f"
          % (np.median(ours_times), np.median(native_times), ratio))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--iterations", type=int, default=8)
    parser.add_argument("--timesteps", type=int, default=2000)
    parser.add_argument("--keras1-only", action="store_true",
                        help="run only the Keras 1 + Theano program (with `import keras`, "
                        "so under `legacy-keras run` or the oracle)")
    args = parser.parse_args()
    if args.keras1_only:
        run_keras1_only(args)
    else:
        run_compared(args)


if __name__ == "__main__":
    main()
