// foictl commands for replies (ReplyService): reply draft|render|issue, and
// fee.
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "foi/v1/reply_service.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "services/foictl/cli.h"

namespace foictl {
namespace {

constexpr char kReplyUsage[] =
    "foictl reply draft cases/{id} --outcome=OUTCOME [--reason=REASON]\n"
    "      [--grounds=GROUND,GROUND] [--summary=TEXT] [DETAILS] [--etag=E]\n"
    "      decide the outcome and draft the reply letter; the case moves to\n"
    "      REPLY_DRAFTED (ReplyService.DraftReply). A disclosing outcome\n"
    "      needs documents that a completed review covers.\n"
    "  OUTCOME: ALREADY_PUBLIC, DISCLOSED, PARTIALLY_DISCLOSED, "
    "NOT_DISCLOSED,\n"
    "           CANNOT_PROVIDE, NOT_THIS_AGENCY, NOT_PROCESSED, "
    "SPECIAL_REGIME\n"
    "  REASON (CANNOT_PROVIDE): NOT_HELD, NEEDS_NEW_INFORMATION,\n"
    "           UNCLEAR_AFTER_CORRECTION\n"
    "  REASON (NOT_PROCESSED): PETITION_OR_COMPLAINT, REPEATED_APPLICATION,\n"
    "           PUBLISHED_MATERIAL, UNREASONABLE_VOLUME, "
    "CONFIRMATION_REQUEST\n"
    "  GROUND (NOT_DISCLOSED, PARTIALLY_DISCLOSED): STATE_SECRET,\n"
    "           PROHIBITED_BY_LAW, SECURITY_OR_STABILITY, THIRD_PARTY_RIGHTS,\n"
    "           INTERNAL_AFFAIRS, PROCESS_INFORMATION, LAW_ENFORCEMENT_FILE,\n"
    "           ADMINISTRATIVE_QUERY\n"
    "  DETAILS, as the outcome needs them:\n"
    "    --delivery-form=TEXT --delivery-route=TEXT [--pages=N]  (disclosing)\n"
    "    --withheld='WHAT|GROUND[|WHY]' (repeat with ';')  "
    "(PARTIALLY_DISCLOSED)\n"
    "    --where=TEXT  (ALREADY_PUBLIC, PUBLISHED_MATERIAL)\n"
    "    --reason-detail=TEXT --other-agency=NAME --other-agency-contact=TEXT\n"
    "    --earlier-reply-date=YYYY-MM-DD --earlier-number=TEXT  (REPEATED)\n"
    "    --regime-name=TEXT --regime-law=TEXT  (SPECIAL_REGIME)\n"
    "    --request-summary=TEXT  (default: the case's description)\n"
    "foictl reply render cases/{id} [--format=text|html|pdf] [--out=FILE]\n"
    "      the draft, or the issued letter byte for byte "
    "(ReplyService.RenderReply)\n"
    "foictl reply issue cases/{id} [--delivery-date=YYYY-MM-DD] [--etag=E]\n"
    "      number, store and send the drafted reply; closes the case\n"
    "      (ReplyService.IssueReply; a retry returns the issued letter)\n"
    "  --etag=E  default: the case's current etag\n";

// Fills `details` from the DETAILS options. False (named on stderr) on a
// malformed value.
bool ReadDetails(std::map<std::string, std::string>& opts,
                 foi::v1::ReplyDetails* d) {
  d->set_delivery_form(Opt(opts, "delivery-form"));
  d->set_delivery_route(Opt(opts, "delivery-route"));
  const std::string pages = Opt(opts, "pages");
  int n = 0;
  if (!pages.empty() && (!absl::SimpleAtoi(pages, &n) || n < 0)) {
    std::cerr << "--pages: expected a count\n";
    return false;
  }
  d->set_pages(n);
  for (absl::string_view item :
       absl::StrSplit(Opt(opts, "withheld"), ';', absl::SkipEmpty())) {
    std::vector<std::string> parts = absl::StrSplit(item, '|');
    foi::v1::ExemptionGround ground = foi::v1::EXEMPTION_GROUND_UNSPECIFIED;
    if (parts.size() < 2 || parts.size() > 3 ||
        !foi::v1::ExemptionGround_Parse(parts[1], &ground)) {
      std::cerr << "--withheld: expected WHAT|GROUND[|WHY]\n";
      return false;
    }
    foi::v1::WithheldItem* w = d->add_withheld();
    w->set_what(parts[0]);
    w->set_ground(ground);
    if (parts.size() == 3) w->set_explanation(parts[2]);
  }
  d->set_where_to_get(Opt(opts, "where"));
  d->set_reason_detail(Opt(opts, "reason-detail"));
  d->set_other_agency(Opt(opts, "other-agency"));
  d->set_other_agency_contact(Opt(opts, "other-agency-contact"));
  const std::string earlier = Opt(opts, "earlier-reply-date");
  if (!earlier.empty() &&
      !ParseDate(earlier, d->mutable_earlier_reply_date())) {
    std::cerr << "--earlier-reply-date: expected YYYY-MM-DD\n";
    return false;
  }
  d->set_earlier_document_number(Opt(opts, "earlier-number"));
  d->set_regime_name(Opt(opts, "regime-name"));
  d->set_regime_law(Opt(opts, "regime-law"));
  d->set_request_summary(Opt(opts, "request-summary"));
  return true;
}

int RunReplyDraft(const std::string& name,
                  std::map<std::string, std::string>& opts) {
  foi::v1::DraftReplyRequest req;
  req.set_name(name);
  foi::v1::ReplyOutcome outcome = foi::v1::REPLY_OUTCOME_UNSPECIFIED;
  foi::v1::OutcomeReason reason = foi::v1::OUTCOME_REASON_UNSPECIFIED;
  if (!EnumOpt(opts, "outcome", foi::v1::ReplyOutcome_Parse,
               /*required=*/true, &outcome) ||
      !EnumOpt(opts, "reason", foi::v1::OutcomeReason_Parse,
               /*required=*/false, &reason)) {
    return Usage(kReplyUsage);
  }
  req.set_outcome(outcome);
  req.set_reason(reason);
  for (absl::string_view text :
       absl::StrSplit(Opt(opts, "grounds"), ',', absl::SkipEmpty())) {
    foi::v1::ExemptionGround ground = foi::v1::EXEMPTION_GROUND_UNSPECIFIED;
    if (!foi::v1::ExemptionGround_Parse(std::string(text), &ground)) {
      std::cerr << "--grounds: unknown value '" << text << "'\n";
      return Usage(kReplyUsage);
    }
    req.add_grounds(ground);
  }
  req.set_summary(Opt(opts, "summary"));
  if (!ReadDetails(opts, req.mutable_details())) return Usage(kReplyUsage);
  std::string etag = Opt(opts, "etag");
  if (LeftoverOptions(opts)) return Usage(kReplyUsage);
  if (etag.empty() && !CurrentEtag(name, &etag)) return 1;
  req.set_etag(etag);
  auto stub = foi::v1::ReplyService::NewStub(Channel());
  grpc::ClientContext ctx;
  Prepare(ctx);
  foi::v1::DraftReplyResponse resp;
  grpc::Status s = stub->DraftReply(&ctx, req, &resp);
  if (!s.ok()) return Fail(s);
  std::cout << resp.letter_text();
  std::cerr << "state: " << foi::v1::CaseState_Name(resp.case_().state())
            << ", etag: " << resp.case_().etag() << "\n";
  return 0;
}

int RunReplyRender(const std::string& name,
                   std::map<std::string, std::string>& opts) {
  foi::v1::RenderReplyRequest req;
  req.set_name(name);
  const std::string format = Opt(opts, "format", "text");
  if (format == "text") {
    req.set_format(foi::v1::TEXT);
  } else if (format == "html") {
    req.set_format(foi::v1::HTML);
  } else if (format == "pdf") {
    req.set_format(foi::v1::PDF);
  } else {
    std::cerr << "--format: text, html or pdf\n";
    return Usage(kReplyUsage);
  }
  const std::string out = Opt(opts, "out");
  if (LeftoverOptions(opts)) return Usage(kReplyUsage);
  if (format == "pdf" && out.empty()) {
    std::cerr << "--out=FILE is required with --format=pdf\n";
    return Usage(kReplyUsage);
  }
  auto stub = foi::v1::ReplyService::NewStub(Channel());
  grpc::ClientContext ctx;
  Prepare(ctx);
  foi::v1::RenderedLetter resp;
  grpc::Status s = stub->RenderReply(&ctx, req, &resp);
  if (!s.ok()) return Fail(s);
  if (out.empty()) {
    std::cout << resp.content();
  } else {
    std::ofstream file(out, std::ios::binary);
    file << resp.content();
    if (!file) return Usage("cannot write " + out + "\n");
  }
  std::cerr << (resp.issued() ? "issued " : "draft ") << resp.document_number()
            << ", sha256 " << resp.sha256() << "\n";
  return 0;
}

int RunReplyIssue(const std::string& name,
                  std::map<std::string, std::string>& opts) {
  foi::v1::IssueReplyRequest req;
  req.set_name(name);
  const std::string date = Opt(opts, "delivery-date");
  if (!date.empty() && !ParseDate(date, req.mutable_delivery_date())) {
    std::cerr << "--delivery-date: expected YYYY-MM-DD\n";
    return Usage(kReplyUsage);
  }
  std::string etag = Opt(opts, "etag");
  if (LeftoverOptions(opts)) return Usage(kReplyUsage);
  if (etag.empty() && !CurrentEtag(name, &etag)) return 1;
  req.set_etag(etag);
  auto stub = foi::v1::ReplyService::NewStub(Channel());
  grpc::ClientContext ctx;
  Prepare(ctx);
  foi::v1::IssueReplyResponse resp;
  grpc::Status s = stub->IssueReply(&ctx, req, &resp);
  return s.ok() ? Print(resp) : Fail(s);
}

int RunReply(const std::vector<std::string>& pos,
             std::map<std::string, std::string>& opts) {
  if (pos.size() != 2) return Usage(kReplyUsage);
  if (pos[0] == "draft") return RunReplyDraft(pos[1], opts);
  if (pos[0] == "render") return RunReplyRender(pos[1], opts);
  if (pos[0] == "issue") return RunReplyIssue(pos[1], opts);
  return Usage(kReplyUsage);
}

constexpr char kFeeUsage[] =
    "foictl fee --by=count|pages N: quote the information processing fee\n"
    "  (Art. 42; 2020 national fee measures) with its working\n"
    "  (ReplyService.QuoteFee)\n"
    "  count: N is this application's position among the applicant's\n"
    "         applications this calendar month (1-10 free, 11-30 CNY 100,\n"
    "         then +100 per band of 10)\n"
    "  pages: N pages (1-30 free, 31-100 CNY 10, 101-200 CNY 20, 201+ CNY 40)\n"
    "  [--json]  the quote as JSON\n";

int RunFee(const std::vector<std::string>& pos,
           std::map<std::string, std::string>& opts) {
  foi::v1::QuoteFeeRequest req;
  const std::string by = Opt(opts, "by");
  int n = 0;
  if (pos.size() != 1 || !absl::SimpleAtoi(pos[0], &n)) return Usage(kFeeUsage);
  if (by == "count") {
    req.set_method(foi::v1::BY_COUNT);
  } else if (by == "pages") {
    req.set_method(foi::v1::BY_PAGES);
  } else {
    std::cerr << "--by: count or pages\n";
    return Usage(kFeeUsage);
  }
  req.set_quantity(n);
  const bool json = opts.erase("json") > 0;
  if (LeftoverOptions(opts)) return Usage(kFeeUsage);
  auto stub = foi::v1::ReplyService::NewStub(Channel());
  grpc::ClientContext ctx;
  Prepare(ctx);
  foi::v1::FeeQuote resp;
  grpc::Status s = stub->QuoteFee(&ctx, req, &resp);
  if (!s.ok()) return Fail(s);
  if (json) return Print(resp);
  std::cout << resp.working() << "\n";
  return 0;
}

}  // namespace

std::vector<Command> ReplyCommands() {
  return {
      {"reply", kReplyUsage, RunReply},
      {"fee", kFeeUsage, RunFee},
  };
}

}  // namespace foictl
