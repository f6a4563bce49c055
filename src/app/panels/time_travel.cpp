// The time travel scrubber and banner: a slider over the kept snapshots with "now" at its right
// end, Back to now, and what is dropped or missing said in words.
#include "app/panels/time_travel.h"

#include <algorithm>
#include <cstdio>

#include "app/i18n/strings.h"
#include "app/json_writer.h"
#include "app/session/session.h"
#include "app/ui/ui_util.h"

namespace fm {
namespace {
constexpr ImU32 kViewing = IM_COL32(255, 196, 70, 255);  // amber: not the live model

void rect_json(JsonWriter& j, const char* name, const std::pair<ImVec2, ImVec2>& r) {
  j.key(name);
  if (r.second.x <= r.first.x) {
    j.null();
    return;
  }
  j.begin_object().key("x").number(r.first.x).key("y").number(r.first.y)
      .key("w").number(r.second.x - r.first.x).key("h").number(r.second.y - r.first.y).end_object();
}
}  // namespace

std::string view_label(const Session& s, const Snapshot& snap) {
  const auto [epoch, batch] = s.view_point(snap);
  char buf[120];
  if (epoch == 0) {
    std::snprintf(buf, sizeof(buf), "%s", tr(Str::kViewUntrained));
  } else if (snap.batch == 0) {
    std::snprintf(buf, sizeof(buf), tr(Str::kFmtViewEnd), epoch);
  } else {
    std::snprintf(buf, sizeof(buf), tr(Str::kFmtViewBatch), epoch, batch);
  }
  return buf;
}

void draw_viewing_banner(const Session& s) {
  const Snapshot* v = s.run().viewed();
  if (v == nullptr) return;
  char buf[240];
  std::snprintf(buf, sizeof(buf), tr(Str::kFmtViewingBanner), view_label(s, *v).c_str());
  ImGui::PushStyleColor(ImGuiCol_Text, kViewing);
  text_wrapped_at_spaces(buf);
  ImGui::PopStyleColor();
}

float TimeTravelBar::height(const Session& s) const {
  if (!s.run().has_model()) return 0.0f;
  return 2.0f * ImGui::GetFrameHeightWithSpacing();
}

void TimeTravelBar::draw(Session& s) {
  const RunView& run = s.run();
  slider_ = back_ = {};
  count_ = 0;
  if (!run.has_model()) return;
  const auto& all = run.snapshots().all();
  const int n = static_cast<int>(all.size());
  count_ = n;
  if (n == 0) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("%s", tr(run.imported() ? Str::kTimeTravelImported : Str::kHintFirstEpoch));
    ImGui::PopTextWrapPos();
    return;
  }
  int index = n;  // now
  if (const Snapshot* v = run.viewed()) {
    for (int i = 0; i < n; ++i) {
      if (all[static_cast<size_t>(i)].pos == v->pos) index = i;
    }
  }
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr(Str::kTimeTravel));
  item_tooltip(tr(Str::kTimeTravelHint));
  ImGui::SameLine();
  const bool viewing = run.viewing();
  const float back_w = viewing ? ImGui::CalcTextSize(tr(Str::kBackToNow)).x +
                                     2 * ImGui::GetStyle().FramePadding.x + ImGui::GetStyle().ItemSpacing.x
                               : 0.0f;
  ImGui::SetNextItemWidth(std::max(60.0f, ImGui::GetContentRegionAvail().x - back_w));
  std::string label = index == n ? tr(Str::kTimeTravelNow) : view_label(s, all[static_cast<size_t>(index)]);
  std::string format;  // the slider shows the label as its text: '%' doubled
  for (char c : label) format += c == '%' ? std::string("%%") : std::string(1, c);
  if (ImGui::SliderInt("##time_travel", &index, 0, n, format.c_str(), ImGuiSliderFlags_AlwaysClamp)) {
    if (index >= n) {
      s.view_live();
    } else {
      const auto [e, b] = s.view_point(all[static_cast<size_t>(index)]);
      const Status st = s.view_at(e, all[static_cast<size_t>(index)].batch == 0 ? -1 : b);
      if (!st) s.messages.error = tr(st);
    }
  }
  slider_ = {ImGui::GetItemRectMin(), ImGui::GetItemRectMax()};
  check_frame_text(label.c_str());
  item_tooltip(tr(Str::kTimeTravelHint));
  if (viewing) {
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::kBackToNow))) s.view_live();
    back_ = {ImGui::GetItemRectMin(), ImGui::GetItemRectMax()};
  }
  const int dropped = run.snapshots().dropped();
  if (viewing) {
    draw_viewing_banner(s);
  } else if (dropped > 0) {
    char buf[160];
    std::snprintf(buf, sizeof(buf), tr(Str::kFmtSnapshotsDropped), dropped);
    ImGui::TextDisabled("%s", buf);
  }
}

void TimeTravelBar::json(JsonWriter& j) const {
  j.key("time_travel").begin_object();
  j.key("count").integer(count_);
  rect_json(j, "slider", slider_);
  rect_json(j, "back", back_);
  j.end_object();
}

void time_travel_state_json(const Session& s, JsonWriter& j) {
  const RunView& run = s.run();
  const Snapshot* v = run.viewed();
  j.key("view").begin_object().key("live").boolean(v == nullptr);
  if (v != nullptr) {
    const auto [epoch, batch] = s.view_point(*v);
    // stopped: the engine died (or refused) before computing it; pending: it is computing.
    const bool stopped = run.shown_eval_lost();
    j.key("epoch").integer(epoch).key("batch").integer(batch).key("pending").boolean(!v->evaluated && !stopped)
        .key("stopped").boolean(stopped);
  } else {
    j.key("epoch").null().key("batch").null().key("pending").boolean(false).key("stopped").boolean(false);
  }
  j.end_object();

  const SnapshotStore& store = run.snapshots();
  j.key("snapshots").begin_object();
  j.key("count").integer(static_cast<long long>(store.size()));
  j.key("bytes").integer(static_cast<long long>(store.bytes()));
  j.key("budget").integer(static_cast<long long>(store.budget()));
  j.key("dropped").integer(store.dropped());
  j.key("points").begin_array();
  for (const Snapshot& snap : store.all()) {
    const auto [epoch, batch] = s.view_point(snap);
    j.begin_object().key("epoch").integer(epoch).key("batch").integer(batch)
        .key("evaluated").boolean(snap.evaluated).end_object();
  }
  j.end_array();
  j.end_object();

  // The confusion matrix of the model shown: a snapshot's (null until its pass is done), or the
  // live run's last validation pass (null before the first).
  const ConfusionMatrix& cm = run.shown_confusion();
  j.key("confusion");
  if (!run.has_model() || cm.total() == 0) {
    j.null();
    return;
  }
  j.begin_object();
  if (v != nullptr) {
    const auto [epoch, batch] = s.view_point(*v);
    j.key("epoch").integer(epoch).key("batch").integer(batch);
  } else {
    j.key("epoch").integer(run.history().empty() ? run.epoch() : run.history().back().epoch)
        .key("batch").integer(run.batches_per_epoch());
  }
  j.key("accuracy").number(cm.accuracy());
  j.key("matrix").begin_array();
  for (int t = 0; t < kNumClasses; ++t) {
    j.begin_array();
    for (int p = 0; p < kNumClasses; ++p) j.integer(cm.at(t, p));
    j.end_array();
  }
  j.end_array();
  j.end_object();
}

}  // namespace fm
