// DeadlineService end to end in one process: the real assembly over loopback
// gRPC against MariaDB, with an injected clock (time moves by assignment, no
// test sleeps) and the sweeper driven by hand.
#include <memory>
#include <string>
#include <vector>

// clang-format off
#include <cppconn/connection.h>
// clang-format on
#include <cppconn/statement.h>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"
#include "foi/v1/admin_service.grpc.pb.h"
#include "foi/v1/deadline_service.grpc.pb.h"
#include "foi/v1/intake_service.grpc.pb.h"
#include "gmock/gmock.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "libs/common/testing/fake_clock.h"
#include "libs/common/testing/status_matchers.h"
#include "libs/store/testing/test_database.h"
#include "libs/store/transaction.h"
#include "services/deadline/deadline_sweeper.h"
#include "services/foi_server/assembly.h"
#include "services/foi_server/default_calendar.h"
#include "tests/testing/server_fixture.h"

namespace foi {
namespace {

using ::foi::testing::IsOk;
using ::testing::HasSubstr;

using ::foi::testing::BeijingTime;

absl::Time At(int y, int m, int d, int hour = 10) {
  return BeijingTime(y, m, d, hour);
}

v1::Date DateOf(int y, int m, int d) { return foi::testing::MakeDate(y, m, d); }

std::string Ymd(const v1::Date& d) {
  return absl::StrFormat("%04d-%02d-%02d", d.year(), d.month(), d.day());
}

const v1::Clock* FindClock(const v1::Case& c, v1::ClockKind kind) {
  for (const v1::Clock& k : c.clocks()) {
    if (k.kind() == kind) return &k;
  }
  return nullptr;
}

class DeadlineIntegrationTest : public foi::testing::ServerFixture {
 protected:
  void SetUp() override {
    ServerFixture::SetUp();
    desk_ = MintToken(v1::FRONT_DESK, "counter 1", "");
    officer_ = MintToken(v1::OFFICER, "li", "ogi-office");
    manager_ = MintToken(v1::MANAGER, "chen", "ogi-office");
  }

  v1::Case Submit(const std::string& rid, v1::Date receipt) {
    return SubmitAs(desk_, rid, receipt);
  }

  v1::Case Get(const std::string& name) { return GetAs(desk_, name); }

  void Sql(const std::string& statement) {
    ASSERT_THAT(store::RunOnConnection(db_->pool(),
                                       [&](store::Session& s) {
                                         std::unique_ptr<sql::Statement> st(
                                             s.connection().createStatement());
                                         st->execute(statement);
                                         return absl::OkStatus();
                                       }),
                IsOk());
  }

