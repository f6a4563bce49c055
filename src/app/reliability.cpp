// Divergence in the page: the engine stops and restores its last good weights (the RunView trims
// the curves back to them); here the overlay says so (state().error, a notice with a smaller
// learning rate) and continues from the snapshot or resets on request.
#include <cmath>
#include <vector>

#include "app/app.h"
#include "app/strings.h"
#include "app/ui_util.h"

namespace fm {

void App::check_divergence() {
  if (run().phase() != Phase::kDiverged) {
    divergence_run_ = ~0ull;
    return;
  }
  if (run().divergence().ok) return;  // the `diverged` event with the reason is still to come
  // By run, not by phase change: a new train() may diverge within its first slice.
  if (divergence_run_ == run().run_id()) return;
  divergence_run_ = run().run_id();
  error_ = tr(run().divergence());
  notice_lr_ = run().suggested_lr();
}

Status App::continue_after_divergence(double lr) {
  if (run().phase() != Phase::kDiverged) return tr_error(Str::kErrNotDiverged);
  const SettingRow* row = find_setting("lr");
  if (lr != 0 && (!std::isfinite(lr) || !(lr > row->lo) || lr > row->hi)) return tr_error(Str::kErrApiLr);
  if (lr != 0) form_.lr = static_cast<float>(lr);
  engine_.continue_run(static_cast<float>(lr));
  rate_time_ = 0;
  error_.clear();
  divergence_run_ = ~0ull;
  return Status::Ok();
}

// Drawn instead of the plain error box while the run is diverged (layout.cpp draw_messages()).
void App::draw_divergence_notice() {
  const float wrap = begin_notice("###diverged");
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
  ImGui::TextColored(ImVec4(1.0f, 0.75f, 0.7f, 1.0f), "%s", tr(Str::kDivergedTitle));
  ImGui::TextUnformatted(tr(run().divergence()).c_str());
  ImGui::TextUnformatted(tr(Str::kDivergedHint));
  ImGui::PopTextWrapPos();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr(Str::kLabelLearningRate));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(120.0f);
  float lr = notice_lr_;
  if (ImGui::InputFloat("##notice_lr", &lr, 0.0f, 0.0f, "%.5g") && std::isfinite(lr) && lr > 0 &&
      lr <= find_setting("lr")->hi) {
    notice_lr_ = lr;
  }
  if (ImGui::Button(tr(Str::kButtonContinue))) {
    const Status st = continue_after_divergence(notice_lr_);
    if (!st) error_ = tr(st);
  }
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::kButtonReset))) reset();
  end_notice();
}

}  // namespace fm
