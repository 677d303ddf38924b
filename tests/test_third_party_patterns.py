"""Patterns that published third-party Keras 1 programs used (keras-rl's DQN and DDPG,
GAN training loops, VAEs with raw Theano, custom optimizers, double backprop, every
input form fit accepted). Each case ran under real Keras 1.2.2 / Theano 1.0.5
(tests/oracle/regenerate.py wrote tests/goldens/<case>.*); legacy_keras must print and
record the same."""
import pytest

from harness import check_case

CASES = [
    "t_custom_optimizer",  # Optimizer subclasses with their own get_updates, wrappers
    "t_optimizer_symbolic",  # get_updates as Theano updates of a K.function (keras-rl DDPG)
    "t_input_forms",  # every data form standardize_input_data accepted, and its errors
    "t_gan_loop",  # frozen discriminator, alternating train_on_batch, save/load weights
    "t_raw_theano",  # theano.scan / set_subtensor / K.zeros in call, a VAE loss, K.reshape
    "t_gradients_twice",  # a loss differentiating the model (double backprop), grad of grad
    "t_rl_dqn",  # keras-rl's DQN: T.switch Huber loss in a Lambda, masked trainable model
]


@pytest.mark.parametrize("case", CASES)
def test_third_party_pattern_matches_keras1(case, tmp_path):
    check_case(case, str(tmp_path))
