#include "libs/common/json_writer.h"

#include "gtest/gtest.h"

namespace {

TEST(JsonObjectTest, EscapesQuotesControlCharactersAndKeepsUtf8) {
  const std::string json = foi::JsonObject()
                               .Add("reason", "说\"明\"\n\x01")
                               .Add("n", int64_t{3})
                               .Add("ok", true)
                               .Build();
  EXPECT_EQ(json,
            "{\"reason\":\"说\\\"明\\\"\\n\\u0001\",\"n\":3,\"ok\":true}");
}

TEST(JsonObjectTest, EmptyObject) {
  EXPECT_EQ(foi::JsonObject().Build(), "{}");
}

}  // namespace
