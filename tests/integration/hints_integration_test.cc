// Near-duplicate hints end to end: applications submitted through the real
// server, compared by foi-analytics' hint worker against a real MariaDB,
// shown in the casework queue and by AnalyticsService.GetNearDuplicateHints,
// including the catalogue entry that already publishes the information
// (Art. 36(1)).
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "foi/v1/analytics_service.grpc.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/store/mysql_analytics_repository.h"
#include "libs/store/mysql_hint_repository.h"
#include "services/analytics_job/hint_worker.h"
#include "tests/testing/server_fixture.h"

namespace foi {
namespace {

using ::foi::testing::IsOk;
using ::foi::testing::MakeDate;
using ::testing::IsEmpty;
using ::testing::SizeIs;

// Distinct applicants asking for the same thing in other words; then an
// unrelated request.
constexpr const char* kSame[] = {
    "请提供2024年东湖区老旧小区改造资金安排的相关信息",
    "申请公开东湖区2024年老旧小区改造资金安排",
    "關於2024年東湖區老舊小區改造資金安排",
    "东湖区２０２４年老旧小区改造资金安排情况",
};
constexpr const char* kOther = "2023年西湖区第一中学学区划分方案";
constexpr const char* kIdNumbers[] = {
    "110105198001010016", "320102198503150027", "44030519900620003X",
    "510104197511110045", "330106198812080058"};

class HintsIntegrationTest : public foi::testing::ServerFixture {
 protected:
  void SetUp() override {
    ServerFixture::SetUp();
    desk_ = MintToken(v1::FRONT_DESK, "counter 1", "");
    li_ = MintToken(v1::OFFICER, "li", "ogi-office");
    chen_ = MintToken(v1::MANAGER, "chen", "ogi-office");
    analytics_repo_ =
        std::make_unique<store::MysqlAnalyticsRepository>(&db_->pool());
    hint_repo_ = std::make_unique<store::MysqlHintRepository>(&db_->pool());
  }

  // Submits one application a second after the previous one, so case ids
  // (which start with the creation time) sort in submission order.
  v1::Case Submit(const std::string& description, int applicant) {
    clock_.Advance(absl::Seconds(1));
    return SubmitRequest(desk_, absl::StrCat("rid-", ++n_),
                         kIdNumbers[applicant], description,
                         MakeDate(2024, 10, 8));
  }

  absl::StatusOr<analytics_job::HintRunStats> RunWorker(
      analytics_job::HintWorker& worker) {
    return worker.Run(*analytics_repo_, *hint_repo_, clock_.Now());
  }

  // The queue entry of `c` in the manager's ALL view.
  v1::QueueEntry QueueEntryOf(const v1::Case& c) {
    grpc::ClientContext ctx;
    Auth(ctx, chen_);
    v1::ListQueueRequest req;
    req.set_view(v1::ALL);
    v1::ListQueueResponse resp;
    grpc::Status s = casework_->ListQueue(&ctx, req, &resp);
    EXPECT_TRUE(s.ok()) << s.error_message();
    for (const v1::QueueEntry& e : resp.entries()) {
      if (e.case_().name() == c.name()) return e;
    }
    ADD_FAILURE() << c.name() << " not in the queue";
    return {};
  }

  grpc::Status GetHints(const std::string& token, const std::string& name,
                        v1::NearDuplicateHints* out) {
    grpc::ClientContext ctx;
    Auth(ctx, token);
    v1::GetNearDuplicateHintsRequest req;
    req.set_name(name);
    return analytics_->GetNearDuplicateHints(&ctx, req, out);
  }

  // Accepts a candidate made of `cases` into the catalogue.
  void Publish(const std::vector<v1::Case>& cases) {
    store::CandidateRow c;
    c.id = "cand-hints";
    c.cluster_key = cases[0].name().substr(6);
    c.representative = kSame[0];
    for (const v1::Case& m : cases) c.case_ids.push_back(m.name().substr(6));
    c.applicant_count = static_cast<int>(cases.size());
    c.outcomes = {{"DISCLOSED", 1}};
    c.first_receipt_date = absl::CivilDay(2024, 10, 8);
    c.last_receipt_date = absl::CivilDay(2024, 10, 8);
    c.score = 3;
    ASSERT_THAT(analytics_repo_->UpsertCandidates({c}, clock_.Now()), IsOk());
    grpc::ClientContext ctx;
    Auth(ctx, chen_);
    v1::DecideCandidateRequest decide;
    decide.set_name("disclosureCandidates/cand-hints");
    decide.set_decision(v1::ACCEPTED);
    decide.set_title("东湖区2024年老旧小区改造资金安排");
    decide.set_location("https://example.gov.cn/xxgk/zdgk/2024-lj");
    v1::DisclosureCandidate decided;
    grpc::Status s = analytics_->DecideCandidate(&ctx, decide, &decided);
    ASSERT_TRUE(s.ok()) << s.error_message();
  }

