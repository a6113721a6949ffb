// EventLog (sim/common/src/event_log.cpp): the --events CSV's header and
// lines, an unwritable path, and closing.
#include "sim_common/event_log.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace {

TEST(EventLog, writes_header_and_one_line_per_event) {
  simc_test::TempDir dir;
  simc::EventLog log;
  std::string err;
  ASSERT_TRUE(log.open(dir.file("ev.csv"), err)) << err;
  EXPECT_TRUE(log.is_open());
  log.mark(1234, 0, "rt.resume");
  log.irq(1300, 1, true);
  log.mark(1301, 3, "name, with comma");
  log.irq(1342, 1, false);
  log.marker(1500, 2);
  log.marker(1501, 0xdeadbeef);
  log.mark(uint64_t(1) << 40, 1, "late");
  ASSERT_TRUE(log.close(err)) << err;
  EXPECT_FALSE(log.is_open());
  EXPECT_EQ(simc_test::read_text(dir.file("ev.csv")),
            "cycle,hart,kind,name\n"
            "1234,0,mark,rt.resume\n"
            "1300,,irq,irq1\n"
            "1301,3,mark,name, with comma\n"
            "1342,,irq_fall,irq1\n"
            "1500,,marker,0x2\n"
            "1501,,marker,0xdeadbeef\n"
            "1099511627776,1,mark,late\n");
  EXPECT_TRUE(log.close(err)) << "closing twice";
}

TEST(EventLog, unwritable_path_is_one_clear_line) {
  simc_test::TempDir dir;
  simc::EventLog log;
  std::string err;
  EXPECT_FALSE(log.open(dir.file("no/such/dir/ev.csv"), err));
  EXPECT_EQ(err,
            "cannot write '" + dir.file("no/such/dir/ev.csv") + "': No such file or directory");
  EXPECT_FALSE(log.is_open());
  EXPECT_FALSE(log.open(dir.path(), err));
  EXPECT_EQ(err, "cannot write '" + dir.path() + "': Is a directory");
}

TEST(EventLog, full_disk_is_reported_at_close) {
  simc::EventLog log;
  std::string err;
  if (!log.open("/dev/full", err)) GTEST_SKIP() << "no /dev/full";
  for (int i = 0; i < 100000; ++i) log.mark(uint64_t(i), 0, "filler");
  EXPECT_FALSE(log.close(err));
  EXPECT_EQ(err.rfind("error writing '/dev/full': ", 0), 0u) << err;
}

}  // namespace
