// A CSV file through the streaming parser, chunk by chunk; gzip'd files through zlib's inflate in
// the same loop.
#include "tools/io/csv_file.h"

#include <zlib.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

#include "core/csv.h"
#include "messages/messages.h"
#include "tools/io/io.h"

namespace fm {

namespace {

constexpr size_t kChunk = 1 << 20;

struct FileCloser {
  void operator()(FILE* f) const { std::fclose(f); }
};
using File = std::unique_ptr<FILE, FileCloser>;

Status cannot_open(const std::string& path) {
  return text_error("cannot open " + path + " (" + std::strerror(errno) + ")");
}

// The size of a file, and for a gzip'd one its gzip trailer's size of the contents (modulo 4 GiB,
// a hint for the parser only); 0 when unknown.
uint64_t expected_size(FILE* f, bool gzipped) {
  if (std::fseek(f, 0, SEEK_END) != 0) return 0;
  const long size = std::ftell(f);
  uint64_t expected = size > 0 ? static_cast<uint64_t>(size) : 0;
  if (gzipped && size >= 18 && std::fseek(f, size - 4, SEEK_SET) == 0) {
    uint8_t t[4];
    expected = std::fread(t, 1, 4, f) == 4 ? (uint64_t{t[0]} | uint64_t{t[1]} << 8 |
                                              uint64_t{t[2]} << 16 | uint64_t{t[3]} << 24)
                                           : 0;
  }
  std::fseek(f, 0, SEEK_SET);
  return expected;
}

// Feeds the gunzipped contents of `f` (from its start; one gzip member or several) to `parser`.
Status feed_gzip(FILE* f, CsvParser* parser) {
  z_stream zs{};
  if (inflateInit2(&zs, 15 + 32) != Z_OK) return text_error("zlib: inflateInit failed");
  std::vector<uint8_t> in(kChunk), out(kChunk);
  Status s;
  bool ended = false;  // the last member is complete
  bool full = false;   // the last inflate filled the output: it may hold more without new input
  while (s.ok) {
    if (zs.avail_in == 0 && !full) {
      const size_t n = std::fread(in.data(), 1, in.size(), f);
      if (n == 0) {
        if (std::ferror(f)) {
          s = text_error("read error");
        } else if (!ended) {
          s = text_error("gzip data is truncated");
        }
        break;
      }
      zs.next_in = in.data();
      zs.avail_in = static_cast<uInt>(n);
    }
    if (ended) {  // another member follows
      inflateReset(&zs);
      ended = false;
    }
    zs.next_out = out.data();
    zs.avail_out = static_cast<uInt>(out.size());
    const int rc = inflate(&zs, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) {
      s = text_error("gzip data is corrupt");
      break;
    }
    ended = rc == Z_STREAM_END;
    full = !ended && zs.avail_out == 0;
    const size_t produced = out.size() - zs.avail_out;
    if (produced > 0) s = parser->feed(out.data(), produced);
  }
  inflateEnd(&zs);
  return s;
}

}  // namespace

Status read_csv_file(const std::string& path, LabelledImages* out, double* seconds) {
  const auto start = std::chrono::steady_clock::now();
  File f(std::fopen(path.c_str(), "rb"));
  if (!f) return cannot_open(path);
  uint8_t magic[2] = {0, 0};
  const bool gzipped = std::fread(magic, 1, 2, f.get()) == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
  CsvParser parser(expected_size(f.get(), gzipped));
  Status s;
  if (gzipped) {
    s = feed_gzip(f.get(), &parser);
  } else {
    std::vector<uint8_t> chunk(kChunk);
    size_t n = 0;
    while (s.ok && (n = std::fread(chunk.data(), 1, chunk.size(), f.get())) > 0) {
      s = parser.feed(chunk.data(), n);
    }
    if (s.ok && std::ferror(f.get())) s = text_error("read error");
  }
  if (s.ok) s = parser.finish(out);
  if (!s) return text_error(path + ": " + describe(s));
  if (seconds) {
    *seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  return Status::Ok();
}

Status read_class_names_file(const std::string& path, ClassNames* out) {
  File f(std::fopen(path.c_str(), "rb"));
  if (!f) return cannot_open(path);
  // One byte more than a names file may hold is enough to refuse it.
  std::vector<uint8_t> bytes(kMaxClassNamesFileBytes + 1);
  const size_t n = std::fread(bytes.data(), 1, bytes.size(), f.get());
  const uint64_t size = n > kMaxClassNamesFileBytes ? expected_size(f.get(), false) : n;
  if (n > kMaxClassNamesFileBytes) {
    return text_error(path + ": " + describe(Status::Error(ErrorCode::kNamesTooLarge,
                                                          {param(size), param(kMaxClassNamesFileBytes)})));
  }
  Status s = parse_class_names(bytes.data(), n, out);
  if (!s) return text_error(path + ": " + describe(s));
  return Status::Ok();
}

}  // namespace fm
