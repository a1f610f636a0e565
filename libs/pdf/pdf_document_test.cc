#include "libs/pdf/pdf_document.h"

#include <openssl/evp.h>
#include <poppler-document.h>
#include <poppler-page.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/common/testing/status_matchers.h"
#include "libs/pdf/testing/sample_letter.h"

namespace foi::pdf {
namespace {

using ::foi::testing::IsOk;
using ::foi::testing::ReplyLetterSpec;
using ::foi::testing::StatusIs;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

// Extraction re-wraps lines and may render the gaps of justified or
// ideographic-space-indented text as spaces, so texts are compared without
// any whitespace (ASCII or U+3000).
std::string WithoutWhitespace(absl::string_view text) {
  std::string out;
  for (char c : absl::StrReplaceAll(text, {{"\u3000", ""}})) {
    if (!absl::ascii_isspace(static_cast<unsigned char>(c))) out.push_back(c);
  }
  return out;
}

// Removes every "第N页共M页" page number from whitespace-free text.
std::string WithoutPageNumbers(std::string text, int pages) {
  for (int n = 1; n <= pages; ++n) {
    absl::StrReplaceAll({{absl::StrCat("第", n, "页共", pages, "页"), ""}},
                        &text);
  }
  return text;
}

std::unique_ptr<poppler::document> LoadWithPoppler(const std::string& pdf) {
  return std::unique_ptr<poppler::document>(
      poppler::document::load_from_raw_data(pdf.data(),
                                            static_cast<int>(pdf.size())));
}

// Chinese running text of at least `chars` characters, in paragraphs of about
// 300. Each sentence is numbered, so text lost or repeated at a page break
// changes the whole.
std::vector<Block> LongParagraphs(int chars) {
  std::vector<Block> blocks;
  std::string paragraph;
  int written = 0;
  for (int i = 1; written < chars; ++i) {
    // 25 characters plus the digits of i.
    const std::string sentence = absl::StrCat(
        "第", i, "项：行政机关应当依法主动公开政府信息，接受社会监督。");
    paragraph += sentence;
    written += 25 + static_cast<int>(absl::StrCat(i).size());
    if (paragraph.size() > 900) {
      blocks.push_back({BlockStyle::kParagraph, std::move(paragraph)});
      paragraph.clear();
    }
  }
  if (!paragraph.empty()) {
    blocks.push_back({BlockStyle::kParagraph, std::move(paragraph)});
  }
  return blocks;
}

TEST(RenderPdfTest, WritesPdfFile) {
  absl::StatusOr<std::string> pdf = RenderPdf(ReplyLetterSpec());
  ASSERT_THAT(pdf, IsOk());
  EXPECT_THAT(*pdf, StartsWith("%PDF-"));
  EXPECT_TRUE(
      absl::EndsWith(absl::StripTrailingAsciiWhitespace(*pdf), "%%EOF"));
}

TEST(RenderPdfTest, ExtractedTextContainsEveryBlock) {
  const PdfDocumentSpec spec = ReplyLetterSpec();
  absl::StatusOr<std::string> pdf = RenderPdf(spec);
  ASSERT_THAT(pdf, IsOk());
  absl::StatusOr<std::string> text = ExtractPdfText(*pdf);
  ASSERT_THAT(text, IsOk());
  const std::string extracted = WithoutWhitespace(*text);
  for (size_t i = 0; i < spec.blocks.size(); ++i) {
    EXPECT_THAT(extracted, HasSubstr(WithoutWhitespace(spec.blocks[i].text)))
        << "blocks[" << i << "]";
  }
}

TEST(RenderPdfTest, LetterFitsOnOneA4Page) {
  absl::StatusOr<std::string> pdf = RenderPdf(ReplyLetterSpec());
  ASSERT_THAT(pdf, IsOk());
  std::unique_ptr<poppler::document> doc = LoadWithPoppler(*pdf);
  ASSERT_NE(doc, nullptr);
  ASSERT_EQ(doc->pages(), 1);
  std::unique_ptr<poppler::page> page(doc->create_page(0));
  ASSERT_NE(page, nullptr);
  EXPECT_NEAR(page->page_rect().width(), 595.276, 0.01);
  EXPECT_NEAR(page->page_rect().height(), 841.89, 0.01);
}

TEST(RenderPdfTest, SetsDocumentTitle) {
  absl::StatusOr<std::string> pdf = RenderPdf(ReplyLetterSpec());
  ASSERT_THAT(pdf, IsOk());
  std::unique_ptr<poppler::document> doc = LoadWithPoppler(*pdf);
  ASSERT_NE(doc, nullptr);
  const poppler::byte_array title = doc->get_title().to_utf8();
  EXPECT_EQ(std::string(title.begin(), title.end()), "政府信息公开申请答复书");
}

TEST(RenderPdfTest, LongTextFlowsOntoNumberedPages) {
  PdfDocumentSpec spec;
  spec.blocks = LongParagraphs(3000);
  absl::StatusOr<std::string> pdf = RenderPdf(spec);
  ASSERT_THAT(pdf, IsOk());
  absl::StatusOr<std::string> text = ExtractPdfText(*pdf);
  ASSERT_THAT(text, IsOk());

  const std::vector<std::string> pages = absl::StrSplit(*text, '\f');
  ASSERT_GE(pages.size(), 3u);
  const int total = static_cast<int>(pages.size());
  for (int n = 1; n <= total; ++n) {
    EXPECT_THAT(pages[n - 1],
                HasSubstr(absl::StrCat("第 ", n, " 页 共 ", total, " 页")))
        << "page " << n;
  }
  // Every line arrives once and in order across the page breaks.
  std::string expected;
  for (const Block& block : spec.blocks) expected += block.text;
  EXPECT_EQ(WithoutPageNumbers(WithoutWhitespace(*text), total),
            WithoutWhitespace(expected));
}

TEST(RenderPdfTest, EmptySpecGivesOneNumberedPage) {
  absl::StatusOr<std::string> pdf = RenderPdf(PdfDocumentSpec{});
  ASSERT_THAT(pdf, IsOk());
  absl::StatusOr<std::string> text = ExtractPdfText(*pdf);
  ASSERT_THAT(text, IsOk());
  EXPECT_EQ(WithoutWhitespace(*text), "第1页共1页");
}

TEST(RenderPdfTest, RedactionMarksAreTextAndNothingIsAdded) {
  PdfDocumentSpec spec;
  spec.blocks = {
      {BlockStyle::kParagraph, "施工单位开户银行账号：■■■，联系人：■■。"},
  };
  absl::StatusOr<std::string> pdf = RenderPdf(spec);
  ASSERT_THAT(pdf, IsOk());
  absl::StatusOr<std::string> text = ExtractPdfText(*pdf);
  ASSERT_THAT(text, IsOk());
  const std::string extracted = WithoutWhitespace(*text);
  EXPECT_THAT(extracted, HasSubstr("账号：■■■，联系人：■■。"));
  // The withheld number was never in the blocks, so it is not in the file.
  EXPECT_THAT(extracted, Not(HasSubstr("6222")));
  EXPECT_THAT(*pdf, Not(HasSubstr("6222")));
  EXPECT_EQ(WithoutPageNumbers(extracted, 1),
            "施工单位开户银行账号：■■■，联系人：■■。");
}

TEST(RenderPdfTest, RejectsInvalidUtf8NamingTheBlock) {
  PdfDocumentSpec spec = ReplyLetterSpec();
  spec.blocks[2].text = "张三\xE6\x94";
  EXPECT_THAT(RenderPdf(spec), StatusIs(absl::StatusCode::kInvalidArgument,
                                        HasSubstr("blocks[2].text")));
}

TEST(RenderPdfTest, RejectsControlCharactersNamingTheBlock) {
  for (const std::string& text :
       {std::string("一、\0关于", 11), std::string("一、\x01关于"),
        std::string("一、\x7F关于")}) {
    PdfDocumentSpec spec = ReplyLetterSpec();
    spec.blocks[4].text = text;
    EXPECT_THAT(RenderPdf(spec), StatusIs(absl::StatusCode::kInvalidArgument,
                                          HasSubstr("blocks[4].text")));
  }
}

TEST(RenderPdfTest, KeepsTabsAndLineBreaks) {
  PdfDocumentSpec spec;
  spec.blocks = {{BlockStyle::kPlain, "甲\t乙\r\n丙\n丁"}};
  absl::StatusOr<std::string> pdf = RenderPdf(spec);
  ASSERT_THAT(pdf, IsOk());
  absl::StatusOr<std::string> text = ExtractPdfText(*pdf);
  ASSERT_THAT(text, IsOk());
  EXPECT_THAT(*text, HasSubstr("丙\n丁"));
  EXPECT_EQ(WithoutPageNumbers(WithoutWhitespace(*text), 1), "甲乙丙丁");
}

TEST(RenderPdfTest, RejectsInvalidUtf8Title) {
  PdfDocumentSpec spec = ReplyLetterSpec();
  spec.title = "\xFF";
  EXPECT_THAT(RenderPdf(spec),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("title")));
}

TEST(RenderPdfTest, RejectsTextOverTheLimit) {
  PdfDocumentSpec spec;
  spec.blocks = {{BlockStyle::kPlain, std::string(kMaxPdfTextBytes / 2, 'a')},
                 {BlockStyle::kPlain, std::string(kMaxPdfTextBytes / 2, 'b')},
                 {BlockStyle::kPlain, "c"}};
  EXPECT_THAT(RenderPdf(spec), StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(RenderPdfTest, ConcurrentRendersAllSucceed) {
  constexpr int kThreads = 4;
  constexpr int kRendersPerThread = 3;
  std::vector<absl::Status> results(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([t, &results] {
      for (int i = 0; i < kRendersPerThread; ++i) {
        PdfDocumentSpec spec = ReplyLetterSpec();
        const std::string marker = absl::StrCat("线程", t, "第", i, "次");
        spec.blocks.push_back({BlockStyle::kParagraph, marker});
        absl::StatusOr<std::string> pdf = RenderPdf(spec);
        if (!pdf.ok()) {
          results[t] = pdf.status();
          return;
        }
        absl::StatusOr<std::string> text = ExtractPdfText(*pdf);
        if (!text.ok()) {
          results[t] = text.status();
          return;
        }
        if (!absl::StrContains(WithoutWhitespace(*text), marker)) {
          results[t] = absl::InternalError(absl::StrCat("lost ", marker));
          return;
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int t = 0; t < kThreads; ++t) {
    EXPECT_THAT(results[t], IsOk()) << "thread " << t;
  }
}

// Runs poppler-utils' pdftotext on `pdf`; returns its UTF-8 output, or an
// error if the tool is missing or fails.
absl::StatusOr<std::string> RunPdftotext(const std::string& pdf) {
  const std::string path =
      absl::StrCat(::testing::TempDir(), "/pdf_test_", getpid(), ".pdf");
  {
    std::ofstream file(path, std::ios::binary);
    file.write(pdf.data(), static_cast<std::streamsize>(pdf.size()));
    if (!file) return absl::InternalError("cannot write " + path);
  }
  FILE* pipe =
      popen(absl::StrCat("pdftotext -q -enc UTF-8 '", path, "' - 2>/dev/null")
                .c_str(),
            "r");
  if (pipe == nullptr) return absl::UnavailableError("popen failed");
  std::string out;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof(buffer), pipe)) > 0)
    out.append(buffer, n);
  const int rc = pclose(pipe);
  std::remove(path.c_str());
  if (rc != 0) return absl::UnavailableError(absl::StrCat("pdftotext: ", rc));
  return out;
}

TEST(RenderPdfTest, PdftotextAgreesWithExtractPdfText) {
  absl::StatusOr<std::string> pdf = RenderPdf(ReplyLetterSpec());
  ASSERT_THAT(pdf, IsOk());
  absl::StatusOr<std::string> ours = ExtractPdfText(*pdf);
  ASSERT_THAT(ours, IsOk());
  absl::StatusOr<std::string> theirs = RunPdftotext(*pdf);
  if (!theirs.ok())
    GTEST_SKIP() << "pdftotext unavailable: " << theirs.status();

  const std::string ours_flat = WithoutWhitespace(*ours);
  const std::string theirs_flat = WithoutWhitespace(*theirs);
  for (absl::string_view key :
       {"政府信息公开申请答复书", "〔2024〕区住建公开第17号",
        "YSQ-2024-0305-017", "3,860.5万元", "处理部分以■■■标示。",
        "zhangsan@example.com", "010-12345678", "某区住房和城乡建设委员会",
        "2024年3月28日", "第1页共1页"}) {
    EXPECT_THAT(ours_flat, HasSubstr(key));
    EXPECT_THAT(theirs_flat, HasSubstr(key));
  }
}

TEST(ExtractPdfTextTest, RejectsBytesThatAreNotPdf) {
  EXPECT_THAT(ExtractPdfText("this is not a PDF file at all"),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(ExtractPdfText(std::string(4096, '\xA5')),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(ExtractPdfText("%PDF-1.5\n\x01\x02\x03 garbage"),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(ExtractPdfText(""), StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(ExtractPdfTextTest, RejectsInputOverTheLimit) {
  std::string pdf = *RenderPdf(ReplyLetterSpec());
  pdf.resize(kMaxPdfInputBytes + 1, ' ');
  EXPECT_THAT(ExtractPdfText(pdf),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

// The padding string of the PDF standard security handler (ISO 32000-1,
// 7.6.3.3, Algorithm 2).
constexpr unsigned char kPasswordPad[32] = {
    0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E,
    0x56, 0xFF, 0xFA, 0x01, 0x08, 0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68,
    0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A};

std::string Md5(absl::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest(data.data(), data.size(), digest, &size, EVP_md5(), nullptr);
  return std::string(reinterpret_cast<const char*>(digest), size);
}

std::string Rc4(absl::string_view key, std::string data) {
  unsigned char s[256];
  for (int i = 0; i < 256; ++i) s[i] = static_cast<unsigned char>(i);
  for (int i = 0, j = 0; i < 256; ++i) {
    j = (j + s[i] + static_cast<unsigned char>(key[i % key.size()])) & 255;
    std::swap(s[i], s[j]);
  }
  int i = 0;
  int j = 0;
  for (char& c : data) {
    i = (i + 1) & 255;
    j = (j + s[i]) & 255;
    std::swap(s[i], s[j]);
    c = static_cast<char>(c ^ s[(s[i] + s[j]) & 255]);
  }
  return data;
}

// A one-page PDF under the standard security handler (RC4 40-bit, revision
// 2) with an empty owner password. With `user_password_is_empty`, any reader
// opens it without asking (the common "permissions only" encryption);
// otherwise its /U entry matches no password, so it stays locked.
std::string EncryptedPdf(bool user_password_is_empty) {
  const std::string pad(reinterpret_cast<const char*>(kPasswordPad), 32);
  const std::string id(16, '\xAA');
  const std::string permissions("\xFC\xFF\xFF\xFF", 4);  // /P -4
  // Algorithm 3 (owner entry) with no owner password: the user padding
  // encrypted under MD5(padding).
  const std::string owner = Rc4(Md5(pad).substr(0, 5), pad);
  // Algorithms 2 and 4 (file key and user entry) for the empty password.
  const std::string file_key =
      Md5(absl::StrCat(pad, owner, permissions, id)).substr(0, 5);
  const std::string user =
      user_password_is_empty ? Rc4(file_key, pad) : std::string(32, '\x55');
  const std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
      absl::StrCat("<< /Filter /Standard /V 1 /R 2 /O <",
                   absl::BytesToHexString(owner), "> /U <",
                   absl::BytesToHexString(user), "> /P -4 >>"),
  };
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    absl::StrAppend(&pdf, i + 1, " 0 obj\n", objects[i], "\nendobj\n");
  }
  const size_t xref = pdf.size();
  absl::StrAppend(&pdf, "xref\n0 ", objects.size() + 1,
                  "\n0000000000 65535 f \n");
  for (size_t offset : offsets) {
    absl::StrAppend(&pdf, absl::Dec(offset, absl::kZeroPad10), " 00000 n \n");
  }
  const std::string hex_id = absl::BytesToHexString(id);
  absl::StrAppend(&pdf, "trailer\n<< /Size ", objects.size() + 1,
                  " /Root 1 0 R /Encrypt 4 0 R /ID [<", hex_id, "> <", hex_id,
                  ">] >>\nstartxref\n", xref, "\n%%EOF\n");
  return pdf;
}

TEST(ExtractPdfTextTest, RejectsPasswordProtectedPdf) {
  const std::string pdf = EncryptedPdf(/*user_password_is_empty=*/false);
  ASSERT_TRUE(LoadWithPoppler(pdf)->is_locked());
  EXPECT_THAT(ExtractPdfText(pdf),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(ExtractPdfTextTest, RejectsEncryptedPdfThatOpensWithoutPassword) {
  const std::string pdf = EncryptedPdf(/*user_password_is_empty=*/true);
  std::unique_ptr<poppler::document> doc = LoadWithPoppler(pdf);
  ASSERT_FALSE(doc->is_locked());
  ASSERT_TRUE(doc->is_encrypted());
  EXPECT_THAT(ExtractPdfText(pdf),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

}  // namespace
}  // namespace foi::pdf
