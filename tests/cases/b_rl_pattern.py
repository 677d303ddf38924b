# The policy-gradient RL pattern end to end, as joschu/modular_rl wrote it with
# Keras 1 + Theano: a policy network built with Sequential after np.random.seed (its
# default glorot initialisation from NumPy's global RNG), theano.function([net.input],
# net.output), a surrogate loss written with T (T.log, indexing with T.arange,
# .sum(axis=1), .dot), T.grad with respect to net.trainable_weights, a flat parameter
# getter (theano.function of T.concatenate of flattened weights, and NumPy from
# get_weights) and a flat setter built with theano.function(..., updates=[(w,
# theta[start:start+size].reshape(shape))]); a value-function network trained with
# theano.function(updates=) SGD steps *and* with fit in between. Compiled functions must
# always see the current weights (after set_value / the flat setter / fit).
# Every number is recorded.
import numpy as np
import theano
import theano.tensor as T
from keras import backend as K
from keras.layers import Dense
from keras.models import Sequential

import golden

FNOPTS = dict(allow_input_downcast=True, on_unused_input='ignore')
floatX = theano.config.floatX
golden.record('floatX', floatX)

np.random.seed(0)

# --- networks (seeded default initialisation)
net = Sequential()
net.add(Dense(8, input_shape=(4,), activation='tanh', init='glorot_uniform'))
net.add(Dense(3, activation='softmax'))

vfnet = Sequential()
vfnet.add(Dense(8, input_shape=(5,), activation='tanh'))
vfnet.add(Dense(1))
for layer in vfnet.layers:
    layer.W.set_value(layer.W.get_value(borrow=True) * 0.1)

for w in net.trainable_weights + vfnet.trainable_weights:
    golden.record('init/' + w.name, w.get_value())


# --- modular_rl's flat-parameter helpers
class GetFlat(object):
    def __init__(self, var_list):
        self.op = theano.function([], T.concatenate([v.flatten() for v in var_list]), **FNOPTS)

    def __call__(self):
        return self.op()


class SetFromFlat(object):
    def __init__(self, var_list):
        theta = T.vector()
        start = 0
        updates = []
        for v in var_list:
            shape = v.shape
            size = T.prod(shape)
            updates.append((v, theta[start:start + size].reshape(shape)))
            start += size
        self.op = theano.function([theta], [], updates=updates, **FNOPTS)

    def __call__(self, theta):
        return self.op(theta.astype(floatX))


def numpy_get_flat(model):
    return np.concatenate([w.flatten() for w in model.get_weights()])


def numpy_set_from_flat(model, th):
    shapes = [w.shape for w in model.get_weights()]
    out, start = [], 0
    for shape in shapes:
        size = int(np.prod(shape))
        out.append(th[start:start + size].reshape(shape))
        start += size
    model.set_weights(out)


def flatgrad(loss, var_list):
    grads = T.grad(loss, var_list)
    return T.concatenate([g.flatten() for g in grads])


# --- the policy
params = net.trainable_weights
golden.record('params/names', [p.name for p in params])
act_prob = theano.function([net.input], net.output, **FNOPTS)

ob_no = net.input
act_na = T.ivector('a')
adv_n = T.vector('adv')
oldprob_np = T.matrix('oldprob')
prob_np = net.output
N = ob_no.shape[0]


def loglikelihood(a, prob):
    return T.log(prob[T.arange(prob.shape[0]), a])


logp_n = loglikelihood(act_na, prob_np)
oldlogp_n = loglikelihood(act_na, oldprob_np)
ent = (-(prob_np * T.log(prob_np)).sum(axis=1)).mean()
surr = (-1.0 / N) * T.exp(logp_n - oldlogp_n).dot(adv_n)
kl = (oldprob_np * T.log(oldprob_np / prob_np)).sum(axis=1).mean()
pg_loss = -(logp_n * adv_n).mean()

print('== logp_n')
theano.printing.debugprint(logp_n)

grads = T.grad(pg_loss, params)
golden.record('grads/is_list', isinstance(grads, list))
golden.record('grads/len', len(grads))
golden.record('grads/ndims', [g.ndim for g in grads])

