# System packages: Tauri's Linux prerequisites, and what the tests drive the app with.
APT_APP := libwebkit2gtk-4.1-dev build-essential curl wget file libxdo-dev libssl-dev \
  libayatana-appindicator3-dev librsvg2-dev pkg-config fonts-noto-cjk
APT_TEST := webkit2gtk-driver xvfb xauth x11-utils dbus dbus-x11 gnome-keyring libsecret-1-dev libsecret-tools jq \
  python3-venv nginx-light postgresql redis-server

.PHONY: deps-system deps-system-test
deps-system:
	@scripts/apt-install $(APT_APP)

deps-system-test:
	@scripts/apt-install $(APT_TEST)

TEST_DEPS += deps-system-test
