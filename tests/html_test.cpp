// The HTML reader: charsets, main content, page metadata, tables, images, inline text and
// hostile input; and the five seeds wrapped in a government page read as their text is.
#include <gtest/gtest.h>

#include <filesystem>

#include "converters/html/page.hpp"
#include "gongwen/decode.hpp"
#include "gongwen/error.hpp"
#include "gongwen/html.hpp"
#include "test_util.hpp"

namespace gongwen {
namespace {

using test::blocks_of;
using test::diagnostic_count;
using test::read_fixture;
using test::slice;

Document read(const std::string& html) { return test::read_as_html(html, "page.html"); }

// A page as government CMSs print them: chrome around an article container.
std::string page(const std::string& article, const std::string& head = "", const std::string& before = "") {
    return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>某市人民政府</title>" + head +
           "</head><body><div class=\"top\">今天是：2019年10月31日 星期四 <a href=\"/wza\">无障碍浏览</a></div>"
           "<div class=\"nav\"><ul><li><a href=\"/\">首页</a></li><li><a href=\"/zwgk\">政务公开</a></li>"
           "<li><a href=\"/hdjl\">互动交流</a></li><li><a href=\"/bsfw\">办事服务</a></li></ul></div>" +
           before + "<div class=\"article\"><div class=\"TRS_Editor\">" + article +
           "</div><div class=\"share\">分享到：<a>微信</a><a>微博</a></div></div>"
           "<div class=\"footer\"><p>主办单位：某市人民政府办公室</p><p>某ICP备12345678号 某公网安备 "
           "00000000号</p></div>"
           "</body></html>";
}

std::string all_text(const Document& doc) {
    std::string s;
    for (const Block& b : doc.blocks) {
        s += b.text + "\n";
        for (const TableRow& r : b.rows)
            for (const TableCell& c : r.cells) s += c.text + "\t";
    }
    return s;
}

// --- charset --------------------------------------------------------------------------

TEST(HtmlCharset, FindsTheDeclarationInEveryForm) {
    EXPECT_EQ(html::declared_charset("<html><head><meta charset=\"GB2312\">"), "GB2312");
    EXPECT_EQ(html::declared_charset("<META http-equiv=Content-Type content=\"text/html; charset=gbk\">"), "gbk");
    EXPECT_EQ(html::declared_charset("<meta content='text/html;charset=utf-8' http-equiv='content-type'/>"), "utf-8");
    EXPECT_EQ(html::declared_charset("<?xml version=\"1.0\" encoding=\"gb2312\"?><html>"), "gb2312");
    EXPECT_EQ(html::declared_charset("<!-- <meta charset=big5> --><p>x</p>"), "");
    EXPECT_EQ(html::declared_charset("<meta name=\"keywords\" content=\"charset=gbk\">"), "");
}

TEST(HtmlCharset, Gb2312DeclaredIsReadAsGb18030) {
    // 镕 is in GBK/GB18030 but not in GB2312: real "gb2312" pages use such characters.
    const std::string text =
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head>"
        "<body><p>关于朱镕基同志讲话精神的学习报告。</p></body></html>";
    const Document doc = read(encode(text, "GB18030"));
    EXPECT_EQ(doc.source.charset, "GB18030");
    EXPECT_FALSE(doc.source.charset_guessed);
    EXPECT_NE(all_text(doc).find("朱镕基"), std::string::npos);
    EXPECT_EQ(diagnostic_count(doc, "charset_mismatch"), 0u);
}

TEST(HtmlCharset, UndeclaredGbkIsDetected) {
    const Document doc =
        read(encode("<html><body><p>全年共受理政府信息公开申请十二件，均已按时答复。</p></body></html>", "GB18030"));
    EXPECT_EQ(doc.source.charset, "GB18030");
    EXPECT_TRUE(doc.source.charset_guessed);
}

TEST(HtmlCharset, DeclaredAndActualDisagreeIsADiagnosticNotAFailure) {
    // A template's gb2312 declaration on a UTF-8 page: the bytes win.
    const Document utf8 = read("<meta charset=\"gb2312\"><p>全年共受理申请十二件，均已按时答复。</p>");
    EXPECT_EQ(utf8.source.charset, "UTF-8");
    EXPECT_EQ(diagnostic_count(utf8, "charset_mismatch"), 1u);
    EXPECT_NE(all_text(utf8).find("十二件"), std::string::npos);
    // A utf-8 declaration on GBK bytes: the declaration cannot be right.
    const Document gbk = read(encode("<meta charset=\"utf-8\"><p>全年共受理申请十二件，均已按时答复。</p>", "GB18030"));
    EXPECT_EQ(gbk.source.charset, "GB18030");
    EXPECT_EQ(diagnostic_count(gbk, "charset_mismatch"), 1u);
    EXPECT_NE(all_text(gbk).find("十二件"), std::string::npos);
    // A byte order mark outranks any declaration.
    const Document bom = read("\xEF\xBB\xBF<meta charset=\"gbk\"><p>全年共受理申请十二件。</p>");
    EXPECT_EQ(bom.source.charset, "UTF-8");
    EXPECT_EQ(diagnostic_count(bom, "charset_mismatch"), 1u);
}

TEST(HtmlCharset, DamagedBytesBecomeReplacementCharacters) {
    std::string bytes = encode("<meta charset=\"gbk\"><p>全年共受理申请十二件，均已按时答复。</p>", "GB18030");
    bytes.insert(bytes.find("</p>"), "\x81\x20\xFF");  // not GB18030, not UTF-8, not Big5
    const Document doc = read(bytes);
    EXPECT_EQ(doc.source.charset, "GB18030");
    EXPECT_GT(diagnostic_count(doc, "charset_replaced"), 0u);
    EXPECT_NE(all_text(doc).find("十二件"), std::string::npos);
}

TEST(HtmlCharset, CommittedGb2312FixtureIsGb2312Bytes) {
    const std::string bytes = read_fixture("html/gb2312_table_layout.html");
    EXPECT_THROW(decode_as(bytes, "UTF-8", "x"), Error);
    EXPECT_NO_THROW(decode_as(bytes, "GB2312", "x"));  // strictly GB2312, not only GBK
    const Document doc = test::read_as_html(bytes, "gb2312_table_layout.html");
    EXPECT_EQ(doc.source.charset, "GB18030");
    EXPECT_FALSE(doc.source.charset_guessed);
    EXPECT_EQ(doc.metadata.title.value, "松林县科技局2022年度法治政府建设情况报告");
}

// --- main content ----------------------------------------------------------------------

TEST(HtmlContent, DropsNavigationWidgetsAndFooter) {
    const Document doc =
        read(page("<p>一、总体情况</p><p>2023年，我局认真落实条例要求，全面推进政务公开工作，取得积极成效。</p>"
                  "<p>二、存在问题</p><p>公开内容的深度还需加强，解读形式较为单一，需要进一步改进。</p>"));
    const std::string text = all_text(doc);
    for (const char* chrome : {"首页", "互动交流", "分享到", "微信", "ICP", "公网安备", "主办单位", "今天是", "无障碍"})
        EXPECT_EQ(text.find(chrome), std::string::npos) << chrome;
    EXPECT_EQ(blocks_of(doc, BlockKind::heading, 1).size(), 2u);
    EXPECT_GT(diagnostic_count(doc, "boilerplate_removed"), 0u);
}

TEST(HtmlContent, ChoosesTheDenseContainerOverLinkLists) {
    std::string links;
    for (int i = 0; i < 30; ++i)
        links += "<li><a href=\"/n" + std::to_string(i) + "\">市政府召开第" + std::to_string(i) + "次常务会议</a></li>";
    const std::string html =
        "<html><body><div id=\"left\"><ul>" + links +
        "</ul></div><div id=\"c1\">"
        "<p>本年度，我局共受理行政许可申请一百二十件，全部按期办结，群众满意率达到百分之九十八。</p>"
        "<p>下一步，我局将继续深化改革，优化营商环境，提升服务水平。</p></div></body></html>";
    const Document doc = read(html);
    EXPECT_EQ(all_text(doc).find("常务会议"), std::string::npos);
    EXPECT_NE(all_text(doc).find("一百二十件"), std::string::npos);
}

TEST(HtmlContent, RelatedArticlesInsideTheArticleAreDropped) {
    const Document doc =
        read(page("<p>全年办理申请十二件，均按时答复。</p><div class=\"list\"><p>相关阅读</p><ul>"
                  "<li><a href=\"/1\">某市召开工作会议</a></li><li><a href=\"/2\">某局开展培训活动</a></li>"
                  "<li><a href=\"/3\">某区推进改革工作</a></li></ul></div>"));
    EXPECT_EQ(all_text(doc).find("召开工作会议"), std::string::npos);
    EXPECT_NE(all_text(doc).find("十二件"), std::string::npos);
}

TEST(HtmlContent, RelatedBoxesAreDroppedWhereverTheSitePutsThem) {
    // A related-articles box with one link and its date, and an empty 相关新闻 box whose list a
    // script fills in, both inside the article's frame.
    const Document doc = read(page(
        "<div class=\"rel\"><h3><span>关联稿件：</span></h3><ul><li><a "
        "href=\"/9\">图文解读：《某县2023年统计公报》</a>"
        "<span>2024-07-12</span></li></ul></div><p>全年办理申请十二件，均按时答复。</p>"
        "<div class=\"about\"><div class=\"t\">相关新闻</div></div><div><p>猜你喜欢</p><ul><li><a href=\"/5\">某市召开"
        "工作会议</a></li></ul></div>"));
    const std::string text = all_text(doc);
    EXPECT_EQ(text.find("关联稿件"), std::string::npos);
    EXPECT_EQ(text.find("图文解读"), std::string::npos);
    EXPECT_EQ(text.find("相关新闻"), std::string::npos);
    EXPECT_EQ(text.find("猜你喜欢"), std::string::npos);
    EXPECT_NE(text.find("十二件"), std::string::npos);
    // A paragraph that only starts with such words is prose.
    const Document prose = read(page("<p>相关新闻发布后，全年办理申请十二件，均按时答复。</p>"));
    EXPECT_NE(all_text(prose).find("相关新闻发布后"), std::string::npos);
}

TEST(HtmlContent, ToolbarItemsAreRecognisedByWhatTheySay) {
    const Document doc =
        read(page("<div class=\"bar\"><span>字号：<a>大</a> <a>中</a> "
                  "<a>小</a></span></div><p>全年办理申请十二件，均按时答复。</p>"
                  "<div><a href=\"/x.pdf\">下载PDF</a></div><div><a>Word版下载</a></div><div>微信扫码分享</div>"
                  "<p><a>我要纠错</a></p><p>关注我们</p><p>正在加载…</p>"
                  "<p>版权声明：凡本网注明来源的作品，未经授权不得转载、摘编。</p>"));
    const std::string text = all_text(doc);
    for (const char* item :
         {"字号", "下载PDF", "Word版下载", "扫码分享", "我要纠错", "关注我们", "正在加载", "版权声明"})
        EXPECT_EQ(text.find(item), std::string::npos) << item;
    EXPECT_NE(text.find("十二件"), std::string::npos);
}

TEST(HtmlMetadata, IndexEntriesPrintedAsLabelAndValueElementsAreMetadata) {
    const std::string index =
        "<dl class=\"meta\"><dd><label>发文日期：</label><div>2024-04-18</div></dd><dd><label>公开时限：</label>"
        "<div>常年公开</div></dd><dd><label>分类：</label><div>统计公报</div></dd></dl>";
    const Document doc = read(page(index + "<p>2023年，全市经济运行稳中向好，全年办理申请十二件。</p>"));
    EXPECT_EQ(doc.metadata.published.value, "2024-04-18");
    const std::string text = all_text(doc);
    EXPECT_EQ(text.find("公开时限"), std::string::npos);
    EXPECT_EQ(text.find("常年公开"), std::string::npos);
}

TEST(HtmlContent, ATrailOfLinksBetweenSeparatorsIsABreadcrumb) {
    const std::string trail =
        "<div class=\"t-left\"><span><a href=\"/\">某某科普网</a></span><span>&gt;</span><span><a href=\"/n\">时政新闻"
        "</a></span><span>&gt;</span></div>";
    const Document doc =
        read(page("<div><h1>某市召开科普工作座谈会</h1></div><p>会议指出，要持续推进科普工作，全年举办活动十二场。</p>",
                  "", trail));
    EXPECT_EQ(all_text(doc).find("时政新闻"), std::string::npos);
    EXPECT_EQ(doc.metadata.title.value, "某市召开科普工作座谈会");
    // Two linked names with a separator inside a sentence are prose.
    const Document prose =
        read(page("<p>详见<a href=\"/a\">通知</a>和<a href=\"/b\">解读</a>，全年举办活动十二场。</p>"));
    EXPECT_NE(all_text(prose).find("通知"), std::string::npos);
}

TEST(HtmlContent, AttachmentLinksAreKept) {
    const Document doc =
        read(page("<p>全年办理申请十二件，均按时答复。</p><p>附件：<a href=\"/a.pdf\">1.统计表.pdf</a> "
                  "<a href=\"/b.docx\">2.目录.docx</a></p>"));
    EXPECT_FALSE(blocks_of(doc, BlockKind::attachment).empty());
}

TEST(HtmlContent, TitleAndInfoBarOutsideTheArticleContainer) {
    const Document doc = read(page("<p>一、总体情况</p><p>2023年，我局全面推进政务公开工作，取得积极成效。</p>", "",
                                   "<div class=\"tit\"><h1>某市科学技术局2023年政务公开工作报告</h1></div>"
                                   "<div class=\"xx\">发布时间：2024-01-26 16:30　来源：某市科学技术局</div>"));
    EXPECT_EQ(doc.metadata.title.value, "某市科学技术局2023年政务公开工作报告");
    EXPECT_EQ(doc.metadata.published.value, "2024-01-26");
    EXPECT_EQ(doc.metadata.published_time.value, "16:30");
    EXPECT_EQ(doc.metadata.source.value, "某市科学技术局");
}

TEST(HtmlContent, SiteClockIsNeverThePublicationDate) {
    const Document doc = read(page("<p>2023年，我局全面推进政务公开工作，取得积极成效。</p>"));
    EXPECT_FALSE(doc.metadata.published.present());
    EXPECT_EQ(all_text(doc).find("2019"), std::string::npos);
}

TEST(HtmlContent, HeadingElementsAndNumberedParagraphsAgree) {
    const Document doc =
        read(page("<h2>一、主要工作</h2><p>全年办理申请十二件，均按时答复。</p><p>二、存在问题</p>"
                  "<p>解读形式较为单一。</p><h3>（一）加强学习</h3><p>组织集中学习四次。</p>"));
    const auto h1 = blocks_of(doc, BlockKind::heading, 1);
    ASSERT_EQ(h1.size(), 2u);
    EXPECT_EQ(h1[0]->marker, "一、");
    EXPECT_EQ(h1[0]->text, "主要工作");
    EXPECT_EQ(h1[1]->text, "存在问题");
    ASSERT_EQ(blocks_of(doc, BlockKind::heading, 2).size(), 1u);
}

TEST(HtmlContent, TitlePrintedOverSeveralLinesIsOneTitle) {
    // gov.cn centres a long title in bold, one <p> a line, under the index table that states it.
    const std::string index =
        "<table><tr><td><b>标　　题：</b></td><td>某市人民政府办公室关于进一步规范行政执法公示工作的通知</td>"
        "<td><b>发文字号：</b></td><td>某政办发〔2024〕7号</td></tr></table>";
    const std::string body =
        "<p style=\"text-align:center\"><span style=\"font-weight:bold\">某市人民政府办公室关于进一步规范</span></p>"
        "<p style=\"text-align:center\"><span style=\"font-weight:bold\">行政执法公示工作的通知</span></p>"
        "<p style=\"text-align:center\">某政办发〔2024〕7号</p><p>各县（区）人民政府，市政府各部门：</p>"
        "<p>为推进严格规范公正文明执法，经市政府同意，现就有关事项通知如下。</p>";
    const Document doc = read(page(body, "", index));
    EXPECT_EQ(doc.metadata.title.value, "某市人民政府办公室关于进一步规范行政执法公示工作的通知");
    const auto titles = blocks_of(doc, BlockKind::title);
    ASSERT_EQ(titles.size(), 1u);
    EXPECT_EQ(titles[0]->text, "某市人民政府办公室关于进一步规范行政执法公示工作的通知");
    EXPECT_EQ(doc.metadata.addressee.value, "各县（区）人民政府，市政府各部门");
    // Lines that are not the title together stay apart.
    const Document other =
        read(page("<p>某市人民政府办公室</p><p>二〇二四年三月</p><p>全年办理申请十二件，均按时答复。</p>",
                  "<meta name=\"ArticleTitle\" content=\"某市人民政府办公室工作简报\">"));
    EXPECT_NE(all_text(other).find("某市人民政府办公室\n"), std::string::npos);
}

TEST(HtmlContent, WidgetNamedAfterTheArticleIsChrome) {
    const Document doc = read(
        page("<div class=\"article-info\"><span class=\"article-print\">打印</span> "
             "<span class=\"article-share\">分享</span></div>"
             "<div class=\"article-share-note\">本文转载自市政府门户网站，全年办理申请十二件，均按时答复。</div>"));
    const std::string text = all_text(doc);
    EXPECT_EQ(text.find("打印"), std::string::npos);
    EXPECT_EQ(text.find("分享"), std::string::npos);
    EXPECT_NE(text.find("十二件"), std::string::npos);  // a sentence is no widget, whatever its name
}

TEST(HtmlContent, RelatedBoxWhoseListAScriptFillsIsDropped) {
    const Document doc =
        read(page("<p>全年办理申请十二件，均按时答复。</p><div class=\"relbox\"><h2><p>相关公告</p></h2><ul></ul></div>"
                  "<div class=\"files\"><p>附件：</p><ul><li><a href=\"/f/1.pdf\">统计表</a></li></ul></div>"));
    const std::string text = all_text(doc);
    EXPECT_EQ(text.find("相关公告"), std::string::npos);
    EXPECT_NE(text.find("统计表"), std::string::npos);
}

TEST(HtmlContent, BoldLeadInWithAMarkerIsTheHeading) {
    const Document doc =
        read(page("<p><b>一、项目名称：</b>某市第一中学运动场改造工程</p>"
                  "<p><b>二、评审专家名单：</b>张某、李某、王某、赵某、钱某、孙某、周某、吴某、郑某、冯某、陈某、褚某、"
                  "卫某、蒋某、沈某、韩某、杨某、朱某、秦某、尤某、许某、何某、吕某、施某、孔某、曹某、严某、华某、"
                  "金某、魏某、陶某、姜某、戚某、谢某、邹某、喻某、柏某、水某、窦某、章某</p>"
                  "<p>我们<b>三、</b>不是标题，全年办理申请十二件。</p>"));
    const auto h1 = blocks_of(doc, BlockKind::heading, 1);
    ASSERT_EQ(h1.size(), 2u);
    EXPECT_EQ(h1[0]->text, "项目名称：");
    EXPECT_EQ(h1[1]->marker, "二、");
    EXPECT_EQ(h1[1]->text, "评审专家名单：");
    EXPECT_NE(all_text(doc).find("某市第一中学运动场改造工程\n"), std::string::npos);
}

TEST(HtmlContent, LoneNameLineInsideTheTextIsContent) {
    const std::string head = "<meta name=\"ArticleTitle\" content=\"某市第一中学运动场改造工程中标公告\">";
    const Document doc =
        read(page("<p>一、中标信息</p><p>标包：A</p><p>名称：运动场塑胶跑道改造</p><p>工期：30天</p>"
                  "<p>标包：B</p><p>名称：看台维修</p><p>工期：20天</p>"
                  "<p>二、公告期限</p><p>自本公告发布之日起1个工作日。</p>",
                  head));
    const std::string text = all_text(doc);
    EXPECT_NE(text.find("名称：运动场塑胶跑道改造"), std::string::npos);
    EXPECT_NE(text.find("名称：看台维修"), std::string::npos);
    EXPECT_EQ(doc.metadata.title.value, "某市第一中学运动场改造工程中标公告");
    EXPECT_EQ(diagnostic_count(doc, "metadata_conflict"), 0u);
}

TEST(HtmlContent, MarkedUpHeadingIsNeverTheAddressee) {
    const Document doc = read(page("<h5>公告概要：</h5><p>项目名称、采购单位与中标金额见下。</p>"));
    EXPECT_FALSE(doc.metadata.addressee.present());
    const Document letter = read(page("<p>各区人民政府：</p><p>现将有关事项通知如下。</p>"));
    EXPECT_EQ(letter.metadata.addressee.value, "各区人民政府");
}

// --- page metadata ------------------------------------------------------------------------

TEST(HtmlMetadata, MetaTagsFillWhatThePageDoesNotSay) {
    const std::string head =
        "<meta name=\"ArticleTitle\" content=\"某市审计局2023年法治政府建设情况报告\"><meta name=\"PubDate\" "
        "content=\"2024-02-20 09:15\"><meta name=\"ContentSource\" content=\"某市审计局\"><meta name=\"ColumnName\" "
        "content=\"法治政府建设\"><meta name=\"Keywords\" content=\"法治政府,报告\">"
        "<link rel=\"canonical\" href=\"http://www.example.gov.cn/a/1.html\">";
    const Document doc = read(page("<p>2023年，市审计局全面推进法治政府建设，取得积极成效。</p>", head));
    const Metadata& m = doc.metadata;
    EXPECT_EQ(m.title.value, "某市审计局2023年法治政府建设情况报告");
    EXPECT_EQ(m.published.value, "2024-02-20");
    EXPECT_EQ(m.published_time.value, "09:15");
    EXPECT_EQ(m.source.value, "某市审计局");
    EXPECT_EQ(m.keywords.value, "法治政府，报告");
    EXPECT_EQ(m.source_url.value, "http://www.example.gov.cn/a/1.html");
    const std::string html = page("<p>2023年，市审计局全面推进法治政府建设，取得积极成效。</p>", head);
    EXPECT_EQ(slice(html, m.published.span), "2024-02-20 09:15");
    EXPECT_EQ(slice(html, m.source_url.span), "http://www.example.gov.cn/a/1.html");
    bool column = false;
    for (const ExtraField& x : m.extra) column = column || (x.key == "栏目" && x.value == "法治政府建设");
    EXPECT_TRUE(column);
}

TEST(HtmlMetadata, WhatThePageShowsOutranksItsMetaTags) {
    const std::string head = "<meta name=\"PubDate\" content=\"2024-03-01\">";
    const Document doc =
        read(page("<p>发布日期：2024-02-04</p><p>2023年，我局全面推进法治政府建设，取得积极成效。</p>", head));
    EXPECT_EQ(doc.metadata.published.value, "2024-02-04");
    EXPECT_EQ(diagnostic_count(doc, "metadata_conflict"), 1u);
}

TEST(HtmlMetadata, APubDateEqualToThePageRegenerationStampIsNoPublicationDate) {
    const std::string head =
        "<meta name=\"PubDate\" content=\"2024-06-03 08:00:12\"><meta name=\"others\" content=\"页面生成时间 "
        "2024-06-03 08:00:12\">";
    const std::string index =
        "<table class=\"xxgk\"><tr><td>索引号：</td><td>000014349/2024-00031</td><td>发文日期：</td>"
        "<td>2024-03-18</td></tr></table>";
    const Document dated = read(page("<p>2023年，我局全面推进法治政府建设，取得积极成效。</p>", head, index));
    EXPECT_EQ(dated.metadata.published.value, "2024-03-18");  // the index table's date, not the rebuild
    const Document bare = read(page("<p>2023年，我局全面推进法治政府建设，取得积极成效。</p>", head));
    EXPECT_FALSE(bare.metadata.published.present());
    bool stamp = false;
    for (const ExtraField& x : bare.metadata.extra)
        stamp = stamp || (x.key == "页面生成时间" && x.value == "2024-06-03 08:00:12");
    EXPECT_TRUE(stamp);
    // A PubDate that differs from the stamp is still the publication date.
    const Document other = read(page("<p>2023年，我局全面推进法治政府建设，取得积极成效。</p>",
                                     "<meta name=\"PubDate\" content=\"2024-02-20 09:15\"><meta name=\"others\" "
                                     "content=\"页面生成时间 2024-06-03 08:00:12\">"));
    EXPECT_EQ(other.metadata.published.value, "2024-02-20");
}

TEST(HtmlMetadata, IndexTableBecomesMetadataNotATable) {
    const std::string index =
        "<table "
        "class=\"xxgk\"><tr><td>索引号：</td><td>000014349/2024-00012</td><td>发布机构：</td><td>某市科学技术局</td></"
        "tr>"
        "<tr><td>生成日期：</td><td>2024-01-26</td><td>文号：</td><td>某科发〔2024〕3号</td></tr>"
        "<tr><td>主题分类：</td><td>科技、教育</td><td>有效性：</td><td>有效</td></tr></table>";
    const std::string html = page("<p>2023年，我局全面推进法治政府建设，取得积极成效。</p>", "", index);
    const Document doc = read(html);
    const Metadata& m = doc.metadata;
    EXPECT_EQ(m.index_number.value, "000014349/2024-00012");
    EXPECT_EQ(m.publisher.value, "某市科学技术局");
    EXPECT_EQ(m.document_number.value, "某科发〔2024〕3号");
    EXPECT_EQ(m.category.value, "科技、教育");
    EXPECT_EQ(m.published.value, "2024-01-26");  // 生成日期 when nothing says 发布日期
    EXPECT_EQ(slice(html, m.index_number.span), "000014349/2024-00012");
    EXPECT_TRUE(blocks_of(doc, BlockKind::table).empty());
}

TEST(HtmlMetadata, InfoBarThatStartsWithItsDate) {
    // The mobile and the desktop copy of the same info bar, inside the article container.
    const std::string bar = "<p><span>2022-04-17</span> <span>来源：某市生态环境局</span></p>";
    const Document doc = read(page(bar + bar + "<p>4月12日，局长主持召开局务会议，审议通过两项标准。</p>"));
    EXPECT_EQ(doc.metadata.published.value, "2022-04-17");
    EXPECT_EQ(doc.metadata.source.value, "某市生态环境局");
    EXPECT_EQ(all_text(doc).find("来源"), std::string::npos);
    EXPECT_GT(diagnostic_count(doc, "metadata_merged"), 0u);
    const Document labelled =
        read(page("<p><i>时间：</i>2019-09-18 06:23 <i>来源：</i>某日报</p>"
                  "<p>当地时间9月16日，推介会在圣保罗举行，双方签署合作协议。</p>"));
    EXPECT_EQ(labelled.metadata.published.value, "2019-09-18");
    EXPECT_EQ(labelled.metadata.published_time.value, "06:23");
    EXPECT_EQ(labelled.metadata.source.value, "某日报");
    // In the text a 时间 line is the text's own: a meeting notice's.
    const Document notice =
        read(page("<p>现将会议有关事项通知如下。</p><p>时间：2024年3月1日 来源：各单位自行安排</p>"));
    EXPECT_FALSE(notice.metadata.published.present());
}

TEST(HtmlMetadata, EmptyBracketsAfterALabelStateNothing) {
    // 来源：【<span id="sourceName"></span>】 filled in by a script the saved page no longer runs.
    const Document doc =
        read(page("<p>发布时间：2025年07月14日 01:59 来源：【<span id=\"sourceName\"></span>】</p>"
                  "<p>全年办理申请十二件，均按时答复。</p>",
                  "<meta name=\"ContentSource\" content=\"某市财政局\">"));
    EXPECT_EQ(doc.metadata.source.value, "某市财政局");
    EXPECT_EQ(diagnostic_count(doc, "metadata_conflict"), 0u);
}

TEST(HtmlMetadata, BreadcrumbIsTheColumnPath) {
    const Document doc = read(page(
        "<p>2023年，我局全面推进法治政府建设，取得积极成效。</p>", "",
        "<div class=\"position\">当前位置：<a>首页</a> &gt; <a>政务公开</a> &gt; <a>规划计划</a> &gt; 正文</div>"));
    bool path = false;
    for (const ExtraField& x : doc.metadata.extra)
        path = path || (x.key == "栏目路径" && x.value == "政务公开 > 规划计划");
    EXPECT_TRUE(path);
    EXPECT_EQ(all_text(doc).find("当前位置"), std::string::npos);
}

TEST(HtmlMetadata, SavedPageAddress) {
    const std::string html = "<!-- saved from url=(0034)http://www.example.gov.cn/a/2.html -->\n" +
                             page("<p>2023年，我局全面推进法治政府建设，取得积极成效。</p>");
    const Document doc = read(html);
    EXPECT_EQ(doc.metadata.source_url.value, "http://www.example.gov.cn/a/2.html");
    EXPECT_EQ(slice(html, doc.metadata.source_url.span), "http://www.example.gov.cn/a/2.html");
}

// --- tables -------------------------------------------------------------------------------

const Block& only_table(const Document& doc) {
    const auto tables = blocks_of(doc, BlockKind::table);
    if (tables.size() != 1) throw std::runtime_error("expected one table, got " + std::to_string(tables.size()));
    return *tables[0];
}

TEST(HtmlTables, SpansAndHeaderRows) {
    const std::string html = page(
        "<p>申请办理情况如下表。</p><table border=1><thead><tr><th colspan=\"3\" rowspan=\"2\">项目</th><th "
        "colspan=\"2\">申请人</th></tr>"
        "<tr><th>自然人</th><th>法人</th></tr></thead><tbody>"
        "<tr><td colspan=3>一、本年新收政府信息公开申请数量</td><td>4</td><td>1</td></tr>"
        "<tr><td rowspan=\"2\">三、本年度办理结果</td><td colspan=2>（一）予以公开</td><td>3</td><td>1</td></tr>"
        "<tr><td colspan=2>（二）部分公开</td><td>1</td><td>0</td></tr></tbody></table>");
    const Document doc = read(html);
    const Block& t = only_table(doc);
    ASSERT_EQ(t.rows.size(), 5u);
    EXPECT_TRUE(t.rows[0].header);
    EXPECT_TRUE(t.rows[1].header);
    EXPECT_FALSE(t.rows[2].header);
    EXPECT_EQ(t.rows[0].cells[0].col_span, 3);
    EXPECT_EQ(t.rows[0].cells[0].row_span, 2);
    EXPECT_TRUE(t.rows[0].cells[0].header);
    EXPECT_EQ(t.rows[3].cells[0].text, "三、本年度办理结果");
    EXPECT_EQ(t.rows[3].cells[0].row_span, 2);
    EXPECT_EQ(slice(html, t.rows[2].cells[0].span), "一、本年新收政府信息公开申请数量");
    EXPECT_EQ(slice(html, t.span).substr(0, 6), "<table");
    // Row labels are cells, never headings of the document.
    for (const Block& b : doc.blocks) EXPECT_NE(b.kind, BlockKind::heading) << b.text;
}

TEST(HtmlTables, WordTableWithBoldFirstRowHasAHeaderRow) {
    const Document doc = read(page(
        "<p>主要指标如下。</p><table class=\"MsoNormalTable\" border=1><tr><td><p><b><span>指标</span></b></p></td>"
        "<td><p><b>2022年</b></p></td><td><p><b>2023年</b></p></td></tr><tr><td><p>受理申请</p></td><td><p>3</p></td>"
        "<td><p>5</p></td></tr><tr><td>办结</td><td>3</td><td>5</td></tr></table>"));
    const Block& t = only_table(doc);
    EXPECT_TRUE(t.rows[0].header);
    EXPECT_FALSE(t.rows[1].header);
    EXPECT_EQ(t.rows[1].cells[0].text, "受理申请");
}

TEST(HtmlTables, LayoutTablesAreReadAsText) {
    const std::string html =
        "<html><body><table width=1000><tr><td width=200><a href=/>首页</a></td><td>"
        "<table><tr><td><h3>某县2023年工作报告</h3></td></tr><tr><td>"
        "<p>一、总体情况</p><p>2023年，我县全面推进政务公开，全年主动公开信息三百条，办理申请十件。</p>"
        "<p>二、存在问题</p><p>公开质量还需提高，解读形式较为单一，需要进一步改进和完善。</p></td></tr></table>"
        "</td></tr></table></body></html>";
    const Document doc = read(html);
    EXPECT_TRUE(blocks_of(doc, BlockKind::table).empty());
    EXPECT_EQ(blocks_of(doc, BlockKind::heading, 1).size(), 2u);
}

TEST(HtmlTables, RowspanNeverReachesPastTheTable) {
    const Document doc = read(
        page("<p>如下。</p><table border=1><tr><th>甲</th><th>乙</th></tr><tr><td rowspan=\"9\">1</td><td>2</td></tr>"
             "<tr><td rowspan=0>3</td></tr></table>"));
    const Block& t = only_table(doc);
    EXPECT_EQ(t.rows[1].cells[0].row_span, 2);
    EXPECT_EQ(t.rows[2].cells[0].row_span, 1);
}

// --- inline text and images ------------------------------------------------------------------

TEST(HtmlText, WordPastedSpansJoinAndIndentationGoes) {
    const std::string html = page(
        "<p class=MsoNormal>&nbsp;&nbsp;&nbsp;&nbsp;　　<span lang=EN-US>20</span><span lang=EN-US>23</span>年，"
        "我局共办理申请<span>1</span><span>2</span>件，均已按时\n答复。</p>");
    const Document doc = read(html);
    ASSERT_FALSE(doc.blocks.empty());
    const Block& p = doc.blocks.back();
    EXPECT_EQ(p.text, "2023年，我局共办理申请12件，均已按时答复。");
    EXPECT_EQ(diagnostic_count(doc, "cjk_space_removed"), 0u);  // a line break in the source is no space
    EXPECT_EQ(slice(html, Span{p.span.start, p.span.start + 2}), "20");
    EXPECT_EQ(slice(html, Span{p.span.end - 3, p.span.end}), "答复。");
}

TEST(HtmlText, EntitiesMapBackToTheirSource) {
    const std::string html = page("<p>全面推行&ldquo;三项制度&rdquo;&amp;规范执法&#12290;</p>");
    const Document doc = read(html);
    const Block& p = doc.blocks.back();
    EXPECT_EQ(p.text, "全面推行“三项制度”&规范执法。");
    // A span ends one code point into the reference its last character came from: per-character
    // origins hold where each character starts.
    EXPECT_EQ(slice(html, p.span), "全面推行&ldquo;三项制度&rdquo;&amp;规范执法&");
    const std::size_t amp = html.find("&amp;");
    ASSERT_NE(amp, std::string::npos);
    EXPECT_EQ(slice(html, Span{p.span.start, p.span.start + 5}), "全面推行&");
}

TEST(HtmlText, BrSeparatesLinesAndPreKeepsThem) {
    const Document doc =
        read(page("<div>一、总体情况<br>全年办理申请十二件，均按时答复。<br/>二、存在问题<br>解读形式较为单一。</div>"
                  "<pre>表一  办理情况\n合计  12件</pre>"));
    EXPECT_EQ(blocks_of(doc, BlockKind::heading, 1).size(), 2u);
    EXPECT_NE(all_text(doc).find("\n合计  12件\n"), std::string::npos);  // a pre line is a line, its spaces kept
}

TEST(HtmlImages, BecomeNotesWithAltAndAddress) {
    const Document doc =
        read(page("<p>全年办理申请十二件，均按时答复。</p><p><img src=\"/u/1.jpg\" alt=\"工作会议现场\"></p>"
                  "<img src=\"/i/dot.gif\" width=1 height=1><img alt=\"无地址\">"
                  "<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"内嵌图\" width=300>"));
    const auto images = blocks_of(doc, BlockKind::image);
    ASSERT_EQ(images.size(), 2u);
    EXPECT_EQ(images[0]->text, "工作会议现场");
    EXPECT_EQ(images[0]->target, "/u/1.jpg");
    EXPECT_EQ(images[1]->target, "data:image/png");
}

// --- hostile input ---------------------------------------------------------------------------

std::string nested(std::size_t depth, const std::string& tag) {
    std::string s = "<html><body>";
    for (std::size_t i = 0; i < depth; ++i) s += "<" + tag + ">";
    s += "<p>最深处的正文：全年办理申请十二件，均按时答复。</p>";
    return s;
}

// (How long they take is not asserted: no test depends on the machine's speed. A parse that
// never ends meets the hang guard of tests/CMakeLists.txt.)
TEST(HtmlHostile, DeeplyNestedElementsAreFlattened) {
    for (std::size_t depth : {10'000u, 100'000u}) {
        const Document doc = read(nested(depth, "div"));
        EXPECT_NE(all_text(doc).find("十二件"), std::string::npos) << depth;
        EXPECT_GT(diagnostic_count(doc, "nesting_flattened"), 0u);
    }
    EXPECT_NO_THROW(read(nested(50'000, "span")));
    EXPECT_NO_THROW(read(nested(20'000, "table><tr><td")));
}

// 20 MB, as saved pages get: inline scripts, an inline image, huge menus, and the report.
// (The text passes' own cost grows with the number of paragraphs; that is not measured here.)
TEST(HtmlHostile, TwentyMegabytePage) {
    std::string article;
    for (int i = 0; i < 500; ++i)
        article += "<p>2023年，我局全面推进法治政府建设，全年办理行政许可申请一百二十件。</p>\n";
    std::string menu = "<div class=\"menu\"><ul>";
    while (menu.size() < 6'000'000) menu += "<li><a href=\"/col/123/index.html\">政务公开</a></li>";
    menu += "</ul></div>";
    const std::string script = "<script>var data = \"" + std::string(7'000'000, 'x') + "\";</script>";
    const std::string image = "<img alt=\"扫描件\" src=\"data:image/png;base64," + std::string(7'000'000, 'A') + "\">";
    const std::string html = page(article + image, script, menu);
    ASSERT_GT(html.size(), 20'000'000u);
    const Document doc = read(html);
    EXPECT_EQ(blocks_of(doc, BlockKind::paragraph).size(), 500u);
    ASSERT_EQ(blocks_of(doc, BlockKind::image).size(), 1u);
    EXPECT_EQ(blocks_of(doc, BlockKind::image)[0]->target, "data:image/png");
    EXPECT_EQ(all_text(doc).find("政务公开"), std::string::npos);
}

TEST(HtmlHostile, TruncatedPages) {
    const std::string whole = read_fixture("html/xxgk_annual_report.html");
    for (std::size_t cut : {std::size_t{100}, whole.size() / 3, whole.size() / 2, whole.size() - 7}) {
        std::string bytes = whole.substr(0, cut);
        try {
            const Document doc = test::read_as_html(bytes, "cut.html");
            (void)doc;
        } catch (const Error& e) {
            EXPECT_EQ(e.file(), "cut.html");
        }
    }
    // Cut inside a multi-byte character: read, with the damage shown.
    const std::size_t at = whole.find("年度报告</h1>") + 2;
    const Document doc = test::read_as_html(whole.substr(0, at), "cut.html");
    EXPECT_GT(diagnostic_count(doc, "charset_replaced"), 0u);
}

TEST(HtmlHostile, NoBodyTextIsAClearError) {
    for (const char* html : {"<html><head><title></title></head><body></body></html>",
                             "<html><body><script>var a = '正文';</script><!-- 注释 --></body></html>", "   "}) {
        try {
            test::read_as_html(html, "empty.html");
            ADD_FAILURE() << html;
        } catch (const Error& e) {
            EXPECT_EQ(e.file(), "empty.html");
        }
    }
    EXPECT_THROW(test::read_as_html(std::string("\x89PNG\r\n\x1a\n\0\0", 10), "x.html"), Error);
    const Document chrome_only =
        read("<html><body><div class=\"nav\"><a href=/>首页</a> <a href=/a>政务公开</a></div></body></html>");
    EXPECT_EQ(diagnostic_count(chrome_only, "no_body_text"), 1u);
}

TEST(HtmlInput, SniffsHtmlByItsStart) {
    EXPECT_TRUE(looks_like_html("<!DOCTYPE html><html>"));
    EXPECT_TRUE(looks_like_html("\xEF\xBB\xBF  <!-- saved from url=(0014)about:internet -->\n<HTML><head>"));
    EXPECT_TRUE(looks_like_html("<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0\"><html>"));
    EXPECT_FALSE(looks_like_html("一、总体情况\n<html>"));
    EXPECT_FALSE(looks_like_html("<?xml version=\"1.0\"?><document xmlns=\"urn:gongwen:document:1\">"));
}

TEST(HtmlInput, XhtmlReadsAsHtml) {
    const Document doc = read(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" "
        "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\"><html xmlns=\"http://www.w3.org/1999/xhtml\"><head>"
        "<title>报告</title></head><body><div class=\"content\"><h1>某局2023年工作总结</h1><p>一、总体情况</p>"
        "<p>全年办理申请十二件，均按时答复。<br/>满意率达到百分之百。</p></div></body></html>");
    EXPECT_EQ(doc.metadata.title.value, "某局2023年工作总结");
    EXPECT_EQ(blocks_of(doc, BlockKind::heading, 1).size(), 1u);
}

// --- the seeds in a page ----------------------------------------------------------------------

std::string escaped(const std::string& line) {
    std::string out;
    for (char c : line) {
        if (c == '<')
            out += "&lt;";
        else if (c == '>')
            out += "&gt;";
        else if (c == '&')
            out += "&amp;";
        else
            out.push_back(c);
    }
    return out;
}

// The seed's lines as paragraphs of a CMS article page, with a breadcrumb of the page's own.
std::string wrap_seed(const std::string& text) {
    std::string article;
    for (const RawBlock& line : split_lines(text))
        if (!line.text.empty()) article += "<p>" + escaped(line.text) + "</p>\n";
    return page(article, "", "<div class=\"crumb\">当前位置：<a>首页</a> &gt; <a>政务公开</a></div>");
}

std::vector<std::pair<std::string, const Field*>> fields(const Metadata& m) {
    return {{"title", &m.title},
            {"organisation", &m.organisation},
            {"year", &m.year},
            {"published", &m.published},
            {"published_time", &m.published_time},
            {"index", &m.index_number},
            {"number", &m.document_number},
            {"addressee", &m.addressee},
            {"signer", &m.signer},
            {"signed", &m.signed_date},
            {"source", &m.source},
            {"publisher", &m.publisher},
            {"category", &m.category},
            {"keywords", &m.keywords}};
}

class HtmlSeed : public ::testing::TestWithParam<const char*> {};

TEST_P(HtmlSeed, SameTitleMetadataAndOutlineAsTheText) {
    const std::string text = read_fixture(std::string("seeds/") + GetParam());
    const Document expected = test::read_as_txt(text, GetParam());
    const std::string html = wrap_seed(text);
    const Document doc = test::read_as_html(html, GetParam());
    const auto want = fields(expected.metadata);
    const auto got = fields(doc.metadata);
    for (std::size_t i = 0; i < want.size(); ++i) {
        EXPECT_EQ(got[i].second->value, want[i].second->value) << want[i].first;
        EXPECT_EQ(got[i].second->inferred, want[i].second->inferred) << want[i].first;
    }
    // Every extra field of the text, plus the page's column path.
    for (const ExtraField& x : expected.metadata.extra) {
        bool found = false;
        for (const ExtraField& y : doc.metadata.extra) found = found || (x.key == y.key && x.value == y.value);
        EXPECT_TRUE(found) << x.key;
    }
    EXPECT_EQ(doc.metadata.extra.size(), expected.metadata.extra.size() + 1);
    std::vector<std::string> outline_text, outline_html;
    for (const Block& b : expected.blocks)
        if (b.kind == BlockKind::heading) outline_text.push_back(std::to_string(b.level) + b.marker + b.text);
    for (const Block& b : doc.blocks)
        if (b.kind == BlockKind::heading) outline_html.push_back(std::to_string(b.level) + b.marker + b.text);
    EXPECT_EQ(outline_html, outline_text);
    // Spans point into the page: the title's span is the title in the HTML.
    if (!doc.metadata.title.inferred && !doc.metadata.title.span.empty()) {
        EXPECT_EQ(slice(html, doc.metadata.title.span), escaped(doc.metadata.title.value));
    }
}

INSTANTIATE_TEST_SUITE_P(Seeds, HtmlSeed,
                         ::testing::Values("000_2ff49a1744f89f60.txt", "001_9633c70aebd6e55d.txt",
                                           "002_acf107ec8495534f.txt", "003_39330c9e763261de.txt",
                                           "004_2140a01d4004d8c4.txt"));

// Every paragraph of the committed fixtures points at its own words in the source.
TEST(HtmlFixtures, BlockSpansSliceTheSource) {
    for (const char* name : {"xxgk_annual_report.html", "html5_malformed.html", "policy_layout_tables.html"}) {
        const std::string html = read_fixture(std::string("html/") + name);
        const Document doc = test::read_as_html(html, name);
        for (const Block& b : doc.blocks) {
            if (b.kind == BlockKind::table || b.kind == BlockKind::image || b.text.empty()) continue;
            const std::string source = slice(html, b.span);
            const std::string last = b.text.substr(b.text.size() - 3);  // one Chinese character or punctuation
            EXPECT_TRUE(source.ends_with(last)) << name << ": " << b.text << " <- " << source;
        }
    }
}

}  // namespace
}  // namespace gongwen
