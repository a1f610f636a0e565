// A Clock that tests set and advance by hand.
//
// Thread safety: all methods may be called concurrently.
#ifndef FOI_LIBS_COMMON_TESTING_FAKE_CLOCK_H_
#define FOI_LIBS_COMMON_TESTING_FAKE_CLOCK_H_

#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "libs/common/clock.h"

namespace foi::testing {

class FakeClock final : public Clock {
 public:
  explicit FakeClock(absl::Time start) : now_(start) {}

  absl::Time Now() override {
    absl::MutexLock lock(&mu_);
    return now_;
  }
  // Moves the clock to `t`.
  void Set(absl::Time t) {
    absl::MutexLock lock(&mu_);
    now_ = t;
  }
  // Moves the clock forward by `d`.
  void Advance(absl::Duration d) {
    absl::MutexLock lock(&mu_);
    now_ += d;
  }

 private:
  absl::Mutex mu_;
  absl::Time now_ ABSL_GUARDED_BY(mu_);
};

}  // namespace foi::testing

#endif  // FOI_LIBS_COMMON_TESTING_FAKE_CLOCK_H_
