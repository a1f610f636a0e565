// Status propagation macros, spelled as Abseil's later absl/status/status_macros.h
// so that switching to it is a search-and-replace (Debian's Abseil 20220623 has
// none).
#ifndef FOI_LIBS_COMMON_STATUS_MACROS_H_
#define FOI_LIBS_COMMON_STATUS_MACROS_H_

#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

// Evaluates `expr` (an absl::Status); returns it from the enclosing function
// when it is not OK.
#define FOI_RETURN_IF_ERROR(expr)                  \
  do {                                             \
    ::absl::Status foi_status_macro_ = (expr);     \
    if (!foi_status_macro_.ok()) {                 \
      return foi_status_macro_;                    \
    }                                              \
  } while (false)

#define FOI_STATUS_MACROS_CONCAT_INNER_(x, y) x##y
#define FOI_STATUS_MACROS_CONCAT_(x, y) FOI_STATUS_MACROS_CONCAT_INNER_(x, y)

#define FOI_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, rexpr) \
  auto statusor = (rexpr);                               \
  if (!statusor.ok()) {                                  \
    return std::move(statusor).status();                 \
  }                                                      \
  lhs = *std::move(statusor)

// Evaluates `rexpr` (an absl::StatusOr<T>); on error returns its status from
// the enclosing function, otherwise move-assigns the value to `lhs`, which
// may be a declaration: FOI_ASSIGN_OR_RETURN(auto x, MakeX());
#define FOI_ASSIGN_OR_RETURN(lhs, rexpr) \
  FOI_ASSIGN_OR_RETURN_IMPL_(            \
      FOI_STATUS_MACROS_CONCAT_(foi_statusor_, __LINE__), lhs, rexpr)

#endif  // FOI_LIBS_COMMON_STATUS_MACROS_H_
