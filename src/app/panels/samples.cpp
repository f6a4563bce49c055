// The Samples panel: a page of data-set images (one texture atlas, nearest-neighbour upscaled)
// with class names, a class filter, train/validation/test browsing, predictions coloured right
// or wrong, the hardest validation mistakes, and a confusion cell's images.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/panels/samples.h"
#include "app/panels/time_travel.h"

#include "app/clock.h"
#include "app/image_ops.h"
#include "app/i18n/strings.h"
#include "app/json_writer.h"
#include "app/session/session.h"
#include "app/ui/ui_util.h"
#include "core/metrics.h"

namespace fm {

void SamplesPanel::show_cell(int truth, int predicted) {
  mode_ = SampleMode::kCell;
  split_ = SplitKind::kVal;
  truth_ = truth;
  predicted_ = predicted;
  klass_ = -1;
  page_ = 0;
}

void SamplesPanel::follow_session(const Session& s) {
  if (side_seen_ != s.side()) {  // another data set: from its first page
    side_seen_ = s.side();
    page_ = 0;
  }
  if (resets_seen_ != s.resets()) {  // the model is gone: nothing to show but the data
    resets_seen_ = s.resets();
    mode_ = SampleMode::kBrowse;
  }
}

void SamplesPanel::rebuild_items(Session& s) {
  const RunView& run = s.run();
  const BundleView* d = s.data();
  char key[200];
  std::snprintf(key, sizeof(key), "%p/%llu/%d/%d/%d/%d/%d/%d/%llu/%d/%zu/%d/%llu", static_cast<const void*>(d),
                static_cast<unsigned long long>(s.data_generation()),
                d != nullptr ? d->side() : 0, static_cast<int>(split_), klass_, static_cast<int>(mode_),
                truth_, predicted_, static_cast<unsigned long long>(run.run_id()), run.epoch(),
                run.shown_predictions().size(), run.has_model() ? 1 : 0,
                static_cast<unsigned long long>(run.viewing() ? run.shown_version() : 0));  // time travel
  if (items_key_ == key) return;
  items_key_ = key;
  items_.clear();
  if (d == nullptr) return;
  const bool model_here = run.has_model() && run.side() == d->side();
  auto want = [&](int label) { return klass_ < 0 || label == klass_; };
  // A validation image's place in the validation set (its tooltip's "#N").
  std::vector<int32_t> val_pos;
  const auto pos_of = [&](int32_t i) -> int32_t {
    if (val_pos.empty()) {
      val_pos.assign(static_cast<size_t>(d->train_count()), -1);
      const std::vector<int32_t>& val = s.split().val;
      for (size_t k = 0; k < val.size(); ++k) {
        if (val[k] >= 0 && val[k] < d->train_count()) val_pos[static_cast<size_t>(val[k])] = static_cast<int32_t>(k);
      }
    }
    return i >= 0 && i < d->train_count() ? val_pos[static_cast<size_t>(i)] : -1;
  };
  switch (mode_) {
    case SampleMode::kBrowse:
      if (split_ == SplitKind::kTest) {
        for (Index i = 0; i < d->test_count(); ++i) {
          if (want(d->test_label(i))) items_.push_back({static_cast<int32_t>(i), -1, true, -1, 0});
        }
      } else {
        const Split& sp = s.split();
        const bool val = split_ == SplitKind::kVal;
        const std::vector<int32_t>& list = val ? sp.val : sp.train;
        for (size_t k = 0; k < list.size(); ++k) {
          const int32_t i = list[k];
          if (want(d->train_label(i))) items_.push_back({i, val ? static_cast<int32_t>(k) : -1, false, -1, 0});
        }
      }
      break;
    case SampleMode::kHardest:
      if (model_here) {
        for (const Mistake& m : run.shown_hardest()) {
          if (want(m.label)) items_.push_back({m.index, pos_of(m.index), false, static_cast<int8_t>(m.predicted), m.confidence});
        }
      }
      break;
    case SampleMode::kCell:
      if (model_here) {
        const auto& val = run.val_indices();
        const auto& pred = run.shown_predictions();
        for (size_t k = 0; k < val.size() && k < pred.size(); ++k) {
          const int32_t i = val[k];
          if (d->train_label(i) == truth_ && pred[k] == predicted_) {
            items_.push_back({i, pos_of(i), false, -1, 0});
          }
        }
      }
      break;
    case SampleMode::kMap:  // the map view lists no items (map_view.h)
      break;
  }
}

void SamplesPanel::update_page(Session& s, int page_size, int cols) {
  const RunView& run = s.run();
  const BundleView* d = s.data();
  const int n = static_cast<int>(items_.size());
  const int pages = std::max(1, (n + page_size - 1) / page_size);
  page_ = std::clamp(page_, 0, pages - 1);
  const int first = page_ * page_size;
  const int count = std::clamp(n - first, 0, page_size);

  char key[200];
  std::snprintf(key, sizeof(key), "%s|%d|%d|%d", items_key_.c_str(), page_, page_size, cols);
  const bool new_page = page_key_ != key;
  if (new_page) {
    page_key_ = key;
    page_items_.assign(items_.begin() + first, items_.begin() + first + count);
    atlas_cols_ = std::max(1, cols);
    if (count > 0) {
      Atlas atlas;
      atlas.reset(atlas_cols_, (count + atlas_cols_ - 1) / atlas_cols_, d->side(), d->side());
      for (int k = 0; k < count; ++k) {
        const Item& it = page_items_[static_cast<size_t>(k)];
        atlas.put_gray(k, (it.test ? d->test_image(it.index) : d->train_image(it.index)).data());
      }
      atlas_.upload(atlas.width(), atlas.height(), atlas.rgba.data());
    }
  }
  // Live predictions for the page (the hardest view keeps the stored ones). While training,
  // refreshed a few times a second: one forward pass per image.
  if (mode_ == SampleMode::kHardest) return;
  const bool can_predict = run.shown_has_weights() && s.model_side() == d->side();
  if (!can_predict) {
    for (Item& it : page_items_) it.predicted = -1;
    return;
  }
  std::snprintf(key, sizeof(key), "%s|%llu|%lld", page_key_.c_str(),
                static_cast<unsigned long long>(run.run_id()),
                static_cast<long long>(run.shown_version()));
  const double t = now_ms();
  // While training, refreshed a few times a second (a frame is drawn at each event anyway).
  if (pred_key_ == key || (!new_page && t - page_pred_time_ < 400.0 && run.running())) return;
  pred_key_ = key;
  page_pred_time_ = t;
  std::vector<float> input(static_cast<size_t>(d->pixels()));
  std::vector<uint8_t> px;
  std::array<float, kNumClasses> probs{};
  for (Item& it : page_items_) {
    px = it.test ? d->test_image(it.index) : d->train_image(it.index);
    for (size_t p = 0; p < input.size(); ++p) input[p] = px[p] * (1.0f / 255.0f);
    run.shown_network().predict(input.data(), probs.data());
    it.predicted = static_cast<int8_t>(argmax(probs.data(), kNumClasses));
    it.confidence = probs[static_cast<size_t>(it.predicted)];
  }
}

bool SamplesPanel::draw(Session& s, const std::vector<float>& input, const std::string& input_key) {
  const RunView& run = s.run();
  follow_session(s);
  const BundleView* d = s.data();
  if (d == nullptr) return false;
  draw_viewing_banner(s);  // time travel: predictions and mistakes of an earlier model
  char buf[200];
  bool clicked_any = false;

  // --- Split, class filter, view mode ---
  ImGui::BeginDisabled(mode_ != SampleMode::kBrowse);
  int split_index = static_cast<int>(split_);
  const Str split_names[] = {Str::kSplitTrain, Str::kSplitVal, Str::kSplitTest};
  for (int i = 0; i < 3; ++i) {
    if (i > 0) ImGui::SameLine();
    if (ImGui::RadioButton(tr(split_names[i]), &split_index, i)) {
      split_ = static_cast<SplitKind>(split_index);
      page_ = 0;
    }
  }
  ImGui::EndDisabled();
  ImGui::SameLine();
  const char* preview = klass_ < 0 ? tr(Str::kAllClasses) : class_name(klass_);
  // Beside the split when its text fits there, else on its own line (a phone's 44 px controls).
  const float need = ImGui::CalcTextSize(preview).x + ImGui::GetFrameHeight() + 2 * ImGui::GetStyle().FramePadding.x;
  if (ImGui::GetContentRegionAvail().x < need) ImGui::NewLine();
  ImGui::SetNextItemWidth(std::max(90.0f, ImGui::GetContentRegionAvail().x));
  const bool class_open = ImGui::BeginCombo("##class", preview);
  if (!class_open) check_frame_text(preview, ImGui::GetFrameHeight());
  if (class_open) {
    if (ImGui::Selectable(tr(Str::kAllClasses), klass_ < 0)) klass_ = -1, page_ = 0;
    for (int c = 0; c < kNumClasses; ++c) {
      if (ImGui::Selectable(class_name(c), klass_ == c)) klass_ = c, page_ = 0;
    }
    ImGui::EndCombo();
  }

  // A confusion cell's images are neither Browse nor Hardest: no radio button looks chosen.
  int mode = static_cast<int>(mode_);
  radio_ = mode == 2 ? -1 : mode;
  back_ = {};
  tip_.clear();
  if (ImGui::RadioButton(tr(Str::kModeBrowse), &mode, 0)) mode_ = SampleMode::kBrowse, page_ = 0;
  ImGui::SameLine();
  ImGui::BeginDisabled(!run.has_model());
  if (ImGui::RadioButton(tr(Str::kModeHardest), &mode, 1)) mode_ = SampleMode::kHardest, page_ = 0;
  ImGui::EndDisabled();
  item_tooltip(tr(Str::kTipHardest), true);
  // The Map mode (issue 13 §2, §3): on the same row when it fits.
  ImGui::SameLine();
  const float map_w = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(tr(Str::kModeMap)).x;
  if (ImGui::GetContentRegionAvail().x < map_w) ImGui::NewLine();
  ImGui::BeginDisabled(!run.has_model());
  if (ImGui::RadioButton(tr(Str::kModeMap), &mode, 3)) mode_ = SampleMode::kMap, page_ = 0;
  ImGui::EndDisabled();
  map_radio_ = {ImGui::GetItemRectMin(), ImGui::GetItemRectMax()};
  item_tooltip(tr(Str::kTipMap), true);
  if (mode_ == SampleMode::kMap) return map_.draw(s, input, input_key);
  if (mode_ == SampleMode::kCell) {  // on its own line; Back beside it when it fits, else below
    std::snprintf(buf, sizeof(buf), tr(Str::kFmtCellFilter), class_name(truth_),
                  predicted_name(predicted_));
    ImGui::TextColored(to_vec4(truth_ == predicted_ ? kGood : kBad), "%s", buf);
    const char* back = tr(Str::kButtonBackToBrowse);
    const float back_w = ImGui::CalcTextSize(back).x + 2 * ImGui::GetStyle().FramePadding.x;
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < back_w) ImGui::NewLine();
    if (ImGui::SmallButton(back)) mode_ = SampleMode::kBrowse, page_ = 0;
    back_ = {ImGui::GetItemRectMin(), ImGui::GetItemRectMax()};
  }

