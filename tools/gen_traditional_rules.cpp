// Build-time generator: prints the rules of ICU's Simplified-Traditional transliterator as one
// C++ raw string literal. to_traditional() compiles them with Transliterator::createFromRules,
// which gives the same transliterator without ICU's registry of every transliterator: making
// that registry is about four fifths of what Transliterator::createInstance costs, some tens of
// milliseconds of every process that reads a Traditional report. The rules are checked here:
// compiled again they must give back the very same rules.
#include <unicode/parseerr.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <cstdio>
#include <memory>
#include <string>

int main() {
    UErrorCode status = U_ZERO_ERROR;
    const std::unique_ptr<icu::Transliterator> tr(
        icu::Transliterator::createInstance("Simplified-Traditional", UTRANS_FORWARD, status));
    if (U_FAILURE(status) || !tr) {
        std::fprintf(stderr, "gen_traditional_rules: ICU has no Simplified-Traditional transliterator\n");
        return 1;
    }
    if (tr->countElements() != 0) {
        std::fprintf(stderr, "gen_traditional_rules: Simplified-Traditional is a compound transliterator\n");
        return 1;
    }
    icu::UnicodeString rules;
    tr->toRules(rules, false);
    UParseError error{};
    const std::unique_ptr<icu::Transliterator> again(
        icu::Transliterator::createFromRules("Simplified-Traditional", rules, UTRANS_FORWARD, error, status));
    icu::UnicodeString rules_again;
    if (U_SUCCESS(status) && again) again->toRules(rules_again, false);
    if (U_FAILURE(status) || !again || rules_again != rules) {
        std::fprintf(stderr, "gen_traditional_rules: the rules do not compile back to themselves\n");
        return 1;
    }
    std::string text;
    rules.toUTF8String(text);
    const std::string delimiter = "gongwen";
    if (text.find(")" + delimiter + "\"") != std::string::npos) {
        std::fprintf(stderr, "gen_traditional_rules: the rules contain the literal's delimiter\n");
        return 1;
    }
    std::printf("R\"%s(%s)%s\"\n", delimiter.c_str(), text.c_str(), delimiter.c_str());
    return 0;
}
