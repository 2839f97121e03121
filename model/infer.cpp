// What a careful reader infers when a report does not say it in a metadata line: the title
// (from the attachment line, a trailing title line, the opening sentence, or composed), the
// issuing organisation (expanding 市科技局 to the full name the text uses) and the report year.
#include <algorithm>
#include <array>
#include <map>
#include <string_view>

#include "gongwen/describe.hpp"
#include "gongwen/unicode.hpp"
#include "model/grammar.hpp"
#include "model/pass_state.hpp"

namespace gongwen {

namespace {

// Suffixes of organisation names, longest first.
constexpr std::array<std::u32string_view, 19> kOrgSuffixes{
    U"委员会", U"管委会", U"办公室", U"人民政府", U"会议", U"政府", U"局", U"厅", U"委", U"办",
    U"院",     U"署",     U"中心",   U"部",       U"处",   U"所",   U"站", U"馆", U"队"};

// Topics of the annual reports we read, for a title composed when the text has none.
constexpr std::array<std::u32string_view, 6> kTopics{U"法治政府建设", U"依法行政", U"政府信息公开",
                                                     U"政务公开",     U"法治建设", U"普法"};

bool is_level_char(char32_t cp) {
    return cp == U'省' || cp == U'市' || cp == U'县' || cp == U'区' || cp == U'州' || cp == U'镇' || cp == U'乡';
}

std::size_t count_of(std::u32string_view text, std::u32string_view what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::u32string_view::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

// "亳州市科学技术局关于…", "市科技局2022年度…", "2026年四川省人民政府工作报告" → the
// organisation at the head of a title.
std::u32string org_prefix(std::u32string_view title) {
    if (title.size() > 5 && is_ascii_digit(title[0]) && title[4] == U'年')
        title.remove_prefix(title[5] == U'度' ? 6 : 5);
    std::u32string_view head;
    if (const std::size_t about = title.find(U"关于"); about != std::u32string_view::npos) {
        head = title.substr(0, about);
    } else if (const std::size_t digit = title.find_first_of(U"0123456789"); digit != std::u32string_view::npos) {
        head = title.substr(0, digit);
    } else {
        // The shortest head that ends like an organisation: 国务院 in 国务院政府工作报告.
        for (std::size_t n = 3; n < title.size() && head.empty(); ++n)
            if (ends_like_org(title.substr(0, n)) && has_genre_word(title.substr(n))) head = title.substr(0, n);
    }
    return head.size() >= 3 && head.size() <= 30 && ends_like_org(head) ? std::u32string(head) : std::u32string{};
}

// The organisation a text names most often in its own short form: 市科技局, 省科技厅. Words that
// merely end in 局 (布局, 格局, 大局…) are not organisations.
// A name never spans two texts (lines).
std::u32string self_reference(const std::vector<std::u32string_view>& texts) {
    static constexpr std::u32string_view kNotOrg = U"布格大全结棋变时僵开残饭骗赌当顾";
    std::map<std::u32string, std::size_t> counts;
    std::u32string best;
    std::size_t best_count = 1;  // named at least twice
    for (const std::u32string_view text : texts) {
        for (std::size_t i = 1; i < text.size(); ++i) {
            if ((text[i] != U'局' && text[i] != U'厅') || kNotOrg.find(text[i - 1]) != std::u32string_view::npos)
                continue;
            std::size_t b = i;
            while (b > 0 && i - b < 6 && is_han(text[b - 1]) && !is_level_char(text[b])) --b;
            if (!is_level_char(text[b]) || i - b < 2) continue;
            std::u32string name(text.substr(b, i + 1 - b));
            if (name.find(U'的') != std::u32string::npos) continue;
            const std::size_t n = ++counts[name];
            if (n > best_count) best = name, best_count = n;
        }
    }
    return best;
}

bool is_subsequence(std::u32string_view small, std::u32string_view big) {
    std::size_t j = 0;
    for (char32_t cp : big)
        if (j < small.size() && small[j] == cp) ++j;
    return j == small.size();
}

// 市科技局 → 六盘水市科学技术局: the full form the text itself uses, with a place name of two
// or three characters that stands at a word boundary (after 《, “, punctuation or a line start).
std::u32string expand_org(std::u32string_view org, const std::vector<std::u32string_view>& texts) {
    if (org.empty() || !is_level_char(org[0])) return {};
    const std::u32string_view rest = org.substr(1);
    std::map<std::u32string, std::size_t> counts;
    for (std::u32string_view text : texts) {
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (text[i] != org[0]) continue;
            for (std::size_t place = 2; place <= 3 && place <= i; ++place) {
                const std::size_t b = i - place;
                if (b > 0 && is_han(text[b - 1])) continue;
                bool han = true;
                for (std::size_t k = b; k < i; ++k) han = han && is_han(text[k]);
                if (!han) continue;
                // The full name runs from the level character to the same suffix as `org`.
                // Look for the suffix within a short window only: a scan to the end of the
                // text for every 市 would make long documents quadratic.
                const std::size_t end = text.substr(0, std::min(text.size(), i + 13)).find(org.back(), i + 1);
                if (end == std::u32string_view::npos) continue;
                const std::u32string_view tail = text.substr(i + 1, end - i);
                if (!is_subsequence(rest, tail)) continue;
                ++counts[std::u32string(text.substr(b, end + 1 - b))];
            }
        }
    }
    // A place is a name the text uses on its own (广东省 beyond 广东省人民政府), not the words
    // before a bare 省人民政府 (我代表, 按照).
    const auto place_used_alone = [&](const std::u32string& name) {
        const std::u32string place = name.substr(0, name.size() - org.size() + 1);
        std::size_t alone = 0;
        for (std::u32string_view text : texts) alone += count_of(text, place) - count_of(text, name);
        static constexpr std::u32string_view kNotPlace = U"我按根依在对由向为将把从经";
        return alone > 0 || kNotPlace.find(place.front()) == std::u32string_view::npos;
    };
    std::u32string best;
    std::size_t best_count = 0;
    for (const auto& [name, n] : counts)
        if (n > best_count && place_used_alone(name)) best = name, best_count = n;
    return best;
}

// 省人民政府 in a speech given 在广东省第十四届人民代表大会…: the place of the congress it is
// given to (two or three characters and the same level character, then 第…届).
std::u32string congress_place(std::u32string_view org, const std::vector<std::u32string_view>& texts) {
    if (org.empty() || !is_level_char(org[0])) return {};
    for (std::u32string_view text : texts)
        for (std::size_t at = text.find(org[0]); at != std::u32string_view::npos; at = text.find(org[0], at + 1)) {
            // 第十四届 (人民代表大会 may be on the next line)
            if (at + 1 >= text.size() || text[at + 1] != U'第' ||
                text.substr(at + 2, 5).find(U'届') == std::u32string_view::npos)
                continue;
            for (std::size_t place = 2; place <= 3 && place <= at; ++place) {
                const std::size_t b = at - place;
                if (b > 0 && is_han(text[b - 1]) && text[b - 1] != U'在') continue;
                const std::u32string_view name = text.substr(b, place + 1);
                if (std::all_of(name.begin(), name.end(), is_han)) return std::u32string(name);
            }
        }
    return {};
}

// The rank of a level character: a province holds cities, a city counties and districts.
int level_rank(char32_t cp) {
    switch (cp) {
        case U'省': return 4;
        case U'市':
        case U'州': return 3;
        case U'县':
        case U'区': return 2;
        case U'镇':
        case U'乡': return 1;
        default: return 0;
    }
}

// 洪泽区人民政府 → 淮安市洪泽区人民政府: a title names the issuer by its own place, the text
// with the place above it (a city before its district). The fuller form the text uses most
// often, when the place written before the name is of a higher level than the name's own.
std::u32string with_higher_place(std::u32string_view org, const std::vector<std::u32string_view>& texts) {
    std::size_t own = 0;  // the name's own place: two or three characters and a level character
    for (std::size_t n = 2; n <= 3 && n < org.size(); ++n)
        if (level_rank(org[n]) > 0) {
            own = n;
            break;
        }
    if (own == 0) return {};
    std::map<std::u32string, std::size_t> counts;
    for (std::u32string_view text : texts)
        for (std::size_t at = text.find(org); at != std::u32string_view::npos; at = text.find(org, at + 1)) {
            if (at < 3 || level_rank(text[at - 1]) <= level_rank(org[own])) continue;
            if (!is_han(text[at - 2]) || !is_han(text[at - 3])) continue;
            ++counts[std::u32string(text.substr(at - 3, org.size() + 3))];
        }
    std::u32string best;
    std::size_t best_count = 0;
    for (const auto& [name, n] : counts)
        if (n > best_count) best = name, best_count = n;
    return best;
}

int year_in(std::u32string_view view) {
    for (std::size_t i = 0; i + 4 <= view.size(); ++i) {
        if (i > 0 && is_ascii_digit(view[i - 1])) continue;
        if (!is_ascii_digit(view[i]) || !is_ascii_digit(view[i + 1]) || !is_ascii_digit(view[i + 2]) ||
            !is_ascii_digit(view[i + 3]) || (i + 4 < view.size() && is_ascii_digit(view[i + 4])))
            continue;
        const int y = parse_numeral(view.substr(i, 4));
        if (y >= 1949 && y <= 2199) return y;
    }
    return -1;
}

// A year of prose, not of a document number (〔2019〕, [2019]), a plan period (2021-2025年,
// 2021至2025年) or a date range's far end.
int prose_year_in(std::u32string_view view) {
    for (std::size_t i = 0; i + 4 <= view.size(); ++i) {
        if (!is_ascii_digit(view[i]) || (i > 0 && is_ascii_digit(view[i - 1]))) continue;
        const int y = year_in(view.substr(i, std::min<std::size_t>(5, view.size() - i)));
        if (y < 0) continue;
        if (i > 0 && std::u32string_view(U"〔[【(").find(view[i - 1]) != std::u32string_view::npos) continue;
        if (i > 1 && std::u32string_view(U"-—–~至到").find(view[i - 1]) != std::u32string_view::npos &&
            is_ascii_digit(view[i - 2]))
            continue;
        const std::u32string_view after = view.substr(i + 4);
        if (!after.empty() && std::u32string_view(U"〕]】)").find(after.front()) != std::u32string_view::npos) continue;
        if (!after.empty() && std::u32string_view(U"-—–~至到").find(after.front()) != std::u32string_view::npos &&
            after.size() > 1 && is_ascii_digit(after[1]))
            continue;
        return y;
    }
    return -1;
}

// The year a report states its figures for: 统计期限自2023年1月1日…, 截至2023年12月31日.
int period_year(const std::vector<const Line*>& content) {
    constexpr std::size_t kLook = 20;
    for (std::size_t k = 0; k < content.size() && k < kLook; ++k) {
        const std::u32string v = squeeze(content[k]->view);
        for (std::u32string_view lead : {std::u32string_view(U"自"), std::u32string_view(U"从")}) {
            for (std::size_t at = v.find(lead); at != std::u32string::npos; at = v.find(lead, at + 1)) {
                const std::u32string_view rest = std::u32string_view(v).substr(at + 1);
                if (rest.size() >= 9 && rest.substr(4, 5) == U"年1月1日") {
                    const int y = year_in(rest.substr(0, 4));
                    if (y > 0) return y;
                }
            }
        }
        for (std::size_t at = v.find(U"截至"); at != std::u32string::npos; at = v.find(U"截至", at + 1)) {
            const std::u32string_view rest = std::u32string_view(v).substr(at + 2);
            if (rest.size() >= 11 && rest.substr(4, 7) == U"年12月31日") {
                const int y = year_in(rest.substr(0, 4));
                if (y > 0) return y;
            }
        }
    }
    return -1;
}

// The year a report tells its own work in (2023年，我办…; 2023年度，本局…): a paragraph that
// opens with the year and then the issuer speaking of itself, as the parts of a report do.
int own_work_year(const std::vector<const Line*>& content) {
    constexpr std::size_t kLook = 80;
    for (std::size_t k = 0; k < content.size() && k < kLook; ++k) {
        const std::u32string_view v = content[k]->view;
        if (v.size() < 8 || !is_ascii_digit(v[0]) || v.substr(4, 1) != U"年") continue;
        std::size_t i = 5;
        if (i < v.size() && v[i] == U'度') ++i;
        if (i >= v.size() || (v[i] != ',' && v[i] != U'，')) continue;
        ++i;
        while (i < v.size() && is_space(v[i])) ++i;
        if (i + 1 >= v.size() || (v[i] != U'我' && v[i] != U'本')) continue;
        // 我办, 我局, 我区, 本单位… (not 我们, 我国, 本年: the issuer itself)
        static constexpr std::u32string_view kSelf = U"办局区县市委厅院署部镇乡单处所站馆队中街";
        if (kSelf.find(v[i + 1]) == std::u32string_view::npos) continue;
        if (const int y = year_in(v.substr(0, 4)); y > 0) return y;
    }
    return -1;
}

std::u32string topic_of(const Document& doc, const std::vector<const Line*>& content) {
    std::u32string best;
    std::size_t best_score = 0;
    for (std::u32string_view topic : kTopics) {
        std::size_t score = 0;
        for (const Block& b : doc.blocks)
            if (b.kind == BlockKind::heading) score += 1000 * count_of(to_folded_u32(b.text), topic);
        for (const Line* line : content) score += count_of(line->view, topic);
        if (score > best_score) best = topic, best_score = score;
    }
    return best;
}

Field field_from(std::u32string_view text, bool inferred, Span span = {}) {
    return Field{to_utf8(text), inferred, span};
}

const Block* first_block(const Document& doc, BlockKind kind) {
    for (const Block& b : doc.blocks)
        if (b.kind == kind) return &b;
    return nullptr;
}

// The name a report gives itself in a sentence when no line states it as a title: 现将X报告如下,
// 现将X公布如下, 特编制X, 现公布X, X（以下简称…）. X names a kind of report (or a year) and is not
// a bare 本报告; 《》 around it are no part of it. Returns X and where it starts in its line.
std::u32string stated_name(std::u32string_view v, std::size_t& at) {
    constexpr std::size_t kMinName = 6;
    constexpr std::size_t kMaxName = 60;
    const auto accept = [&](std::size_t begin, std::size_t end, bool report_word) -> std::u32string {
        if (begin > end || end > v.size()) return {};
        while (begin < end && (v[begin] == U'《' || is_space(v[begin]))) ++begin;
        while (end > begin && (v[end - 1] == U'》' || is_space(v[end - 1]))) --end;
        std::u32string name(v.substr(begin, end - begin));
        // 有关情况, 相关工作: too little to name a report without its year.
        constexpr std::size_t kMinWithoutYear = 8;
        if (name.size() < kMinWithoutYear && year_in(name) < 0) return {};
        if (report_word) name += U"报告";
        if (name.size() < kMinName || name.size() > kMaxName || name.starts_with(U"本报告") ||
            name.starts_with(U"本年") || name.find_first_of(U"。，,;；:：") != std::u32string::npos)
            return {};
        // The report's own name: a kind of text that tells of work done (not the 条例, 方案 or
        // 规划 a report quotes and abbreviates).
        static constexpr std::array<std::u32string_view, 5> kOwnKinds{U"报告", U"年报", U"总结", U"公报", U"情况"};
        if (std::none_of(kOwnKinds.begin(), kOwnKinds.end(),
                         [&](std::u32string_view w) { return name.find(w) != std::u32string::npos; }))
            return {};
        at = begin;
        return name;
    };
    // Where a name that runs on to the end of a clause stops.
    const auto clause_end = [&](std::size_t from) {
        const std::size_t end = v.find_first_of(U"。，,;；:：(（", from);
        return end == std::u32string_view::npos ? v.size() : end;
    };
    if (const std::size_t lead = v.find(U"现将"); lead != std::u32string_view::npos) {
        if (const std::size_t tail = v.find(U"报告如下", lead); tail != std::u32string_view::npos)
            if (std::u32string x = accept(lead + 2, tail, true); !x.empty()) return x;
        if (const std::size_t tail = v.find(U"公布如下", lead); tail != std::u32string_view::npos)
            if (std::u32string x = accept(lead + 2, tail, false); !x.empty()) return x;
    }
    for (std::u32string_view lead : {U"特编制", U"现编制", U"现公布", U"特发布", U"现发布"})
        if (const std::size_t at_lead = v.find(lead); at_lead != std::u32string_view::npos) {
            const std::size_t begin = at_lead + lead.size();
            if (std::u32string x = accept(begin, clause_end(begin), false); !x.empty()) return x;
        }
    if (const std::size_t so_called = v.find(U"(以下简称"); so_called != std::u32string_view::npos && so_called > 0) {
        std::size_t begin = so_called;
        if (v[so_called - 1] == U'》') {
            const std::size_t open = v.rfind(U'《', so_called);
            if (open != std::u32string_view::npos) begin = open;
        } else {
            // Back to the clause's start or the verb before the name (是, 为, 编制, 发布).
            while (begin > 0 && std::u32string_view(U"。，,;；:：").find(v[begin - 1]) == std::u32string_view::npos &&
                   v[begin - 1] != U'是' && v[begin - 1] != U'为' && v[begin - 1] != U'制' && v[begin - 1] != U'布')
                --begin;
        }
        if (std::u32string x = accept(begin, so_called, false); !x.empty()) return x;
    }
    return {};
}

// The first of the opening lines that states the report's name (stated_name).
std::u32string opening_title(const std::vector<const Line*>& content, std::size_t& line_index, std::size_t& at) {
    constexpr std::size_t kLook = 6;
    for (std::size_t k = 0; k < content.size() && k < kLook; ++k)
        if (std::u32string x = stated_name(content[k]->view, at); !x.empty()) {
            line_index = k;
            return x;
        }
    return {};
}

void infer_title(Document& doc, const InferenceInput& in, std::u32string_view org, bool derive) {
    Metadata& m = doc.metadata;
    const Block* top = doc.blocks.empty() ? nullptr : first_block(doc, BlockKind::title);
    if (top && top != &doc.blocks.back()) {
        m.title = Field{top->text, false, top->span};
        return;
    }
    if (m.title.present()) return;  // stated by the page's metadata (名称)
    if (in.attachment_title.present()) {
        m.title = in.attachment_title;
        return;
    }
    if (top) {  // a title line after the body, as pages repeat the attachment's name
        m.title = Field{top->text, true, top->span};
        return;
    }
    if (!derive) return;
    std::size_t k = 0;
    std::size_t at = 0;
    std::u32string phrase = opening_title(in.content, k, at);
    if (!phrase.empty()) {
        for (std::u32string_view self :
             {U"我局", U"本局", U"我厅", U"本厅", U"我委", U"本委", U"我办", U"本单位", U"我单位", U"我省", U"本省",
              U"我市", U"本市", U"我县", U"本县", U"我区", U"本区", U"我镇", U"本镇",   U"我乡",   U"本乡"})
            if (phrase.rfind(self, 0) == 0) phrase = std::u32string(org) + phrase.substr(self.size());
        if (!org.empty() && phrase.find(org) == std::u32string::npos && is_ascii_digit(phrase[0]))
            phrase = std::u32string(org) + phrase;
        const Line& line = *in.content[k];
        std::u32string shown = phrase;
        m.title = Field{in.traditional ? to_traditional(to_utf8(shown)) : to_utf8(shown), true,
                        line.span_of(at, std::min(line.text.size(), at + phrase.size()))};
        return;
    }
    const std::u32string topic = topic_of(doc, in.content);
    if (org.empty() || !m.year.present() || topic.empty()) return;
    std::string composed = to_utf8(org) + m.year.value + "年度" + to_utf8(topic) + "工作情况报告";
    if (topic.find(U"建设") != std::u32string::npos)
        composed = to_utf8(org) + m.year.value + "年度" + to_utf8(topic) + "情况报告";
    m.title = Field{in.traditional ? to_traditional(composed) : composed, true, {}};
}

// The issuer a report names as its speaker or compiler: 我代表X(，向大会报告), 由X(根据…)编制,
// X依据/根据…编制本报告. An office that compiles the report does so for the body it belongs to
// (由某市人民政府办公室编制 → 某市人民政府).
std::u32string speaker_or_compiler(const std::vector<const Line*>& content) {
    constexpr std::size_t kLook = 40;
    const auto named = [](std::u32string_view x) -> std::u32string {
        if (x.size() < 3 || x.size() > 30 || !std::all_of(x.begin(), x.end(), is_han) || !ends_like_org(x) ||
            x.front() == U'我' || x.front() == U'本')
            return {};
        if (x.ends_with(U"办公室") && ends_like_org(x.substr(0, x.size() - 3))) x.remove_suffix(3);
        return std::u32string(x);
    };
    for (std::size_t k = 0; k < content.size() && k < kLook; ++k) {
        const std::u32string v = squeeze(content[k]->view);
        if (const std::size_t at = v.find(U"我代表"); at != std::u32string::npos) {
            const std::size_t end = v.find_first_of(U",，向", at);
            if (end != std::u32string::npos)
                if (std::u32string x = named(std::u32string_view(v).substr(at + 3, end - at - 3)); !x.empty()) return x;
        }
        for (std::size_t sentence = 0; sentence < v.size();) {
            const std::size_t stop = std::min(v.size(), v.find(U'。', sentence));
            const std::u32string_view s = std::u32string_view(v).substr(sentence, stop - sentence);
            sentence = stop + 1;
            if (s.find(U"编制") == std::u32string_view::npos) continue;
            std::size_t cut = std::u32string_view::npos;
            for (std::u32string_view w : {U"根据", U"依据", U"按照", U"编制"})
                if (const std::size_t at = s.find(w); at != std::u32string_view::npos && at < cut) cut = at;
            const std::size_t by = s.find(U'由');
            const bool compiled_by = by != std::u32string_view::npos && by < cut;
            // Without 由 the sentence opens with the compiler: X依据…编制本报告.
            if (!compiled_by && s.find(U"编制本报告") == std::u32string_view::npos) continue;
            const std::size_t from = compiled_by ? by + 1 : 0;
            if (cut == std::u32string_view::npos || cut <= from) continue;
            if (std::u32string x = named(s.substr(from, cut - from)); !x.empty()) return x;
        }
    }
    return {};
}

// The subject of a report's opening sentence (2023年，X坚持…; 今年以来，X紧紧围绕…): the issuer
// reporting on its own work, an organisation or the region whose government it is.
std::u32string opening_subject(const std::vector<const Line*>& content) {
    static constexpr std::array<std::u32string_view, 5> kOpenings{U"今年以来", U"近年来", U"年以来", U"年度", U"年"};
    static constexpr std::array<std::u32string_view, 18> kVerbs{
        U"坚持", U"紧紧围绕", U"围绕", U"深入", U"认真", U"全面",   U"始终",     U"持续", U"继续",
        U"聚焦", U"按照",     U"扎实", U"积极", U"不断", U"进一步", U"高度重视", U"严格", U"在"};
    constexpr std::size_t kLook = 40;
    for (std::size_t k = 0; k < content.size() && k < kLook; ++k) {
        const std::u32string_view v = content[k]->view;
        const std::size_t comma = v.find_first_of(U",，");
        if (comma == std::u32string_view::npos || comma > 8) continue;
        const std::u32string_view lead = v.substr(0, comma);
        const bool opening = std::any_of(kOpenings.begin(), kOpenings.end(), [&](std::u32string_view o) {
            return lead.ends_with(o) && (o.size() == 4 || o == U"近年来" ||
                                         (lead.size() >= 4 && is_ascii_digit(lead[0]) && year_in(lead) > 0));
        });
        if (!opening) continue;
        const std::u32string_view rest = v.substr(comma + 1);
        std::size_t verb = std::u32string_view::npos;
        for (std::u32string_view w : kVerbs)
            if (const std::size_t at = rest.find(w); at != std::u32string_view::npos && at < verb) verb = at;
        if (verb == std::u32string_view::npos || verb < 3 || verb > 20) continue;
        const std::u32string_view subject = rest.substr(0, verb);
        if (!std::all_of(subject.begin(), subject.end(), is_han) || subject.find(U'的') != std::u32string_view::npos)
            continue;
        if (ends_like_org(subject) || is_level_char(subject.back())) return std::u32string(subject);
    }
    return {};
}

// The issuer printed under the title as a byline with its date (统计公报: 江西省统计局
// 国家统计局江西调查总队 / 2023年3月28日): a line of organisation names over a bare date, before
// the text starts.
const Line* byline_org(const std::vector<const Line*>& content) {
    constexpr std::size_t kLook = 12;
    for (std::size_t k = 0; k + 1 < content.size() && k < kLook; ++k) {
        const std::u32string_view v = content[k]->view;
        if (has_sentence_punct(v)) return nullptr;
        if (v.size() > 40 || parse_date(content[k + 1]->view, true).empty()) continue;
        bool names = !v.empty();
        for (std::size_t b = 0; b < v.size() && names;) {
            std::size_t e = b;
            while (e < v.size() && !is_space(v[e])) ++e;
            names = e - b >= 3 && ends_like_org(v.substr(b, e - b));
            b = e;
            while (b < v.size() && is_space(v[b])) ++b;
        }
        if (names) return content[k];
    }
    return nullptr;
}

// The source a page names (来源：山西日报, 来源：新华社): the publisher of a text that states no
// issuer of its own. Not the site itself (its footer's owner), not 本站/本网, not a phrase.
std::u32string publishing_source(const Metadata& m, const InferenceInput& in) {
    if (!m.source.present()) return {};
    const std::u32string name = squeeze(to_folded_u32(m.source.value));
    constexpr std::size_t kMaxName = 20;
    if (name.size() < 2 || name.size() > kMaxName || !std::all_of(name.begin(), name.end(), is_han)) return {};
    if (name.starts_with(U"本") || name == U"原创" || name == U"网络" || name == U"互联网") return {};
    // A division inside the issuer (政策法规处, 综合科) compiled the page; it does not issue.
    const bool placed = std::any_of(name.begin(), name.end(), is_level_char);
    const char32_t last = name.back();
    if (!placed && (last == U'处' || last == U'科' || last == U'股' || (last == U'室' && !name.ends_with(U"办公室"))))
        return {};
    for (const std::u32string& owner : in.owners)
        if (squeeze(owner) == name) return {};
    return name;
}

void infer_org(Document& doc, const InferenceInput& in) {
    Metadata& m = doc.metadata;
    std::vector<std::u32string> owned;
    std::vector<std::u32string_view> texts;
    for (const Line* line : in.content) texts.push_back(line->view);
    for (const std::u32string& owner : in.owners) texts.push_back(owner);

    Field org;
    if (const Line* byline = byline_org(in.content))
        org = Field{byline->utf8(0, byline->text.size()), false, byline->span};
    else if (m.publisher.present())
        org = m.publisher;
    else if (m.signer.present())
        org = m.signer;
    else if (std::u32string p = org_prefix(to_folded_u32(m.title.value)); !p.empty())
        org = field_from(p, m.title.inferred, m.title.span);
    else if (std::u32string named = speaker_or_compiler(in.content); !named.empty())
        org = field_from(named, true);
    else if (std::u32string subject = opening_subject(in.content); !subject.empty())
        org = field_from(subject, true);
    else if (std::u32string source = publishing_source(m, in); !source.empty())
        org = field_from(source, true, m.source.span);
    else if (!in.owners.empty())
        org = field_from(in.owners.front(), true);
    else if (std::u32string self = self_reference(texts); !self.empty())
        org = field_from(self, true);
    if (org.present()) {
        const std::u32string short_form = to_folded_u32(org.value);
        if (std::u32string full = expand_org(short_form, texts); !full.empty() && full != short_form)
            org = field_from(full, true, org.span);
        else if (std::u32string place = congress_place(short_form, texts); !place.empty())
            org = field_from(place + short_form.substr(1), true, org.span);
        else if (!m.publisher.present() && !m.signer.present())
            if (std::u32string placed = with_higher_place(short_form, texts); !placed.empty())
                org = field_from(placed, true, org.span);
    }
    m.organisation = org;
}

// Whether a title names a kind of text that looks back on a year (its genre: 关于政府工作报告的
// 决议 is a 决议, 关于印发工作总结的通知 a 通知).
bool looks_back(const std::string& title) {
    if (title.empty()) return true;  // nothing says otherwise: the genre gongwen is for
    static constexpr std::array<std::string_view, 4> kLookingBack{"报告", "总结", "年报", "情况"};
    return std::find(kLookingBack.begin(), kLookingBack.end(), genre_of_title(title)) != kLookingBack.end();
}

void infer_year(Document& doc, const InferenceInput& in) {
    Metadata& m = doc.metadata;
    if (int y = prose_year_in(to_folded_u32(m.title.value)); y > 0) {
        m.year = Field{std::to_string(y), m.title.inferred, m.title.span};
        return;
    }
    if (int y = period_year(in.content); y > 0) {
        m.year = Field{std::to_string(y), false, {}};
        return;
    }
    // A speech's subtitle (——2026年1月26日在…会议上): a 政府工作报告 is for the year it is given in.
    for (const Block& b : doc.blocks) {
        if (b.kind != BlockKind::subtitle) continue;
        const std::u32string v = to_folded_u32(b.text);
        if (!opens_with_dash(v)) continue;
        std::size_t at = 0;
        while (at < v.size() && !is_ascii_digit(v[at])) ++at;
        if (at < v.size() && !parse_date(std::u32string_view(v).substr(at), false).empty()) {
            m.year = Field{std::to_string(year_in(std::u32string_view(v).substr(at, 4))), false, b.span};
            return;
        }
    }
    for (std::size_t k = 0; k < in.content.size() && k < 4; ++k) {
        const Line& line = *in.content[k];
        if (line.view.find_first_of(U"。,，") == std::u32string::npos) continue;  // the opening paragraph
        const std::size_t sentence = std::min(line.view.size(), line.view.find(U'。'));
        if (int y = prose_year_in(std::u32string_view(line.view).substr(0, sentence)); y > 0) {
            m.year = Field{std::to_string(y), false, {}};
            return;
        }
        break;
    }
    if (int y = own_work_year(in.content); y > 0) {
        m.year = Field{std::to_string(y), false, {}};
        return;
    }
    // A report or summary looks back: published (or signed) early in the year after the one it
    // covers. Any other kind of text (意见, 通知, 决定, 决议, 公告, news…) belongs to the year it
    // was published or signed in.
    const Field& date = m.published.present() ? m.published : m.signed_date;
    if (!date.present()) return;
    const int year = std::stoi(date.value.substr(0, 4));
    m.year = Field{std::to_string(looks_back(m.title.value) ? year - 1 : year), true, date.span};
}

}  // namespace

bool ends_like_org(std::u32string_view view) {
    return std::any_of(kOrgSuffixes.begin(), kOrgSuffixes.end(), [&](std::u32string_view s) {
        return view.size() > s.size() && view.substr(view.size() - s.size()) == s;
    });
}

void infer_metadata(Document& doc, const InferenceInput& in) {
    // The title first from what the text states, the organisation from that, the year, and
    // only then titles that have to be put together from organisation and year.
    infer_title(doc, in, {}, false);
    infer_org(doc, in);
    infer_year(doc, in);
    if (!doc.metadata.title.present()) {
        infer_title(doc, in, to_folded_u32(doc.metadata.organisation.value), true);
        if (!doc.metadata.year.present()) infer_year(doc, in);
    }
}

}  // namespace gongwen
