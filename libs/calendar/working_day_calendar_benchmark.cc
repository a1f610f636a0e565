// AddWorkingDays on the shipped mainland calendar against the naive walk that
// steps one day at a time asking IsWorkingDay. Target: >= 20 million
// AddWorkingDays calls per second on one core, >= 100x the naive walk.
//
// Each benchmark takes n as its argument; n = 0 means "cycle through 7, 20
// and 40" (the correction-notice, reply and extended-reply clocks).
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <vector>

#include "absl/time/civil_time.h"
#include "benchmark/benchmark.h"
#include "libs/calendar/working_day_calendar.h"

namespace {

using ::foi::calendar::CalendarDay;
using ::foi::calendar::WorkingDayCalendar;

const WorkingDayCalendar& Calendar() {
  static const WorkingDayCalendar* const cal = [] {
    absl::StatusOr<std::unique_ptr<WorkingDayCalendar>> loaded =
        WorkingDayCalendar::LoadFile(FOI_SOURCE_DIR
                                     "/deploy/calendars/cn-mainland.csv");
    if (!loaded.ok()) std::abort();  // a benchmark setup bug
    return loaded->release();
  }();
  return *cal;
}

// 4096 start days spread over 2019-01-01..2026-10-31 (a stride coprime with
// the span), so that the lookups do not stay in one cache line.
std::vector<absl::CivilDay> StartDays() {
  const absl::CivilDay first(2019, 1, 1);
  const int64_t span = absl::CivilDay(2026, 10, 31) - first + 1;
  std::vector<absl::CivilDay> days;
  days.reserve(4096);
  for (int64_t i = 0; i < 4096; ++i) days.push_back(first + (i * 389) % span);
  return days;
}

int NFor(const benchmark::State& state, size_t i) {
  static constexpr int kMixed[] = {7, 20, 40};
  return state.range(0) == 0 ? kMixed[i % 3] : static_cast<int>(state.range(0));
}

void BM_AddWorkingDays(benchmark::State& state) {
  const WorkingDayCalendar& cal = Calendar();
  const std::vector<absl::CivilDay> starts = StartDays();
  size_t i = 0;
  for (auto _ : state) {
    absl::StatusOr<CalendarDay> due =
        cal.AddWorkingDays(starts[i & 4095], NFor(state, i));
    benchmark::DoNotOptimize(due);
    ++i;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AddWorkingDays)->ArgName("n")->Arg(7)->Arg(20)->Arg(40)->Arg(0);

// The naive walk: one IsWorkingDay call per calendar day.
absl::StatusOr<absl::CivilDay> AddWorkingDaysDayByDay(
    const WorkingDayCalendar& cal, absl::CivilDay start, int n) {
  absl::CivilDay d = start;
  while (n > 0) {
    ++d;
    absl::StatusOr<bool> working = cal.IsWorkingDay(d);
    if (!working.ok()) return working.status();
    if (*working) --n;
  }
  return d;
}

void BM_AddWorkingDaysDayByDay(benchmark::State& state) {
  const WorkingDayCalendar& cal = Calendar();
  const std::vector<absl::CivilDay> starts = StartDays();
  size_t i = 0;
  for (auto _ : state) {
    absl::StatusOr<absl::CivilDay> due =
        AddWorkingDaysDayByDay(cal, starts[i & 4095], NFor(state, i));
    benchmark::DoNotOptimize(due);
    ++i;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AddWorkingDaysDayByDay)
    ->ArgName("n")
    ->Arg(7)
    ->Arg(20)
    ->Arg(40)
    ->Arg(0);

}  // namespace

BENCHMARK_MAIN();
