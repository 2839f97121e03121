// The fonts of the fixed-layout writers (PDF, OFD): one face per font file, a chain of faces per GB/T 9704 role
// (the role's own font, then fallbacks for characters it lacks), loaded once per process and
// shared by every report, from any thread.
#pragma once

#include <array>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "gongwen/fonts.hpp"
#include "layout/font_layer.hpp"
#include "layout/handles.hpp"

namespace gongwen::layout {

enum class Role { body, title, heading1, heading2, heading3, heading4, table, page_number };
inline constexpr std::size_t kRoleCount = 8;
const char* role_name(Role role);

// Where bootstrap.sh installs the Fandol fonts.
inline constexpr const char* kFandolDir = "/usr/local/share/fonts/gongwen";

// A glyph found for a character: which face of the set, its index there and its advance in em.
struct Glyph {
    int face = -1;  // -1: no face of the chain has the character
    unsigned index = 0;
    double advance = 0;
    bool found() const { return face >= 0; }
};

// One font file (or one face of a collection). Our own FreeType face answers the layout's
// character and advance lookups under a mutex; the font layer's file of the same face (shared
// through the font set's cache) gives the PDF its subsets, CIDs and widths.
class Face {
public:
    Face(FT_Library library, fonts::FontCache& cache, std::string path, int index);
    const std::string& path() const { return path_; }
    int index() const { return index_; }
    const std::string& family() const { return family_; }
    unsigned glyph_index(char32_t cp) const;  // 0 when the face lacks `cp`
    double advance(unsigned glyph) const;     // in em
    double ink_top(unsigned glyph) const;     // top of the glyph's outline above the baseline, in em
    // The box of the glyph's outline, in em from its origin: left and right of it, top above and
    // bottom below the baseline (negative when the outline ends above it). All 0 when the glyph
    // cannot be loaded or draws nothing.
    struct Ink {
        double left = 0, right = 0, top = 0, bottom = 0;
    };
    Ink ink(unsigned glyph) const;
    double ascent() const { return ascent_; }  // top of the em box above the baseline, in em
    // The font's ascender above and descender below the baseline, in em (FreeType's, from
    // hhea or OS/2), at least the em box's: the extent a line of its glyphs takes.
    double line_ascent() const { return line_ascent_; }
    double line_descent() const { return line_descent_; }
    // The face's style from OS/2 (usWeightClass, fsSelection), else FreeType's style flags:
    // its weight (100–900, 400 regular, 700 bold), bold and italic.
    int weight() const { return weight_; }
    bool bold() const { return bold_; }
    bool italic() const { return italic_; }
    // The font layer's file of this face: its subsets, CIDs and widths for the PDF.
    const fonts::FontFile& file() const { return *file_; }

private:
    std::string path_;
    int index_;
    std::string family_;
    double ascent_ = 0.88;
    double line_ascent_ = 0.88, line_descent_ = 0.12;
    int weight_ = 400;
    bool bold_ = false, italic_ = false;
    FtFacePtr ft_;
    std::shared_ptr<const fonts::FontFile> file_;
    mutable std::mutex mutex_;
};

class FontSet {
public:
    // `cache`: the font files to share with other font sets (a new cache when null).
    explicit FontSet(const std::vector<FontOverride>& overrides, std::shared_ptr<fonts::FontCache> cache = nullptr);
    // The first face of `role`'s chain that has `cp`.
    Glyph resolve(char32_t cp, Role role) const;
    const Face& face(int i) const { return *faces_[static_cast<std::size_t>(i)]; }
    const Face& primary(Role role) const { return face(chains_[static_cast<std::size_t>(role)].front()); }
    // What had to be substituted while loading (a default font not installed), for diagnostics.
    const std::vector<std::string>& substitutions() const { return substitutions_; }

private:
    int add_face(const std::string& path, int index);
    FtLibraryPtr library_;
    std::shared_ptr<fonts::FontCache> files_;
    std::vector<std::unique_ptr<Face>> faces_;
    std::array<std::vector<int>, kRoleCount> chains_;
    std::vector<std::string> substitutions_;
    mutable std::shared_mutex cache_mutex_;
    mutable std::unordered_map<std::uint32_t, Glyph> cache_;
};

}  // namespace gongwen::layout
