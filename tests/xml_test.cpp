#include "gongwen/xml.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "gongwen/error.hpp"
#include "test_util.hpp"

namespace gongwen {
namespace {

using test::block;

const std::string kName = "input.xml";

Field field(std::string value, bool inferred, std::size_t start, std::size_t end) {
    return Field{std::move(value), inferred, Span{start, end}};
}

// Small enough to spell out as expected output.
Document small_document() {
    Document doc;
    doc.source = Source{"a.txt", 42, "ab", "UTF-8", false};
    doc.metadata.title = field("报告", true, 0, 2);
    doc.metadata.extra.push_back(ExtraField{"组配分类", "规划计划", Span{3, 10}});
    doc.blocks.push_back(block(BlockKind::heading, 1, "一、", "总体情况", Span{11, 17}));
    Block paragraph = block(BlockKind::paragraph, 0, "", "一是好。", Span{18, 22});
    paragraph.items.push_back(Item{"一是", "好。", Span{18, 22}});
    doc.blocks.push_back(paragraph);
    doc.diagnostics.push_back(Diagnostic{"removed_boilerplate", 2, "删除了2行", {Span{30, 35}}});
    return doc;
}

Document every_block_kind() {
    Document doc;
    doc.source = Source{"gov/2023.txt", 1000, std::string(64, 'f'), "GB18030", true};
    doc.blocks = {
        block(BlockKind::title, 0, "", "某市2023年法治政府建设情况报告", Span{0, 17}),
        block(BlockKind::subtitle, 0, "", "——在全市法治政府建设推进会上", Span{0, 0}),
        block(BlockKind::addressee, 0, "", "市法治政府建设领导小组办公室", Span{18, 33}),
        block(BlockKind::heading, 1, "一、", "主要举措", Span{34, 40}),
        block(BlockKind::heading, 2, "（一）", "加强领导", Span{41, 48}),
        block(BlockKind::heading, 3, "1.", "健全制度", Span{49, 55}),
        block(BlockKind::heading, 4, "（1）", "细化责任", Span{56, 63}),
        block(BlockKind::paragraph, 0, "", "全年共办理案件12件。", Span{64, 75}),
        block(BlockKind::list_item, 0, "一是", "完善机制。", Span{76, 83}),
        block(BlockKind::attachment, 0, "附件：", "1.统计表", Span{84, 92}),
        block(BlockKind::signature, 0, "", "某市人民政府\n2024年1月5日", Span{93, 110}),
        block(BlockKind::annotation, 0, "", "（此件主动公开）", Span{111, 119}),
    };
    Block with_items = block(BlockKind::paragraph, 0, "", "一是抓学习；二是抓落实。", Span{120, 132});
    with_items.items = {Item{"一是", "抓学习；", Span{120, 126}}, Item{"二是", "抓落实。", Span{126, 132}},
                        Item{"", "", Span{}}};
    doc.blocks.push_back(with_items);
    return doc;
}

Document every_metadata_field() {
    Document doc;
    Metadata& m = doc.metadata;
    m.title = field("關於2023年法治政府建設情況的報告", true, 0, 18);
    m.organisation = field("某市司法局", false, 19, 24);
    m.year = field("2023", true, 0, 18);
    m.published = field("2024-01-05", false, 25, 36);
    m.published_time = field("09:30", false, 37, 42);
    m.index_number = field("11350100MB0000000X/2024-00001", false, 43, 70);
    m.document_number = field("榕司〔2024〕1号", false, 71, 80);
    m.addressee = field("市法治政府建设领导小组办公室", false, 81, 95);
    m.signer = field("某市司法局", false, 200, 205);
    m.signed_date = field("2024-01-04", false, 206, 217);
    m.source = field("某市司法局", false, 96, 105);
    m.publisher = field("某市司法局办公室", false, 106, 116);
    m.source_url = field("https://example.gov.cn/a?b=1&c=2", false, 117, 150);
    m.category = field("政务公开", false, 151, 160);
    m.keywords = field("法治 政府", false, 161, 170);
    m.extra = {ExtraField{"组配分类", "规划计划", Span{171, 180}}, ExtraField{"有效性", "有效", Span{181, 186}},
               ExtraField{"", "", Span{}}};
    return doc;
}

Document with_diagnostics() {
    Document doc;
    doc.diagnostics = {
        Diagnostic{"removed_boilerplate", 3, "删除了网站导航行", {Span{0, 4}, Span{10, 20}, Span{30, 31}}},
        Diagnostic{"capped", 500, "only the first two spans are kept", {Span{1, 2}, Span{3, 4}}},
        Diagnostic{"no_spans", 0, "", {}},
    };
    return doc;
}

// Strings that XML mangles unless the writer takes care: markup characters, significant
// whitespace, CR, characters XML 1.0 forbids, invalid UTF-8, and look-alikes of the escapes.
const std::vector<std::string>& awkward_strings() {
    static const std::vector<std::string> strings = {
        "<&>\"'",
        "  leading and trailing  ",
        " ",
        "\n",
        "",
        "line\r\nbreak\rlone CR\r",
        "\ttab\tinside\t",
        std::string("nul\0byte", 8),
        "\x01\x08\x0b\x0c\x0e\x1b\x1f",
        "\xEF\xBF\xBE and \xEF\xBF\xBF",  // U+FFFE, U+FFFF
        "bad \xC3\x28 utf8 \xE4\xB8",     // invalid continuation, truncated sequence
        "surrogate \xED\xA0\x80 overlong \xC0\xAF",
        "<char code=\"1B\" /> &#13; &amp; ]]>",  // text that looks like the escapes
        "繁體中文：臺灣地區機關報告，關於「法治」",
        "\xE2\x80\xA8 U+2028 and \xC2\x85 NEL",
    };
    return strings;
}

// Puts `s` into every string slot of the model.
Document everywhere(const std::string& s) {
    Document doc;
    doc.source = Source{s, 7, s, s, true};
    for (Field* f : {&doc.metadata.title, &doc.metadata.keywords, &doc.metadata.source_url})
        *f = Field{s, false, Span{1, 2}};
    doc.metadata.extra.push_back(ExtraField{s, s, Span{3, 4}});
    doc.blocks.push_back(block(BlockKind::heading, 2, s, s, Span{5, 6}));
    Block paragraph = block(BlockKind::paragraph, 0, s, s, Span{7, 8});
    paragraph.items.push_back(Item{s, s, Span{7, 8}});
    doc.blocks.push_back(paragraph);
    doc.diagnostics.push_back(Diagnostic{s, 1, s, {Span{9, 10}}});
    return doc;
}

std::string printable(const std::string& s) {
    std::string out;
    for (unsigned char c : s) {
        if (c >= 0x20 && c < 0x7F) {
            out += static_cast<char>(c);
        } else {
            static constexpr char kHex[] = "0123456789ABCDEF";
            out += "\\x";
            out += kHex[c >> 4];
            out += kHex[c & 0xF];
        }
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// Round trips

TEST(Xml, RoundTripsEveryBlockKind) {
    const Document doc = every_block_kind();
    const std::string xml = write_xml(doc);
    EXPECT_EQ(read_xml(xml, kName), doc) << xml;
    for (const char* element : {"<title ", "<subtitle ", "<addressee ", "<heading ", "<paragraph ", "<list-item ",
                                "<attachment ", "<signature ", "<annotation ", "<item "})
        EXPECT_NE(xml.find(element), std::string::npos) << element;
}

TEST(Xml, RoundTripsEveryMetadataFieldAndExtra) {
    const Document doc = every_metadata_field();
    const std::string xml = write_xml(doc);
    EXPECT_EQ(read_xml(xml, kName), doc) << xml;
    for (const char* element :
         {"<published-time ", "<index-number ", "<document-number ", "<signed-date ", "<source-url ", "<extra "})
        EXPECT_NE(xml.find(element), std::string::npos) << element;
}

TEST(Xml, KeepsFieldsThatHaveOnlyASpanOrTheInferredFlag) {
    Document doc;
    doc.metadata.title = Field{"", true, Span{}};
    doc.metadata.year = Field{"", false, Span{4, 4}};
    doc.metadata.signer = Field{"", false, Span{0, 3}};
    const std::string xml = write_xml(doc);
    EXPECT_EQ(read_xml(xml, kName), doc) << xml;
    EXPECT_NE(xml.find("<title inferred=\"true\" start=\"0\" end=\"0\" />"), std::string::npos) << xml;
    EXPECT_EQ(xml.find("<organisation"), std::string::npos) << "default fields are left out";
}

TEST(Xml, RoundTripsDiagnosticsWithSpans) {
    const Document doc = with_diagnostics();
    EXPECT_EQ(read_xml(write_xml(doc), kName), doc);
}

TEST(Xml, RoundTripsAnEmptyDocument) {
    const Document doc;
    EXPECT_EQ(read_xml(write_xml(doc), kName), doc);
}

TEST(Xml, RoundTripsAwkwardTextInEveryStringSlot) {
    for (const std::string& s : awkward_strings()) {
        const Document doc = everywhere(s);
        const std::string xml = write_xml(doc);
        EXPECT_EQ(read_xml(xml, kName), doc) << printable(s) << "\n" << printable(xml);
    }
}

TEST(Xml, RoundTripsLargeOffsets) {
    Document doc;
    doc.source.size = 18446744073709551615ULL;
    doc.blocks.push_back(
        block(BlockKind::paragraph, 0, "", "x", Span{18446744073709551614ULL, 18446744073709551615ULL}));
    EXPECT_EQ(read_xml(write_xml(doc), kName), doc);
}

// ---------------------------------------------------------------------------------------------
// Exact output

TEST(Xml, WritesExpectedDocument) {
    const std::string expected = R"(<?xml version="1.0" encoding="UTF-8"?>
<document xmlns="urn:gongwen:document:1" version="1">
  <source size="42" charset-guessed="false">
    <name>a.txt</name>
    <sha256>ab</sha256>
    <charset>UTF-8</charset>
  </source>
  <metadata>
    <title inferred="true" start="0" end="2">报告</title>
    <extra start="3" end="10">
      <key>组配分类</key>
      <value>规划计划</value>
    </extra>
  </metadata>
  <body>
    <heading level="1" start="11" end="17">
      <marker>一、</marker>
      <text>总体情况</text>
    </heading>
    <paragraph start="18" end="22">
      <text>一是好。</text>
      <item start="18" end="22">
        <marker>一是</marker>
        <text>好。</text>
      </item>
    </paragraph>
  </body>
  <facts />
  <diagnostics>
    <diagnostic count="2">
      <kind>removed_boilerplate</kind>
      <message>删除了2行</message>
      <span start="30" end="35" />
    </diagnostic>
  </diagnostics>
</document>
)";
    EXPECT_EQ(write_xml(small_document()), expected);
}

TEST(Xml, WritesIdenticalBytesTwice) {
    for (const Document& doc : {small_document(), every_block_kind(), every_metadata_field(), everywhere("\r\x01")})
        EXPECT_EQ(write_xml(doc), write_xml(doc));
}

std::string written_text(const std::string& text) {
    Document doc;
    doc.blocks.push_back(block(BlockKind::paragraph, 0, "", text, Span{}));
    const std::string xml = write_xml(doc);
    const std::size_t open = xml.find("<text>");
    const std::size_t close = xml.find("</text>");
    if (open == std::string::npos || close == std::string::npos) return "(no <text> content) " + xml;
    return xml.substr(open + 6, close - open - 6);
}

TEST(Xml, EscapesMarkupAndCarriageReturn) {
    EXPECT_EQ(written_text("a<b & c>d \"q\" 'a'"), "a&lt;b &amp; c&gt;d \"q\" 'a'");
    EXPECT_EQ(written_text("one\r\ntwo\r"), "one&#13;\ntwo&#13;");
    EXPECT_EQ(written_text("\tx \n"), "\tx \n");
}

TEST(Xml, WritesForbiddenCharactersAndInvalidBytesAsElements) {
    EXPECT_EQ(written_text("a\x1b"
                           "b"),
              "a<char code=\"1B\" />b");
    EXPECT_EQ(written_text(std::string("\0", 1)), "<char code=\"00\" />");
    EXPECT_EQ(written_text("\xEF\xBF\xBF"), "<char code=\"FFFF\" />");
    EXPECT_EQ(written_text("\xC3("), "<byte value=\"C3\" />(");
}

// XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF], less #xD:
// a raw CR would reach readers as LF.
bool well_formed_characters(const std::string& xml, std::string& problem) {
    for (std::size_t i = 0; i < xml.size();) {
        const auto b0 = static_cast<unsigned char>(xml[i]);
        const std::size_t len = b0 < 0x80 ? 1 : b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : 2;
        if ((b0 >= 0x80 && b0 < 0xC2) || b0 > 0xF4 || i + len > xml.size()) {
            problem = "invalid UTF-8 at byte " + std::to_string(i);
            return false;
        }
        char32_t cp = len == 1 ? b0 : len == 2 ? b0 & 0x1F : len == 3 ? b0 & 0x0F : b0 & 0x07;
        for (std::size_t k = 1; k < len; ++k) {
            const auto b = static_cast<unsigned char>(xml[i + k]);
            if ((b & 0xC0) != 0x80) {
                problem = "invalid UTF-8 at byte " + std::to_string(i + k);
                return false;
            }
            cp = (cp << 6) | (b & 0x3F);
        }
        const bool allowed = cp == 0x9 || cp == 0xA || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) ||
                             (cp >= 0x10000 && cp <= 0x10FFFF);
        if (!allowed) {
            problem = "code point " + std::to_string(cp) + " at byte " + std::to_string(i);
            return false;
        }
        i += len;
    }
    return true;
}

TEST(Xml, WritesOnlyCharactersXml10AllowsAndNoRawCarriageReturn) {
    for (const std::string& s : awkward_strings()) {
        std::string problem;
        EXPECT_TRUE(well_formed_characters(write_xml(everywhere(s)), problem)) << printable(s) << ": " << problem;
    }
}

TEST(Xml, WriterRefusesBlocksThatBreakModelInvariants) {
    Document doc;
    doc.blocks.push_back(block(BlockKind::heading, 0, "", "x", Span{}));
    EXPECT_THROW(write_xml(doc), std::invalid_argument);
    doc.blocks[0].level = 5;
    EXPECT_THROW(write_xml(doc), std::invalid_argument);
    doc.blocks[0] = block(BlockKind::paragraph, 1, "", "x", Span{});
    EXPECT_THROW(write_xml(doc), std::invalid_argument);
    doc.blocks[0] = block(BlockKind::list_item, 0, "", "x", Span{});
    doc.blocks[0].items.push_back(Item{"一是", "x", Span{}});
    EXPECT_THROW(write_xml(doc), std::invalid_argument);
}

// ---------------------------------------------------------------------------------------------
// Schema

class TempFile {
public:
    TempFile(const std::string& stem, const std::string& content) {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        path_ = std::filesystem::temp_directory_path() /
                (std::string("gongwen-") + info->name() + "-" + std::to_string(::getpid()) + "-" + stem + ".xml");
        std::ofstream(path_, std::ios::binary) << content;
    }
    ~TempFile() { std::filesystem::remove(path_); }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    std::string path() const { return path_.string(); }

private:
    std::filesystem::path path_;
};

bool xmllint_installed() { return std::system("command -v xmllint >/dev/null 2>&1") == 0; }

bool schema_accepts(const std::string& xml, const std::string& stem) {
    const TempFile file(stem, xml);
    const std::string schema = std::string(GONGWEN_SOURCE_DIR) + "/converters/xml/gongwen-document-1.xsd";
    const std::string command = "xmllint --noout --schema '" + schema + "' '" + file.path() + "' 2>/dev/null";
    return std::system(command.c_str()) == 0;
}

TEST(Xml, SchemaAcceptsWriterOutput) {
    if (!xmllint_installed()) GTEST_SKIP() << "xmllint is not installed (apt-get install libxml2-utils)";
    EXPECT_TRUE(schema_accepts(write_xml(Document{}), "empty"));
    EXPECT_TRUE(schema_accepts(write_xml(small_document()), "small"));
    EXPECT_TRUE(schema_accepts(write_xml(every_block_kind()), "blocks"));
    EXPECT_TRUE(schema_accepts(write_xml(every_metadata_field()), "metadata"));
    EXPECT_TRUE(schema_accepts(write_xml(with_diagnostics()), "diagnostics"));
    for (std::size_t i = 0; i < awkward_strings().size(); ++i)
        EXPECT_TRUE(schema_accepts(write_xml(everywhere(awkward_strings()[i])), "awkward" + std::to_string(i)))
            << printable(awkward_strings()[i]);
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const std::size_t at = text.find(from);
    if (at == std::string::npos)
        ADD_FAILURE() << "fixture lacks " << from;
    else
        text.replace(at, from.size(), to);
    return text;
}

TEST(Xml, SchemaRejectsWhatTheReaderRejects) {
    if (!xmllint_installed()) GTEST_SKIP() << "xmllint is not installed (apt-get install libxml2-utils)";
    const std::string xml = write_xml(small_document());
    EXPECT_FALSE(schema_accepts(replaced(xml, "level=\"1\"", "level=\"5\""), "level"));
    EXPECT_FALSE(schema_accepts(replaced(xml, "start=\"11\"", "start=\"-1\""), "negative"));
    EXPECT_FALSE(schema_accepts(replaced(xml, "<heading ", "<chapter "), "kind"));
    EXPECT_FALSE(schema_accepts(replaced(xml, "version=\"1\"", "version=\"2\""), "version"));
    EXPECT_FALSE(schema_accepts(replaced(xml, "inferred=\"true\"", "inferred=\"1\""), "boolean"));
    EXPECT_FALSE(schema_accepts(replaced(xml, "<key>", "<key><char code=\"41\" />"), "char"));
}

// ---------------------------------------------------------------------------------------------
// Reader errors

// Expects read_xml to throw gongwen::Error naming the file and containing `fragment`.
void expect_read_error(const std::string& xml, const std::string& fragment) {
    try {
        read_xml(xml, kName);
        ADD_FAILURE() << "accepted:\n" << xml;
    } catch (const Error& e) {
        const std::string what = e.what();
        EXPECT_EQ(e.file(), kName);
        EXPECT_EQ(what.rfind(kName + ": ", 0), 0u) << what;
        EXPECT_NE(what.find(fragment), std::string::npos) << "message: " << what << "\nexpected: " << fragment;
    }
}

const std::string& valid_xml() {
    static const std::string xml = write_xml(small_document());
    return xml;
}

TEST(Xml, ReadRejectsMalformedXmlWithLineNumber) {
    expect_read_error("<?xml version=\"1.0\"?>\n<document>\n  <source>\n</document>\n", "line 4: malformed XML");
    expect_read_error("", "malformed XML");
    expect_read_error(replaced(valid_xml(), "</body>", ""), "malformed XML");
}

TEST(Xml, ReadRejectsWrongRootNamespaceOrVersion) {
    expect_read_error(replaced(replaced(valid_xml(), "<document ", "<doc "), "</document>", "</doc>"),
                      "line 2: expected root element <document> in namespace urn:gongwen:document:1, found <doc>");
    expect_read_error(
        replaced(replaced(valid_xml(), "<document xmlns=", "<g:document xmlns:g="), "</document>", "</g:document>"),
        "found <g:document>");
    expect_read_error(replaced(valid_xml(), "urn:gongwen:document:1", "urn:other"), "wrong namespace \"urn:other\"");
    expect_read_error(replaced(valid_xml(), " xmlns=\"urn:gongwen:document:1\"", ""), "wrong namespace");
    expect_read_error(replaced(valid_xml(), "version=\"1\"", "version=\"2\""), "unknown version \"2\"");
    expect_read_error(valid_xml() + "<document/>", "line 37: more than one root element");
}

TEST(Xml, ReadRejectsOtherXmlVersionsAndEncodings) {
    expect_read_error(replaced(valid_xml(), "encoding=\"UTF-8\"", "encoding=\"GB18030\""),
                      "line 1: encoding \"GB18030\" is not UTF-8");
    expect_read_error(replaced(valid_xml(), "version=\"1.0\"", "version=\"1.1\""), "XML version \"1.1\" is not 1.0");
    EXPECT_EQ(read_xml(replaced(valid_xml(), "encoding=\"UTF-8\"", "encoding=\"utf-8\""), kName), small_document());
}

TEST(Xml, ReadRejectsDoctypeWithoutExpandingEntities) {
    const std::string xml =
        replaced(valid_xml(), "<document ", "<!DOCTYPE document [<!ENTITY e \"boom\">]>\n<document ");
    expect_read_error(replaced(xml, "总体情况", "&e;"), "line 2: DOCTYPE");
    expect_read_error(
        replaced(valid_xml(), "<document ", "<!DOCTYPE document SYSTEM \"file:///etc/passwd\">\n<document "),
        "DOCTYPE");
}

TEST(Xml, ReadRejectsUndefinedEntitiesAndReferencesToForbiddenCharacters) {
    expect_read_error(replaced(valid_xml(), "总体情况", "&e;"), "undefined entity &e;");
    expect_read_error(replaced(valid_xml(), "总体情况", "&#1;"), "&#1; is not a reference to an XML character");
    expect_read_error(replaced(valid_xml(), "总体情况", "&#xFFFF;"), "not a reference to an XML character");
    expect_read_error(replaced(valid_xml(), "总体情况", "a & b"), "in <text>");
}

TEST(Xml, ReadRejectsRawForbiddenCharactersAndInvalidUtf8) {
    expect_read_error(replaced(valid_xml(), "总体情况", "\x01"), "line 18: character U+0001 is not allowed");
    expect_read_error(replaced(valid_xml(), "总体情况", "\xC3("), "line 18: byte 0xC3 is not valid UTF-8");
}

TEST(Xml, ReadRejectsUnknownBlockKind) {
    expect_read_error(replaced(replaced(valid_xml(), "<heading ", "<chapter "), "</heading>", "</chapter>"),
                      "line 16: unknown block kind <chapter>");
    // The model's spelling is not the XML one.
    expect_read_error(replaced(replaced(valid_xml(), "<heading ", "<list_item "), "</heading>", "</list_item>"),
                      "unknown block kind <list_item>");
}

TEST(Xml, ReadRejectsHeadingLevelOutsideOneToFour) {
    for (const char* level : {"0", "5", "-1", "x", "", "01", "1.0"})
        expect_read_error(replaced(valid_xml(), "level=\"1\"", std::string("level=\"") + level + "\""),
                          std::string("line 16: <heading> level \"") + level + "\" is not 1–4");
    expect_read_error(replaced(valid_xml(), " level=\"1\"", ""), "<heading> lacks attribute level");
}

TEST(Xml, ReadRejectsNegativeNonNumericAndOverflowingOffsets) {
    for (const char* value : {"-1", "x", "", "+3", " 3", "1e3", "18446744073709551616"})
        expect_read_error(
            replaced(valid_xml(), "start=\"11\"", std::string("start=\"") + value + "\""),
            std::string("line 16: <heading> attribute start=\"") + value + "\" is not a non-negative integer");
    expect_read_error(replaced(valid_xml(), "count=\"2\"", "count=\"two\""), "attribute count=\"two\"");
    expect_read_error(replaced(valid_xml(), "size=\"42\"", "size=\"-42\""), "attribute size=\"-42\"");
}

TEST(Xml, ReadRejectsUnknownMissingAndMisplacedElementsAndAttributes) {
    expect_read_error(replaced(valid_xml(), "<sha256>ab</sha256>", ""),
                      "expected <sha256> in <source>, found <charset>");
    expect_read_error(replaced(valid_xml(), "<body>", "<body class=\"x\">"), "unexpected attribute class on <body>");
    expect_read_error(replaced(valid_xml(), "<text>一是好。</text>", "<text>一是好。</text><note/>"),
                      "unexpected <note> in <paragraph>");
    expect_read_error(replaced(valid_xml(), "<body>", "<body>stray"), "unexpected text in <body>");
    expect_read_error(replaced(valid_xml(), "<metadata>", "<metadata><year inferred=\"false\" start=\"0\" end=\"0\"/>"),
                      "unexpected <title> in <metadata> (unknown, repeated or out of schema order)");
    expect_read_error(replaced(valid_xml(), "<key>", "<key><char code=\"41\" />"), "<char code=\"41\">");
    expect_read_error(replaced(valid_xml(), "<key>", "<key><byte value=\"41\" />"), "<byte value=\"41\">");
    expect_read_error(replaced(valid_xml(), "<key>", "<key><b/>"), "unexpected <b> in text");
    expect_read_error(replaced(valid_xml(), "inferred=\"true\"", "inferred=\"yes\""), "is not true or false");
}

TEST(Xml, ReadAcceptsEquivalentXmlSpellings) {
    // CDATA, character references, comments, CRLF line ends in the file, a UTF-8 BOM.
    std::string xml =
        replaced(valid_xml(), "总体情况", "<![CDATA[总体<情况>]]>&#x4E2D;&#20013;&quot;<!-- note -->&apos;");
    xml = replaced(xml, "<message>删除了2行</message>", "<message>line one\r\nline two&#13;</message>");
    Document expected = small_document();
    expected.blocks[0].text = "总体<情况>中中\"'";
    expected.diagnostics[0].message = "line one\nline two\r";
    EXPECT_EQ(read_xml("\xEF\xBB\xBF" + xml, kName), expected);
}

TEST(Xml, ReadReportsTheLineOfAStructuralErrorAfterCrLfLines) {
    std::string xml;
    for (char c : valid_xml()) xml += c == '\n' ? std::string("\r\n") : std::string(1, c);
    expect_read_error(replaced(xml, "level=\"1\"", "level=\"9\""), "line 16: ");
}

}  // namespace
}  // namespace gongwen

