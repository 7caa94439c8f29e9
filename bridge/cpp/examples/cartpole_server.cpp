// An env written in C++ served over the gym4j bridge: the classic cart-pole (Gymnasium's CartPole-v1
// dynamics: Euler integration, float32 observations, reward 1 per step, terminated past 12 degrees or
// 2.4 m, truncated at max_episode_steps, 500 by default). Its random stream is std::mt19937_64, so its
// episodes are not Gymnasium's draws, but the same seed gives the same episode.
//
//   cartpole_server [BIND]     prints "serving cpp/CartPole-v1 on tcp://127.0.0.1:PORT", serves until SIGTERM/SIGINT
//
// Kwargs: max_episode_steps (integer >= 1).
#include <csignal>
#include <cfloat>
#include <cmath>
#include <iostream>
#include <array>
#include <random>

#include "gym4j_bridge/server.hpp"

namespace {

using gym4j_bridge::BridgeError;
namespace pb = gym4j_bridge::pb;

constexpr const char* kId = "cpp/CartPole-v1";

class CartPole : public gym4j_bridge::Env {
 public:
  explicit CartPole(int64_t max_episode_steps) : max_steps_(max_episode_steps), rng_(std::random_device{}()) {
    const double high[4] = {kXThreshold * 2, FLT_MAX, kThetaThreshold * 2, FLT_MAX};
    std::vector<double> lo, hi;
    for (double h : high) {
      // bounds as float32 values, as the observation space's dtype holds them
      hi.push_back(static_cast<float>(h));
      lo.push_back(-static_cast<float>(h));
    }
    obs_space_ = gym4j_bridge::box_space({4}, lo, hi);
    action_space_ = gym4j_bridge::discrete_space(2);
  }

  pb::EnvDescription describe() const override {
    pb::EnvDescription d;
    *d.mutable_observation_space() = obs_space_;
    *d.mutable_action_space() = action_space_;
    auto* spec = d.mutable_spec();
    spec->set_id(kId);
    spec->set_entry_point("cartpole_server.cpp:CartPole");
    spec->set_max_episode_steps(static_cast<int32_t>(max_steps_));
    spec->set_has_reward_threshold(true);
    spec->set_reward_threshold(475.0);
    auto* fps = d.mutable_metadata()->add_entries();
    fps->set_key("render_fps");
    fps->mutable_value()->set_integer(50);
    auto* modes = d.mutable_metadata()->add_entries();
    modes->set_key("render_modes");
    modes->mutable_value()->mutable_list();
    return d;
  }

  void reset(const pb::Seed* seed, const pb::ValueMap& options, pb::ResetReply& reply) override {
    if (options.entries_size() > 0) {
      throw BridgeError(pb::ERROR_CODE_INVALID_ARGUMENT, "CartPole takes no reset options, got " +
                                                             options.entries(0).key());
    }
    if (seed != nullptr) rng_.seed(gym4j_bridge::seed_low64(*seed));
    std::uniform_real_distribution<double> u(-0.05, 0.05);
    for (double& v : state_) v = static_cast<float>(u(rng_));
    steps_ = 0;
    ended_ = false;
    started_ = true;
    *reply.mutable_observation() = observation();
    reply.mutable_info();
  }

  void step(const pb::Value& action, pb::StepReply& reply) override {
    int64_t a = gym4j_bridge::discrete_action(action, action_space_);
    if (!started_ || ended_) {
      throw BridgeError(pb::ERROR_CODE_RESET_NEEDED, started_ ? "the episode ended: call reset() before step()"
                                                              : "call reset() before step()");
    }
    double x = state_[0], x_dot = state_[1], theta = state_[2], theta_dot = state_[3];
    double force = a == 1 ? kForceMag : -kForceMag;
    double cos_t = std::cos(theta), sin_t = std::sin(theta);
    double temp = (force + kPoleMassLength * theta_dot * theta_dot * sin_t) / kTotalMass;
    double theta_acc = (kGravity * sin_t - cos_t * temp) /
                       (kLength * (4.0 / 3.0 - kMassPole * cos_t * cos_t / kTotalMass));
    double x_acc = temp - kPoleMassLength * theta_acc * cos_t / kTotalMass;
    x += kTau * x_dot;
    x_dot += kTau * x_acc;
    theta += kTau * theta_dot;
    theta_dot += kTau * theta_acc;
    state_ = {static_cast<float>(x), static_cast<float>(x_dot), static_cast<float>(theta), static_cast<float>(theta_dot)};
    ++steps_;
    bool terminated = x < -kXThreshold || x > kXThreshold || theta < -kThetaThreshold || theta > kThetaThreshold;
    bool truncated = !terminated && steps_ >= max_steps_;
    ended_ = terminated || truncated;
    *reply.mutable_observation() = observation();
    reply.set_reward(1.0);
    reply.set_terminated(terminated);
    reply.set_truncated(truncated);
    reply.mutable_info();
  }

 private:
  static constexpr double kGravity = 9.8, kMassCart = 1.0, kMassPole = 0.1, kTotalMass = kMassCart + kMassPole;
  static constexpr double kLength = 0.5, kPoleMassLength = kMassPole * kLength, kForceMag = 10.0, kTau = 0.02;
  static constexpr double kThetaThreshold = 12 * 2 * M_PI / 360, kXThreshold = 2.4;

  pb::Value observation() const {
    return gym4j_bridge::float32_tensor({static_cast<float>(state_[0]), static_cast<float>(state_[1]),
                                         static_cast<float>(state_[2]), static_cast<float>(state_[3])},
                                        {4});
  }

  int64_t max_steps_;
  std::mt19937_64 rng_;
  std::array<double, 4> state_{};
  int64_t steps_ = 0;
  bool started_ = false;
  bool ended_ = false;
  pb::Space obs_space_, action_space_;
};

std::unique_ptr<gym4j_bridge::Env> make(const std::string& env_id, const pb::ValueMap& kwargs) {
  if (env_id != kId && env_id != "CartPole-v1") {
    throw BridgeError(pb::ERROR_CODE_ENV_NOT_FOUND, "no env " + env_id + " here; this server serves " + kId);
  }
  int64_t max_steps = 500;
  for (const auto& e : kwargs.entries()) {
    if (e.key() == "max_episode_steps" && e.value().kind_case() == pb::Value::kInteger && e.value().integer() >= 1) {
      max_steps = e.value().integer();
    } else if (e.key() == "render_mode" && e.value().kind_case() == pb::Value::KIND_NOT_SET) {
      // render_mode=None: nothing to do
    } else {
      throw BridgeError(pb::ERROR_CODE_INVALID_ARGUMENT, "CartPole takes max_episode_steps (an integer >= 1), not " +
                                                             e.key());
    }
  }
  return std::make_unique<CartPole>(max_steps);
}

gym4j_bridge::Server* running = nullptr;

void on_signal(int) {
  if (running) running->stop();
}

}  // namespace

int main(int argc, char** argv) {
  gym4j_bridge::ServerOptions options;
  options.bind = argc > 1 ? argv[1] : "tcp://127.0.0.1:0";
  options.default_env_id = kId;
  try {
    gym4j_bridge::Server server(options, make);
    running = &server;
    std::signal(SIGTERM, on_signal);
    std::signal(SIGINT, on_signal);
    std::cout << "serving " << kId << " on " << server.endpoint() << std::endl;
    server.serve_forever();
  } catch (const std::exception& e) {
    std::cerr << "cartpole_server: " << e.what() << std::endl;
    return 2;
  }
  return 0;
}
