#include "services/analytics/topics.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>
#include <tuple>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "libs/common/status_macros.h"
#include "libs/screening/redaction.h"
#include "libs/textsim/cluster.h"

namespace foi::analytics {
namespace {

// annual::BuildAnnualReport's limit on a label, in characters.
constexpr size_t kMaxLabelChars = 200;

// The code points of `text`; ill-formed sequences are dropped.
std::u32string CodePoints(absl::string_view text) {
  std::u32string out;
  out.reserve(text.size() / 3 + 1);
  const auto n = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(text.data(), i, n, c);
    if (c >= 0) out.push_back(static_cast<char32_t>(c));
  }
  return out;
}

// The distinct bigrams of `cps`, sorted.
std::vector<uint64_t> Bigrams(const std::u32string& cps) {
  std::vector<uint64_t> out;
  for (size_t i = 1; i < cps.size(); ++i) {
    out.push_back(uint64_t{cps[i - 1]} << 21 | cps[i]);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// `cps` as a report label: one line, single spaces, at most kMaxLabelChars
// characters ("…" last when cut), UTF-8. Empty if nothing is left.
std::string ToLabel(const std::u32string& cps) {
  std::u32string line;
  bool gap = false;
  for (char32_t c : cps) {
    if (c <= 0x20 || c == 0x7F || c == 0x2028 || c == 0x2029) {
      gap = !line.empty();
      continue;
    }
    if (gap) line.push_back(U' ');
    gap = false;
    line.push_back(c);
  }
  if (line.size() > kMaxLabelChars) {
    line.resize(kMaxLabelChars - 1);
    line.push_back(U'…');
  }
  std::string out;
  for (char32_t c : line) {
    char buf[U8_MAX_LENGTH];
    int32_t len = 0;
    U8_APPEND_UNSAFE(buf, len, static_cast<UChar32>(c));
    out.append(buf, static_cast<size_t>(len));
  }
  return out;
}

// The label of the member whose wording the others share most. Only the
// bigrams of a description that its normalisation keeps count - not the
// boilerplate, punctuation, traditional or full-width forms - so that the
// plain request in simplified script wins over the same with "根据《条例》
// 申请公开…" around it. The sum over the others of bigrams shared equals the
// sum over its own of (members having it - 1): linear in the members'
// length. `members` are in case_id order; ties go to the shorter
// description, then the first.
std::string TypicalLabel(
    const textsim::Normalizer& normalizer,
    const std::vector<const store::ApplicationRow*>& members) {
  std::vector<std::u32string> texts;
  std::vector<std::vector<uint64_t>> wording;
  absl::flat_hash_map<uint64_t, int> members_with;
  for (const store::ApplicationRow* m : members) {
    texts.push_back(CodePoints(m->description));
    const std::vector<uint64_t> raw = Bigrams(texts.back());
    const std::vector<uint64_t> kept =
        Bigrams(CodePoints(normalizer.Normalize(m->description)));
    wording.emplace_back();
    std::set_intersection(raw.begin(), raw.end(), kept.begin(), kept.end(),
                          std::back_inserter(wording.back()));
    for (uint64_t b : wording.back()) ++members_with[b];
  }
  std::string best;
  std::tuple<int64_t, int64_t> best_key{-1, 0};  // (shared, -length)
  for (size_t i = 0; i < texts.size(); ++i) {
    int64_t shared = 0;
    for (uint64_t b : wording[i]) shared += members_with[b] - 1;
    const std::tuple<int64_t, int64_t> key{
        shared, -static_cast<int64_t>(texts[i].size())};
    if (key <= best_key) continue;
    std::string label = ToLabel(texts[i]);
    if (label.empty()) continue;
    best = std::move(label);
    best_key = key;
  }
  return best;
}

struct Ranked {
  // Indexes into the case_id-sorted rows, ascending.
  const std::vector<int64_t>* members;
  int applicants;
};

}  // namespace

absl::StatusOr<std::vector<annual::Topic>> FindTopics(
    const textsim::Normalizer& normalizer,
    absl::Span<const store::ApplicationRow> apps, const TopicOptions& options) {
  if (options.max_topics < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("max_topics: negative (", options.max_topics, ")"));
  }
  if (options.min_applicants < 1) {
    return absl::InvalidArgumentError(absl::StrCat(
        "min_applicants: at least 1 (", options.min_applicants, ")"));
  }
  std::vector<annual::Topic> topics;
  if (options.max_topics == 0 || apps.size() < 2) return topics;
  // In case_id order, so that nothing depends on the order of `apps`.
  std::vector<const store::ApplicationRow*> rows;
  rows.reserve(apps.size());
  for (const store::ApplicationRow& a : apps) rows.push_back(&a);
  std::sort(rows.begin(), rows.end(),
            [](const store::ApplicationRow* a, const store::ApplicationRow* b) {
              return a->case_id < b->case_id;
            });
  std::vector<textsim::Document> docs;
  docs.reserve(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    docs.push_back({static_cast<int64_t>(i), rows[i]->description});
  }
  FOI_ASSIGN_OR_RETURN(
      const std::vector<std::vector<int64_t>> clusters,
      textsim::Cluster(normalizer, docs,
                       textsim::RecommendedClusterOptions(docs.size())));
  docs.clear();
  docs.shrink_to_fit();

  std::vector<Ranked> ranked;
  for (const std::vector<int64_t>& cluster : clusters) {
    absl::flat_hash_set<absl::string_view> applicants;
    for (int64_t i : cluster) {
      applicants.insert(rows[static_cast<size_t>(i)]->applicant_key);
    }
    if (static_cast<int>(applicants.size()) < options.min_applicants) continue;
    ranked.push_back({&cluster, static_cast<int>(applicants.size())});
  }
  // Members are sorted, so front() is the cluster's smallest case_id.
  std::sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
    if (a.members->size() != b.members->size()) {
      return a.members->size() > b.members->size();
    }
    if (a.applicants != b.applicants) return a.applicants > b.applicants;
    return a.members->front() < b.members->front();
  });
  for (const Ranked& r : ranked) {
    if (topics.size() == static_cast<size_t>(options.max_topics)) break;
    std::vector<const store::ApplicationRow*> members;
    members.reserve(r.members->size());
    for (int64_t i : *r.members)
      members.push_back(rows[static_cast<size_t>(i)]);
    std::string label = TypicalLabel(normalizer, members);
    if (label.empty()) continue;
    topics.push_back({std::move(label), static_cast<int>(members.size())});
  }
  return topics;
}

absl::Status RedactPersonalIdentifiers(const screening::Screener& screener,
                                       std::vector<annual::Topic>* topics) {
  for (annual::Topic& topic : *topics) {
    FOI_ASSIGN_OR_RETURN(std::vector<screening::Finding> findings,
                         screener.Screen(topic.label));
    std::vector<screening::RedactionSpan> spans;
    for (const screening::Finding& f : findings) {
      if (f.category < screening::Category::kIdentityNumber ||
          f.category > screening::Category::kDocumentNumber) {
        continue;
      }
      spans.push_back(
          {f.byte_begin, f.byte_end, f.category, f.suggested_ground});
    }
    if (spans.empty()) continue;
    FOI_ASSIGN_OR_RETURN(screening::RedactedText redacted,
                         screening::Redact(topic.label, std::move(spans)));
    topic.label = std::move(redacted.text);
  }
  return absl::OkStatus();
}

}  // namespace foi::analytics
