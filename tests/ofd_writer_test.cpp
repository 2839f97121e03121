// The OFD writer's package read back with libzip, pugixml and FreeType: the embedded font
// subsets draw each character with the very outline of the font it was laid out in, the
// document information states what the document says, and equal input gives equal bytes.
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_OUTLINE_H
#include <gtest/gtest.h>
#include <zip.h>

#include <map>
#include <pugixml.hpp>
#include <set>
#include <string>

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

}  // namespace
}  // namespace gongwen
