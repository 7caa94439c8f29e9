// Wire helpers: spaces, tensors and actions as the bridge protocol encodes them (PROTOCOL.md, "Values and tensors").
#include <cmath>
#include <cstring>
#include <sstream>

#include "gym4j_bridge/server.hpp"

namespace gym4j_bridge {

namespace {

size_t element_count(const google::protobuf::RepeatedField<int64_t>& shape) {
  size_t n = 1;
  for (int64_t d : shape) {
    if (d < 0) return SIZE_MAX;
    n *= static_cast<size_t>(d);
  }
  return n;
}

std::string shape_text(const google::protobuf::RepeatedField<int64_t>& shape) {
  std::ostringstream out;
  out << "[";
  for (int i = 0; i < shape.size(); ++i) out << (i ? ", " : "") << shape.Get(i);
  out << "]";
  return out.str();
}

template <typename T>
T read_le(const std::string& data, size_t index) {
  T v;
  std::memcpy(&v, data.data() + index * sizeof(T), sizeof(T));  // x86/ARM hosts are little-endian
  return v;
}

}  // namespace

pb::Space box_space(const std::vector<int64_t>& shape, const std::vector<double>& low, const std::vector<double>& high,
                    pb::DType dtype) {
  pb::Space s;
  auto* box = s.mutable_box();
  box->set_dtype(dtype);
  for (int64_t d : shape) box->add_shape(d);
  for (double v : low) box->add_low(v);
  for (double v : high) box->add_high(v);
  return s;
}

pb::Space discrete_space(int64_t n, int64_t start) {
  pb::Space s;
  s.mutable_discrete()->set_n(n);
  s.mutable_discrete()->set_start(start);
  return s;
}

pb::Value float32_tensor(const std::vector<float>& data, const std::vector<int64_t>& shape) {
  pb::Value v;
  auto* t = v.mutable_tensor();
  t->set_dtype(pb::DTYPE_FLOAT32);
  for (int64_t d : shape) t->add_shape(d);
  t->set_data(reinterpret_cast<const char*>(data.data()), data.size() * sizeof(float));
  return v;
}

std::string describe_space(const pb::Space& space) {
  std::ostringstream out;
  switch (space.kind_case()) {
    case pb::Space::kDiscrete:
      out << "Discrete(" << space.discrete().n();
      if (space.discrete().start()) out << ", start=" << space.discrete().start();
      out << ")";
      break;
    case pb::Space::kBox:
      out << "Box(" << pb::DType_Name(space.box().dtype()) << ", " << shape_text(space.box().shape()) << ")";
      break;
    default:
      out << "a space of kind " << space.kind_case();
  }
  return out.str();
}

int64_t discrete_action(const pb::Value& action, const pb::Space& space) {
  int64_t a;
  if (action.kind_case() == pb::Value::kInteger) {
    a = action.integer();
  } else if (action.kind_case() == pb::Value::kTensor && element_count(action.tensor().shape()) == 1 &&
             (action.tensor().dtype() == pb::DTYPE_INT64 || action.tensor().dtype() == pb::DTYPE_INT32)) {
    const auto& t = action.tensor();
    size_t size = t.dtype() == pb::DTYPE_INT64 ? 8 : 4;
    if (t.data().size() != size) {
      throw BridgeError(pb::ERROR_CODE_BAD_MESSAGE, "an action tensor of dtype " + pb::DType_Name(t.dtype()) +
                                                        " holds " + std::to_string(t.data().size()) + " bytes, not " +
                                                        std::to_string(size));
    }
    a = size == 8 ? read_le<int64_t>(t.data(), 0) : read_le<int32_t>(t.data(), 0);
  } else {
    throw BridgeError(pb::ERROR_CODE_INVALID_ACTION,
                      "Invalid action for action space " + describe_space(space) + ": expected an int64 scalar tensor");
  }
  const auto& d = space.discrete();
  if (a < d.start() || a >= d.start() + d.n()) {
    throw BridgeError(pb::ERROR_CODE_INVALID_ACTION, "Invalid action " + std::to_string(a) + " for action space " +
                                                         describe_space(space) + ": expected an integer in [" +
                                                         std::to_string(d.start()) + ", " +
                                                         std::to_string(d.start() + d.n()) + ")");
  }
  return a;
}

std::vector<float> box_action_f32(const pb::Value& action, const pb::Space& space) {
  size_t n = element_count(space.box().shape());
  if (action.kind_case() != pb::Value::kTensor || action.tensor().dtype() != pb::DTYPE_FLOAT32 ||
      element_count(action.tensor().shape()) != n || action.tensor().data().size() != n * sizeof(float)) {
    throw BridgeError(pb::ERROR_CODE_INVALID_ACTION, "Invalid action for action space " + describe_space(space) +
                                                         ": expected a float32 tensor of " + std::to_string(n) +
                                                         " elements");
  }
  std::vector<float> out(n);
  for (size_t i = 0; i < n; ++i) {
    out[i] = read_le<float>(action.tensor().data(), i);
    if (!std::isfinite(out[i])) {
      throw BridgeError(pb::ERROR_CODE_INVALID_ACTION,
                        "Invalid action for action space " + describe_space(space) + ": expected finite numbers");
    }
  }
  return out;
}

uint64_t seed_low64(const pb::Seed& seed) {
  uint64_t v = 0;
  const std::string& m = seed.magnitude();
  size_t from = m.size() > 8 ? m.size() - 8 : 0;
  for (size_t i = from; i < m.size(); ++i) v = (v << 8) | static_cast<unsigned char>(m[i]);
  return v;
}

const pb::Value* find(const pb::ValueMap& map, const std::string& key) {
  for (const auto& e : map.entries()) {
    if (e.key() == key) return &e.value();
  }
  return nullptr;
}

}  // namespace gym4j_bridge
