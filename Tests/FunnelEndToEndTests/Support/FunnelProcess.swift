// The binary under test, the process runner, the tmux driver and the other shared helpers
// live in FunnelTestSupport, one place for every test target.
@_exported import FunnelTestSupport
