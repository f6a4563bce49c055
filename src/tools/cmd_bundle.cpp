// `fmnist bundle`: original IDX files → the gzip'd bundle the page loads (format: assets/README.md).
#include <cstdio>

#include "core/bundle.h"
#include "core/downsample.h"
#include "tools/commands.h"
#include "tools/io/io.h"

namespace fm {

int cmd_bundle(int argc, char** argv) {
  Args args("bundle", {kIdxFlag,
                       {"side", true, "14 (2×2 mean pooling, the default), 28 (full resolution) or 7 (4×4 mean pooling)"},
                       {"bits", true, "grey levels stored: 8 (256 levels, default) or 4 (16 levels)"},
                       {"out", true, "output file (required), e.g. assets/fashion-mnist-14.bin"}});
  Status s = args.parse(argc, argv, 2);
  if (!s) return fail("bundle", s, 2);
  if (args.help()) {
    std::printf("%s", args.usage("--out FILE [--side 14|28|7] [--idx DIR] [--bits 8|4]",
                                 "Reads the four gzip'd IDX files (--idx DIR, else $FASHION_MNIST_DIR, else\n"
                                 "/usr/share/datasets/fashion-mnist), downsamples and writes the bundle.").c_str());
    return 0;
  }
  long long side = 14, bits = 8;
  if (!(s = args.get_int("side", 14, 0, 1000, &side)) || !is_input_side(static_cast<int>(side))) {
    return fail("bundle", s ? "--side must be 7, 14 or 28" : describe(s), 2);
  }
  if (!(s = args.get_int("bits", 8, 4, 8, &bits)) || (bits != 8 && bits != 4)) {
    return fail("bundle", s ? "--bits must be 8 or 4" : describe(s), 2);
  }
  const std::string out = args.get("out", "");
  if (out.empty()) return fail("bundle", "--out FILE is required", 2);

  Dataset full, data;
  s = load_idx_dir(args.get("idx", default_idx_dir()), &full);
  if (!s) return fail("bundle", s);
  s = downsample(full, static_cast<int>(side), &data);
  if (!s) return fail("bundle", s);
  const std::vector<uint8_t> raw = write_bundle(data, static_cast<int>(bits));
  const std::vector<uint8_t> packed = gzip(raw);
  s = write_file(out, packed);
  if (!s) return fail("bundle", s);
  std::printf("wrote %s: %lld train + %lld test images, %d×%d, %lld-bit, %.2f MB (%.2f MB before gzip)\n",
              out.c_str(), static_cast<long long>(data.train_count()),
              static_cast<long long>(data.test_count()), data.side, data.side, bits,
              packed.size() / 1e6, raw.size() / 1e6);
  return 0;
}

}  // namespace fm
