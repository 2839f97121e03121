// What every writer shows about a document, computed once (model/describe.hpp).
#include <gtest/gtest.h>

#include <cstdlib>

#include "gongwen/describe.hpp"
#include "test_util.hpp"

namespace gongwen {
namespace {

Document with(Metadata m, std::vector<Block> blocks = {}) {
    Document doc;
    doc.metadata = std::move(m);
    doc.blocks = std::move(blocks);
    return doc;
}

TEST(Describe, TheTitleIsTheStatedOneElseTheTitleBlock) {
    Metadata m;
    m.title.value = "某局2023年法治政府建设情况报告";
    const Block printed = test::block(BlockKind::title, 0, "", "某局2023年度报告", {0, 9});
    EXPECT_EQ(describe(with(m, {printed})).title, "某局2023年法治政府建设情况报告");
    EXPECT_EQ(describe(with(Metadata{}, {printed})).title, "某局2023年度报告");
    EXPECT_EQ(describe(with(Metadata{})).title, "");
}

TEST(Describe, TheIssuerIsTheOrganisationElseTheSigner) {
    Metadata m;
    m.signer.value = "某市司法局";
    EXPECT_EQ(describe(with(m)).issuer, "某市司法局");
    m.organisation.value = "某市人民政府";
    EXPECT_EQ(describe(with(m)).issuer, "某市人民政府");
}

TEST(Describe, ReportYearAndFormationYearAreTwoYears) {
    // A report on 2020 signed in January 2021: 报告年度 2020, 文件形成年度 2021.
    Metadata m;
    m.year.value = "2020";
    m.published = Field{"2021-02-03", false, {}};
    m.published_time.value = "09:30";
    m.signed_date = Field{"2021-01-22", false, {}};
    const Description d = describe(with(m));
    EXPECT_EQ(d.report_year, "2020");
    EXPECT_EQ(d.date, "2021-01-22");  // the 成文日期 before the publication date
    EXPECT_TRUE(d.date_signed);
    EXPECT_EQ(d.formation_year, "2021");
    EXPECT_EQ(d.created, "2021-01-22T00:00:00+08:00");
    m.signed_date = Field{};
    const Description published = describe(with(m));
    EXPECT_EQ(published.date, "2021-02-03");
    EXPECT_FALSE(published.date_signed);
    EXPECT_EQ(published.created, "2021-02-03T09:30:00+08:00");  // with the publication time
}

TEST(Describe, WithoutADateTheInstantComesFromSourceDateEpochNeverTheClock) {
    Metadata m;
    m.year.value = "2024";
    unsetenv("SOURCE_DATE_EPOCH");
    EXPECT_EQ(describe(with(m)).created, "");
    setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
    const Description d = describe(with(m));
    unsetenv("SOURCE_DATE_EPOCH");
    EXPECT_EQ(d.created, "2023-11-14T22:13:20Z");
    EXPECT_EQ(d.date, "");
    EXPECT_EQ(d.formation_year, "");  // an archive's own date is not the document's
}

TEST(Describe, AReportInTheNationalGisFormatOrNamedOneIsAGisAnnualReport) {
    Metadata m;
    m.title.value = "某区2023年工作情况";  // the tables say what the title does not
    Document gis = with(m);
    gis.gis.format = "2021";
    EXPECT_EQ(describe(gis).report_kind, "政府信息公开工作年度报告");
    m.title.value = "某县地方税务局2013年信息公开年度报告";  // before the national tables
    EXPECT_EQ(describe(with(m)).report_kind, "政府信息公开工作年度报告");
    m.title.value = "某局2013年政府信息公開工作年度報告";  // Traditional too
    EXPECT_EQ(describe(with(m)).report_kind, "政府信息公开工作年度报告");
    m.title.value = "某局2023年法治政府建设年度报告";
    EXPECT_EQ(describe(with(m)).report_kind, "");
    m.title.value = "某局2023年信息公开工作要点";
    EXPECT_EQ(describe(with(m)).report_kind, "");
}

TEST(Describe, TheGenreIsTheTitlesLastGenreWord) {
    EXPECT_EQ(genre_of_title("某市2023年法治政府建设情况的报告"), "报告");
    EXPECT_EQ(genre_of_title("关于政府工作报告的决议"), "决议");
    EXPECT_EQ(genre_of_title("关于印发年度工作总结的通知"), "通知");
    EXPECT_EQ(genre_of_title("某局2024年政府信息公开工作年度報告"), "报告");  // Traditional too
    EXPECT_EQ(genre_of_title("关于商请支持的函"), "函");
    EXPECT_EQ(genre_of_title("函数图像的绘制方法"), "");  // 函 only as the last word
    EXPECT_EQ(genre_of_title("某局简介"), "");
    EXPECT_TRUE(is_official_kind("决议"));
    EXPECT_TRUE(is_official_kind("函"));
    EXPECT_FALSE(is_official_kind("总结"));
    EXPECT_FALSE(is_official_kind("办法"));
}

}  // namespace
}  // namespace gongwen

