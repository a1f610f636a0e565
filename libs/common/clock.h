// Time as a dependency. Logic never reads the wall clock directly; it is handed
// a Clock (Envoy's TimeSource), so tests can move time without sleeping.
//
// Thread safety: implementations are safe to call from any thread.
#ifndef FOI_LIBS_COMMON_CLOCK_H_
#define FOI_LIBS_COMMON_CLOCK_H_

#include "absl/time/time.h"

namespace foi {

// Tells the current time.
class Clock {
 public:
  virtual ~Clock() = default;
  Clock(const Clock&) = delete;
  Clock& operator=(const Clock&) = delete;

  // Returns the current instant.
  virtual absl::Time Now() = 0;

 protected:
  Clock() = default;
};

// The real clock: absl::Now().
class SystemClock final : public Clock {
 public:
  SystemClock() = default;
  absl::Time Now() override { return absl::Now(); }
};

}  // namespace foi

#endif  // FOI_LIBS_COMMON_CLOCK_H_
