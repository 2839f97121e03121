# The two commands of the README. Both set up what is missing first.
BUILD      ?= build
ASAN_BUILD ?= build-asan
JOBS       ?= $(shell nproc)
CMAKE_GEN  := -G Ninja
# The sanitizer build: clang with ASan + UBSan and libFuzzer's coverage instrumentation, so that
# the same objects make the test suite and the fuzz targets (fuzz/). -O1 keeps both fast enough.
# FUZZ_SCALE: multiplies the mutations `make test` runs on each fuzz target there (a fixed amount
# of work, never a time: fuzz/CMakeLists.txt).
FUZZ_SCALE ?= 1
ASAN_FLAGS := -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" \
              -DGONGWEN_SANITIZE=ON -DGONGWEN_FUZZ=ON -DGONGWEN_FUZZ_SMOKE_SCALE=$(FUZZ_SCALE)

.PHONY: all bootstrap build build-asan demo test test-asan clean

all: build

bootstrap:
	@bash scripts/bootstrap.sh

build: bootstrap
	@cmake -S . -B $(BUILD) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=RelWithDebInfo > /dev/null
	@cmake --build $(BUILD) -j $(JOBS)

build-asan: bootstrap
	@cmake -S . -B $(ASAN_BUILD) $(CMAKE_GEN) $(ASAN_FLAGS) > /dev/null
	@cmake --build $(ASAN_BUILD) -j $(JOBS)

# Converts every bundled fixture into out/ in each output format.
demo: build
	@bash scripts/demo.sh $(BUILD)/gongwen out

# The whole suite, then the whole suite again under AddressSanitizer + UBSan together with a
# fixed-size smoke run of every fuzz target (ctest -L fuzz; scripts/fuzz.sh --smoke). Leaks inside
# fontconfig and PoDoFo themselves are suppressed by tests/lsan.supp (see there why); malloc
# stacks are unwound fully so that those suppressions can see past the libraries' frames.
# The second pass runs even when the first fails; each ends with one line (ctest's count and
# the tests that failed), and the target fails when either pass did.
ASAN_ENV := ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:fast_unwind_on_malloc=0 \
            LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# pass_line NAME STATUS LOG: "make test: NAME: passed|FAILED — <ctest's count>[; failed: <names>]"
pass_line = count=$$(grep -E '^[0-9]+% tests passed' $(3) 2>/dev/null | tail -n 1); \
  failed=$$(sed -n 's/^[[:space:]]*[0-9]* - \(.*\) ([^)]*)$$/\1/p' $(3) 2>/dev/null | paste -sd ' ' -); \
  if [ $(2) -eq 0 ]; then verdict=passed; else verdict="FAILED (ctest exit status $(2))"; fi; \
  echo "make test: $(1): $$verdict — $${count:-no count from ctest}$${failed:+; failed: $$failed}"

test: build build-asan
	@normal=0; ctest --test-dir $(BUILD) --no-tests=error --output-on-failure -j $(JOBS) -O $(BUILD)/ctest.log || normal=$$?; \
	asan=0; $(ASAN_ENV) ctest --test-dir $(ASAN_BUILD) --no-tests=error --output-on-failure -j $(JOBS) -O $(ASAN_BUILD)/ctest.log || asan=$$?; \
	echo; \
	$(call pass_line,normal build ($(BUILD)),$$normal,$(BUILD)/ctest.log); \
	$(call pass_line,ASan + UBSan build with the fuzz smoke ($(ASAN_BUILD)),$$asan,$(ASAN_BUILD)/ctest.log); \
	[ $$normal -eq 0 ] && [ $$asan -eq 0 ]

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) out
