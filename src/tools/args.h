// Command-line flags for the fmnist subcommands: declared per subcommand, parsed strictly
// (unknown flag, missing value or bad number → one clear line), read with typed getters.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/types.h"

namespace fm {

struct FlagSpec {
  std::string name;  // without the leading "--"
  bool takes_value;
  std::string help;
};

class Args {
 public:
  Args(std::string command, std::vector<FlagSpec> specs) : command_(std::move(command)), specs_(std::move(specs)) {}
  // Parses argv[first..]; positional arguments are kept in order. --help sets help().
  Status parse(int argc, char** argv, int first);
  bool help() const { return help_; }
  std::string usage(const std::string& synopsis, const std::string& description) const;

  bool has(const std::string& name) const { return values_.count(name) != 0; }
  std::string get(const std::string& name, const std::string& fallback) const;
  // Typed getters: the fallback when the flag is absent, an error naming the flag when malformed.
  Status get_int(const std::string& name, long long fallback, long long lo, long long hi, long long* out) const;
  Status get_double(const std::string& name, double fallback, double* out) const;
  const std::vector<std::string>& positional() const { return positional_; }

 private:
  std::string command_;
  std::vector<FlagSpec> specs_;
  std::map<std::string, std::string> values_;
  std::vector<std::string> positional_;
  bool help_ = false;
};

}  // namespace fm
