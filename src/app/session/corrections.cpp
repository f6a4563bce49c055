// "My sketches" and the fine-tune's events, followed for the page.
#include "app/session/corrections.h"

#include <algorithm>
#include <utility>

namespace fm {

bool Corrections::remove(size_t index) {
  if (index >= sketches_.size()) return false;
  if (pending_ && index + 1 == sketches_.size()) pending_ = false;
  sketches_.erase(sketches_.begin() + static_cast<std::ptrdiff_t>(index));
  ++version_;
  return true;
}

void Corrections::clear() {
  sketches_.clear();
  pending_ = false;
  ++version_;
}

Status Corrections::import_json(const uint8_t* bytes, size_t size) {
  std::vector<SketchFile> more;
  const Status st = parse_sketch_set(bytes, size, &more);
  if (!st) return st;
  if (sketches_.size() + more.size() > kMaxSketchSetSize) {
    return Status::Error(ErrorCode::kSketchSetTooMany, {param(kMaxSketchSetSize)});
  }
  for (SketchFile& f : more) sketches_.push_back(std::move(f));
  ++version_;
  return Status::Ok();
}

Status Corrections::restore_json(const std::string& text) {
  std::vector<SketchFile> set;
  const Status st = parse_sketch_set(reinterpret_cast<const uint8_t*>(text.data()), text.size(), &set);
  if (!st) return st;
  sketches_ = std::move(set);
  pending_ = false;
  ++version_;
  return Status::Ok();
}

void Corrections::sent(SketchFile sketch) {
  sketches_.push_back(std::move(sketch));
  pending_ = true;
  running_ = true;
  fraction_ = 0;
  steps_done_ = 0;
  can_undo_ = false;
  fix_ = LastFix();
  fix_.label = sketches_.back().label;
  has_fix_ = false;
  ++version_;
}

bool Corrections::on_event(std::string_view type, const FieldReader& f) {
  if (type == "correct_progress") {
    double fraction = 0;
    long long done = 0, steps = 0;
    f.get_double("fraction", &fraction);
    f.get_whole("steps_done", 0, 1 << 30, &done);
    f.get_whole("steps", 0, 1 << 30, &steps);
    running_ = fraction < 1;
    fraction_ = static_cast<float>(fraction);
    steps_done_ = static_cast<int>(done);
    steps_ = static_cast<int>(steps);
    return true;
  }
  if (type == "corrected") {
    long long v = 0;
    const auto whole = [&](const char* key) { return f.get_whole(key, -1, 1 << 30, &v) ? static_cast<int>(v) : -1; };
    fix_.before = whole("before");
    fix_.after = whole("after");
    fix_.steps = whole("steps");
    f.get_float("before_p", &fix_.before_p);
    f.get_float("after_p", &fix_.after_p);
    f.get_float("val_before", &fix_.val_before);
    f.get_float("val_after", &fix_.val_after);
    f.get_double("compute_s", &fix_.compute_s);
    applied_ = std::max(0, whole("corrections"));
    has_fix_ = true;
    running_ = false;
    pending_ = false;
    fraction_ = 1;
    can_undo_ = true;
    return true;
  }
  if (type == "correction_undone") {
    long long n = 0;
    if (f.get_whole("corrections", 0, 1 << 30, &n)) applied_ = static_cast<int>(n);
    can_undo_ = false;
    return true;
  }
  if (type == "error" && f.get("command") == "correct") {
    // Refused: the sketch it would have taught leaves the set again (it was never learnt).
    if (pending_ && !sketches_.empty()) {
      sketches_.pop_back();
      ++version_;
    }
    pending_ = false;
    running_ = false;
    fraction_ = 0;
    return false;  // the Session words the refusal
  }
  return false;
}

void Corrections::model_replaced(int applied) {
  running_ = false;
  pending_ = false;
  fraction_ = 0;
  has_fix_ = false;
  fix_ = LastFix();
  applied_ = applied;
  can_undo_ = false;
}

}  // namespace fm
