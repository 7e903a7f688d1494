# Builds and installs kubectl-speedscale_istio and its completion executable.
#
#   make                       release build of both executables
#   make install               into /usr/local (PREFIX=... to change, DESTDIR=... to stage)
#   make uninstall
#   make dist                  a release archive for this OS and CPU (for krew), in dist/
#   make test                  swift test
#
# install puts kubectl-speedscale_istio and kubectl_complete-speedscale_istio in $(PREFIX)/bin,
# where kubectl finds both, and the shell scripts where bash-completion, zsh and fish look.

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share
SWIFT ?= swift
SWIFT_BUILD_FLAGS ?= -c release
# Where the built executables are; computed only when a target needs it and it is not given.
BINPATH ?= $(shell $(SWIFT) build $(SWIFT_BUILD_FLAGS) --show-bin-path)
INSTALL ?= install
SHA256 ?= $(shell command -v sha256sum >/dev/null 2>&1 && echo sha256sum || echo shasum -a 256)
# On Linux the executables are linked statically: the Swift runtime, libyaml and the C
# library are in them, so they run on any Linux without Swift or libyaml installed and start
# without the dynamic loader's work. Without libyaml's static archive (libyaml.a, in
# libyaml-dev), only the Swift runtime is linked in.
LIBYAML_ARCHIVE := $(wildcard $(shell pkg-config --variable=libdir yaml-0.1 2>/dev/null)/libyaml.a)
STATIC_FLAGS := $(if $(filter Linux,$(shell uname -s)),--static-swift-stdlib $(if $(LIBYAML_ARCHIVE),-Xswiftc -static-executable),)

PLUGIN = kubectl-speedscale_istio
COMPLETION = kubectl_complete-speedscale_istio
OS := $(shell uname -s | tr '[:upper:]' '[:lower:]')
ARCH := $(shell uname -m | sed -e 's/x86_64/amd64/' -e 's/aarch64/arm64/')

.PHONY: all build install uninstall dist test clean static-flags

all: build

build:
	$(SWIFT) build $(SWIFT_BUILD_FLAGS) $(STATIC_FLAGS) --product $(PLUGIN)
	$(SWIFT) build $(SWIFT_BUILD_FLAGS) $(STATIC_FLAGS) --product $(COMPLETION)

install: build
	$(INSTALL) -d "$(DESTDIR)$(BINDIR)"
	$(INSTALL) -m 0755 "$(BINPATH)/$(PLUGIN)" "$(DESTDIR)$(BINDIR)/$(PLUGIN)"
	$(INSTALL) -m 0755 "$(BINPATH)/$(COMPLETION)" "$(DESTDIR)$(BINDIR)/$(COMPLETION)"
	$(INSTALL) -d "$(DESTDIR)$(DATADIR)/bash-completion/completions" "$(DESTDIR)$(DATADIR)/zsh/site-functions" "$(DESTDIR)$(DATADIR)/fish/vendor_completions.d"
	$(INSTALL) -m 0644 completions/$(PLUGIN).bash "$(DESTDIR)$(DATADIR)/bash-completion/completions/$(PLUGIN)"
	$(INSTALL) -m 0644 completions/$(PLUGIN).zsh "$(DESTDIR)$(DATADIR)/zsh/site-functions/_$(PLUGIN)"
	$(INSTALL) -m 0644 completions/$(PLUGIN).fish "$(DESTDIR)$(DATADIR)/fish/vendor_completions.d/$(PLUGIN).fish"

uninstall:
	rm -f "$(DESTDIR)$(BINDIR)/$(PLUGIN)" "$(DESTDIR)$(BINDIR)/$(COMPLETION)"
	rm -f "$(DESTDIR)$(DATADIR)/bash-completion/completions/$(PLUGIN)" "$(DESTDIR)$(DATADIR)/zsh/site-functions/_$(PLUGIN)" "$(DESTDIR)$(DATADIR)/fish/vendor_completions.d/$(PLUGIN).fish"

# The archive the krew manifest (plugins/speedscale-istio.yaml) points at: both executables,
# the LICENSE and the completion scripts, for the OS and CPU this runs on.
dist:
	$(SWIFT) build $(SWIFT_BUILD_FLAGS) $(STATIC_FLAGS)
	rm -rf dist/stage && mkdir -p dist/stage/completions
	cp "$(BINPATH)/$(PLUGIN)" "$(BINPATH)/$(COMPLETION)" LICENSE dist/stage/
	cp completions/$(PLUGIN).* dist/stage/completions/
	tar -C dist/stage -czf dist/$(PLUGIN)-$(OS)-$(ARCH).tar.gz .
	rm -rf dist/stage
	cd dist && $(SHA256) $(PLUGIN)-$(OS)-$(ARCH).tar.gz > $(PLUGIN)-$(OS)-$(ARCH).tar.gz.sha256

test:
	$(SWIFT) test

clean:
	rm -rf dist
	$(SWIFT) package clean

# The link flags above, for scripts that build the same executable (Benchmarks/run.sh).
static-flags:
	@echo $(STATIC_FLAGS)
