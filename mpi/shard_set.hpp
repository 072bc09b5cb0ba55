// Shard sets: what `castgraph-mpi snapshot DATASET -o DIR` writes, and every command of
// castgraph-mpi opens in place of the CSV dataset, with no CSV read and no row shuffled.
//
// DIR holds one castgraph snapshot per rank (loaders/snapshot.hpp), shard-R-of-P.cgs, each
// the shard Network that rank loaded (every platform, base, host and fanbase; the fans the
// stable hash gives rank R, their follows; places numbered as one process numbers them),
// and a manifest, castgraph-mpi-shards.json, naming P and, for each rank, its file, size
// and fingerprint (the snapshot's table checksum, which covers every byte through the
// chunk checksums). The fingerprint ties each file to its set: a shard copied from
// another run is refused, not answered from.
//
// Written all or nothing: the ranks write into a staging directory beside DIR, rank 0
// writes the manifest once every rank has written its shard, and swaps the directory in
// whole (generator/staged_directory.hpp); a failure on any rank removes the staging
// directory, and an older set at DIR stays as it was. DIR must be on a file system every
// rank sees, as the CSV dataset must be.
//
// Opened with the same number of ranks only: another number is a usage error (exit 2)
// that names the number to run with; castgraph-mpi does not re-shard. Each rank reads
// its shard whole once at open (check_network: every chunk's checksum and the network's
// rules), so that a damaged shard fails every rank together at open, with the file and
// section named (exit 65), instead of one rank failing alone inside a later collective.
#pragma once

#include <filesystem>
#include <string>

#include "graph/network.hpp"
#include "mpi/world.hpp"

namespace castgraph::mpi {

inline constexpr const char* kShardManifest = "castgraph-mpi-shards.json";

// "shard-R-of-P.cgs".
std::string shard_file_name(int rank, int ranks);

// True when `path` is a directory with a shard-set manifest. Does not communicate.
bool is_shard_set(const std::filesystem::path& path);

// Throws UsageError unless `output` may take a shard set: absent, an empty directory, or
// an older shard set; and not `input` itself. Does not communicate.
void check_shard_set_output(const std::filesystem::path& output,
                            const std::filesystem::path& input);

// Collective. Writes every rank's `shard` as the set `output` (see the file comment).
// Returns the bytes of all the set's files. Throws AgreedFailure on every rank.
std::uint64_t write_shard_set(World& world, const Network& shard,
                              const std::filesystem::path& output);

// Collective. This rank's shard of the set `directory`, checked whole. Throws
// AgreedFailure on every rank when any rank's cannot be used.
Network open_shard_set(World& world, const std::filesystem::path& directory);

}  // namespace castgraph::mpi
