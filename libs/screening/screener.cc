#include "libs/screening/screener.h"

#include <hs.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "libs/common/status_macros.h"
#include "libs/common/text.h"
#include "libs/screening/internal/builtin_detectors.h"
#include "libs/screening/internal/context_rules.h"
#include "libs/screening/internal/label_index.h"
#include "libs/screening/internal/pattern_database.h"

namespace foi::screening_internal {

// What one Vectorscan pattern id stands for: a built-in pattern, a label
// word, or a keyword or regex of a rule set.
struct PatternRef {
  // Index into BuiltinPatterns(), or -1.
  int builtin = -1;
  // LabelKind bits for a label word; 0 if not a label.
  uint32_t label_kinds = 0;
  // True for a rule keyword (fixed width: its matches never nest).
  bool keyword = false;
  // For rule patterns: indexes into the rule sets and their patterns, and
  // the detector name and explanation every finding of the pattern carries.
  int rule_set = -1;
  int pattern = -1;
  std::string detector;
  std::string explanation;
};

}  // namespace foi::screening_internal

namespace foi::screening {
namespace {

using screening_internal::BuiltinPattern;
using screening_internal::BuiltinPatterns;
using screening_internal::Candidate;
using screening_internal::LabelIndex;
using screening_internal::PatternDatabase;
using screening_internal::PatternRef;
using screening_internal::PatternSpec;

// One raw Vectorscan match of a rule pattern, before its context is checked.
struct RawMatch {
  unsigned id;
  size_t begin;
  size_t end;
};

absl::StatusOr<std::string> ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(absl::StrCat("cannot read ", path.string()));
  }
  std::ostringstream contents;
  contents << in.rdbuf();
  if (in.bad()) {
    return absl::NotFoundError(absl::StrCat("cannot read ", path.string()));
  }
  return contents.str();
}

// Returns the number of code points in valid UTF-8 `s`: the bytes that are
// not continuation bytes (10xxxxxx), counted eight at a time.
size_t CountCodePoints(absl::string_view s) {
  size_t n = 0;
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t x;
    std::memcpy(&x, s.data() + i, 8);
    // A continuation byte has bit 7 set and bit 6 clear; move that flag to
    // bit 0 of each byte and add the eight bytes up with one multiply (no
    // popcount: Debian builds for baseline x86-64, without POPCNT).
    const uint64_t continuation =
        ((x & ~(x << 1)) >> 7) & 0x0101010101010101ull;
    n += 8 - static_cast<size_t>((continuation * 0x0101010101010101ull) >> 56);
  }
  for (; i < s.size(); ++i) {
    n += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
  }
  return n;
}

// The same 18 digits can pass both the resident-ID and the Luhn check (about
// one ID in ten, for region codes 4x, 5x and 6x that look like card issuer
// prefixes). The ID check digit and birth date are the stronger evidence;
// only a card label makes it a card as well.
void DropCardsThatAreIds(absl::string_view text,
                         const screening_internal::LabelIndex& labels,
                         const std::vector<Candidate>& candidates,
                         std::vector<bool>& dropped) {
  absl::flat_hash_set<std::pair<size_t, size_t>> ids;
  for (const Candidate& c : candidates) {
    if (c.category == Category::kIdentityNumber) ids.emplace(c.begin, c.end);
  }
  if (ids.empty()) return;
  for (size_t i = 0; i < candidates.size(); ++i) {
    const Candidate& c = candidates[i];
    if (c.category == Category::kBankCard && ids.contains({c.begin, c.end}) &&
        !screening_internal::HasCardLabel(text, c.begin, labels)) {
      dropped[i] = true;
    }
  }
}

// Confirms the raw matches of rule patterns and appends the survivors to
// `candidates`: keywords as they come; for a regex, the outermost of its
// overlapping matches (底价[0-9]+ matches 底价3, 底价30 and 底价300 in
// "底价300"); then each pattern's context conditions. Returns the pattern id
// of each appended candidate, in order.
std::vector<unsigned> ConfirmRuleMatches(absl::string_view text,
                                         const std::vector<PatternRef>& refs,
                                         const std::vector<RuleSet>& rule_sets,
                                         const LabelIndex& labels,
                                         std::vector<RawMatch> raw,
                                         std::vector<Candidate>& candidates) {
  std::vector<unsigned> rule_of;
  auto confirm = [&](const RawMatch& m) {
    const PatternRef& ref = refs[m.id];
    const RuleSet& set = rule_sets[static_cast<size_t>(ref.rule_set)];
    const RulePattern& pattern = set.patterns[static_cast<size_t>(ref.pattern)];
    if (screening_internal::ContextAllows(pattern.context, text, m.begin, m.end,
                                          labels)) {
      candidates.push_back(
          Candidate{set.category, ref.detector, m.begin, m.end, {}});
      rule_of.push_back(m.id);
    }
  };
  std::vector<RawMatch> regex_matches;
  for (const RawMatch& m : raw) {
    if (refs[m.id].keyword) {
      confirm(m);
    } else {
      regex_matches.push_back(m);
    }
  }
  std::sort(regex_matches.begin(), regex_matches.end(),
            [](const RawMatch& a, const RawMatch& b) {
              if (a.id != b.id) return a.id < b.id;
              if (a.begin != b.begin) return a.begin < b.begin;
              return a.end > b.end;
            });
  size_t reach = 0;
  for (size_t i = 0; i < regex_matches.size(); ++i) {
    const RawMatch& m = regex_matches[i];
    const bool same_regex = i > 0 && regex_matches[i - 1].id == m.id;
    if (same_regex && m.end <= reach) continue;  // inside a longer match
    reach = m.end;
    confirm(m);
  }
  return rule_of;
}

