#include "services/reply/letter_data.h"

#include "absl/strings/str_replace.h"
#include "libs/common/status_macros.h"
#include "libs/convert/case_proto.h"

namespace foi::reply {

absl::StatusOr<render::LetterData> ReplyLetterData(
    const casefile::CaseRecord& c, const casefile::Disposition& d,
    const v1::ReplyDetails& details, absl::CivilDay letter_date,
    const std::string& document_number, int64_t document_seq) {
  render::LetterData l;
  l.kind = render::LetterKind::kReply;
  l.case_number = c.case_number;
  l.applicant_name = c.applicant.name;
  // Letters state the request on one line.
  l.request_summary = absl::StrReplaceAll(
      details.request_summary().empty() ? c.details.information_description
                                        : details.request_summary(),
      {{"\r", ""}, {"\n", " "}, {"\t", " "}});
  l.receipt_date = c.receipt_date;
  l.letter_date = letter_date;
  l.document_number = document_number;
  l.document_seq = document_seq;
  l.outcome = d.outcome;
  l.reason = d.reason;
  l.grounds = d.grounds;
  for (const v1::WithheldItem& w : details.withheld()) {
    l.withheld.push_back({w.what(),
                          static_cast<rules::ExemptionGround>(w.ground()),
                          w.explanation()});
  }
  l.reason_detail = details.reason_detail();
  l.delivery_form = details.delivery_form();
  l.delivery_route = details.delivery_route();
  l.pages = details.pages();
  l.where_to_get = details.where_to_get();
  l.other_agency = details.other_agency();
  l.other_agency_contact = details.other_agency_contact();
  if (details.has_earlier_reply_date()) {
    FOI_ASSIGN_OR_RETURN(l.earlier_reply_date,
                         convert::DateFromProto("details.earlier_reply_date",
                                                details.earlier_reply_date()));
  }
  l.earlier_document_number = details.earlier_document_number();
  l.regime_name = details.regime_name();
  l.regime_law = details.regime_law();
  return l;
}

}  // namespace foi::reply
