// Archival packages: DA/T 48-2009 electronic record encapsulation packages (EEP) with DA/T 46
// metadata and SM3/SHA-256 fixity, and their verification (DA/T 70: 真实性, 完整性, 可用性,
// 安全性). See ../shared/docs/standards.md for the element tree.
#pragma once

#include <cstddef>
#include <istream>
#include <map>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "gongwen/document.hpp"

namespace gongwen {

inline constexpr const char* kEepNamespace = "http://www.saac.gov.cn/standards/ERM/encapsulation";

// Values of one profile scope, keyed by DA/T 46 element name (保管期限, 密级, …).
using ProfileValues = std::map<std::string, std::string>;

// A part of the profile that applies to some documents only: `[文件 GLOB]` to the input whose
// path or file name matches GLOB, `[责任者 NAME]` to the documents of that organisation.
struct ProfileSection {
    std::string selector;  // "文件" or "责任者"
    std::string pattern;
    ProfileValues values;
    friend bool operator==(const ProfileSection&, const ProfileSection&) = default;
};

// What an archive knows and a report cannot say (档案馆, 全宗, 保管期限, 密级, 件号 …). Values of
// elements the document also states are used only where the document is silent.
struct ArchiveProfile {
    std::string name;  // the file it was read from, for messages
    ProfileValues values;
    std::vector<ProfileSection> sections;  // in file order; later sections win
    friend bool operator==(const ArchiveProfile&, const ArchiveProfile&) = default;
};

// The keys a profile may set, in the order the documentation lists them.
const std::vector<std::string>& archive_profile_keys();

// Parses a profile: `KEY = VALUE` lines, `#` comments, `[文件 GLOB]` and `[责任者 NAME]`
// sections. Throws gongwen::Error naming `name` and the line for anything it cannot use.
ArchiveProfile parse_archive_profile(std::string_view text, const std::string& name);
ArchiveProfile read_archive_profile(const std::string& path);

// One computer file packaged as a 文档: its bytes in memory, or a file read in chunks.
struct EepFile {
    std::string name;        // 计算机文件名
    std::string format;      // 格式信息; for a PDF or an OFD, left empty to be read from the file
    std::string creator;     // 文档创建程序
    std::string decode_key;  // 反编码关键字: "base64-pdf", "base64-ofd", "base64-xml"
    std::string title;       // the 文档's 题名; may be empty
    std::string_view bytes;  // the contents, when `path` is empty
    std::string path;        // a file streamed from disk, never held in memory whole
    // A PDF or OFD gongwen made itself: its pages, known already, so it is not opened again to
    // count them (0: the file is probed, and refused when it could not be archived).
    std::size_t pages = 0;
};

struct EepOptions {
    ArchiveProfile profile;
    std::size_t ordinal = 0;  // the input's position in the run, numbering 件号 from 起始件号
    // A PDF or OFD (by its extension, .ofd) of the user's packaged instead of one made from the
    // report.
    std::string payload;
    bool include_xml = false;  // the report's native XML packaged beside the PDF as a second 文档
    // The fixed-layout format of the main 文档 made from the report: "pdf" or "ofd" (GB/T 33190).
    std::string format = "pdf";
};

// Whether a payload of the user's (--payload) is an OFD: its name ends in .ofd, in any case.
bool eep_payload_is_ofd(const std::string& path);

// The name a document's payload gets in the package: the source's stem plus `extension`.
std::string eep_payload_name(const Document& doc, const std::string& extension);

// Writes one package for `doc`: its metadata, then `files` base64-encoded (the first is the
// main document, the archival PDF or OFD), then their SM3 and SHA-256 digests. Memory stays small
// whatever the payload size. Deterministic: 封装包创建时间 is the document's date, else
// SOURCE_DATE_EPOCH, else the profile's 日期. Throws gongwen::Error naming the document and
// the element, before anything is written, when a mandatory value is in neither the
// document nor the profile, or when a PDF or OFD payload could not be archived (not a PDF or
// OFD, fonts not embedded …).
void write_eep(const Document& doc, const std::vector<EepFile>& files, const EepOptions& options, std::ostream& out);

// ---- verification --------------------------------------------------------------------

enum class CheckStatus { pass, fail, skip };

// One check of one item: which aspect (真实性, 完整性, 可用性, 安全性), what was checked, and
// what was found.
struct CheckResult {
    std::string aspect;
    std::string item;
    CheckStatus status = CheckStatus::pass;
    std::string detail;
};

struct VerifyReport {
    std::string package;
    std::vector<CheckResult> checks;
    bool passed() const;
};

// Checks a package written by anyone, as long as it follows the DA/T 48 tree. The XML is read
// as a stream (no DTD, no entities), and each payload is decoded in chunks into its digests
// and a temporary file that disappears when the check ends. Never throws for a bad package:
// every problem is a failed check.
VerifyReport verify_eep(const std::string& path);
// The same for a package read from `in` (in memory, say); `name` names it in the report.
VerifyReport verify_eep(std::istream& in, const std::string& name);

// The report for people (one line per check, failures summarised at the end) or scripts.
std::string format_verify_text(const VerifyReport& report);
std::string format_verify_json(const VerifyReport& report);

}  // namespace gongwen