compute_losses = theano.function([ob_no, act_na, adv_n, oldprob_np], [surr, kl, ent], **FNOPTS)
compute_pg = theano.function([ob_no, act_na, adv_n], [pg_loss] + grads, **FNOPTS)
surr_w_kl = surr + 0.1 * kl
compute_lossgrad = theano.function([ob_no, act_na, adv_n, oldprob_np],
                                   [surr_w_kl, flatgrad(surr_w_kl, params)], **FNOPTS)
get_flat = GetFlat(params)
set_from_flat = SetFromFlat(params)

# a raw T.matrix as the network input: calling the (unbuilt) Sequential on it fails in
# Keras 1.2.2; theano.clone(replace=) and givens= work
ob = T.matrix('ob')
try:
    net(ob)
except Exception as e:
    print('net(ob) ->', type(e).__name__, e)
    golden.record('error/call_on_raw_tensor', [type(e).__name__, str(e)])
else:
    golden.record('error/call_on_raw_tensor', None)
act_prob_ob = theano.function([ob], theano.clone(net.output, replace={net.input: ob}), **FNOPTS)
act_prob_givens = theano.function([ob], net.output, givens={net.input: ob}, **FNOPTS)

# --- a batch of "experience" (float64 observations, as from a gym env)
rng = np.random.RandomState(42)
obs = rng.randn(6, 4)
actions = np.array([0, 2, 1, 1, 0, 2], dtype='int32')
rewards = np.array([1.0, 0.0, 0.5, 1.0, -1.0, 2.0])

prob = act_prob(obs)
golden.record('prob/0', prob, rtol=1e-5)
golden.record('prob/dtype', str(prob.dtype))
golden.record('prob/type', type(prob).__name__)
golden.record('prob/ob_call', act_prob_ob(obs), rtol=1e-5)
golden.record('prob/givens', act_prob_givens(obs), rtol=1e-5)
golden.record('prob/predict_equal', bool(np.allclose(net.predict(obs), prob, atol=1e-6)))


def vf_features(ob_no):
    # modular_rl's NnVf.preproc: one extra feature for the timestep
    return np.concatenate([ob_no, np.arange(len(ob_no)).reshape(-1, 1) / 10.], axis=1)


vf_predict = theano.function([vfnet.input], vfnet.output, **FNOPTS)
baseline0 = vf_predict(vf_features(obs))[:, 0]
golden.record('vf/predict_0', baseline0, rtol=1e-5)

gamma = 0.9
returns = np.zeros_like(rewards)
running = 0.
for t in reversed(range(len(rewards))):
    running = rewards[t] + gamma * running
    returns[t] = running
adv = returns - baseline0
adv = (adv - adv.mean()) / (adv.std() + 1e-8)
golden.record('adv', adv, rtol=1e-5)

pg = compute_pg(obs, actions, adv)
golden.record('pg/type', type(pg).__name__)
golden.record('pg/loss', pg[0], rtol=1e-5)
for p, g in zip(params, pg[1:]):
    golden.record('pg/grad/' + p.name, g, rtol=1e-4, atol=1e-6)

losses_before = compute_losses(obs, actions, adv, prob)
golden.record('losses/before', [float(v) for v in losses_before], rtol=1e-5)
lossgrad = compute_lossgrad(obs, actions, adv, prob)
golden.record('lossgrad/loss', lossgrad[0], rtol=1e-5)
golden.record('lossgrad/flatgrad', lossgrad[1], rtol=1e-4)
golden.record('lossgrad/flatgrad_shape', list(lossgrad[1].shape))

theta = get_flat()
golden.record('flat/theta_0', theta, rtol=1e-6)
golden.record('flat/theta_0_dtype', str(theta.dtype))
golden.record('flat/matches_numpy', bool(np.array_equal(theta, numpy_get_flat(net))))

