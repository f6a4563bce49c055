// The model file in and out of the page: Export downloads the core's format (so `fmnist eval FILE`
// reads it); Import validates with load_model + check_model_fits and, on any error, keeps the
// current model and says why. adopt_model() is shared with the restore after a reload.
#include <algorithm>
#include <cstdio>
#include <vector>

#include "app/app.h"
#include "app/strings.h"
#include "core/model_file.h"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif

namespace fm {
namespace {

#ifdef __EMSCRIPTEN__
EM_JS(void, js_download, (const uint8_t* bytes, int size, const char* name), {
  if (window.fmnistStorage) window.fmnistStorage.download(HEAPU8.slice(bytes, bytes + size), UTF8ToString(name));
});
EM_JS(void, js_open_import, (), {
  if (window.fmnistStorage) window.fmnistStorage.chooseFile();
});
#else
void js_download(const uint8_t*, int, const char*) {}
void js_open_import() {}
#endif

// As app_commands.cpp's: one evaluation step() stays near a millisecond or two.
int eval_chunk_for(const TrainConfig& config, int side) {
  const double params = static_cast<double>(architecture_for(config, side).param_count());
  return static_cast<int>(std::clamp(400000.0 / std::max(1.0, params), 25.0, 2000.0));
}

}  // namespace

Status App::adopt_model(const SavedModel& m, bool from_storage) {
  const Dataset* d = bundles_[m.side == 28 ? 1 : 0].data.get();
  if (m.side == 28 && d == nullptr) return tr_error(Str::kErrImportNeeds28);
  if (d == nullptr) return tr_error(Str::kErrNoData);
  Status st = check_model_fits(m, d->side);
  if (!st) return st;
  TrainConfig c = m.config;
  c.eval_chunk = eval_chunk_for(c, d->side);
  st = trainer_.adopt(*d, c, m.params);  // refuses weights that do not fit c; nothing changes then
  if (!st) return st;
  clear_run_state();
  if (side_ != d->side) {
    side_ = d->side;
    view_.page = 0;
  }
  if (from_storage) {
    restore_run_ = run_id_;  // the form keeps the saved (or URL-hash) settings
    storage_status_ = "saved";
    form_.side = side_;
  } else {
    form_from_config(c, d->side);
  }
  return Status::Ok();
}

Status App::export_model() {
  if (!trainer_.has_model() || trainer_.data() == nullptr) return tr_error(Str::kErrNoModel);
  SavedModel m;
  m.arch = trainer_.network().arch();
  m.side = trainer_.data()->side;
  m.config = trainer_.config();
  m.val_acc = trainer_.val_acc();
  m.params = trainer_.network().params();  // after a divergence: the last good weights
  const std::vector<uint8_t> bytes = save_model(m);
  char name[80];
  std::snprintf(name, sizeof(name), "fmnist-%s-%dx%d.fmnist",
                m.config.model == ModelKind::kMlp ? "mlp" : "softmax", m.side, m.side);
  js_download(bytes.data(), static_cast<int>(bytes.size()), name);
  return Status::Ok();
}

Status App::import_model(const uint8_t* bytes, size_t size) {
  const std::string prefix = tr(Str::kErrImportPrefix);
  if (bytes == nullptr || size == 0) return text_error(prefix + tr(Str::kErrImportEmpty));
  SavedModel m;
  Status st = load_model(bytes, size, &m);
  if (st) st = adopt_model(m, false);
  if (!st) return text_error(prefix + tr(st));
  return Status::Ok();
}

void App::draw_model_file_buttons() {
  const float w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
  const ImVec2 size(std::max(60.0f, w), 0);
  ImGui::BeginDisabled(!trainer_.has_model());
  if (ImGui::Button(tr(Str::kButtonExport), size)) {
    const Status st = export_model();
    if (!st) error_ = tr(st);
  }
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", tr(Str::kTipExport));
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::kButtonImport), size)) js_open_import();  // the page calls import_model
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::kTipImport));
}

}  // namespace fm
