# icpcheck — make targets
#   make run    install missing system packages, build, check the sample applications in Samples/
#               and write their review report (its path is printed last)
#   make test   install missing system packages, build, run the whole test suite
#   make build  optimised build only
#   make bench  release build; our JPEG decode against djpeg on the same files (ratios), the
#               heuristics and reading per file, the whole pipeline against djpeg -scale 1/8 and a
#               Python peer (Pillow + OpenCV, in .build/bench-venv) on the real corpus's JPEGs,
#               batch throughput and memory, cached re-runs with the review report (and its size)
#   make eval   precision and recall of the pixel heuristics on labelled images (the corpus photos,
#               the samples, a generated document set written to .build/document-set, and capture
#               variants of the corpus photos written to .build/photo-variants)
#   make golden what the last commit (or REF=…) and the working tree say about the same inputs, diffed
#   make asan   the codec, robustness, face-detector and editing-trace tests under AddressSanitizer
#   make install  install missing system packages, build, then install bin/icpcheck, its manual
#               pages (share/man/man1) and bash and zsh completions under $(DESTDIR)$(PREFIX)
#               (PREFIX=/usr/local unless given; DESTDIR empty unless given, for staging)
#   make uninstall  remove what make install put there (give the same PREFIX and DESTDIR)
#   make man    the manual pages (icpcheck.1, one per subcommand too), generated into .build/man;
#               make completions: the bash and zsh completion scripts, into .build/completions
#   make clean  remove build folders
SHELL := /bin/bash
SWIFT ?= swift
# Debian packages the build and the tests need: the codec libraries, pkg-config, djpeg (bench),
# OpenCV's published face cascades (data only, no OpenCV library), and Tesseract with its
# simplified-Chinese and English models (the "fast" models Debian ships; nothing is downloaded),
# and dlib, whose HOG face detector has its model compiled in (LAPACK and BLAS for its linking),
# SQLite (the report cache), Chromium with a CJK font for the review report's browser test, and
# tmux for the terminal test.
APT_PACKAGES := libjpeg-dev libpng-dev libexif-dev libwebp-dev pkg-config libjpeg-turbo-progs opencv-data \
	tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-eng libtesseract-dev libleptonica-dev \
	libdlib-dev liblapack-dev libblas-dev libsqlite3-dev chromium fonts-wqy-microhei tmux

.PHONY: setup build run test bench eval golden asan man completions install uninstall clean

setup:
	@bash Scripts/install-packages.sh $(APT_PACKAGES)

# One optimised build serves run, eval and test: the pixel heuristics (face detection on every
# photo) are far too slow unoptimised, and the tests need testability.
BUILD_FLAGS := -c release -Xswiftc -enable-testing
BIN = $$($(SWIFT) build $(BUILD_FLAGS) --show-bin-path)

build: setup
	$(SWIFT) build $(BUILD_FLAGS)

run: build
	@$(BIN)/icpcheck batch Samples --out .build/samples-out --html; status=$$?; \
	  if [ $$status -le 1 ]; then echo "Done (most samples are not ready on purpose: each shows one problem)."; fi; \
	  echo "Manifests in .build/samples-out/; review report: file://$(CURDIR)/.build/samples-out/report/index.html"; \
	  [ $$status -le 1 ]

test: setup
	$(SWIFT) build --build-tests $(BUILD_FLAGS)
	$(SWIFT) test --skip-build --parallel $(BUILD_FLAGS)

bench: setup
	@BUILD_FLAGS="$(BUILD_FLAGS)" bash Scripts/bench.sh

# The document set is drawn by Python (numpy) from corpus pages and generated layouts.
EVAL_PACKAGES := python3 python3-numpy libjpeg-turbo-progs
DOCUMENT_SET := .build/document-set

