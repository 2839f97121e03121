// A page's charset: a byte order mark decides; then what the page declares in its first bytes
// (<meta charset>, <meta http-equiv="Content-Type" content="…; charset=…">, <?xml encoding?>);
// then detection. gb2312 and gbk are read as GB18030, their superset, as browsers do. When
// the declaration and the bytes disagree the better-founded one wins and a diagnostic says so.
#include <algorithm>
#include <array>
#include <cstring>

#include "converters/html/page.hpp"
#include "gongwen/decode.hpp"
#include "gongwen/error.hpp"

namespace gongwen::html {

namespace {

// How far into the page a declaration is looked for. The HTML standard's prescan stops at
// 1024 bytes; saved government pages often carry long comments and scripts first.
constexpr std::size_t kPrescan = 8192;

std::string lowered(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string_view trim_ascii(std::string_view s) {
    while (!s.empty() && std::strchr(" \t\r\n\f\"'", s.front())) s.remove_prefix(1);
    while (!s.empty() && std::strchr(" \t\r\n\f\"';", s.back())) s.remove_suffix(1);
    return s;
}

// The WHATWG Encoding labels we read, mapped to ICU converter names. A page that declares
// UTF-16 in a meta tag is ASCII-compatible, so the standard reads it as UTF-8.
std::string canonical(std::string_view label) {
    const std::string l = lowered(trim_ascii(label));
    static constexpr std::array<std::string_view, 8> kUtf8{
        "utf-8", "utf8", "unicode-1-1-utf-8", "utf-16", "utf-16le", "utf-16be", "unicode", "x-unicode20utf8"};
    static constexpr std::array<std::string_view, 16> kGb{
        "gb2312",  "gbk",       "gb18030", "x-gbk",      "cp936",           "ms936",  "windows-936", "csgb2312",
        "chinese", "iso-ir-58", "gb_2312", "gb_2312-80", "csiso58gb231280", "euc-cn", "x-euc-cn",    "gb-2312"};
    static constexpr std::array<std::string_view, 6> kBig5{"big5",   "big5-hkscs", "cn-big5",
                                                           "csbig5", "x-x-big5",   "x-big5"};
    static constexpr std::array<std::string_view, 9> kLatin{
        "iso-8859-1", "iso8859-1", "latin1", "l1", "ascii", "us-ascii", "windows-1252", "cp1252", "iso_8859-1"};
    const auto in = [&](const auto& list) { return std::find(list.begin(), list.end(), l) != list.end(); };
    if (in(kUtf8)) return "UTF-8";
    if (in(kGb)) return "GB18030";
    if (in(kBig5)) return "Big5";
    if (in(kLatin)) return "windows-1252";
    return {};
}

// Attributes of the tag whose name ends at text[i], until its '>'.
std::vector<std::pair<std::string, std::string>> attributes(std::string_view text, std::size_t& i) {
    std::vector<std::pair<std::string, std::string>> out;
    while (i < text.size() && text[i] != '>') {
        while (i < text.size() && std::strchr(" \t\r\n\f/", text[i])) ++i;
        std::size_t b = i;
        while (i < text.size() && !std::strchr(" \t\r\n\f/=>", text[i])) ++i;
        std::string name = lowered(text.substr(b, i - b));
        while (i < text.size() && std::strchr(" \t\r\n\f", text[i])) ++i;
        std::string value;
        if (i < text.size() && text[i] == '=') {
            ++i;
            while (i < text.size() && std::strchr(" \t\r\n\f", text[i])) ++i;
            if (i < text.size() && (text[i] == '"' || text[i] == '\'')) {
                const char q = text[i++];
                b = i;
                while (i < text.size() && text[i] != q) ++i;
                value = std::string(text.substr(b, i - b));
                if (i < text.size()) ++i;
            } else {
                b = i;
                while (i < text.size() && !std::strchr(" \t\r\n\f>", text[i])) ++i;
                value = std::string(text.substr(b, i - b));
            }
        }
        if (name.empty() && i < text.size() && text[i] != '>')
            ++i;
        else if (!name.empty())
            out.emplace_back(std::move(name), std::move(value));
    }
    return out;
}

// The label in a Content-Type value: "text/html; charset=gb2312".
std::string charset_in(std::string_view content) {
    const std::string l = lowered(content);
    const std::size_t at = l.find("charset");
    if (at == std::string::npos) return {};
    std::size_t i = at + 7;
    while (i < l.size() && (l[i] == ' ' || l[i] == '=')) ++i;
    std::size_t e = i;
    while (e < l.size() && !std::strchr(" ;\"'", l[e])) ++e;
    return std::string(content.substr(i, e - i));
}

std::string meta_charset(std::string_view text, std::size_t& i) {
    std::string charset;
    std::string content;
    bool content_type = false;
    for (const auto& [name, value] : attributes(text, i)) {
        if (name == "charset" && charset.empty()) charset = value;
        if (name == "http-equiv" && lowered(trim_ascii(value)) == "content-type") content_type = true;
        if (name == "content" && content.empty()) content = value;
    }
    if (!charset.empty()) return charset;
    return content_type ? charset_in(content) : std::string();
}

Diagnostic note(const char* kind, std::string message) { return Diagnostic{kind, 1, std::move(message), {}}; }

bool ascii_only(std::string_view bytes) {
    return std::all_of(bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

bool has_bom(std::string_view b) {
    return b.starts_with("\xEF\xBB\xBF") || b.starts_with("\xFF\xFE") || b.starts_with("\xFE\xFF");
}

// A page that declares nothing: decode()'s detection, except that a page that is UTF-8 but
// for a few damaged bytes (a download cut off inside a character) is read as browsers show
// it, with U+FFFD, rather than refused.
Decoded decode_undeclared(std::string_view bytes, const std::string& name, std::vector<Diagnostic>& notes) {
    try {
        return decode(bytes, name);
    } catch (const Error& e) {
        if (e.reason().starts_with("binary data") || e.reason().starts_with("empty")) throw;
        std::size_t replaced = 0;
        Decoded d = decode_replacing(bytes, "UTF-8", replaced);
        if (replaced == 0 || replaced * 200 > bytes.size()) throw;
        notes.push_back(Diagnostic{
            "charset_replaced", replaced, "byte sequences invalid in UTF-8 shown as U+FFFD (" + e.reason() + ")", {}});
        return d;
    }
}

}  // namespace

std::string declared_charset(std::string_view bytes) {
    const std::string_view text = bytes.substr(0, kPrescan);
    if (text.starts_with("<?xml")) {
        std::size_t i = 5;
        for (const auto& [name, value] : attributes(text, i))
            if (name == "encoding") return value;
    }
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '<') continue;
        if (text.compare(i, 4, "<!--") == 0) {
            const std::size_t e = text.find("-->", i + 4);
            if (e == std::string_view::npos) break;
            i = e + 2;
            continue;
        }
        if (i + 5 < text.size() && lowered(text.substr(i, 5)) == "<meta" && std::strchr(" \t\r\n\f/", text[i + 5])) {
            std::size_t k = i + 5;
            std::string label = meta_charset(text, k);
            if (!label.empty()) return label;
            i = k;
        }
    }
    return {};
}

PageText decode_page(std::string_view bytes, const std::string& name) {
    const std::string label = declared_charset(bytes);
    const std::string declared = canonical(label);
    PageText page;
    const auto take = [&](Decoded d) {
        page.text = std::move(d.text);
        page.charset = d.charset;
        page.guessed = d.guessed;
    };
    if (has_bom(bytes) || label.empty()) {
        take(label.empty() ? decode_undeclared(bytes, name, page.notes) : decode(bytes, name));
        if (!label.empty() && declared != page.charset)
            page.notes.push_back(note("charset_mismatch", "the page declares charset " + label + " but starts with a " +
                                                              page.charset + " byte order mark; read as " +
                                                              page.charset));
        return page;
    }
    if (declared.empty()) {
        take(decode(bytes, name));
        page.notes.push_back(note(
            "charset_mismatch",
            "the page declares charset " + label + ", which is not one Chinese pages use; read as " + page.charset));
        return page;
    }
    if (ascii_only(bytes)) {
        take(decode(bytes, name));  // empty and binary input still fail as for text
        page.charset = declared;
        return page;
    }
    std::optional<Decoded> detected;
    std::string undetected;
    try {
        detected = decode(bytes, name);
    } catch (const Error& e) {
        if (e.reason().starts_with("binary data")) throw;
        undetected = e.reason();
    }
    const auto mismatch = [&](const std::string& why) { page.notes.push_back(note("charset_mismatch", why)); };
    // Valid UTF-8 with non-ASCII text is UTF-8 whatever the page says (a copied template's
    // meta tag); a Chinese page is not windows-1252 when it decodes as Chinese.
    if (detected && declared != detected->charset &&
        (detected->charset == "UTF-8" || (declared == "windows-1252" && detected->charset != "UTF-8"))) {
        take(std::move(*detected));
        mismatch("the page declares charset " + label + " but its bytes are " + page.charset + "; read as " +
                 page.charset);
        return page;
    }
    try {
        take(decode_as(bytes, declared, name));
        if (detected && detected->charset != declared)
            mismatch("the page declares charset " + label + "; detection suggested " + detected->charset +
                     "; the declaration was followed");
        return page;
    } catch (const Error& e) {
        if (detected) {
            take(std::move(*detected));
            mismatch("the page declares charset " + label + " but " + e.reason() + "; read as " + page.charset +
                     " (detected)");
            return page;
        }
    }
    std::size_t replaced = 0;
    take(decode_replacing(bytes, declared, replaced));
    page.notes.push_back(
        Diagnostic{"charset_replaced",
                   replaced,
                   "byte sequences invalid in the declared charset " + label + " shown as U+FFFD (" + undetected + ")",
                   {}});
    return page;
}

}  // namespace gongwen::html
