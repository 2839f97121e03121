// The national GIS template (catalog/gis-template.xml) and the recognition of reports in it.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>

#include "gongwen/decimal.hpp"
#include "gongwen/error.hpp"
#include "gongwen/gis.hpp"
#include "gongwen/json.hpp"
#include "gongwen/raw.hpp"
#include "gongwen/read.hpp"
#include "gongwen/unicode.hpp"
#include "gongwen/xml.hpp"
#include "model/gis.hpp"

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

// --- a made-up report in the 2021 format, rendered several ways -----------------------------

// One template row as a report prints it: its label and its values, in template order.
struct MadeRow {
    std::string table;
    std::string label;
    std::vector<std::string> cells;   // ids
    std::vector<std::string> values;  // decimals
};

// Values that add up: table 三's columns and rows, table 四's groups. `single_other` prints
// （六）其他处理 as one row.
std::vector<MadeRow> made_rows(bool single_other = false) {
    const GisFormat& f = *builtin_gis_template().format("2021");
    std::vector<MadeRow> rows;
    int seed = 1;
    for (const GisTable& t : f.tables) {
        for (const GisRow& r : t.rows) {
            const bool part = r.id.rfind("other.", 0) == 0;
            if (t.id == "t3" && (single_other ? part : r.id == "other")) continue;
            MadeRow m{t.id, r.label, {}, {}};
            for (const std::string& c : r.columns) m.cells.push_back("gis." + t.id + "." + r.id + "." + c);
            rows.push_back(std::move(m));
        }
    }
    // Table 二 and 四: any values, 四's totals added up; 三: rows of results, then the sums.
    std::map<std::string, long> v;
    for (MadeRow& m : rows) {
        if (m.table == "t3") continue;
        for (std::size_t k = 0; k < m.cells.size(); ++k) {
            const bool total = m.table == "t4" && k + 1 == m.cells.size();
            long x = (seed++ * 7) % 13;
            if (total) x = v[m.cells[0]] + v[m.cells[1]] + v[m.cells[2]] + v[m.cells[3]];
            v[m.cells[k]] = x;
        }
    }
    const std::vector<std::string> cols{"natural", "business", "research", "nonprofit", "legal", "other"};
    auto id = [](const std::string& row, const std::string& col) { return "gis.t3." + row + "." + col; };
    std::vector<std::string> results;
    for (const MadeRow& m : rows)
        if (m.table == "t3") {
            const std::string row = m.cells[0].substr(7, m.cells[0].rfind('.') - 7);
            if (row != "new" && row != "carried_in" && row != "result_total" && row != "carried_out")
                results.push_back(row);
        }
    for (std::size_t c = 0; c < cols.size(); ++c) {
        long sum = 0;
        for (std::size_t r = 0; r < results.size(); ++r) {
            const long x = (r * 3 + c * 5) % 4 == 0 ? static_cast<long>(r + c) : 0;
            v[id(results[r], cols[c])] = x;
            sum += x;
        }
        v[id("result_total", cols[c])] = sum;
        v[id("carried_in", cols[c])] = c == 0 ? 2 : 0;
        v[id("carried_out", cols[c])] = c == 0 ? 3 : 0;
        v[id("new", cols[c])] = sum + (c == 0 ? 1 : 0);
    }
    for (const MadeRow& m : rows)
        if (m.table == "t3") {
            const std::string row = m.cells[0].substr(7, m.cells[0].rfind('.') - 7);
            long total = 0;
            for (const std::string& c : cols) total += v[id(row, c)];
            v[id(row, "total")] = total;
        }
    v["gis.t2.fees.amount"] = 0;
    for (MadeRow& m : rows)
        for (const std::string& c : m.cells) m.values.push_back(std::to_string(v[c]));
    for (MadeRow& m : rows)
        if (m.cells[0] == "gis.t2.fees.amount") m.values[0] = "12.5";
    return rows;
}

const std::string kOpening =
    "某县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n2023年，全县共受理政府信息公开申请";
const std::string kEnd = "五、存在的主要问题及改进情况\n一是公开质量有待提升。\n六、其他需要报告的事项\n无。\n";

std::string new_total(const std::vector<MadeRow>& rows) {
    for (const MadeRow& m : rows)
        if (m.cells[0] == "gis.t3.new.natural") return m.values.back();
    return "";
}

std::string opening(const std::vector<MadeRow>& rows, const std::string& stated = "") {
    return kOpening + (stated.empty() ? new_total(rows) : stated) + "件，均按时答复。\n";
}

