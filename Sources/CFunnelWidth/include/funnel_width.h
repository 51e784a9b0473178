#ifndef FUNNEL_WIDTH_H
#define FUNNEL_WIDTH_H

#include <stdint.h>

/* The C library's wcwidth, which glibc declares only for X/Open sources (so Swift's Glibc module
   does not show it). It answers for the locale set with setlocale (TerminalLocale). */

/// Terminal columns of one Unicode scalar: 0, 1 or 2, or -1 when it is not printable.
int funnel_wcwidth(uint32_t scalar);

#endif
