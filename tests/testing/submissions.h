// Realistic submissions for integration and end-to-end tests.
#ifndef FOI_TESTS_TESTING_SUBMISSIONS_H_
#define FOI_TESTS_TESTING_SUBMISSIONS_H_

#include <string>

#include "absl/strings/str_cat.h"
#include "foi/v1/intake_service.pb.h"

namespace foi::testing {

// A valid online application by a natural person; `variant` changes the
// description so that different variants are different applications.
inline v1::SubmitApplicationRequest ValidSubmission(std::string request_id,
                                                    int variant = 0) {
  v1::SubmitApplicationRequest req;
  req.set_request_id(std::move(request_id));
  v1::Case& c = *req.mutable_case_();
  v1::Applicant& a = *c.mutable_applicant();
  a.set_type(v1::NATURAL_PERSON);
  a.set_name("张三");
  a.set_id_document_type(v1::RESIDENT_IDENTITY_CARD);
  a.set_id_document_number("11010519491231002X");
  a.set_phone("13800138000");
  a.set_email("zhangsan@example.cn");
  c.mutable_details()->set_information_description(
      absl::StrCat("请公开2025年本区老旧小区改造项目（第", variant,
                   "批）的资金使用明细及验收报告"));
  c.mutable_details()->set_delivery_form(v1::ELECTRONIC);
  c.mutable_details()->set_delivery_route(v1::BY_EMAIL);
  c.set_channel(v1::ONLINE);
  return req;
}

}  // namespace foi::testing

#endif  // FOI_TESTS_TESTING_SUBMISSIONS_H_