  std::string desk_, officer_, manager_;
};

TEST_F(DeadlineIntegrationTest, SubmissionReturnsTheStatutoryClocks) {
  // cn-ogi-rules.md §8: received Fri 2024-09-27 -> correction notice by the
  // make-up Saturday 2024-10-12, reply by 2024-10-30.
  const v1::Case c = Submit("clk-1", DateOf(2024, 9, 27));
  const v1::Clock* reply = FindClock(c, v1::REPLY);
  const v1::Clock* notice = FindClock(c, v1::CORRECTION_NOTICE);
  ASSERT_NE(reply, nullptr);
  ASSERT_NE(notice, nullptr);
  EXPECT_EQ(Ymd(reply->due_date()), "2024-10-30");
  EXPECT_EQ(reply->allowed_working_days(), 20);
  EXPECT_EQ(Ymd(notice->due_date()), "2024-10-12");
  EXPECT_FALSE(reply->provisional());
}

TEST_F(DeadlineIntegrationTest, GetClocksExplainsTheDueDateDayByDay) {
  const v1::Case c = Submit("clk-2", DateOf(2024, 9, 27));
  grpc::ClientContext ctx;
  Auth(ctx, officer_);
  v1::GetClocksRequest req;
  req.set_name(c.name());
  v1::GetClocksResponse resp;
  ASSERT_TRUE(deadline_->GetClocks(&ctx, req, &resp).ok());
  ASSERT_GE(resp.clocks_size(), 2);
  const v1::Clock& reply = resp.clocks(0);
  EXPECT_EQ(reply.kind(), v1::REPLY);
  ASSERT_GT(reply.ledger_size(), 20);
  EXPECT_EQ(reply.ledger(0).kind(), "START");
  EXPECT_EQ(reply.ledger(reply.ledger_size() - 1).kind(), "DUE");
  EXPECT_EQ(Ymd(reply.ledger(reply.ledger_size() - 1).day()), "2024-10-30");
  bool national_day = false;
  for (const v1::LedgerEntry& e : reply.ledger()) {
    if (e.kind() == "HOLIDAY" && absl::StrContains(e.note(), "国庆")) {
      national_day = true;
    }
  }
  EXPECT_TRUE(national_day) << "the skipped National Day holiday is named";
  EXPECT_EQ(resp.calendar_version().size(), 64u);
}

TEST_F(DeadlineIntegrationTest, OneExtensionRequestedApprovedThenNoMore) {
  v1::Case c = Submit("ext-1", DateOf(2024, 9, 27));
  auto request = [&](const std::string& token, const std::string& etag,
                     int days) {
    grpc::ClientContext ctx;
    Auth(ctx, token);
    v1::RequestExtensionRequest req;
    req.set_name(c.name());
    req.set_etag(etag);
    req.set_working_days(days);
    req.set_reason("需要调取档案");
    v1::Case out;
    grpc::Status s = deadline_->RequestExtension(&ctx, req, &out);
    if (s.ok()) c = out;
    return s.error_code();
  };
  auto approve = [&](const std::string& token) {
    grpc::ClientContext ctx;
    Auth(ctx, token);
    v1::ApproveExtensionRequest req;
    req.set_name(c.name());
    req.set_etag(c.etag());
    v1::Case out;
    grpc::Status s = deadline_->ApproveExtension(&ctx, req, &out);
    if (s.ok()) c = out;
    return s.error_code();
  };
  EXPECT_EQ(request(officer_, c.etag(), 21), grpc::INVALID_ARGUMENT);
  EXPECT_EQ(request(officer_, "W/\"7\"", 20), grpc::ABORTED);
  EXPECT_EQ(request(officer_, c.etag(), 20), grpc::OK);
  EXPECT_EQ(Ymd(FindClock(c, v1::REPLY)->due_date()), "2024-10-30");
  EXPECT_EQ(request(officer_, c.etag(), 10), grpc::FAILED_PRECONDITION)
      << "a request is already pending";
  EXPECT_EQ(approve(officer_), grpc::PERMISSION_DENIED);
  EXPECT_EQ(approve(manager_), grpc::OK);
  // §8: +40 working days from 2024-09-27.
  EXPECT_EQ(Ymd(FindClock(c, v1::REPLY)->due_date()), "2024-11-27");
  EXPECT_EQ(FindClock(c, v1::REPLY)->allowed_working_days(), 40);
  EXPECT_EQ(request(officer_, c.etag(), 5), grpc::FAILED_PRECONDITION)
      << "Art. 33 allows one extension";
}

TEST_F(DeadlineIntegrationTest,
       ComputeDueDateExcludesAConsultationOverAHoliday) {
  grpc::ClientContext ctx;
  Auth(ctx, desk_);
  v1::ComputeDueDateRequest req;
  req.set_kind(v1::REPLY);
  *req.mutable_start_date() = DateOf(2024, 9, 20);
  // Letter out Mon 09-23, answer in Tue 10-08: (09-23, 10-08] holds seven
  // working days — 09-24..09-27, the make-up Sunday 09-29, 09-30 and 10-08;
  // the National Day holiday 10-01..10-07 was never counted anyway.
  auto* k = req.add_consultations();
  *k->mutable_start_date() = DateOf(2024, 9, 23);
  *k->mutable_end_date() = DateOf(2024, 10, 8);
  v1::Clock with;
  ASSERT_TRUE(deadline_->ComputeDueDate(&ctx, req, &with).ok());
  grpc::ClientContext ctx2;
  Auth(ctx2, desk_);
  req.clear_consultations();
  v1::Clock without;
  ASSERT_TRUE(deadline_->ComputeDueDate(&ctx2, req, &without).ok());
  EXPECT_EQ(with.suspended_working_days(), 7);
  EXPECT_GT(Ymd(with.due_date()), Ymd(without.due_date()));
  grpc::ClientContext ctx3;
  Auth(ctx3, desk_);
  req.set_extension_days(21);
  v1::Clock bad;
  EXPECT_EQ(deadline_->ComputeDueDate(&ctx3, req, &bad).error_code(),
            grpc::INVALID_ARGUMENT);
}

TEST_F(DeadlineIntegrationTest, SweeperStreamsDueSoonThenOverdueAlertsOnce) {
  clock_.Set(At(2024, 10, 25));
  const v1::Case c = Submit("alert-1", DateOf(2024, 9, 27));  // due 10-30
  Submit("alert-2", DateOf(2024, 10, 24));                    // not soon

  grpc::ClientContext watch_ctx;
  Auth(watch_ctx, manager_);
  v1::WatchAlertsRequest watch;
  auto reader = deadline_->WatchAlerts(&watch_ctx, watch);

  deadline::DeadlineSweeper sweeper(&server_->deps());
  // Fri 10-25: 10-30 is 3 working days ahead (Mon, Tue, Wed).
  auto first = sweeper.RunOnce(clock_.Now());
  ASSERT_THAT(first, IsOk());
  EXPECT_EQ(first->due_soon, 1);
  EXPECT_EQ(first->overdue, 0);
  auto again = sweeper.RunOnce(clock_.Now());
  ASSERT_THAT(again, IsOk());
  EXPECT_EQ(again->due_soon + again->overdue, 0) << "no duplicate alerts";
  clock_.Set(At(2024, 10, 30, 23));
  auto on_due_day = sweeper.RunOnce(clock_.Now());
  ASSERT_THAT(on_due_day, IsOk());
  EXPECT_EQ(on_due_day->overdue, 0) << "due today is still on time";
  clock_.Set(At(2024, 10, 31, 0));
  auto next_day = sweeper.RunOnce(clock_.Now());
  ASSERT_THAT(next_day, IsOk());
  EXPECT_EQ(next_day->overdue, 1);

  v1::DeadlineAlert alert;
  ASSERT_TRUE(reader->Read(&alert));
  EXPECT_EQ(alert.kind(), "DUE_SOON");
  EXPECT_EQ(alert.case_(), c.name());
  EXPECT_EQ(Ymd(alert.due_date()), "2024-10-30");
  ASSERT_TRUE(reader->Read(&alert));
  EXPECT_EQ(alert.kind(), "OVERDUE");
  const int64_t last_id = alert.alert_id();
  watch_ctx.TryCancel();
  reader->Finish();

  // A client that reconnects with the last id it saw gets nothing twice, and
  // one that starts over from 1 gets the history.
  grpc::ClientContext replay_ctx;
  Auth(replay_ctx, manager_);
  watch.set_after_alert_id(1);
  auto replay = deadline_->WatchAlerts(&replay_ctx, watch);
  ASSERT_TRUE(replay->Read(&alert));
  EXPECT_EQ(alert.alert_id(), last_id);
  replay_ctx.TryCancel();
  replay->Finish();

  // ListDueCases: overdue first, with how late it is.
  grpc::ClientContext ctx;
  Auth(ctx, officer_);
  v1::ListDueCasesRequest due;
  v1::ListDueCasesResponse due_resp;
  ASSERT_TRUE(deadline_->ListDueCases(&ctx, due, &due_resp).ok());
  ASSERT_GE(due_resp.due_cases_size(), 1);
  EXPECT_EQ(due_resp.due_cases(0).case_().name(), c.name());
  EXPECT_EQ(due_resp.due_cases(0).working_days_left(), -1);
}

TEST_F(DeadlineIntegrationTest, ReportMatchesHandCountedCases) {
  clock_.Set(At(2024, 11, 20));
  // ogi-office/li: A open due 11-21 (soon), B open overdue, C replied on
  // time after 12 working days, D replied late after 25.
  // ogi-office unassigned: E open not soon. planning/zhao: F replied on time
  // after 4, G withdrawn (neither open nor closed on time).
  const v1::Case a = Submit("r-a", DateOf(2024, 10, 23));  // due 2024-11-20
  const v1::Case b = Submit("r-b", DateOf(2024, 10, 8));   // due 2024-11-04
  const v1::Case cc = Submit("r-c", DateOf(2024, 10, 8));
  const v1::Case d = Submit("r-d", DateOf(2024, 10, 8));
  Submit("r-e", DateOf(2024, 11, 19));
  const v1::Case f = Submit("r-f", DateOf(2024, 11, 4));
  const v1::Case g = Submit("r-g", DateOf(2024, 11, 4));
  auto id = [](const v1::Case& c) { return c.name().substr(6); };
  Sql("UPDATE cases SET assignee = 'li' WHERE id IN ('" + id(a) + "','" +
      id(b) + "','" + id(cc) + "','" + id(d) + "')");
  Sql("UPDATE cases SET unit = 'planning', assignee = 'zhao' WHERE id IN ('" +
      id(f) + "','" + id(g) + "')");
  Sql("UPDATE cases SET state = 'REPLIED', closed_date = '2024-10-24',"
      " reply_working_days = 12 WHERE id = '" +
      id(cc) + "'");
  Sql("UPDATE cases SET state = 'REPLIED', closed_date = '2024-11-12',"
      " reply_working_days = 25 WHERE id = '" +
      id(d) + "'");
  Sql("UPDATE cases SET state = 'REPLIED', closed_date = '2024-11-08',"
      " reply_working_days = 4 WHERE id = '" +
      id(f) + "'");
  Sql("UPDATE cases SET state = 'WITHDRAWN', closed_date = '2024-11-06'"
      " WHERE id = '" +
      id(g) + "'");

  grpc::ClientContext ctx;
  Auth(ctx, manager_);
  v1::GetDeadlineReportRequest req;
  *req.mutable_as_of() = DateOf(2024, 11, 20);
  v1::GetDeadlineReportResponse resp;
  ASSERT_TRUE(deadline_->GetDeadlineReport(&ctx, req, &resp).ok());
  ASSERT_EQ(resp.rows_size(), 5);
  const auto& office = resp.rows(0);
  EXPECT_EQ(office.unit(), "ogi-office");
  EXPECT_EQ(office.officer(), "");
  EXPECT_EQ(office.open(), 3);
  EXPECT_EQ(office.due_within_3_working_days(), 1);
  EXPECT_EQ(office.overdue(), 1);
  EXPECT_EQ(office.closed_on_time(), 1);
  EXPECT_EQ(office.closed_late(), 1);
  EXPECT_DOUBLE_EQ(office.on_time_rate(), 0.5);
  EXPECT_DOUBLE_EQ(office.median_working_days_to_reply(), 18.5);
  EXPECT_EQ(resp.rows(1).officer(), "(unassigned)");
  EXPECT_EQ(resp.rows(1).open(), 1);
  EXPECT_EQ(resp.rows(2).officer(), "li");
  EXPECT_EQ(resp.rows(2).open(), 2);
  const auto& planning = resp.rows(3);
  EXPECT_EQ(planning.unit(), "planning");
  EXPECT_EQ(planning.open(), 0);
  EXPECT_EQ(planning.closed_on_time(), 1);
  EXPECT_DOUBLE_EQ(planning.on_time_rate(), 1.0);
  EXPECT_DOUBLE_EQ(planning.median_working_days_to_reply(), 4);

  grpc::ClientContext officer_ctx;
  Auth(officer_ctx, officer_);
  EXPECT_EQ(deadline_->GetDeadlineReport(&officer_ctx, req, &resp).error_code(),
            grpc::PERMISSION_DENIED);
}

TEST_F(DeadlineIntegrationTest, LoadingANewerCalendarRecomputesOpenClocks) {
  clock_.Set(At(2026, 12, 21));
  // Received in late December 2026: the reply falls in January 2027, past
  // the calendar's coverage, so it is provisional.
  const v1::Case c = Submit("cal-1", DateOf(2026, 12, 21));
  const v1::Clock* before = FindClock(c, v1::REPLY);
  ASSERT_NE(before, nullptr);
  EXPECT_TRUE(before->provisional());
  const std::string old_due = Ymd(before->due_date());

  // The 2027 arrangements arrive: New Year's Day off, plus (fictional, for
  // the test) the 4th and 5th of January.
  std::string csv(foi_server::DefaultCalendarCsv());
  csv +=
      "\n2027-01-01,holiday,元旦\n2027-01-04,holiday,测试\n"
      "2027-01-05,holiday,测试\n2027-12-31,holiday,测试\n";
  grpc::ClientContext ctx;
  Auth(ctx, kAdminSecret);
  v1::LoadCalendarRequest load;
  load.set_csv(csv);
  v1::LoadCalendarResponse loaded;
  grpc::Status s = admin_->LoadCalendar(&ctx, load, &loaded);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(Ymd(loaded.last_day()), "2027-12-31");
  EXPECT_GE(loaded.cases_recomputed(), 1);
  EXPECT_EQ(loaded.due_dates_changed(), 1);

  const v1::Case after = Get(c.name());
  const v1::Clock* reply = FindClock(after, v1::REPLY);
  EXPECT_FALSE(reply->provisional());
  EXPECT_GT(Ymd(reply->due_date()), old_due);

  // A smaller calendar is refused, a malformed one names the line.
  grpc::ClientContext ctx2;
  Auth(ctx2, kAdminSecret);
  load.set_csv(std::string(foi_server::DefaultCalendarCsv()));
  EXPECT_EQ(admin_->LoadCalendar(&ctx2, load, &loaded).error_code(),
            grpc::FAILED_PRECONDITION);
  grpc::ClientContext ctx3;
  Auth(ctx3, kAdminSecret);
  load.set_csv("date,kind,name\n2027-02-30,holiday,x\n");
  grpc::Status bad = admin_->LoadCalendar(&ctx3, load, &loaded);
  EXPECT_EQ(bad.error_code(), grpc::INVALID_ARGUMENT);
  EXPECT_THAT(bad.error_message(), HasSubstr("csv"));
}

}  // namespace
}  // namespace foi