const char* title_of(const std::string& table) {
    return table == "t2"   ? "二、主动公开政府信息情况"
           : table == "t3" ? "三、收到和处理政府信息公开申请情况"
                           : "四、政府信息公开行政复议、行政诉讼情况";
}

// pdftotext -layout: a row's label and values on one line; headers, a footer inside table 三.
std::string layout_text(const std::vector<MadeRow>& rows, const std::string& stated = "") {
    std::string out = opening(rows, stated);
    std::string table;
    for (const MadeRow& m : rows) {
        if (m.table != table) {
            table = m.table;
            out += std::string("\n      ") + title_of(table) + "\n";
            if (table == "t2")
                out += "第二十条 第（一）项\n\n信息内容          本年制发件数     本年废止件数   现行有效件数\n\n";
            if (table == "t3")
                out +=
                    "                     申请人情况\n（本列数据的勾稽关系为：第一项加第二项之和，      "
                    "法人或其他组织\n"
                    "等于第三项加第四项之和）\n               自然人   商业企业 科研机构 社会公益组织 法律服务机构 "
                    "其他  总计\n\n";
            if (table == "t4")
                out +=
                    "行政复议                          行政诉讼\n      未经复议直接起诉         复议后起诉\n"
                    "结果 结果 其他 尚未 总计 结果 结果 其他 尚未 总计 结果 结果 其他 尚未 总计\n"
                    "维持 纠正 结果 审结      维持 纠正 结果 审结      维持 纠正 结果 审结\n\n";
        }
        if (m.cells[0] == "gis.t2.permits.decisions") out += "第二十条 第（五）项\n信息内容     本年处理决定数量\n";
        if (m.cells[0] == "gis.t2.fees.amount") out += "第二十条 第（八）项\n信息内容     本年收费金额（单位：万元）\n";
        if (m.cells[0] == "gis.t3.unavailable.not_held.natural") out += "\n                         -4-\n";
        std::string line = table == "t4" ? "" : m.label + "        ";
        if (table == "t4" && m.cells[0] != "gis.t4.review.upheld") {
            out.pop_back();  // table 四's groups on one line
            line = "   ";
        }
        for (const std::string& v : m.values) line += v + "      ";
        out += line + "\n" + (table == "t4" ? "" : "\n");
    }
    return out + "\n" + kEnd;
}

// Plain pdftotext: one cell a line, blank lines between; labels after their values.
std::string cell_per_line_text(const std::vector<MadeRow>& rows) {
    std::string out = opening(rows);
    std::string table;
    for (const MadeRow& m : rows) {
        if (m.table != table) {
            table = m.table;
            out += std::string(title_of(table)) + "\n";
            if (table == "t2")
                out += "第二十条第（一）项\n信息内容\n\n本年制发件数\n\n本年废止件数\n\n现行有效件数\n\n";
            if (table == "t3") out += "申请人情况\n\n法人或其他组织\n自然人\n\n商业\n企业\n\n总计\n\n";
            if (table == "t4") out += "行政复议\n\n行政诉讼\n未经复议直接起诉\n\n复议后起诉\n\n结果\n维持\n\n";
        }
        for (const std::string& v : m.values) out += v + "\n\n";
        if (table != "t4") out += m.label + "\n\n";
    }
    return out + kEnd;
}

// Plain pdftotext with table 三's rows of （三） and （四） printed column by column: one run of
// values a column, the labels after.
std::string column_major_text(const std::vector<MadeRow>& rows) {
    std::string out = opening(rows);
    std::string table;
    std::vector<const MadeRow*> block;
    auto flush = [&] {
        if (block.empty()) return;
        for (std::size_t c = 0; c < block.front()->values.size(); ++c) {
            for (const MadeRow* m : block) out += m->values[c] + "\n";
            out += "\n";
        }
        for (const MadeRow* m : block) out += m->label + "\n";
        out += "\n";
        block.clear();
    };
    for (const MadeRow& m : rows) {
        if (m.table != table) {
            flush();
            table = m.table;
            out += std::string(title_of(table)) + "\n本年制发件数\n\n";
        }
        const bool in_block =
            m.cells[0].find(".withheld.") != std::string::npos || m.cells[0].find(".unavailable.") != std::string::npos;
        if (in_block) {
            block.push_back(&m);
            continue;
        }
        flush();
        for (const std::string& v : m.values) out += v + "\n\n";
        out += m.label + "\n\n";
    }
    flush();
    return out + kEnd;
}

