#include "services/analytics/analytics_service.h"

#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "libs/annual/annual_report.h"
#include "libs/annual/report_csv.h"
#include "libs/annual/report_html.h"
#include "libs/annual/report_json.h"
#include "libs/common/status_macros.h"
#include "libs/common/text.h"
#include "libs/convert/case_proto.h"
#include "libs/convert/page_token.h"
#include "libs/screening/screener.h"
#include "libs/server/blocking_call.h"
#include "libs/server/principal.h"
#include "libs/server/serve_as.h"
#include "libs/textsim/normalizer.h"
#include "services/analytics/topics.h"

namespace foi::analytics {
namespace {

using server::Principal;

constexpr int kDefaultPageSize = 50;
constexpr int kMaxPageSize = 500;
// Applications read per query for the report's topics.
constexpr int kApplicationPage = 5000;

void CandidateToProto(const store::CandidateRow& c,
                      v1::DisclosureCandidate* out) {
  out->set_name(absl::StrCat("disclosureCandidates/", c.id));
  out->set_state(
      static_cast<v1::CandidateState>(static_cast<int>(c.state) + 1));
  out->set_representative(c.representative);
  for (const std::string& id : c.case_ids) {
    out->add_cases(absl::StrCat("cases/", id));
  }
  out->set_applicant_count(c.applicant_count);
  for (const auto& [code, n] : c.outcomes) (*out->mutable_outcomes())[code] = n;
  convert::DateToProto(c.first_receipt_date, out->mutable_first_receipt_date());
  convert::DateToProto(c.last_receipt_date, out->mutable_last_receipt_date());
  out->set_score(c.score);
  out->set_decided_by(c.decided_by);
  out->set_reason(c.reason);
  if (!c.disclosure_id.empty()) {
    out->set_disclosure(absl::StrCat("proactiveDisclosures/", c.disclosure_id));
  }
}

void DisclosureToProto(const store::DisclosureRow& d,
                       v1::ProactiveDisclosure* out) {
  out->set_name(absl::StrCat("proactiveDisclosures/", d.id));
  out->set_title(d.title);
  out->set_location(d.location);
  out->set_candidate(absl::StrCat("disclosureCandidates/", d.candidate_id));
  out->set_created_by(d.created_by);
  convert::TimeToProto(d.create_time, out->mutable_create_time());
}

annual::ReportCase ToReportCase(const store::ReportRow& r) {
  annual::ReportCase c;
  c.applicant_type = r.applicant_type;
  c.receipt_date = r.receipt_date;
  c.closed_date = r.closed_date;
  c.state = r.state;
  c.outcome = r.disposition.outcome;
  c.reason = r.disposition.reason;
  c.grounds = r.disposition.grounds;
  return c;
}

absl::StatusOr<annual::Appeal> ToAppeal(const store::AppealRow& a) {
  annual::Appeal out;
  v1::AppealKind kind;
  v1::AppealResult result;
  if (!v1::AppealKind_Parse(a.kind, &kind) ||
      !v1::AppealResult_Parse(a.result, &result)) {
    return absl::InternalError(
        absl::StrCat("stored appeal ", a.id, " has an unknown kind or result"));
  }
  out.kind = static_cast<annual::AppealKind>(kind - 1);
  out.result = static_cast<annual::AppealResult>(result - 1);
  out.filed_date = a.filed_date;
  out.decided_date = a.decided_date;
  return out;
}

// Every application received in `year`.
absl::StatusOr<std::vector<store::ApplicationRow>> ApplicationsReceived(
    store::AnalyticsRepository& repo, int year) {
  std::vector<store::ApplicationRow> out;
  std::optional<std::pair<absl::CivilDay, std::string>> after;
  for (;;) {
    FOI_ASSIGN_OR_RETURN(
        std::vector<store::ApplicationRow> page,
        repo.ListApplicationsReceived(year, after, kApplicationPage));
    if (page.empty()) break;
    after = std::make_pair(page.back().receipt_date, page.back().case_id);
    const bool last = static_cast<int>(page.size()) < kApplicationPage;
    out.insert(out.end(), std::make_move_iterator(page.begin()),
               std::make_move_iterator(page.end()));
    if (last) break;
  }
  return out;
}

}  // namespace

AnalyticsServiceImpl::AnalyticsServiceImpl(server::Deps* deps) : deps_(deps) {}

AnalyticsServiceImpl::~AnalyticsServiceImpl() = default;

absl::StatusOr<const textsim::Normalizer*>
AnalyticsServiceImpl::TopicNormalizer() {
  absl::MutexLock lock(&normalizer_mu_);
  if (normalizer_ == nullptr) {
    auto made = textsim::Normalizer::Create();
    if (!made.ok()) {
      return absl::InternalError(
          absl::StrCat("annual report topics: no text normalizer: ",
                       made.status().message()));
    }
    normalizer_ = *std::move(made);
  }
  return normalizer_.get();
}

absl::StatusOr<const screening::Screener*>
AnalyticsServiceImpl::LabelScreener() {
  absl::MutexLock lock(&normalizer_mu_);
  if (label_screener_ == nullptr) {
    auto made = screening::Screener::Create({});
    if (!made.ok()) {
      return absl::InternalError(absl::StrCat(
          "annual report topics: no screener: ", made.status().message()));
    }
    label_screener_ = *std::move(made);
  }
  return label_screener_.get();
}

grpc::ServerUnaryReactor* AnalyticsServiceImpl::ListDisclosureCandidates(
    grpc::CallbackServerContext* ctx,
    const v1::ListDisclosureCandidatesRequest* request,
    v1::ListDisclosureCandidatesResponse* response) {
  v1::CandidateState state = request->state() == v1::CANDIDATE_STATE_UNSPECIFIED
                                 ? v1::PROPOSED
                                 : request->state();
  if (!v1::CandidateState_IsValid(state)) {
    return server::FinishNow(ctx, absl::InvalidArgumentError("state: unknown"));
  }
  auto size = convert::ResolvePageSize(request->page_size(), kDefaultPageSize,
                                       kMaxPageSize);
  if (!size.ok()) return server::FinishNow(ctx, size.status());
  const std::string query = absl::StrCat("candidates|", state);
  auto after = convert::DecodePageToken(request->page_token(), query);
  if (!after.ok()) return server::FinishNow(ctx, after.status());
  std::optional<std::pair<double, std::string>> key;
  if (!after->empty()) {
    std::pair<std::string, std::string> parts = absl::StrSplit(*after, '|');
    double score = 0;
    if (!absl::SimpleAtod(parts.first, &score)) {
      return server::FinishNow(
          ctx, absl::InvalidArgumentError("page_token: not one of ours"));
    }
    key = std::make_pair(score, parts.second);
  }
  return server::ServeAs(
      ctx, *deps_,
      [this, response, state, key, query,
       limit = *size](const Principal&) -> absl::Status {
        FOI_ASSIGN_OR_RETURN(
            std::vector<store::CandidateRow> rows,
            deps_->analytics->ListCandidates(
                static_cast<store::CandidateState>(state - 1), key, limit + 1));
        const bool more = static_cast<int>(rows.size()) > limit;
        if (more) rows.resize(limit);
        for (const store::CandidateRow& c : rows) {
          CandidateToProto(c, response->add_candidates());
        }
        if (more) {
          response->set_next_page_token(convert::EncodePageToken(
              absl::StrCat(rows.back().score, "|", rows.back().id), query));
        }
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* AnalyticsServiceImpl::DecideCandidate(
    grpc::CallbackServerContext* ctx, const v1::DecideCandidateRequest* request,
    v1::DisclosureCandidate* response) {
  absl::string_view id = request->name();
  if (!absl::ConsumePrefix(&id, "disclosureCandidates/") || id.empty() ||
      id.size() > 40) {
    return server::FinishNow(
        ctx, absl::InvalidArgumentError(
                 "name: expected disclosureCandidates/{candidate_id}"));
  }
  const v1::CandidateState decision = request->decision();
  if (decision == v1::ACCEPTED) {
    for (auto [field, value, max] :
         {std::make_tuple("title", &request->title(), size_t{200}),
          std::make_tuple("location", &request->location(), size_t{1000})}) {
      if (absl::Status s = ValidateText(field, *value, {max, true}); !s.ok()) {
        return server::FinishNow(ctx, s);
      }
    }
  } else if (decision == v1::REJECTED) {
    if (absl::Status s =
            ValidateText("reason", request->reason(), {2000, true, true});
        !s.ok()) {
      return server::FinishNow(ctx, s);
    }
  } else {
    return server::FinishNow(
        ctx, absl::InvalidArgumentError("decision: ACCEPTED or REJECTED"));
  }
  return server::ServeAs(
      ctx, *deps_,
      [this, request, response, decision,
       id = std::string(id)](const Principal& p) -> absl::Status {
        const absl::Time now = deps_->clock->Now();
        std::optional<store::DisclosureRow> disclosure;
        if (decision == v1::ACCEPTED) {
          store::DisclosureRow d;
          d.id = deps_->ids->NewId(now);
          d.title = request->title();
          d.location = request->location();
          d.candidate_id = id;
          d.created_by = p.display_name;
          d.create_time = now;
          disclosure = d;
        }
        FOI_ASSIGN_OR_RETURN(
            store::CandidateRow c,
            deps_->analytics->DecideCandidate(
                id,
                decision == v1::ACCEPTED ? store::CandidateState::kAccepted
                                         : store::CandidateState::kRejected,
                request->reason(), p.display_name, disclosure, now));
        CandidateToProto(c, response);
        return absl::OkStatus();
      });
}

constexpr char kDisclosuresQuery[] = "disclosures";

grpc::ServerUnaryReactor* AnalyticsServiceImpl::ListProactiveDisclosures(
    grpc::CallbackServerContext* ctx,
    const v1::ListProactiveDisclosuresRequest* request,
    v1::ListProactiveDisclosuresResponse* response) {
  auto size = convert::ResolvePageSize(request->page_size(), kDefaultPageSize,
                                       kMaxPageSize);
  if (!size.ok()) return server::FinishNow(ctx, size.status());
  auto after =
      convert::DecodePageToken(request->page_token(), kDisclosuresQuery);
  if (!after.ok()) return server::FinishNow(ctx, after.status());
  std::optional<std::pair<absl::Time, std::string>> key;
  if (!after->empty()) {
    std::pair<std::string, std::string> parts = absl::StrSplit(*after, '|');
    int64_t micros = 0;
    if (!absl::SimpleAtoi(parts.first, &micros)) {
      return server::FinishNow(
          ctx, absl::InvalidArgumentError("page_token: not one of ours"));
    }
    key = std::make_pair(absl::FromUnixMicros(micros), parts.second);
  }
  return server::ServeAs(
      ctx, *deps_,
      [this, response, key, limit = *size](const Principal&) -> absl::Status {
        FOI_ASSIGN_OR_RETURN(std::vector<store::DisclosureRow> rows,
                             deps_->analytics->ListDisclosures(key, limit + 1));
        const bool more = static_cast<int>(rows.size()) > limit;
        if (more) rows.resize(limit);
        for (const store::DisclosureRow& d : rows) {
          DisclosureToProto(d, response->add_disclosures());
        }
        if (more) {
          response->set_next_page_token(convert::EncodePageToken(
              absl::StrCat(absl::ToUnixMicros(rows.back().create_time), "|",
                           rows.back().id),
              kDisclosuresQuery));
        }
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* AnalyticsServiceImpl::RecordAppeal(
    grpc::CallbackServerContext* ctx, const v1::RecordAppealRequest* request,
    v1::Appeal* response) {
  const v1::Appeal& a = request->appeal();
  auto case_id = convert::ParseCaseName("appeal.case", a.case_());
  if (!case_id.ok()) return server::FinishNow(ctx, case_id.status());
  if (a.kind() == v1::APPEAL_KIND_UNSPECIFIED ||
      !v1::AppealKind_IsValid(a.kind())) {
    return server::FinishNow(
        ctx, absl::InvalidArgumentError("appeal.kind: required"));
  }
  if (a.result() == v1::APPEAL_RESULT_UNSPECIFIED ||
      !v1::AppealResult_IsValid(a.result())) {
    return server::FinishNow(
        ctx, absl::InvalidArgumentError("appeal.result: required"));
  }
  auto filed = convert::DateFromProto("appeal.filed_date", a.filed_date());
  if (!filed.ok()) return server::FinishNow(ctx, filed.status());
  const absl::CivilDay today =
      absl::ToCivilDay(deps_->clock->Now(), deps_->agency_zone);
  if (*filed > today) {
    return server::FinishNow(
        ctx, absl::InvalidArgumentError("appeal.filed_date: in the future"));
  }
  std::optional<absl::CivilDay> decided;
  if (a.result() != v1::PENDING) {
    auto day = convert::DateFromProto("appeal.decided_date", a.decided_date());
    if (!day.ok()) return server::FinishNow(ctx, day.status());
    if (*day < *filed || *day > today) {
      return server::FinishNow(
          ctx, absl::InvalidArgumentError(
                   "appeal.decided_date: between filing and today"));
    }
    decided = *day;
  } else if (a.has_decided_date()) {
    return server::FinishNow(
        ctx, absl::InvalidArgumentError(
                 "appeal.decided_date: not with a PENDING result"));
  }
  return server::ServeAs(
      ctx, *deps_,
      [this, response, a, decided, filed = *filed,
       case_id = *case_id](const Principal& p) -> absl::Status {
        store::AppealRow row;
        row.create_time = deps_->clock->Now();
        row.id = deps_->ids->NewId(row.create_time);
        row.case_id = case_id;
        row.kind = v1::AppealKind_Name(a.kind());
        row.result = v1::AppealResult_Name(a.result());
        row.filed_date = filed;
        row.decided_date = decided;
        row.created_by = p.display_name;
        FOI_RETURN_IF_ERROR(deps_->analytics->InsertAppeal(row));
        *response = a;
        response->set_name(absl::StrCat("appeals/", row.id));
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* AnalyticsServiceImpl::GetAnnualReport(
    grpc::CallbackServerContext* ctx, const v1::GetAnnualReportRequest* request,
    v1::AnnualReport* response) {
  const int year = request->year();
  const absl::CivilDay today =
      absl::ToCivilDay(deps_->clock->Now(), deps_->agency_zone);
  if (year < 2019 || year > today.year()) {
    return server::FinishNow(
        ctx, absl::InvalidArgumentError(absl::StrCat(
                 "year: 2019 (the 2019 Regulations) to ", today.year())));
  }
  const v1::ReportFormat format =
      request->format() == v1::REPORT_FORMAT_UNSPECIFIED ? v1::REPORT_JSON
                                                         : request->format();
  if (!v1::ReportFormat_IsValid(format)) {
    return server::FinishNow(ctx,
                             absl::InvalidArgumentError("format: unknown"));
  }
  return server::ServeAs(
      ctx, *deps_,
      [this, response, year, format](const Principal&) -> absl::Status {
        FOI_ASSIGN_OR_RETURN(std::vector<store::ReportRow> rows,
                             deps_->analytics->ListReportRows(year));
        std::vector<annual::ReportCase> cases;
        cases.reserve(rows.size());
        for (const store::ReportRow& r : rows) {
          cases.push_back(ToReportCase(r));
        }
        FOI_ASSIGN_OR_RETURN(std::vector<store::AppealRow> appeal_rows,
                             deps_->analytics->ListAppeals(year));
        std::vector<annual::Appeal> appeals;
        for (const store::AppealRow& a : appeal_rows) {
          FOI_ASSIGN_OR_RETURN(annual::Appeal appeal, ToAppeal(a));
          appeals.push_back(appeal);
        }
        FOI_ASSIGN_OR_RETURN(const textsim::Normalizer* normalizer,
                             TopicNormalizer());
        FOI_ASSIGN_OR_RETURN(const std::vector<store::ApplicationRow> received,
                             ApplicationsReceived(*deps_->analytics, year));
        FOI_ASSIGN_OR_RETURN(std::vector<annual::Topic> topics,
                             FindTopics(*normalizer, received));
        FOI_ASSIGN_OR_RETURN(const screening::Screener* screener,
                             LabelScreener());
        FOI_RETURN_IF_ERROR(RedactPersonalIdentifiers(*screener, &topics));
        FOI_ASSIGN_OR_RETURN(
            annual::AnnualReport report,
            annual::BuildAnnualReport(year, cases, appeals, std::move(topics),
                                      annual::kDefaultMaxTopics));
        response->set_year(year);
        response->set_format(format);
        response->set_cases(static_cast<int32_t>(cases.size()));
        switch (format) {
          case v1::REPORT_CSV:
            response->set_content_type("text/csv; charset=utf-8");
            response->set_content(annual::ToCsv(report));
            break;
          case v1::REPORT_HTML:
            response->set_content_type("text/html; charset=utf-8");
            response->set_content(annual::ToHtml(report));
            break;
          default:
            response->set_content_type("application/json");
            response->set_content(annual::ToJson(report));
        }
        return absl::OkStatus();
      });
}

void Register(grpc::ServerBuilder& builder, server::Deps& deps) {
  auto service = std::make_unique<AnalyticsServiceImpl>(&deps);
  builder.RegisterService(service.get());
  deps.services.push_back(std::move(service));
}

}  // namespace foi::analytics
