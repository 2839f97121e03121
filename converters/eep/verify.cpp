// The four DA/T 70 checks of a package, per item: 真实性 (digests and metadata agree with the
// payload), 完整性 (mandatory elements present and well-formed), 可用性 (payloads decode and
// open: a PDF or OFD opens with its fonts embedded, XML is well-formed), 安全性 (no encryption,
// JavaScript or launch actions).
#include <algorithm>
#include <cctype>
#include <fstream>
#include <functional>
#include <optional>
#include <pugixml.hpp>

#include "converters/eep/package_reader.hpp"
#include "gongwen/unicode.hpp"

namespace gongwen {

namespace {

using eep::attribute_of;
using eep::child_named;
using eep::children_named;
using eep::kNoNode;
using eep::Node;
using eep::text_of;

constexpr const char* kAuthentic = "真实性";
constexpr const char* kComplete = "完整性";
constexpr const char* kUsable = "可用性";
constexpr const char* kSafe = "安全性";

// One 编码 of the package: the metadata that describes its payload, and what decoding found.
struct Item {
    std::string label;  // 文件实体1/文档1/编码1 (name.pdf)
    std::size_t entity = 0;
    std::string name, size, key, id;
    bool main = true;  // not a 附属文档
    const eep::Payload* payload = nullptr;
    std::optional<eep::PdfFacts> pdf;
    std::optional<eep::OfdFacts> ofd;
    // The pages of a PDF or OFD that opened.
    std::optional<int> pages() const {
        if (pdf && pdf->opened) return pdf->pages;
        if (ofd && ofd->opened) return ofd->pages;
        return std::nullopt;
    }
};

// A digest recorded in the signature block and the 编码数据 it covers.
struct Recorded {
    std::string algorithm;  // "SM3" or "SHA256", or as written when unknown
    std::string value;      // base64 as written
    std::string data_id;
    std::size_t node = kNoNode;
};

class Checker {
public:
    Checker(const eep::PackageReader& r, VerifyReport& report) : r_(r), nodes_(r.nodes), report_(report) {}
    void run();

private:
    void add(const char* aspect, std::string item, bool ok, std::string detail) {
        report_.checks.push_back(
            {aspect, std::move(item), ok ? CheckStatus::pass : CheckStatus::fail, std::move(detail)});
    }
    void skip(const char* aspect, std::string item, std::string detail) {
        report_.checks.push_back({aspect, std::move(item), CheckStatus::skip, std::move(detail)});
    }
    std::size_t require(std::size_t parent, const std::string& path, const std::string& where);
    void check_envelope();
    void check_entity(std::size_t entity, std::size_t number);
    void check_dates(std::size_t entity, const std::string& where);
    void collect_items(std::size_t entity, std::size_t number);
    void check_digests();
    void check_item(Item& item);
    void check_pdf(Item& item);
    void check_ofd(Item& item);
    void check_pages();
    std::vector<Recorded> recorded_digests();
    std::vector<std::size_t> entities() const;
    bool any_ofd(std::size_t entity) const {
        return std::any_of(items_.begin(), items_.end(),
                           [&](const Item& i) { return i.entity == entity && i.main && i.ofd && i.ofd->opened; });
    }

