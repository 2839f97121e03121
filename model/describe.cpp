#include "gongwen/describe.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <ctime>

#include "gongwen/unicode.hpp"
#include "model/pass_state.hpp"

namespace gongwen {

namespace {

// Words that name a kind of text; a title names its own kind last.
constexpr std::array<std::u32string_view, 27> kGenreWords{U"报告", U"总结", U"情况", U"通知", U"意见", U"办法", U"规定",
                                                          U"方案", U"决定", U"公告", U"通报", U"批复", U"纪要", U"计划",
                                                          U"要点", U"年报", U"说明", U"决议", U"命令", U"公报", U"通告",
                                                          U"请示", U"议案", U"讲话", U"规划", U"条例", U"细则"};

constexpr std::array<std::string_view, 15> kOfficialKinds{"决议", "决定", "命令", "公报", "公告",
                                                          "通告", "意见", "通知", "通报", "报告",
                                                          "请示", "批复", "议案", "函",   "纪要"};

std::string display_title(const Document& doc) {
    if (doc.metadata.title.present()) return doc.metadata.title.value;
    for (const Block& b : doc.blocks)
        if (b.kind == BlockKind::title) return b.text;
    return {};
}

std::string from_source_date_epoch() {
    const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
    if (!epoch || !*epoch || std::string_view(epoch).size() > 18 ||
        !std::all_of(epoch, epoch + std::string_view(epoch).size(), [](char c) { return c >= '0' && c <= '9'; }))
        return {};
    const auto t = static_cast<std::time_t>(std::strtoll(epoch, nullptr, 10));
    std::tm utc{};
    gmtime_r(&t, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

}  // namespace

bool has_genre_word(std::u32string_view view) {
    return std::any_of(kGenreWords.begin(), kGenreWords.end(),
                       [&](std::u32string_view w) { return view.find(w) != std::u32string_view::npos; });
}

std::string genre_of_title(std::string_view title) {
    const std::u32string t = fold(to_u32(title));
    std::u32string_view genre;
    std::size_t genre_end = 0;
    for (std::u32string_view w : kGenreWords)
        if (const std::size_t at = t.rfind(w); at != std::u32string::npos && at + w.size() >= genre_end)
            genre = w, genre_end = at + w.size();
    // 函 names a letter only as the title's last word (公函, …的函), never inside one (函数).
    if (!t.empty() && t.back() == U'函' && t.size() >= genre_end) return "函";
    return to_utf8(genre);
}

bool is_official_kind(std::string_view genre) {
    return std::find(kOfficialKinds.begin(), kOfficialKinds.end(), genre) != kOfficialKinds.end();
}

Description describe(const Document& doc) {
    const Metadata& m = doc.metadata;
    Description d;
    d.title = display_title(doc);
    d.issuer = m.organisation.present() ? m.organisation.value : m.signer.value;
    d.report_year = m.year.value;
    d.date_signed = m.signed_date.present();
    d.date = d.date_signed ? m.signed_date.value : m.published.value;
    if (d.date.size() == 10) {
        const std::string time =
            !d.date_signed && m.published_time.value.size() == 5 ? m.published_time.value : "00:00";
        d.created = d.date + "T" + time + ":00+08:00";
        d.formation_year = d.date.substr(0, 4);
    } else {
        d.date.clear();
        d.created = from_source_date_epoch();
    }
    d.genre = genre_of_title(d.title);
    return d;
}

}  // namespace gongwen
