// The OFD writer's package read back with libzip, pugixml and FreeType: the embedded font
// subsets draw each character with the very outline of the font it was laid out in, the
// document information states what the document says, and equal input gives equal bytes.
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_OUTLINE_H
#include <gtest/gtest.h>
#include <zip.h>

#include <cmath>
#include <filesystem>
#include <map>
#include <pugixml.hpp>
#include <set>
#include <sstream>
#include <string>

#include "converters/ofd/package.hpp"
#include "gongwen/ofd.hpp"
#include "layout/fonts.hpp"
#include "layout/layout.hpp"
#include "test_util.hpp"

namespace gongwen {
namespace {

// The parts of a package by name.
std::map<std::string, std::string> unzip(const std::string& bytes) {
    std::map<std::string, std::string> parts;
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    zip_t* archive = source ? zip_open_from_source(source, ZIP_RDONLY, &error) : nullptr;
    if (!archive) {
        if (source) zip_source_free(source);
        ADD_FAILURE() << "not a zip: " << zip_error_strerror(&error);
        zip_error_fini(&error);
        return parts;
    }
    for (zip_int64_t i = 0; i < zip_get_num_entries(archive, 0); ++i) {
        zip_stat_t st;
        zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &st);
        std::string data(static_cast<std::size_t>(st.size), '\0');
        zip_file_t* f = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
        EXPECT_EQ(zip_fread(f, data.data(), data.size()), static_cast<zip_int64_t>(data.size()));
        zip_fclose(f);
        parts[st.name] = std::move(data);
    }
    zip_close(archive);
    return parts;
}

pugi::xml_document parse_xml(const std::string& text) {
    pugi::xml_document d;
    EXPECT_TRUE(d.load_string(text.c_str()));
    return d;
}

// A glyph's outline in font units: its contours' ends, points and point tags, as one string.
std::string outline(FT_Face face, unsigned glyph) {
    if (FT_Load_Glyph(face, glyph, FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING) != 0) return "(cannot load)";
    const FT_Outline& o = face->glyph->outline;
    std::string s;
    for (int c = 0; c < o.n_contours; ++c) s += "e" + std::to_string(o.contours[c]);
    for (int p = 0; p < o.n_points; ++p)
        s += " " + std::to_string(o.points[p].x) + "," + std::to_string(o.points[p].y) + ":" +
             std::to_string(o.tags[p] & 3);
    return s;
}

const char* kReport =
    "关于测试字体嵌入的报告\n\n"
    "关键词：法治，政府、报告；字体\n\n"
    "一、总体情况\n\n"
    "（一）工作安排\n\n"
    "这是一个测试段落，含有数字2023、百分比12.5%和English words（括号）。\n";

TEST(OfdWriter, EmbeddedSubsetsDrawEveryCharacterWithTheOutlineItWasLaidOutIn) {
    const Document doc = test::parse(kReport);
    const Fonts fonts;
    const std::map<std::string, std::string> parts = unzip(write_ofd(doc, {}, fonts));
    ASSERT_TRUE(parts.count("Doc_0/PublicRes.xml"));
    // The faces the layout drew with, by PostScript name.
    std::map<std::string, const layout::Face*> faces;
    for (const layout::Page& page : layout::lay_out(doc, fonts.set()).pages)
        for (const layout::TextRun& run : page.runs) {
            const layout::Face& face = fonts.set().face(run.face);
            faces[face.file().postscript_name()] = &face;
        }
    ASSERT_FALSE(faces.empty());

    FT_Library library;
    ASSERT_EQ(FT_Init_FreeType(&library), 0);
    const pugi::xml_document res = parse_xml(parts.at("Doc_0/PublicRes.xml"));
    std::size_t fonts_checked = 0, characters_checked = 0;
    for (const pugi::xml_node font : res.child("ofd:Res").child("ofd:Fonts").children("ofd:Font")) {
        const std::string name = font.attribute("FontName").value();
        ASSERT_TRUE(faces.count(name)) << name << " is no face the layout used";
        const std::string& file = parts.at("Doc_0/Res/" + std::string(font.child_value("ofd:FontFile")));
        FT_Face subset = nullptr, original = nullptr;
        ASSERT_EQ(FT_New_Memory_Face(library, reinterpret_cast<const FT_Byte*>(file.data()),
                                     static_cast<FT_Long>(file.size()), 0, &subset),
                  0)
            << name << ": FreeType cannot open the embedded font";
        ASSERT_EQ(FT_New_Face(library, faces[name]->path().c_str(), faces[name]->index(), &original), 0);
        EXPECT_EQ(subset->units_per_EM, original->units_per_EM);
        FT_UInt glyph = 0;
        for (FT_ULong cp = FT_Get_First_Char(subset, &glyph); glyph != 0; cp = FT_Get_Next_Char(subset, cp, &glyph)) {
            const FT_UInt was = FT_Get_Char_Index(original, cp);
            EXPECT_NE(was, 0u) << name << ": U+" << std::hex << cp << " is not in the original";
            const std::string drawn = outline(subset, glyph);
            EXPECT_NE(drawn, "(cannot load)") << name << ": U+" << std::hex << cp;
            EXPECT_EQ(drawn, outline(original, was)) << name << ": U+" << std::hex << cp;
            if (cp >= 0x4E00 && cp <= 0x9FFF) {
                EXPECT_NE(drawn.find(' '), std::string::npos) << "no points";
            }
            ++characters_checked;
        }
        FT_Done_Face(subset);
        FT_Done_Face(original);
        ++fonts_checked;
    }
    FT_Done_FreeType(library);
    EXPECT_EQ(fonts_checked, faces.size());
    EXPECT_GT(characters_checked, 40u);  // the made-up report's distinct characters, in their faces
}

TEST(OfdWriter, DocumentInformationStatesTheDocumentsKeywordsOneByOne) {
    const Document doc = test::parse(kReport);
    const std::map<std::string, std::string> parts = unzip(write_ofd(doc, {}, Fonts()));
    const pugi::xml_document ofd = parse_xml(parts.at("OFD.xml"));
    const pugi::xml_node info = ofd.child("ofd:OFD").child("ofd:DocBody").child("ofd:DocInfo");
    std::vector<std::string> keywords;
    for (const pugi::xml_node k : info.child("ofd:Keywords").children("ofd:Keyword"))
        keywords.push_back(k.child_value());
    EXPECT_EQ(keywords, (std::vector<std::string>{"法治", "政府", "报告", "字体"}));
    EXPECT_EQ(std::string(info.child_value("ofd:Title")), "关于测试字体嵌入的报告");
    EXPECT_EQ(std::string(info.child_value("ofd:Creator")), "gongwen");
    EXPECT_EQ(std::string(info.child_value("ofd:DocID")).size(), 32u);
}

TEST(OfdWriter, EqualInputGivesEqualBytesAndEveryPartIsListedOnce) {
    const Document doc = test::parse(kReport);
    const Fonts fonts;
    const std::string a = write_ofd(doc, OfdOptions{{}, "<x/>"}, fonts);
    EXPECT_EQ(a, write_ofd(doc, OfdOptions{{}, "<x/>"}, fonts));
    const std::map<std::string, std::string> parts = unzip(a);
    EXPECT_EQ(parts.at("Doc_0/Attachs/test.xml"), "<x/>");
    // Without the XML, no attachment and no list of them.
    const std::map<std::string, std::string> bare = unzip(write_ofd(doc, {}, fonts));
    EXPECT_FALSE(bare.count("Doc_0/Attachs/Attachments.xml"));
    EXPECT_EQ(
        std::string(
            parse_xml(bare.at("Doc_0/Document.xml")).child("ofd:Document").child("ofd:Attachments").child_value()),
        "");
}

// A run whose glyph is not the one the font's cmap gives its character (as a shaping
// substitution makes), and one glyph standing for two characters: the page names those glyphs
// by their ids in the embedded subset (CGTransform), and the text stays the text.
TEST(OfdWriter, GlyphsTheCmapDoesNotGiveAreNamedByCGTransform) {
    const Document doc = test::parse("关于测试的报告\n\n一、总体情况\n\n这是一个测试段落。\n");
    const Fonts fonts;
    layout::Layout laid = layout::lay_out(doc, fonts.set());
    // The body paragraph's run: its first glyph drawn with the glyph of another character, its
    // second and third characters drawn by the third's glyph alone.
    layout::TextRun* run = nullptr;
    for (layout::TextRun& r : laid.pages[0].runs)
        if (r.utf8.rfind("这是一个", 0) == 0) run = &r;
    ASSERT_NE(run, nullptr);
    const layout::Face& face = fonts.set().face(run->face);
    const unsigned other = face.glyph_index(U'段');
    ASSERT_NE(other, 0u);
    ASSERT_NE(other, run->glyphs[0].index);
    run->glyphs[0].index = other;
    run->glyphs.erase(run->glyphs.begin() + 1);  // 是 and 一 drawn by 一's glyph
    run->cluster_bytes[1] = 6;
    run->cluster_bytes.erase(run->cluster_bytes.begin() + 2);
    const std::map<std::string, std::string> parts = unzip(ofd::write(doc, laid, fonts.set(), {}));
    const pugi::xml_document page = parse_xml(parts.at("Doc_0/Pages/Page_0/Content.xml"));
    std::vector<std::string> transforms, texts;
    for (const pugi::xpath_node n : page.select_nodes("//ofd:TextObject[ofd:CGTransform]/*")) {
        const pugi::xml_node e = n.node();
        if (std::string(e.name()) == "ofd:CGTransform")
            transforms.push_back(e.attribute("CodeCount").as_string() + std::string("/") +
                                 e.attribute("GlyphCount").as_string());
        else
            texts.push_back(e.child_value());
    }
    EXPECT_EQ(transforms, (std::vector<std::string>{"1/1", "2/1"}));
    EXPECT_EQ(texts, (std::vector<std::string>{"这", "是一", "个测试段落。"}));
    // The glyph named is the embedded subset's glyph of 段 (its cmap says so).
    const pugi::xml_node first = page.select_node("//ofd:CGTransform").node();
    FT_Library library;
    ASSERT_EQ(FT_Init_FreeType(&library), 0);
    const pugi::xml_document res = parse_xml(parts.at("Doc_0/PublicRes.xml"));
    const std::string font_id = first.parent().attribute("Font").as_string();
    const pugi::xml_node font = res.select_node(("//ofd:Font[@ID='" + font_id + "']").c_str()).node();
    const std::string& file = parts.at("Doc_0/Res/" + std::string(font.child_value("ofd:FontFile")));
    FT_Face subset = nullptr;
    ASSERT_EQ(FT_New_Memory_Face(library, reinterpret_cast<const FT_Byte*>(file.data()),
                                 static_cast<FT_Long>(file.size()), 0, &subset),
              0);
    EXPECT_EQ(std::to_string(FT_Get_Char_Index(subset, U'段')), std::string(first.child_value("ofd:Glyphs")));
    FT_Done_Face(subset);
    FT_Done_FreeType(library);
}

// Numbers of an ST_Array (or an ST_Box) as the page states them.
std::vector<double> numbers(const char* text) {
    std::vector<double> out;
    std::istringstream in(text);
    for (double v; in >> v;) out.push_back(v);
    return out;
}

// A made-up report set in one family's regular face (every role) and its bold face (the title): the two
// fonts are told apart by their names and the Bold flag, and the text drawn in the bold face
// says its weight. Every text object's Boundary is the box of its own glyphs (not the page):
// each glyph's outline lies inside it, and each glyph is drawn where the layout placed it.
TEST(OfdWriter, FacesOfOneFamilyAreToldApartAndTextObjectsAreBoundedByTheirGlyphs) {
    const std::string regular = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc";
    const std::string bold = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc";
    if (!std::filesystem::exists(regular) || !std::filesystem::exists(bold))
        GTEST_SKIP() << "Noto Serif CJK not installed (fonts-noto-cjk)";
    const Document doc = test::parse(kReport);
    std::vector<FontOverride> overrides;
    for (const std::string& role : font_roles()) overrides.push_back({role, role == "title" ? bold : regular, 0});
    const Fonts fonts(overrides);
    const layout::Layout laid = layout::lay_out(doc, fonts.set());
    const std::map<std::string, std::string> parts = unzip(ofd::write(doc, laid, fonts.set(), {}));

    // The fonts: one family, two names; the bold one says so.
    const pugi::xml_document res = parse_xml(parts.at("Doc_0/PublicRes.xml"));
    std::map<std::string, pugi::xml_node> by_id;
    std::set<std::string> families, names;
    for (const pugi::xml_node font : res.child("ofd:Res").child("ofd:Fonts").children("ofd:Font")) {
        by_id[font.attribute("ID").value()] = font;
        families.insert(font.attribute("FamilyName").value());
        names.insert(font.attribute("FontName").value());
    }
    ASSERT_EQ(by_id.size(), 2u);
    EXPECT_EQ(families.size(), 1u);
    EXPECT_EQ(names.size(), 2u);
    std::size_t bold_fonts = 0;
    for (const auto& [id, font] : by_id)
        if (font.attribute("Bold").as_bool()) {
            ++bold_fonts;
            EXPECT_NE(std::string(font.attribute("FontName").value()).find("Bold"), std::string::npos);
        }
    EXPECT_EQ(bold_fonts, 1u);

    FT_Library library;
    ASSERT_EQ(FT_Init_FreeType(&library), 0);
    std::map<std::string, FT_Face> ft;  // by path
    for (const std::string& path : {regular, bold}) ASSERT_EQ(FT_New_Face(library, path.c_str(), 0, &ft[path]), 0);

    const pugi::xml_document page = parse_xml(parts.at("Doc_0/Pages/Page_0/Content.xml"));
    std::vector<const layout::TextRun*> runs;
    for (const layout::TextRun& r : laid.pages[0].runs)
        if (!r.glyphs.empty()) runs.push_back(&r);
    const pugi::xpath_node_set objects = page.select_nodes("//ofd:TextObject");
    ASSERT_EQ(objects.size(), runs.size());
    std::size_t weighted = 0, glyphs_checked = 0;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const pugi::xml_node object = objects[i].node();
        const layout::TextRun& run = *runs[i];
        const layout::Face& face = fonts.set().face(run.face);
        const bool is_bold = by_id.at(object.attribute("Font").value()).attribute("Bold").as_bool();
        EXPECT_EQ(is_bold, face.path() == bold) << run.utf8;
        EXPECT_EQ(object.attribute("Weight").as_int(400), is_bold ? 700 : 400) << run.utf8;
        weighted += is_bold;
        const std::vector<double> box = numbers(object.attribute("Boundary").value());
        ASSERT_EQ(box.size(), 4u);
        EXPECT_LT(box[2], 200) << run.utf8 << ": a text object as wide as the page";
        EXPECT_LT(box[3], 2 * run.size / layout::kPointsPerMm) << run.utf8 << ": taller than two lines of its size";
        // Each glyph where the layout placed it (the TextCodes' positions relative to the
        // Boundary), its outline inside the Boundary.
        std::vector<std::pair<double, double>> drawn;  // in mm on the page
        for (const pugi::xml_node code : object.children("ofd:TextCode")) {
            double x = box[0] + code.attribute("X").as_double();
            const double y = box[1] + code.attribute("Y").as_double();
            drawn.push_back({x, y});
            for (double d : numbers(code.attribute("DeltaX").value())) drawn.push_back({x += d, y});
        }
        ASSERT_EQ(drawn.size(), run.glyphs.size()) << run.utf8;
        FT_Face f = ft.at(face.path());
        const double scale = run.size / layout::kPointsPerMm / f->units_per_EM;  // font units → mm
        for (std::size_t g = 0; g < run.glyphs.size(); ++g) {
            const layout::PlacedGlyph& placed = run.glyphs[g];
            EXPECT_NEAR(drawn[g].first, placed.x / layout::kPointsPerMm, 1e-4) << run.utf8 << " glyph " << g;
            EXPECT_NEAR(drawn[g].second, placed.y / layout::kPointsPerMm, 1e-4) << run.utf8 << " glyph " << g;
            ASSERT_EQ(FT_Load_Glyph(f, placed.index, FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING), 0);
            const FT_Glyph_Metrics& m = f->glyph->metrics;
            const double left = drawn[g].first + m.horiBearingX * scale, right = left + m.width * scale;
            const double top = drawn[g].second - m.horiBearingY * scale, bottom = top + m.height * scale;
            const double x_end = drawn[g].first + m.horiAdvance * scale;
            EXPECT_GE(left, box[0] - 1e-4) << run.utf8 << " glyph " << g;
            EXPECT_LE(std::max(right, x_end), box[0] + box[2] + 1e-4) << run.utf8 << " glyph " << g;
            EXPECT_GE(top, box[1] - 1e-4) << run.utf8 << " glyph " << g;
            EXPECT_LE(bottom, box[1] + box[3] + 1e-4) << run.utf8 << " glyph " << g;
            ++glyphs_checked;
        }
    }
    EXPECT_GT(weighted, 0u);
    EXPECT_LT(weighted, runs.size());
    EXPECT_GT(glyphs_checked, 40u);
    for (auto& [path, f] : ft) FT_Done_Face(f);
    FT_Done_FreeType(library);
}

}  // namespace
}  // namespace gongwen
