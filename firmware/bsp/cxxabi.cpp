// The few C++ runtime symbols freestanding code needs without libstdc++
// (shared/NOTES.md): global destructors are never run (the program ends by
// exit), there is no heap, and a pure virtual call is fatal.
#include <stddef.h>

#include "bsp/print.h"
#include "bsp/simctrl.h"

extern "C" {
void* __dso_handle = nullptr;
int __cxa_atexit(void (*)(void*), void*, void*) { return 0; }
[[noreturn]] void __cxa_pure_virtual() {
  bsp::puts("FATAL: pure virtual call");
  bsp::simctrl::exit(bsp::simctrl::kExitAbort);
}
}

// No heap: deleting anything is a bug (a coroutine promise brings its own
// class-level operator delete). Virtual destructors still reference these.
void operator delete(void*) noexcept {
  bsp::puts("FATAL: operator delete without a heap");
  bsp::simctrl::exit(bsp::simctrl::kExitAbort);
}
void operator delete(void* p, size_t) noexcept { operator delete(p); }
