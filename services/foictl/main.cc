// foictl: the command-line client of foi-tracker.
//
//   foictl [--endpoint=HOST:PORT] [--token=SECRET] COMMAND [ARGS] [--help]
//
// The endpoint and token may also come from FOI_ENDPOINT and FOI_TOKEN.
// Results print as JSON (proto3 JSON mapping); errors print as
// "error: CODE: message" and exit 1; usage errors exit 2.
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "foi/v1/admin_service.grpc.pb.h"
#include "foi/v1/casework_service.grpc.pb.h"
#include "foi/v1/deadline_service.grpc.pb.h"
#include "foi/v1/intake_service.grpc.pb.h"
#include "google/protobuf/util/json_util.h"
#include "grpcpp/grpcpp.h"

namespace {

struct Command {
  const char* name;
  const char* usage;
  int (*run)(const std::vector<std::string>& positional,
             std::map<std::string, std::string>& opts);
};

std::string g_endpoint;
std::string g_token;
std::string g_tls_ca_file;

std::string Env(const char* name, const char* fallback) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? v : fallback;
}

std::shared_ptr<grpc::Channel> Channel() {
  if (!g_tls_ca_file.empty()) {
    std::ifstream in(g_tls_ca_file);
    std::stringstream pem;
    pem << in.rdbuf();
    grpc::SslCredentialsOptions ssl;
    ssl.pem_root_certs = pem.str();
    return grpc::CreateChannel(g_endpoint, grpc::SslCredentials(ssl));
  }
  return grpc::CreateChannel(g_endpoint, grpc::InsecureChannelCredentials());
}

void Prepare(grpc::ClientContext& ctx) {
  if (!g_token.empty()) ctx.AddMetadata("authorization", "Bearer " + g_token);
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
}

int Fail(const grpc::Status& s) {
  static const char* kNames[] = {"OK",
                                 "CANCELLED",
                                 "UNKNOWN",
                                 "INVALID_ARGUMENT",
                                 "DEADLINE_EXCEEDED",
                                 "NOT_FOUND",
                                 "ALREADY_EXISTS",
                                 "PERMISSION_DENIED",
                                 "RESOURCE_EXHAUSTED",
                                 "FAILED_PRECONDITION",
                                 "ABORTED",
                                 "OUT_OF_RANGE",
                                 "UNIMPLEMENTED",
                                 "INTERNAL",
                                 "UNAVAILABLE",
                                 "DATA_LOSS",
                                 "UNAUTHENTICATED"};
  const int code = s.error_code();
  std::cerr << "error: " << (code >= 0 && code <= 16 ? kNames[code] : "?")
            << ": " << s.error_message() << "\n";
  return 1;
}

int Print(const google::protobuf::Message& m) {
  std::string json;
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = true;
  options.preserve_proto_field_names = true;
  (void)google::protobuf::util::MessageToJsonString(m, &json, options);
  std::cout << json;
  return 0;
}

int Usage(const std::string& text) {
  std::cerr << text;
  return 2;
}

std::string Opt(std::map<std::string, std::string>& opts,
                const std::string& key, const std::string& fallback = "") {
  auto it = opts.find(key);
  if (it == opts.end()) return fallback;
  std::string v = it->second;
  opts.erase(it);
  return v;
}

template <typename E>
bool ParseEnum(bool (*parse)(const std::string&, E*), const std::string& text,
               E* out) {
  return text.empty() || parse(text, out);
}

bool ParseDate(const std::string& text, foi::v1::Date* out) {
  absl::CivilDay day;
  if (!absl::ParseCivilTime(text, &day)) return false;
  out->set_year(static_cast<int32_t>(day.year()));
  out->set_month(day.month());
  out->set_day(day.day());
  return true;
}

bool LeftoverOptions(const std::map<std::string, std::string>& opts) {
  for (const auto& [k, v] : opts) {
    std::cerr << "unknown option --" << k << "\n";
  }
  return !opts.empty();
}

