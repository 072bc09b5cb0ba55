// BatchPipeline: the thread that parses a file fills batches of rows, and a second thread
// consumes them (interns ids, appends edges) while the next batch is parsed, so parsing
// and the memory-bound interning run on both cores at once. Parsing, validation and
// error reporting stay on the calling thread, in file order, so a strict load still stops
// at the first bad row and a lenient one lists its rejects in order; the consumer sees
// the batches in the order they were filled, so the result is the same as a sequential
// load. With `threaded` false every batch is consumed on the spot, on the calling thread.
//
// Memory is bounded: `depth` batches in flight plus the one being filled.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace castgraph {

template <class Batch>
class BatchPipeline {
 public:
  // `consume` is called once per submitted batch, in order, and must leave it empty.
  BatchPipeline(std::function<void(Batch&)> consume, bool threaded, std::size_t depth = 3)
      : consume_(std::move(consume)), batches_(depth + 1) {
    for (std::size_t i = 1; i < batches_.size(); ++i) free_.push_back(i);
    if (threaded) worker_ = std::thread([this] { work(); });
  }
  BatchPipeline(const BatchPipeline&) = delete;
  BatchPipeline& operator=(const BatchPipeline&) = delete;
  // Reached early only when the producer throws: the pending batches are dropped.
  ~BatchPipeline() { stop(); }

  Batch& current() { return batches_[current_]; }

  // Hands current() to the consumer and returns with an empty one to fill; waits while
  // `depth` batches are pending. Rethrows an exception the consumer raised, then and on
  // every later call: a batch whose consumer failed is never consumed again.
  void submit() {
    if (!worker_.joinable()) {
      if (failure_) std::rethrow_exception(failure_);
      try {
        consume_(current());
      } catch (...) {
        failure_ = std::current_exception();
        throw;
      }
      return;
    }
    std::unique_lock lock(mutex_);
    full_.push_back(current_);
    changed_.notify_all();
    changed_.wait(lock, [&] { return !free_.empty() || failure_; });
    if (failure_) std::rethrow_exception(failure_);
    current_ = free_.front();
    free_.pop_front();
  }

  // Consumes what is left, the partly filled current() included, and waits for the
  // consumer to finish. Rethrows an exception the consumer raised.
  void finish() {
    submit();
    stop();
    if (failure_) std::rethrow_exception(failure_);
  }

 private:
  void work() {
    for (;;) {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [&] { return !full_.empty() || closing_; });
      if (full_.empty()) return;
      const std::size_t index = full_.front();
      full_.pop_front();
      lock.unlock();
      try {
        consume_(batches_[index]);
      } catch (...) {
        lock.lock();
        failure_ = std::current_exception();
        changed_.notify_all();
        return;
      }
      lock.lock();
      free_.push_back(index);
      changed_.notify_all();
    }
  }

  // Lets the consumer drain what was submitted, then joins it.
  void stop() {
    if (!worker_.joinable()) return;
    {
      std::lock_guard lock(mutex_);
      closing_ = true;
      if (std::uncaught_exceptions() > 0) full_.clear();  // unwinding: nobody wants them
    }
    changed_.notify_all();
    worker_.join();
  }

  std::function<void(Batch&)> consume_;
  std::vector<Batch> batches_;
  std::size_t current_ = 0;
  std::deque<std::size_t> full_, free_;
  std::mutex mutex_;
  std::condition_variable changed_;
  bool closing_ = false;
  std::exception_ptr failure_;
  std::thread worker_;
};

}  // namespace castgraph
