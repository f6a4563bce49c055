// Window layout: a menu bar, then six fixed, non-overlapping panels on wide screens, two tabbed
// columns on medium ones (800×600) and one tabbed window on phones; the About box and the
// overlay's messages (the divergence notice with its smaller learning rate among them).
#include <SDL_version.h>

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/panels/layout.h"

#include "app/i18n/strings.h"
#include "app/json_writer.h"
#include "app/session/session.h"
#include "app/ui/touch_sizing.h"
#include "app/ui/ui_util.h"

namespace fm {
namespace {

constexpr ImGuiWindowFlags kFixed = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                    ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                                    ImGuiWindowFlags_NoBringToFrontOnFocus |
                                    ImGuiWindowFlags_NoBackground;

void centered_window_next(ImVec2 size) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f,
                                 vp->WorkPos.y + vp->WorkSize.y * 0.4f),
                          ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(size, ImGuiCond_Always);
}

}  // namespace

const char* panel_id(Panel p) {
  switch (p) {
    case Panel::kTraining: return "training";
    case Panel::kPlots: return "plots";
    case Panel::kSamples: return "samples";
    case Panel::kConfusion: return "confusion";
    case Panel::kWeights: return "weights";
    case Panel::kCanvas: return "canvas";
    default: return "none";
  }
}

const char* panel_title(Panel p) {
  switch (p) {
    case Panel::kTraining: return tr(Str::kPanelTraining);
    case Panel::kPlots: return tr(Str::kPanelPlots);
    case Panel::kSamples: return tr(Str::kPanelSamples);
    case Panel::kConfusion: return tr(Str::kPanelConfusion);
    case Panel::kWeights: return tr(Str::kPanelWeights);
    case Panel::kCanvas: return tr(Str::kPanelCanvas);
    default: return "";
  }
}

void Layout::show(Panel p, ImVec2 min, ImVec2 max) {
  rects_[static_cast<size_t>(p)] = {min, max};
  shown_[static_cast<size_t>(p)] = true;
}

void Layout::draw(Session& session, double fps, const Hooks& hooks) {
  shown_.fill(false);
  tab_shown_.fill(false);
  focus_now_ = focus_tab_;
  focus_tab_ = Panel::kNone;
  draw_menu_bar(session, fps, hooks);
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const ImVec2 o = vp->WorkPos;
  const float W = vp->WorkSize.x, H = vp->WorkSize.y;

  if (session.messages.fatal.empty() && session.data() != nullptr) {
    kind_ = (W >= 1100 && H >= 660) ? LayoutKind::kWide
              : (W >= 720 && H >= 460) ? LayoutKind::kMedium : LayoutKind::kCompact;
    char title[96];
    auto fixed = [&](Panel p, float x, float y, float w, float h) {
      ImGui::SetNextWindowPos(ImVec2(o.x + x, o.y + y), ImGuiCond_Always);
      ImGui::SetNextWindowSize(ImVec2(w, h), ImGuiCond_Always);
      std::snprintf(title, sizeof(title), "%s###%s", panel_title(p), panel_id(p));
      if (ImGui::Begin(title, nullptr, kFixed)) {
        const ImVec2 wp = ImGui::GetWindowPos(), ws = ImGui::GetWindowSize();
        show(p, wp, ImVec2(wp.x + ws.x, wp.y + ws.y));
        hooks.draw_panel(p);
        check_window_width(panel_id(p));
      }
      ImGui::End();
    };
    if (kind_ == LayoutKind::kWide) {
      const float c1 = std::floor(W * 0.262f), c2 = std::floor(W * 0.372f), c3 = W - c1 - c2;
      const float h_train = std::floor(H * 0.64f);
      const float h_plots = std::floor(H * 0.54f);
      const float h_canvas = std::floor(H * 0.62f);  // room for Teach it back under the drawing
      lesson_dock_ = {o, ImVec2(o.x + c1, o.y + H)};
      fixed(Panel::kTraining, 0, 0, c1, h_train);
      fixed(Panel::kWeights, 0, h_train, c1, H - h_train);
      fixed(Panel::kPlots, c1, 0, c2, h_plots);
      fixed(Panel::kConfusion, c1, h_plots, c2, H - h_plots);
      fixed(Panel::kCanvas, c1 + c2, 0, c3, h_canvas);
      fixed(Panel::kSamples, c1 + c2, h_canvas, c3, H - h_canvas);
    } else if (kind_ == LayoutKind::kMedium) {
      const float left = std::floor(W * 0.5f);
      static const Panel kLeft[] = {Panel::kTraining, Panel::kPlots, Panel::kConfusion,
                                    Panel::kWeights};
      static const Panel kRight[] = {Panel::kCanvas, Panel::kSamples};
      lesson_dock_ = {ImVec2(o.x + left, o.y + std::floor(H * 0.45f)), ImVec2(o.x + W, o.y + H)};
      tabbed_window(0, ImVec2(o.x, o.y), ImVec2(left, H), kLeft, 4, hooks);
      tabbed_window(1, ImVec2(o.x + left, o.y), ImVec2(W - left, H), kRight, 2, hooks);
    } else {
      // Training first: a phone's first screen has the Train button.
      static const Panel kAll[] = {Panel::kTraining, Panel::kCanvas,    Panel::kPlots,
                                   Panel::kSamples,  Panel::kConfusion, Panel::kWeights};
      lesson_dock_ = {ImVec2(o.x, o.y + std::floor(H * 0.5f)), ImVec2(o.x + W, o.y + H)};
      tabbed_window(2, o, ImVec2(W, H), kAll, 6, hooks);
    }
  }
  hooks.draw_floating();
  draw_messages(session);
  if (session.messages.fatal.empty()) {
    dismissable_notice("###settings_notice", Notice::kWarning, &session.messages.notice);
  }
  draw_about();
}

