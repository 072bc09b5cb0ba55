// Rows packed into bytes for MPI: fixed-width integers and length-prefixed strings, in
// the byte order of the machine (every rank of one run shares it).
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace castgraph::mpi {

inline void put(std::string& out, std::uint64_t value) {
  out.append(reinterpret_cast<const char*>(&value), sizeof value);
}
inline void put(std::string& out, std::uint32_t value) {
  out.append(reinterpret_cast<const char*>(&value), sizeof value);
}
inline void put(std::string& out, std::string_view text) {
  put(out, static_cast<std::uint32_t>(text.size()));
  out.append(text);
}

class WireReader {
 public:
  explicit WireReader(std::string_view bytes) : bytes_(bytes) {}
  bool done() const { return at_ >= bytes_.size(); }
  template <typename Integer>
  Integer number() {
    Integer value;
    std::memcpy(&value, bytes_.data() + at_, sizeof value);
    at_ += sizeof value;
    return value;
  }
  std::string_view text() {
    const auto size = number<std::uint32_t>();
    const std::string_view text = bytes_.substr(at_, size);
    at_ += size;
    return text;
  }

 private:
  std::string_view bytes_;
  std::size_t at_ = 0;
};

}  // namespace castgraph::mpi
