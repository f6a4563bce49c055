// Blocked matrix kernels for the Dense layers' three products, on 128-bit vectors (GCC/Clang
// vector extensions: SSE natively, SIMD128 under -msimd128). Eigen 3.4 has no wasm SIMD backend.
#pragma once

#include <cstddef>

namespace fm {
namespace kernels {

// All matrices are column-major with a leading dimension (ld ≥ rows). Every output element is a
// sum in a fixed order (ascending over the reduction index, starting from the bias or from 0),
// independent of the blocking and of the other rows and columns, so results are deterministic and
// a sample's outputs do not depend on the batch it is in. The outputs may not alias the inputs.

enum class Epilogue { kNone, kRelu };

// C(m×n) = A(m×k)·B(k×n) (+ bias(m) per column; then max(·, 0) for kRelu). Forward: A = W, B = X.
void gemm_nn(std::ptrdiff_t m, std::ptrdiff_t n, std::ptrdiff_t k, const float* a,
             std::ptrdiff_t lda, const float* b, std::ptrdiff_t ldb, const float* bias,
             Epilogue epilogue, float* c, std::ptrdiff_t ldc);

// C(m×n) = A(m×k)·B(n×k)ᵀ, overwriting C. Weight gradient: A = Δ (out×B), B = X (in×B).
void gemm_nt(std::ptrdiff_t m, std::ptrdiff_t n, std::ptrdiff_t k, const float* a,
             std::ptrdiff_t lda, const float* b, std::ptrdiff_t ldb, float* c, std::ptrdiff_t ldc);

// out(cols×rows) = a(rows×cols)ᵀ. With gemm_nn this gives Wᵀ·Δ.
void transpose(std::ptrdiff_t rows, std::ptrdiff_t cols, const float* a, std::ptrdiff_t lda,
               float* out, std::ptrdiff_t ldo);

// dst[i] = src[i] / 255 for n bytes: the same floats as the scalar division.
void bytes_to_unit(const unsigned char* src, std::ptrdiff_t n, float* dst);

// x[i] = exp(x[i]) for n floats, on vectors (Cephes' expf, as Eigen's vectorised exp: about
// 1 ulp; 0 below −88.4; NaN stays NaN). Each value's result does not depend on its position.
void exp_inplace(float* x, std::ptrdiff_t n);

// Optimizer updates over n parameters, element by element in the same operation order as the
// scalar formulas (so every build gives the bits its scalar code would):
//   RMSprop: v = ρ·v + (1−ρ)·g²;               p −= (lr·g) / (√v + ε)
//   Adam:    m = β1·m + (1−β1)·g; v = β2·v + (1−β2)·g²; p −= (lr_t·m) / (√v + ε)
void rmsprop_update(std::ptrdiff_t n, float* p, const float* g, float* v, float lr, float rho,
                    float epsilon);
void adam_update(std::ptrdiff_t n, float* p, const float* g, float* m, float* v, float lr_t,
                 float beta1, float beta2, float epsilon);

// Starts bringing [p, p + bytes) into the cache before it is used: a prefetch hint natively;
// WebAssembly has no prefetch, so there it reads one byte per 64-byte line (the misses then
// overlap with the work that follows instead of stalling it one line at a time).
void prefetch(const unsigned char* p, std::ptrdiff_t bytes);

}  // namespace kernels
}  // namespace fm
