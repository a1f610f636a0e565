#include "services/review/review_service.h"

#include <algorithm>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "libs/casefile/case_commands.h"
#include "libs/common/sha256.h"
#include "libs/common/status_macros.h"
#include "libs/common/text.h"
#include "libs/convert/case_proto.h"
#include "libs/pdf/pdf_document.h"
#include "libs/screening/redaction.h"
#include "libs/server/blocking_call.h"
#include "libs/server/case_commands.h"
#include "libs/server/principal.h"
#include "libs/server/serve_as.h"
#include "services/review/review_convert.h"

namespace foi::review {
namespace {

using casefile::CaseAction;
using casefile::CaseCommand;
using casefile::CaseDocument;
using casefile::Review;
using server::Principal;

constexpr size_t kMaxFindingExplanationChars = 500;

absl::StatusOr<int64_t> VersionOf(absl::string_view field,
                                  const std::string& etag) {
  if (etag.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(field, ": required"));
  }
  std::optional<int64_t> v = casefile::VersionFromEtag(etag);
  if (!v.has_value()) {
    return absl::InvalidArgumentError(absl::StrCat(field, ": not an etag"));
  }
  return *v;
}

absl::Status StaleReview(const Review& r) {
  return absl::AbortedError(
      absl::StrCat("etag: stale; review ", r.id,
                   " changed since it was read — read it again and retry"));
}

// The text of an uploaded document, checked: UTF-8 as it is, or extracted
// from a PDF.
absl::StatusOr<std::string> DocumentText(const std::string& media_type,
                                         const std::string& content) {
  if (media_type == "text/plain") {
    if (!IsValidUtf8(content)) {
      return absl::InvalidArgumentError("content: text/plain must be UTF-8");
    }
    return content;
  }
  if (media_type == "application/pdf") {
    absl::StatusOr<std::string> text = pdf::ExtractPdfText(content);
    if (!text.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("content: ", text.status().message()));
    }
    return text;
  }
  return absl::InvalidArgumentError(
      "media_type: text/plain or application/pdf");
}

// The documents a new review covers: those named, or every one no completed
// review covers.
absl::StatusOr<std::vector<std::string>> ChooseDocuments(
    const std::string& case_id, const v1::CreateReviewRequest& request,
    const std::vector<CaseDocument>& documents) {
  std::vector<std::string> ids;
  if (request.documents().empty()) {
    for (const CaseDocument& d : documents) {
      if (d.review_id.empty()) ids.push_back(d.id);
    }
    return ids;
  }
  for (int i = 0; i < request.documents_size(); ++i) {
    const std::string field = absl::StrCat("documents[", i, "]");
    FOI_ASSIGN_OR_RETURN(
        auto name, ParseChildName(field, request.documents(i), "documents"));
    const bool known =
        std::any_of(documents.begin(), documents.end(),
                    [&](const CaseDocument& d) { return d.id == name.second; });
    if (name.first != case_id || !known) {
      return absl::NotFoundError(
          absl::StrCat(field, ": ", request.documents(i), " not found"));
    }
    if (std::find(ids.begin(), ids.end(), name.second) == ids.end()) {
      ids.push_back(name.second);
    }
  }
  return ids;
}

}  // namespace

