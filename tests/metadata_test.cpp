#include <gtest/gtest.h>

#include "gongwen/raw.hpp"
#include "gongwen/unicode.hpp"
#include "model/grammar.hpp"
#include "test_util.hpp"

namespace gongwen {
namespace {

using test::blocks_of;
using test::diagnostic_count;
using test::parse;
using test::parse_html;

bool chrome(std::u32string_view line) { return is_chrome_line(fold(line)); }

TEST(Boilerplate, RecognisesWebPageChrome) {
    EXPECT_TRUE(chrome(U"长者版 | 无障碍浏览 | 联系我们"));
    EXPECT_TRUE(chrome(U"当前位置: 网站首页 > 市科技局 > 规划计划"));
    EXPECT_TRUE(chrome(U"网站首页 >> 信息公开 >> 年度报告"));
    EXPECT_TRUE(chrome(U"【关闭窗口】"));
    EXPECT_TRUE(chrome(U"【打印文章】"));
    EXPECT_TRUE(chrome(U"【字体:"));
    EXPECT_TRUE(chrome(U"字体:[ ]"));
    EXPECT_TRUE(chrome(U"下一篇:返回列表"));
    EXPECT_TRUE(chrome(U"留言与评论(共有 0 条评论) |"));
    EXPECT_TRUE(chrome(U"Copyright©2023 版权所有 All rights reserved 皖ICP备19013781号-1"));
    EXPECT_TRUE(chrome(U"主办单位:亳州市科学技术局 联系方式:0558-5606908"));
    EXPECT_TRUE(chrome(U"  网站标识码:3416000038  网站导航  本站已支持IPv6访问"));
    EXPECT_TRUE(chrome(U"皖公网安备 34160202000013号"));
    EXPECT_TRUE(chrome(U"公安备案号:21010502000370  网站标识码:2100000036"));
    EXPECT_TRUE(chrome(U"掃一掃在手機打開當前頁"));
    EXPECT_TRUE(chrome(U"附件下载"));
    EXPECT_TRUE(chrome(U"|"));
    EXPECT_TRUE(chrome(U"下载"));
    EXPECT_TRUE(chrome(U"收藏"));
    EXPECT_TRUE(chrome(U"殷勇同志作政府工作报告。本报记者 戴冰摄"));
    EXPECT_TRUE(chrome(U"（新华社记者 李某 摄）"));
}

// The footer phrases are found anywhere in a line (one pass that rejects most characters as the
// start of any phrase); a line that has a phrase's first characters but not the phrase is prose.
TEST(Boilerplate, FindsAFooterPhraseAnywhereInTheLine) {
    EXPECT_TRUE(chrome(U"网站地图"));
    EXPECT_TRUE(chrome(U"本页面支持IPv6访问"));
    EXPECT_TRUE(chrome(U"某市人民政府办公室 版权所有"));
    EXPECT_TRUE(chrome(U"© 某市人民政府"));
    EXPECT_FALSE(chrome(U"全市无障碍设施建设加快推进"));        // 无障碍, not 无障碍浏览
    EXPECT_FALSE(chrome(U"版权保护和手机应用管理办法已修订"));  // 版权, 手机: not the phrases
}

TEST(Boilerplate, ABodyGluedToItsBreadcrumbIsNotDroppedWhole) {
    std::u32string body =
        U"当前位置： 首页政务公开年报 某县2012年政府信息公开工作年度报告 来源：某县人民政府 时间：2013-03-01 "
        U"微信 微博 --> 本报告根据条例编制。";
    for (int i = 0; i < 20; ++i) body += U"全年主动公开政府信息四百二十五条，均按时公开。";
    EXPECT_FALSE(is_chrome_line(fold(body)));
    EXPECT_TRUE(is_chrome_line(fold(std::u32string(U"当前位置：首页 > 政务公开 > 年报"))));
}

TEST(Boilerplate, LeavesReportSentencesAlone) {
    EXPECT_FALSE(chrome(U"推进无障碍环境建设,为残疾人提供技术支持和便利。"));
    EXPECT_FALSE(chrome(U"一、2023年度推进法治政府建设主要举措和工作成效"));
    EXPECT_FALSE(chrome(U"(此件主动公开)"));
    EXPECT_FALSE(chrome(U"邀请新闻记者到执法现场采访拍摄。"));
    EXPECT_FALSE(chrome(U"下载量同比增长12%。"));
    EXPECT_FALSE(chrome(U"附件: 漯河市科学技术局2020年度法治政府建设工作报告"));
}

// A crawler's text that runs the breadcrumb into the whole article on one line is the article.
TEST(Boilerplate, BreadcrumbRunIntoTheArticleIsNotChrome) {
    std::u32string page = U"当前位置： 首页政务公开年报 来源：某某县 时间：2014-02-25 00:00 ";
    for (int i = 0; i < 10; ++i) page += U"各单位认真落实公开要求，持续完善工作机制，稳步推进各项工作。";
    EXPECT_FALSE(chrome(page));
    EXPECT_TRUE(chrome(U"当前位置： 首页政务公开年报"));
}

TEST(Boilerplate, FooterOwnerNamesTheSite) {
    EXPECT_EQ(footer_owner(fold(U"辽ICP备2021008039号-1        辽宁省科学技术厅      版权所有")), U"辽宁省科学技术厅");
    EXPECT_EQ(footer_owner(fold(U"主办单位:亳州市科学技术局 联系方式:0558")), U"亳州市科学技术局");
}

TEST(MetadataLines, SplitsSeveralLabelsOnOneLine) {
    const auto values =
        parse_metadata_line(fold(U"发布时间:2024-02-04 10:05 信息来源:亳州市科学技术局 浏览次数: 字体:[ ]"));
    ASSERT_TRUE(values);
    ASSERT_EQ(values->size(), 4u);
    EXPECT_EQ((*values)[0].key, MetaKey::published);
    EXPECT_EQ((*values)[1].key, MetaKey::source);
    EXPECT_EQ((*values)[2].key, MetaKey::chrome);
    EXPECT_FALSE(parse_metadata_line(fold(U"三结合:一是结合企业复工复产开展服务。")));
}

TEST(MetadataLines, ParsesDatesInEveryCommonForm) {
    std::string time;
    EXPECT_EQ(parse_date(U"2024-02-04 10:05", true, &time), "2024-02-04");
    EXPECT_EQ(time, "10:05");
    EXPECT_EQ(parse_date(U"2024年02月20日", true), "2024-02-20");
    EXPECT_EQ(parse_date(U"2021年1月22日", true), "2021-01-22");
    EXPECT_EQ(parse_date(U"2024/2/4", true), "2024-02-04");
    EXPECT_EQ(parse_date(U"二〇二一年一月二十二日", true), "2021-01-22");
    EXPECT_EQ(parse_date(U"2023年2月30日", true), "");
    EXPECT_EQ(parse_date(U"2021年1月22日召开会议", true), "");
}

TEST(Metadata, TakesPageMetadataOutOfTheBodyAndMergesRepeats) {
    const Document doc = parse(
        "索引号: 113416/202402-00001 组配分类: 规划计划\n发布机构: 亳州市科学技术局 主题分类: 科技\n"
        "名称: 某局关于2023年工作情况的报告 文号:\n索引号: 113416/202402-00001\n发布机构: 亳州市科学技术局\n"
        "某局关于2023年工作情况的报告\n发布时间:2024-02-04 10:05 信息来源:亳州市科学技术局 浏览次数: 字体:[ ]\n"
        "正文第一段,内容。\n");
    const Metadata& m = doc.metadata;
    EXPECT_EQ(m.index_number.value, "113416/202402-00001");
    EXPECT_EQ(m.publisher.value, "亳州市科学技术局");
    EXPECT_EQ(m.organisation.value, "亳州市科学技术局");
    EXPECT_FALSE(m.organisation.inferred);
    EXPECT_EQ(m.category.value, "科技");
    EXPECT_EQ(m.published.value, "2024-02-04");
    EXPECT_EQ(m.published_time.value, "10:05");
    EXPECT_EQ(m.source.value, "亳州市科学技术局");
    EXPECT_EQ(m.title.value, "某局关于2023年工作情况的报告");
    EXPECT_EQ(m.year.value, "2023");
    ASSERT_EQ(m.extra.size(), 1u);
    EXPECT_EQ(m.extra[0].key, "组配分类");
    EXPECT_EQ(diagnostic_count(doc, "metadata_merged"), 2u);
    ASSERT_EQ(doc.blocks.size(), 2u);
    EXPECT_EQ(doc.blocks[0].kind, BlockKind::title);
    EXPECT_EQ(doc.blocks[1].text, "正文第一段，内容。");
}

TEST(Metadata, AddresseeSignatureAttachmentAndAnnotation) {
    const Document doc = parse(
        "市法治政府建设领导小组办公室:\n今年以来,市科技局扎实推进工作。现将我局2020年度法治政府建设工作报告如下:\n"
        "一、主要举措\n正文。\n附件: 漯河市科学技术局2020年度法治政府建设工作报告\n漯河市科学技术局\n2021年1月22日\n"
        "(此件主动公开)\n");
    const Metadata& m = doc.metadata;
    EXPECT_EQ(m.addressee.value, "市法治政府建设领导小组办公室");
    EXPECT_EQ(m.signer.value, "漯河市科学技术局");
    EXPECT_EQ(m.signed_date.value, "2021-01-22");
    EXPECT_EQ(m.title.value, "漯河市科学技术局2020年度法治政府建设工作报告");
    EXPECT_TRUE(m.title.inferred);
    EXPECT_EQ(m.organisation.value, "漯河市科学技术局");
    EXPECT_EQ(blocks_of(doc, BlockKind::addressee).size(), 1u);
    EXPECT_EQ(blocks_of(doc, BlockKind::attachment).size(), 1u);
    EXPECT_EQ(blocks_of(doc, BlockKind::signature).size(), 2u);
    const auto notes = blocks_of(doc, BlockKind::annotation);
    ASSERT_EQ(notes.size(), 1u);
    EXPECT_EQ(notes[0]->text, "（此件主动公开）");
}

TEST(Metadata, TitleInferredFromTheOpeningSentence) {
    const Document doc = parse(
        "今年以来,漯河市科学技术局扎实推进工作。现将我局2020年度法治政府建设工作报告如下:\n一、主要举措\n"
        "漯河市科学技术局党组始终把法治政府建设摆在重要位置。\n");
    EXPECT_EQ(doc.metadata.title.value, "漯河市科学技术局2020年度法治政府建设工作报告");
    EXPECT_TRUE(doc.metadata.title.inferred);
    EXPECT_EQ(doc.metadata.year.value, "2020");
}

TEST(Metadata, YearFromThePublicationDateDependsOnTheGenre) {
    // A report published in February covers the year before; an 意见 belongs to its own year.
    const Document report = parse("某市科学技术局法治政府建设情况报告\n发布时间:2024-02-04\n正文第一段,内容。\n");
    EXPECT_EQ(report.metadata.published.value, "2024-02-04");
    EXPECT_EQ(report.metadata.year.value, "2023");
    EXPECT_TRUE(report.metadata.year.inferred);
    const Document opinion =
        parse("某市人民政府关于加强政务新媒体建设的意见\n发布时间:2018-12-27\n正文第一段,内容。\n");
    EXPECT_EQ(opinion.metadata.published.value, "2018-12-27");
    EXPECT_EQ(opinion.metadata.year.value, "2018");
    EXPECT_TRUE(opinion.metadata.year.inferred);
    // The kind is the genre word that comes last: a 决议 on a 报告, a 通知 issuing a 总结.
    const Document resolution =
        parse("某市人民代表大会关于政府工作报告的决议\n发布时间:2024-01-20\n会议听取了报告,决定批准。\n");
    EXPECT_EQ(resolution.metadata.year.value, "2024");
    const Document notice = parse("某局关于印发工作总结的通知\n发布时间:2024-01-20\n现将总结印发给你们,请遵照执行。\n");
    EXPECT_EQ(notice.metadata.year.value, "2024");
}

TEST(Metadata, ShortOrganisationNameIsExpandedFromTheText) {
    const Document doc = parse(
        "市科技局2022年度法治政府建设情况报告\n根据安排,现将市科技局2022年度法治政府建设情况报告如下。\n"
        "一、情况\n制定了《六盘水市科学技术局法治宣传教育实施方案》,落实《六盘水市科学技术局行政执法制度》。\n");
    EXPECT_EQ(doc.metadata.organisation.value, "六盘水市科学技术局");
    EXPECT_TRUE(doc.metadata.organisation.inferred);
    EXPECT_FALSE(doc.metadata.title.inferred);
}

TEST(Metadata, WordsEndingInJuAreNotOrganisations) {
    const Document doc = parse("一、回顾\n优化区域布局,塑造区域发展新格局,优化区域布局。\n");
    EXPECT_FALSE(doc.metadata.organisation.present());
}

TEST(Metadata, OrganisationFromTheHeadOfATitle) {
    EXPECT_EQ(parse("2026年四川省人民政府工作报告\n各位代表:\n正文。\n").metadata.organisation.value, "四川省人民政府");
    EXPECT_EQ(parse("1980年中华人民共和国国务院政府工作报告\n正文。\n").metadata.organisation.value,
              "中华人民共和国国务院");
    EXPECT_FALSE(parse("关于2023年法治政府建设情况的报告\n正文。\n").metadata.organisation.present());
}

TEST(Metadata, ValueOnTheLineUnderItsLabelAndHeaderDate) {
    const Document doc = parse(
        "某省政府工作报告\n2026年02月10日 07时41分\n来源:\n四川日报\n【字体:\n大\n中\n小\n】\n"
        "分享:\n各位代表:\n现在,我代表省人民政府报告工作。\n");
    EXPECT_EQ(doc.metadata.source.value, "四川日报");
    EXPECT_EQ(doc.metadata.published.value, "2026-02-10");
    EXPECT_EQ(doc.metadata.published_time.value, "07:41");
    ASSERT_EQ(doc.blocks.size(), 3u);
    EXPECT_EQ(doc.blocks[1].kind, BlockKind::addressee);
}

TEST(Metadata, AnEmptyFieldDoesNotTakeTheInfoBarsDateAsItsValue) {
    const Document doc =
        parse("某市召开工作座谈会\n来源：某某日报\n作者：\n2023-12-01 14:43\n会议指出，要持续推进各项工作。\n");
    EXPECT_EQ(doc.metadata.source.value, "某某日报");
    EXPECT_EQ(doc.metadata.published.value, "2023-12-01");
    EXPECT_EQ(doc.metadata.published_time.value, "14:43");
    for (const ExtraField& x : doc.metadata.extra) EXPECT_NE(x.value, "2023-12-01 14:43") << x.key;
}

TEST(Metadata, LabelledDateAloneUnderTheTitleAndTheTitleBlock) {
    const Document doc = parse(
        "2026年某市政府工作报告\n——2026年1月25日在某市第十六届人民代表大会第四次会议上\n"
        "来源：某某日报\n时间：2026-02-02 08:30\n某市市长 张某某\n各位代表：\n"
        "现在，我代表市人民政府，向大会报告工作。\n");
    EXPECT_EQ(doc.metadata.published.value, "2026-02-02");
    EXPECT_EQ(doc.metadata.published_time.value, "08:30");
    EXPECT_EQ(doc.metadata.source.value, "某某日报");
    ASSERT_EQ(doc.blocks.size(), 5u);
    EXPECT_EQ(doc.blocks[0].kind, BlockKind::title);
    EXPECT_EQ(doc.blocks[1].kind, BlockKind::subtitle);
    EXPECT_EQ(doc.blocks[1].text, "——2026年1月25日在某市第十六届人民代表大会第四次会议上");
    EXPECT_EQ(doc.blocks[2].kind, BlockKind::subtitle);
    EXPECT_EQ(doc.blocks[2].text, "某市市长 张某某");
    EXPECT_EQ(doc.blocks[3].kind, BlockKind::addressee);
}

TEST(Metadata, TitleBlockLinesNeedTheTitleAboveAndNoSentence) {
    // A dashed line continues onto the next; a short unmarked line with no addressee after it
    // is a paragraph; nothing before the title is part of its block.
    const Document speech =
        parse("在全市法治政府建设推进会上的讲话\n——市长 张某某\n（2024年3月1日）\n同志们，今天召开会议。\n");
    ASSERT_EQ(speech.blocks.size(), 4u);
    EXPECT_EQ(speech.blocks[1].kind, BlockKind::subtitle);
    EXPECT_EQ(speech.blocks[2].kind, BlockKind::subtitle);
    EXPECT_EQ(speech.blocks[3].kind, BlockKind::paragraph);
    const Document report = parse("某局2023年法治政府建设情况报告\n总体情况良好\n全年办理行政许可申请十二件。\n");
    ASSERT_EQ(report.blocks.size(), 3u);
    EXPECT_EQ(report.blocks[1].kind, BlockKind::paragraph);
}

TEST(Metadata, ATitleWrappedOverTwoLinesIsOneTitle) {
    const Document doc =
        parse("某市科学技术局关于2023年度法治政府\n建设情况的报告\n市人民政府：\n现将我局情况报告如下。\n");
    ASSERT_EQ(doc.blocks.size(), 3u);
    EXPECT_EQ(doc.blocks[0].kind, BlockKind::title);
    EXPECT_EQ(doc.blocks[0].text, "某市科学技术局关于2023年度法治政府建设情况的报告");
    EXPECT_EQ(doc.metadata.title.value, doc.blocks[0].text);
    EXPECT_EQ(doc.blocks[0].span.start, 0u);
    // A column's name above a whole title is not part of it.
    const Document page =
        parse("宁夏要闻\n2026年宁夏回族自治区政府工作报告\n各位代表：\n现在，我代表自治区人民政府报告工作。\n");
    EXPECT_EQ(page.metadata.title.value, "2026年宁夏回族自治区政府工作报告");
}

TEST(Metadata, NewsPageAroundAReport) {
    // A breadcrumb one item per line, a 发表时间 label over its value, the title printed twice,
    // the printed title cut by the page, and a 题注 above a news lead.
    const Document doc = parse(
        "当前位置：\n首页\n>\n政务信息\n>\n某区要闻\n2026年某区政府工作报告\n发表时间：\n"
        "2026-02-09 09:45:30\n2026年某区政府工作报告\n政府工作报\n告\n"
        "——2026年2月3日在某区第十三届人民代表大会第四次会议上\n区长 张某某\n"
        "2月3日，某区人民代表大会开幕。\n");
    EXPECT_EQ(doc.metadata.published.value, "2026-02-09");
    EXPECT_EQ(doc.metadata.addressee.value, "");
    ASSERT_GE(doc.blocks.size(), 5u);
    EXPECT_EQ(doc.blocks[0].kind, BlockKind::title);
    EXPECT_EQ(doc.blocks[0].text, "2026年某区政府工作报告");
    EXPECT_EQ(doc.blocks[1].kind, BlockKind::subtitle);
    EXPECT_EQ(doc.blocks[1].text, "政府工作报告");
    EXPECT_EQ(doc.blocks[2].kind, BlockKind::subtitle);
    EXPECT_EQ(doc.blocks[3].text, "区长 张某某");
    EXPECT_EQ(doc.blocks[4].kind, BlockKind::paragraph);
}

TEST(Metadata, AResolutionsAdoptionNoteIsItsDate) {
    const Document doc = parse(
        "第十三届全国人民代表大会第五次会议关于政府工作报告的决议\n"
        "（2022年3月11日第十三届全国人民代表大会第五次会议通过）\n"
        "第十三届全国人民代表大会第五次会议听取和审议了政府工作报告。\n");
    EXPECT_EQ(doc.blocks[1].kind, BlockKind::subtitle);
    EXPECT_EQ(doc.metadata.signed_date.value, "2022-03-11");
    EXPECT_EQ(doc.metadata.year.value, "2022");  // a 决议 belongs to the year it was adopted in
    EXPECT_EQ(doc.metadata.organisation.value, "第十三届全国人民代表大会第五次会议");
}

TEST(MetadataLines, WidgetBracketBeforeTheNextLabelIsNotPartOfTheValue) {
    const Document doc = parse("发布时间：2024-02-04 10:05　来源：某市科学技术局　【字体：大 中 小】\n");
    EXPECT_EQ(doc.metadata.source.value, "某市科学技术局");
}

// Metadata a reader states outside the text (meta tags): it fills what the text left empty,
// merges with what the text says, and never overrides it.
TEST(Metadata, StatedLinesFillGapsAndNeverOverrideTheText) {
    const std::string text = "发布时间：2024-02-04\n一、总体情况\n本年度共办理申请5件。\n";
    RawBlock published;
    published.text = "发布日期:2023-01-01 09:30";
    published.start = 100;
    RawBlock source;
    source.text = "来源:某市科学技术局";
    source.start = 200;
    RawBlock site;
    site.text = "网站名称:某市人民政府";
    site.start = 300;
    RawDocument raw;
    raw.blocks = split_lines(text);
    raw.stated = {published, source, site};
    const Document doc = run_passes(raw);
    EXPECT_EQ(doc.metadata.published.value, "2024-02-04");
    EXPECT_EQ(doc.metadata.published_time.value, "09:30");  // the text gave no time
    EXPECT_EQ(doc.metadata.source.value, "某市科学技术局");
    EXPECT_EQ(doc.metadata.source.span, (Span{203, 210}));
    ASSERT_EQ(doc.metadata.extra.size(), 1u);
    EXPECT_EQ(doc.metadata.extra[0].key, "网站名称");
    EXPECT_EQ(doc.metadata.extra[0].value, "某市人民政府");
    EXPECT_EQ(diagnostic_count(doc, "metadata_conflict"), 1u);
    for (const Block& b : doc.blocks) EXPECT_EQ(b.text.find("某市人民政府"), std::string::npos);
    // The stated lines change only the metadata.
    RawDocument plain;
    plain.blocks = split_lines(text);
    EXPECT_EQ(run_passes(plain).blocks, doc.blocks);
}

TEST(Metadata, NothingInventedWhenTheTextSaysNothing) {
    const Document doc = parse("今天天气很好,我们去公园散步。\n");
    EXPECT_FALSE(doc.metadata.title.present());
    EXPECT_FALSE(doc.metadata.organisation.present());
    EXPECT_FALSE(doc.metadata.year.present());
}

// A crawler's header: the page's column, its address and where the crawler saved it are no title
// or issuer; the 标题 line states the title, and a 管委会 at its head is the issuer.
TEST(Metadata, CrawlerHeaderStatesTheTitleNotItsColumnOrPath) {
    const Document doc = parse(
        "标题: 某某新区管委会2020年度政务公开工作年度报告\n"
        "发布时间: 2021-01-05 00:00\n"
        "文号: \n"
        "发布机构: \n"
        "栏目: 政务公开年报\n"
        "原文链接: https://example.gov.cn/zwgk/202101/t20210105_1.htm\n"
        "本地目录: zwgk/202101/1_某某新区管委会2020年度政务公开工作年度报告\n"
        "当前位置： 首页 政务公开 来源：某某新区 时间：2021-01-05 00:00 "
        "根据《条例》要求编制本报告。一、总体情况 2020年，我区推进政务公开。\n");
    EXPECT_EQ(doc.metadata.title.value, "某某新区管委会2020年度政务公开工作年度报告");
    EXPECT_EQ(doc.metadata.organisation.value, "某某新区管委会");
    EXPECT_EQ(doc.metadata.year.value, "2020");
    EXPECT_EQ(doc.metadata.published.value, "2021-01-05");
}

// A title printed as the organisation over the rest (a PDF's centred lines) is one title; its
// issuer is the fuller name the text gives it, with the city above the district.
TEST(Metadata, TitleOnTwoLinesAndTheIssuerWithItsCity) {
    const Document doc = parse(
        "                  某阳区人民政府\n"
        "         2022 年政务公开工作年度报告\n"
        "本报告由某州市某阳区人民政府办公室编制。\n"
        "一、总体情况\n"
        "2022 年，某阳区人民政府推进政务公开。\n");
    EXPECT_EQ(doc.metadata.title.value, "某阳区人民政府2022 年政务公开工作年度报告");
    EXPECT_EQ(doc.metadata.organisation.value, "某州市某阳区人民政府");
    EXPECT_EQ(doc.metadata.year.value, "2022");
}

// A place of the same or a lower level written before the name is not a fuller name of it.
TEST(Metadata, IssuerKeepsItsNameBeforeALowerPlace) {
    const Document doc = parse(
        "某州市人民政府\n"
        "2022年政务公开工作年度报告\n"
        "某某镇某州市人民政府驻地一带推进政务公开。\n");
    EXPECT_EQ(doc.metadata.organisation.value, "某州市人民政府");
}

// The subject of the opening sentence is the issuer when the title names none; a region is
// its government's report.
TEST(Metadata, IssuerIsTheSubjectOfTheOpeningSentence) {
    const Document doc = parse(
        "2021年度政务公开工作年度报告\n"
        "本报告依据《条例》编制。\n"
        "一、总体情况\n"
        "2021年，某某综合试验区坚持以人民为中心，推进政务公开。\n");
    EXPECT_EQ(doc.metadata.organisation.value, "某某综合试验区");
    const Document since = parse(
        "政务公开工作报告\n"
        "今年以来，某市某某局紧紧围绕中心工作，推进政务公开。\n");
    EXPECT_EQ(since.metadata.organisation.value, "某市某某局");
}

// A bulletin's byline under its title (the issuers over a bare date) names its issuers, before
// the page's 发布机构 (the site that reposted it).
TEST(Metadata, BylineUnderTheTitleNamesTheIssuer) {
    const Document doc = parse(
        "发布机构：某州市统计局\n"
        "某某省2022年国民经济和社会发展统计公报\n"
        "某某省统计局 国家统计局某某调查总队\n"
        "2023年3月28日\n"
        "2022年是重要的一年。全省生产总值增长4.7%。\n");
    EXPECT_EQ(doc.metadata.organisation.value, "某某省统计局 国家统计局某某调查总队");
}

// A bulletin signed in brackets on its last line: （某某县统计局）.
TEST(Metadata, BracketedSignatureOnTheLastLine) {
    const Document doc = parse(
        "某某县2015年国民经济和社会发展统计公报\n"
        "2015年，全县经济平稳运行。\n"
        "（某某县统计局）\n");
    EXPECT_EQ(doc.metadata.signer.value, "某某县统计局");
    EXPECT_EQ(doc.metadata.organisation.value, "某某县统计局");
}

// The year a report's figures are for: the statistics period it states, before any year of its
// opening sentence; a document number's 〔2019〕 and a plan period's 2021-2025 are no report year.
TEST(Metadata, YearFromTheStatedPeriodNotADocumentNumber) {
    const Document period = parse(
        "政务公开工作年度报告\n"
        "根据《条例》（某政办〔2019〕12号）要求编制本报告。本报告所列数据的统计期限自 2020 年 1 月 1 日起至 2020 年 12 "
        "月 31 日止。\n");
    EXPECT_EQ(period.metadata.year.value, "2020");
    const Document number = parse(
        "政务公开工作情况报告\n"
        "根据《某政办〔2019〕12号》和2021-2025年规划，本局2022年推进政务公开。\n");
    EXPECT_EQ(number.metadata.year.value, "2022");
    const Document by_date = parse(
        "政务公开工作情况报告\n"
        "截至2023年12月31日，本局公开信息120条。\n");
    EXPECT_EQ(by_date.metadata.year.value, "2023");
}

// A government work report is by the government its speaker speaks for (我代表省人民政府), of the
// province whose congress hears it; it is for the year its subtitle gives.
TEST(Metadata, WorkReportBySpeakerOfTheCongressPlace) {
    const Document doc = parse(
        "政府工作报告\n"
        "——2026年1月20日在某南省第十四届\n"
        "人民代表大会第五次会议上\n"
        "某南省省长 某某\n"
        "各位代表：\n"
        "现在，我代表省人民政府，向大会报告工作，请予审议。\n"
        "一、过去一年的工作\n"
        "我们推进各项工作。\n");
    EXPECT_EQ(doc.metadata.organisation.value, "某南省人民政府");
    EXPECT_EQ(doc.metadata.year.value, "2026");
}

// The office that compiles a report does so for its government (由X办公室…编制).
TEST(Metadata, ReportCompiledByAnOfficeIsItsGovernments) {
    const Document doc = parse(
        "政务公开工作年度报告\n"
        "本报告由某山市人民政府办公室根据《条例》要求编制。如有疑问请联系某山市政务服务管理局。\n"
        "一、总体情况\n"
        "我们推进各项工作。\n");
    EXPECT_EQ(doc.metadata.organisation.value, "某山市人民政府");
}

// A site's clock and an aggregator's day-month-year stamp are the day the page was seen, never
// the document's date, year or part of its title; a bare date with its weekday may be a dateline.
TEST(Boilerplate, SiteClockAndAggregatorStampAreChrome) {
    EXPECT_TRUE(chrome(U"今天是2024年5月11日 星期六"));
    EXPECT_TRUE(chrome(U"今天是：2023年10月11日 星期三"));
    EXPECT_TRUE(chrome(U"12.03.2024"));
    EXPECT_TRUE(chrome(U"5.1.2023 09:30"));
    EXPECT_FALSE(chrome(U"2024年5月11日 星期六"));
    EXPECT_FALSE(chrome(U"今天是个好日子"));
    EXPECT_FALSE(chrome(U"32.03.2024"));
    EXPECT_FALSE(chrome(U"3.5.12"));
    const Document doc = parse(
        "今天是2024年5月11日 星期六\n"
        "12.03.2024\n"
        "关于某区2023年度依法行政工作情况的报告\n"
        "2023年，我区坚持依法行政。\n");
    EXPECT_EQ(doc.metadata.title.value, "关于某区2023年度依法行政工作情况的报告");
    EXPECT_EQ(doc.metadata.year.value, "2023");
    EXPECT_FALSE(doc.metadata.published.present());
}

// With no date stated for it, a report is published as of the date under its signature, marked
// inferred (the document does not state it as its publication date).
TEST(Metadata, SignaturesDateIsThePublicationDateWhenNoneIsStated) {
    const Document doc = parse(
        "某某局2023年法治政府建设情况报告\n"
        "2023年，我局坚持依法行政。\n"
        "某某局\n"
        "2024年1月20日\n");
    EXPECT_EQ(doc.metadata.published.value, "2024-01-20");
    EXPECT_TRUE(doc.metadata.published.inferred);
    EXPECT_EQ(doc.metadata.signed_date.value, "2024-01-20");
    EXPECT_FALSE(doc.metadata.signed_date.inferred);
    const Document stated = parse(
        "某某局2023年法治政府建设情况报告\n"
        "发布日期：2024-02-03\n"
        "2023年，我局坚持依法行政。\n"
        "某某局\n"
        "2024年1月20日\n");
    EXPECT_EQ(stated.metadata.published.value, "2024-02-03");
    EXPECT_FALSE(stated.metadata.published.inferred);
}

// A page's widget labels copied after the text (智能问答, 政务邮箱) do not hide the bracketed
// signature above them; a short line of the text itself is no widget.
TEST(Metadata, BracketedSignatureAboveAPagesWidgetLabels) {
    const Document doc = parse(
        "某某县2015年国民经济和社会发展统计公报\n"
        "2015年，全县经济平稳运行。\n"
        "（某某县统计局）\n"
        "智能问答\n"
        "政务邮箱\n");
    EXPECT_EQ(doc.metadata.signer.value, "某某县统计局");
    EXPECT_EQ(doc.metadata.organisation.value, "某某县统计局");
    const Document prose = parse(
        "某某县2015年国民经济和社会发展统计公报\n"
        "2015年，全县经济平稳运行。\n"
        "（某某县统计局）\n"
        "全年增长较快，态势良好。\n");
    EXPECT_FALSE(prose.metadata.signer.present());
}

// Markdown's # marks are no part of a title.
TEST(Metadata, MarkdownHeadingMarksAreNotPartOfTheTitle) {
    const Document doc = parse(
        "# 某某市司法局2023年法治政府建设情况报告\n"
        "2023年，我局坚持依法行政。\n");
    EXPECT_EQ(doc.metadata.title.value, "某某市司法局2023年法治政府建设情况报告");
    EXPECT_EQ(diagnostic_count(doc, "heading_marks_removed"), 1u);
    const Document tag = parse("#某某话题#\n2023年，我局坚持依法行政。\n");
    EXPECT_EQ(diagnostic_count(tag, "heading_marks_removed"), 0u);
}

// A report with no title line that names itself in a sentence: an inferred title.
TEST(Metadata, TitleStatedOnlyInASentenceIsInferred) {
    const auto title_of = [](const std::string& text) { return parse(text).metadata.title; };
    Field t = title_of(
        "为总结工作，根据《条例》要求，特编制某某区2022年度政府信息公开工作年度报告。\n"
        "一、总体情况\n2022年，我区主动公开信息1200条。\n");
    EXPECT_EQ(t.value, "某某区2022年度政府信息公开工作年度报告");
    EXPECT_TRUE(t.inferred);
    t = title_of("现公布《某某县2021年政府信息公开工作年度报告》，欢迎监督。\n一、总体情况\n我县推进公开。\n");
    EXPECT_EQ(t.value, "某某县2021年政府信息公开工作年度报告");
    t = title_of("现将某某局2023年度法治政府建设情况公布如下：\n一、主要做法\n我局推进法治建设。\n");
    EXPECT_EQ(t.value, "某某局2023年度法治政府建设情况");
    t = title_of(
        "《某某市2020年政务公开工作年度报告》（以下简称《年报》）由某某市人民政府办公室编制。\n"
        "一、总体情况\n我市推进公开。\n");
    EXPECT_EQ(t.value, "某某市2020年政务公开工作年度报告");
    EXPECT_TRUE(t.inferred);
    // The issuer speaking of itself (我区) is named as the text names it elsewhere.
    t = title_of(
        "现将我区2022年度政府信息公开工作年度报告公布如下。\n一、总体情况\n全区主动公开信息。\n"
        "某某区人民政府\n2023年1月20日\n");
    EXPECT_EQ(t.value, "某某区人民政府2022年度政府信息公开工作年度报告");
    EXPECT_FALSE(title_of("现将有关情况报告如下：\n一、总体情况\n我局推进公开。\n").present());
    // A law or plan the report abbreviates is not its name.
    EXPECT_FALSE(title_of("根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定，特编制本报告。\n"
                          "一、总体情况\n我局推进公开。\n")
                     .present());
    // 本报告 is no name; a title line wins over the sentence.
    EXPECT_FALSE(title_of("特编制本报告。\n一、总体情况\n我局推进公开。\n").present());
    t = title_of("某某局2023年工作总结\n特编制某某局2023年度政府信息公开工作年度报告。\n");
    EXPECT_EQ(t.value, "某某局2023年工作总结");
    EXPECT_FALSE(t.inferred);
}

// The year a report tells its own work in: a paragraph under a heading opening 2023年，我办….
TEST(Metadata, YearOfTheIssuersOwnWorkUnderAHeading) {
    const Document doc = parse(
        "政务公开工作情况报告\n"
        "一、总体情况\n"
        "我们按照要求推进公开。\n"
        "二、主要做法\n"
        "2023年，我办认真贯彻落实公开要求。\n"
        "二、下一步\n"
        "继续推进。\n"
        "某某区人民政府办公室\n"
        "2025年3月5日\n");
    EXPECT_EQ(doc.metadata.year.value, "2023");
    EXPECT_FALSE(doc.metadata.year.inferred);
    // 我国 is not the issuer: the year comes from the signature's date, as before.
    const Document country = parse(
        "政务公开工作情况报告\n"
        "一、总体情况\n"
        "我们按照要求推进公开。\n"
        "2019年，我国经济平稳运行。\n"
        "某某区人民政府办公室\n"
        "2025年3月5日\n");
    EXPECT_EQ(country.metadata.year.value, "2024");
}

// A page's heading that is what its <title> calls it, before the site's name, is the title; a
// news page's 来源 names the publisher when the text states no issuer, a division inside the
// site's owner does not.
TEST(Metadata, PageTitleFromTheTitleElementAndPublisherFromTheSource) {
    const Document doc = parse_html(
        "<html><head><title>某某主持召开某某座谈会-某某科普网</title></head><body>"
        "<div><p>某某主持召开某某座谈会</p><ul><li>来源：某某通讯社</li><li>2023-12-01 14:43</li></ul>"
        "<p>某某社上海11月30日电 某某30日在上海主持召开座谈会并发表重要讲话，强调推进一体化发展。</p>"
        "<p>座谈会上，各地负责同志先后发言，提出意见建议，会议取得圆满成功。</p></div></body></html>");
    EXPECT_EQ(doc.metadata.title.value, "某某主持召开某某座谈会");
    EXPECT_FALSE(doc.metadata.title.inferred);
    EXPECT_EQ(doc.metadata.organisation.value, "某某通讯社");
    EXPECT_EQ(doc.metadata.year.value, "2023");
    const Document division = parse("某某工作情况\n来源：政策法规处\n我们推进各项工作，取得成效。\n");
    EXPECT_NE(division.metadata.organisation.value, "政策法规处");
}

// A title's plan period (2021-2025年) and document number (〔2019〕) are not the year it reports on.
TEST(Metadata, TitlesPlanPeriodAndDocumentNumberAreNoReportYear) {
    EXPECT_EQ(parse("某某市法治政府建设实施纲要（2021-2025年）2023年度落实情况报告\n我市推进法治建设。\n")
                  .metadata.year.value,
              "2023");
    const Document number =
        parse("某某市贯彻落实〔2019〕5号文件情况报告\n我市推进工作。\n某某市人民政府\n2024年1月5日\n");
    EXPECT_EQ(number.metadata.year.value, "2023");
    EXPECT_TRUE(number.metadata.year.inferred);
}

}  // namespace
}  // namespace gongwen
