// A document's DA/T 46 metadata: what the report states, then what the archive profile adds,
// and an error for every mandatory value that is in neither — never an invented one.
#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <utility>

#include "converters/eep/eep_internal.hpp"
#include "model/error.hpp"

namespace gongwen::eep {

namespace {

std::string first_present(std::initializer_list<const Field*> fields) {
    for (const Field* f : fields)
        if (f->present()) return f->value;
    return {};
}

std::string document_title(const Document& doc) {
    if (doc.metadata.title.present()) return doc.metadata.title.value;
    for (const Block& b : doc.blocks)
        if (b.kind == BlockKind::title) return b.text;
    return {};
}

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The kind of document (文种) its title ends with, as the 党政机关公文处理工作条例 names the
// kinds; Traditional titles map to the same names. Longer names are tried first (命令 before 令).
std::string genre_of(const std::string& title) {
    static const std::vector<std::pair<std::string, std::string>> kinds{
        {"命令", "命令"}, {"决议", "决议"}, {"決議", "决议"}, {"决定", "决定"}, {"決定", "决定"}, {"公报", "公报"},
        {"公報", "公报"}, {"公告", "公告"}, {"通告", "通告"}, {"意见", "意见"}, {"意見", "意见"}, {"通知", "通知"},
        {"通报", "通报"}, {"通報", "通报"}, {"报告", "报告"}, {"報告", "报告"}, {"请示", "请示"}, {"請示", "请示"},
        {"批复", "批复"}, {"批覆", "批复"}, {"议案", "议案"}, {"議案", "议案"}, {"纪要", "纪要"}, {"紀要", "纪要"},
        {"函", "函"}};
    for (const auto& [suffix, name] : kinds)
        if (ends_with(title, suffix)) return name;
    return {};
}

// 主题分类 lists subjects separated by 、，, or spaces; each becomes one 主题词.
std::vector<std::string> split_subjects(const std::string& category) {
    std::vector<std::string> out;
    std::string current;
    const auto flush = [&] {
        if (!current.empty()) out.push_back(current);
        current.clear();
    };
    for (std::size_t i = 0; i < category.size();) {
        const std::string_view rest = std::string_view(category).substr(i);
        std::size_t separator = 0;
        for (std::string_view s : {"、", "，", "；", "　"})
            if (rest.substr(0, s.size()) == s) separator = s.size();
        if (separator == 0 && (rest[0] == ',' || rest[0] == ';' || rest[0] == ' ')) separator = 1;
        if (separator) flush(), i += separator;
        else current += category[i++];
    }
    flush();
    return out;
}

// The instant the package was made, by the PDF writer's rule so both agree: the signing date,
// else the publication date with its time, in China Standard Time; else SOURCE_DATE_EPOCH;
// else the date the profile records. Never the clock, so that equal input gives equal bytes.
std::string creation_time(const Metadata& m, const std::string& profile_date) {
    const std::string day = m.signed_date.present() ? m.signed_date.value : m.published.value;
    const std::string time = !m.signed_date.present() && m.published_time.present() ? m.published_time.value : "00:00";
    if (day.size() == 10 && time.size() == 5) return day + "T" + time + ":00+08:00";
    const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
    if (epoch && all_digits(epoch) && std::string_view(epoch).size() <= 18) {
        const std::time_t t = static_cast<std::time_t>(std::strtoll(epoch, nullptr, 10));
        std::tm utc{};
        gmtime_r(&t, &utc);
        char text[32];
        std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
        return text;
    }
    if (profile_date.size() == 8)
        return profile_date.substr(0, 4) + "-" + profile_date.substr(4, 2) + "-" + profile_date.substr(6, 2) +
               "T00:00:00+08:00";
    return {};
}

std::string file_number(const Document& doc) {
    const std::string& sha = doc.source.sha256;
    if (sha.size() != 64) return {};
    return "gongwen-" + sha.substr(0, 32);
}

// Values of the document, falling back to the profile's, then the archive's own values.
void fill_from_document(const Document& doc, const ProfileValues& profile, Record& r) {
    const Metadata& m = doc.metadata;
    auto& v = r.values;
    const auto pick = [&](const char* key, std::string from_document) {
        if (!from_document.empty()) v[key] = std::move(from_document);
        else if (auto it = profile.find(key); it != profile.end()) v[key] = it->second;
    };
    pick("题名", document_title(doc));
    pick("责任者", first_present({&m.organisation, &m.signer}));
    pick("日期", normalize_date(first_present({&m.signed_date, &m.published})));
    if (auto it = v.find("日期"); it != v.end()) it->second = normalize_date(it->second);
    pick("文件编号", m.document_number.value);
    pick("主送", m.addressee.value);
    pick("关键词", m.keywords.value);
    pick("文种", genre_of(v["题名"]));
    r.subjects = split_subjects(m.category.value);
    r.date_action = m.signed_date.present() ? "成文" : m.published.present() ? "发布" : "";
    v["语种"] = "汉语";
    if (v["日期"].size() == 8) v["年度"] = v["日期"].substr(0, 4);
}

void fill_from_profile(const Document& doc, const EepOptions& options, const ProfileValues& profile, Record& r) {
    auto& v = r.values;
    for (const char* key : {"档案馆名称", "档案馆代码", "全宗名称", "全宗号", "目录号", "保管期限", "机构或问题", "密级",
                            "保密期限", "控制标识", "知识产权说明", "附注", "组织机构代码", "立档单位名称",
                            "电子文件号", "封装包创建单位"})
        if (auto it = profile.find(key); it != profile.end()) v[key] = it->second;
    if (!v.count("立档单位名称") && !v["责任者"].empty()) v["立档单位名称"] = v["责任者"];
    if (!v.count("封装包创建单位") && !v["立档单位名称"].empty()) v["封装包创建单位"] = v["立档单位名称"];
    if (!v.count("电子文件号")) v["电子文件号"] = file_number(doc);
    if (auto it = profile.find("件号"); it != profile.end()) v["室编件号"] = it->second;
    else if (auto start = profile.find("起始件号"); start != profile.end())
        v["室编件号"] = std::to_string(std::stoul(start->second) + options.ordinal);
    const auto date = profile.find("日期");
    r.created = creation_time(doc.metadata, date == profile.end() ? std::string() : normalize_date(date->second));
}

}  // namespace

Record resolve_record(const Document& doc, const EepOptions& options) {
    const ProfileValues profile = profile_values_for(options.profile, doc);
    Record r;
    fill_from_document(doc, profile, r);
    fill_from_profile(doc, options, profile, r);
    // 年度, 立档单位名称, 封装包创建单位 and 封装包创建时间 follow from these, so only these are named.
    std::vector<std::string> missing;
    for (const char* key : {"题名", "责任者", "日期", "保管期限", "密级", "室编件号", "电子文件号"})
        if (r.values[key].empty()) missing.push_back(key);
    if (r.created.empty() && missing.empty()) missing.push_back("封装包创建时间");
    if (!missing.empty()) {
        std::string names;
        for (const std::string& m : missing) names += (names.empty() ? "" : ", ") + m;
        const bool one = missing.size() == 1;
        const std::string from = options.profile.name.empty() ? "no archive profile was given (--profile FILE)"
                                                              : "the archive profile " + options.profile.name + " does not give " + (one ? "it" : "them");
        throw Error(doc.source.name, std::string("EEP: the mandatory element") + (one ? " " : "s ") + names +
                                         (one ? " has" : " have") + " no value: the document does not state " +
                                         (one ? "it" : "them") + " and " + from +
                                         (std::find(missing.begin(), missing.end(), "室编件号") != missing.end()
                                              ? " (室编件号 comes from the profile's 件号 or 起始件号)"
                                              : ""));
    }
    return r;
}

}  // namespace gongwen::eep
