#include "layout/font_layer.hpp"

#include <hb-ot.h>

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <stdexcept>

#include "gongwen/error.hpp"

namespace gongwen::fonts {

namespace {

constexpr hb_tag_t kCff = HB_TAG('C', 'F', 'F', ' ');
constexpr hb_tag_t kGlyf = HB_TAG('g', 'l', 'y', 'f');
constexpr hb_tag_t kHead = HB_TAG('h', 'e', 'a', 'd');

// A table's bytes where the font file is mapped: only the pages read are loaded.
std::string_view table_view(const HbBlobPtr& table) {
    unsigned length = 0;
    const char* data = hb_blob_get_data(table.get(), &length);
    return length ? std::string_view(data, length) : std::string_view();
}

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

// A CFF DICT's operators in order, each with its operands and its bytes.
struct DictEntry {
    unsigned op;
    std::vector<long> operands;
    std::string_view raw;
};

std::vector<DictEntry> cff_entries(std::string_view d) {
    std::vector<DictEntry> entries;
    std::size_t start = 0;
    for (std::size_t i = 0; i < d.size();) {
        const unsigned v = static_cast<unsigned char>(d[i]);
        if (v <= 21) {
            const std::size_t end = i + (v == 12 ? 2 : 1);
            if (end > d.size()) throw std::runtime_error("CFF DICT truncated");
            const std::string_view raw = d.substr(start, end - start);
            const unsigned op = v == 12 ? 1200 + static_cast<unsigned char>(d[i + 1]) : v;
            entries.push_back({op, cff_dict(raw)[op], raw});
            start = i = end;
        } else if (v == 28) {
            i += 3;
        } else if (v == 29) {
            i += 5;
        } else if (v == 30) {
            ++i;
            while (i < d.size()) {
                const unsigned nibbles = static_cast<unsigned char>(d[i++]);
                if ((nibbles & 0xF) == 0xF || (nibbles >> 4) == 0xF) break;
            }
        } else if (v >= 32 && v <= 246) {
            ++i;
        } else if (v >= 247 && v <= 254) {
            i += 2;
        } else {
            throw std::runtime_error("CFF DICT has a reserved byte");
        }
    }
    return entries;
}

unsigned subr_bias(std::size_t count) { return count < 1240 ? 107 : count < 33900 ? 1131 : 32768; }

// Marks the subroutines a Type 2 charstring calls, following each call (the stem hints a
// subroutine declares decide how many bytes later hint masks take).
class SubrClosure {
public:
    SubrClosure(const std::vector<std::string_view>& global, std::vector<bool>& global_used)
        : global_(global), global_used_(global_used) {}
    // Scans a glyph's charstring with its Font DICT's local subroutines.
    void glyph(std::string_view cs, const std::vector<std::string_view>* local, std::vector<bool>* local_used) {
        local_ = local, local_used_ = local_used, stems_ = 0, stack_.clear();
        scan(cs, 0);
    }

private:
    // false when the glyph ended (endchar) inside.
    bool scan(std::string_view cs, int depth) {
        if (depth > 10) throw std::runtime_error("CFF charstring nests subroutines too deeply");
        for (std::size_t i = 0; i < cs.size();) {
            const unsigned b = static_cast<unsigned char>(cs[i]);
            const auto byte = [&](std::size_t k) -> long {
                if (i + k >= cs.size()) throw std::runtime_error("CFF charstring truncated");
                return static_cast<unsigned char>(cs[i + k]);
            };
            if (b >= 32 && b <= 246) {
                stack_.push_back(static_cast<long>(b) - 139), i += 1;
            } else if (b >= 247 && b <= 250) {
                stack_.push_back((static_cast<long>(b) - 247) * 256 + byte(1) + 108), i += 2;
            } else if (b >= 251 && b <= 254) {
                stack_.push_back(-(static_cast<long>(b) - 251) * 256 - byte(1) - 108), i += 2;
            } else if (b == 28) {
                stack_.push_back(static_cast<std::int16_t>((byte(1) << 8) | byte(2))), i += 3;
            } else if (b == 255) {
                stack_.push_back(
                    static_cast<std::int32_t>((byte(1) << 24) | (byte(2) << 16) | (byte(3) << 8) | byte(4)) >> 16);
                i += 5;
            } else if (b == 1 || b == 3 || b == 18 || b == 23) {  // hstem vstem hstemhm vstemhm
                stems_ += stack_.size() / 2, stack_.clear(), i += 1;
            } else if (b == 19 || b == 20) {  // hintmask cntrmask: an implicit vstem first
                stems_ += stack_.size() / 2, stack_.clear();
                i += 1 + (stems_ + 7) / 8;
            } else if (b == 10 || b == 29) {  // callsubr callgsubr
                if (stack_.empty()) throw std::runtime_error("CFF charstring calls a subroutine without its number");
                const bool global = b == 29;
                const std::vector<std::string_view>* subrs = global ? &global_ : local_;
                if (!subrs) throw std::runtime_error("CFF charstring calls a local subroutine its font lacks");
                const long index = stack_.back() + static_cast<long>(subr_bias(subrs->size()));
                stack_.pop_back();
                if (index < 0 || static_cast<std::size_t>(index) >= subrs->size())
                    throw std::runtime_error("CFF charstring calls a subroutine out of range");
                (global ? global_used_ : *local_used_)[static_cast<std::size_t>(index)] = true;
                if (!scan((*subrs)[static_cast<std::size_t>(index)], depth + 1)) return false;
                i += 1;
            } else if (b == 11) {  // return
                return true;
            } else if (b == 14) {  // endchar
                return false;
            } else if (b == 12) {
                stack_.clear(), i += 2;
            } else {
                stack_.clear(), i += 1;
            }
        }
        return true;
    }

