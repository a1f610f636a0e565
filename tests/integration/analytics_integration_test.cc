// AnalyticsService end to end: the annual report counted from real cases and
// appeals, with the topics of the year's applications, and the candidate →
// catalogue decision — the real server over loopback gRPC on MariaDB.
#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "foi/v1/analytics_service.grpc.pb.h"
#include "gmock/gmock.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "libs/store/mysql_analytics_repository.h"
#include "tests/testing/server_fixture.h"

namespace foi {
namespace {

using ::foi::testing::IsOk;
using ::foi::testing::MakeDate;
using ::testing::HasSubstr;
using ::testing::Not;

class AnalyticsIntegrationTest : public foi::testing::ServerFixture {
 protected:
  void SetUp() override {
    ServerFixture::SetUp();
    desk_ = MintToken(v1::FRONT_DESK, "counter 1", "");
    li_ = MintToken(v1::OFFICER, "li", "ogi-office");
    chen_ = MintToken(v1::MANAGER, "chen", "ogi-office");
  }

  // Drafts and issues a reply that releases nothing.
  void Reply(const v1::Case& c, v1::ReplyOutcome outcome,
             v1::ExemptionGround ground) {
    grpc::ClientContext ctx;
    Auth(ctx, li_);
    v1::DraftReplyRequest req;
    req.set_name(c.name());
    req.set_etag(c.etag());
    req.set_outcome(outcome);
    if (ground != v1::EXEMPTION_GROUND_UNSPECIFIED) req.add_grounds(ground);
    if (outcome == v1::CANNOT_PROVIDE) req.set_reason(v1::NOT_HELD);
    v1::DraftReplyResponse drafted;
    grpc::Status s = reply_->DraftReply(&ctx, req, &drafted);
    ASSERT_TRUE(s.ok()) << s.error_message();
    grpc::ClientContext issue_ctx;
    Auth(issue_ctx, li_);
    v1::IssueReplyRequest issue;
    issue.set_name(c.name());
    issue.set_etag(drafted.case_().etag());
    v1::IssueReplyResponse issued;
    s = reply_->IssueReply(&issue_ctx, issue, &issued);
    ASSERT_TRUE(s.ok()) << s.error_message();
  }

  // The report's row `code` in column `column`, from its JSON.
  static double Cell(const google::protobuf::Struct& report,
                     const std::string& code, const std::string& column) {
    for (const auto& row : report.fields()
                               .at("applications")
                               .struct_value()
                               .fields()
                               .at("rows")
                               .list_value()
                               .values()) {
      const auto& fields = row.struct_value().fields();
      if (fields.at("code").string_value() == code) {
        return fields.at("counts")
            .struct_value()
            .fields()
            .at(column)
            .number_value();
      }
    }
    ADD_FAILURE() << "no row " << code;
    return -1;
  }

