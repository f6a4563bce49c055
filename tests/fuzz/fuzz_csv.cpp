// libFuzzer target: the streaming CSV parser. The first byte is a mode: bit 0 starts from a parser
// that has already read a valid header (copied, so the 7 KB header is not parsed again each run
// and most runs reach the image rows), bits 1–3 pick a chunk size; the rest is the file. The same
// bytes fed in one chunk and in those chunks must give the same status, stop at the same byte and
// give the same images, and accepted images must be whole: count × 784 pixels, labels 0..9, at
// most kMaxImages.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/csv.h"

namespace {

const fm::CsvParser& after_header() {
  static const fm::CsvParser parser = [] {
    std::string h = "label";
    for (int c = 1; c <= 784; ++c) h += ",pixel" + std::to_string(c);
    h += "\n";
    fm::CsvParser p;
    if (!p.feed(reinterpret_cast<const uint8_t*>(h.data()), h.size())) __builtin_trap();
    return p;
  }();
  return parser;
}

fm::Status parse(const fm::CsvParser& start, const uint8_t* bytes, size_t size, size_t chunk,
                 fm::LabelledImages* out, uint64_t* consumed) {
  fm::CsvParser parser = start;
  for (size_t at = 0; at < size; at += chunk) {
    if (!parser.feed(bytes + at, std::min(chunk, size - at)).ok) break;
  }
  fm::Status s = parser.status();
  *consumed = parser.bytes_consumed();
  if (s.ok) {
    const fm::Index images = parser.images();
    s = parser.finish(out);
    if (s.ok && images != out->count()) __builtin_trap();
  }
  return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t mode = data[0];
  const fm::CsvParser start = (mode & 1) ? after_header() : fm::CsvParser(size - 1);
  static const size_t kChunks[] = {1, 2, 3, 7, 64, 785, 4096, 1 << 20};
  const size_t chunk = kChunks[(mode >> 1) % 8];

  fm::LabelledImages whole, chunked;
  uint64_t whole_consumed = 0, chunked_consumed = 0;
  const fm::Status a = parse(start, data + 1, size - 1, size, &whole, &whole_consumed);
  const fm::Status b = parse(start, data + 1, size - 1, chunk, &chunked, &chunked_consumed);
  if (a.ok != b.ok || a.code != b.code || a.params != b.params) __builtin_trap();
  if (whole_consumed != chunked_consumed) __builtin_trap();  // a refusal stops at the same byte
  if (whole.labels != chunked.labels || whole.pixels != chunked.pixels) __builtin_trap();
  if (a.ok) {
    if (whole.count() < 1 || whole.count() > fm::kMaxImages) __builtin_trap();
    if (whole.pixels.size() != static_cast<size_t>(whole.count()) * 784) __builtin_trap();
    for (uint8_t label : whole.labels) {
      if (label > 9) __builtin_trap();
    }
  }
  return 0;
}
