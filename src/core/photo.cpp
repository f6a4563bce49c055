// photo_to_image: grey, background to 0, crop, box-filter scale, centre.
#include "core/photo.h"

#include <algorithm>
#include <cmath>

namespace fm {

Status photo_to_image(const uint8_t* rgba, int w, int h, int side, std::vector<uint8_t>* out) {
  if (w <= 0 || h <= 0 || w > kMaxPhotoSide || h > kMaxPhotoSide) {
    return Status::Error(ErrorCode::kImageSize, {param(w), param(h), param(kMaxPhotoSide)});
  }
  const size_t n = static_cast<size_t>(w) * static_cast<size_t>(h);
  // Grey (Rec. 601 luma), transparent pixels over white.
  std::vector<float> grey(n);
  for (size_t i = 0; i < n; ++i) {
    const uint8_t* p = rgba + 4 * i;
    const float a = p[3] / 255.0f;
    const float y = 0.299f * p[0] + 0.587f * p[1] + 0.114f * p[2];
    grey[i] = y * a + 255.0f * (1 - a);
  }
  // The background: the border's median. Light → invert, so the object is light on black.
  std::vector<float> border;
  for (int x = 0; x < w; ++x) border.push_back(grey[static_cast<size_t>(x)]), border.push_back(grey[n - 1 - static_cast<size_t>(x)]);
  for (int y = 0; y < h; ++y) {
    border.push_back(grey[static_cast<size_t>(y) * static_cast<size_t>(w)]);
    border.push_back(grey[static_cast<size_t>(y) * static_cast<size_t>(w) + static_cast<size_t>(w - 1)]);
  }
  std::nth_element(border.begin(), border.begin() + static_cast<long>(border.size() / 2), border.end());
  float bg = border[border.size() / 2];
  const bool invert = bg > 127.5f;
  if (invert) {
    for (float& v : grey) v = 255.0f - v;
    bg = 255.0f - bg;
  }
  // Background to 0, the rest stretched to 0..255 by the brightest pixel.
  float top = 0;
  for (float& v : grey) top = std::max(top, v = std::max(0.0f, v - bg));
  if (top < 16.0f) return Status::Error(ErrorCode::kImageBlank);
  // The object: pixels above a tenth of the brightest.
  int x0 = w, y0 = h, x1 = -1, y1 = -1;
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      if (grey[static_cast<size_t>(y) * static_cast<size_t>(w) + static_cast<size_t>(x)] > 0.1f * top) {
        x0 = std::min(x0, x), x1 = std::max(x1, x), y0 = std::min(y0, y), y1 = std::max(y1, y);
      }
    }
  }
  const int bw = x1 - x0 + 1, bh = y1 - y0 + 1;
  const double scale = static_cast<double>(side) / std::max(bw, bh);  // output pixels per input pixel
  const double ow = bw * scale, oh = bh * scale;
  const double ox = (side - ow) / 2, oy = (side - oh) / 2;  // the object's box in the output
  // Each output pixel: the mean of the input area it covers (box filter; fine for up- and
  // downscaling), the area outside the object's box being background.
  std::vector<uint8_t> img(static_cast<size_t>(side) * static_cast<size_t>(side), 0);
  for (int oyi = 0; oyi < side; ++oyi) {
    const double sy0 = std::max(0.0, (oyi - oy) / scale), sy1 = std::min(static_cast<double>(bh), (oyi + 1 - oy) / scale);
    if (sy1 <= sy0) continue;
    for (int oxi = 0; oxi < side; ++oxi) {
      const double sx0 = std::max(0.0, (oxi - ox) / scale), sx1 = std::min(static_cast<double>(bw), (oxi + 1 - ox) / scale);
      if (sx1 <= sx0) continue;
      double sum = 0;
      for (int sy = static_cast<int>(sy0); sy < static_cast<int>(std::ceil(sy1)); ++sy) {
        const double wy = std::min(sy1, sy + 1.0) - std::max(sy0, static_cast<double>(sy));
        for (int sx = static_cast<int>(sx0); sx < static_cast<int>(std::ceil(sx1)); ++sx) {
          const double wx = std::min(sx1, sx + 1.0) - std::max(sx0, static_cast<double>(sx));
          sum += wx * wy * grey[static_cast<size_t>(y0 + sy) * static_cast<size_t>(w) + static_cast<size_t>(x0 + sx)];
        }
      }
      const double area = 1.0 / (scale * scale);  // input pixels per output pixel
      const double v = sum / area * 255.0 / top;
      img[static_cast<size_t>(oyi) * static_cast<size_t>(side) + static_cast<size_t>(oxi)] =
          static_cast<uint8_t>(std::clamp(std::lround(v), 0L, 255L));
    }
  }
  *out = std::move(img);
  return Status::Ok();
}

}  // namespace fm
