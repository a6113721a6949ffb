// Unit tests of atsctl's protocol layer (host_sw/atsctl): CRC-32 against
// published vectors, frame encoding against bytes computed independently
// (Python zlib), the decoder's resynchronisation and error detection, the
// client's retry rules over a scripted link, and the image fit checks.
#include <gtest/gtest.h>

#include <cstring>
#include <deque>
#include <functional>
#include <set>
#include <string>
#include <thread>

#include "client.h"
#include "failure.h"
#include "image.h"
#include "protocol.h"
#include "rv_iss/elf_loader.h"

namespace {

using namespace atsctl;
namespace lp = loader_proto;

uint32_t crc_of(const std::string& s) {
  return crc32(reinterpret_cast<const uint8_t*>(s.data()), s.size());
}

TEST(Crc32, KnownVectors) {
  EXPECT_EQ(crc_of("123456789"), 0xCBF43926u);
  EXPECT_EQ(crc_of(""), 0x00000000u);
  EXPECT_EQ(crc_of("a"), 0xE8B7BE43u);
  EXPECT_EQ(crc_of("The quick brown fox jumps over the lazy dog"), 0x414FA339u);
}

TEST(Crc32, ContinuesAcrossPieces) {
  const std::string s = "The quick brown fox jumps over the lazy dog";
  for (size_t cut = 0; cut <= s.size(); ++cut) {
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    EXPECT_EQ(crc32(p + cut, s.size() - cut, crc32(p, cut)), crc_of(s)) << cut;
  }
}

TEST(Frame, InfoRequestMatchesIndependentEncoding) {
  // Python: body = struct.pack('<BBBHI', 1, 7, 0, 0, 0); SYNC + body + pack('<I', zlib.crc32(body))
  Frame f;
  f.cmd = lp::kCmdInfo;
  f.seq = 7;
  const std::vector<uint8_t> want = {0xa5, 0x5a, 0x01, 0x07, 0x00, 0x00, 0x00, 0x00,
                                     0x00, 0x00, 0x00, 0xf4, 0x09, 0xb7, 0xfb};
  EXPECT_EQ(encode(f), want);
}

TEST(Frame, LayoutIsLittleEndianWithCrcOverCmdToPayload) {
  Frame f;
  f.cmd = lp::kCmdWrite;
  f.seq = 0xAB;
  f.addr = 0x80001234;
  f.payload = {1, 2, 3};
  const auto w = encode(f);
  ASSERT_EQ(w.size(), lp::kHeaderBytes + 3 + lp::kCrcBytes);
  EXPECT_EQ(w[0], lp::kSync0);
  EXPECT_EQ(w[1], lp::kSync1);
  EXPECT_EQ(w[2], lp::kCmdWrite);
  EXPECT_EQ(w[3], 0xAB);
  EXPECT_EQ(w[4], 0);              // status
  EXPECT_EQ(w[5] | w[6] << 8, 3);  // len
  EXPECT_EQ(get_le32(w.data() + 7), 0x80001234u);
  EXPECT_EQ(w[11], 1);
  EXPECT_EQ(w[13], 3);
  EXPECT_EQ(get_le32(w.data() + 14), crc32(w.data() + 2, 12));
}

TEST(Frame, EncodeRejectsOversizePayload) {
  Frame f;
  f.payload.assign(lp::kMaxPayload + 1, 0);
  EXPECT_THROW(encode(f), std::length_error);
}

std::vector<FrameDecoder::Result> feed(FrameDecoder& d, const std::vector<uint8_t>& bytes,
                                       std::vector<Frame>* frames = nullptr) {
  std::vector<FrameDecoder::Result> out;
  for (uint8_t b : bytes) {
    Frame f;
    const auto r = d.push(b, f);
    if (r != FrameDecoder::Result::kNone) {
      out.push_back(r);
      if (frames) frames->push_back(f);
    }
  }
  return out;
}

TEST(Decoder, RoundTripsEverySize) {
  for (size_t n : {0u, 1u, 2u, 255u, 256u, 511u, 512u}) {
    Frame f;
    f.cmd = lp::kCmdRead | lp::kReplyFlag;
    f.seq = uint8_t(n);
    f.status = lp::kErrBusError;
    f.addr = 0x40000020u;
    for (size_t i = 0; i < n; ++i) f.payload.push_back(uint8_t(i * 31 + 7));
    FrameDecoder d;
    std::vector<Frame> got;
    const auto r = feed(d, encode(f), &got);
    ASSERT_EQ(r.size(), 1u) << n;
    EXPECT_EQ(r[0], FrameDecoder::Result::kFrame);
    EXPECT_EQ(got[0].cmd, f.cmd);
    EXPECT_EQ(got[0].seq, f.seq);
    EXPECT_EQ(got[0].status, f.status);
    EXPECT_EQ(got[0].addr, f.addr);
    EXPECT_EQ(got[0].payload, f.payload);
  }
}

TEST(Decoder, SkipsGarbageAndKeepsARepeatedSync0) {
  Frame f;
  f.cmd = lp::kCmdInfo;
  std::vector<uint8_t> bytes = {0x00, 0x5a, 0xa5, 0x13, 0xa5, 0xa5};
  const auto w = encode(f);
  bytes.insert(bytes.end(), w.begin() + 1, w.end());  // the last 0xa5 above is this frame's SYNC0
  FrameDecoder d;
  const auto r = feed(d, bytes);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0], FrameDecoder::Result::kFrame);
  EXPECT_EQ(d.skipped(), 5u);
}

