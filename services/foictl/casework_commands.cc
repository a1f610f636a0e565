// foictl commands for working a case: queue, hints, claim, assign,
// correction, consult, history (CaseworkService; correction received goes to
// IntakeService.SubmitCorrection; hints to AnalyticsService).
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/time/time.h"
#include "foi/v1/analytics_service.grpc.pb.h"
#include "foi/v1/casework_service.grpc.pb.h"
#include "foi/v1/intake_service.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "services/foictl/cli.h"

namespace foictl {
namespace {

constexpr char kQueueUsage[] =
    "foictl queue: what is due next (CaseworkService.ListQueue)\n"
    "  --view=V          MINE (default), UNIT_UNASSIGNED, UNIT, ALL\n"
    "  --state=S         only this state (e.g. IN_PROGRESS)\n"
    "  --unit=UNIT       with ALL (or as an admin): only this unit\n"
    "  --csv             CSV instead of a table\n";

// "pending" until foi-analytics compared the case; else how many earlier
// cases resemble it, and the catalogue entry that already publishes it.
std::string HintsText(const foi::v1::NearDuplicateHints& h) {
  if (!h.compared()) return "pending";
  std::string text = absl::StrCat(h.similar_cases_size());
  if (h.catalogue_matches_size() > 0) {
    absl::StrAppend(&text, " (public: ", h.catalogue_matches(0).title(), ")");
  }
  return text;
}

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
  std::vector<std::vector<std::string>> rows = {
      {"case_number", "state", "due", "urgency", "waiting_on", "assignee",
       "unit", "similar", "name"}};
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
                      HintsText(e.hints()), e.case_().name()});
    }
    req.set_page_token(resp.next_page_token());
  } while (!req.page_token().empty());
  PrintTable(rows, csv);
  return 0;
}

constexpr char kHintsUsage[] =
    "foictl hints cases/{id}: earlier cases asking for the same information\n"
    "  and catalogue entries that already publish it, for an Art. 36(1)\n"
    "  reply (AnalyticsService.GetNearDuplicateHints)\n"
    "  --csv             CSV instead of a table\n";

int RunHints(const std::vector<std::string>& pos,
             std::map<std::string, std::string>& opts) {
  const bool csv = opts.count("csv") > 0;
  opts.erase("csv");
  if (pos.size() != 1 || LeftoverOptions(opts)) return Usage(kHintsUsage);
  foi::v1::GetNearDuplicateHintsRequest req;
  req.set_name(pos[0]);
  auto stub = foi::v1::AnalyticsService::NewStub(Channel());
  grpc::ClientContext ctx;
  Prepare(ctx);
  foi::v1::NearDuplicateHints resp;
  grpc::Status s = stub->GetNearDuplicateHints(&ctx, req, &resp);
  if (!s.ok()) return Fail(s);
  if (!resp.compared()) {
    std::cout << "not compared yet: foi-analytics compares new applications "
                 "every few seconds\n";
    return 0;
  }
  std::vector<std::vector<std::string>> rows = {{"kind", "similarity",
                                                 "case_number / title",
                                                 "state / location", "name"}};
  for (const auto& m : resp.catalogue_matches()) {
    rows.push_back({"catalogue", absl::StrFormat("%.2f", m.similarity()),
                    m.title(), m.location(), m.disclosure()});
  }
  for (const auto& c : resp.similar_cases()) {
    std::string state = foi::v1::CaseState_Name(c.state());
    if (c.outcome() != foi::v1::REPLY_OUTCOME_UNSPECIFIED) {
      absl::StrAppend(&state, " ", foi::v1::ReplyOutcome_Name(c.outcome()));
    }
    rows.push_back({"case", absl::StrFormat("%.2f", c.similarity()),
                    c.case_number(), state, c.case_()});
  }
  PrintTable(rows, csv);
  return 0;
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

}  // namespace

std::vector<Command> CaseworkCommands() {
  return {
      {"queue", kQueueUsage, RunQueue},
      {"hints", kHintsUsage, RunHints},
      {"claim", kClaimUsage, RunClaim},
      {"assign", kAssignUsage, RunAssign},
      {"correction", kCorrectionUsage, RunCorrection},
      {"consult", kConsultUsage, RunConsult},
      {"history", kHistoryUsage, RunHistory},
  };
}

}  // namespace foictl
