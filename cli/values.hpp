// The values of options, checked: each throws UsageError saying what it takes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "cli/options.hpp"

namespace gongwen {

std::vector<std::string> split_commas(const std::string& list);
std::size_t positive_number(const std::string& text, const std::string& option);
// A whole number with an optional binary suffix: 512, 64K, 256M, 1G, also 256MB or 256MiB.
std::uint64_t size_value(const std::string& text, const std::string& option);
// Seconds, with a fraction if wanted: 30, 2.5.
double seconds_value(const std::string& text, const std::string& option);
// --shard K/N.
void parse_shard(const std::string& text, InputSpec& spec);
// --pdfa 2b|3b.
PdfConformance pdfa_value(const std::string& text);
// --font ROLE=PATH[:INDEX], its file checked.
FontOverride font_value(const std::string& spec);
// --font-config FILE: its lines, each file checked.
std::vector<FontOverride> font_config_value(const std::string& path);
// --profile FILE, read and checked now, so that a typo stops the run before any package.
ArchiveProfile profile_value(const std::string& path);
// --payload FILE.pdf: it must exist.
std::string payload_value(const std::string& path);
// --eep-format: "pdf" or "ofd".
std::string eep_format_value(const std::string& text);
// --catalog FILE, read now: a catalog that cannot be read is a usage error.
std::shared_ptr<const Catalog> catalog_value(const std::string& path);
// The formats to write: -t's, else the one -o's extension names, else xml with -d; -t alone
// writes standard output.
void check_formats(Options& opt);

}  // namespace gongwen
