// Internal to converters/ofd: the package written from a layout, its parts and its zip container.
#pragma once

#include <string>
#include <vector>

#include "gongwen/ofd.hpp"
#include "layout/layout.hpp"

namespace gongwen::ofd {

// The package of `doc` laid out as `layout` with `fonts` (write_ofd lays it out first).
std::string write(const Document& doc, const layout::Layout& layout, const layout::FontSet& fonts,
                  const OfdOptions& options, const Budget& budget = {});

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
