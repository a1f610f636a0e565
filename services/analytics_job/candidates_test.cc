#include "services/analytics_job/candidates.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace foi::analytics_job {
namespace {

using ::testing::ElementsAre;

store::ApplicationRow App(const std::string& id, const std::string& who,
                          const std::string& outcome, int day = 1) {
  store::ApplicationRow a;
  a.case_id = id;
  a.applicant_key = who;
  a.receipt_date = absl::CivilDay(2026, 11, day);
  a.description = "2026年东湖区老旧小区改造资金安排";
  a.outcome = outcome;
  a.state = outcome.empty() ? casefile::CaseState::kInProgress
                            : casefile::CaseState::kReplied;
  return a;
}

TEST(CandidatesTest, ThreeApplicantsWithADisclosureMakeACandidate) {
  const std::vector<store::ApplicationRow> apps = {
      App("c1", "a", "DISCLOSED", 2), App("c2", "b", ""), App("c3", "c", ""),
      App("c4", "a", "")};
  auto out = BuildCandidates(apps, {{0, 1, 2, 3}}, {}, {},
                             absl::CivilDay(2026, 11, 27), {});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].cluster_key, "c1");
  EXPECT_EQ(out[0].applicant_count, 3);
  EXPECT_THAT(out[0].case_ids, ElementsAre("c1", "c2", "c3", "c4"));
  EXPECT_EQ(out[0].outcomes.at("DISCLOSED"), 1);
  EXPECT_EQ(out[0].first_receipt_date, absl::CivilDay(2026, 11, 1));
  EXPECT_EQ(out[0].last_receipt_date, absl::CivilDay(2026, 11, 2));
  EXPECT_DOUBLE_EQ(out[0].score, 4.0);
}

TEST(CandidatesTest, TwoApplicantsAreNotEnough) {
  const std::vector<store::ApplicationRow> apps = {
      App("c1", "a", "DISCLOSED"), App("c2", "b", ""), App("c3", "a", "")};
  EXPECT_TRUE(BuildCandidates(apps, {{0, 1, 2}}, {}, {},
                              absl::CivilDay(2026, 11, 27), {})
                  .empty());
}

TEST(CandidatesTest, ARefusalOrNoDisclosureYetKeepsAClusterOut) {
  std::vector<store::ApplicationRow> apps = {App("c1", "a", "NOT_DISCLOSED"),
                                             App("c2", "b", "DISCLOSED"),
                                             App("c3", "c", "")};
  EXPECT_TRUE(BuildCandidates(apps, {{0, 1, 2}}, {}, {},
                              absl::CivilDay(2026, 11, 27), {})
                  .empty());
  apps = {App("c1", "a", ""), App("c2", "b", ""), App("c3", "c", "")};
  EXPECT_TRUE(BuildCandidates(apps, {{0, 1, 2}}, {}, {},
                              absl::CivilDay(2026, 11, 27), {})
                  .empty());
}

TEST(CandidatesTest, ClustersTouchingADecidedCandidateAreSkipped) {
  const std::vector<store::ApplicationRow> apps = {
      App("c1", "a", "DISCLOSED"), App("c2", "b", ""), App("c3", "c", "")};
  EXPECT_TRUE(BuildCandidates(apps, {{0, 1, 2}}, {"c2"}, {},
                              absl::CivilDay(2026, 11, 27), {})
                  .empty());
}

TEST(CandidatesTest, AnEarlierRunsKeyAmongTheMembersIsKept) {
  const std::vector<store::ApplicationRow> apps = {
      App("c1", "a", "DISCLOSED"), App("c2", "b", ""), App("c3", "c", "")};
  auto out = BuildCandidates(apps, {{0, 1, 2}}, {}, {"c2"},
                             absl::CivilDay(2026, 11, 27), {});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].cluster_key, "c2");
}

TEST(CandidatesTest, RepresentativeIsTheWordingOthersShareMost) {
  std::vector<store::ApplicationRow> apps = {
      App("c1", "a", "DISCLOSED"), App("c2", "b", ""), App("c3", "c", ""),
      App("c4", "d", "")};
  apps[0].description = "請提供東湖區2026年老舊小區改造資金安排";
  apps[1].description = "东湖区2026年老旧小区改造资金安排，请以电子邮件提供";
  apps[2].description = "2026年东湖区老旧小区改造资金安排情况";
  apps[3].description = "东湖区老旧小区改造资金";
  auto out = BuildCandidates(apps, {{0, 1, 2, 3}}, {}, {},
                             absl::CivilDay(2026, 11, 27), {});
  ASSERT_EQ(out.size(), 1u);
  // Distinct characters shared: c2 14 + 16 + 10 = 40 (c1 and c2 both
  // write 提供); c3 12 + 16 + 10 = 38; c1 32 (traditional script); c4 26.
  EXPECT_EQ(out[0].representative,
            "东湖区2026年老旧小区改造资金安排，请以电子邮件提供");
}

TEST(CandidatesTest, RepresentativeTiesGoToTheEarliestCase) {
  std::vector<store::ApplicationRow> apps = {
      App("c2", "b", ""), App("c1", "a", "DISCLOSED"), App("c3", "c", "")};
  apps[0].description = "东湖区资金安排甲";
  apps[1].description = "东湖区资金安排乙";
  apps[2].description = "东湖区资金安排丙";
  auto out = BuildCandidates(apps, {{0, 1, 2}}, {}, {},
                             absl::CivilDay(2026, 11, 27), {});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].representative, "东湖区资金安排乙");  // c1
}

}  // namespace
}  // namespace foi::analytics_job
