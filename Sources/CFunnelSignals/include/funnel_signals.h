#ifndef FUNNEL_SIGNALS_H
#define FUNNEL_SIGNALS_H

/* The board's signal state, in exactly one object file (signals.c), so a release build cannot
   end up with one copy set by the handler and another read by the loop.

   SIGINT, SIGTERM, SIGHUP and SIGQUIT (Ctrl-\\) record the signal and write a byte to a self-pipe, so a loop
   waiting in poll() wakes at once. Fatal signals (SIGSEGV, SIGILL, SIGTRAP, SIGABRT, SIGBUS,
   SIGFPE) restore the terminal and die of the same signal. */

/// Installs the handlers and creates the wake-up pipe. A SIGHUP already ignored (nohup) stays
/// ignored. Returns 0, or -1 with errno set.
int funnel_signals_install(void);

/// The quit signal received (SIGINT, SIGTERM or SIGHUP), or 0.
int funnel_signals_pending(void);

/// The read end of the wake-up pipe (non-blocking), or -1 before install.
int funnel_signals_wakeup_fd(void);

/// Empties the wake-up pipe.
void funnel_signals_drain(void);

/// Bytes written to the terminal when a fatal signal restores it, after endwin()
/// (e.g. a terminal mode the board set). At most 63 bytes; copied.
void funnel_signals_set_restore(const char *bytes);

/// For tests: pretends a quit signal arrived (as the handler would).
void funnel_signals_simulate(int sig);

#endif
