// Implementation of the shared ImGui helpers (formatting and small widgets).
// Colours are chosen to stay distinct on ImGui's dark theme.
#include "app/ui_util.h"

#include <cstdio>

namespace fm {

std::string format_count(long long n) {
  const bool negative = n < 0;
  std::string digits = std::to_string(negative ? -n : n);
  std::string out;
  const int len = static_cast<int>(digits.size());
  for (int i = 0; i < len; ++i) {
    if (i > 0 && (len - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[static_cast<size_t>(i)]);
  }
  return negative ? "-" + out : out;
}

void help_marker(const char* text) {
  ImGui::TextDisabled("(?)");
  if (ImGui::IsItemHovered()) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
}

void text_right_aligned(const char* text) {
  const float w = ImGui::CalcTextSize(text).x;
  const float avail = ImGui::GetContentRegionAvail().x;
  if (avail > w) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + avail - w);
  ImGui::TextUnformatted(text);
}

std::string fit_text(const char* text, float max_width) {
  std::string s(text);
  if (ImGui::CalcTextSize(s.c_str()).x <= max_width) return s;
  const float dots = ImGui::CalcTextSize("...").x;
  while (!s.empty()) {
    // Drop the last whole UTF-8 character (its continuation bytes and its lead byte).
    size_t n = s.size() - 1;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    s.erase(n);
    if (ImGui::CalcTextSize(s.c_str()).x + dots <= max_width) break;
  }
  return s + "...";
}

ImU32 class_color(int label) {
  static const ImU32 kColors[10] = {
      IM_COL32(31, 119, 180, 255), IM_COL32(255, 127, 14, 255), IM_COL32(44, 160, 44, 255),
      IM_COL32(214, 39, 40, 255),  IM_COL32(148, 103, 189, 255), IM_COL32(140, 86, 75, 255),
      IM_COL32(227, 119, 194, 255), IM_COL32(127, 127, 127, 255), IM_COL32(188, 189, 34, 255),
      IM_COL32(23, 190, 207, 255)};
  return kColors[(label % 10 + 10) % 10];
}

}  // namespace fm
