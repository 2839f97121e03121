// Input bytes to UTF-8 text. Order of decisions (each step only runs if the previous ones did
// not decide):
//   1. empty input (or a BOM alone)                         -> Error "empty file"
//   2. byte order mark: UTF-8, UTF-32LE/BE, UTF-16LE/BE      -> strict decode, guessed = false
//   3. binary data: known file signatures, NUL bytes (unless the data is shaped like BOM-less
//      UTF-16 and decodes cleanly as such), C0 control characters -> Error "binary data, …"
//   4. strict UTF-8 (tight loop, no ICU)                     -> guessed = false
//   5. GB18030 and Big5, each decoded strictly with ICU; if both decode cleanly, ICU's charset
//      detector ranks them (GB2312/GBK results count as GB18030), then frequent-character
//      counts break near-ties. Latin, Japanese, Korean proposals are never accepted. guessed=true
//   6. nothing decodes                                       -> Error "cannot decode: … offset N"
#include "gongwen/decode.hpp"

#include "gongwen/error.hpp"
#include "gongwen/unicode.hpp"

#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ucsdet.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <bitset>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>
#include <vector>

namespace gongwen {
namespace {

using namespace std::string_view_literals;

constexpr std::size_t kSniffWindow = 64 * 1024;   // bytes examined for control characters
constexpr std::size_t kDetectSample = 16 * 1024;  // bytes given to ICU's charset detector
constexpr std::size_t kHeadBytes = 8;             // any control character here means binary
constexpr int32_t kRankMargin = 20;               // ICU confidence gap that decides GB18030 vs Big5 alone

struct ConverterCloser {
    void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

struct DetectorCloser {
    void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};
using DetectorPtr = std::unique_ptr<UCharsetDetector, DetectorCloser>;

std::string hex_byte(unsigned value) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02X", value & 0xFFu);
    return buf;
}

std::string code_point_name(uint32_t cp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
    return buf;
}

// Where and why a strict decode stopped. Offsets are byte offsets into the whole input.
struct Failure {
    std::size_t offset = 0;
    bool truncated = false;  // the input ends inside a character
    std::string detail;      // optional extra explanation
};

// ---------------------------------------------------------------------------------------------
// Strict UTF-8 validation (Unicode table 3-7: no overlongs, no surrogates, nothing above
// U+10FFFF). This is the hot path, so it is a plain loop with an 8-byte ASCII skip.

struct Utf8Check {
    std::optional<Failure> failure;
    std::size_t multibyte = 0;  // well-formed multi-byte sequences before the failure
};

Utf8Check check_utf8(std::string_view s) {
    Utf8Check result;
    const auto* const begin = reinterpret_cast<const unsigned char*>(s.data());
    const auto* const end = begin + s.size();
    const unsigned char* p = begin;
    while (p < end) {
        if (end - p >= 8) {
            uint64_t word;
            std::memcpy(&word, p, 8);
            if ((word & 0x8080808080808080ULL) == 0) {
                p += 8;
                continue;
            }
        }
        const unsigned c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        std::size_t need;
        unsigned lo = 0x80, hi = 0xBF;  // allowed range of the first continuation byte
        if (c >= 0xC2 && c <= 0xDF) {
            need = 1;
        } else if (c == 0xE0) {
            need = 2, lo = 0xA0;
        } else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) {
            need = 2;
        } else if (c == 0xED) {
            need = 2, hi = 0x9F;
        } else if (c == 0xF0) {
            need = 3, lo = 0x90;
        } else if (c >= 0xF1 && c <= 0xF3) {
            need = 3;
        } else if (c == 0xF4) {
            need = 3, hi = 0x8F;
        } else {
            result.failure = Failure{static_cast<std::size_t>(p - begin), false, {}};
            return result;
        }
        for (std::size_t i = 1; i <= need; ++i) {
            if (p + i == end) {
                result.failure = Failure{static_cast<std::size_t>(p - begin), true, {}};
                return result;
            }
            const unsigned b = p[i];
            const bool ok = i == 1 ? (b >= lo && b <= hi) : (b >= 0x80 && b <= 0xBF);
            if (!ok) {
                result.failure = Failure{static_cast<std::size_t>(p - begin), false, {}};
                return result;
            }
        }
        p += need + 1;
        ++result.multibyte;
    }
    return result;
}

// ---------------------------------------------------------------------------------------------
// Binary sniffing.

struct Signature {
    std::string_view magic;
    const char* what;
};

constexpr Signature kSignatures[] = {
    {"\x89PNG\r\n\x1a\n"sv, "PNG image"},
    {"\xFF\xD8\xFF"sv, "JPEG image"},
    {"GIF87a"sv, "GIF image"},
    {"GIF89a"sv, "GIF image"},
    {"%PDF-"sv, "PDF document"},
    {"PK\x03\x04"sv, "ZIP archive or Office .docx/.xlsx"},
    {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"sv, "OLE2 compound file or Office .doc/.xls"},
    {"\x1F\x8B"sv, "gzip archive"},
    {"Rar!\x1A\x07"sv, "RAR archive"},
    {"7z\xBC\xAF\x27\x1C"sv, "7-Zip archive"},
    {"\x7F"
     "ELF"sv,
     "ELF executable"},
};

bool is_disallowed_control(uint32_t c) { return c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r'; }

// Counts disallowed C0 control characters (by code unit) within the sniff window.
struct ControlScan {
    std::size_t count = 0;
    std::size_t first_offset = 0;
    uint32_t first_value = 0;

    void add(uint32_t value, std::size_t offset) {
        if (count++ == 0) {
            first_offset = offset;
            first_value = value;
        }
    }

    // `start` is where the text starts (after a BOM), `window` how many bytes were scanned.
    std::optional<std::string> verdict(std::size_t start, std::size_t window) const {
        if (count == 0) return std::nullopt;
        if (first_value == 0) return "NUL character at offset " + std::to_string(first_offset);
        if (first_offset < start + kHeadBytes)
            return "control character " + hex_byte(first_value) + " at offset " + std::to_string(first_offset);
        if (count >= 2 && count * 100 > window)
            return std::to_string(count) + " control characters in the first " + std::to_string(window) +
                   " bytes, the first " + hex_byte(first_value) + " at offset " + std::to_string(first_offset);
        return std::nullopt;
    }
};

[[noreturn]] void throw_binary(const std::string& name, const std::string& what) {
    throw Error(name, "binary data, not text (" + what + ")");
}

void check_signature(std::string_view bytes, const std::string& name) {
    for (const auto& sig : kSignatures)
        if (bytes.substr(0, sig.magic.size()) == sig.magic)
            throw_binary(name, std::string(sig.what) + " signature at offset 0");
}

// Control characters in the first kSniffWindow bytes of `body`, which starts at `base`.
void check_controls(std::string_view body, std::size_t base, const std::string& name) {
    const std::size_t window = std::min(body.size(), kSniffWindow);
    ControlScan scan;
    for (std::size_t i = 0; i < window; ++i) {
        // Eight bytes none of which is below 0x20 (a tab, a line break included) are passed
        // over at once: (w - 0x20…) & ~w has a byte's top bit set exactly when some byte is.
        if (window - i >= 8) {
            std::uint64_t w;
            std::memcpy(&w, body.data() + i, 8);
            if (((w - 0x2020202020202020ull) & ~w & 0x8080808080808080ull) == 0) {
                i += 7;
                continue;
            }
        }
        const auto c = static_cast<unsigned char>(body[i]);
        if (c < 0x20 && is_disallowed_control(c)) scan.add(c, base + i);
    }
    if (auto why = scan.verdict(base, window)) throw_binary(name, *why);
}

// ---------------------------------------------------------------------------------------------
// UTF-16 / UTF-32, decoded by hand: simple, exact byte offsets, no converter needed.

std::optional<Failure> decode_utf16(std::string_view body, std::size_t base, bool little, std::string& out,
                                    ControlScan& scan) {
    const auto* p = reinterpret_cast<const unsigned char*>(body.data());
    const std::size_t units = body.size() / 2;
    const bool odd = body.size() % 2 != 0;
    const std::size_t scan_limit = base + kSniffWindow;
    auto unit = [&](std::size_t i) -> uint32_t {
        return little ? (p[2 * i] | (p[2 * i + 1] << 8)) : ((p[2 * i] << 8) | p[2 * i + 1]);
    };
    out.reserve(body.size() + body.size() / 2);
    for (std::size_t i = 0; i < units;) {
        const uint32_t u = unit(i);
        const std::size_t offset = base + 2 * i;
        if (u >= 0xD800 && u <= 0xDFFF) {
            if (u <= 0xDBFF && i + 1 < units) {
                const uint32_t v = unit(i + 1);
                if (v >= 0xDC00 && v <= 0xDFFF) {
                    append_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00));
                    i += 2;
                    continue;
                }
            }
            if (u <= 0xDBFF && i + 1 == units && odd)
                return Failure{offset, true, "surrogate pair cut off by the end of the file"};
            return Failure{offset, false, "unpaired surrogate " + code_point_name(u)};
        }
        if (u < 0x20 && is_disallowed_control(u) && offset < scan_limit) scan.add(u, offset);
        append_utf8(out, u);
        ++i;
    }
    if (odd) return Failure{base + body.size() - 1, true, "odd byte count " + std::to_string(base + body.size())};
    return std::nullopt;
}

std::optional<Failure> decode_utf32(std::string_view body, std::size_t base, bool little, std::string& out,
                                    ControlScan& scan) {
    const auto* p = reinterpret_cast<const unsigned char*>(body.data());
    const std::size_t units = body.size() / 4;
    const std::size_t scan_limit = base + kSniffWindow;
    out.reserve(body.size());
    for (std::size_t i = 0; i < units; ++i) {
        const unsigned char* q = p + 4 * i;
        const uint32_t u = little ? (q[0] | (q[1] << 8) | (q[2] << 16) | (uint32_t{q[3]} << 24))
                                  : ((uint32_t{q[0]} << 24) | (q[1] << 16) | (q[2] << 8) | q[3]);
        const std::size_t offset = base + 4 * i;
        if (u > 0x10FFFF || (u >= 0xD800 && u <= 0xDFFF))
            return Failure{offset, false, code_point_name(u) + " is not a Unicode scalar value"};
        if (u < 0x20 && is_disallowed_control(u) && offset < scan_limit) scan.add(u, offset);
        append_utf8(out, u);
    }
    if (body.size() % 4 != 0)
        return Failure{base + units * 4, true,
                       "byte count " + std::to_string(base + body.size()) + " is not a multiple of 4"};
    return std::nullopt;
}

std::string describe(const Failure& f, const std::string& charset) {
    std::string s = f.truncated ? "truncated " + charset + " sequence at offset "
                                : "invalid " + charset + " byte sequence at offset ";
    s += std::to_string(f.offset);
    if (!f.detail.empty()) s += ": " + f.detail;
    return s;
}

// NUL bytes without a BOM: accept only data shaped like BOM-less UTF-16. The NUL bytes sit
// mostly on one byte parity (the high bytes of ASCII characters), the data decodes cleanly
// into assigned, non-private-use, non-control characters, and the result reads like text:
// either mostly Latin, or Chinese with a normal share of frequent characters (ASCII read as
// UTF-16 gives CJK code points too, but almost never frequent ones). Otherwise: binary.
std::size_t count_common_han(std::string_view utf8);

std::optional<Decoded> try_bomless_utf16(std::string_view bytes) {
    if (bytes.size() % 2 != 0 || bytes.size() < 4) return std::nullopt;
    std::size_t nul_even = 0, nul_odd = 0;
    for (std::size_t i = 0; i < bytes.size(); ++i)
        if (bytes[i] == '\0') ++(i % 2 ? nul_odd : nul_even);
    // Code points like U+4E00 put a few NUL bytes on the other parity; ASCII must dominate.
    if (std::max(nul_even, nul_odd) < 4 * std::min(nul_even, nul_odd)) return std::nullopt;
    const bool little = nul_odd > nul_even;  // "A" is 41 00 in UTF-16LE
    Decoded d{{}, little ? "UTF-16LE" : "UTF-16BE", true};
    ControlScan scan;
    if (decode_utf16(bytes, 0, little, d.text, scan) || scan.count > 0) return std::nullopt;
    std::size_t units = 0, latin = 0, han = 0;
    for (std::size_t i = 0; i < d.text.size(); ++units) {
        UChar32 cp;
        U8_NEXT_UNSAFE(d.text.data(), i, cp);
        const int8_t type = u_charType(cp);
        if (type == U_UNASSIGNED || type == U_PRIVATE_USE_CHAR) return std::nullopt;
        if (cp <= 0xFF) ++latin;
        if (cp >= 0x4E00 && cp <= 0x9FFF) ++han;
    }
    if (latin < 2) return std::nullopt;
    if (latin * 2 >= units) return d;
    if (han > 0 && count_common_han(d.text) * 5 >= han) return d;
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Legacy Chinese charsets through ICU.

// Very frequent Chinese characters, Simplified and Traditional forms. Used to choose between
// GB18030 and Big5 when both decode cleanly: the wrong one yields rare characters.
constexpr std::string_view kCommonHan =
    "的一是在不了有和人这這中大为為上个個国國我以要他时時来來用们們生到作地于於出就分对對成会"
    "會可主发發年动動同工也能下过過子说說产產种種面而方后後多定行学學法所民得经經十三之进進着等"
    "部度家电電力里裡如水化高自二理起小物现現实實加量都两兩体體制机機当當使点點从從业業本去把性"
    "好应應开開它合还還因由其些然前外天政四日那社义義事平形相全表间間样樣与與关關各重新线線内數"
    "数正心反你明看原又么麼利比或但质質气氣第向道命此变變条條只没沒结結解问問意建月公无無系军軍"
    "很情者最立代想已通并並提直题題党黨程展五果料象员員革位入常文总總次品式活设設及管特件长長求"
    "老头頭基资資边邊流路级級少图圖山统統接知较較将將组組见見计計别別她手角期根论論运運农農指几"
    "幾九区區强強放决決西被干幹做必战戰先回则則任取据據处處队隊南给給色光门門即保治北造百规規热"
    "熱领領七海口东東导導器压壓志世金增争爭济濟阶階油思术術极極交受联聯什认認六共权權收证證改清"
    "己美再采採转轉更单單风風切打白教速花带帶安场場身车車例真务務具万萬每目至达達走积積示议議声"
    "聲报報斗鬥完类類八离離华華名确確才科张張信马馬节節话話米整空元况況今集温传傳土许許步群广廣"
    "石记記需段研界拉林律叫且究观觀越织織装裝影算低持音众眾书書布复復容儿兒须須际際商非验驗连連"
    "断斷深难難近矿礦千周委素技备備半办辦青省列习習响響约約支般史感劳勞便团團往历歷市克何除消构"
    "構府称稱太准準精值号號率族维維划劃选選标標写寫存候毛亲親快效斯院查江型眼王按格养養易置派层"
    "層片始却卻专專状狀育厂廠京识識适適属屬圆圓包火住调調满滿县縣局照参參红紅细細引听聽该該铁鐵"
    "价價严嚴"sv;

constexpr uint32_t kHanFirst = 0x4E00, kHanLast = 0x9FFF;

const std::bitset<kHanLast - kHanFirst + 1>& common_han() {
    static const auto table = [] {
        std::bitset<kHanLast - kHanFirst + 1> bits;
        for (std::size_t i = 0; i < kCommonHan.size();) {
            UChar32 cp;
            U8_NEXT_UNSAFE(kCommonHan.data(), i, cp);
            if (cp >= static_cast<UChar32>(kHanFirst) && cp <= static_cast<UChar32>(kHanLast)) bits.set(cp - kHanFirst);
        }
        return bits;
    }();
    return table;
}

std::size_t count_common_han(std::string_view utf8) {
    const auto& table = common_han();
    std::size_t n = 0;
    for (std::size_t i = 0; i < utf8.size();) {
        UChar32 cp;
        U8_NEXT_UNSAFE(utf8.data(), i, cp);
        if (cp >= static_cast<UChar32>(kHanFirst) && cp <= static_cast<UChar32>(kHanLast) && table.test(cp - kHanFirst))
            ++n;
    }
    return n;
}

// Strict decode with an ICU converter: stops at the first illegal, unmapped or truncated
// sequence and records its byte offset.
std::optional<Failure> icu_decode(std::string_view bytes, const std::string& charset, std::string& out) {
    UErrorCode status = U_ZERO_ERROR;
    ConverterPtr cnv(ucnv_open(charset.c_str(), &status));
    if (U_FAILURE(status)) throw Error("", "ICU converter for " + charset + " unavailable: " + u_errorName(status));
    ucnv_setToUCallBack(cnv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    if (U_FAILURE(status)) throw Error("", std::string("ICU converter setup failed: ") + u_errorName(status));

    std::u16string units(bytes.size() + 16, u'\0');
    std::vector<int32_t> offsets(units.size());  // source offset of each output unit
    const char* const src_begin = bytes.data();
    const char* src = src_begin;
    const char* const src_end = src_begin + bytes.size();
    std::size_t produced = 0;
    for (;;) {
        UChar* target = units.data() + produced;
        int32_t* offs = offsets.data() + produced;
        const std::size_t chunk_base = static_cast<std::size_t>(src - src_begin);
        status = U_ZERO_ERROR;
        ucnv_toUnicode(cnv.get(), &target, units.data() + units.size(), &src, src_end, offs, true, &status);
        const std::size_t now = static_cast<std::size_t>(target - units.data());
        for (std::size_t i = produced; i < now; ++i)
            if (offsets[i] >= 0) offsets[i] += static_cast<int32_t>(chunk_base);
        produced = now;
        if (status == U_BUFFER_OVERFLOW_ERROR) {
            units.resize(units.size() * 2);
            offsets.resize(units.size());
            continue;
        }
        if (U_FAILURE(status)) {
            char bad[32];
            int8_t bad_len = sizeof bad;
            UErrorCode ignored = U_ZERO_ERROR;
            ucnv_getInvalidChars(cnv.get(), bad, &bad_len, &ignored);
            if (U_FAILURE(ignored)) bad_len = 0;
            const std::size_t at = static_cast<std::size_t>(src - src_begin) - bad_len;
            Failure f{at, status == U_TRUNCATED_CHAR_FOUND, {}};
            if (status == U_INVALID_CHAR_FOUND) f.detail = "unmapped character code";
            return f;
        }
        break;
    }
    units.resize(produced);

    // windows-950 (ICU's "Big5") maps the stray single bytes 0x80 and 0xFF to U+0080 and
    // U+F8F8; neither is a Big5 character, and accepting them makes GB text look like Big5.
    if (charset == "Big5") {
        for (std::size_t i = 0; i < units.size(); ++i)
            if ((units[i] >= 0x80 && units[i] <= 0x9F) || units[i] == 0xF8F8) {
                std::size_t j = i;  // units flushed from an earlier call carry offset -1
                while (j > 0 && offsets[j] < 0) --j;
                const std::size_t at = static_cast<std::size_t>(std::max(offsets[j], 0));
                return Failure{at, false,
                               "byte " + hex_byte(static_cast<unsigned char>(bytes[at])) + " is not a Big5 character"};
            }
    }

    out.clear();
    out.reserve(units.size() * 3);
    for (std::size_t i = 0; i < units.size();) {
        UChar32 cp;
        U16_NEXT_UNSAFE(units.data(), i, cp);
        append_utf8(out, static_cast<uint32_t>(cp));
    }
    return std::nullopt;
}

// ICU's confidence (0-100, 0 when not proposed) for GB18030 (reported by ICU as GB18030, or
// GB2312/GBK by older versions) and Big5. Only the Chinese recognizers matter here: UTF-8 has
// already failed, single-byte charsets decode any bytes, and Japanese/Korean ones are not what
// these reports use. (ICU's BOM-less UTF-16 recognizer needs NUL bytes, handled earlier.)
struct Ranking {
    int32_t gb18030 = 0;
    int32_t big5 = 0;
};

Ranking icu_ranking(std::string_view bytes) {
    Ranking r;
    std::string_view sample = bytes.substr(0, kDetectSample);
    if (sample.size() < bytes.size()) {  // end the sample at a line break if there is one
        const std::size_t nl = sample.rfind('\n');
        if (nl != std::string_view::npos && nl > sample.size() / 2) sample = sample.substr(0, nl + 1);
    }
    UErrorCode status = U_ZERO_ERROR;
    DetectorPtr detector(ucsdet_open(&status));
    if (U_FAILURE(status)) return r;
    ucsdet_enableInputFilter(detector.get(), true);  // ignore HTML markup of saved pages
    ucsdet_setText(detector.get(), sample.data(), static_cast<int32_t>(sample.size()), &status);
    int32_t count = 0;
    const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &count, &status);
    for (int32_t i = 0; U_SUCCESS(status) && i < count; ++i) {
        const char* icu_name = ucsdet_getName(matches[i], &status);
        const int32_t confidence = ucsdet_getConfidence(matches[i], &status);
        if (U_FAILURE(status) || icu_name == nullptr) break;
        const std::string_view n = icu_name;
        if (n == "GB18030" || n == "GB2312" || n == "GBK")
            r.gb18030 = std::max(r.gb18030, confidence);
        else if (n == "Big5")
            r.big5 = std::max(r.big5, confidence);
    }
    return r;
}

struct Candidate {
    std::string charset;  // canonical name, also the ICU converter name
    std::optional<Failure> failure;
    std::string text;
};

// Step 5/6. Both strict decodes are cheap; ICU's detector is not (milliseconds for a report),
// so it only runs to rank GB18030 against Big5 when both decode cleanly. Whatever else ICU
// could propose is never accepted, so skipping it when only one decodes changes nothing.
Decoded decode_legacy(std::string_view bytes, const std::string& name, const Failure& utf8) {
    if (bytes.size() > static_cast<std::size_t>(INT32_MAX)) throw Error(name, "file too large for charset detection");
    Candidate gb{"GB18030", std::nullopt, {}};
    Candidate big5{"Big5", std::nullopt, {}};
    gb.failure = icu_decode(bytes, gb.charset, gb.text);
    big5.failure = icu_decode(bytes, big5.charset, big5.text);

    if (!gb.failure && big5.failure) return Decoded{std::move(gb.text), gb.charset, true};
    if (gb.failure && !big5.failure) return Decoded{std::move(big5.text), big5.charset, true};
    if (!gb.failure && !big5.failure) {
        // ICU's ranking decides unless the confidences are close; then the text with more
        // frequent Chinese characters wins (the wrong charset yields rare characters).
        const Ranking r = icu_ranking(bytes);
        bool pick_big5 = r.big5 > r.gb18030;
        if (std::abs(r.big5 - r.gb18030) < kRankMargin) {
            const std::size_t common_gb = count_common_han(gb.text);
            const std::size_t common_big5 = count_common_han(big5.text);
            if (common_gb != common_big5) pick_big5 = common_big5 > common_gb;
        }
        Candidate& best = pick_big5 ? big5 : gb;
        return Decoded{std::move(best.text), best.charset, true};
    }

    // Nothing decodes: report the charset that got furthest; UTF-8 wins ties, then GB18030.
    const Failure* worst = &utf8;
    std::string worst_charset = "UTF-8";
    for (const Candidate* c : {&gb, &big5}) {
        if (c->failure->offset > worst->offset) {
            worst = &*c->failure;
            worst_charset = c->charset;
        }
    }
    std::string reason = "cannot decode: " + describe(*worst, worst_charset);
    reason += worst->truncated ? " (file ends inside a character; tried " : " (tried ";
    throw Error(name, reason + "UTF-8, GB18030, Big5)");
}

}  // namespace

namespace {

// UTF-8 text as decoded: the input itself, taken over when the caller gave it up (`owned`),
// else copied; `skip` is the length of a byte order mark.
Decoded utf8_text(std::string_view bytes, std::size_t skip, std::string* owned) {
    if (!owned) return Decoded{std::string(bytes.substr(skip)), "UTF-8", false};
    owned->erase(0, skip);
    return Decoded{std::move(*owned), "UTF-8", false};
}

Decoded decode_bytes(std::string_view bytes, const std::string& name, std::string* owned) {
    if (bytes.empty()) throw Error(name, "empty file");

    // 2. Byte order marks. UTF-32LE's FF FE 00 00 must be checked before UTF-16LE's FF FE.
    struct Bom {
        std::string_view magic;
        const char* charset;
    };
    static constexpr Bom kBoms[] = {
        {"\x00\x00\xFE\xFF"sv, "UTF-32BE"}, {"\xFF\xFE\x00\x00"sv, "UTF-32LE"}, {"\xEF\xBB\xBF"sv, "UTF-8"},
        {"\xFF\xFE"sv, "UTF-16LE"},         {"\xFE\xFF"sv, "UTF-16BE"},
    };
    for (const auto& bom : kBoms) {
        if (bytes.substr(0, bom.magic.size()) != bom.magic) continue;
        const std::string charset = bom.charset;
        const std::size_t start = bom.magic.size();
        const std::string_view body = bytes.substr(start);
        if (body.empty()) throw Error(name, "empty file (only a " + charset + " byte order mark)");
        if (charset == "UTF-8") {
            check_signature(body, name);
            if (const void* nul = std::memchr(body.data(), 0, body.size()))
                throw_binary(name,
                             "NUL byte at offset " + std::to_string(static_cast<const char*>(nul) - bytes.data()));
            check_controls(body, start, name);
            const Utf8Check check = check_utf8(body);
            if (check.failure) {
                Failure f = *check.failure;
                f.offset += start;
                throw Error(name, "cannot decode: " + describe(f, "UTF-8") + " after a UTF-8 byte order mark");
            }
            return utf8_text(bytes, start, owned);
        }
        Decoded d{{}, charset, false};
        ControlScan scan;
        const bool little = charset.ends_with("LE");
        const std::optional<Failure> f = charset.starts_with("UTF-32")
                                             ? decode_utf32(body, start, little, d.text, scan)
                                             : decode_utf16(body, start, little, d.text, scan);
        if (f) throw Error(name, "cannot decode: " + describe(*f, charset));
        const std::size_t scanned = std::min(body.size(), kSniffWindow);
        if (auto why = scan.verdict(start, scanned)) throw_binary(name, *why);
        return d;
    }

    // 3. Binary data.
    check_signature(bytes, name);
    if (const void* nul = std::memchr(bytes.data(), 0, bytes.size())) {
        if (auto d = try_bomless_utf16(bytes)) return std::move(*d);
        throw_binary(name, "NUL byte at offset " + std::to_string(static_cast<const char*>(nul) - bytes.data()));
    }
    check_controls(bytes, 0, name);

    // 4. Strict UTF-8: the common case, no ICU involved.
    const Utf8Check check = check_utf8(bytes);
    if (!check.failure) return utf8_text(bytes, 0, owned);

    // Plenty of well-formed multi-byte UTF-8 before the first error means a damaged UTF-8
    // file (GB18030/Big5 text almost never forms more than a few valid UTF-8 sequences);
    // guessing a legacy charset would turn it into mojibake.
    const Failure& bad = *check.failure;
    if (check.multibyte >= (bad.truncated ? 2u : 8u)) {
        std::string reason = "cannot decode: " + describe(bad, "UTF-8");
        reason += bad.truncated ? " (file ends inside a character; the text before it is valid "
                                  "UTF-8, so GB18030 and Big5 were not tried)"
                                : " (the text before it is valid UTF-8, so GB18030 and Big5 "
                                  "were not tried)";
        throw Error(name, reason);
    }

    // 5./6. Statistical detection of a legacy charset.
    return decode_legacy(bytes, name, bad);
}

}  // namespace

Decoded decode(std::string_view bytes, const std::string& name) { return decode_bytes(bytes, name, nullptr); }

Decoded decode_taking(std::string&& bytes, const std::string& name) {
    Decoded d = decode_bytes(bytes, name, &bytes);
    std::string().swap(bytes);  // what was not taken over is not needed any more
    return d;
}

Decoded decode_as(std::string_view bytes, const std::string& charset, const std::string& name) {
    if (bytes.empty()) throw Error(name, "empty file");
    Decoded d{{}, charset, false};
    if (charset == "UTF-8") {
        const Utf8Check check = check_utf8(bytes);
        if (check.failure) throw Error(name, "cannot decode as declared: " + describe(*check.failure, charset));
        d.text = std::string(bytes);
        return d;
    }
    if (bytes.size() > static_cast<std::size_t>(INT32_MAX)) throw Error(name, "file too large to decode");
    if (const std::optional<Failure> f = icu_decode(bytes, charset, d.text))
        throw Error(name, "cannot decode as declared: " + describe(*f, charset));
    return d;
}

Decoded decode_replacing(std::string_view bytes, const std::string& charset, std::size_t& replaced) {
    replaced = 0;
    UErrorCode status = U_ZERO_ERROR;
    ConverterPtr cnv(ucnv_open(charset.c_str(), &status));
    if (U_FAILURE(status)) throw Error("", "unknown charset " + charset);
    // ICU's default substitution for a to-Unicode error is U+FFFD, one per illegal sequence.
    std::u16string units(bytes.size() + 16, u'\0');
    UChar* target = units.data();
    const char* src = bytes.data();
    for (;;) {
        status = U_ZERO_ERROR;
        ucnv_toUnicode(cnv.get(), &target, units.data() + units.size(), &src, bytes.data() + bytes.size(), nullptr,
                       true, &status);
        if (status != U_BUFFER_OVERFLOW_ERROR) break;
        const std::size_t done = static_cast<std::size_t>(target - units.data());
        units.resize(units.size() * 2);
        target = units.data() + done;
    }
    if (U_FAILURE(status)) throw Error("", std::string("cannot decode as ") + charset + ": " + u_errorName(status));
    units.resize(static_cast<std::size_t>(target - units.data()));
    Decoded d{{}, charset, false};
    d.text.reserve(units.size() * 3);
    for (std::size_t i = 0; i < units.size();) {
        UChar32 cp;
        U16_NEXT(units.data(), i, units.size(), cp);
        if (cp == 0xFFFD || U_IS_SURROGATE(cp)) {
            ++replaced;
            cp = 0xFFFD;
        }
        append_utf8(d.text, static_cast<uint32_t>(cp));
    }
    return d;
}

std::string encode(std::string_view text, const std::string& charset) {
    const Utf8Check check = check_utf8(text);
    if (check.failure) throw Error("", "cannot encode: " + describe(*check.failure, "UTF-8"));

    std::u16string units;
    units.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        UChar32 cp;
        U8_NEXT_UNSAFE(text.data(), i, cp);
        if (cp <= 0xFFFF) {
            units.push_back(static_cast<char16_t>(cp));
        } else {
            units.push_back(static_cast<char16_t>(U16_LEAD(cp)));
            units.push_back(static_cast<char16_t>(U16_TRAIL(cp)));
        }
    }

