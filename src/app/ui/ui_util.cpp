// Implementation of the shared ImGui helpers (formatting and small widgets).
// Colours are chosen to stay distinct on ImGui's dark theme.
#include "app/ui/ui_util.h"

#include <algorithm>
#include <cstdio>
#include <cfloat>
#include <cstring>

#include "app/i18n/strings.h"
#include "imgui_internal.h"  // GetItemID: which item the pointer rests on

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

namespace {
bool g_touch = false;
std::pair<ImVec2, ImVec2> g_tooltip_rect{};
}  // namespace

void set_touch_input(bool touch) { g_touch = touch; }
bool touch_input() { return g_touch; }
std::pair<ImVec2, ImVec2> last_item_tooltip_rect() { return g_tooltip_rect; }

void wrapped_tooltip(const char* text) {
  if (g_touch) return;
  const float em = ImGui::GetFontSize();
  const float screen = ImGui::GetMainViewport()->WorkSize.x - 2.0f * em;
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(std::max(8.0f * em, std::min(28.0f * em, screen)));
  ImGui::TextUnformatted(text);
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

void help_marker(const char* text) {
  ImGui::TextDisabled("(?)");
  if (ImGui::IsItemHovered()) wrapped_tooltip(text);  // none on touch
}

bool item_tooltip(const char* text, bool disabled) {
  static ImGuiID hovered = 0;  // the item the pointer rests on, since when, seen in which frame
  static double since = 0;
  static int seen = -2;
  if (g_touch || !ImGui::IsItemHovered(disabled ? ImGuiHoveredFlags_AllowWhenDisabled : 0)) return false;
  const ImVec2 lo = ImGui::GetItemRectMin();
  const ImGuiID id = ImGui::GetItemID();
  if (id != hovered || seen < ImGui::GetFrameCount() - 1) hovered = id, since = ImGui::GetTime();
  seen = ImGui::GetFrameCount();
  if (ImGui::GetTime() - since < kTooltipDelay) return false;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float wrap = std::min(ImGui::GetFontSize() * 24.0f, vp->WorkSize.x * 0.45f);
  const float w = std::min(wrap, ImGui::CalcTextSize(text).x) + 2 * ImGui::GetStyle().WindowPadding.x;
  // Beside the panel, level with the item: the buttons sharing its row (Train's Pause and
  // +1 epoch) and the controls below stay visible. No room either side: above the item.
  const float panel_lo = ImGui::GetWindowPos().x, panel_hi = panel_lo + ImGui::GetWindowWidth();
  const float screen_lo = vp->WorkPos.x, screen_hi = vp->WorkPos.x + vp->WorkSize.x;
  if (panel_hi + 4.0f + w <= screen_hi) {
    ImGui::SetNextWindowPos(ImVec2(panel_hi + 4.0f, lo.y), ImGuiCond_Always, ImVec2(0.0f, 0.0f));
  } else if (panel_lo - 4.0f - w >= screen_lo) {
    ImGui::SetNextWindowPos(ImVec2(panel_lo - 4.0f, lo.y), ImGuiCond_Always, ImVec2(1.0f, 0.0f));
  } else {
    const float x = std::clamp(lo.x, screen_lo, std::max(screen_lo, screen_hi - w));
    ImGui::SetNextWindowPos(ImVec2(x, lo.y - 4.0f), ImGuiCond_Always, ImVec2(0.0f, 1.0f));
  }
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetCursorPos().x + wrap);
  ImGui::TextUnformatted(text);
  ImGui::PopTextWrapPos();
  // Not in the frame ImGui sizes a new tooltip in (it is hidden then, at a placeholder size).
  const ImGuiWindow* tip = ImGui::GetCurrentWindow();
  const bool sized = tip->HiddenFramesCannotSkipItems == 0 && tip->HiddenFramesCanSkipItems == 0;
  g_tooltip_rect = sized ? std::pair{tip->Pos, ImVec2(tip->Pos.x + tip->Size.x, tip->Pos.y + tip->Size.y)}
                         : std::pair<ImVec2, ImVec2>{};
  ImGui::EndTooltip();
  return true;
}

