#!/usr/bin/env python3
"""Writes the small seed corpora in seeds/: tiny valid IDX files and bundles (the formats in
src/core/bundle.h, src/core/idx.h and assets/README.md). Model seeds come from `fmnist train --save`."""
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