  std::string desk_, li_, chen_;
};

TEST_F(AnalyticsIntegrationTest, AnnualReportCountsTheYearsCasesAndAppeals) {
  // Received 2024-10-08 (the fixture's today), all by natural persons.
  const v1::Case secret =
      SubmitAs(desk_, "ar-1", MakeDate(2024, 10, 8), "ogi-office");
  const v1::Case not_held =
      SubmitAs(desk_, "ar-2", MakeDate(2024, 10, 8), "ogi-office");
  const v1::Case open =
      SubmitAs(desk_, "ar-3", MakeDate(2024, 10, 8), "ogi-office");
  const v1::Case withdrawn =
      SubmitAs(desk_, "ar-4", MakeDate(2024, 10, 8), "ogi-office");
  Reply(secret, v1::NOT_DISCLOSED, v1::STATE_SECRET);
  Reply(not_held, v1::CANNOT_PROVIDE, v1::EXEMPTION_GROUND_UNSPECIFIED);
  {
    grpc::ClientContext ctx;
    Auth(ctx, desk_);
    v1::WithdrawApplicationRequest req;
    req.set_name(withdrawn.name());
    req.set_etag(withdrawn.etag());
    v1::Case out;
    ASSERT_TRUE(intake_->WithdrawApplication(&ctx, req, &out).ok());
  }
  for (v1::AppealResult result : {v1::UPHELD, v1::PENDING}) {
    grpc::ClientContext ctx;
    Auth(ctx, chen_);
    v1::RecordAppealRequest req;
    req.mutable_appeal()->set_case_(secret.name());
    req.mutable_appeal()->set_kind(v1::RECONSIDERATION);
    req.mutable_appeal()->set_result(result);
    *req.mutable_appeal()->mutable_filed_date() = MakeDate(2024, 10, 8);
    if (result != v1::PENDING) {
      *req.mutable_appeal()->mutable_decided_date() = MakeDate(2024, 10, 8);
    }
    v1::Appeal appeal;
    grpc::Status s = analytics_->RecordAppeal(&ctx, req, &appeal);
    ASSERT_TRUE(s.ok()) << s.error_message();
  }

  grpc::ClientContext ctx;
  Auth(ctx, chen_);
  v1::GetAnnualReportRequest req;
  req.set_year(2024);
  v1::AnnualReport report;
  grpc::Status s = analytics_->GetAnnualReport(&ctx, req, &report);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(report.cases(), 4);
  google::protobuf::Struct json;
  ASSERT_TRUE(
      google::protobuf::util::JsonStringToMessage(report.content(), &json)
          .ok());
  // Counted by hand from the four cases above.
  EXPECT_EQ(Cell(json, "一", "NATURAL_PERSON"), 4);
  EXPECT_EQ(Cell(json, "二", "TOTAL"), 0);
  EXPECT_EQ(Cell(json, "三(三)1", "NATURAL_PERSON"), 1);  // state secret
  EXPECT_EQ(Cell(json, "三(四)1", "NATURAL_PERSON"), 1);  // not held
  EXPECT_EQ(Cell(json, "三(六)3", "NATURAL_PERSON"), 1);  // withdrawn
  EXPECT_EQ(Cell(json, "三(七)", "TOTAL"), 3);
  EXPECT_EQ(Cell(json, "四", "TOTAL"), 1);
  EXPECT_THAT(report.content(), HasSubstr("\"upheld\":1"));
  EXPECT_THAT(report.content(), HasSubstr("\"pending\":1"));

  grpc::ClientContext csv_ctx;
  Auth(csv_ctx, chen_);
  req.set_format(v1::REPORT_CSV);
  ASSERT_TRUE(analytics_->GetAnnualReport(&csv_ctx, req, &report).ok());
  EXPECT_THAT(report.content(), HasSubstr("本年新收政府信息公开申请数量"));
  grpc::ClientContext html_ctx;
  Auth(html_ctx, chen_);
  req.set_format(v1::REPORT_HTML);
  ASSERT_TRUE(analytics_->GetAnnualReport(&html_ctx, req, &report).ok());
  EXPECT_THAT(report.content(), HasSubstr("lang=\"zh-CN\""));
}

TEST_F(AnalyticsIntegrationTest, AnnualReportListsTopicsOfTheYearsRequests) {
  // The same request for a compensation plan from four applicants in 2024,
  // worded their own way (boilerplate, abbreviation, traditional script).
  struct Request {
    const char* id_number;
    v1::Date receipt;
    const char* description;
  };
  const Request kSame[] = {
      {"110102198503120048", MakeDate(2024, 1, 1),
       "请公开西城区2024年棚户区改造项目房屋征收补偿方案"},
      {"310104199207080058", MakeDate(2024, 3, 15),
       "申请公开西城区2024年棚改项目房屋征收补偿方案"},
      {"420106197801150038", MakeDate(2024, 10, 8),
       "关于西城区2024年棚户区改造项目房屋征收补偿方案的相关信息"},
      {"610103198809230068", MakeDate(2024, 10, 8),
       "西城區2024年棚戶區改造項目房屋徵收補償方案"},
  };
  // Received in 2023: another year's report.
  const Request kLastYear = {"210202199504180070", MakeDate(2023, 12, 31),
                             "西城区2024年棚户区改造项目房屋征收补偿方案"};
  // Asked once each.
  const Request kOther[] = {
      {"110102198503120048", MakeDate(2024, 5, 20),
       "2024年西湖区第一中学学区划分方案"},
      {"310104199207080058", MakeDate(2024, 6, 3),
       "东湖区生态环境局对东湖化工有限公司的行政处罚决定书"},
      {"420106197801150038", MakeDate(2024, 9, 9),
       "市交通委关于5路公交线路调整的会议纪要"},
  };
  int n = 0;
  for (const Request& r : {kSame[0], kSame[1], kSame[2], kSame[3], kLastYear,
                           kOther[0], kOther[1], kOther[2]}) {
    SubmitRequest(desk_, absl::StrCat("topic-", n++), r.id_number,
                  r.description, r.receipt);
  }

  grpc::ClientContext ctx;
  Auth(ctx, chen_);
  v1::GetAnnualReportRequest req;
  req.set_year(2024);
  req.set_format(v1::REPORT_JSON);
  v1::AnnualReport report;
  grpc::Status s = analytics_->GetAnnualReport(&ctx, req, &report);
  ASSERT_TRUE(s.ok()) << s.error_message();
  google::protobuf::Struct json;
  ASSERT_TRUE(
      google::protobuf::util::JsonStringToMessage(report.content(), &json)
          .ok());
  const auto& topics = json.fields().at("topics").list_value().values();
  ASSERT_EQ(topics.size(), 1) << report.content();
  const auto& topic = topics[0].struct_value().fields();
  EXPECT_THAT(topic.at("label").string_value(), HasSubstr("征收补偿方案"));
  EXPECT_EQ(topic.at("count").number_value(), 4);
  for (const char* other : {"学区", "行政处罚", "公交"}) {
    EXPECT_THAT(report.content(), Not(HasSubstr(other)));
  }

  // The HTML report shows the same topic.
  grpc::ClientContext html_ctx;
  Auth(html_ctx, chen_);
  req.set_format(v1::REPORT_HTML);
  ASSERT_TRUE(analytics_->GetAnnualReport(&html_ctx, req, &report).ok());
  EXPECT_THAT(report.content(), HasSubstr(topic.at("label").string_value()));
}

TEST_F(AnalyticsIntegrationTest, PublishedTopicsCarryNoPhoneNumbers) {
  // Two applicants paste the same request, a phone number included.
  const char* kIds[] = {"110102198503120048", "310104199207080058"};
  for (int i = 0; i < 2; ++i) {
    SubmitRequest(
        desk_, absl::StrCat("phone-", i), kIds[i],
        "西城区2024年棚户区改造项目房屋征收补偿方案，联系电话13900000000",
        MakeDate(2024, 5, 6));
  }
  grpc::ClientContext ctx;
  Auth(ctx, chen_);
  v1::GetAnnualReportRequest req;
  req.set_year(2024);
  req.set_format(v1::REPORT_CSV);
  v1::AnnualReport report;
  grpc::Status s = analytics_->GetAnnualReport(&ctx, req, &report);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_THAT(report.content(), HasSubstr("征收补偿方案，联系电话■■■"));
  EXPECT_THAT(report.content(), Not(HasSubstr("13900000000")));
}

TEST_F(AnalyticsIntegrationTest, ApplicationsReceivedArePagedWithinTheYear) {
  SubmitAs(desk_, "page-0", MakeDate(2023, 12, 31));
  // Submitted after an Oct 8 one, read before it.
  std::vector<std::string> oct8 = {
      SubmitAs(desk_, "page-1", MakeDate(2024, 10, 8)).name().substr(6)};
  const std::string jan1 =
      SubmitAs(desk_, "page-2", MakeDate(2024, 1, 1)).name().substr(6);
  for (const char* rid : {"page-3", "page-4"}) {
    oct8.push_back(
        SubmitAs(desk_, rid, MakeDate(2024, 10, 8)).name().substr(6));
  }
  std::sort(oct8.begin(), oct8.end());
  std::vector<std::string> in_2024 = {jan1};
  in_2024.insert(in_2024.end(), oct8.begin(), oct8.end());

  store::MysqlAnalyticsRepository repo(&db_->pool());
  std::vector<std::string> read;
  std::optional<std::pair<absl::CivilDay, std::string>> after;
  for (int pages = 0; pages < 10; ++pages) {
    auto page = repo.ListApplicationsReceived(2024, after, 2);
    ASSERT_THAT(page, IsOk());
    if (page->empty()) break;
    for (const store::ApplicationRow& a : *page) {
      EXPECT_EQ(a.receipt_date.year(), 2024);
      read.push_back(a.case_id);
    }
    after = std::make_pair(page->back().receipt_date, page->back().case_id);
  }
  EXPECT_EQ(read, in_2024);
  auto none = repo.ListApplicationsReceived(2022, std::nullopt, 10);
  ASSERT_THAT(none, IsOk());
  EXPECT_TRUE(none->empty());
}

TEST_F(AnalyticsIntegrationTest, ReportAndAppealInputIsChecked) {
  grpc::ClientContext ctx;
  Auth(ctx, chen_);
  v1::GetAnnualReportRequest req;
  req.set_year(2018);
  v1::AnnualReport report;
  grpc::Status s = analytics_->GetAnnualReport(&ctx, req, &report);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(s.error_message(), HasSubstr("year"));
  grpc::ClientContext officer;
  Auth(officer, li_);
  req.set_year(2024);
  EXPECT_EQ(analytics_->GetAnnualReport(&officer, req, &report).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  grpc::ClientContext appeal_ctx;
  Auth(appeal_ctx, chen_);
  v1::RecordAppealRequest appeal;
  appeal.mutable_appeal()->set_case_("cases/nope");
  appeal.mutable_appeal()->set_kind(v1::LITIGATION_DIRECT);
  appeal.mutable_appeal()->set_result(v1::PENDING);
  *appeal.mutable_appeal()->mutable_filed_date() = MakeDate(2024, 10, 1);
  v1::Appeal out;
  EXPECT_EQ(analytics_->RecordAppeal(&appeal_ctx, appeal, &out).error_code(),
            grpc::StatusCode::NOT_FOUND);
  grpc::ClientContext future_ctx;
  Auth(future_ctx, chen_);
  *appeal.mutable_appeal()->mutable_filed_date() = MakeDate(2024, 12, 1);
  s = analytics_->RecordAppeal(&future_ctx, appeal, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(s.error_message(), HasSubstr("filed_date"));
}

TEST_F(AnalyticsIntegrationTest, AnAcceptedCandidateEntersTheCatalogueOnce) {
  store::MysqlAnalyticsRepository repo(&db_->pool());
  store::CandidateRow c;
  c.id = "cand1";
  c.cluster_key = "k1";
  c.representative = "2024年东湖区老旧小区改造资金安排";
  c.case_ids = {"a", "b", "c"};
  c.applicant_count = 3;
  c.outcomes = {{"DISCLOSED", 1}};
  c.first_receipt_date = absl::CivilDay(2024, 9, 1);
  c.last_receipt_date = absl::CivilDay(2024, 10, 1);
  c.score = 3.5;
  ASSERT_THAT(repo.UpsertCandidates({c}, absl::Now()), IsOk());
  // A re-run does not duplicate it.
  auto again = repo.UpsertCandidates({c}, absl::Now());
  ASSERT_THAT(again, IsOk());
  EXPECT_EQ(*again, 0);

  grpc::ClientContext list_ctx;
  Auth(list_ctx, li_);
  v1::ListDisclosureCandidatesResponse list;
  ASSERT_TRUE(analytics_->ListDisclosureCandidates(&list_ctx, {}, &list).ok());
  ASSERT_EQ(list.candidates_size(), 1);
  EXPECT_EQ(list.candidates(0).applicant_count(), 3);

  v1::DecideCandidateRequest decide;
  decide.set_name(list.candidates(0).name());
  decide.set_decision(v1::ACCEPTED);
  decide.set_title("东湖区老旧小区改造资金安排");
  v1::DisclosureCandidate decided;
  grpc::ClientContext bad;
  Auth(bad, chen_);
  grpc::Status s = analytics_->DecideCandidate(&bad, decide, &decided);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(s.error_message(), HasSubstr("location"));
  grpc::ClientContext officer;
  Auth(officer, li_);
  decide.set_location("https://example.gov.cn/xxgk/zdgk/123");
  EXPECT_EQ(
      analytics_->DecideCandidate(&officer, decide, &decided).error_code(),
      grpc::StatusCode::PERMISSION_DENIED);
  grpc::ClientContext ok;
  Auth(ok, chen_);
  s = analytics_->DecideCandidate(&ok, decide, &decided);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(decided.state(), v1::ACCEPTED);
  EXPECT_FALSE(decided.disclosure().empty());
  grpc::ClientContext twice;
  Auth(twice, chen_);
  EXPECT_EQ(analytics_->DecideCandidate(&twice, decide, &decided).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);

  grpc::ClientContext catalogue;
  Auth(catalogue, desk_);
  v1::ListProactiveDisclosuresResponse entries;
  ASSERT_TRUE(
      analytics_->ListProactiveDisclosures(&catalogue, {}, &entries).ok());
  ASSERT_EQ(entries.disclosures_size(), 1);
  EXPECT_EQ(entries.disclosures(0).title(), "东湖区老旧小区改造资金安排");
  // Decided candidates are left alone by re-runs.
  c.representative = "changed";
  ASSERT_THAT(repo.UpsertCandidates({c}, absl::Now()), IsOk());
  grpc::ClientContext accepted_ctx;
  Auth(accepted_ctx, li_);
  v1::ListDisclosureCandidatesRequest accepted;
  accepted.set_state(v1::ACCEPTED);
  ASSERT_TRUE(
      analytics_->ListDisclosureCandidates(&accepted_ctx, accepted, &list)
          .ok());
  ASSERT_EQ(list.candidates_size(), 1);
  EXPECT_EQ(list.candidates(0).representative(),
            "2024年东湖区老旧小区改造资金安排");
}

}  // namespace
}  // namespace foi