  rebuild_items(s);

  // --- Grid geometry ---
  const float line_h = ImGui::GetTextLineHeight();
  const ImVec2 sp(6, 6);
  const float img = 56.0f;  // 4× a 14×14 image, 2× a 28×28 one
  const float cell_w = std::max(img, ImGui::CalcTextSize("Ankle boot 99%").x * 0.82f);
  const float cell_h = img + 2 * line_h + 4;
  const float pager_h = ImGui::GetFrameHeightWithSpacing();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const int cols = std::max(1, static_cast<int>((avail.x + sp.x) / (cell_w + sp.x)));
  const int rows = std::max(1, static_cast<int>((avail.y - pager_h + sp.y) / (cell_h + sp.y)));
  const int page_size = cols * rows;
  update_page(s, page_size, cols);

  // --- Pager ---
  const int n = static_cast<int>(items_.size());
  const int pages = std::max(1, (n + page_size - 1) / page_size);
  ImGui::BeginDisabled(page_ == 0);
  if (ImGui::ArrowButton("##prev", ImGuiDir_Left)) --page_;
  ImGui::EndDisabled();
  ImGui::SameLine();
  std::snprintf(buf, sizeof(buf), tr(Str::kFmtPage), page_ + 1, pages, format_count(n).c_str());
  ImGui::TextUnformatted(buf);
  ImGui::SameLine();
  ImGui::BeginDisabled(page_ + 1 >= pages);
  if (ImGui::ArrowButton("##next", ImGuiDir_Right)) ++page_;
  ImGui::EndDisabled();
  if (ImGui::IsWindowHovered() && ImGui::GetIO().MouseWheel != 0 && ImGui::GetIO().KeyShift) {
    page_ = std::clamp(page_ - static_cast<int>(ImGui::GetIO().MouseWheel), 0, pages - 1);
  }
  if (n == 0) {
    ImGui::TextDisabled("%s", mode_ == SampleMode::kBrowse ? tr(Str::kNoSamples)
                                                           : tr(Str::kNoMistakesYet));
    return false;
  }

