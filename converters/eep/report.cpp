// The verification report for people and for scripts.
#include <cstdio>

#include "gongwen/eep.hpp"
#include "gongwen/unicode.hpp"

namespace gongwen {

namespace {

const char* status_word(CheckStatus s) {
    return s == CheckStatus::pass ? "ok  " : s == CheckStatus::fail ? "FAIL" : "skip";
}
const char* status_name(CheckStatus s) {
    return s == CheckStatus::pass ? "pass" : s == CheckStatus::fail ? "fail" : "skip";
}

const char* const kAspects[] = {"真实性", "完整性", "可用性", "安全性"};

// Values quoted from a package go to a terminal: line breaks and C1 controls (U+0080–U+009F,
// which some terminals obey) are replaced; XML itself already excludes the C0 ones.
std::string printable(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == '\n' || c == '\r' || c == '\t')
            out += ' ';
        else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xA0)
            out += '?', ++i;
        else
            out += static_cast<char>(c);
    }
    return out;
}

std::size_t failures(const VerifyReport& r) {
    std::size_t n = 0;
    for (const CheckResult& c : r.checks) n += c.status == CheckStatus::fail ? 1 : 0;
    return n;
}

}  // namespace

std::string format_verify_text(const VerifyReport& report) {
    std::string out = "package: " + printable(report.package) + "\n";
    for (const char* aspect : kAspects) {
        std::string lines;
        for (const CheckResult& c : report.checks)
            if (c.aspect == aspect)
                lines += "  " + std::string(status_word(c.status)) + "  " + printable(c.item) + ": " +
                         printable(c.detail) + "\n";
        if (!lines.empty()) out += std::string(aspect) + "\n" + lines;
    }
    const std::size_t failed = failures(report);
    if (report.passed()) return out + "result: passed (" + std::to_string(report.checks.size()) + " checks)\n";
    out += "result: FAILED, " + std::to_string(failed) + " of " + std::to_string(report.checks.size()) + " checks:\n";
    for (const CheckResult& c : report.checks)
        if (c.status == CheckStatus::fail)
            out += "  " + c.aspect + " " + printable(c.item) + ": " + printable(c.detail) + "\n";
    return out;
}

std::string format_verify_json(const VerifyReport& report) {
    std::string checks, failed;
    for (const CheckResult& c : report.checks) {
        checks += std::string(checks.empty() ? "" : ",\n    ") + "{\"aspect\": " + json_quote(c.aspect) +
                  ", \"item\": " + json_quote(c.item) + ", \"status\": \"" + status_name(c.status) +
                  "\", \"detail\": " + json_quote(c.detail) + "}";
        if (c.status == CheckStatus::fail)
            failed += std::string(failed.empty() ? "" : ", ") + json_quote(c.aspect + " " + c.item);
    }
    return "{\"package\": " + json_quote(report.package) + ", \"passed\": " + (report.passed() ? "true" : "false") +
           ", \"failed\": [" + failed + "],\n  \"checks\": [\n    " + checks + "\n  ]}\n";
}

}  // namespace gongwen
