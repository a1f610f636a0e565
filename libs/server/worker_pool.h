// A fixed set of threads with a bounded queue, where handlers run the
// blocking work (database calls) that must never run on a gRPC callback
// thread (DESIGN.md: Build facts).
//
// Thread safety: TrySchedule may be called from any thread.
#ifndef FOI_LIBS_SERVER_WORKER_POOL_H_
#define FOI_LIBS_SERVER_WORKER_POOL_H_

#include <deque>
#include <functional>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"

namespace foi::server {

class WorkerPool {
 public:
  // Starts `threads` workers; at most `max_queued` tasks wait beyond them.
  // REQUIRES: threads >= 1.
  WorkerPool(int threads, int max_queued);
  // Runs every queued task, then joins the workers.
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Queues `task`. Returns false, without running it, if the queue is full
  // or the pool is shutting down: the caller sheds the load.
  bool TrySchedule(std::function<void()> task);

 private:
  void Loop();

  const size_t max_queued_;
  absl::Mutex mu_;
  std::deque<std::function<void()>> queue_ ABSL_GUARDED_BY(mu_);
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  std::vector<std::thread> threads_;
};

}  // namespace foi::server

#endif  // FOI_LIBS_SERVER_WORKER_POOL_H_
