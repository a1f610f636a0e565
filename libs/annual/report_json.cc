#include "libs/annual/report_json.h"

#include <cstdint>

#include "libs/annual/report_layout.h"
#include "libs/common/json_writer.h"

namespace foi::annual {
namespace {

constexpr absl::string_view kFormat = "国办公开办函〔2021〕30号";

// Joins already-encoded JSON values into an array.
class JsonArray {
 public:
  void AddRaw(const std::string& json) {
    if (body_.size() > 1) body_.push_back(',');
    body_ += json;
  }
  std::string Build() const { return body_ + "]"; }

 private:
  std::string body_ = "[";
};

std::string ApplicationsJson(const ApplicationTable& table) {
  JsonArray columns;
  for (const ColumnInfo& col : ApplicantColumns()) {
    columns.AddRaw(
        JsonObject()
            .Add("code", col.code)
            .Add("label", col.label)
            .Add("group", col.organization ? kOrganizationHeader : "")
            .Build());
  }
  JsonArray rows;
  for (const RowInfo& row : ApplicationRows()) {
    JsonObject counts;
    for (const ColumnInfo& col : ApplicantColumns()) {
      counts.Add(col.code, int64_t{table.Get(row.row, col.column)});
    }
    rows.AddRaw(JsonObject()
                    .Add("code", row.code)
                    .Add("section", row.section)
                    .Add("group", row.group)
                    .Add("item", row.item)
                    .Add("label", row.label())
                    .AddRaw("counts", counts.Build())
                    .Build());
  }
  return JsonObject()
      .Add("title", kApplicationsTitle)
      .AddRaw("columns", columns.Build())
      .AddRaw("rows", rows.Build())
      .Build();
}

std::string AppealsJson(const AppealTable& table) {
  JsonObject appeals;
  appeals.Add("title", kAppealsTitle);
  for (AppealKind kind : kAppealKinds) {
    JsonObject group;
    group.Add("label", AppealKindLabel(kind));
    const auto values = table.For(kind).Values();
    for (size_t i = 0; i < values.size(); ++i) {
      group.Add(kAppealResultCodes[i], int64_t{values[i]});
    }
    appeals.AddRaw(AppealKindCode(kind), group.Build());
  }
  return appeals.Build();
}

}  // namespace

std::string ToJson(const AnnualReport& report) {
  JsonArray topics;
  for (const Topic& topic : report.topics) {
    topics.AddRaw(JsonObject()
                      .Add("label", topic.label)
                      .Add("count", int64_t{topic.count})
                      .Build());
  }
  return JsonObject()
      .Add("year", int64_t{report.year})
      .Add("format", kFormat)
      .AddRaw("applications", ApplicationsJson(report.applications))
      .AddRaw("appeals", AppealsJson(report.appeals))
      .AddRaw("topics", topics.Build())
      .Build();
}

}  // namespace foi::annual
