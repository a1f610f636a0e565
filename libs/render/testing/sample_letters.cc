#include "libs/render/testing/sample_letters.h"

#include <utility>

#include "absl/time/civil_time.h"
#include "libs/rules/fee_schedule.h"

namespace foi::testing {
namespace {

using render::LetterData;
using render::LetterKind;
using render::WithheldItem;
using rules::ExemptionGround;
using rules::OutcomeReason;
using rules::ReplyOutcome;

constexpr char kRegulation[] = "根据《中华人民共和国政府信息公开条例》";

LetterData Base(LetterKind kind, std::string case_number, std::string applicant,
                std::string summary, int seq) {
  LetterData d;
  d.kind = kind;
  d.case_number = std::move(case_number);
  d.applicant_name = std::move(applicant);
  d.request_summary = std::move(summary);
  d.receipt_date = absl::CivilDay(2026, 11, 2);
  d.letter_date = absl::CivilDay(2026, 11, 20);
  d.document_seq = seq;
  return d;
}

LetterData Reply(ReplyOutcome outcome, std::string case_number,
                 std::string applicant, std::string summary, int seq) {
  LetterData d = Base(LetterKind::kReply, std::move(case_number),
                      std::move(applicant), std::move(summary), seq);
  d.outcome = outcome;
  return d;
}

std::string Op(const std::string& article, const std::string& rest) {
  return std::string(kRegulation) + article + "的规定，" + rest;
}

std::string Fee(const std::string& measures_article,
                const std::string& method) {
  return std::string(kRegulation) +
         "第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号"
         "）" +
         measures_article + "的规定，本机关决定对该申请收取信息处理费（" +
         method + "）";
}

}  // namespace

std::vector<SampleLetter> SampleLetters() {
  std::vector<SampleLetter> out;

  {
    LetterData d =
        Reply(ReplyOutcome::kAlreadyPublic, "YL-2026-000311", "张明华",
              "云岭市国土空间总体规划（2021—2035年）批复文件", 201);
    d.where_to_get =
        "登录云岭市人民政府门户网站（www.yunling.gov.cn），在“政府信息公开—"
        "法定主动公开内容—规划信息”栏目查阅，该文件于2025年3月12日发布";
    out.push_back(
        {"reply_already_public", d,
         Op("第三十六条第（一）项", "现告知您获取该政府信息的方式和途径"),
         "第三十六条第（一）项"});
  }
  {
    LetterData d =
        Reply(ReplyOutcome::kDisclosed, "YL-2026-000312", "李秀英",
              "云溪区滨江片区2025年度国有土地上房屋征收补偿方案", 202);
    d.delivery_form = "纸质复印件";
    d.delivery_route = "邮政挂号信寄至您申请中填写的通信地址";
    d.pages = 12;
    out.push_back({"reply_disclosed", d,
                   Op("第三十六条第（二）项", "本机关决定予以公开"),
                   "第三十六条第（二）项"});
  }
  {
    LetterData d =
        Reply(ReplyOutcome::kPartiallyDisclosed, "YL-2026-000313",
              "云岭市绿洲环保科技有限公司",
              "云岭市2025年度土地整治项目测绘服务采购合同及验收报告", 203);
    d.grounds = {ExemptionGround::kThirdPartyRights,
                 ExemptionGround::kProcessInformation};
    d.withheld = {
        WithheldItem{"合同第5页所载中标单位的银行账号及开户行",
                     ExemptionGround::kThirdPartyRights,
                     "经书面征求意见，该单位不同意公开且理由合理"},
        WithheldItem{"验收报告附件3专家组内部讨论记录",
                     ExemptionGround::kProcessInformation, ""},
    };
    d.delivery_form = "电子文档（PDF格式）";
    d.delivery_route = "电子邮件发送至您申请中填写的电子邮箱";
    d.pages = 46;
    out.push_back({"reply_partially_disclosed", d,
                   Op("第三十七条", "本机关对可以公开的内容予以公开"),
                   "第三十七条"});
  }
  {
    LetterData d =
        Reply(ReplyOutcome::kNotDisclosed, "YL-2026-000314", "王建国",
              "2026年云溪区土地储备计划调整的内部请示及领导批示", 204);
    d.grounds = {ExemptionGround::kProcessInformation};
    d.reason_detail =
        "该请示及批示系本机关报请审定土地储备计划调整过程中形成的内部文稿，"
        "相关计划尚未最终确定";
    out.push_back(
        {"reply_not_disclosed", d,
         Op("第十六条第二款和第三十六条第（三）项", "本机关决定不予公开"),
         "第三十六条第（三）项"});
  }
  {
    LetterData d = Reply(ReplyOutcome::kCannotProvide, "YL-2026-000315", "赵丽",
                         "1985年云溪乡集体土地征收的原始档案", 205);
    d.reason = OutcomeReason::kNotHeld;
    d.reason_detail =
        "经查询本机关档案室及市城建档案馆接收本机关移交档案的目录，均无该档案"
        "的记载";
    out.push_back(
        {"reply_cannot_provide_not_held", d,
         Op("第三十六条第（四）项", "现告知您：您申请公开的政府信息不存在"),
         "第三十六条第（四）项"});
  }
  {
    LetterData d =
        Reply(ReplyOutcome::kCannotProvide, "YL-2026-000316", "钱伟",
              "2016年至2025年全市各乡镇耕地占补平衡情况的统计分析报告", 206);
    d.reason = OutcomeReason::kNeedsNewInformation;
    d.reason_detail =
        "本机关未制作该统计分析报告，需对各年度分散在不同项目档案中的数据进行"
        "汇总、分析后方能形成";
    out.push_back({"reply_cannot_provide_needs_new_information", d,
                   Op("第三十八条", "本机关不予提供"), "第三十八条"});
  }
  {
    LetterData d = Reply(ReplyOutcome::kCannotProvide, "YL-2026-000317",
                         "孙桂兰", "关于我家房子的所有文件", 207);
    d.reason = OutcomeReason::kUnclearAfterCorrection;
    d.correction_notice_date = absl::CivilDay(2026, 11, 6);
    out.push_back({"reply_cannot_provide_unclear_after_correction", d,
                   Op("第三十条", "本机关无法向您提供所申请的政府信息"),
                   "第三十条"});
  }
  {
    LetterData d = Reply(ReplyOutcome::kNotThisAgency, "YL-2026-000318", "周杰",
                         "云岭市2025年度城市道路养护资金使用情况", 208);
    d.reason_detail =
        "城市道路养护资金的管理和使用属于云岭市住房和城乡建设局的职责，本机关"
        "未制作或者保存该信息";
    d.other_agency = "云岭市住房和城乡建设局";
    d.other_agency_contact =
        "电话0871-6588 2301，地址云岭市云溪区滨江路88号市民中心A座5楼";
    out.push_back({"reply_not_this_agency", d,
                   Op("第三十六条第（五）项", "现告知您"),
                   "第三十六条第（五）项"});
  }
  {
    LetterData d = Reply(ReplyOutcome::kNotProcessed, "YL-2026-000319", "吴强",
                         "举报云溪区锦绣花园小区违法建设并要求查处", 209);
    d.reason = OutcomeReason::kPetitionOrComplaint;
    d.where_to_get = "云岭市12345政务服务便民热线或者本机关信访接待窗口";
    out.push_back({"reply_not_processed_petition_or_complaint", d,
                   Op("第三十九条第一款", "本机关不作为政府信息公开申请处理"),
                   "第三十九条第一款"});
  }
  {
    LetterData d =
        Reply(ReplyOutcome::kNotProcessed, "YL-2026-000320", "郑红",
              "云溪区滨江片区2025年度国有土地上房屋征收补偿方案", 210);
    d.reason = OutcomeReason::kRepeatedApplication;
    d.earlier_reply_date = absl::CivilDay(2026, 9, 18);
    d.earlier_document_number = "云自然资规依公开〔2026〕156号";
    out.push_back({"reply_not_processed_repeated_application", d,
                   Op("第三十六条第（六）项", "本机关不予重复处理"),
                   "第三十六条第（六）项"});
  }
  {
    LetterData d = Reply(ReplyOutcome::kNotProcessed, "YL-2026-000321", "冯磊",
                         "《云岭市人民政府公报》2025年第6期", 211);
    d.reason = OutcomeReason::kPublishedMaterial;
    d.where_to_get =
        "登录云岭市人民政府门户网站“政府公报”栏目免费查阅或者下载，或者到云岭"
        "市图书馆查阅";
    out.push_back({"reply_not_processed_published_material", d,
                   Op("第三十九条第二款", "现告知您获取途径"),
                   "第三十九条第二款"});
  }
  {
    LetterData d =
        Reply(ReplyOutcome::kNotProcessed, "YL-2026-000322", "陈晓东",
              "云岭市各街道2026年10月每日受理的规划咨询登记表", 212);
    d.reason = OutcomeReason::kUnreasonableVolume;
    d.reason_detail = "您于2026年10月共向本机关提交内容相近的申请63件";
    out.push_back({"reply_not_processed_unreasonable_volume", d,
                   Op("第三十五条", "本机关不予处理"), "第三十五条"});
  }
  {
    LetterData d = Reply(
        ReplyOutcome::kNotProcessed, "YL-2026-000323", "褚国平",
        "确认本机关2024年核发的建设用地规划许可证（地字第530100202400123号）"
        "真实有效",
        213);
    d.reason = OutcomeReason::kConfirmationRequest;
    out.push_back({"reply_not_processed_confirmation_request", d,
                   Op("第三十六条", "本机关不作为政府信息公开申请处理"),
                   "第三十六条"});
  }
  {
    LetterData d = Reply(ReplyOutcome::kSpecialRegime, "YL-2026-000324", "卫芳",
                         "云溪区滨江路12号房屋的不动产登记簿记载信息", 214);
    d.regime_name = "不动产登记资料";
    d.regime_law = "《不动产登记暂行条例》和《不动产登记资料查询暂行办法》";
    d.where_to_get =
        "持身份证明到云岭市不动产登记中心（云溪区滨江路90号）查询窗口申请查询";
    out.push_back(
        {"reply_special_regime", d,
         Op("第三十六条第（七）项",
            "请您依照《不动产登记暂行条例》和《不动产登记资料查询暂行办"
            "法》的规定办理"),
         "第三十六条第（七）项"});
  }
  {
    LetterData d = Base(LetterKind::kCorrectionNotice, "YL-2026-000325",
                        "蒋志强", "我家附近那块地的规划", 31);
    d.letter_date = absl::CivilDay(2026, 11, 6);
    d.correction_items = {
        "请明确所申请信息涉及地块的具体位置，如所在街道、门牌号或者宗地编号",
        "请明确所申请的规划信息种类，如控制性详细规划、规划条件或者建设工程规划"
        "许可证",
        "请明确所申请信息的大致形成时间"};
    d.correction_deadline = absl::CivilDay(2026, 11, 27);
    out.push_back({"correction_notice", d,
                   Op("第三十条", "现一次性告知您对下列事项作出补正"),
                   "第三十条"});
  }
  {
    LetterData d =
        Base(LetterKind::kExtensionNotice, "YL-2026-000326", "沈丽娟",
             "云溪区2021年至2025年集体土地征收项目的征地批复、补偿登记"
             "及安置方案",
             12);
    d.letter_date = absl::CivilDay(2026, 11, 25);
    d.due_date = absl::CivilDay(2026, 11, 30);
    d.new_due_date = absl::CivilDay(2026, 12, 28);
    d.extension_reason =
        "您申请公开的信息涉及5个年度、27个征收项目，数量较大，需要调取档案并逐"
        "件审核";
    out.push_back(
        {"extension_notice", d,
         Op("第三十三条第二款",
            "经本机关政府信息公开工作机构负责人同意，答复期限延长至2026"
            "年12月28日"),
         "第三十三条第二款"});
  }
  {
    LetterData d =
        Base(LetterKind::kConsultationLetter, "YL-2026-000313", "",
             "云岭市2025年度土地整治项目测绘服务采购合同及验收报告", 7);
    d.letter_date = absl::CivilDay(2026, 11, 9);
    d.third_party_name = "云岭市恒达测绘有限公司";
    d.consulted_information =
        "您单位在该采购项目中提交的投标报价明细及银行账户信息";
    out.push_back({"consultation_letter", d,
                   Op("第三十二条", "现书面征求您的意见"), "第三十二条"});
  }
  {
    LetterData d = Base(LetterKind::kFeeNotice, "YL-2026-000327", "韩斌",
                        "云溪区2026年10月核发的全部建设工程规划许可证", 5);
    d.receipt_date = absl::CivilDay(2026, 11, 24);
    d.letter_date = absl::CivilDay(2026, 11, 26);
    d.fee = *rules::QuoteByCount(35);
    out.push_back(
        {"fee_notice_by_count", d, Fee("第四条", "按件计收"), "第四十二条"});
  }
  {
    LetterData d = Base(LetterKind::kFeeNotice, "YL-2026-000328", "杨敏",
                        "2025年度全市国有建设用地使用权出让合同（共86宗）", 6);
    d.letter_date = absl::CivilDay(2026, 11, 10);
    d.fee = *rules::QuoteByPages(420);
    out.push_back(
        {"fee_notice_by_pages", d, Fee("第五条", "按量计收"), "第四十二条"});
  }
  return out;
}

void PrintTo(const SampleLetter& sample, std::ostream* os) {
  *os << sample.name;
}

}  // namespace foi::testing
