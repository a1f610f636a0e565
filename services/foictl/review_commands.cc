// foictl commands for the confidentiality pre-review: screen, doc and
// review (ReviewService).
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "foi/v1/review_service.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "services/foictl/cli.h"

namespace foictl {
namespace {

// Removes the bare flag --key from `opts`; returns whether it was given.
bool Flag(std::map<std::string, std::string>& opts, const std::string& key) {
  return opts.erase(key) > 0;
}

// Returns the bytes of the file at `path`, or nullopt if it cannot be read.
std::optional<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string bytes((std::istreambuf_iterator<char>(in)),
                    std::istreambuf_iterator<char>());
  if (in.bad()) return std::nullopt;
  return bytes;
}

// Writes `bytes` to the file at `path`; returns false if that fails.
bool WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  return !out.fail();
}

// Flagged text may span lines; a table cell must not, or the columns break.
// CSV quotes newlines, so it keeps the text as it is.
std::string Cell(const std::string& text, bool csv) {
  if (csv) return text;
  std::string cell = text;
  for (char& c : cell) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return cell;
}

std::string SpanText(const foi::v1::TextSpan& span) {
  return absl::StrCat(span.char_begin(), "-", span.char_end());
}

std::string GroundText(foi::v1::ExemptionGround ground) {
  return ground == foi::v1::EXEMPTION_GROUND_UNSPECIFIED
             ? "-"
             : foi::v1::ExemptionGround_Name(ground);
}

// Returns the review's current etag, or nullopt after printing the error as
// Fail() does.
std::optional<std::string> ReviewEtag(const std::string& review) {
  auto stub = foi::v1::ReviewService::NewStub(Channel());
  grpc::ClientContext ctx;
  Prepare(ctx);
  foi::v1::GetReviewRequest req;
  req.set_name(review);
  foi::v1::Review resp;
  grpc::Status s = stub->GetReview(&ctx, req, &resp);
  if (!s.ok()) {
    Fail(s);
    return std::nullopt;
  }
  return resp.etag();
}

constexpr char kScreenUsage[] =
    "foictl screen FILE [--csv]: run the detectors over a UTF-8 text file\n"
    "  (at most 4 MiB) and list what they flag; nothing is stored\n"
    "  (ReviewService.ScreenText)\n"
    "  --csv             CSV instead of a table\n";

int RunScreen(const std::vector<std::string>& pos,
              std::map<std::string, std::string>& opts) {
  const bool csv = Flag(opts, "csv");
  if (pos.size() != 1 || LeftoverOptions(opts)) return Usage(kScreenUsage);
  std::optional<std::string> text = ReadFile(pos[0]);
  if (!text) return Usage(absl::StrCat("cannot read ", pos[0], "\n"));
  foi::v1::ScreenTextRequest req;
  req.set_text(*std::move(text));
  auto stub = foi::v1::ReviewService::NewStub(Channel());
  grpc::ClientContext ctx;
  Prepare(ctx);
  foi::v1::ScreenTextResponse resp;
  grpc::Status s = stub->ScreenText(&ctx, req, &resp);
  if (!s.ok()) return Fail(s);
  std::vector<std::vector<std::string>> rows = {
      {"category", "detector", "suggested_ground", "char_span", "text"}};
  for (const auto& f : resp.findings()) {
    rows.push_back({foi::v1::FindingCategory_Name(f.category()), f.detector(),
                    GroundText(f.suggested_ground()), SpanText(f.span()),
                    Cell(f.text(), csv)});
  }
  PrintTable(rows, csv);
  return 0;
}

constexpr char kDocUsage[] =
    "foictl doc add cases/{id} FILE [--type=MEDIA_TYPE] [--etag=E]\n"
    "      attach FILE (at most 16 MiB) to the case, under its base name\n"
    "      (ReviewService.AddDocument)\n"
    "      --type=T  text/plain (UTF-8) or application/pdf; default from the\n"
    "                extension, .txt or .pdf\n"
    "      --etag=E  default: the case's current etag\n"
    "foictl doc list cases/{id}\n"
    "      the case's documents, oldest first (ReviewService.ListDocuments)\n";