TEST(Decoder, NoSingleBitErrorPassesAsAFrame) {
  Frame f;
  f.cmd = lp::kCmdWrite;
  f.seq = 3;
  f.addr = 0x80000000u;
  f.payload = {0xde, 0xad, 0xbe, 0xef, 0x00, 0x11};
  const auto w = encode(f);
  for (size_t bit = 16; bit < w.size() * 8; ++bit) {  // every bit after the sync bytes
    auto bad = w;
    bad[bit / 8] ^= uint8_t(1u << (bit % 8));
    FrameDecoder d;
    for (auto r : feed(d, bad)) EXPECT_NE(r, FrameDecoder::Result::kFrame) << "bit " << bit;
    // And the decoder still finds the next intact frame.
    d.reset();
    const auto r = feed(d, w);
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0], FrameDecoder::Result::kFrame);
  }
}

TEST(Decoder, OversizeLengthIsReportedAtTheHeader) {
  std::vector<uint8_t> hdr = {lp::kSync0, lp::kSync1, lp::kCmdWrite, 1, 0, 0x01, 0x02, 0,
                              0,          0,          0x80};
  FrameDecoder d;
  const auto r = feed(d, hdr);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0], FrameDecoder::Result::kBadLength);
  EXPECT_FALSE(d.in_frame());
}

TEST(Names, EveryCodeHasItsOwnName) {
  std::set<std::string> seen;
  for (uint8_t s = lp::kOk; s <= lp::kErrBusError; ++s) {
    EXPECT_TRUE(seen.insert(status_name(s)).second) << int(s);
  }
  EXPECT_STREQ(status_name(0x77), "unknown status");
  EXPECT_STREQ(cmd_name(lp::kCmdVerify | lp::kReplyFlag), "VERIFY");
}

// A link whose far end is a function from request to reply bytes.
class ScriptedLink : public Link {
 public:
  std::function<std::vector<uint8_t>(const Frame&, int)> answer;  // (request, n-th request)
  int requests = 0;
  void write(const uint8_t* data, size_t n) override {
    sent_ += n;
    for (size_t i = 0; i < n; ++i) {
      Frame f;
      if (dec_.push(data[i], f) == FrameDecoder::Result::kFrame) {
        const auto bytes = answer(f, requests++);
        pending_.insert(pending_.end(), bytes.begin(), bytes.end());
      }
    }
  }
  size_t read(uint8_t* buf, size_t n, std::chrono::milliseconds timeout) override {
    if (pending_.empty()) {
      std::this_thread::sleep_for(std::min(timeout, std::chrono::milliseconds(5)));
      return 0;
    }
    size_t k = 0;
    for (; k < n && !pending_.empty(); ++k) {
      buf[k] = pending_.front();
      pending_.pop_front();
    }
    received_ += k;
    return k;
  }
  int native_fd() override { return -1; }
  std::string name() const override { return "scripted"; }

