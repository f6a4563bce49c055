// The page's composition root: the session (data, engine client, form, canvas, commands), the
// panels, the layout, the browser's storage, the frame pacing and the font, wired together.
// main.cpp drives the frame loop through it; web_bridge.cpp hands it the page's calls and the
// engine's events. Everything it does is delegated: see each member's header.
#pragma once

#include <SDL.h>

#include <string>
#include <vector>

#include "app/a11y/announcer.h"
#include "app/pacing/frame_pacer.h"
#include "app/panels/canvas.h"
#include "app/panels/compare.h"
#include "app/panels/confirm_replace.h"
#include "app/panels/confusion.h"
#include "app/panels/layout.h"
#include "app/panels/plots.h"
#include "app/panels/lesson.h"
#include "app/panels/my_sketches.h"
#include "app/panels/samples.h"
#include "app/panels/time_travel.h"
#include "app/panels/training.h"
#include "app/panels/weights.h"
#include "app/persistence/persistence.h"
#include "app/session/resolution_compare.h"
#include "app/session/session.h"
#include "app/ui/fonts.h"
#include "app/ui/touch_pointer.h"

namespace fm {

class App {
 public:
  App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  void init();
  void handle_event(const SDL_Event& event);
  // Whether this loop tick draws (FramePacer); idle_frame(): it did not.
  bool wants_frame();
  void idle_frame();
  void request_frames(int n);
  void wake();       // input seen by the page: draw now and for a moment after
  void frame();      // between ImGui::NewFrame() and ImGui::Render()
  void end_frame();  // after rendering

  Session& session() { return session_; }
  LessonPanel& lesson() { return lesson_; }
  TouchPointer& touch_pointer() { return touch_; }  // main.cpp moves ImGui's pointer after a touch
  void on_engine_event(const Message& event);
  // window.fmnist.compareResolutions: the form's settings with `settings_text` over them (the
  // train() API's form), trained at 7×7, 14×14 and 28×28 (session/resolution_compare.h).
  Status compare_resolutions(const std::string& settings_text);
  void cancel_compare() { compare_.cancel(session_); }
  // "model=mlp&hidden=100&...&lang=ko" (the link's form). Apply sources lowest precedence first
  // (defaults, saved in the browser, URL hash); refusals make a notice (not for kDefaults).
  // Returns how many settings were applied.
  int apply_settings(const std::string& text, SettingsOrigin origin);
  bool load_font(const uint8_t* bytes, size_t size);  // the Korean UI font's bytes (copied)
  // The canvas's device pixels per CSS px: fonts rasterised at it (set_font_scale), before NewFrame.
  void follow_pixel_ratio(float ratio);
  const std::string& state_json();  // state_json.cpp
  // The accessible layer (a11y_layer.cpp, web/a11y.js): the page's DOM controls described in the
  // current language, and one of them pressed or chosen (`id`, a choice's `value`): the same
  // commands as the panels' buttons and menus. nav(kEnter): the keyboard goes into the panels
  // (ImGui's navigation, highlighted); kLeave: it left them (the highlight goes, so Space is the
  // shortcut again); kTabOut: left by Tab, which also finishes a text field being edited, as
  // ImGui's own Tab would (the field applies what was typed when it loses focus).
  enum class Nav : uint8_t { kLeave = 0, kEnter = 1, kTabOut = 2 };
  const std::string& a11y_json();
  Status a11y_action(const std::string& id, const std::string& value);
  void nav(Nav what) {
    if (what == Nav::kTabOut) finish_text_ = true;
    nav_request_ = what == Nav::kEnter ? 1 : -1;
    request_frames(FramePacer::kSettleFrames);
  }

 private:
  void handle_key(const SDL_KeyboardEvent& key);  // Space: train/pause/resume, C: clear
  void follow(double now_ms);  // what follows the engine also without a drawn frame
  void draw_panel(Panel panel);
  void sync_hash();  // keeps location.hash equal to the form's settings text
  void a11y_follow();  // the DOM controls' state and the live region's sentences, when changed
  void a11y_nav();     // nav()'s request, inside a frame

  Session session_;
  FramePacer pacer_;
  Layout layout_;
  TrainingPanel training_;
  SamplesPanel samples_;
  ConfusionPanel confusion_;
  WeightsPanel weights_;
  CanvasPanel canvas_;
  MySketchesPanel my_sketches_;  // under the canvas: the correction loop (issue 14 §1)
  LessonPanel lesson_;
  ResolutionCompare compare_;
  ComparePanel compare_panel_;
  ConfirmReplace confirm_;  // asks before a page command replaces a trained model
  PlotRanges plots_;        // the Live plots' last drawn axes
  TimeTravelBar time_travel_;  // the scrubber under the plots (issue 14 §2)
  Persistence persistence_;
  UiFont font_;
  TouchPointer touch_;
  bool ready_ = false;
  std::string hash_;          // the hash last written to the address bar
  bool hash_synced_ = false;  // set once the incoming hash was applied
  int draw_calls_ = 0, vertices_ = 0;  // last frame's ImGui draw data
  std::string state_;
  Announcer announcer_;
  std::string a11y_, a11y_sent_;  // the controls' description: built, last sent to the page
  int nav_request_ = 0;  // nav()'s, applied in the next frame: 1 enter, -1 leave
  bool finish_text_ = false;
};

}  // namespace fm
