// ColumnGuard: a borrowed Column's bytes (a memory-mapped snapshot) are checked the first
// time they are read, not when the file is opened. A 10-host reach query on a 3 GB
// snapshot reads a few megabytes of it, so checking every byte at open would cost it
// hundreds of times the work it needs (bench/RESULTS.md, "Figures that were in code
// comments"). Nothing is trusted unchecked:
// every read through Column's accessors (span, operator[], begin/end, range) first
// checks the chunks it covers, or the whole column when a rule needs the whole.
//
// What "checked" means is given by the owner of the bytes and by the network's rules:
//   - the byte check (the snapshot reader's per-chunk checksums), run chunk by chunk;
//   - element rules ("every target < the number of fans"), run on each chunk as it is
//     checked, so a relation's targets can be checked one row at a time;
//   - whole rules ("offsets never decrease", "strings are valid UTF-8"), which may read
//     several columns; they run once, after those columns' bytes are checked.
// A failed check throws (the owner's refusal, a DataError naming the file) every time
// the bytes are read, and never marks them checked.
//
// Thread-safe: chunks and rules are marked with atomics, and checking one twice is
// harmless, so two threads reading the same unchecked column at once both succeed.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace castgraph {

class ColumnGuard;

// A rule over whole columns, shared by the guards of every column it reads. The inputs
// are weak: those guards hold the rule, and strong pointers both ways would never be freed.
struct WholeRule {
  std::vector<std::weak_ptr<ColumnGuard>> inputs;   // their bytes are checked before `run`
  std::function<std::optional<std::string>()> run;  // what is wrong, or nullopt
  std::atomic<bool> passed{false};
};

class ColumnGuard {
 public:
  // Throws unless bytes [first, end) are as written. Called with whole chunks.
  using ByteCheck = std::function<void(std::size_t first_byte, std::size_t end_byte)>;
  // What is wrong with elements [first, end), or nullopt.
  using ElementRule = std::function<std::optional<std::string>(std::size_t first, std::size_t end)>;
  // Throws an error that says `problem`; must not return.
  using Refuse = std::function<void(const std::string& problem)>;

  // A column of `elements` elements of `element_size` bytes, checked in chunks of
  // `chunk_bytes` (a multiple of the element size; the whole column as one chunk if not).
  ColumnGuard(std::size_t element_size, std::size_t elements, std::size_t chunk_bytes,
              ByteCheck bytes, Refuse refuse);

  // True once every byte and every rule has been checked: reads are then free.
  bool sound() const { return sound_.load(std::memory_order_acquire); }
  // Checks what reading elements [first, end) needs: their chunks, or everything when a
  // whole rule applies. Throws through Refuse or ByteCheck.
  void check(std::size_t first, std::size_t end);
  void check_all() { check(0, elements_); }

  // Rules are added before the column is first read (by defer_network_checks).
  void add_element_rule(ElementRule rule) { element_rules_.push_back(std::move(rule)); }
  void add_whole_rule(std::shared_ptr<WholeRule> rule) { whole_rules_.push_back(std::move(rule)); }
  // Marked once every rule that reads this column has been added: reading the column
  // then runs them all, so whoever reads it need not run them itself (check_network).
  void mark_rules_complete() { rules_complete_ = true; }
  bool rules_complete() const { return rules_complete_; }

 private:
  void check_chunk(std::size_t chunk);
  void check_chunks(std::size_t first, std::size_t end);
  void run_whole_rules();
  void mark_sound_if_complete();
  [[noreturn]] void refuse(const std::string& problem) const;

  std::size_t element_size_, elements_, bytes_, chunk_bytes_, chunks_;
  ByteCheck byte_check_;
  Refuse refuse_;
  std::vector<ElementRule> element_rules_;
  std::vector<std::shared_ptr<WholeRule>> whole_rules_;
  std::vector<std::atomic<bool>> chunk_checked_;
  std::atomic<std::size_t> chunks_checked_{0};
  std::atomic<bool> sound_{false};
  bool rules_complete_ = false;  // set before the first read, like the rules
};

}  // namespace castgraph
