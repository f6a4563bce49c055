#!/usr/bin/env python3
"""Writes the small seed corpora in seeds/: tiny valid IDX files and bundles (the formats in
src/core/bundle.h, src/core/idx.h and assets/README.md), CSV files of images (src/core/csv.h; the
first byte is fuzz_csv's mode: bit 0 puts a header first, bits 1-3 pick the chunk size) and
class-names files. Model seeds come from `fmnist train --save`."""
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))


def write(target, name, data):
    with open(os.path.join(HERE, "seeds", target, name), "wb") as f:
        f.write(data)


def idx_images(count, rows, cols):
    pixels = bytes((i * 37) % 256 for i in range(count * rows * cols))
    return struct.pack(">IIII", 0x803, count, rows, cols) + pixels


def bundle(side, bits, train, test):
    names = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
             "Sneaker", "Bag", "Ankle boot"]
    labels = bytes(i % 10 for i in range(train)) + bytes(i % 10 for i in range(test))
    n = (train + test) * side * side
    pixels = bytes((i * 13) % (16 if bits == 4 else 256) for i in range(n))
    payload = labels + pixels
    header = b"FMNB" + struct.pack("<IIIII", 1, side, bits, train, test)
    header += b"".join(x.encode().ljust(24, b"\0") for x in names)
    return header + struct.pack("<I", zlib.crc32(payload)) + payload


write("fuzz_idx", "images-2x3x3", idx_images(2, 3, 3))
write("fuzz_idx", "labels-4", struct.pack(">II", 0x801, 4) + bytes([1, 2, 3, 9]))
write("fuzz_bundle", "bundle-14-8bit", bundle(14, 8, 3, 2))
write("fuzz_bundle", "bundle-14-4bit", bundle(14, 4, 2, 1))


def csv_header(names="pixel"):
    if names == "pixel0":
        cols = ["pixel%d" % (c - 1) for c in range(1, 785)]
    elif names == "1x1":
        cols = ["%dx%d" % ((c - 1) // 28 + 1, (c - 1) % 28 + 1) for c in range(1, 785)]
    else:
        cols = ["pixel%d" % c for c in range(1, 785)]
    return "label," + ",".join(cols)


def csv_row(n, label=None):
    pixels = [(n * 31 + c * 7) % 256 if (c // 28 + n) % 3 else 0 for c in range(784)]
    return str(n % 10 if label is None else label) + "," + ",".join(map(str, pixels))


def seed(mode, text):
    return bytes([mode]) + (text.encode() if isinstance(text, str) else text)


os.makedirs(os.path.join(HERE, "seeds", "fuzz_csv"), exist_ok=True)
os.makedirs(os.path.join(HERE, "seeds", "fuzz_names"), exist_ok=True)
write("fuzz_csv", "lf-3-rows", seed(0x00, csv_header() + "\n" + "\n".join(csv_row(n) for n in range(3)) + "\n"))
write("fuzz_csv", "header-given-2-rows", seed(0x01, "\n".join(csv_row(n) for n in range(2)) + "\n"))
write("fuzz_csv", "header-given-crlf-chunks-785", seed(0x0B, "\r\n".join(csv_row(n) for n in range(3))))
write("fuzz_csv", "bom-pixel0", seed(0x02, b"\xef\xbb\xbf" + (csv_header("pixel0") + "\r\n" + csv_row(7) + "\r\n").encode()))
write("fuzz_csv", "rxc-header", seed(0x04, csv_header("1x1") + "\n" + csv_row(4) + "\n\n"))
write("fuzz_csv", "label-12", seed(0x03, csv_row(1) + "\n" + csv_row(2, label=12) + "\n"))
write("fuzz_csv", "short-row", seed(0x05, csv_row(1) + "\n" + csv_row(2).rsplit(",", 1)[0] + "\n"))
write("fuzz_csv", "gzip", seed(0x00, b"\x1f\x8b\x08\x00\x00\x00\x00\x00"))
write("fuzz_csv", "idx", seed(0x06, idx_images(1, 2, 2)))
names = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]
write("fuzz_names", "fashion", ("\n".join(names) + "\n").encode())
write("fuzz_names", "crlf-bom-korean", b"\xef\xbb\xbf" + "\r\n".join(["티셔츠", "바지", "풀오버", "드레스", "코트", "샌들", "셔츠", "운동화", "가방", "앵클부츠"]).encode())
write("fuzz_names", "digits-spaces", "".join("  class %d \t\n" % i for i in range(10)).encode() + b"\n\n")
