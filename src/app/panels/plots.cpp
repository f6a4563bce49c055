// The Live plots panel: loss and accuracy against epochs — the running mean per batch (train,
// thin) and per-epoch train and validation points — plus the test accuracy once evaluated.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/panels/plots.h"

#include "app/json_writer.h"
#include "app/ui/plot.h"
#include "app/ui/reduced_motion.h"
#include "app/i18n/strings.h"
#include "app/session/session.h"
#include "app/ui/ui_util.h"

namespace fm {
namespace {
constexpr ImU32 kTrainBatch = IM_COL32(120, 170, 255, 150);
constexpr ImU32 kTrainEpoch = IM_COL32(80, 140, 255, 255);
constexpr ImU32 kVal = IM_COL32(255, 150, 50, 255);
constexpr ImU32 kTest = IM_COL32(90, 210, 120, 255);
constexpr ImU32 kBlowup = IM_COL32(255, 90, 80, 255);
constexpr ImU32 kViewed = IM_COL32(255, 196, 70, 200);  // time travel's amber
constexpr float kLossCap = 5.0f;
}  // namespace

void PlotRanges::json(JsonWriter& j) const {
  j.key("plots").begin_object();
  j.key("drawn").boolean(drawn);
  j.key("loss").begin_object().key("y_min").number(0).key("y_max").number(loss_y_max)
      .key("data_max").number(loss_data_max).key("clipped").integer(loss_clipped).end_object();
  j.key("acc").begin_object().key("y_min").number(acc_y_min).key("y_max").number(1)
      .key("data_min").number(acc_data_min).end_object();
  // The batch curve's points, and those drawn (fewer while a run goes under reduced motion).
  j.key("batch_points").integer(batch_points).key("batch_points_drawn").integer(batch_points_drawn);
  j.key("per_epoch").boolean(per_epoch);
  j.end_object();
}

void draw_plots_panel(const Session& s, PlotRanges* ranges, float reserve_h) {
  const RunView& run = s.run();
  const auto& history = run.history();
  const float test_acc = run.test_acc();
  char buf[160];
  if (!run.has_model()) {
    ImGui::TextDisabled("%s", tr(Str::kHintPlots));
  } else if (!history.empty()) {
    const EpochRecord& e = history.back();
    std::snprintf(buf, sizeof(buf), tr(Str::kFmtPlotSummary), e.epoch, e.val_loss, e.val_acc);
    ImGui::TextUnformatted(buf);
    if (std::isfinite(test_acc)) {
      char test[64];
      std::snprintf(test, sizeof(test), tr(Str::kFmtTestAcc), test_acc);
      // Same line when it fits, else below.
      const float need = ImGui::CalcTextSize(test).x + ImGui::GetStyle().ItemSpacing.x;
      if (ImGui::GetContentRegionAvail().x - ImGui::GetItemRectSize().x > need) ImGui::SameLine();
      ImGui::TextColored(to_vec4(kTest), "%s", test);
    }
  } else {
    ImGui::TextDisabled("%s", tr(Str::kHintFirstEpoch));
  }

  const int epochs = run.has_model() ? run.config().epochs : s.form.epochs;
  const float x_max = static_cast<float>(std::max(1, epochs));

  std::vector<PlotSeries> loss(3), acc(3);
  loss[0].label = acc[0].label = tr(Str::kSeriesTrainBatch);
  loss[0].color = acc[0].color = kTrainBatch;
  loss[0].thickness = acc[0].thickness = 1.2f;
  // Less motion asked for: the batch curve moves once per epoch (up to the last finished one).
  const bool per_epoch = reduced_motion() && s.engine().busy();
  const float shown_x = history.empty() ? 0.0f : static_cast<float>(history.back().epoch);
  for (const CurvePoint& p : run.curve()) {
    if (per_epoch && p.x > shown_x + 1e-4f) break;
    loss[0].points.emplace_back(p.x, p.loss);
    acc[0].points.emplace_back(p.x, p.acc);
  }
  loss[1].label = acc[1].label = tr(Str::kSeriesTrainEpoch);
  loss[2].label = acc[2].label = tr(Str::kSeriesVal);
  loss[1].color = acc[1].color = kTrainEpoch;
  loss[2].color = acc[2].color = kVal;
  for (int i = 1; i <= 2; ++i) {
    loss[static_cast<size_t>(i)].markers = acc[static_cast<size_t>(i)].markers = true;
    loss[static_cast<size_t>(i)].thickness = acc[static_cast<size_t>(i)].thickness = 2.0f;
  }
  // A diverged run: the stretch that blew up (its weights were undone), in red, loss only.
  loss.emplace_back();
  loss[3].label = tr(Str::kSeriesBlowup);
  loss[3].color = kBlowup;
  loss[3].thickness = 1.5f;
  loss[3].markers = true;
  for (const CurvePoint& p : run.blowup()) loss[3].points.emplace_back(p.x, p.loss);
  if (loss[3].points.empty()) loss.pop_back();
  float loss_max = 0.5f, acc_min = 1.0f;
  for (const ImVec2& p : loss[0].points) loss_max = std::max(loss_max, p.y);
  if (loss.size() > 3) {
    for (const ImVec2& p : loss[3].points) loss_max = std::max(loss_max, p.y);
  }
  for (const ImVec2& p : acc[0].points) acc_min = std::min(acc_min, p.y);
  for (const EpochRecord& e : history) {
    const float x = static_cast<float>(e.epoch);
    loss[1].points.emplace_back(x, e.train_loss);
    loss[2].points.emplace_back(x, e.val_loss);
    acc[1].points.emplace_back(x, e.train_acc);
    acc[2].points.emplace_back(x, e.val_acc);
    loss_max = std::max({loss_max, e.train_loss, e.val_loss});
    acc_min = std::min({acc_min, e.train_acc, e.val_acc});
  }
  const float data_max = loss_max, data_min = acc_min;
  // The axis fits every series up to kLossCap (above the untrained ln 10 = 2.3, with room);
  // a blow-up beyond it is marked at the top with its value (mark_clipped).
  loss_max = std::min(loss_max, kLossCap);
  const double ls = nice_step(loss_max, 4);
  loss_max = static_cast<float>(std::ceil(loss_max / ls) * ls);
  acc_min = std::clamp(std::floor(acc_min * 10.0f) / 10.0f, 0.0f, 0.9f);
  if (acc[0].points.empty() && history.empty()) acc_min = 0.0f;

  const float avail_h = ImGui::GetContentRegionAvail().y - reserve_h;
  const float w = ImGui::GetContentRegionAvail().x;
  const float h = std::max(120.0f, (avail_h - ImGui::GetStyle().ItemSpacing.y) * 0.5f);

  // Time travel: where the model being viewed was taken, on both plots.
  float viewed_x = NAN;
  if (const Snapshot* v = run.viewed()) {
    viewed_x = static_cast<float>(v->epoch) +
               static_cast<float>(v->batch) / static_cast<float>(std::max(1LL, run.batches_per_epoch()));
  }
  PlotSpec ls_spec;
  ls_spec.marker_x = viewed_x;
  ls_spec.marker_color = kViewed;
  ls_spec.title = tr(Str::kPlotLoss);
  ls_spec.y_label = tr(Str::kPlotLossAxis);
  ls_spec.x_label = tr(Str::kPlotEpochAxis);
  ls_spec.x_max = x_max;
  ls_spec.y_max = loss_max;
  ls_spec.mark_clipped = true;
  line_chart("loss", ls_spec, loss, ImVec2(w, h));
  *ranges = PlotRanges{};
  ranges->drawn = true;
  ranges->batch_points = static_cast<int>(run.curve().size());
  ranges->batch_points_drawn = static_cast<int>(loss[0].points.size());
  ranges->per_epoch = per_epoch;
  ranges->loss_y_max = loss_max;
  ranges->loss_data_max = data_max;
  for (const PlotSeries& series : loss) {
    for (const ImVec2& p : series.points) ranges->loss_clipped += !std::isfinite(p.y) || p.y > loss_max;
  }
  ranges->acc_y_min = acc_min;
  ranges->acc_data_min = data_min;

  PlotSpec as_spec;
  as_spec.marker_x = viewed_x;
  as_spec.marker_color = kViewed;
  as_spec.title = tr(Str::kPlotAccuracy);
  as_spec.y_label = tr(Str::kPlotAccAxis);
  as_spec.x_label = tr(Str::kPlotEpochAxis);
  as_spec.x_max = x_max;
  as_spec.y_min = acc_min;
  as_spec.y_max = 1.0f;
  as_spec.legend_top = false;
  if (std::isfinite(test_acc)) {
    as_spec.ref_y = test_acc;
    as_spec.ref_label = tr(Str::kSeriesTest);
    as_spec.ref_color = kTest;
  }
  line_chart("acc", as_spec, acc, ImVec2(w, h));
}

}  // namespace fm
