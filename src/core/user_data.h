// A user's own data set as a Dataset: the training images (a CSV file or an IDX pair), the test
// images if any, and the class names (a names file, else the digits 0–9). The trainer holds out
// its seeded 20 % for validation as it does for the built-in set; downsample.h pools to 14×14.
//
// How a front end (the engine's worker, the CLI's tools/io/csv_file.cpp) builds one:
//   CSV    CsvParser fed the file chunk by chunk, then finish() (csv.h) → LabelledImages
//   IDX    the gunzipped image and label files: parse_idx_images + parse_idx_labels, then
//          make_labelled_images (idx.h) → LabelledImages
//   names  parse_class_names (class_names.h), optional
//   then make_user_dataset(train, test, names or nullptr, &full) and, for 14×14,
//   downsample(full, 14, &small). Each step returns a Status (a code and parameters): on a
//   refusal nothing of the caller's is changed.
#pragma once

#include "class_names.h"
#include "dataset.h"

namespace fm {

// `test` may be empty: the Dataset then has no test set (the trainer's test accuracy is NaN, and
// a front end says there is none). `names` null: the digits. Refused: an empty training set, more
// than kMaxImages in either part, pixels not count × 28 × 28, a label above 9. `out` is left
// alone on error.
Status make_user_dataset(LabelledImages train, LabelledImages test, const ClassNames* names,
                         Dataset* out);

}  // namespace fm
