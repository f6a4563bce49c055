// Reading a user's data files for the CLI: a CSV file of images streamed through the core's
// CsvParser (gunzipped on the fly when it is gzip'd), and a class-names file.
#pragma once

#include <string>

#include "core/class_names.h"
#include "core/dataset.h"

namespace fm {

// Reads `path` in 1 MiB chunks into the parser: the text is never held whole, gzip'd or not.
// `seconds`, if given, gets the time the read and parse took. Refusals start with the path.
Status read_csv_file(const std::string& path, LabelledImages* out, double* seconds = nullptr);
// Reads and parses a class-names file (core/class_names.h). Refusals start with the path.
Status read_class_names_file(const std::string& path, ClassNames* out);

}  // namespace fm
