// foictl commands on deadlines: due, report (DeadlineService) and calendar
// (AdminService.LoadCalendar, which recomputes every open clock).
#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "foi/v1/admin_service.grpc.pb.h"
#include "foi/v1/analytics_service.grpc.pb.h"
#include "foi/v1/deadline_service.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "services/foictl/cli.h"

namespace foictl {
namespace {

constexpr char kDueUsage[] =
    "foictl due: open cases due within N working days, and overdue ones\n"
    "  (DeadlineService.ListDueCases), soonest first\n"
    "  --within=N        working days ahead (default 3, max 40)\n"
    "  --unit=UNIT       only this unit\n"
    "  --assignee=NAME   only this officer\n"
    "  --csv             CSV instead of a table\n";

int RunDue(const std::vector<std::string>& pos,
           std::map<std::string, std::string>& opts) {
  foi::v1::ListDueCasesRequest req;
  const std::string within = Opt(opts, "within");
  int n = 0;
  if (!within.empty()) {
    if (!absl::SimpleAtoi(within, &n)) return Usage(kDueUsage);
    req.set_within_working_days(n);
  }
  req.set_unit(Opt(opts, "unit"));
  req.set_assignee(Opt(opts, "assignee"));
  const bool csv = opts.count("csv") > 0;
  opts.erase("csv");
  if (!pos.empty() || LeftoverOptions(opts)) return Usage(kDueUsage);
  req.set_page_size(1000);
  auto stub = foi::v1::DeadlineService::NewStub(Channel());
  std::vector<std::vector<std::string>> rows = {{"case_number", "due",
                                                 "working_days_left", "status",
                                                 "unit", "assignee", "name"}};
  do {
    grpc::ClientContext ctx;
    Prepare(ctx);
    foi::v1::ListDueCasesResponse resp;
    grpc::Status s = stub->ListDueCases(&ctx, req, &resp);
    if (!s.ok()) return Fail(s);
    for (const auto& d : resp.due_cases()) {
      std::string due;
      for (const auto& k : d.case_().clocks()) {
        if (k.kind() == foi::v1::REPLY) due = DateText(k.due_date());
      }
      const int left = d.working_days_left();
      rows.push_back({d.case_().case_number(), due, absl::StrCat(left),
                      left < 0    ? absl::StrCat("overdue by ", -left)
                      : left == 0 ? "due today"
                                  : absl::StrCat("due in ", left),
                      d.case_().unit(), d.case_().assignee(),
                      d.case_().name()});
    }
    req.set_page_token(resp.next_page_token());
  } while (!req.page_token().empty());
  PrintTable(rows, csv);
  return 0;
}

constexpr char kReportUsage[] =
    "foictl report deadlines: open, due soon, overdue, closed on time or\n"
    "  late, per unit and officer (DeadlineService.GetDeadlineReport)\n"
    "  --as-of=DATE      YYYY-MM-DD (default today)\n"
    "  --unit=UNIT       only this unit\n"
    "  --csv             CSV instead of a table\n"
    "foictl report annual --year=YYYY [--format=json|csv|html]: the Art. 50\n"
    "  annual report's tables 三 and 四 in the 2021 national format\n"
    "  (AnalyticsService.GetAnnualReport; MANAGER or ADMIN)\n";

int RunAnnualReport(std::map<std::string, std::string>& opts) {
  foi::v1::GetAnnualReportRequest req;
  int year = 0;
  if (!absl::SimpleAtoi(Opt(opts, "year"), &year)) {
    std::cerr << "--year=YYYY is required\n";
    return Usage(kReportUsage);
  }
  req.set_year(year);
  const std::string format = Opt(opts, "format", "json");
  if (format == "json") {
    req.set_format(foi::v1::REPORT_JSON);
  } else if (format == "csv") {
    req.set_format(foi::v1::REPORT_CSV);
  } else if (format == "html") {
    req.set_format(foi::v1::REPORT_HTML);
  } else {
    std::cerr << "--format: json, csv or html\n";
    return Usage(kReportUsage);
  }
  if (LeftoverOptions(opts)) return Usage(kReportUsage);
  auto stub = foi::v1::AnalyticsService::NewStub(Channel());
  grpc::ClientContext ctx;
  Prepare(ctx);
  foi::v1::AnnualReport resp;
  grpc::Status s = stub->GetAnnualReport(&ctx, req, &resp);
  if (!s.ok()) return Fail(s);
  std::cout << resp.content();
  return 0;
}

int RunReport(const std::vector<std::string>& pos,
              std::map<std::string, std::string>& opts) {
  if (pos.size() == 1 && pos[0] == "annual") return RunAnnualReport(opts);
  if (pos.size() != 1 || pos[0] != "deadlines") return Usage(kReportUsage);
  foi::v1::GetDeadlineReportRequest req;
  const std::string as_of = Opt(opts, "as-of");
  if (!as_of.empty() && !ParseDate(as_of, req.mutable_as_of())) {
    return Usage(kReportUsage);
  }
  req.set_unit(Opt(opts, "unit"));
  const bool csv = opts.count("csv") > 0;
  opts.erase("csv");
  if (LeftoverOptions(opts)) return Usage(kReportUsage);
  auto stub = foi::v1::DeadlineService::NewStub(Channel());
  grpc::ClientContext ctx;
  Prepare(ctx);
  foi::v1::GetDeadlineReportResponse resp;
  grpc::Status s = stub->GetDeadlineReport(&ctx, req, &resp);
  if (!s.ok()) return Fail(s);
  std::vector<std::vector<std::string>> rows = {
      {"unit", "officer", "open", "due_3wd", "overdue", "closed_on_time",
       "closed_late", "on_time_rate", "median_wd_to_reply"}};
  for (const auto& r : resp.rows()) {
    rows.push_back({r.unit(), r.officer().empty() ? "(all)" : r.officer(),
                    absl::StrCat(r.open()),
                    absl::StrCat(r.due_within_3_working_days()),
                    absl::StrCat(r.overdue()), absl::StrCat(r.closed_on_time()),
                    absl::StrCat(r.closed_late()),
                    absl::StrFormat("%.1f%%", 100 * r.on_time_rate()),
                    absl::StrFormat("%.1f", r.median_working_days_to_reply())});
  }
  if (!csv) std::cout << "as of " << DateText(resp.as_of()) << "\n";
  PrintTable(rows, csv);
  return 0;
}

constexpr char kCalendarUsage[] =
    "foictl calendar load FILE: make FILE (date,kind,name CSV) the agency's\n"
    "  working-day calendar and recompute every open clock\n"
    "  (AdminService.LoadCalendar; ADMIN token)\n";

int RunCalendar(const std::vector<std::string>& pos,
                std::map<std::string, std::string>& opts) {
  if (pos.size() != 2 || pos[0] != "load" || LeftoverOptions(opts)) {
    return Usage(kCalendarUsage);
  }
  std::ifstream in(pos[1]);
  std::stringstream text;
  text << in.rdbuf();
  if (!in) return Usage(absl::StrCat("cannot read ", pos[1], "\n"));
  foi::v1::LoadCalendarRequest req;
  req.set_csv(text.str());
  auto stub = foi::v1::AdminService::NewStub(Channel());
  grpc::ClientContext ctx;
  Prepare(ctx);
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::minutes(30));
  foi::v1::LoadCalendarResponse resp;
  grpc::Status s = stub->LoadCalendar(&ctx, req, &resp);
  return s.ok() ? Print(resp) : Fail(s);
}

}  // namespace

std::vector<Command> DeadlineCommands() {
  return {
      {"due", kDueUsage, RunDue},
      {"report", kReportUsage, RunReport},
      {"calendar", kCalendarUsage, RunCalendar},
  };
}

}  // namespace foictl
