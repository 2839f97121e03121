// Facts: every example of ../shared/docs/indicators.md, what is never a fact, and the hand-made
// gold lists of fixtures/facts/ checked against the whole text pipeline.
#include <gtest/gtest.h>

#include <sstream>

#include "gongwen/catalog.hpp"
#include "gongwen/text.hpp"
#include "gongwen/unicode.hpp"
#include "model/facts.hpp"
#include "model/facts_internal.hpp"
#include "test_util.hpp"

namespace gongwen {
namespace {

using test::read_fixture;

std::vector<Fact> facts_of(const std::string& text) { return extract_facts(text); }

// A WordSet rejects a position by its first character before reading the words: the same
// lengths as the plain list at every position, with words that share a first character,
// characters whose last ten bits are those of a first character (召 U+53EC, 埬 U+57EC) and
// positions at and past the end.
constexpr std::initializer_list<std::u32string_view> kMadeUpWords = {U"召开", U"召开会议", U"召", U"a", U"ab", U"会议"};
constexpr facts::WordSet kMadeUpSet{kMadeUpWords};

TEST(WordSet, MatchesAsThePlainListDoes) {
    const std::u32string text = U"埬召开会议召集ab埬召a会";
    EXPECT_TRUE(kMadeUpSet.may_start(U'埬'));   // the bits cannot tell it from 召
    EXPECT_FALSE(kMadeUpSet.may_start(U'集'));  // most characters are rejected at once
    for (char32_t last : {U'开', U'召', U'a', U'b', U'议'}) EXPECT_TRUE(kMadeUpSet.may_end(last));
    EXPECT_FALSE(kMadeUpSet.may_end(U'会'));  // 会 starts 会议 and ends no word
    for (std::size_t pos = 0; pos <= text.size() + 1; ++pos)
        EXPECT_EQ(facts::match_any(text, pos, kMadeUpSet), facts::match_any(text, pos, kMadeUpWords)) << pos;
    EXPECT_EQ(facts::match_any(text, 1, kMadeUpSet), 4u);
    EXPECT_EQ(facts::match_any(text, 5, kMadeUpSet), 1u);
    EXPECT_EQ(facts::match_any(text, 7, kMadeUpSet), 2u);
}

// The only fact of `text`; fails the test when there is not exactly one.
Fact only_fact(const std::string& text) {
    const std::vector<Fact> facts = facts_of(text);
    EXPECT_EQ(facts.size(), 1u) << text;
    return facts.empty() ? Fact{} : facts.front();
}

struct Example {
    const char* text;
    const char* value;
    const char* unit;
    const char* qualifier;
    const char* value_text;
};

// Every quantity form indicators.md names, with its value, unit and qualifier.
const Example kExamples[] = {
    {"全市高新技术企业已达411家", "411", "家", "", "411家"},
    {"全社会研发经费投入增长13.9%", "13.9", "%", "", "13.9%"},
    {"奖励资金累计达6,413万元", "64130000", "元", "", "6,413万元"},
    {"办理１２件", "12", "件", "", "１２件"},
    {"细化二十二项重点工作", "22", "项", "", "二十二项"},
    {"聘请两名法律顾问", "2", "名", "", "两名"},
    {"开展宣传十余次", "10", "次", "余", "十余次"},
    {"受理一百零五件", "105", "件", "", "一百零五件"},
    {"发放资料三千余份", "3000", "份", "余", "三千余份"},
    {"群众满意度达八成", "80", "%", "", "八成"},
    {"覆盖百分之九十的企业", "90", "%", "", "百分之九十"},
    {"累计吸引9.98万人次在线观看", "99800", "人次", "", "9.98万人次"},
    {"争取资金1.2亿元", "120000000", "元", "", "1.2亿元"},
    {"研发投入16.4亿元", "1640000000", "元", "", "16.4亿元"},
    {"发放宣传资料7000余份", "7000", "份", "余", "7000余份"},
    {"走访企业30多家", "30", "家", "多", "30多家"},
    {"惠及近3000人", "3000", "人", "近", "近3000人"},
    {"培训约200人", "200", "人", "约", "约200人"},
    {"争取资金超2000万元", "20000000", "元", "超", "超2000万元"},
    {"出境旅游超过1亿人次", "100000000", "人次", "超过", "超过1亿人次"},
    {"服务企业逾500家", "500", "家", "逾", "逾500家"},
    {"单笔补助100万元以上", "1000000", "元", "以上", "100万元以上"},
    {"每期培训20人左右", "20", "人", "左右", "20人左右"},
    {"高新技术企业突破1000家", "1000", "家", "突破", "突破1000家"},
    {"农村贫困人口减少1232万人", "12320000", "人", "", "1232万人"},
    {"消费贡献率上升3个百分点", "3", "个百分点", "", "3个百分点"},
    {"召开专题会议3场", "3", "场", "", "3场"},
    {"举办讲座4场次", "4", "场次", "", "4场次"},
    {"组织1批次", "1", "批次", "", "1批次"},
    {"开展培训2期", "2", "期", "", "2期"},
    {"撰写信息15篇", "15", "篇", "", "15篇"},
    {"梳理问题12条", "12", "条", "", "12条"},
    {"学习法规50部", "50", "部", "", "50部"},
    {"分3批实施", "3", "批", "", "3批"},
    {"粮食产量达到6.07亿吨", "607000000", "吨", "", "6.07亿吨"},
    {"新增就业6600多万人", "66000000", "人", "多", "6600多万人"},
    {"贷款规模十余万元", "100000", "元", "余", "十余万元"},
    {"年销售额三亿五千万元", "350000000", "元", "", "三亿五千万元"},
    {"增长百分之二十三点五", "23.5", "%", "", "百分之二十三点五"},
    {"满意率九成五", "95", "%", "", "九成五"},
    {"九成以上企业", "90", "%", "以上", "九成以上"},
    {"增长1.5倍", "1.5", "倍", "", "1.5倍"},
    {"规定集中学习不得少于60小时", "60", "小时", "不得少于", "不得少于60小时"},
    // Forms met in reports no one here wrote (../shared/corpus/bulk).
    {"带动社会投资超千亿元", "100000000000", "元", "超", "超千亿元"},
    {"贷款余额超万亿元", "1000000000000", "元", "超", "超万亿元"},
    {"年均浓度27微克/立方米", "27", "微克/立方米", "", "27微克/立方米"},
    {"人均预期寿命83.9岁", "83.9", "岁", "", "83.9岁"},
    {"粮食产量1.39万亿斤", "1390000000000", "斤", "", "1.39万亿斤"},
    {"外送电量超过1000亿度", "100000000000", "度", "超过", "超过1000亿度"},
    {"全国人口六万万人", "600000000", "人", "", "六万万人"},
    {"34款创新药械获批", "34", "款", "", "34款"},
    {"国家决算支出１，９２５，４７５，０００元", "1925475000", "元", "", "１，９２５，４７５，０００元"},
    {"养猪二亿七千万头", "270000000", "头", "", "二亿七千万头"},
    {"惠及76万群众", "760000", "人", "", "76万"},
    // Spaces inside a quantity, as PDF text has them.
    {"全年受理申请 312 件", "312", "件", "", "312 件"},
    {"系统提醒 56 次", "56", "次", "", "56 次"},
    {"主动公开信息 5500 余条", "5500", "条", "余", "5500 余条"},
    // A scale word with no measure word counts what follows it.
    {"服务近3万居民", "30000", "人", "近", "近3万"},
    {"帮扶1.2万农户", "12000", "户", "", "1.2万"},
    // 人口, 人才 are the counted noun, counted in people: not the measure word 人 and a stray 口.
    {"全区有20余万人口", "200000", "人", "余", "20余万"},
    {"集聚高层次人才3万人", "30000", "人", "", "3万人"},
    // The longest noun first: 部门 and 部委 are counted nouns, not the measure word 部.
    {"三部门联合印发", "3", "部门", "", "三部门"},
    {"人均预期寿命提高到80岁以上", "80", "岁", "以上", "80岁以上"},
    {"完成两个年度计划", "2", "个", "", "两个"},
    {"四部委联合发文", "4", "部委", "", "四部委"},
    // More measure words.
    {"开行中欧班列120列", "120", "列", "", "120列"},
    {"开行专列8列次", "8", "列次", "", "8列次"},
    {"增开公交12班次", "12", "班次", "", "12班次"},
    {"往返运输3趟", "3", "趟", "", "3趟"},
    {"获得金牌12枚", "12", "枚", "", "12枚"},
    {"增产棉布3亿匹", "300000000", "匹", "", "3亿匹"},
    {"每年出产五十四匹马力的拖拉机", "54", "匹马力", "", "五十四匹马力"},
    {"加强三省一市生态保护", "3", "省", "", "三省"},
};

TEST(Facts, ReadsEveryQuantityFormOfTheSpec) {
    for (const Example& e : kExamples) {
        const Fact f = only_fact(e.text);
        EXPECT_EQ(f.value, e.value) << e.text;
        EXPECT_EQ(f.unit, e.unit) << e.text;
        EXPECT_EQ(f.qualifier, e.qualifier) << e.text;
        EXPECT_EQ(f.value_text, e.value_text) << e.text;
        EXPECT_TRUE(f.value_max.empty()) << e.text;
        EXPECT_FALSE(f.zero) << e.text;
    }
}

TEST(Facts, ScaleWordsUseExactDecimalArithmetic) {
    EXPECT_EQ(only_fact("16.4亿").value, "1640000000");
    EXPECT_EQ(only_fact("0.07亿元").value, "7000000");
    EXPECT_EQ(only_fact("5.2万亿元").value, "5200000000000");
    EXPECT_EQ(only_fact("1.23456万元").value, "12345.6");
    EXPECT_EQ(only_fact("2862.5万元").value, "28625000");
    EXPECT_EQ(only_fact("0.95%").value, "0.95");
    // 两 after a scale word is the measure word (tael), not a last digit 2.
    EXPECT_EQ(only_fact("折合黄金七万万两").value, "700000000");
    EXPECT_EQ(only_fact("三万两千人").value, "32000");
}

TEST(Facts, RangesAreRangesNotNumbers) {
    struct Range {
        const char* text;
        const char* low;
        const char* high;
        const char* unit;
    };
    for (const Range& r :
         {Range{"三十几万元", "310000", "390000", "元"}, Range{"两三个", "2", "3", "个"},
          Range{"七八成", "70", "80", "%"}, Range{"20-30人", "20", "30", "人"}, Range{"2至3个", "2", "3", "个"},
          Range{"2-3万元", "20000", "30000", "元"}, Range{"十几个", "11", "19", "个"},
          Range{"减少8%至10%", "8", "10", "%"}, Range{"补助2万至3万元", "20000", "30000", "元"}}) {
        const Fact f = only_fact(r.text);
        EXPECT_EQ(f.value, r.low) << r.text;
        EXPECT_EQ(f.value_max, r.high) << r.text;
        EXPECT_EQ(f.unit, r.unit) << r.text;
    }
}

TEST(Facts, ZeroStatementsAreFactsWithValueZero) {
    const Fact none = only_fact("全年未发生行政处罚案件。");
    EXPECT_TRUE(none.zero);
    EXPECT_EQ(none.value, "0");
    EXPECT_EQ(none.unit, "");  // the text writes no unit
    EXPECT_EQ(none.implied_unit, "件");
    EXPECT_EQ(none.counting_unit(), "件");
    EXPECT_EQ(none.subject, "行政处罚案件");
    EXPECT_EQ(none.value_text, "未发生");

    const std::vector<Fact> two = facts_of("无行政诉讼和行政复议案件。");
    ASSERT_EQ(two.size(), 2u);
    EXPECT_EQ(two[0].subject, "行政诉讼");
    EXPECT_EQ(two[1].subject, "行政复议案件");
    EXPECT_TRUE(two[0].zero && two[1].zero);
    EXPECT_EQ(two[0].span, two[1].span);

    const Fact zero = only_fact("实现零投诉");
    EXPECT_TRUE(zero.zero);
    EXPECT_EQ(zero.subject, "投诉");
    EXPECT_EQ(zero.value_text, "零");

    const Fact received = only_fact("全年未收到政府信息公开申请");
    EXPECT_EQ(received.subject, "政府信息公开申请");
    EXPECT_EQ(received.value, "0");

    const std::vector<Fact> accidents = facts_of("全年未发生安全生产、环境污染事故");
    ASSERT_EQ(accidents.size(), 2u);
    EXPECT_EQ(accidents[0].subject, "安全生产事故");
    EXPECT_EQ(accidents[0].implied_unit, "起");
    EXPECT_EQ(accidents[1].subject, "环境污染事故");
}

TEST(Facts, ZeroStatementsImplyTheirUnitFromTheirNoun) {
    struct Zero {
        const char* text;
        const char* subject;
        const char* unit;
    };
    for (const Zero& z :
         {Zero{"本单位不涉及行政许可事项。", "行政许可事项", "项"}, Zero{"全年未制发规范性文件。", "规范性文件", "件"},
          Zero{"本年度未废止规范性文件", "规范性文件", "件"}, Zero{"未收取信息处理费", "信息处理费", "元"},
          Zero{"未收取任何费用", "费用", "元"}, Zero{"全年没有行政问责", "行政问责", "次"},
          Zero{"未发生责任追究", "责任追究", "次"}, Zero{"没有以部门名义制定的文件", "以部门名义制定的文件", "件"},
          Zero{"没有从事信息公开工作的专职人员", "从事信息公开工作的专职人员", "人"},
          Zero{"不涉及违规收费情况", "违规收费情况", ""}, Zero{"本年度未制定规章。", "规章", "件"},
          Zero{"全年未废止规章", "规章", "件"}, Zero{"本机关没有违规收费事项", "违规收费事项", "项"}}) {
        const Fact f = only_fact(z.text);
        EXPECT_TRUE(f.zero) << z.text;
        EXPECT_EQ(f.value, "0") << z.text;
        EXPECT_EQ(f.subject, z.subject) << z.text;
        EXPECT_EQ(f.unit, "") << z.text;              // written: none
        EXPECT_EQ(f.implied_unit, z.unit) << z.text;  // never a default unit: 情况 counts in none
        EXPECT_EQ(f.counting_unit(), z.unit) << z.text;
    }
}

// The unit as written stays apart from the one a zero statement's noun implies: what the text
// says is displayed, what it counts in is compared and summed.
void expect_units(const Fact& f, const std::string& written, const std::string& implied) {
    EXPECT_EQ(f.unit, written) << f.quote;
    EXPECT_EQ(f.implied_unit, implied) << f.quote;
    EXPECT_EQ(f.counting_unit(), written.empty() ? implied : written) << f.quote;
}

TEST(Facts, AZeroStatementWritesNoUnitButItsNounImpliesOne) {
    const Fact review = only_fact("本年度未收到行政复议申请。");
    EXPECT_TRUE(review.zero);
    EXPECT_EQ(review.value, "0");
    expect_units(review, "", "件");
    expect_units(only_fact("全年未收取任何费用"), "", "元");
    expect_units(only_fact("没有专职工作人员"), "", "人");
    const Fact none = only_fact("本年度未发生此类情况");  // 情况 counts in no unit
    EXPECT_TRUE(none.zero);
    expect_units(none, "", "");
    expect_units(only_fact("零投诉"), "", "件");
    // A zero with its number and unit written: the unit is written, nothing is implied.
    const Fact written = only_fact("行政复议0件");
    EXPECT_TRUE(written.zero);
    EXPECT_EQ(written.value, "0");
    expect_units(written, "件", "");
    // A number with a scale word and no measure word keeps the unit of what it counts.
    const Fact residents = only_fact("惠及近3万居民");
    EXPECT_EQ(residents.value, "30000");
    expect_units(residents, "人", "");
}

// `inspect` shows what the text writes, and an implied unit marked as inferred.
TEST(Facts, InspectShowsTheWrittenUnitAndMarksAnImpliedOne) {
    const std::string text = write_inspect_text(test::parse("全年未收取任何费用，受理行政复议申请3件。\n"));
    EXPECT_NE(text.find("  未收取: 0 (元, inferred) ["), std::string::npos) << text;
    EXPECT_NE(text.find("  3件: 3 件 ["), std::string::npos) << text;
    EXPECT_EQ(text.find("3 件 (件"), std::string::npos) << text;
}

TEST(Facts, RanksAreFactsButBareOrdinalsAreNot) {
    struct Rank {
        const char* text;
        const char* value;
        const char* unit;
        const char* value_text;
    };
    for (const Rank& r : {Rank{"综合得分居全省第3位", "3", "位", "第3位"}, Rank{"位列全市第二名", "2", "名", "第二名"},
                          Rank{"跃居全国第 12 位", "12", "位", "第 12 位"}, Rank{"在全省排名第9位", "9", "位", "第9位"},
                          Rank{"考核位居第一名", "1", "名", "第一名"}}) {
        const Fact f = only_fact(r.text);
        EXPECT_EQ(f.value, r.value) << r.text;
        EXPECT_EQ(f.unit, r.unit) << r.text;
        EXPECT_EQ(f.value_text, r.value_text) << r.text;
    }
    // What ranks is the subject, not the verb or the place it ranks in.
    EXPECT_EQ(only_fact("综合得分居全省第3位").subject, "综合得分");
    EXPECT_EQ(only_fact("营商环境评价跃居全国第 12 位").subject, "营商环境评价");
    EXPECT_EQ(only_fact("考核位居第一名").subject, "考核");
    EXPECT_EQ(only_fact("经济总量稳居世界第2位").subject, "经济总量");
    for (const char* text : {"第17个", "居民第3名", "第二批", "居全省第三批", "列入第二批名录"})
        EXPECT_TRUE(facts_of(text).empty()) << text;
}

TEST(Facts, NegationsThatStateNoCountAreNotZeroFacts) {
    for (const char* text : {"无论是否", "无纸化办公", "无障碍浏览", "实现“零跑动”", "实现零突破", "零容忍",
                             "未发现明显问题", "无法提供", "一百零五人次"}) {
        for (const Fact& f : facts_of(text)) EXPECT_FALSE(f.zero) << text << " gave " << f.value_text;
    }
}

TEST(Facts, TheNumberMayFollowOrPrecedeItsNoun) {
    const std::vector<Fact> after = facts_of("召开局长办公会13次、局党组会议24次");
    ASSERT_EQ(after.size(), 2u);
    EXPECT_EQ(after[0].subject, "局长办公会");
    EXPECT_EQ(after[1].subject, "局党组会议");
    EXPECT_EQ(only_fact("先后召开5次专题党组会议").subject, "专题党组会议");
    EXPECT_EQ(only_fact("经梳理，我局现行有效规范性文件8件。").subject, "现行有效规范性文件");
    EXPECT_EQ(only_fact("聘请了2名专业法律顾问").subject, "专业法律顾问");
    EXPECT_EQ(only_fact("收到群众咨询、求助等共8件").subject, "群众咨询、求助");
    EXPECT_EQ(only_fact("全市高新技术企业已达411家").subject, "高新技术企业");
    EXPECT_EQ(only_fact("全区有20余万人口").subject, "人口");
    EXPECT_EQ(only_fact("三部门联合印发实施方案").subject, "部门");
}

TEST(Facts, EachFactKeepsItsSpanAndClause) {
    const std::string text = "一是加强学习。召开局长办公会13次，局党组会议24次。";
    const std::vector<Fact> facts = facts_of(text);
    ASSERT_EQ(facts.size(), 2u);
    EXPECT_EQ(test::slice(text, facts[0].span), "13次");
    EXPECT_EQ(facts[0].quote, "召开局长办公会13次");
    EXPECT_EQ(test::slice(text, facts[0].quote_span), "召开局长办公会13次");
    EXPECT_EQ(facts[1].quote, "局党组会议24次");
}

// What indicators.md says is never a fact, and the look-alikes of real reports.
TEST(Facts, DatesNumbersOrdinalsAndNamesAreNotFacts) {
    for (const char* text : {"2023年",
                             "2023年度",
                             "9月",
                             "2023年9月份",
                             "2021-2025年",
                             "2024-02-04",
                             "2024年10月11日",
                             "二〇二三年一月二十二日",
                             "10:05",
                             "亳政秘〔2023〕57号",
                             "辽科党发〔2023〕13号",
                             "国务院令第711号",
                             "第一",
                             "第三部分",
                             "第17个",
                             "第 17 个",
                             "第二批",
                             "位列三县两区第一",
                             "近三个年度",
                             "连续两年",
                             "粮食增产连续6年",
                             "历时3年",
                             "十年来",
                             "今后五年",
                             "2024 年四个季度",
                             "按50年一遇标准设防",
                             "百年一遇洪水",
                             "共五部分",
                             "3—6岁儿童",
                             "60岁以上老人",
                             "65岁及以上老年人",
                             "没有设计文件的项目",
                             "没有奖金收入或者奖金很少的工作人员的收入增加不多",
                             "才不致熟视无睹地继续浪费",
                             "平均每年增长1 1 ％",
                             "实现零误差",
                             "审批零差错",
                             "无正当理由大量反复申请",
                             "国令第 711 号",
                             "0517-83605210",
                             "第九纪检监察组",
                             "二十大",
                             "党的二十届三中全会",
                             "十四五",
                             "“十四五”规划",
                             "三中全会",
                             "深入推进“532”发展战略",
                             "“1+4+8”",
                             "1+4+8个",
                             "一是",
                             "二是",
                             "联系电话：0558-5606908",
                             "邮编：236800",
                             "索引号：11341600734987449Q/202402-00001",
                             "V2.0版",
                             "《企业研发费用加计扣除政策辅导手册(2024版)》",
                             "《中华人民共和国科学技术进步法》",
                             "《关于印发3项措施的通知》",
                             "“最多跑一次”",
                             "“三项制度”",
                             "建设了一批平台",
                             "作为一项重大政治任务",
                             "二次开发",
                             "五位一体",
                             "千万不要",
                             "常州万亿之城",
                             "拨打12345热线",
                             "5G基站",
                             "IPv6",
                             "3A级景区",
                             "一次又一次",
                             "三番五次",
                             "2024以来",
                             "一企一策",
                             "一站式办结",
                             "两学一做",
                             "八项规定",
                             "五年规划",
                             "二等奖、三等奖",
                             "胜利80周年",
                             "第一次",
                             "数十家",
                             "一年零三个月",
                             "实现两位数增长",
                             "三门峡水利枢纽",
                             "宝钢三期工程",
                             "这是一件大事",
                             "三次产业结构",
                             "实施新一轮千亿斤粮食产能提升行动",
                             "近10年最好成绩",
                             "广义货币M2增长",
                             "甲型H1N1流感",
                             "千万不要松懈",
                             "惠及上千万家庭",
                             "和平共处五项原则"}) {
        const std::vector<Fact> facts = facts_of(text);
        EXPECT_TRUE(facts.empty()) << text << " gave " << (facts.empty() ? "" : facts.front().value_text);
    }
}

TEST(Facts, LoneOneIsAnArticleExceptForPeopleAndOrganisations) {
    EXPECT_TRUE(facts_of("形成一批成果").empty());
    EXPECT_TRUE(facts_of("参与一次实际工作").empty());
    EXPECT_EQ(only_fact("聘请一名法律顾问").value, "1");
    EXPECT_EQ(only_fact("新增一家孵化器").value, "1");
}

// --- the gold lists ----------------------------------------------------------------------

struct Gold {
    std::string text, value, max, unit, qualifier, zero, indicator, subject, quote;
};

std::vector<Gold> read_gold(const std::string& name) {
    std::istringstream in(read_fixture("facts/" + name + ".tsv"));
    std::vector<Gold> out;
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        std::vector<std::string> f;
        std::istringstream cells(line);
        for (std::string cell; std::getline(cells, cell, '\t');) f.push_back(cell == "-" ? "" : cell);
        f.resize(9);
        out.push_back(Gold{f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8]});
    }
    return out;
}