    const eep::PackageReader& r_;
    const std::vector<Node>& nodes_;
    VerifyReport& report_;
    std::vector<Item> items_;
};

// Follows `path` (a/b/c) from `parent`; a missing or empty element is a 完整性 failure named
// by its path. Returns the element, or kNoNode.
std::size_t Checker::require(std::size_t parent, const std::string& path, const std::string& where) {
    std::size_t node = parent;
    for (std::size_t start = 0; node != kNoNode && start <= path.size();) {
        const std::size_t slash = std::min(path.find('/', start), path.size());
        node = child_named(nodes_, node, path.substr(start, slash - start));
        start = slash + 1;
    }
    bool present = node != kNoNode && (!nodes_[node].children.empty() || !text_of(nodes_, node).empty());
    if (node != kNoNode && nodes_[node].payload >= 0) {  // a payload's text was decoded, not kept
        const eep::Payload& p = *r_.payloads[static_cast<std::size_t>(nodes_[node].payload)];
        present = p.size > 0 || !p.error.empty();
    }
    add(kComplete, where + path, present, present ? "present" : node == kNoNode ? "missing" : "empty");
    return present ? node : kNoNode;
}

std::vector<std::size_t> Checker::entities() const {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < nodes_.size(); ++i)
        if (nodes_[i].name == "文件实体" && nodes_[i].parent != kNoNode &&
            nodes_[nodes_[i].parent].name == "文件实体块")
            out.push_back(i);
    return out;
}

void Checker::check_envelope() {
    const Node& root = nodes_[0];
    add(kComplete, "电子文件封装包", root.name == "电子文件封装包" && root.ns == kEepNamespace,
        root.name != "电子文件封装包" ? "the root element is <" + root.name + ">"
        : root.ns != kEepNamespace ? "not in the namespace " + std::string(kEepNamespace) + " (found '" + root.ns + "')"
                                   : "root element and namespace");
    require(0, "封装包格式描述", "");
    const std::size_t version = require(0, "版本", "");
    const std::size_t signed_object = require(0, "被签名对象", "");
    if (version != kNoNode)
        add(kComplete, "版本 = 被签名对象/@eep版本",
            signed_object != kNoNode && text_of(nodes_, version) == attribute_of(nodes_[signed_object], "eep版本"),
            "版本 " + text_of(nodes_, version) + ", eep版本 " +
                (signed_object == kNoNode ? std::string("missing") : attribute_of(nodes_[signed_object], "eep版本")));
    if (signed_object == kNoNode) return;
    if (const std::size_t type = require(signed_object, "封装包类型", "被签名对象/"); type != kNoNode) {
        const std::string t = text_of(nodes_, type);
        add(kComplete, "被签名对象/封装包类型 is 原始型 or 修改型", t == "原始型" || t == "修改型", t);
    }
    if (const std::size_t created = require(signed_object, "封装包创建时间", "被签名对象/"); created != kNoNode) {
        const std::string t = text_of(nodes_, created);
        add(kComplete, "被签名对象/封装包创建时间 is a date and time", eep::valid_date_time(t), t);
    }
    require(signed_object, "封装包创建单位", "被签名对象/");
    add(kComplete, "文件实体", !entities().empty(), entities().empty() ? "the package holds no 文件实体" : "present");
}

void Checker::check_dates(std::size_t entity, const std::string& where) {
    const std::size_t date = child_named(nodes_, child_named(nodes_, entity, "内容描述"), "日期");
    if (date != kNoNode) {
        const std::string d = text_of(nodes_, date);
        add(kComplete, where + "内容描述/日期 is a real date", !eep::normalize_date(d).empty(), d);
    }
    const std::size_t year = child_named(nodes_, child_named(nodes_, entity, "档号"), "年度");
    if (year != kNoNode) {
        const std::string y = text_of(nodes_, year);
        add(kComplete, where + "档号/年度 is a year", y.size() == 4 && all_digits(y), y);
    }
    const std::size_t pages = child_named(nodes_, child_named(nodes_, entity, "形式特征"), "页数");
    if (pages != kNoNode) {
        const std::string p = text_of(nodes_, pages);
        add(kComplete, where + "形式特征/页数 is a number", all_digits(p) && p.size() < 9 && std::stol(p) > 0, p);
    }
}

void Checker::check_entity(std::size_t entity, std::size_t number) {
    const std::string where = "文件实体" + std::to_string(number) + "/";
    for (const char* path :
         {"聚合层次", "来源/立档单位名称", "电子文件号", "档号/年度", "档号/保管期限", "内容描述/题名",
          "内容描述/责任者", "内容描述/日期", "内容描述/密级", "形式特征/文件组合类型", "文件数据/文档"})
        require(entity, path, where);
    const std::size_t kind = child_named(nodes_, child_named(nodes_, entity, "形式特征"), "文件组合类型");
    if (kind != kNoNode) {
        const std::string k = text_of(nodes_, kind);
        add(kComplete, where + "形式特征/文件组合类型 is 单件 or 组合文件", k == "单件" || k == "组合文件", k);
    }
    check_dates(entity, where);
    collect_items(entity, number);
}

void Checker::collect_items(std::size_t entity, std::size_t number) {
    std::size_t doc_number = 0;
    for (std::size_t doc : children_named(nodes_, child_named(nodes_, entity, "文件数据"), "文档")) {
        ++doc_number;
        const bool main = text_of(nodes_, child_named(nodes_, doc, "文档主从声明")) != "附属文档";
        std::size_t code_number = 0;
        for (std::size_t data : children_named(nodes_, doc, "文档数据"))
            for (std::size_t code : children_named(nodes_, data, "编码")) {
                const std::string where = "文件实体" + std::to_string(number) + "/文档" + std::to_string(doc_number) +
                                          "/编码" + std::to_string(++code_number) + "/";
                const std::size_t attrs = child_named(nodes_, code, "电子属性");
                Item item{where, entity, {}, {}, {}, {}, main, nullptr, {}, {}};
                for (const char* path :
                     {"电子属性/计算机文件名", "电子属性/计算机文件大小", "编码描述", "反编码关键字"})
                    require(code, path, where);
                require(code, "编码数据", where);
                item.name = text_of(nodes_, child_named(nodes_, attrs, "计算机文件名"));
                item.size = text_of(nodes_, child_named(nodes_, attrs, "计算机文件大小"));
                item.key = text_of(nodes_, child_named(nodes_, code, "反编码关键字"));
                const std::size_t payload_node = child_named(nodes_, code, "编码数据");
                if (payload_node != kNoNode) {
                    item.id = attribute_of(nodes_[payload_node], "编码数据ID");
                    item.payload = r_.payloads[static_cast<std::size_t>(nodes_[payload_node].payload)].get();
                }
                item.label.pop_back();  // the trailing '/'
                if (!item.name.empty()) item.label += " (" + item.name + ")";
                items_.push_back(std::move(item));
            }
    }
}

std::string canonical_algorithm(std::string a) {
    std::string out;
    for (char c : a)
        if (c != '-' && c != '_' && c != ' ') out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (out == "1.2.156.10197.1.401") return "SM3";
    if (out == "2.16.840.1.101.3.4.2.1") return "SHA256";
    return out;
}

std::vector<Recorded> Checker::recorded_digests() {
    std::vector<Recorded> out;
    const std::size_t block = child_named(nodes_, 0, "电子签名块");
    for (std::size_t s : children_named(nodes_, block, "电子签名")) {
        Recorded d;
        d.node = s;
        d.algorithm = canonical_algorithm(text_of(nodes_, child_named(nodes_, s, "签名算法标识")));
        d.value = text_of(nodes_, child_named(nodes_, s, "签名结果"));
        const std::string rule = text_of(nodes_, child_named(nodes_, s, "签名规则"));
        const std::size_t at = rule.find("编码数据ID=");
        if (at != std::string::npos) {
            const std::size_t begin = at + std::string("编码数据ID=").size();
            std::size_t end = rule.find_first_of(" \t\r\n(;", begin);
            for (const char* stop : {"（", "；", "，"})
                end = std::min(end, rule.find(stop, begin));  // whole characters
            d.data_id = rule.substr(begin, end - begin);
        }
        const std::size_t time = child_named(nodes_, s, "签名时间");
        if (time != kNoNode)
            add(kComplete,
                "电子签名块/电子签名 " + text_of(nodes_, child_named(nodes_, s, "签名标识符")) +
                    "/签名时间 is a date and time",
                eep::valid_date_time(text_of(nodes_, time)), text_of(nodes_, time));
        out.push_back(std::move(d));
    }
    return out;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string without_space(const std::string& s) {
    std::string out;
    for (char c : s)
        if (!std::isspace(static_cast<unsigned char>(c))) out += c;
    return out;
}

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Digests are recorded in base64 (xs:base64Binary); hex is accepted from other writers.
void Checker::check_digests() {
    const std::vector<Recorded> recorded = recorded_digests();
    for (const Recorded& d : recorded)
        if (std::none_of(items_.begin(), items_.end(),
                         [&](const Item& i) { return !d.data_id.empty() && i.id == d.data_id; }))
            skip(kAuthentic, "电子签名 " + text_of(nodes_, child_named(nodes_, d.node, "签名标识符")),
                 "a signature or digest over no 编码数据 of this package (" + d.algorithm + "); not checked");
    for (const Item& item : items_) {
        if (!item.payload) continue;
        bool any = false;
        for (const Recorded& d : recorded) {
            if (d.data_id.empty() || d.data_id != item.id) continue;
            const std::string what = item.label + " " + (d.algorithm == "SHA256" ? "SHA-256" : d.algorithm) + " digest";
            if (d.algorithm != "SM3" && d.algorithm != "SHA256") {
                skip(kAuthentic, what, "an algorithm gongwen cannot recompute; not checked");
                continue;
            }
            any = true;
            const auto& computed = d.algorithm == "SM3" ? item.payload->sm3_value : item.payload->sha256_value;
            const std::string as_base64 =
                eep::base64_encode(std::string_view(reinterpret_cast<const char*>(computed.data()), computed.size()));
            const bool same =
                without_space(d.value) == as_base64 || lower(without_space(d.value)) == eep::to_hex(computed);
            add(kAuthentic, what, same,
                same ? "recomputed and equal" : "recorded " + d.value + ", recomputed " + as_base64);
        }
        if (!any)
            add(kAuthentic, item.label + " digest", false,
                "电子签名块 records no SM3 or SHA-256 digest of this 编码数据");
    }
}

void Checker::check_pdf(Item& item) {
    item.pdf = eep::probe_pdf_file(item.payload->file.path());
    const eep::PdfFacts& f = *item.pdf;
    add(kUsable, item.label + " opens as a PDF", f.opened && f.pages > 0,
        f.opened ? std::to_string(f.pages) + " pages, PDF " + f.version + (f.pdfa.empty() ? "" : ", " + f.pdfa)
                 : f.error);
    if (f.opened) {
        std::string fonts;
        for (const std::string& name : f.unembedded_fonts) fonts += (fonts.empty() ? "" : ", ") + name;
        add(kUsable, item.label + " fonts embedded", fonts.empty(),
            fonts.empty() ? "every font is embedded" : "not embedded: " + fonts);
    }
    add(kAuthentic, item.label + " 计算机文件名 agrees with the payload", ends_with(lower(item.name), ".pdf"),
        "a PDF named '" + item.name + "'");
    add(kSafe, item.label + " not encrypted", !f.encrypted, f.encrypted ? "the PDF is encrypted" : "no encryption");
    if (!f.opened) return;
    add(kSafe, item.label + " no JavaScript", !f.javascript, f.javascript ? "the PDF contains JavaScript" : "none");
    add(kSafe, item.label + " no launch actions", !f.launch, f.launch ? "the PDF can launch programs" : "none");
}

void Checker::check_ofd(Item& item) {
    item.ofd = eep::probe_ofd_file(item.payload->file.path());
    const eep::OfdFacts& f = *item.ofd;
    add(kUsable, item.label + " opens as an OFD", f.opened && f.pages > 0,
        !f.opened     ? f.error
        : f.pages > 0 ? std::to_string(f.pages) + " pages, OFD " + (f.version.empty() ? "(no Version)" : f.version)
                      : "the OFD has no pages");
    if (f.opened) {
        std::string bad;
        for (const std::string& part : f.bad_xml) bad += (bad.empty() ? "" : "; ") + part;
        add(kUsable, item.label + " OFD XML well-formed", bad.empty(),
            bad.empty() ? "all " + std::to_string(f.xml_parts) + " XML parts" : bad);
        std::string fonts;
        for (const std::string& name : f.unembedded_fonts) fonts += (fonts.empty() ? "" : ", ") + name;
        add(kUsable, item.label + " fonts embedded", fonts.empty(),
            fonts.empty() ? "every font is embedded (" + std::to_string(f.fonts) + ")" : "not embedded: " + fonts);
    }
    add(kAuthentic, item.label + " 计算机文件名 agrees with the payload", ends_with(lower(item.name), ".ofd"),
        "an OFD named '" + item.name + "'");
}

void Checker::check_item(Item& item) {
    if (!item.payload) return;
    const eep::Payload& p = *item.payload;
    add(kUsable, item.label + " decodes", p.complete && p.error.empty(),
        p.error.empty() ? std::to_string(p.size) + " bytes of base64-decoded data" : p.error);
    const bool size_ok = all_digits(item.size) && item.size.size() < 20 && std::stoull(item.size) == p.size;
    add(kAuthentic, item.label + " 计算机文件大小", size_ok,
        "recorded " + (item.size.empty() ? std::string("nothing") : item.size) + ", decoded " + std::to_string(p.size) +
            " bytes");
    if (!p.complete || !p.error.empty()) {
        skip(kUsable, item.label + " opens", "not checked: the payload did not decode");
        return;
    }
    const std::string key = lower(item.key);
    if (key.find("ofd") != std::string::npos ||
        (key.find("pdf") == std::string::npos && ends_with(lower(item.name), ".ofd"))) {
        check_ofd(item);
    } else if (key.find("pdf") != std::string::npos || ends_with(lower(item.name), ".pdf")) {
        check_pdf(item);
    } else if (key.find("xml") != std::string::npos) {
        pugi::xml_document xml;
        const pugi::xml_parse_result parsed =
            xml.load_file(p.file.path().c_str(), pugi::parse_default & ~pugi::parse_doctype);
        add(kUsable, item.label + " opens as XML", static_cast<bool>(parsed),
            parsed ? "well-formed" : parsed.description());
    } else {
        skip(kUsable, item.label + " opens", "no check for 反编码关键字 '" + item.key + "'");
    }
}

// 页数 counts the pages of the record: the PDFs or OFDs of its main documents.
void Checker::check_pages() {
    std::size_t number = 0;
    for (std::size_t entity : entities()) {
        ++number;
        const std::size_t node = child_named(nodes_, child_named(nodes_, entity, "形式特征"), "页数");
        if (node == kNoNode) continue;
        long pages = 0;
        bool counted = false;
        for (const Item& item : items_)
            if (item.entity == entity && item.main && item.pages()) pages += *item.pages(), counted = true;
        const std::string what = "文件实体" + std::to_string(number) + "/形式特征/页数";
        const std::string recorded = text_of(nodes_, node);
        if (!counted)
            skip(kAuthentic, what, "no PDF or OFD to count pages in");
        else
            add(kAuthentic, what, recorded == std::to_string(pages),
                "recorded " + recorded + ", the " + (any_ofd(entity) ? "OFD" : "PDF") + " has " +
                    std::to_string(pages));
    }
}

void Checker::run() {
    check_envelope();
    std::size_t number = 0;
    for (std::size_t entity : entities()) check_entity(entity, ++number);
    for (Item& item : items_) check_item(item);
    check_digests();
    check_pages();
    add(kSafe, "package XML", true, "no DTD, no entities, nothing fetched");
}

}  // namespace

bool VerifyReport::passed() const {
    return !checks.empty() && std::none_of(checks.begin(), checks.end(),
                                           [](const CheckResult& c) { return c.status == CheckStatus::fail; });
}

namespace {

// Reads the package with `read` (from a file or a stream) and checks it.
VerifyReport verify_read(const std::string& name, const std::function<bool(eep::PackageReader&)>& read) {
    VerifyReport report;
    report.package = name;
    try {
        eep::PackageReader reader;
        if (!read(reader)) {
            const std::string where = reader.error_line > 0 ? " (line " + std::to_string(reader.error_line) + ")" : "";
            report.checks.push_back(
                {reader.dtd ? kSafe : kComplete, "package XML", CheckStatus::fail, reader.error + where});
            return report;
        }
        Checker(reader, report).run();
    } catch (const std::exception& e) {
        report.checks.push_back(
            {kUsable, "verification", CheckStatus::fail, std::string("internal error: ") + e.what()});
    }
    return report;
}

}  // namespace

VerifyReport verify_eep(const std::string& path) {
    return verify_read(path, [&](eep::PackageReader& reader) { return reader.read(path); });
}

VerifyReport verify_eep(std::istream& in, const std::string& name) {
    return verify_read(name, [&](eep::PackageReader& reader) { return reader.read(in, name); });
}

}  // namespace gongwen
