// A photo or picture (any size, decoded by the browser) as a Fashion-MNIST image: greyscale, a
// light background inverted so the object is light on black, cropped to the object, its longer
// side scaled to fill the frame and centred, as Fashion-MNIST's products were prepared.
#pragma once

#include <cstdint>
#include <vector>

#include "status.h"

namespace fm {

constexpr int kMaxPhotoSide = 10000;  // larger images are refused (the page scales before, see web/image.js)

// `rgba`: w×h pixels, 4 bytes each, row by row (canvas ImageData). Transparent pixels count as
// the background. `out`: side×side grey pixels, 0 = background. Refused: a side of 0 or above
// kMaxPhotoSide (kImageSize), an image of one flat colour (kImageBlank); `out` untouched then.
Status photo_to_image(const uint8_t* rgba, int w, int h, int side, std::vector<uint8_t>* out);

}  // namespace fm