// The source text of a span with what cleanup removes taken out (pinyin annotations, spaces).
std::string cleaned(const std::string& source, Span span) {
    const std::u32string raw = to_u32(test::slice(source, span));
    std::u32string out;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] == '(' && i > 0 && is_han(raw[i - 1])) {
            const std::size_t close = raw.find(')', i);
            const std::u32string inner = close == std::u32string::npos ? U"" : raw.substr(i + 1, close - i - 1);
            if (!inner.empty() &&
                std::all_of(inner.begin(), inner.end(), [](char32_t c) { return c >= 'a' && c < 0x300; })) {
                i = close;
                continue;
            }
        }
        if (!is_space(raw[i])) out.push_back(raw[i]);
    }
    return to_utf8(out);
}

// Text without spaces, and with the punctuation cleanup widened (，（“) as the source wrote it.
std::string squeezed(const std::string& s) {
    std::string out;
    for (char32_t cp : to_u32(s)) {
        if (is_space(cp)) continue;
        if (std::u32string_view(U"，：；？！（）").find(cp) != std::u32string_view::npos)
            cp = fold(cp);
        else if (cp == U'“' || cp == U'”')
            cp = '"';
        append_utf8(out, cp);
    }
    return out;
}

class GoldFacts : public testing::TestWithParam<const char*> {};

