#include "graph/column_guard.hpp"

#include <algorithm>
#include <stdexcept>

namespace castgraph {

ColumnGuard::ColumnGuard(std::size_t element_size, std::size_t elements, std::size_t chunk_bytes,
                         ByteCheck bytes, Refuse refuse)
    : element_size_(element_size),
      elements_(elements),
      bytes_(element_size * elements),
      // Element rules see whole elements only: a chunk must end on an element boundary.
      chunk_bytes_(chunk_bytes > 0 && chunk_bytes % element_size == 0
                       ? chunk_bytes
                       : std::max<std::size_t>(bytes_, 1)),
      chunks_((bytes_ + chunk_bytes_ - 1) / chunk_bytes_),
      byte_check_(std::move(bytes)),
      refuse_(std::move(refuse)),
      chunk_checked_(chunks_) {}

void ColumnGuard::check(std::size_t first, std::size_t end) {
  if (sound()) return;
  if (!whole_rules_.empty()) {
    check_chunks(0, elements_);
    run_whole_rules();
  } else if (first < end) {
    check_chunks(first, end);
  }
  mark_sound_if_complete();
}

void ColumnGuard::check_chunks(std::size_t first, std::size_t end) {
  if (first >= end) return;
  const std::size_t last_chunk = (end * element_size_ - 1) / chunk_bytes_;
  for (std::size_t chunk = first * element_size_ / chunk_bytes_; chunk <= last_chunk; ++chunk)
    if (!chunk_checked_[chunk].load(std::memory_order_acquire)) check_chunk(chunk);
}

void ColumnGuard::check_chunk(std::size_t chunk) {
  const std::size_t first_byte = chunk * chunk_bytes_;
  const std::size_t end_byte = std::min(bytes_, first_byte + chunk_bytes_);
  byte_check_(first_byte, end_byte);
  for (const ElementRule& rule : element_rules_)
    if (auto problem = rule(first_byte / element_size_, end_byte / element_size_)) refuse(*problem);
  if (!chunk_checked_[chunk].exchange(true, std::memory_order_acq_rel))
    chunks_checked_.fetch_add(1, std::memory_order_acq_rel);
}

void ColumnGuard::run_whole_rules() {
  for (const std::shared_ptr<WholeRule>& rule : whole_rules_) {
    if (rule->passed.load(std::memory_order_acquire)) continue;
    // The inputs' bytes and element rules, not their whole rules: those may be this one.
    for (const std::weak_ptr<ColumnGuard>& weak : rule->inputs) {
      const std::shared_ptr<ColumnGuard> input = weak.lock();
      if (!input) refuse("a column this one is checked against is gone");
      input->check_chunks(0, input->elements_);
    }
    if (auto problem = rule->run()) refuse(*problem);
    rule->passed.store(true, std::memory_order_release);
  }
}

void ColumnGuard::refuse(const std::string& problem) const {
  refuse_(problem);
  throw std::runtime_error(problem);  // in case the owner's refusal returned
}

void ColumnGuard::mark_sound_if_complete() {
  if (chunks_checked_.load(std::memory_order_acquire) < chunks_) return;
  for (const std::shared_ptr<WholeRule>& rule : whole_rules_)
    if (!rule->passed.load(std::memory_order_acquire)) return;
  sound_.store(true, std::memory_order_release);
}

}  // namespace castgraph
