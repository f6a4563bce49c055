// The chart: margins for labels, grid lines on nice ticks, series clipped to the plot area,
// legend in the top-right corner. Everything in screen pixels of the current window.
#include "app/ui/plot.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace fm {

double nice_step(double range, int target) {
  if (!(range > 0) || target < 1) return 1.0;
  const double raw = range / target;
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  const double f = raw / mag;
  const double nice = f < 1.5 ? 1.0 : (f < 3.5 ? 2.0 : (f < 7.5 ? 5.0 : 10.0));
  return nice * mag;
}

void line_chart(const char* id, const PlotSpec& spec, const std::vector<PlotSeries>& series,
                ImVec2 size) {
  ImGui::PushID(id);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::Dummy(size);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float line_h = ImGui::GetTextLineHeight();
  const ImU32 text_col = ImGui::GetColorU32(ImGuiCol_Text);
  const ImU32 dim_col = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  const ImU32 grid_col = IM_COL32(255, 255, 255, 28);
  const ImU32 axis_col = IM_COL32(200, 200, 210, 200);

  // Margins: y tick labels + rotated-free y title on top, x labels and title below.
  char buf[64];
  std::snprintf(buf, sizeof(buf), spec.y_format, static_cast<double>(spec.y_max));
  const float y_label_w = std::max(ImGui::CalcTextSize(buf).x, ImGui::CalcTextSize("0.00").x);
  const float left = origin.x + y_label_w + 10.0f;
  const float top = origin.y + line_h + 6.0f;        // title line
  const float right = origin.x + size.x - 8.0f;
  const float bottom = origin.y + size.y - 2.0f * line_h - 6.0f;  // ticks + x title
  if (right - left < 20 || bottom - top < 20) {
    ImGui::PopID();
    return;
  }
  const float x_span = std::max(1e-6f, spec.x_max - spec.x_min);
  const float y_span = std::max(1e-6f, spec.y_max - spec.y_min);
  auto to_screen = [&](float x, float y) {
    return ImVec2(left + (x - spec.x_min) / x_span * (right - left),
                  bottom - (y - spec.y_min) / y_span * (bottom - top));
  };

  // Title (left) and y-axis title (right of it, dimmed).
  dl->AddText(ImVec2(origin.x, origin.y), text_col, spec.title);
  const float title_w = ImGui::CalcTextSize(spec.title).x;
  dl->AddText(ImVec2(origin.x + title_w + 8.0f, origin.y), dim_col, spec.y_label);

  dl->AddRectFilled(ImVec2(left, top), ImVec2(right, bottom), IM_COL32(0, 0, 0, 60));

  // Y ticks and grid.
  const double ys = nice_step(y_span, 4);
  for (double v = std::ceil(spec.y_min / ys) * ys; v <= spec.y_max + ys * 1e-6; v += ys) {
    const float sy = to_screen(spec.x_min, static_cast<float>(v)).y;
    dl->AddLine(ImVec2(left, sy), ImVec2(right, sy), grid_col);
    dl->AddLine(ImVec2(left - 4, sy), ImVec2(left, sy), axis_col);
    std::snprintf(buf, sizeof(buf), spec.y_format, std::fabs(v) < ys * 1e-6 ? 0.0 : v);
    const ImVec2 ts = ImGui::CalcTextSize(buf);
    dl->AddText(ImVec2(left - 6 - ts.x, sy - ts.y * 0.5f), text_col, buf);
  }
  // X ticks (whole epochs when the range allows it).
  const double xs = std::max(x_span > 1.5f ? 1.0 : 0.1, nice_step(x_span, 6));
  for (double v = std::ceil(spec.x_min / xs) * xs; v <= spec.x_max + xs * 1e-6; v += xs) {
    const float sx = to_screen(static_cast<float>(v), spec.y_min).x;
    dl->AddLine(ImVec2(sx, top), ImVec2(sx, bottom), grid_col);
    dl->AddLine(ImVec2(sx, bottom), ImVec2(sx, bottom + 4), axis_col);
    std::snprintf(buf, sizeof(buf), xs >= 1 ? "%.0f" : "%.1f", v);
    const ImVec2 ts = ImGui::CalcTextSize(buf);
    dl->AddText(ImVec2(sx - ts.x * 0.5f, bottom + 5), text_col, buf);
  }
  // Axes.
  dl->AddLine(ImVec2(left, top), ImVec2(left, bottom), axis_col);
  dl->AddLine(ImVec2(left, bottom), ImVec2(right, bottom), axis_col);
  const ImVec2 xt = ImGui::CalcTextSize(spec.x_label);
  dl->AddText(ImVec2((left + right - xt.x) * 0.5f, bottom + 5 + line_h), dim_col, spec.x_label);

  // Series, clipped to the plot area.
  dl->PushClipRect(ImVec2(left, top - 1), ImVec2(right + 1, bottom + 1), true);
  std::vector<ImVec2> pts;
  float clipped_max = -1.0f, clipped_x = 0.0f;  // the largest clipped value (inf, NaN: +inf)
  bool any_clipped = false;
  auto clipped_marker = [&](float x, float y, ImU32 color) {
    const float sx = to_screen(x, spec.y_max).x;
    dl->AddTriangleFilled(ImVec2(sx - 4, top + 7), ImVec2(sx + 4, top + 7), ImVec2(sx, top + 1), color);
    const float v = std::isfinite(y) ? y : std::numeric_limits<float>::infinity();
    if (!any_clipped || v > clipped_max) clipped_max = v, clipped_x = sx;
    any_clipped = true;
  };
  for (const PlotSeries& s : series) {
    pts.clear();
    auto flush = [&] {
      if (pts.size() >= 2) dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), s.color, 0, s.thickness);
      pts.clear();
    };
    // At most about one point per pixel column: long runs cost vertices, not detail.
    const size_t n = s.points.size();
    const size_t stride = std::max<size_t>(1, n / static_cast<size_t>(std::max(1.0f, right - left)));
    for (size_t i = 0; i < n; i = (i + 1 == n) ? n : std::min(i + stride, n - 1)) {  // keeps the last
      const ImVec2& p = s.points[i];
      if (!std::isfinite(p.x)) continue;
      if (spec.mark_clipped && (!std::isfinite(p.y) || p.y > spec.y_max)) clipped_marker(p.x, p.y, s.color);
      if (!std::isfinite(p.y)) {
        flush();
        continue;
      }
      pts.push_back(to_screen(p.x, std::clamp(p.y, spec.y_min - y_span, spec.y_max + y_span)));
      if (s.markers) dl->AddCircleFilled(pts.back(), 3.0f, s.color, 12);
    }
    flush();
  }
  if (std::isfinite(spec.ref_y)) {
    const float sy = to_screen(spec.x_min, spec.ref_y).y;
    for (float x = left; x < right; x += 10.0f) {
      dl->AddLine(ImVec2(x, sy), ImVec2(std::min(x + 5.0f, right), sy), spec.ref_color, 1.5f);
    }
  }
  if (std::isfinite(spec.marker_x)) {
    const float sx = to_screen(spec.marker_x, spec.y_min).x;
    dl->AddLine(ImVec2(sx, top), ImVec2(sx, bottom), spec.marker_color, 2.0f);
  }
  dl->PopClipRect();
  if (any_clipped) {  // "max 1.2e+03" (or "max inf") beside the highest marker, inside the plot
    std::snprintf(buf, sizeof(buf), std::isfinite(clipped_max) ? "max %.3g" : "max %g", static_cast<double>(clipped_max));
    const ImVec2 ts = ImGui::CalcTextSize(buf);
    const float tx = std::clamp(clipped_x + 6.0f, left + 2.0f, right - ts.x - 2.0f);
    dl->AddRectFilled(ImVec2(tx - 2, top + 2), ImVec2(tx + ts.x + 2, top + 2 + ts.y), IM_COL32(20, 20, 26, 220));
    dl->AddText(ImVec2(tx, top + 2), IM_COL32(255, 120, 110, 255), buf);
  }

  // Legend, top-right inside the plot.
  float legend_w = 0;
  int rows = 0;
  for (const PlotSeries& s : series) {
    legend_w = std::max(legend_w, ImGui::CalcTextSize(s.label).x);
    ++rows;
  }
  if (std::isfinite(spec.ref_y)) {
    legend_w = std::max(legend_w, ImGui::CalcTextSize(spec.ref_label).x);
    ++rows;
  }
  if (rows > 0) {
    const float pad = 4.0f, swatch = 14.0f;
    // Rows a little apart: Hangul (14 px) is taller than ProggyClean's 13 px line.
    const float row_h = line_h + 3.0f;
    const float box_h = rows * row_h - 3.0f + 2 * pad;
    const float box_top = spec.legend_top ? top + 4 : bottom - 4 - box_h;
    const ImVec2 box_max(right - 4, box_top + box_h);
    const ImVec2 box_min(box_max.x - legend_w - swatch - 3 * pad, box_top);
    dl->AddRectFilled(box_min, box_max, IM_COL32(20, 20, 26, 210), 3.0f);
    dl->AddRect(box_min, box_max, IM_COL32(255, 255, 255, 40), 3.0f);
    float y = box_min.y + pad;
    auto legend_row = [&](const char* label, ImU32 color, bool dashed) {
      const float cy = y + line_h * 0.5f + 1.0f;
      if (dashed) {
        dl->AddLine(ImVec2(box_min.x + pad, cy), ImVec2(box_min.x + pad + 5, cy), color, 2.0f);
        dl->AddLine(ImVec2(box_min.x + pad + 9, cy), ImVec2(box_min.x + pad + swatch, cy), color, 2.0f);
      } else {
        dl->AddLine(ImVec2(box_min.x + pad, cy), ImVec2(box_min.x + pad + swatch, cy), color, 2.5f);
      }
      dl->AddText(ImVec2(box_min.x + 2 * pad + swatch, y), text_col, label);
      y += row_h;
    };
    for (const PlotSeries& s : series) legend_row(s.label, s.color, false);
    if (std::isfinite(spec.ref_y)) legend_row(spec.ref_label, spec.ref_color, true);
  }
  ImGui::PopID();
}

}  // namespace fm
