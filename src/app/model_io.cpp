// The model file in and out of the page, through the engine: Export asks it for the file (the
// core's format, so `fmnist eval FILE` reads it) and downloads it; Import checks the file here
// (load_model, and that its input size's data is in) and sends it to the engine, which adopts it
// or refuses it (the current model is kept then, and the error says why).
#include <algorithm>
#include <cstdio>
#include <vector>

#include "app/app.h"
#include "app/strings.h"
#include "app/web_bridge.h"
#include "core/model_file.h"

namespace fm {

Status App::send_model(std::vector<uint8_t> bytes, bool from_storage) {
  SavedModel m;
  Status st = load_model(bytes.data(), bytes.size(), &m);
  if (!st) return st;
  if (m.side == 28 && !bundles_[1].data.loaded()) return tr_error(Str::kErrImportNeeds28);
  if (!bundles_[m.side == 28 ? 1 : 0].data.loaded()) return tr_error(Str::kErrNoData);
  st = check_model_fits(m, m.side);
  if (!st) return st;
  if (from_storage) {
    restore_sent_ = true;
  } else {
    import_sent_ = true;
  }
  engine_.import_model(std::move(bytes));
  return Status::Ok();
}

Status App::export_model() {
  if (!run().has_model() || !engine_.worker_alive()) return tr_error(Str::kErrNoModel);
  export_purposes_.push_back(0);
  engine_.export_model();  // the `exported` event downloads it (after_event)
  return Status::Ok();
}

Status App::import_model(const uint8_t* bytes, size_t size) {
  const std::string prefix = tr(Str::kErrImportPrefix);
  if (bytes == nullptr || size == 0) return text_error(prefix + tr(Str::kErrImportEmpty));
  const Status st = send_model(std::vector<uint8_t>(bytes, bytes + size), false);
  if (!st) return text_error(prefix + tr(st));
  return Status::Ok();
}

void App::draw_model_file_buttons() {
  const float w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
  const ImVec2 size(std::max(60.0f, w), 0);
  ImGui::BeginDisabled(!run().has_model());
  if (ImGui::Button(tr(Str::kButtonExport), size)) {
    const Status st = export_model();
    if (!st) error_ = tr(st);
  }
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", tr(Str::kTipExport));
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::kButtonImport), size)) open_import_dialog();  // the page calls import_model
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::kTipImport));
}

}  // namespace fm
