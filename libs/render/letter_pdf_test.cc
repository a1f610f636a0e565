#include "libs/render/letter_pdf.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/common/testing/status_matchers.h"
#include "libs/pdf/pdf_document.h"
#include "libs/render/letter_renderer.h"
#include "libs/render/testing/sample_letters.h"

#ifndef FOI_SOURCE_DIR
#error "FOI_SOURCE_DIR must name the source tree"
#endif

namespace {

using ::foi::pdf::ExtractPdfText;
using ::foi::render::Letter;
using ::foi::render::LetterKind;
using ::foi::render::LetterRenderer;
using ::foi::render::LoadAgencyConfig;
using ::foi::render::ToPdf;
using ::foi::testing::IsOk;
using ::foi::testing::SampleLetter;
using ::foi::testing::SampleLetters;
using ::testing::HasSubstr;
using ::testing::StartsWith;

std::string Squeeze(absl::string_view s) {
  std::string out = absl::StrReplaceAll(s, {{"\u3000", ""}});
  out.erase(std::remove_if(out.begin(), out.end(),
                           [](char c) { return absl::ascii_isspace(c); }),
            out.end());
  return out;
}

class LetterPdfTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto config =
        LoadAgencyConfig(FOI_SOURCE_DIR "/libs/render/testdata/agency.conf");
    ASSERT_THAT(config, IsOk());
    auto loaded =
        LetterRenderer::Load(FOI_SOURCE_DIR "/deploy/templates", *config);
    ASSERT_THAT(loaded, IsOk());
    renderer_ = *std::move(loaded);
  }

  std::unique_ptr<LetterRenderer> renderer_;
};

// For one letter of each kind (and each reply outcome), the PDF's own text
// carries the case number, the operative sentence and its article.
TEST_F(LetterPdfTest, PdfTextHasCaseNumberOperativeSentenceAndArticle) {
  for (const SampleLetter& sample : SampleLetters()) {
    SCOPED_TRACE(sample.name);
    absl::StatusOr<Letter> letter = renderer_->Render(sample.data);
    ASSERT_THAT(letter, IsOk());
    absl::StatusOr<std::string> pdf = ToPdf(*letter);
    ASSERT_THAT(pdf, IsOk());
    EXPECT_THAT(*pdf, StartsWith("%PDF-"));
    // FOI_RENDER_PDF_DIR=/some/dir keeps the PDFs for a look by eye.
    if (const char* dir = std::getenv("FOI_RENDER_PDF_DIR")) {
      std::ofstream(absl::StrCat(dir, "/", sample.name, ".pdf"),
                    std::ios::binary)
          << *pdf;
    }
    absl::StatusOr<std::string> text = ExtractPdfText(*pdf);
    ASSERT_THAT(text, IsOk());
    const std::string squeezed = Squeeze(*text);
    EXPECT_THAT(squeezed, HasSubstr(sample.data.case_number));
    EXPECT_THAT(squeezed, HasSubstr(sample.operative));
    EXPECT_THAT(squeezed, HasSubstr(sample.article));
    EXPECT_THAT(squeezed, HasSubstr(Squeeze(renderer_->config().seal_text)));
  }
}

TEST_F(LetterPdfTest, PdfOfHostileTextStillRendersItAsText) {
  SampleLetter sample = SampleLetters()[1];
  sample.data.applicant_name = "<script>alert(1)</script>";
  absl::StatusOr<Letter> letter = renderer_->Render(sample.data);
  ASSERT_THAT(letter, IsOk());
  absl::StatusOr<std::string> pdf = ToPdf(*letter);
  ASSERT_THAT(pdf, IsOk());
  absl::StatusOr<std::string> text = ExtractPdfText(*pdf);
  ASSERT_THAT(text, IsOk());
  EXPECT_THAT(Squeeze(*text), HasSubstr("<script>alert(1)</script>："));
}

}  // namespace
