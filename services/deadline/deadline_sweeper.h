// Raises deadline alerts: a case becomes DUE_SOON when its reply is due
// within 3 working days and OVERDUE the working day after its due date; and
// closes as DEEMED_WITHDRAWN a case whose correction deadline passed with no
// correction (Art. 30). The
// sweeper runs at start-up and at every day boundary in the agency's time
// zone; tests call RunOnce with a fake clock instead of waiting.
//
// Thread safety: RunOnce may be called from any thread; Start/Stop from one.
#ifndef FOI_SERVICES_DEADLINE_DEADLINE_SWEEPER_H_
#define FOI_SERVICES_DEADLINE_DEADLINE_SWEEPER_H_

#include <thread>

#include "absl/status/statusor.h"
#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "libs/server/deps.h"

namespace foi::deadline {

// Working days ahead that count as "due soon".
inline constexpr int kDueSoonWorkingDays = 3;

struct SweepResult {
  int due_soon = 0;  // new DUE_SOON alerts
  int overdue = 0;   // new OVERDUE alerts
  // Cases deemed withdrawn: no correction by the deadline (Art. 30).
  int deemed_withdrawn = 0;
};

class DeadlineSweeper {
 public:
  // `deps` must outlive the sweeper.
  explicit DeadlineSweeper(server::Deps* deps) : deps_(deps) {}
  ~DeadlineSweeper() { Stop(); }

  // Raises the alerts due as of `now`. UNAVAILABLE if the store is down.
  absl::StatusOr<SweepResult> RunOnce(absl::Time now);

  // Runs once now, then after every day boundary, on a thread of its own.
  void Start();
  void Stop();

 private:
  server::Deps* const deps_;
  absl::Notification stop_;
  std::thread thread_;
};

}  // namespace foi::deadline

#endif  // FOI_SERVICES_DEADLINE_DEADLINE_SWEEPER_H_