constexpr char kSubmitUsage[] =
    "foictl submit: register an application (IntakeService.SubmitApplication)\n"
    "  --json=FILE             the Case as proto3 JSON (other fields then "
    "ignored)\n"
    "  --applicant-type=T      NATURAL_PERSON (default), "
    "COMMERCIAL_ENTERPRISE, ...\n"
    "  --name=NAME             applicant name (required)\n"
    "  --id-type=T             RESIDENT_IDENTITY_CARD (default), PASSPORT, "
    "...\n"
    "  --id-number=N           identity document number (required)\n"
    "  --phone= --email= --address= --postal-code=   at least one contact\n"
    "  --description=TEXT      the information sought (required)\n"
    "  --document-reference=R  document number or title, optional\n"
    "  --channel=C             IN_PERSON, POST, ONLINE (default), FAX, EMAIL\n"
    "  --form=F                PAPER, ELECTRONIC (default), INSPECTION\n"
    "  --route=R               BY_POST, BY_EMAIL, COLLECT_IN_PERSON,\n"
    "                          BY_ONLINE_PORTAL (default), BY_FAX\n"
    "  --receipt-date=DATE     YYYY-MM-DD; default today (Art. 31)\n"
    "  --unit=UNIT             handling unit; default the server's\n"
    "  --request-id=ID         idempotency key; reuse it when retrying\n"
    "                          (default: a random one)\n";

int RunSubmit(const std::vector<std::string>& pos,
              std::map<std::string, std::string>& opts) {
  foi::v1::SubmitApplicationRequest req;
  foi::v1::Case& c = *req.mutable_case_();
  const std::string json_file = Opt(opts, "json");
  if (!json_file.empty()) {
    std::ifstream in(json_file);
    std::stringstream text;
    text << in.rdbuf();
    if (!in ||
        !google::protobuf::util::JsonStringToMessage(text.str(), &c).ok()) {
      return Usage(absl::StrCat("cannot read a Case from ", json_file, "\n"));
    }
  } else {
    foi::v1::ApplicantType type = foi::v1::NATURAL_PERSON;
    foi::v1::IdentityDocumentType id_type = foi::v1::RESIDENT_IDENTITY_CARD;
    foi::v1::Channel channel = foi::v1::ONLINE;
    foi::v1::DeliveryForm form = foi::v1::ELECTRONIC;
    foi::v1::DeliveryRoute route = foi::v1::BY_ONLINE_PORTAL;
    if (!ParseEnum(foi::v1::ApplicantType_Parse, Opt(opts, "applicant-type"),
                   &type) ||
        !ParseEnum(foi::v1::IdentityDocumentType_Parse, Opt(opts, "id-type"),
                   &id_type) ||
        !ParseEnum(foi::v1::Channel_Parse, Opt(opts, "channel"), &channel) ||
        !ParseEnum(foi::v1::DeliveryForm_Parse, Opt(opts, "form"), &form) ||
        !ParseEnum(foi::v1::DeliveryRoute_Parse, Opt(opts, "route"), &route)) {
      return Usage(std::string("unknown enum value\n") + kSubmitUsage);
    }
    foi::v1::Applicant& a = *c.mutable_applicant();
    a.set_type(type);
    a.set_name(Opt(opts, "name"));
    a.set_id_document_type(id_type);
    a.set_id_document_number(Opt(opts, "id-number"));
    a.set_phone(Opt(opts, "phone"));
    a.set_email(Opt(opts, "email"));
    a.set_postal_address(Opt(opts, "address"));
    a.set_postal_code(Opt(opts, "postal-code"));
    c.mutable_details()->set_information_description(Opt(opts, "description"));
    c.mutable_details()->set_document_reference(
        Opt(opts, "document-reference"));
    c.mutable_details()->set_delivery_form(form);
    c.mutable_details()->set_delivery_route(route);
    c.set_channel(channel);
    c.set_unit(Opt(opts, "unit"));
    const std::string date = Opt(opts, "receipt-date");
    if (!date.empty() && !ParseDate(date, c.mutable_receipt_date())) {
      return Usage("--receipt-date: expected YYYY-MM-DD\n");
    }
  }
  std::string request_id = Opt(opts, "request-id");
  if (request_id.empty()) {
    std::ifstream urandom("/proc/sys/kernel/random/uuid");
    std::getline(urandom, request_id);
  }
  req.set_request_id(request_id);
  if (!pos.empty() || LeftoverOptions(opts)) return Usage(kSubmitUsage);
  auto stub = foi::v1::IntakeService::NewStub(Channel());
  grpc::ClientContext ctx;
  Prepare(ctx);
  foi::v1::Case resp;
  grpc::Status s = stub->SubmitApplication(&ctx, req, &resp);
  return s.ok() ? Print(resp) : Fail(s);
}

constexpr char kGetUsage[] =
    "foictl get NAME: show one case (IntakeService.GetCase)\n"
    "  NAME is cases/{id}\n";

