// The report's audit section: the fans `castgraph audit` flags as bought (bot-farm
// blocks), the hosts with the largest share of followers in them, and each block as a
// small bipartite picture. cli/cmd_report.cpp gathers it from algorithms/audit.hpp; this
// file only writes it down.
//
// data-cell names: "audit/FIGURE" for the counts (suspicious_fans, fans_seen, blocks,
// implausible_fans), "audit/hosts/ID/followers_seen|suspicious|share|quality|declared_fans"
// and "audit/blocks/NUMBER/fans|fanbases|follows|density|score" (NUMBER from 1).
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "viz/report_section.hpp"

namespace castgraph::viz {

struct ReportAuditHost {
  std::string id, name;
  std::uint64_t followers_seen = 0;  // distinct fans in follows.csv following it
  std::uint64_t suspicious = 0;      // of them, in flagged blocks
  double share = 0;                  // suspicious / followers_seen
  int quality = 100;                 // round(100 x (1 - share))
  std::uint64_t declared_fans = 0;
};

// One fan of a block as its picture draws it.
struct ReportBlockFan {
  std::vector<std::uint32_t> hosts;  // indices into ReportAuditBlock::hosts it follows
  std::uint64_t other_follows = 0;   // follows of fanbases outside the block (camouflage)
};

struct ReportAuditBlock {
  std::uint64_t fans = 0, fanbases = 0, follows = 0;
  double density = 0;                  // follows / (fans x fanbases)
  double expected = 0;                 // follows a random graph with the same degrees puts there
  double score = 0;                    // follows / expected
  double identical_share = 0;          // fans whose host set 2+ other fans share
  std::vector<std::string> hosts;      // "name (id)", in the order drawn
  std::vector<ReportBlockFan> sample;  // fans drawn, spread evenly over the block
};

struct ReportAudit {
  std::uint64_t fans_seen = 0;  // fans who follow someone
  std::uint64_t suspicious_fans = 0;
  std::uint64_t implausible_fans = 0;  // following more than implausible_follows fanbases
  std::uint64_t implausible_follows = 0;
  double min_lift = 0;
  std::vector<ReportAuditBlock> blocks;  // the first ones found
  std::uint64_t block_count = 0;         // blocks flagged in all
  std::vector<ReportAuditHost> hosts;    // the largest suspicious shares first (see cli/)
  std::uint64_t hosts_affected = 0;      // hosts with any suspicious follower
  bool excluded = false;                 // the other sections leave these fans out
};

// Writes <section id="audit">. O(size of the section).
void write_audit_section(std::ostream& out, const ReportSection<ReportAudit>& section);

// A block as an inline <svg>: its sampled fans in a column on the left, its hosts on the
// right, a line per follow between them, and a grey tick per fan that also follows hosts
// outside the block. Lockstep shows as a solid mesh.
std::string svg_block_picture(const ReportAuditBlock& block, std::size_t number);

}  // namespace castgraph::viz