TEST_P(GoldFacts, ExtractorFindsExactlyTheHandMadeList) {
    const std::string name = GetParam();
    const std::string source = read_fixture("seeds/" + name + ".txt");
    const Document doc = test::parse(source);
    const std::vector<Gold> gold = read_gold(name);
    ASSERT_EQ(doc.facts.size(), gold.size());
    for (std::size_t i = 0; i < gold.size(); ++i) {
        const Fact& f = doc.facts[i];
        const Gold& g = gold[i];
        SCOPED_TRACE(name + " fact " + std::to_string(i + 1) + ": " + g.text + " in " + g.quote);
        EXPECT_EQ(f.value_text, g.text);
        EXPECT_EQ(f.value, g.value);
        EXPECT_EQ(f.value_max, g.max);
        EXPECT_EQ(f.counting_unit(), g.unit);  // the gold lists give the counting unit
        EXPECT_TRUE(f.unit.empty() || f.implied_unit.empty()) << "a written unit implies none";
        if (f.zero && f.value_text.find_first_of("0123456789") == std::string::npos) {
            EXPECT_EQ(f.unit, "") << "a zero statement writes no unit";
        }
        EXPECT_EQ(f.qualifier, g.qualifier);
        EXPECT_EQ(f.zero, g.zero == "1");
        EXPECT_EQ(f.indicator, g.indicator);
        EXPECT_NE(to_utf8(fold(to_u32(f.subject))).find(g.subject), std::string::npos) << "subject " << f.subject;
        EXPECT_NE(f.quote.find(g.quote), std::string::npos) << "quote " << f.quote;
        // Provenance through cleanup: the spans point at the same words in the source.
        EXPECT_EQ(cleaned(source, f.span), f.value_text);
        EXPECT_EQ(squeezed(cleaned(source, f.quote_span)), squeezed(f.quote));
        ASSERT_LT(f.block, doc.blocks.size());
        EXPECT_GE(f.span.start, doc.blocks[f.block].span.start);
        EXPECT_LE(f.span.end, doc.blocks[f.block].span.end);
    }
}

