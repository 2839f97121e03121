// Archival packages (DA/T 48 EEP): the profile, the metadata, the streamed payload and its
// digests, the XSD, and the verifier's four checks on packages good, broken and foreign.
#include <gtest/gtest.h>
#include <pugixml.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "converters/eep/eep_internal.hpp"
#include "eep_test_util.hpp"
#include "gongwen/eep.hpp"
#include "gongwen/error.hpp"
#include "gongwen/html.hpp"
#include "gongwen/pdf.hpp"
#include "test_util.hpp"

namespace gongwen {
namespace {

namespace fs = std::filesystem;

const char* const kProfile = R"(# a profile
档案馆名称 = 示例市档案馆
保管期限 = 永久
密级 = 公开
起始件号 = 1

[责任者 亳州市科学技术局]
全宗号 = X101
机构或问题 = 办公室

[文件 *004_*.txt]
日期 = 2025-01-20
件号 = 5
)";

Document seed(const std::string& name) {
    return test::read_as_txt(test::read_fixture("seeds/" + name + ".txt"), "fixtures/seeds/" + name + ".txt");
}

// One archival PDF made by the PDF writer, shared by the tests (it takes a second to lay out).
const std::string& report_pdf() {
    static const std::string pdf = write_pdf(seed("000_2ff49a1744f89f60"), PdfOptions{});
    return pdf;
}

// A one-page PDF written by hand, so that a test can put into it what our writer never would.
std::string tiny_pdf(const std::string& catalog_extra = "", const std::string& resources = "") {
    const std::string content = "BT 10 10 Td ET\n";
    std::vector<std::string> objects{
        "<< /Type /Catalog /Pages 2 0 R " + catalog_extra + " >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << " + resources + " >> /Contents 4 0 R >>",
        "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "endstream"};
    if (!resources.empty()) objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    std::string pdf = "%PDF-1.4\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const std::size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (std::size_t o : offsets) {
        char line[32];
        std::snprintf(line, sizeof line, "%010zu 00000 n \n", o);
        pdf += line;
    }
    return pdf + "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
           std::to_string(xref) + "\n%%EOF\n";
}

EepOptions options_with(const std::string& profile_text) {
    EepOptions o;
    if (!profile_text.empty()) o.profile = parse_archive_profile(profile_text, "test.conf");
    return o;
}

EepFile pdf_file(std::string_view bytes, const std::string& name = "report.pdf") {
    return EepFile{name, "", "gongwen test", "base64-pdf", "", bytes, ""};
}

std::string package(const Document& doc, const std::vector<EepFile>& files, const EepOptions& options) {
    std::ostringstream out;
    write_eep(doc, files, options, out);
    return out.str();
}

std::string package_pdf(std::string_view pdf, const Document& doc = seed("000_2ff49a1744f89f60")) {
    return package(doc, {pdf_file(pdf)}, options_with(kProfile));
}

using eep_testing::failures;
using eep_testing::TempDir;
using eep_testing::verify_text;

int run(const std::string& command) { return std::system((command + " > /dev/null 2>&1").c_str()); }

std::string element(const std::string& xml, const std::string& name) {
    const std::regex pattern("<" + name + "[^>]*>([^<]*)</" + name + ">");
    std::smatch m;
    return std::regex_search(xml, m, pattern) ? m[1].str() : std::string();
}

// The bytes of the first payload, decoded as an archivist's tool would.
std::string first_payload(const std::string& xml) {
    pugi::xml_document doc;
    EXPECT_TRUE(doc.load_string(xml.c_str()));
    const pugi::xpath_node data = doc.select_node("//*[local-name()='编码数据']");
    std::string bytes;
    eep::Base64Decoder decoder;
    EXPECT_TRUE(decoder.feed(data.node().child_value(), bytes));
    EXPECT_TRUE(decoder.finish());
    return bytes;
}

std::string base64_of(const std::vector<unsigned char>& d) {
    return eep::base64_encode(std::string_view(reinterpret_cast<const char*>(d.data()), d.size()));
}

// Replaces the first payload of `xml` with `bytes`, and its size and digests with theirs, so
// that only what the bytes themselves are can make verification fail.
std::string with_payload(std::string xml, const std::string& bytes) {
    const std::size_t open = xml.find('>', xml.find("<编码数据 ")) + 1;
    const std::size_t close = xml.find("</编码数据>", open);
    xml.replace(open, close - open, "\n" + eep::base64_encode(bytes) + "\n");
    xml = std::regex_replace(xml, std::regex("<计算机文件大小>[0-9]+<"),
                             "<计算机文件大小>" + std::to_string(bytes.size()) + "<",
                             std::regex_constants::format_first_only);
    eep::Digest sm3("SM3"), sha("SHA256");
    sm3.update(bytes.data(), bytes.size());
    sha.update(bytes.data(), bytes.size());
    const std::string sm3_old = element(xml, "签名结果");
    xml.replace(xml.find(sm3_old), sm3_old.size(), base64_of(sm3.finish()));
    const std::size_t second = xml.find("<签名结果>", xml.find("签名2"));
    const std::size_t end = xml.find('<', second + 1);
    xml.replace(second, end - second, "<签名结果>" + base64_of(sha.finish()));
    return xml;
}

// ---- profile ------------------------------------------------------------------------------

TEST(EepProfile, ReadsValuesAndSections) {
    const ArchiveProfile p = parse_archive_profile(kProfile, "test.conf");
    EXPECT_EQ(p.values.at("保管期限"), "永久");
    ASSERT_EQ(p.sections.size(), 2u);
    EXPECT_EQ(p.sections[0].selector, "责任者");
    EXPECT_EQ(p.sections[0].pattern, "亳州市科学技术局");
    EXPECT_EQ(p.sections[1].values.at("件号"), "5");
}

TEST(EepProfile, ErrorsNameTheFileAndLine) {
    const auto message = [](const std::string& text) {
        try {
            parse_archive_profile(text, "p.conf");
        } catch (const Error& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    EXPECT_NE(message("# c\n\n保存期限 = 永久\n").find("p.conf: line 3: unknown key '保存期限'"), std::string::npos);
    EXPECT_NE(message("保管期限 = 十年\n").find("line 1: 保管期限 is 永久"), std::string::npos);
    EXPECT_NE(message("密级 = 保密\n").find("密级 is one of"), std::string::npos);
    EXPECT_NE(message("起始件号 = 0\n").find("起始件号 takes a whole number"), std::string::npos);
    EXPECT_NE(message("日期 = 2024-02-30\n").find("日期 takes a date"), std::string::npos);
    EXPECT_NE(message("密级 = 公开\n密级 = 内部\n").find("line 2: 密级 is set twice"), std::string::npos);
    EXPECT_NE(message("[部门 办公室]\n").find("a section is [文件 GLOB] or [责任者 NAME]"), std::string::npos);
    EXPECT_NE(message("全宗号\n").find("expected KEY = VALUE"), std::string::npos);
    EXPECT_NE(message("全宗号 =\n").find("全宗号 has no value"), std::string::npos);
}

TEST(EepProfile, FileSectionsWinOverOrganisationSections) {
    const ArchiveProfile p = parse_archive_profile("件号 = 1\n[责任者 某局]\n件号 = 2\n[文件 a.txt]\n件号 = 3\n", "p");
    Document doc;
    doc.metadata.organisation.value = "某局";
    doc.source.name = "dir/b.txt";
    EXPECT_EQ(eep::profile_values_for(p, doc).at("件号"), "2");
    doc.source.name = "dir/a.txt";
    EXPECT_EQ(eep::profile_values_for(p, doc).at("件号"), "3");
    doc.metadata.organisation.value = "另一局";
    doc.source.name = "c.txt";
    EXPECT_EQ(eep::profile_values_for(p, doc).at("件号"), "1");
}

TEST(EepProfile, ShippedProfileIsValid) {
    EXPECT_NO_THROW(read_archive_profile(std::string(GONGWEN_FIXTURES) + "/archive-profile.conf"));
}

// ---- metadata ----------------------------------------------------------------------------

TEST(EepRecord, MissingMandatoryValuesAreErrorsNamingTheElements) {
    try {
        package(seed("000_2ff49a1744f89f60"), {pdf_file(tiny_pdf())}, EepOptions{});
        FAIL() << "no error";
    } catch (const Error& e) {
        const std::string m = e.what();
        EXPECT_NE(m.find("保管期限"), std::string::npos) << m;
        EXPECT_NE(m.find("密级"), std::string::npos) << m;
        EXPECT_NE(m.find("室编件号"), std::string::npos) << m;
        EXPECT_EQ(m.find("题名"), std::string::npos) << m;  // the report states it
        EXPECT_NE(m.find("no archive profile was given"), std::string::npos) << m;
    }
}

TEST(EepRecord, ADateTheReportLacksMustComeFromTheProfile) {
    const Document doc = seed("004_2140a01d4004d8c4");
    try {
        package(doc, {pdf_file(tiny_pdf())}, options_with("保管期限 = 永久\n密级 = 公开\n件号 = 1\n"));
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("the mandatory element 日期 has no value"), std::string::npos) << e.what();
    }
    const std::string xml = package(doc, {pdf_file(tiny_pdf())}, options_with(kProfile));
    EXPECT_EQ(element(xml, "日期"), "20250120");
    EXPECT_EQ(element(xml, "年度"), "2025");
    EXPECT_EQ(element(xml, "室编件号"), "5");
}

TEST(EepRecord, ReportValuesWinAndProfileFillsTheRest) {
    const std::string xml = package(seed("000_2ff49a1744f89f60"), {pdf_file(tiny_pdf())},
                                    options_with("题名 = 不该用的题名\n" + std::string(kProfile)));
    EXPECT_EQ(element(xml, "题名"), "亳州市科学技术局关于2023年法治政府建设情况的报告");
    EXPECT_EQ(element(xml, "责任者"), "亳州市科学技术局");
    EXPECT_EQ(element(xml, "立档单位名称"), "亳州市科学技术局");
    EXPECT_EQ(element(xml, "日期"), "20240204");
    EXPECT_EQ(element(xml, "全宗号"), "X101");
    EXPECT_EQ(element(xml, "文种"), "报告");
    EXPECT_EQ(element(xml, "封装包创建时间"), "2024-02-04T10:05:00+08:00");
    EXPECT_NE(xml.find("<主题词>法治</主题词>"), std::string::npos);
}

TEST(EepRecord, ItemsAreNumberedFromTheStartInInputOrder) {
    EepOptions o = options_with(kProfile);
    o.ordinal = 6;
    EXPECT_EQ(element(package(seed("001_9633c70aebd6e55d"), {pdf_file(tiny_pdf())}, o), "室编件号"), "7");
}

TEST(EepRecord, CreationTimeNeverComesFromTheClock) {
    Document doc = seed("000_2ff49a1744f89f60");
    doc.metadata.published = {};
    doc.metadata.signed_date = {};
    const EepOptions o = options_with("日期 = 20200101\n" + std::string(kProfile));
    ::setenv("SOURCE_DATE_EPOCH", "86400", 1);
    EXPECT_EQ(element(package(doc, {pdf_file(tiny_pdf())}, o), "封装包创建时间"), "1970-01-02T00:00:00Z");
    ::unsetenv("SOURCE_DATE_EPOCH");
    EXPECT_EQ(element(package(doc, {pdf_file(tiny_pdf())}, o), "封装包创建时间"), "2020-01-01T00:00:00+08:00");
}

// ---- writer ------------------------------------------------------------------------------

TEST(EepWriter, PayloadDecodesToTheSameBytes) { EXPECT_EQ(first_payload(package_pdf(report_pdf())), report_pdf()); }

TEST(EepWriter, StreamingFromAFileGivesTheSamePackage) {
    const TempDir dir;
    const fs::path pdf = dir.file("report.pdf", report_pdf());
    const Document doc = seed("000_2ff49a1744f89f60");
    const std::string from_memory = package(doc, {pdf_file(report_pdf())}, options_with(kProfile));
    const std::string from_file = package(
        doc, {EepFile{"report.pdf", "", "gongwen test", "base64-pdf", "", {}, pdf.string()}}, options_with(kProfile));
    EXPECT_EQ(from_memory, from_file);
}

TEST(EepWriter, IsDeterministic) { EXPECT_EQ(package_pdf(report_pdf()), package_pdf(report_pdf())); }

TEST(EepWriter, RecordsPagesFormatAndBothDigests) {
    const std::string xml = package_pdf(report_pdf());
    eep::Digest sha("SHA256");
    sha.update(report_pdf().data(), report_pdf().size());
    EXPECT_EQ(element(xml, "页数"), "7");
    EXPECT_EQ(element(xml, "格式信息"), "PDF/A-2a");  // tagged: level A
    EXPECT_EQ(element(xml, "计算机文件大小"), std::to_string(report_pdf().size()));
    EXPECT_EQ(element(xml, "反编码关键字"), "base64-pdf");
    EXPECT_NE(xml.find("<签名算法标识>SM3</签名算法标识>"), std::string::npos);
    EXPECT_NE(xml.find("<签名结果>" + base64_of(sha.finish()) + "</签名结果>"), std::string::npos);
}

TEST(EepWriter, RefusesPayloadsThatWouldFailVerification) {
    const Document doc = seed("000_2ff49a1744f89f60");
    const auto refusal = [&](const std::string& bytes) {
        try {
            package(doc, {pdf_file(bytes)}, options_with(kProfile));
        } catch (const Error& e) {
            return std::string(e.what());
        }
        return std::string("accepted");
    };
    EXPECT_NE(refusal("just text").find("not a usable PDF"), std::string::npos);
    EXPECT_NE(refusal(tiny_pdf("/OpenAction << /S /JavaScript /JS (app.alert(1)) >>")).find("JavaScript"),
              std::string::npos);
    EXPECT_NE(refusal(tiny_pdf("", "/Font << /F1 5 0 R >>")).find("does not embed the font Helvetica"),
              std::string::npos);
}

TEST(EepWriter, EveryFixturePackageValidatesAgainstTheXsdAndVerifies) {
    std::vector<std::pair<std::string, Document>> docs;
    for (const fs::directory_entry& e : fs::directory_iterator(std::string(GONGWEN_FIXTURES) + "/seeds"))
        docs.emplace_back(
            e.path().filename().string(),
            test::read_as_txt(test::read_fixture("seeds/" + e.path().filename().string()), e.path().string()));
    for (const fs::directory_entry& e : fs::directory_iterator(std::string(GONGWEN_FIXTURES) + "/html"))
        docs.emplace_back(
            e.path().filename().string(),
            test::read_as_html(test::read_fixture("html/" + e.path().filename().string()), e.path().string()));
    ASSERT_GE(docs.size(), 8u);
    const TempDir dir;
    const ArchiveProfile profile = read_archive_profile(std::string(GONGWEN_FIXTURES) + "/archive-profile.conf");
    const std::string xml_copy = "<x/>";
    for (const auto& [name, doc] : docs) {
        SCOPED_TRACE(name);
        const std::vector<EepFile> files{pdf_file(report_pdf()),
                                         EepFile{"doc.xml", "XML", "", "base64-xml", "XML", xml_copy, ""}};
        const fs::path out = dir.file(name + ".eep.xml", package(doc, files, EepOptions{profile, 0, {}, false}));
        EXPECT_EQ(run("xmllint --noout --schema " + std::string(GONGWEN_SOURCE_DIR) + "/converters/eep/eep-dat48.xsd " +
                      out.string()),
                  0);
        const VerifyReport r = verify_eep(out.string());
        EXPECT_TRUE(r.passed()) << failures(r);
    }
}

// ---- verifier ----------------------------------------------------------------------------

TEST(EepVerify, PassesOurPackage) {
    const VerifyReport r = verify_text(package_pdf(report_pdf()));
    EXPECT_TRUE(r.passed()) << failures(r);
    for (const char* aspect : {"真实性", "完整性", "可用性", "安全性"})
        EXPECT_TRUE(std::any_of(r.checks.begin(), r.checks.end(), [&](const CheckResult& c) {
            return c.aspect == aspect;
        })) << aspect;
}

TEST(EepVerify, OneChangedPayloadByteFailsBothDigests) {
    std::string xml = package_pdf(report_pdf());
    const std::size_t at = xml.find('\n', xml.find("<编码数据 ")) + 500;
    xml[at] = xml[at] == 'A' ? 'B' : 'A';
    const VerifyReport r = verify_text(xml);
    EXPECT_FALSE(r.passed());
    EXPECT_NE(failures(r).find("真实性 文件实体1/文档1/编码1 (report.pdf) SM3 digest"), std::string::npos)
        << failures(r);
    EXPECT_NE(failures(r).find("SHA-256 digest"), std::string::npos) << failures(r);
}

TEST(EepVerify, AMissingMandatoryElementIsNamed) {
    const std::string xml = std::regex_replace(package_pdf(report_pdf()), std::regex("\\s*<密级>[^<]*</密级>"), "");
    const VerifyReport r = verify_text(xml);
    EXPECT_EQ(failures(r), "完整性 文件实体1/内容描述/密级: missing\n");
}

TEST(EepVerify, AWrongFileSizeIsNamed) {
    const std::string xml =
        std::regex_replace(package_pdf(report_pdf()), std::regex("<计算机文件大小>[0-9]+<"), "<计算机文件大小>12<");
    EXPECT_EQ(failures(verify_text(xml)),
              "真实性 文件实体1/文档1/编码1 (report.pdf) 计算机文件大小: recorded 12, decoded " +
                  std::to_string(report_pdf().size()) + " bytes\n");
}

TEST(EepVerify, APayloadThatIsNotAPdfFailsUsability) {
    const VerifyReport r = verify_text(with_payload(package_pdf(tiny_pdf()), "plain text, not a PDF\n"));
    EXPECT_NE(failures(r).find("可用性 文件实体1/文档1/编码1 (report.pdf) opens as a PDF: no %PDF- header"),
              std::string::npos)
        << failures(r);
    EXPECT_EQ(failures(r).find("真实性"), std::string::npos) << failures(r);  // digests and size agree
}

TEST(EepVerify, BrokenBase64FailsDecoding) {
    std::string xml = package_pdf(tiny_pdf());
    xml.insert(xml.find('\n', xml.find("<编码数据 ")) + 10, "*");
    EXPECT_NE(failures(verify_text(xml)).find("decodes: not base64: a character outside the base64 alphabet"),
              std::string::npos);
}

TEST(EepVerify, JavaScriptAndLaunchActionsFailSafety) {
    const std::string base = package_pdf(tiny_pdf());
    const std::string js =
        failures(verify_text(with_payload(base, tiny_pdf("/OpenAction << /S /JavaScript /JS (app.alert(1)) >>"))));
    EXPECT_EQ(js, "安全性 文件实体1/文档1/编码1 (report.pdf) no JavaScript: the PDF contains JavaScript\n");
    const std::string launch =
        failures(verify_text(with_payload(base, tiny_pdf("/OpenAction << /S /Launch /F (calc.exe) >>"))));
    EXPECT_EQ(launch, "安全性 文件实体1/文档1/编码1 (report.pdf) no launch actions: the PDF can launch programs\n");
}

TEST(EepVerify, UnembeddedFontsFailUsability) {
    const std::string f =
        failures(verify_text(with_payload(package_pdf(tiny_pdf()), tiny_pdf("", "/Font << /F1 5 0 R >>"))));
    EXPECT_EQ(f, "可用性 文件实体1/文档1/编码1 (report.pdf) fonts embedded: not embedded: Helvetica\n");
}

TEST(EepVerify, EncryptionFailsSafety) {
    const TempDir dir;
    const fs::path plain = dir.file("plain.pdf", report_pdf());
    const fs::path locked = dir.path() / "locked.pdf";
    ASSERT_EQ(run("qpdf --encrypt '' owner 128 --use-aes=y -- " + plain.string() + " " + locked.string()), 0);
    std::ifstream in(locked, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string f = failures(verify_text(with_payload(package_pdf(report_pdf()), bytes)));
    EXPECT_NE(f.find("安全性 文件实体1/文档1/编码1 (report.pdf) not encrypted: the PDF is encrypted"),
              std::string::npos)
        << f;
    try {
        package_pdf(bytes);
        ADD_FAILURE() << "an encrypted PDF was packaged";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("the PDF is encrypted"), std::string::npos) << e.what();
    }
}

TEST(EepVerify, RefusesADtdWithoutExpandingIt) {
    std::string xml = package_pdf(tiny_pdf());
    xml.insert(xml.find('\n') + 1,
               "<!DOCTYPE 电子文件封装包 [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>\n");
    xml.replace(xml.find("<题名>"), 8, "<题名>&b;");
    const VerifyReport r = verify_text(xml);
    ASSERT_EQ(r.checks.size(), 1u);
    EXPECT_EQ(r.checks[0].aspect, "安全性");
    EXPECT_NE(r.checks[0].detail.find("declares a DTD"), std::string::npos);
}

TEST(EepVerify, MalformedXmlIsAnIntegrityFailureWithALine) {
    const VerifyReport r = verify_text("<?xml version=\"1.0\"?>\n<电子文件封装包>\n<版本>2009</封装包>\n");
    ASSERT_EQ(r.checks.size(), 1u);
    EXPECT_EQ(r.checks[0].aspect, "完整性");
    EXPECT_NE(r.checks[0].detail.find("line 3"), std::string::npos) << r.checks[0].detail;
    EXPECT_FALSE(verify_eep("/nonexistent/package.xml").passed());
}

TEST(EepVerify, AMissingDigestFailsAuthenticity) {
    std::string xml = package_pdf(tiny_pdf());
    xml.erase(xml.find("  <电子签名块>"),
              xml.find("</电子签名块>\n") + std::string("</电子签名块>\n").size() - xml.find("  <电子签名块>"));
    EXPECT_NE(failures(verify_text(xml)).find("digest: 电子签名块 records no SM3 or SHA-256 digest"),
              std::string::npos);
}

// A package as another system might write it: a namespace prefix, CDATA, one-line base64,
// digests as hex with the algorithm's OID, no 页数, character references in the metadata.
TEST(EepVerify, ChecksPackagesOtherSystemsWrote) {
    const std::string pdf = tiny_pdf();
    eep::Digest sm3("SM3");
    sm3.update(pdf.data(), pdf.size());
    const std::string xml =
        std::string("<?xml version='1.0' encoding='UTF-8'?>\n") +
        "<e:电子文件封装包 "
        "xmlns:e='http://www.saac.gov.cn/standards/ERM/encapsulation'><e:封装包格式描述>EEP</e:封装包格式描述>"
        "<e:版本>2009</e:版本><e:被签名对象 "
        "eep版本='2009'><e:封装包类型>原始型</e:封装包类型><e:封装包类型描述>原始</e:封装包类型描述>"
        "<e:封装包创建时间>2023-05-06T07:08:09</e:封装包创建时间><e:封装包创建单位>某档案室</"
        "e:封装包创建单位><e:封装内容><e:文件实体块>"
        "<e:文件实体><e:聚合层次>文件</e:聚合层次><e:来源><e:立档单位名称>某局</e:立档单位名称></"
        "e:来源><e:电子文件号>X-1</e:电子文件号>"
        "<e:档号><e:年度>2023</e:年度><e:保管期限>定期30年</e:保管期限><e:室编件号>0001</e:室编件号></e:档号>"
        "<e:内容描述><e:题名>&#x5173;&#x4E8E;某事的通知</e:题名><e:责任者>某局</e:责任者><e:日期>2023-05-06</"
        "e:日期><e:密级>内部</e:密级></e:内容描述>"
        "<e:形式特征><e:文件组合类型>单件</e:文件组合类型></e:形式特征><e:文件数据><e:文档><e:文档标识符>d1</"
        "e:文档标识符>"
        "<e:文档数据 文档数据ID='dd1'><e:编码 "
        "编码ID='c1'><e:电子属性><e:计算机文件名>a.PDF</e:计算机文件名><e:计算机文件大小>" +
        std::to_string(pdf.size()) +
        "</e:计算机文件大小></e:电子属性><e:编码描述>base64</e:编码描述><e:反编码关键字>base64-pdf</e:反编码关键字>"
        "<e:编码数据 编码数据ID='b1'><![CDATA[" +
        eep::base64_encode(pdf) +
        "]]></e:编码数据></e:编码></e:文档数据></e:文档></e:文件数据>"
        "</e:文件实体></e:文件实体块><e:业务实体块/><e:机构人员实体块/></e:封装内容></"
        "e:被签名对象><e:电子签名块><e:电子签名>"
        "<e:签名标识符>s1</e:签名标识符><e:签名规则>摘要 编码数据ID=b1</e:签名规则><e:签名结果>" +
        eep::to_hex(sm3.finish()) +
        "</e:签名结果><e:签名算法标识>1.2.156.10197.1.401</e:签名算法标识></e:电子签名></e:电子签名块></"
        "e:电子文件封装包>\n";
    const VerifyReport r = verify_text(xml);
    EXPECT_TRUE(r.passed()) << failures(r);
}

TEST(EepVerify, ReportsAsJsonForScripts) {
    const std::string json = format_verify_json(verify_text(with_payload(package_pdf(tiny_pdf()), "nope")));
    EXPECT_NE(json.find("\"passed\": false"), std::string::npos);
    EXPECT_NE(json.find("\"failed\": [\"可用性 文件实体1/文档1/编码1 (report.pdf) opens as a PDF\"]"),
              std::string::npos)
        << json;
}

// ---- pieces -----------------------------------------------------------------------------

TEST(EepBase64, DecodesWhatItEncodesInAnyChunking) {
    std::string bytes;
    for (int i = 0; i < 300; ++i) bytes += static_cast<char>(i * 7);
    for (std::size_t n : {0u, 1u, 2u, 3u, 4u, 5u, 57u, 58u, 300u}) {
        const std::string text = eep::base64_encode(std::string_view(bytes).substr(0, n));
        std::string out;
        eep::Base64Decoder d;
        for (std::size_t i = 0; i < text.size(); i += 3) EXPECT_TRUE(d.feed(text.substr(i, 3) + "\n", out));
        EXPECT_TRUE(d.finish()) << n;
        EXPECT_EQ(out, bytes.substr(0, n)) << n;
    }
}

TEST(EepBase64, RejectsWhatIsNotBase64) {
    for (const char* bad : {"QUJD*", "QQ==QQ==", "Q===", "QUJ", "="}) {
        std::string out;
        eep::Base64Decoder d;
        d.feed(bad, out);
        EXPECT_FALSE(d.finish()) << bad;
    }
}

TEST(EepDates, AcceptsOnlyRealDatesAndTimes) {
    EXPECT_EQ(eep::normalize_date("2024-02-29"), "20240229");
    EXPECT_EQ(eep::normalize_date("20230229"), "");
    EXPECT_EQ(eep::normalize_date("2024-13-01"), "");
    EXPECT_TRUE(eep::valid_date_time("2024-02-04T10:05:00+08:00"));
    EXPECT_TRUE(eep::valid_date_time("1970-01-02T00:00:00Z"));
    EXPECT_TRUE(eep::valid_date_time("2024-02-04T10:05:00.5"));
    EXPECT_FALSE(eep::valid_date_time("2024-02-04 10:05:00"));
    EXPECT_FALSE(eep::valid_date_time("2024-02-04T25:00:00"));
}

}  // namespace
}  // namespace gongwen