// An HTML page: table 三 with rowspan/colspan, a caption row, Word's spans inside cells.
std::string html_page(const std::vector<MadeRow>& rows) {
    std::string out =
        "<html><head><meta charset=\"utf-8\"><title>某县人民政府2023年政府信息公开工作年度报告</title></head><body>"
        "<div class=\"article\"><h1>某县人民政府2023年政府信息公开工作年度报告</h1><p>一、总体情况</p>"
        "<p>2023年，全县坚持以公开为常态、不公开为例外，持续推进政务公开标准化规范化建设，全年共受理政府信息公开申请" +
        new_total(rows) + "件。</p>";
    std::string table;
    for (const MadeRow& m : rows) {
        if (m.table != table) {
            if (!table.empty()) out += "</table>";
            table = m.table;
            out += std::string("<p>") + title_of(table) + "</p><table border=\"1\">";
            if (table == "t2")
                out +=
                    "<tr><td colspan=\"4\">第二十条第（一）项</td></tr><tr><td>信息内容</td><td>本年制发件数</td>"
                    "<td>本年废止件数</td><td>现行有效件数</td></tr>";
            if (table == "t3")
                out +=
                    "<tr><td rowspan=\"3\" "
                    "colspan=\"3\">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>"
                    "<td colspan=\"7\">申请人情况</td></tr><tr><td rowspan=\"2\">自然人</td><td "
                    "colspan=\"5\">法人或其他组织</td>"
                    "<td rowspan=\"2\">总计</td></tr><tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td>"
                    "<td>法律服务机构</td><td>其他</td></tr>";
            if (table == "t4")
                out +=
                    "<tr><td colspan=\"5\">行政复议</td><td colspan=\"10\">行政诉讼</td></tr><tr><td "
                    "rowspan=\"2\">结果维持</td>"
                    "<td rowspan=\"2\">结果纠正</td><td rowspan=\"2\">其他结果</td><td rowspan=\"2\">尚未审结</td>"
                    "<td rowspan=\"2\">总计</td><td colspan=\"5\">未经复议直接起诉</td><td "
                    "colspan=\"5\">复议后起诉</td></tr>"
                    "<tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</"
                    "td><td>结果维持</td>"
                    "<td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr><tr>";
        }
        if (table == "t4") {
            for (const std::string& v : m.values)
                out += "<td><p><span style=\"font-size:12pt\">" + v + "</span></p></td>";
            if (m.cells[0] == "gis.t4.suit_after_review.upheld") out += "</tr>";
            continue;
        }
        out += "<tr>";
        if (m.cells[0] == "gis.t3.disclosed.natural") out += "<td rowspan=\"22\">三、本年度办理结果</td>";
        out += "<td colspan=\"" + std::string(table == "t3" ? "2" : "1") + "\"><span>" + m.label + "</span></td>";
        for (const std::string& v : m.values) out += "<td><span lang=\"EN-US\">" + v + "</span></td>";
        out += "</tr>";
    }
    return out +
           "</table><p>五、存在的主要问题及改进情况</p><p>一是公开质量有待提升，二是平台建设有待加强。</p>"
           "<p>六、其他需要报告的事项</p><p>本年度未收取信息处理费。</p></div></body></html>";
}

// Every cell of `rows` read with its value, its exact source span and its unit.
void expect_cells(const Document& doc, const std::vector<MadeRow>& rows, const std::string& source) {
    EXPECT_EQ(doc.gis.format, "2021");
    for (const Diagnostic& d : doc.diagnostics)
        if (d.kind.rfind("gis_", 0) == 0 && d.kind != "gis_check") ADD_FAILURE() << d.kind << ": " << d.message;
    const std::u32string text = to_u32(source);
    std::map<std::string, const Fact*> got;
    for (const Fact& f : doc.facts)
        if (f.indicator.rfind("gis.", 0) == 0) {
            EXPECT_TRUE(got.emplace(f.indicator, &f).second) << f.indicator;
        }
    std::size_t cells = 0;
    for (const MadeRow& m : rows)
        for (std::size_t k = 0; k < m.cells.size(); ++k, ++cells) {
            auto it = got.find(m.cells[k]);
            ASSERT_NE(it, got.end()) << m.cells[k];
            EXPECT_EQ(it->second->value, normalize_decimal(m.values[k])) << m.cells[k];
            EXPECT_EQ(to_utf8(text.substr(it->second->span.start, it->second->span.end - it->second->span.start)),
                      m.values[k])
                << m.cells[k];
            EXPECT_EQ(it->second->unit, m.cells[k] == "gis.t2.fees.amount" ? "万元" : "件");
            EXPECT_LT(it->second->block, doc.blocks.size());
        }
    EXPECT_EQ(got.size(), cells);
    for (const GisCheck& c : doc.gis.checks) EXPECT_TRUE(c.passed) << describe_gis_check(c);
    // A row total for each row of 三, 7 result sums, 7 balances, 3 totals of 四, the prose.
    std::size_t t3_rows = 0;
    for (const MadeRow& m : rows) t3_rows += m.table == "t3" ? 1 : 0;
    EXPECT_EQ(doc.gis.checks.size(), t3_rows + 7 + 7 + 3 + 1);
    for (const Diagnostic& d : doc.diagnostics) EXPECT_NE(d.kind, "gis_check") << d.message;
}

