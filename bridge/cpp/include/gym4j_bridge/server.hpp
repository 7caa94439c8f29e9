// gym4j bridge, simulator side in C++: serve envs written in C++ to gym4j (Java) and Python trainers.
//
// Implement gym4j_bridge::Env (describe, reset, step; render optionally), give a factory to a Server and
// call serve_forever(). The server speaks the bridge protocol of ../../PROTOCOL.md over a ZeroMQ ROUTER
// socket (libzmq's C API): one env per connected client, requests served one at a time on the calling
// thread, so an Env need not be thread-safe. This is what a Gazebo plugin (or any C++ simulator) links.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "gym4j/bridge/v1/bridge.pb.h"

namespace gym4j_bridge {

namespace pb = ::gym4j::bridge::v1;

/// An error the env reports; the server answers it as an Error reply with this code and keeps serving.
class BridgeError : public std::runtime_error {
 public:
  BridgeError(pb::ErrorCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  pb::ErrorCode code() const { return code_; }

 private:
  pb::ErrorCode code_;
};

/// One env, owned by the server for one client. Methods are called from the server's thread only.
class Env {
 public:
  virtual ~Env() = default;
  /// The handshake's description: observation and action spaces, spec, metadata, render mode.
  virtual pb::EnvDescription describe() const = 0;
  /// Starts an episode; seed is null when the client sent none (continue the random stream).
  /// Fill reply.observation (and reply.info). Throw BridgeError(INVALID_ARGUMENT, ...) for bad options.
  virtual void reset(const pb::Seed* seed, const pb::ValueMap& options, pb::ResetReply& reply) = 0;
  /// One step. Throw BridgeError(INVALID_ACTION, ...) for an action outside the space and
  /// BridgeError(RESET_NEEDED, ...) before the first reset or after the episode ended.
  virtual void step(const pb::Value& action, pb::StepReply& reply) = 0;
  /// An RGB frame, or false when there is nothing to show (the default).
  virtual bool render(pb::Frame& /*frame*/) { return false; }
};

/// Makes a client's env from the id and kwargs of its Hello (the default id when it named none).
/// Throw BridgeError(ENV_NOT_FOUND, ...) or BridgeError(INVALID_ARGUMENT, ...) when it cannot.
using EnvFactory = std::function<std::unique_ptr<Env>(const std::string& env_id, const pb::ValueMap& kwargs)>;

struct ServerOptions {
  std::string bind = "tcp://127.0.0.1:*";  // a port of 0 or * picks a free one (see Server::endpoint)
  std::string default_env_id;               // what a Hello without env_id gets; empty: clients must name one
  int64_t max_message_size = 64LL << 20;    // larger messages disconnect the client (ZMQ_MAXMSGSIZE)
  size_t max_clients = 1024;
  double idle_timeout_seconds = 300.0;      // a client silent this long loses its env
};

class Server {
 public:
  /// Binds at once; throws std::runtime_error("cannot bind ...: <reason>") when it cannot.
  Server(ServerOptions options, EnvFactory factory);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  /// The bound endpoint with its actual port, such as tcp://127.0.0.1:43211.
  const std::string& endpoint() const { return endpoint_; }
  /// Serves until stop() (from another thread or a signal handler).
  void serve_forever();
  /// Serves the requests that arrive within timeout_ms; returns how many were answered.
  int serve_once(int timeout_ms);
  /// Makes serve_forever return (async-signal-safe: sets a flag).
  void stop() { running_.store(false); }
  size_t active_clients() const { return sessions_.size(); }

 private:
  struct Session {
    std::unique_ptr<Env> env;
    double last_seen;
  };
  void answer(const std::string& identity, const std::string& payload, pb::Response& reply);
  void hello(const std::string& identity, const pb::Request& request, pb::Response& reply);
  void sweep_idle();

  ServerOptions options_;
  EnvFactory factory_;
  void* context_ = nullptr;
  void* router_ = nullptr;
  std::string endpoint_;
  std::map<std::string, Session> sessions_;
  std::atomic<bool> running_{true};
  double last_sweep_ = 0;
};

// ------------------------------------------------------------------ wire helpers (src/wire.cpp)

/// A Box space of the given dtype; low and high hold one bound per element (C order), +-inf for none.
pb::Space box_space(const std::vector<int64_t>& shape, const std::vector<double>& low, const std::vector<double>& high,
                    pb::DType dtype = pb::DTYPE_FLOAT32);
pb::Space discrete_space(int64_t n, int64_t start = 0);
/// A float32 tensor value of the given shape (little-endian, C order).
pb::Value float32_tensor(const std::vector<float>& data, const std::vector<int64_t>& shape);
/// The integer a Discrete action holds (an int64/int32 scalar tensor, or an integer), checked against the
/// space: throws BridgeError(INVALID_ACTION) naming the value and the space otherwise.
int64_t discrete_action(const pb::Value& action, const pb::Space& space);
/// The float32 elements of a Box action of that many elements (finite), or BridgeError(INVALID_ACTION).
std::vector<float> box_action_f32(const pb::Value& action, const pb::Space& space);
/// The low 64 bits of a seed (its magnitude is big-endian bytes of any length).
uint64_t seed_low64(const pb::Seed& seed);
/// The value under key, or null.
const pb::Value* find(const pb::ValueMap& map, const std::string& key);
/// A short human description of a space, for error messages ("Discrete(2)", "Box(float32, [3])").
std::string describe_space(const pb::Space& space);

}  // namespace gym4j_bridge
