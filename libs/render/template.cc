#include "libs/render/template.h"

#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"
#include "libs/common/status_macros.h"

namespace foi::render_internal {

// A parsed template is a tree: text and variables are leaves, sections hold
// their contents.
struct TemplateNode {
  enum class Kind {
    kRoot,
    kText,
    kVariable,
    kRawVariable,
    kSection,
    kInverted
  };
  Kind kind = Kind::kRoot;
  std::string text;  // the text, or the name
  int line = 0;      // where the tag (or text) starts
  std::vector<TemplateNode> children;
};

}  // namespace foi::render_internal

namespace foi::render {
namespace {

using render_internal::TemplateNode;
using Kind = TemplateNode::Kind;

absl::Status Error(absl::string_view name, int line, absl::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat(name, ":", line, ": ", what));
}

bool IsNameChar(char c) { return absl::ascii_isalnum(c) || c == '_'; }

bool IsValidName(absl::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!IsNameChar(c)) return false;
  }
  return true;
}

bool IsBlank(absl::string_view s) {
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != '\r') return false;
  }
  return true;
}

int CountNewlines(absl::string_view s) {
  int n = 0;
  for (char c : s) n += c == '\n';
  return n;
}

// Builds the tree while scanning. Sections are closed by popping `open_`.
class Parser {
 public:
  Parser(absl::string_view name, absl::string_view text, int first_line)
      : name_(name), text_(text), line_(first_line) {}

  absl::StatusOr<TemplateNode> Run() {
    TemplateNode root;
    root.kind = Kind::kRoot;
    open_.push_back(&root);
    size_t pos = 0;
    while (pos < text_.size()) {
      const size_t tag_open = text_.find("{{", pos);
      if (tag_open == absl::string_view::npos) {
        EmitText(pos, text_.size());
        break;
      }
      const int tag_line =
          line_ + CountNewlines(text_.substr(pos, tag_open - pos));
      const size_t tag_close = text_.find("}}", tag_open + 2);
      if (tag_close == absl::string_view::npos) {
        return Error(name_, tag_line, "'{{' without a closing '}}'");
      }
      absl::string_view body = absl::StripAsciiWhitespace(
          text_.substr(tag_open + 2, tag_close - tag_open - 2));
      const size_t tag_end = tag_close + 2;
      char sigil = body.empty() ? '\0' : body.front();
      if (sigil == '#' || sigil == '^' || sigil == '/' || sigil == '!' ||
          sigil == '&') {
        body = absl::StripLeadingAsciiWhitespace(body.substr(1));
      } else {
        sigil = '\0';
      }
      if (sigil != '!' && !IsValidName(body)) {
        return Error(
            name_, tag_line,
            absl::StrCat("invalid tag '{{",
                         text_.substr(tag_open + 2, tag_close - tag_open - 2),
                         "}}': names are letters, digits and '_'"));
      }

      // Mustache's standalone rule: a block tag alone on its line removes
      // the whole line, so that templates can put sections on lines of
      // their own without leaving blank lines behind.
      size_t resume = tag_end;
      size_t text_end = tag_open;
      if (sigil == '#' || sigil == '^' || sigil == '/' || sigil == '!') {
        const size_t nl_before =
            text_.rfind('\n', tag_open == 0 ? 0 : tag_open - 1);
        const size_t line_start =
            (nl_before == absl::string_view::npos || tag_open == 0)
                ? 0
                : nl_before + 1;
        size_t line_end = text_.find('\n', tag_end);
        if (line_end == absl::string_view::npos) line_end = text_.size();
        if (line_start >= pos &&
            IsBlank(text_.substr(line_start, tag_open - line_start)) &&
            IsBlank(text_.substr(tag_end, line_end - tag_end))) {
          text_end = line_start;
          resume = line_end == text_.size() ? line_end : line_end + 1;
        }
      }
      EmitText(pos, text_end);
      line_ = tag_line;
      FOI_RETURN_IF_ERROR(EmitTag(sigil, body, tag_line));
      line_ += CountNewlines(text_.substr(tag_open, resume - tag_open));
      pos = resume;
    }
    if (open_.size() > 1) {
      const TemplateNode* unclosed = open_.back();
      return Error(
          name_, unclosed->line,
          absl::StrCat("section '", unclosed->text,
                       "' is never closed with '{{/", unclosed->text, "}}'"));
    }
    return root;
  }

 private:
  void EmitText(size_t from, size_t to) {
    if (to <= from) return;
    absl::string_view s = text_.substr(from, to - from);
    TemplateNode node;
    node.kind = Kind::kText;
    node.text = std::string(s);
    node.line = line_;
    open_.back()->children.push_back(std::move(node));
    line_ += CountNewlines(s);
  }

  absl::Status EmitTag(char sigil, absl::string_view body, int line) {
    switch (sigil) {
      case '!':
        return absl::OkStatus();
      case '/': {
        if (open_.size() == 1) {
          return Error(name_, line,
                       absl::StrCat("'{{/", body, "}}' closes no section"));
        }
        const TemplateNode* top = open_.back();
        if (top->text != body) {
          return Error(name_, line,
                       absl::StrCat("'{{/", body, "}}' closes section '",
                                    top->text, "' opened on line ", top->line));
        }
        open_.pop_back();
        return absl::OkStatus();
      }
      default:
        break;
    }
    TemplateNode node;
    node.text = std::string(body);
    node.line = line;
    switch (sigil) {
      case '#':
        node.kind = Kind::kSection;
        break;
      case '^':
        node.kind = Kind::kInverted;
        break;
      case '&':
        node.kind = Kind::kRawVariable;
        break;
      default:
        node.kind = Kind::kVariable;
        break;
    }
    std::vector<TemplateNode>& siblings = open_.back()->children;
    siblings.push_back(std::move(node));
    if (sigil == '#' || sigil == '^') open_.push_back(&siblings.back());
    return absl::OkStatus();
  }

