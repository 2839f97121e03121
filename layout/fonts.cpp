#include "layout/fonts.hpp"

#include FT_TRUETYPE_TABLES_H
#include FT_ADVANCES_H

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <stdexcept>

#include "gongwen/error.hpp"
#include "gongwen/unicode.hpp"

namespace gongwen::layout {

namespace {

constexpr std::array<const char*, kRoleCount> kRoleNames{"body",     "title",    "heading1", "heading2",
                                                         "heading3", "heading4", "table",    "page_number"};

struct FaceSource {
    std::string path;
    int index = 0;
};

// The GB/T 9704 font of each role: 仿宋 body, 小标宋 title, 黑体 and 楷体 headings, 宋体 page
// numbers. Fandol is looked for where bootstrap.sh puts it, then through fontconfig.
struct RoleDefault {
    const char* fandol_file;  // nullptr: not a Fandol font
    const char* family;
    const char* style;
};
constexpr std::array<RoleDefault, kRoleCount> kDefaults{{
    {"FandolFang-Regular.otf", "FandolFang", "Regular"},
    {"FandolSong-Bold.otf", "FandolSong", "Bold"},
    {"FandolHei-Regular.otf", "FandolHei", "Regular"},
    {"FandolKai-Regular.otf", "FandolKai", "Regular"},
    {"FandolFang-Regular.otf", "FandolFang", "Regular"},
    {"FandolFang-Regular.otf", "FandolFang", "Regular"},
    {"FandolFang-Regular.otf", "FandolFang", "Regular"},
    // Page numbers are half-width Arabic digits between dashes. Fandol's digits are one Latin
    // Modern Roman design in all its fonts (FandolFang's a little heavier than FandolSong's), so
    // the body font draws them at no cost: a Song face of their own (Noto Serif CJK) added about
    // 6 ms of font subsetting to every report for five glyphs.
    {"FandolFang-Regular.otf", "Noto Serif CJK SC", "Regular"},
}};

// Fallbacks for characters the role's font lacks (Fandol has no ~955 of Big5's characters):
// the faces closest in style come first.
constexpr const char* kMing = "AR PL UMing TW";
constexpr const char* kKai = "AR PL UKai TW";
constexpr const char* kSerif = "Noto Serif CJK SC";
constexpr const char* kSans = "Noto Sans CJK SC";

struct Fallback {
    const char* family;
    const char* style;
};

std::array<Fallback, 4> fallback_families(Role role) {
    constexpr const char* r = "Regular";
    if (role == Role::title) return {{{kSerif, "Bold"}, {kMing, r}, {kSans, "Bold"}, {kKai, r}}};
    if (role == Role::page_number) return {{{kSerif, r}, {kMing, r}, {kSans, r}, {kKai, r}}};
    if (role == Role::heading1) return {{{kSans, r}, {kMing, r}, {kSerif, r}, {kKai, r}}};
    if (role == Role::heading2) return {{{kKai, r}, {kMing, r}, {kSerif, r}, {kSans, r}}};
    return {{{kMing, r}, {kSerif, r}, {kKai, r}, {kSans, r}}};
}

// fontconfig's best match for a family, only when it really is that family (fontconfig
// always answers with something).
std::optional<FaceSource> find_family(const char* family, const char* style) {
    FcPatternPtr pattern(FcPatternCreate());
    FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>(family));
    FcPatternAddString(pattern.get(), FC_STYLE, reinterpret_cast<const FcChar8*>(style));
    FcConfigSubstitute(nullptr, pattern.get(), FcMatchPattern);
    FcDefaultSubstitute(pattern.get());
    FcResult result = FcResultNoMatch;
    FcPatternPtr match(FcFontMatch(nullptr, pattern.get(), &result));
    if (!match) return std::nullopt;
    bool same_family = false;
    FcChar8* name = nullptr;
    for (int i = 0; FcPatternGetString(match.get(), FC_FAMILY, i, &name) == FcResultMatch; ++i)
        same_family = same_family || FcStrCmpIgnoreCase(name, reinterpret_cast<const FcChar8*>(family)) == 0;
    FcChar8* file = nullptr;
    int index = 0;
    if (!same_family || FcPatternGetString(match.get(), FC_FILE, 0, &file) != FcResultMatch) return std::nullopt;
    FcPatternGetInteger(match.get(), FC_INDEX, 0, &index);
    return FaceSource{reinterpret_cast<const char*>(file), index};
}

std::optional<FaceSource> default_source(Role role) {
    const RoleDefault& d = kDefaults[static_cast<std::size_t>(role)];
    if (d.fandol_file) {
        const std::string path = std::string(kFandolDir) + "/" + d.fandol_file;
        std::error_code ec;
        if (std::filesystem::is_regular_file(path, ec)) return FaceSource{path, 0};
    }
    return find_family(d.family, d.style);
}

// Top of the ideographic em box above the baseline, from the OS/2 typographic metrics that
// CJK fonts set to the em box (880/-120 in Fandol and Noto).
double em_box_ascent(FT_Face face) {
    const auto* os2 = static_cast<const TT_OS2*>(FT_Get_Sfnt_Table(face, FT_SFNT_OS2));
    if (os2 && os2->sTypoAscender - os2->sTypoDescender > 0)
        return static_cast<double>(os2->sTypoAscender) / (os2->sTypoAscender - os2->sTypoDescender);
    if (face->ascender - face->descender > 0)
        return static_cast<double>(face->ascender) / (face->ascender - face->descender);
    return 0.88;
}

struct FaceStyle {
    int weight = 400;
    bool bold = false, italic = false;
};

// A face's style: OS/2 usWeightClass (rounded to a hundred, 100–900) and fsSelection (bit 5
// bold, bit 0 italic, bit 9 oblique) where the font has the table, else FreeType's style
// flags (from the style name).
FaceStyle face_style(FT_Face face) {
    FaceStyle s;
    const auto* os2 = static_cast<const TT_OS2*>(FT_Get_Sfnt_Table(face, FT_SFNT_OS2));
    if (os2 && os2->version != 0xFFFFu) {
        if (os2->usWeightClass >= 1 && os2->usWeightClass <= 1000)
            s.weight = std::clamp((static_cast<int>(os2->usWeightClass) + 50) / 100 * 100, 100, 900);
        s.bold = (os2->fsSelection & (1u << 5)) != 0 || s.weight >= 600;
        s.italic = (os2->fsSelection & ((1u << 0) | (1u << 9))) != 0;
        if (s.bold && s.weight < 600) s.weight = 700;
        return s;
    }
    s.bold = (face->style_flags & FT_STYLE_FLAG_BOLD) != 0;
    s.italic = (face->style_flags & FT_STYLE_FLAG_ITALIC) != 0;
    s.weight = s.bold ? 700 : 400;
    return s;
}

}  // namespace