// The tabs are a row of buttons that wraps: every panel stays one tap away at any width (ImGui's
// tab bar hid the ones that did not fit behind scroll arrows).
void Layout::tabbed_window(int slot, ImVec2 pos, ImVec2 size, const Panel* panels, int count,
                           const Hooks& hooks) {
  Panel& current = tab_[static_cast<size_t>(slot)];
  if (std::find(panels, panels + count, current) == panels + count) current = panels[0];
  if (std::find(panels, panels + count, focus_now_) != panels + count) current = focus_now_;
  char id[32];
  std::snprintf(id, sizeof(id), "##tabs%d", slot);
  ImGui::SetNextWindowPos(pos, ImGuiCond_Always);
  ImGui::SetNextWindowSize(size, ImGuiCond_Always);
  if (ImGui::Begin(id, nullptr, kFixed | ImGuiWindowFlags_NoTitleBar)) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, 3.0f);
    char label[96];
    for (int i = 0; i < count; ++i) {
      const Panel p = panels[i];
      const char* title = panel_title(p);
      const float w = std::max(min_button_width(), ImGui::CalcTextSize(title).x + 2 * style.FramePadding.x);
      if (i > 0) {
        ImGui::SameLine(0.0f, 4.0f);
        if (ImGui::GetCursorScreenPos().x + w > right) ImGui::NewLine();
      }
      const bool selected = p == current;
      ImGui::PushStyleColor(ImGuiCol_Button, style.Colors[selected ? ImGuiCol_TabActive : ImGuiCol_Tab]);
      ImGui::PushStyleColor(ImGuiCol_ButtonHovered, style.Colors[ImGuiCol_TabHovered]);
      ImGui::PushStyleColor(ImGuiCol_ButtonActive, style.Colors[ImGuiCol_TabActive]);
      std::snprintf(label, sizeof(label), "%s###tab_%s", title, panel_id(p));
      if (ImGui::Button(label, ImVec2(w, 0))) current = p;
      ImGui::PopStyleColor(3);
      tab_rects_[static_cast<size_t>(p)] = {ImGui::GetItemRectMin(), ImGui::GetItemRectMax()};
      tab_shown_[static_cast<size_t>(p)] = true;
    }
    ImGui::PopStyleVar();
    ImGui::Separator();
    show(current, pos, ImVec2(pos.x + size.x, pos.y + size.y));
    ImGui::BeginChild("panel", ImVec2(0, 0), false);
    hooks.draw_panel(current);
    check_window_width(panel_id(current));
    drag_to_scroll();  // a phone's panel is taller than its screen
    ImGui::EndChild();
  }
  ImGui::End();
}