  absl::string_view name_;
  absl::string_view text_;
  int line_;
  // The root and the sections still open. Pointers stay valid because a
  // node's children only grow while it is the innermost open node.
  std::vector<TemplateNode*> open_;
};

// The values in scope, innermost last.
using Scope = std::vector<const TemplateData*>;

const TemplateData::Value* Lookup(const Scope& scope, absl::string_view name) {
  for (auto it = scope.rbegin(); it != scope.rend(); ++it) {
    if (const TemplateData::Value* v = (*it)->Find(name)) return v;
  }
  return nullptr;
}

bool IsTruthy(const TemplateData::Value& v) {
  switch (v.kind) {
    case TemplateData::Value::Kind::kText:
      return !v.text.empty();
    case TemplateData::Value::Kind::kBool:
      return v.flag;
    case TemplateData::Value::Kind::kList:
      return !v.items.empty();
  }
  return false;
}

class Renderer {
 public:
  Renderer(absl::string_view name, Escaping escaping)
      : name_(name), escaping_(escaping) {}

  absl::Status Run(const std::vector<TemplateNode>& nodes, Scope& scope,
                   std::string& out) {
    for (const TemplateNode& node : nodes) {
      switch (node.kind) {
        case Kind::kRoot:
          break;
        case Kind::kText:
          out.append(node.text);
          break;
        case Kind::kVariable:
        case Kind::kRawVariable: {
          const TemplateData::Value* v = Lookup(scope, node.text);
          if (v == nullptr) {
            return Error(name_, node.line,
                         absl::StrCat("unknown variable '", node.text, "'"));
          }
          if (v->kind != TemplateData::Value::Kind::kText) {
            return Error(name_, node.line,
                         absl::StrCat("'", node.text,
                                      "' is a flag or a list; use it as a "
                                      "section"));
          }
          if (node.kind == Kind::kVariable && escaping_ == Escaping::kHtml) {
            AppendHtmlEscaped(v->text, out);
          } else {
            out.append(v->text);
          }
          break;
        }
        case Kind::kSection:
        case Kind::kInverted: {
          const TemplateData::Value* v = Lookup(scope, node.text);
          if (v == nullptr) {
            return Error(name_, node.line,
                         absl::StrCat("unknown section '", node.text, "'"));
          }
          const bool truthy = IsTruthy(*v);
          if (node.kind == Kind::kInverted) {
            if (!truthy) FOI_RETURN_IF_ERROR(Run(node.children, scope, out));
          } else if (v->kind == TemplateData::Value::Kind::kList) {
            for (const TemplateData& item : v->items) {
              scope.push_back(&item);
              absl::Status s = Run(node.children, scope, out);
              scope.pop_back();
              FOI_RETURN_IF_ERROR(s);
            }
          } else if (truthy) {
            FOI_RETURN_IF_ERROR(Run(node.children, scope, out));
          }
          break;
        }
      }
    }
    return absl::OkStatus();
  }

 private:
  absl::string_view name_;
  Escaping escaping_;
};

}  // namespace

TemplateData& TemplateData::Set(absl::string_view name, std::string text) {
  Value& v = values_[std::string(name)];
  v = Value();
  v.kind = Value::Kind::kText;
  v.text = std::move(text);
  return *this;
}

TemplateData& TemplateData::SetBool(absl::string_view name, bool flag) {
  Value& v = values_[std::string(name)];
  v = Value();
  v.kind = Value::Kind::kBool;
  v.flag = flag;
  return *this;
}

std::vector<TemplateData>& TemplateData::SetList(absl::string_view name) {
  Value& v = values_[std::string(name)];
  if (v.kind != Value::Kind::kList) {
    v = Value();
    v.kind = Value::Kind::kList;
  }
  return v.items;
}

TemplateData& TemplateData::AddItem(absl::string_view name) {
  return SetList(name).emplace_back();
}

const TemplateData::Value* TemplateData::Find(absl::string_view name) const {
  auto it = values_.find(name);
  return it == values_.end() ? nullptr : &it->second;
}

Template::Template(std::string name,
                   std::shared_ptr<const render_internal::TemplateNode> root)
    : name_(std::move(name)), root_(std::move(root)) {}

absl::StatusOr<Template> Template::Parse(absl::string_view name,
                                         absl::string_view text,
                                         int first_line) {
  FOI_ASSIGN_OR_RETURN(TemplateNode root, Parser(name, text, first_line).Run());
  return Template(std::string(name),
                  std::make_shared<const TemplateNode>(std::move(root)));
}

absl::StatusOr<std::string> Template::Render(const TemplateData& data,
                                             Escaping escaping) const {
  std::string out;
  Scope scope = {&data};
  FOI_RETURN_IF_ERROR(
      Renderer(name_, escaping).Run(root_->children, scope, out));
  return out;
}

void AppendHtmlEscaped(absl::string_view text, std::string& out) {
  for (char c : text) {
    switch (c) {
      case '&':
        out.append("&amp;");
        break;
      case '<':
        out.append("&lt;");
        break;
      case '>':
        out.append("&gt;");
        break;
      case '"':
        out.append("&quot;");
        break;
      case '\'':
        out.append("&#39;");
        break;
      default:
        out.push_back(c);
    }
  }
}

}  // namespace foi::render
