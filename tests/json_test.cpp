#include "gongwen/json.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "gongwen/error.hpp"
#include "gongwen/html.hpp"
#include "test_util.hpp"

namespace gongwen {
namespace {

using test::block;

Document small_document() {
    Document doc;
    doc.source = Source{"a.txt", 42, "ab", "UTF-8", false};
    doc.metadata.title = Field{"报告", true, Span{0, 2}};
    doc.metadata.extra.push_back(ExtraField{"组配分类", "规划计划", Span{3, 10}});
    doc.blocks.push_back(block(BlockKind::heading, 1, "一、", "总体情况", Span{11, 17}));
    Block paragraph = block(BlockKind::paragraph, 0, "", "一是好。", Span{18, 22});
    paragraph.items.push_back(Item{"一是", "好。", Span{18, 22}});
    doc.blocks.push_back(paragraph);
    doc.diagnostics.push_back(Diagnostic{"removed_boilerplate", 2, "删除了2行", {Span{30, 35}}});
    return doc;
}

Document with_text(const std::string& text) {
    Document doc;
    doc.blocks.push_back(block(BlockKind::paragraph, 0, "", text, Span{}));
    return doc;
}

// The JSON spelling of the first block's text.
std::string written_text(const std::string& text) {
    const std::string json = write_json(with_text(text));
    const std::string key = "\"text\": ";
    const std::size_t start = json.find(key);
    const std::size_t end = json.find(",\n", start);
    if (start == std::string::npos || end == std::string::npos) return "(no text) " + json;
    return json.substr(start + key.size(), end - start - key.size());
}

TEST(Json, WritesExpectedDocument) {
    const std::string expected = R"({
  "version": "1",
  "source": {
    "name": "a.txt",
    "size": 42,
    "sha256": "ab",
    "charset": "UTF-8",
    "charset_guessed": false
  },
  "metadata": {
    "title": {
      "value": "报告",
      "inferred": true,
      "start": 0,
      "end": 2
    },
    "organisation": null,
    "year": null,
    "published": null,
    "published_time": null,
    "index_number": null,
    "document_number": null,
    "addressee": null,
    "signer": null,
    "signed_date": null,
    "source": null,
    "publisher": null,
    "source_url": null,
    "category": null,
    "keywords": null,
    "extra": [
      {
        "key": "组配分类",
        "value": "规划计划",
        "start": 3,
        "end": 10
      }
    ]
  },
  "blocks": [
    {
      "kind": "heading",
      "level": 1,
      "marker": "一、",
      "text": "总体情况",
      "start": 11,
      "end": 17,
      "items": []
    },
    {
      "kind": "paragraph",
      "level": 0,
      "marker": "",
      "text": "一是好。",
      "start": 18,
      "end": 22,
      "items": [
        {
          "marker": "一是",
          "text": "好。",
          "start": 18,
          "end": 22
        }
      ]
    }
  ],
  "facts": [],
  "diagnostics": [
    {
      "kind": "removed_boilerplate",
      "count": 2,
      "message": "删除了2行",
      "spans": [
        [30, 35]
      ]
    }
  ]
}
)";
    EXPECT_EQ(write_json(small_document()), expected);
}

TEST(Json, WritesEmptyDocumentWithEmptyArrays) {
    const std::string json = write_json(Document{});
    EXPECT_NE(json.find("\"extra\": []\n"), std::string::npos) << json;
    EXPECT_NE(json.find("\"blocks\": [],\n"), std::string::npos) << json;
    EXPECT_NE(json.find("\"diagnostics\": []\n}\n"), std::string::npos) << json;
}

TEST(Json, IsDeterministicAndEndsWithNewline) {
    const std::string json = write_json(small_document());
    EXPECT_EQ(json, write_json(small_document()));
    ASSERT_FALSE(json.empty());
    EXPECT_EQ(json.back(), '\n');
    EXPECT_NE(json[json.size() - 2], '\n');
}

