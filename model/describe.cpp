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

// The usual short forms of bodies' names, each with its full form.
constexpr std::array<std::pair<std::u32string_view, std::u32string_view>, 4> kShortForms{{
    {U"党工委管委会", U"管理委员会"},  // the joint party and administrative committee of a zone
    {U"党工委管理委员会", U"管理委员会"},
    {U"管委会", U"管理委员会"},
    {U"人大常委会", U"人民代表大会常务委员会"},
}};

// The names of a place's governing body, longest first: X区人民政府 governs X区.
constexpr std::array<std::u32string_view, 4> kGoverningBodies{U"管理委员会", U"人民政府", U"办事处", U"政府"};

bool ends_with(std::u32string_view s, std::u32string_view tail) {
    return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

// A place name's last character: 省 市 县 区 州 旗 盟 镇 乡, or 街道.
bool ends_like_place(std::u32string_view s) {
    if (s.size() < 2) return false;
    static constexpr std::u32string_view kLevels = U"省市县区州旗盟镇乡";
    return kLevels.find(s.back()) != std::u32string_view::npos || ends_with(s, U"街道");
}

// The offices through which a government issues its reports.
constexpr std::array<std::u32string_view, 2> kOffices{U"办公室", U"办公厅"};

// X区人民政府办公室 → X区人民政府; empty when `name` is not the office of a place's governing body.
std::u32string government_of_office(std::u32string_view name) {
    for (std::u32string_view office : kOffices) {
        if (!ends_with(name, office)) continue;
        std::u32string_view body = name.substr(0, name.size() - office.size());
        std::u32string expanded(body);
        for (const auto& [short_form, full] : kShortForms)
            if (ends_with(expanded, short_form))
                expanded = expanded.substr(0, expanded.size() - short_form.size()) + std::u32string(full);
        for (std::u32string_view governing : kGoverningBodies)
            if (ends_with(expanded, governing) &&
                ends_like_place(std::u32string_view(expanded).substr(0, expanded.size() - governing.size())))
                return std::u32string(body);
    }
    return {};
}

// The organisation at the head of a title, before its year: 平潭综合实验区 in
// 平潭综合实验区2022年度政府信息公开工作年度报告, 某区人民政府 in 某区人民政府2023年…. Empty when
// the title starts with its year or with 关于, or the head is a bare short form (市科技局 names
// no place) or does not end like an organisation or a place.
std::u32string title_head(std::u32string_view title) {
    for (std::size_t i = 0; i + 5 <= title.size(); ++i) {
        if (!is_ascii_digit(title[i])) continue;
        if (!is_ascii_digit(title[i + 1]) || !is_ascii_digit(title[i + 2]) || !is_ascii_digit(title[i + 3]) ||
            title[i + 4] != U'年')
            return {};
        const std::u32string_view head = trim(title.substr(0, i));
        if (head.size() < 2 || head.size() > 30 || head.rfind(U"关于", 0) == 0) return {};
        static constexpr std::u32string_view kLevels = U"省市县区州镇乡";
        if (kLevels.find(head.front()) != std::u32string_view::npos) return {};
        if (!std::all_of(head.begin(), head.end(), [](char32_t cp) { return is_han(cp); })) return {};
        std::u32string expanded(head);  // 管委会 ends like the 委员会 it is
        for (const auto& [short_form, full] : kShortForms)
            if (ends_with(expanded, short_form))
                expanded = expanded.substr(0, expanded.size() - short_form.size()) + std::u32string(full);
        if (!ends_like_org(expanded) && !ends_like_place(expanded)) return {};
        return std::u32string(head);
    }
    return {};
}

std::u32string report_organisation(const Description& d) {
    const std::u32string title = to_folded_u32(d.title);
    const std::u32string issuer = to_u32(d.issuer);
    if (std::u32string head = title_head(title); !head.empty()) {
        // The issuer's full name for the title's short form (六盘水市科学技术局 for 六盘水市科技局:
        // the same kind of body, the short form's characters in order).
        const std::u32string full = fold(issuer);
        std::size_t matched = 0;
        for (char32_t cp : full)
            if (matched < head.size() && head[matched] == cp) ++matched;
        const bool short_form = matched == head.size() && full.size() > head.size() && full.back() == head.back();
        return short_form ? issuer : head;
    }
    const bool names_an_office = std::any_of(kOffices.begin(), kOffices.end(), [&](std::u32string_view office) {
        return title.find(office) != std::u32string::npos;
    });
    if (!names_an_office)
        if (std::u32string government = government_of_office(fold(issuer)); !government.empty())
            return issuer.substr(0, government.size());  // as written
    return issuer;
}

}  // namespace

std::string organisation_key(std::string_view name) {
    std::u32string key;
    for (char32_t cp : to_folded_u32(name))
        if (is_han(cp) || is_ascii_alpha(cp) || is_ascii_digit(cp)) key += cp;
    for (const auto& [short_form, full] : kShortForms)
        for (std::size_t at = key.find(short_form); at != std::u32string::npos;
             at = key.find(short_form, at + full.size()))
            key.replace(at, short_form.size(), full);
    for (bool stripped = true; stripped;) {
        stripped = false;
        for (std::u32string_view governing : kGoverningBodies) {
            if (!ends_with(key, governing)) continue;
            const std::u32string_view place = std::u32string_view(key).substr(0, key.size() - governing.size());
            // 办事处 is the governing body of a 街道 only.
            if (!ends_like_place(place) || (governing == U"办事处" && !ends_with(place, U"街道"))) continue;
            key.resize(place.size());
            stripped = true;
            break;
        }
    }
    return to_utf8(key);
}

bool has_genre_word(std::u32string_view view) {
    return std::any_of(kGenreWords.begin(), kGenreWords.end(),
                       [&](std::u32string_view w) { return view.find(w) != std::u32string_view::npos; });
}

std::string genre_of_title(std::string_view title) {
    const std::u32string t = to_folded_u32(title);
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
    if (const std::u32string t = to_folded_u32(d.title);
        !doc.gis.format.empty() ||
        (t.find(U"信息公开") != std::u32string::npos && t.find(U"年度报告") != std::u32string::npos))
        d.report_kind = "政府信息公开工作年度报告";
    d.organisation = to_utf8(report_organisation(d));
    d.organisation_key = organisation_key(d.organisation);
    return d;
}

}  // namespace gongwen