Document read(const std::string& bytes, const std::string& name) { return read_bytes(bytes, name); }

TEST(GisRecognition, LayoutText) {
    const auto rows = made_rows();
    const std::string text = layout_text(rows);
    expect_cells(read(text, "a.txt"), rows, text);
}

TEST(GisRecognition, LayoutTextWithOtherAsOneRow) {
    const auto rows = made_rows(true);
    const std::string text = layout_text(rows);
    const Document doc = read(text, "a.txt");
    expect_cells(doc, rows, text);
    for (const Fact& f : doc.facts) EXPECT_EQ(f.indicator.find("gis.t3.other.no_fee"), std::string::npos);
}

TEST(GisRecognition, OneCellPerLineValuesBeforeLabels) {
    const auto rows = made_rows();
    const std::string text = cell_per_line_text(rows);
    expect_cells(read(text, "a.txt"), rows, text);
}

TEST(GisRecognition, ColumnByColumnBlocks) {
    const auto rows = made_rows(true);
    const std::string text = column_major_text(rows);
    expect_cells(read(text, "a.txt"), rows, text);
}

TEST(GisRecognition, HtmlTablesWithSpansAndCaptionRows) {
    const auto rows = made_rows();
    const std::string page = html_page(rows);
    if (const char* dump = std::getenv("GIS_TEST_DUMP")) {
        std::FILE* f = std::fopen(dump, "w");
        std::fputs(page.c_str(), f);
        std::fclose(f);
    }
    const Document doc = read(page, "a.html");
    expect_cells(doc, rows, page);
    // The tables' figures are the cells only: no loose fact of a table block without a cell id.
    for (const Fact& f : doc.facts)
        if (doc.blocks[f.block].kind == BlockKind::table) {
            EXPECT_EQ(f.indicator.rfind("gis.", 0), 0u) << f.quote;
        }
}

// The tables helper's output: table blocks a reader finished, one row per template row; the
// tables' titles as lines before them or as their first rows.
void finished_table_blocks(bool titles_inside) {
    const auto rows = made_rows();
    RawDocument raw;
    std::string source;
    auto line = [&](const std::string& text) {
        RawBlock b;
        b.text = text;
        b.start = to_u32(source).size();
        source += text + "\n";
        raw.blocks.push_back(std::move(b));
    };
    line(opening(rows).substr(0, opening(rows).size() - 1));
    std::string table;
    Block* open = nullptr;
    for (const MadeRow& m : rows) {
        if (m.table != table) {
            table = m.table;
            if (!titles_inside) line(title_of(table));
            RawBlock b;
            b.block = Block{};
            b.block->kind = BlockKind::table;
            b.start = to_u32(source).size();
            raw.blocks.push_back(std::move(b));
            open = &*raw.blocks.back().block;
            if (titles_inside) {
                const std::size_t start = to_u32(source).size();
                source += std::string(title_of(table)) + "\n";
                TableRow caption;
                caption.cells.push_back(
                    TableCell{title_of(table), 1, 1, false, Span{start, start + to_u32(title_of(table)).size()}});
                open->rows.push_back(caption);
            }
            TableRow header;
            header.header = true;
            for (const char* label : {"信息内容", "本年制发件数", "本年废止件数", "现行有效件数"}) {
                header.cells.push_back(TableCell{label, 1, 1, true, {}});
                if (table != "t2") break;
            }
            open->rows.push_back(header);
        }
        TableRow r;
        auto cell = [&](const std::string& text) {
            const std::size_t start = to_u32(source).size();
            source += text + " ";
            r.cells.push_back(TableCell{text, 1, 1, false, Span{start, start + to_u32(text).size()}});
        };
        if (table != "t4" || m.cells[0] == "gis.t4.review.upheld") cell(m.label);
        for (const std::string& v : m.values) cell(v);
        if (table == "t4" && !open->rows.back().header) {
            for (TableCell& c : r.cells) open->rows.back().cells.push_back(c);
        } else {
            open->rows.push_back(std::move(r));
        }
        source += "\n";
    }
    for (RawBlock& b : raw.blocks)
        if (b.block) {
            b.block->span = Span{b.start, to_u32(source).size()};
            for (auto& r : b.block->rows)
                if (!r.cells.empty() && !r.header)
                    b.block->span.end = std::max(b.block->span.end, r.cells.back().span.end);
        }
    line("五、存在的主要问题及改进情况");
    expect_cells(run_passes(std::move(raw)), rows, source);
}