TEST(Json, EscapesQuotesBackslashesAndControlCharacters) {
    EXPECT_EQ(written_text("say \"hi\" C:\\dir"), R"("say \"hi\" C:\\dir")");
    EXPECT_EQ(written_text("\n\r\t\b\f"), R"("\n\r\t\b\f")");
    EXPECT_EQ(written_text(std::string("\0\x01\x1b\x1f", 4)), R"("\u0000\u0001\u001b\u001f")");
    EXPECT_EQ(written_text("\x7f / <>&'"), "\"\x7f / <>&'\"");
}

TEST(Json, KeepsNonAsciiUtf8AsIs) {
    EXPECT_EQ(written_text("繁體中文「報告」\xE2\x80\xA8😀"), "\"繁體中文「報告」\xE2\x80\xA8😀\"");
}

TEST(Json, ReplacesInvalidUtf8WithReplacementCharacter) {
    EXPECT_EQ(written_text("a\xC3(b\xE4\xB8"), "\"a\xEF\xBF\xBD(b\xEF\xBF\xBD\xEF\xBF\xBD\"");
    EXPECT_EQ(written_text("\xED\xA0\x80"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
}

TEST(Json, WritesNullOnlyForEntirelyDefaultFields) {
    Document doc;
    doc.metadata.title = Field{"", true, Span{}};
    doc.metadata.year = Field{"", false, Span{4, 4}};
    const std::string json = write_json(doc);
    EXPECT_NE(json.find("\"title\": {\n      \"value\": \"\",\n      \"inferred\": true,"), std::string::npos) << json;
    EXPECT_NE(json.find("\"year\": {\n      \"value\": \"\",\n      \"inferred\": false,\n      \"start\": 4,"),
              std::string::npos)
        << json;
    EXPECT_NE(json.find("\"organisation\": null,"), std::string::npos) << json;
}

TEST(Json, WritesBlockKindsWithTheirStableNames) {
    Document doc;
    doc.blocks.push_back(block(BlockKind::list_item, 0, "一是", "x", Span{}));
    doc.blocks.push_back(block(BlockKind::annotation, 0, "", "（此件主动公开）", Span{}));
    const std::string json = write_json(doc);
    EXPECT_NE(json.find("\"kind\": \"list_item\""), std::string::npos) << json;
    EXPECT_NE(json.find("\"kind\": \"annotation\""), std::string::npos) << json;
}

bool jq_installed() { return std::system("command -v jq >/dev/null 2>&1") == 0; }

// jq decodes what we wrote; its raw output must give back the original bytes.
TEST(Json, JqDecodesEveryStringBackToTheOriginal) {
    if (!jq_installed()) GTEST_SKIP() << "jq is not installed";
    static constexpr char kRaw[] = "q\"b\\s/\n\r\t\b\f\x01\x1f\x7f 繁體 \0end";
    const std::string text(kRaw, sizeof kRaw - 1);
    const auto dir = std::filesystem::temp_directory_path();
    const std::string stem = "gongwen-json-" + std::to_string(::getpid());
    const auto in = dir / (stem + ".json");
    const auto out = dir / (stem + ".out");
    std::ofstream(in, std::ios::binary) << write_json(with_text(text));
    const std::string command = "jq -j '.blocks[0].text' '" + in.string() + "' > '" + out.string() + "'";
    ASSERT_EQ(std::system(command.c_str()), 0);
    std::ifstream decoded(out, std::ios::binary);
    const std::string got{std::istreambuf_iterator<char>(decoded), std::istreambuf_iterator<char>()};
    std::filesystem::remove(in);
    std::filesystem::remove(out);
    EXPECT_EQ(got, text);
}

// ---------------------------------------------------------------------------------------------
// inspect --format json

TEST(Json, InspectWritesExpectedSummary) {
    Document doc = small_document();
    doc.metadata.organisation = Field{"某市司法局", false, Span{}};
    doc.metadata.year = Field{"2023", true, Span{}};
    doc.metadata.published = Field{"2024-01-05", false, Span{}};
    doc.metadata.addressee = Field{"市政府", false, Span{}};
    doc.blocks.push_back(block(BlockKind::list_item, 0, "一是", "不是标题", Span{}));
    doc.blocks.push_back(block(BlockKind::heading, 2, "（一）", "加强\"领导\"", Span{}));
    doc.diagnostics.push_back(Diagnostic{"guessed_title", 1, "ignored", {}});
    const std::string expected = R"({
  "file": "a.txt",
  "charset": "UTF-8",
  "charset_guessed": false,
  "title": "报告",
  "title_inferred": true,
  "org": "某市司法局",
  "year": 2023,
  "published": "2024-01-05",
  "signed": null,
  "addressee": "市政府",
  "report_kind": null,
  "headings": [
    {
      "level": 1,
      "marker": "一、",
      "text": "总体情况"
    },
    {
      "level": 2,
      "marker": "（一）",
      "text": "加强\"领导\""
    }
  ],
  "facts": [],
  "diagnostics": [
    {
      "kind": "removed_boilerplate",
      "count": 2
    },
    {
      "kind": "guessed_title",
      "count": 1
    }
  ],
  "gis": null
}
)";
    EXPECT_EQ(write_inspect_json(doc), expected);
}