  std::unique_ptr<store::MysqlAnalyticsRepository> analytics_repo_;
  std::unique_ptr<store::MysqlHintRepository> hint_repo_;
  std::string desk_, li_, chen_;
  int n_ = 0;
};

TEST_F(HintsIntegrationTest, QueueShowsEarlierSimilarCasesOnceCompared) {
  const v1::Case first = Submit(kSame[0], 0);
  const v1::Case second = Submit(kSame[1], 1);
  const v1::Case other = Submit(kOther, 4);
  const v1::Case third = Submit(kSame[2], 2);

  // Not compared yet: the queue says so rather than "nothing similar".
  EXPECT_FALSE(QueueEntryOf(third).hints().compared());

  analytics_job::HintWorker worker({});
  auto stats = RunWorker(worker);
  ASSERT_THAT(stats, IsOk());
  EXPECT_EQ(stats->compared, 4);
  EXPECT_EQ(stats->with_similar_cases, 2);
  EXPECT_EQ(stats->with_catalogue, 0);

  const v1::NearDuplicateHints h = QueueEntryOf(third).hints();
  EXPECT_TRUE(h.compared());
  ASSERT_THAT(h.similar_cases(), SizeIs(2));
  std::vector<std::string> similar = {h.similar_cases(0).case_(),
                                      h.similar_cases(1).case_()};
  EXPECT_THAT(similar,
              ::testing::UnorderedElementsAre(first.name(), second.name()));
  for (const v1::SimilarCase& s : h.similar_cases()) {
    EXPECT_FALSE(s.case_number().empty());
    EXPECT_EQ(s.state(), v1::RECEIVED);
    EXPECT_GE(s.similarity(), 0.57);
  }
  EXPECT_THAT(h.catalogue_matches(), IsEmpty());
  // The first of its kind, and the unrelated request: compared, nothing.
  EXPECT_TRUE(QueueEntryOf(first).hints().compared());
  EXPECT_THAT(QueueEntryOf(first).hints().similar_cases(), IsEmpty());
  EXPECT_THAT(QueueEntryOf(other).hints().similar_cases(), IsEmpty());
}

TEST_F(HintsIntegrationTest, PointsANewApplicationToTheCatalogueEntry) {
  std::vector<v1::Case> members;
  for (int i = 0; i < 3; ++i) members.push_back(Submit(kSame[i], i));
  analytics_job::HintWorker worker({});
  ASSERT_THAT(RunWorker(worker), IsOk());
  Publish(members);

  const v1::Case fourth = Submit(kSame[3], 3);
  auto stats = RunWorker(worker);
  ASSERT_THAT(stats, IsOk());
  EXPECT_EQ(stats->compared, 1);
  EXPECT_EQ(stats->with_catalogue, 1);

  v1::NearDuplicateHints h;
  grpc::Status s = GetHints(li_, fourth.name(), &h);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_TRUE(h.compared());
  EXPECT_THAT(h.similar_cases(), SizeIs(3));
  ASSERT_THAT(h.catalogue_matches(), SizeIs(1));
  EXPECT_EQ(h.catalogue_matches(0).title(), "东湖区2024年老旧小区改造资金安排");
  EXPECT_EQ(h.catalogue_matches(0).location(),
            "https://example.gov.cn/xxgk/zdgk/2024-lj");
  EXPECT_THAT(h.catalogue_matches(0).disclosure(),
              ::testing::StartsWith("proactiveDisclosures/"));
  EXPECT_EQ(QueueEntryOf(fourth).hints().catalogue_matches_size(), 1);
}

TEST_F(HintsIntegrationTest, RerunsCompareOnlyWhatArrivedAndSurviveRestart) {
  for (int i = 0; i < 2; ++i) Submit(kSame[i], i);
  analytics_job::HintWorker worker({});
  ASSERT_THAT(RunWorker(worker), IsOk());
  auto again = RunWorker(worker);
  ASSERT_THAT(again, IsOk());
  EXPECT_EQ(again->compared, 0);

  // A restarted worker rebuilds its index from the database without
  // comparing anything twice, and still finds the earlier cases.
  analytics_job::HintWorker restarted({});
  auto primed = RunWorker(restarted);
  ASSERT_THAT(primed, IsOk());
  EXPECT_EQ(primed->compared, 0);
  EXPECT_EQ(primed->indexed, 2u);
  const v1::Case third = Submit(kSame[2], 2);
  auto stats = RunWorker(restarted);
  ASSERT_THAT(stats, IsOk());
  EXPECT_EQ(stats->compared, 1);
  v1::NearDuplicateHints h;
  ASSERT_TRUE(GetHints(li_, third.name(), &h).ok());
  EXPECT_THAT(h.similar_cases(), SizeIs(2));

  // Its first write recorded; a second worker leaves its hints alone.
  analytics_job::HintWorker second({});
  auto none = RunWorker(second);
  ASSERT_THAT(none, IsOk());
  EXPECT_EQ(none->compared, 0);
}

TEST_F(HintsIntegrationTest, GetNearDuplicateHintsNamesBadInput) {
  v1::NearDuplicateHints h;
  grpc::Status s = GetHints(li_, "case/1", &h);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(s.error_message(), ::testing::HasSubstr("name"));
  s = GetHints(li_, "cases/0000000000000000000000000000", &h);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::NOT_FOUND);
  // Reviewers see cases name-only and get no hints.
  const std::string reviewer = MintToken(v1::REVIEWER, "wang", "ogi-office");
  const v1::Case c = Submit(kSame[0], 0);
  s = GetHints(reviewer, c.name(), &h);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  // A case not compared yet answers compared = false, not an error.
  s = GetHints(li_, c.name(), &h);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_FALSE(h.compared());
}

}  // namespace
}  // namespace foi
