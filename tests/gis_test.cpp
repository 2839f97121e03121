// The national GIS template (catalog/gis-template.xml) and the recognition of reports in it.
#include <gtest/gtest.h>

#include <set>

#include "gongwen/error.hpp"
#include "gongwen/gis.hpp"

namespace gongwen {
namespace {

TEST(GisTemplate, BuiltinHasBothFormatsWithTheDocumentedIds) {
    const GisTemplate& t = builtin_gis_template();
    ASSERT_NE(t.format("2021"), nullptr);
    ASSERT_NE(t.format("2019"), nullptr);
    EXPECT_EQ(t.format("2018"), nullptr);
    const GisFormat& f = *t.format("2021");
    EXPECT_EQ(f.basis, "国办公开办函〔2021〕30号");
    ASSERT_EQ(f.tables.size(), 3u);
    EXPECT_EQ(f.tables[0].title, "二、主动公开政府信息情况");
    const GisCell* c = f.cell("gis.t3.new.natural");
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->table, "t3");
    EXPECT_EQ(c->row, "new");
    EXPECT_EQ(c->column, "natural");
    EXPECT_EQ(c->row_label, "一、本年新收政府信息公开申请数量");
    EXPECT_EQ(c->column_label, "自然人");
    EXPECT_EQ(c->unit, "件");
    const GisCell* b = f.cell("gis.t3.withheld.state_secret.business");
    ASSERT_NE(b, nullptr);
    EXPECT_EQ(b->column_group, "法人或其他组织");
    EXPECT_EQ(b->row_label, "（三）不予公开 1.属于国家秘密");
    const GisCell* fee = f.cell("gis.t2.fees.amount");
    ASSERT_NE(fee, nullptr);
    EXPECT_EQ(fee->unit, "万元");
    const GisCell* suit = f.cell("gis.t4.suit_after_review.upheld");
    ASSERT_NE(suit, nullptr);
    EXPECT_EQ(suit->column_group, "行政诉讼");
    EXPECT_EQ(suit->column_label, "结果维持");
    EXPECT_EQ(f.cell("gis.t2.rules.made"), nullptr);
    EXPECT_NE(t.format("2019")->cell("gis.t2.procurement.amount"), nullptr);
    EXPECT_NE(f.cell("gis.t3.other.no_fee.total"), nullptr);
    EXPECT_NE(f.cell("gis.t3.other.total"), nullptr);
    EXPECT_EQ(t.format("2019")->cell("gis.t3.other.no_fee.total"), nullptr);
    // 10 cells in table 二, 26 rows of 7 in table 三, 15 in table 四.
    EXPECT_EQ(f.tables[0].cells.size(), 10u);
    EXPECT_EQ(f.tables[1].cells.size(), 26u * 7);
    EXPECT_EQ(f.tables[2].cells.size(), 15u);
    std::set<std::string> ids;
    for (const GisTable& table : f.tables)
        for (const GisCell& cell : table.cells) EXPECT_TRUE(ids.insert(cell.id).second) << cell.id;
}

TEST(GisTemplate, RulesExpandToCellIds) {
    const GisFormat& f = *builtin_gis_template().format("2021");
    const GisRule* balance = nullptr;
    const GisRule* row_total = nullptr;
    for (const GisRule& r : f.rules) {
        if (r.name == "t3.natural.balance") balance = &r;
        if (r.name == "t3.new.total") row_total = &r;
        for (const auto& id : r.left) EXPECT_NE(f.cell(id), nullptr) << id;
        for (const auto& id : r.right) EXPECT_NE(f.cell(id), nullptr) << id;
    }
    ASSERT_NE(balance, nullptr);
    EXPECT_EQ(balance->left, (std::vector<std::string>{"gis.t3.new.natural", "gis.t3.carried_in.natural"}));
    EXPECT_EQ(balance->right, (std::vector<std::string>{"gis.t3.result_total.natural", "gis.t3.carried_out.natural"}));
    ASSERT_NE(row_total, nullptr);
    EXPECT_EQ(row_total->left, (std::vector<std::string>{"gis.t3.new.total"}));
    EXPECT_EQ(row_total->right.size(), 6u);
    // 26 row totals, 7 result sums, 7 balances, 3 totals of table 四.
    EXPECT_EQ(f.rules.size(), 26u + 7 + 7 + 3);
}

TEST(GisTemplate, BadFilesNameTheLineAndProblem) {
    const std::string head =
        R"(<gis-template xmlns="urn:gongwen:gis-template:1"><format id="x" basis="b"><detect>a</detect>)";
    try {
        parse_gis_template(head +
                               "\n<table id=\"t2\" title=\"T\"><column id=\"c\" label=\"C\"/>\n<row id=\"r\" "
                               "label=\"R\" columns=\"d\"/></table></format></gis-template>",
                           "t.xml");
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("line 3"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("column 'd'"), std::string::npos) << e.what();
    }
    EXPECT_THROW(
        parse_gis_template(
            head +
                "<table id=\"t2\" title=\"T\"><column id=\"c\" label=\"C\"/><row id=\"r\" label=\"R\"/></table><rule "
                "name=\"n\" left=\"gis.t2.r.c\" right=\"gis.t2.r.x\"/></format></gis-template>",
            "t.xml"),
        Error);
    EXPECT_THROW(parse_gis_template("<gis-template/>", "t.xml"), Error);
    EXPECT_THROW(parse_gis_template("<gis-template", "t.xml"), Error);
}

}  // namespace
}  // namespace gongwen