int RunGet(const std::vector<std::string>& pos,
           std::map<std::string, std::string>& opts) {
  if (pos.size() != 1 || LeftoverOptions(opts)) return Usage(kGetUsage);
  auto stub = foi::v1::IntakeService::NewStub(Channel());
  grpc::ClientContext ctx;
  Prepare(ctx);
  foi::v1::GetCaseRequest req;
  req.set_name(pos[0]);
  foi::v1::Case resp;
  grpc::Status s = stub->GetCase(&ctx, req, &resp);
  return s.ok() ? Print(resp) : Fail(s);
}

constexpr char kListUsage[] =
    "foictl list: list cases (IntakeService.ListCases)\n"
    "  --filter=EXPR     e.g. 'state = RECEIVED AND receipt_date >= "
    "2026-01-01'\n"
    "  --page-size=N     cases per page (default 50, max 1000)\n"
    "  --page-token=T    continue from a previous page\n"
    "  --all             follow next_page_token to the end\n";

int RunList(const std::vector<std::string>& pos,
            std::map<std::string, std::string>& opts) {
  foi::v1::ListCasesRequest req;
  req.set_filter(Opt(opts, "filter"));
  req.set_page_token(Opt(opts, "page-token"));
  int size = 0;
  const std::string size_text = Opt(opts, "page-size");
  if (!size_text.empty() && !absl::SimpleAtoi(size_text, &size)) {
    return Usage(kListUsage);
  }
  req.set_page_size(size);
  const bool all = opts.count("all") > 0;
  opts.erase("all");
  if (!pos.empty() || LeftoverOptions(opts)) return Usage(kListUsage);
  auto stub = foi::v1::IntakeService::NewStub(Channel());
  foi::v1::ListCasesResponse merged;
  do {
    grpc::ClientContext ctx;
    Prepare(ctx);
    foi::v1::ListCasesResponse resp;
    grpc::Status s = stub->ListCases(&ctx, req, &resp);
    if (!s.ok()) return Fail(s);
    for (auto& c : *resp.mutable_cases()) *merged.add_cases() = std::move(c);
    merged.set_next_page_token(resp.next_page_token());
    req.set_page_token(resp.next_page_token());
  } while (all && !req.page_token().empty());
  return Print(merged);
}

constexpr char kWithdrawUsage[] =
    "foictl withdraw NAME --etag=ETAG [--reason=TEXT]: record the applicant's\n"
    "  withdrawal (IntakeService.WithdrawApplication)\n";

int RunWithdraw(const std::vector<std::string>& pos,
                std::map<std::string, std::string>& opts) {
  foi::v1::WithdrawApplicationRequest req;
  req.set_etag(Opt(opts, "etag"));
  req.set_reason(Opt(opts, "reason"));
  if (pos.size() != 1 || LeftoverOptions(opts)) return Usage(kWithdrawUsage);
  req.set_name(pos[0]);
  auto stub = foi::v1::IntakeService::NewStub(Channel());
  grpc::ClientContext ctx;
  Prepare(ctx);
  foi::v1::Case resp;
  grpc::Status s = stub->WithdrawApplication(&ctx, req, &resp);
  return s.ok() ? Print(resp) : Fail(s);
}

constexpr char kTokensUsage[] =
    "foictl tokens create --display-name=NAME --role=ROLE [--unit=UNIT]\n"
    "foictl tokens list [--revoked]\n"
    "foictl tokens revoke tokens/{id}\n"
    "  ROLE: FRONT_DESK, OFFICER, REVIEWER, MANAGER, ADMIN (ADMIN token "
    "needed)\n";

