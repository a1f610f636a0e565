#include "libs/server/worker_pool.h"

#include <atomic>

#include "absl/synchronization/notification.h"
#include "gtest/gtest.h"

namespace foi::server {
namespace {

TEST(WorkerPoolTest, RunsEveryScheduledTaskBeforeDestruction) {
  std::atomic<int> ran{0};
  {
    WorkerPool pool(2, 100);
    for (int i = 0; i < 50; ++i) {
      ASSERT_TRUE(pool.TrySchedule([&] { ++ran; }));
    }
  }
  EXPECT_EQ(ran.load(), 50);
}

TEST(WorkerPoolTest, ShedsLoadWhenTheQueueIsFull) {
  absl::Notification release;
  absl::Notification started;
  WorkerPool pool(1, 1);
  ASSERT_TRUE(pool.TrySchedule([&] {
    started.Notify();
    release.WaitForNotification();
  }));
  started.WaitForNotification();
  EXPECT_TRUE(pool.TrySchedule([] {}));   // waits in the queue
  EXPECT_FALSE(pool.TrySchedule([] {}));  // queue full
  release.Notify();
}

}  // namespace
}  // namespace foi::server