INSTANTIATE_TEST_SUITE_P(Seeds, GoldFacts,
                         testing::Values("000_2ff49a1744f89f60", "001_9633c70aebd6e55d", "002_acf107ec8495534f",
                                         "003_39330c9e763261de", "004_2140a01d4004d8c4"));

TEST(Facts, PinyinInsideTheSourceStaysOutOfTheFactButInsideItsSpan) {
    const std::string source = "完成8項(xiàng)政策文件和對外協議的合法性審查。";
    const Document doc = test::parse(source + "\n");
    ASSERT_EQ(doc.facts.size(), 1u);
    EXPECT_EQ(doc.facts[0].value_text, "8項");
    EXPECT_EQ(doc.facts[0].unit, "项");
    EXPECT_EQ(test::slice(source, doc.facts[0].span), "8項");
    EXPECT_EQ(doc.facts[0].quote, "完成8項政策文件和對外協議的合法性審查");
}

TEST(Facts, TablesCellsAreReadToo) {
    Document doc;
    Block table;
    table.kind = BlockKind::table;
    table.span = {0, 20};
    TableRow head;
    head.cells = {TableCell{"项目", 1, 1, true, {0, 2}}, TableCell{"数量", 1, 1, true, {2, 4}}};
    TableRow row;
    row.cells = {TableCell{"行政复议案件", 1, 1, false, {4, 10}}, TableCell{"12件", 1, 1, false, {10, 13}}};
    table.rows = {head, row};
    const std::vector<Fact> facts = extract_facts({}, {table});
    ASSERT_EQ(facts.size(), 1u);
    EXPECT_EQ(facts[0].value, "12");
    EXPECT_EQ(facts[0].subject, "行政复议案件");
    EXPECT_EQ(facts[0].span, (Span{10, 13}));
}

