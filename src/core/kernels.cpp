// 128-bit kernels: register-blocked products for the layers' shapes, byte → float conversion,
// a vector exp and the optimizer updates. Vector extensions: SSE natively, SIMD128 in wasm.
#include "core/kernels.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#elif defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace fm {
namespace kernels {

namespace {

using std::ptrdiff_t;

typedef float f32x4 __attribute__((vector_size(16)));
typedef int32_t i32x4 __attribute__((vector_size(16)));
typedef uint32_t u32x4 __attribute__((vector_size(16)));
typedef uint8_t u8x16 __attribute__((vector_size(16)));
typedef uint8_t u8x4 __attribute__((vector_size(4)));

// Unaligned loads and stores (memcpy is the portable spelling; it compiles to one instruction).
inline f32x4 load(const float* p) {
  f32x4 v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
inline void store(float* p, f32x4 v) { std::memcpy(p, &v, sizeof v); }
inline f32x4 splat(float x) { return f32x4{x, x, x, x}; }
inline f32x4 sqrt4(f32x4 v) {  // correctly rounded, like std::sqrt per lane
#if defined(__wasm_simd128__)
  return reinterpret_cast<f32x4>(wasm_f32x4_sqrt(reinterpret_cast<v128_t>(v)));
#elif defined(__SSE2__)
  return reinterpret_cast<f32x4>(_mm_sqrt_ps(reinterpret_cast<__m128>(v)));
#else
  return f32x4{std::sqrt(v[0]), std::sqrt(v[1]), std::sqrt(v[2]), std::sqrt(v[3])};
#endif
}
inline f32x4 select(i32x4 mask, f32x4 a, f32x4 b) {  // mask ? a : b, lane by lane
  return reinterpret_cast<f32x4>((mask & reinterpret_cast<i32x4>(a)) |
                                 (~mask & reinterpret_cast<i32x4>(b)));
}
inline f32x4 relu(f32x4 v) {
  const i32x4 positive = v > f32x4{0, 0, 0, 0};  // all ones where v > 0 (false for NaN)
  return reinterpret_cast<f32x4>(reinterpret_cast<i32x4>(v) & positive);
}

// The shapes that matter: 10 or 100 rows, 32 columns per batch (2,000 when evaluating), 100–784
// inputs. Tiles keep their accumulators in registers for the whole reduction. An edge that is
// not a multiple of 4 is covered by a last vector shifted back to end at the edge, so no load or
// store leaves the matrix, and the overlap is recomputed with identical bits.

// --- gemm_nn: C = A·B (+ bias); vectors run down C's columns (A's columns are contiguous) ---

// Row block of MV vectors (starting at rows[v]) × NC columns of C; the k-loop keeps MV·NC
// accumulators, each step loading MV vectors of A's column p and splatting NC values of B's row p.
// Tile sizes only change speed, never results (each element's summation order is fixed). They
// were picked with tests/bench/kernel_bench.cpp: V8 (AVX encodings, 3-operand) holds a 12×4 tile
// of accumulators in its 16 registers; GCC's 2-operand SSE code spills it and does best at 12×3;
// wasm without SIMD128 (vectors lowered to scalars) wants small tiles.
#if defined(__wasm__) && !defined(__wasm_simd128__)
#define FM_TILES_DEFAULT 1, 2, 1
#elif defined(__wasm__)
#define FM_TILES_DEFAULT 3, 4, 2
#else
#define FM_TILES_DEFAULT 3, 3, 2
#endif
#ifndef FM_TILES  // row vectors × columns of a gemm_nn tile, column vectors of a gemm_nt tile
#define FM_TILES FM_TILES_DEFAULT
#endif
constexpr int kTiles[] = {FM_TILES};
constexpr int kNnRowVectors = kTiles[0];
constexpr int kNnCols = kTiles[1];

template <int MV, int NC>
void nn_tile(ptrdiff_t k, const float* a, ptrdiff_t lda, const ptrdiff_t* rows, const float* b,
             ptrdiff_t ldb, const float* bias, Epilogue epilogue, float* c, ptrdiff_t ldc) {
  f32x4 acc[MV][NC];
  for (int v = 0; v < MV; ++v) {
    const f32x4 init = bias ? load(bias + rows[v]) : f32x4{0, 0, 0, 0};
    for (int j = 0; j < NC; ++j) acc[v][j] = init;
  }
  const float* ap[MV];
  for (int v = 0; v < MV; ++v) ap[v] = a + rows[v];
  const float* bp[NC];
  for (int j = 0; j < NC; ++j) bp[j] = b + j * ldb;
  for (ptrdiff_t p = 0; p < k; ++p) {
    f32x4 av[MV];
    for (int v = 0; v < MV; ++v) av[v] = load(ap[v] + p * lda);
    for (int j = 0; j < NC; ++j) {
      const f32x4 s = splat(bp[j][p]);
      for (int v = 0; v < MV; ++v) acc[v][j] += av[v] * s;
    }
  }
  for (int j = 0; j < NC; ++j) {
    for (int v = 0; v < MV; ++v) {
      store(c + j * ldc + rows[v], epilogue == Epilogue::kRelu ? relu(acc[v][j]) : acc[v][j]);
    }
  }
}

template <int NC>
void nn_rows(int mv, ptrdiff_t k, const float* a, ptrdiff_t lda, const ptrdiff_t* rows,
             const float* b, ptrdiff_t ldb, const float* bias, Epilogue epilogue, float* c,
             ptrdiff_t ldc) {
  static_assert(kNnRowVectors >= 1 && kNnRowVectors <= 4, "dispatch below covers 1..4 vectors");
  if constexpr (kNnRowVectors >= 4) {
    if (mv == 4) return nn_tile<4, NC>(k, a, lda, rows, b, ldb, bias, epilogue, c, ldc);
  }
  if constexpr (kNnRowVectors >= 3) {
    if (mv == 3) return nn_tile<3, NC>(k, a, lda, rows, b, ldb, bias, epilogue, c, ldc);
  }
  if constexpr (kNnRowVectors >= 2) {
    if (mv == 2) return nn_tile<2, NC>(k, a, lda, rows, b, ldb, bias, epilogue, c, ldc);
  }
  nn_tile<1, NC>(k, a, lda, rows, b, ldb, bias, epilogue, c, ldc);
}

// Shapes too small for one vector (m < 4): plain loops, same summation order.
void gemm_nn_scalar(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, const float* a, ptrdiff_t lda,
                    const float* b, ptrdiff_t ldb, const float* bias, Epilogue epilogue, float* c,
                    ptrdiff_t ldc) {
  for (ptrdiff_t j = 0; j < n; ++j) {
    for (ptrdiff_t i = 0; i < m; ++i) {
      float sum = bias ? bias[i] : 0.0f;
      for (ptrdiff_t p = 0; p < k; ++p) sum += a[i + p * lda] * b[p + j * ldb];
      c[i + j * ldc] = (epilogue == Epilogue::kRelu && !(sum > 0.0f)) ? 0.0f : sum;
    }
  }
}

// --- gemm_nt: C = A·Bᵀ; vectors run along C's rows (B's columns are contiguous there) ---

// NO rows of C (o0…) × IV vectors of 4 columns (starting at cols[v]); each step p splats NO values
// of A's column p and loads IV vectors of B's column p. 4×4 blocks are transposed on the way out.
constexpr int kNtColVectors = kTiles[2];

template <int NO, int IV>
void nt_tile(ptrdiff_t k, const float* a, ptrdiff_t lda, ptrdiff_t o0, const float* b,
             ptrdiff_t ldb, const ptrdiff_t* cols, float* c, ptrdiff_t ldc) {
  f32x4 acc[NO][IV];
  for (int r = 0; r < NO; ++r) {
    for (int v = 0; v < IV; ++v) acc[r][v] = f32x4{0, 0, 0, 0};
  }
  const float* ak = a + o0;
  const float* bk = b;
  for (ptrdiff_t p = 0; p < k; ++p, ak += lda, bk += ldb) {
    f32x4 bv[IV];
    for (int v = 0; v < IV; ++v) bv[v] = load(bk + cols[v]);
    for (int r = 0; r < NO; ++r) {
      const f32x4 s = splat(ak[r]);
      for (int v = 0; v < IV; ++v) acc[r][v] += s * bv[v];
    }
  }
  for (int v = 0; v < IV; ++v) {
    float* out = c + cols[v] * ldc + o0;  // C(o0, cols[v])
    if constexpr (NO == 4) {
      const f32x4 t0 = __builtin_shufflevector(acc[0][v], acc[1][v], 0, 4, 1, 5);
      const f32x4 t1 = __builtin_shufflevector(acc[0][v], acc[1][v], 2, 6, 3, 7);
      const f32x4 t2 = __builtin_shufflevector(acc[2][v], acc[3][v], 0, 4, 1, 5);
      const f32x4 t3 = __builtin_shufflevector(acc[2][v], acc[3][v], 2, 6, 3, 7);
      store(out, __builtin_shufflevector(t0, t2, 0, 1, 4, 5));
      store(out + ldc, __builtin_shufflevector(t0, t2, 2, 3, 6, 7));
      store(out + 2 * ldc, __builtin_shufflevector(t1, t3, 0, 1, 4, 5));
      store(out + 3 * ldc, __builtin_shufflevector(t1, t3, 2, 3, 6, 7));
    } else {
      for (int q = 0; q < 4; ++q) {
        for (int r = 0; r < NO; ++r) out[q * ldc + r] = acc[r][v][q];
      }
    }
  }
}

template <int IV>
void nt_cols(ptrdiff_t m, ptrdiff_t k, const float* a, ptrdiff_t lda, const float* b,
             ptrdiff_t ldb, const ptrdiff_t* cols, float* c, ptrdiff_t ldc) {
  ptrdiff_t o = 0;
  for (; o + 4 <= m; o += 4) nt_tile<4, IV>(k, a, lda, o, b, ldb, cols, c, ldc);
  if (o + 2 <= m) {
    nt_tile<2, IV>(k, a, lda, o, b, ldb, cols, c, ldc);
    o += 2;
  }
  if (o < m) nt_tile<1, IV>(k, a, lda, o, b, ldb, cols, c, ldc);
}

// The last column block may hold fewer than kNtColVectors vectors.
template <int IV>
void nt_cols_upto(int iv, ptrdiff_t m, ptrdiff_t k, const float* a, ptrdiff_t lda,
                  const float* b, ptrdiff_t ldb, const ptrdiff_t* cols, float* c, ptrdiff_t ldc) {
  if constexpr (IV > 1) {
    if (iv < IV) return nt_cols_upto<IV - 1>(iv, m, k, a, lda, b, ldb, cols, c, ldc);
  }
  nt_cols<IV>(m, k, a, lda, b, ldb, cols, c, ldc);
}

void gemm_nt_scalar(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, const float* a, ptrdiff_t lda,
                    const float* b, ptrdiff_t ldb, float* c, ptrdiff_t ldc) {
  for (ptrdiff_t i = 0; i < n; ++i) {
    for (ptrdiff_t o = 0; o < m; ++o) {
      float sum = 0.0f;
      for (ptrdiff_t p = 0; p < k; ++p) sum += a[o + p * lda] * b[i + p * ldb];
      c[o + i * ldc] = sum;
    }
  }
}

}  // namespace

void gemm_nn(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, const float* a, ptrdiff_t lda, const float* b,
             ptrdiff_t ldb, const float* bias, Epilogue epilogue, float* c, ptrdiff_t ldc) {
  if (m < 4) {
    gemm_nn_scalar(m, n, k, a, lda, b, ldb, bias, epilogue, c, ldc);
    return;
  }
  constexpr ptrdiff_t kBlockRows = 4 * kNnRowVectors;
  for (ptrdiff_t j = 0; j < n; j += kNnCols) {
    const ptrdiff_t nc = std::min<ptrdiff_t>(kNnCols, n - j);
    for (ptrdiff_t r = 0; r < m; r += kBlockRows) {
      const int mv = static_cast<int>(std::min<ptrdiff_t>(kNnRowVectors, (m - r + 3) / 4));
      ptrdiff_t rows[kNnRowVectors];
      for (int v = 0; v < kNnRowVectors; ++v) rows[v] = std::min<ptrdiff_t>(r + 4 * v, m - 4);
      if (nc == kNnCols) {
        nn_rows<kNnCols>(mv, k, a, lda, rows, b + j * ldb, ldb, bias, epilogue, c + j * ldc, ldc);
      } else {
        for (ptrdiff_t jj = j; jj < n; ++jj) {
          nn_rows<1>(mv, k, a, lda, rows, b + jj * ldb, ldb, bias, epilogue, c + jj * ldc, ldc);
        }
      }
    }
  }
}

void gemm_nt(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, const float* a, ptrdiff_t lda, const float* b,
             ptrdiff_t ldb, float* c, ptrdiff_t ldc) {
  if (n < 4) {
    gemm_nt_scalar(m, n, k, a, lda, b, ldb, c, ldc);
    return;
  }
  const ptrdiff_t vectors = (n + 3) / 4;
  for (ptrdiff_t v = 0; v < vectors; v += kNtColVectors) {
    ptrdiff_t cols[kNtColVectors];
    for (int q = 0; q < kNtColVectors; ++q) cols[q] = std::min<ptrdiff_t>(4 * (v + q), n - 4);
    const int iv = static_cast<int>(std::min<ptrdiff_t>(kNtColVectors, vectors - v));
    nt_cols_upto<kNtColVectors>(iv, m, k, a, lda, b, ldb, cols, c, ldc);
  }
}

void transpose(ptrdiff_t rows, ptrdiff_t cols, const float* a, ptrdiff_t lda, float* out,
               ptrdiff_t ldo) {
  for (ptrdiff_t i = 0; i < rows; ++i) {
    for (ptrdiff_t j = 0; j < cols; ++j) out[j + i * ldo] = a[i + j * lda];
  }
}

void bytes_to_unit(const unsigned char* src, ptrdiff_t n, float* dst) {
  const f32x4 d = splat(255.0f);
  ptrdiff_t i = 0;
  for (; i + 16 <= n; i += 16) {
    u8x16 bytes;
    std::memcpy(&bytes, src + i, sizeof bytes);
    const u8x4 q0 = __builtin_shufflevector(bytes, bytes, 0, 1, 2, 3);
    const u8x4 q1 = __builtin_shufflevector(bytes, bytes, 4, 5, 6, 7);
    const u8x4 q2 = __builtin_shufflevector(bytes, bytes, 8, 9, 10, 11);
    const u8x4 q3 = __builtin_shufflevector(bytes, bytes, 12, 13, 14, 15);
    // Integer → float is exact and IEEE division is correctly rounded: the scalar v/255.0f.
    store(dst + i, __builtin_convertvector(q0, f32x4) / d);
    store(dst + i + 4, __builtin_convertvector(q1, f32x4) / d);
    store(dst + i + 8, __builtin_convertvector(q2, f32x4) / d);
    store(dst + i + 12, __builtin_convertvector(q3, f32x4) / d);
  }
  for (; i < n; ++i) dst[i] = static_cast<float>(src[i]) / 255.0f;
}

namespace {

// Cephes' expf (also Eigen's pexp<float>): exp(x) = 2^n · e^r, n = round(x·log2 e),
// r = x − n·ln 2 in two parts, e^r by a degree-7 polynomial.
f32x4 exp4(f32x4 in) {
  const f32x4 hi = splat(88.3762626647949f), lo = splat(-88.3762626647949f);
  const i32x4 is_number = in == in;
  // Clamp; NaN is replaced by 0 here (float → int conversion of NaN is undefined) and restored
  // at the end.
  f32x4 x = select(is_number, in, splat(0.0f));
  x = select(x > hi, hi, x);
  x = select(x < lo, lo, x);
  f32x4 fx = x * splat(1.44269504088896341f) + splat(0.5f);
  // floor without SSE4.1: truncate, then step down where truncation rounded up (|fx| < 2^31).
  const f32x4 truncated = __builtin_convertvector(__builtin_convertvector(fx, i32x4), f32x4);
  fx = truncated - select(truncated > fx, splat(1.0f), splat(0.0f));
  x = x - fx * splat(0.693359375f);
  x = x - fx * splat(-2.12194440e-4f);
  const f32x4 z = x * x;
  f32x4 y = splat(1.9875691500e-4f);
  y = y * x + splat(1.3981999507e-3f);
  y = y * x + splat(8.3334519073e-3f);
  y = y * x + splat(4.1665795894e-2f);
  y = y * x + splat(1.6666665459e-1f);
  y = y * x + splat(5.0000001201e-1f);
  y = y * z + x + splat(1.0f);
  // 2^n from its exponent bits (n = −127 gives 0: the result underflows to zero).
  const u32x4 biased = reinterpret_cast<u32x4>(__builtin_convertvector(fx, i32x4) + 127);
  const f32x4 result = y * reinterpret_cast<f32x4>(biased << 23);
  return select(is_number, result, in);
}

}  // namespace

void exp_inplace(float* x, ptrdiff_t n) {
  ptrdiff_t i = 0;
  for (; i + 4 <= n; i += 4) store(x + i, exp4(load(x + i)));
  if (i < n) {  // the tail through the same vector code, so position never changes a result
    float tail[4] = {0, 0, 0, 0};
    std::memcpy(tail, x + i, sizeof(float) * (n - i));
    const f32x4 e = exp4(load(tail));
    std::memcpy(x + i, &e, sizeof(float) * (n - i));
  }
}

void rmsprop_update(ptrdiff_t n, float* p, const float* g, float* v, float lr, float rho,
                    float epsilon) {
  const float one_minus_rho = 1.0f - rho;
  ptrdiff_t i = 0;
  for (; i + 4 <= n; i += 4) {
    const f32x4 gi = load(g + i);
    const f32x4 vi = splat(rho) * load(v + i) + splat(one_minus_rho) * (gi * gi);
    store(v + i, vi);
    store(p + i, load(p + i) - (splat(lr) * gi) / (sqrt4(vi) + splat(epsilon)));
  }
  for (; i < n; ++i) {
    v[i] = rho * v[i] + one_minus_rho * (g[i] * g[i]);
    p[i] = p[i] - (lr * g[i]) / (std::sqrt(v[i]) + epsilon);
  }
}

void adam_update(ptrdiff_t n, float* p, const float* g, float* m, float* v, float lr_t,
                 float beta1, float beta2, float epsilon) {
  const float one_minus_b1 = 1.0f - beta1, one_minus_b2 = 1.0f - beta2;
  ptrdiff_t i = 0;
  for (; i + 4 <= n; i += 4) {
    const f32x4 gi = load(g + i);
    const f32x4 mi = splat(beta1) * load(m + i) + splat(one_minus_b1) * gi;
    const f32x4 vi = splat(beta2) * load(v + i) + splat(one_minus_b2) * (gi * gi);
    store(m + i, mi);
    store(v + i, vi);
    store(p + i, load(p + i) - (splat(lr_t) * mi) / (sqrt4(vi) + splat(epsilon)));
  }
  for (; i < n; ++i) {
    m[i] = beta1 * m[i] + one_minus_b1 * g[i];
    v[i] = beta2 * v[i] + one_minus_b2 * (g[i] * g[i]);
    p[i] = p[i] - (lr_t * m[i]) / (std::sqrt(v[i]) + epsilon);
  }
}

#ifdef __wasm__
namespace {
volatile unsigned char g_prefetch_sink;  // keeps the touching loads alive
}  // namespace
#endif

void prefetch(const unsigned char* p, ptrdiff_t bytes) {
  if (bytes <= 0) return;
#ifdef __wasm__
  unsigned char sink = p[bytes - 1];
  for (ptrdiff_t o = 0; o < bytes; o += 64) sink |= p[o];
  g_prefetch_sink = sink;
#else
  for (ptrdiff_t o = 0; o < bytes; o += 64) __builtin_prefetch(p + o);
  __builtin_prefetch(p + bytes - 1);
#endif
}

}  // namespace kernels
}  // namespace fm
