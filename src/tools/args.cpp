// Strict flag parsing for the fmnist subcommands.
#include "tools/args.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <sstream>

#include "messages/messages.h"

namespace fm {

Status Args::parse(int argc, char** argv, int first) {
  for (int i = first; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      help_ = true;
      continue;
    }
    if (arg.rfind("--", 0) != 0 || arg.size() == 2) {
      positional_.push_back(arg);
      continue;
    }
    std::string name = arg.substr(2), value;
    const size_t eq = name.find('=');
    const bool inline_value = eq != std::string::npos;
    if (inline_value) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
    }
    const FlagSpec* spec = nullptr;
    for (const FlagSpec& s : specs_) {
      if (s.name == name) spec = &s;
    }
    if (!spec) {
      return text_error("unknown flag --" + name + " for `fmnist " + command_ + "` (see fmnist " +
                           command_ + " --help)");
    }
    if (spec->takes_value && !inline_value) {
      if (i + 1 >= argc) return text_error("flag --" + name + " needs a value");
      value = argv[++i];
    } else if (!spec->takes_value && inline_value) {
      return text_error("flag --" + name + " takes no value");
    }
    values_[name] = value;
  }
  return Status::Ok();
}

std::string Args::usage(const std::string& synopsis, const std::string& description) const {
  std::ostringstream out;
  out << "usage: fmnist " << command_ << " " << synopsis << "\n\n" << description << "\n";
  if (!specs_.empty()) out << "\nflags:\n";
  for (const FlagSpec& s : specs_) {
    std::string left = "  --" + s.name + (s.takes_value ? " VALUE" : "");
    if (left.size() < 24) left.resize(24, ' ');
    out << left << " " << s.help << "\n";
  }
  return out.str();
}

std::string Args::get(const std::string& name, const std::string& fallback) const {
  auto it = values_.find(name);
  return it == values_.end() ? fallback : it->second;
}

Status Args::get_int(const std::string& name, long long fallback, long long lo, long long hi,
                     long long* out) const {
  auto it = values_.find(name);
  if (it == values_.end()) {
    *out = fallback;
    return Status::Ok();
  }
  errno = 0;
  char* end = nullptr;
  const long long v = std::strtoll(it->second.c_str(), &end, 10);
  if (it->second.empty() || *end != '\0' || errno == ERANGE || v < lo || v > hi) {
    return text_error("--" + name + " must be a whole number from " + std::to_string(lo) +
                         " to " + std::to_string(hi) + " (got '" + it->second + "')");
  }
  *out = v;
  return Status::Ok();
}

Status Args::get_double(const std::string& name, double fallback, double* out) const {
  auto it = values_.find(name);
  if (it == values_.end()) {
    *out = fallback;
    return Status::Ok();
  }
  char* end = nullptr;
  const double v = std::strtod(it->second.c_str(), &end);
  if (it->second.empty() || *end != '\0' || !std::isfinite(v)) {
    return text_error("--" + name + " must be a number (got '" + it->second + "')");
  }
  *out = v;
  return Status::Ok();
}

}  // namespace fm