// The media type AddDocument expects for `file`, or "" if the extension
// does not tell.
std::string GuessMediaType(const std::string& file) {
  if (absl::EndsWithIgnoreCase(file, ".pdf")) return "application/pdf";
  if (absl::EndsWithIgnoreCase(file, ".txt")) return "text/plain";
  return "";
}

int RunDocAdd(const std::vector<std::string>& pos,
              std::map<std::string, std::string>& opts) {
  const std::string& parent = pos[1];
  const std::string& file = pos[2];
  std::string media_type = Opt(opts, "type");
  std::string etag = Opt(opts, "etag");
  if (LeftoverOptions(opts)) return Usage(kDocUsage);
  if (media_type.empty()) media_type = GuessMediaType(file);
  if (media_type.empty()) {
    return Usage(absl::StrCat("--type: cannot tell the media type of ", file,
                              " from its extension\n", kDocUsage));
  }
  std::optional<std::string> content = ReadFile(file);
  if (!content) return Usage(absl::StrCat("cannot read ", file, "\n"));
  if (etag.empty() && !CurrentEtag(parent, &etag)) return 1;
  foi::v1::AddDocumentRequest req;
  req.set_parent(parent);
  req.set_etag(etag);
  // The server keeps the name only, never the client's directories.
  req.set_file_name(file.substr(file.rfind('/') + 1));
  req.set_media_type(media_type);
  req.set_content(*std::move(content));
  auto stub = foi::v1::ReviewService::NewStub(Channel());
  grpc::ClientContext ctx;
  Prepare(ctx);
  foi::v1::AddDocumentResponse resp;
  grpc::Status s = stub->AddDocument(&ctx, req, &resp);
  return s.ok() ? Print(resp) : Fail(s);
}

int RunDocList(const std::vector<std::string>& pos,
               std::map<std::string, std::string>& opts) {
  if (LeftoverOptions(opts)) return Usage(kDocUsage);
  foi::v1::ListDocumentsRequest req;
  req.set_parent(pos[1]);
  auto stub = foi::v1::ReviewService::NewStub(Channel());
  grpc::ClientContext ctx;
  Prepare(ctx);
  foi::v1::ListDocumentsResponse resp;
  grpc::Status s = stub->ListDocuments(&ctx, req, &resp);
  return s.ok() ? Print(resp) : Fail(s);
}

int RunDoc(const std::vector<std::string>& pos,
           std::map<std::string, std::string>& opts) {
  if (pos.size() == 3 && pos[0] == "add") return RunDocAdd(pos, opts);
  if (pos.size() == 2 && pos[0] == "list") return RunDocList(pos, opts);
  return Usage(kDocUsage);
}

constexpr char kReviewUsage[] =
    "foictl review create cases/{id} [--documents=NAME,NAME] [--etag=E]\n"
    "      screen the case's documents and open a review; the case moves to\n"
    "      IN_REVIEW (ReviewService.CreateReview)\n"
    "      --documents  cases/{id}/documents/{d}, comma-separated; default:\n"
    "                   every document no completed review covers\n"
    "      --etag=E     default: the case's current etag\n"
    "foictl review get cases/{id}/reviews/{r} [--json]\n"
    "      the review and a table of its findings (ReviewService.GetReview)\n"
    "      --json       the whole review as proto3 JSON instead\n"
    "foictl review decide cases/{id}/reviews/{r} FINDING_ID\n"
    "      --redact --ground=GROUND [--reason=TEXT] | --release --reason=TEXT\n"
    "      [--etag=E]  decide one finding (ReviewService.DecideFinding;\n"
    "      REVIEWER)\n"
    "      GROUND: STATE_SECRET, PROHIBITED_BY_LAW, SECURITY_OR_STABILITY,\n"
    "              THIRD_PARTY_RIGHTS, INTERNAL_AFFAIRS, PROCESS_INFORMATION,\n"
    "              LAW_ENFORCEMENT_FILE, ADMINISTRATIVE_QUERY\n"
    "foictl review complete cases/{id}/reviews/{r}\n"
    "      --conclusion=DISCLOSE|PARTIAL|WITHHOLD [--summary=TEXT] [--etag=E]\n"
    "      sign the review off once every finding is decided\n"
    "      (ReviewService.CompleteReview; REVIEWER other than the drafter)\n"
    "foictl review redacted cases/{id}/reviews/{r} cases/{id}/documents/{d}\n"
    "      [--pdf=OUT.pdf]  the document as it would be released, and its\n"
    "      redaction log (ReviewService.GetRedactedDocument); --pdf also\n"
    "      writes the typeset PDF to OUT.pdf\n"
    "  decide and complete take the review's etag; default: its current one.\n";