void Layout::draw_menu_bar(Session& session, double rate, const Hooks& hooks) {
  if (!ImGui::BeginMainMenuBar()) return;
  // A menu entry's height is its text's plus the item spacing: a finger's 44 px on a phone.
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, menu_item_spacing_y()));
  ImGui::TextColored(to_vec4(palette::kTitle), "%s", tr(Str::kAppTitle));
  hooks.draw_menu_items();  // Lesson, language
  const BundleView* d = session.data();
  char buf[256];
  char fps[32] = "";
  if (rate > 0) std::snprintf(fps, sizeof(fps), tr(Str::kFmtFps), rate);
  const float about_w = ImGui::CalcTextSize(tr(Str::kMenuAbout)).x + 16.0f;
  const float fps_w = ImGui::CalcTextSize(fps).x + 16.0f;
  const float x = ImGui::GetWindowWidth() - about_w - fps_w;
  if (d != nullptr) {
    // The counts when they fit (the Training panel repeats them on narrow screens).
    const Split& s = session.split();
    std::snprintf(buf, sizeof(buf), tr(Str::kFmtDatasetCounts), dataset_name(), d->side(), d->side(),
                  format_count(static_cast<long long>(s.train.size())).c_str(),
                  format_count(static_cast<long long>(s.val.size())).c_str(),
                  format_count(static_cast<long long>(d->test_count())).c_str());
    if (ImGui::GetCursorPosX() + ImGui::CalcTextSize(buf).x < x) ImGui::TextUnformatted(buf);
  }
  std::snprintf(buf, sizeof(buf), "%s", fps);
  // Right side: frame rate and About.
  if (x > ImGui::GetCursorPosX()) {
    ImGui::SetCursorPosX(x);
    ImGui::TextDisabled("%s", buf);
  }
  if (ImGui::MenuItem(tr(Str::kMenuAbout))) about_open_ = true;
  about_rect_ = {ImGui::GetItemRectMin(), ImGui::GetItemRectMax()};
  ImGui::PopStyleVar();
  ImGui::EndMainMenuBar();
}

void Layout::draw_about() {
  char title[96];
  std::snprintf(title, sizeof(title), "%s###about", tr(Str::kAboutTitle));
  if (about_open_) {
    ImGui::OpenPopup(title);
    about_open_ = false;
  }
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float w = std::min(560.0f, vp->WorkSize.x - 16.0f);
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f,
                                 vp->WorkPos.y + vp->WorkSize.y * 0.5f),
                          ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, vp->WorkSize.y - 16.0f));
  bool open = true;
  about_shown_ = ImGui::BeginPopupModal(title, &open, ImGuiWindowFlags_AlwaysAutoResize);
  if (!about_shown_) return;
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(tr(Str::kAboutText));
  ImGui::Spacing();
  ImGui::TextUnformatted(tr(Str::kAboutCredits));
  ImGui::PopTextWrapPos();
  if (ImGui::BeginTable("credits", 2, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_RowBg)) {
    ImGui::TableSetupColumn(tr(Str::kAboutComponent), ImGuiTableColumnFlags_WidthStretch);
    const Str rows[][2] = {{Str::kCreditFashion, Str::kLicenseMit},
                           {Str::kCreditImgui, Str::kLicenseMit},
                           {Str::kCreditSdl, Str::kLicenseZlib},
                           {Str::kCreditEigen, Str::kLicenseMpl},
                           {Str::kCreditFont, Str::kLicenseOfl}};
    // The licence column as wide as its widest entry; a component's name wraps in the rest (a
    // phone's box cut "NanumGothic (NAVER Corp.), su").
    float licence_w = ImGui::CalcTextSize(tr(Str::kAboutLicense)).x;
    for (const auto& r : rows) licence_w = std::max(licence_w, ImGui::CalcTextSize(tr(r[1])).x);
    ImGui::TableSetupColumn(tr(Str::kAboutLicense), ImGuiTableColumnFlags_WidthFixed, licence_w + 8.0f);
    ImGui::TableHeadersRow();
    for (const auto& r : rows) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      text_wrapped_at_spaces(tr(r[0]));
      ImGui::TableSetColumnIndex(1);
      ImGui::TextUnformatted(tr(r[1]));
    }
    ImGui::EndTable();
  }
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextDisabled("%s", tr(Str::kAboutLicensesFile));
  char buf[256];
  SDL_version sdl;
  SDL_GetVersion(&sdl);
