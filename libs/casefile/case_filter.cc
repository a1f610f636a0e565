#include "libs/casefile/case_filter.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace foi::casefile {
namespace {

absl::Status Bad(absl::string_view why) {
  return absl::InvalidArgumentError(absl::StrCat("filter: ", why));
}

// Splits `term` into field, operator, value around the first operator.
bool SplitComparison(absl::string_view term, absl::string_view& field,
                     absl::string_view& op, absl::string_view& value) {
  const size_t pos = term.find_first_of("<>=");
  if (pos == absl::string_view::npos || pos == 0) return false;
  size_t end = pos + 1;
  if (end < term.size() && term[end] == '=' && term[pos] != '=') ++end;
  field = absl::StripAsciiWhitespace(term.substr(0, pos));
  op = term.substr(pos, end - pos);
  value = absl::StripAsciiWhitespace(term.substr(end));
  return !field.empty() && !value.empty();
}

absl::string_view Unquote(absl::string_view v) {
  if (v.size() >= 2 && v.front() == '"' && v.back() == '"') {
    return v.substr(1, v.size() - 2);
  }
  return v;
}

}  // namespace

absl::StatusOr<CaseFilter> ParseCaseFilter(absl::string_view filter) {
  CaseFilter f;
  if (absl::StripAsciiWhitespace(filter).empty()) return f;
  if (filter.size() > 2000) return Bad("longer than 2000 characters");
  for (absl::string_view term : absl::StrSplit(filter, " AND ")) {
    absl::string_view field, op, value;
    if (!SplitComparison(term, field, op, value)) {
      return Bad(absl::StrCat("'", absl::StripAsciiWhitespace(term),
                              "' is not a comparison"));
    }
    value = Unquote(value);
    if (field == "receipt_date") {
      absl::CivilDay day;
      if (!absl::ParseCivilTime(value, &day)) {
        return Bad(absl::StrCat("receipt_date: '", value,
                                "' is not a date YYYY-MM-DD"));
      }
      if (op == "=") {
        f.receipt_from = f.receipt_to = day;
      } else if (op == ">=") {
        f.receipt_from = day;
      } else if (op == ">") {
        f.receipt_from = day + 1;
      } else if (op == "<=") {
        f.receipt_to = day;
      } else if (op == "<") {
        f.receipt_to = day - 1;
      } else {
        return Bad(absl::StrCat("receipt_date: unknown operator ", op));
      }
      continue;
    }
    if (op != "=") {
      return Bad(absl::StrCat(field, ": only = is supported"));
    }
    if (field == "state") {
      f.state = ParseCaseState(value);
      if (!f.state) return Bad(absl::StrCat("state: unknown state ", value));
    } else if (field == "channel") {
      f.channel = ParseChannel(value);
      if (!f.channel) {
        return Bad(absl::StrCat("channel: unknown channel ", value));
      }
    } else if (field == "unit") {
      f.unit = std::string(value);
    } else {
      return Bad(absl::StrCat("unknown field '", field,
                              "' (state, unit, channel, receipt_date)"));
    }
  }
  return f;
}

std::string CanonicalCaseFilter(const CaseFilter& f) {
  std::string out;
  if (f.state) absl::StrAppend(&out, "state=", CaseStateName(*f.state), ";");
  if (f.unit) absl::StrAppend(&out, "unit=", f.unit->size(), ":", *f.unit, ";");
  if (f.channel)
    absl::StrAppend(&out, "channel=", ChannelName(*f.channel), ";");
  if (f.receipt_from) {
    absl::StrAppend(&out, "from=", absl::FormatCivilTime(*f.receipt_from), ";");
  }
  if (f.receipt_to) {
    absl::StrAppend(&out, "to=", absl::FormatCivilTime(*f.receipt_to), ";");
  }
  return out;
}

}  // namespace foi::casefile
