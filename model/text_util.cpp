#include "gongwen/unicode.hpp"

#include <unicode/parseerr.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <mutex>
#include <vector>

namespace gongwen {

namespace {

// next_code_point(), for the loops of this file to inline.
inline char32_t decode_at(std::string_view text, std::size_t& pos) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char b0 = byte(pos);
    if (b0 < 0x80) {
        ++pos;
        return b0;
    }
    std::size_t length = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 1;
    if (pos + length > text.size()) length = 1;
    char32_t cp = length == 1 ? b0 : length == 2 ? b0 & 0x1F : length == 3 ? b0 & 0x0F : b0 & 0x07;
    for (std::size_t i = 1; i < length; ++i) cp = (cp << 6) | (byte(pos + i) & 0x3F);
    pos += length;
    return cp;
}

}  // namespace

char32_t next_code_point(std::string_view text, std::size_t& pos) { return decode_at(text, pos); }

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

std::string utf8_of(char32_t cp) {
    std::string out;
    append_utf8(out, cp);
    return out;
}

std::size_t utf8_sequence(std::string_view s, std::size_t i, char32_t& cp) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
        cp = b0;
        return 1;
    }
    std::size_t len = 0;
    char32_t min = 0;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        len = 2, cp = b0 & 0x1F, min = 0x80;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        len = 3, cp = b0 & 0x0F, min = 0x800;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        len = 4, cp = b0 & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (s.size() - i < len) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

std::u32string to_u32(std::string_view text) {
    // As many code points as lead bytes: exactly that many for valid UTF-8. A malformed
    // sequence can decode to fewer (a lead byte takes the bytes after it) or more (stray
    // continuation bytes), so the string is cut or grown to what was decoded.
    const std::size_t expected = count_code_points(text);
    std::u32string out(expected, U'\0');
    std::size_t n = 0;
    for (std::size_t pos = 0; pos < text.size(); ++n) {
        const char32_t cp = decode_at(text, pos);
        if (n < expected)
            out[n] = cp;
        else
            out.push_back(cp);
    }
    out.resize(n);
    return out;
}

