// The indicator catalog: the built-in v1 data file, users' catalogs and their errors, mapping
// facts to indicators and each indicator's rule over one report.
#include <gtest/gtest.h>

#include "gongwen/catalog.hpp"
#include "gongwen/error.hpp"
#include "gongwen/xml.hpp"
#include "model/facts.hpp"
#include "test_util.hpp"

namespace gongwen {
namespace {

using test::read_fixture;

const Indicator* find(const Catalog& c, const std::string& id) {
    for (const Indicator& i : c.indicators)
        if (i.id == id) return &i;
    return nullptr;
}

TEST(Catalog, BuiltInCatalogIsTheV1TableOfTheSpec) {
    const Catalog& c = default_catalog();
    EXPECT_EQ(c.id, "gongwen-v1");
    const std::vector<std::string> ids = {"law_study_sessions",
                                          "executive_meetings",
                                          "laws_studied",
                                          "normative_docs_in_force",
                                          "normative_docs_filed",
                                          "documents_cleaned_up",
                                          "legality_reviews",
                                          "major_decisions",
                                          "legal_advisers",
                                          "permits_handled",
                                          "admin_penalties",
                                          "inspections",
                                          "service_items",
                                          "reconsideration_cases",
                                          "litigation_cases",
                                          "proposals_handled",
                                          "proposal_completion_rate",
                                          "public_inquiries",
                                          "disclosures",
                                          "publicity_events",
                                          "publicity_materials",
                                          "publicity_reach",
                                          "training_participants",
                                          "high_tech_enterprises",
                                          "tech_smes",
                                          "rd_growth",
                                          "innovation_platforms",
                                          "funds_obtained"};
    ASSERT_EQ(c.indicators.size(), ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) EXPECT_EQ(c.indicators[i].id, ids[i]);
    const Indicator* funds = find(c, "funds_obtained");
    ASSERT_TRUE(funds);
    EXPECT_EQ(funds->units, (std::vector<std::string>{"万元", "亿元", "元"}));
    EXPECT_EQ(funds->category, "科技创新");
    EXPECT_EQ(funds->rule, Rule::total);
    EXPECT_EQ(find(c, "executive_meetings")->cues,
              (std::vector<std::string>{"办公会", "党组会", "党组会议", "专题会议"}));
    EXPECT_EQ(find(c, "normative_docs_in_force")->require, (std::vector<std::string>{"现行有效"}));
}

// A catalog error names the file, the line and the problem.
std::string error_of(const std::string& xml) {
    try {
        parse_catalog(xml, "my.xml");
    } catch (const Error& e) {
        EXPECT_EQ(e.file(), "my.xml");
        return e.reason();
    }
    ADD_FAILURE() << "no error for " << xml;
    return "";
}

constexpr const char* kHead = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<catalog id=\"mine\">\n";

TEST(Catalog, ErrorsNameTheLineAndTheProblem) {
    EXPECT_EQ(error_of(std::string(kHead) + "<category label=\"A\">\n<indicator id=\"x\">\n</category>"),
              "line 5: not well-formed XML: Start-end tags mismatch");
    EXPECT_EQ(error_of(std::string(kHead) +
                       "<category label=\"A\">\n<indicator id=\"x\" rule=\"avg\">"
                       "<label>X</label><units>件</units><cues>x</cues></indicator>\n</category>\n</catalog>"),
              "line 4: indicator 'x': rule must be sum, max or total, not 'avg'");
    EXPECT_EQ(error_of(std::string(kHead) +
                       "<category label=\"A\">\n<indicator>\n<label>X</label></indicator>\n</category>\n</catalog>"),
              "line 4: <indicator> needs an id");
    EXPECT_EQ(
        error_of(std::string(kHead) + "<category label=\"A\">\n<indicator id=\"x\">\n<label>X</label>\n<cues>a</cues>\n"
                                      "</indicator>\n</category>\n</catalog>"),
        "line 4: indicator 'x' has no <units>");
    EXPECT_EQ(
        error_of(std::string(kHead) + "<category label=\"A\">\n<indicator id=\"x\">\n<label>X</label><units>件</units>"
                                      "<cues>a</cues>\n<unit>次</unit>\n</indicator>\n</category>\n</catalog>"),
        "line 6: indicator 'x': unknown element <unit>");
    const std::string one = "<indicator id=\"x\"><label>X</label><units>件</units><cues>a</cues></indicator>\n";
    EXPECT_EQ(error_of(std::string(kHead) + "<category label=\"A\">\n" + one + one + "</category>\n</catalog>"),
              "line 5: indicator id 'x' is used twice");
    EXPECT_EQ(error_of("<indicators/>"), "line 1: the root element must be <catalog>, not <indicators>");
    EXPECT_EQ(error_of("<catalog extends=\"gongwen-v9\"><category label=\"A\">" + one + "</category></catalog>"),
              "line 1: extends names 'gongwen-v9'; only gongwen-v1 can be extended");
    EXPECT_EQ(error_of(std::string(kHead) + "</catalog>"), "line 2: the catalog has no indicators");
    EXPECT_EQ(error_of(""), "line 1: not well-formed XML: No document element found");
}

constexpr const char* kHotline = R"(<catalog xmlns="urn:gongwen:catalog:1" id="hotline" extends="gongwen-v1">
  <category id="D" label="监督与纠纷">
    <indicator id="hotline_calls" rule="sum">
      <label>12345热线工单</label><units>件</units><cues>热线 工单</cues>
    </indicator>
    <indicator id="public_inquiries" rule="max">
      <label>群众咨询（只算信访）</label><units>件</units><cues>信访</cues>
    </indicator>
  </category>
  <category id="G" label="政府信息公开">
    <indicator id="disclosure_requests" rule="sum">
      <label>依申请公开</label><units>件</units><cues>依申请</cues>
    </indicator>
  </category>
</catalog>)";

TEST(Catalog, ExtendingAddsIndicatorsAndReplacesThoseWithTheSameId) {
    const Catalog c = parse_catalog(kHotline, "hotline.xml");
    EXPECT_EQ(c.indicators.size(), default_catalog().indicators.size() + 2);
    const Indicator* replaced = find(c, "public_inquiries");
    ASSERT_TRUE(replaced);
    EXPECT_EQ(replaced->rule, Rule::max);
    EXPECT_EQ(replaced->origin, "hotline.xml");
    EXPECT_EQ(find(c, "disclosures")->origin, "gongwen-v1");
    // New indicators join their category; a new category comes last.
    const auto at = [&](const std::string& id) { return find(c, id) - c.indicators.data(); };
    EXPECT_EQ(at("hotline_calls"), at("disclosures") + 1);
    EXPECT_EQ(c.indicators.back().id, "disclosure_requests");
}

TEST(Catalog, AStandaloneCatalogReplacesTheBuiltInOne) {
    const std::string xml = R"(<catalog id="mine"><category label="热线">
      <indicator id="hotline_calls"><label>热线</label><units>件</units><cues>热线</cues></indicator>
    </category></catalog>)";
    const Catalog c = parse_catalog(xml, "mine.xml");
    ASSERT_EQ(c.indicators.size(), 1u);
    Document doc = test::parse("全年受理12345热线工单320件，收到群众咨询8件。\n");
    map_facts(doc, c);
    ASSERT_EQ(doc.facts.size(), 2u);
    EXPECT_EQ(doc.facts[0].indicator, "hotline_calls");
    EXPECT_EQ(doc.facts[1].indicator, "");
}