$(DOCUMENT_SET)/labels.json: Scripts/make-document-set.py $(wildcard Scripts/docset/*.py Scripts/samples/*.py)
	@bash Scripts/install-packages.sh $(EVAL_PACKAGES)
	rm -rf $(DOCUMENT_SET)
	python3 Scripts/make-document-set.py $(DOCUMENT_SET)

# Capture variants of the labelled corpus photos: other sizes, exposures, colour casts, turns, noise.
PHOTO_VARIANTS := .build/photo-variants

$(PHOTO_VARIANTS)/labels.json: Scripts/make-photo-variants.py $(wildcard Scripts/docset/*.py Scripts/samples/*.py)
	@bash Scripts/install-packages.sh $(EVAL_PACKAGES)
	rm -rf $(PHOTO_VARIANTS)
	python3 Scripts/make-photo-variants.py $(PHOTO_VARIANTS)

# Readable licences, ID cards, statements and certificates with known numbers, names and dates,
# drawn with CJK fonts by Debian's Python and Pillow: a split to tune on, and one never tuned on
# (other seeds, fonts and layouts).
READING_PACKAGES := python3-pil python3-numpy fonts-wqy-microhei fonts-wqy-zenhei fonts-arphic-uming \
	fonts-arphic-ukai fonts-dejavu-core
READING_TUNE := .build/reading-tune
READING_HOLDOUT := .build/reading-holdout
READING_SCRIPTS := Scripts/make-reading-set.py $(wildcard Scripts/reading/*.py Scripts/docset/*.py)

$(READING_TUNE)/labels.json: $(READING_SCRIPTS)
	@bash Scripts/install-packages.sh $(READING_PACKAGES)
	rm -rf $(READING_TUNE)
	/usr/bin/python3 Scripts/make-reading-set.py $(READING_TUNE) --split tune

$(READING_HOLDOUT)/labels.json: $(READING_SCRIPTS)
	@bash Scripts/install-packages.sh $(READING_PACKAGES)
	rm -rf $(READING_HOLDOUT)
	/usr/bin/python3 Scripts/make-reading-set.py $(READING_HOLDOUT) --split holdout

eval: build $(DOCUMENT_SET)/labels.json $(PHOTO_VARIANTS)/labels.json $(READING_TUNE)/labels.json $(READING_HOLDOUT)/labels.json
	@echo "== the real corpus (third parties' photographs and documents, labelled by a person)"
	@$(BIN)/icpcheck eval ../shared/corpora/real/labels.json
	@echo "== our own sets"
	@$(BIN)/icpcheck eval ../shared/corpora/photos/expected-labels.json Samples/labels.json $(DOCUMENT_SET)/labels.json \
		$(PHOTO_VARIANTS)/labels.json $(READING_TUNE)/labels.json $(READING_HOLDOUT)/labels.json

REF ?= HEAD
golden: build
	@BUILD_FLAGS="$(BUILD_FLAGS)" bash Scripts/golden.sh $(REF)

asan: setup
	LSAN_OPTIONS=suppressions=$(CURDIR)/Scripts/lsan-suppressions.txt $(SWIFT) test --sanitize=address --scratch-path .build-asan --filter 'Robustness|Corpus|PNGFeature|FaceDetector|EditingTrace'

# Installing. The manual pages are swift-argument-parser's GenerateManual plugin's (from the
# binary's --experimental-dump-help), one page per subcommand (man icpcheck.batch); the
# completion scripts are the binary's own (--generate-completion-script). Both are generated from
# the release build into .build, never into the source tree. The plugin builds the package again
# first: given BUILD_FLAGS, that reuses the build above. It writes into its SwiftPM work folder,
# cleared first so that a removed subcommand leaves no page; the pages are dated by the last commit
# (today outside git), so the same source gives the same pages.
PREFIX ?= /usr/local
BINDIR = $(PREFIX)/bin
MAN1DIR = $(PREFIX)/share/man/man1
BASH_COMPLETION_DIR = $(PREFIX)/share/bash-completion/completions
ZSH_COMPLETION_DIR = $(PREFIX)/share/zsh/site-functions
MAN_DIR := .build/man
COMPLETION_DIR := .build/completions
MANUAL_PLUGIN_OUTPUT := .build/plugins/GenerateManual/outputs/icpcheck
MAN_DATE = $$(git log -1 --format=%cs 2>/dev/null || date +%F)

man: build
	rm -rf $(MANUAL_PLUGIN_OUTPUT) $(MAN_DIR)
	$(SWIFT) package $(BUILD_FLAGS) plugin generate-manual --multi-page --date "$(MAN_DATE)"
	@[ -f $(MANUAL_PLUGIN_OUTPUT)/icpcheck.1 ] || { echo "error: no icpcheck.1 in $(MANUAL_PLUGIN_OUTPUT)" >&2; exit 1; }
	mkdir -p $(MAN_DIR) && cp $(MANUAL_PLUGIN_OUTPUT)/*.1 $(MAN_DIR)/
	@# The generator's EXIT STATUS is the generic "0 on success, >0 on error"; icpcheck's 1 means not ready.
	sed -i 's/^\.Ex -std$$/0 when everything checked is ready; 1 when an application is not ready or, by default, needs review for a warning (inspect: when a file has an error finding); 2 on a usage or fatal error./' $(MAN_DIR)/*.1

completions: build
	mkdir -p $(COMPLETION_DIR)
	$(BIN)/icpcheck --generate-completion-script bash > $(COMPLETION_DIR)/icpcheck.bash
	$(BIN)/icpcheck --generate-completion-script zsh > $(COMPLETION_DIR)/_icpcheck

# Folders install has to create (on a fresh DESTDIR, all of them) are recorded per destination in
# the build folder, so that uninstall removes exactly those again, each when left empty: never a
# folder that was there before (bin, share/man, or zsh's site-functions, which Debian's zsh makes).
INSTALL_RECORD = .build/installed-dirs/$$(printf '%s' "$(DESTDIR)$(PREFIX)" | md5sum | cut -c1-16)
INSTALL_DIRS = "$(DESTDIR)$(BINDIR)" "$(DESTDIR)$(MAN1DIR)" "$(DESTDIR)$(BASH_COMPLETION_DIR)" "$(DESTDIR)$(ZSH_COMPLETION_DIR)"

install: build man completions
	@mkdir -p .build/installed-dirs; record=$(INSTALL_RECORD); \
	for dir in $(INSTALL_DIRS); do \
		while [ ! -d "$$dir" ]; do echo "$$dir"; parent=$${dir%/*}; [ "$$parent" != "$$dir" ] || break; dir=$$parent; done; \
	done >> "$$record"; sort -u -o "$$record" "$$record"
	install -D -m 755 "$(BIN)/icpcheck" "$(DESTDIR)$(BINDIR)/icpcheck"
	for page in $(MAN_DIR)/*.1; do install -D -m 644 "$$page" "$(DESTDIR)$(MAN1DIR)/$${page##*/}" || exit 1; done
	install -D -m 644 $(COMPLETION_DIR)/icpcheck.bash "$(DESTDIR)$(BASH_COMPLETION_DIR)/icpcheck"
	install -D -m 644 $(COMPLETION_DIR)/_icpcheck "$(DESTDIR)$(ZSH_COMPLETION_DIR)/_icpcheck"

# Needs no build: the pages are icpcheck.1 and icpcheck.SUBCOMMAND.1, whichever subcommands the
# installed version had. Without the record (after make clean) the folders are left in place.
uninstall:
	rm -f "$(DESTDIR)$(BINDIR)/icpcheck" "$(DESTDIR)$(MAN1DIR)/icpcheck.1" "$(DESTDIR)$(MAN1DIR)"/icpcheck.*.1 \
		"$(DESTDIR)$(BASH_COMPLETION_DIR)/icpcheck" "$(DESTDIR)$(ZSH_COMPLETION_DIR)/_icpcheck"
	@record=$(INSTALL_RECORD); [ ! -f "$$record" ] || { \
		sort -r "$$record" | while IFS= read -r dir; do \
			[ ! -d "$$dir" ] || rmdir --ignore-fail-on-non-empty -v "$$dir"; done; rm -f "$$record"; }

clean:
	rm -rf .build .build-asan .build-golden