    UErrorCode status = U_ZERO_ERROR;
    ConverterPtr cnv(ucnv_open(charset.c_str(), &status));
    if (U_FAILURE(status)) throw Error("", "unknown charset " + charset);
    ucnv_setFromUCallBack(cnv.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    if (U_FAILURE(status)) throw Error("", std::string("ICU converter setup failed: ") + u_errorName(status));

    std::string out(units.size() * 2 + 16, '\0');
    const UChar* src = units.data();
    const UChar* const src_end = units.data() + units.size();
    std::size_t produced = 0;
    for (;;) {
        char* target = out.data() + produced;
        status = U_ZERO_ERROR;
        ucnv_fromUnicode(cnv.get(), &target, out.data() + out.size(), &src, src_end, nullptr, true, &status);
        produced = static_cast<std::size_t>(target - out.data());
        if (status == U_BUFFER_OVERFLOW_ERROR) {
            out.resize(out.size() * 2);
            continue;
        }
        if (U_FAILURE(status)) {
            UChar bad[8];
            int8_t bad_len = 8;
            UErrorCode ignored = U_ZERO_ERROR;
            ucnv_getInvalidUChars(cnv.get(), bad, &bad_len, &ignored);
            if (U_FAILURE(ignored) || bad_len <= 0)
                throw Error("", "text cannot be encoded in " + charset + ": " + u_errorName(status));
            UChar32 cp;
            int32_t i = 0;
            U16_NEXT(bad, i, bad_len, cp);
            throw Error("",
                        "character " + code_point_name(static_cast<uint32_t>(cp)) + " cannot be encoded in " + charset);
        }
        break;
    }
    out.resize(produced);
    return out;
}

}  // namespace gongwen
