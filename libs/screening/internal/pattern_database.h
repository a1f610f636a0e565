// A compiled Vectorscan block-mode database of many patterns, scanned in one
// pass, that reports each match with its start as well as its end.
//
// Starts cost nothing for fixed-width patterns (start = end - width, with the
// width from hs_expression_info); only variable-width patterns are compiled
// with HS_FLAG_SOM_LEFTMOST, which is slower and larger.
//
// Thread safety: Scan may be called concurrently; each call borrows its own
// scratch space from a pool (a Vectorscan scratch serves one scan at a time).
#ifndef FOI_LIBS_SCREENING_INTERNAL_PATTERN_DATABASE_H_
#define FOI_LIBS_SCREENING_INTERNAL_PATTERN_DATABASE_H_

#include <hs.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"

namespace foi::screening_internal {

// Flags for agency regexes: UTF-8 code points, Unicode classes (\s matches
// U+3000, \d full-width digits), ^ and $ at line breaks.
inline constexpr unsigned kRuleRegexFlags =
    HS_FLAG_UTF8 | HS_FLAG_UCP | HS_FLAG_MULTILINE;

// One pattern to compile. Its index in the vector passed to Compile is the id
// that Scan reports.
struct PatternSpec {
  std::string expression;  // Vectorscan (PCRE subset) syntax
  unsigned flags = 0;      // HS_FLAG_*, without HS_FLAG_SOM_LEFTMOST
  std::string origin;      // where it came from, for error messages
  // Whether Scan must report where a variable-width match starts. False
  // saves the leftmost-start tracking (often the costliest part of a
  // pattern) when the caller can find the start itself; Scan then reports
  // begin == end for this pattern.
  bool report_start = true;
};

// Returns `literal` as a Vectorscan expression that matches it exactly: every
// byte outside [0-9A-Za-z] and the UTF-8 multi-byte range is escaped \xHH.
std::string EscapeLiteral(absl::string_view literal);

class PatternDatabase {
 public:
  // Compiles `specs` into one database. Returns INVALID_ARGUMENT
  // "<origin>: <Vectorscan message>" for a pattern Vectorscan rejects or one
  // that matches the empty string, and INVALID_ARGUMENT for an empty list.
  static absl::StatusOr<std::unique_ptr<PatternDatabase>> Compile(
      const std::vector<PatternSpec>& specs);

  // Checks that `spec` alone would compile, with the same rules as Compile.
  static absl::Status Check(const PatternSpec& spec);

  ~PatternDatabase();
  PatternDatabase(const PatternDatabase&) = delete;
  PatternDatabase& operator=(const PatternDatabase&) = delete;

  // Scans `text` once and calls `on_match(id, begin, end)` for every match of
  // every pattern, in order of `end`; a variable-width pattern reports the
  // leftmost start for each end (or begin == end if compiled without
  // report_start). Returns RESOURCE_EXHAUSTED if scratch space
  // cannot be allocated and INTERNAL for any other Vectorscan failure.
  absl::Status Scan(
      absl::string_view text,
      absl::FunctionRef<void(unsigned id, size_t begin, size_t end)> on_match)
      const;

 private:
  PatternDatabase(hs_database_t* database, hs_scratch_t* prototype,
                  std::vector<int> starts);

  hs_scratch_t* AcquireScratch() const;
  void ReleaseScratch(hs_scratch_t* scratch) const;

  hs_database_t* const database_;
  // Kept only to be cloned; never scanned with.
  hs_scratch_t* const prototype_;
  // How each pattern's start is found: its width in bytes (> 0) for a
  // fixed-width pattern, kStartFromVectorscan for one compiled with
  // HS_FLAG_SOM_LEFTMOST, kStartUnknown for one without report_start.
  static constexpr int kStartFromVectorscan = 0;
  static constexpr int kStartUnknown = -1;
  const std::vector<int> starts_;

  mutable absl::Mutex mu_;
  mutable std::vector<hs_scratch_t*> idle_ ABSL_GUARDED_BY(mu_);
};

}  // namespace foi::screening_internal

#endif  // FOI_LIBS_SCREENING_INTERNAL_PATTERN_DATABASE_H_
