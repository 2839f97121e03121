// The fonts of the fixed-layout writers (PDF, OFD): GB/T 9704's faces found on the system or
// chosen by the user per role, opened once and shared by every document written with them.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace gongwen {

// A font chosen by the user for one role: body, title, heading1 … heading4, table,
// page_number, or fallback (tried before the built-in fallbacks for every role). heading3,
// heading4, table and page_number follow the body's font unless chosen themselves.
struct FontOverride {
    std::string role;
    std::string path;
    int index = 0;  // face index inside a .ttc collection
    friend bool operator==(const FontOverride&, const FontOverride&) = default;
};

// The roles --font accepts, in the order --help lists them.
const std::vector<std::string>& font_roles();

// Parses "ROLE=PATH" or "ROLE=PATH:INDEX" (INDEX picks a face of a .ttc). Throws
// std::invalid_argument with a message for the user on an unknown role or an empty path.
FontOverride parse_font_override(std::string_view spec);

// Reads a font configuration file: one "ROLE = PATH[:INDEX]" per line, '#' starts a comment,
// relative paths are relative to the file's folder. Throws gongwen::Error naming the file and line.
std::vector<FontOverride> read_font_config(const std::string& path);

namespace layout {
class FontSet;
}

// The fonts pages are set in, opened once (the given fonts, else the GB/T 9704 faces found on
// the system) and shared by every PDF or OFD written with them, from any thread. Throws
// gongwen::Error when a chosen font cannot be opened, or no font is found for a role.
class Fonts {
public:
    explicit Fonts(const std::vector<FontOverride>& fonts = {});
    const layout::FontSet& set() const { return *set_; }

private:
    std::shared_ptr<const layout::FontSet> set_;
};

}  // namespace gongwen