void text_wrapped_at_spaces(const char* text) {
  const float width = std::max(1.0f, ImGui::GetContentRegionAvail().x);
  const char* p = text;
  while (true) {  // one paragraph per '\n'
    const char* end = std::strchr(p, '\n');
    if (end == nullptr) end = p + std::strlen(p);
    const char* line = p;
    while (line < end) {
      // Grow the line word by word while it fits (a word longer than the line stands alone).
      const char* cut = nullptr;
      for (const char* q = line; q <= end; ++q) {
        if (q != end && *q != ' ') continue;
        if (cut != nullptr && ImGui::CalcTextSize(line, q).x > width) break;
        cut = q;
      }
      ImGui::TextUnformatted(line, cut);
      line = cut;
      while (line < end && *line == ' ') ++line;
    }
    if (line == p) ImGui::TextUnformatted("");  // an empty paragraph keeps its line
    if (*end == '\0') break;
    p = end + 1;
  }
}

void text_right_aligned(const char* text) {
  const float w = ImGui::CalcTextSize(text).x;
  const float avail = ImGui::GetContentRegionAvail().x;
  if (avail > w) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + avail - w);
  ImGui::TextUnformatted(text);
}

namespace {
std::vector<std::string>& clipped_list() {
  static std::vector<std::string> list;
  return list;
}
}  // namespace

void begin_clip_tracking() { clipped_list().clear(); }
void record_clipped(const std::string& text) {
  if (clipped_list().size() < 50) clipped_list().push_back(text);
}

void check_frame_text(const char* text, float reserved) {
  const float room = ImGui::GetItemRectSize().x - reserved - 2.0f * ImGui::GetStyle().FramePadding.x;
  if (ImGui::CalcTextSize(text).x > room + 0.5f) record_clipped(text);
}
const std::vector<std::string>& clipped_texts() { return clipped_list(); }

float draw_fitted(ImDrawList* dl, ImVec2 pos, ImU32 color, const char* text, float max_width) {
  ImFont* font = ImGui::GetFont();
  const float full = ImGui::GetFontSize();
  const float w = ImGui::CalcTextSize(text).x;
  if (w <= max_width) {
    dl->AddText(pos, color, text);
    return w;
  }
  // A little under the exact ratio: CalcTextSize rounds widths up to whole pixels.
  const float size = std::max(full * 0.6f, full * (max_width - 1.0f) / w);
  const float small_w = font->CalcTextSizeA(size, FLT_MAX, 0.0f, text).x;
  if (small_w <= max_width) {
    dl->AddText(font, size, ImVec2(pos.x, pos.y + (full - size) * 0.5f), color, text);
    return small_w;
  }
  const std::string cut = fit_text(text, max_width);
  dl->AddText(pos, color, cut.c_str());
  return ImGui::CalcTextSize(cut.c_str()).x;
}

std::string fit_text(const char* text, float max_width) {
  std::string s(text);
  if (ImGui::CalcTextSize(s.c_str()).x <= max_width) return s;
  record_clipped(s);
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

float begin_notice(const char* id, Notice kind) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const bool error = kind == Notice::kError;
  const float x = vp->WorkPos.x + vp->WorkSize.x * 0.5f;
  if (error) {
    ImGui::SetNextWindowPos(ImVec2(x, vp->WorkPos.y + vp->WorkSize.y - 12.0f), ImGuiCond_Always,
                            ImVec2(0.5f, 1.0f));
  } else {
    ImGui::SetNextWindowPos(ImVec2(x, vp->WorkPos.y + 8.0f), ImGuiCond_Always, ImVec2(0.5f, 0.0f));
  }
  ImGui::PushStyleColor(ImGuiCol_WindowBg, to_u32(error ? palette::kErrorNoticeBg : palette::kWarningNoticeBg));
  ImGui::PushStyleColor(ImGuiCol_Border, error ? kBad : IM_COL32(230, 180, 60, 255));
  ImGui::Begin(id, nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing);
  return std::max(120.0f, std::min(error ? 560.0f : 620.0f, vp->WorkSize.x - 40.0f));
}

void end_notice() {
  ImGui::End();
  ImGui::PopStyleColor(2);
}

void dismissable_notice(const char* id, Notice kind, std::string* text) {
  if (text->empty()) return;
  const float wrap = begin_notice(id, kind);
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
  ImGui::TextUnformatted(text->c_str());
  ImGui::PopTextWrapPos();
  if (ImGui::SmallButton(tr(Str::kDismiss))) text->clear();
  end_notice();
}

}  // namespace fm
