#include "mpi/shard_set.hpp"

#include <fmt/format.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "generator/staged_directory.hpp"
#include "graph/errors.hpp"
#include "graph/network_check.hpp"
#include "loaders/atomic_file.hpp"
#include "loaders/snapshot.hpp"
#include "mpi/agreement.hpp"
#include "mpi/stop_for_tests.hpp"

namespace castgraph::mpi {
namespace {

namespace fs = std::filesystem;

constexpr const char* kFormat = "castgraph-mpi shard set";
constexpr int kManifestVersion = 1;

struct ShardEntry {
  std::string file;
  std::uint64_t bytes = 0;
  std::uint64_t fingerprint = 0;
};

struct Manifest {
  int ranks = 0;
  std::vector<ShardEntry> shards;
};

std::string hex(std::uint64_t value) { return fmt::format("{:016x}", value); }

[[noreturn]] void refuse_manifest(const fs::path& path, const std::string& why) {
  throw DataError({path, 0, 0}, "not a usable castgraph-mpi shard-set manifest: " + why);
}

// The manifest of `directory`, checked for form: one entry per rank, each a plain file
// name in the directory.
Manifest read_manifest(const fs::path& directory) {
  const fs::path path = directory / kShardManifest;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError(fmt::format("{}: cannot read the shard-set manifest", path.string()));
  Manifest manifest;
  try {
    const nlohmann::json json = nlohmann::json::parse(in);
    if (json.at("format").get<std::string>() != kFormat)
      refuse_manifest(path, "its format is not \"" + std::string(kFormat) + "\"");
    if (json.at("version").get<int>() != kManifestVersion)
      refuse_manifest(path, fmt::format("it has version {}; this castgraph-mpi reads version {}",
                                        json.at("version").get<int>(), kManifestVersion));
    manifest.ranks = json.at("ranks").get<int>();
    for (const nlohmann::json& shard : json.at("shards")) {
      ShardEntry entry;
      entry.file = shard.at("file").get<std::string>();
      entry.bytes = shard.at("bytes").get<std::uint64_t>();
      entry.fingerprint = std::stoull(shard.at("fingerprint").get<std::string>(), nullptr, 16);
      if (entry.file.empty() || fs::path(entry.file).filename() != entry.file)
        refuse_manifest(path, "a shard's file is not a file name in the set's directory");
      manifest.shards.push_back(std::move(entry));
    }
  } catch (const nlohmann::json::exception& error) {
    refuse_manifest(path, error.what());
  } catch (const std::logic_error&) {  // std::stoull: not hexadecimal
    refuse_manifest(path, "a shard's fingerprint is not hexadecimal");
  }
  if (manifest.ranks < 1 || manifest.shards.size() != static_cast<std::size_t>(manifest.ranks))
    refuse_manifest(path, fmt::format("it names {} ranks but lists {} shards", manifest.ranks,
                                      manifest.shards.size()));
  return manifest;
}

void write_manifest(const fs::path& path, const Manifest& manifest) {
  nlohmann::ordered_json json;
  json["format"] = kFormat;
  json["version"] = kManifestVersion;
  json["ranks"] = manifest.ranks;
  json["shards"] = nlohmann::ordered_json::array();
  for (const ShardEntry& shard : manifest.shards)
    json["shards"].push_back(
        {{"file", shard.file}, {"bytes", shard.bytes}, {"fingerprint", hex(shard.fingerprint)}});
  write_file_atomically(path, [&](std::ostream& out) { out << json.dump(2) << "\n"; });
}

// The names of the files a set at `output` owns, old and new: replacing a set for 4 ranks
// with one for 2 removes shard-2-of-4.cgs and shard-3-of-4.cgs too, instead of carrying
// them into the new directory as a user's files.
std::vector<std::string> owned_names(const fs::path& output, int ranks) {
  std::vector<std::string> names{kShardManifest};
  for (int r = 0; r < ranks; ++r) names.push_back(shard_file_name(r, ranks));
  if (is_shard_set(output)) try {
      for (const ShardEntry& old : read_manifest(output).shards) names.push_back(old.file);
    } catch (const std::exception&) {
      // An unreadable old manifest owns nothing more: its shards stay beside the new set.
    }
  return names;
}

}  // namespace

std::string shard_file_name(int rank, int ranks) {
  return fmt::format("shard-{}-of-{}.cgs", rank, ranks);
}

bool is_shard_set(const fs::path& path) {
  std::error_code error;
  return fs::is_directory(path, error) && fs::is_regular_file(path / kShardManifest, error);
}

void check_shard_set_output(const fs::path& output, const fs::path& input) {
  std::error_code error;
  if (fs::exists(input, error) && fs::exists(output, error) && fs::equivalent(output, input, error))
    throw UsageError(fmt::format(
        "the output {} is the input dataset; -o names another directory for the shard set",
        output.string()));
  const auto status = fs::status(output, error);
  if (!fs::exists(status)) return;
  if (!fs::is_directory(status))
    throw UsageError(
        fmt::format("the output {} is a file; -o names the directory that takes the shard set",
                    output.string()));
  if (!fs::is_empty(output, error) && !is_shard_set(output))
    throw UsageError(fmt::format(
        "the output directory {} is not empty and holds no shard set ({} is missing); -o names "
        "a new or empty directory, or a shard set to replace",
        output.string(), kShardManifest));
}

std::uint64_t write_shard_set(World& world, const Network& shard, const fs::path& output) {
  // Rank 0 stages the directory; the others learn where.
  const std::vector<std::string> names = owned_names(output, world.size());
  std::vector<const char*> owned;
  for (const std::string& name : names) owned.push_back(name.c_str());
  std::optional<generator::StagedDirectory> staged;
  std::string staging;
  agree_on(world, [&] {
    if (!world.root()) return;
    staged.emplace(output, true, owned);
    staging = staged->path().string();
  });
  staging = world.broadcast(staging, 0);

  // Every rank writes its shard, then reads back the fingerprint the manifest will name.
  ShardEntry mine{shard_file_name(world.rank(), world.size()), 0, 0};
  agree_on(world, [&] {
    fail_here_if_asked(world, "CASTGRAPH_MPI_FAIL_WRITE_RANK");
    const fs::path path = fs::path(staging) / mine.file;
    write_snapshot(shard, path);
    mine.fingerprint = open_snapshot(path).fingerprint;
    mine.bytes = fs::file_size(path);
  });
  const std::vector<std::uint64_t> all =
      world.gather_all(std::vector<std::uint64_t>{mine.bytes, mine.fingerprint});

  // Only now, with every shard written, the manifest and the swap: a set is whole or absent.
  Manifest manifest{world.size(), {}};
  std::uint64_t total = 0;
  for (int r = 0; r < world.size(); ++r) {
    const auto at = 2 * static_cast<std::size_t>(r);
    manifest.shards.push_back({shard_file_name(r, world.size()), all[at], all[at + 1]});
    total += all[at];
  }
  agree_on(world, [&] {
    if (!world.root()) return;
    write_manifest(fs::path(staging) / kShardManifest, manifest);
    staged->publish();
  });
  return total;
}

Network open_shard_set(World& world, const fs::path& directory) {
  Network network;
  agree_on(world, [&] {
    const Manifest manifest = read_manifest(directory);
    if (manifest.ranks != world.size())
      throw UsageError(fmt::format(
          "{} is a shard set for {} ranks, and castgraph-mpi runs on {}: run it with mpirun -np "
          "{}, or write a set for {} ranks with castgraph-mpi snapshot (it does not re-shard)",
          directory.string(), manifest.ranks, world.size(), manifest.ranks, world.size()));
    const ShardEntry& entry = manifest.shards[static_cast<std::size_t>(world.rank())];
    const fs::path path = directory / entry.file;
    OpenedSnapshot opened = open_snapshot(path);
    if (opened.fingerprint != entry.fingerprint || fs::file_size(path) != entry.bytes)
      throw DataError({path, 0, 0},
                      fmt::format("not the shard the set's manifest names (fingerprint {}, {} "
                                  "bytes; the manifest says {}, {} bytes): a file of another "
                                  "snapshot run? Write the set again",
                                  hex(opened.fingerprint), fs::file_size(path),
                                  hex(entry.fingerprint), entry.bytes));
    // Read whole now, on every rank at once (see the file comment).
    if (auto problem = check_network(opened.network))
      throw DataError({path, 0, 0}, "inconsistent network: " + *problem);
    network = std::move(opened.network);
  });
  stop_here_if_asked(world);
  return network;
}

}  // namespace castgraph::mpi
