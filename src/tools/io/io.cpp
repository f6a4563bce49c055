// File and gzip helpers for the native tools and tests.
#include "tools/io/io.h"

#include <zlib.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>

#include "core/bundle.h"
#include "core/idx.h"
#include "messages/messages.h"

namespace fm {

Status read_file(const std::string& path, std::vector<uint8_t>* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return text_error("cannot open " + path);
  out->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) return text_error("cannot read " + path);
  return Status::Ok();
}

Status write_file(const std::string& path, const std::vector<uint8_t>& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return text_error("cannot create " + path);
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  if (!out) return text_error("cannot write " + path);
  return Status::Ok();
}

bool is_gzip(const std::vector<uint8_t>& bytes) {
  return bytes.size() >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b;
}

Status gunzip(const std::vector<uint8_t>& in, std::vector<uint8_t>* out) {
  z_stream zs{};
  if (inflateInit2(&zs, 15 + 32) != Z_OK) return text_error("zlib: inflateInit failed");
  zs.next_in = const_cast<Bytef*>(in.data());
  zs.avail_in = static_cast<uInt>(in.size());
  std::vector<uint8_t> result;
  uint8_t chunk[1 << 16];
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    zs.next_out = chunk;
    zs.avail_out = sizeof(chunk);
    rc = inflate(&zs, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) {
      inflateEnd(&zs);
      return text_error(rc == Z_BUF_ERROR ? "gzip data is truncated" : "gzip data is corrupt");
    }
    result.insert(result.end(), chunk, chunk + (sizeof(chunk) - zs.avail_out));
  }
  inflateEnd(&zs);
  *out = std::move(result);
  return Status::Ok();
}

std::vector<uint8_t> gzip(const std::vector<uint8_t>& in, int level) {
  z_stream zs{};
  deflateInit2(&zs, level, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY);
  std::vector<uint8_t> out(deflateBound(&zs, static_cast<uLong>(in.size())) + 32);
  zs.next_in = const_cast<Bytef*>(in.data());
  zs.avail_in = static_cast<uInt>(in.size());
  zs.next_out = out.data();
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

std::string default_idx_dir() {
  const char* env = std::getenv("FASHION_MNIST_DIR");
  if (env && *env) return env;
  return "/usr/share/datasets/fashion-mnist";
}

namespace {
Status read_gz(const std::string& dir, const char* name, std::vector<uint8_t>* out) {
  const std::string path = dir + "/" + name;
  std::vector<uint8_t> raw;
  if (!read_file(path, &raw)) {
    return text_error("Fashion-MNIST file " + path +
                         " not found: install the Debian package dataset-fashion-mnist "
                         "(make deps), or pass --idx DIR / set FASHION_MNIST_DIR to a folder "
                         "holding the four original .gz files");
  }
  if (!is_gzip(raw)) {
    *out = std::move(raw);
    return Status::Ok();
  }
  Status s = gunzip(raw, out);
  if (!s) return text_error(path + ": " + describe(s));
  return Status::Ok();
}
}  // namespace

Status load_idx_dir(const std::string& dir, Dataset* out) {
  std::vector<uint8_t> bytes;
  IdxImages train_images, test_images;
  std::vector<uint8_t> train_labels, test_labels;
  struct Part {
    const char* name;
    IdxImages* images;
    std::vector<uint8_t>* labels;
  };
  const Part parts[] = {{"train-images-idx3-ubyte.gz", &train_images, nullptr},
                        {"train-labels-idx1-ubyte.gz", nullptr, &train_labels},
                        {"t10k-images-idx3-ubyte.gz", &test_images, nullptr},
                        {"t10k-labels-idx1-ubyte.gz", nullptr, &test_labels}};
  for (const Part& part : parts) {
    Status s = read_gz(dir, part.name, &bytes);
    if (!s) return s;
    s = part.images ? parse_idx_images(bytes.data(), bytes.size(), part.images)
                    : parse_idx_labels(bytes.data(), bytes.size(), part.labels);
    if (!s) return text_error(dir + "/" + part.name + ": " + describe(s));
  }
  return make_dataset(std::move(train_images), std::move(train_labels), std::move(test_images),
                      std::move(test_labels), out);
}

Status load_bundle_file(const std::string& path, Dataset* out) {
  std::vector<uint8_t> raw, bytes;
  Status s = read_file(path, &raw);
  if (!s) {
    return text_error("bundle " + path + " not found: build it with `make bundle` or "
                         "`fmnist bundle --out " + path + "`, or pass --bundle FILE / --idx DIR");
  }
  if (is_gzip(raw)) {
    s = gunzip(raw, &bytes);
    if (!s) return text_error(path + ": " + describe(s));
  } else {
    bytes = std::move(raw);
  }
  s = parse_bundle(bytes.data(), bytes.size(), out);
  if (!s) return text_error(path + ": " + describe(s));
  return Status::Ok();
}

}  // namespace fm
