#include "libs/annual/report_html.h"

#include "absl/strings/str_cat.h"
#include "libs/annual/report_layout.h"

namespace foi::annual {
namespace {

constexpr absl::string_view kStyle =
    "body{font-family:\"SimSun\",\"Songti SC\",serif;margin:2em}"
    "table{border-collapse:collapse;margin-bottom:2em}"
    "th,td{border:1px solid #000;padding:4px 6px}"
    "th{font-weight:normal;text-align:left}"
    "td{text-align:right}";

void AppendEscaped(std::string& out, absl::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out.push_back(c);
    }
  }
}

// <th rowspan=.. colspan=..>text</th>; a span of 1 is left out.
void AppendTh(std::string& out, absl::string_view text, int rowspan = 1,
              int colspan = 1) {
  out += "<th";
  if (rowspan > 1) absl::StrAppend(&out, " rowspan=\"", rowspan, "\"");
  if (colspan > 1) absl::StrAppend(&out, " colspan=\"", colspan, "\"");
  out += ">";
  AppendEscaped(out, text);
  out += "</th>";
}

void AppendApplications(std::string& out, const ApplicationTable& table) {
  out += "<h2>";
  AppendEscaped(out, kApplicationsTitle);
  out += "</h2>\n<table>\n<thead>\n<tr>";
  AppendTh(out, kIdentityNote, 3, 3);
  AppendTh(out, kApplicantHeader, 1, kApplicantColumnCount);
  out += "</tr>\n<tr>";
  std::string organizations;
  int organization_count = 0;
  for (const ColumnInfo& col : ApplicantColumns()) {
    if (!col.organization) {
      AppendTh(out, col.label, 2, 1);  // spans header rows 2-3
    } else {
      if (organization_count++ == 0) {
        AppendTh(out, kOrganizationHeader, 1, 5);  // over the five below
      }
      AppendTh(organizations, col.label);
    }
  }
  absl::StrAppend(&out, "</tr>\n<tr>", organizations, "</tr>\n</thead>\n");

  out += "<tbody>\n";
  for (const RowInfo& row : ApplicationRows()) {
    out += "<tr data-code=\"";
    AppendEscaped(out, row.code);
    out += "\">";
    // Section, group and item cells share the three label columns; a level
    // the row lacks widens the one before it.
    if (row.section_span > 0) {
      AppendTh(out, row.section, row.section_span, row.group.empty() ? 3 : 1);
    }
    if (!row.group.empty() && row.group_span > 0) {
      AppendTh(out, row.group, row.group_span, row.item.empty() ? 2 : 1);
    }
    if (!row.item.empty()) AppendTh(out, row.item);
    for (const ColumnInfo& col : ApplicantColumns()) {
      absl::StrAppend(&out, "<td>", table.Get(row.row, col.column), "</td>");
    }
    out += "</tr>\n";
  }
  out += "</tbody>\n</table>\n";
}

void AppendAppeals(std::string& out, const AppealTable& table) {
  out += "<h2>";
  AppendEscaped(out, kAppealsTitle);
  out += "</h2>\n<table>\n<thead>\n<tr>";
  AppendTh(out, kReconsiderationHeader, 1, 5);
  AppendTh(out, kLitigationHeader, 1, 10);
  out += "</tr>\n<tr>";
  std::string litigation_results;
  for (AppealKind kind : kAppealKinds) {
    if (kind == AppealKind::kReconsideration) {
      for (absl::string_view label : kAppealResultLabels) {
        AppendTh(out, label, 2, 1);
      }
    } else {
      AppendTh(out, AppealKindLabel(kind), 1, 5);
      for (absl::string_view label : kAppealResultLabels) {
        AppendTh(litigation_results, label);
      }
    }
  }
  absl::StrAppend(&out, "</tr>\n<tr>", litigation_results,
                  "</tr>\n</thead>\n<tbody>\n<tr>");
  for (AppealKind kind : kAppealKinds) {
    for (int v : table.For(kind).Values()) {
      absl::StrAppend(&out, "<td>", v, "</td>");
    }
  }
  out += "</tr>\n</tbody>\n</table>\n";
}

void AppendTopics(std::string& out, const std::vector<Topic>& topics) {
  out += "<h2>";
  AppendEscaped(out, kOtherMattersTitle);
  out += "</h2>\n<h3>";
  AppendEscaped(out, kTopicsTitle);
  out += "</h3>\n";
  if (topics.empty()) {
    out += "<p>无</p>\n";
    return;
  }
  out +=
      "<table>\n<thead>\n<tr><th>事项</th><th>申请数量</th></tr>\n"
      "</thead>\n<tbody>\n";
  for (const Topic& topic : topics) {
    out += "<tr>";
    AppendTh(out, topic.label);
    absl::StrAppend(&out, "<td>", topic.count, "</td></tr>\n");
  }
  out += "</tbody>\n</table>\n";
}

}  // namespace

std::string ToHtml(const AnnualReport& report) {
  const std::string title =
      absl::StrCat(report.year, "年政府信息公开工作年度报告（统计表）");
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n"
      "<meta charset=\"utf-8\">\n<title>";
  AppendEscaped(out, title);
  absl::StrAppend(&out, "</title>\n<style>", kStyle,
                  "</style>\n</head>\n<body>\n<h1>");
  AppendEscaped(out, title);
  out += "</h1>\n";
  AppendApplications(out, report.applications);
  AppendAppeals(out, report.appeals);
  AppendTopics(out, report.topics);
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace foi::annual
