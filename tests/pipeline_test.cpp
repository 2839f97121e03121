// The library's pipeline: formats by name and extension, the Reader (format detection, passes,
// the catalog once), Writers and Rendering (each part made once per document).
#include <gtest/gtest.h>

#include <sstream>

#include "gongwen/gongwen.hpp"
#include "test_util.hpp"

namespace gongwen {
namespace {

TEST(Formats, TheTableNamesEveryFormatOnce) {
    std::vector<std::string> written, read;
    for (const Format& f : formats()) {
        if (f.writes()) written.push_back(f.name);
        if (f.reads()) read.push_back(f.name);
        EXPECT_FALSE(f.extensions.empty()) << f.name;
        EXPECT_EQ(find_format(f.name), &f);
    }
    EXPECT_EQ(written, (std::vector<std::string>{"xml", "json", "txt", "md", "pdf", "ofd", "xlsx", "eep"}));
    EXPECT_EQ(read, (std::vector<std::string>{"xml", "json", "txt", "html"}));
    EXPECT_EQ(find_format("docx"), nullptr);
}

TEST(Formats, AnOutputsFormatFromItsExtensionTheLongestWinning) {
    const auto name = [](std::string_view path) {
        const Format* f = format_for_output(path);
        return f ? f->name : "-";
    };
    EXPECT_EQ(name("out/report.PDF"), "pdf");
    EXPECT_EQ(name("out/report.ofd"), "ofd");
    EXPECT_EQ(name("a.markdown"), "md");
    EXPECT_EQ(name("a.text"), "txt");
    EXPECT_EQ(name("archive/report.eep.xml"), "eep");  // not the native XML
    EXPECT_EQ(name("report.xml"), "xml");
    EXPECT_EQ(name("report.docx"), "-");
    EXPECT_EQ(name("page.html"), "-");  // read, never written
    EXPECT_EQ(name("xml"), "-");        // a name, no extension
}

TEST(Formats, AnInputsFormatFromItsExtensionElseItsBytesElseText) {
    EXPECT_EQ(format_for_input("a.json", "{}").name, "json");
    EXPECT_EQ(format_for_input("a.HTM", "x").name, "html");
    EXPECT_EQ(format_for_input("saved.txt", "<!DOCTYPE html><html>").name, "html");
    EXPECT_EQ(format_for_input("-", "关于2023年的报告").name, "txt");
}

TEST(Reader, MapsFactsWithItsOwnCatalogWhateverTheFormat) {
    const std::string text = test::read_fixture("seeds/000_2ff49a1744f89f60.txt");
    const Document doc = read_bytes(text, "000.txt");
    ASSERT_FALSE(doc.facts.empty());
    EXPECT_TRUE(std::any_of(doc.facts.begin(), doc.facts.end(), [](const Fact& f) { return !f.indicator.empty(); }));
    ReadOptions mine;
    mine.catalog = std::make_shared<const Catalog>(parse_catalog(
        R"(<catalog id="mine"><category label="会议"><indicator id="meetings" rule="max"><label>会议</label>)"
        R"(<units>次</units><cues>办公会 党组会议</cues></indicator></category></catalog>)",
        "mine.xml"));
    // The native XML of the document, read back with another catalog: its facts are that catalog's.
    const Document again = read_bytes(write_string(doc, "xml"), "000.xml", mine);
    ASSERT_EQ(again.facts.size(), doc.facts.size());
    for (const Fact& f : again.facts) EXPECT_TRUE(f.indicator.empty() || f.indicator == "meetings") << f.indicator;
    EXPECT_TRUE(
        std::any_of(again.facts.begin(), again.facts.end(), [](const Fact& f) { return f.indicator == "meetings"; }));
}

TEST(Rendering, ThePackageHoldsThePdfMadeOnceForTheDocument) {
    const Document doc = test::parse(test::read_fixture("seeds/001_9633c70aebd6e55d.txt"));
    WriteOptions options;
    options.eep.profile = parse_archive_profile("保管期限 = 永久\n密级 = 公开\n件号 = 1\n", "p.conf");
    const Writers writers(options);
    Rendering rendering(doc, writers);
    std::ostringstream package;
    rendering.write("eep", package);
    const Artifact& pdf = rendering.artifact("pdf");  // made for the package, kept
    EXPECT_GT(pdf.pages, 1u);
    EXPECT_EQ(pdf.format_info, "PDF/A-2b");
    EXPECT_EQ(&rendering.artifact("pdf"), &pdf);
    // The package's 页数 is the writer's page count, and its payload the PDF's bytes.
    EXPECT_NE(package.str().find("<页数>" + std::to_string(pdf.pages) + "</页数>"), std::string::npos);
    std::ostringstream written;
    rendering.write("pdf", written);
    EXPECT_EQ(written.str(), pdf.bytes);
}

TEST(Rendering, WritesWhatTheOneLineHelpersWrite) {
    const Document doc = test::parse("关于2023年法治政府建设情况的报告\n一、总体情况\n全年办理申请12件。\n");
    const Writers writers;
    Rendering rendering(doc, writers);
    for (const char* format : {"xml", "json", "txt", "md"}) {
        std::ostringstream out;
        rendering.write(format, out);
        EXPECT_EQ(out.str(), write_string(doc, format)) << format;
    }
    EXPECT_THROW(writers.get("docx"), std::invalid_argument);
}

}  // namespace
}  // namespace gongwen
