// foictl commands on a case as a whole: submit, get, list, withdraw
// (IntakeService).
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "foi/v1/intake_service.grpc.pb.h"
#include "google/protobuf/util/json_util.h"
#include "grpcpp/grpcpp.h"
#include "services/foictl/cli.h"

namespace foictl {
namespace {

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

}  // namespace

std::vector<Command> CaseCommands() {
  return {
      {"submit", kSubmitUsage, RunSubmit},
      {"get", kGetUsage, RunGet},
      {"list", kListUsage, RunList},
      {"withdraw", kWithdrawUsage, RunWithdraw},
  };
}

}  // namespace foictl
