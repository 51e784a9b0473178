#ifndef FUNNEL_CFRIBIDI_SHIM_H
#define FUNNEL_CFRIBIDI_SHIM_H

/* GNU FriBidi (libfribidi-dev), included directly: /usr/include/fribidi. No pkg-config. */
#include <fribidi/fribidi.h>

/* Swift cannot import these macros: wrap each. No state here. */
static inline FriBidiParType funnel_fribidi_par_auto(void) { return FRIBIDI_PAR_ON; }
static inline FriBidiParType funnel_fribidi_par_ltr(void) { return FRIBIDI_PAR_LTR; }
static inline FriBidiParType funnel_fribidi_par_rtl(void) { return FRIBIDI_PAR_RTL; }
static inline int funnel_fribidi_par_is_rtl(FriBidiParType type) { return FRIBIDI_IS_RTL(type) ? 1 : 0; }
static inline int funnel_fribidi_type_is_rtl_strong(FriBidiCharType type) {
    return FRIBIDI_IS_LETTER(type) && FRIBIDI_IS_RTL(type) ? 1 : 0;
}
/* Characters rule X9 removes (explicit embeddings, overrides, BN): they take no place in the order. */
static inline int funnel_fribidi_is_removed_by_x9(FriBidiCharType type) { return FRIBIDI_IS_EXPLICIT_OR_BN(type) ? 1 : 0; }
static inline FriBidiFlags funnel_fribidi_flags_mirroring(void) { return FRIBIDI_FLAG_SHAPE_MIRRORING; }
static inline FriBidiFlags funnel_fribidi_flags_arabic(void) { return FRIBIDI_FLAGS_ARABIC; }
static inline FriBidiChar funnel_fribidi_char_fill(void) { return FRIBIDI_CHAR_FILL; }
static inline const char *funnel_fribidi_unicode_version(void) { return FRIBIDI_UNICODE_VERSION; }

#endif
