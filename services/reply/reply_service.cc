#include "services/reply/reply_service.h"

#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "libs/casefile/case_commands.h"
#include "libs/common/sha256.h"
#include "libs/common/status_macros.h"
#include "libs/convert/case_proto.h"
#include "libs/render/letter_pdf.h"
#include "libs/rules/fee_schedule.h"
#include "libs/server/blocking_call.h"
#include "libs/server/case_commands.h"
#include "libs/server/principal.h"
#include "libs/server/serve_as.h"
#include "services/reply/letter_data.h"

namespace foi::reply {
namespace {

using server::Principal;

void QuoteToProto(const rules::FeeQuote& q, v1::FeeQuote* out) {
  out->set_method(q.method == rules::FeeMethod::kByCount ? v1::BY_COUNT
                                                         : v1::BY_PAGES);
  out->set_quantity(q.quantity);
  for (const rules::FeeLine& l : q.lines) {
    v1::FeeLine* line = out->add_lines();
    line->set_band(l.band);
    line->set_units(l.units);
    line->set_rate_yuan(l.rate_yuan);
    line->set_amount_yuan(l.amount_yuan);
  }
  out->set_total_yuan(q.total_yuan);
  out->set_working(q.working);
}

// Fills `out` with `letter` in `format`.
absl::Status LetterToProto(const std::string& case_id, v1::LetterFormat format,
                           const std::string& text, const std::string& html,
                           const std::string& pdf, const std::string& number,
                           bool issued, v1::RenderedLetter* out) {
  out->set_name(absl::StrCat("cases/", case_id, "/reply"));
  out->set_format(format);
  switch (format) {
    case v1::TEXT:
      out->set_content_type("text/plain; charset=utf-8");
      out->set_content(text);
      break;
    case v1::HTML:
      out->set_content_type("text/html; charset=utf-8");
      out->set_content(html);
      break;
    case v1::PDF:
      out->set_content_type("application/pdf");
      out->set_content(pdf);
      break;
    default:
      return absl::InvalidArgumentError("format: TEXT, HTML or PDF");
  }
  out->set_document_number(number);
  out->set_issued(issued);
  out->set_sha256(Sha256Hex(out->content()));
  return absl::OkStatus();
}

// The case's draft: the case (with its disposition) and the details.
struct Draft {
  casefile::CaseRecord c;
  v1::ReplyDetails details;
};

absl::StatusOr<Draft> LoadDraft(server::Deps& deps,
                                const std::string& case_id) {
  Draft d;
  FOI_ASSIGN_OR_RETURN(d.c, deps.cases->Get(case_id));
  FOI_ASSIGN_OR_RETURN(std::optional<std::string> details,
                       deps.replies->GetDraftDetails(case_id));
  if (d.c.disposition.outcome == rules::ReplyOutcome::kUnspecified ||
      !details.has_value()) {
    return absl::FailedPreconditionError(
        absl::StrCat("cases/", case_id, " has no drafted reply"));
  }
  if (!d.details.ParseFromString(*details)) {
    return absl::InternalError("stored reply details do not parse");
  }
  return d;
}

absl::Status IssuedToResponse(const casefile::CaseRecord& c,
                              const casefile::IssuedLetter& l,
                              const Principal& p,
                              v1::IssueReplyResponse* response) {
  convert::CaseToProto(c, server::ApplicantViewFor(p),
                       response->mutable_case_());
  response->set_document_number(l.document_number);
  response->set_text_sha256(l.text_sha256);
  response->set_pdf_sha256(l.pdf_sha256);
  return absl::OkStatus();
}

}  // namespace

grpc::ServerUnaryReactor* ReplyServiceImpl::QuoteFee(
    grpc::CallbackServerContext* ctx, const v1::QuoteFeeRequest* request,
    v1::FeeQuote* response) {
  absl::StatusOr<rules::FeeQuote> quote;
  switch (request->method()) {
    case v1::BY_COUNT:
      quote = rules::QuoteByCount(request->quantity());
      break;
    case v1::BY_PAGES:
      quote = rules::QuoteByPages(request->quantity());
      break;
    default:
      quote = absl::InvalidArgumentError("method: BY_COUNT or BY_PAGES");
  }
  if (!quote.ok()) {
    // The schedule names its own argument; the API's field is `quantity`.
    const absl::Status& s = quote.status();
    return server::FinishNow(ctx, s.message().rfind("method", 0) == 0
                                      ? s
                                      : absl::InvalidArgumentError(absl::StrCat(
                                            "quantity: ", s.message())));
  }
  QuoteToProto(*quote, response);
  return server::FinishNow(ctx, absl::OkStatus());
}

grpc::ServerUnaryReactor* ReplyServiceImpl::DraftReply(
    grpc::CallbackServerContext* ctx, const v1::DraftReplyRequest* request,
    v1::DraftReplyResponse* response) {
  auto case_id = convert::ParseCaseName("name", request->name());
  if (!case_id.ok()) return server::FinishNow(ctx, case_id.status());
  if (request->etag().empty()) {
    return server::FinishNow(ctx, absl::InvalidArgumentError("etag: required"));
  }
  const std::optional<int64_t> version =
      casefile::VersionFromEtag(request->etag());
  if (!version.has_value()) {
    return server::FinishNow(ctx,
                             absl::InvalidArgumentError("etag: not an etag"));
  }
  if (!v1::ReplyOutcome_IsValid(request->outcome()) ||
      !v1::OutcomeReason_IsValid(request->reason())) {
    return server::FinishNow(
        ctx, absl::InvalidArgumentError("outcome: unknown outcome or reason"));
  }
  for (int g : request->grounds()) {
    if (!v1::ExemptionGround_IsValid(g)) {
      return server::FinishNow(ctx,
                               absl::InvalidArgumentError("grounds: unknown"));
    }
  }
  return server::ServeAs(
      ctx, *deps_,
      [this, request, response, case_id = *case_id,
       version = *version](const Principal& p) -> absl::Status {
        casefile::CaseCommand cmd;
        cmd.action = casefile::CaseAction::kDraftReply;
        cmd.outcome = static_cast<rules::ReplyOutcome>(request->outcome());
        cmd.reason = static_cast<rules::OutcomeReason>(request->reason());
        for (int g : request->grounds()) {
          cmd.grounds.push_back(static_cast<rules::ExemptionGround>(g));
        }
        cmd.text = request->summary();
        FOI_RETURN_IF_ERROR(
            rules::ValidateOutcome(cmd.outcome, cmd.reason, cmd.grounds));
        // The letter must render before the draft is accepted: what it
        // lacks is named now, not at issue.
        FOI_ASSIGN_OR_RETURN(casefile::CaseRecord c,
                             deps_->cases->Get(case_id));
        casefile::Disposition d;
        d.outcome = cmd.outcome;
        d.reason = cmd.reason;
        d.grounds = cmd.grounds;
        const absl::CivilDay today =
            absl::ToCivilDay(deps_->clock->Now(), deps_->agency_zone);
        FOI_ASSIGN_OR_RETURN(
            render::LetterData data,
            ReplyLetterData(c, d, request->details(), today, kDraftNumber, 0));
        absl::StatusOr<render::Letter> letter = deps_->letters->Render(data);
        if (!letter.ok()) {
          return absl::InvalidArgumentError(
              absl::StrCat("details.", letter.status().message()));
        }
        cmd.letter_details = request->details().SerializeAsString();
        FOI_ASSIGN_OR_RETURN(casefile::CaseRecord drafted,
                             server::RunCaseCommand(*deps_, p, case_id, version,
                                                    std::move(cmd)));
        convert::CaseToProto(drafted, server::ApplicantViewFor(p),
                             response->mutable_case_());
        response->set_letter_text(render::ToText(*letter));
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* ReplyServiceImpl::RenderReply(
    grpc::CallbackServerContext* ctx, const v1::RenderReplyRequest* request,
    v1::RenderedLetter* response) {
  auto case_id = convert::ParseCaseName("name", request->name());
  if (!case_id.ok()) return server::FinishNow(ctx, case_id.status());
  const v1::LetterFormat format = request->format();
  if (format != v1::TEXT && format != v1::HTML && format != v1::PDF) {
    return server::FinishNow(
        ctx, absl::InvalidArgumentError("format: TEXT, HTML or PDF"));
  }
  return server::ServeAs(
      ctx, *deps_,
      [this, response, format,
       case_id = *case_id](const Principal&) -> absl::Status {
        FOI_ASSIGN_OR_RETURN(std::optional<casefile::IssuedLetter> issued,
                             deps_->replies->GetIssuedLetter(case_id));
        if (issued.has_value()) {
          // Byte for byte what was issued, never re-rendered.
          return LetterToProto(case_id, format, issued->text, issued->html,
                               issued->pdf, issued->document_number, true,
                               response);
        }
        FOI_ASSIGN_OR_RETURN(Draft draft, LoadDraft(*deps_, case_id));
        const absl::CivilDay today =
            absl::ToCivilDay(deps_->clock->Now(), deps_->agency_zone);
        FOI_ASSIGN_OR_RETURN(
            render::LetterData data,
            ReplyLetterData(draft.c, draft.c.disposition, draft.details, today,
                            kDraftNumber, 0));
        FOI_ASSIGN_OR_RETURN(render::Letter letter,
                             deps_->letters->Render(data));
        std::string pdf;
        if (format == v1::PDF) {
          FOI_ASSIGN_OR_RETURN(pdf, render::ToPdf(letter));
        }
        return LetterToProto(case_id, format,
                             format == v1::TEXT ? render::ToText(letter) : "",
                             format == v1::HTML ? render::ToHtml(letter) : "",
                             pdf, kDraftNumber, false, response);
      });
}

grpc::ServerUnaryReactor* ReplyServiceImpl::IssueReply(
    grpc::CallbackServerContext* ctx, const v1::IssueReplyRequest* request,
    v1::IssueReplyResponse* response) {
  auto case_id = convert::ParseCaseName("name", request->name());
  if (!case_id.ok()) return server::FinishNow(ctx, case_id.status());
  const std::optional<int64_t> version =
      casefile::VersionFromEtag(request->etag());
  if (!version.has_value()) {
    return server::FinishNow(
        ctx, absl::InvalidArgumentError("etag: required, as read"));
  }
  std::optional<absl::CivilDay> delivery;
  if (request->has_delivery_date()) {
    auto day =
        convert::DateFromProto("delivery_date", request->delivery_date());
    if (!day.ok()) return server::FinishNow(ctx, day.status());
    delivery = *day;
  }
  return server::ServeAs(
      ctx, *deps_,
      [this, response, delivery, case_id = *case_id,
       version = *version](const Principal& p) -> absl::Status {
        // Idempotent: a retry after the letter went out gets that letter.
        auto already = [&]() -> absl::StatusOr<bool> {
          FOI_ASSIGN_OR_RETURN(std::optional<casefile::IssuedLetter> issued,
                               deps_->replies->GetIssuedLetter(case_id));
          if (!issued.has_value()) return false;
          FOI_ASSIGN_OR_RETURN(casefile::CaseRecord c,
                               deps_->cases->Get(case_id));
          FOI_RETURN_IF_ERROR(IssuedToResponse(c, *issued, p, response));
          return true;
        };
        FOI_ASSIGN_OR_RETURN(bool done, already());
        if (done) return absl::OkStatus();
        FOI_ASSIGN_OR_RETURN(Draft draft, LoadDraft(*deps_, case_id));
        if (draft.c.version != version) {
          return absl::AbortedError(absl::StrCat(
              "etag: stale; cases/", case_id,
              " changed since it was read — read it again and retry"));
        }
        const absl::Time now = deps_->clock->Now();
        const absl::CivilDay today = absl::ToCivilDay(now, deps_->agency_zone);
        FOI_ASSIGN_OR_RETURN(int64_t seq, deps_->replies->NextDocumentSequence(
                                              static_cast<int>(today.year())));
        const render::AgencyConfig& agency = deps_->letters->config();
        auto pattern = agency.document_number_patterns.find("reply");
        const std::string number = render::FormatDocumentNumber(
            pattern != agency.document_number_patterns.end()
                ? pattern->second
                : agency.document_number_pattern,
            agency.agency_short, static_cast<int>(today.year()), seq);
        FOI_ASSIGN_OR_RETURN(
            render::LetterData data,
            ReplyLetterData(draft.c, draft.c.disposition, draft.details, today,
                            number, seq));
        FOI_ASSIGN_OR_RETURN(render::Letter letter,
                             deps_->letters->Render(data));
        casefile::IssuedLetter issued;
        issued.case_id = case_id;
        issued.text = render::ToText(letter);
        issued.html = render::ToHtml(letter);
        FOI_ASSIGN_OR_RETURN(issued.pdf, render::ToPdf(letter));
        issued.text_sha256 = Sha256Hex(issued.text);
        issued.pdf_sha256 = Sha256Hex(issued.pdf);
        issued.document_number = number;
        issued.issued_by = p.display_name;
        issued.issue_time = now;
        casefile::CaseCommand cmd;
        cmd.action = casefile::CaseAction::kIssueReply;
        cmd.letter = issued;
        cmd.date = delivery;
        absl::StatusOr<casefile::CaseRecord> c =
            server::RunCaseCommand(*deps_, p, case_id, version, std::move(cmd));
        if (!c.ok()) {
          // A concurrent retry may have issued it in between.
          FOI_ASSIGN_OR_RETURN(bool raced, already());
          if (raced) return absl::OkStatus();
          return c.status();
        }
        return IssuedToResponse(*c, issued, p, response);
      });
}

void Register(grpc::ServerBuilder& builder, server::Deps& deps) {
  auto service = std::make_unique<ReplyServiceImpl>(&deps);
  builder.RegisterService(service.get());
  deps.services.push_back(std::move(service));
}

}  // namespace foi::reply
