// What the EEP tests share: a temporary folder with files in it, and verify's failed checks.
#pragma once

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "gongwen/eep.hpp"

namespace gongwen::eep_testing {

namespace fs = std::filesystem;

class TempDir {
public:
    TempDir() {
        std::string t = (fs::temp_directory_path() / "gongwen-eep-test-XXXXXX").string();
        path_ = ::mkdtemp(t.data());
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    fs::path file(const std::string& name, const std::string& content) const {
        std::ofstream(path_ / name, std::ios::binary) << content;
        return path_ / name;
    }
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

// verify_eep of a package given as text.
inline VerifyReport verify_text(const std::string& xml) {
    const TempDir dir;
    return verify_eep(dir.file("package.xml", xml).string());
}

// The failed checks, as "aspect item: detail" lines, for assertions and their messages.
inline std::string failures(const VerifyReport& r) {
    std::string out;
    for (const CheckResult& c : r.checks)
        if (c.status == CheckStatus::fail) out += c.aspect + " " + c.item + ": " + c.detail + "\n";
    return out;
}

}  // namespace gongwen::eep_testing
