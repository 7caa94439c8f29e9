// The bridge protocol's server half over a ZeroMQ ROUTER socket (libzmq C API); see ../../PROTOCOL.md.
#include <zmq.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <utility>

#include "gym4j_bridge/server.hpp"

namespace gym4j_bridge {

namespace {

constexpr uint32_t kProtocolVersion = 1;

double now_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

void set_error(pb::Response& reply, uint64_t id, pb::ErrorCode code, const std::string& message) {
  reply.Clear();
  reply.set_id(id);
  reply.mutable_error()->set_code(code);
  reply.mutable_error()->set_message(message);
}

bool recv_frame(void* socket, std::string& out, bool& more) {
  zmq_msg_t msg;
  zmq_msg_init(&msg);
  if (zmq_msg_recv(&msg, socket, ZMQ_DONTWAIT) < 0) {
    zmq_msg_close(&msg);
    return false;
  }
  out.assign(static_cast<const char*>(zmq_msg_data(&msg)), zmq_msg_size(&msg));
  more = zmq_msg_more(&msg) != 0;
  zmq_msg_close(&msg);
  return true;
}

}  // namespace

Server::Server(ServerOptions options, EnvFactory factory) : options_(std::move(options)), factory_(std::move(factory)) {
  context_ = zmq_ctx_new();
  router_ = zmq_socket(context_, ZMQ_ROUTER);
  int linger = 0;
  zmq_setsockopt(router_, ZMQ_LINGER, &linger, sizeof linger);
  int64_t max_size = options_.max_message_size;
  zmq_setsockopt(router_, ZMQ_MAXMSGSIZE, &max_size, sizeof max_size);
  std::string bind = options_.bind;
  if (bind.size() > 2 && bind.compare(bind.size() - 2, 2, ":0") == 0) bind = bind.substr(0, bind.size() - 1) + "*";
  if (zmq_bind(router_, bind.c_str()) != 0) {
    std::string reason = errno == EADDRINUSE ? "address already in use" : zmq_strerror(errno);
    zmq_close(router_);
    zmq_ctx_term(context_);
    router_ = context_ = nullptr;
    throw std::runtime_error("cannot bind " + options_.bind + ": " + reason);
  }
  char endpoint[256];
  size_t size = sizeof endpoint;
  zmq_getsockopt(router_, ZMQ_LAST_ENDPOINT, endpoint, &size);
  endpoint_ = endpoint;
  last_sweep_ = now_seconds();
}

Server::~Server() {
  sessions_.clear();
  if (router_) zmq_close(router_);
  if (context_) zmq_ctx_term(context_);
}

void Server::serve_forever() {
  while (running_.load()) serve_once(100);
}

int Server::serve_once(int timeout_ms) {
  zmq_pollitem_t item{router_, 0, ZMQ_POLLIN, 0};
  int answered = 0;
  if (zmq_poll(&item, 1, timeout_ms) > 0) {
    std::vector<std::string> frames;
    std::string frame;
    bool more = true;
    while (true) {
      frames.clear();
      more = true;
      while (more && recv_frame(router_, frame, more)) frames.push_back(frame);
      if (frames.empty()) break;
      const std::string& identity = frames[0];
      // A REQ client puts an empty delimiter frame before the payload; a DEALER client does not.
      bool delimited = frames.size() == 3 && frames[1].empty();
      pb::Response reply;
      if (frames.size() == 2 || delimited) {
        answer(identity, frames.back(), reply);
      } else {
        set_error(reply, 0, pb::ERROR_CODE_BAD_MESSAGE,
                  "expected one payload frame (after an optional empty delimiter), got " +
                      std::to_string(frames.size() - 1) + " frames");
      }
      std::string out = reply.SerializeAsString();
      zmq_send(router_, identity.data(), identity.size(), ZMQ_SNDMORE);
      if (delimited) zmq_send(router_, "", 0, ZMQ_SNDMORE);
      zmq_send(router_, out.data(), out.size(), 0);
      ++answered;
    }
  }
  sweep_idle();
  return answered;
}

void Server::answer(const std::string& identity, const std::string& payload, pb::Response& reply) {
  pb::Request request;
  if (!request.ParseFromString(payload)) {
    set_error(reply, 0, pb::ERROR_CODE_BAD_MESSAGE, "not a gym4j.bridge.v1.Request (cannot parse it)");
    return;
  }
  const uint64_t id = request.id();
  reply.set_id(id);
  switch (request.body_case()) {
    case pb::Request::kHello:
      hello(identity, request, reply);
      return;
    case pb::Request::kPing:
      reply.mutable_pong();
      return;
    case pb::Request::kClose:
      sessions_.erase(identity);
      reply.mutable_close();
      return;
    case pb::Request::kListEnvs:
      set_error(reply, id, pb::ERROR_CODE_UNSUPPORTED,
                "this C++ server cannot list its env ids: name one in Hello.env_id (or use the default)");
      return;
    case pb::Request::BODY_NOT_SET:
      set_error(reply, id, pb::ERROR_CODE_BAD_MESSAGE, "the request has no body (an empty, truncated or foreign message?)");
      return;
    default:
      break;
  }
  auto it = sessions_.find(identity);
  if (it == sessions_.end()) {
    set_error(reply, id, pb::ERROR_CODE_NO_SESSION, "no env for this client at " + endpoint_ +
                                                        ": send Hello first (the server may have restarted or "
                                                        "dropped an idle client)");
    return;
  }
  it->second.last_seen = now_seconds();
  Env& env = *it->second.env;
  try {
    switch (request.body_case()) {
      case pb::Request::kReset:
        env.reset(request.reset().has_seed() ? &request.reset().seed() : nullptr, request.reset().options(),
                  *reply.mutable_reset());
        break;
      case pb::Request::kStep:
        env.step(request.step().action(), *reply.mutable_step());
        break;
      case pb::Request::kRender: {
        pb::Frame frame;
        auto* r = reply.mutable_render();
        if (env.render(frame)) *r->mutable_frame() = std::move(frame);
        break;
      }
      default:
        set_error(reply, id, pb::ERROR_CODE_UNSUPPORTED,
                  "this server serves single envs: send reset and step, not vector requests");
    }
  } catch (const BridgeError& e) {
    set_error(reply, id, e.code(), e.what());
  } catch (const std::exception& e) {
    set_error(reply, id, pb::ERROR_CODE_ENV_ERROR, std::string("the env failed: ") + e.what());
  }
}

void Server::hello(const std::string& identity, const pb::Request& request, pb::Response& reply) {
  const auto& h = request.hello();
  const uint64_t id = request.id();
  if (h.protocol_version() != kProtocolVersion) {
    set_error(reply, id, pb::ERROR_CODE_UNSUPPORTED_VERSION,
              "this server speaks gym4j bridge protocol version 1, the client asked for " +
                  std::to_string(h.protocol_version()));
    return;
  }
  sessions_.erase(identity);  // a second Hello replaces the env
  if (h.num_envs() > 0) {
    set_error(reply, id, pb::ERROR_CODE_UNSUPPORTED, "this C++ server serves single envs, not vector envs of " +
                                                         std::to_string(h.num_envs()));
    return;
  }
  if (sessions_.size() >= options_.max_clients) {
    set_error(reply, id, pb::ERROR_CODE_TOO_MANY_CLIENTS, "the server at " + endpoint_ + " serves at most " +
                                                              std::to_string(options_.max_clients) +
                                                              " clients; try again later");
    return;
  }
  std::string env_id = h.env_id().empty() ? options_.default_env_id : h.env_id();
  if (env_id.empty()) {
    set_error(reply, id, pb::ERROR_CODE_INVALID_ARGUMENT, "this server has no default env: name one in Hello.env_id");
    return;
  }
  std::unique_ptr<Env> env;
  pb::EnvDescription description;
  try {
    env = factory_(env_id, h.kwargs());
    if (!env) throw BridgeError(pb::ERROR_CODE_ENV_NOT_FOUND, "no env " + env_id + " here");
    description = env->describe();
  } catch (const BridgeError& e) {
    set_error(reply, id, e.code(), e.what());
    return;
  } catch (const std::exception& e) {
    set_error(reply, id, pb::ERROR_CODE_ENV_ERROR, std::string("cannot make ") + env_id + ": " + e.what());
    return;
  }
  sessions_[identity] = Session{std::move(env), now_seconds()};
  auto* r = reply.mutable_hello();
  r->set_protocol_version(kProtocolVersion);
  r->add_capabilities("tensors-le");
  r->add_capabilities("render-rgb");
  r->set_server_name("gym4j-cpp");
  *r->mutable_env() = std::move(description);
}

void Server::sweep_idle() {
  double now = now_seconds();
  if (now - last_sweep_ < 1.0) return;
  last_sweep_ = now;
  for (auto it = sessions_.begin(); it != sessions_.end();) {
    if (now - it->second.last_seen > options_.idle_timeout_seconds) {
      it = sessions_.erase(it);
    } else {
      ++it;
    }
  }
}

}  // namespace gym4j_bridge
