// Build-time generator: prints the Traditional→Simplified mapping of the CJK ideograph blocks as
// C++ initializer lines "{0x8AAA, 0x8BF4}," for the characters ICU's transliterator changes to
// exactly one other character. Running ICU's transliterator at build time instead of at every
// start of gongwen saves about a quarter of a second per process.
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdio>
#include <memory>

int main() {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> tr(
        icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, status));
    if (U_FAILURE(status) || !tr) {
        std::fprintf(stderr, "gen_fold_table: ICU has no Traditional-Simplified transliterator\n");
        return 1;
    }
    constexpr UChar32 kFirst = 0x3400;
    constexpr UChar32 kLast = 0x9FFF;
    constexpr UChar32 kChunk = 512;
    // One character per line so that no multi-character rule joins neighbours; in chunks,
    // since ICU shifts the rest of the string on every replacement.
    for (UChar32 first = kFirst; first <= kLast; first += kChunk) {
        const UChar32 last = std::min(kLast, first + kChunk - 1);
        icu::UnicodeString chunk;
        for (UChar32 cp = first; cp <= last; ++cp) chunk.append(cp).append(static_cast<UChar>('\n'));
        tr->transliterate(chunk);
        UChar32 cp = first;
        for (int32_t i = 0; i < chunk.length() && cp <= last; ++cp) {
            int32_t end = chunk.indexOf(static_cast<UChar>('\n'), i);
            if (end < 0) end = chunk.length();
            const UChar32 mapped = chunk.char32At(i);
            if (chunk.countChar32(i, end - i) == 1 && mapped != cp)
                std::printf("{0x%04X, 0x%04X},\n", static_cast<unsigned>(cp), static_cast<unsigned>(mapped));
            i = end + 1;
        }
    }
    return 0;
}