int RunTokens(const std::vector<std::string>& pos,
              std::map<std::string, std::string>& opts) {
  if (pos.empty()) return Usage(kTokensUsage);
  auto stub = foi::v1::AdminService::NewStub(Channel());
  grpc::ClientContext ctx;
  Prepare(ctx);
  if (pos[0] == "create" && pos.size() == 1) {
    foi::v1::CreateTokenRequest req;
    req.mutable_token()->set_display_name(Opt(opts, "display-name"));
    foi::v1::Role role = foi::v1::ROLE_UNSPECIFIED;
    if (!ParseEnum(foi::v1::Role_Parse, Opt(opts, "role"), &role)) {
      return Usage(kTokensUsage);
    }
    req.mutable_token()->set_role(role);
    req.mutable_token()->set_unit(Opt(opts, "unit"));
    if (LeftoverOptions(opts)) return Usage(kTokensUsage);
    foi::v1::CreateTokenResponse resp;
    grpc::Status s = stub->CreateToken(&ctx, req, &resp);
    return s.ok() ? Print(resp) : Fail(s);
  }
  if (pos[0] == "list" && pos.size() == 1) {
    foi::v1::ListTokensRequest req;
    req.set_show_revoked(opts.count("revoked") > 0);
    opts.erase("revoked");
    if (LeftoverOptions(opts)) return Usage(kTokensUsage);
    foi::v1::ListTokensResponse resp;
    grpc::Status s = stub->ListTokens(&ctx, req, &resp);
    return s.ok() ? Print(resp) : Fail(s);
  }
  if (pos[0] == "revoke" && pos.size() == 2) {
    if (LeftoverOptions(opts)) return Usage(kTokensUsage);
    foi::v1::RevokeTokenRequest req;
    req.set_name(pos[1]);
    foi::v1::Token resp;
    grpc::Status s = stub->RevokeToken(&ctx, req, &resp);
    return s.ok() ? Print(resp) : Fail(s);
  }
  return Usage(kTokensUsage);
}

std::string DateText(const foi::v1::Date& d) {
  if (d.year() == 0) return "-";
  return absl::StrFormat("%04d-%02d-%02d", d.year(), d.month(), d.day());
}

// Prints rows as an aligned table on a terminal, or as CSV (RFC 4180
// quoting) for spreadsheets.
void PrintTable(const std::vector<std::vector<std::string>>& rows, bool csv) {
  if (csv) {
    for (const auto& row : rows) {
      std::vector<std::string> cells;
      for (const std::string& c : row) {
        if (c.find_first_of(",\"\n") == std::string::npos) {
          cells.push_back(c);
        } else {
          std::string q = "\"";
          for (char ch : c)
            q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
          cells.push_back(q + "\"");
        }
      }
      std::cout << absl::StrJoin(cells, ",") << "\n";
    }
    return;
  }
  std::vector<size_t> width;
  auto display_width = [](const std::string& s) {
    // East Asian characters take two columns; count UTF-8 lead bytes of
    // 3-byte sequences as two.
    size_t w = 0;
    for (size_t i = 0; i < s.size(); ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if ((c & 0xC0) == 0x80) continue;
      w += (c >= 0xE0) ? 2 : 1;
    }
    return w;
  };
  for (const auto& row : rows) {
    for (size_t i = 0; i < row.size(); ++i) {
      if (width.size() <= i) width.push_back(0);
      width[i] = std::max(width[i], display_width(row[i]));
    }
  }
  for (const auto& row : rows) {
    for (size_t i = 0; i < row.size(); ++i) {
      std::cout << row[i];
      if (i + 1 < row.size()) {
        std::cout << std::string(width[i] - display_width(row[i]) + 2, ' ');
      }
    }
    std::cout << "\n";
  }
}

constexpr char kDueUsage[] =
    "foictl due: open cases due within N working days, and overdue ones\n"
    "  (DeadlineService.ListDueCases), soonest first\n"
    "  --within=N        working days ahead (default 3, max 40)\n"
    "  --unit=UNIT       only this unit\n"
    "  --assignee=NAME   only this officer\n"
    "  --csv             CSV instead of a table\n";

int RunDue(const std::vector<std::string>& pos,
           std::map<std::string, std::string>& opts) {
  foi::v1::ListDueCasesRequest req;
  const std::string within = Opt(opts, "within");
  int n = 0;
  if (!within.empty()) {
    if (!absl::SimpleAtoi(within, &n)) return Usage(kDueUsage);
    req.set_within_working_days(n);
  }
  req.set_unit(Opt(opts, "unit"));
  req.set_assignee(Opt(opts, "assignee"));
  const bool csv = opts.count("csv") > 0;
  opts.erase("csv");
  if (!pos.empty() || LeftoverOptions(opts)) return Usage(kDueUsage);
  req.set_page_size(1000);
  auto stub = foi::v1::DeadlineService::NewStub(Channel());
  std::vector<std::vector<std::string>> rows = {{"case_number", "due",
                                                 "working_days_left", "status",
                                                 "unit", "assignee", "name"}};
  do {
    grpc::ClientContext ctx;
    Prepare(ctx);
    foi::v1::ListDueCasesResponse resp;
    grpc::Status s = stub->ListDueCases(&ctx, req, &resp);
    if (!s.ok()) return Fail(s);
    for (const auto& d : resp.due_cases()) {
      std::string due;
      for (const auto& k : d.case_().clocks()) {
        if (k.kind() == foi::v1::REPLY) due = DateText(k.due_date());
      }
      const int left = d.working_days_left();
      rows.push_back({d.case_().case_number(), due, absl::StrCat(left),
                      left < 0    ? absl::StrCat("overdue by ", -left)
                      : left == 0 ? "due today"
                                  : absl::StrCat("due in ", left),
                      d.case_().unit(), d.case_().assignee(),
                      d.case_().name()});
    }
    req.set_page_token(resp.next_page_token());
  } while (!req.page_token().empty());
  PrintTable(rows, csv);
  return 0;
}

