// Internal to converters/ofd: the parts of an OFD package and its zip container.
#pragma once

#include <string>
#include <vector>

namespace gongwen::ofd {

struct Part {
    std::string name;  // its path in the package, without a leading slash
    std::string bytes;
    // Deflated in the zip; a font file is stored as it is: a CFF or TrueType subset deflates by
    // some 20 % only, and zlib spends more time on it than the whole rest of the package.
    bool deflate = true;
};

// The zip of `parts` in their order, deflated or stored as each says, every entry dated 1980-01-01 00:00 (the
// first date a zip can state), so that equal parts give equal bytes. Throws std::runtime_error
// when libzip fails.
std::string zip(const std::vector<Part>& parts);

}  // namespace gongwen::ofd