  // --- Cells --- Two passes so the page costs two draw calls: all images (one atlas texture),
  // then all borders and text (the font texture).
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  auto cell_origin = [&](size_t k) {
    const int col = static_cast<int>(k) % cols, row = static_cast<int>(k) / cols;
    return ImVec2(origin.x + col * (cell_w + sp.x), origin.y + row * (cell_h + sp.y));
  };
  for (size_t k = 0; k < page_items_.size(); ++k) {
    const ImVec2 p0 = cell_origin(k);
    const ImVec2 i0(p0.x + (cell_w - img) * 0.5f, p0.y);
    ImVec2 uv0, uv1;
    atlas_.cell_uv(static_cast<int>(k) % atlas_cols_, static_cast<int>(k) / atlas_cols_, d->side(),
                       d->side(), &uv0, &uv1);
    dl->AddImage(atlas_.id(), i0, ImVec2(i0.x + img, i0.y + img), uv0, uv1);
  }
  for (size_t k = 0; k < page_items_.size(); ++k) {
    const Item& it = page_items_[k];
    const ImVec2 p0 = cell_origin(k);
    ImGui::SetCursorScreenPos(p0);
    ImGui::PushID(static_cast<int>(k));
    ImGui::InvisibleButton("cell", ImVec2(cell_w, cell_h));
    const bool hovered = ImGui::IsItemHovered();
    const bool clicked = ImGui::IsItemClicked();
    ImGui::PopID();
    const int label = it.test ? d->test_label(it.index) : d->train_label(it.index);
    const ImVec2 i0(p0.x + (cell_w - img) * 0.5f, p0.y);
    const ImVec2 i1(i0.x + img, i0.y + img);
    const bool has_pred = it.predicted >= 0;
    const bool right = has_pred && it.predicted == label;
    const ImU32 border = has_pred ? (right ? kGood : kBad) : IM_COL32(255, 255, 255, hovered ? 160 : 50);
    dl->AddRect(ImVec2(i0.x - 1, i0.y - 1), ImVec2(i1.x + 1, i1.y + 1), border, 0, 0, has_pred ? 2.0f : 1.0f);
    const float ty = i1.y + 2;
    draw_fitted(dl, ImVec2(p0.x, ty), IM_COL32(220, 220, 225, 255), class_name(label), cell_w);
    if (has_pred) {
      std::snprintf(buf, sizeof(buf), "%.0f%% %s", it.confidence * 100.0, predicted_name(it.predicted));
      draw_fitted(dl, ImVec2(p0.x, ty + line_h), right ? kGood : kBad, buf, cell_w);
    }
    if (hovered) {
      ImGui::BeginTooltip();
      // Validation images (a cell's, the hardest mistakes, the val split) are rows of the
      // training file: say which set they are in.
      const bool val = !it.test && (mode_ != SampleMode::kBrowse || split_ == SplitKind::kVal);
      if (val && it.val_pos >= 0) {  // "Validation image #N (training file #M)"
        std::snprintf(buf, sizeof(buf), tr(Str::kFmtTipValImageAt), it.val_pos, it.index);
      } else {
        std::snprintf(buf, sizeof(buf),
                      tr(it.test ? Str::kFmtTipTestImage : (val ? Str::kFmtTipValImage : Str::kFmtTipTrainImage)),
                      it.index);
      }
      tip_ = buf;
      ImGui::TextUnformatted(buf);
      ImGui::Text("%s: %s", tr(Str::kLabelTruth), class_name(label));
      if (has_pred) {
        ImGui::TextColored(to_vec4(right ? kGood : kBad), "%s: %s (%.1f%%)", tr(Str::kLabelPredicted),
                           predicted_name(it.predicted), it.confidence * 100.0);
      }
      ImGui::TextDisabled("%s", tr(Str::kTipClickToCanvas));
      ImGui::EndTooltip();
    }
    if (clicked) {
      s.canvas.load_image((it.test ? d->test_image(it.index) : d->train_image(it.index)).data(), d->side(),
                          it.test ? it.index : -1);
      clicked_any = true;
    }
  }
  // Reserve the grid's space so the window knows its content size.
  ImGui::SetCursorScreenPos(origin);
  const int used_rows = (static_cast<int>(page_items_.size()) + cols - 1) / cols;
  ImGui::Dummy(ImVec2(cols * (cell_w + sp.x) - sp.x, used_rows * (cell_h + sp.y) - sp.y));
  return clicked_any;
}

