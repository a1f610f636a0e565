#include "services/analytics_job/candidates.h"

#include <algorithm>
#include <cstdint>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"

namespace foi::analytics_job {
namespace {

bool Discloses(const std::string& outcome) {
  return outcome == "DISCLOSED" || outcome == "PARTIALLY_DISCLOSED";
}

// The distinct characters of `text` (UTF-8 sequences, cut by their lead
// byte: coarse but cheap), sorted.
std::vector<absl::string_view> DistinctChars(absl::string_view text) {
  std::vector<absl::string_view> chars;
  for (size_t i = 0; i < text.size();) {
    size_t n = 1;
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0xF0) {
      n = 4;
    } else if (c >= 0xE0) {
      n = 3;
    } else if (c >= 0xC0) {
      n = 2;
    }
    chars.push_back(text.substr(i, n));
    i += n;
  }
  std::sort(chars.begin(), chars.end());
  chars.erase(std::unique(chars.begin(), chars.end()), chars.end());
  return chars;
}

// The most typical description of `members`: the one whose distinct
// characters the other members contain most often in total (summed over
// the others, each character counted once per member); the first such in
// member order. Linear in the members' text, where comparing every pair
// was quadratic in a cluster's size (a cluster of thousands of identical
// campaign requests took seconds).
const std::string& MostTypical(
    const std::vector<const store::ApplicationRow*>& members) {
  std::vector<std::vector<absl::string_view>> chars;
  chars.reserve(members.size());
  absl::flat_hash_map<absl::string_view, int> members_with;
  for (const store::ApplicationRow* m : members) {
    chars.push_back(DistinctChars(m->description));
    for (absl::string_view ch : chars.back()) ++members_with[ch];
  }
  size_t best = 0;
  int64_t best_total = -1;
  for (size_t i = 0; i < members.size(); ++i) {
    int64_t total = 0;
    for (absl::string_view ch : chars[i]) total += members_with[ch] - 1;
    if (total > best_total) {
      best_total = total;
      best = i;
    }
  }
  return members[best]->description;
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
    c.representative = MostTypical(members);
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
