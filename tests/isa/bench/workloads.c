// Core benchmark workloads, selected at build time with -DWORKLOAD=n:
// 1 integer loop, 2 memcpy, 3 sort, 4 CRC-32, 5 multiply-heavy (matrix).
// Each checks its result; main() returns 0 on success.
#include <stdint.h>

#include "bench.h"

#define N 1024
static uint32_t src[N], dst[N];

static uint32_t lcg(uint32_t* s) {
  *s = *s * 1664525u + 1013904223u;
  return *s;
}

#if WORKLOAD == 1
// Integer loop: arithmetic, logic, shifts and a data-dependent branch.
int main(void) {
  uint32_t x = 1, acc = 0;
  bench_begin();
  for (uint32_t i = 0; i < 4000; ++i) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    if (x & 1) acc += x >> 3;
    else acc ^= i;
  }
  bench_end();
  return acc == 0 ? 1 : 0;
}
#elif WORKLOAD == 2
// memcpy: word copy, unrolled by 4 (what a libc does for aligned buffers).
static void copy_words(uint32_t* d, const uint32_t* s, uint32_t n) {
  for (uint32_t i = 0; i < n; i += 4) {
    uint32_t a = s[i], b = s[i + 1], c = s[i + 2], e = s[i + 3];
    d[i] = a;
    d[i + 1] = b;
    d[i + 2] = c;
    d[i + 3] = e;
  }
}
int main(void) {
  uint32_t seed = 7;
  for (int i = 0; i < N; ++i) src[i] = lcg(&seed);
  bench_begin();
  for (int r = 0; r < 4; ++r) copy_words(dst, src, N);
  bench_end();
  for (int i = 0; i < N; ++i)
    if (dst[i] != src[i]) return 1;
  return 0;
}
#elif WORKLOAD == 3
// Sort: insertion sort of 256 words, then a check.
int main(void) {
  uint32_t seed = 11;
  const int n = 256;
  for (int i = 0; i < n; ++i) src[i] = lcg(&seed) >> 8;
  bench_begin();
  for (int i = 1; i < n; ++i) {
    uint32_t v = src[i];
    int j = i - 1;
    while (j >= 0 && src[j] > v) {
      src[j + 1] = src[j];
      --j;
    }
    src[j + 1] = v;
  }
  bench_end();
  for (int i = 1; i < n; ++i)
    if (src[i - 1] > src[i]) return 1;
  return 0;
}
#elif WORKLOAD == 4
// CRC-32 (IEEE), table driven, over 4 KiB.
static uint32_t table[256];
int main(void) {
  for (uint32_t i = 0; i < 256; ++i) {
    uint32_t c = i;
    for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
    table[i] = c;
  }
  const uint8_t* p = (const uint8_t*)src;
  for (int i = 0; i < N; ++i) src[i] = 0x01020304u * (uint32_t)i;
  bench_begin();
  uint32_t crc = 0xffffffffu;
  for (int i = 0; i < 4 * N; ++i) crc = table[(crc ^ p[i]) & 0xff] ^ (crc >> 8);
  crc = ~crc;
  bench_end();
  return crc == 0 ? 1 : 0;
}
#elif WORKLOAD == 5
// Multiply-heavy: 16 x 16 integer matrix product.
#define M 16
static int32_t a[M][M], b[M][M], c[M][M];
int main(void) {
  uint32_t seed = 3;
  for (int i = 0; i < M; ++i)
    for (int j = 0; j < M; ++j) {
      a[i][j] = (int32_t)(lcg(&seed) >> 20) - 2048;
      b[i][j] = (int32_t)(lcg(&seed) >> 20) - 2048;
    }
  bench_begin();
  for (int i = 0; i < M; ++i)
    for (int j = 0; j < M; ++j) {
      int32_t s = 0;
      for (int k = 0; k < M; ++k) s += a[i][k] * b[k][j];
      c[i][j] = s;
    }
  bench_end();
  int32_t t = 0;
  for (int i = 0; i < M; ++i) t += c[i][i];
  return t == 0x12345678 ? 1 : 0;
}
#else
#error "WORKLOAD must be 1..5"
#endif