TableCell cell(const std::string& text, std::size_t start) {
    return TableCell{text, 1, 1, false, {start, start + count_code_points(text)}};
}

TEST(Facts, NumbersAloneInCellsTakeTheirUnitAndSubjectFromTheLabels) {
    Block table;
    table.kind = BlockKind::table;
    table.span = {0, 60};
    TableRow head{{cell("指标", 0), cell("2021年", 2), cell("2022年", 7)}, false};
    TableRow row{{cell("普法宣传活动（次）", 12), cell("8", 21), cell("11", 22)}, false};
    TableRow money{{cell("专项资金（万元）", 24), cell("1,200", 32), cell("0", 37)}, false};
    table.rows = {head, row, money};
    const std::vector<Fact> facts = extract_facts({}, {table});
    ASSERT_EQ(facts.size(), 4u);
    EXPECT_EQ(facts[0].value, "8");
    EXPECT_EQ(facts[0].unit, "次");
    EXPECT_EQ(facts[0].subject, "普法宣传活动（次） 2021年");
    EXPECT_EQ(facts[0].span, (Span{21, 22}));
    EXPECT_EQ(facts[1].subject, "普法宣传活动（次） 2022年");
    EXPECT_EQ(facts[2].value, "12000000");
    EXPECT_EQ(facts[2].unit, "元");
    EXPECT_TRUE(facts[3].zero);
    // The column's year dates the statement: the summary of a 2022 report takes 11, not 8 + 11.
    Document doc;
    doc.metadata.year.value = "2022";
    doc.blocks = {table};
    doc.facts = facts;
    map_facts(doc, default_catalog());
    EXPECT_EQ(doc.facts[0].indicator, "publicity_events");
    const ReportSummary s = summarize(doc, default_catalog());
    const auto& catalog = default_catalog().indicators;
    const auto k = static_cast<std::size_t>(
        std::find_if(catalog.begin(), catalog.end(), [](const Indicator& i) { return i.id == "publicity_events"; }) -
        catalog.begin());
    ASSERT_TRUE(s.values[k]);
    EXPECT_EQ(s.values[k]->value, "11");
}

}  // namespace
}  // namespace gongwen
