#include "libs/server/access_policy.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace foi::server {

AccessPolicy AccessPolicy::Default() {
  using R = casefile::Role;
  const std::vector<R> intake = {R::kFrontDesk, R::kOfficer, R::kManager,
                                 R::kAdmin};
  const std::vector<R> everyone = {R::kFrontDesk, R::kOfficer, R::kReviewer,
                                   R::kManager, R::kAdmin};
  AccessPolicy p;
  p.AllowAnonymous("/grpc.health.v1.Health/");
  p.AllowAnonymous("/grpc.reflection.v1alpha.ServerReflection/");
  p.AllowAnonymous("/grpc.reflection.v1.ServerReflection/");
  p.Allow("/foi.v1.IntakeService/SubmitApplication", intake);
  p.Allow("/foi.v1.IntakeService/GetCase", everyone);
  p.Allow("/foi.v1.IntakeService/ListCases", everyone);
  p.Allow("/foi.v1.IntakeService/WithdrawApplication", intake);
  p.Allow("/foi.v1.AdminService/CreateToken", {R::kAdmin});
  p.Allow("/foi.v1.AdminService/ListTokens", {R::kAdmin});
  p.Allow("/foi.v1.AdminService/RevokeToken", {R::kAdmin});
  p.Allow("/foi.v1.AdminService/LoadCalendar", {R::kAdmin});
  const std::vector<R> staff = {R::kOfficer, R::kReviewer, R::kManager,
                                R::kAdmin};
  const std::vector<R> managers = {R::kManager, R::kAdmin};
  p.Allow("/foi.v1.DeadlineService/ComputeDueDate", everyone);
  p.Allow("/foi.v1.DeadlineService/GetClocks", everyone);
  p.Allow("/foi.v1.DeadlineService/RequestExtension",
          {R::kOfficer, R::kManager, R::kAdmin});
  p.Allow("/foi.v1.DeadlineService/ApproveExtension", managers);
  p.Allow("/foi.v1.DeadlineService/RejectExtension", managers);
  p.Allow("/foi.v1.DeadlineService/ListDueCases", staff);
  p.Allow("/foi.v1.DeadlineService/GetDeadlineReport", managers);
  p.Allow("/foi.v1.IntakeService/SubmitCorrection", intake);
  const std::vector<R> officers = {R::kOfficer, R::kManager, R::kAdmin};
  p.Allow("/foi.v1.CaseworkService/ListQueue", officers);
  p.Allow("/foi.v1.CaseworkService/AssignCase", managers);
  p.Allow("/foi.v1.CaseworkService/ClaimCase", officers);
  p.Allow("/foi.v1.CaseworkService/RequestCorrection", officers);
  p.Allow("/foi.v1.CaseworkService/StartConsultation", officers);
  p.Allow("/foi.v1.CaseworkService/EndConsultation", officers);
  p.Allow("/foi.v1.CaseworkService/TransferCase", officers);
  p.Allow("/foi.v1.CaseworkService/AddNote", staff);
  p.Allow("/foi.v1.CaseworkService/ListCaseEvents", staff);
  p.Allow("/foi.v1.DeadlineService/WatchAlerts",
          {R::kOfficer, R::kManager, R::kAdmin});
  // Confidentiality review (Art. 17): officers attach and submit, reviewers
  // decide and sign off; nobody else decides a finding.
  const std::vector<R> reviewers = {R::kReviewer};
  p.Allow("/foi.v1.ReviewService/ScreenText", staff);
  p.Allow("/foi.v1.ReviewService/AddDocument", officers);
  p.Allow("/foi.v1.ReviewService/ListDocuments", staff);
  p.Allow("/foi.v1.ReviewService/CreateReview", officers);
  p.Allow("/foi.v1.ReviewService/GetReview", staff);
  p.Allow("/foi.v1.ReviewService/AddFinding", reviewers);
  p.Allow("/foi.v1.ReviewService/DecideFinding", reviewers);
  p.Allow("/foi.v1.ReviewService/CompleteReview", reviewers);
  p.Allow("/foi.v1.ReviewService/GetRedactedDocument", staff);
  p.Allow("/foi.v1.ReplyService/QuoteFee", officers);
  p.Allow("/foi.v1.ReplyService/DraftReply", officers);
  p.Allow("/foi.v1.ReplyService/RenderReply", staff);
  p.Allow("/foi.v1.ReplyService/IssueReply", officers);
  // Art. 44 candidates are decided by the head of the OGI office; the
  // catalogue is public knowledge.
  p.Allow("/foi.v1.AnalyticsService/ListDisclosureCandidates", officers);
  p.Allow("/foi.v1.AnalyticsService/GetNearDuplicateHints", officers);
  p.Allow("/foi.v1.AnalyticsService/DecideCandidate", managers);
  p.Allow("/foi.v1.AnalyticsService/ListProactiveDisclosures", everyone);
  p.Allow("/foi.v1.AnalyticsService/RecordAppeal", managers);
  p.Allow("/foi.v1.AnalyticsService/GetAnnualReport", managers);
  return p;
}

void AccessPolicy::Allow(absl::string_view full_method,
                         std::vector<casefile::Role> roles) {
  auto& set = allowed_[full_method];
  set.insert(roles.begin(), roles.end());
}

void AccessPolicy::AllowAnonymous(absl::string_view prefix) {
  anonymous_prefixes_.emplace_back(prefix);
}

bool AccessPolicy::IsAnonymous(absl::string_view full_method) const {
  for (const std::string& p : anonymous_prefixes_) {
    if (absl::StartsWith(full_method, p)) return true;
  }
  return false;
}

absl::Status AccessPolicy::Check(absl::string_view full_method,
                                 casefile::Role role) const {
  auto it = allowed_.find(full_method);
  if (it == allowed_.end() || !it->second.contains(role)) {
    return absl::PermissionDeniedError(absl::StrCat(
        "role ", casefile::RoleName(role), " may not call ", full_method));
  }
  return absl::OkStatus();
}

}  // namespace foi::server