TEST(GisRecognition, FinishedTableBlocks) { finished_table_blocks(false); }

TEST(GisRecognition, FinishedTableBlocksWithTheirTitlesInside) { finished_table_blocks(true); }

TEST(GisChecks, WrongTotalIsReportedWithItsCellsAndNumbers) {
    auto rows = made_rows();
    for (MadeRow& m : rows)
        if (m.cells[0] == "gis.t4.review.upheld") m.values.back() = "0";  // 总计 0 over non-zero parts
    const Document doc = read(layout_text(rows), "a.txt");
    ASSERT_EQ(doc.gis.format, "2021");
    std::size_t failed = 0;
    for (const GisCheck& c : doc.gis.checks)
        if (!c.passed) {
            ++failed;
            EXPECT_EQ(c.rule, "t4.review.total");
            EXPECT_EQ(c.left, (std::vector<std::string>{"gis.t4.review.total"}));
            EXPECT_EQ(c.left_value, "0");
            EXPECT_NE(c.right_value, "0");
        }
    EXPECT_EQ(failed, 1u);
    const auto d = std::find_if(doc.diagnostics.begin(), doc.diagnostics.end(),
                                [](const Diagnostic& x) { return x.kind == "gis_check"; });
    ASSERT_NE(d, doc.diagnostics.end());
    EXPECT_EQ(d->message.rfind("t4 review: total 0 ≠ upheld+corrected+other+pending ", 0), 0u) << d->message;
    EXPECT_EQ(d->spans.size(), 5u);
}

TEST(GisChecks, TableThreeBalanceNamesTheColumn) {
    auto rows = made_rows();
    for (MadeRow& m : rows)
        if (m.cells[0] == "gis.t3.carried_out.natural") m.values[0] = "4", m.values.back() = "4";
    const Document doc = read(layout_text(rows), "a.txt");
    std::vector<std::string> messages;
    for (const Diagnostic& d : doc.diagnostics)
        if (d.kind == "gis_check") messages.push_back(d.message);
    ASSERT_EQ(messages.size(), 2u);  // the natural column and the total column
    EXPECT_NE(messages[0].find("t3 natural: new+carried_in"), std::string::npos) << messages[0];
    EXPECT_NE(messages[0].find("≠ result_total+carried_out"), std::string::npos) << messages[0];
}

TEST(GisChecks, ProseThatContradictsTheTableIsReported) {
    const auto rows = made_rows();
    const Document doc = read(layout_text(rows, "999"), "a.txt");
    const auto c = std::find_if(doc.gis.checks.begin(), doc.gis.checks.end(),
                                [](const GisCheck& x) { return x.rule == "prose.applications_received"; });
    ASSERT_NE(c, doc.gis.checks.end());
    EXPECT_FALSE(c->passed);
    EXPECT_EQ(c->right_value, "999");
    const auto d = std::find_if(doc.diagnostics.begin(), doc.diagnostics.end(), [](const Diagnostic& x) {
        return x.kind == "gis_check" && x.message.find("999") != std::string::npos;
    });
    ASSERT_NE(d, doc.diagnostics.end());
    EXPECT_EQ(d->spans.size(), 2u);  // the table's cell and the prose's number
}

TEST(GisChecks, ProseCountingCarriedOverApplicationsAgrees) {
    const auto rows = made_rows();
    const std::string with_carried = std::to_string(std::stol(new_total(rows)) + 2);  // carried_in total is 2
    const Document doc = read(layout_text(rows, with_carried), "a.txt");
    const auto c = std::find_if(doc.gis.checks.begin(), doc.gis.checks.end(),
                                [](const GisCheck& x) { return x.rule == "prose.applications_received"; });
    ASSERT_NE(c, doc.gis.checks.end());
    EXPECT_TRUE(c->passed);
    EXPECT_EQ(c->left.size(), 2u);
}

