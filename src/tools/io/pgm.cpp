// Binary PGM (P5) parsing with comments, maxval up to 65535 (scaled to 0..255).
#include "tools/io/pgm.h"

#include <cctype>
#include <string>

#include "messages/messages.h"

namespace fm {
namespace {

// Reads the next header integer, skipping whitespace and # comments.
bool next_number(const std::vector<uint8_t>& b, size_t* pos, long* out) {
  while (*pos < b.size()) {
    if (b[*pos] == '#') {
      while (*pos < b.size() && b[*pos] != '\n') ++*pos;
    } else if (std::isspace(b[*pos])) {
      ++*pos;
    } else {
      break;
    }
  }
  long v = 0;
  size_t digits = 0;
  while (*pos < b.size() && std::isdigit(b[*pos]) && digits < 9) {
    v = v * 10 + (b[*pos] - '0');
    ++*pos;
    ++digits;
  }
  *out = v;
  return digits > 0;
}

}  // namespace

Status parse_pgm(const std::vector<uint8_t>& bytes, GrayImage* out) {
  if (bytes.size() < 2 || bytes[0] != 'P' || bytes[1] != '5') {
    return text_error("not a binary PGM image (expected the P5 header)");
  }
  size_t pos = 2;
  long width = 0, height = 0, maxval = 0;
  if (!next_number(bytes, &pos, &width) || !next_number(bytes, &pos, &height) ||
      !next_number(bytes, &pos, &maxval)) {
    return text_error("PGM header is incomplete");
  }
  if (width < 1 || height < 1 || width > 16384 || height > 16384 || maxval < 1 || maxval > 65535) {
    return text_error("PGM size or maxval out of range (" + std::to_string(width) + "×" +
                         std::to_string(height) + ", maxval " + std::to_string(maxval) + ")");
  }
  if (pos >= bytes.size() || !std::isspace(bytes[pos])) return text_error("PGM header is malformed");
  ++pos;  // the single whitespace before the raster
  const size_t bytes_per_pixel = maxval > 255 ? 2 : 1;
  const size_t need = static_cast<size_t>(width) * static_cast<size_t>(height) * bytes_per_pixel;
  if (bytes.size() - pos < need) return text_error("PGM image is truncated");
  GrayImage img;
  img.width = static_cast<int>(width);
  img.height = static_cast<int>(height);
  img.pixels.resize(static_cast<size_t>(width) * static_cast<size_t>(height));
  for (size_t i = 0; i < img.pixels.size(); ++i) {
    const long v = bytes_per_pixel == 2 ? (bytes[pos + 2 * i] << 8) | bytes[pos + 2 * i + 1] : bytes[pos + i];
    img.pixels[i] = static_cast<uint8_t>((v * 255 + maxval / 2) / maxval);
  }
  *out = std::move(img);
  return Status::Ok();
}

}  // namespace fm
