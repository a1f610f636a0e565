#include "libs/screening/internal/pattern_database.h"

#include <cstdlib>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace foi::screening_internal {
namespace {

// What hs_expression_info says about one pattern.
struct Shape {
  unsigned min_width = 0;
  unsigned max_width = 0;
};

absl::StatusOr<Shape> Analyse(const PatternSpec& spec) {
  hs_expr_info_t* info = nullptr;
  hs_compile_error_t* error = nullptr;
  if (hs_expression_info(spec.expression.c_str(), spec.flags, &info, &error) !=
      HS_SUCCESS) {
    absl::Status s = absl::InvalidArgumentError(
        absl::StrCat(spec.origin, ": ", error->message));
    hs_free_compile_error(error);
    return s;
  }
  // hs_expression_info allocates with the misc allocator, malloc by default.
  Shape shape{info->min_width, info->max_width};
  std::free(info);
  if (shape.min_width == 0) {
    // An empty match would be reported at every offset and mark nothing.
    return absl::InvalidArgumentError(
        absl::StrCat(spec.origin, ": pattern can match the empty string"));
  }
  return shape;
}

bool NeedsSom(const PatternSpec& spec, const Shape& shape) {
  return spec.report_start && shape.min_width != shape.max_width;
}

unsigned FinalFlags(const PatternSpec& spec, const Shape& shape) {
  return NeedsSom(spec, shape) ? spec.flags | HS_FLAG_SOM_LEFTMOST : spec.flags;
}

struct ScanContext {
  const std::vector<int>* starts;
  absl::FunctionRef<void(unsigned, size_t, size_t)>* on_match;
};

int OnMatch(unsigned int id, unsigned long long from, unsigned long long to,
            unsigned int /*flags*/, void* ctx) {
  auto* c = static_cast<ScanContext*>(ctx);
  const int start = (*c->starts)[id];
  const size_t end = static_cast<size_t>(to);
  const size_t begin = start > 0    ? end - static_cast<size_t>(start)
                       : start == 0 ? static_cast<size_t>(from)
                                    : end;
  (*c->on_match)(id, begin, end);
  return 0;  // keep scanning
}

}  // namespace

std::string EscapeLiteral(absl::string_view literal) {
  std::string out;
  out.reserve(literal.size() * 2);
  for (char ch : literal) {
    const auto c = static_cast<unsigned char>(ch);
    const bool plain = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
                       (c >= 'a' && c <= 'z') || c >= 0x80;
    if (plain) {
      out.push_back(ch);
    } else {
      absl::StrAppendFormat(&out, "\\x%02x", c);
    }
  }
  return out;
}

absl::Status PatternDatabase::Check(const PatternSpec& spec) {
  auto shape = Analyse(spec);
  if (!shape.ok()) return shape.status();
  // Compiling alone catches what hs_expression_info does not, such as a
  // variable-width pattern too large for start-of-match tracking.
  hs_database_t* db = nullptr;
  hs_compile_error_t* error = nullptr;
  if (hs_compile(spec.expression.c_str(), FinalFlags(spec, *shape),
                 HS_MODE_BLOCK, nullptr, &db, &error) != HS_SUCCESS) {
    absl::Status s = absl::InvalidArgumentError(
        absl::StrCat(spec.origin, ": ", error->message));
    hs_free_compile_error(error);
    return s;
  }
  hs_free_database(db);
  return absl::OkStatus();
}

absl::StatusOr<std::unique_ptr<PatternDatabase>> PatternDatabase::Compile(
    const std::vector<PatternSpec>& specs) {
  if (specs.empty()) {
    return absl::InvalidArgumentError("no patterns to compile");
  }
  std::vector<const char*> expressions;
  std::vector<unsigned> flags;
  std::vector<unsigned> ids;
  std::vector<int> starts;
  for (size_t i = 0; i < specs.size(); ++i) {
    auto shape = Analyse(specs[i]);
    if (!shape.ok()) return shape.status();
    expressions.push_back(specs[i].expression.c_str());
    flags.push_back(FinalFlags(specs[i], *shape));
    ids.push_back(static_cast<unsigned>(i));
    starts.push_back(shape->min_width == shape->max_width
                         ? static_cast<int>(shape->min_width)
                         : (NeedsSom(specs[i], *shape) ? kStartFromVectorscan
                                                       : kStartUnknown));
  }
  hs_database_t* db = nullptr;
  hs_compile_error_t* error = nullptr;
  if (hs_compile_multi(expressions.data(), flags.data(), ids.data(),
                       static_cast<unsigned>(specs.size()), HS_MODE_BLOCK,
                       nullptr, &db, &error) != HS_SUCCESS) {
    const std::string where =
        error->expression >= 0
            ? specs[static_cast<size_t>(error->expression)].origin
            : std::string("pattern database");
    absl::Status s =
        absl::InvalidArgumentError(absl::StrCat(where, ": ", error->message));
    hs_free_compile_error(error);
    return s;
  }
  hs_scratch_t* prototype = nullptr;
  if (hs_alloc_scratch(db, &prototype) != HS_SUCCESS) {
    hs_free_database(db);
    return absl::ResourceExhaustedError("cannot allocate Vectorscan scratch");
  }
  return std::unique_ptr<PatternDatabase>(
      new PatternDatabase(db, prototype, std::move(starts)));
}

PatternDatabase::PatternDatabase(hs_database_t* database,
                                 hs_scratch_t* prototype,
                                 std::vector<int> starts)
    : database_(database), prototype_(prototype), starts_(std::move(starts)) {}

PatternDatabase::~PatternDatabase() {
  for (hs_scratch_t* s : idle_) hs_free_scratch(s);
  hs_free_scratch(prototype_);
  hs_free_database(database_);
}

hs_scratch_t* PatternDatabase::AcquireScratch() const {
  {
    absl::MutexLock lock(&mu_);
    if (!idle_.empty()) {
      hs_scratch_t* s = idle_.back();
      idle_.pop_back();
      return s;
    }
  }
  // The pool grows to the largest number of concurrent scans and no further.
  hs_scratch_t* clone = nullptr;
  if (hs_clone_scratch(prototype_, &clone) != HS_SUCCESS) return nullptr;
  return clone;
}

void PatternDatabase::ReleaseScratch(hs_scratch_t* scratch) const {
  absl::MutexLock lock(&mu_);
  idle_.push_back(scratch);
}

absl::Status PatternDatabase::Scan(
    absl::string_view text,
    absl::FunctionRef<void(unsigned id, size_t begin, size_t end)> on_match)
    const {
  if (text.empty()) return absl::OkStatus();  // hs_scan rejects null data
  hs_scratch_t* scratch = AcquireScratch();
  if (scratch == nullptr) {
    return absl::ResourceExhaustedError("cannot allocate Vectorscan scratch");
  }
  ScanContext ctx{&starts_, &on_match};
  const hs_error_t rc =
      hs_scan(database_, text.data(), static_cast<unsigned>(text.size()), 0,
              scratch, &OnMatch, &ctx);
  ReleaseScratch(scratch);
  if (rc != HS_SUCCESS) {
    return absl::InternalError(absl::StrCat("hs_scan failed with ", rc));
  }
  return absl::OkStatus();
}

}  // namespace foi::screening_internal
