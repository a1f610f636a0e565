// A small Mustache-like template language for letters.
//
// Why our own and not Debian's ctemplate (libctemplate-dev): ctemplate is
// unmaintained upstream, keeps templates in process-wide caches (global
// state the house style forbids) and reports errors through logging rather
// than a status. The subset below is about 300 lines, has no global state,
// and is strict where ctemplate is lenient: an unknown variable is an error,
// never an empty string, so a typo in an edited template fails loudly.
//
// Syntax (a subset of Mustache, https://mustache.github.io/mustache.5.html):
//
//   {{name}}              the text value of `name`, escaped for the output
//   {{&name}}             the same, never escaped
//   {{#name}}...{{/name}} section: shown once if `name` is true or non-empty
//                         text; once per item if `name` is a list (each
//                         item's values are looked up first)
//   {{^name}}...{{/name}} inverted section: shown if `name` is false, empty
//                         text or an empty list
//   {{! comment }}        nothing
//
// Names are [A-Za-z0-9_]+; spaces inside the braces are allowed. As in
// Mustache, a line holding nothing but one section, inverted, closing or
// comment tag (and blanks) leaves no trace in the output, newline included.
// Names are looked up in the innermost list item first, then outwards.
//
// Thread safety: a Template is immutable after Parse; Render may be called
// concurrently. TemplateData is a plain value.
#ifndef FOI_LIBS_RENDER_TEMPLATE_H_
#define FOI_LIBS_RENDER_TEMPLATE_H_

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace foi::render_internal {
struct TemplateNode;
}  // namespace foi::render_internal

namespace foi::render {

// The values a template is rendered with: a map from names to text, flags
// or lists of nested TemplateData.
class TemplateData {
 public:
  // One value. Exactly one of the members is meaningful, per `kind`.
  struct Value {
    enum class Kind { kText, kBool, kList };
    Kind kind = Kind::kText;
    std::string text;
    bool flag = false;
    std::vector<TemplateData> items;
  };

  // Sets `name` to text, replacing any earlier value. Returns *this.
  TemplateData& Set(absl::string_view name, std::string text);

  // Sets `name` to a flag, replacing any earlier value. Returns *this.
  TemplateData& SetBool(absl::string_view name, bool flag);

  // Makes `name` a list (empty if it was not one) and returns it, so that a
  // list that happens to have no items is still a known name.
  std::vector<TemplateData>& SetList(absl::string_view name);

  // Appends an item to list `name` (making it a list first if needed) and
  // returns the new item.
  TemplateData& AddItem(absl::string_view name);

  // The value of `name` in this map only (not enclosing ones); nullptr if
  // unset.
  const Value* Find(absl::string_view name) const;

 private:
  std::map<std::string, Value, std::less<>> values_;
};

// How {{name}} values are escaped.
enum class Escaping {
  kNone,  // as is (plain text, or text that is escaped later)
  kHtml,  // & < > " ' as character references
};

class Template {
 public:
  // Parses `text`. `name` (usually the file name) and `first_line` (the line
  // of `text`'s first character in that file, 1-based) only label errors.
  // INVALID_ARGUMENT "<name>:<line>: <problem>" for an unterminated tag, an
  // invalid name, an unclosed section or a closing tag that does not match.
  static absl::StatusOr<Template> Parse(absl::string_view name,
                                        absl::string_view text,
                                        int first_line = 1);

  // Returns the text with every tag replaced. INVALID_ARGUMENT
  // "<name>:<line>: ..." if a {{name}} is unknown or is a flag or a list
  // rather than text, or a section name is unknown.
  absl::StatusOr<std::string> Render(const TemplateData& data,
                                     Escaping escaping = Escaping::kNone) const;

  // The name given to Parse.
  const std::string& name() const { return name_; }

 private:
  Template(std::string name,
           std::shared_ptr<const render_internal::TemplateNode> root);

  std::string name_;
  // Immutable once parsed, hence shared between copies.
  std::shared_ptr<const render_internal::TemplateNode> root_;
};

// Appends `text` to `out` with & < > " ' replaced by character references.
void AppendHtmlEscaped(absl::string_view text, std::string& out);

}  // namespace foi::render

#endif  // FOI_LIBS_RENDER_TEMPLATE_H_