 private:
  FrameDecoder dec_;
  std::deque<uint8_t> pending_;
};

// The loader's reply to `req`: its command with the reply flag, its sequence
// number, and `status` (0: an acknowledgement) with `payload`.
Frame reply_to(const Frame& req, uint8_t status = 0, std::vector<uint8_t> payload = {}) {
  Frame r;
  r.cmd = req.cmd | lp::kReplyFlag;
  r.seq = req.seq;
  r.status = status;
  r.payload = std::move(payload);
  return r;
}

std::vector<uint8_t> ack_of(const Frame& req, std::vector<uint8_t> payload = {}) {
  return encode(reply_to(req, 0, std::move(payload)));
}

ClientOptions fast(unsigned retries) { return {retries, std::chrono::milliseconds(30)}; }

TEST(Client, RepeatsAfterADamagedReplyWithTheSameSeq) {
  ScriptedLink link;
  std::vector<int> seqs;
  link.answer = [&](const Frame& req, int n) {
    seqs.push_back(req.seq);
    auto w = ack_of(req);
    if (n == 0) w[w.size() - 1] ^= 0x40;  // first reply damaged
    return w;
  };
  LoaderClient c(link, fast(3));
  const Frame f = c.transact(lp::kCmdRun, 0x80000000u, {});
  EXPECT_EQ(f.status, lp::kOk);
  EXPECT_EQ(c.retries(), 1u);
  ASSERT_EQ(seqs.size(), 2u);
  EXPECT_EQ(seqs[0], seqs[1]);
}

TEST(Client, RepeatsAfterTheLoaderReportsABadCrc) {
  ScriptedLink link;
  link.answer = [&](const Frame& req, int n) {
    if (n > 0) return ack_of(req);
    Frame nak;
    nak.cmd = 0x80;  // the loader could not trust the damaged header
    nak.seq = 0x5a;
    nak.status = lp::kErrBadCrc;
    return encode(nak);
  };
  LoaderClient c(link, fast(3));
  EXPECT_EQ(c.transact(lp::kCmdWrite, 0x80000000u, {1}).status, lp::kOk);
  EXPECT_EQ(c.retries(), 1u);
}

TEST(Client, IgnoresALateReplyToAnEarlierRequest) {
  ScriptedLink link;
  Frame stale;
  link.answer = [&](const Frame& req, int n) {
    if (n == 0) {
      stale = req;
      return ack_of(req);
    }
    auto w = ack_of(stale);  // the first request's ACK arrives again, then ours
    const auto ours = ack_of(req, {9});
    w.insert(w.end(), ours.begin(), ours.end());
    return w;
  };
  LoaderClient c(link, fast(0));
  c.transact(lp::kCmdInfo, 0, {});
  const Frame f = c.transact(lp::kCmdInfo, 0, {});
  ASSERT_EQ(f.payload.size(), 1u);
  EXPECT_EQ(f.payload[0], 9);
}

TEST(Client, SemanticNakIsReturnedNotRetried) {
  ScriptedLink link;
  link.answer = [&](const Frame& req, int) { return encode(reply_to(req, lp::kErrNotVerified)); };
  LoaderClient c(link, fast(5));
  EXPECT_EQ(c.transact(lp::kCmdRun, 0x80000000u, {}).status, lp::kErrNotVerified);
  EXPECT_EQ(link.requests, 1);
}

TEST(Client, CorruptionOnEveryAttemptIsACrcFailure) {
  ScriptedLink link;
  link.answer = [&](const Frame& req, int) {
    auto w = ack_of(req);
    w[3] ^= 1;
    return w;
  };
  LoaderClient c(link, fast(2));
  try {
    c.transact(lp::kCmdInfo, 0, {});
    FAIL() << "no failure";
  } catch (const Failure& e) {
    EXPECT_EQ(e.exit_code, kExitCrc);
    EXPECT_NE(std::string(e.what()).find("no intact exchange after 2 retries"), std::string::npos);
  }
  EXPECT_EQ(link.requests, 3);
}

TEST(Client, SilenceIsATimeout) {
  ScriptedLink link;
  link.answer = [](const Frame&, int) { return std::vector<uint8_t>{}; };
  LoaderClient c(link, fast(1));
  try {
    c.transact(lp::kCmdInfo, 0, {});
    FAIL() << "no failure";
  } catch (const Failure& e) {
    EXPECT_EQ(e.exit_code, kExitTimeout);
  }
  EXPECT_EQ(link.requests, 2);
}