int RunReviewCreate(const std::vector<std::string>& pos,
                    std::map<std::string, std::string>& opts) {
  foi::v1::CreateReviewRequest req;
  req.set_parent(pos[1]);
  for (absl::string_view d :
       absl::StrSplit(Opt(opts, "documents"), ',', absl::SkipEmpty())) {
    req.add_documents(std::string(d));
  }
  std::string etag = Opt(opts, "etag");
  if (LeftoverOptions(opts)) return Usage(kReviewUsage);
  if (etag.empty() && !CurrentEtag(pos[1], &etag)) return 1;
  req.set_etag(etag);
  auto stub = foi::v1::ReviewService::NewStub(Channel());
  grpc::ClientContext ctx;
  Prepare(ctx);
  foi::v1::Review resp;
  grpc::Status s = stub->CreateReview(&ctx, req, &resp);
  return s.ok() ? Print(resp) : Fail(s);
}

int RunReviewGet(const std::vector<std::string>& pos,
                 std::map<std::string, std::string>& opts) {
  const bool json = Flag(opts, "json");
  if (LeftoverOptions(opts)) return Usage(kReviewUsage);
  foi::v1::GetReviewRequest req;
  req.set_name(pos[1]);
  auto stub = foi::v1::ReviewService::NewStub(Channel());
  grpc::ClientContext ctx;
  Prepare(ctx);
  foi::v1::Review resp;
  grpc::Status s = stub->GetReview(&ctx, req, &resp);
  if (!s.ok()) return Fail(s);
  if (json) return Print(resp);
  std::cout << resp.name() << "  " << foi::v1::ReviewState_Name(resp.state());
  if (resp.state() == foi::v1::COMPLETED) {
    std::cout << " " << foi::v1::ReviewConclusion_Name(resp.conclusion())
              << " by " << resp.completed_by();
  }
  std::cout << "  undecided: " << resp.undecided_count()
            << "  etag: " << resp.etag() << "\n";
  std::vector<std::vector<std::string>> rows = {
      {"id", "category", "text", "decision", "ground"}};
  for (const auto& f : resp.findings()) {
    rows.push_back({f.id(), foi::v1::FindingCategory_Name(f.category()),
                    Cell(f.text(), false),
                    f.decision() == foi::v1::FINDING_DECISION_UNSPECIFIED
                        ? "-"
                        : foi::v1::FindingDecision_Name(f.decision()),
                    GroundText(f.ground())});
  }
  PrintTable(rows, false);
  return 0;
}

int RunReviewDecide(const std::vector<std::string>& pos,
                    std::map<std::string, std::string>& opts) {
  foi::v1::DecideFindingRequest req;
  req.set_review(pos[1]);
  req.set_finding(pos[2]);
  const bool redact = Flag(opts, "redact");
  const bool release = Flag(opts, "release");
  if (redact == release) {
    std::cerr << "give exactly one of --redact and --release\n";
    return Usage(kReviewUsage);
  }
  req.set_decision(redact ? foi::v1::REDACT : foi::v1::RELEASE);
  foi::v1::ExemptionGround ground = foi::v1::EXEMPTION_GROUND_UNSPECIFIED;
  if (!EnumOpt(opts, "ground", foi::v1::ExemptionGround_Parse,
               /*required=*/false, &ground)) {
    return Usage(kReviewUsage);
  }
  req.set_ground(ground);
  req.set_reason(Opt(opts, "reason"));
  std::string etag = Opt(opts, "etag");
  if (LeftoverOptions(opts)) return Usage(kReviewUsage);
  if (etag.empty()) {
    std::optional<std::string> current = ReviewEtag(pos[1]);
    if (!current) return 1;
    etag = *std::move(current);
  }
  req.set_etag(etag);
  auto stub = foi::v1::ReviewService::NewStub(Channel());
  grpc::ClientContext ctx;
  Prepare(ctx);
  foi::v1::Review resp;
  grpc::Status s = stub->DecideFinding(&ctx, req, &resp);
  return s.ok() ? Print(resp) : Fail(s);
}