TEST(Json, InspectWritesNullForMissingMetadata) {
    Document doc;
    doc.source = Source{"-", 3, "", "GB18030", true};
    doc.metadata.signed_date = Field{"2024-01-04", false, Span{}};
    const std::string expected = R"({
  "file": "-",
  "charset": "GB18030",
  "charset_guessed": true,
  "title": null,
  "title_inferred": false,
  "org": null,
  "year": null,
  "published": null,
  "signed": "2024-01-04",
  "addressee": null,
  "report_kind": null,
  "headings": [],
  "facts": [],
  "diagnostics": [],
  "gis": null
}
)";
    EXPECT_EQ(write_inspect_json(doc), expected);
}

std::string inspect_year(const std::string& year) {
    Document doc;
    doc.metadata.year = Field{year, false, Span{}};
    const std::string json = write_inspect_json(doc);
    const std::size_t start = json.find("\"year\": ");
    const std::size_t end = json.find(",\n", start);
    return json.substr(start + 8, end - start - 8);
}

TEST(Json, InspectYearIsAnIntegerOnlyForDecimalDigits) {
    EXPECT_EQ(inspect_year("2023"), "2023");
    EXPECT_EQ(inspect_year("0999"), "999");
    EXPECT_EQ(inspect_year(""), "null");
    EXPECT_EQ(inspect_year("2023年"), "null");
    EXPECT_EQ(inspect_year("二〇二三"), "null");
    EXPECT_EQ(inspect_year("-2023"), "null");
    EXPECT_EQ(inspect_year("99999999999999999999"), "null");
}

TEST(Json, InspectTitleInferredFollowsTheModel) {
    Document doc;
    doc.metadata.title = Field{"由首句生成的标题", false, Span{}};
    EXPECT_NE(write_inspect_json(doc).find("\"title_inferred\": false,"), std::string::npos);
    doc.metadata.title.inferred = true;
    EXPECT_NE(write_inspect_json(doc).find("\"title_inferred\": true,"), std::string::npos);
}

}  // namespace
}  // namespace gongwen

