// The calendar shipped with the binary: deploy/calendars/cn-mainland.csv as
// it was at build time. Used when neither the database nor --calendar_file
// has a newer one.
#ifndef FOI_SERVICES_FOI_SERVER_DEFAULT_CALENDAR_H_
#define FOI_SERVICES_FOI_SERVER_DEFAULT_CALENDAR_H_

#include "absl/strings/string_view.h"

namespace foi::foi_server {

// The CSV text of the built-in calendar.
absl::string_view DefaultCalendarCsv();

}  // namespace foi::foi_server

#endif  // FOI_SERVICES_FOI_SERVER_DEFAULT_CALENDAR_H_