# a step along the flat gradient, written back with the updates= setter
theta_new = theta - 0.5 * lossgrad[1].astype('float64')
ret = set_from_flat(theta_new)
golden.record('flat/setter_returns', ret)
theta_after = get_flat()
golden.record('flat/theta_1', theta_after, rtol=1e-6)
golden.record('flat/set_exactly', bool(np.array_equal(theta_after, theta_new.astype(floatX))))
golden.record('flat/weights_after_set', [w.tolist() for w in net.get_weights()], rtol=1e-6)
prob1 = act_prob(obs)  # compiled before the update: sees the new weights
golden.record('prob/1', prob1, rtol=1e-5)
golden.record('prob/1_predict_equal', bool(np.allclose(net.predict(obs), prob1, atol=1e-6)))
golden.record('losses/after_step', [float(v) for v in compute_losses(obs, actions, adv, prob)],
              rtol=1e-5)

# --- the value function: SGD steps with theano.function(updates=), then fit
x_nx = vfnet.input
ytarg_ny = T.matrix('ytarg')
ypred_ny = vfnet.output
var_list = vfnet.trainable_weights
l2 = 1e-3 * T.add(*[T.square(v).sum() for v in var_list])
mse = T.sum(T.square(ytarg_ny - ypred_ny)) / x_nx.shape[0]
vf_loss = mse + l2
vf_grads = T.grad(vf_loss, var_list)
vf_sgd = theano.function([x_nx, ytarg_ny], [vf_loss, mse, l2],
                         updates=[(v, v - 0.05 * g) for v, g in zip(var_list, vf_grads)],
                         **FNOPTS)
vf_x = vf_features(obs)
vf_y = returns.reshape(-1, 1)
sgd_losses = []
for i in range(3):
    sgd_losses.append([float(v) for v in vf_sgd(vf_x, vf_y)])
golden.record('vf/sgd_losses', sgd_losses, rtol=1e-5)
golden.record('vf/predict_after_sgd', vf_predict(vf_x)[:, 0], rtol=1e-5)
golden.record('vf/keras_predict_after_sgd', vfnet.predict(vf_x)[:, 0], rtol=1e-5)

vfnet.compile(loss='mse', optimizer='adam')
hist = vfnet.fit(vf_x, vf_y, batch_size=4, nb_epoch=3, shuffle=False, verbose=0)
golden.record('vf/fit_loss', [float(v) for v in hist.history['loss']])
golden.record('vf/predict_after_fit', vf_predict(vf_x)[:, 0])  # compiled before fit
golden.record('vf/keras_predict_after_fit', vfnet.predict(vf_x)[:, 0])
for w in vfnet.trainable_weights:
    golden.record('vf/final/' + w.name, w.get_value())
golden.record('vf/sgd_after_fit', [float(v) for v in vf_sgd(vf_x, vf_y)])

# --- the policy trained with fit too (behaviour cloning of the actions), then read back
net.compile(loss='categorical_crossentropy', optimizer='sgd')
targets = np.eye(3, dtype='float32')[actions]
hist = net.fit(obs, targets, batch_size=3, nb_epoch=2, shuffle=False, verbose=0)
golden.record('policy/fit_loss', [float(v) for v in hist.history['loss']])
theta_fit = get_flat()
golden.record('flat/theta_after_fit', theta_fit)
golden.record('flat/after_fit_matches_numpy', bool(np.array_equal(theta_fit, numpy_get_flat(net))))
prob2 = act_prob(obs)
golden.record('prob/2', prob2)

# second iteration: new old-probabilities, losses, gradient; the numpy setter
losses2 = compute_losses(obs, actions, adv, prob2)
golden.record('losses/iter2', [float(v) for v in losses2])
lossgrad2 = compute_lossgrad(obs, actions, adv, prob2)
golden.record('lossgrad/iter2_flatgrad', lossgrad2[1])
numpy_set_from_flat(net, theta_fit - 0.5 * lossgrad2[1])
golden.record('flat/theta_numpy_set', get_flat())
golden.record('prob/3', act_prob(obs))
golden.record('prob/3_ob_call', act_prob_ob(obs))

# restore the first parameters with the theano setter and check every function agrees
set_from_flat(theta)
golden.record('prob/restored_equal_0', bool(np.allclose(act_prob(obs), prob, atol=1e-7)))
golden.record('losses/restored', [float(v) for v in compute_losses(obs, actions, adv, prob)],
              rtol=1e-5)
