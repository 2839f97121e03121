// A document's DA/T 46 metadata: what the report states, then what the archive profile adds,
// and an error for every mandatory value that is in neither — never an invented one.
#include <algorithm>
#include <utility>

#include "converters/eep/eep_internal.hpp"
#include "gongwen/describe.hpp"
#include "gongwen/error.hpp"

namespace gongwen::eep {

namespace {

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
        if (separator)
            flush(), i += separator;
        else
            current += category[i++];
    }
    flush();
    return out;
}

// The instant the package was made: the document's (as the PDF records it), else the date the
// profile records. Never the clock, so that equal input gives equal bytes.
std::string creation_time(const Description& d, const std::string& profile_date) {
    if (!d.created.empty()) return d.created;
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
void fill_from_document(const Document& doc, const Description& d, const ProfileValues& profile, Record& r) {
    const Metadata& m = doc.metadata;
    auto& v = r.values;
    const auto pick = [&](const char* key, std::string from_document) {
        if (!from_document.empty())
            v[key] = std::move(from_document);
        else if (auto it = profile.find(key); it != profile.end())
            v[key] = it->second;
    };
    pick("题名", d.title);
    pick("责任者", d.issuer);
    pick("日期", normalize_date(d.date));
    if (auto it = v.find("日期"); it != v.end()) it->second = normalize_date(it->second);
    pick("文件编号", m.document_number.value);
    pick("主送", m.addressee.value);
    pick("关键词", m.keywords.value);
    const std::string genre = genre_of_title(v["题名"]);  // the profile's 题名 when the report has none
    pick("文种", is_official_kind(genre) ? genre : std::string());
    r.subjects = split_subjects(m.category.value);
    r.date_action = d.date.empty() ? "" : d.date_signed ? "成文" : "发布";
    v["语种"] = "汉语";
    // DA/T 46's 年度 is the year the document was formed (文件形成年度): the year of its 日期,
    // the document's own or, when it states none, the one the profile gives. It is not the
    // 报告年度 the workbook shows (the year a report is about).
    if (v["日期"].size() == 8) v["年度"] = v["日期"].substr(0, 4);
}

void fill_from_profile(const Document& doc, const Description& d, const EepOptions& options,
                       const ProfileValues& profile, Record& r) {
    auto& v = r.values;
    for (const char* key :
         {"档案馆名称", "档案馆代码", "全宗名称", "全宗号", "目录号", "保管期限", "机构或问题", "密级", "保密期限",
          "控制标识", "知识产权说明", "附注", "组织机构代码", "立档单位名称", "电子文件号", "封装包创建单位"})
        if (auto it = profile.find(key); it != profile.end()) v[key] = it->second;
    if (!v.count("立档单位名称") && !v["责任者"].empty()) v["立档单位名称"] = v["责任者"];
    if (!v.count("封装包创建单位") && !v["立档单位名称"].empty()) v["封装包创建单位"] = v["立档单位名称"];
    if (!v.count("电子文件号")) v["电子文件号"] = file_number(doc);
    if (auto it = profile.find("件号"); it != profile.end())
        v["室编件号"] = it->second;
    else if (auto start = profile.find("起始件号"); start != profile.end())
        v["室编件号"] = std::to_string(std::stoul(start->second) + options.ordinal);
    const auto date = profile.find("日期");
    r.created = creation_time(d, date == profile.end() ? std::string() : normalize_date(date->second));
}

}  // namespace

Record resolve_record(const Document& doc, const EepOptions& options) {
    const ProfileValues profile = profile_values_for(options.profile, doc);
    Record r;
    const Description d = describe(doc);
    fill_from_document(doc, d, profile, r);
    fill_from_profile(doc, d, options, profile, r);
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
                                                              : "the archive profile " + options.profile.name +
                                                                    " does not give " + (one ? "it" : "them");
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
