// What every executor shares: task lifetime (start, finish, join, cancel),
// the sleep awaitable and status names.
#include <coroutine>

#include "rt/awaitables.h"
#include "rt/executor.h"
#include "rt/task.h"
#include "rt/timer.h"

#if defined(RT_HOST)
#include "rt/host.h"
#endif

namespace rt {

namespace detail {
uint32_t g_live;  // normal tasks alive (atomic)
void wake_idle_harts_for_exit();  // per executor (exec_*.cpp)

void task_started(TaskType type) {
  if (type == TaskType::kNormal) __atomic_fetch_add(&g_live, 1u, __ATOMIC_SEQ_CST);
}

void task_finished(TaskType type) {
  if (type != TaskType::kNormal) return;
  if (__atomic_sub_fetch(&g_live, 1u, __ATOMIC_SEQ_CST) == 0) wake_idle_harts_for_exit();
}

void end_root(Tcb* root, Status status) {
  JoinWaiter* j = __atomic_exchange_n(&root->joiner, kJoinClosed, __ATOMIC_ACQ_REL);
  const TaskType type = root->type;
  root->state = TaskState::kDone;
  // Destroying the root destroys the locals of its body, among them the
  // Task objects of inline children it awaits: the whole chain is freed.
  std::coroutine_handle<>::from_address(frame_of(root)).destroy();
  if (j != nullptr && j != kJoinClosed) {
    j->status = status;
    make_ready(j->word);
  }
  task_finished(type);
}

std::coroutine_handle<> finish_root(Tcb* root, Status status) {
  end_root(root, status);
  return next_ready();
}
}  // namespace detail

uint32_t live_tasks() { return __atomic_load_n(&detail::g_live, __ATOMIC_ACQUIRE); }

std::coroutine_handle<> JoinAwaiter::await_suspend(std::coroutine_handle<> h) noexcept {
  Tcb* me = tcb_of_frame(h.address());
  std::coroutine_handle<> next;
  if (detail::cancelled_at_suspend(me->root, next)) return next;  // a suspension point too
  waiter.word = me->word;
  JoinWaiter* expected = nullptr;
  if (!__atomic_compare_exchange_n(&ref.tcb->joiner, &expected, &waiter, false, __ATOMIC_ACQ_REL,
                                   __ATOMIC_ACQUIRE)) {
    waiter.status = expected == kJoinClosed ? Status::kNotFound : Status::kBusy;
    return h;  // not suspended after all: carry on
  }
  if (ref.tcb->gen != ref.gen) {  // the block was recycled before the CAS
    JoinWaiter* mine = &waiter;
    if (__atomic_compare_exchange_n(&ref.tcb->joiner, &mine, nullptr, false, __ATOMIC_ACQ_REL,
                                    __ATOMIC_ACQUIRE)) {
      waiter.status = Status::kNotFound;
      return h;
    }
  }
  Tcb* root = me->root;
  root->wait_source = kNoSource;
  return next_ready();  // the finishing task makes us ready
}

#if defined(RT_HOST)
void (*detail::g_cancel_window_hook)() = nullptr;
#endif

Status cancel(TaskRef ref) {
  if (!ref.alive()) return Status::kNotFound;
  Tcb* t = ref.tcb;
  t->cancel = 1;
  __atomic_thread_fence(__ATOMIC_SEQ_CST);
  const uint8_t src = t->wait_source;
  const uint32_t word = t->wait_word;
  // The last wait stays recorded after it ended. If an inline child made it,
  // that frame may be gone and its block reused by another task waiting with
  // the same word: only a frame of this task is ours to take off a queue.
  const bool ours = word != 0 && tcb_of_word(word)->root == t;
#if defined(RT_HOST)
  if (detail::g_cancel_window_hook != nullptr) detail::g_cancel_window_hook();
#endif
  // Between that check and the removal another hart may run the wait to its
  // end, free the frame and hand its block to a task that waits with the same
  // word: the removals below make sure the entry they take is still ours.
  bool taken = false;  // we removed it from a queue: nobody else will resume it
  if (ours && src < kMaxSources) {
    taken = cancel_wait(src, word);
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    if (taken && tcb_of_word(word)->root != t) {
      // It was the other task's entry: it waits again (at the end of the
      // queue; an event that came meanwhile is pending and wakes it at once).
      wait_source(src, word);
      taken = false;
    }
  } else if (ours && src == kSleeping) {
    taken = timer::remove(tcb_of_word(word), t);
  }
  if (taken) detail::end_root(t, Status::kCancelled);
  return Status::kOk;
}

std::coroutine_handle<> SleepAwaiter::await_suspend(std::coroutine_handle<> h) const noexcept {
  Tcb* me = tcb_of_frame(h.address());
  Tcb* root = me->root;
  std::coroutine_handle<> next;
  if (detail::cancelled_at_suspend(root, next)) return next;
  root->wait_word = me->word;
  root->wait_source = kSleeping;
  timer::add(me, timer::ticks_for(cycles));
  return next_ready();
}

const char* status_name(Status s) {
  switch (s) {
    case Status::kOk: return "ok";
    case Status::kNoMemory: return "no memory (frame pool exhausted)";
    case Status::kBadPrio: return "priority out of range";
    case Status::kBadSource: return "no such event source";
    case Status::kFull: return "channel full";
    case Status::kBusy: return "task already joined";
    case Status::kNotFound: return "task already ended";
    case Status::kCancelled: return "cancelled";
    case Status::kHwError: return "controller rejected the access";
  }
  return "unknown";
}

}  // namespace rt
