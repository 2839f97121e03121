#pragma once

#include <string>
#include <string_view>

namespace gongwen {

// Lowercase hex SHA-256 of `bytes`.
std::string sha256_hex(std::string_view bytes);
// `bytes` as lowercase hex, two digits a byte.
std::string to_hex(std::string_view bytes);

}  // namespace gongwen
