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
