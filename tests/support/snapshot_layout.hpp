// Where each section of a snapshot's bytes lies, read from its section table: for tests
// that damage one named section and check who notices.
#pragma once

#include <cstring>
#include <map>
#include <string>

#include "loaders/snapshot_format.hpp"

namespace castgraph::testing {

struct SectionPlace {
  std::uint64_t offset = 0;
  std::uint64_t bytes = 0;
};

// Every section of an intact snapshot, by name.
inline std::map<std::string, SectionPlace> section_places(const std::string& snapshot) {
  using namespace castgraph::snapshot_detail;
  FileHeader header;
  std::memcpy(&header, snapshot.data(), sizeof header);
  std::map<std::string, SectionPlace> places;
  for (std::uint64_t i = 0; i < header.section_count; ++i) {
    SectionEntry entry;
    std::memcpy(&entry, snapshot.data() + header.table_offset + i * sizeof entry, sizeof entry);
    places[std::string(entry.name, strnlen(entry.name, kNameSize))] = {entry.offset, entry.bytes};
  }
  return places;
}

// `snapshot` with one bit of the middle byte of section `name` flipped.
inline std::string with_damaged_section(std::string snapshot, const std::string& name) {
  const SectionPlace place = section_places(snapshot).at(name);
  snapshot[place.offset + place.bytes / 2] ^= 0x10;
  return snapshot;
}

}  // namespace castgraph::testing