namespace gongwen {
namespace {

Document with_table_image_and_facts() {
    Document doc;
    doc.source.name = "t.html";
    Block table;
    table.kind = BlockKind::table;
    table.text = "表1 收到申请情况";
    table.span = {0, 40};
    TableRow head;
    head.header = true;
    head.cells = {TableCell{"项目", 2, 1, true, {10, 12}}, TableCell{"数量", 1, 2, true, {13, 15}}};
    TableRow sub;
    sub.header = true;
    sub.cells = {TableCell{"新收", 1, 1, true, {16, 18}}, TableCell{"办结", 1, 1, true, {19, 21}}};
    TableRow body;
    body.cells = {TableCell{"一、本年新收政府信息公开申请数量", 1, 1, false, {22, 38}},
                  TableCell{"12", 1, 1, false, {38, 40}}, TableCell{"", 1, 1, false, {40, 40}}};
    table.rows = {head, sub, body};
    Block image;
    image.kind = BlockKind::image;
    image.text = "会议现场";
    image.target = "/images/a b.jpg?x=1&y=<2>";
    image.span = {41, 60};
    Block paragraph;
    paragraph.kind = BlockKind::paragraph;
    paragraph.text = "接受群众咨询230余人次,覆盖9.98万人次,两三个单位。";
    paragraph.span = {61, 90};
    doc.blocks = {table, image, paragraph};
    doc.facts = {
        Fact{
            "230",
            "",
            "230余人次",
            "人次",
            "",
            "余",
            false,
            "接受群众咨询",
            "publicity_reach",
            2,
            {67, 73},
            {61, 73},
            "接受群众咨询230余人次",
        },
        Fact{"99800", "", "9.98万人次", "人次", "", "", false, "覆盖", "", 2, {75, 82}, {74, 82}, "覆盖9.98万人次"},
        Fact{"2", "3", "两三个", "个", "", "", false, "单位", "", 2, {83, 86}, {83, 88}, "两三个单位"},
        Fact{"0",
             "",
             "未发生",
             "",
             "件",
             "",
             true,
             "行政处罚案件",
             "admin_penalties",
             2,
             {0, 3},
             {0, 9},
             "未发生行政处罚案件"}};
    return doc;
}

TEST(Xml, RoundTripsTablesImagesAndFacts) {
    const Document doc = with_table_image_and_facts();
    const std::string xml = write_xml(doc);
    EXPECT_EQ(read_xml(xml, "t.xml"), doc);
    EXPECT_NE(xml.find("<cell header=\"true\" rowspan=\"2\" colspan=\"1\" start=\"10\" end=\"12\">项目</cell>"),
              std::string::npos);
    EXPECT_NE(xml.find("<value-max>3</value-max>"), std::string::npos);
    // A zero statement's implied unit follows its (empty) written unit; a written one has none.
    EXPECT_NE(xml.find("<unit />\n      <implied-unit>件</implied-unit>"), std::string::npos) << xml;
    EXPECT_EQ(xml.find("<implied-unit>人次"), std::string::npos);
    EXPECT_NE(xml.find("<target>/images/a b.jpg?x=1&amp;y=&lt;2&gt;</target>"), std::string::npos);
    EXPECT_TRUE(schema_accepts(xml, "tables"));
}

TEST(Xml, ReadRejectsAnImpliedUnitBesideAWrittenOneOrOnANonZeroFact) {
    Document doc = with_table_image_and_facts();
    doc.facts[3].unit = "件";  // the zero statement, its implied 件 kept
    expect_read_error(write_xml(doc), "<implied-unit> belongs to a zero statement that writes no unit");
    doc = with_table_image_and_facts();
    doc.facts[0].implied_unit = "人次";  // 230余人次: written, not zero
    expect_read_error(write_xml(doc), "<implied-unit> belongs to a zero statement that writes no unit");
}

TEST(Xml, ReadRejectsAFactThatNamesNoBlock) {
    Document doc = with_table_image_and_facts();
    doc.facts[0].block = 7;
    EXPECT_THROW(read_xml(write_xml(doc), "bad.xml"), Error);
}

}  // namespace
}  // namespace gongwen
