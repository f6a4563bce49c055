// The engine's explanation answers as the page keeps them (issue 13 §2, §3): the latest map (a
// labelled point per validation image) and the latest neighbours answer for the sketch (its 8
// nearest images and its dot), both from the engine's index of one weights snapshot. Cleared
// when a run starts, is imported or reset. Plain C++: native tests feed it the engine's events.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/protocol.h"

namespace fm {

struct MapData {
  int epoch = -1;            // −1: no map yet
  std::vector<float> rows;   // x, y, label per validation image (validation order)
  std::string space, neighbour_space, neighbour_set;
  int dim = 0;
  double compute_ms = 0, wall_ms = 0;
  uint64_t version = 0;      // grows with each map
  size_t count() const { return rows.size() / 3; }
};

struct NeighboursData {
  int epoch = -1;  // the index's epoch; −1: no answer with an index
  std::string set, space;
  struct Item {
    int32_t index = 0;  // a row of the training file
    int label = 0;
    float distance = 0;
  };
  std::vector<Item> items;
  float x = 0, y = 0;
  double ms = 0;  // the engine's query time
};

class ExplainData {
 public:
  // Applies map, neighbours, started, imported and reset; true when something shown changed.
  bool apply(const Message& event);
  void clear();
  const MapData& map() const { return map_; }
  const NeighboursData& neighbours() const { return neighbours_; }
  // The neighbours answer belongs to the map shown (same weights): the dot may be drawn.
  bool sketch_on_map() const { return neighbours_.epoch >= 0 && neighbours_.epoch == map_.epoch; }

  // Asking: the page sends at most one neighbours command at a time; a newer input waits for the
  // answer and replaces any older waiting one. `key` names the input and the map it is for.
  // Returns the message to post now, if any.
  bool ask(const std::string& key, const std::vector<float>& input, Message* out);
  void refused() { in_flight_ = false; }  // the engine answered the request with an error
  void worker_restarted() { in_flight_ = has_waiting_ = false, asked_key_.clear(), waiting_.clear(); }

 private:
  Message request(const std::vector<float>& input);
  MapData map_;
  NeighboursData neighbours_;
  bool in_flight_ = false;
  long long next_id_ = 1, answered_id_ = 0;
  std::string asked_key_, waiting_key_;
  std::vector<float> waiting_;
  bool has_waiting_ = false;

 public:
  // The message to post after an answer arrived, if an input was waiting (EngineClient posts it).
  bool take_waiting(Message* out);
};

}  // namespace fm
