// Fans deadline alerts out to WatchAlerts streams. One background thread
// reads new alerts from the store when woken (the sweeper raised some) or
// every second (another replica did), and hands each batch to every
// subscriber. The store is the source of truth, so every replica's watchers
// see every replica's alerts.
//
// Thread safety: all public methods may be called concurrently. Subscribers
// are called on the hub's thread and must not block.
#ifndef FOI_LIBS_SERVER_ALERT_HUB_H_
#define FOI_LIBS_SERVER_ALERT_HUB_H_

#include <cstdint>
#include <optional>
#include <set>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "libs/store/deadline_repository.h"

namespace foi::server {

class AlertSubscriber {
 public:
  virtual ~AlertSubscriber() = default;
  // New alerts, oldest first.
  virtual void OnAlerts(const std::vector<store::AlertRecord>& alerts) = 0;
};

class AlertHub {
 public:
  // `store` must outlive the hub. Starts the thread; `poll` is how often it
  // looks for alerts raised elsewhere.
  AlertHub(store::DeadlineRepository* store, absl::Duration poll);
  // Stops the thread.
  ~AlertHub();
  AlertHub(const AlertHub&) = delete;
  AlertHub& operator=(const AlertHub&) = delete;

  void Subscribe(AlertSubscriber* s);
  // After it returns, `s` is never called again.
  void Unsubscribe(AlertSubscriber* s);
  // Wakes the thread to look for new alerts now.
  void Notify();

  // The newest alert id the hub has read, or nullopt before it first could.
  // Alerts after it will reach subscribers.
  std::optional<int64_t> LatestSeenId() const;

 private:
  void Loop();

  store::DeadlineRepository* const store_;
  const absl::Duration poll_;
  mutable absl::Mutex mu_;
  std::set<AlertSubscriber*> subscribers_ ABSL_GUARDED_BY(mu_);
  int64_t last_id_ ABSL_GUARDED_BY(mu_) = -1;
  bool woken_ ABSL_GUARDED_BY(mu_) = false;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  // Delivery happens under this lock, so Unsubscribe waits for it.
  absl::Mutex deliver_mu_;
  std::thread thread_;
};

}  // namespace foi::server

#endif  // FOI_LIBS_SERVER_ALERT_HUB_H_
