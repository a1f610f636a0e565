// Topics of public concern for the annual report (OGI Regulations Art. 50;
// libs/annual's "申请集中关注的事项"): the requests of a year's applications
// that several applicants made, found by clustering what they asked for.
//
// Thread safety: a pure function; the Normalizer is shared read-only.
#ifndef FOI_SERVICES_ANALYTICS_TOPICS_H_
#define FOI_SERVICES_ANALYTICS_TOPICS_H_

#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "libs/annual/annual_report.h"
#include "libs/annual/report_input.h"
#include "libs/screening/screener.h"
#include "libs/store/analytics_repository.h"
#include "libs/textsim/normalizer.h"

namespace foi::analytics {

struct TopicOptions {
  // Most topics returned. Default: annual::kDefaultMaxTopics. Not negative.
  int max_topics = annual::kDefaultMaxTopics;
  // Distinct applicants (ApplicationRow::applicant_key) a cluster needs to be
  // a topic: one person filing the same request again and again is not
  // public concern. Default: 2, which also means at least 2 applications.
  int min_applicants = 2;
};

// Returns the topics of `apps` (a year's applications, in any order), most
// asked first:
//   - A topic is a cluster of textsim::Cluster over the descriptions, with
//     textsim::RecommendedClusterOptions(apps.size()), that has at least
//     min_applicants distinct applicants.
//   - Its count (annual::Topic::count) is the number of applications in the
//     cluster, as the report's column "申请数量" says, not of applicants.
//   - Its label is the most typical description: the member whose wording
//     the others share most, counted in character bigrams of the
//     description that its normalisation keeps (so boilerplate such as
//     "根据《条例》申请公开", punctuation and traditional or full-width
//     forms earn nothing); ties: the shorter, then the smallest case_id.
//     Line breaks, tabs and other control characters become spaces, runs
//     of spaces one, ill-formed UTF-8 is dropped, and it is cut to 200
//     characters (the last one "…") so that annual::BuildAnnualReport
//     accepts it. Members whose description comes out empty are never the
//     label.
//   - Order: count descending, then distinct applicants descending, then the
//     smallest case_id of the cluster; the first max_topics.
// The result does not depend on the order of `apps` (case_ids are unique).
// Returns INVALID_ARGUMENT if an option is out of
// range or clustering rejects the batch (2^32 or more applications).
absl::StatusOr<std::vector<annual::Topic>> FindTopics(
    const textsim::Normalizer& normalizer,
    absl::Span<const store::ApplicationRow> apps,
    const TopicOptions& options = {});

// Replaces by ■, in every label, the personal identifiers `screener`'s
// built-in detectors find: resident identity numbers, phone numbers, bank
// cards, e-mail addresses, vehicle plates, passport and permit numbers. The
// annual report is published (Art. 50) and a label is an applicant's own
// words, which may carry such details (Art. 15: a third party's personal
// information is not disclosed). Findings of keyword rule sets are words,
// not data about a person, and stay. Labels keep their length in
// characters. Returns the screener's errors.
absl::Status RedactPersonalIdentifiers(const screening::Screener& screener,
                                       std::vector<annual::Topic>* topics);

}  // namespace foi::analytics

#endif  // FOI_SERVICES_ANALYTICS_TOPICS_H_
