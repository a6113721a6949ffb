// Tasks: C++20 coroutines with a priority and a type (docs/runtime.md).
//
//   rt::Task<int> work(int x) { co_await rt::yield_now(); co_return x + 1; }
//
//   int v = co_await work(1);            // inline: runs as part of the caller,
//                                        // at the caller's priority, returns v
//   rt::TaskRef ref;
//   rt::spawn(work(1), /*prio*/ 2, rt::TaskType::kNormal, &ref);  // its own task
//   rt::Status s = co_await rt::join(ref);  // kOk, or kCancelled
//   rt::cancel(ref);                     // ends it (at once if it is waiting)
//
// A Task is lazy: its body starts when it is spawned or awaited. Frames come
// from rt::frame_pool(); when the pool is exhausted the Task is empty
// (valid() false) and spawn() returns Status::kNoMemory: nothing is lost or
// undefined. A spawned task's result is dropped; join() reports how it ended.
#pragma once

#include <coroutine>
#include <stddef.h>
#include <stdint.h>

#include "rt/config.h"
#include "rt/executor.h"
#include "rt/frame_pool.h"
#include "rt/tcb.h"

namespace rt {

// A reference to a spawned task that stays safe after the task ends (the
// generation of its block then differs: the reference is stale).
struct TaskRef {
  Tcb* tcb = nullptr;
  uint16_t gen = 0;
  bool alive() const { return tcb != nullptr && tcb->gen == gen && tcb->state != TaskState::kFree; }
  uint16_t cid() const { return tcb != nullptr ? tcb->cid : 0; }
};

namespace detail {

template <typename T>
inline constexpr bool kIsVoid = false;
template <>
inline constexpr bool kIsVoid<void> = true;

// The end of a spawned task (its body returned, or it was cancelled): wakes
// the joiner with `status`, counts it out of the live tasks, frees the frame
// chain (destroying the root destroys inline children it awaits) and returns
// the next frame to run.
std::coroutine_handle<> finish_root(Tcb* root, Status status);
// The same without picking the next frame (cancel() of a waiting task).
void end_root(Tcb* root, Status status);

// The check every suspension point makes: a cancelled task ends here.
// Returns true when `root` was cancelled and finished (`next` is set).
inline bool cancelled_at_suspend(Tcb* root, std::coroutine_handle<>& next) {
  if (root->cancel == 0) return false;
  next = finish_root(root, Status::kCancelled);
  return true;
}

struct PromiseBase {
  std::coroutine_handle<> continuation;  // the parent of a Task awaited inline

  static void* operator new(size_t bytes) noexcept { return frame_pool().alloc_frame(bytes); }
  static void operator delete(void* frame) noexcept { frame_pool().free_frame(frame); }

  std::suspend_always initial_suspend() noexcept { return {}; }
  void unhandled_exception() noexcept { __builtin_trap(); }  // built with -fno-exceptions

  struct FinalAwaiter {
    bool await_ready() noexcept { return false; }
    template <typename P>
    std::coroutine_handle<> await_suspend(std::coroutine_handle<P> h) noexcept {
      PromiseBase& p = h.promise();
      if (p.continuation) return p.continuation;  // inline: back to the parent
      return finish_root(tcb_of_frame(h.address()), Status::kOk);
    }
    void await_resume() noexcept {}
  };
  FinalAwaiter final_suspend() noexcept { return {}; }
};

template <typename T>
struct Promise : PromiseBase {
  T value{};
  void return_value(T v) noexcept { value = v; }
  T take() noexcept { return value; }
};

template <>
struct Promise<void> : PromiseBase {
  void return_void() noexcept {}
  void take() noexcept {}
};

}  // namespace detail

template <typename T = void>
class [[nodiscard]] Task {
 public:
  struct promise_type : detail::Promise<T> {
    Task get_return_object() noexcept {
      return Task(std::coroutine_handle<promise_type>::from_promise(*this));
    }
    static Task get_return_object_on_allocation_failure() noexcept { return Task(); }
  };
  using Handle = std::coroutine_handle<promise_type>;

  Task() = default;
  Task(Task&& o) noexcept : h_(o.h_) { o.h_ = nullptr; }
  Task& operator=(Task&& o) noexcept {
    if (this != &o) {
      reset();
      h_ = o.h_;
      o.h_ = nullptr;
    }
    return *this;
  }
  Task(const Task&) = delete;
  Task& operator=(const Task&) = delete;
  ~Task() { reset(); }

  // False when the frame could not be allocated (frame pool exhausted).
  bool valid() const { return static_cast<bool>(h_); }
  Tcb* tcb() const { return h_ ? tcb_of_frame(h_.address()) : nullptr; }
  // Gives up ownership (spawn() does this).
  Handle release() {
    Handle h = h_;
    h_ = nullptr;
    return h;
  }

  // co_await task: runs it inline, at the caller's priority; the value it
  // co_returns. Awaiting an empty Task (no memory) gives T{} at once and
  // counts nothing: check valid() first when that matters.
  struct Awaiter {
    Handle child;
    bool await_ready() noexcept { return !child; }
    template <typename P>
    std::coroutine_handle<> await_suspend(std::coroutine_handle<P> parent) noexcept {
      Tcb* me = tcb_of_frame(parent.address());
      Tcb* c = tcb_of_frame(child.address());
      c->root = me->root;
      c->word = make_word(child.address(), word_prio(me->word));
      c->state = TaskState::kRunning;
      child.promise().continuation = parent;
      return child;  // symmetric transfer: start the child now
    }
    T await_resume() noexcept {
      if constexpr (!detail::kIsVoid<T>) {
        return child ? child.promise().take() : T{};
      }
    }
  };
  Awaiter operator co_await() && noexcept { return Awaiter{h_}; }

 private:
  explicit Task(Handle h) : h_(h) {}
  void reset() {
    if (h_) h_.destroy();
    h_ = nullptr;
  }
  Handle h_;
};

// Starts `task` as a task of its own at `prio` (0 = most urgent, below
// num_prios()). kNoMemory for an empty task, kBadPrio for a priority the
// executor cannot queue (the frame is freed). `out` receives its reference.
template <typename T>
Status spawn(Task<T>&& task, uint32_t prio, TaskType type = TaskType::kNormal,
             TaskRef* out = nullptr) {
  if (!task.valid()) return Status::kNoMemory;
  if (prio >= num_prios()) return Status::kBadPrio;  // ~Task frees the frame
  auto h = task.release();
  Tcb* t = tcb_of_frame(h.address());
  t->root = t;
  t->type = type;
  t->word = make_word(h.address(), prio);
  t->state = TaskState::kReady;
  if (out != nullptr) *out = TaskRef{t, t->gen};
  detail::task_started(type);
  make_ready(t->word);
  return Status::kOk;
}

// co_await rt::join(ref): waits until the task ends. kOk when its body
// returned, kCancelled when it was cancelled, kNotFound when it had already
// ended (or never existed), kBusy when another task joins it already.
struct JoinAwaiter {
  TaskRef ref;
  JoinWaiter waiter{0, Status::kOk};
  bool await_ready() noexcept {
    if (!ref.alive()) {
      waiter.status = Status::kNotFound;
      return true;
    }
    return false;
  }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<> h) noexcept;
  Status await_resume() noexcept { return waiter.status; }
};
inline JoinAwaiter join(TaskRef ref) { return JoinAwaiter{ref}; }

// Asks the task to end. A task waiting for an event or sleeping ends at
// once (its frames are destroyed, its joiner woken with kCancelled); a ready
// or running one ends at its next suspension point. kNotFound: already ended.
Status cancel(TaskRef ref);

}  // namespace rt
