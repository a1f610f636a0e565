#include "libs/casefile/review.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "libs/common/sha256.h"
#include "libs/common/text.h"

namespace foi::casefile {
namespace {

template <typename E, size_t N>
std::optional<E> ParseName(const absl::string_view (&names)[N],
                           absl::string_view name) {
  for (size_t i = 0; i < N; ++i) {
    if (names[i] == name) return static_cast<E>(i);
  }
  return std::nullopt;
}

constexpr absl::string_view kDecisionNames[] = {"UNDECIDED", "REDACT",
                                                "RELEASE"};
constexpr absl::string_view kStateNames[] = {"UNSPECIFIED", "OPEN",
                                             "COMPLETED"};
constexpr absl::string_view kConclusionNames[] = {"UNSPECIFIED", "DISCLOSE",
                                                  "PARTIAL", "WITHHOLD"};

}  // namespace

absl::string_view FindingDecisionName(FindingDecision d) {
  return kDecisionNames[static_cast<int>(d)];
}
absl::string_view ReviewStateName(ReviewState s) {
  return kStateNames[static_cast<int>(s)];
}
absl::string_view ReviewConclusionName(ReviewConclusion c) {
  return kConclusionNames[static_cast<int>(c)];
}
std::optional<FindingDecision> ParseFindingDecision(absl::string_view name) {
  return ParseName<FindingDecision>(kDecisionNames, name);
}
std::optional<ReviewState> ParseReviewState(absl::string_view name) {
  return ParseName<ReviewState>(kStateNames, name);
}
std::optional<ReviewConclusion> ParseReviewConclusion(absl::string_view name) {
  return ParseName<ReviewConclusion>(kConclusionNames, name);
}

int UndecidedCount(const Review& r) {
  return static_cast<int>(std::count_if(
      r.findings.begin(), r.findings.end(), [](const ReviewFinding& f) {
        return f.decision == FindingDecision::kUndecided;
      }));
}

absl::Status ValidateDecision(const Review& r, int finding_id,
                              FindingDecision decision,
                              rules::ExemptionGround ground,
                              absl::string_view reason) {
  if (r.state != ReviewState::kOpen) {
    return absl::FailedPreconditionError(
        absl::StrCat("review ", r.id, " is ", ReviewStateName(r.state),
                     ": decisions can no longer change"));
  }
  const bool known =
      std::any_of(r.findings.begin(), r.findings.end(),
                  [&](const ReviewFinding& f) { return f.id == finding_id; });
  if (!known) {
    return absl::NotFoundError(
        absl::StrCat("finding ", finding_id, " not found in review ", r.id));
  }
  if (absl::Status s =
          ValidateText("reason", reason, {kMaxDecisionReasonChars, false});
      !s.ok()) {
    return s;
  }
  switch (decision) {
    case FindingDecision::kRedact:
      if (ground == rules::ExemptionGround::kUnspecified) {
        return absl::InvalidArgumentError(
            "ground: REDACT needs the legal ground (Arts. 14-16)");
      }
      return absl::OkStatus();
    case FindingDecision::kRelease:
      if (ground != rules::ExemptionGround::kUnspecified) {
        return absl::InvalidArgumentError(
            "ground: only with REDACT; RELEASE gives a reason");
      }
      if (ValidateText("reason", reason, {kMaxDecisionReasonChars, true})
              .ok()) {
        return absl::OkStatus();
      }
      return absl::InvalidArgumentError(
          "reason: RELEASE needs a reason (e.g. the third party consented, "
          "Art. 15)");
    case FindingDecision::kUndecided:
      break;
  }
  return absl::InvalidArgumentError("decision: REDACT or RELEASE");
}

absl::Status CheckSignOff(const Review& r, const std::string& case_assignee,
                          const std::string& signer, Role role,
                          ReviewConclusion conclusion,
                          absl::string_view summary) {
  if (role != Role::kReviewer) {
    return absl::PermissionDeniedError(absl::StrCat(
        "only a REVIEWER may sign a review off, not ", RoleName(role)));
  }
  if (signer == r.created_by ||
      (!case_assignee.empty() && signer == case_assignee)) {
    return absl::PermissionDeniedError(
        absl::StrCat(signer,
                     " drafted this case's release and may not sign its review"
                     " off: another reviewer must"));
  }
  if (conclusion == ReviewConclusion::kUnspecified) {
    return absl::InvalidArgumentError(
        "conclusion: DISCLOSE, PARTIAL or WITHHOLD");
  }
  if (absl::Status s = ValidateText("summary", summary,
                                    {kMaxReviewSummaryChars, false, true});
      !s.ok()) {
    return s;
  }
  if (r.state != ReviewState::kOpen) {
    return absl::FailedPreconditionError(absl::StrCat(
        "review ", r.id, " is ", ReviewStateName(r.state), ", not OPEN"));
  }
  if (const int undecided = UndecidedCount(r); undecided > 0) {
    return absl::FailedPreconditionError(
        absl::StrCat(undecided, " finding(s) still undecided"));
  }
  const bool any_redacted = std::any_of(
      r.findings.begin(), r.findings.end(), [](const ReviewFinding& f) {
        return f.decision == FindingDecision::kRedact;
      });
  if (conclusion == ReviewConclusion::kDisclose && any_redacted) {
    return absl::FailedPreconditionError(
        "conclusion: DISCLOSE, but findings are redacted: PARTIAL (Art. 37)");
  }
  if (conclusion == ReviewConclusion::kPartial && !any_redacted) {
    return absl::FailedPreconditionError(
        "conclusion: PARTIAL, but no finding is redacted");
  }
  return absl::OkStatus();
}

std::string ReviewDigest(const Review& r,
                         const std::vector<CaseDocument>& documents) {
  std::string canonical = absl::StrCat("review\x1f", r.id, "\x1e");
  for (const std::string& id : r.document_ids) {
    for (const CaseDocument& d : documents) {
      if (d.id == id) {
        absl::StrAppend(&canonical, "document\x1f", d.id, "\x1f", d.sha256,
                        "\x1e");
      }
    }
  }
  for (const ReviewFinding& f : r.findings) {
    absl::StrAppend(&canonical, "finding\x1f", f.id, "\x1f", f.document_id,
                    "\x1f", f.byte_begin, "\x1f", f.byte_end, "\x1f",
                    FindingDecisionName(f.decision), "\x1f",
                    static_cast<int>(f.ground), "\x1f", f.reason, "\x1f",
                    f.decided_by, "\x1e");
  }
  return Sha256Hex(canonical);
}

absl::Status CheckReleaseGate(rules::ReplyOutcome outcome,
                              const std::vector<DocumentCoverage>& documents) {
  if (!rules::IsDisclosing(outcome)) return absl::OkStatus();
  const absl::string_view code = rules::Info(outcome).code;
  if (documents.empty()) {
    return absl::FailedPreconditionError(absl::StrCat(
        code,
        " releases information, but no document is attached: attach what "
        "is released and have it reviewed"));
  }
  std::vector<std::string> unreviewed, not_disclose;
  bool anything_released = false;
  for (const DocumentCoverage& d : documents) {
    const std::string label =
        absl::StrCat("documents/", d.document_id, " (", d.file_name, ")");
    if (d.review_id.empty()) {
      unreviewed.push_back(label);
      continue;
    }
    if (d.conclusion != ReviewConclusion::kWithhold) anything_released = true;
    if (d.conclusion != ReviewConclusion::kDisclose) {
      not_disclose.push_back(absl::StrCat(label, " concluded ",
                                          ReviewConclusionName(d.conclusion)));
    }
  }
  if (!unreviewed.empty()) {
    return absl::FailedPreconditionError(absl::StrCat(
        "release gate: no completed confidentiality review covers ",
        absl::StrJoin(unreviewed, ", ")));
  }
  if (outcome == rules::ReplyOutcome::kDisclosed && !not_disclose.empty()) {
    return absl::FailedPreconditionError(absl::StrCat(
        "release gate: DISCLOSED needs every review to conclude DISCLOSE; ",
        absl::StrJoin(not_disclose, ", "),
        " (reply PARTIALLY_DISCLOSED under Art. 37 instead)"));
  }
  if (!anything_released) {
    return absl::FailedPreconditionError(
        "release gate: every review concluded WITHHOLD: nothing can be "
        "released (reply NOT_DISCLOSED instead)");
  }
  return absl::OkStatus();
}

}  // namespace foi::casefile