namespace gongwen {
namespace {

TEST(OrganisationKey, AGovernmentAndItsPlaceAreOneOrganisation) {
    const std::string key = organisation_key("某某区");
    EXPECT_EQ(key, "某某区");
    EXPECT_EQ(organisation_key("某某区人民政府"), key);
    EXPECT_EQ(organisation_key("某某区政府"), key);
    EXPECT_EQ(organisation_key(" 某某区 人民政府 "), key);
    EXPECT_EQ(organisation_key("某某区人民政府"), key);
    EXPECT_EQ(organisation_key("某某綜合實驗區"), organisation_key("某某综合实验区"));
}

TEST(OrganisationKey, ShortFormsAreTheFullOnes) {
    const std::string zone = organisation_key("某某新区管理委员会");
    EXPECT_EQ(zone, "某某新区");
    EXPECT_EQ(organisation_key("某某新区管委会"), zone);
    EXPECT_EQ(organisation_key("某某新区党工委管委会"), zone);
    EXPECT_EQ(organisation_key("某市人大常委会"), organisation_key("某市人民代表大会常务委员会"));
    EXPECT_EQ(organisation_key("某街道办事处"), "某街道");
}

TEST(OrganisationKey, OtherBodiesOfAPlaceStayThemselves) {
    EXPECT_EQ(organisation_key("某市财政局"), "某市财政局");
    EXPECT_NE(organisation_key("某市人大常委会"), organisation_key("某市"));
    EXPECT_NE(organisation_key("某县人民政府"), organisation_key("某市人民政府"));
    // An office is a body of its own; only as the issuer of its government's report (describe)
    // does it stand for the government.
    EXPECT_NE(organisation_key("某区人民政府办公室"), organisation_key("某区人民政府"));
    // 办事处 governs a 街道, nothing else.
    EXPECT_EQ(organisation_key("某市驻京办事处"), "某市驻京办事处");
    EXPECT_EQ(organisation_key(""), "");
    EXPECT_EQ(organisation_key("（）"), "");
}

Document titled(const std::string& title, const std::string& organisation) {
    Document doc;
    doc.metadata.title.value = title;
    doc.metadata.organisation.value = organisation;
    return doc;
}

TEST(Describe, TheOrganisationIsTheOneTheTitleNamesAtItsHead) {
    // Three spellings of one zone over three years, issued by three different names.
    const Description a = describe(titled("某某实验区2011年政府信息公开工作年度报告", "某某实验区管委会办公室"));
    const Description b = describe(titled("某某实验区管委会2014年度政府信息公开工作年度报告", "某县人民政府"));
    const Description c = describe(titled("某某实验区2022年度政府信息公开工作年度报告", "某县人民政府"));
    EXPECT_EQ(a.organisation, "某某实验区");
    EXPECT_EQ(b.organisation, "某某实验区管委会");
    EXPECT_EQ(a.organisation_key, "某某实验区");
    EXPECT_EQ(b.organisation_key, a.organisation_key);
    EXPECT_EQ(c.organisation_key, a.organisation_key);
    EXPECT_EQ(a.issuer, "某某实验区管委会办公室");  // the issuer stays what the report states
}

TEST(Describe, WithoutAHeadTheIssuerAndAnOfficeIssuesItsGovernmentsReport) {
    const Description office = describe(titled("2023年政府信息公开工作年度报告", "某区人民政府办公室"));
    EXPECT_EQ(office.organisation, "某区人民政府");
    EXPECT_EQ(office.organisation_key, organisation_key("某区政府"));
    // The office's own report names the office.
    const Description own = describe(titled("某区人民政府办公室2023年政府信息公开工作年度报告", "某区人民政府办公室"));
    EXPECT_EQ(own.organisation, "某区人民政府办公室");
    EXPECT_NE(own.organisation_key, office.organisation_key);
    // A head without a place (市科技局) is a short form: the issuer says more.
    const Description short_form = describe(titled("市科技局2023年工作总结", "某市科学技术局"));
    EXPECT_EQ(short_form.organisation, "某市科学技术局");
    // The issuer's full name for the title's short form.
    EXPECT_EQ(describe(titled("某市科技局2023年工作总结", "某市科学技术局")).organisation, "某市科学技术局");
    EXPECT_EQ(describe(titled("某市2023年统计公报", "某市统计局")).organisation, "某市");
    // A head that names no organisation or place is no organisation.
    EXPECT_EQ(describe(titled("政府信息公开2023年度报告", "某局")).organisation, "某局");
    EXPECT_EQ(describe(titled("关于2023年工作的报告", "")).organisation, "");
}

}  // namespace
}  // namespace gongwen
