#define _GNU_SOURCE
#define NCURSES_WIDECHAR 1
#include "funnel_signals.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <ncursesw/curses.h>

static volatile sig_atomic_t pending_signal = 0;
static int wake_pipe[2] = { -1, -1 };
static char restore_bytes[64];
static volatile sig_atomic_t restore_length = 0;

static void wake(void) {
    if (wake_pipe[1] >= 0) {
        int saved = errno;
        char byte = 1;
        ssize_t ignored = write(wake_pipe[1], &byte, 1);
        (void)ignored;
        errno = saved;
    }
}

static void on_quit_signal(int sig) {
    pending_signal = sig;
    wake();
}

static void on_fatal_signal(int sig) {
    endwin();
    if (restore_length > 0) {
        ssize_t ignored = write(STDOUT_FILENO, restore_bytes, (size_t)restore_length);
        (void)ignored;
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

int funnel_signals_install(void) {
    if (wake_pipe[0] < 0 && pipe2(wake_pipe, O_NONBLOCK | O_CLOEXEC) != 0) return -1;

    struct sigaction quit;
    memset(&quit, 0, sizeof quit);
    quit.sa_handler = on_quit_signal;
    sigemptyset(&quit.sa_mask);
    int quit_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
    for (unsigned i = 0; i < sizeof quit_signals / sizeof quit_signals[0]; i++) {
        struct sigaction old;
        /* Started under nohup: SIGHUP stays ignored; the board still ends when the terminal
           goes away, by reading its end (see Terminal.next). */
        if (quit_signals[i] == SIGHUP && sigaction(SIGHUP, NULL, &old) == 0 && old.sa_handler == SIG_IGN) continue;
        if (sigaction(quit_signals[i], &quit, NULL) != 0) return -1;
    }

    struct sigaction fatal;
    memset(&fatal, 0, sizeof fatal);
    fatal.sa_handler = on_fatal_signal;
    fatal.sa_flags = SA_RESETHAND;
    sigemptyset(&fatal.sa_mask);
    int fatal_signals[] = { SIGSEGV, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE };
    for (unsigned i = 0; i < sizeof fatal_signals / sizeof fatal_signals[0]; i++) {
        if (sigaction(fatal_signals[i], &fatal, NULL) != 0) return -1;
    }
    return 0;
}

int funnel_signals_pending(void) { return pending_signal; }

int funnel_signals_wakeup_fd(void) { return wake_pipe[0]; }

void funnel_signals_drain(void) {
    char buffer[64];
    if (wake_pipe[0] < 0) return;
    while (read(wake_pipe[0], buffer, sizeof buffer) > 0) {}
}

void funnel_signals_set_restore(const char *bytes) {
    size_t length = strlen(bytes);
    if (length >= sizeof restore_bytes) length = sizeof restore_bytes - 1;
    restore_length = 0;
    memcpy(restore_bytes, bytes, length);
    restore_bytes[length] = 0;
    restore_length = (sig_atomic_t)length;
}

void funnel_signals_simulate(int sig) { on_quit_signal(sig); }
