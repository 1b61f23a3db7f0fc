#!/usr/bin/env bash
# nginx (Debian's nginx-light, from APT_TEST in mk/10-system.mk): nothing to install here,
# only a clear message when it is missing.
set -euo pipefail
PATH=$PATH:/usr/sbin
command -v nginx >/dev/null || {
  echo "nginx is missing: install Debian's nginx-light (make test does: mk/10-system.mk APT_TEST)" >&2
  exit 1
}