constexpr char kReportUsage[] =
    "foictl report deadlines: open, due soon, overdue, closed on time or\n"
    "  late, per unit and officer (DeadlineService.GetDeadlineReport)\n"
    "  --as-of=DATE      YYYY-MM-DD (default today)\n"
    "  --unit=UNIT       only this unit\n"
    "  --csv             CSV instead of a table\n";

int RunReport(const std::vector<std::string>& pos,
              std::map<std::string, std::string>& opts) {
  if (pos.size() != 1 || pos[0] != "deadlines") return Usage(kReportUsage);
  foi::v1::GetDeadlineReportRequest req;
  const std::string as_of = Opt(opts, "as-of");
  if (!as_of.empty() && !ParseDate(as_of, req.mutable_as_of())) {
    return Usage(kReportUsage);
  }
  req.set_unit(Opt(opts, "unit"));
  const bool csv = opts.count("csv") > 0;
  opts.erase("csv");
  if (LeftoverOptions(opts)) return Usage(kReportUsage);
  auto stub = foi::v1::DeadlineService::NewStub(Channel());
  grpc::ClientContext ctx;
  Prepare(ctx);
  foi::v1::GetDeadlineReportResponse resp;
  grpc::Status s = stub->GetDeadlineReport(&ctx, req, &resp);
  if (!s.ok()) return Fail(s);
  std::vector<std::vector<std::string>> rows = {
      {"unit", "officer", "open", "due_3wd", "overdue", "closed_on_time",
       "closed_late", "on_time_rate", "median_wd_to_reply"}};
  for (const auto& r : resp.rows()) {
    rows.push_back({r.unit(), r.officer().empty() ? "(all)" : r.officer(),
                    absl::StrCat(r.open()),
                    absl::StrCat(r.due_within_3_working_days()),
                    absl::StrCat(r.overdue()), absl::StrCat(r.closed_on_time()),
                    absl::StrCat(r.closed_late()),
                    absl::StrFormat("%.1f%%", 100 * r.on_time_rate()),
                    absl::StrFormat("%.1f", r.median_working_days_to_reply())});
  }
  if (!csv) std::cout << "as of " << DateText(resp.as_of()) << "\n";
  PrintTable(rows, csv);
  return 0;
}

constexpr char kCalendarUsage[] =
    "foictl calendar load FILE: make FILE (date,kind,name CSV) the agency's\n"
    "  working-day calendar and recompute every open clock\n"
    "  (AdminService.LoadCalendar; ADMIN token)\n";

int RunCalendar(const std::vector<std::string>& pos,
                std::map<std::string, std::string>& opts) {
  if (pos.size() != 2 || pos[0] != "load" || LeftoverOptions(opts)) {
    return Usage(kCalendarUsage);
  }
  std::ifstream in(pos[1]);
  std::stringstream text;
  text << in.rdbuf();
  if (!in) return Usage(absl::StrCat("cannot read ", pos[1], "\n"));
  foi::v1::LoadCalendarRequest req;
  req.set_csv(text.str());
  auto stub = foi::v1::AdminService::NewStub(Channel());
  grpc::ClientContext ctx;
  Prepare(ctx);
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::minutes(30));
  foi::v1::LoadCalendarResponse resp;
  grpc::Status s = stub->LoadCalendar(&ctx, req, &resp);
  return s.ok() ? Print(resp) : Fail(s);
}

constexpr char kQueueUsage[] =
    "foictl queue: what is due next (CaseworkService.ListQueue)\n"
    "  --view=V          MINE (default), UNIT_UNASSIGNED, UNIT, ALL\n"
    "  --state=S         only this state (e.g. IN_PROGRESS)\n"
    "  --unit=UNIT       with ALL (or as an admin): only this unit\n"
    "  --csv             CSV instead of a table\n";

