// A realistic reply letter to an application for government information, for
// tests and benchmarks of libs/pdf: title, document number, addressee,
// numbered paragraphs mixing Chinese with ASCII and digits, a redaction
// (■■■), attachments and a right-aligned signature and date. About 800
// characters, one A4 page.
//
// Thread safety: a pure function, safe to call concurrently.
#ifndef FOI_LIBS_PDF_TESTING_SAMPLE_LETTER_H_
#define FOI_LIBS_PDF_TESTING_SAMPLE_LETTER_H_

#include "libs/pdf/pdf_document.h"

namespace foi::testing {

// Returns the sample letter. Its content is fixed, so tests may look for any
// of its strings in the output.
inline pdf::PdfDocumentSpec ReplyLetterSpec() {
  using pdf::BlockStyle;
  return pdf::PdfDocumentSpec{
      "政府信息公开申请答复书",
      {
          {BlockStyle::kTitle, "政府信息公开申请答复书"},
          {BlockStyle::kSubtitle, "〔2024〕区住建公开第17号"},
          {BlockStyle::kPlain, "张三先生："},
          {BlockStyle::kParagraph,
           "本机关于2024年3月5日收到您通过在线平台提交的政府信息公开申请"
           "（申请编号：YSQ-2024-0305-017），您申请获取“2023年度本区老旧小区"
           "改造项目的资金使用明细及验收报告”。根据《中华人民共和国政府信息"
           "公开条例》（以下简称《条例》）第三十三条的规定，本机关应当自收到"
           "申请之日起20个工作日内予以答复。现将有关情况答复如下："},
          {BlockStyle::kHeading, "一、关于资金使用明细"},
          {BlockStyle::kParagraph,
           "经检索，本机关保存有2023年度老旧小区改造项目资金拨付汇总表共1份，"
           "涉及12个小区、总金额3,860.5万元。根据《条例》第三十六条第（二）项"
           "的规定，本机关向您提供该汇总表的电子版本，详见附件1。其中涉及施工"
           "单位银行账号的内容属于第三方商业秘密，公开后可能损害第三方合法权益"
           "，"
           "已依照《条例》第十五条、第三十七条的规定作区分处理，处理部分以"
           "■■■标示。"},
          {BlockStyle::kHeading, "二、关于验收报告"},
          {BlockStyle::kParagraph,
           "经检索，12个小区中已有9个完成竣工验收，相应验收报告由本机关保存，"
           "予以公开；其余3个小区尚在施工，验收报告尚未制作，根据《条例》第三"
           "十六条第（五）项的规定，本机关告知您该部分信息不存在。预计上述3个"
           "小区将于2024年第四季度完成验收，届时您可以重新提出申请。"},
          {BlockStyle::kHeading, "三、关于获取方式"},
          {BlockStyle::kParagraph,
           "您在申请中选择以电子邮件方式获取信息，本机关已于本答复书出具之日将"
           "上述材料发送至您预留的邮箱（zhangsan@example.com）。如因附件较大"
           "未能收到，请于收到本答复书之日起15个工作日内与本机关联系，联系电话"
           "："
           "010-12345678，联系人：李老师。"},
          {BlockStyle::kParagraph,
           "如对本答复不服，您可以自收到本答复书之日起60日内向某市人民政府申请"
           "行政复议，或者自收到本答复书之日起6个月内向某区人民法院提起行政"
           "诉讼。"},
          {BlockStyle::kPlain,
           "附件：1. 2023年度老旧小区改造项目资金拨付汇总表\n"
           "　　　2. 老旧小区改造项目竣工验收报告（9份）"},
          {BlockStyle::kRightAligned, "某区住房和城乡建设委员会"},
          {BlockStyle::kRightAligned, "2024年3月28日"},
      }};
}

}  // namespace foi::testing

#endif  // FOI_LIBS_PDF_TESTING_SAMPLE_LETTER_H_
