// Window layout: a menu bar, then six fixed, non-overlapping panels on wide screens, two tabbed
// columns on medium ones (800×600) and one tabbed window on phones; the About box and the
// overlay's messages (fatal, loading, error, a divergence, a link's ignored settings).
#pragma once

#include <array>
#include <functional>
#include <utility>

#include "imgui.h"
#include "app/panels/panel.h"

namespace fm {

class JsonWriter;
class Session;

enum class LayoutKind : uint8_t { kWide = 0, kMedium = 1, kCompact = 2 };

class Layout {
 public:
  struct Hooks {
    std::function<void(Panel)> draw_panel;  // the panel's contents, inside its window or tab
    std::function<void()> draw_menu_items;  // Lesson and language
    std::function<void()> draw_floating;    // the Lesson window
  };
  // The whole UI for this frame.
  void draw(Session& session, double fps, const Hooks& hooks);
  void focus(Panel panel) { focus_tab_ = panel; }  // a tab to select on the next frame
  LayoutKind kind() const { return kind_; }
  // Where the Lesson window docks in this layout (min, max): over the Training column on wide
  // screens, the lower part of the drawing column on medium ones, the lower part of a phone's
  // screen; the plots and the canvas stay in view.
  std::pair<ImVec2, ImVec2> lesson_dock() const { return lesson_dock_; }
  void json(JsonWriter& j) const;  // state().ui's panels, about and about_close rectangles

 private:
  void draw_menu_bar(Session& session, double fps, const Hooks& hooks);
  void draw_about();
  void draw_messages(Session& session);
  void draw_divergence_notice(Session& session);
  // Tabbed window `slot` (0, 1: the medium layout's columns, 2: the phone's one window).
  void tabbed_window(int slot, ImVec2 pos, ImVec2 size, const Panel* panels, int count,
                     const Hooks& hooks);
  void show(Panel p, ImVec2 min, ImVec2 max);

  LayoutKind kind_ = LayoutKind::kWide;
  Panel focus_tab_ = Panel::kNone, focus_now_ = Panel::kNone;
  // Screen rectangles (min, max) of this frame's panels and the About menu item, for state().
  std::array<std::pair<ImVec2, ImVec2>, kPanelCount> rects_{};
  std::array<bool, kPanelCount> shown_{};
  std::array<Panel, 3> tab_{Panel::kNone, Panel::kNone, Panel::kNone};  // each tabbed window's choice
  std::array<std::pair<ImVec2, ImVec2>, kPanelCount> tab_rects_{};
  std::array<bool, kPanelCount> tab_shown_{};
  std::pair<ImVec2, ImVec2> about_rect_{};
  std::pair<ImVec2, ImVec2> lesson_dock_{};
  bool about_open_ = false;   // asked to open (the menu item was clicked)
  bool about_shown_ = false;  // the About box is on screen this frame
  std::pair<ImVec2, ImVec2> about_close_rect_{};  // its Close button
};

}  // namespace fm