int RunReviewComplete(const std::vector<std::string>& pos,
                      std::map<std::string, std::string>& opts) {
  foi::v1::CompleteReviewRequest req;
  req.set_name(pos[1]);
  foi::v1::ReviewConclusion conclusion = foi::v1::REVIEW_CONCLUSION_UNSPECIFIED;
  if (!EnumOpt(opts, "conclusion", foi::v1::ReviewConclusion_Parse,
               /*required=*/true, &conclusion)) {
    return Usage(kReviewUsage);
  }
  req.set_conclusion(conclusion);
  req.set_summary(Opt(opts, "summary"));
  std::string etag = Opt(opts, "etag");
  if (LeftoverOptions(opts)) return Usage(kReviewUsage);
  if (etag.empty()) {
    std::optional<std::string> current = ReviewEtag(pos[1]);
    if (!current) return 1;
    etag = *std::move(current);
  }
  req.set_etag(etag);
  auto stub = foi::v1::ReviewService::NewStub(Channel());
  grpc::ClientContext ctx;
  Prepare(ctx);
  foi::v1::Review resp;
  grpc::Status s = stub->CompleteReview(&ctx, req, &resp);
  return s.ok() ? Print(resp) : Fail(s);
}

int RunReviewRedacted(const std::vector<std::string>& pos,
                      std::map<std::string, std::string>& opts) {
  const std::string pdf_file = Opt(opts, "pdf");
  if (LeftoverOptions(opts)) return Usage(kReviewUsage);
  foi::v1::GetRedactedDocumentRequest req;
  req.set_review(pos[1]);
  req.set_document(pos[2]);
  auto stub = foi::v1::ReviewService::NewStub(Channel());
  grpc::ClientContext ctx;
  Prepare(ctx);
  foi::v1::RedactedDocument resp;
  grpc::Status s = stub->GetRedactedDocument(&ctx, req, &resp);
  if (!s.ok()) return Fail(s);
  if (!pdf_file.empty() && !WriteFile(pdf_file, resp.pdf())) {
    return Usage(absl::StrCat("cannot write ", pdf_file, "\n"));
  }
  std::cout << resp.redacted_text();
  if (!absl::EndsWith(resp.redacted_text(), "\n")) std::cout << "\n";
  std::cout << "\nredaction log"
            << (resp.final() ? "" : " (preview: the review is not completed)")
            << ":\n";
  std::vector<std::vector<std::string>> rows = {
      {"char_span", "category", "ground", "findings"}};
  for (const auto& e : resp.log()) {
    rows.push_back({SpanText(e.span()),
                    foi::v1::FindingCategory_Name(e.category()),
                    GroundText(e.ground()), absl::StrJoin(e.findings(), ",")});
  }
  PrintTable(rows, false);
  return 0;
}

int RunReview(const std::vector<std::string>& pos,
              std::map<std::string, std::string>& opts) {
  const std::string verb = pos.empty() ? "" : pos[0];
  if (verb == "create" && pos.size() == 2) return RunReviewCreate(pos, opts);
  if (verb == "get" && pos.size() == 2) return RunReviewGet(pos, opts);
  if (verb == "decide" && pos.size() == 3) return RunReviewDecide(pos, opts);
  if (verb == "complete" && pos.size() == 2) {
    return RunReviewComplete(pos, opts);
  }
  if (verb == "redacted" && pos.size() == 3) {
    return RunReviewRedacted(pos, opts);
  }
  return Usage(kReviewUsage);
}

}  // namespace

std::vector<Command> ReviewCommands() {
  return {
      {"screen", kScreenUsage, RunScreen},
      {"doc", kDocUsage, RunDoc},
      {"review", kReviewUsage, RunReview},
  };
}

}  // namespace foictl