void SamplesPanel::json(JsonWriter& j) const {
  static const char* const kModes[] = {"browse", "hardest", "cell", "map"};
  static const char* const kSplits[] = {"train", "val", "test"};
  j.key("samples").begin_object();
  j.key("mode").string(kModes[static_cast<int>(mode_)]);
  j.key("split").string(kSplits[static_cast<int>(split_)]);
  j.key("class");
  if (klass_ >= 0) {
    j.integer(klass_);
  } else {
    j.null();
  }
  j.key("cell");
  if (mode_ == SampleMode::kCell) {
    j.begin_object().key("truth").integer(truth_).key("predicted").integer(predicted_).end_object();
  } else {
    j.null();
  }
  j.key("page").integer(page_);
  j.key("items").integer(static_cast<long long>(items_.size()));
  j.key("radio");  // the mode radio button shown chosen (null: neither)
  if (radio_ < 0) j.null(); else j.string(kModes[radio_]);
  j.key("back");  // Back to browsing ({x, y, w, h}), while a confusion cell's images are listed
  if (back_.second.x > back_.first.x) {
    j.begin_object().key("x").number(back_.first.x).key("y").number(back_.first.y);
    j.key("w").number(back_.second.x - back_.first.x).key("h").number(back_.second.y - back_.first.y).end_object();
  } else {
    j.null();
  }
  j.key("tooltip");  // the hovered image's tooltip title
  if (tip_.empty()) j.null(); else j.string(tip_.c_str());
  j.key("map_radio").begin_object().key("x").number(map_radio_.first.x).key("y").number(map_radio_.first.y);
  j.key("w").number(map_radio_.second.x - map_radio_.first.x).key("h").number(map_radio_.second.y - map_radio_.first.y);
  j.end_object();
  map_.json(j);  // map: the Map mode's square, its mapping, the hovered dot, the neighbour cells
  j.end_object();
}

}  // namespace fm