// --- mapping and rules on the seeds -----------------------------------------------------

struct Expected {
    const char* id;
    const char* value;
};

std::map<std::string, std::string> summary_of(const std::string& seed) {
    const Document doc = test::parse(read_fixture("seeds/" + seed + ".txt"));
    const Catalog& c = default_catalog();
    const ReportSummary s = summarize(doc, c);
    std::map<std::string, std::string> out;
    for (std::size_t k = 0; k < c.indicators.size(); ++k)
        if (s.values[k]) out[c.indicators[k].id] = s.values[k]->value + s.values[k]->qualifier;
    return out;
}

TEST(Catalog, RulesGiveTheSpecsFiguresForTheSeeds) {
    const auto s000 = summary_of("000_2ff49a1744f89f60");
    EXPECT_EQ(s000.at("executive_meetings"), "37");    // 13 + 24
    EXPECT_EQ(s000.at("proposals_handled"), "22");     // 6 + 3 + 1 + 12
    EXPECT_EQ(s000.at("innovation_platforms"), "32");  // max
    EXPECT_EQ(s000.at("normative_docs_in_force"), "8");
    EXPECT_EQ(s000.at("public_inquiries"), "8");
    EXPECT_EQ(s000.at("funds_obtained"), "8800000");
    const auto s001 = summary_of("001_9633c70aebd6e55d");
    EXPECT_EQ(s001.at("laws_studied"), "50余");
    EXPECT_EQ(s001.at("publicity_materials"), "7000余");
    EXPECT_EQ(s001.at("publicity_reach"), "230余");
    const auto s002 = summary_of("002_acf107ec8495534f");
    EXPECT_EQ(s002.at("documents_cleaned_up"), "9");   // the total: 共清理文件9项
    EXPECT_EQ(s002.at("proposals_handled"), "8");      // 3 + 5; 其中2件主办,1件协办 are parts
    EXPECT_EQ(s002.at("funds_obtained"), "20480000");  // the total of the report's year
    EXPECT_EQ(s002.at("tech_smes"), "152");            // 2019's 68 is another year
    EXPECT_EQ(s002.at("innovation_platforms"), "242");
    EXPECT_EQ(s002.at("executive_meetings"), "5");  // said twice, counted once
    const auto s003 = summary_of("003_39330c9e763261de");
    EXPECT_EQ(s003.at("inspections"), "3");
    EXPECT_EQ(s003.at("normative_docs_filed"), "4");
    EXPECT_EQ(s003.at("legality_reviews"), "40余");
    const auto s004 = summary_of("004_2140a01d4004d8c4");
    EXPECT_EQ(s004.at("proposals_handled"), "79");  // 共79件; 其中… parts not added again
    EXPECT_EQ(s004.at("admin_penalties"), "0");
    EXPECT_EQ(s004.at("litigation_cases"), "0");
    EXPECT_EQ(s004.at("reconsideration_cases"), "0");
    EXPECT_EQ(s004.at("publicity_reach"), "99800");
    EXPECT_EQ(s004.at("inspections"), "15");
    EXPECT_EQ(s004.at("proposal_completion_rate"), "100");
}

