// Digests, base64 and dates for the package writer and the verifier.
#include <algorithm>
#include <array>
#include <stdexcept>

#include "converters/eep/eep_internal.hpp"
#include "gongwen/digest.hpp"
#include "gongwen/unicode.hpp"

namespace gongwen::eep {

namespace {

bool real_date(int y, int m, int d) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || m < 1 || m > 12 || d < 1) return false;
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= days[m - 1] + (m == 2 && leap ? 1 : 0);
}

int number(std::string_view s) { return std::stoi(std::string(s)); }

bool two_digits_below(std::string_view s, int limit) { return s.size() == 2 && all_digits(s) && number(s) < limit; }

}  // namespace

std::string normalize_date(std::string_view text) {
    std::string digits;
    if (text.size() == 8 && all_digits(text))
        digits = text;
    else if (text.size() == 10 && text[4] == '-' && text[7] == '-')
        digits = std::string(text.substr(0, 4)) + std::string(text.substr(5, 2)) + std::string(text.substr(8, 2));
    if (digits.size() != 8 || !all_digits(digits)) return {};
    const int y = number(digits.substr(0, 4)), m = number(digits.substr(4, 2)), d = number(digits.substr(6, 2));
    return real_date(y, m, d) ? digits : std::string();
}

// YYYY-MM-DDThh:mm:ss[.fff][Z|±hh:mm], as xs:dateTime writes it (four-digit years only).
bool valid_date_time(std::string_view t) {
    if (t.size() < 19 || t[10] != 'T' || normalize_date(t.substr(0, 10)).empty()) return false;
    if (!two_digits_below(t.substr(11, 2), 24) || t[13] != ':' || !two_digits_below(t.substr(14, 2), 60) ||
        t[16] != ':' || !two_digits_below(t.substr(17, 2), 60))
        return false;
    std::string_view rest = t.substr(19);
    if (!rest.empty() && rest[0] == '.') {
        std::size_t n = 1;
        while (n < rest.size() && rest[n] >= '0' && rest[n] <= '9') ++n;
        if (n == 1) return false;
        rest.remove_prefix(n);
    }
    if (rest.empty() || rest == "Z") return true;
    return rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && two_digits_below(rest.substr(1, 2), 15) &&
           rest[3] == ':' && two_digits_below(rest.substr(4, 2), 60);
}

Digest::Digest(const char* name) : md_(EVP_MD_fetch(nullptr, name, nullptr)), ctx_(EVP_MD_CTX_new()) {
    if (!md_ || !ctx_ || EVP_DigestInit_ex(ctx_.get(), md_.get(), nullptr) != 1)
        throw std::runtime_error(std::string("OpenSSL has no ") + name + " digest");
}

void Digest::update(const void* data, std::size_t size) {
    if (size && EVP_DigestUpdate(ctx_.get(), data, size) != 1) throw std::runtime_error("digest update failed");
}

std::vector<unsigned char> Digest::finish() {
    std::vector<unsigned char> out(EVP_MAX_MD_SIZE);
    unsigned int length = 0;
    if (EVP_DigestFinal_ex(ctx_.get(), out.data(), &length) != 1) throw std::runtime_error("digest final failed");
    out.resize(length);
    return out;
}

std::string to_hex(const std::vector<unsigned char>& bytes) {
    return gongwen::to_hex(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

std::string base64_encode(std::string_view bytes) {
    std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
    const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                  reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size()));
    out.resize(static_cast<std::size_t>(n));
    return out;
}

namespace {

// The value of a base64 character, -1 for whitespace, -2 for '=', -3 for anything else.
int base64_value(unsigned char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') return -1;
    if (c == '=') return -2;
    return -3;
}

}  // namespace

bool Base64Decoder::feed(std::string_view text, std::string& out) {
    for (unsigned char c : text) {
        if (failed_) return false;
        const int v = base64_value(c);
        if (v == -1) continue;
        if (v == -3 || (padding_ > 0 && v != -2)) {
            failed_ = true;
            error_ = v == -3 ? "a character outside the base64 alphabet" : "data after the '=' padding";
            return false;
        }
        if (v == -2) {
            // Padding completes a group of 2 or 3 characters; a third '=' is one too many.
            if (filled_ < 2 || ++padding_ > 2 || filled_ + padding_ > 4) {
                failed_ = true;
                error_ = "misplaced '=' padding";
                return false;
            }
            if (filled_ + padding_ == 4) {
                if (filled_ == 2)
                    out += static_cast<char>((group_ >> 4) & 0xFF);
                else
                    out += static_cast<char>((group_ >> 10) & 0xFF), out += static_cast<char>((group_ >> 2) & 0xFF);
                filled_ = 0;
                group_ = 0;
            }
            continue;
        }
        group_ = (group_ << 6) | static_cast<std::uint32_t>(v);
        if (++filled_ == 4) {
            out += static_cast<char>((group_ >> 16) & 0xFF);
            out += static_cast<char>((group_ >> 8) & 0xFF);
            out += static_cast<char>(group_ & 0xFF);
            filled_ = 0;
            group_ = 0;
        }
    }
    return !failed_;
}

}  // namespace gongwen::eep
