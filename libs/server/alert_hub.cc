#include "libs/server/alert_hub.h"

namespace foi::server {

AlertHub::AlertHub(store::DeadlineRepository* store, absl::Duration poll)
    : store_(store), poll_(poll) {
  // Known before the first subscriber arrives, when the store answers.
  auto latest = store_->LatestAlertId();
  if (latest.ok()) last_id_ = *latest;
  thread_ = std::thread([this] { Loop(); });
}

std::optional<int64_t> AlertHub::LatestSeenId() const {
  absl::MutexLock lock(&mu_);
  if (last_id_ < 0) return std::nullopt;
  return last_id_;
}

AlertHub::~AlertHub() {
  {
    absl::MutexLock lock(&mu_);
    stopping_ = true;
  }
  thread_.join();
}

void AlertHub::Subscribe(AlertSubscriber* s) {
  absl::MutexLock lock(&mu_);
  subscribers_.insert(s);
}

void AlertHub::Unsubscribe(AlertSubscriber* s) {
  absl::MutexLock deliver(&deliver_mu_);
  absl::MutexLock lock(&mu_);
  subscribers_.erase(s);
}

void AlertHub::Notify() {
  absl::MutexLock lock(&mu_);
  woken_ = true;
}

void AlertHub::Loop() {
  for (;;) {
    int64_t last_id;
    {
      absl::MutexLock lock(&mu_);
      mu_.AwaitWithTimeout(
          absl::Condition(
              +[](AlertHub* h) ABSL_EXCLUSIVE_LOCKS_REQUIRED(h->mu_) {
                return h->woken_ || h->stopping_;
              },
              this),
          poll_);
      if (stopping_) return;
      woken_ = false;
      last_id = last_id_;
    }
    if (last_id < 0) {
      // Start from the newest alert: subscribers catch up on older ones
      // themselves.
      auto latest = store_->LatestAlertId();
      if (latest.ok()) {
        absl::MutexLock lock(&mu_);
        last_id_ = *latest;
      }
      continue;
    }
    auto fresh = store_->ListAlertsAfter(last_id, "", 1000);
    if (!fresh.ok() || fresh->empty()) continue;
    absl::MutexLock deliver(&deliver_mu_);
    std::set<AlertSubscriber*> subscribers;
    {
      absl::MutexLock lock(&mu_);
      last_id_ = fresh->back().id;
      subscribers = subscribers_;
    }
    for (AlertSubscriber* s : subscribers) s->OnAlerts(*fresh);
  }
}

}  // namespace foi::server