namespace gongwen {
namespace {

TEST(Json, FactValuesAreExactNumbersWithTheirHeadingPath) {
    Document doc;
    Block h1{BlockKind::heading, 1, "一、", "普法", {0, 4}, {}, {}, {}};
    Block h2{BlockKind::heading, 2, "（一）", "宣传", {5, 10}, {}, {}, {}};
    Block p{BlockKind::paragraph, 0, "", "覆盖16.4亿人次。", {11, 20}, {}, {}, {}};
    doc.blocks = {h1, h2, p};
    doc.facts = {Fact{
        "1640000000", "", "16.4亿人次", "人次", "", "", false, "覆盖", "", 2, {13, 20}, {11, 20}, "覆盖16.4亿人次"}};
    const std::string json = write_json(doc);
    EXPECT_NE(json.find("\"value\": 1640000000,"), std::string::npos) << json;
    EXPECT_NE(json.find("\"value_max\": null,"), std::string::npos);
    EXPECT_NE(json.find("\"qualifier\": null,"), std::string::npos);
    EXPECT_NE(json.find("\"heading_path\": [\n        \"一、普法\",\n        \"（一）宣传\"\n      ]"),
              std::string::npos)
        << json;
    EXPECT_NE(write_inspect_json(doc).find("\"facts\": ["), std::string::npos);
}

// ---------------------------------------------------------------------------------------------
// Reading gongwen's JSON back: read_json(write_json(doc)) == doc, and malformed or foreign JSON
// refused with the file, the line and the reason.

// Every slot of the model filled: each block kind, each metadata field, a table, an image,
// facts with ranges, qualifiers, indicators and zero statements, diagnostics with spans.
Document full_document() {
    Document doc;
    doc.source = Source{"gov/2023 报告.txt", 123456789012ull, std::string(64, 'e'), "GB18030", true};
    Metadata& m = doc.metadata;
    m.title = Field{"關於2023年法治政府建設情況的報告", true, Span{0, 18}};
    m.organisation = Field{"某市司法局", false, Span{19, 24}};
    m.year = Field{"2023", true, Span{0, 18}};
    m.published = Field{"2024-01-05", false, Span{25, 36}};
    m.published_time = Field{"09:30", false, Span{37, 42}};
    m.index_number = Field{"11350100MB0000000X/2024-00001", false, Span{43, 70}};
    m.document_number = Field{"榕司〔2024〕1号", false, Span{71, 80}};
    m.addressee = Field{"", true, Span{81, 95}};  // only the flag and the span: still kept
    m.signer = Field{"某市司法局", false, Span{200, 205}};
    m.signed_date = Field{"2024-01-04", false, Span{206, 217}};
    m.source_url = Field{"https://example.gov.cn/a?b=1&c=\"2\"", false, Span{117, 150}};
    m.keywords = Field{"法治 政府", false, Span{161, 170}};
    m.extra = {ExtraField{"组配分类", "规划计划", Span{171, 180}}, ExtraField{"", "", Span{}}};
    doc.blocks = {
        block(BlockKind::title, 0, "", "某市2023年法治政府建设情况报告", Span{0, 17}),
        block(BlockKind::addressee, 0, "", "市法治政府建设领导小组办公室", Span{18, 33}),
        block(BlockKind::heading, 1, "一、", "主要举措", Span{34, 40}),
        block(BlockKind::heading, 4, "（1）", "细化责任", Span{56, 63}),
        block(BlockKind::list_item, 0, "一是", "完善机制。", Span{76, 83}),
        block(BlockKind::attachment, 0, "附件：", "1.统计表", Span{84, 92}),
        block(BlockKind::signature, 0, "", "某市人民政府\n2024年1月5日", Span{93, 110}),
        block(BlockKind::annotation, 0, "", "（此件主动公开）", Span{111, 119}),
    };
    Block paragraph = block(BlockKind::paragraph, 0, "", "一是抓学习；二是抓落实。共办理230余件。", Span{120, 150});
    paragraph.items = {Item{"一是", "抓学习；", Span{120, 126}}, Item{"", "", Span{}}};
    doc.blocks.push_back(paragraph);
    Block table = block(BlockKind::table, 0, "", "", Span{151, 200});
    table.rows = {
        TableRow{{TableCell{"项目", 2, 1, true, Span{152, 154}}, TableCell{"件数", 1, 3, true, Span{155, 157}}}, true},
        TableRow{{TableCell{"", 1, 1, false, Span{}}}, false}};
    doc.blocks.push_back(table);
    Block image = block(BlockKind::image, 0, "", "图一", Span{201, 220});
    image.target = "/images/a b.jpg?x=1&y=<2>";
    doc.blocks.push_back(image);
    doc.blocks.push_back(block(BlockKind::table, 0, "", "", Span{}));  // a table with no rows
    doc.facts = {
        Fact{"230", "", "230余件", "件", "", "余", false, "办理", "cases", 8, {132, 137}, {126, 137}, "共办理230余件"},
        Fact{"99800", "", "9.98万人次", "人次", "", "", false, "覆盖", "", 8, {75, 82}, {74, 82}, "覆盖9.98万人次"},
        Fact{"2", "3", "两三个", "个", "", "", false, "单位", "", 3, {83, 86}, {83, 88}, "两三个单位"},
        Fact{"0.5", "", "0.5%", "%", "", "约", false, "", "", 3, {1, 2}, {0, 3}, ""},
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
             "未发生行政处罚案件"},
        Fact{"", "", "", "", "", "", false, "", "", 0, {}, {}, ""}};
    doc.diagnostics = {Diagnostic{"boilerplate_removed", 3, "删除了网站导航行", {Span{0, 4}, Span{10, 20}}},
                       Diagnostic{"no_spans", 0, "", {}}};
    return doc;
}

TEST(JsonRead, RoundTripsEverySlotOfTheModel) {
    const Document doc = full_document();
    const std::string json = write_json(doc);
    // implied_unit right after unit: null when the unit is written, the noun's unit for a zero.
    EXPECT_NE(json.find("\"unit\": \"件\",\n      \"implied_unit\": null,"), std::string::npos) << json;
    EXPECT_NE(json.find("\"unit\": \"\",\n      \"implied_unit\": \"件\","), std::string::npos) << json;
    EXPECT_EQ(read_json(json, "full.json"), doc);
    EXPECT_EQ(write_json(read_json(json, "full.json")), json);
}

TEST(JsonRead, RoundTripsTheTitleBlock) {
    Document doc;
    doc.blocks = {block(BlockKind::title, 0, "", "政府工作报告", Span{0, 6}),
                  block(BlockKind::subtitle, 0, "", "——2026年1月26日在某省人民代表大会上", Span{7, 27}),
                  block(BlockKind::subtitle, 0, "", "某省省长 张某某", Span{28, 36})};
    const std::string json = write_json(doc);
    EXPECT_NE(json.find("\"kind\": \"subtitle\""), std::string::npos) << json;
    EXPECT_EQ(read_json(json, "t.json"), doc);
}

TEST(JsonRead, RoundTripsAnEmptyDocument) { EXPECT_EQ(read_json(write_json(Document{}), "e.json"), Document{}); }

TEST(JsonRead, RoundTripsStringsJsonMustEscape) {
    for (const std::string& s :
         {std::string("\"quoted\" \\ back/slash"), std::string("nul\0byte\x01\x1f\x7f", 11), std::string("\r\n\t\b\f"),
          std::string("\xE2\x80\xA8 U+2028, 𠮷 U+20BB7, \xEF\xBF\xBF"), std::string("繁體中文：「法治」"),
          std::string()}) {
        Document doc;
        doc.source.name = s;
        doc.blocks.push_back(block(BlockKind::heading, 2, s, s, Span{5, 6}));
        doc.metadata.title = Field{s, false, Span{1, 2}};
        EXPECT_EQ(read_json(write_json(doc), "s.json"), doc) << s;
    }
}

// The fixtures as their readers make them: text reports and saved web pages.
TEST(JsonRead, RoundTripsEveryFixture) {
    std::size_t read = 0;
    for (const char* folder : {"seeds", "html"}) {
        for (const auto& entry : std::filesystem::directory_iterator(std::string(GONGWEN_FIXTURES) + "/" + folder)) {
            const std::string name = std::string(folder) + "/" + entry.path().filename().string();
            const std::string bytes = test::read_fixture(name);
            const Document doc =
                entry.path().extension() == ".html" ? test::read_as_html(bytes, name) : test::read_as_txt(bytes, name);
            ASSERT_FALSE(doc.blocks.empty()) << name;
            const std::string json = write_json(doc);
            EXPECT_EQ(read_json(json, name + ".json"), doc) << name;
            ++read;
        }
    }
    EXPECT_GE(read, 8u);
}

TEST(JsonRead, TakesKeysInAnyOrderEscapesAndWhitespace) {
    const std::string json =
        "\xEF\xBB\xBF { \"diagnostics\":[], \"facts\" : [ ] "
        ",\r\n\t\"blocks\":[{\"items\":[],\"text\":\"\\u4e00\\uD842\\uDFB7\\/\","
        "\"kind\":\"heading\",\"marker\":\"\\u4E00\\u3001\",\"level\":1,\"end\":4,\"start\":0}],"
        "\"metadata\":{\"extra\":[],\"title\":null,\"organisation\":null,\"year\":{\"end\":4,\"start\":0,\"inferred\":"
        "true,"
        "\"value\":\"2023\"},\"published\":null,\"published_time\":null,\"index_number\":null,\"document_number\":null,"
        "\"addressee\":null,\"signer\":null,\"signed_date\":null,\"source\":null,\"publisher\":null,\"source_url\":"
        "null,"
        "\"category\":null,\"keywords\":null},"
        "\"source\":{\"charset_guessed\":false,\"charset\":\"UTF-8\",\"sha256\":\"\",\"size\":0,\"name\":\"x\"},"
        "\"version\":\"1\"}\n\n";
    const Document doc = read_json(json, "hand.json");
    ASSERT_EQ(doc.blocks.size(), 1u);
    EXPECT_EQ(doc.blocks[0].text, "一𠮷/");
    EXPECT_EQ(doc.blocks[0].marker, "一、");
    EXPECT_EQ(doc.blocks[0].level, 1);
    EXPECT_EQ(doc.metadata.year, (Field{"2023", true, Span{0, 4}}));
    EXPECT_EQ(doc.source.name, "x");
}

// The error read_json gives for `json`, or "" when it reads it.
std::string error_of(const std::string& json) {
    try {
        read_json(json, "in.json");
    } catch (const Error& e) {
        return e.what();
    }
    return "";
}

// Expects read_json to refuse `json` with an error that says `part`.
void expect_refused(const std::string& json, const std::string& part) {
    const std::string error = error_of(json);
    EXPECT_NE(error.find(part), std::string::npos) << "error: \"" << error << "\", wanted: " << part;
}

// write_json of the full document with `from` replaced by `to` (which must be there).
std::string edited(const std::string& from, const std::string& to) {
    std::string json = write_json(full_document());
    const std::size_t at = json.find(from);
    if (at == std::string::npos)
        ADD_FAILURE() << "the JSON lacks " << from;
    else
        json.replace(at, from.size(), to);
    return json;
}

TEST(JsonRead, RefusesMalformedJsonNamingFileAndLine) {
    EXPECT_EQ(error_of(""), "in.json: line 1: expected an object for the document");
    EXPECT_EQ(error_of("{\"version\": \"1\",}"), "in.json: line 1: expected a string");
    EXPECT_EQ(error_of("// comment\n{}"), "in.json: line 1: expected an object for the document");
    EXPECT_EQ(error_of("{'version': '1'}"), "in.json: line 1: expected a string");
    EXPECT_EQ(error_of("{\"version\": \"1"), "in.json: line 1: unterminated string");
    EXPECT_EQ(error_of("{\"version\":\n\n \"\xC3\x28\"}"), "in.json: line 3: bytes that are not UTF-8 in a string");
    EXPECT_EQ(error_of("{\"version\": \"a\tb\"}"),
              "in.json: line 1: control character in a string (JSON needs it escaped)");
    EXPECT_EQ(error_of("{\"version\": \"\\uD800x\"}"), "in.json: line 1: unpaired surrogate in \\u escape");
    EXPECT_EQ(error_of("{\"version\": \"\\uDC00\"}"), "in.json: line 1: unpaired surrogate in \\u escape");
    EXPECT_EQ(error_of("{\"version\": \"\\x41\"}"), "in.json: line 1: invalid escape \\x");
    EXPECT_EQ(error_of("{\"version\": \"\\u12G4\"}"), "in.json: line 1: \\u needs four hexadecimal digits");
    const std::string whole = write_json(full_document());
    EXPECT_EQ(error_of(whole + "{}"), "in.json: line " +
                                          std::to_string(std::count(whole.begin(), whole.end(), '\n') + 1) +
                                          ": unexpected text after the document");
    EXPECT_EQ(error_of(whole.substr(0, whole.size() / 2)).substr(0, 13), "in.json: line");
}

TEST(JsonRead, RefusesNumbersThatAreNotWholeOffsets) {
    expect_refused(edited("\"size\": 123456789012", "\"size\": 0123"), "malformed number \"0123\"");
    expect_refused(edited("\"size\": 123456789012", "\"size\": -1"), "\"-1\" is not a whole number from 0 in range");
    expect_refused(edited("\"size\": 123456789012", "\"size\": 1.5"), "\"1.5\" is not a whole number");
    expect_refused(edited("\"size\": 123456789012", "\"size\": 99999999999999999999"), "in range");
    expect_refused(edited("\"size\": 123456789012", "\"size\": \"1\""), "expected a number");
    expect_refused(edited("\"value\": 230,", "\"value\": 2.,"), "malformed number");
    expect_refused(edited("\"zero\": false", "\"zero\": 0"), "expected true or false");
}

TEST(JsonRead, RefusesUnknownMissingAndRepeatedKeys) {
    expect_refused(edited("\"sha256\"", "\"sha1\""), "unknown key \"sha1\" in \"source\"");
    expect_refused(edited("\"charset\": \"GB18030\",\n", ""), "\"source\" lacks the key \"charset\"");
    expect_refused(edited("\"charset\": \"GB18030\"", "\"name\": \"x\""), "key \"name\" repeated in \"source\"");
    expect_refused(edited("\"version\": \"1\"", "\"version\": \"2\""), "version \"2\": this gongwen reads version 1");
    // What `inspect --format json` prints is another shape: refused, not half read.
    expect_refused("{\n  \"file\": \"a.txt\"\n}\n", "line 2: unknown key \"file\" in the document");
}

TEST(JsonRead, RefusesWhatBreaksTheModelsInvariants) {
    expect_refused(edited("\"level\": 4", "\"level\": 5"), "block 3: heading level 5 is not 1–4");
    expect_refused(edited("\"level\": 0", "\"level\": 2"), "block 0: only a heading has a level");
    expect_refused(edited("\"kind\": \"title\"", "\"kind\": \"chapter\""), "unknown block kind \"chapter\"");
    expect_refused(edited("\"kind\": \"paragraph\"", "\"kind\": \"annotation\""),
                   "block 8: only a paragraph has items");
    expect_refused(edited("\"kind\": \"image\"", "\"kind\": \"paragraph\""), "\"target\" belongs to an image");
    expect_refused(edited("\"row_span\": 2", "\"row_span\": 0"), "spans fewer than one row or column");
    expect_refused(edited("\"block\": 8", "\"block\": 12"), "fact 0 names block 12, which does not exist");
    // An implied unit belongs to a zero statement that writes none.
    expect_refused(
        edited("\"unit\": \"件\",\n      \"implied_unit\": null", "\"unit\": \"件\",\n      \"implied_unit\": \"件\""),
        "fact 0: only a zero statement that writes no unit has an \"implied_unit\"");
    expect_refused(
        edited("\"unit\": \"\",\n      \"implied_unit\": \"件\"", "\"unit\": \"件\",\n      \"implied_unit\": \"件\""),
        "fact 4: only a zero statement that writes no unit has an \"implied_unit\"");
}

// JSON written before implied_unit existed has none: read as a fact with nothing implied.
TEST(JsonRead, AFactWithoutImpliedUnitIsReadWithNone) {
    const std::string json = edited("\"unit\": \"\",\n      \"implied_unit\": \"件\",", "\"unit\": \"\",");
    const Document doc = read_json(json, "old.json");
    ASSERT_EQ(doc.facts.size(), 6u);
    EXPECT_EQ(doc.facts[4].unit, "");
    EXPECT_EQ(doc.facts[4].implied_unit, "");
}

}  // namespace
}  // namespace gongwen
