// CRC-32 (IEEE 802.3, as zlib's crc32): the checksum of the data bundle and the model file.
#pragma once

#include <cstddef>
#include <cstdint>

namespace fm {

// Chains like zlib's: crc32(b, nb, crc32(a, na)) equals crc32 of a followed by b.
uint32_t crc32(const uint8_t* bytes, size_t size, uint32_t crc = 0);

}  // namespace fm
