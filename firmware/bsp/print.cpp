// printf-lite on the UART (see print.h).
#include "bsp/print.h"

#include <stdarg.h>

#include "bsp/hart.h"
#include "bsp/trap.h"
#include "bsp/uart.h"

namespace bsp {
namespace {

uint32_t g_owner;  // hart id + 1 of the hart that prints, 0 = free
uint32_t g_depth;  // nesting on the owning hart (a trap while printing)

// Serializes whole calls between harts; interrupts are off while printing so
// only a synchronous trap can nest, and it just prints inside the same lock.
class PrintLock {
 public:
  PrintLock() : irq_(irq::save_disable()) {
    const uint32_t me = hart_id() + 1;
    if (atomic_load(&g_owner) != me) {
      uint32_t expected = 0;
      while (!atomic_compare_exchange(&g_owner, expected, me)) expected = 0;
    }
    ++g_depth;
  }
  ~PrintLock() {
    if (--g_depth == 0) atomic_store(&g_owner, 0u);
    irq::restore(irq_);
  }
  PrintLock(const PrintLock&) = delete;
  PrintLock& operator=(const PrintLock&) = delete;

 private:
  bool irq_;
};

void emit(char c) { uart::putc(c); }

void emit_str(const char* s) {
  while (*s != '\0') emit(*s++);
}

// Unsigned value in base 10 or 16, right-aligned in `width` with '0' or ' '.
void emit_number(uint64_t v, unsigned base, unsigned width, bool zero_pad, bool negative,
                 bool upper) {
  char buf[24];
  unsigned n = 0;
  const char* digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  if (v <= 0xFFFFFFFFu) {
    uint32_t v32 = static_cast<uint32_t>(v);  // 32-bit division: no libgcc call
    do {
      buf[n++] = digits[v32 % base];
      v32 /= base;
    } while (v32 != 0);
  } else {
    do {
      buf[n++] = digits[v % base];
      v /= base;
    } while (v != 0);
  }
  unsigned len = n + (negative ? 1 : 0);
  if (negative && zero_pad) emit('-');
  for (; len < width; ++len) emit(zero_pad ? '0' : ' ');
  if (negative && !zero_pad) emit('-');
  while (n > 0) emit(buf[--n]);
}

}  // namespace

void printf(const char* fmt, ...) {
  PrintLock lock;
  va_list ap;
  va_start(ap, fmt);
  for (const char* p = fmt; *p != '\0'; ++p) {
    if (*p != '%') {
      emit(*p);
      continue;
    }
    ++p;
    bool zero_pad = false;
    bool left = false;
    unsigned width = 0;
    int longs = 0;
    for (; *p == '0' || *p == '-'; ++p) {
      if (*p == '0') zero_pad = true;
      if (*p == '-') left = true;
    }
    while (*p >= '0' && *p <= '9') width = width * 10 + static_cast<unsigned>(*p++ - '0');
    while (*p == 'l') {
      ++longs;
      ++p;
    }
    switch (*p) {
      case 'd':
      case 'i': {
        int64_t v = longs >= 2   ? va_arg(ap, long long)
                    : longs == 1 ? va_arg(ap, long)
                                 : va_arg(ap, int);
        const bool neg = v < 0;
        emit_number(neg ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v), 10, width,
                    zero_pad, neg, false);
        break;
      }
      case 'u':
      case 'x':
      case 'X': {
        uint64_t v = longs >= 2   ? va_arg(ap, unsigned long long)
                     : longs == 1 ? va_arg(ap, unsigned long)
                                  : va_arg(ap, unsigned);
        emit_number(v, *p == 'u' ? 10 : 16, width, zero_pad, false, *p == 'X');
        break;
      }
      case 'p':
        emit_str("0x");
        emit_number(reinterpret_cast<uintptr_t>(va_arg(ap, void*)), 16, 8, true, false, false);
        break;
      case 's': {
        const char* s = va_arg(ap, const char*);
        if (s == nullptr) s = "(null)";
        unsigned len = 0;
        while (s[len] != '\0') ++len;
        for (unsigned i = len; !left && i < width; ++i) emit(' ');
        emit_str(s);
        for (unsigned i = len; left && i < width; ++i) emit(' ');
        break;
      }
      case 'c':
        emit(static_cast<char>(va_arg(ap, int)));
        break;
      case '%':
        emit('%');
        break;
      case '\0':
        --p;  // a lone '%' at the end
        break;
      default:
        emit('%');
        emit(*p);
        break;
    }
  }
  va_end(ap);
}

void print(const char* s) {
  PrintLock lock;
  emit_str(s);
}

void puts(const char* s) {
  PrintLock lock;
  emit_str(s);
  emit('\n');
}

}  // namespace bsp
