// Texture upload through WebGL2 (GLES 3.0).
// Nearest filtering and clamp-to-edge, tightly packed rows.
#include "app/ui/gl_texture.h"

#include <GLES3/gl3.h>

namespace fm {

Texture::~Texture() { release(); }

void Texture::release() {
  if (tex_ != 0) {
    GLuint t = tex_;
    glDeleteTextures(1, &t);
  }
  tex_ = 0;
  width_ = height_ = 0;
}

void Texture::upload(int width, int height, const uint8_t* rgba) {
  if (width <= 0 || height <= 0) return;
  GLint previous = 0;
  glGetIntegerv(GL_TEXTURE_BINDING_2D, &previous);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  if (tex_ == 0) {
    GLuint t = 0;
    glGenTextures(1, &t);
    tex_ = t;
    glBindTexture(GL_TEXTURE_2D, tex_);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  } else {
    glBindTexture(GL_TEXTURE_2D, tex_);
  }
  if (width == width_ && height == height_) {
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
  } else {
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
    width_ = width;
    height_ = height;
  }
  glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(previous));
}

void Texture::cell_uv(int col, int row, int cell_w, int cell_h, ImVec2* uv0, ImVec2* uv1) const {
  const float w = width_ > 0 ? static_cast<float>(width_) : 1.0f;
  const float h = height_ > 0 ? static_cast<float>(height_) : 1.0f;
  *uv0 = ImVec2(static_cast<float>(col * cell_w) / w, static_cast<float>(row * cell_h) / h);
  *uv1 = ImVec2(static_cast<float>((col + 1) * cell_w) / w,
                static_cast<float>((row + 1) * cell_h) / h);
}

}  // namespace fm
