// FileBytes: the whole content of a file as one read-only byte range, memory-mapped when
// the file is a regular file of at least kMapThreshold bytes that can be mapped, and read
// into memory otherwise (small files, file systems that cannot map). Pipes, devices and
// sockets are refused, and so is a regular file that turns out longer than its size (a
// /proc file), so that no input can make castgraph read without end. The CSV reader scans
// it; the snapshot reader borrows arrays straight out of it. Move-only; unmaps on
// destruction.
//
// A mapped file that another process truncates while castgraph reads it makes the next
// access to the lost pages raise SIGBUS, which kills the process (exit status 135): it
// stops, it never answers from half a file. Small files are read, not mapped, so they
// cannot do that; for big ones the copy would cost as much memory as the file.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace castgraph {

class FileBytes {
 public:
  // How the bytes will be read, passed on to the kernel as a read-ahead hint.
  // sequential: front to back (a CSV file); parts: some parts, each front to back (a
  // snapshot a query reads a few columns of), left to the kernel's default read-ahead.
  enum class Access { sequential, parts };
  // Smaller regular files are read into memory rather than mapped.
  static constexpr std::uint64_t kMapThreshold = std::uint64_t{16} << 20;

  FileBytes() = default;
  // Throws IoError("path: reason") if the file is missing, unreadable, a directory, not
  // a regular file, or longer than its size said when it was opened.
  FileBytes(const std::filesystem::path& path, Access access);
  static FileBytes from_string(std::string text);

  FileBytes(FileBytes&& other) noexcept;
  FileBytes& operator=(FileBytes&& other) noexcept;
  FileBytes(const FileBytes&) = delete;
  FileBytes& operator=(const FileBytes&) = delete;
  ~FileBytes();

  std::string_view view() const { return {data_, static_cast<std::size_t>(size_)}; }
  const char* data() const { return data_; }
  std::uint64_t size() const { return size_; }
  bool mapped() const { return map_ != nullptr; }
  // Tells the kernel the bytes before `offset` will not be read again, so their pages
  // leave this process's resident set (a multi-gigabyte CSV read front to back would
  // otherwise stay resident until the end). They still read correctly if touched again.
  // Only the whole pages of a mapping are released; a no-op otherwise.
  void release_before(std::uint64_t offset);

 private:
  void release() noexcept;

  std::string owned_;           // the bytes, when not memory-mapped
  void* map_ = nullptr;         // the mapping, when memory-mapped
  std::uint64_t released_ = 0;  // bytes before this were released
  const char* data_ = nullptr;
  std::uint64_t size_ = 0;
};

// "path: what: strerror(errno)" for an IoError message.
std::string describe_errno(const std::filesystem::path& path, const char* doing);

}  // namespace castgraph
