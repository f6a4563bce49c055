#include "app/explain/attribution_view.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/json_writer.h"
#include "app/session/session.h"

namespace fm {

const std::vector<float>& AttributionView::baseline(const Session& s, int side) {
  if (mean_side_ == side && mean_data_ == s.data_generation()) return mean_;
  mean_side_ = side;
  mean_data_ = s.data_generation();
  mean_.assign(static_cast<size_t>(side) * side, 0.0f);
  const BundleView& data = s.bundle(side).data;
  if (!data.loaded() || data.side() != side || data.train_count() == 0) return mean_;
  // The mean of the training file's images (the page's bundle holds no other split to average).
  std::vector<double> sum(mean_.size(), 0.0);
  for (Index i = 0; i < data.train_count(); ++i) {
    const std::vector<uint8_t> img = data.train_image(i);
    for (size_t p = 0; p < sum.size(); ++p) sum[p] += img[p];
  }
  for (size_t p = 0; p < sum.size(); ++p) {
    mean_[p] = static_cast<float>(sum[p] / (255.0 * static_cast<double>(data.train_count())));
  }
  return mean_;
}

void AttributionView::pick(int cls) {
  picked_ = cls == picked_ || cls < 0 || cls >= kNumClasses ? -1 : cls;
}

void AttributionView::update(const Session& s, const std::vector<float>& input, int side, int top,
                             const std::string& input_key) {
  const RunView& run = s.run();
  if (input.empty() || top < 0 || !run.shown_has_weights() || run.shown_network().arch().inputs != side * side) {
    map_.clear();
    key_.clear();
    cls_ = -1;
    return;
  }
  const int cls = picked_ >= 0 ? picked_ : top;
  char key[160];
  std::snprintf(key, sizeof(key), "%s/%d", input_key.c_str(), cls);
  // New weights alone, while a run sends them (~10 a second), redo the map at most once a second:
  // the book CNN's integrated gradients take tens of ms on this thread, and drawing must stay
  // smooth. A finished or paused run's last weights, a new model, a drawing or a class: at once.
  const double now = ImGui::GetTime();
  const bool same_model = attributor_ && attributor_->arch() == run.shown_network().arch();
  if (key_ == key && same_model &&
      (weights_ == run.shown_version() || (s.running() && now - computed_at_ < 1.0))) {
    return;
  }
  key_ = key;
  weights_ = run.shown_version();
  computed_at_ = now;
  if (!attributor_ || attributor_->arch() != run.shown_network().arch()) {
    attributor_ = std::make_unique<Attributor>(run.shown_network().arch());
  }
  const std::vector<float>& mean = baseline(s, side);
  if (mean.size() != input.size()) {
    map_.clear();
    return;
  }
  map_.resize(input.size());
  side_ = side;
  cls_ = cls;
  result_ = attributor_->attribute(run.shown_network().params(), input.data(), mean.data(), cls, map_.data());
  max_abs_ = 0;
  for (float v : map_) max_abs_ = std::max(max_abs_, std::fabs(v));
}

ImU32 AttributionView::colour(float v, float opacity) const {
  // Red for, blue against; opacity by the share of the largest contribution (√: small ones show).
  const float a = max_abs_ > 0 ? std::sqrt(std::min(1.0f, std::fabs(v) / max_abs_)) : 0.0f;
  const int alpha = static_cast<int>(std::lround(a * opacity));
  return v >= 0 ? IM_COL32(255, 60, 40, alpha) : IM_COL32(50, 120, 255, alpha);
}

void AttributionView::draw_square(ImDrawList* dl, ImVec2 p0, float size) const {
  if (map_.empty()) return;
  const float cell = size / static_cast<float>(side_);
  for (int y = 0; y < side_; ++y) {
    for (int x = 0; x < side_; ++x) {
      const float v = map_[static_cast<size_t>(y * side_ + x)];
      if (v == 0.0f) continue;
      dl->AddRectFilled(ImVec2(p0.x + x * cell, p0.y + y * cell),
                        ImVec2(p0.x + (x + 1) * cell, p0.y + (y + 1) * cell), colour(v, 210.0f));
    }
  }
}

void AttributionView::draw_mapped(ImDrawList* dl, ImVec2 p0, float k, float scale, float dx, float dy) const {
  if (map_.empty() || scale <= 0) return;
  for (int y = 0; y < side_; ++y) {
    for (int x = 0; x < side_; ++x) {
      const float v = map_[static_cast<size_t>(y * side_ + x)];
      if (v == 0.0f) continue;
      const ImVec2 a(p0.x + (static_cast<float>(x) - dx) / scale * k, p0.y + (static_cast<float>(y) - dy) / scale * k);
      const ImVec2 b(p0.x + (static_cast<float>(x + 1) - dx) / scale * k, p0.y + (static_cast<float>(y + 1) - dy) / scale * k);
      dl->AddRectFilled(a, b, colour(v, 140.0f));
    }
  }
}

void AttributionView::json(JsonWriter& j, const std::function<void(JsonWriter&)>& more) const {
  j.key("explain").begin_object();
  if (more) more(j);
  if (map_.empty()) {
    j.key("class").null();
    j.end_object();
    return;
  }
  j.key("class").integer(cls_);
  j.key("picked").boolean(picked_ >= 0);
  // The five largest contributions by size, either sign: [x, y, weight].
  std::vector<int> order(map_.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  const size_t n = std::min<size_t>(5, order.size());
  std::partial_sort(order.begin(), order.begin() + static_cast<long>(n), order.end(), [&](int a, int b) {
    return std::fabs(map_[static_cast<size_t>(a)]) > std::fabs(map_[static_cast<size_t>(b)]);
  });
  j.key("top_pixels").begin_array();
  for (size_t i = 0; i < n; ++i) {
    const int p = order[i];
    j.begin_array().integer(p % side_).integer(p / side_).number(map_[static_cast<size_t>(p)]).end_array();
  }
  j.end_array();
  j.key("sum").number(result_.sum);
  j.key("logit_gap").number(result_.logit_gap);
  j.key("steps").integer(result_.steps);
  j.end_object();
}

}  // namespace fm
