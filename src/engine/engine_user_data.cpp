// The engine's user_data_* commands (protocol.h): a user's CSV files parsed chunk by chunk
// (user_data_loader.h), then made the data set every input size trains on.
#include <string>
#include <utility>

#include "core/bundle.h"
#include "core/downsample.h"
#include "engine/engine.h"

namespace fm {

namespace {

FieldWriter progress_fields(const UserDataLoader& l, std::string_view part) {
  FieldWriter w;
  w.add("part", part);
  if (const CsvParser* p = l.current(); p != nullptr && part != "names") {
    w.add("bytes", p->bytes_consumed())
        .add("images", static_cast<long long>(p->images()))
        .add("fraction", p->fraction());
  }
  return w;
}

FieldWriter bad_user_field(const char* field, const std::string& value) {
  FieldWriter w;
  w.add("field", field).add("value", value.substr(0, 64));
  return w;
}

FieldWriter status_fields(const Status& st) {
  FieldWriter w;
  write_status(w, st);
  return w;
}

}  // namespace

void Engine::on_user_data_begin(const FieldReader& f) {
  long long bytes = 0;
  if (f.has("bytes") && !f.get_whole("bytes", 0, 1LL << 50, &bytes)) {
    return refuse("user_data_begin", "bad_field", bad_user_field("bytes", f.get("bytes")));
  }
  const std::string part = f.get("part");
  const std::string format = f.get("format", "csv");
  if (format != "csv" && format != "idx") {
    return refuse("user_data_begin", "bad_field", bad_user_field("format", format));
  }
  if (!user_data_.begin(part, static_cast<uint64_t>(bytes), format == "idx")) {
    return refuse("user_data_begin", "bad_field", bad_user_field("part", part));
  }
  if (!user_data_.status()) {  // the training file, finished as the test file begins
    const Status st = user_data_.status();
    user_data_.clear();
    return refuse("user_data_begin", "status", status_fields(st));
  }
  emit(make_message("user_data_progress", progress_fields(user_data_, part)));
}

void Engine::on_user_data_chunk(const Message& m) {
  if (!user_data_.active()) return refuse("user_data_chunk", "no_user_data");
  const Status st = user_data_.feed(m.payload.data(), m.payload.size());
  if (!st) {
    user_data_.clear();
    return refuse("user_data_chunk", "status", status_fields(st));
  }
  emit(make_message("user_data_progress", progress_fields(user_data_, user_data_.part())));
}

void Engine::on_user_data_idx(const Message& m, const FieldReader& f) {
  if (!user_data_.active()) return refuse("user_data_idx", "no_user_data");
  const std::string kind = f.get("kind");
  if (kind != "images" && kind != "labels") {
    return refuse("user_data_idx", "bad_field", bad_user_field("kind", kind));
  }
  const Status st = user_data_.idx(kind == "images", m.payload.data(), m.payload.size());
  if (!st) {
    user_data_.clear();
    return refuse("user_data_idx", "status", status_fields(st));
  }
  emit(make_message("user_data_progress", progress_fields(user_data_, user_data_.part())));
}

void Engine::on_user_data_names(const Message& m) {
  if (!user_data_.active()) return refuse("user_data_names", "no_user_data");
  const Status st = user_data_.names(m.payload.data(), m.payload.size());
  if (!st) {
    user_data_.clear();
    return refuse("user_data_names", "status", status_fields(st));
  }
  emit(make_message("user_data_progress", progress_fields(user_data_, "names")));
}

void Engine::on_user_data_end() {
  if (!user_data_.active()) return refuse("user_data_end", "no_user_data");
  Dataset full, small, tiny;
  Status st = user_data_.finish(&full, &small);
  if (st) st = downsample(full, 7, &tiny);
  if (!st) return refuse("user_data_end", "status", status_fields(st));
  // The new data set replaces the one in use: its run (a model of other classes) and CV go.
  if (cv_.busy()) on_cancel_cv();
  if (trainer_.has_model() || trainer_.busy()) on_reset();
  const std::vector<std::string> names(full.class_names.begin(), full.class_names.end());
  // The data set at every input size, 14×14 (the page's default) last, with done=1.
  for (Dataset* d : {&full, &tiny, &small}) {
    std::vector<uint8_t> bytes = write_bundle(*d, 8);
    const int side = d->side;
    data_[static_cast<size_t>(input_side_index(side))] = std::make_unique<Dataset>(std::move(*d));
    const Dataset& in = *data_[static_cast<size_t>(input_side_index(side))];
    FieldWriter w;
    w.add("side", side)
        .add("train", static_cast<long long>(in.train_count()))
        .add("test", static_cast<long long>(in.test_count()))
        .add_list("names", names)
        .add("done", side == 14);
    emit(make_message("user_data", w, std::move(bytes)));
  }
}

void Engine::on_user_data_cancel() {
  user_data_.clear();
  emit(make_message("user_data_cancelled"));
}

}  // namespace fm
