// photo_to_image: an object found, cropped, scaled and centred whatever its place, size and
// polarity (light on dark, dark on light); flat and oversized images refused.
#include <gtest/gtest.h>

#include <cstdlib>
#include <vector>

#include "core/photo.h"

namespace fm {
namespace {

// A w×h RGBA picture of background `bg` with a bright (or, inverted, dark) block of bw×bh at (x, y).
std::vector<uint8_t> picture(int w, int h, int x, int y, int bw, int bh, bool dark_on_light) {
  std::vector<uint8_t> rgba(static_cast<size_t>(w) * h * 4);
  for (int j = 0; j < h; ++j) {
    for (int i = 0; i < w; ++i) {
      const bool in = i >= x && i < x + bw && j >= y && j < y + bh;
      uint8_t v = in ? 230 : 10;
      if (dark_on_light) v = static_cast<uint8_t>(255 - v);
      uint8_t* p = &rgba[(static_cast<size_t>(j) * w + i) * 4];
      p[0] = p[1] = p[2] = v;
      p[3] = 255;
    }
  }
  return rgba;
}

TEST(Photo, AnOffCentreBlockFillsTheFrameCentredEitherPolarity) {
  for (bool inverted : {false, true}) {
    // 200×100 block at (300, 40) in 640×480: longer side → 28, the other 14 rows, centred.
    const std::vector<uint8_t> rgba = picture(640, 480, 300, 40, 200, 100, inverted);
    std::vector<uint8_t> out;
    ASSERT_TRUE(photo_to_image(rgba.data(), 640, 480, 28, &out));
    ASSERT_EQ(out.size(), 784u);
    EXPECT_EQ(out[14 * 28 + 0], 255) << inverted;   // middle row, left edge: object
    EXPECT_EQ(out[14 * 28 + 27], 255) << inverted;  // right edge
    EXPECT_EQ(out[3 * 28 + 14], 0) << inverted;     // above the block: background
    EXPECT_EQ(out[24 * 28 + 14], 0) << inverted;    // below
    EXPECT_EQ(out[7 * 28 + 14], 255) << inverted;   // rows 7..20 hold the block
    EXPECT_EQ(out[20 * 28 + 14], 255) << inverted;
  }
}

TEST(Photo, ATinyPictureIsScaledUp) {
  const std::vector<uint8_t> rgba = picture(10, 10, 2, 2, 5, 5, false);
  std::vector<uint8_t> out;
  ASSERT_TRUE(photo_to_image(rgba.data(), 10, 10, 14, &out));
  for (uint8_t v : out) EXPECT_EQ(v, 255);  // a square object fills a square frame
}

TEST(Photo, FlatAndOversizedImagesAreRefused) {
  std::vector<uint8_t> flat(50 * 40 * 4, 128), out = {1, 2, 3};
  Status s = photo_to_image(flat.data(), 50, 40, 28, &out);
  EXPECT_EQ(s.code, ErrorCode::kImageBlank);
  s = photo_to_image(flat.data(), 0, 40, 28, &out);
  EXPECT_EQ(s.code, ErrorCode::kImageSize);
  s = photo_to_image(flat.data(), kMaxPhotoSide + 1, 1, 28, &out);
  EXPECT_EQ(s.code, ErrorCode::kImageSize);
  EXPECT_EQ(out.size(), 3u);  // untouched
}

}  // namespace
}  // namespace fm