#ifdef __wasm_simd128__
  const char* simd = tr(Str::kYes);
#else
  const char* simd = tr(Str::kNo);
#endif
  std::snprintf(buf, sizeof(buf), tr(Str::kFmtBuildInfo), IMGUI_VERSION, sdl.major, sdl.minor,
                sdl.patch, EIGEN_WORLD_VERSION, EIGEN_MAJOR_VERSION, EIGEN_MINOR_VERSION, simd);
  ImGui::TextDisabled("%s", buf);
  ImGui::PopTextWrapPos();
  ImGui::Spacing();
  const bool close = ImGui::Button(tr(Str::kClose), ImVec2(120, 0));
  about_close_rect_ = {ImGui::GetItemRectMin(), ImGui::GetItemRectMax()};
  if (close || !open) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

void Layout::draw_messages(Session& session) {
  const std::string& fatal = session.messages.fatal;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float wrap = std::min(560.0f, vp->WorkSize.x - 40.0f);
  if (!fatal.empty()) {
    centered_window_next(ImVec2(wrap + 20.0f, 0));
    char title[96];
    std::snprintf(title, sizeof(title), "%s###fatal", tr(Str::kFatalTitle));
    ImGui::Begin(title, nullptr, kFixed | ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(to_vec4(kBad), "%s", fatal.c_str());
    ImGui::Spacing();
    ImGui::TextUnformatted(tr(Str::kFatalHint));
    ImGui::PopTextWrapPos();
    ImGui::End();
    return;
  }
  if (session.data() == nullptr) {
    centered_window_next(ImVec2(320, 0));
    ImGui::Begin("###loading", nullptr, kFixed | ImGuiWindowFlags_NoTitleBar |
                                            ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::TextUnformatted(tr(Str::kLoadingData));
    const BundleSlot& s = session.bundle(14);
    ImGui::ProgressBar(s.total > 0 ? static_cast<float>(s.loaded / s.total) : 0.0f, ImVec2(300, 0));
    ImGui::End();
    return;
  }
  if (session.run().phase() == Phase::kDiverged) {
    draw_divergence_notice(session);
  } else {
    dismissable_notice("###error", Notice::kError, &session.messages.error);
  }
}

// Drawn instead of the plain error box while the run is diverged: the message, a smaller
// learning rate, Continue / Reset.
void Layout::draw_divergence_notice(Session& session) {
  const float wrap = begin_notice("###diverged");
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
  ImGui::TextColored(ImVec4(1.0f, 0.75f, 0.7f, 1.0f), "%s", tr(Str::kDivergedTitle));
  ImGui::TextUnformatted(tr(session.run().divergence()).c_str());
  ImGui::TextUnformatted(tr(Str::kDivergedHint));
  ImGui::PopTextWrapPos();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr(Str::kLabelLearningRate));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(120.0f);
  float lr = session.notice_lr;
  if (ImGui::InputFloat("##notice_lr", &lr, 0.0f, 0.0f, "%.5g") && lr_acceptable(lr)) session.notice_lr = lr;
  if (ImGui::Button(tr(Str::kButtonContinue))) {
    const Status st = session.continue_after_divergence(session.notice_lr);
    if (!st) session.messages.error = tr(st);
  }
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::kButtonReset))) session.reset();
  end_notice();
}

void Layout::json(JsonWriter& j) const {
  auto rect = [&j](const char* name, const std::pair<ImVec2, ImVec2>& r) {
    j.key(name).begin_object();
    j.key("x").number(r.first.x).key("y").number(r.first.y);
    j.key("w").number(r.second.x - r.first.x).key("h").number(r.second.y - r.first.y);
    j.end_object();
  };
  j.key("panels").begin_object();
  for (size_t i = 0; i < rects_.size(); ++i) {
    if (shown_[i]) rect(panel_id(static_cast<Panel>(i)), rects_[i]);
  }
  j.end_object();
  j.key("tabs").begin_object();  // the tab buttons of the medium and phone layouts
  for (size_t i = 0; i < tab_rects_.size(); ++i) {
    if (tab_shown_[i]) rect(panel_id(static_cast<Panel>(i)), tab_rects_[i]);
  }
  j.end_object();
  rect("about", about_rect_);
  j.key("about_open").boolean(about_shown_);
  if (about_shown_) rect("about_close", about_close_rect_);
}

}  // namespace fm
