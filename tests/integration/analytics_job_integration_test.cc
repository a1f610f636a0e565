// The foi-analytics job against a real MariaDB: similar applications from
// three applicants, one answered with a disclosure, become one candidate;
// re-runs never duplicate it and skip when nothing is new.
// clang-format off
#include <cppconn/connection.h>
// clang-format on
#include <cppconn/statement.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "foi/v1/analytics_service.grpc.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/store/mysql_analytics_repository.h"
#include "libs/store/transaction.h"
#include "services/analytics_job/disclosure_job.h"
#include "tests/testing/server_fixture.h"

namespace foi {
namespace {

using ::foi::testing::IsOk;
using ::foi::testing::MakeDate;

// Distinct applicants (valid GB 11643 numbers) asking for the same thing in
// different words, scripts and boilerplate; then unrelated requests.
struct Request {
  const char* id_number;
  const char* description;
};
constexpr Request kSame[] = {
    {"110105198001010016", "请提供2024年东湖区老旧小区改造资金安排的相关信息"},
    {"320102198503150027", "申请公开东湖区2024年老旧小区改造资金安排"},
    {"44030519900620003X", "關於2024年東湖區老舊小區改造資金安排"},
    {"510104197511110045", "东湖区２０２４年老旧小区改造资金安排"},
};
constexpr Request kOther[] = {
    {"330106198812080058", "2023年西湖区第一中学学区划分方案"},
    {"110105198001010016", "东湖区环境保护局2022年行政处罚决定书"},
};

class AnalyticsJobIntegrationTest : public foi::testing::ServerFixture {
 protected:
  void SetUp() override {
    ServerFixture::SetUp();
    desk_ = MintToken(v1::FRONT_DESK, "counter 1", "");
    repo_ = std::make_unique<store::MysqlAnalyticsRepository>(&db_->pool());
  }

  v1::Case Submit(const Request& r, const std::string& rid) {
    return SubmitRequest(desk_, rid, r.id_number, r.description,
                         MakeDate(2024, 10, 8));
  }

  // Marks a case replied with `outcome` (what the reply path records).
  void MarkReplied(const v1::Case& c, const std::string& outcome) {
    ASSERT_THAT(store::RunOnConnection(
                    db_->pool(),
                    [&](store::Session& s) {
                      std::unique_ptr<sql::Statement> st(
                          s.connection().createStatement());
                      st->execute(absl::StrCat(
                          "UPDATE cases SET state = 'REPLIED', outcome = '",
                          outcome, "', closed_date = '2024-10-08' WHERE id = '",
                          c.name().substr(6), "'"));
                      return absl::OkStatus();
                    }),
                IsOk());
  }

  absl::StatusOr<analytics_job::RunStats> Run() {
    analytics_job::JobOptions options;
    return analytics_job::RunDisclosureJob(
        *repo_, *repo_, options, foi::testing::BeijingTime(2024, 10, 9),
        &watermark_);
  }

  std::string desk_;
  std::unique_ptr<store::MysqlAnalyticsRepository> repo_;
  std::string watermark_;
};

TEST_F(AnalyticsJobIntegrationTest, SimilarRequestsOfThreeApplicantsBecomeOne) {
  std::vector<v1::Case> same;
  for (size_t i = 0; i < 3; ++i) {
    same.push_back(Submit(kSame[i], absl::StrCat("same-", i)));
  }
  for (size_t i = 0; i < 2; ++i) Submit(kOther[i], absl::StrCat("other-", i));
  MarkReplied(same[0], "DISCLOSED");

  auto stats = Run();
  ASSERT_THAT(stats, IsOk());
  EXPECT_EQ(stats->applications, 5);
  EXPECT_EQ(stats->candidates, 1);
  EXPECT_EQ(stats->inserted, 1);
  auto listed =
      repo_->ListCandidates(store::CandidateState::kProposed, std::nullopt, 10);
  ASSERT_THAT(listed, IsOk());
  ASSERT_EQ(listed->size(), 1u);
  const store::CandidateRow& c = (*listed)[0];
  EXPECT_EQ(c.applicant_count, 3);
  EXPECT_EQ(c.case_ids.size(), 3u);
  // The earliest case (ids sort by time) is the candidate's identity.
  std::string earliest = same[0].name().substr(6);
  for (const v1::Case& s : same)
    earliest = std::min(earliest, s.name().substr(6));
  EXPECT_EQ(c.cluster_key, earliest);
  EXPECT_EQ(c.outcomes.at("DISCLOSED"), 1);

  // Nothing new: nothing written.
  stats = Run();
  ASSERT_THAT(stats, IsOk());
  EXPECT_TRUE(stats->skipped);

  // A fourth applicant joins the same candidate; no duplicate appears.
  Submit(kSame[3], "same-3");
  stats = Run();
  ASSERT_THAT(stats, IsOk());
  EXPECT_EQ(stats->inserted, 0);
  listed =
      repo_->ListCandidates(store::CandidateState::kProposed, std::nullopt, 10);
  ASSERT_THAT(listed, IsOk());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].applicant_count, 4);
}

TEST_F(AnalyticsJobIntegrationTest, ARefusedRequestIsNoCandidate) {
  std::vector<v1::Case> same;
  for (size_t i = 0; i < 3; ++i) {
    same.push_back(Submit(kSame[i], absl::StrCat("refused-", i)));
  }
  MarkReplied(same[0], "DISCLOSED");
  MarkReplied(same[1], "NOT_DISCLOSED");
  auto stats = Run();
  ASSERT_THAT(stats, IsOk());
  EXPECT_EQ(stats->candidates, 0);
}

}  // namespace
}  // namespace foi