TEST(Catalog, EveryFactSaysWhetherItWasCountedAndWhyNot) {
    const Document doc = test::parse(read_fixture("seeds/002_acf107ec8495534f.txt"));
    const ReportSummary s = summarize(doc, default_catalog());
    ASSERT_EQ(s.uses.size(), doc.facts.size());
    const auto use_of = [&](const std::string& text, const std::string& quote_part) {
        for (std::size_t i = 0; i < doc.facts.size(); ++i)
            if (doc.facts[i].value_text == text && doc.facts[i].quote.find(quote_part) != std::string::npos)
                return s.uses[i];
        ADD_FAILURE() << text;
        return FactUse::unmapped;
    };
    EXPECT_EQ(use_of("53家", "分别是"), FactUse::other_year);
    EXPECT_EQ(use_of("101家", "分别是"), FactUse::not_chosen);  // 135 municipal is larger
    EXPECT_EQ(use_of("2件", "其中"), FactUse::part);
    EXPECT_EQ(use_of("3件", "承办"), FactUse::counted);
    EXPECT_EQ(use_of("二十二项", "细化"), FactUse::unmapped);
    EXPECT_EQ(use_of("400万元", "共"), FactUse::part);
}

// A zero statement writes no unit; its noun's implied unit is what it counts in, so it maps to
// the indicator of that unit and is the same figure as a written 0件 said again elsewhere.
TEST(Catalog, AZeroStatementMapsAndCountsByItsImpliedUnit) {
    const Document doc = test::parse("关于2023年工作的报告\n本年度未收到行政复议申请。\n全年行政复议申请0件。\n");
    ASSERT_EQ(doc.facts.size(), 2u);
    const Fact& zero = doc.facts[0];
    const Fact& written = doc.facts[1];
    EXPECT_EQ(zero.unit, "");
    EXPECT_EQ(zero.implied_unit, "件");
    EXPECT_EQ(zero.indicator, "reconsideration_cases");
    EXPECT_EQ(written.unit, "件");
    EXPECT_EQ(written.indicator, "reconsideration_cases");
    const ReportSummary s = summarize(doc, default_catalog());
    ASSERT_EQ(s.uses.size(), 2u);
    EXPECT_EQ(s.uses[0], FactUse::counted);
    EXPECT_EQ(s.uses[1], FactUse::repeated);  // 0 件 both times, in another sentence
}

TEST(Catalog, MappingIsTheSameForADocumentReadBackFromXml) {
    Document doc = test::parse(read_fixture("seeds/004_2140a01d4004d8c4.txt"));
    Document back = read_xml(write_xml(doc), "back.xml");
    for (Fact& f : back.facts) f.indicator.clear();
    map_facts(back, default_catalog());
    EXPECT_EQ(back.facts, doc.facts);
    EXPECT_EQ(summarize(back, default_catalog()).values, summarize(doc, default_catalog()).values);
}

}  // namespace
}  // namespace gongwen
