#include "libs/annual/report_csv.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "libs/annual/report_layout.h"

namespace foi::annual {
namespace {

// Table 三's record: the row code and the three label cells, then the counts.
constexpr size_t kLabelFields = 4;
constexpr size_t kApplicationFields = kLabelFields + kApplicantColumnCount;
// Table 四's columns per appeal kind.
constexpr size_t kResults = kAppealResultLabels.size();

// RFC 4180 section 2, rules 5-7.
void AppendField(std::string& out, absl::string_view field) {
  if (field.find_first_of(",\"\r\n") == absl::string_view::npos) {
    out.append(field.data(), field.size());
    return;
  }
  out.push_back('"');
  for (char c : field) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

// Collects records; every record ends in CRLF (RFC 4180 rule 1).
class CsvWriter {
 public:
  void Record(const std::vector<std::string>& fields) {
    for (size_t i = 0; i < fields.size(); ++i) {
      if (i > 0) out_.push_back(',');
      AppendField(out_, fields[i]);
    }
    out_ += "\r\n";
  }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

void WriteApplications(const ApplicationTable& table, CsvWriter& csv) {
  csv.Record({std::string(kApplicationsTitle)});
  // Code column, then the 3-by-3 identity cell, then 申请人情况 over the 7
  // numeric columns.
  std::vector<std::string> header1(kApplicationFields);
  header1[0] = "代码";
  header1[1] = std::string(kIdentityNote);
  header1[kLabelFields] = std::string(kApplicantHeader);
  std::vector<std::string> header2(kApplicationFields);
  std::vector<std::string> header3(kApplicationFields);
  const auto& columns = ApplicantColumns();
  bool organization_written = false;
  for (size_t i = 0; i < columns.size(); ++i) {
    const size_t at = kLabelFields + i;
    if (!columns[i].organization) {
      header2[at] = std::string(columns[i].label);  // spans header rows 2-3
    } else {
      if (!organization_written) {
        header2[at] = std::string(kOrganizationHeader);
        organization_written = true;
      }
      header3[at] = std::string(columns[i].label);
    }
  }
  csv.Record(header1);
  csv.Record(header2);
  csv.Record(header3);

  for (const RowInfo& row : ApplicationRows()) {
    std::vector<std::string> fields = {
        row.code, row.section_span > 0 ? row.section : "",
        row.group_span > 0 ? row.group : "", row.item};
    for (const ColumnInfo& col : columns) {
      fields.push_back(absl::StrCat(table.Get(row.row, col.column)));
    }
    csv.Record(fields);
  }
}

void WriteAppeals(const AppealTable& table, CsvWriter& csv) {
  csv.Record({std::string(kAppealsTitle)});
  std::vector<std::string> header1(kAppealColumnCount);
  header1[0] = std::string(kReconsiderationHeader);
  header1[kResults] = std::string(kLitigationHeader);
  std::vector<std::string> header2(kAppealColumnCount);
  std::vector<std::string> header3(kAppealColumnCount);
  for (size_t k = 0; k < kAppealKinds.size(); ++k) {
    const size_t first = kResults * k;
    if (kAppealKinds[k] == AppealKind::kReconsideration) {
      // 行政复议's result cells span header rows 2-3.
      for (size_t i = 0; i < kResults; ++i) {
        header2[first + i] = std::string(kAppealResultLabels[i]);
      }
    } else {
      header2[first] = std::string(AppealKindLabel(kAppealKinds[k]));
      for (size_t i = 0; i < kResults; ++i) {
        header3[first + i] = std::string(kAppealResultLabels[i]);
      }
    }
  }
  csv.Record(header1);
  csv.Record(header2);
  csv.Record(header3);

  std::vector<std::string> counts;
  for (AppealKind kind : kAppealKinds) {
    for (int v : table.For(kind).Values()) counts.push_back(absl::StrCat(v));
  }
  csv.Record(counts);
}

void WriteTopics(const std::vector<Topic>& topics, CsvWriter& csv) {
  csv.Record({std::string(kTopicsTitle)});
  csv.Record({"事项", "申请数量"});
  for (const Topic& topic : topics) {
    csv.Record({topic.label, absl::StrCat(topic.count)});
  }
}

}  // namespace

std::string ToCsv(const AnnualReport& report) {
  CsvWriter csv;
  csv.Record({"年度", absl::StrCat(report.year)});
  csv.Record({""});
  WriteApplications(report.applications, csv);
  csv.Record({""});
  WriteAppeals(report.appeals, csv);
  csv.Record({""});
  WriteTopics(report.topics, csv);
  return csv.Take();
}

}  // namespace foi::annual
