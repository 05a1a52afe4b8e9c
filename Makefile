# icpcheck — make targets
#   make run    install missing system packages, build, inspect every file under Samples/
#   make test   install missing system packages, build, run the whole test suite
#   make build  debug build only
#   make bench  release build; our JPEG decode against djpeg on the same files (ratios)
#   make asan   the codec and robustness tests under AddressSanitizer
#   make clean  remove build folders
SHELL := /bin/bash
SWIFT ?= swift
# Debian packages the build and the tests need: the codec libraries, pkg-config, and djpeg (bench).
APT_PACKAGES := libjpeg-dev libpng-dev libexif-dev pkg-config libjpeg-turbo-progs

.PHONY: setup build run test bench asan clean

setup:
	@bash Scripts/install-packages.sh $(APT_PACKAGES)

build: setup
	$(SWIFT) build

run: build
	@bin=$$($(SWIFT) build --show-bin-path); mapfile -d '' files < <(find Samples -type f ! -name '*.md' -print0 | sort -z); \
	  "$$bin/icpcheck" inspect "$${files[@]}"; status=$$?; \
	  echo "icpcheck exited with $$status (0: all files acceptable, 1: some have error findings)"; [ $$status -le 1 ]

test: setup
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --parallel

bench: setup
	@bash Scripts/bench.sh

asan: setup
	LSAN_OPTIONS=suppressions=$(CURDIR)/Scripts/lsan-suppressions.txt $(SWIFT) test --sanitize=address --scratch-path .build-asan --filter 'Robustness|Corpus|PNGFeature'

clean:
	rm -rf .build .build-asan
