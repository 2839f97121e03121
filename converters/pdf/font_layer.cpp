#include "converters/pdf/font_layer.hpp"

#include <hb-ot.h>

#include <stdexcept>

#include "gongwen/error.hpp"

namespace gongwen::fonts {

namespace {

constexpr hb_tag_t kCff = HB_TAG('C', 'F', 'F', ' ');
constexpr hb_tag_t kGlyf = HB_TAG('g', 'l', 'y', 'f');
constexpr hb_tag_t kHead = HB_TAG('h', 'e', 'a', 'd');

std::string table_bytes(hb_face_t* face, hb_tag_t tag) {
    const HbBlobPtr blob(hb_face_reference_table(face, tag));
    unsigned length = 0;
    const char* data = hb_blob_get_data(blob.get(), &length);
    return length ? std::string(data, length) : std::string();
}

unsigned be16(std::string_view b, std::size_t at) {
    if (at + 2 > b.size()) throw std::runtime_error("CFF table truncated");
    return (static_cast<unsigned char>(b[at]) << 8) | static_cast<unsigned char>(b[at + 1]);
}

int s16(std::string_view b, std::size_t at) { return static_cast<std::int16_t>(be16(b, at)); }

// The entries of the CFF INDEX at `at`, and where the INDEX ends.
std::pair<std::vector<std::string_view>, std::size_t> cff_index(std::string_view cff, std::size_t at) {
    const unsigned count = be16(cff, at);
    if (count == 0) return {{}, at + 2};
    if (at + 3 > cff.size()) throw std::runtime_error("CFF table truncated");
    const unsigned size = static_cast<unsigned char>(cff[at + 2]);
    if (size < 1 || size > 4) throw std::runtime_error("CFF INDEX has a bad offset size");
    const std::size_t offsets = at + 3, data = offsets + (static_cast<std::size_t>(count) + 1) * size - 1;
    const auto offset = [&](unsigned i) {
        std::size_t v = 0;
        for (unsigned k = 0; k < size; ++k) {
            const std::size_t p = offsets + static_cast<std::size_t>(i) * size + k;
            if (p >= cff.size()) throw std::runtime_error("CFF table truncated");
            v = (v << 8) | static_cast<unsigned char>(cff[p]);
        }
        return v;
    };
    std::vector<std::string_view> entries;
    for (unsigned i = 0; i < count; ++i) {
        const std::size_t b = data + offset(i), e = data + offset(i + 1);
        if (e < b || e > cff.size()) throw std::runtime_error("CFF INDEX offsets out of range");
        entries.push_back(cff.substr(b, e - b));
    }
    return {entries, data + offset(count)};
}

// The integer operands of each operator of a CFF DICT (reals read as 0: none we need is real).
std::map<unsigned, std::vector<long>> cff_dict(std::string_view d) {
    std::map<unsigned, std::vector<long>> ops;
    std::vector<long> stack;
    for (std::size_t i = 0; i < d.size();) {
        const unsigned v = static_cast<unsigned char>(d[i]);
        const auto byte = [&](std::size_t k) -> unsigned {
            if (i + k >= d.size()) throw std::runtime_error("CFF DICT truncated");
            return static_cast<unsigned char>(d[i + k]);
        };
        if (v <= 21) {
            unsigned op = v;
            if (v == 12) op = 1200 + byte(1), ++i;
            ++i;
            ops[op] = std::move(stack);
            stack.clear();
        } else if (v == 28) {
            stack.push_back(static_cast<std::int16_t>((byte(1) << 8) | byte(2))), i += 3;
        } else if (v == 29) {
            stack.push_back(static_cast<std::int32_t>((byte(1) << 24) | (byte(2) << 16) | (byte(3) << 8) | byte(4)));
            i += 5;
        } else if (v == 30) {
            ++i;
            while (i < d.size()) {
                const unsigned nibbles = static_cast<unsigned char>(d[i++]);
                if ((nibbles & 0xF) == 0xF || (nibbles >> 4) == 0xF) break;
            }
            stack.push_back(0);
        } else if (v >= 32 && v <= 246) {
            stack.push_back(static_cast<long>(v) - 139), ++i;
        } else if (v >= 247 && v <= 250) {
            stack.push_back((static_cast<long>(v) - 247) * 256 + byte(1) + 108), i += 2;
        } else if (v >= 251 && v <= 254) {
            stack.push_back(-(static_cast<long>(v) - 251) * 256 - byte(1) - 108), i += 2;
        } else {
            throw std::runtime_error("CFF DICT has a reserved byte");
        }
    }
    return ops;
}

}  // namespace

std::vector<unsigned> cff_cids(std::string_view cff, unsigned glyph_count) {
    if (cff.size() < 4) throw std::runtime_error("CFF table truncated");
    const auto names = cff_index(cff, static_cast<unsigned char>(cff[2]));
    const auto tops = cff_index(cff, names.second);
    if (tops.first.empty()) throw std::runtime_error("CFF table has no Top DICT");
    const auto top = cff_dict(tops.first.front());
    const auto ros = top.find(1230), charset = top.find(15);
    if (ros == top.end()) return {};  // name-keyed
    std::vector<unsigned> cids(glyph_count, 0);
    if (charset == top.end() || charset->second.empty() || charset->second.front() <= 2) {
        for (unsigned g = 0; g < glyph_count; ++g) cids[g] = g;  // the predefined charsets: CID = GID
        return cids;
    }
    std::size_t at = static_cast<std::size_t>(charset->second.front());
    if (at >= cff.size()) throw std::runtime_error("CFF charset out of range");
    const unsigned format = static_cast<unsigned char>(cff[at++]);
    for (unsigned g = 1; g < glyph_count;) {
        if (format == 0) {
            cids[g++] = be16(cff, at), at += 2;
        } else if (format == 1 || format == 2) {
            const unsigned first = be16(cff, at);
            const unsigned left =
                format == 1 ? (at + 2 < cff.size() ? static_cast<unsigned char>(cff[at + 2]) : 0) : be16(cff, at + 2);
            if (format == 1 && at + 2 >= cff.size()) throw std::runtime_error("CFF charset truncated");
            at += format == 1 ? 3 : 4;
            for (unsigned k = 0; k <= left && g < glyph_count; ++k) cids[g++] = first + k;
        } else {
            throw std::runtime_error("CFF charset has unknown format " + std::to_string(format));
        }
    }
    return cids;
}

FontFile::FontFile(std::string path, int index) : path_(std::move(path)), index_(index) {
    blob_.reset(hb_blob_create_from_file_or_fail(path_.c_str()));
    if (!blob_) throw Error(path_, "cannot read font");
    face_.reset(hb_face_create(blob_.get(), static_cast<unsigned>(index_)));
    glyph_count_ = hb_face_get_glyph_count(face_.get());
    if (glyph_count_ == 0) throw Error(path_, "not a font HarfBuzz can read (face " + std::to_string(index_) + ")");
    upem_ = hb_face_get_upem(face_.get());
    const std::string cff = table_bytes(face_.get(), kCff);
    if (!cff.empty()) {
        outlines_ = Outlines::cff;
        try {
            cids_ = cff_cids(cff, glyph_count_);
        } catch (const std::runtime_error& e) {
            throw Error(path_, e.what());
        }
    } else if (!table_bytes(face_.get(), kGlyf).empty()) {
        outlines_ = Outlines::truetype;
    } else {
        throw Error(path_, "font has neither CFF nor TrueType outlines (CFF2 and bitmap fonts are not supported)");
    }
    font_.reset(hb_font_create(face_.get()));
    hb_font_make_immutable(font_.get());
    char name[128];
    unsigned length = sizeof name;
    hb_ot_name_get_utf8(face_.get(), HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &length, name);
    for (unsigned i = 0; i < length; ++i) {
        const char c = name[i];
        if (c > 32 && c < 127 && std::string_view("()<>[]{}/%#").find(c) == std::string_view::npos)
            postscript_name_ += c;
    }
    if (postscript_name_.empty()) postscript_name_ = "Font";
    hb_position_t v = 0;
    if (hb_ot_metrics_get_position(font_.get(), HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &v)) metrics_.ascent = v;
    if (hb_ot_metrics_get_position(font_.get(), HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &v)) metrics_.descent = v;
    if (hb_ot_metrics_get_position(font_.get(), HB_OT_METRICS_TAG_CAP_HEIGHT, &v)) metrics_.cap_height = v;
    const std::string head = table_bytes(face_.get(), kHead);
    if (head.size() >= 44) {
        metrics_.x_min = s16(head, 36), metrics_.y_min = s16(head, 38);
        metrics_.x_max = s16(head, 40), metrics_.y_max = s16(head, 42);
    }
}

int FontFile::advance(unsigned glyph) const { return hb_font_get_glyph_h_advance(font_.get(), glyph); }

unsigned FontFile::cid(unsigned glyph) const { return cids_.empty() ? glyph : glyph < cids_.size() ? cids_[glyph] : 0; }

Subset FontFile::subset(const std::vector<unsigned>& glyphs) const {
    using InputPtr = std::unique_ptr<hb_subset_input_t, HbReleaser<hb_subset_input_destroy>>;
    const InputPtr input(hb_subset_input_create_or_fail());
    if (!input) throw std::runtime_error("HarfBuzz cannot allocate a subset input");
    hb_set_t* keep = hb_subset_input_glyph_set(input.get());
    for (unsigned g : glyphs) hb_set_add(keep, g);
    // Only the outlines a PDF or OFD reader draws: CFF fonts are embedded as their 'CFF ' table
    // alone, TrueType fonts with the tables a TrueType rasterizer needs. Every table kept is
    // subset, and the others (cmap, shaping, names) cost CPU for nothing.
    hb_set_t* drop = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (const char* tag : {"GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "vhea", "vmtx", "VORG", "DSIG", "kern",
                            "cmap", "name", "post", "OS/2", "gasp", "hdmx", "LTSH", "VDMX", "meta", "STAT"})
        hb_set_add(drop, hb_tag_from_string(tag, 4));
    if (outlines_ == Outlines::cff)
        for (const char* tag : {"hmtx", "hhea"}) hb_set_add(drop, hb_tag_from_string(tag, 4));
    unsigned flags = HB_SUBSET_FLAGS_DEFAULT;
    if (outlines_ == Outlines::truetype) flags |= HB_SUBSET_FLAGS_NO_HINTING;  // no renderer of archives hints
    hb_subset_input_set_flags(input.get(), flags);
    using PlanPtr = std::unique_ptr<hb_subset_plan_t, HbReleaser<hb_subset_plan_destroy>>;
    const PlanPtr plan(hb_subset_plan_create_or_fail(face_.get(), input.get()));
    if (!plan) throw std::runtime_error("HarfBuzz cannot plan a subset of " + path_);
    const HbFacePtr out(hb_subset_plan_execute_or_fail(plan.get()));
    if (!out) throw std::runtime_error("HarfBuzz cannot subset " + path_);
    Subset s;
    s.outlines = outlines_;
    const hb_map_t* old_to_new = hb_subset_plan_old_to_new_glyph_mapping(plan.get());
    for (unsigned g : glyphs) {
        const hb_codepoint_t mapped = hb_map_get(old_to_new, g);
        if (mapped == HB_MAP_VALUE_INVALID) throw std::runtime_error("HarfBuzz's subset of " + path_ + " lost a glyph");
        s.codes.emplace(g, cid_keyed() ? cid(g) : mapped);
    }
    if (outlines_ == Outlines::cff) {
        s.cff = table_bytes(out.get(), kCff);
        if (s.cff.empty()) throw std::runtime_error("HarfBuzz's subset of " + path_ + " has no CFF table");
    } else {
        const HbBlobPtr blob(hb_face_reference_blob(out.get()));
        unsigned length = 0;
        const char* data = hb_blob_get_data(blob.get(), &length);
        s.font.assign(data, length);
        if (s.font.empty()) throw std::runtime_error("HarfBuzz's subset of " + path_ + " is empty");
    }
    return s;
}

std::shared_ptr<const FontFile> FontCache::open(const std::string& path, int index) {
    std::lock_guard lock(mutex_);
    std::shared_ptr<const FontFile>& file = files_[{path, index}];
    if (!file) file = std::make_shared<const FontFile>(path, index);
    return file;
}

}  // namespace gongwen::fonts
