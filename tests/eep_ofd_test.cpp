// OFD (GB/T 33190) payloads in archival packages: the package writer records an OFD's format
// and pages and refuses one that verification would reject; the verifier opens the OFD (zip,
// OFD.xml, Document.xml), checks its XML is well-formed and its fonts embedded. The OFDs here
// are made up in the test, part by part, so that each can lack exactly one thing.
#include <gtest/gtest.h>
#include <libdeflate.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "converters/eep/eep_internal.hpp"
#include "eep_test_util.hpp"
#include "gongwen/eep.hpp"
#include "gongwen/error.hpp"
#include "test_util.hpp"

namespace gongwen {
namespace {

namespace fs = std::filesystem;

// A zip container of stored (uncompressed) entries, in the given order: enough for a reader
// and independent of the OFD writer under test elsewhere.
std::string stored_zip(const std::vector<std::pair<std::string, std::string>>& entries) {
    auto u16 = [](std::string& s, unsigned v) {
        s += static_cast<char>(v & 0xff), s += static_cast<char>(v >> 8 & 0xff);
    };
    auto u32 = [&](std::string& s, std::uint32_t v) { u16(s, v & 0xffff), u16(s, v >> 16); };
    std::string out, central;
    for (const auto& [name, data] : entries) {
        const std::uint32_t crc = libdeflate_crc32(0, data.data(), data.size());
        const auto offset = static_cast<std::uint32_t>(out.size());
        u32(out, 0x04034b50), u16(out, 20), u16(out, 0x800), u16(out, 0), u16(out, 0), u16(out, 0x21);
        u32(out, crc), u32(out, static_cast<std::uint32_t>(data.size())),
            u32(out, static_cast<std::uint32_t>(data.size()));
        u16(out, static_cast<unsigned>(name.size())), u16(out, 0);
        out += name + data;
        u32(central, 0x02014b50), u16(central, 20), u16(central, 20), u16(central, 0x800), u16(central, 0);
        u16(central, 0), u16(central, 0x21), u32(central, crc), u32(central, static_cast<std::uint32_t>(data.size()));
        u32(central, static_cast<std::uint32_t>(data.size())), u16(central, static_cast<unsigned>(name.size()));
        u16(central, 0), u16(central, 0), u16(central, 0), u16(central, 0), u32(central, 0), u32(central, offset);
        central += name;
    }
    const auto at = static_cast<std::uint32_t>(out.size());
    out += central;
    u32(out, 0x06054b50), u16(out, 0), u16(out, 0), u16(out, static_cast<unsigned>(entries.size()));
    u16(out, static_cast<unsigned>(entries.size())), u32(out, static_cast<std::uint32_t>(central.size()));
    u32(out, at), u16(out, 0);
    return out;
}

constexpr const char* kNs = R"(xmlns:ofd="http://www.ofdspec.org/2016")";

// The parts of a small made-up OFD: two pages, one font in Doc_0/Res/ named relative to the
// resource file's BaseLoc, as GB/T 33190 §7.9 places it.
std::map<std::string, std::string> ofd_parts() {
    const std::string page = std::string(R"(<?xml version="1.0" encoding="UTF-8"?><ofd:Page )") + kNs +
                             R"(><ofd:Content><ofd:Layer ID="5"><ofd:TextObject ID="6" Boundary="0 0 50 10" Font="4" )"
                             R"(Size="5"><ofd:TextCode X="0" Y="5">市政府工作报告</ofd:TextCode></ofd:TextObject>)"
                             R"(</ofd:Layer></ofd:Content></ofd:Page>)";
    return {
        {"OFD.xml",
         std::string(R"(<?xml version="1.0" encoding="UTF-8"?><ofd:OFD )") + kNs +
             R"( Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>0123456789abcdef</ofd:DocID>)"
             R"(</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>)"},
        {"Doc_0/Document.xml",
         std::string(R"(<?xml version="1.0" encoding="UTF-8"?><ofd:Document )") + kNs +
             R"(><ofd:CommonData><ofd:MaxUnitID>8</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297)"
             R"(</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData>)"
             R"(<ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/>)"
             R"(<ofd:Page ID="2" BaseLoc="Pages/Page_1/Content.xml"/></ofd:Pages></ofd:Document>)"},
        {"Doc_0/PublicRes.xml", std::string(R"(<?xml version="1.0" encoding="UTF-8"?><ofd:Res )") + kNs +
                                    R"( BaseLoc="Res"><ofd:Fonts><ofd:Font ID="4" FontName="FandolFang-Regular" )"
                                    R"(FamilyName="FandolFang"><ofd:FontFile>font_4.otf</ofd:FontFile></ofd:Font>)"
                                    R"(</ofd:Fonts></ofd:Res>)"},
        {"Doc_0/Res/font_4.otf", std::string("OTTO\0\x0a\0\x80\0\x03\0\x20", 12) + std::string(64, 'x')},
        {"Doc_0/Pages/Page_0/Content.xml", page},
        {"Doc_0/Pages/Page_1/Content.xml", page},
    };
}

std::string ofd_of(const std::map<std::string, std::string>& parts) { return stored_zip({parts.begin(), parts.end()}); }

std::string replaced(std::string s, const std::string& from, const std::string& to) {
    const std::size_t at = s.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return at == std::string::npos ? s : s.replace(at, from.size(), to);
}

Document seed() {
    return test::read_as_txt(test::read_fixture("seeds/000_2ff49a1744f89f60.txt"),
                             "fixtures/seeds/000_2ff49a1744f89f60.txt");
}

EepOptions options() {
    EepOptions o;
    o.profile =
        parse_archive_profile("档案馆名称 = 示例市档案馆\n保管期限 = 永久\n密级 = 公开\n起始件号 = 1\n", "test.conf");
    return o;
}

// A package of `ofd`: probed by the writer when `pages` is 0, taken as it is otherwise (as a
// file gongwen made itself would be), so that a broken OFD can reach the verifier.
std::string package(const std::string& ofd, std::size_t pages = 0, const std::string& name = "report.ofd") {
    std::ostringstream out;
    write_eep(seed(), {EepFile{name, pages ? "OFD" : "", "gongwen test", "base64-ofd", "", ofd, "", pages}}, options(),
              out);
    return out.str();
}

using eep_testing::failures;
using eep_testing::TempDir;
using eep_testing::verify_text;

std::string passed(const VerifyReport& r, const std::string& item) {
    for (const CheckResult& c : r.checks)
        if (c.item == item) return (c.status == CheckStatus::pass ? "pass: " : "not passed: ") + c.detail;
    return "no such check";
}

std::string writer_error(const std::string& ofd) {
    try {
        package(ofd);
    } catch (const Error& e) {
        return e.what();
    }
    return "no error";
}

TEST(EepOfd, PayloadIsOfdByItsExtension) {
    EXPECT_TRUE(eep_payload_is_ofd("report.ofd"));
    EXPECT_TRUE(eep_payload_is_ofd("dir.x/REPORT.OFD"));
    EXPECT_FALSE(eep_payload_is_ofd("report.pdf"));
    EXPECT_FALSE(eep_payload_is_ofd("report.ofd.pdf"));
    EXPECT_FALSE(eep_payload_is_ofd("ofd"));
}

TEST(EepOfd, ProbeReadsPagesVersionAndFonts) {
    const eep::OfdFacts f = eep::probe_ofd_bytes(ofd_of(ofd_parts()));
    EXPECT_TRUE(f.opened) << f.error;
    EXPECT_EQ(f.pages, 2);
    EXPECT_EQ(f.version, "1.0");
    EXPECT_EQ(f.fonts, 1);
    EXPECT_EQ(f.xml_parts, 5);
    EXPECT_TRUE(f.bad_xml.empty());
    EXPECT_TRUE(f.unembedded_fonts.empty());
}

TEST(EepOfd, ProbeResolvesAbsoluteAndParentLocations) {
    auto parts = ofd_parts();
    parts["OFD.xml"] = replaced(parts["OFD.xml"], "<ofd:DocRoot>Doc_0/", "<ofd:DocRoot>/Doc_0/");
    parts["Doc_0/PublicRes.xml"] = replaced(parts["Doc_0/PublicRes.xml"], "font_4.otf", "../Res/./font_4.otf");
    const eep::OfdFacts f = eep::probe_ofd_bytes(ofd_of(parts));
    EXPECT_TRUE(f.opened) << f.error;
    EXPECT_TRUE(f.unembedded_fonts.empty()) << f.unembedded_fonts.front();
}

TEST(EepOfd, WriterRecordsOfdFormatPagesAndKey) {
    const std::string xml = package(ofd_of(ofd_parts()));
    EXPECT_NE(xml.find("<格式信息>OFD</格式信息>"), std::string::npos);
    EXPECT_NE(xml.find("<页数>2</页数>"), std::string::npos);
    EXPECT_NE(xml.find("<反编码关键字>base64-ofd</反编码关键字>"), std::string::npos);
    EXPECT_NE(xml.find("base64-ofd：OFD"), std::string::npos);  // 编码描述 names the key
    const VerifyReport r = verify_text(xml);
    EXPECT_TRUE(r.passed()) << failures(r);
    const std::string item = "文件实体1/文档1/编码1 (report.ofd)";
    EXPECT_EQ(passed(r, item + " opens as an OFD"), "pass: 2 pages, OFD 1.0");
    EXPECT_EQ(passed(r, item + " OFD XML well-formed"), "pass: all 5 XML parts");
    EXPECT_EQ(passed(r, item + " fonts embedded"), "pass: every font is embedded (1)");
    EXPECT_EQ(passed(r, "文件实体1/形式特征/页数"), "pass: recorded 2, the OFD has 2");
}

TEST(EepOfd, WriterRefusesWhatVerificationWouldReject) {
    auto no_file = ofd_parts();
    no_file["Doc_0/PublicRes.xml"] =
        replaced(no_file["Doc_0/PublicRes.xml"], "<ofd:FontFile>font_4.otf</ofd:FontFile>", "");
    EXPECT_EQ(writer_error(ofd_of(no_file)),
              "report.ofd: the OFD does not embed the font FandolFang-Regular (no FontFile)");

    auto missing = ofd_parts();
    missing.erase("Doc_0/Res/font_4.otf");
    EXPECT_EQ(writer_error(ofd_of(missing)),
              "report.ofd: the OFD does not embed the font FandolFang-Regular (FontFile Doc_0/Res/font_4.otf is not "
              "in the package)");

    auto not_font = ofd_parts();
    not_font["Doc_0/Res/font_4.otf"] = "<html>not a font at all</html>";
    EXPECT_EQ(writer_error(ofd_of(not_font)),
              "report.ofd: the OFD does not embed the font FandolFang-Regular (FontFile Doc_0/Res/font_4.otf is not a "
              "font file)");

    auto bad_page = ofd_parts();
    bad_page["Doc_0/Pages/Page_1/Content.xml"] =
        replaced(bad_page["Doc_0/Pages/Page_1/Content.xml"], "</ofd:Page>", "");
    EXPECT_NE(
        writer_error(ofd_of(bad_page)).find("the OFD has XML that is not well-formed: Doc_0/Pages/Page_1/Content.xml"),
        std::string::npos);

    auto no_doc = ofd_parts();
    no_doc.erase("Doc_0/Document.xml");
    EXPECT_EQ(writer_error(ofd_of(no_doc)),
              "report.ofd: the payload is not a usable OFD: the package has no Doc_0/Document.xml");

    auto no_content = ofd_parts();
    no_content.erase("Doc_0/Pages/Page_1/Content.xml");
    EXPECT_EQ(writer_error(ofd_of(no_content)),
              "report.ofd: the payload is not a usable OFD: Doc_0/Document.xml: page 2 has no content in the package "
              "(Doc_0/Pages/Page_1/Content.xml)");

    EXPECT_EQ(writer_error("%PDF-1.7 not a zip"),
              "report.ofd: the payload is not a usable OFD: not a zip container: Not a zip archive");
}

TEST(EepOfd, VerifierNamesAnOfdThatDoesNotOpen) {
    const std::string f = failures(verify_text(package("plain text, not an OFD\n", 1)));
    EXPECT_EQ(f, "可用性 文件实体1/文档1/编码1 (report.ofd) opens as an OFD: not a zip container: Not a zip archive\n");
}

TEST(EepOfd, VerifierNamesUnembeddedFontsAndBrokenXml) {
    auto parts = ofd_parts();
    parts["Doc_0/PublicRes.xml"] =
        replaced(parts["Doc_0/PublicRes.xml"], "<ofd:FontFile>font_4.otf</ofd:FontFile>", "");
    parts["Doc_0/Pages/Page_0/Content.xml"] =
        replaced(parts["Doc_0/Pages/Page_0/Content.xml"], "<ofd:Layer", "<ofd:Layer <");
    const std::string f = failures(verify_text(package(ofd_of(parts), 2)));
    EXPECT_NE(f.find("可用性 文件实体1/文档1/编码1 (report.ofd) fonts embedded: not embedded: FandolFang-Regular (no "
                     "FontFile)\n"),
              std::string::npos)
        << f;
    EXPECT_NE(f.find("可用性 文件实体1/文档1/编码1 (report.ofd) OFD XML well-formed: Doc_0/Pages/Page_0/Content.xml: "),
              std::string::npos)
        << f;
}

TEST(EepOfd, VerifierChecksTheRecordedPagesAgainstTheOfd) {
    const std::string xml = replaced(package(ofd_of(ofd_parts())), "<页数>2</页数>", "<页数>3</页数>");
    EXPECT_EQ(failures(verify_text(xml)), "真实性 文件实体1/形式特征/页数: recorded 3, the OFD has 2\n");
}

TEST(EepOfd, VerifierChecksTheFileNameAgreesWithTheOfd) {
    const std::string f = failures(verify_text(package(ofd_of(ofd_parts()), 2, "report.bin")));
    EXPECT_EQ(f,
              "真实性 文件实体1/文档1/编码1 (report.bin) 计算机文件名 agrees with the payload: an OFD named "
              "'report.bin'\n");
}

}  // namespace
}  // namespace gongwen