grpc::ServerUnaryReactor* ReviewServiceImpl::ScreenText(
    grpc::CallbackServerContext* ctx, const v1::ScreenTextRequest* request,
    v1::ScreenTextResponse* response) {
  if (request->text().size() > kMaxScreenTextBytes) {
    return server::FinishNow(
        ctx, absl::InvalidArgumentError("text: larger than 4 MiB"));
  }
  if (!IsValidUtf8(request->text())) {
    return server::FinishNow(ctx,
                             absl::InvalidArgumentError("text: not UTF-8"));
  }
  return server::ServeAs(
      ctx, *deps_, [this, request, response](const Principal&) {
        FOI_ASSIGN_OR_RETURN(std::vector<screening::Finding> findings,
                             deps_->screener->Screen(request->text()));
        for (const screening::Finding& f : findings) {
          ScreeningToProto(f, response->add_findings());
        }
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* ReviewServiceImpl::AddDocument(
    grpc::CallbackServerContext* ctx, const v1::AddDocumentRequest* request,
    v1::AddDocumentResponse* response) {
  auto case_id = convert::ParseCaseName("parent", request->parent());
  if (!case_id.ok()) return server::FinishNow(ctx, case_id.status());
  auto version = VersionOf("etag", request->etag());
  if (!version.ok()) return server::FinishNow(ctx, version.status());
  if (request->content().empty()) {
    return server::FinishNow(ctx,
                             absl::InvalidArgumentError("content: required"));
  }
  if (request->content().size() > kMaxDocumentBytes) {
    return server::FinishNow(
        ctx, absl::InvalidArgumentError("content: larger than 16 MiB"));
  }
  return server::ServeAs(
      ctx, *deps_,
      [this, request, response, case_id = *case_id,
       version = *version](const Principal& p) -> absl::Status {
        CaseDocument d;
        d.file_name = request->file_name();
        d.media_type = request->media_type();
        FOI_ASSIGN_OR_RETURN(d.text,
                             DocumentText(d.media_type, request->content()));
        const absl::Time now = deps_->clock->Now();
        d.id = deps_->ids->NewId(now);
        d.case_id = case_id;
        d.content = request->content();
        d.size_bytes = static_cast<int64_t>(d.content.size());
        d.sha256 = Sha256Hex(d.content);
        d.text_chars = static_cast<int64_t>(Utf8Length(d.text));
        d.added_by = p.display_name;
        d.add_time = now;
        CaseCommand cmd;
        cmd.action = CaseAction::kAddDocument;
        cmd.document = d;
        FOI_ASSIGN_OR_RETURN(casefile::CaseRecord c,
                             server::RunCaseCommand(*deps_, p, case_id, version,
                                                    std::move(cmd)));
        DocumentToProto(d, response->mutable_document());
        convert::CaseToProto(c, server::ApplicantViewFor(p),
                             response->mutable_case_());
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* ReviewServiceImpl::ListDocuments(
    grpc::CallbackServerContext* ctx, const v1::ListDocumentsRequest* request,
    v1::ListDocumentsResponse* response) {
  auto case_id = convert::ParseCaseName("parent", request->parent());
  if (!case_id.ok()) return server::FinishNow(ctx, case_id.status());
  return server::ServeAs(
      ctx, *deps_,
      [this, response, case_id = *case_id](const Principal&) -> absl::Status {
        FOI_RETURN_IF_ERROR(deps_->cases->Get(case_id).status());
        FOI_ASSIGN_OR_RETURN(std::vector<CaseDocument> docs,
                             deps_->reviews->ListDocuments(case_id));
        for (const CaseDocument& d : docs) {
          DocumentToProto(d, response->add_documents());
        }
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* ReviewServiceImpl::CreateReview(
    grpc::CallbackServerContext* ctx, const v1::CreateReviewRequest* request,
    v1::Review* response) {
  auto case_id = convert::ParseCaseName("parent", request->parent());
  if (!case_id.ok()) return server::FinishNow(ctx, case_id.status());
  auto version = VersionOf("etag", request->etag());
  if (!version.ok()) return server::FinishNow(ctx, version.status());
  return server::ServeAs(
      ctx, *deps_,
      [this, request, response, case_id = *case_id,
       version = *version](const Principal& p) -> absl::Status {
        FOI_RETURN_IF_ERROR(deps_->cases->Get(case_id).status());
        FOI_ASSIGN_OR_RETURN(std::vector<CaseDocument> docs,
                             deps_->reviews->ListDocuments(case_id));
        FOI_ASSIGN_OR_RETURN(std::vector<std::string> ids,
                             ChooseDocuments(case_id, *request, docs));
        const absl::Time now = deps_->clock->Now();
        Review r;
        r.id = deps_->ids->NewId(now);
        r.case_id = case_id;
        r.created_by = p.display_name;
        r.create_time = now;
        r.document_ids = ids;
        // Every document is screened in full, in one pass each.
        for (const std::string& id : ids) {
          FOI_ASSIGN_OR_RETURN(CaseDocument d,
                               deps_->reviews->GetDocument(case_id, id));
          FOI_ASSIGN_OR_RETURN(std::vector<screening::Finding> found,
                               deps_->screener->Screen(d.text));
          for (const screening::Finding& f : found) {
            casefile::ReviewFinding rf = FromScreening(f, id);
            rf.id = static_cast<int>(r.findings.size()) + 1;
            r.findings.push_back(std::move(rf));
          }
        }
        CaseCommand cmd;
        cmd.action = CaseAction::kStartReview;
        cmd.review = r;
        FOI_RETURN_IF_ERROR(
            server::RunCaseCommand(*deps_, p, case_id, version, std::move(cmd))
                .status());
        FOI_ASSIGN_OR_RETURN(Review stored,
                             deps_->reviews->GetReview(case_id, r.id));
        ReviewToProto(stored, response);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* ReviewServiceImpl::GetReview(
    grpc::CallbackServerContext* ctx, const v1::GetReviewRequest* request,
    v1::Review* response) {
  auto name = ParseChildName("name", request->name(), "reviews");
  if (!name.ok()) return server::FinishNow(ctx, name.status());
  return server::ServeAs(
      ctx, *deps_,
      [this, response, name = *name](const Principal&) -> absl::Status {
        FOI_ASSIGN_OR_RETURN(
            Review r, deps_->reviews->GetReview(name.first, name.second));
        ReviewToProto(r, response);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* ReviewServiceImpl::AddFinding(
    grpc::CallbackServerContext* ctx, const v1::AddFindingRequest* request,
    v1::Review* response) {
  auto name = ParseChildName("review", request->review(), "reviews");
  if (!name.ok()) return server::FinishNow(ctx, name.status());
  auto doc = ParseChildName("document", request->document(), "documents");
  if (!doc.ok()) return server::FinishNow(ctx, doc.status());
  auto version = VersionOf("etag", request->etag());
  if (!version.ok()) return server::FinishNow(ctx, version.status());
  if (request->category() == v1::FINDING_CATEGORY_UNSPECIFIED ||
      !v1::FindingCategory_IsValid(request->category())) {
    return server::FinishNow(ctx,
                             absl::InvalidArgumentError("category: required"));
  }
  if (absl::Status s = ValidateText("explanation", request->explanation(),
                                    {kMaxFindingExplanationChars, true});
      !s.ok()) {
    return server::FinishNow(ctx, s);
  }
  if (request->char_begin() < 0 ||
      request->char_end() <= request->char_begin()) {
    return server::FinishNow(
        ctx, absl::InvalidArgumentError(
                 "char_end: must be after char_begin, both >= 0"));
  }
  return server::ServeAs(
      ctx, *deps_,
      [this, request, response, name = *name, doc = *doc,
       version = *version](const Principal& p) -> absl::Status {
        FOI_ASSIGN_OR_RETURN(
            Review r, deps_->reviews->GetReview(name.first, name.second));
        if (r.version != version) return StaleReview(r);
        if (doc.first != name.first ||
            std::find(r.document_ids.begin(), r.document_ids.end(),
                      doc.second) == r.document_ids.end()) {
          return absl::InvalidArgumentError(absl::StrCat(
              "document: ", request->document(), " is not under this review"));
        }
        FOI_ASSIGN_OR_RETURN(
            CaseDocument d, deps_->reviews->GetDocument(doc.first, doc.second));
        // Character offsets to byte offsets over the document's text.
        const int64_t begin = request->char_begin(), end = request->char_end();
        int64_t chars = 0;
        int64_t byte_begin = -1, byte_end = -1;
        for (size_t i = 0; i <= d.text.size(); ++i) {
          const bool boundary =
              i == d.text.size() ||
              (static_cast<unsigned char>(d.text[i]) & 0xC0) != 0x80;
          if (!boundary) continue;
          if (chars == begin) byte_begin = static_cast<int64_t>(i);
          if (chars == end) {
            byte_end = static_cast<int64_t>(i);
            break;
          }
          ++chars;
        }
        if (byte_begin < 0 || byte_end < 0) {
          return absl::InvalidArgumentError(absl::StrCat(
              "char_end: beyond the document's ", d.text_chars, " characters"));
        }
        casefile::ReviewFinding f;
        f.document_id = doc.second;
        f.category = request->category();
        f.detector = "manual";
        f.byte_begin = byte_begin;
        f.byte_end = byte_end;
        f.char_begin = begin;
        f.char_end = end;
        f.text = d.text.substr(byte_begin, byte_end - byte_begin);
        f.explanation = absl::StrCat(request->explanation(), " (marked by ",
                                     p.display_name, ")");
        FOI_ASSIGN_OR_RETURN(
            Review updated,
            deps_->reviews->AddFinding(name.first, name.second, version, f));
        ReviewToProto(updated, response);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* ReviewServiceImpl::DecideFinding(
    grpc::CallbackServerContext* ctx, const v1::DecideFindingRequest* request,
    v1::Review* response) {
  auto name = ParseChildName("review", request->review(), "reviews");
  if (!name.ok()) return server::FinishNow(ctx, name.status());
  auto version = VersionOf("etag", request->etag());
  if (!version.ok()) return server::FinishNow(ctx, version.status());
  int finding_id = 0;
  if (!absl::SimpleAtoi(request->finding(), &finding_id) || finding_id <= 0) {
    return server::FinishNow(
        ctx, absl::InvalidArgumentError("finding: expected a finding id"));
  }
  if (request->decision() != v1::REDACT && request->decision() != v1::RELEASE) {
    return server::FinishNow(
        ctx, absl::InvalidArgumentError("decision: REDACT or RELEASE"));
  }
  if (!v1::ExemptionGround_IsValid(request->ground())) {
    return server::FinishNow(ctx,
                             absl::InvalidArgumentError("ground: unknown"));
  }
  return server::ServeAs(
      ctx, *deps_,
      [this, request, response, name = *name, version = *version,
       finding_id](const Principal& p) -> absl::Status {
        FOI_ASSIGN_OR_RETURN(
            Review r, deps_->reviews->GetReview(name.first, name.second));
        store::FindingDecisionCommand cmd;
        cmd.case_id = name.first;
        cmd.review_id = name.second;
        cmd.expected_version = version;
        cmd.finding_id = finding_id;
        cmd.decision =
            static_cast<casefile::FindingDecision>(request->decision());
        cmd.ground = static_cast<rules::ExemptionGround>(request->ground());
        cmd.reason = request->reason();
        FOI_RETURN_IF_ERROR(casefile::ValidateDecision(
            r, finding_id, cmd.decision, cmd.ground, cmd.reason));
        if (r.version != version) return StaleReview(r);
        cmd.actor = p.display_name;
        cmd.now = deps_->clock->Now();
        FOI_ASSIGN_OR_RETURN(Review updated,
                             deps_->reviews->DecideFinding(cmd));
        ReviewToProto(updated, response);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* ReviewServiceImpl::CompleteReview(
    grpc::CallbackServerContext* ctx, const v1::CompleteReviewRequest* request,
    v1::Review* response) {
  auto name = ParseChildName("name", request->name(), "reviews");
  if (!name.ok()) return server::FinishNow(ctx, name.status());
  auto version = VersionOf("etag", request->etag());
  if (!version.ok()) return server::FinishNow(ctx, version.status());
  if (!v1::ReviewConclusion_IsValid(request->conclusion())) {
    return server::FinishNow(ctx,
                             absl::InvalidArgumentError("conclusion: unknown"));
  }
  return server::ServeAs(
      ctx, *deps_,
      [this, request, response, name = *name,
       version = *version](const Principal& p) -> absl::Status {
        FOI_ASSIGN_OR_RETURN(
            Review r, deps_->reviews->GetReview(name.first, name.second));
        if (r.version != version) return StaleReview(r);
        FOI_ASSIGN_OR_RETURN(std::vector<CaseDocument> docs,
                             deps_->reviews->ListDocuments(name.first));
        CaseCommand cmd;
        cmd.action = CaseAction::kCompleteReview;
        cmd.review = std::move(r);
        cmd.review_documents = std::move(docs);
        cmd.conclusion =
            static_cast<casefile::ReviewConclusion>(request->conclusion());
        cmd.text = request->summary();
        // The case may have moved on (notes, an extension): the review's
        // own etag guards the sign-off, so the case's current version is
        // taken (0).
        FOI_RETURN_IF_ERROR(
            server::RunCaseCommand(*deps_, p, name.first, 0, std::move(cmd))
                .status());
        FOI_ASSIGN_OR_RETURN(
            Review done, deps_->reviews->GetReview(name.first, name.second));
        ReviewToProto(done, response);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* ReviewServiceImpl::GetRedactedDocument(
    grpc::CallbackServerContext* ctx,
    const v1::GetRedactedDocumentRequest* request,
    v1::RedactedDocument* response) {
  auto name = ParseChildName("review", request->review(), "reviews");
  if (!name.ok()) return server::FinishNow(ctx, name.status());
  auto doc = ParseChildName("document", request->document(), "documents");
  if (!doc.ok()) return server::FinishNow(ctx, doc.status());
  return server::ServeAs(
      ctx, *deps_,
      [this, request, response, name = *name,
       doc = *doc](const Principal&) -> absl::Status {
        FOI_ASSIGN_OR_RETURN(
            Review r, deps_->reviews->GetReview(name.first, name.second));
        if (doc.first != name.first ||
            std::find(r.document_ids.begin(), r.document_ids.end(),
                      doc.second) == r.document_ids.end()) {
          return absl::NotFoundError(absl::StrCat(
              "document: ", request->document(), " is not under this review"));
        }
        if (r.conclusion == casefile::ReviewConclusion::kWithhold) {
          return absl::FailedPreconditionError(
              "the review concluded WITHHOLD: nothing of it is released");
        }
        FOI_ASSIGN_OR_RETURN(
            CaseDocument d, deps_->reviews->GetDocument(doc.first, doc.second));
        std::vector<screening::RedactionSpan> spans;
        for (const casefile::ReviewFinding& f : r.findings) {
          if (f.document_id != doc.second ||
              f.decision != casefile::FindingDecision::kRedact) {
            continue;
          }
          screening::RedactionSpan s;
          s.byte_begin = static_cast<size_t>(f.byte_begin);
          s.byte_end = static_cast<size_t>(f.byte_end);
          s.category = static_cast<screening::Category>(f.category);
          s.ground = f.ground;
          spans.push_back(s);
        }
        FOI_ASSIGN_OR_RETURN(screening::RedactedText redacted,
                             screening::Redact(d.text, std::move(spans)));
        // Typeset afresh from the redacted text: the original glyphs are
        // never in the file, so no extraction can recover them.
        pdf::PdfDocumentSpec spec;
        spec.title = d.file_name;
        spec.blocks.push_back({pdf::BlockStyle::kPlain, redacted.text});
        FOI_ASSIGN_OR_RETURN(std::string pdf_bytes, pdf::RenderPdf(spec));
        response->set_document(request->document());
        response->set_review(request->review());
        response->set_final(r.state == casefile::ReviewState::kCompleted);
        for (const screening::RedactionLogEntry& e : redacted.log) {
          v1::RedactionLogEntry* out = response->add_log();
          v1::TextSpan* span = out->mutable_span();
          span->set_char_begin(static_cast<int64_t>(e.char_begin));
          span->set_char_end(static_cast<int64_t>(e.char_end));
          span->set_byte_begin(static_cast<int64_t>(e.byte_begin));
          span->set_byte_end(static_cast<int64_t>(e.byte_end));
          out->set_category(static_cast<v1::FindingCategory>(e.category));
          out->set_ground(static_cast<v1::ExemptionGround>(e.ground));
          for (const casefile::ReviewFinding& f : r.findings) {
            if (f.document_id == doc.second &&
                f.decision == casefile::FindingDecision::kRedact &&
                f.char_begin < static_cast<int64_t>(e.char_end) &&
                f.char_end > static_cast<int64_t>(e.char_begin)) {
              out->add_findings(absl::StrCat(f.id));
            }
          }
        }
        response->set_redacted_text(std::move(redacted.text));
        response->set_pdf(std::move(pdf_bytes));
        return absl::OkStatus();
      });
}

void Register(grpc::ServerBuilder& builder, server::Deps& deps) {
  auto service = std::make_unique<ReviewServiceImpl>(&deps);
  builder.RegisterService(service.get());
  deps.services.push_back(std::move(service));
}

}  // namespace foi::review
