// The digests' hex forms: the bytes of a digest two lowercase digits each, high nibble first.
#include "gongwen/digest.hpp"

#include <gtest/gtest.h>

#include <string>

namespace gongwen {
namespace {

TEST(Digest, HexWritesEachByteAsTwoLowercaseDigitsHighNibbleFirst) {
    EXPECT_EQ(to_hex(std::string("\x00\x0f\xa5\xff\x10", 5)), "000fa5ff10");
    EXPECT_EQ(to_hex(""), "");
}

TEST(Digest, Sha256HexOfKnownInputs) {
    EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
}  // namespace gongwen