int RunQueue(const std::vector<std::string>& pos,
             std::map<std::string, std::string>& opts) {
  foi::v1::ListQueueRequest req;
  foi::v1::QueueView view = foi::v1::MINE;
  foi::v1::CaseState state = foi::v1::CASE_STATE_UNSPECIFIED;
  if (!ParseEnum(foi::v1::QueueView_Parse, Opt(opts, "view"), &view) ||
      !ParseEnum(foi::v1::CaseState_Parse, Opt(opts, "state"), &state)) {
    return Usage(kQueueUsage);
  }
  req.set_view(view);
  req.set_state(state);
  req.set_unit(Opt(opts, "unit"));
  req.set_page_size(1000);
  const bool csv = opts.count("csv") > 0;
  opts.erase("csv");
  if (!pos.empty() || LeftoverOptions(opts)) return Usage(kQueueUsage);
  auto stub = foi::v1::CaseworkService::NewStub(Channel());
  std::vector<std::vector<std::string>> rows = {{"case_number", "state", "due",
                                                 "urgency", "waiting_on",
                                                 "assignee", "unit", "name"}};
  do {
    grpc::ClientContext ctx;
    Prepare(ctx);
    foi::v1::ListQueueResponse resp;
    grpc::Status s = stub->ListQueue(&ctx, req, &resp);
    if (!s.ok()) return Fail(s);
    for (const auto& e : resp.entries()) {
      std::string due = "-";
      for (const auto& k : e.case_().clocks()) {
        if (k.kind() == foi::v1::REPLY) due = DateText(k.due_date());
      }
      std::string urgency = "clock stopped";
      if (e.has_working_days_left()) {
        const int left = e.working_days_left();
        urgency = left < 0    ? absl::StrCat("overdue by ", -left)
                  : left == 0 ? "due today"
                              : absl::StrCat("due in ", left);
      }
      rows.push_back({e.case_().case_number(),
                      foi::v1::CaseState_Name(e.case_().state()), due, urgency,
                      e.waiting_on(), e.case_().assignee(), e.case_().unit(),
                      e.case_().name()});
    }
    req.set_page_token(resp.next_page_token());
  } while (!req.page_token().empty());
  PrintTable(rows, csv);
  return 0;
}

// Reads the case's current etag, for commands that do not take --etag.
bool CurrentEtag(const std::string& name, std::string* etag) {
  auto stub = foi::v1::IntakeService::NewStub(Channel());
  grpc::ClientContext ctx;
  Prepare(ctx);
  foi::v1::GetCaseRequest req;
  req.set_name(name);
  foi::v1::Case c;
  grpc::Status s = stub->GetCase(&ctx, req, &c);
  if (!s.ok()) {
    Fail(s);
    return false;
  }
  *etag = c.etag();
  return true;
}

// Etag from --etag, or the current one (the server still refuses a change
// that races another).
bool EtagFor(const std::string& name, std::map<std::string, std::string>& opts,
             std::string* etag) {
  *etag = Opt(opts, "etag");
  return !etag->empty() || CurrentEtag(name, etag);
}

constexpr char kClaimUsage[] =
    "foictl claim cases/{id} [--etag=E]: take an unassigned case of your unit\n"
    "  (CaseworkService.ClaimCase)\n";

int RunClaim(const std::vector<std::string>& pos,
             std::map<std::string, std::string>& opts) {
  if (pos.size() != 1) return Usage(kClaimUsage);
  foi::v1::ClaimCaseRequest req;
  req.set_name(pos[0]);
  std::string etag;
  if (!EtagFor(pos[0], opts, &etag)) return 1;
  if (LeftoverOptions(opts)) return Usage(kClaimUsage);
  req.set_etag(etag);
  auto stub = foi::v1::CaseworkService::NewStub(Channel());
  grpc::ClientContext ctx;
  Prepare(ctx);
  foi::v1::Case resp;
  grpc::Status s = stub->ClaimCase(&ctx, req, &resp);
  return s.ok() ? Print(resp) : Fail(s);
}

constexpr char kAssignUsage[] =
    "foictl assign cases/{id} --to=OFFICER [--etag=E]: give a case to an\n"
    "  officer (CaseworkService.AssignCase; MANAGER)\n";

