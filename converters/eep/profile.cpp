// The archive profile: a small `KEY = VALUE` file of what an archive knows about the records
// it takes in, checked when it is read so that a typo stops the run before any package.
#include <fnmatch.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "converters/eep/eep_internal.hpp"
#include "gongwen/error.hpp"
#include "gongwen/unicode.hpp"

namespace gongwen {

namespace {

// 保管期限 as DA/T 22-2015 names them, with the older 长期/短期 still found in fonds.
bool valid_retention(const std::string& v) {
    static const std::regex pattern("永久|长期|短期|定期[0-9]{1,3}年");
    return std::regex_match(v, pattern);
}

const std::vector<std::string>& secrecy_levels() {
    static const std::vector<std::string> levels{"公开", "国内", "内部",   "限制", "秘密",
                                                 "机密", "绝密", "无密级", "非密"};
    return levels;
}

bool positive_integer(const std::string& v) { return all_digits(v) && v.size() <= 9 && std::stoul(v) > 0; }

// The reason `value` cannot be the value of `key`, or empty when it can.
std::string value_problem(const std::string& key, const std::string& value) {
    if (key == "保管期限" && !valid_retention(value))
        return "保管期限 is 永久, 定期30年, 定期10年 (or 长期, 短期), not '" + value + "'";
    if (key == "密级") {
        const auto& levels = secrecy_levels();
        if (std::find(levels.begin(), levels.end(), value) == levels.end()) {
            std::string names;
            for (const std::string& l : levels) names += (names.empty() ? "" : ", ") + l;
            return "密级 is one of " + names + ", not '" + value + "'";
        }
    }
    if ((key == "件号" || key == "起始件号") && !positive_integer(value))
        return key + " takes a whole number above 0, not '" + value + "'";
    if (key == "日期" && eep::normalize_date(value).empty())
        return "日期 takes a date as YYYYMMDD or YYYY-MM-DD, not '" + value + "'";
    return {};
}

void add_value(ProfileValues& scope, std::string_view line, const std::string& where) {
    const std::size_t eq = line.find('=');
    if (eq == std::string_view::npos) throw Error(where, "expected KEY = VALUE, not '" + std::string(line) + "'");
    const std::string key(trim_ascii(line.substr(0, eq)));
    const std::string value(trim_ascii(line.substr(eq + 1)));
    const auto& keys = archive_profile_keys();
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
        std::string names;
        for (const std::string& k : keys) names += (names.empty() ? "" : " ") + k;
        throw Error(where, "unknown key '" + key + "' (the keys are: " + names + ")");
    }
    if (value.empty()) throw Error(where, key + " has no value");
    if (const std::string problem = value_problem(key, value); !problem.empty()) throw Error(where, problem);
    if (!scope.emplace(key, value).second) throw Error(where, key + " is set twice in the same section");
}

ProfileSection parse_section(std::string_view header, const std::string& where) {
    std::string_view inner = trim_ascii(header.substr(1, header.size() - 2));
    const std::size_t space = inner.find_first_of(" \t");
    const std::string selector(inner.substr(0, space));
    const std::string pattern(space == std::string_view::npos ? std::string_view() : trim_ascii(inner.substr(space)));
    if (selector != "文件" && selector != "责任者")
        throw Error(where, "a section is [文件 GLOB] or [责任者 NAME], not '" + std::string(header) + "'");
    if (pattern.empty())
        throw Error(where, "section [" + selector + "] names no " + (selector == "文件" ? "file" : "organisation"));
    return ProfileSection{selector, pattern, {}};
}

bool file_matches(const std::string& pattern, const std::string& path) {
    if (path.empty()) return false;
    const std::string name = std::filesystem::path(path).filename().string();
    return fnmatch(pattern.c_str(), path.c_str(), 0) == 0 || fnmatch(pattern.c_str(), name.c_str(), 0) == 0;
}

}  // namespace

const std::vector<std::string>& archive_profile_keys() {
    static const std::vector<std::string> keys{// what only the archive knows
                                               "档案馆名称", "档案馆代码", "全宗名称", "全宗号", "立档单位名称",
                                               "组织机构代码", "目录号", "保管期限", "机构或问题", "件号", "起始件号",
                                               "电子文件号", "密级", "保密期限", "控制标识", "知识产权说明", "附注",
                                               "封装包创建单位",
                                               // used only where the document is silent
                                               "题名", "责任者", "日期", "文件编号", "文种", "主送", "关键词"};
    return keys;
}

ArchiveProfile parse_archive_profile(std::string_view text, const std::string& name) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    ArchiveProfile profile;
    profile.name = name;
    ProfileValues* scope = &profile.values;
    std::size_t number = 0;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        const std::string_view line = trim_ascii(text.substr(0, end));
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        const std::string where = name + ": line " + std::to_string(++number);
        if (line.empty() || line.front() == '#') continue;
        if (line.front() == '[' && line.back() == ']') {
            profile.sections.push_back(parse_section(line, where));
            scope = &profile.sections.back().values;
        } else {
            add_value(*scope, line, where);
        }
    }
    return profile;
}

ArchiveProfile read_archive_profile(const std::string& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw Error(path, "is a directory, not an archive profile");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path, "cannot read the archive profile");
    std::ostringstream text;
    text << in.rdbuf();
    return parse_archive_profile(text.str(), path);
}

namespace eep {

ProfileValues profile_values_for(const ArchiveProfile& profile, const Document& doc) {
    ProfileValues out = profile.values;
    const Metadata& m = doc.metadata;
    const std::string& organisation = m.organisation.present() ? m.organisation.value : m.signer.value;
    const auto apply = [&](const char* selector) {
        for (const ProfileSection& s : profile.sections) {
            if (s.selector != selector) continue;
            const bool match = s.selector == std::string("文件") ? file_matches(s.pattern, doc.source.name)
                                                                 : !organisation.empty() && s.pattern == organisation;
            if (!match) continue;
            for (const auto& [key, value] : s.values) out[key] = value;
        }
    };
    apply("责任者");
    apply("文件");
    return out;
}

}  // namespace eep

}  // namespace gongwen
