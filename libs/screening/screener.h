// Screener: finds every passage of a document that a confidentiality reviewer
// must decide on before release (OGI Regulations Arts. 14-16, and Art. 37,
// which requires the disclosable remainder of a partly exempt document to be
// released): personal identifiers, classification and control markings, and
// the subject matter listed in the agency's rule files.
//
// One pass. Every pattern - the built-in detectors and every keyword and
// regex of every rule file - is compiled into a single Vectorscan database
// and the text is scanned once. Vectorscan rather than RE2::Set: RE2::Set
// only says which patterns matched, not where, so each matching pattern would
// need a second pass to locate its matches; Vectorscan reports the end (and,
// where asked, the start) offset of every match in one streaming pass.
// Vectorscan is the portable fork of Intel's Hyperscan that Debian packages
// for every architecture (Hyperscan itself is x86-only), with the same API.
//
// Candidates are then confirmed: checksums (resident-ID check digit, Luhn),
// real dates, digit boundaries (a 19-digit number is not a resident ID plus
// one digit), labels (a number after 流水号 or 统一社会信用代码 is a serial,
// not personal data), marking positions (秘密 in 商业秘密 is no marking) and
// the context rules of the rule files.
//
// Thread safety: immutable after Create; Screen may be called concurrently
// from any number of threads (each call borrows its own Vectorscan scratch
// space from a pool).
#ifndef FOI_LIBS_SCREENING_SCREENER_H_
#define FOI_LIBS_SCREENING_SCREENER_H_

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "libs/screening/finding.h"
#include "libs/screening/rule_set.h"

namespace foi::screening_internal {
class PatternDatabase;
struct PatternRef;
}  // namespace foi::screening_internal

namespace foi::screening {

class Screener {
 public:
  // Largest text Screen accepts, in bytes: 64 MiB, far above any single
  // document (a 500-page PDF's text is about 1 MiB) and small enough that a
  // scan finishes in about a second.
  static constexpr size_t kMaxTextBytes = size_t{64} << 20;

  // Compiles the built-in detectors plus every pattern of `rule_sets` into
  // one Vectorscan database. Returns INVALID_ARGUMENT if two rule sets share
  // a name, or "<file>:<line>: ..." if Vectorscan rejects a pattern
  // (ParseRuleSet already checks each one alone).
  static absl::StatusOr<std::unique_ptr<Screener>> Create(
      std::vector<RuleSet> rule_sets);

  // Parses every regular file named *.rules in `dir` (in name order; other
  // files, such as README.md, are ignored) and calls Create. Returns
  // NOT_FOUND if `dir` cannot be listed, a file cannot be read, or there is
  // no *.rules file; otherwise the errors of ParseRuleSet and Create.
  static absl::StatusOr<std::unique_ptr<Screener>> LoadDirectory(
      const std::string& dir);

  ~Screener();
  Screener(const Screener&) = delete;
  Screener& operator=(const Screener&) = delete;

  // Returns every finding in `text`, sorted by (byte_begin, byte_end), with
  // no exact duplicates. Findings of different categories may overlap and
  // are all reported (a reviewer decides each); of two findings of the same
  // category, one inside the other, only the outer is kept. An 18-digit
  // number that is both a valid resident ID and a valid card number is
  // reported as a card only when a card label (卡号, 账号) precedes it.
  // Returns INVALID_ARGUMENT if `text` is not valid UTF-8 or is longer than
  // kMaxTextBytes, RESOURCE_EXHAUSTED if scratch space cannot be allocated.
  absl::StatusOr<std::vector<Finding>> Screen(absl::string_view text) const;

  // The rule sets compiled in, in the order given to Create.
  const std::vector<RuleSet>& rule_sets() const { return rule_sets_; }

 private:
  Screener(std::vector<RuleSet> rule_sets,
           std::vector<screening_internal::PatternRef> refs,
           std::unique_ptr<screening_internal::PatternDatabase> database);

  const std::vector<RuleSet> rule_sets_;
  // What each Vectorscan pattern id stands for.
  const std::vector<screening_internal::PatternRef> refs_;
  const std::unique_ptr<screening_internal::PatternDatabase> database_;
};

}  // namespace foi::screening

#endif  // FOI_LIBS_SCREENING_SCREENER_H_
