#include "converters/json/json.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace gongwen {
namespace {

Block block(BlockKind kind, int level, std::string marker, std::string text, Span span) {
    Block b;
    b.kind = kind;
    b.level = level;
    b.marker = std::move(marker);
    b.text = std::move(text);
    b.span = span;
    return b;
}

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
  ]
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
  "headings": [],
  "facts": [],
  "diagnostics": []
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
    doc.facts = {Fact{"1640000000", "", "16.4亿人次", "人次", "", false, "覆盖", "", 2, {13, 20}, {11, 20}, "覆盖16.4亿人次"}};
    const std::string json = write_json(doc);
    EXPECT_NE(json.find("\"value\": 1640000000,"), std::string::npos) << json;
    EXPECT_NE(json.find("\"value_max\": null,"), std::string::npos);
    EXPECT_NE(json.find("\"qualifier\": null,"), std::string::npos);
    EXPECT_NE(json.find("\"heading_path\": [\n        \"一、普法\",\n        \"（一）宣传\"\n      ]"), std::string::npos)
        << json;
    EXPECT_NE(write_inspect_json(doc).find("\"facts\": ["), std::string::npos);
}

}  // namespace
}  // namespace gongwen