    const std::vector<std::string_view>& global_;
    std::vector<bool>& global_used_;
    const std::vector<std::string_view>* local_ = nullptr;
    std::vector<bool>* local_used_ = nullptr;
    std::size_t stems_ = 0;
    std::vector<long> stack_;
};

void put_be(std::string& out, std::uint32_t v, int bytes) {
    for (int k = bytes - 1; k >= 0; --k) out += static_cast<char>((v >> (8 * k)) & 0xFF);
}

// The smallest offset size of an INDEX of `entries`.
int offset_size(const std::vector<std::string_view>& entries) {
    std::size_t last = 1;
    for (std::string_view e : entries) last += e.size();
    return last < 0x100 ? 1 : last < 0x10000 ? 2 : last < 0x1000000 ? 3 : 4;
}

// An INDEX of `entries`.
// Appends the INDEX of `entries` to `out` (written in place: a charstrings INDEX is most of a
// subset's bytes).
void append_index(std::string& out, const std::vector<std::string_view>& entries) {
    put_be(out, static_cast<std::uint32_t>(entries.size()), 2);
    if (entries.empty()) return;
    const int size = offset_size(entries);
    out += static_cast<char>(size);
    std::uint32_t offset = 1;
    put_be(out, offset, size);
    for (std::string_view e : entries) put_be(out, offset += static_cast<std::uint32_t>(e.size()), size);
    for (std::string_view e : entries) out += e;
}

std::size_t index_size(const std::vector<std::string_view>& entries) {
    std::size_t n = 2;
    if (entries.empty()) return n;
    n += 1 + static_cast<std::size_t>(offset_size(entries)) * (entries.size() + 1);
    for (std::string_view e : entries) n += e.size();
    return n;
}

// An operator with one or two operands as 5-byte integers, so that its size is known before
// the offsets it holds.
std::string int_op(unsigned op, std::initializer_list<std::uint32_t> operands) {
    std::string out;
    for (std::uint32_t v : operands) out += '\x1d', put_be(out, v, 4);
    if (op >= 1200)
        out += '\x0c', out += static_cast<char>(op - 1200);
    else
        out += static_cast<char>(op);
    return out;
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

struct CidCff {
    std::string_view header, names, strings;
    std::vector<DictEntry> top;
    std::vector<std::string_view> global_subrs, charstrings;
    std::vector<unsigned> fd_of;  // glyph → Font DICT
    struct Fd {
        std::vector<DictEntry> font, priv;
        std::vector<std::string_view> subrs;
    };
    std::vector<Fd> fds;
};

// The parts of a CID-keyed CFF table a subset copies; std::nullopt for a name-keyed one.
static std::optional<CidCff> parse_cid_cff(std::string_view cff) {
    if (cff.size() < 4) throw std::runtime_error("CFF table truncated");
    CidCff c;
    const std::size_t header = static_cast<unsigned char>(cff[2]);
    c.header = cff.substr(0, 4);
    const auto names = cff_index(cff, header);
    c.names = cff.substr(header, names.second - header);
    const auto tops = cff_index(cff, names.second);
    if (tops.first.size() != 1) throw std::runtime_error("CFF table holds more than one font");
    const auto strings = cff_index(cff, tops.second);
    c.strings = cff.substr(tops.second, strings.second - tops.second);
    c.global_subrs = cff_index(cff, strings.second).first;
    c.top = cff_entries(tops.first.front());
    const auto operand = [&](const std::vector<DictEntry>& d, unsigned op, std::size_t k) -> std::optional<long> {
        for (const DictEntry& e : d)
            if (e.op == op && e.operands.size() > k) return e.operands[k];
        return std::nullopt;
    };
    const auto at = [&](std::optional<long> v) {
        if (!v || *v < 0 || static_cast<std::size_t>(*v) >= cff.size())
            throw std::runtime_error("CFF offset out of range");
        return static_cast<std::size_t>(*v);
    };
    if (!operand(c.top, 1230, 0) || !operand(c.top, 1236, 0) || !operand(c.top, 1237, 0)) return std::nullopt;
    c.charstrings = cff_index(cff, at(operand(c.top, 17, 0))).first;
    const std::size_t n = c.charstrings.size();
    for (std::string_view font : cff_index(cff, at(operand(c.top, 1236, 0))).first) {
        CidCff::Fd fd;
        fd.font = cff_entries(font);
        const auto size = operand(fd.font, 18, 0), offset = operand(fd.font, 18, 1);
        if (size && offset) {
            const std::size_t p = at(offset);
            if (*size < 0 || p + static_cast<std::size_t>(*size) > cff.size())
                throw std::runtime_error("CFF Private DICT out of range");
            fd.priv = cff_entries(cff.substr(p, static_cast<std::size_t>(*size)));
            if (const auto subrs = operand(fd.priv, 19, 0))
                fd.subrs = cff_index(cff, at(static_cast<long>(p) + *subrs)).first;
        }
        c.fds.push_back(std::move(fd));
    }
    std::size_t p = at(operand(c.top, 1237, 0));
    const unsigned format = static_cast<unsigned char>(cff[p++]);
    c.fd_of.assign(n, 0);
    if (format == 0) {
        if (p + n > cff.size()) throw std::runtime_error("CFF FDSelect truncated");
        for (std::size_t g = 0; g < n; ++g) c.fd_of[g] = static_cast<unsigned char>(cff[p + g]);
    } else if (format == 3) {
        const unsigned ranges = be16(cff, p);
        p += 2;
        for (unsigned r = 0; r < ranges; ++r, p += 3) {
            const unsigned first = be16(cff, p), next = be16(cff, p + 3);
            if (p + 2 >= cff.size()) throw std::runtime_error("CFF FDSelect truncated");
            const unsigned fd = static_cast<unsigned char>(cff[p + 2]);
            for (unsigned g = first; g < next && g < n; ++g) c.fd_of[g] = fd;
        }
    } else {
        throw std::runtime_error("CFF FDSelect has unknown format " + std::to_string(format));
    }
    for (unsigned fd : c.fd_of)
        if (fd >= c.fds.size()) throw std::runtime_error("CFF FDSelect names a Font DICT that does not exist");
    return c;
}

// A CID-keyed CFF font holding `glyphs` (sorted, .notdef first) in that order: their
// charstrings copied as they are, the subroutines they call kept (the others become a bare
// return, so that every subroutine keeps its number). The glyphs are renumbered: the i-th has
// CID i, so that the charset is one range, a PDF's codes run without gaps (its ToUnicode map and
// widths then list runs), and the FDSelect is written as ranges when that is shorter.
static std::string subset_cid_cff(const CidCff& c, const std::vector<unsigned>& glyphs) {
    std::vector<bool> global_used(c.global_subrs.size());
    std::vector<std::vector<bool>> local_used;
    for (const CidCff::Fd& fd : c.fds) local_used.emplace_back(fd.subrs.size());
    SubrClosure closure(c.global_subrs, global_used);
    std::vector<std::string_view> charstrings;
    for (unsigned g : glyphs) {
        if (g >= c.charstrings.size()) throw std::runtime_error("glyph " + std::to_string(g) + " is not in the font");
        const unsigned fd = c.fd_of[g];
        // A font without subroutines (the Fandol fonts have none) has no calls to follow: its
        // charstrings are copied unread (reading them was 6 % of a fixture's PDF).
        if (!c.global_subrs.empty() || !c.fds[fd].subrs.empty())
            closure.glyph(c.charstrings[g], &c.fds[fd].subrs, &local_used[fd]);
        charstrings.push_back(c.charstrings[g]);
    }
    static constexpr std::string_view kReturn = "\x0b";
    const auto kept = [](const std::vector<std::string_view>& subrs, const std::vector<bool>& used) {
        std::vector<std::string_view> out(subrs.size(), kReturn);
        for (std::size_t i = 0; i < subrs.size(); ++i)
            if (used[i]) out[i] = subrs[i];
        return out;
    };
    const std::vector<std::string_view> gsubrs = kept(c.global_subrs, global_used);
    std::string charset(1, '\0');  // format 0 with no entry: .notdef alone
    if (glyphs.size() > 1) {       // format 2, one range: CIDs 1 … n − 1
        charset = '\x02';
        put_be(charset, 1, 2);
        put_be(charset, static_cast<std::uint32_t>(glyphs.size() - 2), 2);
    }
    std::string fdselect(1, '\0');  // format 0: the Font DICT of each glyph
    for (unsigned g : glyphs) fdselect += static_cast<char>(c.fd_of[g]);
    std::string ranges;  // format 3: the first glyph of each run of one Font DICT
    std::uint32_t runs = 0;
    for (std::size_t i = 0; i < glyphs.size(); ++i)
        if (i == 0 || c.fd_of[glyphs[i]] != c.fd_of[glyphs[i - 1]]) {
            put_be(ranges, static_cast<std::uint32_t>(i), 2);
            ranges += static_cast<char>(c.fd_of[glyphs[i]]);
            ++runs;
        }
    if (5 + ranges.size() < fdselect.size()) {
        fdselect = '\x03';
        put_be(fdselect, runs, 2);
        fdselect += ranges;
        put_be(fdselect, static_cast<std::uint32_t>(glyphs.size()), 2);  // the sentinel
    }

    // Sizes first: every offset is a 5-byte integer, so none depends on another's value.
    std::string top_rest;
    for (const DictEntry& e : c.top)
        if (e.op != 15 && e.op != 17 && e.op != 1236 && e.op != 1237 && e.op != 18) top_rest += e.raw;
    const auto top_dict = [&](std::size_t charset_at, std::size_t charstrings_at, std::size_t fdarray_at,
                              std::size_t fdselect_at) {
        return top_rest + int_op(15, {static_cast<std::uint32_t>(charset_at)}) +
               int_op(17, {static_cast<std::uint32_t>(charstrings_at)}) +
               int_op(1236, {static_cast<std::uint32_t>(fdarray_at)}) +
               int_op(1237, {static_cast<std::uint32_t>(fdselect_at)});
    };
    const std::string top_probe = top_dict(0, 0, 0, 0);  // offsets are fixed-size: the size of the real one
    const std::size_t top_index = index_size({top_probe});
    const std::size_t charset_at = c.header.size() + c.names.size() + top_index + c.strings.size() + index_size(gsubrs);
    const std::size_t fdselect_at = charset_at + charset.size();
    const std::size_t charstrings_at = fdselect_at + fdselect.size();
    const std::size_t fdarray_at = charstrings_at + index_size(charstrings);
    // Font DICTs with their Private DICTs after the FDArray, each Private followed by its Subrs.
    std::vector<std::string> privs, fonts_dicts;
    std::vector<std::vector<std::string_view>> locals;
    // A Font DICT no kept glyph uses keeps no subroutines at all.
    std::vector<bool> fd_used(c.fds.size());
    for (unsigned g : glyphs) fd_used[c.fd_of[g]] = true;
    for (std::size_t f = 0; f < c.fds.size(); ++f) {
        std::string priv;
        for (const DictEntry& e : c.fds[f].priv)
            if (e.op != 19) priv += e.raw;
        locals.push_back(fd_used[f] ? kept(c.fds[f].subrs, local_used[f]) : std::vector<std::string_view>());
        if (!locals.back().empty()) priv += int_op(19, {static_cast<std::uint32_t>(priv.size() + 6)});
        privs.push_back(std::move(priv));
    }

    std::vector<std::string> font_rest;
    for (const CidCff::Fd& fd : c.fds) {
        std::string rest;
        for (const DictEntry& e : fd.font)
            if (e.op != 18) rest += e.raw;
        font_rest.push_back(std::move(rest));
    }
    std::vector<std::string_view> font_probe;  // the Font DICTs' sizes, for the FDArray's offset size
    std::vector<std::string> font_probe_bytes;
    for (const std::string& rest : font_rest) font_probe_bytes.push_back(rest + int_op(18, {0, 0}));
    for (const std::string& b : font_probe_bytes) font_probe.push_back(b);
    const std::size_t fdarray_size = index_size(font_probe);
    std::size_t priv_at = fdarray_at + fdarray_size;
    std::vector<std::string_view> font_views;
    for (std::size_t f = 0; f < c.fds.size(); ++f) {
        fonts_dicts.push_back(font_rest[f] + int_op(18, {static_cast<std::uint32_t>(privs[f].size()),
                                                         static_cast<std::uint32_t>(priv_at)}));
        priv_at += privs[f].size() + (locals[f].empty() ? 0 : index_size(locals[f]));
    }
    for (const std::string& d : fonts_dicts) font_views.push_back(d);

    std::string out;
    out.reserve(priv_at);
    out += c.header.substr(0, 2);
    out += '\x04';  // header size
    out += '\x04';  // offset size (unused by the offsets written here, which are DICT integers)
    out += c.names;
    const std::string top = top_dict(charset_at, charstrings_at, fdarray_at, fdselect_at);
    append_index(out, {top});
    out += c.strings;
    append_index(out, gsubrs);
    out += charset;
    out += fdselect;
    append_index(out, charstrings);
    append_index(out, font_views);
    for (std::size_t f = 0; f < c.fds.size(); ++f) {
        out += privs[f];
        if (!locals[f].empty()) append_index(out, locals[f]);
    }
    if (out.size() != priv_at) throw std::logic_error("CFF subset size miscomputed");
    return out;
}

FontFile::FontFile(std::string path, int index) : path_(std::move(path)), index_(index) {
    blob_.reset(hb_blob_create_from_file_or_fail(path_.c_str()));
    if (!blob_) throw Error(path_, "cannot read font");
    face_.reset(hb_face_create(blob_.get(), static_cast<unsigned>(index_)));
    glyph_count_ = hb_face_get_glyph_count(face_.get());
    if (glyph_count_ == 0) throw Error(path_, "not a font HarfBuzz can read (face " + std::to_string(index_) + ")");
    upem_ = hb_face_get_upem(face_.get());
    const HbBlobPtr cff_table(hb_face_reference_table(face_.get(), kCff));
    const std::string_view cff = table_view(cff_table);  // not copied: a CJK font's CFF is 6-20 MB
    const HbBlobPtr glyf_table(hb_face_reference_table(face_.get(), kGlyf));
    if (!cff.empty()) {
        outlines_ = Outlines::cff;
        try {
            cids_ = cff_cids(cff, glyph_count_);
        } catch (const std::runtime_error& e) {
            throw Error(path_, e.what());
        }
    } else if (!table_view(glyf_table).empty()) {
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

FontFile::~FontFile() = default;

int FontFile::advance(unsigned glyph) const { return hb_font_get_glyph_h_advance(font_.get(), glyph); }

unsigned FontFile::cid(unsigned glyph) const { return cids_.empty() ? glyph : glyph < cids_.size() ? cids_[glyph] : 0; }

const CidCff* FontFile::cid_cff() const {
    if (outlines_ != Outlines::cff || !cid_keyed()) return nullptr;
    std::call_once(cid_cff_once_, [this] {
        cff_table_.reset(hb_face_reference_table(face_.get(), kCff));  // the mapped file's bytes, not a copy
        unsigned length = 0;
        const char* data = hb_blob_get_data(cff_table_.get(), &length);
        try {
            if (std::optional<CidCff> parsed = parse_cid_cff(std::string_view(data, length)))
                cid_cff_ = std::make_unique<CidCff>(std::move(*parsed));
        } catch (const std::runtime_error& e) {
            cid_cff_error_ = e.what();
        }
    });
    if (!cid_cff_error_.empty()) throw std::runtime_error(path_ + ": " + cid_cff_error_);
    return cid_cff_.get();
}

namespace {

// `glyphs` and .notdef, sorted and unique: the order of a dense subset's glyphs.
std::vector<unsigned> subset_order(const std::vector<unsigned>& glyphs) {
    std::vector<unsigned> sorted(glyphs);
    sorted.push_back(0);
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    return sorted;
}

}  // namespace

HbFacePtr FontFile::hb_subset(const std::vector<unsigned>& glyphs, const std::vector<const char*>& drop_tags,
                              const std::vector<char32_t>& unicodes, std::map<unsigned, unsigned>& mapped) const {
    using InputPtr = std::unique_ptr<hb_subset_input_t, HbReleaser<hb_subset_input_destroy>>;
    const InputPtr input(hb_subset_input_create_or_fail());
    if (!input) throw std::runtime_error("HarfBuzz cannot allocate a subset input");
    hb_set_t* keep = hb_subset_input_glyph_set(input.get());
    for (unsigned g : glyphs) hb_set_add(keep, g);
    hb_set_t* codes = hb_subset_input_unicode_set(input.get());
    for (char32_t cp : unicodes) hb_set_add(codes, cp);
    hb_set_t* drop = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (const char* tag : drop_tags) hb_set_add(drop, hb_tag_from_string(tag, 4));
    unsigned flags = HB_SUBSET_FLAGS_DEFAULT;
    if (outlines_ == Outlines::truetype) flags |= HB_SUBSET_FLAGS_NO_HINTING;  // no renderer of archives hints
    hb_subset_input_set_flags(input.get(), flags);
    using PlanPtr = std::unique_ptr<hb_subset_plan_t, HbReleaser<hb_subset_plan_destroy>>;
    const PlanPtr plan(hb_subset_plan_create_or_fail(face_.get(), input.get()));
    if (!plan) throw std::runtime_error("HarfBuzz cannot plan a subset of " + path_);
    HbFacePtr out(hb_subset_plan_execute_or_fail(plan.get()));
    if (!out) throw std::runtime_error("HarfBuzz cannot subset " + path_);
    const hb_map_t* old_to_new = hb_subset_plan_old_to_new_glyph_mapping(plan.get());
    for (unsigned g : subset_order(glyphs)) {  // the glyphs and .notdef, which every subset keeps
        const hb_codepoint_t index = hb_map_get(old_to_new, g);
        if (index == HB_MAP_VALUE_INVALID) throw std::runtime_error("HarfBuzz's subset of " + path_ + " lost a glyph");
        mapped[g] = index;
    }
    return out;
}

Subset FontFile::subset(const std::vector<unsigned>& glyphs) const {
    if (outlines_ == Outlines::cff && cid_keyed()) {
        if (const CidCff* parsed = cid_cff()) {
            const std::vector<unsigned> sorted = subset_order(glyphs);
            Subset s;
            s.outlines = Outlines::cff;
            s.cff = subset_cid_cff(*parsed, sorted);
            for (unsigned g : glyphs)  // the subset's CID: the glyph's place in it
                s.codes.emplace(
                    g, static_cast<unsigned>(std::lower_bound(sorted.begin(), sorted.end(), g) - sorted.begin()));
            return s;
        }
    }
    if (outlines_ == Outlines::truetype) {
        std::map<unsigned, unsigned> mapped;
        if (std::optional<std::string> font = subset_truetype(face_.get(), glyphs, mapped)) {
            Subset s;
            s.outlines = Outlines::truetype;
            s.font = std::move(*font);
            for (unsigned g : glyphs) s.codes.emplace(g, cid_keyed() ? cid(g) : mapped.at(g));
            return s;
        }
    }
    // Only the outlines a PDF or OFD reader draws: CFF fonts are embedded as their 'CFF ' table
    // alone, TrueType fonts with the tables a TrueType rasterizer needs. Every table kept is
    // subset, and the others (cmap, shaping, names) cost CPU for nothing.
    std::vector<const char*> drop{"GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "vhea",
                                  "vmtx", "VORG", "DSIG", "kern", "cmap", "name", "post",
                                  "OS/2", "gasp", "hdmx", "LTSH", "VDMX", "meta", "STAT"};
    if (outlines_ == Outlines::cff) drop.insert(drop.end(), {"hmtx", "hhea"});
    std::map<unsigned, unsigned> mapped;
    const HbFacePtr out = hb_subset(glyphs, drop, {}, mapped);
    Subset s;
    s.outlines = outlines_;
    for (unsigned g : glyphs) s.codes.emplace(g, cid_keyed() ? cid(g) : mapped.at(g));
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

Subset FontFile::opentype_subset(const std::vector<unsigned>& glyphs, const std::vector<char32_t>& unicodes) const {
    // A CID-keyed CFF font: HarfBuzz subsets every table but 'CFF ', whose subset is ours (as
    // the PDF's: its charstrings copied, not re-encoded, several times faster), in the same
    // dense order of the glyphs; the tables are then put together as one font.
    const CidCff* parsed = cid_cff();
    // The tables a reader needs to draw characters across a page: outlines, horizontal metrics,
    // cmap, names, OS/2, post (no shaping, no vertical metrics: OFD text states its positions).
    std::vector<const char*> drop{"GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "DSIG", "kern", "gasp",
                                  "hdmx", "LTSH", "VDMX", "meta", "STAT", "vhea", "vmtx", "VORG"};
    if (parsed) drop.push_back("CFF ");
    std::map<unsigned, unsigned> mapped;
    const HbFacePtr out = hb_subset(glyphs, drop, unicodes, mapped);
    Subset s;
    s.outlines = outlines_;
    for (unsigned g : glyphs) s.codes.emplace(g, mapped.at(g));
    HbBlobPtr blob(hb_face_reference_blob(out.get()));
    if (parsed) {
        const std::vector<unsigned> sorted = subset_order(glyphs);
        for (std::size_t i = 0; i < sorted.size(); ++i)
            if (mapped.at(sorted[i]) != i)
                throw std::logic_error("HarfBuzz's subset of " + path_ + " orders the glyphs otherwise");
        const std::string cff = subset_cid_cff(*parsed, sorted);
        const HbFacePtr tables(hb_face_create(blob.get(), 0));
        const HbFacePtr font(hb_face_builder_create());
        unsigned count = 64;
        hb_tag_t tags[64];
        hb_face_get_table_tags(tables.get(), 0, &count, tags);
        for (unsigned i = 0; i < count; ++i) {
            const HbBlobPtr table(hb_face_reference_table(tables.get(), tags[i]));
            hb_face_builder_add_table(font.get(), tags[i], table.get());
        }
        const HbBlobPtr cff_blob(
            hb_blob_create(cff.data(), static_cast<unsigned>(cff.size()), HB_MEMORY_MODE_READONLY, nullptr, nullptr));
        hb_face_builder_add_table(font.get(), kCff, cff_blob.get());
        blob.reset(hb_face_reference_blob(font.get()));
    }
    unsigned length = 0;
    const char* data = hb_blob_get_data(blob.get(), &length);
    s.font.assign(data, length);
    if (s.font.empty()) throw std::runtime_error("HarfBuzz's subset of " + path_ + " is empty");
    return s;
}

std::shared_ptr<const FontFile> FontCache::open(const std::string& path, int index) {
    std::lock_guard lock(mutex_);
    std::shared_ptr<const FontFile>& file = files_[{path, index}];
    if (!file) file = std::make_shared<const FontFile>(path, index);
    return file;
}

}  // namespace gongwen::fonts
