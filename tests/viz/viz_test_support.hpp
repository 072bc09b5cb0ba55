// Helpers for the viz tests: a dataset whose names are hostile to every format we
// write, running external checkers (dot, xmllint, /usr/bin/python3) on files.
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

namespace castgraph::testing {

// Names with quotes, a backslash (also trailing), markup, an ampersand and an entity:
//
//   douyin [抖音 "quoted"]      h1 <script>alert(1)</script>   h2 a\b"c\    h3 Tom & "Jerry"
//   base b1 [&amp; <b>基地</b>]   h1, h2 in b1; h3 no base      collab h1—h2 (2)
//   fans: x follows h1, h2; y follows h2, h3; z follows h3
inline void write_hostile_dataset(const TempDir& dir) {
  dir.write("platforms.csv", "id,name,population\ndouyin,\"抖音 \"\"quoted\"\"\",700000000\n");
  dir.write("bases.csv", "id,name\nb1,&amp; <b>基地</b>\n");
  dir.write("broadcasters.csv",
            "id,name,base,kind\nh1,<script>alert(1)</script>,b1,influencer\n"
            "h2,\"a\\b\"\"c\\\",b1,factory\nh3,\"Tom & \"\"Jerry\"\"\",,village\n");
  dir.write("fanbases.csv",
            "broadcaster,platform,fans\nh1,douyin,3200000\nh2,douyin,150000\nh3,douyin,900\n");
  dir.write("fans.csv", "id,weight\nx,1\ny,2\nz,1\n");
  dir.write("follows.csv", "fan,broadcaster\nx,h1\nx,h2\ny,h2\ny,h3\nz,h3\n");
  dir.write("collabs.csv", "a,b,weight\nh1,h2,2\n");
}

// The exit status of a shell command, stdout discarded unless `out` is given.
inline int run_shell(const std::string& command, std::string* out = nullptr) {
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return -1;
  char buffer[4096];
  std::string text;
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) text.append(buffer, n);
  const int status = ::pclose(pipe);
  if (out) *out = text;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Width and height from a PNG's IHDR, or {0, 0} when the signature or header is wrong.
inline std::pair<unsigned, unsigned> png_size(const std::string& bytes) {
  static const std::string kSignature("\x89PNG\r\n\x1a\n", 8);
  if (bytes.size() < 33 || bytes.compare(0, 8, kSignature) != 0 ||
      bytes.compare(12, 4, "IHDR") != 0)
    return {0, 0};
  auto be32 = [&](std::size_t at) {
    return (static_cast<unsigned>(static_cast<unsigned char>(bytes[at])) << 24) |
           (static_cast<unsigned>(static_cast<unsigned char>(bytes[at + 1])) << 16) |
           (static_cast<unsigned>(static_cast<unsigned char>(bytes[at + 2])) << 8) |
           static_cast<unsigned>(static_cast<unsigned char>(bytes[at + 3]));
  };
  return {be32(16), be32(20)};
}

}  // namespace castgraph::testing
