#include "libs/casefile/release_commands.h"

#include <map>
#include <string>

#include "absl/strings/str_cat.h"
#include "libs/casefile/case_clocks.h"
#include "libs/common/status_macros.h"
#include "libs/common/text.h"

namespace foi::casefile {
namespace {

constexpr size_t kMaxFileNameChars = 255;
constexpr size_t kMaxDispositionSummaryChars = 2000;

std::string JsonStringArray(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ",";
    AppendJsonString(out, items[i]);
  }
  return out + "]";
}

absl::Status PlanAddDocument(const CaseCommand& cmd, CaseChanges& ch,
                             JsonObject& payload) {
  if (!cmd.document.has_value()) {
    return absl::InternalError("kAddDocument without a document");
  }
  const CaseDocument& d = *cmd.document;
  FOI_RETURN_IF_ERROR(
      ValidateText("file_name", d.file_name, {kMaxFileNameChars, true}));
  if (d.media_type != "text/plain" && d.media_type != "application/pdf") {
    return absl::InvalidArgumentError(
        "media_type: text/plain or application/pdf");
  }
  ch.add_document = d;
  payload.Add("document", d.id)
      .Add("file_name", d.file_name)
      .Add("media_type", d.media_type)
      .Add("size_bytes", d.size_bytes)
      .Add("sha256", d.sha256);
  return absl::OkStatus();
}

absl::Status PlanStartReview(const CaseCommand& cmd, CaseChanges& ch,
                             JsonObject& payload) {
  if (!cmd.review.has_value()) {
    return absl::InternalError("kStartReview without a review");
  }
  const Review& r = *cmd.review;
  if (r.document_ids.empty()) {
    return absl::FailedPreconditionError(
        "documents: nothing to review (attach documents first, or all are "
        "covered by a completed review)");
  }
  std::map<int, int64_t> per_category;
  for (const ReviewFinding& f : r.findings) ++per_category[f.category];
  JsonObject counts;
  for (const auto& [category, n] : per_category) {
    counts.Add(absl::StrCat(category), n);
  }
  ch.start_review = r;
  payload.Add("review", r.id)
      .AddRaw("documents", JsonStringArray(r.document_ids))
      .Add("findings", static_cast<int64_t>(r.findings.size()))
      .AddRaw("findings_by_category", counts.Build());
  return absl::OkStatus();
}

absl::Status PlanCompleteReview(const CaseRecord& c, const CaseCommand& cmd,
                                CaseChanges& ch, JsonObject& payload) {
  if (!cmd.review.has_value()) {
    return absl::InternalError("kCompleteReview without the review");
  }
  const Review& r = *cmd.review;
  FOI_RETURN_IF_ERROR(CheckSignOff(r, c.assignee, cmd.actor_name, cmd.role,
                                   cmd.conclusion, cmd.text));
  CaseChanges::ReviewSignOff signoff;
  signoff.review_id = r.id;
  signoff.expected_version = r.version;
  signoff.conclusion = cmd.conclusion;
  signoff.summary = cmd.text;
  signoff.completed_by = cmd.actor_name;
  signoff.digest = ReviewDigest(r, cmd.review_documents);
  int64_t redacted = 0;
  for (const ReviewFinding& f : r.findings) {
    if (f.decision == FindingDecision::kRedact) ++redacted;
  }
  payload.Add("review", r.id)
      .Add("conclusion", ReviewConclusionName(cmd.conclusion))
      .AddRaw("documents", JsonStringArray(r.document_ids))
      .Add("findings", static_cast<int64_t>(r.findings.size()))
      .Add("redacted", redacted)
      .Add("digest", signoff.digest);
  if (!cmd.text.empty()) payload.Add("summary", cmd.text);
  ch.complete_review = std::move(signoff);
  return absl::OkStatus();
}

absl::Status PlanDraftReply(const CaseRecord& c, const CaseCommand& cmd,
                            CaseChanges& ch, JsonObject& payload) {
  FOI_RETURN_IF_ERROR(
      rules::ValidateOutcome(cmd.outcome, cmd.reason, cmd.grounds));
  FOI_RETURN_IF_ERROR(ValidateText("summary", cmd.text,
                                   {kMaxDispositionSummaryChars, false, true}));
  if (!c.documents.has_value()) {
    return absl::InternalError("kDraftReply without the document coverage");
  }
  // Art. 17 and DESIGN.md: nothing is released unreviewed.
  FOI_RETURN_IF_ERROR(CheckReleaseGate(cmd.outcome, *c.documents));
  Disposition d;
  d.outcome = cmd.outcome;
  d.reason = cmd.reason;
  d.grounds = cmd.grounds;
  d.summary = cmd.text;
  d.letter_details = cmd.letter_details;
  std::vector<std::string> grounds;
  for (rules::ExemptionGround g : d.grounds) {
    grounds.emplace_back(rules::Info(g).code);
  }
  payload.Add("outcome", rules::Info(d.outcome).code)
      .Add("article", rules::Info(d.outcome).article)
      .AddRaw("grounds", JsonStringArray(grounds));
  if (d.reason != rules::OutcomeReason::kUnspecified) {
    payload.Add("reason", rules::Info(d.reason).code);
  }
  if (!d.summary.empty()) payload.Add("summary", d.summary);
  ch.disposition = std::move(d);
  return absl::OkStatus();
}

absl::Status PlanIssueReply(const calendar::WorkingDayCalendar& cal,
                            const CaseRecord& c, const CaseCommand& cmd,
                            CaseChanges& ch, JsonObject& payload) {
  if (!cmd.letter.has_value() || !c.documents.has_value()) {
    return absl::InternalError("kIssueReply without the letter or coverage");
  }
  if (c.disposition.outcome == rules::ReplyOutcome::kUnspecified) {
    return absl::FailedPreconditionError("no reply has been drafted");
  }
  // Checked again at issue: a document may have been attached since the
  // draft (Art. 17; DESIGN.md).
  FOI_RETURN_IF_ERROR(CheckReleaseGate(c.disposition.outcome, *c.documents));
  const absl::CivilDay delivered = cmd.date.value_or(cmd.today);
  if (delivered > cmd.today) {
    return absl::InvalidArgumentError("delivery_date: is after today");
  }
  if (delivered < c.receipt_date) {
    return absl::InvalidArgumentError(
        "delivery_date: is before the application was received");
  }
  IssuedLetter letter = *cmd.letter;
  letter.delivery_date = delivered;
  // The reply is given on the day it is delivered or sent: the clock stops
  // there (Art. 33).
  CaseRecord next = c;
  next.state = CaseState::kReplied;
  FOI_ASSIGN_OR_RETURN(CaseClocks clocks, ComputeCaseClocks(cal, next));
  FOI_ASSIGN_OR_RETURN(ch.clocks, ClosedClockState(cal, next, clocks, delivered,
                                                   /*replied=*/true));
  payload.Add("document_number", letter.document_number)
      .Add("outcome", rules::Info(c.disposition.outcome).code)
      .Add("delivery_date", absl::FormatCivilTime(delivered))
      .Add("text_sha256", letter.text_sha256)
      .Add("pdf_sha256", letter.pdf_sha256);
  ch.issue_letter = std::move(letter);
  return absl::OkStatus();
}

}  // namespace

bool NeedsDocumentCoverage(CaseAction action) {
  return action == CaseAction::kDraftReply || action == CaseAction::kIssueReply;
}

absl::Status PlanReleaseCommand(const calendar::WorkingDayCalendar& cal,
                                const CaseRecord& c, const CaseCommand& cmd,
                                CaseChanges& changes, JsonObject& payload) {
  switch (cmd.action) {
    case CaseAction::kAddDocument:
      return PlanAddDocument(cmd, changes, payload);
    case CaseAction::kStartReview:
      return PlanStartReview(cmd, changes, payload);
    case CaseAction::kCompleteReview:
      return PlanCompleteReview(c, cmd, changes, payload);
    case CaseAction::kDraftReply:
      return PlanDraftReply(c, cmd, changes, payload);
    case CaseAction::kIssueReply:
      return PlanIssueReply(cal, c, cmd, changes, payload);
    default:
      return absl::InternalError("PlanReleaseCommand: not a release action");
  }
}

}  // namespace foi::casefile
