#include <xxhash.h>

#include "loaders/snapshot_format.hpp"

namespace castgraph::snapshot_detail {

std::uint64_t checksum(const char* data, std::size_t size) { return XXH3_64bits(data, size); }

}  // namespace castgraph::snapshot_detail
