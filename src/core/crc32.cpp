// CRC-32 (IEEE 802.3, as zlib's crc32), slicing-by-8: the page checks a 14 MB bundle at start-up.
#include "core/crc32.h"

#include "core/bytes.h"

namespace fm {

namespace {

// The reflected CRC-32 tables (polynomial 0xEDB88320). v[0] is the classic byte table; v[k]
// advances a byte through k more zero bytes, so 8 bytes fold in one step ("slicing-by-8"): the
// page checks a 14 MB bundle at start-up, and byte-at-a-time was ~5 ns/byte. Built on first use
// rather than at compile time: 8 KB of tables would add 7 KB to the gzipped wasm.
struct CrcTables {
  uint32_t v[8][256];
};
CrcTables make_crc_tables() {
  CrcTables t{};
  for (uint32_t i = 0; i < 256; ++i) {
    uint32_t c = i;
    for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    t.v[0][i] = c;
  }
  for (int k = 1; k < 8; ++k) {
    for (uint32_t i = 0; i < 256; ++i) t.v[k][i] = (t.v[k - 1][i] >> 8) ^ t.v[0][t.v[k - 1][i] & 0xFF];
  }
  return t;
}

}  // namespace

uint32_t crc32(const uint8_t* bytes, size_t size, uint32_t crc) {
  crc = ~crc;  // zlib convention: chaining crc32(b, crc32(a)) equals crc32(a ++ b)
  static const CrcTables tables = make_crc_tables();
  const auto& t = tables.v;
  size_t i = 0;
  for (; i + 8 <= size; i += 8) {
    const uint32_t lo = crc ^ read_le32(bytes + i);
    const uint32_t hi = read_le32(bytes + i + 4);
    crc = t[7][lo & 0xFF] ^ t[6][(lo >> 8) & 0xFF] ^ t[5][(lo >> 16) & 0xFF] ^ t[4][lo >> 24] ^
          t[3][hi & 0xFF] ^ t[2][(hi >> 8) & 0xFF] ^ t[1][(hi >> 16) & 0xFF] ^ t[0][hi >> 24];
  }
  for (; i < size; ++i) crc = t[0][(crc ^ bytes[i]) & 0xFF] ^ (crc >> 8);
  return ~crc;
}

}  // namespace fm