Frame info_reply(const Frame& req) {
  std::vector<uint8_t> p;
  for (uint32_t i = 0; i < lp::kInfoWords; ++i) put_le32(p, i == 0 ? lp::kInfoMagic : 0);
  return reply_to(req, 0, p);
}

TEST(ClientRun, LateAckArrivingDuringTheProbeMeansStarted) {
  ScriptedLink link;
  Frame run;
  std::vector<uint8_t> cmds;
  link.answer = [&](const Frame& req, int) {
    cmds.push_back(req.cmd);
    if (req.cmd == lp::kCmdRun) {
      run = req;
      return std::vector<uint8_t>{};  // too slow: comes with the next request
    }
    return ack_of(run);  // the loader jumped; INFO is never answered
  };
  LoaderClient c(link, fast(3));
  EXPECT_EQ(c.run(0x80000000u, std::chrono::milliseconds(30)), LoaderClient::RunOutcome::kAcked);
  EXPECT_EQ(cmds, (std::vector<uint8_t>{lp::kCmdRun, lp::kCmdInfo}));  // RUN sent once
}

TEST(ClientRun, ProgramOutputInTheSameReadAsTheAckIsKeptForTheConsole) {
  // The program starts printing at once: its first bytes can arrive in the
  // same read as RUN's acknowledgement and must not be lost with it.
  ScriptedLink link;
  const std::string hello = "hello: waiting\n";
  link.answer = [&](const Frame& req, int) {
    auto w = ack_of(req);
    w.insert(w.end(), hello.begin(), hello.end());
    return w;
  };
  LoaderClient c(link, fast(3));
  EXPECT_EQ(c.run(0x80000000u, std::chrono::milliseconds(30)), LoaderClient::RunOutcome::kAcked);
  const std::vector<uint8_t> early = c.take_after_reply();
  EXPECT_EQ(std::string(early.begin(), early.end()), hello);
  EXPECT_TRUE(c.take_after_reply().empty());  // handed over once
}

TEST(ClientRun, LostRunIsSentAgainWhenTheLoaderStillAnswers) {
  ScriptedLink link;
  std::vector<uint8_t> cmds;
  link.answer = [&](const Frame& req, int n) {
    cmds.push_back(req.cmd);
    if (req.cmd == lp::kCmdInfo) return encode(info_reply(req));
    return n == 0 ? std::vector<uint8_t>{} : ack_of(req);  // the first RUN is lost
  };
  LoaderClient c(link, fast(3));
  EXPECT_EQ(c.run(0x80000000u, std::chrono::milliseconds(30)), LoaderClient::RunOutcome::kAcked);
  EXPECT_EQ(cmds, (std::vector<uint8_t>{lp::kCmdRun, lp::kCmdInfo, lp::kCmdRun}));
}

TEST(ClientRun, SilenceAfterRunMeansTheProgramRuns) {
  ScriptedLink link;
  std::vector<uint8_t> cmds;
  link.answer = [&](const Frame& req, int) {
    cmds.push_back(req.cmd);
    return std::vector<uint8_t>{};
  };
  LoaderClient c(link, fast(3));
  EXPECT_EQ(c.run(0x80000000u, std::chrono::milliseconds(30)),
            LoaderClient::RunOutcome::kNoAnswer);
  // RUN once, then INFO and its one repeat: RUN is never sent twice blindly.
  EXPECT_EQ(cmds, (std::vector<uint8_t>{lp::kCmdRun, lp::kCmdInfo, lp::kCmdInfo}));
}

TEST(ClientRun, NotVerifiedIsRefused) {
  ScriptedLink link;
  link.answer = [&](const Frame& req, int) { return encode(reply_to(req, lp::kErrNotVerified)); };
  LoaderClient c(link, fast(3));
  try {
    c.run(0x80000000u, std::chrono::milliseconds(30));
    FAIL() << "no failure";
  } catch (const Failure& e) {
    EXPECT_EQ(e.exit_code, kExitRefusedByLoader);
    EXPECT_NE(std::string(e.what()).find("RUN refused by the loader: image not verified"),
              std::string::npos);
  }
}