TEST(GisRecognition, RowsLeftOutArePlacedByTheirLabels) {
    auto rows = made_rows();
    std::erase_if(rows, [](const MadeRow& m) { return m.cells[0] == "gis.t3.withheld.query.natural"; });
    for (MadeRow& m : rows)  // a label missing characters
        if (m.cells[0] == "gis.t3.withheld.prohibited.natural") m.label = "2.其他法律行政止公开";
    const std::string text = layout_text(rows);
    const Document doc = read(text, "a.txt");
    EXPECT_EQ(doc.gis.format, "2021");
    std::map<std::string, std::string> got;
    for (const Fact& f : doc.facts) got[f.indicator] = f.value;
    for (const MadeRow& m : rows)
        for (std::size_t k = 0; k < m.cells.size(); ++k) EXPECT_EQ(got[m.cells[k]], m.values[k]) << m.cells[k];
    EXPECT_EQ(got.count("gis.t3.withheld.query.natural"), 0u);
    const auto d = std::find_if(doc.diagnostics.begin(), doc.diagnostics.end(),
                                [](const Diagnostic& x) { return x.kind == "gis_rows_by_label"; });
    ASSERT_NE(d, doc.diagnostics.end());
    EXPECT_NE(d->message.find("rows not found: withheld.query"), std::string::npos) << d->message;
}

TEST(GisRecognition, ValuesWithoutLabelsThatDoNotFillTheTemplateAreNotGuessed) {
    auto rows = made_rows();
    std::erase_if(rows, [](const MadeRow& m) { return m.cells[0] == "gis.t3.withheld.query.natural"; });
    const Document doc = read(cell_per_line_text(rows), "a.txt");
    EXPECT_EQ(doc.gis.format, "2021");
    for (const Fact& f : doc.facts) EXPECT_NE(f.indicator.rfind("gis.t3.", 0), 0u) << f.indicator;
    EXPECT_TRUE(std::any_of(doc.diagnostics.begin(), doc.diagnostics.end(),
                            [](const Diagnostic& d) { return d.kind == "gis_table_unplaced"; }));
}

TEST(GisRecognition, ReportsWithoutTheNationalTablesAreNotGis) {
    const Document doc = read(
        "某局2012年政府信息公开工作年度报告\n一、概述\n全年主动公开政府信息425条。\n二、主动公开政府信息情况\n共12条。"
        "\n",
        "a.txt");
    EXPECT_EQ(doc.gis.format, "");
    EXPECT_TRUE(doc.gis.checks.empty());
}

TEST(GisRecognition, Format2019ByItsColumns) {
    // Table 二 of the 2019 trial format: 22 cells in eight rows.
    std::string text =
        kOpening + "3件。\n二、主动公开政府信息情况\n信息内容 本年新制作数量 本年新公开数量 对外公开总数量\n";
    const std::vector<std::pair<std::string, int>> t2{
        {"规章", 3},     {"规范性文件", 3}, {"行政许可", 3},       {"其他对外管理服务事项", 3},
        {"行政处罚", 3}, {"行政强制", 3},   {"行政事业性收费", 2}, {"政府集中采购", 2}};
    int n = 1;
    for (const auto& [label, width] : t2) {
        if (label == "行政许可") text += "信息内容 上一年项目数量 本年增/减 处理决定数量\n";
        text += label;
        for (int k = 0; k < width; ++k) text += " " + std::to_string(n++);
        text += "\n";
    }
    auto rows = made_rows(true);
    std::erase_if(rows, [](const MadeRow& m) { return m.table == "t2"; });
    const std::string rest = layout_text(rows);
    text += rest.substr(rest.find("      三、"));
    const Document doc = read(text, "a.txt");
    EXPECT_EQ(doc.gis.format, "2019");
    std::map<std::string, std::string> got;
    for (const Fact& f : doc.facts) got[f.indicator] = f.value;
    EXPECT_EQ(got["gis.t2.rules.made"], "1");
    EXPECT_EQ(got["gis.t2.fees.change"], "20");
    EXPECT_EQ(got["gis.t2.procurement.amount"], "22");
    EXPECT_EQ(got.count("gis.t3.other.natural"), 1u);
    EXPECT_EQ(got.count("gis.t3.new.total"), 1u);
}

