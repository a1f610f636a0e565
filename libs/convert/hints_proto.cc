#include "libs/convert/hints_proto.h"

#include "absl/strings/str_cat.h"
#include "libs/rules/reply_outcomes.h"

namespace foi::convert {

void HintsToProto(const store::CaseHints& hints, v1::NearDuplicateHints* out) {
  out->Clear();
  out->set_compared(true);
  for (const store::SimilarCaseHint& h : hints.similar_cases) {
    v1::SimilarCase* s = out->add_similar_cases();
    s->set_case_(absl::StrCat("cases/", h.case_id));
    s->set_case_number(h.case_number);
    s->set_similarity(h.similarity);
    s->set_state(static_cast<v1::CaseState>(h.state));
    if (auto outcome = rules::ParseOutcome(h.outcome); outcome.has_value()) {
      s->set_outcome(static_cast<v1::ReplyOutcome>(*outcome));
    }
  }
  for (const store::CatalogueHint& h : hints.catalogue) {
    v1::CatalogueMatch* c = out->add_catalogue_matches();
    c->set_disclosure(absl::StrCat("proactiveDisclosures/", h.disclosure_id));
    c->set_title(h.title);
    c->set_location(h.location);
    c->set_similar_case(absl::StrCat("cases/", h.via_case_id));
    c->set_similarity(h.similarity);
  }
}

}  // namespace foi::convert
