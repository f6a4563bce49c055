// A small RGBA texture with nearest-neighbour sampling (pixel art stays sharp when upscaled),
// re-uploaded in place when the size is unchanged. Used for thumbnails, weights and the canvas.
#pragma once

#include <cstdint>

#include "imgui.h"

namespace fm {

class Texture {
 public:
  Texture() = default;
  ~Texture();
  Texture(const Texture&) = delete;
  Texture& operator=(const Texture&) = delete;

  // rgba: width×height×4 bytes, row-major, top row first.
  void upload(int width, int height, const uint8_t* rgba);
  void release();

  bool valid() const { return tex_ != 0; }
  int width() const { return width_; }
  int height() const { return height_; }
  ImTextureID id() const { return reinterpret_cast<ImTextureID>(static_cast<intptr_t>(tex_)); }
  // UV rectangle of cell (col, row) of a grid of cell_w×cell_h pixel cells.
  void cell_uv(int col, int row, int cell_w, int cell_h, ImVec2* uv0, ImVec2* uv1) const;

 private:
  unsigned int tex_ = 0;
  int width_ = 0, height_ = 0;
};

}  // namespace fm
