// Divergence in the page: the core stops and restores its last good weights; here the overlay
// says so (state().error, a notice with a smaller learning rate), trims the curves to finite,
// pre-divergence points, and continues from the snapshot or resets on request.
#include <cmath>
#include <vector>

#include "app/app.h"
#include "app/strings.h"
#include "app/ui_util.h"

namespace fm {

void App::check_divergence() {
  if (trainer_.phase() != Phase::kDiverged) {
    divergence_run_ = ~0ull;
    return;
  }
  // By run, not by phase change: a new train() may diverge within its first frame.
  if (divergence_run_ == run_id_) return;
  divergence_run_ = run_id_;
  error_ = tr(trainer_.divergence());
  notice_lr_ = suggested_lr(trainer_.config().optimizer.lr);
  // The weights are back at the end of the last finished epoch: so are the curves. This also
  // drops the exploding (finite but meaningless) points of the batches before the stop.
  const float last_good = static_cast<float>(trainer_.epoch());
  auto trim = [last_good](std::vector<ImVec2>& v) {
    while (!v.empty() && (v.back().x > last_good || !std::isfinite(v.back().y))) v.pop_back();
  };
  trim(batch_loss_);
  trim(batch_acc_);
}

Status App::continue_after_divergence(double lr) {
  if (trainer_.phase() != Phase::kDiverged) return trainer_.continue_from_snapshot();  // its message
  if (lr != 0) {
    if (!std::isfinite(lr) || !(lr > 0) || lr > kMaxLearningRate) return tr_error(Str::kErrApiLr);
    const Status st = trainer_.set_lr(static_cast<float>(lr));
    if (!st) return st;
    form_.lr = static_cast<float>(lr);
  }
  const Status st = trainer_.continue_from_snapshot();
  if (!st) return st;
  paused_ = false;
  stop_after_epoch_ = -1;
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
  ImGui::TextUnformatted(tr(trainer_.divergence()).c_str());
  ImGui::TextUnformatted(tr(Str::kDivergedHint));
  ImGui::PopTextWrapPos();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr(Str::kLabelLearningRate));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(120.0f);
  float lr = notice_lr_;
  if (ImGui::InputFloat("##notice_lr", &lr, 0.0f, 0.0f, "%.5g") && std::isfinite(lr) && lr > 0 &&
      lr <= kMaxLearningRate) {
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