LoaderInfo board(uint32_t ram_bytes) {
  LoaderInfo in;
  in.version = lp::kVersion;
  in.ram_base = 0x80000000u;
  in.ram_bytes = ram_bytes;
  in.loader_base = in.ram_base + ram_bytes - lp::kLoaderReservedBytes;
  in.max_payload = lp::kMaxPayload;
  in.max_ranges = lp::kMaxRanges;
  return in;
}

LoadImage image_of(std::vector<std::pair<uint32_t, uint32_t>> file_and_mem,
                   uint32_t at = 0x80000000u) {
  LoadImage img;
  img.path = "x.elf";
  img.entry = at;
  for (auto [file, mem] : file_and_mem) {
    LoadRange r;
    r.addr = at;
    r.bytes.assign(file, 0x13);
    r.mem_size = mem;
    img.ranges.push_back(r);
    at += mem;
  }
  return img;
}

int fit_error(const LoadImage& img, const LoaderInfo& in, std::string* msg = nullptr) {
  try {
    check_fits(img, in);
    return 0;
  } catch (const Failure& e) {
    if (msg) *msg = e.what();
    return e.exit_code;
  }
}

TEST(Image, FitsTheBoardItWasBuiltFor) {
  EXPECT_EQ(fit_error(image_of({{8000, 73000}}), board(128 * 1024)), 0);
  // .bss and stacks may cover the loader's RAM: it is done once RUN starts them.
  EXPECT_EQ(fit_error(image_of({{8000, 128 * 1024}}), board(128 * 1024)), 0);
}

TEST(Image, TooBigForTheBoardIsRefused) {
  std::string msg;
  EXPECT_EQ(fit_error(image_of({{8000, 73000}}), board(16 * 1024), &msg), kExitNoFit);
  EXPECT_NE(msg.find("does not fit the board's RAM 0x80000000..0x80003fff (16 KiB)"),
            std::string::npos)
      << msg;
  EXPECT_EQ(fit_error(image_of({{16, 16}}, 0x70000000u), board(16 * 1024)), kExitNoFit);
}

TEST(Image, BytesInTheLoadersRamAreRefused) {
  std::string msg;
  const auto img = image_of({{1025, 1025}}, 0x80000000u + 15 * 1024 - 1);
  EXPECT_EQ(fit_error(img, board(16 * 1024), &msg), kExitNoFit);
  EXPECT_NE(msg.find("overlaps the loader's reserved RAM 0x80003c00..0x80003fff"),
            std::string::npos)
      << msg;
}

TEST(Image, MoreRangesThanTheLoaderTakesAreRefused) {
  std::vector<std::pair<uint32_t, uint32_t>> r(lp::kMaxRanges + 1, {4, 8});
  EXPECT_EQ(fit_error(image_of(r), board(128 * 1024)), kExitNoFit);
  r.pop_back();
  EXPECT_EQ(fit_error(image_of(r), board(128 * 1024)), 0);
}

TEST(Image, ReadsOnlyTheFileBytesOfARealProgram) {
  const LoadImage img = read_load_image(ATSCTL_TEST_ELF);
  ASSERT_FALSE(img.ranges.empty());
  EXPECT_EQ(img.entry, 0x80000000u);
  EXPECT_LT(img.ranges[0].bytes.size(), img.ranges[0].mem_size);  // .bss and stacks not sent
  rv::ElfImage elf;
  std::string err;
  ASSERT_TRUE(rv::read_elf(ATSCTL_TEST_ELF, elf, err)) << err;
  EXPECT_EQ(0, std::memcmp(img.ranges[0].bytes.data(), elf.segments[0].bytes.data(),
                           img.ranges[0].bytes.size()));
}

TEST(Image, UnreadableOrMalformedElfIsABadElf) {
  for (const char* path : {"/nonexistent/x.elf", "/dev/null"}) {
    try {
      read_load_image(path);
      FAIL() << path;
    } catch (const Failure& e) {
      EXPECT_EQ(e.exit_code, kExitBadElf) << path;
      EXPECT_EQ(std::string(e.what()).rfind(path, 0), 0u) << e.what();
    }
  }
}

}  // namespace