int RunAssign(const std::vector<std::string>& pos,
              std::map<std::string, std::string>& opts) {
  if (pos.size() != 1) return Usage(kAssignUsage);
  foi::v1::AssignCaseRequest req;
  req.set_name(pos[0]);
  req.set_assignee(Opt(opts, "to"));
  std::string etag;
  if (!EtagFor(pos[0], opts, &etag)) return 1;
  if (LeftoverOptions(opts)) return Usage(kAssignUsage);
  req.set_etag(etag);
  auto stub = foi::v1::CaseworkService::NewStub(Channel());
  grpc::ClientContext ctx;
  Prepare(ctx);
  foi::v1::Case resp;
  grpc::Status s = stub->AssignCase(&ctx, req, &resp);
  return s.ok() ? Print(resp) : Fail(s);
}

constexpr char kCorrectionUsage[] =
    "foictl correction request cases/{id} --item=TEXT [--item=TEXT...]\n"
    "      --deadline=YYYY-MM-DD   send the Art. 30 correction notice\n"
    "foictl correction received cases/{id} [--date=YYYY-MM-DD] [--text=T]\n"
    "      the corrected application arrived: the reply clock restarts\n"
    "  Both take --etag=E (default: the case's current etag).\n"
    "  Several items: separate them with '|' in one --item.\n";

int RunCorrection(const std::vector<std::string>& pos,
                  std::map<std::string, std::string>& opts) {
  if (pos.size() != 2) return Usage(kCorrectionUsage);
  std::string etag;
  if (!EtagFor(pos[1], opts, &etag)) return 1;
  grpc::ClientContext ctx;
  Prepare(ctx);
  foi::v1::Case resp;
  grpc::Status s;
  if (pos[0] == "request") {
    foi::v1::RequestCorrectionRequest req;
    req.set_name(pos[1]);
    req.set_etag(etag);
    for (absl::string_view item :
         absl::StrSplit(Opt(opts, "item"), '|', absl::SkipEmpty())) {
      req.add_items(std::string(item));
    }
    if (!ParseDate(Opt(opts, "deadline"), req.mutable_deadline()) ||
        LeftoverOptions(opts)) {
      return Usage(kCorrectionUsage);
    }
    s = foi::v1::CaseworkService::NewStub(Channel())->RequestCorrection(
        &ctx, req, &resp);
  } else if (pos[0] == "received") {
    foi::v1::SubmitCorrectionRequest req;
    req.set_name(pos[1]);
    req.set_etag(etag);
    req.set_correction(Opt(opts, "text"));
    const std::string date = Opt(opts, "date");
    if ((!date.empty() && !ParseDate(date, req.mutable_received_date())) ||
        LeftoverOptions(opts)) {
      return Usage(kCorrectionUsage);
    }
    s = foi::v1::IntakeService::NewStub(Channel())->SubmitCorrection(&ctx, req,
                                                                     &resp);
  } else {
    return Usage(kCorrectionUsage);
  }
  return s.ok() ? Print(resp) : Fail(s);
}

constexpr char kConsultUsage[] =
    "foictl consult start cases/{id} --kind=THIRD_PARTY|OTHER_AGENCY\n"
    "      --party=WHO --reason=WHY [--date=YYYY-MM-DD]  (Arts. 32, 34)\n"
    "foictl consult end cases/{id} [--outcome=TEXT] [--date=YYYY-MM-DD]\n"
    "  Both take --etag=E (default: the case's current etag).\n";

int RunConsult(const std::vector<std::string>& pos,
               std::map<std::string, std::string>& opts) {
  if (pos.size() != 2) return Usage(kConsultUsage);
  std::string etag;
  if (!EtagFor(pos[1], opts, &etag)) return 1;
  auto stub = foi::v1::CaseworkService::NewStub(Channel());
  grpc::ClientContext ctx;
  Prepare(ctx);
  foi::v1::Case resp;
  grpc::Status s;
  const std::string date = Opt(opts, "date");
  if (pos[0] == "start") {
    foi::v1::StartConsultationRequest req;
    req.set_name(pos[1]);
    req.set_etag(etag);
    req.set_kind(Opt(opts, "kind"));
    req.set_party(Opt(opts, "party"));
    req.set_reason(Opt(opts, "reason"));
    if ((!date.empty() && !ParseDate(date, req.mutable_start_date())) ||
        LeftoverOptions(opts)) {
      return Usage(kConsultUsage);
    }
    s = stub->StartConsultation(&ctx, req, &resp);
  } else if (pos[0] == "end") {
    foi::v1::EndConsultationRequest req;
    req.set_name(pos[1]);
    req.set_etag(etag);
    req.set_outcome(Opt(opts, "outcome"));
    if ((!date.empty() && !ParseDate(date, req.mutable_end_date())) ||
        LeftoverOptions(opts)) {
      return Usage(kConsultUsage);
    }
    s = stub->EndConsultation(&ctx, req, &resp);
  } else {
    return Usage(kConsultUsage);
  }
  return s.ok() ? Print(resp) : Fail(s);
}