// Returns the indexes of the candidates to report, in output order (begin,
// end, category, detector, all ascending), leaving out dropped ones and any
// candidate inside (or equal to) another of its category: "内部使用" inside
// "仅供内部使用", "报价" inside "投标报价". Overlapping candidates of
// different categories all stay. Sorting 4-byte indexes is cheaper than
// moving candidates, which carry strings.
std::vector<uint32_t> OrderDroppingNested(
    const std::vector<Candidate>& candidates,
    const std::vector<bool>& dropped) {
  std::vector<uint32_t> order;
  order.reserve(candidates.size());
  for (uint32_t i = 0; i < candidates.size(); ++i) {
    if (!dropped[i]) order.push_back(i);
  }
  // By begin, then end, category and detector descending: whatever contains
  // a candidate comes before it.
  std::sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) {
    const Candidate& a = candidates[x];
    const Candidate& b = candidates[y];
    if (a.begin != b.begin) return a.begin < b.begin;
    if (a.end != b.end) return a.end > b.end;
    if (a.category != b.category) return a.category > b.category;
    return a.detector > b.detector;
  });
  std::array<size_t, kCategoryCount + 1> reach{};
  std::array<bool, kCategoryCount + 1> seen{};
  size_t kept = 0;
  for (const uint32_t i : order) {
    const Candidate& c = candidates[i];
    const int cat = static_cast<int>(c.category);
    if (seen[cat] && c.end <= reach[cat]) continue;
    seen[cat] = true;
    reach[cat] = std::max(reach[cat], c.end);
    order[kept++] = i;
  }
  order.resize(kept);
  // Reversing each run of equal begin gives the ascending output order.
  for (size_t run = 0; run < order.size();) {
    size_t next = run + 1;
    while (next < order.size() &&
           candidates[order[next]].begin == candidates[order[run]].begin) {
      ++next;
    }
    std::reverse(order.begin() + run, order.begin() + next);
    run = next;
  }
  return order;
}

}  // namespace

Screener::Screener(std::vector<RuleSet> rule_sets, std::vector<PatternRef> refs,
                   std::unique_ptr<PatternDatabase> database)
    : rule_sets_(std::move(rule_sets)),
      refs_(std::move(refs)),
      database_(std::move(database)) {}

Screener::~Screener() = default;

absl::StatusOr<std::unique_ptr<Screener>> Screener::Create(
    std::vector<RuleSet> rule_sets) {
  absl::flat_hash_set<std::string> names;
  for (const RuleSet& set : rule_sets) {
    if (!names.insert(set.name).second) {
      return absl::InvalidArgumentError(
          absl::StrCat(set.file_name, ": rule set name '", set.name,
                       "' is already used by another file"));
    }
  }
  std::vector<PatternSpec> specs;
  std::vector<PatternRef> refs;
  const std::vector<BuiltinPattern>& builtins = BuiltinPatterns();
  for (size_t i = 0; i < builtins.size(); ++i) {
    specs.push_back({std::string(builtins[i].expression), builtins[i].flags,
                     absl::StrCat("built-in pattern ", builtins[i].expression),
                     builtins[i].report_start});
    refs.push_back({static_cast<int>(i), 0, false, -1, -1, {}, {}});
  }
  // Label words (身份证号, 流水号 ...) ride along in the same pass, so that
  // confirming a number needs no search of the text around it.
  for (const screening_internal::LabelWord& w :
       screening_internal::LabelWords()) {
    specs.push_back({screening_internal::EscapeLiteral(w.text), 0,
                     absl::StrCat("label ", w.text)});
    refs.push_back({-1, w.kinds, false, -1, -1, {}, {}});
  }
  for (size_t s = 0; s < rule_sets.size(); ++s) {
    const RuleSet& set = rule_sets[s];
    for (size_t p = 0; p < set.patterns.size(); ++p) {
      const RulePattern& pattern = set.patterns[p];
      const std::string origin = absl::StrCat(set.file_name, ":", pattern.line);
      if (pattern.kind == RulePattern::Kind::kKeyword) {
        // Escaped literals, in the same database as the regexes: Vectorscan
        // hands them to its literal matchers (FDR/Teddy) all the same, while
        // hs_compile_lit_multi would build a second database and so a
        // second pass. A keyword's width is fixed, so its start is free.
        specs.push_back({screening_internal::EscapeLiteral(pattern.expression),
                         HS_FLAG_CASELESS, origin});
      } else {
        specs.push_back(
            {pattern.expression, screening_internal::kRuleRegexFlags, origin});
      }
      refs.push_back(
          {-1, 0, pattern.kind == RulePattern::Kind::kKeyword,
           static_cast<int>(s), static_cast<int>(p),
           absl::StrCat("rule:", set.name, ":", pattern.id),
           absl::StrCat(pattern.kind == RulePattern::Kind::kKeyword
                            ? "keyword '"
                            : "regex '",
                        pattern.id, "' of ", set.file_name, ":", pattern.line,
                        " (", CategoryName(set.category), ")")});
    }
  }
  FOI_ASSIGN_OR_RETURN(std::unique_ptr<PatternDatabase> database,
                       PatternDatabase::Compile(specs));
  return std::unique_ptr<Screener>(
      new Screener(std::move(rule_sets), std::move(refs), std::move(database)));
}

