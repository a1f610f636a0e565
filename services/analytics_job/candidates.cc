#include "services/analytics_job/candidates.h"

#include <algorithm>

namespace foi::analytics_job {
namespace {

bool Discloses(const std::string& outcome) {
  return outcome == "DISCLOSED" || outcome == "PARTIALLY_DISCLOSED";
}

// Characters (bytes of UTF-8 sequences, coarse but cheap) two descriptions
// share, for picking the most typical one.
int Overlap(const std::string& a, const std::string& b) {
  std::set<std::string> chars;
  for (size_t i = 0; i < a.size();) {
    size_t n = 1;
    const unsigned char c = static_cast<unsigned char>(a[i]);
    if (c >= 0xF0) {
      n = 4;
    } else if (c >= 0xE0) {
      n = 3;
    } else if (c >= 0xC0) {
      n = 2;
    }
    chars.insert(a.substr(i, n));
    i += n;
  }
  int shared = 0;
  for (const std::string& ch : chars) {
    if (b.find(ch) != std::string::npos) ++shared;
  }
  return shared;
}

}  // namespace

std::vector<store::CandidateRow> BuildCandidates(
    const std::vector<store::ApplicationRow>& apps,
    const std::vector<std::vector<int64_t>>& clusters,
    const std::set<std::string>& decided_cases,
    const std::set<std::string>& existing_keys, absl::CivilDay today,
    const CandidateOptions& options) {
  std::vector<store::CandidateRow> out;
  for (const std::vector<int64_t>& cluster : clusters) {
    std::vector<const store::ApplicationRow*> members;
    for (int64_t i : cluster) members.push_back(&apps[static_cast<size_t>(i)]);
    std::sort(
        members.begin(), members.end(),
        [](const store::ApplicationRow* a, const store::ApplicationRow* b) {
          return a->case_id < b->case_id;
        });
    std::set<std::string> applicants;
    bool any_disclosed = false, any_refused = false, decided = false;
    store::CandidateRow c;
    int recent = 0;
    for (const store::ApplicationRow* m : members) {
      applicants.insert(m->applicant_key);
      if (!m->outcome.empty()) {
        ++c.outcomes[m->outcome];
        if (m->state == casefile::CaseState::kReplied) {
          (Discloses(m->outcome) ? any_disclosed : any_refused) = true;
        }
      }
      decided = decided || decided_cases.count(m->case_id) > 0;
      c.case_ids.push_back(m->case_id);
      if (today - m->receipt_date <= 90) ++recent;
    }
    if (static_cast<int>(applicants.size()) < options.min_applicants ||
        !any_disclosed || any_refused || decided) {
      continue;
    }
    c.cluster_key = members.front()->case_id;
    for (const store::ApplicationRow* m : members) {
      if (existing_keys.count(m->case_id)) {
        c.cluster_key = m->case_id;
        break;  // members are in id order: the smallest existing key
      }
    }
    c.applicant_count = static_cast<int>(applicants.size());
    c.first_receipt_date = members.front()->receipt_date;
    c.last_receipt_date = members.front()->receipt_date;
    for (const store::ApplicationRow* m : members) {
      c.first_receipt_date = std::min(c.first_receipt_date, m->receipt_date);
      c.last_receipt_date = std::max(c.last_receipt_date, m->receipt_date);
    }
    int best = -1;
    for (const store::ApplicationRow* a : members) {
      int total = 0;
      for (const store::ApplicationRow* b : members) {
        if (a != b) total += Overlap(a->description, b->description);
      }
      if (total > best) {
        best = total;
        c.representative = a->description;
      }
    }
    c.score = c.applicant_count +
              static_cast<double>(recent) / static_cast<double>(members.size());
    out.push_back(std::move(c));
  }
  std::sort(out.begin(), out.end(),
            [](const store::CandidateRow& a, const store::CandidateRow& b) {
              return a.score != b.score ? a.score > b.score
                                        : a.cluster_key < b.cluster_key;
            });
  return out;
}

}  // namespace foi::analytics_job
