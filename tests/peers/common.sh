# Sourced by the peer scripts: where installs and state live, and small shared steps.
# Installs go under $FERRY_CACHE/peers (kept between runs, stamped); each run's state goes under
# a temporary directory that with-peers creates and removes.
FERRY_CACHE=${FERRY_CACHE:-$HOME/.cache/ferry}
PEERS_HOME=$FERRY_CACHE/peers
PEERS_SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# A port that is free right now on 127.0.0.1 (the kernel picks it; a race with another process
# is possible but unlikely, and the peer's start fails loudly if it happens).
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# stamp_ok NAME INPUT...: true when NAME's stamp matches the sha256 of the given files, so an
# install re-runs only when its script or pins change.
stamp_ok() {
  local name=$1; shift
  [[ -f $PEERS_HOME/$name.stamp ]] && [[ $(cat "$PEERS_HOME/$name.stamp") == "$(cat "$@" | sha256sum)" ]]
}
stamp_write() {
  local name=$1; shift
  cat "$@" | sha256sum > "$PEERS_HOME/$name.stamp"
}

# wait_ready PID SECONDS CMD...: polls CMD until it succeeds; fails if PID dies or time runs out.
wait_ready() {
  local pid=$1 secs=$2; shift 2
  local deadline=$((SECONDS + secs))
  until "$@" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || return 1
    (( SECONDS < deadline )) || return 1
    sleep 0.2
  done
}

# start_fake NAME BINARY VAR STATE: starts a FAKE API binary of the test-support crate on a free
# port and prints its VAR=<base> line once it is listening.
start_fake() {
  local name=$1 binary=$2 var=$3 state=$4
  local bin=${CARGO_TARGET_DIR:-$HOME/.cache/ferry/target}/debug/$binary
  setsid "$bin" "127.0.0.1:$(free_port)" > "$state/$name.out" 2> "$state/$name.log" &
  echo $! > "$state/$name.pid"
  for _ in $(seq 1 100); do
    if grep -q "^$var=" "$state/$name.out" 2>/dev/null; then
      grep "^$var=" "$state/$name.out"
      return 0
    fi
    sleep 0.1
  done
  echo "the fake $name API did not start: $(cat "$state/$name.log")" >&2
  return 1
}