constexpr char kHistoryUsage[] =
    "foictl history cases/{id} [--csv]: every event of the case and whether\n"
    "  its hash chain verifies (CaseworkService.ListCaseEvents)\n";

int RunHistory(const std::vector<std::string>& pos,
               std::map<std::string, std::string>& opts) {
  const bool csv = opts.count("csv") > 0;
  opts.erase("csv");
  if (pos.size() != 1 || LeftoverOptions(opts)) return Usage(kHistoryUsage);
  foi::v1::ListCaseEventsRequest req;
  req.set_name(pos[0]);
  auto stub = foi::v1::CaseworkService::NewStub(Channel());
  grpc::ClientContext ctx;
  Prepare(ctx);
  foi::v1::ListCaseEventsResponse resp;
  grpc::Status s = stub->ListCaseEvents(&ctx, req, &resp);
  if (!s.ok()) return Fail(s);
  std::vector<std::vector<std::string>> rows = {
      {"seq", "time", "type", "actor", "details"}};
  for (const auto& e : resp.events()) {
    rows.push_back(
        {absl::StrCat(e.sequence()),
         absl::FormatTime("%Y-%m-%d %H:%M:%S",
                          absl::FromUnixSeconds(e.event_time().seconds()),
                          absl::FixedTimeZone(8 * 3600)),
         e.type(), e.actor(), e.payload_json()});
  }
  PrintTable(rows, csv);
  if (!csv) {
    std::cout << (resp.chain_intact()
                      ? "hash chain: intact\n"
                      : "hash chain: BROKEN — " + resp.chain_problem() + "\n");
  }
  return resp.chain_intact() ? 0 : 3;
}

const Command kCommands[] = {
    {"queue", kQueueUsage, RunQueue},
    {"claim", kClaimUsage, RunClaim},
    {"assign", kAssignUsage, RunAssign},
    {"correction", kCorrectionUsage, RunCorrection},
    {"consult", kConsultUsage, RunConsult},
    {"history", kHistoryUsage, RunHistory},
    {"due", kDueUsage, RunDue},
    {"report", kReportUsage, RunReport},
    {"calendar", kCalendarUsage, RunCalendar},
    {"submit", kSubmitUsage, RunSubmit},
    {"get", kGetUsage, RunGet},
    {"list", kListUsage, RunList},
    {"withdraw", kWithdrawUsage, RunWithdraw},
    {"tokens", kTokensUsage, RunTokens},
};

int MainUsage() {
  std::cerr << "foictl [--endpoint=HOST:PORT] [--token=SECRET] "
               "[--tls-ca-file=PEM] COMMAND [ARGS]\n"
               "  endpoint and token default to $FOI_ENDPOINT "
               "(127.0.0.1:50051) and $FOI_TOKEN\n"
               "commands:\n";
  for (const Command& c : kCommands) std::cerr << "  " << c.name << "\n";
  std::cerr << "'foictl COMMAND --help' explains each.\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  g_endpoint = Env("FOI_ENDPOINT", "127.0.0.1:50051");
  g_token = Env("FOI_TOKEN", "");
  std::vector<std::string> positional;
  std::map<std::string, std::string> opts;
  bool help = false;
  for (int i = 1; i < argc; ++i) {
    absl::string_view arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      help = true;
    } else if (absl::ConsumePrefix(&arg, "--")) {
      const size_t eq = arg.find('=');
      const std::string key(arg.substr(0, eq));
      const std::string value(
          eq == absl::string_view::npos ? "" : arg.substr(eq + 1));
      if (positional.empty() && key == "endpoint") {
        g_endpoint = value;
      } else if (positional.empty() && key == "token") {
        g_token = value;
      } else if (positional.empty() && key == "tls-ca-file") {
        g_tls_ca_file = value;
      } else {
        opts[key] = value;
      }
    } else {
      positional.emplace_back(arg);
    }
  }
  if (positional.empty()) return MainUsage();
  for (const Command& c : kCommands) {
    if (positional[0] != c.name) continue;
    if (help) {
      std::cout << c.usage;
      return 0;
    }
    positional.erase(positional.begin());
    return c.run(positional, opts);
  }
  std::cerr << "unknown command '" << positional[0] << "'\n";
  return MainUsage();
}