TEST(GisSerialization, XmlAndJsonCarryTheFormatAndChecks) {
    const auto rows = made_rows();
    auto bad = rows;
    for (MadeRow& m : bad)
        if (m.cells[0] == "gis.t4.review.upheld") m.values.back() = "0";
    const Document doc = read(layout_text(bad, "999"), "a.txt");
    ASSERT_FALSE(doc.gis.checks.empty());
    EXPECT_EQ(read_xml(write_xml(doc), "a.xml"), doc);
    EXPECT_EQ(read_json(write_json(doc), "a.json"), doc);
    const std::string xml = write_xml(doc);
    EXPECT_NE(xml.find("<gis>\n    <format>2021</format>"), std::string::npos);
    EXPECT_NE(xml.find("<check passed=\"false\">"), std::string::npos);
    // Read back through the pipeline, the facts keep their cell ids (the catalog maps the others).
    const Document again = read_bytes(write_xml(doc), "a.xml");
    EXPECT_EQ(again.facts, doc.facts);
}

}  // namespace
}  // namespace gongwen

namespace gongwen {
namespace {

std::vector<std::string> prose_checks(const std::string& text) {
    const Document doc = read_bytes("某局2012年政府信息公开工作年度报告\n" + text + "\n", "a.txt");
    std::vector<std::string> out;
    for (const Diagnostic& d : doc.diagnostics)
        if (d.kind == "prose_check") out.push_back(d.message);
    return out;
}

TEST(GisProseChecks, SharesOfAWholeThatDoNotAddUp) {
    const auto notes = prose_checks(
        "2012年，在本局网站主动公开的100条政府信息中，机构职能信息50条，占50%；政策文件类信息30条，占30%；"
        "规划计划类信息16条，占20%。");
    ASSERT_EQ(notes.size(), 1u);
    EXPECT_EQ(notes[0], "the 3 parts listed add up to 96条, the whole they divide is stated as 100条");
    // Parts that add up, and parts that are only some of the whole (shares far from 100%), say nothing.
    EXPECT_TRUE(prose_checks("在主动公开的100条政府信息中，机构职能信息50条，占50%；政策文件类信息30条，占30%；"
                             "规划计划类信息20条，占20%。")
                    .empty());
    EXPECT_TRUE(prose_checks("在主动公开的100条政府信息中，机构职能信息50条，占50%；政策文件类信息10条，占10%；"
                             "规划计划类信息6条，占6%。")
                    .empty());
}

TEST(GisProseChecks, CategoriesClosedByOtherMustMakeTheWhole) {
    const auto notes = prose_checks(
        "一、主动公开政府信息情况\n全年主动公开政府信息 200条。\n主动公开政府信息的主要类别有：机构职能类信息50条，"
        "政策文件类信息60条，其他应主动公开的信息100条。");
    ASSERT_EQ(notes.size(), 1u);
    EXPECT_EQ(notes[0], "the 3 parts listed add up to 210条, the whole they divide is stated as 200条");
    // Without 其他 the list need not be complete.
    EXPECT_TRUE(prose_checks("全年主动公开政府信息200条。\n主动公开政府信息的主要类别有：机构职能类信息50条，"
                             "政策文件类信息60条，规划类信息10条。")
                    .empty());
}

TEST(GisProseChecks, RateTheCountsDoNotMake) {
    const auto notes = prose_checks("今年共受理政府信息公开申请和审批事项20件，办结30件，办结率100%。");
    ASSERT_EQ(notes.size(), 1u);
    EXPECT_EQ(notes[0], "受理 20件 and 办结 30件 make a 办结率 of 150%, the text states 100%");
    EXPECT_TRUE(prose_checks("今年共受理政府信息公开申请20件，办结19件，办结率95%。").empty());
}

}  // namespace
}  // namespace gongwen

