// The package writer: DA/T 48-2009 element tree, written straight to a stream so that the
// base64 payload never exists in memory as a whole.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>

#include "converters/eep/eep_internal.hpp"
#include "converters/eep/xml_out.hpp"
#include "gongwen/error.hpp"

namespace gongwen {

namespace {

using eep::XmlOut;

constexpr const char* kFormatDescription =
    "本EEP根据中华人民共和国档案行业标准DA/T 48-2009《基于XML的电子文件封装规范》生成";
constexpr const char* kTypeDescription = "本封装包包含电子文件数据及其元数据，原始封装，未经修改";
constexpr const char* kEncodingDescription =
    "本封装包中“编码数据”元素存储的是计算机文件二进制流的Base64编码（IETF RFC 2045，每行76个字符）。"
    "提取计算机文件时应对Base64编码进行反编码，并依据“反编码关键字”还原其格式（base64-pdf：PDF；base64-"
    "ofd：OFD；base64-"
    "xml：XML）。";

// Base64 lines of 76 characters (RFC 2045) hold 57 bytes; chunks are whole lines.
constexpr std::size_t kLineBytes = 57;
constexpr std::size_t kChunkBytes = kLineBytes * 1024;

// What the writer learned about one payload while streaming it.
struct Written {
    std::uint64_t size = 0;
    std::vector<unsigned char> sm3;
    std::vector<unsigned char> sha256;
};

// A payload's facts known before its bytes are written: size, format, page count.
struct Planned {
    std::uint64_t size = 0;
    std::string format;
    int pages = 0;
};

const std::string& value_of(const eep::Record& r, const char* key) {
    static const std::string none;
    const auto it = r.values.find(key);
    return it == r.values.end() ? none : it->second;
}

std::string id_prefix(std::size_t n) { return "修改0-文档" + std::to_string(n); }
std::string data_id(std::size_t n) { return id_prefix(n) + "-文档数据1-编码1-编码数据"; }

// An OFD is refused when 可用性 would reject it: it must open, its XML be well-formed and its
// fonts embedded.
Planned plan_ofd(const EepFile& f, Planned p) {
    const eep::OfdFacts facts = f.path.empty() ? eep::probe_ofd_bytes(f.bytes) : eep::probe_ofd_file(f.path);
    const std::string who = f.path.empty() ? f.name : f.path;
    if (!facts.opened) throw Error(who, "the payload is not a usable OFD: " + facts.error);
    if (!facts.bad_xml.empty()) throw Error(who, "the OFD has XML that is not well-formed: " + facts.bad_xml.front());
    if (!facts.unembedded_fonts.empty())
        throw Error(who, "the OFD does not embed the font " + facts.unembedded_fonts.front());
    if (facts.pages == 0) throw Error(who, "the OFD has no pages");
    if (p.format.empty()) p.format = "OFD";
    p.pages = facts.pages;
    return p;
}

Planned plan_payload(const EepFile& f) {
    Planned p;
    std::error_code ec;
    p.size = f.path.empty() ? f.bytes.size() : std::filesystem::file_size(f.path, ec);
    if (ec) throw Error(f.path, "cannot read the payload: " + ec.message());
    p.format = f.format;
    p.pages = static_cast<int>(f.pages);
    if (f.decode_key == "base64-ofd" && f.pages == 0) return plan_ofd(f, p);
    if (f.decode_key != "base64-pdf" || f.pages > 0) return p;
    const eep::PdfFacts facts = f.path.empty() ? eep::probe_pdf_bytes(f.bytes) : eep::probe_pdf_file(f.path);
    const std::string who = f.path.empty() ? f.name : f.path;
    // A package must pass its own verification: refuse what 可用性 or 安全性 would reject.
    if (facts.encrypted) throw Error(who, "the PDF is encrypted; an archival package cannot hold it");
    if (!facts.opened) throw Error(who, "the payload is not a usable PDF: " + facts.error);
    if (facts.javascript || facts.launch)
        throw Error(who, "the PDF has JavaScript or launch actions; an archival package cannot hold it");
    if (!facts.unembedded_fonts.empty())
        throw Error(who, "the PDF does not embed the font " + facts.unembedded_fonts.front());
    if (p.format.empty()) p.format = facts.pdfa.empty() ? "PDF " + facts.version : facts.pdfa;
    p.pages = facts.pages;
    return p;
}

// Streams one payload as base64 lines inside the current element, digesting it on the way.
Written stream_payload(const EepFile& f, std::ostream& out) {
    Written w;
    eep::Digest sm3("SM3"), sha256("SHA256");
    std::ifstream file;
    if (!f.path.empty()) {
        file.open(f.path, std::ios::binary);
        if (!file) throw Error(f.path, "cannot open the payload");
    }
    std::string chunk(kChunkBytes, '\0');
    std::string lines;
    for (std::size_t offset = 0;;) {
        std::size_t n = 0;
        if (f.path.empty()) {
            n = std::min(kChunkBytes, f.bytes.size() - offset);
            std::copy_n(f.bytes.data() + offset, n, chunk.data());
            offset += n;
        } else {
            file.read(chunk.data(), static_cast<std::streamsize>(kChunkBytes));
            n = static_cast<std::size_t>(file.gcount());
            if (file.bad()) throw Error(f.path, "cannot read the payload");
        }
        if (n == 0) break;
        sm3.update(chunk.data(), n);
        sha256.update(chunk.data(), n);
        w.size += n;
        lines.clear();
        for (std::size_t at = 0; at < n; at += kLineBytes)
            lines += eep::base64_encode(std::string_view(chunk).substr(at, std::min(kLineBytes, n - at))) + "\n";
        out.write(lines.data(), static_cast<std::streamsize>(lines.size()));
        if (!out) throw Error("", "cannot write the package");
    }
    w.sm3 = sm3.finish();
    w.sha256 = sha256.finish();
    return w;
}

void write_source(XmlOut& x, const eep::Record& r) {
    x.open("来源");
    for (const char* key : {"档案馆名称", "档案馆代码", "全宗名称", "立档单位名称"}) x.leaf_if(key, value_of(r, key));
    x.close("来源");
}

void write_archival_code(XmlOut& x, const eep::Record& r) {
    x.open("档号");
    for (const char* key : {"全宗号", "目录号", "年度", "保管期限", "机构或问题", "室编件号"})
        x.leaf_if(key, value_of(r, key));
    x.close("档号");
}

void write_description(XmlOut& x, const eep::Record& r) {
    x.open("内容描述");
    x.leaf("题名", value_of(r, "题名"));
    for (const std::string& s : r.subjects) x.leaf("主题词", s);
    for (const char* key : {"关键词", "文件编号", "责任者", "日期", "文种", "主送", "密级", "保密期限"})
        x.leaf_if(key, value_of(r, key));
    x.close("内容描述");
}

void write_form(XmlOut& x, const eep::Record& r, int pages) {
    x.open("形式特征");
    x.leaf("文件组合类型", "单件");
    if (pages > 0) x.leaf("页数", std::to_string(pages));
    x.leaf("语种", r.values.at("语种"));
    x.close("形式特征");
}

void write_rights_and_notes(XmlOut& x, const Document& doc, const eep::Record& r) {
    if (!value_of(r, "知识产权说明").empty() || !value_of(r, "控制标识").empty()) {
        x.open("权限管理");
        x.leaf_if("知识产权说明", value_of(r, "知识产权说明"));
        x.leaf_if("控制标识", value_of(r, "控制标识"));
        x.close("权限管理");
    }
    // The report's own note (附注, such as （此件主动公开）) is a note on the record too.
    for (const Block& b : doc.blocks)
        if (b.kind == BlockKind::annotation) x.leaf("附注", b.text);
    x.leaf_if("附注", value_of(r, "附注"));
}

void write_document(XmlOut& x, const eep::Record& r, const EepFile& f, const Planned& p, std::size_t n,
                    Written& written) {
    const std::string prefix = id_prefix(n);
    x.open("文档");
    x.leaf("文档标识符", prefix);
    x.leaf("文档序号", std::to_string(n));
    x.leaf("文档主从声明", n == 1 ? "主文档" : "附属文档");
    x.leaf_if("题名", f.title.empty() && n == 1 ? value_of(r, "题名") : f.title);
    x.open("文档数据", {{"文档数据ID", prefix + "-文档数据1"}});
    x.open("编码", {{"编码ID", prefix + "-文档数据1-编码1"}});
    x.open("电子属性");
    x.leaf_if("格式信息", p.format);
    x.leaf("计算机文件名", f.name);
    x.leaf("计算机文件大小", std::to_string(p.size));
    x.leaf_if("文档创建程序", f.creator);
    x.close("电子属性");
    x.leaf("编码描述", kEncodingDescription);
    x.leaf("反编码关键字", f.decode_key);
    x.open_block("编码数据", {{"编码数据ID", data_id(n)}});
    written = stream_payload(f, x.stream());
    x.close_block("编码数据");
    x.close("编码");
    x.close("文档数据");
    x.close("文档");
    if (written.size != p.size)
        throw Error(f.path.empty() ? f.name : f.path, "the payload changed while it was being packaged");
}

// The agents of the record: the archiving unit, the author, the packager; each once.
std::vector<std::string> agents_of(const eep::Record& r) {
    std::vector<std::string> agents;
    for (const char* key : {"立档单位名称", "责任者", "封装包创建单位"}) {
        const std::string& name = value_of(r, key);
        if (!name.empty() && std::find(agents.begin(), agents.end(), name) == agents.end()) agents.push_back(name);
    }
    return agents;
}

std::string agent_id(const std::vector<std::string>& agents, const std::string& name) {
    const auto it = std::find(agents.begin(), agents.end(), name);
    return "机构" + std::to_string(it - agents.begin() + 1);
}

std::string iso_date(const std::string& yyyymmdd) {
    return yyyymmdd.substr(0, 4) + "-" + yyyymmdd.substr(4, 2) + "-" + yyyymmdd.substr(6, 2);
}

// What happened to the record: it was signed or published on its 日期, then packaged.
void write_business(XmlOut& x, const eep::Record& r, const std::vector<std::string>& agents) {
    x.open("业务实体块");
    int n = 0;
    if (!r.date_action.empty()) {
        x.open("业务实体");
        x.leaf("业务标识符", "业务" + std::to_string(++n));
        x.leaf("机构人员标识符", agent_id(agents, value_of(r, "责任者")));
        x.leaf("文件标识符", value_of(r, "电子文件号"));
        x.leaf("业务状态", "历史行为");
        x.leaf("业务行为", r.date_action);
        x.leaf("行为时间", iso_date(value_of(r, "日期")));
        x.close("业务实体");
    }
    x.open("业务实体");
    x.leaf("业务标识符", "业务" + std::to_string(++n));
    x.leaf("机构人员标识符", agent_id(agents, value_of(r, "封装包创建单位")));
    x.leaf("文件标识符", value_of(r, "电子文件号"));
    x.leaf("业务状态", "历史行为");
    x.leaf("业务行为", "封装");
    x.leaf("行为时间", r.created);
    x.leaf("行为依据", "DA/T 48-2009");
    x.leaf("行为描述", std::string("由 gongwen ") + GONGWEN_VERSION + " 封装为基于XML的电子文件封装包");
    x.close("业务实体");
    x.close("业务实体块");
}

void write_agents(XmlOut& x, const eep::Record& r, const std::vector<std::string>& agents) {
    x.open("机构人员实体块");
    for (std::size_t i = 0; i < agents.size(); ++i) {
        x.open("机构人员实体");
        x.leaf("机构人员标识符", "机构" + std::to_string(i + 1));
        x.leaf("机构人员类型", "单位");
        x.leaf("机构人员名称", agents[i]);
        if (agents[i] == value_of(r, "立档单位名称")) x.leaf_if("组织机构代码", value_of(r, "组织机构代码"));
        x.close("机构人员实体");
    }
    x.close("机构人员实体块");
}

// The fixity of each payload, recorded in the signature block as the standard allows for a
// digest: 签名规则 names the 编码数据 it covers, 签名结果 holds the digest in base64.
void write_digests(XmlOut& x, const eep::Record& r, const std::vector<Written>& written) {
    x.open("电子签名块");
    int n = 0;
    for (std::size_t i = 0; i < written.size(); ++i) {
        const std::pair<const char*, const std::vector<unsigned char>*> digests[] = {{"SM3", &written[i].sm3},
                                                                                     {"SHA-256", &written[i].sha256}};
        for (const auto& [algorithm, digest] : digests) {
            const std::string standard = std::string(algorithm) == "SM3" ? "GB/T 32905-2016" : "FIPS 180-4";
            x.open("电子签名");
            x.leaf("签名标识符", "签名" + std::to_string(++n));
            x.leaf("签名规则", "摘要 编码数据ID=" + data_id(i + 1) + " " + algorithm + "（" + standard +
                                   "）：对反编码后的计算机文件计算的摘要，不是电子签名");
            x.leaf("签名时间", r.created);
            x.leaf("签名人", value_of(r, "封装包创建单位"));
            x.leaf("签名结果",
                   eep::base64_encode(std::string_view(reinterpret_cast<const char*>(digest->data()), digest->size())));
            x.leaf("签名算法标识", algorithm);
            x.close("电子签名");
        }
    }
    x.close("电子签名块");
}

void write_entity(XmlOut& x, const Document& doc, const eep::Record& r, const std::vector<EepFile>& files,
                  const std::vector<Planned>& planned, std::vector<Written>& written) {
    x.open("文件实体块");
    x.open("文件实体");
    x.leaf("聚合层次", "文件");
    write_source(x, r);
    x.leaf("电子文件号", value_of(r, "电子文件号"));
    write_archival_code(x, r);
    write_description(x, r);
    write_form(x, r, planned.front().pages);
    write_rights_and_notes(x, doc, r);
    x.open("文件数据");
    for (std::size_t i = 0; i < files.size(); ++i) write_document(x, r, files[i], planned[i], i + 1, written[i]);
    x.close("文件数据");
    x.close("文件实体");
    x.close("文件实体块");
}

}  // namespace

bool eep_payload_is_ofd(const std::string& path) {
    std::string extension = std::filesystem::path(path).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return extension == ".ofd";
}

std::string eep_payload_name(const Document& doc, const std::string& extension) {
    const std::string& name = doc.source.name;
    const std::string stem =
        name.empty() || name == "-" ? std::string("document") : std::filesystem::path(name).stem().string();
    return (stem.empty() ? std::string("document") : stem) + "." + extension;
}

void write_eep(const Document& doc, const std::vector<EepFile>& files, const EepOptions& options, std::ostream& out) {
    if (files.empty()) throw Error(doc.source.name, "EEP: nothing to package");
    // Everything that can fail for a reason the user can fix fails here, before any output.
    const eep::Record r = eep::resolve_record(doc, options);
    std::vector<Planned> planned;
    for (const EepFile& f : files) planned.push_back(plan_payload(f));
    const std::vector<std::string> agents = agents_of(r);
    std::vector<Written> written(files.size());
    XmlOut x(out);
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    x.open("电子文件封装包", {{"xmlns", kEepNamespace}});
    x.leaf("封装包格式描述", kFormatDescription);
    x.leaf("版本", "2009");
    x.open("被签名对象", {{"eep版本", "2009"}});
    x.leaf("封装包类型", "原始型");
    x.leaf("封装包类型描述", kTypeDescription);
    x.leaf("封装包创建时间", r.created);
    x.leaf("封装包创建单位", value_of(r, "封装包创建单位"));
    x.open("封装内容");
    write_entity(x, doc, r, files, planned, written);
    write_business(x, r, agents);
    write_agents(x, r, agents);
    x.close("封装内容");
    x.close("被签名对象");
    write_digests(x, r, written);
    x.close("电子文件封装包");
    out.flush();
    if (!out) throw Error("", "cannot write the package");
}

}  // namespace gongwen
