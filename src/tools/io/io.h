// File and gzip helpers for the native tools and tests (the core itself never touches files).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/dataset.h"
#include "core/types.h"

namespace fm {

Status read_file(const std::string& path, std::vector<uint8_t>* out);
Status write_file(const std::string& path, const std::vector<uint8_t>& bytes);
bool is_gzip(const std::vector<uint8_t>& bytes);
Status gunzip(const std::vector<uint8_t>& in, std::vector<uint8_t>* out);
// Level 6: within 1.5 % of level 9 on the bundles, 7× faster to write.
std::vector<uint8_t> gzip(const std::vector<uint8_t>& in, int level = 6);

// Where the original IDX files are: --idx DIR, else $FASHION_MNIST_DIR, else Debian's folder.
std::string default_idx_dir();
// Reads the four gzip'd IDX files from `dir` into a 28×28 Dataset. The message names the missing
// file and how to get it (package dataset-fashion-mnist, --idx, FASHION_MNIST_DIR).
Status load_idx_dir(const std::string& dir, Dataset* out);
// Reads a bundle file (gzip'd or plain) and parses it.
Status load_bundle_file(const std::string& path, Dataset* out);

}  // namespace fm
