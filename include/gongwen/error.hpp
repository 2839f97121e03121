// The one exception type for errors a user can cause: it names the file and the reason.
#pragma once

#include <stdexcept>
#include <string>

namespace gongwen {

class Error : public std::runtime_error {
public:
    Error(std::string file, std::string reason)
        : std::runtime_error(file.empty() ? reason : file + ": " + reason),
          file_(std::move(file)),
          reason_(std::move(reason)) {}
    const std::string& file() const { return file_; }
    const std::string& reason() const { return reason_; }

private:
    std::string file_;
    std::string reason_;
};

}  // namespace gongwen
