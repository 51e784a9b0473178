#ifndef FUNNEL_CNCURSESW_SHIM_H
#define FUNNEL_CNCURSESW_SHIM_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* Swift 6 cannot read C globals or import these macros: wrap each. */
static inline WINDOW *funnel_stdscr(void) { return stdscr; }
static inline int funnel_lines(void) { return LINES; }
static inline int funnel_cols(void) { return COLS; }
static inline int funnel_colors(void) { return COLORS; }
static inline int funnel_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t funnel_a_bold(void) { return A_BOLD; }
static inline attr_t funnel_a_reverse(void) { return A_REVERSE; }
static inline attr_t funnel_a_underline(void) { return A_UNDERLINE; }
static inline attr_t funnel_a_dim(void) { return A_DIM; }
static inline attr_t funnel_a_normal(void) { return A_NORMAL; }
static inline int funnel_key_resize(void) { return KEY_RESIZE; }
static inline int funnel_key_mouse(void) { return KEY_MOUSE; }
static inline mmask_t funnel_mouse_mask(void) {
    return BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON1_CLICKED | REPORT_MOUSE_POSITION;
}
static inline int funnel_button1_pressed(mmask_t m) { return (m & BUTTON1_PRESSED) != 0; }
static inline int funnel_button1_released(mmask_t m) { return (m & BUTTON1_RELEASED) != 0; }
static inline int funnel_button1_clicked(mmask_t m) { return (m & BUTTON1_CLICKED) != 0; }

/* Paint one grapheme cluster (a NUL-terminated wide string) with attributes and a colour pair. */
static inline int funnel_put_cluster(int y, int x, const wchar_t *text, attr_t attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attrs, pair, NULL) != OK) return ERR;
    return mvadd_wch(y, x, &cell);
}

extern int wcwidth(wchar_t c);

/* Signals live in the CFunnelSignals target (one object file, one copy of their state). */

#endif
