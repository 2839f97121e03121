// The font layer: font files opened once per cache, subsets that draw each kept glyph exactly as
// the original font does (outlines compared point by point with FreeType), CIDs renumbered in
// order for CID-keyed CFF fonts, and clear errors for what is not a font.
#include "layout/font_layer.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <thread>

#include "gongwen/error.hpp"
#include "layout/fonts.hpp"
#include "layout/handles.hpp"

namespace gongwen {
namespace {

namespace fs = std::filesystem;

const std::string kFang = std::string(layout::kFandolDir) + "/FandolFang-Regular.otf";
const std::string kUMing = "/usr/share/fonts/truetype/arphic/uming.ttc";

struct Outline {
    std::vector<FT_Vector> points;
    std::vector<short> contours;
    long advance = 0;
    bool operator==(const Outline& o) const {
        if (points.size() != o.points.size() || contours != o.contours || advance != o.advance) return false;
        for (std::size_t i = 0; i < points.size(); ++i)
            if (points[i].x != o.points[i].x || points[i].y != o.points[i].y) return false;
        return true;
    }
};

class FreeType {
public:
    FreeType() {
        FT_Library l = nullptr;
        EXPECT_EQ(FT_Init_FreeType(&l), 0);
        lib_.reset(l);
    }
    layout::FtFacePtr open(const std::string& path, int index) {
        FT_Face f = nullptr;
        EXPECT_EQ(FT_New_Face(lib_.get(), path.c_str(), index, &f), 0) << path;
        return layout::FtFacePtr(f);
    }
    layout::FtFacePtr open(const std::string& bytes) {
        FT_Face f = nullptr;
        EXPECT_EQ(FT_New_Memory_Face(lib_.get(), reinterpret_cast<const FT_Byte*>(bytes.data()),
                                     static_cast<FT_Long>(bytes.size()), 0, &f),
                  0);
        return layout::FtFacePtr(f);
    }
    static std::optional<Outline> outline(FT_Face face, unsigned glyph) {
        if (FT_Load_Glyph(face, glyph, FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING)) return std::nullopt;
        const FT_Outline& o = face->glyph->outline;
        Outline out;
        out.points.assign(o.points, o.points + o.n_points);
        out.contours.assign(o.contours, o.contours + o.n_contours);
        out.advance = face->glyph->metrics.horiAdvance;
        return out;
    }

private:
    layout::FtLibraryPtr lib_;
};

std::vector<unsigned> glyphs_of(FT_Face face, std::u32string_view text) {
    std::vector<unsigned> glyphs;
    for (char32_t c : text)
        if (const unsigned g = FT_Get_Char_Index(face, c)) glyphs.push_back(g);
    return glyphs;
}

constexpr std::u32string_view kText = U"关于开展安全生产检查的通知，各单位：2024年（一）“试点”。ABC";

// The subset of a CID-keyed CFF face holding the glyphs of `text`: every kept glyph draws at its
// new CID as in the original font.
void expect_cid_subset_draws_as_the_original(const std::string& path, int index, std::u32string_view text) {
    fonts::FontCache cache;
    const auto file = cache.open(path, index);
    ASSERT_EQ(file->outlines(), fonts::Outlines::cff);
    ASSERT_TRUE(file->cid_keyed());
    FreeType ft;
    const layout::FtFacePtr original = ft.open(path, index);
    const std::vector<unsigned> glyphs = glyphs_of(original.get(), text);
    ASSERT_GT(glyphs.size(), 30u);
    const fonts::Subset subset = file->subset(glyphs);
    ASSERT_FALSE(subset.cff.empty());
    // The glyphs are renumbered in their order: .notdef is CID 0, the kept glyphs CIDs 1 … n.
    const std::set<unsigned> sorted(glyphs.begin(), glyphs.end());
    ASSERT_EQ(subset.codes.size(), sorted.size());
    const unsigned n = static_cast<unsigned>(sorted.size());
    std::vector<unsigned> cids = fonts::cff_cids(subset.cff, n + 1);
    for (unsigned i = 0; i <= n; ++i) EXPECT_EQ(cids[i], i);
    unsigned next = 1;
    for (unsigned g : sorted) EXPECT_EQ(subset.code(g), next++) << "glyph " << g;
    // A bare CID-keyed CFF font is addressed by CID (as a PDF reader does with CIDFontType0C).
    const layout::FtFacePtr sub = ft.open(subset.cff);
    ASSERT_TRUE(sub);
    EXPECT_EQ(static_cast<unsigned>(sub->num_glyphs), n + 1);
    for (unsigned g : glyphs) {
        const auto a = FreeType::outline(original.get(), g);
        const auto b = FreeType::outline(sub.get(), subset.code(g));
        ASSERT_TRUE(a && b) << "glyph " << g;
        EXPECT_TRUE(*a == *b) << "glyph " << g << " (CID " << file->cid(g) << ") differs in the subset";
        EXPECT_EQ(file->advance(g), a->advance);
    }
    // No CID beyond the kept glyphs: it loads nothing, or .notdef.
    const auto missing = FreeType::outline(sub.get(), n + 1);
    EXPECT_TRUE(!missing || missing->points.empty() || *missing == *FreeType::outline(sub.get(), 0));
    // Far smaller than the font, which it does not merely copy.
    EXPECT_LT(subset.cff.size() * 10, fs::file_size(path));
}

TEST(FontLayer, CidKeyedCffSubsetDrawsEveryKeptGlyphAsTheOriginalAtItsNewCid) {
    if (!fs::exists(kFang)) GTEST_SKIP() << kFang << " not installed (scripts/bootstrap.sh)";
    expect_cid_subset_draws_as_the_original(kFang, 0, kText);
}

// Noto CJK has 18 Font DICTs (Latin, kana, ideographs, punctuation … each with its own Private
// DICT and subroutines): a subset across them keeps each glyph's Font DICT (the FDSelect, written
// as ranges) and the subroutines its charstring calls, so that it still draws as the original.
TEST(FontLayer, CidKeyedCffSubsetAcrossFontDictsKeepsEachGlyphsPrivateDict) {
    const std::string noto = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc";
    if (!fs::exists(noto)) GTEST_SKIP() << noto << " not installed (fonts-noto-cjk)";
    expect_cid_subset_draws_as_the_original(
        noto, 2, U"关于开展安全生产检查的通知：2024年（一）“试点”。ABCxyz かなカナ한국①→※％＆");
}

// A TrueType face's subset of the glyphs of `text`, opened beside the original with FreeType.
struct TrueTypeSubset {
    FreeType ft;
    std::shared_ptr<const fonts::FontFile> file;
    layout::FtFacePtr original, sub;
    std::vector<unsigned> glyphs;
    fonts::Subset subset;
    TrueTypeSubset(fonts::FontCache& cache, const std::string& path, std::u32string_view text)
        : file(cache.open(path, 0)), original(ft.open(path, 0)), glyphs(glyphs_of(original.get(), text)) {
        EXPECT_EQ(file->outlines(), fonts::Outlines::truetype);
        subset = file->subset(glyphs);
        sub = ft.open(subset.font);
    }
    // Every glyph draws in the subset, at its code there, as in the original font.
    void expect_same_outlines() const {
        for (unsigned g : glyphs) {
            EXPECT_GT(subset.code(g), 0u);
            const auto a = FreeType::outline(original.get(), g);
            const auto b = FreeType::outline(sub.get(), subset.code(g));
            ASSERT_TRUE(a && b) << "glyph " << g;
            EXPECT_TRUE(*a == *b) << "glyph " << g << " differs in the subset";
        }
    }
};

TEST(FontLayer, TrueTypeSubsetRenumbersGlyphsAndKeepsTheirOutlines) {
    if (!fs::exists(kUMing)) GTEST_SKIP() << kUMing << " not installed (scripts/bootstrap.sh)";
    fonts::FontCache cache;
    const TrueTypeSubset t(cache, kUMing, U"爲關於開展與產業發展報告");
    EXPECT_FALSE(t.file->cid_keyed());
    ASSERT_GT(t.glyphs.size(), 8u);
    ASSERT_TRUE(t.sub);
    EXPECT_LE(static_cast<std::size_t>(t.sub->num_glyphs), t.glyphs.size() + 1);  // renumbered densely
    t.expect_same_outlines();
}

// Composite glyphs (DejaVu's accented letters are a base letter and an accent placed on it):
// the subset holds their components too, pointing at the components' new indices, and every
// glyph draws as in the font; hinting instructions are left out (no renderer of archives hints).
TEST(FontLayer, TrueTypeSubsetKeepsTheComponentsOfCompositeGlyphs) {
    const std::string dejavu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    if (!fs::exists(dejavu)) GTEST_SKIP() << dejavu << " not installed (scripts/bootstrap.sh)";
    fonts::FontCache cache;
    const TrueTypeSubset t(cache, dejavu, U"éàöÅç");
    ASSERT_EQ(t.glyphs.size(), 5u);
    ASSERT_TRUE(t.sub);
    EXPECT_GT(static_cast<std::size_t>(t.sub->num_glyphs), t.glyphs.size() + 1);  // the components came along
    EXPECT_LT(t.subset.font.size() * 20, fs::file_size(dejavu));
    t.expect_same_outlines();
    // The outlines and their metrics, no hinting programs (DejaVu has cvt, fpgm and prep).
    const fonts::HbBlobPtr blob(hb_blob_create(t.subset.font.data(), static_cast<unsigned>(t.subset.font.size()),
                                               HB_MEMORY_MODE_READONLY, nullptr, nullptr));
    const fonts::HbFacePtr face(hb_face_create(blob.get(), 0));
    hb_tag_t tags[16];
    unsigned count = 16;
    hb_face_get_table_tags(face.get(), 0, &count, tags);
    std::set<std::string> names;
    for (unsigned i = 0; i < count; ++i) {
        char name[5] = {};
        hb_tag_to_string(tags[i], name);
        names.insert(name);
    }
    EXPECT_EQ(names, (std::set<std::string>{"glyf", "head", "hhea", "hmtx", "loca", "maxp"}));
}

TEST(FontLayer, CacheOpensEachFaceOnceForAllThreads) {
    if (!fs::exists(kFang)) GTEST_SKIP() << kFang << " not installed (scripts/bootstrap.sh)";
    fonts::FontCache cache;
    std::vector<std::shared_ptr<const fonts::FontFile>> got(4);
    std::vector<std::string> subsets(4);
    {
        std::vector<std::jthread> threads;
        for (std::size_t i = 0; i < got.size(); ++i)
            threads.emplace_back([&, i] {
                got[i] = cache.open(kFang, 0);
                subsets[i] = got[i]->subset({100, 200, 300}).cff;
            });
    }
    for (std::size_t i = 1; i < got.size(); ++i) {
        EXPECT_EQ(got[i].get(), got[0].get());
        EXPECT_EQ(subsets[i], subsets[0]) << "a subset depends on the glyphs alone";
    }
}

TEST(FontLayer, WhatIsNotAFontIsAClearError) {
    const fs::path path = fs::temp_directory_path() / ("gongwen-not-a-font-" + std::to_string(::getpid()) + ".otf");
    std::ofstream(path) << "this is not a font";
    fonts::FontCache cache;
    EXPECT_THROW(cache.open(path.string(), 0), Error);
    EXPECT_THROW(cache.open((fs::temp_directory_path() / "gongwen-no-such-font.otf").string(), 0), Error);
    fs::remove(path);
    // A CFF table cut short is reported, not read past its end.
    EXPECT_THROW(fonts::cff_cids(std::string("\x01\x00\x04\x04\x00\x01\x01", 7), 10), std::runtime_error);
}

}  // namespace
}  // namespace gongwen
