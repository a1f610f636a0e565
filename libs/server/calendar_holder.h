// The agency's working-day calendar in force, swappable at run time when a
// newer one is loaded (AdminService.LoadCalendar).
//
// Thread safety: Get and Set may be called concurrently; a caller keeps the
// calendar it got alive for as long as it uses it.
#ifndef FOI_LIBS_SERVER_CALENDAR_HOLDER_H_
#define FOI_LIBS_SERVER_CALENDAR_HOLDER_H_

#include <memory>
#include <utility>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "libs/calendar/working_day_calendar.h"

namespace foi::server {

class CalendarHolder {
 public:
  explicit CalendarHolder(
      std::shared_ptr<const calendar::WorkingDayCalendar> initial)
      : current_(std::move(initial)) {}

  // Returns the calendar in force.
  std::shared_ptr<const calendar::WorkingDayCalendar> Get() const {
    absl::ReaderMutexLock lock(&mu_);
    return current_;
  }

  // Puts `next` in force.
  void Set(std::shared_ptr<const calendar::WorkingDayCalendar> next) {
    absl::MutexLock lock(&mu_);
    current_ = std::move(next);
  }

 private:
  mutable absl::Mutex mu_;
  std::shared_ptr<const calendar::WorkingDayCalendar> current_
      ABSL_GUARDED_BY(mu_);
};

}  // namespace foi::server

#endif  // FOI_LIBS_SERVER_CALENDAR_HOLDER_H_
