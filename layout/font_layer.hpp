// The font layer: font files opened once per process through an explicit cache, their glyph
// metrics, and per document a subset holding only the glyphs used (HarfBuzz's hb-subset, glyph
// ids kept). It knows nothing of PDF objects, so another container (OFD) can embed the same
// subsets. Every FontFile is immutable once made, or prepares itself once under std::call_once:
// any thread may use it.
#pragma once

#include <hb-subset.h>
#include <hb.h>

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace gongwen::fonts {

enum class Outlines { cff, truetype };

struct CidCff;  // a CID-keyed CFF table's parts, parsed once for its subsets

template <auto Release>
struct HbReleaser {
    template <class T>
    void operator()(T* p) const {
        if (p) Release(p);
    }
};
using HbBlobPtr = std::unique_ptr<hb_blob_t, HbReleaser<hb_blob_destroy>>;
using HbFacePtr = std::unique_ptr<hb_face_t, HbReleaser<hb_face_destroy>>;
using HbFontPtr = std::unique_ptr<hb_font_t, HbReleaser<hb_font_destroy>>;

// Font-wide metrics in font units, for a font descriptor.
struct FaceMetrics {
    int ascent = 0, descent = 0, cap_height = 0;
    int x_min = 0, y_min = 0, x_max = 0, y_max = 0;
};

// A subset of one font for one document, and what each original glyph became in it.
struct Subset {
    Outlines outlines = Outlines::truetype;
    std::string font;  // TrueType outlines: the whole subset font file (sfnt)
    std::string cff;   // CFF outlines: the subset's 'CFF ' table alone
    // Original glyph id → its code in the subset: the subset's glyph id, which is also its CID
    // in a CID-keyed CFF subset of ours (HarfBuzz's, the fallback, keeps the original CIDs).
    std::unordered_map<unsigned, unsigned> codes;
    unsigned code(unsigned glyph) const {
        const auto it = codes.find(glyph);
        return it == codes.end() ? 0 : it->second;
    }
};

// A TrueType font's subset for a PDF's FontFile2: `glyphs`, .notdef and the components of
// composite glyphs, in the font's order, with their outlines (no hinting instructions) and
// metrics: glyf, loca, head, hhea, hmtx, maxp. `mapped` gets each glyph's index in the subset.
// std::nullopt when the font's tables are not as the format says (truetype_subset.cpp).
std::optional<std::string> subset_truetype(hb_face_t* face, const std::vector<unsigned>& glyphs,
                                           std::map<unsigned, unsigned>& mapped);

// One font file, or one face of a collection.
class FontFile {
public:
    // Throws gongwen::Error when the file cannot be read as a font.
    FontFile(std::string path, int index);
    ~FontFile();
    const std::string& path() const { return path_; }
    int index() const { return index_; }
    Outlines outlines() const { return outlines_; }
    unsigned units_per_em() const { return upem_; }
    unsigned glyph_count() const { return glyph_count_; }
    const std::string& postscript_name() const { return postscript_name_; }
    const FaceMetrics& metrics() const { return metrics_; }
    // Advance width of `glyph`, in font units.
    int advance(unsigned glyph) const;
    // The CID of `glyph`: from the charset of a CID-keyed CFF font, else the glyph id itself.
    unsigned cid(unsigned glyph) const;
    bool cid_keyed() const { return !cids_.empty(); }
    // A font holding .notdef and `glyphs` (ids of this font), renumbered densely: keeping the
    // original ids would leave an empty slot per unused glyph (~40 KB per CJK font).
    // Throws std::runtime_error when HarfBuzz cannot subset the font.
    Subset subset(const std::vector<unsigned>& glyphs) const;
    // A whole OpenType font (sfnt) holding .notdef and `glyphs`, renumbered densely, whose cmap
    // maps each code point of `unicodes` to its glyph here: what a container that addresses text
    // by characters (OFD) embeds. `font` holds the file, `codes` the glyphs' ids in it, and
    // `outlines` says which outlines it has. Shaping tables are left out.
    // Throws std::runtime_error when HarfBuzz cannot subset the font.
    Subset opentype_subset(const std::vector<unsigned>& glyphs, const std::vector<char32_t>& unicodes) const;

private:
    // The parsed CFF table of a CID-keyed CFF font, parsed once; null for other fonts.
    const CidCff* cid_cff() const;
    // HarfBuzz's subset of `glyphs` with the tables `drop_tags` left out (and, when given, the
    // characters `unicodes` in its cmap): the subset face, and each glyph's index in it.
    HbFacePtr hb_subset(const std::vector<unsigned>& glyphs, const std::vector<const char*>& drop_tags,
                        const std::vector<char32_t>& unicodes, std::map<unsigned, unsigned>& mapped) const;
    std::string path_;
    int index_;
    HbBlobPtr blob_;
    HbFacePtr face_;
    HbFontPtr font_;
    Outlines outlines_ = Outlines::truetype;
    unsigned upem_ = 1000;
    unsigned glyph_count_ = 0;
    std::string postscript_name_;
    FaceMetrics metrics_;
    std::vector<unsigned> cids_;  // glyph → CID for CID-keyed CFF; empty otherwise
    // CID-keyed CFF fonts (Fandol, Noto CJK) are subset here, copying the charstrings as they
    // are; HarfBuzz re-encodes every charstring it keeps (~40 µs a CJK glyph).
    mutable std::once_flag cid_cff_once_;
    mutable HbBlobPtr cff_table_;
    mutable std::unique_ptr<const CidCff> cid_cff_;
    mutable std::string cid_cff_error_;
    // No hb_subset_preprocess: measured with HarfBuzz 6.0 on FandolFang, it makes a subset of
    // ~800 glyphs 12× faster but holds ~130 MB per CJK font (~480 MB for Noto Serif CJK).
};

// The font files of a process, each opened once however many roles, writers and threads use it.
class FontCache {
public:
    std::shared_ptr<const FontFile> open(const std::string& path, int index);

private:
    std::mutex mutex_;
    std::map<std::pair<std::string, int>, std::shared_ptr<const FontFile>> files_;
};

// The glyph → CID map of a CFF table's charset (empty for a name-keyed CFF font, whose glyph
// ids serve as CIDs). Throws std::runtime_error when the table is malformed.
std::vector<unsigned> cff_cids(std::string_view cff, unsigned glyph_count);

}  // namespace gongwen::fonts