namespace gongwen {
namespace {

TEST(GisRecognition, VacantCellsKeepTheirPlaces) {
    auto rows = made_rows();
    // Table 三's 科研机构 column of 部分公开 printed as —, its 总计 of 二 left empty in HTML.
    for (MadeRow& m : rows)
        if (m.cells[0] == "gis.t3.partly.natural") m.values[2] = "—";
    const std::string text = layout_text(rows);
    const Document doc = read_bytes(text, "a.txt");
    std::map<std::string, std::string> got;
    for (const Fact& f : doc.facts) got[f.indicator] = f.value;
    EXPECT_EQ(got.count("gis.t3.partly.research"), 0u);
    const auto row_of = [](const std::vector<MadeRow>& all, const std::string& first) {
        return *std::find_if(all.begin(), all.end(), [&](const MadeRow& m) { return m.cells[0] == first; });
    };
    EXPECT_EQ(got["gis.t3.partly.legal"], row_of(rows, "gis.t3.partly.natural").values[4]);
    EXPECT_EQ(got.count("gis.t3.carried_out.total"), 1u);

    auto page_rows = made_rows();
    for (MadeRow& m : page_rows)
        if (m.cells[0] == "gis.t3.carried_in.natural") m.values[3] = "";
    const Document page = read_bytes(html_page(page_rows), "a.html");
    got.clear();
    for (const Fact& f : page.facts) got[f.indicator] = f.value;
    EXPECT_EQ(got.count("gis.t3.carried_in.nonprofit"), 0u);
    EXPECT_EQ(got["gis.t3.carried_in.total"], row_of(page_rows, "gis.t3.carried_in.natural").values[6]);
}

// Numbers printed in full-width digits (１２, as some reports type them) are numbers: the GIS
// cells get the values the half-width table gives (bare_number rejects a word before folding it).
TEST(GisRecognition, FullWidthNumbersReadAsTheirValues) {
    const auto rows = made_rows();
    auto wide_rows = rows;
    for (MadeRow& m : wide_rows)
        if (m.table == "t3")
            for (std::string& v : m.values) {
                std::string wide;
                for (char c : v)
                    wide += c >= '0' && c <= '9' ? utf8_of(U'０' + static_cast<char32_t>(c - '0')) : std::string(1, c);
                v = wide;
            }
    const auto values = [](const Document& doc) {
        std::map<std::string, std::string> got;
        for (const Fact& f : doc.facts)
            if (f.indicator.rfind("gis.", 0) == 0) got[f.indicator] = f.value;
        return got;
    };
    const auto half = values(read_bytes(layout_text(rows), "a.txt"));
    ASSERT_GT(half.size(), 20u);
    EXPECT_EQ(values(read_bytes(layout_text(wide_rows), "a.txt")), half);
}

TEST(GisChecks, ARowPrintedAsItsSumAndItsPartsCountsOnce) {
    const GisFormat& f = *builtin_gis_template().format("2021");
    Document doc;
    doc.blocks.push_back(Block{});
    auto fact = [&](const std::string& id, const std::string& v) {
        Fact x;
        x.indicator = id;
        x.value = v;
        doc.facts.push_back(x);
    };
    fact("gis.t3.result_total.natural", "5");
    fact("gis.t3.disclosed.natural", "2");
    fact("gis.t3.other.no_correction.natural", "1");
    fact("gis.t3.other.other.natural", "2");
    fact("gis.t3.other.natural", "3");
    const auto checks = check_gis(doc, f);
    const auto c =
        std::find_if(checks.begin(), checks.end(), [](const GisCheck& x) { return x.rule == "t3.natural.results"; });
    ASSERT_NE(c, checks.end());
    EXPECT_TRUE(c->passed) << describe_gis_check(*c);
    EXPECT_EQ(c->right_value, "5");
}

}  // namespace
}  // namespace gongwen

namespace gongwen {
namespace {

// A crawler's text of the page: a header line, then the whole body on one line, cells separated by
// spaces, a one-value row's label and value glued together.
TEST(GisRecognition, CrawlerTextWithTheBodyOnOneLine) {
    const auto rows = made_rows();
    std::string body = "2023年，全县共受理政府信息公开申请" + new_total(rows) + "件。";
    for (int k = 0; k < 12; ++k) body += " 推进政务公开标准化规范化建设，完善公开目录。";
    std::string table;
    for (const MadeRow& m : rows) {
        if (m.table != table) {
            table = m.table;
            body += std::string(" ") + title_of(table) + " 信息内容 本年制发件数 本年废止件数 现行有效件数";
        }
        if (table != "t4") body += " " + m.label + (m.values.size() == 1 ? "" : " ");
        for (const std::string& v : m.values) body += v + " ";
    }
    body += "五、存在的主要问题及改进情况 一是公开质量有待提升。";
    const std::string text = "标题:某县人民政府2023年政府信息公开工作年度报告\n" + body + "\n";
    if (const char* dump = std::getenv("GIS_TEST_DUMP")) {
        std::FILE* f = std::fopen(dump, "w");
        std::fputs(text.c_str(), f);
        std::fclose(f);
    }
    expect_cells(read(text, "a.txt"), rows, text);
}

}  // namespace
}  // namespace gongwen