const char* role_name(Role role) { return kRoleNames[static_cast<std::size_t>(role)]; }

Face::Face(FT_Library library, fonts::FontCache& cache, std::string path, int index)
    : path_(std::move(path)), index_(index) {
    FT_Face face = nullptr;
    const FT_Error error = FT_New_Face(library, path_.c_str(), index_, &face);
    if (error) throw Error(path_, "cannot open font (FreeType error " + std::to_string(error) + ")");
    ft_.reset(face);
    if (!FT_IS_SCALABLE(face)) throw Error(path_, "not a scalable font");
    family_ = face->family_name ? face->family_name : path_;
    ascent_ = em_box_ascent(face);
    line_ascent_ = ascent_;
    line_descent_ = 1 - ascent_;
    if (face->units_per_EM > 0) {
        line_ascent_ = std::max(line_ascent_, static_cast<double>(face->ascender) / face->units_per_EM);
        line_descent_ = std::max(line_descent_, -static_cast<double>(face->descender) / face->units_per_EM);
    }
    const FaceStyle style = face_style(face);
    weight_ = style.weight;
    bold_ = style.bold;
    italic_ = style.italic;
    file_ = cache.open(path_, index_);
}

unsigned Face::glyph_index(char32_t cp) const {
    std::lock_guard lock(mutex_);
    return FT_Get_Char_Index(ft_.get(), cp);
}

double Face::advance(unsigned glyph) const {
    std::lock_guard lock(mutex_);
    FT_Fixed units = 0;
    if (FT_Get_Advance(ft_.get(), glyph, FT_LOAD_NO_SCALE, &units)) return 0;
    return static_cast<double>(units) / ft_->units_per_EM;
}

double Face::ink_top(unsigned glyph) const {
    std::lock_guard lock(mutex_);
    if (FT_Load_Glyph(ft_.get(), glyph, FT_LOAD_NO_SCALE)) return 0;
    return static_cast<double>(ft_->glyph->metrics.horiBearingY) / ft_->units_per_EM;
}

Face::Ink Face::ink(unsigned glyph) const {
    std::lock_guard lock(mutex_);
    if (FT_Load_Glyph(ft_.get(), glyph, FT_LOAD_NO_SCALE) || ft_->units_per_EM == 0) return {};
    const FT_Glyph_Metrics& m = ft_->glyph->metrics;
    const double em = ft_->units_per_EM;
    return {static_cast<double>(m.horiBearingX) / em, static_cast<double>(m.horiBearingX + m.width) / em,
            static_cast<double>(m.horiBearingY) / em, static_cast<double>(m.height - m.horiBearingY) / em};
}

int FontSet::add_face(const std::string& path, int index) {
    for (std::size_t i = 0; i < faces_.size(); ++i)
        if (faces_[i]->path() == path && faces_[i]->index() == index) return static_cast<int>(i);
    faces_.push_back(std::make_unique<Face>(library_.get(), *files_, path, index));
    return static_cast<int>(faces_.size() - 1);
}