std::string to_utf8(std::u32string_view text) {
    std::size_t bytes = 0;  // exactly: most of what is converted is kept for good
    for (char32_t cp : text) bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    std::string out(bytes, '\0');
    char* p = out.data();  // the bytes append_utf8 writes, written in place
    const auto put = [&p](unsigned value) { *p++ = static_cast<char>(value); };
    for (char32_t cp : text) {
        if (cp < 0x80) {
            put(cp);
        } else if (cp < 0x800) {
            put(0xC0 | (cp >> 6));
            put(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            put(0xE0 | (cp >> 12));
            put(0x80 | ((cp >> 6) & 0x3F));
            put(0x80 | (cp & 0x3F));
        } else {
            put(0xF0 | (cp >> 18));
            put(0x80 | ((cp >> 12) & 0x3F));
            put(0x80 | ((cp >> 6) & 0x3F));
            put(0x80 | (cp & 0x3F));
        }
    }
    return out;
}

std::size_t count_code_points(std::string_view text) {
    // Every byte but the continuation bytes (10xxxxxx), counted eight at a time: a byte is one
    // when its top bit is set and the next bit is not.
    std::size_t continuation = 0;
    std::size_t i = 0;
    constexpr std::uint64_t kTop = 0x8080808080808080ull;
    constexpr std::uint64_t kOnes = 0x0101010101010101ull;
    for (; i + 8 <= text.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, text.data() + i, 8);
        const std::uint64_t tops = (w & ~(w << 1) & kTop) >> 7;  // 1 in each continuation byte
        continuation += static_cast<std::size_t>((tops * kOnes) >> 56);
    }
    for (; i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++continuation;
    return text.size() - continuation;
}

bool is_chinese_numeral(char32_t cp) {
    switch (cp) {  // 一二三四五六七八九十百千零〇两
        case U'一':
        case U'二':
        case U'三':
        case U'四':
        case U'五':
        case U'六':
        case U'七':
        case U'八':
        case U'九':
        case U'十':
        case U'百':
        case U'千':
        case U'零':
        case U'〇':
        case U'两': return true;
        default: return false;
    }
}

namespace {

// Traditional→Simplified for the ideograph blocks: the pairs ICU's transliterator gives,
// generated at build time (tools/gen_fold_table.cpp), spread into a direct lookup table.
constexpr char32_t kTableFirst = 0x3400;
constexpr char32_t kTableLast = 0x9FFF;

struct FoldPair {
    char32_t from;
    char32_t to;
};
constexpr FoldPair kFoldPairs[] = {
#include "fold_table.inc"
};

// Made by the compiler: no initialization at run time, and no guard on every lookup.
struct SimplifiedTable {
    char32_t to[kTableLast - kTableFirst + 1];
};

constexpr SimplifiedTable make_simplified_table() {
    SimplifiedTable t{};
    for (char32_t cp = kTableFirst; cp <= kTableLast; ++cp) t.to[cp - kTableFirst] = cp;
    for (const FoldPair& p : kFoldPairs) t.to[p.from - kTableFirst] = p.to;
    return t;
}

constexpr SimplifiedTable kSimplified = make_simplified_table();

inline char32_t fold_one(char32_t cp) {
    if (cp < 0x3000) return cp == 0x00A0 ? U' ' : cp;  // what is below U+3000 only has NBSP to fold
    if (cp >= kTableFirst && cp <= kTableLast) return kSimplified.to[cp - kTableFirst];
    if (cp >= 0xFF01 && cp <= 0xFF5E) return cp - 0xFF01 + 0x21;
    if (cp == 0x3000) return U' ';
    return cp;
}

}  // namespace

char32_t fold(char32_t cp) { return fold_one(cp); }

std::u32string fold(std::u32string_view text) {
    std::u32string out(text);
    for (char32_t& cp : out) cp = fold_one(cp);
    return out;
}

std::u32string to_folded_u32(std::string_view text) {
    std::u32string out = to_u32(text);
    for (char32_t& cp : out) cp = fold_one(cp);
    return out;
}

std::string to_traditional(std::string_view text) {
    // Making ICU's transliterator compiles its rules: many times the reading of a whole report.
    // It is made once and shared; transliterate() is not safe to call from two threads at once.
    // It is compiled from the rules of ICU's own Simplified-Traditional (taken at build time,
    // tools/gen_traditional_rules.cpp), which spares the registry of every transliterator that
    // createInstance() builds first; by name only if those rules should not compile.
    static std::mutex mutex;
    static const std::unique_ptr<icu::Transliterator> tr = [] {
        static constexpr char kRules[] =
#include "traditional_rules.inc"
            ;
        UErrorCode status = U_ZERO_ERROR;
        UParseError error{};
        std::unique_ptr<icu::Transliterator> made(icu::Transliterator::createFromRules(
            "Simplified-Traditional", icu::UnicodeString::fromUTF8(kRules), UTRANS_FORWARD, error, status));
        if (U_SUCCESS(status) && made) return made;
        status = U_ZERO_ERROR;
        made.reset(icu::Transliterator::createInstance("Simplified-Traditional", UTRANS_FORWARD, status));
        return U_FAILURE(status) ? nullptr : std::move(made);
    }();
    if (!tr) return std::string(text);
    icu::UnicodeString u =
        icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    {
        const std::lock_guard lock(mutex);
        tr->transliterate(u);
    }
    std::string out;
    u.toUTF8String(out);
    return out;
}

int parse_numeral(std::u32string_view text) {
    if (text.empty() || text.size() > 6) return -1;
    if (is_ascii_digit(text[0])) {
        int value = 0;
        for (char32_t cp : text) {
            if (!is_ascii_digit(cp)) return -1;
            value = value * 10 + static_cast<int>(cp - '0');
        }
        return value;
    }
    static constexpr std::u32string_view kDigits = U"零一二三四五六七八九";
    int total = 0;
    int digit = -1;
    for (char32_t cp : text) {
        std::size_t d = kDigits.find(cp);
        if (cp == U'〇') d = 0;
        if (cp == U'两') d = 2;
        if (d != std::u32string_view::npos) {
            digit = static_cast<int>(d);
        } else if (cp == U'十' || cp == U'百') {
            const int unit = cp == U'十' ? 10 : 100;
            total += (digit < 0 ? 1 : digit) * unit;
            digit = -1;
        } else {
            return -1;
        }
    }
    return total + (digit < 0 ? 0 : digit);
}

std::u32string_view trim(std::u32string_view text) {
    std::size_t b = 0;
    std::size_t e = text.size();
    while (b < e && is_space(text[b])) ++b;
    while (e > b && is_space(text[e - 1])) --e;
    return text.substr(b, e - b);
}

std::size_t display_width(std::u32string_view text) {
    std::size_t width = 0;
    for (char32_t cp : text) {
        const auto c = static_cast<UChar32>(cp);
        const int category = u_charType(c);
        if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK || category == U_FORMAT_CHAR ||
            category == U_CONTROL_CHAR)
            continue;
        const int ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
        width += ea == U_EA_WIDE || ea == U_EA_FULLWIDTH ? 2 : 1;
    }
    return width;
}

std::string_view trim_ascii(std::string_view s) {
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; };
    while (!s.empty() && space(s.front())) s.remove_prefix(1);
    while (!s.empty() && space(s.back())) s.remove_suffix(1);
    return s;
}

bool all_digits(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

void append_json_string(std::string& out, std::string_view s) {
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    for (std::size_t i = 0; i < s.size();) {
        char32_t cp = 0;
        const std::size_t len = utf8_sequence(s, i, cp);
        if (len == 0) {
            out += "\xEF\xBF\xBD";  // U+FFFD
            ++i;
            continue;
        }
        const auto c = static_cast<unsigned char>(s[i]);
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            default:
                if (c < 0x20) {
                    out += "\\u00";
                    out += kHex[c >> 4];
                    out += kHex[c & 0xF];
                } else {
                    out.append(s.substr(i, len));
                }
        }
        i += len;
    }
    out += '"';
}

std::string json_quote(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 2);
    append_json_string(out, text);
    return out;
}

std::string xml_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default:
                if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r') out += c;
        }
    }
    return out;
}

}  // namespace gongwen
