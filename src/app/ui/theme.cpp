#include "app/ui/theme.h"

namespace fm {

void apply_theme() {
  ImGui::StyleColorsDark();
  ImVec4* c = ImGui::GetStyle().Colors;
  c[ImGuiCol_Text] = to_vec4(palette::kText);
  c[ImGuiCol_TextDisabled] = to_vec4(palette::kTextDisabled);
  c[ImGuiCol_WindowBg] = to_vec4(palette::kWindowBg);
  c[ImGuiCol_PopupBg] = to_vec4(palette::kPopupBg);
  c[ImGuiCol_MenuBarBg] = to_vec4(palette::kMenuBarBg);
  c[ImGuiCol_TitleBg] = to_vec4(palette::kTitleBg);
  c[ImGuiCol_TitleBgActive] = to_vec4(palette::kTitleBgActive);
  c[ImGuiCol_FrameBg] = to_vec4(palette::kFrameBg);
  c[ImGuiCol_FrameBgHovered] = to_vec4(palette::kFrameBgHovered);
  c[ImGuiCol_FrameBgActive] = to_vec4(palette::kFrameBgActive);
  c[ImGuiCol_Button] = to_vec4(palette::kButton);
  c[ImGuiCol_ButtonHovered] = to_vec4(palette::kButtonHovered);
  c[ImGuiCol_ButtonActive] = to_vec4(palette::kButtonActive);
  c[ImGuiCol_Header] = to_vec4(palette::kHeader);
  c[ImGuiCol_HeaderHovered] = to_vec4(palette::kHeaderHovered);
  c[ImGuiCol_HeaderActive] = to_vec4(palette::kHeaderActive);
  c[ImGuiCol_Tab] = to_vec4(palette::kTab);
  c[ImGuiCol_TabHovered] = to_vec4(palette::kTabHovered);
  c[ImGuiCol_TabActive] = to_vec4(palette::kTabActive);
  c[ImGuiCol_TextSelectedBg] = to_vec4(palette::kTextSelectedBg);
  c[ImGuiCol_PlotHistogram] = to_vec4(palette::kPlotHistogram);
}

}  // namespace fm