absl::StatusOr<std::unique_ptr<Screener>> Screener::LoadDirectory(
    const std::string& dir) {
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    if (it->is_regular_file() && it->path().extension() == ".rules") {
      files.push_back(it->path());
    }
  }
  if (ec) {
    return absl::NotFoundError(
        absl::StrCat("cannot list rule directory ", dir, ": ", ec.message()));
  }
  if (files.empty()) {
    return absl::NotFoundError(absl::StrCat("no *.rules files in ", dir));
  }
  std::sort(files.begin(), files.end());
  std::vector<RuleSet> sets;
  for (const std::filesystem::path& path : files) {
    FOI_ASSIGN_OR_RETURN(std::string contents, ReadFile(path));
    FOI_ASSIGN_OR_RETURN(RuleSet set,
                         ParseRuleSet(path.filename().string(), contents));
    sets.push_back(std::move(set));
  }
  return Create(std::move(sets));
}

absl::StatusOr<std::vector<Finding>> Screener::Screen(
    absl::string_view text) const {
  if (text.size() > kMaxTextBytes) {
    return absl::InvalidArgumentError(absl::StrCat(
        "text: ", text.size(), " bytes is over the limit of ", kMaxTextBytes));
  }
  if (!IsValidUtf8(text)) {
    return absl::InvalidArgumentError("text: not valid UTF-8");
  }
  const std::vector<BuiltinPattern>& builtins = BuiltinPatterns();
  // Dense documents (tables of IDs) give about one candidate per 100 bytes;
  // reserving that much address space is cheap (untouched pages cost
  // nothing) and spares the copies of regrowth.
  std::vector<Candidate> candidates;
  candidates.reserve(text.size() / 96 + 16);
  std::vector<RawMatch> raw;
  raw.reserve(text.size() / 128 + 16);
  LabelIndex labels;
  FOI_RETURN_IF_ERROR(
      database_->Scan(text, [&](unsigned id, size_t begin, size_t end) {
        const PatternRef& ref = refs_[id];
        if (ref.label_kinds != 0) {
          labels.Add(begin, end, ref.label_kinds);
        } else if (ref.builtin >= 0) {
          // Built-in candidates are confirmed at once (the labels before
          // them are already in), so a long digit run costs no memory.
          builtins[static_cast<size_t>(ref.builtin)].confirm(
              text, begin, end, labels, candidates);
        } else {
          raw.push_back({id, begin, end});
        }
      }));

  const size_t builtin_count = candidates.size();
  const std::vector<unsigned> rule_of = ConfirmRuleMatches(
      text, refs_, rule_sets_, labels, std::move(raw), candidates);
  std::vector<bool> dropped(candidates.size(), false);
  DropCardsThatAreIds(text, labels, candidates, dropped);
  const std::vector<uint32_t> order = OrderDroppingNested(candidates, dropped);

  std::vector<Finding> findings;
  findings.reserve(order.size());
  size_t pos = 0;
  size_t chars = 0;
  for (const uint32_t i : order) {
    Candidate& c = candidates[i];
    Finding& f = findings.emplace_back();
    f.category = c.category;
    f.detector = std::string(c.detector);
    f.byte_begin = c.begin;
    f.byte_end = c.end;
    if (i < builtin_count) {
      f.suggested_ground = DefaultGround(c.category);
      f.explanation = std::move(c.explanation);
    } else {
      const PatternRef& ref = refs_[rule_of[i - builtin_count]];
      f.suggested_ground = rule_sets_[static_cast<size_t>(ref.rule_set)].ground;
      f.explanation = ref.explanation;
    }
    // Findings come in order of byte_begin: count code points in one pass.
    chars += CountCodePoints(text.substr(pos, c.begin - pos));
    pos = c.begin;
    const absl::string_view span = text.substr(c.begin, c.end - c.begin);
    f.char_begin = chars;
    f.char_end = chars + CountCodePoints(span);
    f.text = std::string(span);
  }
  return findings;
}

}  // namespace foi::screening
