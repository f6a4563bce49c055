// ExplainData: the map and neighbours events, and one neighbours request in flight at a time.
#include "app/engine_client/explain_data.h"

#include <string>

namespace fm {

void ExplainData::clear() {
  const uint64_t v = map_.version;
  map_ = MapData{};
  map_.version = v + 1;
  neighbours_ = NeighboursData{};
}

bool ExplainData::apply(const Message& m) {
  const std::string_view type = message_type(m);
  const FieldReader f = message_fields(m);
  if (type == "started" || type == "imported" || type == "reset") {
    clear();
    return true;
  }
  if (type == "map") {
    long long epoch = -1, dim = 0;
    f.get_whole("epoch", -1, 1 << 30, &epoch);
    f.get_whole("dim", 0, 1 << 20, &dim);
    const uint64_t v = map_.version;
    map_ = MapData{};
    map_.version = v + 1;
    map_.epoch = static_cast<int>(epoch);
    map_.dim = static_cast<int>(dim);
    map_.rows = bytes_to_floats(m.payload);
    map_.rows.resize(map_.rows.size() / 3 * 3);
    map_.space = f.get("space");
    map_.neighbour_space = f.get("neighbour_space");
    map_.neighbour_set = f.get("neighbour_set");
    f.get_double("compute_ms", &map_.compute_ms);
    f.get_double("wall_ms", &map_.wall_ms);
    return true;
  }
  if (type != "neighbours") return false;
  long long id = 0, epoch = -1;
  f.get_whole("id", 0, 1LL << 40, &id);
  in_flight_ = false;
  if (id < answered_id_) return false;  // an older answer than the one shown
  answered_id_ = id;
  f.get_whole("epoch", -1, 1 << 30, &epoch);
  NeighboursData n;
  n.epoch = static_cast<int>(epoch);
  n.set = f.get("set");
  n.space = f.get("space");
  const std::vector<std::string> idx = f.get_list("indices"), lab = f.get_list("labels"),
                                  dist = f.get_list("distances");
  for (size_t i = 0; i < idx.size() && i < lab.size() && i < dist.size(); ++i) {
    n.items.push_back({static_cast<int32_t>(std::stol(idx[i])), std::stoi(lab[i]), std::stof(dist[i])});
  }
  f.get_float("x", &n.x);
  f.get_float("y", &n.y);
  f.get_double("ms", &n.ms);
  neighbours_ = std::move(n);
  return true;
}

Message ExplainData::request(const std::vector<float>& input) {
  in_flight_ = true;
  FieldWriter w;
  w.add("id", next_id_++);
  return make_message("neighbours", w, float_bytes(input.data(), input.size()));
}

bool ExplainData::ask(const std::string& key, const std::vector<float>& input, Message* out) {
  if (key == asked_key_ || (has_waiting_ && key == waiting_key_)) return false;
  if (in_flight_) {
    waiting_key_ = key;
    waiting_ = input;
    has_waiting_ = true;
    return false;
  }
  asked_key_ = key;
  *out = request(input);
  return true;
}

bool ExplainData::take_waiting(Message* out) {
  if (in_flight_ || !has_waiting_) return false;
  has_waiting_ = false;
  asked_key_ = waiting_key_;
  *out = request(waiting_);
  return true;
}

}  // namespace fm