FontSet::FontSet(const std::vector<FontOverride>& overrides, std::shared_ptr<fonts::FontCache> cache)
    : files_(cache ? std::move(cache) : std::make_shared<fonts::FontCache>()) {
    FT_Library library = nullptr;
    if (FT_Init_FreeType(&library)) throw std::runtime_error("FreeType cannot start");
    library_.reset(library);
    std::array<std::optional<FaceSource>, kRoleCount> chosen;
    std::vector<FaceSource> user_fallbacks;
    for (const FontOverride& o : overrides) {
        if (o.role == "fallback") user_fallbacks.push_back({o.path, o.index});
        for (std::size_t r = 0; r < kRoleCount; ++r)
            if (o.role == kRoleNames[r]) chosen[r] = FaceSource{o.path, o.index};
    }
    // Roles set in the body's font by default (仿宋 headings 1. and （1）, tables, page-number
    // digits) follow a body font the user chose, unless chosen themselves.
    const auto body = static_cast<std::size_t>(Role::body);
    for (Role r : {Role::heading3, Role::heading4, Role::table, Role::page_number})
        if (!chosen[static_cast<std::size_t>(r)]) chosen[static_cast<std::size_t>(r)] = chosen[body];
    std::map<std::pair<std::string, std::string>, std::optional<FaceSource>> families;  // asked once each
    const auto found = [&](const char* family, const char* style) -> const std::optional<FaceSource>& {
        const auto key = std::make_pair(std::string(family), std::string(style));
        const auto it = families.find(key);
        return it != families.end() ? it->second : families.emplace(key, find_family(family, style)).first->second;
    };
    for (std::size_t r = 0; r < kRoleCount; ++r) {
        const Role role = static_cast<Role>(r);
        std::vector<int>& chain = chains_[r];
        const std::optional<FaceSource> own = chosen[r] ? chosen[r] : default_source(role);
        if (own) chain.push_back(add_face(own->path, own->index));
        for (const FaceSource& f : user_fallbacks) chain.push_back(add_face(f.path, f.index));
        for (const Fallback& fb : fallback_families(role))
            if (const std::optional<FaceSource>& f = found(fb.family, fb.style))
                chain.push_back(add_face(f->path, f->index));
        if (chain.empty())
            throw Error("", std::string("no font found for the ") + kRoleNames[r] +
                                " role; run scripts/bootstrap.sh or give --font");
        if (!own)
            substitutions_.push_back(std::string(kDefaults[r].family) +
                                     " is not installed (scripts/bootstrap.sh installs it); the " + kRoleNames[r] +
                                     " role uses " + face(chain.front()).family());
    }
}

Glyph FontSet::resolve(char32_t cp, Role role) const {
    const std::uint32_t key = (static_cast<std::uint32_t>(role) << 24) | static_cast<std::uint32_t>(cp);
    {
        std::shared_lock lock(cache_mutex_);
        if (auto it = cache_.find(key); it != cache_.end()) return it->second;
    }
    Glyph g;
    for (int i : chains_[static_cast<std::size_t>(role)]) {
        if (const unsigned index = face(i).glyph_index(cp)) {
            g = Glyph{i, index, face(i).advance(index)};
            break;
        }
    }
    std::unique_lock lock(cache_mutex_);
    cache_.emplace(key, g);
    return g;
}

}  // namespace gongwen::layout

namespace gongwen {

const std::vector<std::string>& font_roles() {
    static const std::vector<std::string> roles{"body",     "title", "heading1",    "heading2", "heading3",
                                                "heading4", "table", "page_number", "fallback"};
    return roles;
}

FontOverride parse_font_override(std::string_view spec) {
    const std::size_t eq = spec.find('=');
    if (eq == std::string_view::npos) throw std::invalid_argument("font '" + std::string(spec) + "' is not ROLE=PATH");
    FontOverride o{std::string(trim_ascii(spec.substr(0, eq))), std::string(trim_ascii(spec.substr(eq + 1))), 0};
    const auto& roles = font_roles();
    if (std::find(roles.begin(), roles.end(), o.role) == roles.end()) {
        std::string names;
        for (const std::string& r : roles) names += (names.empty() ? "" : ", ") + r;
        throw std::invalid_argument("unknown font role '" + o.role + "' (" + names + ")");
    }
    const std::size_t colon = o.path.rfind(':');
    if (colon != std::string::npos && colon > 0 && all_digits(std::string_view(o.path).substr(colon + 1))) {
        o.index = std::stoi(o.path.substr(colon + 1));
        o.path.erase(colon);
    }
    if (o.path.empty()) throw std::invalid_argument("font role '" + o.role + "' has no file");
    return o;
}

std::vector<FontOverride> read_font_config(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw Error(path, "cannot read font configuration");
    std::vector<FontOverride> fonts;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        const std::string_view l = trim_ascii(line);
        if (l.empty() || l.front() == '#') continue;
        try {
            FontOverride font = parse_font_override(l);
            // A relative font path means the font beside the configuration file.
            if (std::filesystem::path(font.path).is_relative())
                font.path = (std::filesystem::path(path).parent_path() / font.path).string();
            fonts.push_back(std::move(font));
        } catch (const std::invalid_argument& e) {
            throw Error(path, "line " + std::to_string(number) + ": " + e.what());
        }
    }
    return fonts;
}

Fonts::Fonts(const std::vector<FontOverride>& fonts) : set_(std::make_shared<const layout::FontSet>(fonts)) {}

}  // namespace gongwen
