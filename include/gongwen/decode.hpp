// Turning input bytes into UTF-8 text: BOM, then strict UTF-8, then ICU charset detection.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace gongwen {

struct Decoded {
    std::string text;      // UTF-8, BOM removed, line endings untouched
    std::string charset;   // canonical: UTF-8, UTF-16LE/BE, UTF-32LE/BE, GB18030, Big5
    bool guessed = false;  // true when chosen by statistical detection (GB18030, Big5, or
                           // UTF-16 without a BOM)
};

// Decodes `bytes` read from `name`. Throws gongwen::Error naming `name` and, for undecodable
// input, the byte offset: empty input, binary data (NUL bytes, control characters), truncated
// or invalid multi-byte sequences in every candidate charset.
// Order: BOM (UTF-8, UTF-32LE/BE, UTF-16LE/BE; strict) > binary check > strict UTF-8 >
// GB18030 / Big5 (strict ICU decoding; ICU's detector ranks them when both decode) > error.
// Single-byte Latin charsets are never guessed. Line endings and characters are kept as is.
Decoded decode(std::string_view bytes, const std::string& name);
// The same for bytes the caller gives up: UTF-8 input becomes the decoded text without a copy,
// and `bytes` is left empty. (Not an overload of decode: a string literal would fit both.)
Decoded decode_taking(std::string&& bytes, const std::string& name);

// Decodes `bytes` in a charset the file itself declares (an HTML <meta charset>), not one that
// was detected: `charset` is an ICU converter name (UTF-8, GB18030, Big5, windows-1252, …).
// A byte order mark is not expected (callers check for one first). Strict: throws
// gongwen::Error naming `name` and the byte offset of the first invalid or truncated sequence.
Decoded decode_as(std::string_view bytes, const std::string& charset, const std::string& name);

// The same, but every invalid or truncated sequence becomes U+FFFD, as browsers show it;
// `replaced` counts them. For a page whose declared charset is known but whose bytes are
// damaged in a few places, and that nothing decodes strictly.
Decoded decode_replacing(std::string_view bytes, const std::string& charset, std::size_t& replaced);

// Encodes UTF-8 `text` into `charset` (any ICU converter name). Throws gongwen::Error when a
// character cannot be represented. Used by tests and tools that produce legacy encodings.
std::string encode(std::string_view text, const std::string& charset);

}  // namespace gongwen
